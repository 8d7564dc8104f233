#pragma once

#include <stdexcept>
#include <string>

namespace gradphoto {

// A user-facing problem: a stable code, a Chinese message for students, an English one for staff
// logs and the command line.
struct Problem {
    std::string code;
    std::string message_zh;
    std::string message_en;
};

// Thrown where a caller cannot go on (unreadable input, I/O failure). Everything that a caller can
// report and go on from is returned as a Problem instead.
class Error : public std::runtime_error {
  public:
    enum class Kind { kInput, kIo, kUsage, kInternal };

    Error(Kind kind, Problem problem)
        : std::runtime_error(problem.message_en), kind_(kind), problem_(std::move(problem)) {}

    Kind kind() const { return kind_; }
    const Problem& problem() const { return problem_; }

  private:
    Kind kind_;
    Problem problem_;
};

}  // namespace gradphoto
