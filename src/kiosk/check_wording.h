#pragma once

#include <QCoreApplication>
#include <QString>
#include <string>

#include "gradphoto/report/report.h"

namespace gradphoto::kiosk {

// What a student reads about one compliance check, in the kiosk's language.
// Chinese: the check's own message_zh, which the checks write for students ("请把头摆正").
// English: a check's message_en is written for staff and logs ("head pitch 12.3 degrees (nose tip
// 0.204 face widths below the ears…)"), so the kiosk words each check itself, per check id and,
// where the measured value tells, per direction (chin up or down, too dark or too bright). The
// English texts come from the kiosk's translations (Qt Linguist) like every other kiosk text.
class CheckWording {
    Q_DECLARE_TR_FUNCTIONS(CheckWording)

  public:
    // language: "zh" or "en" (KioskWindow::language()).
    static QString forStudent(const CheckResult& check, const QString& language);
    // Whether the kiosk has its own wording for this check id (every id of the built-in checks
    // should: tests/kiosk/check_wording_test.cpp holds the kiosk to that).
    static bool knows(const std::string& checkId);
};

}  // namespace gradphoto::kiosk
