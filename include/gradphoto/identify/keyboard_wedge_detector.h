#pragma once

// Recognises a USB barcode scanner that "types" like a keyboard, by timing alone: a scanner sends
// a whole code within a few milliseconds per character and usually ends with Enter, while a person
// types more slowly and unevenly. No focused text box is needed: every key press of the window
// goes in, and what a person types is handed back as ordinary typing.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace gradphoto::identify {

struct KeyboardWedgeOptions {
    // Longest pause between two characters of one scan. Scanners type at 1-30 ms a character;
    // the fastest people rarely go below 60 ms for more than a few keys.
    std::chrono::milliseconds maxInterKeyGap{40};
    // Shortest code accepted as a scan (collection codes are long).
    std::size_t minLength = 8;
    // Without a terminating Enter, a burst ends when no key followed for this long.
    std::chrono::milliseconds idleCompletion{120};
};

class KeyboardWedgeDetector {
  public:
    using Clock = std::chrono::steady_clock;

    explicit KeyboardWedgeDetector(KeyboardWedgeOptions options = {});

    // One printable character (UTF-8) at time `at`. Returns a completed scan when the character
    // arrived so late that the previous burst ended (the burst, if it was scanner-like).
    std::optional<std::string> keyPressed(std::string_view character, Clock::time_point at);

    // Enter / Return at time `at`: completes the burst when it was typed like a scanner.
    std::optional<std::string> enterPressed(Clock::time_point at);

    // Called from a timer: completes a burst without Enter once it has been quiet long enough.
    std::optional<std::string> poll(Clock::time_point now);

    // True while a scanner-like burst is in progress: a window should hold its key events back
    // from text fields until the burst is over.
    bool inBurst(Clock::time_point now) const;

    void reset();

  private:
    std::optional<std::string> finishBurst();

    KeyboardWedgeOptions options_;
    std::string buffer_;
    std::size_t characters_ = 0;
    std::optional<Clock::time_point> lastKey_;
};

}  // namespace gradphoto::identify
