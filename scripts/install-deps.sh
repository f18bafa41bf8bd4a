#!/usr/bin/env bash
# Installs the Debian 12 packages POC Planner needs, only those missing; quick when all are present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libgl-dev
  libqcustomplot-dev nlohmann-json3-dev libxlsxwriter-dev zlib1g-dev libyaml-cpp-dev
  libdeflate-dev libsimdjson-dev
  fonts-dejavu-core xvfb xauth unzip poppler-utils
  desktop-file-utils shared-mime-info file
  clang-format
  git
)
if [ "${POCPLAN_DEV_TOOLS:-0}" = 1 ]; then
  packages+=(imagemagick)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo_cmd=(sudo); else
    echo "install-deps: not root and no sudo; install these packages first: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
