"""The analysis's fast parts against plain, slow ways of getting the same answers.

- nearest exit on foot of many points (grouped, with bounds) against a
  brute-force visibility graph over every vertex of N built here;
- the router's Dijkstra against networkx's on the same graph;
- which egress routes meet which aisle chords, against one shapely test per route;
- the analysis leaves Python's cycle collector as it found it.
"""

from __future__ import annotations

import gc
import math
import random

import networkx as nx
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString

from planner.solver import analyse
from planner.solver import nearest as nearest_mod
from planner.solver.routes import Router
from planner.solver.rules import _legs_meeting, _routes_meeting
from planner.solver.walkable import build_areas
from tests.solver.kit import booth_row, gate, layout, zone

EXITS = [(1.0, 20.0), (59.0, 4.0), (30.0, 39.0)]


def market():
    """Four bands of booths, two blocks each: enough corners to make the bounds matter."""
    booths = []
    for k, y in enumerate((6.0, 15.0, 24.0, 33.0)):
        booths += booth_row(f"L{k}", 4.0, y, 7, "down")
        booths += booth_row(f"R{k}", 32.0, y, 7, "down")
    return layout((0, 0, 60, 40), booths=booths, zones=[zone("z", 0, 0, 60, 40, 500)],
                  gates=[gate("e1", (0, 18), (0, 22), "exit"), gate("e2", (60, 2), (60, 6), "exit"),
                         gate("e3", (28, 40), (32, 40), "exit")])


def brute_force_nearest(area, exits, points):
    """Distance on foot to the nearest exit: every vertex of N a node, every pair tried."""
    grown = area.buffer(1e-6, quad_segs=1, join_style="mitre")
    shapely.prepare(grown)
    polys = [area] if area.geom_type == "Polygon" else list(area.geoms)
    verts = list(dict.fromkeys(tuple(c) for p in polys for r in [p.exterior, *p.interiors]
                               for c in list(r.coords)[:-1]))
    nodes = verts + [tuple(e) for e in exits]
    arr = np.asarray(nodes)
    i, j = np.triu_indices(len(nodes), k=1)
    ok = shapely.covers(grown, shapely.linestrings(np.stack([arr[i], arr[j]], axis=1)))
    g = nx.Graph()
    for u, v in zip(i[ok].tolist(), j[ok].tolist()):
        g.add_edge(u, v, weight=math.dist(nodes[u], nodes[v]))
    fields = [nx.single_source_dijkstra_path_length(g, len(verts) + k) for k in range(len(exits))]
    out = []
    for p in points:
        lines = shapely.linestrings(np.stack([np.broadcast_to(p, arr.shape), arr], axis=1))
        seen = shapely.covers(grown, lines)
        best = []
        for field in fields:
            d = [math.dist(p, nodes[v]) + field[v] for v in np.nonzero(seen)[0].tolist() if v in field]
            best.append(min(d) if d else math.inf)
        out.append(best)
    return np.asarray(out)


@pytest.mark.parametrize("group, nearest, tile", [(128, 48, 20.0), (5, 3, 4.0), (40, 1, 100.0)])
def test_nearest_exit_matches_brute_force(monkeypatch, group, nearest, tile):
    # Small groups and tight bounds leave many points to the full search: both ways must agree.
    monkeypatch.setattr(nearest_mod, "GROUP", group)
    monkeypatch.setattr(nearest_mod, "NEAREST", nearest)
    monkeypatch.setattr(nearest_mod, "TILE", tile)
    router = Router(build_areas(market()))
    area = router.areas.navigable
    rng = random.Random(3)
    points = []
    while len(points) < 160:
        p = (rng.uniform(0, 60), rng.uniform(0, 40))
        if area.contains(shapely.Point(p)):
            points.append(p)
    pts = np.asarray(points)
    fields = router.distance_field(EXITS)[2]
    ties: dict[int, set[int]] = {}
    dist, which, first = router.nearest_target(pts, EXITS, fields, [0, 1, 2], ties)
    expected = brute_force_nearest(area, EXITS, points)
    assert len(router.nodes) > 48       # more candidates than the bound keeps
    np.testing.assert_allclose(dist, expected.min(axis=1), rtol=1e-9, atol=1e-9)
    for k in range(len(points)):
        near = set(np.nonzero(expected[k] <= expected[k].min() * (1 + 1e-9) + 1e-9)[0].tolist())
        assert ties.get(k, {int(which[k])}) == near, (points[k], expected[k])
    # The first step is a corner seen from the point (or the exit itself) on a path that long.
    for k in range(len(points)):
        if first[k] >= 0:
            c = router.nodes[first[k]]
            assert router.visible(pts[k:k + 1], c[None, :])[0]


def symmetric_block() -> Router:
    """A block on the axis between points on either side: every such route has a twin."""
    from tests.solver.kit import wall

    return Router(build_areas(layout((0, 0, 40, 20), obstacles=[wall("block", 15, 7, 25, 13)],
                                     zones=[zone("z", 0, 0, 40, 20, 100)])))


SYMMETRIC_ENDS = [(5.0, 10.0), (35.0, 10.0), (2.0, 10.0), (38.0, 10.0)]


@pytest.mark.parametrize("case", ["market", "symmetric"])
def test_dijkstra_matches_networkx(case):
    router = Router(build_areas(market())) if case == "market" else symmetric_block()
    ends = [(2.0, 2.0), (58.0, 38.0), (30.0, 20.0), (10.0, 12.0)] if case == "market" else SYMMETRIC_ENDS
    names, extra = router.links(ends)
    graph, _ = router.with_points(ends)
    ties = 0
    for source in names:
        pred, dist = router.dijkstra(source, extra)
        pred_nx, dist_nx = nx.dijkstra_predecessor_and_distance(graph, source)
        assert dist == dist_nx
        # Each node's one predecessor is one of those networkx lists (all the equal ones).
        assert pred.keys() == pred_nx.keys()
        for v, p in pred.items():
            assert p[:1] == p and (not p or p[0] in pred_nx[v])
        ties += sum(len(p) > 1 for p in pred_nx.values())
    assert ties > 0 or case == "market"      # round the block: equal routes to choose between


def test_equal_routes_are_chosen_by_place_not_by_number():
    """The same corners under other numbers settle ties alike: the routes are the same."""
    router = symmetric_block()
    names, extra = router.links(SYMMETRIC_ENDS)
    perm = np.arange(len(router.nodes))[::-1].copy()      # new number -> old number
    old_to_new = np.argsort(perm)
    shuffled = Router.__new__(Router)
    shuffled.__dict__.update({k: v for k, v in router.__dict__.items() if not k.startswith("_")})
    shuffled.nodes, shuffled.prev, shuffled.next = router.nodes[perm], router.prev[perm], router.next[perm]
    shuffled.component = router.component[perm]
    # Neighbours listed by their new numbers, as a router built that way lists them.
    by_number = lambda edges: sorted(edges, key=lambda e: (isinstance(e[0], tuple), e[0]))  # noqa: E731
    shuffled._adjacency = [by_number([(int(old_to_new[u]), d) for u, d in router.adjacency()[int(old)]])
                           for old in perm]
    shuffled_extra = {(name if isinstance(name, tuple) else int(old_to_new[name])):
                      by_number([(u if isinstance(u, tuple) else int(old_to_new[u]), d) for u, d in edges])
                      for name, edges in extra.items()}

    def route(r, ex, a, b):
        found, seen, first, _ = r.search(a, ex)
        ids = {name: k for k, name in enumerate(found)}
        at, out = ids[b], []
        while at >= 0:
            out.append(found[at] if isinstance(found[at], tuple) else tuple(r.nodes[found[at]]))
            at = first[at]
        return out

    for a in names:
        for b in names:
            if a != b:
                assert route(router, extra, a, b) == route(shuffled, shuffled_extra, a, b)


def test_routes_meeting_lines_matches_one_test_per_route():
    rng = random.Random(11)
    hub = [(rng.uniform(0, 50), rng.uniform(0, 50)) for _ in range(12)]
    coords, owner, routes = [], [], []
    for r in range(150):
        # Routes share legs, as routes to one exit do, and some meet a line at a vertex.
        pts = [(rng.uniform(0, 50), rng.uniform(0, 50))] + rng.sample(hub, rng.randint(0, 4)) + [hub[0]]
        routes.append(LineString(pts) if len(set(pts)) > 1 else LineString(pts * 2))
        coords += pts if len(pts) > 1 else pts * 2
        owner += [r] * max(len(pts), 2)
    lines = [LineString([(rng.uniform(0, 50), rng.uniform(0, 50)), (rng.uniform(0, 50), rng.uniform(0, 50))])
             for _ in range(60)]
    lines += [LineString([hub[1], (hub[1][0] + 5.0, hub[1][1] + 1.0)])]   # through a shared vertex
    route_idx, line_idx = _routes_meeting(np.asarray(coords, dtype=float), np.asarray(owner),
                                          np.asarray(lines, dtype=object))
    got = list(zip(route_idx.tolist(), line_idx.tolist()))
    want = [(r, k) for r, route in enumerate(routes) for k, line in enumerate(lines) if route.intersects(line)]
    assert got == want and len(want) > 100
    # The same with the places numbered (as the egress routes are): legs told apart by number.
    number: dict[tuple[float, float], int] = {}
    places = np.asarray([number.setdefault(tuple(c), len(number)) for c in coords], dtype=np.int64)
    route_idx, line_idx = _routes_meeting(np.asarray(coords, dtype=float), np.asarray(owner),
                                          np.asarray(lines, dtype=object), places)
    assert list(zip(route_idx.tolist(), line_idx.tolist())) == want


def test_legs_meeting_lines_matches_geos_on_crossings_touches_and_overlaps():
    rng = np.random.default_rng(8)
    legs = rng.uniform(0, 20, size=(300, 2, 2))
    ends = rng.uniform(0, 20, size=(200, 2, 2))
    # Degenerate cases: an end on the other segment, shared ends, collinear overlaps,
    # parallel neighbours, a leg of no length.
    legs[0] = [(0, 0), (10, 0)]
    ends[0] = [(5, 0), (5, 5)]                   # a T: touches
    legs[1] = [(0, 2), (4, 2)]
    ends[1] = [(4, 2), (9, 7)]                   # shared end
    legs[2] = [(0, 4), (6, 4)]
    ends[2] = [(3, 4), (12, 4)]                  # collinear overlap
    legs[3] = [(0, 6), (6, 6)]
    ends[3] = [(0, 6.000001), (6, 6.000001)]     # parallel, a hair apart
    legs[4] = [(7, 7), (7, 7)]
    ends[4] = [(6, 6), (8, 8)]                   # a point on a line
    lines = shapely.linestrings(ends)
    got = set(zip(*(a.tolist() for a in _legs_meeting(legs, lines))))
    geoms = shapely.linestrings(legs)
    want = {(i, j) for i in range(len(legs)) for j in range(len(lines)) if geoms[i].intersects(lines[j])}
    assert got == want and {(0, 0), (1, 1), (2, 2)} <= want and (3, 3) not in want


@pytest.mark.parametrize("enabled", [True, False])
def test_analysis_leaves_the_cycle_collector_as_it_was(enabled):
    before = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        report = analyse(market())
        assert gc.isenabled() is enabled
        assert report.egress["time_s"] is not None
    finally:
        gc.enable() if before else gc.disable()


def test_nearest_exit_does_not_depend_on_how_the_corners_are_numbered():
    """An edit elsewhere renumbers N's corners; equal path lengths must still be
    settled the same way, by the corners' places. A block on the axis between the
    points and the exit gives every point on the axis two paths of exactly one length."""
    from tests.solver.kit import wall

    lay = layout((0, 0, 40, 20), obstacles=[wall("block", 15, 7, 25, 13)], zones=[zone("z", 0, 0, 40, 20, 100)],
                 gates=[gate("e", (40, 8), (40, 12), "exit")])
    router = Router(build_areas(lay))
    exits = [(39.75, 10.0)]
    pts = np.array([(x, 10.0) for x in np.arange(1.0, 14.0, 0.5)])
    fields = router.distance_field(exits)[2]
    dist, which, first = nearest_mod.nearest_target(router, pts, exits, fields, [0], {})
    assert np.all(first >= 0)       # round the block: by one of its two near corners
    # The same corners under other numbers, their distance fields renumbered alike.
    perm = np.arange(len(router.nodes))[::-1].copy()   # new number -> old number: every pair swapped
    old_to_new = np.argsort(perm)
    shuffled = Router.__new__(Router)
    shuffled.__dict__.update(router.__dict__)
    shuffled.__dict__.pop("_fields", None)
    shuffled.nodes, shuffled.prev, shuffled.next = router.nodes[perm], router.prev[perm], router.next[perm]
    shuffled.component = router.component[perm]
    moved = {k: {(int(old_to_new[v]) if not isinstance(v, tuple) else v): d for v, d in f.items()}
             for k, f in fields.items()}
    dist2, which2, first2 = nearest_mod.nearest_target(shuffled, pts, exits, moved, [0], {})
    assert np.array_equal(dist, dist2) and np.array_equal(which, which2)
    corner = first >= 0
    assert np.array_equal(first2[corner], old_to_new[first[corner]])
    assert np.array_equal(first2[~corner], first[~corner])
