"""What makes the analysis fast must not change its answers.

- The triangulation's boundary samples (planner.solver.sampling): as fine as
  0.5 m where walls face each other closely, coarse along open ground, and
  the shape itself untouched. Spacings are worked out by hand below.
- The router's candidate corner pairs after an edit, taken partly from the
  router before it: the very pairs, in the very order, of a fresh search.
- Answers kept for a question asked again (nearest exits, maximum flows):
  the same answer, and the caller's copy is its own.
"""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path

import numpy as np
import pytest
import shapely

from planner.solver import flow as flowmod
from planner.solver.routes import Router
from planner.solver.sampling import MAX_STEP, MIN_STEP, sample_walkable
from planner.solver.visibility import candidate_pairs, candidate_pairs_after
from planner.solver.walkable import build_areas
from tests.factories import rect
from tests.solver.kit import gate, layout, wall, zone

MARKET = Path(__file__).resolve().parents[2] / "benchmarks" / "market.py"


def _market(booths: int):
    spec = importlib.util.spec_from_file_location("bench_market", MARKET)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.market(booths)


def _spacings_along(coords: np.ndarray, keep) -> np.ndarray:
    """Distances between consecutive ring vertices that both satisfy ``keep``."""
    nxt = np.roll(coords, -1, axis=0)
    both = np.array([keep(p) and keep(q) for p, q in zip(coords.tolist(), nxt.tolist())])
    return np.hypot(*(nxt - coords).T)[both]


def _two_buildings():
    """A 60 × 40 site; two 10 × 10 buildings 1 m apart in its middle (x 20–30 and 31–41)."""
    lay = layout((0, 0, 60, 40), obstacles=[wall("w", 20, 15, 30, 25, kind="building"),
                                            wall("e", 31, 15, 41, 25, kind="building")])
    return build_areas(lay).walkable


def test_the_shape_and_its_corners_are_kept():
    walkable = _two_buildings()
    sampled = sample_walkable(walkable)
    assert shapely.symmetric_difference(walkable, sampled).area < 1e-9
    have = {tuple(np.round(p, 9)) for p in shapely.get_coordinates(sampled).tolist()}
    for corner in [(0, 0), (60, 0), (60, 40), (0, 40), (20, 15), (30, 25), (31, 15), (41, 25)]:
        assert corner in have


def test_walls_across_a_narrow_gap_are_sampled_finely_and_open_ground_coarsely():
    sampled = sample_walkable(_two_buildings())
    holes = [np.asarray(r.coords)[:-1] for r in sampled.interiors]
    west = next(h for h in holes if h[:, 0].min() < 25)
    east = next(h for h in holes if h[:, 0].min() > 25)
    # The facing walls x = 30 and x = 31 (1 m apart): every step at most 0.5 m.
    gap_w = _spacings_along(west, lambda p: abs(p[0] - 30) < 1e-9)
    gap_e = _spacings_along(east, lambda p: abs(p[0] - 31) < 1e-9)
    assert len(gap_w) >= 20 and gap_w.max() <= MIN_STEP + 1e-9
    assert len(gap_e) >= 20 and gap_e.max() <= MIN_STEP + 1e-9
    # The site's south wall is 15 m from anything across: the coarsest steps, 2 m.
    outer = np.asarray(sampled.exterior.coords)[:-1]
    south = _spacings_along(outer, lambda p: abs(p[1]) < 1e-9)
    assert len(south) == 30
    assert np.allclose(south, MAX_STEP)


def test_a_wall_does_not_count_as_its_own_neighbour():
    """A lone 3 × 3 kiosk in a plaza: its sides are 3 m apart round its corners, not across
    open ground, so they keep the plaza's coarse sampling (1.5 m, its sides split in two)."""
    lay = layout((0, 0, 40, 40), obstacles=[wall("kiosk", 18, 18, 21, 21)])
    sampled = sample_walkable(build_areas(lay).walkable)
    kiosk = np.asarray(sampled.interiors[0].coords)[:-1]
    steps = np.hypot(*(np.roll(kiosk, -1, axis=0) - kiosk).T)
    assert len(kiosk) == 8 and np.allclose(steps, 1.5)


def test_a_narrow_aisle_is_still_measured_within_five_percent():
    """The network's narrowest chord across a 1 m gap between buildings is 1 m (SPEC §4: 5 %)."""
    lay = layout((0, 0, 60, 40), obstacles=[wall("w", 20, 15, 30, 25, kind="building"),
                                            wall("e", 31, 15, 41, 25, kind="building")])
    tris, neighbours = flowmod._triangulate(lay, build_areas(lay))
    across = [c.width for nb in neighbours.values() for c in nb.values()
              if 30 - 1e-9 <= min(c.a[0], c.b[0]) and max(c.a[0], c.b[0]) <= 31 + 1e-9
              and 15 < c.a[1] < 25 and 15 < c.b[1] < 25]
    assert across and min(across) <= 1.0 * 1.05 and min(across) >= 1.0 - 1e-9


def test_corner_pairs_after_a_move_are_those_of_a_fresh_search():
    lay = _market(200)
    before = Router(build_areas(lay))
    for k, (dx, dy) in enumerate([(1.3, 0.0), (-2.0, 0.7), (0.0, -1.1)]):
        booth = lay.booths[17 * k + 5]
        booth.x += dx
        booth.y += dy
        after = Router(build_areas(lay))
        want = candidate_pairs(after.nodes, after.prev, after.next, after.component)
        got = candidate_pairs_after(after.nodes, after.prev, after.next, after.component, before)
        assert got is not None
        assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
        before = after


def test_nearest_exits_asked_again_give_the_same_answer_in_a_copy_of_its_own():
    lay = layout((0, 0, 30, 20), obstacles=[wall("mid", 10, 5, 20, 15)],
                 zones=[zone("z", 0, 0, 30, 20, 500)],
                 gates=[gate("west", (0, 8), (0, 12)), gate("east", (30, 8), (30, 12))])
    router = Router(build_areas(lay))
    targets = [(0.3, 10.0), (29.7, 10.0)]
    _, _, fields, _ = router.distance_field(targets)
    points = np.array([[5.0, 2.0], [15.0, 2.0], [15.0, 18.0], [25.0, 10.0]])
    ties1: dict = {}
    d1, w1, f1 = router.nearest_target(points, targets, fields, [0, 1], ties1)
    keep = (d1.copy(), w1.copy(), f1.copy(), copy.deepcopy(ties1))
    d1[:] = -1.0
    w1[:] = 7
    ties2: dict = {}
    d2, w2, f2 = router.nearest_target(points, targets, fields, [0, 1], ties2)
    assert np.array_equal(d2, keep[0]) and np.array_equal(w2, keep[1]) and np.array_equal(f2, keep[2])
    assert ties2 == keep[3]
    # The points straight above and below the middle block are as near to both exits.
    assert {1, 2} <= set(ties2) and all(t == {0, 1} for t in ties2.values())
    assert w2[0] == 0 and w2[3] == 1


def test_a_maximum_flow_asked_again_is_the_same_and_its_own():
    lay = layout((0, 0, 30, 20), obstacles=[wall("mid", 10, 0, 20, 18)],
                 zones=[zone("z", 0, 0, 10, 20, 500)], gates=[gate("east", (30, 8), (30, 12))])
    areas = build_areas(lay)
    visitors = flowmod.visitor_points(lay, areas)
    network = flowmod.build_network(lay, areas, visitors.points)
    sources = np.arange(len(visitors.points))
    first = flowmod.max_flow(network, lay, sources, ["east"])
    want = copy.deepcopy(first)
    first.bottlenecks.clear()
    again = flowmod.max_flow(network, lay, sources, ["east"])
    assert again == want and again.bottlenecks
    # The 2 m opening above the wall is the narrowest cross-section: 2 m × 82 / 60 p/s.
    assert again.persons_per_s == pytest.approx(2.0 * 82 / 60, rel=0.05)
