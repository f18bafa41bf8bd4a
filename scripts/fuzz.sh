#!/usr/bin/env bash
# Builds the libFuzzer harnesses (plan, catalog and site loaders, NetBox YAML importer)
# with clang (ASan + UBSan) in build-fuzz/ and runs each for SECONDS_PER_TARGET
# seconds (default 20) on a copy of its seed corpus. New crash inputs are left in build-fuzz/crashes/;
# copy them into tests/fuzz/corpus/<corpus>/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${SECONDS_PER_TARGET:-20}}
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not installed; skipping the fuzz run"
  exit 0
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPOCPLAN_FUZZ=ON -DPOCPLAN_BUILD_GUI=OFF >/dev/null
targets=(plan_loader catalog_loader site_loader netbox_importer)
cmake --build build-fuzz --parallel "$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}")
mkdir -p build-fuzz/crashes
status=0
for t in "${targets[@]}"; do
  corpus=${t%%_*}
  work=build-fuzz/corpus-$t
  mkdir -p "$work"
  cp -n tests/fuzz/corpus/$corpus/* "$work"/ 2>/dev/null || true
  echo "fuzz: fuzz_${t} for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=0 build-fuzz/tests/fuzz/fuzz_${t} "$work" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=build-fuzz/crashes/${t}- -print_final_stats=1 2>build-fuzz/fuzz-$t.log; then
    status=1
    tail -30 build-fuzz/fuzz-$t.log
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' build-fuzz/fuzz-$t.log | sed "s/^/fuzz: $t /" || true
done
exit $status
