#pragma once

// Where the kiosk records each student session (statistics: sessions per day and booth, how they
// ended). The flow calls it when a session starts (开始采集 / 查询审核结果), when the student is
// identified, and when the session ends. A journal must never stop the flow: the flow ignores its
// exceptions.

#include <cstdint>
#include <string>
#include <string_view>

namespace gradphoto::flow {

enum class SessionOutcome { kSubmitted, kCancelled, kIdle, kFailed, kStatusChecked };
std::string_view toString(SessionOutcome outcome);

class SessionJournal {
  public:
    virtual ~SessionJournal() = default;
    // Returns the session's id for the calls below.
    virtual std::int64_t started() = 0;
    virtual void identified(std::int64_t session, const std::string& studentNo) = 0;
    virtual void ended(std::int64_t session, SessionOutcome outcome) = 0;
};

// --demo and tests without a store: remembers nothing.
class NoSessionJournal final : public SessionJournal {
  public:
    std::int64_t started() override { return ++last_; }
    void identified(std::int64_t, const std::string&) override {}
    void ended(std::int64_t, SessionOutcome) override {}

  private:
    std::int64_t last_ = 0;
};

}  // namespace gradphoto::flow
