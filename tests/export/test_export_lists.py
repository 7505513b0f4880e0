"""The booth list as CSV (safe in a spreadsheet) and the layout as GeoJSON (WGS84 or local metres)."""

from __future__ import annotations

import csv
import io
import json
import math

import pytest

from planner.export import ExportOptions, export_layout
from planner.formats.booth_csv import COLUMNS, csv_cell, dumps_booth_csv, plain_cell
from planner.formats.geojson import layout_geojson, local_to_wgs84
from planner.model import Booth, Georef
from tests.factories import small_layout


def _rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_lists_every_booth_sorted_by_number(tmp_path, west_lake):
    out = tmp_path / "booths.csv"
    export_layout(west_lake, out, ExportOptions())
    rows = _rows(out)
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == len(west_lake.booths)
    numbers = [r["number"] for r in rows]
    assert numbers == sorted(numbers)              # numbers here are zero-padded
    first = next(r for r in rows if r["number"] == "ANI-001")
    assert first["zone"] == "Anime · 动漫" and first["zone_id"] == "anime"
    assert float(first["width_m"]) * float(first["depth_m"]) == pytest.approx(float(first["area_m2"]))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")     # Excel reads the Chinese names right


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1:A2)",
                                  "\tTabbed", "\rReturn", "=1+1"])
def test_csv_defuses_formulas(tmp_path, name):
    layout = small_layout()
    layout.booths[0].exhibitor = name
    layout.booths[1].number = name
    text = dumps_booth_csv(layout)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    cells = [c for row in rows for c in row]
    assert "'" + name in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) and not _number(c) for c in cells)
    assert plain_cell("'" + name) == name


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_csv_cells_keep_numbers_and_plain_text():
    assert csv_cell(-12.5) == "-12.5" and csv_cell("-12.5") == "-12.5" and csv_cell(3.0) == "3"
    assert csv_cell("Paper Lantern Studio") == "Paper Lantern Studio" and csv_cell(True) == "true"
    assert csv_cell("'quoted") == "'quoted" and plain_cell("'quoted") == "'quoted"
    assert csv_cell(None) == ""


def test_geojson_is_wgs84_near_the_georef(tmp_path, west_lake):
    out = tmp_path / "site.geojson"
    export_layout(west_lake, out, ExportOptions())
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and data["coordinate_system"]["type"] == "WGS84"
    g = west_lake.georef
    points = [p for f in data["features"] for p in _coordinates(f["geometry"])]
    assert all(abs(lon - g.lon) < 0.01 and abs(lat - g.lat) < 0.005 for lon, lat in points)
    booths = [f for f in data["features"] if f["properties"]["layer"] == "booth"]
    assert len(booths) == len(west_lake.booths)
    ring = booths[0]["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1] and len(ring) == 5
    layers = {f["properties"]["layer"] for f in data["features"]}
    assert layers == {"site", "obstacle", "zone", "gate", "booth", "amenity"}


def _coordinates(geometry):
    c = geometry["coordinates"]
    if geometry["type"] == "Point":
        return [c]
    if geometry["type"] == "LineString":
        return c
    return [p for ring in c for p in ring]


def test_wgs84_distances_and_rotation():
    """100 m north of the origin is about 0.000902° of latitude at 30° N; georef turns the local axes."""
    t = local_to_wgs84(Georef(lat=30.0, lon=120.0))
    lon, lat = t(0, 100)
    assert lon == pytest.approx(120.0) and lat - 30.0 == pytest.approx(100 / 110_852.4, rel=1e-3)
    lon, lat = t(100, 0)
    assert lat == pytest.approx(30.0) and lon - 120.0 == pytest.approx(100 / (111_320.7 * math.cos(math.radians(30))),
                                                                        rel=2e-3)
    # +y turned 90° clockwise from north points east.
    turned = local_to_wgs84(Georef(lat=30.0, lon=120.0, rotation_deg=90.0))
    lon, lat = turned(0, 100)
    assert lat == pytest.approx(30.0, abs=1e-9) and lon > 120.0


def test_geojson_without_georef_is_local_metres_and_says_so():
    layout = small_layout()
    layout.georef = None
    data = layout_geojson(layout)
    assert data["coordinate_system"]["type"] == "local" and data["coordinate_system"]["units"] == "metres"
    site = next(f for f in data["features"] if f["id"] == "site")
    assert [0, 0] in site["geometry"]["coordinates"][0] and [100, 50] in site["geometry"]["coordinates"][0]
    booth = next(f for f in data["features"] if f["id"] == "b-1")
    assert booth["properties"]["number"] == "ANI-001" and booth["properties"]["zone"] == "anime"


def test_booth_without_zone_is_listed_blank(tmp_path):
    layout = small_layout()
    layout.booths.append(Booth(id="b-9", number="X-1", x=95, y=10))
    rows = list(csv.DictReader(io.StringIO(dumps_booth_csv(layout).lstrip("\ufeff"))))
    row = next(r for r in rows if r["number"] == "X-1")
    assert row["zone"] == "" and row["zone_id"] == ""
