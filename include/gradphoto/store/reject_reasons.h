#pragma once

// Why a reviewer rejects a photo: a list in data (resources/reject_reasons.json) whose codes
// mirror the check ids of shared CLI-CONTRACT.md, so the console can preselect the reason of a
// failed check and the student sees the same words as the check.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gradphoto::store {

struct RejectReason {
    std::string code;  // stable: background_uniform, head_pose, jewellery, ...
    std::string zh;    // 背景不合格
    std::string en;
    std::vector<std::string> checks;  // the check ids this reason covers
};

class RejectReasons {
  public:
    // resourcesDir()/reject_reasons.json. Throws Error(kInput) when missing or malformed.
    static RejectReasons load();
    static RejectReasons load(const std::filesystem::path& file);
    static RejectReasons fromJsonText(const std::string& text, const std::string& origin);

    const std::vector<RejectReason>& all() const { return reasons_; }
    const RejectReason* find(const std::string& code) const;
    // The reason that covers a check id (head_yaw → head_pose), if any.
    const RejectReason* forCheck(const std::string& checkId) const;

  private:
    std::vector<RejectReason> reasons_;
};

}  // namespace gradphoto::store
