"""`festival-planner check` and `route` (SPEC §3, §4): exit codes, --json shapes,
and every kind of route endpoint.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.formats import write_layout
from planner.model import Booth
from tests.solver.kit import BODY, booth_row, brute_force_path, gate, layout, navigable, wall, zone

ROOT = Path(__file__).resolve().parents[2]


def plaza():
    """60 × 40 m: a hall (20..40, 10..30), two gates, two zones, a row of booths, a walled-off yard."""
    booths = booth_row("A", 5, 5, 3, "down")                       # A-01..A-03, fronts on y = 5
    return layout(
        (0, 0, 60, 40), name="CLI Plaza",
        obstacles=[wall("hall", 20, 10, 40, 30, name="Town Hall", kind="building"),
                   wall("y1", 50, 30, 51, 40), wall("y2", 51, 30, 60, 31)],
        booths=booths,
        zones=[zone("west", 0, 0, 20, 40, 200, name="West Lawn"), zone("east", 40, 0, 60, 30, 200, name="East Lawn")],
        gates=[gate("g-n", (5, 40), (11, 40), name="North Gate"), gate("g-s", (45, 0), (51, 0), name="South Gate")],
    )


@pytest.fixture
def plaza_file(tmp_path) -> Path:
    path = tmp_path / "plaza.festival.json"
    write_layout(plaza(), path)
    return path


def run(capsys, *args):
    code = main([*map(str, args), "--lang", "en"])
    out, err = capsys.readouterr()
    return code, out, err


# -- check ---------------------------------------------------------------------------------------

def test_check_a_clean_layout_exits_0(plaza_file, capsys):
    code, out, err = run(capsys, "check", plaza_file)
    assert code == 0, out
    assert err == ""
    assert out.startswith("CLI Plaza")
    assert "0 errors" in out


def test_check_with_errors_exits_1_and_lists_them(tmp_path, capsys):
    lay = plaza()
    lay.booths.append(Booth(id="b-x", number="A-01", x=30, y=20))          # on the hall, number taken
    path = tmp_path / "bad.festival.json"
    write_layout(lay, path)
    code, out, _ = run(capsys, "check", path)
    assert code == 1
    assert "duplicate-booth-number" in out and "booth-outside-site" in out
    assert "Town Hall" in out


@pytest.mark.parametrize("content", [b"{not json", b'{"format": "festival-planner/layout", "version": 1}'])
def test_check_unreadable_input_exits_2_with_one_sentence(tmp_path, capsys, content):
    path = tmp_path / "broken.festival.json"
    path.write_bytes(content)
    code, out, err = run(capsys, "check", path)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_check_missing_file_exits_2(tmp_path, capsys):
    code, out, err = run(capsys, "check", tmp_path / "nowhere.festival.json")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_check_json_has_the_spec_shape(plaza_file, capsys):
    code, out, _ = run(capsys, "check", plaza_file, "--json")
    assert code == 0
    data = json.loads(out)
    # The keys SPEC §4 shows must be there (more may follow).
    assert {"layout", "summary", "findings", "paths", "egress", "zones"} <= set(data)
    assert data["layout"] == "CLI Plaza"
    assert set(data["summary"]) >= {"booths", "zones", "gates", "walkable_area_m2", "peak_visitors",
                                    "egress_time_s", "max_egress_flow_per_min", "worst_zone_density",
                                    "errors", "warnings"}
    assert data["summary"]["booths"] == 3 and data["summary"]["zones"] == 2 and data["summary"]["gates"] == 2
    assert data["summary"]["peak_visitors"] == 400
    # W = 2400 − hall 400 − yard walls (10 + 9) − booths 27 m².
    assert data["summary"]["walkable_area_m2"] == pytest.approx(2400 - 400 - 19 - 27, abs=0.01)
    e = data["egress"]
    assert set(e) >= {"time_s", "walk_s", "flow_s", "max_flow_per_min", "exits", "bottlenecks",
                      "without_largest_exit"}
    assert {x["gate"] for x in e["exits"]} == {"g-n", "g-s"}
    for x in e["exits"]:
        assert set(x) >= {"gate", "visitors", "flow_per_min", "time_s"}
    for b in e["bottlenecks"]:
        assert {"width_m", "segment"} <= set(b) and len(b["segment"]) == 2
    assert set(e["without_largest_exit"]) >= {"gate", "time_s"}
    assert e["without_largest_exit"]["gate"] == "g-n"            # both 6 m: the first by id
    for z in data["zones"]:
        assert set(z) >= {"id", "walkable_m2", "peak_visitors", "density", "los"}
    # Every gate-to-zone pair and every zone-to-zone pair.
    pairs = {(p["from"], p["to"]) for p in data["paths"]}
    assert pairs == {("g-n", "west"), ("g-n", "east"), ("g-s", "west"), ("g-s", "east"), ("west", "east")}
    for p in data["paths"]:
        assert set(p) >= {"from", "to", "length_m", "time_s", "polyline"}
        assert p["time_s"] == pytest.approx(p["length_m"] / 1.2, abs=0.01)
        length = sum(math.dist(a, b) for a, b in zip(p["polyline"], p["polyline"][1:]))
        assert length == pytest.approx(p["length_m"], abs=0.01)


def test_check_json_findings_shape(tmp_path, capsys):
    lay = plaza()
    lay.gates.append(gate("g-x", (60, 10), (60, 11), kind="exit", name="Fire Door"))
    path = tmp_path / "narrow.festival.json"
    write_layout(lay, path)
    code, out, _ = run(capsys, "check", path, "--json")
    data = json.loads(out)
    f = next(f for f in data["findings"] if f["rule"] == "exit-too-narrow")
    assert set(f) >= {"rule", "severity", "message", "location", "objects", "value", "limit"}
    assert f["severity"] == "warning" and f["objects"] == ["g-x"] and f["value"] == 1.0 and f["limit"] == 1.05
    assert len(f["location"]) == 2
    assert code == 0        # warnings only


def test_a_pair_with_no_path_has_null_length(tmp_path, capsys):
    lay = plaza()
    lay.zones.append(zone("yard", 51, 31, 60, 40, 10, name="Back Yard"))     # walled off in the corner
    path = tmp_path / "yard.festival.json"
    write_layout(lay, path)
    code, out, _ = run(capsys, "check", path, "--json")
    assert code == 1
    data = json.loads(out)
    to_yard = [p for p in data["paths"] if "yard" in (p["from"], p["to"])]
    assert len(to_yard) == 4       # two gates and two zones
    for p in to_yard:
        assert p["length_m"] is None
    assert {"zone-unreachable", "no-exit"} <= {f["rule"] for f in data["findings"]}


def test_check_by_subprocess_exit_codes(tmp_path, plaza_file):
    bad = tmp_path / "bad.festival.json"
    bad.write_text("[]")
    for path, code in ((plaza_file, 0), (bad, 2)):
        result = subprocess.run([sys.executable, "-m", "planner", "check", str(path), "--lang", "en"],
                                capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert result.returncode == code, result.stderr
        assert "Traceback" not in result.stderr


# -- route ------------------------------------------------------------------------------------------

def route_json(capsys, path, a, b):
    code, out, err = run(capsys, "route", path, a, b, "--json")
    return code, (json.loads(out) if out.strip() else None), err


def test_route_json_shape_between_points(plaza_file, capsys):
    code, data, _ = route_json(capsys, plaza_file, "5,20", "15,35")
    assert code == 0
    assert set(data) == {"from", "to", "length_m", "time_s", "polyline"}
    assert data["from"] == "5,20" and data["to"] == "15,35"
    assert data["length_m"] == pytest.approx(math.dist((5, 20), (15, 35)), abs=0.1)
    assert data["time_s"] == pytest.approx(data["length_m"] / 1.2, rel=1e-6)
    assert data["polyline"][0] == pytest.approx([5, 20]) and data["polyline"][-1] == pytest.approx([15, 35])


def test_route_around_the_hall(plaza_file, capsys):
    """From west of the hall to east of it, at mid-height: round a corner or two."""
    code, data, _ = route_json(capsys, plaza_file, "15,20", "45,20")
    assert code == 0
    # By hand: round two corners of the hall: 2 × √(5² + 10²) + 20 ≈ 42.4 m, plus the body radius.
    assert data["length_m"] > 2 * math.hypot(5, 10) + 20
    exact = brute_force_path(navigable(plaza()), (15, 20), (45, 20))
    assert data["length_m"] == pytest.approx(exact, abs=max(0.1, 0.01 * exact))


@pytest.mark.parametrize("a, b, label_a, label_b", [
    ("g-n", "east", "g-n", "east"),                  # ids
    ("b-A1", "g-s", "b-A1", "g-s"),                  # booth id
    ("A-02", "west", "b-A2", "west"),                # booth number
    ("north gate", "EAST LAWN", "g-n", "east"),      # names, ignoring case
    ("South Gate", "West Lawn", "g-s", "west"),
])
def test_route_endpoints_resolve(plaza_file, capsys, a, b, label_a, label_b):
    code, data, err = route_json(capsys, plaza_file, a, b)
    assert code == 0, err
    assert data["from"] == label_a and data["to"] == label_b
    assert data["length_m"] > 0


def test_route_from_a_booth_starts_at_its_front(plaza_file, capsys):
    """A-02's front is the middle of its south side (9.5, 5), moved out to N: (9.5, 4.75)."""
    code, data, _ = route_json(capsys, plaza_file, "A-02", "9.5,2")
    assert code == 0
    assert data["polyline"][0] == pytest.approx([9.5, 5 - BODY], abs=0.05)
    assert data["length_m"] == pytest.approx(5 - BODY - 2, abs=0.1)


def test_an_ambiguous_name_is_refused_listing_the_matches(tmp_path, capsys):
    lay = plaza()
    lay.gates[1].name = "West Lawn"            # a gate and a zone with one name
    path = tmp_path / "twice.festival.json"
    write_layout(lay, path)
    code, out, err = run(capsys, "route", path, "west lawn", "g-n")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "g-s" in err and "west" in err


def test_an_unknown_endpoint_is_refused(plaza_file, capsys):
    code, out, err = run(capsys, "route", plaza_file, "Nowhere Gate", "g-n")
    assert code == 2 and out == "" and "Nowhere Gate" in err


@pytest.mark.parametrize("typed, expected", [
    ("30,11.5", (30, 10 - BODY)),       # 1.5 m into the hall: moved to its south side
    ("30,28.1", (30, 30 + BODY)),       # 1.9 m in from the north side
    ("61.5,20", (60 - BODY, 20)),       # 1.5 m outside the site
])
def test_a_point_off_walkable_ground_moves_within_2_m(plaza_file, capsys, typed, expected):
    code, data, err = route_json(capsys, plaza_file, typed, "g-n")
    assert code == 0, err
    assert data["polyline"][0] == pytest.approx(list(expected), abs=0.05)


@pytest.mark.parametrize("typed", ["30,20", "30,12.1", "64,20"])
def test_a_point_farther_than_2_m_from_walkable_ground_is_refused(plaza_file, capsys, typed):
    code, out, err = run(capsys, "route", plaza_file, typed, "g-n")
    assert code == 2 and out == ""
    assert typed in err and len(err.strip().splitlines()) == 1


def test_no_path_exits_1(plaza_file, capsys):
    """From the walled-off yard (55, 35) to the north gate."""
    code, data, _ = route_json(capsys, plaza_file, "55,35", "g-n")
    assert code == 1
    assert data["length_m"] is None and data["time_s"] is None


def test_route_text_output(plaza_file, capsys):
    code, out, _ = run(capsys, "route", plaza_file, "5,20", "15,35")
    assert code == 0
    assert "18.0 m" in out and "on foot" in out


def test_a_rotated_booth_starts_at_its_turned_front(tmp_path, capsys):
    """At rotation 90 the front faces east: A 3 × 3 booth at (30, 35) starts at (31.5 + r, 35)."""
    lay = plaza()
    lay.booths.append(Booth(id="b-r", number="R-01", x=30, y=35, rotation=90))
    path = tmp_path / "turned.festival.json"
    write_layout(lay, path)
    code, data, _ = route_json(capsys, path, "R-01", "45,35")
    assert code == 0
    assert data["polyline"][0] == pytest.approx([31.5 + BODY, 35], abs=0.05)
    assert data["length_m"] == pytest.approx(45 - 31.5 - BODY, abs=0.1)


def test_a_booth_number_used_twice_is_refused_listing_both(tmp_path, capsys):
    lay = plaza()
    lay.booths.append(Booth(id="b-dup", number="A-02", x=50, y=35))
    path = tmp_path / "dup.festival.json"
    write_layout(lay, path)
    code, out, err = run(capsys, "route", path, "A-02", "g-n")
    assert code == 2 and out == ""
    assert "b-A2" in err and "b-dup" in err


def test_check_says_the_egress_of_a_booth_market_is_a_free_flow_estimate(plaza_file, capsys):
    """SPEC §5: in a booth market the queue form cannot see queues in the aisles; the report says so."""
    code, out, _ = run(capsys, "check", plaza_file)
    assert code == 0
    assert "free-flow estimate" in out
