#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Usage: check_layering.sh [--self-test] SOURCE_DIR CXX ALLOWED_INCLUDES_FILE
# Fails (exit 1) naming each offending file when
#  - a model/ source includes OSG, GDAL/OGR/CPL, VTK, QtWidgets or QtOpenGL headers;
#  - a model/ header does not compile with only Qt Core/Gui includes;
#  - a public gis/ header (not *_p.h) includes GDAL, or does not compile
#    without GDAL's include path.
# --self-test copies the tree's model/ and gis/ headers to a scratch dir, adds
# a model header that includes <osg/Node> and a gis header that includes
# <gdal.h>, and passes only if the check reports both.
set -uo pipefail

self_test=0
if [ "${1:-}" = --self-test ]; then self_test=1; shift; fi
src=$1 cxx=$2 allowed_file=$3

forbidden='#[[:space:]]*include[[:space:]]*[<"](osg|osgViewer|osgGA|osgDB|osgUtil|osgText|OpenThreads|gdal|ogr_|ogrsf_|cpl_|vtk|QtWidgets|QtOpenGL|QtOpenGLWidgets|QWidget|QOpenGL|QMainWindow|QApplication)'
gdal_include='#[[:space:]]*include[[:space:]]*[<"](gdal|ogr_|ogrsf_|cpl_)'

includes=()
# /usr/include is searched anyway and must not be re-ordered before the C++ library's own headers.
while IFS= read -r dir; do
  [ -n "$dir" ] && [ "$dir" != /usr/include ] && includes+=("-isystem" "$dir")
done < <(tr ';' '\n' < "$allowed_file" | awk '!seen[$0]++')

run_check() {
  local root=$1 failures=0 f
  local scratch
  scratch=$(mktemp -d)
  # 1. Forbidden includes anywhere in model/ (headers and sources).
  while IFS= read -r line; do
    echo "LAYERING: model must not include GUI/OSG/GDAL/VTK: $line"
    failures=$((failures + 1))
  done < <(grep -rnE "$forbidden" "$root/model" --include='*.h' --include='*.cpp' --include='*.hpp' 2>/dev/null)
  # 2. Public gis headers must not include GDAL.
  while IFS= read -r line; do
    echo "LAYERING: public gis header exposes GDAL (move it to a *_p.h or the .cpp): $line"
    failures=$((failures + 1))
  done < <(find "$root/gis" -name '*.h' ! -name '*_p.h' -print0 2>/dev/null | xargs -0 -r grep -nE "$gdal_include" /dev/null)
  # 3. Every model header and public gis header compiles with only the allowed include paths.
  local headers=()
  while IFS= read -r f; do headers+=("$f"); done < <(find "$root/model" -name '*.h' | sort)
  while IFS= read -r f; do headers+=("$f"); done < <(find "$root/gis" -name '*.h' ! -name '*_p.h' | sort)
  for f in "${headers[@]}"; do
    echo "#include \"$f\"" > "$scratch/tu.cpp"
    if ! out=$("$cxx" -std=c++17 -fPIC -fsyntax-only -I"$root/model" -I"$root/gis" "${includes[@]}" \
                "$scratch/tu.cpp" 2>&1); then
      echo "LAYERING: $f does not compile with only Qt Core/Gui (+ model/gis) include paths:"
      echo "$out" | head -n 5
      failures=$((failures + 1))
    fi
  done
  rm -rf "$scratch"
  echo "layering: checked ${#headers[@]} headers under $root, $failures problem(s)"
  return $((failures > 0))
}

if [ $self_test = 1 ]; then
  tree=$(mktemp -d)
  trap 'rm -rf "$tree"' EXIT
  mkdir -p "$tree/model" "$tree/gis"
  (cd "$src" && find model gis -name '*.h' -exec cp --parents {} "$tree" \;)
  printf '#pragma once\n#include <osg/Node>\n' > "$tree/model/BadModelHeader.h"
  printf '#pragma once\n#include <gdal.h>\n' > "$tree/gis/BadGisHeader.h"
  out=$(run_check "$tree" 2>&1)
  echo "$out"
  if echo "$out" | grep -q 'BadModelHeader.h' && echo "$out" | grep -q 'BadGisHeader.h'; then
    echo "self-test: the check caught both bad includes"
    exit 0
  fi
  echo "self-test FAILED: the check did not report the planted bad includes"
  exit 1
fi
run_check "$src"
