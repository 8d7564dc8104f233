#include "console_text.h"

namespace gradphoto::console {

namespace {
QString& language() {
    static QString value = "zh";
    return value;
}
}  // namespace

void setConsoleLanguage(const QString& value) {
    language() = value == "en" ? "en" : "zh";
}

QString consoleLanguage() {
    return language();
}

QString localized(const std::string& zh, const std::string& en) {
    return QString::fromStdString(language() == "en" && !en.empty() ? en : zh);
}

QString problemText(const Problem& problem) {
    return localized(problem.message_zh, problem.message_en);
}

}  // namespace gradphoto::console
