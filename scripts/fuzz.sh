#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer harnesses (fuzz/fuzz_*.cpp) with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer in build-fuzz/, then runs each for SECONDS
# (default 600), one after another, and prints executions per second and
# whether anything was found. Exit 1 when a harness found something.
#
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]   (HARNESS: epw, projectfile, ...; default all)
#   FUZZ_BUILD=0  skip configuring and building (the harnesses are built already)
#
# Seeds come from fuzz/corpus/<harness>/ (read only); what the fuzzer learns
# goes to build-fuzz/corpus/<harness>/ and is reused by the next run. Crashes,
# leaks, timeouts and out-of-memory inputs go to build-fuzz/crashes/<harness>/,
# each harness's output to build-fuzz/logs/<harness>.log.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build-fuzz
seconds=${1:-600}
shift || true
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [HARNESS...]" >&2
  exit 2
fi

harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for src in "$here"/fuzz/fuzz_*.cpp; do
    name=$(basename "$src" .cpp)
    harnesses+=("${name#fuzz_}")
  done
fi

if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  bash "$here/scripts/setup-deps.sh"
  # Only towntwin_model and towntwin_gis (and the harnesses) are built in this tree.
  CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTOWNTWIN_FUZZ=ON -DTOWNTWIN_BUILD_TESTS=OFF -DTOWNTWIN_BUILD_BENCH=OFF >/dev/null
  cmake --build "$build" --target towntwin_fuzzers -j"$(nproc)"
fi

# The caller's sanitizer settings (scripts/test.sh under TOWNTWIN_SANITIZE) are not ours:
# leaks count as findings here, and a report must end the run so the input is kept.
# A smaller quarantine and shorter allocation stacks make the GDAL harnesses ~1.5x faster.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1:quarantine_size_mb=64:malloc_context_size=10
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$here/fuzz/lsan.supp:print_suppressions=0

found=0
for name in "${harnesses[@]}"; do
  bin=$build/fuzz/fuzz_$name
  seeds=$here/fuzz/corpus/$name
  if [ ! -x "$bin" ] || [ ! -d "$seeds" ]; then
    echo "fuzz: no harness '$name' (want $bin and $seeds)" >&2
    exit 2
  fi
  corpus=$build/corpus/$name crashes=$build/crashes/$name log=$build/logs/$name.log
  mkdir -p "$corpus" "$crashes" "$build/logs"
  # Room for inputs twice the largest seed: the EPW seed is a whole year (1.5 MB),
  # above libFuzzer's own 1 MB cap, and a year cut short is refused at once.
  largest=$(find "$seeds" -type f -printf '%s\n' | sort -n | tail -n 1)
  max_len=$(( ${largest:-0} * 2 > 4096 ? ${largest:-0} * 2 : 4096 ))
  options=(-max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len="$max_len"
           -print_final_stats=1 -artifact_prefix="$crashes/")
  if [ -f "$here/fuzz/dict/$name.dict" ]; then options+=(-dict="$here/fuzz/dict/$name.dict"); fi
  marker=$(mktemp)
  status=0 start=$SECONDS
  "$bin" "${options[@]}" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
  took=$((SECONDS - start))
  new=$(find "$crashes" -type f -newer "$marker" | sort)
  rm -f "$marker"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  if [ "$status" -eq 0 ] && [ -z "$new" ]; then
    printf 'fuzz_%-14s %5s s %10s runs %7s exec/s  clean\n' "$name" "$took" "${runs:-?}" "${rate:-?}"
  else
    found=1
    printf 'fuzz_%-14s %5s s %10s runs %7s exec/s  FOUND (exit %s), log %s\n' \
      "$name" "$took" "${runs:-?}" "${rate:-?}" "$status" "$log"
    for f in $new; do echo "  input: $f"; done
    # The sanitizer's report, so a CI log shows what broke without the build folder.
    grep -m 1 -A 40 -E '^(==[0-9]+==ERROR|.*runtime error:|.*fuzz check failed|==[0-9]+== ERROR: libFuzzer)' "$log" \
      | sed 's/^/  | /' || tail -n 40 "$log" | sed 's/^/  | /'
  fi
done
if [ $found -ne 0 ]; then
  echo "fuzz: found something; minimise with: build-fuzz/fuzz/fuzz_NAME -minimize_crash=1 -runs=10000 INPUT" >&2
  exit 1
fi
echo "fuzz: ${#harnesses[@]} harnesses clean for ${seconds} s each"
