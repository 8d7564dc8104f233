#pragma once

#include <QString>

#include "gradphoto/common/error.h"

namespace gradphoto::console {

// The console is Chinese with an English translation: a Problem in the console's language.
QString problemText(const Problem& problem);
// "zh" or "en": set once when the console window is made.
void setConsoleLanguage(const QString& language);
QString consoleLanguage();
// zh or en text by the console's language.
QString localized(const std::string& zh, const std::string& en);

}  // namespace gradphoto::console
