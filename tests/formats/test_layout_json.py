from __future__ import annotations

import copy
import errno
import json
import os

import pytest

from planner.formats import (
    LayoutFileError, LayoutWriteError, dumps_layout, layout_to_dict, loads_layout, read_layout,
    write_layout,
)
from planner.formats import layout_json
from tests.factories import small_layout


def valid() -> dict:
    return layout_to_dict(small_layout())


def refuse(data, expected: str) -> str:
    text = data if isinstance(data, (str, bytes)) else json.dumps(data)
    with pytest.raises(LayoutFileError) as info:
        loads_layout(text)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message and "Traceback" not in message
    return message


def with_change(change) -> dict:
    data = valid()
    change(data)
    return data


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["booths"][2].__setitem__("width", -3), "booths[2].width: expected a positive number, got -3"),
    (lambda d: d["booths"][0].__setitem__("depth", 0), "booths[0].depth: expected a positive number, got 0"),
    (lambda d: d["booths"][1].__setitem__("x", "12"), 'booths[1].x: expected a number, got "12"'),
    (lambda d: d["booths"][1].__setitem__("x", True), "booths[1].x: expected a number, got true"),
    (lambda d: d["booths"][1].pop("y"), "booths[1].y: required but missing"),
    (lambda d: d["booths"][3].__setitem__("status", "sold out"),
     'booths[3].status: expected one of available, reserved, sold, blocked, got "sold out"'),
    (lambda d: d["booths"][0].__setitem__("open_sides", ["front", "top"]), "booths[0].open_sides: expected"),
    (lambda d: d["booths"][0].__setitem__("open_sides", ["front", "front"]), "booths[0].open_sides: expected"),
    (lambda d: d["booths"][0].__setitem__("cooking", "yes"), "booths[0].cooking: expected true or false"),
    (lambda d: d["booths"][3].__setitem__("id", "b-1"), 'booths[3].id: duplicate id "b-1", already used at booths[0].id'),
    (lambda d: d["gates"][0].__setitem__("id", "anime"), 'gates[0].id: duplicate id "anime", already used at zones[0].id'),
    (lambda d: d["booths"][0].__setitem__("id", ""), "booths[0].id: expected a non-empty id"),
    (lambda d: d.pop("site"), "site: required but missing"),
    (lambda d: d["site"].__setitem__("boundary", [[[0, 0], [1, 1]]]),
     "site.boundary[0]: expected a ring of at least three points, got 2"),
    (lambda d: d["site"].__setitem__("boundary", [[[0, 0], [1, 1], [0, 0]]]),
     "site.boundary[0]: expected a ring of at least three points, got 2"),
    (lambda d: d["site"].__setitem__("boundary", []), "site.boundary: expected a polygon"),
    (lambda d: d["zones"][0]["polygon"][0].__setitem__(1, [1, 2, 3]), "zones[0].polygon[0][1]: expected a point [x, y]"),
    (lambda d: d["zones"][0].__setitem__("color", "red"), 'zones[0].color: expected a colour such as "#e4572e", got "red"'),
    (lambda d: d["zones"][0].__setitem__("peak_visitors", 2.5), "zones[0].peak_visitors: expected a whole number"),
    (lambda d: d["zones"][0].__setitem__("peak_visitors", -1), "zones[0].peak_visitors: expected a whole number"),
    (lambda d: d["obstacles"][0].__setitem__("kind", "lava"), "obstacles[0].kind: expected one of water, building"),
    (lambda d: d["amenities"][0].__setitem__("kind", "bar"), "amenities[0].kind: expected one of toilets"),
    (lambda d: d["gates"][0].__setitem__("kind", "in"), "gates[0].kind: expected one of entrance, exit, both"),
    (lambda d: d["settings"].__setitem__("body_radius", 0), "settings.body_radius: expected a positive number"),
    (lambda d: d["event"].__setitem__("dates", "13 Sept"), "event.dates: expected an ISO 8601 date or interval"),
    (lambda d: d.__setitem__("georef", {"lat": 95, "lon": 120}), "georef.lat: expected a number from -90 to 90"),
    (lambda d: d.__setitem__("background", {"image": "a.png", "metres_per_pixel": 0.5, "opacity": 2}),
     "background.opacity: expected a number from 0 to 1"),
    (lambda d: d.__setitem__("booths", {}), "booths: expected a list, got {}"),
    (lambda d: d["booths"].__setitem__(0, 7), "booths[0]: expected an object, got 7"),
    (lambda d: d.__setitem__("format", "something-else"), 'format: expected "festival-planner/layout"'),
    (lambda d: d.__setitem__("version", "1"), "version: expected a whole number"),
    (lambda d: d.__setitem__("version", 0), "version: expected a whole number of one or more"),
])
def test_structure_and_type_errors_name_the_path(change, expected):
    refuse(with_change(change), expected)


def test_a_newer_version_is_refused_by_name():
    message = refuse(with_change(lambda d: d.__setitem__("version", 7)), "version 7")
    assert "update Festival Floor Planner" in message


@pytest.mark.parametrize("text, expected", [
    ('{"format": "festival-planner/layout", ', "not valid JSON"),
    ("", "The file is empty."),
    ("  \n", "The file is empty."),
    ('{"format": "festival-planner/layout",\n "booths": [1, 2,\n ]}', "remove the comma before the closing bracket at line 2, column 17"),
    ('{"format": 1,\n}', "remove the comma before the closing bracket at line 1, column 13"),
    ("[1, 2]", "expected an object"),
    (b"\xff\xfe{\x00}\x00", "UTF-16 text; save it as UTF-8"),
    ('{"name": "西湖"}'.encode("utf-16-le"), "UTF-16 text; save it as UTF-8"),
    (b'{\n"name": "\xff"}', "not UTF-8 text (an invalid byte on line 2)"),
    ('{"version": NaN}', "NaN is not a number JSON allows"),
    ("[" * 100000 + "]" * 100000, "nested too deeply"),
    ('{"version": ' + "9" * 5000 + "}", "number too long"),
])
def test_unreadable_text_gets_one_sentence(text, expected):
    refuse(text, expected)


def test_huge_numbers_are_refused():
    data = json.dumps(valid()).replace('"peak_visitors": 1000', '"peak_visitors": 1' + "0" * 400)
    refuse(data, "zones[0].peak_visitors: expected a whole number up to 1000000000")
    data = json.dumps(valid()).replace('"x": 10,', '"x": 1e999,', 1)
    refuse(data, "expected a finite number")


def test_a_file_over_50_mb_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.festival.json"
    with open(path, "wb") as handle:
        handle.truncate(layout_json.MAX_FILE_BYTES + 1)
    with pytest.raises(LayoutFileError, match="limited to 50 MB"):
        read_layout(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LayoutFileError, match="does not exist"):
        read_layout(tmp_path / "nope.festival.json")
    with pytest.raises(LayoutFileError, match="is a folder"):
        read_layout(tmp_path)


def test_errors_from_a_file_name_it(tmp_path):
    path = tmp_path / "broken.festival.json"
    path.write_text(json.dumps(with_change(lambda d: d["booths"][2].__setitem__("width", -3))))
    with pytest.raises(LayoutFileError) as info:
        read_layout(path)
    assert str(info.value) == "broken.festival.json: booths[2].width: expected a positive number, got -3"
    assert info.value.json_path == "booths[2].width"


def test_geometry_problems_still_load():
    data = valid()
    data["booths"][1]["x"] = data["booths"][0]["x"] + 1           # overlapping booths
    data["booths"][1]["number"] = data["booths"][0]["number"]     # duplicate number
    data["gates"][0]["a"], data["gates"][0]["b"] = [20, 30], [25, 30]  # gate far from the boundary
    data["zones"][1]["polygon"] = [[[50, 20], [100, 50], [100, 20], [50, 50]]]  # bow tie
    data["booths"][0]["open_sides"] = []                          # closed booth
    layout = loads_layout(json.dumps(data))
    assert len(layout.booths) == 4 and layout.booths[0].open_sides == ()


def test_unknown_keys_survive_a_round_trip(tmp_path):
    data = valid()
    data["x-custom"] = {"nested": [1, "二", None]}
    data["settings"]["lighting"] = "warm"
    data["site"]["note"] = "fenced"
    data["booths"][0]["power_kw"] = 3.5
    data["zones"][0]["sponsor"] = "杭州"
    data["event"]["contact"] = "info@example.org"
    data["gates"][0]["staffed"] = True
    path = tmp_path / "a.festival.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    write_layout(read_layout(path), path)
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["x-custom"] == {"nested": [1, "二", None]}
    assert again["settings"]["lighting"] == "warm"
    assert again["site"]["note"] == "fenced"
    assert again["booths"][0]["power_kw"] == 3.5
    assert again["zones"][0]["sponsor"] == "杭州"
    assert again["event"]["contact"] == "info@example.org"
    assert again["gates"][0]["staffed"] is True


def test_rings_are_read_in_any_winding_and_written_ccw_outside_cw_holes():
    data = valid()
    data["site"]["boundary"] = [
        [[0, 0], [0, 50], [100, 50], [100, 0], [0, 0]],   # clockwise, closed
        [[40, 20], [45, 20], [45, 25], [40, 25]],           # counter-clockwise hole
    ]
    written = layout_to_dict(loads_layout(json.dumps(data)))["site"]["boundary"]
    from planner.model.geometry import signed_area
    assert len(written[0]) == 4
    assert signed_area(written[0]) == pytest.approx(5000)
    assert signed_area(written[1]) == pytest.approx(-25)


def test_chinese_text_is_written_readably(tmp_path):
    path = tmp_path / "zh.festival.json"
    write_layout(small_layout(), path)
    text = path.read_text(encoding="utf-8")
    assert "动漫" in text and "纸灯笼工作室" in text
    assert read_layout(path) == small_layout()


def test_utf8_with_bom_loads(tmp_path):
    path = tmp_path / "bom.festival.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_layout(small_layout()).encode())
    assert read_layout(path) == small_layout()


def test_a_failed_save_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "keep.festival.json"
    write_layout(small_layout(), path)
    before = path.read_bytes()
    changed = small_layout()
    changed.name = "Changed"

    def full_disk(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(layout_json.os, "fsync", full_disk)
    with pytest.raises(LayoutWriteError) as info:
        write_layout(changed, path)
    assert "No space left on device" in str(info.value)
    assert "previous file is unchanged" in str(info.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.festival.json"]


def test_save_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(LayoutWriteError, match="Could not save"):
        write_layout(small_layout(), tmp_path / "no" / "such" / "x.festival.json")


def test_save_keeps_the_file_permissions(tmp_path):
    path = tmp_path / "p.festival.json"
    write_layout(small_layout(), path)
    os.chmod(path, 0o640)
    write_layout(small_layout(), path)
    assert (path.stat().st_mode & 0o777) == 0o640


def test_migrations_run_in_order(monkeypatch):
    calls = []

    def to_v1(data):
        calls.append(data["version"])
        data = copy.deepcopy(data)
        data["name"] = data.pop("title")
        data["version"] = 1
        return data

    monkeypatch.setitem(layout_json.MIGRATIONS, 0, to_v1)
    monkeypatch.setattr(layout_json, "_OLDEST_VERSION", 0)
    data = valid()
    data["version"] = 0
    data["title"] = data.pop("name")
    layout = loads_layout(json.dumps(data))
    assert calls == [0] and layout.name == "Test Market"
