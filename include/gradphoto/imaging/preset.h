#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace gradphoto {

struct Range {
    double min = 0;
    double max = 0;
    bool contains(double v) const { return v >= min && v <= max; }
    double middle() const { return (min + max) / 2; }
};

struct Rgb {
    int r = 0, g = 0, b = 0;
};

// A photo specification (resources/presets/NAME.json): size, file limits, geometry and colour.
// A new preset is a new file; no code changes.
struct Preset {
    std::string name;
    std::string title_zh;
    std::string title_en;
    int width = 480;
    int height = 640;
    int dpi = 300;
    long minBytes = 20 * 1024;
    long maxBytes = 40 * 1024;
    int minQuality = 60;
    Range headTop{50, 110};       // px from the top edge to the top of the head
    Range eyeLine{200, 300};      // px from the top edge to the line through both eye centres
    Range faceWidth{180, 300};    // px, cheek to cheek at ear height
    double maxCenterOffset = 12;  // px, face centre from the image centre
    Rgb background{100, 197, 255};
    double backgroundTolerance = 12;  // max mean distance (RGB) of the output backdrop from colour
    double maxUpscale = 1.5;          // largest enlargement of the capture allowed

    // Loads a preset by name (from resourcesDir()/presets) or from a JSON file path.
    // Throws Error(kInput) with the reason when unknown or malformed.
    static Preset load(const std::string& nameOrFile);
    static Preset fromJsonText(const std::string& text, const std::string& origin);
    // Names of every preset shipped in resources/presets.
    static std::vector<std::string> available();
};

}  // namespace gradphoto
