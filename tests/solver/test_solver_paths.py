"""Walking paths (SPEC §4): checked against geometry done by hand and against a
brute-force visibility graph written here, never against the router itself.

Tolerance: within 1 % or 0.1 m, whichever is larger, of the exact Euclidean
shortest path in N (W shrunk by the body radius, round corners; the product
may bevel them).
"""

from __future__ import annotations

import math
import random

import pytest
import shapely
from shapely.geometry import Point

from planner.model import Booth, Obstacle
from planner.solver import analyse
from planner.solver.routes import Router
from planner.solver.walkable import build_areas
from tests.factories import rect
from tests.solver.kit import (
    BODY, around_corner, booth_row, brute_force_path, gate, inside, layout, moved, navigable,
    polyline_length, tol, wall, zone,
)


def route(lay, a, b):
    return Router(build_areas(lay)).shortest(a, b)


# -- straight lines ------------------------------------------------------------------------

@pytest.mark.parametrize("site", [
    (0, 0, 100, 60),
    ((( 0, 0), (80, 10), (90, 70), (30, 90), (-10, 40)),),          # convex pentagon
])
@pytest.mark.parametrize("a, b", [((10, 20), (70, 40)), ((20, 30), (21, 30)), ((15, 25), (60, 45))])
def test_in_a_convex_site_the_path_is_the_straight_line(site, a, b):
    lay = layout(site)
    path = route(lay, a, b)
    assert path is not None
    assert path.length == pytest.approx(math.dist(a, b), abs=tol(math.dist(a, b)))
    assert path.polyline[0] == pytest.approx(a) and path.polyline[-1] == pytest.approx(b)
    assert polyline_length(path.polyline) == pytest.approx(path.length, abs=1e-6)


def test_a_path_to_itself_is_empty():
    path = route(layout((0, 0, 50, 50)), (10, 10), (10, 10))
    assert path is not None and path.length == pytest.approx(0.0, abs=1e-9)


# -- around one square obstacle --------------------------------------------------------------

SQUARE = (40, 40, 60, 60)


@pytest.mark.parametrize("a, b, corner", [
    ((35, 45), (50, 65), (40, 60)),      # around the top-left corner
    ((30, 50), (70, 65), (40, 60)),      # far along, still around one corner
    ((65, 45), (50, 35), (60, 40)),      # bottom-right corner, short legs
    ((45, 35), (65, 55), (60, 40)),
])
def test_legs_around_one_corner_match_the_taut_string(a, b, corner):
    lay = layout((0, 0, 100, 100), obstacles=[wall("o", *SQUARE)])
    exact = around_corner(a, b, corner, BODY)
    assert shapely.LineString([a, b]).intersects(shapely.box(*SQUARE))   # the obstacle is in the way
    path = route(lay, a, b)
    assert path is not None
    assert path.length == pytest.approx(exact, abs=tol(exact))
    assert path.length >= math.dist(a, b)
    # The path keeps the body radius from the obstacle (bevelled corners may cut in a little).
    shape = shapely.LineString(path.polyline)
    assert shape.distance(shapely.box(*SQUARE)) >= BODY * math.cos(math.pi / 4) - 1e-6


def test_path_across_the_square_goes_round_the_nearer_side():
    """From the middle of one side to the middle of the opposite side: 2 corners."""
    lay = layout((0, 0, 100, 100), obstacles=[wall("o", *SQUARE)])
    a, b = (50, 35), (50, 65)
    # By hand: 5 m to the corner (+r), 20 m along the side, 5 m on (+ the arc wraps).
    leg = around_corner(a, (40 - BODY, 50), (40, 40), BODY)   # to the middle of the left side
    exact = 2 * leg
    path = route(lay, a, b)
    assert path.length == pytest.approx(exact, abs=tol(exact))


# -- against a brute-force visibility graph on random layouts ------------------------------

def random_layout(seed: int):
    rng = random.Random(seed)
    w, h = rng.uniform(30, 60), rng.uniform(20, 40)
    parts = []
    shapes = []
    for k in range(rng.randint(2, 5)):
        for _ in range(50):
            rw, rh = rng.uniform(2, 12), rng.uniform(2, 10)
            x, y = rng.uniform(0, w - rw), rng.uniform(0, h - rh)
            as_booth = rng.random() < 0.5
            if as_booth:
                rot = rng.choice([0, 0, 90, 180, 30, 45])
                shape = Booth(id="_", x=x + rw / 2, y=y + rh / 2, width=rw, depth=rh, rotation=rot).shape()
            else:
                shape = shapely.box(x, y, x + rw, y + rh)
            if not shape.within(shapely.box(0, 0, w, h)):
                continue
            if any(shape.distance(s) < 0.1 for s in shapes):
                continue
            shapes.append(shape)
            if as_booth:
                parts.append(Booth(id=f"b-{k}", number=f"R-{k}", x=x + rw / 2, y=y + rh / 2, width=rw,
                                   depth=rh, rotation=rot))
            else:
                parts.append(Obstacle(id=f"o-{k}", kind="building", polygon=rect(x, y, x + rw, y + rh)))
            break
    lay = layout((0, 0, w, h), obstacles=[p for p in parts if isinstance(p, Obstacle)],
                 booths=[p for p in parts if isinstance(p, Booth)])
    return lay, rng


def sample_points(area, rng, n):
    """Points well inside ``area`` (2 cm in), so every method agrees they are in N."""
    safe = area.buffer(-0.02)
    x0, y0, x1, y1 = safe.bounds
    out = []
    while len(out) < n:
        p = (rng.uniform(x0, x1), rng.uniform(y0, y1))
        if safe.contains(Point(p)):
            out.append(p)
    return out


@pytest.mark.parametrize("seed", range(24))
def test_router_matches_brute_force_visibility_graph(seed):
    lay, rng = random_layout(seed)
    exact_n = navigable(lay, arc_segments=8)
    router = Router(build_areas(lay))
    points = sample_points(exact_n, rng, 8)
    for a, b in zip(points[::2], points[1::2]):
        expected = brute_force_path(exact_n, a, b)
        got = router.shortest(a, b)
        if expected is None:
            assert got is None, f"seed {seed}: {a}->{b} has no path by brute force, router found {got.length}"
            continue
        assert got is not None, f"seed {seed}: router found no path {a}->{b}, brute force {expected:.3f}"
        assert got.length == pytest.approx(expected, abs=tol(expected)), f"seed {seed}: {a}->{b}"
        # The polyline is a real path: its length, its ends, and inside N (bevels allowed).
        assert polyline_length(got.polyline) == pytest.approx(got.length, abs=1e-6)
        assert got.polyline[0] == pytest.approx(a) and got.polyline[-1] == pytest.approx(b)
        assert inside(lay.site.shape(), got.polyline)
        bevelled = navigable(lay, arc_segments=8).buffer(BODY * (1 - math.cos(math.pi / 4)) + 0.02)
        assert inside(bevelled, got.polyline)


def test_brute_force_oracle_itself_on_a_known_answer():
    """The oracle, on the square obstacle, agrees with the taut-string formula."""
    lay = layout((0, 0, 100, 100), obstacles=[wall("o", *SQUARE)])
    a, b = (35, 45), (50, 65)
    assert brute_force_path(navigable(lay), a, b) == pytest.approx(around_corner(a, b, (40, 60), BODY), abs=1e-3)


# -- invariance under rigid motions -------------------------------------------------------------

def market():
    """Two facing rows with a 2 m aisle, a stage, two zones, three gates."""
    booths = (booth_row("A", 10, 15, 6, "up") + booth_row("B", 10, 17, 6, "down")
              + booth_row("C", 40, 10, 4, "down"))
    return layout(
        (0, 0, 70, 40),
        obstacles=[wall("stage", 50, 25, 62, 33, name="Stage", kind="stage")],
        booths=booths,
        zones=[zone("west", 0, 0, 35, 40, 900, name="West"), zone("east", 35, 0, 70, 40, 700, name="East")],
        gates=[gate("g-s", (20, 0), (26, 0)), gate("g-e", (70, 5), (70, 9), kind="exit"),
               gate("g-n", (44, 40), (40, 40), kind="entrance")],
    )


def essentials(report):
    paths = {(p["from"], p["to"]): p["length_m"] for p in report.paths}
    widths = sorted(f.value for f in report.findings if f.rule == "aisle-too-narrow")
    return paths, report.egress["time_s"], report.egress["walk_s"], widths


@pytest.fixture(scope="module")
def market_report():
    return analyse(market())


@pytest.mark.parametrize("angle, dx, dy", [(0, 1000, -500), (90, 0, 0), (37, 12.5, 3.25), (200, -80, 40)])
def test_rotating_and_moving_the_layout_changes_nothing(market_report, angle, dx, dy):
    paths, egress, walk, widths = essentials(market_report)
    paths2, egress2, walk2, widths2 = essentials(analyse(moved(market(), angle, dx, dy)))
    assert paths2.keys() == paths.keys()
    for key, length in paths.items():
        assert length is not None
        assert paths2[key] == pytest.approx(length, abs=tol(length)), key
    assert widths and len(widths2) == len(widths)
    for w, w2 in zip(widths, widths2):
        assert w2 == pytest.approx(w, rel=0.05)
    # Visitor grids (5 m cells) are laid over the turned zones anew: the farthest
    # point may move by half a cell's diagonal; the egress time within 5 %.
    assert walk2 == pytest.approx(walk, abs=5 * math.sqrt(2) / 2 / market().settings.walking_speed)
    assert egress2 == pytest.approx(egress, rel=0.05)
