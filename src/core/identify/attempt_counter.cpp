#include "gradphoto/identify/attempt_counter.h"

namespace gradphoto::identify {

int InMemoryAttemptCounter::failures(const std::string& studentNo) const {
    std::lock_guard lock(mutex_);
    const auto it = failures_.find(studentNo);
    return it == failures_.end() ? 0 : it->second;
}

int InMemoryAttemptCounter::addFailure(const std::string& studentNo) {
    std::lock_guard lock(mutex_);
    return ++failures_[studentNo];
}

void InMemoryAttemptCounter::clear(const std::string& studentNo) {
    std::lock_guard lock(mutex_);
    failures_.erase(studentNo);
}

}  // namespace gradphoto::identify
