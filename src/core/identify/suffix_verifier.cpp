#include "gradphoto/identify/suffix_verifier.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <array>

namespace gradphoto::identify {
namespace {

char upperX(char c) {
    return c == 'x' ? 'X' : c;
}

bool wellFormedSuffix(std::string_view s) {
    if (s.size() != 4) return false;
    for (std::size_t i = 0; i < 4; ++i) {
        const char c = upperX(s[i]);
        const bool digit = c >= '0' && c <= '9';
        if (!digit && !(c == 'X' && i == 3)) return false;
    }
    return true;
}

Problem lockedProblem() {
    return {"identify.locked", "核验错误次数过多，该学籍已锁定。请联系现场工作人员解锁。",
            "Too many wrong tries: this record is locked until staff unlock it."};
}

}  // namespace

SuffixVerifier::SuffixVerifier(std::shared_ptr<AttemptCounter> counter)
    : counter_(counter ? std::move(counter) : std::make_shared<InMemoryAttemptCounter>()) {}

bool SuffixVerifier::locked(const std::string& studentNo) const {
    return counter_->failures(studentNo) >= kMaxFailures;
}

int SuffixVerifier::triesLeft(const std::string& studentNo) const {
    return std::max(0, kMaxFailures - counter_->failures(studentNo));
}

void SuffixVerifier::unlock(const std::string& studentNo) {
    counter_->clear(studentNo);
}

SuffixResult SuffixVerifier::verify(const std::string& studentNo, std::string_view idNumber,
                                    std::string_view enteredSuffix) {
    SuffixResult result;
    if (locked(studentNo)) {
        result.outcome = SuffixOutcome::kLocked;
        result.problem = lockedProblem();
        return result;
    }
    // Trim what a touch keyboard may add around the entry.
    while (!enteredSuffix.empty() && enteredSuffix.front() == ' ') enteredSuffix.remove_prefix(1);
    while (!enteredSuffix.empty() && enteredSuffix.back() == ' ') enteredSuffix.remove_suffix(1);
    if (!wellFormedSuffix(enteredSuffix)) {
        result.outcome = SuffixOutcome::kMalformed;
        result.triesLeft = triesLeft(studentNo);
        result.problem = {"identify.suffix_malformed",
                          "请输入身份证号后四位（数字，最后一位可能是 X）。",
                          "Enter the last four characters of the ID number (digits, the last may "
                          "be X)."};
        return result;
    }
    std::array<char, 4> entered{};
    std::array<char, 4> expected{'?', '?', '?', '?'};
    for (std::size_t i = 0; i < 4; ++i) entered[i] = upperX(enteredSuffix[i]);
    if (idNumber.size() >= 4) {
        const auto tail = idNumber.substr(idNumber.size() - 4);
        for (std::size_t i = 0; i < 4; ++i) expected[i] = upperX(tail[i]);
    }
    if (CRYPTO_memcmp(entered.data(), expected.data(), entered.size()) == 0) {
        counter_->clear(studentNo);
        result.outcome = SuffixOutcome::kMatch;
        result.triesLeft = kMaxFailures;
        return result;
    }
    const int failures = counter_->addFailure(studentNo);
    if (failures >= kMaxFailures) {
        result.outcome = SuffixOutcome::kLocked;
        result.problem = lockedProblem();
        return result;
    }
    result.outcome = SuffixOutcome::kMismatch;
    result.triesLeft = kMaxFailures - failures;
    const std::string left = std::to_string(result.triesLeft);
    result.problem = {"identify.suffix_mismatch",
                      "身份证号后四位不正确，还可以尝试 " + left + " 次。",
                      "The last four characters do not match; " + left + " tries left."};
    return result;
}

}  // namespace gradphoto::identify
