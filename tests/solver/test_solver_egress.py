"""Egress worked out by hand (SPEC §4): capacity w × 82 / 60 persons per second,
the queue form T_e = max_k (t_k + (w_k + … + w_m) / C_e), the flow bound
total / F, bottlenecks, the widest exit closed, and no exit at all.

Walking times for the expected figures come from the test's own geometry: the
straight line in a convex room, else the brute-force visibility graph of
tests/solver/kit.py, over a 5 m grid of visitor points laid here.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from planner.model.geometry import normalise_polygon
from planner.solver import analyse
from tests.solver.kit import (
    BODY, SPEED, booth_row, brute_force_path, capacity, gate, grid_points, layout, navigable, wall, zone,
)


def queue_form(times, weights, cap) -> float:
    """SPEC §4's queue form, written out here."""
    order = sorted(range(len(times)), key=lambda i: times[i])
    t = [times[i] for i in order]
    w = [weights[i] for i in order]
    return max(t[k] + sum(w[k:]) / cap for k in range(len(t)))


def by_hand(lay, exit_point, cap, *, straight: bool):
    """Expected egress of every zone through one exit: (queue time, longest walk)."""
    n_area = navigable(lay)
    times, weights = [], []
    for z in lay.zones:
        pts = grid_points(z.shape().intersection(n_area))
        for p in pts:
            d = math.dist(p, exit_point) if straight else brute_force_path(n_area, p, exit_point)
            times.append(d / SPEED)
            weights.append(z.peak_visitors / len(pts))
    return queue_form(times, weights, cap), max(times)


# -- one room, one door: flow-limited ---------------------------------------------------------

def room(visitors=500, door=2.0):
    return layout((0, 0, 20, 20), gates=[gate("door", (10 - door / 2, 0), (10 + door / 2, 0), name="Door")],
                  zones=[zone("room", 0, 0, 20, 20, visitors)])


def test_one_room_one_door_is_the_first_walk_plus_the_queue():
    n = 500
    e = analyse(room(n)).egress
    cap = capacity(2.0)
    expected, walk = by_hand(room(n), (10, BODY), cap, straight=True)
    # The queue form here is first walk + N / C: the door is the limit.
    first_walk = min(math.dist(p, (10, BODY)) for p in grid_points(navigable(room(n)))) / SPEED
    assert expected == pytest.approx(first_walk + n / cap, rel=1e-6)
    assert e["time_s"] == pytest.approx(expected, rel=0.05)
    assert e["flow_s"] == pytest.approx(n / cap, rel=0.05)
    assert e["max_flow_per_min"] == pytest.approx(2.0 * 82, rel=0.05)
    assert e["walk_s"] == pytest.approx(walk, rel=0.05)
    # The simpler "longest walk + flow time" is an overstatement the queue form avoids.
    assert e["time_s"] < walk + n / cap - 5
    assert [x["gate"] for x in e["exits"]] == ["door"]
    assert e["exits"][0]["visitors"] == pytest.approx(n)
    assert e["exits"][0]["flow_per_min"] == pytest.approx(164, rel=0.05)
    assert e["bottlenecks"][0]["width_m"] == pytest.approx(2.0, rel=0.05)


def test_few_visitors_in_a_room_are_walk_limited():
    """Ten people: the last one out is simply the one farthest away (plus a moment at the door)."""
    e = analyse(room(10, door=4.0)).egress
    expected, walk = by_hand(room(10, door=4.0), (10, BODY), capacity(4.0), straight=True)
    assert e["time_s"] == pytest.approx(expected, rel=0.05)
    assert e["time_s"] == pytest.approx(walk, abs=2.0)


# -- a corridor with a narrow door: door-limited -----------------------------------------------

def corridor(visitors=300):
    """A 20 × 20 m hall, a 3 m × 30 m corridor south to a 3 m gate, a 1.0 m door half way."""
    site = normalise_polygon([[(8.5, 0), (11.5, 0), (11.5, 30), (20, 30), (20, 50), (0, 50), (0, 30), (8.5, 30)]])
    return layout(site,
                  obstacles=[wall("dl", 8.5, 15, 9.5, 15.3, name="Door frame L"),
                             wall("dr", 10.5, 15, 11.5, 15.3, name="Door frame R")],
                  gates=[gate("out", (8.5, 0), (11.5, 0), name="Corridor end")],
                  zones=[zone("hall", 0, 30, 20, 50, visitors, name="Hall")])


def test_corridor_with_a_narrow_door_is_door_limited():
    n = 300
    report = analyse(corridor(n))
    e = report.egress
    cap = capacity(1.0)
    expected, walk = by_hand(corridor(n), (10, BODY), cap, straight=False)
    assert e["max_flow_per_min"] == pytest.approx(82, rel=0.05)
    assert e["flow_s"] == pytest.approx(n / cap, rel=0.05)
    assert e["time_s"] == pytest.approx(expected, rel=0.05)
    assert e["walk_s"] == pytest.approx(walk, rel=0.05)
    neck = e["bottlenecks"][0]
    assert neck["width_m"] == pytest.approx(1.0, rel=0.05)
    (x1, y1), (x2, y2) = neck["segment"]
    assert 15 - 0.05 <= (y1 + y2) / 2 <= 15.3 + 0.05      # at the door, not at the gate


# -- four exits against two ---------------------------------------------------------------------

SIDES = {"s": ((19, 0), (21, 0)), "n": ((21, 40), (19, 40)), "w": ((0, 19), (0, 21)), "e": ((40, 21), (40, 19))}


def square_hall(which: str, visitors=4000):
    return layout((0, 0, 40, 40), gates=[gate(k, *SIDES[k]) for k in which],
                  zones=[zone("hall", 0, 0, 40, 40, visitors)])


def test_four_exits_about_halve_the_egress_time_of_two():
    """4,000 people, 2 m doors in the middle of each wall of a 40 m square.

    By hand: two doors, 2,000 each through 2.73 p/s, ≈ 732 s + the first walk;
    four doors, 1,000 each, ≈ 366 s + the first walk: the time halves.
    """
    two = analyse(square_hall("sn")).egress
    four = analyse(square_hall("snwe")).egress
    first_walk = 2.4 / SPEED      # the nearest grid point stands about 2.4 m from a door
    assert two["time_s"] == pytest.approx(2000 / capacity(2.0) + first_walk, rel=0.05)
    assert four["flow_s"] == pytest.approx(4000 / capacity(8.0), rel=0.05)
    assert four["time_s"] == pytest.approx(1000 / capacity(2.0) + first_walk, rel=0.05)
    assert four["time_s"] / two["time_s"] == pytest.approx(0.5, abs=0.06)


def test_four_symmetric_exits_share_the_visitors_evenly():
    exits = analyse(square_hall("snwe")).egress["exits"]
    assert sorted(x["gate"] for x in exits) == ["e", "n", "s", "w"]
    for x in exits:
        assert x["visitors"] == pytest.approx(1000, rel=0.1), exits


# -- visitors use the exit nearest on foot ----------------------------------------------------

def test_visitors_take_the_exit_nearest_on_foot_not_in_a_straight_line():
    """A fence runs north from the south wall, 1 m from the west gate, almost to the north wall.

    From the zone (10..20, 10..20) the west gate is 15 m away in a straight line
    but ≈ 60 m on foot round the fence; the south gate is ≈ 30 m on foot.
    """
    lay = layout((0, 0, 60, 40), obstacles=[wall("fence", 3, 0, 4, 37, name="Fence")],
                 gates=[gate("west", (0, 14), (0, 16)), gate("south", (40, 0), (42, 0))],
                 zones=[zone("z", 10, 10, 20, 20, 200)])
    centre = (15, 15)
    assert math.dist(centre, (BODY, 15)) < math.dist(centre, (41, BODY))
    n_area = navigable(lay)
    assert brute_force_path(n_area, centre, (BODY, 15)) > brute_force_path(n_area, centre, (41, BODY))
    exits = {x["gate"]: x["visitors"] for x in analyse(lay).egress["exits"]}
    assert exits.get("south") == pytest.approx(200)
    assert exits.get("west", 0) == pytest.approx(0)


def test_entrances_take_no_egress():
    lay = layout((0, 0, 40, 40), gates=[gate("in", (0, 10), (0, 20), kind="entrance"),
                                        gate("out", (39, 40), (37, 40), kind="exit")],
                 zones=[zone("z", 0, 0, 40, 40, 300)])
    e = analyse(lay).egress
    assert [x["gate"] for x in e["exits"]] == ["out"]
    assert e["max_flow_per_min"] == pytest.approx(2 * 82, rel=0.05)


# -- an inner aisle sets the capacity ---------------------------------------------------------------

def barrier(aisle=2.0, visitors=2000):
    """Back-to-back booth rows right across the site (y 17..23), broken by one aisle at x = 18."""
    left = booth_row("A", 0, 17, 6, "down") + booth_row("B", 0, 23, 6, "up")
    right = (booth_row("A", 18 + aisle, 17, 6, "down", first=7) + booth_row("B", 18 + aisle, 23, 6, "up", first=7))
    width = 36 + aisle
    return layout((0, 0, width, 60), booths=left + right, gates=[gate("south", (5, 0), (25, 0), name="South")],
                  zones=[zone("north", 0, 30, width, 60, visitors, name="North")])


@pytest.mark.parametrize("aisle", [1.5, 2.0, 2.6])
def test_an_inner_aisle_not_the_gate_sets_the_capacity(aisle):
    e = analyse(barrier(aisle)).egress
    assert e["max_flow_per_min"] == pytest.approx(aisle * 82, rel=0.05)
    neck = e["bottlenecks"][0]
    assert neck["width_m"] == pytest.approx(aisle, rel=0.05)
    assert "gate" not in neck
    (x1, y1), (x2, y2) = neck["segment"]
    assert 18 - 0.05 <= min(x1, x2) and max(x1, x2) <= 18 + aisle + 0.05
    assert 17 - 0.05 <= (y1 + y2) / 2 <= 23 + 0.05
    assert e["flow_s"] == pytest.approx(2000 / capacity(aisle), rel=0.05)


# -- the widest exit closed --------------------------------------------------------------------------

def test_without_largest_exit_closes_the_widest_first_by_id():
    """Gates g-b and g-a are both 4 m wide (g-b first in the file): g-a is the one closed."""
    lay = layout((0, 0, 40, 40), gates=[gate("g-b", (0, 18), (0, 22)), gate("g-a", (18, 40), (22, 40)),
                                        gate("g-c", (39, 0), (37, 0))],
                 zones=[zone("hall", 0, 0, 40, 40, 3000)])
    e = analyse(lay).egress
    w = e["without_largest_exit"]
    assert w["gate"] == "g-a"
    # Closing a 4 m door of 10 m leaves 6 m: the flow bound alone is 3,000 / (6 m · 82/60).
    assert w["time_s"] >= 3000 / capacity(6.0) * 0.95
    assert w["time_s"] > e["time_s"]


def two_halls():
    """A wall splits the site; the west hall's only exit is the widest gate."""
    return layout((0, 0, 60, 30), obstacles=[wall("wall", 29, 0, 31, 30, name="Party wall")],
                  gates=[gate("big", (0, 10), (0, 16), name="West Gate"),
                         gate("e1", (60, 5), (60, 7)), gate("e2", (60, 20), (60, 22))],
                  zones=[zone("west", 0, 0, 29, 30, 400, name="West Hall"),
                         zone("east", 31, 0, 60, 30, 400, name="East Hall")])


def test_closing_the_widest_exit_that_strands_a_zone_gives_null_and_names_it():
    report = analyse(two_halls())
    w = report.egress["without_largest_exit"]
    assert w["gate"] == "big" and w["time_s"] is None
    assert report.egress["time_s"] is not None
    found = [f for f in report.findings if f.rule == "egress-without-largest-exit"]
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert "West Hall" in found[0].message and "East Hall" not in found[0].message
    assert "West Gate" in found[0].message
    assert found[0].objects == ["big"]


# -- no exit ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("gates", [[], [gate("in", (0, 10), (0, 14), kind="entrance")]])
def test_no_exit_at_all_gives_null_times_and_an_error(gates):
    lay = layout((0, 0, 40, 40), gates=gates, zones=[zone("z", 0, 0, 40, 40, 300)])
    report = analyse(lay)
    e = report.egress
    assert e["time_s"] is None and e["walk_s"] is None and e["flow_s"] is None
    assert report.to_json()["egress"]["time_s"] is None
    found = [f for f in report.findings if f.rule == "no-exit"]
    assert len(found) == 1 and found[0].severity == "error"
    assert report.summary["egress_time_s"] is None


def test_a_zone_that_reaches_no_exit_is_left_out_of_the_egress_figures():
    """West Hall's gate is an entrance only: its visitors reach no exit."""
    lay = two_halls()
    lay.gates[0].kind = "entrance"
    report = analyse(lay)
    stranded = [f for f in report.findings if f.rule == "no-exit"]
    assert [f.objects for f in stranded] == [["west"]]
    assert "West Hall" in stranded[0].message
    alone = two_halls()
    alone.zones = [z for z in alone.zones if z.id == "east"]
    alone.gates = alone.gates[1:]
    expected = analyse(alone).egress["time_s"]
    assert report.egress["time_s"] == pytest.approx(expected, rel=1e-6)
    assert sum(x["visitors"] for x in report.egress["exits"]) == pytest.approx(400)


def test_queue_form_matches_the_spec_example_by_hand():
    """The SPEC §4 form on three points, worked on paper: t = 10, 20, 30 s, 50 persons each, C = 2 p/s."""
    from planner.solver.flow import queue_time
    # k=1: 10 + 150/2 = 85; k=2: 20 + 100/2 = 70; k=3: 30 + 25 = 55 → 85.
    assert queue_time(np.array([30.0, 10.0, 20.0]), np.array([50.0, 50.0, 50.0]), 2.0) == pytest.approx(85.0)
    # Sparse arrivals: nobody queues, the last walker sets it: 10+1, 20+1, 300+1 → 301.
    assert queue_time(np.array([10.0, 20.0, 300.0]), np.array([2.0, 2.0, 2.0]), 2.0) == pytest.approx(301.0)
    assert queue_form([30.0, 10.0, 20.0], [50.0] * 3, 2.0) == pytest.approx(85.0)


@pytest.mark.parametrize("angle, dx, dy", [(45, 0, 0), (0, 0.3, 0.7), (3, 0, 0), (10, 0, 0)])
def test_the_four_door_hall_moved_or_turned_keeps_its_egress_time(angle, dx, dy):
    """The same hall, the same doors, only moved or turned: the egress time stays within 5 %.

    By hand each door takes 1,000 people: ≈ 366 s + the first walk, wherever the hall stands.
    """
    from tests.solver.kit import moved
    expected = 1000 / capacity(2.0) + 2.4 / SPEED
    e = analyse(moved(square_hall("snwe"), angle, dx, dy)).egress
    assert e["time_s"] == pytest.approx(expected, rel=0.05), e["exits"]


def test_a_zone_stranded_anyway_does_not_void_the_time_without_the_largest_exit():
    """A walled yard reaches no exit whatever is open; closing the widest gate strands nobody new.

    Its no-exit error stands; the figure with the widest exit closed covers the
    other zones, as the egress time does, and agrees with the warning's time.
    """
    yard = [wall("y1", 45, 30, 46, 40), wall("y2", 46, 30, 60, 31)]
    def hall(with_yard: bool):
        zones = [zone("hall", 0, 0, 45, 40, 1500, name="Hall")]
        if with_yard:
            zones.append(zone("yard", 46, 31, 60, 40, 20, name="Yard"))
        return layout((0, 0, 60, 40), obstacles=yard, zones=zones,
                      gates=[gate("big", (0, 15), (0, 21), name="Big Gate"), gate("small", (20, 0), (22, 0))])
    report = analyse(hall(True))
    assert [f.objects for f in report.findings if f.rule == "no-exit"] == [["yard"]]
    expected = analyse(hall(False)).egress["without_largest_exit"]["time_s"]
    assert expected is not None and expected > 480
    w = report.egress["without_largest_exit"]
    assert w["gate"] == "big"
    assert w["time_s"] == pytest.approx(expected, rel=1e-6)
    warning = [f for f in report.findings if f.rule == "egress-without-largest-exit"]
    assert len(warning) == 1 and warning[0].value == pytest.approx(expected, rel=1e-6)


def test_an_exit_narrower_than_two_body_radii_passes_nobody():
    """A 0.4 m slot marked as the only exit: nobody fits through (SPEC §4: passes nothing)."""
    lay = layout((0, 0, 20, 20), gates=[gate("in", (0, 5), (0, 10), kind="entrance"),
                                        gate("slot", (10, 0), (10.4, 0), kind="exit", name="Slot")],
                 zones=[zone("room", 0, 0, 20, 20, 100, name="Room")])
    report = analyse(lay)
    e = report.to_json()["egress"]
    assert e["max_flow_per_min"] == 0
    assert e["time_s"] is None                     # never out: no finite egress time
    assert {"no-exit", "egress-too-slow"} & {f.rule for f in report.errors}


def test_of_two_equal_doors_in_series_the_bottleneck_is_the_one_nearest_the_exit():
    """The corridor of corridor() with two identical 1 m doors, at y = 10 and y = 20 (exit at y = 0)."""
    lay = corridor(300)
    lay.obstacles = [wall("d1l", 8.5, 10, 9.5, 10.3), wall("d1r", 10.5, 10, 11.5, 10.3),
                     wall("d2l", 8.5, 20, 9.5, 20.3), wall("d2r", 10.5, 20, 11.5, 20.3)]
    neck = analyse(lay).egress["bottlenecks"][0]
    assert neck["width_m"] == pytest.approx(1.0, rel=0.05)
    (x1, y1), (x2, y2) = neck["segment"]
    assert 10 - 0.05 <= (y1 + y2) / 2 <= 10.3 + 0.05, neck


def test_two_openings_side_by_side_add_up():
    """A fence across the site with a 2 m and a 1.5 m opening: F = 3.5 m × 82 per minute."""
    lay = layout((0, 0, 40, 60), obstacles=[wall("b1", 0, 20, 10, 21), wall("b2", 12, 20, 25, 21),
                                            wall("b3", 26.5, 20, 40, 21)],
                 gates=[gate("s", (5, 0), (35, 0))], zones=[zone("n", 0, 21, 40, 60, 3000)])
    e = analyse(lay).egress
    assert e["max_flow_per_min"] == pytest.approx(3.5 * 82, rel=0.05)
    assert sorted(round(b["width_m"], 2) for b in e["bottlenecks"]) == [1.5, 2.0]
    assert e["flow_s"] == pytest.approx(3000 / capacity(3.5), rel=0.05)


def test_the_visitor_grid_stays_within_4000_points_and_keeps_every_visitor():
    from planner.solver.flow import visitor_points
    from planner.solver.walkable import build_areas
    lay = layout((0, 0, 1000, 800), gates=[gate("s", (5, 0), (35, 0))],
                 zones=[zone("a", 0, 0, 500, 800, 30000), zone("b", 500, 0, 1000, 800, 1000),
                        zone("tiny", 10, 10, 11, 11, 7)])
    v = visitor_points(lay, build_areas(lay))
    assert len(v.points) <= 4000
    for zi, total in enumerate((30000, 1000, 7)):
        assert v.weights[v.zone == zi].sum() == pytest.approx(total)
    # A 5 m grid would need 32,000 points here: the cells grew, but no more than needed.
    assert len(v.points) >= 2000


def test_paths_start_at_the_zone_anchor_or_the_nearest_navigable_point():
    lay = layout((0, 0, 60, 40), obstacles=[wall("kiosk", 25, 15, 35, 25)], gates=[gate("g", (0, 18), (0, 22))],
                 zones=[zone("z", 20, 10, 40, 30, 100)])
    # The centroid (30, 20) stands in the kiosk: the path ends at the nearest point of N, on the kiosk's east side.
    path = analyse(lay).paths[0]
    end = path["polyline"][-1]
    assert end == pytest.approx([35 + BODY, 20], abs=0.05) or end == pytest.approx([25 - BODY, 20], abs=0.05)
    lay.zones[0].anchor = (38, 28)
    path = analyse(lay).paths[0]
    assert path["polyline"][-1] == pytest.approx([38, 28])
    exact = brute_force_path(navigable(lay), (BODY, 20), (38, 28))
    assert path["length_m"] == pytest.approx(exact, abs=max(0.1, 0.01 * exact))


def hall_with_doors(shift: float = 0.0, size: float = 40.0, visitors: int = 4000):
    """square_hall("snwe") with every door slid ``shift`` metres along its wall, or a ``size`` m hall."""
    c = size / 2
    doors = {"s": ((c - 1 + shift, 0), (c + 1 + shift, 0)), "n": ((c + 1 + shift, size), (c - 1 + shift, size)),
             "w": ((0, c - 1 + shift), (0, c + 1 + shift)), "e": ((size, c + 1 + shift), (size, c - 1 + shift))}
    return layout((0, 0, size, size), gates=[gate(k, *doors[k]) for k in "snwe"],
                  zones=[zone("hall", 0, 0, size, size, visitors)])


@pytest.mark.parametrize("shift, size", [(0.1, 40.0), (0.7, 40.0), (0.0, 41.0), (0.0, 39.0)])
def test_sliding_the_doors_a_little_barely_changes_the_egress_time(shift, size):
    """Doors slid 10–70 cm, or the hall a metre wider: by hand each door still takes
    about a quarter of the crowd (the watershed between doors moves by centimetres),
    so the time stays ≈ 1,000 / 2.73 p/s + the first walk, within 5 %.
    """
    e = analyse(hall_with_doors(shift, size)).egress
    expected = 1000 / capacity(2.0) + 2.4 / SPEED
    assert e["time_s"] == pytest.approx(expected, rel=0.05), e["exits"]
