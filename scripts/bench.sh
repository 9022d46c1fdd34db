#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds and runs every benchmark (bench/bench_*.cpp), printing their figures.
# Usage: scripts/bench.sh [BUILD_DIR] [NAME...]   e.g. scripts/bench.sh build bench_energy
# Benchmarks that draw frames run under Xvfb with Mesa's llvmpipe, as the tests do.
# They take minutes (bench_import and bench_scene go up to a million buildings).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift || true
bash "$here/scripts/setup-deps.sh"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
if [ $# -gt 0 ]; then
  benches=("$@")
else
  benches=()
  for src in "$here"/bench/bench_*.cpp; do
    benches+=("$(basename "$src" .cpp)")
  done
fi
cmake --build "$build" -j"$(nproc)" --target "${benches[@]}"
export QT_QPA_PLATFORM=xcb
status=0
for bench in "${benches[@]}"; do
  echo "=== $bench"
  if ! xvfb-run -a -s "-screen 0 1600x1000x24" "$build/bench/$bench"; then
    echo "=== $bench FAILED"
    status=1
  fi
done
exit $status
