#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb and .tar.gz with CPack, installs the .deb with dpkg -i and
# runs the installed towntwin-cli --version. Needs root (CI runs as root);
# exits 77 (skipped) otherwise. Usage: check-package.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: check-package.sh BUILD_DIR}
if [ "$(id -u)" -ne 0 ]; then
  echo "check-package: not root, cannot dpkg -i; skipped"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G "DEB;TGZ" -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/towntwin_*.deb)
tgz=$(ls "$out"/towntwin-*.tar.gz)
echo "built: $(basename "$deb") $(basename "$tgz")"
dpkg-deb --field "$deb" Package Version Depends
# List once: grep -q closing a live pipe kills dpkg-deb/tar with SIGPIPE under pipefail.
listing=$(dpkg-deb -c "$deb")
for f in ./usr/bin/towntwin ./usr/bin/towntwin-cli ./usr/share/applications/towntwin.desktop \
         ./usr/share/icons/hicolor/scalable/apps/towntwin.svg ./usr/share/towntwin/samples/sample-town.gpkg; do
  grep -q " $f\$" <<<"$listing" || { echo "check-package: $f missing from the .deb"; exit 1; }
done
grep -q 'bin/towntwin-cli$' <<<"$(tar -tzf "$tgz")" || { echo "check-package: towntwin-cli missing from the .tar.gz"; exit 1; }
dpkg -i "$deb" >/dev/null 2>&1 || { apt-get install -y -f -qq >/dev/null; dpkg -i "$deb"; }
version=$(/usr/bin/towntwin-cli --version)
echo "installed: $version"
[ "$version" = "towntwin $(dpkg-deb --field "$deb" Version)" ] || { echo "check-package: version mismatch"; exit 1; }
echo "check-package: OK"
