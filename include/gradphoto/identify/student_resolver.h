#pragma once

// Resolves a scanned collection code to a student: through the roster admins import
// (RosterStudentResolver) or the partner's HTTPS resolve service (HttpStudentResolver), chosen in
// the settings ("resolver": {"kind": "roster" | "http"}).

#include <optional>

#include "gradphoto/common/error.h"
#include "gradphoto/identify/scanned_code.h"
#include "gradphoto/identify/student_record.h"

namespace gradphoto::identify {

enum class ResolveStatus {
    kFound,
    kNotFound,  // the code is not in the roster / unknown to the service
    kOffline,   // the service could not be reached or kept failing: try again later
    kFailed,    // a permanent fault: refused credentials, an answer that is not authentic or valid
};

struct Resolution {
    ResolveStatus status = ResolveStatus::kNotFound;
    std::optional<StudentRecord> student;  // when found
    Problem problem;                       // what to tell the student / staff otherwise
};

class StudentResolver {
  public:
    virtual ~StudentResolver() = default;
    virtual Resolution resolve(const ScannedCode& code) = 0;
};

// The standard texts for the statuses (the resolvers fill these in).
Problem notFoundProblem();
Problem offlineProblem(const std::string& detail_en);

}  // namespace gradphoto::identify
