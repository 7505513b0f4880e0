"""Every rule of SPEC §4's table: a small layout that makes it fire, its
severity, objects, value and limit, and a message that names what an
organiser would look for (booth numbers, zone, gate and obstacle names).
"""

from __future__ import annotations

import math

import pytest

from planner.model import Booth, Obstacle
from planner.solver import analyse
from tests.factories import rect
from tests.solver.kit import BODY, SEVERITY, booth_row, capacity, gate, grid_points, layout, navigable, wall, zone



def fired(report, rule):
    found = [f for f in report.findings if f.rule == rule]
    for f in found:
        assert f.severity == SEVERITY[rule], f
    return found


def base(**kw):
    """A quiet 60 × 40 m square: two wide gates, one calm zone."""
    kw.setdefault("gates", [gate("g-w", (0, 15), (0, 25), name="West Gate"),
                            gate("g-e", (60, 15), (60, 25), name="East Gate")])
    kw.setdefault("zones", [zone("z", 0, 0, 60, 40, 300, name="Market")])
    return layout((0, 0, 60, 40), **kw)


def test_the_quiet_base_layout_raises_nothing():
    assert analyse(base()).findings == []


# -- booths -----------------------------------------------------------------------------------

def test_booth_overlap():
    a = Booth(id="b-1", number="M-01", x=20, y=20)
    b = Booth(id="b-2", number="M-02", x=22.5, y=20)            # 0.5 × 3 = 1.5 m² shared
    found = fired(analyse(base(booths=[a, b])), "booth-overlap")
    assert len(found) == 1
    f = found[0]
    assert sorted(f.objects) == ["b-1", "b-2"]
    assert f.value == pytest.approx(1.5)
    assert f.limit == pytest.approx(0.01)
    assert "M-01" in f.message and "M-02" in f.message


def test_booths_sharing_less_than_a_hundredth_of_a_square_metre_do_not_overlap():
    a = Booth(id="b-1", number="M-01", x=20, y=20)
    b = Booth(id="b-2", number="M-02", x=22.997, y=20)          # 0.003 × 3 = 0.009 m²
    assert fired(analyse(base(booths=[a, b])), "booth-overlap") == []


def test_booth_outside_the_site():
    b = Booth(id="b-1", number="M-07", x=59.5, y=20)            # 1.0 × 3 = 3 m² beyond x = 60
    found = fired(analyse(base(booths=[b])), "booth-outside-site")
    assert len(found) == 1
    assert found[0].objects[0] == "b-1"
    assert found[0].value == pytest.approx(3.0)
    assert found[0].limit == pytest.approx(0.01)
    assert "M-07" in found[0].message


def test_booth_on_an_obstacle():
    b = Booth(id="b-1", number="M-08", x=30, y=20)
    pond = Obstacle(id="pond", kind="water", name="Lotus Pond", polygon=rect(31, 15, 40, 25))   # 0.5 × 3
    found = fired(analyse(base(booths=[b], obstacles=[pond])), "booth-outside-site")
    assert len(found) == 1
    f = found[0]
    assert "b-1" in f.objects and "pond" in f.objects
    assert f.value == pytest.approx(1.5)
    assert "M-08" in f.message and "Lotus Pond" in f.message


def test_booth_closed():
    b = Booth(id="b-1", number="M-09", x=30, y=20, open_sides=())
    report = analyse(base(booths=[b]))
    found = fired(report, "booth-closed")
    assert len(found) == 1 and found[0].objects == ["b-1"] and "M-09" in found[0].message
    assert fired(report, "booth-unreachable") == []   # closed is the finding, not unreachable too


def test_booth_unreachable():
    """A booth whose only open side faces a wall 0.3 m away."""
    b = Booth(id="b-1", number="M-10", x=30, y=1.8)               # front at y = 0.3
    found = fired(analyse(base(booths=[b])), "booth-unreachable")
    assert len(found) == 1 and found[0].objects == ["b-1"] and "M-10" in found[0].message


def test_a_booth_is_reachable_through_any_of_its_open_sides():
    """Front against the wall, right side onto the square: reachable."""
    b = Booth(id="b-1", number="M-11", x=30, y=1.8, open_sides=("front", "right"))
    assert fired(analyse(base(booths=[b])), "booth-unreachable") == []


def test_duplicate_booth_number():
    booths = [Booth(id=f"b-{i}", number="CR-007" if i < 3 else f"CR-{i:03d}", x=10 + 4 * i, y=20)
              for i in range(5)]
    found = fired(analyse(base(booths=booths)), "duplicate-booth-number")
    assert len(found) == 1
    f = found[0]
    assert sorted(f.objects) == ["b-0", "b-1", "b-2"]
    assert f.value == 3
    assert "CR-007" in f.message


# -- aisles -------------------------------------------------------------------------------------

def test_aisle_too_narrow():
    rows = booth_row("A", 20, 15, 5, "up") + booth_row("B", 20, 17.2, 5, "down")
    found = fired(analyse(base(booths=rows)), "aisle-too-narrow")
    assert len(found) == 1
    f = found[0]
    assert f.value == pytest.approx(2.2, rel=0.05)
    assert f.limit == pytest.approx(3.0)
    assert any(o.startswith("b-A") for o in f.objects) and any(o.startswith("b-B") for o in f.objects)
    assert "A-0" in f.message and "B-0" in f.message


def barrier(visitors):
    """Back-to-back rows across the site at y 17..23 with one 2 m aisle (x 18..20)."""
    rows = (booth_row("A", 0, 17, 6, "down") + booth_row("B", 0, 23, 6, "up")
            + booth_row("A", 20, 17, 6, "down", first=7) + booth_row("B", 20, 23, 6, "up", first=7))
    return layout((0, 0, 38, 60), booths=rows, gates=[gate("south", (5, 0), (25, 0), name="South Gate")],
                  zones=[zone("north", 0, 30, 38, 60, visitors, name="North Lawn")])


def test_aisle_overloaded():
    """2,000 people through a 2 m aisle at 82 p/m/min: 2000 / 2.73 ≈ 732 s > 480 s."""
    found = fired(analyse(barrier(2000)), "aisle-overloaded")
    assert len(found) == 1
    f = found[0]
    assert f.value == pytest.approx(2000 / capacity(2.0), rel=0.05)
    assert f.limit == pytest.approx(480)
    left, right = {"b-A6", "b-B6"}, {"b-A7", "b-B7"}
    assert set(f.objects) & left and set(f.objects) & right, f.objects
    assert ("A-06" in f.message or "B-06" in f.message) and ("A-07" in f.message or "B-07" in f.message)
    assert "2,000" in f.message or "2000" in f.message


def test_an_aisle_that_keeps_up_is_not_overloaded():
    assert fired(analyse(barrier(300)), "aisle-overloaded") == []


def strip(visitors, booths_per_row=40):
    """A 4 m strip (y 12..16) between two unbroken booth rows from x 10 to the east edge,
    full of visitors who all leave west, out of its mouth at x 10, to the West Gate."""
    rows = booth_row("A", 10, 12, booths_per_row, "up") + booth_row("B", 10, 16, booths_per_row, "down")
    end = 10 + 3 * booths_per_row
    return layout((0, 0, end, 30), booths=rows, gates=[gate("west", (0, 10), (0, 18), name="West Gate")],
                  zones=[zone("strip", 10, 12, end, 16, visitors, name="Strip")])


def test_a_long_overloaded_aisle_is_one_finding_at_its_worst_cross_section():
    """One aisle, one finding: visitors standing all along the 120 m strip cut it into
    many short stretches, each with its own narrowest chord, and each used to be reported."""
    found = fired(analyse(strip(8000)), "aisle-overloaded")
    assert len(found) == 1, [(f.location, f.value) for f in found]
    f = found[0]
    # The worst cross-section is the mouth, which all 8,000 pass: 8000 / 5.47 p/s ≈ 1463 s.
    assert f.value == pytest.approx(8000 / capacity(4.0), rel=0.05)
    assert f.location[0] < 16 and 12 <= f.location[1] <= 16
    assert "A-01" in f.message and "B-01" in f.message


def column(visitors):
    """A 4 m aisle (x 30..34) running north between two columns of back-to-back blocks (y 10..16,
    20..26, 30..36) that reach the site's sides, crossed by two 4 m cross aisles; visitors stand
    all over the site and leave by a south gate as wide as the site."""
    rows = []
    for r, y in enumerate((10, 20, 30)):
        for side, x0 in (("L", 0), ("R", 34)):
            rows += (booth_row(f"{side}{r}a", x0, y, 10, "down")
                     + booth_row(f"{side}{r}b", x0, y + 6, 10, "up"))
    return layout((0, 0, 64, 60), booths=rows, gates=[gate("south", (0, 0), (64, 0), name="South Gate")],
                  zones=[zone("all", 0, 0, 64, 60, visitors, name="Market")])


def test_an_aisle_through_cross_aisles_is_one_finding():
    """The aisle keeps its identity past the crossings; its worst cross-section is its mouth at
    y 10, which every visitor north of it passes (the cross aisles are dead ends)."""
    lay = column(6000)
    found = fired(analyse(lay), "aisle-overloaded")
    assert len(found) == 1, [(f.location, f.value) for f in found]
    f = found[0]
    points = grid_points(navigable(lay))
    north = sum(1 for p in points if p[1] > 10)
    assert f.value == pytest.approx(6000 * north / len(points) / capacity(4.0), rel=0.05)
    assert f.location == pytest.approx((32.0, 10.0), abs=0.5)


def test_two_narrow_places_with_a_hall_between_are_two_findings():
    """Two 4 m gaps in walls across the site, one behind the other in a straight line, with a
    40 m wide hall between: two aisles, though nothing but open ground lies between them."""
    walls = [wall("w1", 0, 20, 18, 24, name="West wall 1"), wall("e1", 22, 20, 40, 24, name="East wall 1"),
             wall("w2", 0, 60, 18, 64, name="West wall 2"), wall("e2", 22, 60, 40, 64, name="East wall 2")]
    lay = layout((0, 0, 40, 100), obstacles=walls, gates=[gate("south", (0, 0), (40, 0), name="South Gate")],
                 zones=[zone("north", 0, 24, 40, 100, 6000, name="North Lawn")])
    found = sorted(fired(analyse(lay), "aisle-overloaded"), key=lambda f: f.location[1])
    assert [set(f.objects) for f in found] == [{"w1", "e1"}, {"w2", "e2"}]
    assert found[0].value > found[1].value > 480


def gaps(visitors):
    """Four back-to-back blocks across the site (y 17..23) with three 2 m aisles between them,
    at x 18..20, 38..40 and 58..60; the crowd north of them leaves by the south gate."""
    rows = []
    for k, x0 in enumerate((0, 20, 40, 60)):
        rows += (booth_row("A", x0, 17, 6, "down", first=10 * k + 1)
                 + booth_row("B", x0, 23, 6, "up", first=10 * k + 1))
    return layout((0, 0, 78, 60), booths=rows, gates=[gate("south", (2, 0), (76, 0), name="South Gate")],
                  zones=[zone("north", 0, 30, 78, 60, visitors, name="North Lawn")])


def test_each_overloaded_aisle_is_one_finding():
    found = fired(analyse(gaps(9000)), "aisle-overloaded")
    assert sorted(round(f.location[0]) for f in found) == [19, 39, 59]
    for f in found:
        assert 17 - 0.1 <= f.location[1] <= 23 + 0.1
        assert f.value > f.limit == pytest.approx(480)
    # Every visitor leaves through one of the three aisles.
    total = sum(f.value * capacity(2.0) for f in found)
    assert total == pytest.approx(9000, rel=0.05)


# -- zones ----------------------------------------------------------------------------------------

def test_zone_overlap():
    zones = [zone("a", 0, 0, 32, 40, 100, name="Crafts"), zone("b", 30, 0, 60, 40, 100, name="Food")]
    found = fired(analyse(base(zones=zones)), "zone-overlap")
    assert len(found) == 1
    f = found[0]
    assert sorted(f.objects) == ["a", "b"]
    assert f.value == pytest.approx(80.0)           # 2 × 40 m
    assert f.limit == pytest.approx(0.01)
    assert "Crafts" in f.message and "Food" in f.message


def test_zones_that_only_touch_do_not_overlap():
    zones = [zone("a", 0, 0, 30, 40, 100), zone("b", 30, 0, 60, 40, 100)]
    assert fired(analyse(base(zones=zones)), "zone-overlap") == []


def test_zone_unreachable():
    """A walled yard with no way in."""
    yard = [wall("w1", 40, 10, 41, 30), wall("w2", 41, 29, 55, 30), wall("w3", 54, 10, 55, 29), wall("w4", 41, 10, 54, 11)]
    zones = [zone("z", 0, 0, 39, 40, 300, name="Market"), zone("yard", 41, 11, 54, 29, 50, name="Back Yard")]
    report = analyse(base(obstacles=yard, zones=zones))
    found = fired(report, "zone-unreachable")
    assert [f.objects for f in found] == [["yard"]]
    assert "Back Yard" in found[0].message
    assert [f.objects for f in fired(report, "no-exit")] == [["yard"]]


def test_zone_too_dense_and_zone_crowded():
    zones = [zone("a", 0, 0, 30, 40, 3000, name="Crafts"), zone("b", 30, 0, 60, 40, 1800, name="Food")]
    report = analyse(base(zones=zones))
    dense = fired(report, "zone-too-dense")
    crowded = fired(report, "zone-crowded")
    assert [f.objects for f in dense] == [["a"]] and "Crafts" in dense[0].message
    assert dense[0].value == pytest.approx(2.5) and dense[0].limit == pytest.approx(2.0)
    assert [f.objects for f in crowded] == [["b"]] and "Food" in crowded[0].message
    assert crowded[0].value == pytest.approx(1.5)


# -- geometry of the file ---------------------------------------------------------------------------

BOWTIE = (((10, 10), (20, 20), (20, 10), (10, 20)),)    # one ring that crosses itself


def test_invalid_geometry_of_an_obstacle():
    bad = Obstacle(id="o-bad", kind="building", name="Twisted Tent", polygon=BOWTIE)
    found = fired(analyse(base(obstacles=[bad])), "invalid-geometry")
    assert len(found) == 1
    assert found[0].objects == ["o-bad"] and "Twisted Tent" in found[0].message


def test_invalid_geometry_of_a_zone_and_the_site():
    from planner.model import Site, Zone
    z = Zone(id="z-bad", name="Figure Eight", polygon=(((0, 0), (30, 40), (30, 0), (0, 40)),), peak_visitors=10)
    lay = base(zones=[z])
    lay.site = Site(boundary=(((0, 0), (60, 40), (60, 0), (0, 40)),))
    found = fired(analyse(lay), "invalid-geometry")
    assert len(found) == 2
    assert any(f.objects == ["z-bad"] and "Figure Eight" in f.message for f in found)
    assert any(f.objects == [] and "site" in f.message for f in found)


def test_gate_off_boundary():
    gates = [gate("g-in", (10, 5), (10, 9), name="Lost Gate"), gate("g-ok", (0, 15), (0, 25), name="West Gate"),
             gate("g-near", (60.4, 15), (60.4, 25), name="Near Gate")]
    found = fired(analyse(base(gates=gates)), "gate-off-boundary")
    assert [f.objects for f in found] == [["g-in"]]
    f = found[0]
    assert f.value == pytest.approx(9.0, rel=0.05)     # its far end (10, 9) is 9 m from the south edge
    assert f.limit == pytest.approx(0.5)
    assert "Lost Gate" in f.message


# -- exits and egress ---------------------------------------------------------------------------------

def test_no_exit():
    gates = [gate("g-in", (0, 15), (0, 25), kind="entrance", name="Way In")]
    found = fired(analyse(base(gates=gates)), "no-exit")
    assert len(found) == 1 and found[0].objects == []
    assert "exit" in found[0].message


def test_egress_too_slow():
    """1,000 people, one 1.2 m exit: ≥ 1000 / 1.64 ≈ 610 s > 480 s."""
    gates = [gate("g-1", (0, 19), (0, 20.2), name="Side Door")]
    report = analyse(base(gates=gates, zones=[zone("z", 0, 0, 60, 40, 1000, name="Market")]))
    found = fired(report, "egress-too-slow")
    assert len(found) == 1
    f = found[0]
    assert f.value == pytest.approx(report.egress["time_s"])
    assert f.value >= 1000 / capacity(1.2) * 0.95
    assert f.limit == pytest.approx(480)
    assert "8 min" in f.message and "10 min" in f.message


def test_exit_too_narrow():
    gates = [gate("g-w", (0, 15), (0, 25), name="West Gate"), gate("g-x", (60, 20), (60, 21), kind="exit", name="Fire Door"),
             gate("g-in", (30, 40), (29, 40), kind="entrance", name="Turnstile"),
             gate("g-ok", (30, 0), (31.05, 0), kind="exit", name="Just Wide")]
    found = fired(analyse(base(gates=gates)), "exit-too-narrow")
    assert [f.objects for f in found] == [["g-x"]]
    f = found[0]
    assert f.value == pytest.approx(1.0) and f.limit == pytest.approx(1.05)
    assert "Fire Door" in f.message


def test_egress_without_largest_exit():
    """800 people; 4 m + 1.2 m exits: closing the 4 m one leaves ≥ 800 / 1.64 ≈ 488 s > 480 s."""
    gates = [gate("g-big", (0, 15), (0, 19), name="Main Gate"), gate("g-small", (60, 20), (60, 21.2), name="Back Door")]
    report = analyse(base(gates=gates, zones=[zone("z", 0, 0, 60, 40, 800, name="Market")]))
    assert fired(report, "egress-too-slow") == []
    found = fired(report, "egress-without-largest-exit")
    assert len(found) == 1
    f = found[0]
    assert f.objects == ["g-big"] and "Main Gate" in f.message
    assert f.value == pytest.approx(report.egress["without_largest_exit"]["time_s"])
    assert f.value >= 800 / capacity(1.2) * 0.95
    assert f.limit == pytest.approx(480)


def test_exit_too_far():
    """A 60 m hall with one exit in a corner of its short side; limit 30 m."""
    lay = layout((0, 0, 60, 20), gates=[gate("g", (0, 0), (0, 4), name="Corner Gate")],
                 zones=[zone("z", 0, 0, 60, 20, 100, name="Long Hall")], max_exit_distance=30)
    found = fired(analyse(lay), "exit-too-far")
    assert len(found) == 1
    f = found[0]
    assert f.objects == ["z"] and "Long Hall" in f.message
    # By hand: the farthest 5 m grid point from the gate's point, in a straight line (convex hall).
    exit_point = (BODY, 2.0)
    farthest = max(math.dist(p, exit_point) for p in grid_points(navigable(lay)))
    assert f.value == pytest.approx(farthest, rel=0.05)
    assert f.limit == pytest.approx(30)


def test_exit_too_far_is_quiet_when_unset_or_met():
    lay = layout((0, 0, 60, 20), gates=[gate("g", (0, 0), (0, 4))], zones=[zone("z", 0, 0, 60, 20, 100)])
    assert fired(analyse(lay), "exit-too-far") == []
    lay.settings.max_exit_distance = 80
    assert fired(analyse(lay), "exit-too-far") == []


def test_a_zone_reached_only_through_an_exit_is_unreachable():
    """Reachable means joined to an entrance: the east hall has an exit-only gate."""
    lay = layout((0, 0, 60, 30), obstacles=[wall("wall", 29, 0, 31, 30)],
                 gates=[gate("in", (0, 10), (0, 16)), gate("ex", (60, 10), (60, 16), kind="exit")],
                 zones=[zone("w", 0, 0, 29, 30, 100), zone("e", 31, 0, 60, 30, 100, name="East Hall")])
    report = analyse(lay)
    assert [f.objects for f in fired(report, "zone-unreachable")] == [["e"]]
    assert "East Hall" in fired(report, "zone-unreachable")[0].message
    assert fired(report, "no-exit") == []


def test_an_exit_far_off_the_site_is_reported_not_a_crash():
    """An exit dragged 10 m off the site has no place in N: the analysis says so and the
    other exit takes the crowd."""
    from tests.solver.kit import gate, layout as make_layout, zone

    lay = make_layout((0, 0, 50, 30), zones=[zone("z", 0, 0, 50, 30, visitors=500)],
                      gates=[gate("ok", (0, 13), (0, 17)), gate("off", (60, 13), (60, 17), kind="exit")])
    report = analyse(lay)
    assert "gate-off-boundary" in {f.rule for f in report.findings}
    assert [e["gate"] for e in report.egress["exits"]] == ["ok"]
    assert report.egress["time_s"] is not None and report.egress["time_s"] > 0


def test_a_narrow_pocket_between_two_booths_is_named_by_both():
    """A newcomer's drag on West Lake: ICH-042 pushed left until its corner nearly meets
    ICH-033. The pocket between them is measured by the widest circle in it, whose far end
    touches no wall; it must be named by the booth beside it, not by the distant site edge."""
    from planner.formats import read_layout
    from planner.resources import bundled_layout

    lay = read_layout(bundled_layout())
    booth = next(b for b in lay.booths if b.number == "ICH-042")
    booth.x, booth.y = 454.8997535148606, 145.3660304247085     # where the snap dropped it
    report = analyse(lay)
    narrow = [f for f in report.findings if f.rule == "aisle-too-narrow"]
    assert narrow
    ids = {b.number: b.id for b in lay.booths}
    for f in narrow:
        assert "site boundary" not in f.message
        assert ids["ICH-042"] in f.objects and len(f.objects) == 2
