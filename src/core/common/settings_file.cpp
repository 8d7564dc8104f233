#include "gradphoto/common/settings_file.h"

#include <fstream>

#include "gradphoto/common/error.h"

namespace gradphoto {

nlohmann::json readSettingsFile(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        throw Error(Error::Kind::kInput, {"settings", "无法读取设置文件 " + file.string(),
                                          "cannot read the settings file " + file.string()});
    nlohmann::json parsed = nlohmann::json::parse(in, nullptr, false);
    if (parsed.is_discarded())
        throw Error(Error::Kind::kInput,
                    {"settings", "设置文件 " + file.string() + " 不是 JSON",
                     "the settings file " + file.string() + " is not valid JSON"});
    return parsed;
}

}  // namespace gradphoto
