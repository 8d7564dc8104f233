#include "gradphoto/flow/demo_student_lookup.h"

#include <algorithm>

#include "gradphoto/flow/masking.h"

namespace gradphoto::flow {

DemoStudentLookup::DemoStudentLookup(std::vector<DemoStudent> roster, int maxTries)
    : roster_(std::move(roster)), maxTries_(maxTries) {}

std::vector<DemoStudent> DemoStudentLookup::defaultRoster() {
    // Fictional people and numbers, for demonstrations only.
    return {
        {"DEMO-CHSI-0001", "2022010001", "张小三", "11010520000101123X", "计算机学院", "软件工程",
         "本科"},
        {"DEMO-CHSI-0002", "2022010002", "李四", "310104200002025678", "经济管理学院", "会计学",
         "本科"},
        {"DEMO-CHSI-0003", "2022010003", "欧阳明月", "440106199903034321", "外国语学院", "英语",
         "硕士研究生"},
    };
}

LookupResult DemoStudentLookup::findByPayload(const std::string& payload) {
    const auto it = std::find_if(roster_.begin(), roster_.end(),
                                 [&](const DemoStudent& s) { return s.payload == payload; });
    LookupResult result;
    if (it == roster_.end()) {
        result.status = LookupResult::Status::kNotFound;
        return result;
    }
    result.status = LookupResult::Status::kFound;
    result.student = StudentRecord{it->studentNo,  maskName(it->name), maskIdNumber(it->idNumber),
                                   it->department, it->major,          it->level};
    return result;
}

VerifyResult DemoStudentLookup::verifyLast4(const std::string& studentNo,
                                            const std::string& last4) {
    const auto it = std::find_if(roster_.begin(), roster_.end(),
                                 [&](const DemoStudent& s) { return s.studentNo == studentNo; });
    int& failures = failures_[studentNo];
    if (failures >= maxTries_) return {VerifyResult::Status::kLocked, 0};
    if (it != roster_.end() && it->idNumber.size() >= 4) {
        const std::string expected = normalizeLast4(it->idNumber.substr(it->idNumber.size() - 4));
        // Compare every character, so that the time taken says nothing about the position.
        unsigned diff = expected.size() ^ last4.size();
        for (std::size_t i = 0; i < expected.size() && i < last4.size(); ++i)
            diff |= static_cast<unsigned>(expected[i] ^ last4[i]);
        if (diff == 0) {
            failures = 0;
            return {VerifyResult::Status::kMatch, maxTries_};
        }
    }
    ++failures;
    if (failures >= maxTries_) return {VerifyResult::Status::kLocked, 0};
    return {VerifyResult::Status::kMismatch, maxTries_ - failures};
}

}  // namespace gradphoto::flow
