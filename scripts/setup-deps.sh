#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages TownTwin needs to build, test and package.
# Idempotent: when everything is present it installs nothing and touches no
# package list.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config file dpkg-dev
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  libqt6svg6
  libopenscenegraph-dev openscenegraph
  libvtk9-dev
  libgdal-dev gdal-bin
  coinor-libclp-dev libeigen3-dev
  libmosquitto-dev mosquitto
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
  clang libclang-rt-dev libsqlite3-dev
  xvfb xauth libgl1-mesa-dri libglx-mesa0 fonts-dejavu-core
  fonts-noto-cjk qt6-translations-l10n  # Chinese glyphs in the GUI, video and PDF; Qt's own dialogs in Chinese
  poppler-utils  # pdftotext and pdffonts: the report test reads the PDF back
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
