#!/usr/bin/env bash
# Configures and builds POC Planner into $BUILD_DIR (default build/). Extra args go to cmake.
# Both README commands build with the same flags (warnings as errors included), so the test command
# reuses the build the first command made instead of reconfiguring and compiling everything again.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} -DPOCPLAN_WERROR=ON "$@" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"
