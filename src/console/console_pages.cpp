#include "booth_page.h"
#include "console_page.h"
#include "review_page.h"
#include "today_page.h"

namespace gradphoto::console {

std::vector<ConsolePageEntry> builtinConsolePages() {
    return {
        {"review", [](ConsoleContext& c, QWidget* p) { return new ReviewPage(c, p); }},
        {"today", [](ConsoleContext& c, QWidget* p) { return new TodayPage(c, p); }},
        {"booth", [](ConsoleContext& c, QWidget* p) { return new BoothPage(c, p); }},
    };
}

}  // namespace gradphoto::console
