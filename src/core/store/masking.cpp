#include "gradphoto/store/masking.h"

#include "gradphoto/identify/id_number.h"

namespace gradphoto::store {

std::string maskName(std::string_view name) {
    return identify::maskName(name);
}

std::string maskIdNumber(std::string_view idNumber) {
    return identify::maskIdNumber(idNumber);
}

}  // namespace gradphoto::store
