#!/usr/bin/env bash
# Command 1: install what is missing, build, and open POC Planner on the bundled 3C+1D POC kit.
# Without a display (SSH, CI) it renders the window offscreen under Xvfb to build/screenshot.png.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
app=${BUILD_DIR:-build}/app/pocplanner
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" "$@"
fi
echo "run-app: no display; rendering the main window under Xvfb to ${BUILD_DIR:-build}/screenshot.png"
xvfb-run -a "$app" --screenshot "${BUILD_DIR:-build}/screenshot.png" "$@"
echo "run-app: wrote ${BUILD_DIR:-build}/screenshot.png"
