#!/usr/bin/env bash
# Configures and builds into build/ (or $GRADPHOTO_BUILD_DIR) with ccache and two jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${GRADPHOTO_BUILD_DIR:-build}
# ccache keys on paths relative to the checkout, so another clone of the same sources hits the cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${GRADPHOTO_BUILD_TYPE:-RelWithDebInfo} >/dev/null
cmake --build "$BUILD_DIR" -j "${GRADPHOTO_JOBS:-2}"
