#include "booth_page.h"
#include "console_page.h"
#include "export_page.h"
#include "print_page.h"
#include "review_page.h"
#include "staff_page.h"
#include "stats_page.h"
#include "today_page.h"

namespace gradphoto::console {

std::vector<ConsolePageEntry> builtinConsolePages() {
    return {
        {"review", [](ConsoleContext& c, QWidget* p) { return new ReviewPage(c, p); }},
        {"today", [](ConsoleContext& c, QWidget* p) { return new TodayPage(c, p); }},
        {"print", [](ConsoleContext& c, QWidget* p) { return new PrintPage(c, p); }},
        {"booth", [](ConsoleContext& c, QWidget* p) { return new BoothPage(c, p); }},
        {"export", [](ConsoleContext& c, QWidget* p) { return new ExportPage(c, p); }},
        {"stats", [](ConsoleContext& c, QWidget* p) { return new StatsPage(c, p); }},
        {"staff", [](ConsoleContext& c, QWidget* p) { return new StaffPage(c, p); }},
    };
}

}  // namespace gradphoto::console
