#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Remakes fuzz/corpus/projectfile/ from the real data with towntwin-cli: when
# the project format changes, seeds of the old format only teach the fuzzer
# error paths. Needs the sqlite3 command-line tool.
# Usage: fuzz/make-project-seeds.sh [BUILD_DIR]   (default build/, with towntwin-cli built)
#
# Small seeds fuzz faster, so every seed is shrunk without changing what
# ProjectFile::load reads: no R-tree indexes (load never uses them) and
# 512-byte SQLite pages. The seeds:
#   zug.gpkg       Zug (CEA reference case): 15 buildings and the terrain
#   zug-roads.gpkg Zug with 5 of its streets and 20 surrounding (context) buildings
#   town.gpkg      the generated sample town cut to a few buildings, zones and roads,
#                  without its terrain, with the settings, energy assets and own rule
#                  set that only the GUI writes
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
cli=$build/app/towntwin-cli
data=$here/tests/data/zug-cea
out=$here/fuzz/corpus/projectfile
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# R-tree triggers call GDAL's SQL functions, so they go before any edit in plain SQLite.
drop_rtree() {
  local gpkg=$1 sql=$tmp/drop.sql
  sqlite3 "$gpkg" "SELECT 'DROP TRIGGER \"' || name || '\";' FROM sqlite_master WHERE type='trigger' AND name LIKE 'rtree_%'
                   UNION ALL SELECT 'DROP TABLE \"' || name || '\";' FROM sqlite_master
                     WHERE type='table' AND name LIKE 'rtree_%' AND sql LIKE '%VIRTUAL%'" >"$sql"
  echo "DELETE FROM gpkg_extensions WHERE extension_name='gpkg_rtree_index';" >>"$sql"
  sqlite3 "$gpkg" <"$sql"
}

"$cli" import --dem "$data/terrain.tif" --buildings "$data/zone.shp" -o "$tmp/zug.gpkg" >/dev/null 2>&1
drop_rtree "$tmp/zug.gpkg"

"$cli" import --dem "$data/terrain.tif" --buildings "$data/zone.shp" --context "$data/surroundings.shp" \
  --roads "$data/streets.shp" -o "$tmp/zug-roads.gpkg" >/dev/null 2>&1
drop_rtree "$tmp/zug-roads.gpkg"
sqlite3 "$tmp/zug-roads.gpkg" "DELETE FROM roads WHERE id NOT IN (SELECT id FROM roads ORDER BY id LIMIT 5);
  DELETE FROM buildings WHERE context = 1 AND id NOT IN (SELECT id FROM buildings WHERE context = 1 ORDER BY id LIMIT 20);"

"$cli" generate-town -o "$tmp/town.gpkg" >/dev/null 2>&1
drop_rtree "$tmp/town.gpkg"
# A point and its GeoPackage geometry blob (GP header, little-endian, no envelope, then WKB).
srs=$(sqlite3 "$tmp/town.gpkg" "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name='energy_assets'")
read -r origin_e origin_n < <(sqlite3 -separator ' ' "$tmp/town.gpkg" "SELECT origin_e, origin_n FROM site")
point_wkb() { python3 -c "import struct,sys; sys.stdout.write(struct.pack('<BIdd', 1, 1, $1, $2).hex())"; }
gp_header=$(python3 -c "import struct,sys; sys.stdout.write((b'GP\x00\x01' + struct.pack('<i', $srs)).hex())")
local_wkb=$(point_wkb 120 80)
absolute_wkb=$(point_wkb "$origin_e + 120" "$origin_n + 80")
sqlite3 "$tmp/town.gpkg" "
  DELETE FROM buildings WHERE id NOT IN (SELECT id FROM buildings ORDER BY id LIMIT 6);
  DELETE FROM zones WHERE id NOT IN (SELECT id FROM zones ORDER BY id LIMIT 4);
  DELETE FROM roads WHERE id NOT IN (SELECT id FROM roads ORDER BY id LIMIT 3);
  INSERT INTO towntwin_settings(key, value, type) VALUES
    ('residential_m2_per_person', '40', 'double'), ('m2_per_job_office', '25', 'double'),
    ('reach_radius_m_primary_school', '500', 'int'), ('plan_name', '\"Lianhu\"', 'QString');
  INSERT INTO energy_assets(id, name, type, host_building, parameters, geom, local_geom) VALUES
    ((SELECT MAX(id) FROM buildings) + 100, 'Battery', 'battery', 0,
     '{\"capacity_kwh\":2000,\"power_kw\":500}', X'$gp_header$absolute_wkb', X'$local_wkb');
  -- Its terrain would be most of the file; the Zug seeds carry one.
  DELETE FROM terrain; DELETE FROM gpkg_2d_gridded_tile_ancillary; DELETE FROM towntwin_meta WHERE key LIKE 'terrain_%';
  UPDATE towntwin_meta SET value = '{\"rules\":[{\"id\":\"far\",\"label\":\"FAR\",\"metric\":\"far_built_up\",\"min\":0.8,\"max\":2.5,\"warn_margin\":0.2},{\"id\":\"res\",\"metric\":\"residents\",\"target\":30000,\"tolerance\":0.05,\"warn_tolerance\":0.1}]}'
    WHERE key = 'rules_json';"

mkdir -p "$out"
for seed in zug zug-roads town; do
  sqlite3 "$tmp/$seed.gpkg" "PRAGMA page_size=512; VACUUM;"
  "$cli" kpis "$tmp/$seed.gpkg" >/dev/null  # each seed must still be a project TownTwin opens
  cp "$tmp/$seed.gpkg" "$out/$seed.gpkg"
  echo "$out/$seed.gpkg: $(stat -c %s "$out/$seed.gpkg") bytes"
done
