#pragma once

// 核验学籍信息: the student enters the last four characters of the ID number. Case-insensitive X,
// compared in constant time; after kMaxFailures wrong tries the record is locked at this kiosk
// until staff unlock it.

#include <memory>
#include <string>
#include <string_view>

#include "gradphoto/common/error.h"
#include "gradphoto/identify/attempt_counter.h"

namespace gradphoto::identify {

enum class SuffixOutcome {
    kMatch,      // the record is the student's
    kMismatch,   // wrong; triesLeft more before the lock
    kLocked,     // locked now or before: staff must unlock
    kMalformed,  // not four characters of 0-9 / X: not counted as a try
};

struct SuffixResult {
    SuffixOutcome outcome = SuffixOutcome::kMalformed;
    int triesLeft = 0;
    Problem problem;  // what to show the student (empty code on kMatch)
};

class SuffixVerifier {
  public:
    static constexpr int kMaxFailures = 5;

    // counter: where failures are kept; nullptr means an InMemoryAttemptCounter (lost on restart).
    explicit SuffixVerifier(std::shared_ptr<AttemptCounter> counter = nullptr);

    SuffixResult verify(const std::string& studentNo, std::string_view idNumber,
                        std::string_view enteredSuffix);

    bool locked(const std::string& studentNo) const;
    int triesLeft(const std::string& studentNo) const;

    // Staff unlock. The caller checks the staff credentials and writes the audit log entry.
    void unlock(const std::string& studentNo);

  private:
    std::shared_ptr<AttemptCounter> counter_;
};

}  // namespace gradphoto::identify
