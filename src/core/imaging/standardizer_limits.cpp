#include "gradphoto/imaging/standardizer_limits.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "gradphoto/common/error.h"
#include "gradphoto/common/resources.h"

namespace gradphoto {

StandardizerLimits StandardizerLimits::load() {
    StandardizerLimits limits;
    const auto file = resourcesDir() / "standardizer.json";
    std::ifstream in(file);
    if (!in) return limits;
    try {
        const auto j = nlohmann::json::parse(in);
        limits.secondFaceRatio = j.value("second_face_ratio", limits.secondFaceRatio);
        limits.maxRollDeg = j.value("max_roll_deg", limits.maxRollDeg);
        limits.warnRollDeg = j.value("warn_roll_deg", limits.warnRollDeg);
        limits.minYawSymmetry = j.value("min_yaw_symmetry", limits.minYawSymmetry);
        limits.refuseRollDeg = j.value("refuse_roll_deg", limits.refuseRollDeg);
        limits.refuseYawSymmetry = j.value("refuse_yaw_symmetry", limits.refuseYawSymmetry);
        limits.maxBackdropClutter = j.value("max_backdrop_clutter", limits.maxBackdropClutter);
        limits.maxPersonOverreach = j.value("max_person_overreach", limits.maxPersonOverreach);
        limits.minTorsoCoverage = j.value("min_torso_coverage", limits.minTorsoCoverage);
        limits.maxSideContact = j.value("max_side_contact", limits.maxSideContact);
        limits.minEyeToTopFaceRatio =
            j.value("min_eye_to_top_face_ratio", limits.minEyeToTopFaceRatio);
    } catch (const nlohmann::json::exception& e) {
        throw Error(Error::Kind::kInput, {"settings_invalid", "标准化参数文件无效",
                                          "invalid " + file.string() + ": " + e.what()});
    }
    return limits;
}

}  // namespace gradphoto
