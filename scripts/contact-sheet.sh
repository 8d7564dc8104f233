#!/usr/bin/env bash
# Standardizes every public-domain / CC0 corpus portrait and lays the results out on one sheet
# (docs/contact-sheet.jpg), each labelled with its name or its refusal, so that hair edges,
# halos and crops can be judged by eye. Usage: scripts/contact-sheet.sh [OUT.jpg]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${GRADPHOTO_BUILD_DIR:-build}
CLI="$BUILD_DIR/src/cli/gradphoto"
DATA=${GRADPHOTO_TESTDATA:-../shared/testdata}
OUT=${1:-docs/contact-sheet.jpg}
[ -x "$CLI" ] || { echo "contact-sheet: build first (scripts/build.sh)" >&2; exit 2; }
[ -d "$DATA/portraits" ] || { echo "contact-sheet: no corpus at $DATA" >&2; exit 2; }
command -v montage >/dev/null || { echo "contact-sheet: needs ImageMagick (scripts/setup.sh)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tiles=()
for f in "$DATA"/portraits/*.jpg "$DATA"/portraits/*.png "$DATA"/portraits/hard/*.jpg "$DATA"/portraits/hard/*.png; do
  [ -f "$f" ] || continue
  case "$f" in *bgmatting*) continue ;; esac  # non-commercial licence: not for docs/
  name=$(basename "${f%.*}")
  if "$CLI" standardize "$f" -o "$work/$name.jpg" --report "$work/$name.json" >/dev/null 2>&1; then
    convert "$work/$name.jpg" -resize 240x320 "$work/$name.tile.png"
    label="$name"
  else
    reason=$(grep -o '"code": "[a-z_]*"' "$work/$name.json" | head -1 | cut -d'"' -f4)
    convert "$f" -resize 240x320 -background '#444' -gravity center -extent 240x320 \
      -fill '#0008' -draw 'rectangle 0,0 240,320' "$work/$name.tile.png"
    label="$name"$'\n'"REFUSED: $reason"
  fi
  tiles+=(-label "$label" "$work/$name.tile.png")
done
montage "${tiles[@]}" -tile 6x -geometry 240x320+6+6 -pointsize 11 -background white \
  -quality 85 "$OUT"
echo "contact sheet: $OUT"
