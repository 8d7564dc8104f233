#!/usr/bin/env bash
# Installs every build, run and test dependency from Debian's packages (idempotent, quiet when done).
set -euo pipefail
PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config clang-format
  libopencv-dev libdlib-dev libdlib-data libblas-dev liblapack-dev libjpeg-dev
  nlohmann-json3-dev libsqlite3-dev libssl-dev libcurl4-openssl-dev libzxing-dev libzip-dev
  libcpp-httplib-dev libgtest-dev libgmock-dev libbenchmark-dev
  qt6-base-dev qt6-multimedia-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  fonts-noto-cjk imagemagick libimage-exiftool-perl xvfb xauth opencv-data
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${#missing[@]} package(s): ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
