#!/usr/bin/env bash
# Applies the pinned .clang-format to every C++ source (./scripts/format.sh), or only checks it
# (./scripts/format.sh --check [ROOT]; the ctest "clang-format" runs this). The style is pinned to
# clang-format 14, Debian 12's: another major version formats differently, so the check refuses it.
# Exit 0 formatted, 1 a file differs, 77 the tool is missing or of another version (ctest: skipped),
# except under CI=true where a missing or wrong tool fails (exit 1) instead of skipping quietly.
set -euo pipefail
mode=apply
if [ "${1:-}" = --check ]; then mode=check; shift; fi
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
style=$(cd "$(dirname "$0")/.." && pwd)/.clang-format

unusable() {
  echo "format: $1" >&2
  if [ "${CI:-}" = true ]; then exit 1; fi
  exit 77
}
command -v clang-format >/dev/null || unusable "clang-format is not installed (Debian package clang-format)"
major=$(clang-format --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
[ "$major" = 14 ] || unusable "clang-format $major found; the style is pinned to version 14"

cd "$root"
mapfile -t files < <(find app catalog planner exporters tests -type f \( -name '*.cpp' -o -name '*.h' \) \
  -not -path '*/data/*' 2>/dev/null | sort)
[ ${#files[@]} -gt 0 ] || { echo "format: no sources under $root" >&2; exit 1; }
if [ $mode = apply ]; then
  clang-format --style="file:$style" -i "${files[@]}"
else
  clang-format --style="file:$style" --dry-run --Werror "${files[@]}"
  echo "format: ${#files[@]} files match .clang-format"
fi
