#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command (2): install what is missing, build, and run every test
# (GUI and OpenGL tests under Xvfb). TOWNTWIN_SANITIZE=1 builds with ASan+UBSan
# in build-asan instead.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [ "${TOWNTWIN_SANITIZE:-0}" = 1 ]; then
  build=$here/build-asan
  bash "$here/scripts/build.sh" "$build" -DTOWNTWIN_SANITIZE=ON
  export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  build=$here/build
  bash "$here/scripts/build.sh" "$build"
fi
export QT_QPA_PLATFORM=xcb
xvfb-run -a -s "-screen 0 1600x1000x24" \
  ctest --test-dir "$build" --output-on-failure --timeout 900 -j2
