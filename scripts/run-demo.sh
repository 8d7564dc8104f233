#!/usr/bin/env bash
# Starts the kiosk in demo mode: replay camera, demo roster, DEMO payment, data under the user's
# data folder. With a display the kiosk opens fullscreen (staff PIN from settings to quit, default
# 2580); without one it runs the autopilot offscreen and says where the screenshots went.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
BUILD_DIR=${GRADPHOTO_BUILD_DIR:-build}
KIOSK="$BUILD_DIR/src/kiosk/gradphoto-kiosk"

# Replay images: the shared portraits when present; else Debian's scikit-image sample astronaut
# (public domain, NASA), taken from the python3-skimage package without installing it. That image
# is a 512 px studio shot whose face is too small for a CHSI photo and whose flag backdrop holds
# more faces, so the demo crops it to her head and shoulders and enlarges it 2.5x (what a booth
# camera zoomed in would deliver): a capture the standardizer accepts.
ARGS=(--demo)
TESTDATA=${GRADPHOTO_TESTDATA:-../shared/testdata}
if ! ls "$TESTDATA"/portraits/* >/dev/null 2>&1 && [ -z "${GRADPHOTO_REPLAY_DIR:-}" ]; then
  CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/gradphoto/demo-replay-v2"
  if ! ls "$CACHE"/*.jpg >/dev/null 2>&1; then
    echo "run-demo: no sample portraits; making one from Debian's python3-skimage astronaut.png"
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
    (cd "$WORK" && apt-get download -q python3-skimage >/dev/null)
    for deb in "$WORK"/*.deb; do dpkg-deb -x "$deb" "$WORK/x"; done
    mkdir -p "$CACHE"
    astronaut=$(find "$WORK/x" -name astronaut.png | head -1)
    convert "$astronaut" -crop 280x420+80+0 +repage -filter Lanczos -resize 250% \
      -quality 92 "$CACHE/astronaut-booth.jpg"
  fi
  ARGS+=(--replay "$CACHE")
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-demo: starting the kiosk on your display (staff PIN to quit: see docs/kiosk.md)"
  exec "$KIOSK" "${ARGS[@]}" "$@"
fi

SHOTS=${GRADPHOTO_SCREENSHOTS:-$(mktemp -d -t gradphoto-demo-XXXXXX)}
# A fresh data folder each run: in the user's folder the demo student would already have a photo
# under review from the last run, and the autopilot would only show its status.
DEMO_DATA=$(mktemp -d -t gradphoto-demo-data-XXXXXX)
echo "run-demo: no DISPLAY: running the autopilot offscreen instead (data in $DEMO_DATA)"
QT_QPA_PLATFORM=offscreen "$KIOSK" "${ARGS[@]}" --data-dir "$DEMO_DATA" --autopilot \
  --screenshots "$SHOTS" "$@"
echo "run-demo: the demo ran to a submitted photo; screenshots of every page are in $SHOTS"
