#pragma once

// Eye openness from the pixels, not from the landmarks' lid positions (dlib's 68-point model
// keeps the lids of a closed eye apart). Only the eye corners (36/39 and 42/45), which the model
// places reliably, are trusted: they define a frame across the eye, and the measure is the height
// of the dark band (upper lashes, iris and pupil) that crosses the eye's middle. An open eye shows
// the iris, a band about a third of the eye's width tall; a closed eye shows only the lash line.

#include <array>

#include "gradphoto/checks/check_session.h"

namespace gradphoto::checks {

struct EyeOpenness {
    // Height of the dark band across the middle half of the eye, in eye widths (corner to
    // corner): the 75th percentile over the columns of the longest run darker than the cut-off.
    double band = 0;
    // The skin's grey (median above and below the eye) minus the darkest grey (3rd percentile) of
    // the eye's middle, 0..255. Too little contrast: nothing to see (covered, patch, too dark).
    double contrast = 0;
    bool visible = false;  // contrast >= minContrast and the eye is wide enough to measure
};

// How the measure cuts dark from skin (resources/checks.json, eyes_open).
struct EyeOpennessLimits {
    double darkFraction = 0.6;  // cut-off = darkest + darkFraction * (skin - darkest)
    double minContrast = 25;    // grey levels between skin and the darkest part of the eye
    // Rows searched for the band, in eye widths above and below the corners' line (an open
    // eye's opening, not the brow or the crease above the lid); at most 0.5 (the frame's edge).
    double searchBand = 0.3;
    // Rows taken as the skin's reference: beyond this many eye widths from the corners' line.
    double skinFrom = 0.3;
};

// Both eyes of the session's main face in the working copy: [0] the eye on the image's left
// (points 36-41), [1] the one on the right (42-47). Without a face both are not visible.
std::array<EyeOpenness, 2> measureEyeOpenness(const CheckSession& session,
                                              const EyeOpennessLimits& limits);

}  // namespace gradphoto::checks
