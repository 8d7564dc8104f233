#pragma once

// The backdrop as the photo will show it, measured at a coarse scale. The backdrop matte's own
// fit samples only the top and side bands next to the head, where a bright sky or a defocused
// hedge can look smooth; a booth's wall must be one smooth surface wherever it is visible, down to
// the shoulders. The visible backdrop of the working copy (away from the person and from where
// hair may be, without padding bars at the sides) is cut into square cells; one smooth quadratic
// surface in Lab is fitted to the cells' mean colours (the cells that misfit most are left out of
// the fit); a cell further than a few ΔE from the surface is a blotch. A studio gradient, a
// vignette or a soft spotlight fit the surface; defocused foliage (bokeh), a horizon, a doorway or
// a mottled canvas do not.

#include <limits>
#include <opencv2/core.hpp>

#include "gradphoto/checks/check_session.h"

namespace gradphoto::checks {

// How the survey cuts the backdrop (resources/checks.json, background_uniform).
struct BackdropSurveyLimits {
    double cell = 0.1;           // cell side, face widths
    double personMargin = 0.05;  // cells keep this far from the person's matte, face widths
    double hairZone = 1.15;      // no cell within this scale of the head ellipse (hair, halo)
    double blotchDeltaE = 6.0;   // a cell further than this from the fitted surface is a blotch
    // Shadow: person-matte pixels beside the head, above the chin, that read as the fitted wall
    // darker by shadowMinDarker..shadowMaxDarker L* with the wall's chromaticity (within
    // shadowChroma), smooth (L* spread within shadowSmooth over a shadowSmoothPx square patch),
    // outside the face (the landmarks' hull grown by shadowFaceMargin face widths, its brows
    // raised by shadowForehead face widths to take in the forehead).
    double shadowMinDarker = 8, shadowMaxDarker = 45, shadowChroma = 4, shadowSmooth = 1.2;
    // ... and keeping at least this share of the fitted wall's luminance Y: a shadow is lit by
    // ambient and bounced light, near-black hair is not a shadow.
    double shadowMinLightShare = 0.2;
    int shadowSmoothPx = 5;
    double shadowFaceMargin = 0.03, shadowForehead = 0.3;
    // Cast shadow on the wall beside the person (outside the matte): the backdrop pixels within
    // castNear face widths of the person's outline, in rows castSegment face widths high, against
    // those castFarFrom..castFarTo face widths from it on the same side of the face in the same
    // row (in the nearest rows that have some where a tight crop leaves none there), down to
    // castBelowChin face widths below the chin; a band with fewer than castMinPx pixels (working
    // copy) is not compared.
    double castNear = 0.35, castFarFrom = 0.5, castFarTo = 1.0, castBelowChin = 1.0;
    double castSegment = 0.5;
    int castMinPx = 50;
    int minCells = 12;  // fewer visible cells: too little backdrop to judge
};

struct BackdropSurvey {
    int cells = 0;           // cells of visible backdrop
    double blotchShare = 0;  // share of the cells that are blotches
    double residualP90 = 0;  // 90th percentile of the cells' distance from the surface, ΔE
    bool judged = false;     // cells >= minCells
    // How far below the chin, in face widths, the person's matte first reaches a side of the
    // working copy that is not the capture's own edge (the higher of the two sides); infinity
    // when it reaches neither. Shoulders and arms reach the sides low or not at all; a field,
    // a hedge or a crowd the matte fused with the person reaches them near the shoulders.
    double sideReach = std::numeric_limits<double>::infinity();
    // A shadow on the wall touching the person: the matte takes it for part of the person (it is
    // darker than the wall), so it is looked for inside the matte beside the head. Its area in
    // square face widths (0 when not judged).
    double shadowArea = 0;
    // A shadow the matte kept out of the person, on the wall beside it: how much darker (L*) the
    // wall is right beside the person's outline than further out on the same side in the same
    // row, the darkest row's of either side; NaN when no row has castMinPx pixels beside the
    // outline with castMinPx further out on its side (or the survey did not judge). A mottled or
    // graded wall is as dark near the person as away from it (about 0); a soft spotlight behind the
    // head makes it lighter there, but for the lowest rows (about 0).
    double castShadow = std::numeric_limits<double>::quiet_NaN();
    // How light the wall is: the median L* (0-100) of the surveyed cells; a booth's wall is white
    // (seed §10.1). NaN when no cell was surveyed.
    double wallLightness = std::numeric_limits<double>::quiet_NaN();
    cv::Mat backdropMask;  // 8-bit over work(): the pixels surveyed
    cv::Mat cellResidual;  // CV_32F over work(): each surveyed cell's distance, else -1
};

// Surveys the session's working copy; alpha is its person matte (CheckSession::personAlpha()).
BackdropSurvey surveyBackdrop(const CheckSession& session, const cv::Mat& alpha,
                              const BackdropSurveyLimits& limits);

}  // namespace gradphoto::checks
