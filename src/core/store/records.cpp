#include "gradphoto/store/records.h"

#include <ctime>

namespace gradphoto::store {

std::string toIsoTime(UnixTime t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string_view toString(CaptureStatus status) {
    switch (status) {
        case CaptureStatus::kCaptured:
            return "captured";
        case CaptureStatus::kSubmitted:
            return "submitted";
        case CaptureStatus::kApproved:
            return "approved";
        case CaptureStatus::kRejected:
            return "rejected";
    }
    return "captured";
}

std::optional<CaptureStatus> parseCaptureStatus(std::string_view text) {
    for (auto s : {CaptureStatus::kCaptured, CaptureStatus::kSubmitted, CaptureStatus::kApproved,
                   CaptureStatus::kRejected}) {
        if (toString(s) == text) return s;
    }
    return std::nullopt;
}

std::string_view toString(ReviewDecision decision) {
    switch (decision) {
        case ReviewDecision::kApprove:
            return "approve";
        case ReviewDecision::kReject:
            return "reject";
        case ReviewDecision::kRevoke:
            return "revoke";
    }
    return "approve";
}

std::string_view toString(StaffRole role) {
    return role == StaffRole::kAdmin ? "admin" : "staff";
}

std::optional<StaffRole> parseStaffRole(std::string_view text) {
    if (text == "staff") return StaffRole::kStaff;
    if (text == "admin") return StaffRole::kAdmin;
    return std::nullopt;
}

}  // namespace gradphoto::store
