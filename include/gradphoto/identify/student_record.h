#pragma once

#include <string>

namespace gradphoto::identify {

// A student as the roster or the partner's resolve service knows them. idNumber and name are
// personal data: show them only through maskIdNumber / maskName, never log them.
struct StudentRecord {
    std::string studentNo;   // 学号
    std::string name;        // 姓名
    std::string idNumber;    // 身份证号, upper-case X
    std::string department;  // 院系
    std::string major;       // 专业
    std::string level;       // 层次 (本科, 硕士, ...)
};

}  // namespace gradphoto::identify
