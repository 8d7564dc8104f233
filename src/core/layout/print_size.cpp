#include "gradphoto/layout/print_size.h"

#include "gradphoto/common/error.h"
#include "gradphoto/imaging/preset.h"

namespace gradphoto::layout {

PrintSize printSizeOf(int widthPx, int heightPx, int fileDpi, const LayoutSettings& settings) {
    for (const auto& name : Preset::available()) {
        Preset preset;
        try {
            preset = Preset::load(name);
        } catch (const Error&) {
            continue;  // a broken preset file is inspect's business, not the sheet's
        }
        if (preset.width != widthPx || preset.height != heightPx) continue;
        if (const auto it = settings.photoSizes.find(name); it != settings.photoSizes.end())
            return {it->second, name};
        if (preset.dpi > 0)
            return {{widthPx * 25.4 / preset.dpi, heightPx * 25.4 / preset.dpi}, name};
    }
    const double dpi = fileDpi > 0 ? fileDpi : 300.0;
    return {{widthPx * 25.4 / dpi, heightPx * 25.4 / dpi}, ""};
}

}  // namespace gradphoto::layout
