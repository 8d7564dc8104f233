#include "gradphoto/identify/keyboard_wedge_detector.h"

namespace gradphoto::identify {

KeyboardWedgeDetector::KeyboardWedgeDetector(KeyboardWedgeOptions options) : options_(options) {}

void KeyboardWedgeDetector::reset() {
    buffer_.clear();
    characters_ = 0;
    lastKey_.reset();
}

std::optional<std::string> KeyboardWedgeDetector::finishBurst() {
    std::optional<std::string> scan;
    if (characters_ >= options_.minLength) scan = buffer_;
    reset();
    return scan;
}

std::optional<std::string> KeyboardWedgeDetector::keyPressed(std::string_view character,
                                                             Clock::time_point at) {
    std::optional<std::string> completed;
    if (lastKey_ && at - *lastKey_ > options_.maxInterKeyGap) {
        // Too slow to belong to the same scan: whatever came before is over.
        completed = finishBurst();
    }
    buffer_.append(character);
    ++characters_;
    lastKey_ = at;
    return completed;
}

std::optional<std::string> KeyboardWedgeDetector::enterPressed(Clock::time_point at) {
    if (!lastKey_ || at - *lastKey_ > options_.maxInterKeyGap) {
        // Enter after a pause: a person pressed it.
        auto completed = lastKey_ && at - *lastKey_ >= options_.idleCompletion
                             ? finishBurst()
                             : std::optional<std::string>{};
        reset();
        return completed;
    }
    return finishBurst();
}

std::optional<std::string> KeyboardWedgeDetector::poll(Clock::time_point now) {
    if (lastKey_ && now - *lastKey_ >= options_.idleCompletion) return finishBurst();
    return std::nullopt;
}

bool KeyboardWedgeDetector::inBurst(Clock::time_point now) const {
    return characters_ >= 2 && lastKey_ && now - *lastKey_ <= options_.idleCompletion;
}

}  // namespace gradphoto::identify
