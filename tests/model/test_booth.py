from __future__ import annotations

import math

import pytest

from planner.model import Booth
from tests.factories import small_layout


def close(p, q, tol=1e-9):
    return math.dist(p, q) < tol


def test_unrotated_booth_front_faces_south():
    b = Booth(id="b", x=10, y=20, width=6, depth=3)
    assert sorted(b.corners()) == sorted([(7, 18.5), (13, 18.5), (13, 21.5), (7, 21.5)])
    a, c = b.front_edge
    assert a[1] == c[1] == 18.5 and abs(a[0] - c[0]) == 6
    assert close(b.side_normal("front"), (0, -1))
    assert close(b.side_midpoint("back"), (10, 21.5))
    assert close(b.side_midpoint("left"), (7, 20))
    assert b.shape().area == pytest.approx(18)


def test_rotation_90_turns_the_front_east():
    b = Booth(id="b", x=0, y=0, width=6, depth=3, rotation=90)
    assert close(b.side_normal("front"), (1, 0))
    assert close(b.side_midpoint("front"), (1.5, 0))
    assert close(b.side_midpoint("left"), (0, -3))
    xs = [p[0] for p in b.corners()]
    ys = [p[1] for p in b.corners()]
    assert max(xs) - min(xs) == pytest.approx(3)
    assert max(ys) - min(ys) == pytest.approx(6)


@pytest.mark.parametrize("sides, kind", [
    ((), "closed"), (("front",), "inline"), (("front", "left"), "corner"),
    (("back", "right"), "corner"), (("front", "back"), "double-sided"),
    (("front", "left", "right"), "peninsula"), (("front", "back", "left", "right"), "island"),
])
def test_booth_type_follows_open_sides(sides, kind):
    assert Booth(id="b", x=0, y=0, open_sides=sides).booth_type == kind


def test_open_sides_are_tried_front_left_right_back():
    b = Booth(id="b", x=0, y=0, open_sides=("back", "right", "left"))
    assert b.ordered_open_sides == ("left", "right", "back")


def test_zone_is_derived_from_the_booth_centre():
    layout = small_layout()
    zones = layout.zone_of_booths()
    assert zones == {"b-1": "anime", "b-2": "anime", "b-3": "anime", "b-4": "food"}
    layout.booths[0].x = 70  # now in the food zone's square, y=10 is below it: no zone
    layout.booths[0].y = 40
    assert layout.zone_of_booths()["b-1"] == "food"
    assert layout.zone_of(layout.booths[0]).id == "food"
    layout.booths[0].y = 10
    assert layout.zone_of_booths()["b-1"] is None
    assert layout.zone_of(layout.booths[0]) is None
