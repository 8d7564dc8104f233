#pragma once

// The kiosk demo's fictional students as store records, for the tests that run the window
// against a real SQLite store.

#include <vector>

#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/store/records.h"

namespace gradphoto::kiosk::gui_test {

inline std::vector<store::Student> demoRosterStudents() {
    std::vector<store::Student> rows;
    for (const auto& s : flow::DemoStudentLookup::defaultRoster()) {
        store::Student student;
        student.studentNo = s.studentNo;
        student.name = s.name;
        student.idNumber = s.idNumber;
        student.department = s.department;
        student.major = s.major;
        student.level = s.level;
        student.collectionCode = s.payload;
        rows.push_back(student);
    }
    return rows;
}

}  // namespace gradphoto::kiosk::gui_test
