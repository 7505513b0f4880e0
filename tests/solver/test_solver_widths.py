"""Clear widths and narrow aisles (SPEC §4), measured by hand on booth rows.

Two rows of 3 × 3 m booths face each other across a gap: the clear width is
the gap. A gap under 2 × body radius (0.5 m) is closed: no aisle finding,
but what lies behind it is unreachable.
"""

from __future__ import annotations

import math

import pytest

from planner.model import Booth
from planner.solver import analyse
from planner.solver.routes import Router
from planner.solver.walkable import build_areas
from tests.solver.kit import booth_row, gate, layout, wall, zone


def facing_rows(gap: float, n: int = 6):
    """Row A (fronts up at y = 10) and row B (fronts down at y = 10 + gap), x 20..38."""
    rows = booth_row("A", 20, 10, n, "up") + booth_row("B", 20, 10 + gap, n, "down")
    return layout((0, 0, 70, 40), booths=rows, gates=[gate("g", (30, 0), (36, 0))],
                  zones=[zone("z", 0, 0, 70, 40, 100)])


def aisles(report):
    return [f for f in report.findings if f.rule == "aisle-too-narrow"]


@pytest.mark.parametrize("gap", [0.6, 1.0, 2.0, 2.5, 2.9])
def test_facing_rows_read_their_gap(gap):
    found = aisles(analyse(facing_rows(gap)))
    assert len(found) == 1, "one finding per connected narrow passage"
    f = found[0]
    assert f.severity == "error"
    assert f.value == pytest.approx(gap, rel=0.05)
    assert f.limit == 3.0
    # The narrowest point lies in the aisle, between the rows.
    x, y = f.location
    assert 20 - 0.1 <= x <= 38 + 0.1 and 10 - 0.05 <= y <= 10 + gap + 0.05


def test_aisle_message_names_the_booths_on_both_sides():
    f = aisles(analyse(facing_rows(2.0)))[0]
    a_side = [b for b in f.objects if b.startswith("b-A")]
    b_side = [b for b in f.objects if b.startswith("b-B")]
    assert a_side and b_side, f.objects
    # Each booth named in the message is one the finding lists, one from each row.
    named = [f"A-{int(a[3:]):02d}" for a in a_side] + [f"B-{int(b[3:]):02d}" for b in b_side]
    assert any(n.startswith("A-") and n in f.message for n in named), f.message
    assert any(n.startswith("B-") and n in f.message for n in named), f.message
    assert "2.0 m" in f.message and "3.0 m" in f.message


@pytest.mark.parametrize("gap", [3.0, 3.2, 5.0])
def test_aisles_at_the_minimum_or_wider_are_fine(gap):
    assert aisles(analyse(facing_rows(gap))) == []


def test_a_minimum_set_lower_lets_a_2m_aisle_pass():
    lay = facing_rows(2.0)
    lay.settings.min_aisle_width = 1.8
    assert aisles(analyse(lay)) == []


@pytest.mark.parametrize("gap", [0.1, 0.3, 0.45])
def test_a_gap_under_two_body_radii_is_closed(gap):
    report = analyse(facing_rows(gap))
    assert aisles(report) == []
    # Every booth opens only onto the closed gap: all are unreachable.
    unreachable = {o for f in report.findings if f.rule == "booth-unreachable" for o in f.objects}
    assert unreachable == {f"b-A{i}" for i in range(1, 7)} | {f"b-B{i}" for i in range(1, 7)}


def test_a_zone_behind_a_closed_gap_is_unreachable():
    """A yard closed off by a wall with a 0.4 m slot in it."""
    lay = layout((0, 0, 40, 30), obstacles=[wall("w1", 20, 0, 20.5, 14.8), wall("w2", 20, 15.2, 20.5, 30)],
                 gates=[gate("g", (0, 10), (0, 16))],
                 zones=[zone("east", 21, 0, 40, 30, 50, name="East Yard"), zone("west", 0, 0, 20, 30, 50)])
    report = analyse(lay)
    assert aisles(report) == []
    rules = {(f.rule, tuple(f.objects)) for f in report.findings}
    assert ("zone-unreachable", ("east",)) in rules
    assert ("zone-unreachable", ("west",)) not in rules
    msg = next(f.message for f in report.findings if f.rule == "zone-unreachable")
    assert "East Yard" in msg


@pytest.mark.parametrize("offset", [0.2, 0.3, 0.34, 0.3465, 0.352])
def test_a_diagonal_gap_between_two_corners_under_half_a_metre_is_closed(offset):
    """Two buildings meet corner to corner, offset·√2 m apart (0.28 … 0.498 m): nobody passes.

    The clear width is the corner-to-corner segment, under 2 × body radius, so
    the north-east yard is cut off from the only gate (south-west): the walking
    paths and the capacity network must agree that it is closed.
    """
    lay = layout((0, 0, 40, 20),
                 obstacles=[wall("tl", 0, 10, 20, 20, name="Hall"),
                            wall("br", 20 + offset, 0, 40, 10 - offset, name="Shed")],
                 gates=[gate("g", (0, 2), (0, 8))],
                 zones=[zone("ne", 22, 12, 40, 20, 100, name="North East")])
    assert offset * math.sqrt(2) < 0.5
    assert Router(build_areas(lay)).shortest((5, 5), (35, 15)) is None
    report = analyse(lay)
    rules = {f.rule for f in report.findings}
    assert "zone-unreachable" in rules and "no-exit" in rules
    assert report.egress["time_s"] is None


def test_a_narrow_gap_between_a_booth_front_and_a_wall_fires():
    booth = Booth(id="b-1", number="W-01", x=20, y=3.0, status="sold")     # front at y = 1.5
    lay = layout((0, 0, 40, 30), booths=[booth], gates=[gate("g", (0, 20), (0, 26))],
                 zones=[zone("z", 0, 0, 40, 30, 50)])
    found = aisles(analyse(lay))
    assert len(found) == 1
    assert found[0].value == pytest.approx(1.5, rel=0.05)
    assert found[0].objects == ["b-1"]
    assert "W-01" in found[0].message


def test_a_dead_end_niche_a_booth_opens_onto_is_a_narrow_aisle():
    """A 2 m wide, 5 m deep niche between two sheds ends at a booth's open front."""
    booth = Booth(id="b-n", number="N-01", x=20, y=11.5, width=2.0, depth=3.0, status="sold")   # front y = 10
    lay = layout((0, 0, 40, 30),
                 obstacles=[wall("wl", 12, 5, 19, 13, name="Left shed"), wall("wr", 21, 5, 28, 13, name="Right shed")],
                 booths=[booth], gates=[gate("g", (0, 20), (0, 26))], zones=[zone("z", 0, 0, 40, 30, 50)])
    report = analyse(lay)
    found = aisles(report)
    assert len(found) == 1
    assert found[0].value == pytest.approx(2.0, rel=0.05)
    assert "Left shed" in found[0].message and "Right shed" in found[0].message
    assert not [f for f in report.findings if f.rule == "booth-unreachable"]


def test_a_dead_end_notch_nobody_needs_is_not_an_aisle():
    """A 2 m notch in a wall, with no booth opening onto it, is no aisle."""
    lay = layout((0, 0, 40, 30),
                 obstacles=[wall("wl", 12, 5, 19, 13), wall("wr", 21, 5, 28, 13), wall("back", 19, 10, 21, 13)],
                 gates=[gate("g", (0, 20), (0, 26))], zones=[zone("z", 0, 0, 40, 30, 50)])
    assert aisles(analyse(lay)) == []


def test_one_narrow_passage_gives_one_finding_at_its_narrowest():
    """A corridor that narrows from 2.5 m to 1.2 m and back: one finding, 1.2 m."""
    lay = layout((0, 0, 60, 30),
                 obstacles=[wall("s1", 20, 0, 40, 13.75), wall("n1", 20, 16.25, 40, 30),       # 2.5 m
                            wall("pinch", 29, 13.75, 31, 15.05, name="Pillar")],                # leaves 1.2 m
                 gates=[gate("g", (0, 10), (0, 16))], zones=[zone("z", 0, 0, 60, 30, 100)])
    found = aisles(analyse(lay))
    assert len(found) == 1
    assert found[0].value == pytest.approx(1.2, rel=0.05)
    assert 29 - 0.1 <= found[0].location[0] <= 31 + 0.1


@pytest.mark.parametrize("gap, touching", [(0.0, True), (0.04, True), (0.06, False), (0.3, False)])
def test_booths_closer_than_5_cm_touch(gap, touching):
    """Five 3 × 3 m booths in a row, ``gap`` apart: touching slits leave W, wider ones stay (closed)."""
    booths = [Booth(id=f"b-{i}", number=f"S-{i}", x=11.5 + i * (3 + gap), y=20) for i in range(5)]
    lay = layout((0, 0, 40, 40), booths=booths, gates=[gate("g", (0, 10), (0, 16))],
                 zones=[zone("z", 0, 0, 40, 40, 100)])
    report = analyse(lay)
    slits = 4 * gap * 3.0
    expected = 1600 - 45 - (slits if touching else 0.0)
    assert report.summary["walkable_area_m2"] == pytest.approx(expected, abs=1e-3)
    assert aisles(report) == []
    assert not [f for f in report.findings if f.rule == "booth-unreachable"]


@pytest.mark.parametrize("gap, parts", [(0.45, 2), (0.49, 2), (0.51, 1), (0.53, 1)])
def test_a_diagonal_gap_between_corners_is_open_from_twice_the_body_radius(gap, parts):
    """Two squares corner to corner across a diagonal gap: under 2 × 0.25 m it is closed and N
    falls in two; from 0.5 m on, a person fits through (SPEC §4)."""
    from planner.model import Obstacle
    from planner.solver.walkable import build_areas
    from tests.solver.kit import layout as make_layout

    s = gap / math.sqrt(2)
    obstacles = [Obstacle(id="a", kind="structure", polygon=(((0, 0), (10, 0), (10, 10), (0, 10)),)),
                 Obstacle(id="b", kind="structure",
                          polygon=(((10 + s, 10 + s), (20, 10 + s), (20, 20), (10 + s, 20)),))]
    assert len(build_areas(make_layout((0, 0, 20, 20), obstacles=obstacles)).components) == parts
