#!/usr/bin/env bash
# Command 2: install what is missing, build (the same build as command 1), and run every test through ctest.
# SANITIZE=1 builds and tests with ASan + UBSan in build-asan/, TSAN=1 with ThreadSanitizer in build-tsan/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
if [ "${SANITIZE:-0}" = 1 ]; then
  export BUILD_DIR=build-asan
  ./scripts/build.sh -DPOCPLAN_SANITIZE=ON
elif [ "${TSAN:-0}" = 1 ]; then
  export BUILD_DIR=build-tsan
  ./scripts/build.sh -DPOCPLAN_TSAN=ON
else
  ./scripts/build.sh
fi
(cd "${BUILD_DIR:-build}" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" --timeout 600)
# A short libFuzzer run of each loader when clang is installed (FUZZ=0 skips it).
if [ "${FUZZ:-1}" = 1 ] && command -v clang++ >/dev/null; then
  ./scripts/fuzz.sh "${FUZZ_SECONDS:-15}"
fi
