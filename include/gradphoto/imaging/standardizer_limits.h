#pragma once

#include <string>

namespace gradphoto {

// Refusal thresholds of the standardizer (resources/standardizer.json); each names its rule there.
struct StandardizerLimits {
    double secondFaceRatio = 0.25;
    double maxRollDeg = 8.0;
    double warnRollDeg = 4.0;
    double refuseRollDeg = 20.0;
    double minYawSymmetry = 0.5;
    double refuseYawSymmetry = 0.3;
    double maxBackdropClutter = 0.12;
    double maxPersonOverreach = 0.12;
    double minTorsoCoverage = 0.7;
    double maxSideContact = 0.05;
    double minEyeToTopFaceRatio = 0.45;

    // resourcesDir()/standardizer.json; defaults above when the file is absent. Throws
    // Error(kInput) when it exists but is malformed.
    static StandardizerLimits load();
};

}  // namespace gradphoto
