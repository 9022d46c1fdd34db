#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command (1): install what is missing, build, and open TownTwin on the
# bundled sample town. Extra arguments go to the app (e.g. --screenshot F.png).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build
bash "$here/scripts/build.sh" "$build"
sample=$build/resources/sample-town.gpkg
app=("$build/app/towntwin" "$sample" "$@")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display; starting TownTwin under Xvfb" >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "${app[@]}"
fi
exec "${app[@]}"
