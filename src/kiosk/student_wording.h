#pragma once

#include <QCoreApplication>
#include <QString>
#include <string>

#include "gradphoto/common/error.h"
#include "gradphoto/report/report.h"

namespace gradphoto::kiosk {

// What a student reads about a compliance check or a standardization problem, in the kiosk's
// language. Chinese: the core's message_zh, which the checks and resources/imaging_messages.json
// write for students ("请把头摆正"). English: the core's message_en is written for staff and logs
// ("head pitch 12.3 degrees (nose tip 0.204 face widths below the ears…)"), so the kiosk words each
// check (per id and, where the check's value says which way, per direction: chin up or down, too
// dark or too bright, too far or too near, blur or noise) and each problem code itself. The English
// texts come from the kiosk's translations (Qt Linguist) like every other kiosk text; call on the
// GUI thread, where the kiosk installs and removes its translator.
class StudentWording {
    Q_DECLARE_TR_FUNCTIONS(StudentWording)

  public:
    // language: "zh" or "en" (KioskWindow::language()).
    static QString check(const CheckResult& check, const QString& language);
    static QString problem(const Problem& problem, const QString& language);
    // Whether the kiosk has its own English for this check id / problem code (every built-in check
    // and every code of imaging_messages.json should: tests/kiosk/student_wording_test.cpp).
    static bool knowsCheck(const std::string& checkId);
    static bool knowsProblem(const std::string& code);
};

}  // namespace gradphoto::kiosk
