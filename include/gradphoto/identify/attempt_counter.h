#pragma once

// Where the wrong tries at the last-four-characters check are counted, per student record. The
// store persists them (and audit-logs unlocks); InMemoryAttemptCounter is the default until then
// and for tests: its counts are lost when the program ends, so a restart unlocks every record.

#include <map>
#include <mutex>
#include <string>

namespace gradphoto::identify {

class AttemptCounter {
  public:
    virtual ~AttemptCounter() = default;
    virtual int failures(const std::string& studentNo) const = 0;
    // Adds one failure and returns the new count.
    virtual int addFailure(const std::string& studentNo) = 0;
    virtual void clear(const std::string& studentNo) = 0;
};

class InMemoryAttemptCounter final : public AttemptCounter {
  public:
    int failures(const std::string& studentNo) const override;
    int addFailure(const std::string& studentNo) override;
    void clear(const std::string& studentNo) override;

  private:
    mutable std::mutex mutex_;
    std::map<std::string, int> failures_;
};

}  // namespace gradphoto::identify
