"""Which overloaded cross-sections belong to one aisle.

The capacity network cuts a long aisle into many short chains wherever
visitors stand in it or another aisle crosses it, and each chain has its own
narrowest chord: a 120 m strip between two booth rows yields a chord every
few metres. An organiser needs one finding per aisle (SPEC §4 asks the same
of narrow aisles: one finding per connected passage), so chords are grouped
here and the rule reports each group once, at its worst cross-section.

Two chords are one aisle when
- they lie across one straight aisle: nearly parallel, of like width, each
  across the other's line of travel, with clear walkable ground between them
  and walls (booths, obstacles, the site boundary) along a third or more of
  both sides (an aisle keeps its identity through the cross aisles it meets,
  but two narrow places with a hall between are two); or
- they run between the same two sides (a block of touching booths, an
  obstacle, or the site boundary), the straight line between their middles
  stays on walkable ground, and both walls of the stretch between them
  follow those sides (an aisle that bends round a block); or
- their middles lie within NEAR metres of each other on walkable ground
  (one cross-section sampled twice, at the corner of a booth).
A chord slanting across a crossing (neither along nor across the aisles that
meet there) joins the aisle it touches rather than standing as one of its own.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPoint, Point

from planner.solver.walkable import polygons_of

NEAR = 1.0          # metres: chords this close are one cross-section sampled twice
TOUCH = 0.06        # metres: a chord's end this close to a side stands on it
WALL_STEP = 0.5     # metres between the samples of a stretch's wall
PARALLEL = math.radians(30)    # chords within this angle run across the same aisle
SLANT = math.radians(60)       # a chord within this angle of an aisle's may be its crossing
CLEAR = 0.05        # metres of slack when asking whether ground between chords is clear
WIDER = 2.0         # an aisle's cross-sections differ in width by no more than this factor
WALLED = 1 / 3      # share of an aisle's length that must run along something on each side


class _Sides:
    """The sides chords can end on: booth blocks, obstacles, else the site boundary (-1)."""

    def __init__(self, areas) -> None:
        self.shapes = [*areas.blocks, *polygons_of(areas.obstacles)]
        self.tree = shapely.STRtree(self.shapes) if self.shapes else None
        self.site_edge = areas.site.boundary

    def of(self, point: tuple[float, float]) -> int:
        if self.tree is None:
            return -1
        p = Point(point)
        idx = self.tree.query(p, predicate="dwithin", distance=TOUCH)
        if len(idx) == 0:
            return -1
        d = shapely.distance(np.asarray(self.shapes, dtype=object)[idx], p)
        return int(idx[int(np.argmin(d))])

    def geometry(self, side: int):
        return self.site_edge if side < 0 else self.shapes[side]

    def clearance(self, points: np.ndarray) -> np.ndarray:
        """Each point's distance to the nearest side of any kind."""
        geoms = shapely.points(points)
        d = shapely.distance(geoms, self.site_edge)
        if self.tree is not None:
            idx, far = self.tree.query_nearest(geoms, return_distance=True, all_matches=False)
            d[idx[0]] = np.minimum(d[idx[0]], far)
        return d


def _follows(sides: _Sides, side: int, a, b, tolerance: float) -> bool:
    """Whether the wall from ``a`` to ``b`` stays within ``tolerance`` of ``side``."""
    line = LineString([a, b])
    samples = max(2, int(line.length / WALL_STEP) + 1)
    points = shapely.points(np.linspace(a, b, samples))
    return bool(np.all(shapely.distance(points, sides.geometry(side)) <= tolerance))


class _Chords:
    """The chords' geometry, and the tests that tie two of them to one aisle."""

    def __init__(self, areas, chords: list) -> None:
        self.chords = chords
        self.clear = areas.walkable.buffer(CLEAR)
        shapely.prepare(self.clear)
        self.sides = _Sides(areas)
        self.ends = [(self.sides.of(c.a), self.sides.of(c.b)) for c in chords]
        a = np.array([c.a for c in chords], dtype=float)
        b = np.array([c.b for c in chords], dtype=float)
        self.mids = (a + b) / 2
        length = np.maximum(np.hypot(*(b - a).T), 1e-12)
        self.dirs = (b - a) / length[:, None]
        self.widths = np.array([c.width for c in chords], dtype=float)

    def distance(self, i: int, j: int) -> float:
        return float(np.hypot(*(self.mids[i] - self.mids[j])))

    def angle(self, i: int, j: int) -> float:
        """The angle between two chords' lines, 0 to 90 degrees (in radians)."""
        return math.acos(min(1.0, abs(float(self.dirs[i] @ self.dirs[j]))))

    def alike(self, i: int, j: int) -> bool:
        """Of like width: a long chord running along an aisle is no cross-section of it."""
        wi, wj = self.widths[i], self.widths[j]
        return max(wi, wj) <= WIDER * min(wi, wj)

    def across(self, i: int, j: int) -> bool:
        """Each chord's middle lies within the other's reach along the aisle it crosses."""
        d = self.mids[j] - self.mids[i]
        return (abs(float(d @ self.dirs[i])) <= self.widths[i] / 2
                and abs(float(d @ self.dirs[j])) <= self.widths[j] / 2)

    def clear_between(self, i: int, j: int) -> bool:
        """The ground the two chords enclose is walkable throughout."""
        ci, cj = self.chords[i], self.chords[j]
        hull = MultiPoint([ci.a, ci.b, cj.a, cj.b]).convex_hull
        return bool(self.clear.covers(hull))

    def walled(self, i: int, j: int) -> bool:
        """Both sides of the stretch between two chords run along walls for a third or more."""
        ci, cj = self.chords[i], self.chords[j]
        a, b = (cj.a, cj.b) if float(self.dirs[i] @ self.dirs[j]) >= 0 else (cj.b, cj.a)
        tolerance = max(WALL_STEP, 0.25 * max(ci.width, cj.width))
        for p, q in ((ci.a, a), (ci.b, b)):
            samples = max(2, int(math.dist(p, q) / WALL_STEP) + 1)
            near = self.sides.clearance(np.linspace(p, q, samples)) <= tolerance
            if near.mean() < WALLED:
                return False
        return True

    def on_ground(self, i: int, j: int) -> bool:
        if np.allclose(self.mids[i], self.mids[j]):
            return True
        return bool(self.clear.covers(LineString([self.mids[i], self.mids[j]])))

    def same_sides(self, i: int, j: int) -> bool:
        """Between the same two sides, with both walls of the stretch between them along those sides."""
        ci, cj = self.chords[i], self.chords[j]
        (si, ti), (sj, tj) = self.ends[i], self.ends[j]
        if {si, ti} != {sj, tj} or not self.on_ground(i, j):
            return False
        tolerance = max(WALL_STEP, 0.25 * max(ci.width, cj.width))
        matchings = []
        if (si, ti) == (sj, tj):
            matchings.append(((ci.a, cj.a, si), (ci.b, cj.b, ti)))
        if (si, ti) == (tj, sj):
            matchings.append(((ci.a, cj.b, si), (ci.b, cj.a, ti)))
        return any(all(_follows(self.sides, side, p, q, tolerance) for p, q, side in walls)
                   for walls in matchings)

    def one_aisle(self, i: int, j: int) -> bool:
        if self.distance(i, j) <= NEAR and self.on_ground(i, j):
            return True
        if (self.angle(i, j) <= PARALLEL and self.alike(i, j) and self.across(i, j)
                and self.clear_between(i, j) and self.walled(i, j)):
            return True
        return self.same_sides(i, j)

    def candidates(self) -> list[tuple[float, int, int]]:
        """(distance, i, j) for the pairs i < j that might be one aisle, nearest first."""
        ends = np.sort(np.asarray(self.ends, dtype=np.int64).reshape(-1, 2), axis=1)
        out: list[tuple[float, int, int]] = []
        for i in range(len(self.chords) - 1):
            j = np.arange(i + 1, len(self.chords))
            d = self.mids[j] - self.mids[i]
            gap = np.hypot(d[:, 0], d[:, 1])
            cos = np.abs(self.dirs[j] @ self.dirs[i])
            across = ((np.abs(d @ self.dirs[i]) <= self.widths[i] / 2)
                      & (np.abs(np.sum(d * self.dirs[j], axis=1)) <= self.widths[j] / 2))
            same = np.all(ends[j] == ends[i], axis=1)
            wide = np.maximum(self.widths[j], self.widths[i])
            alike = wide <= WIDER * np.minimum(self.widths[j], self.widths[i])
            keep = (gap <= NEAR) | ((cos >= math.cos(PARALLEL)) & alike & across) | same
            out.extend(zip(gap[keep].tolist(), [i] * int(keep.sum()), j[keep].tolist()))
        out.sort()
        return out

    def spread(self, group: list[int]) -> float:
        """How far apart the middles of a group's chords lie, at most."""
        m = self.mids[group]
        return float(np.max(np.hypot(m[:, None, 0] - m[None, :, 0], m[:, None, 1] - m[None, :, 1])))

    def crossing_of(self, i: int, j: int) -> bool:
        """Chord ``i`` slants across a crossing on the line of travel of aisle chord ``j``."""
        d = self.mids[i] - self.mids[j]
        return (PARALLEL < self.angle(i, j) <= SLANT and self.alike(i, j)
                and abs(float(d @ self.dirs[j])) <= self.widths[j] / 2
                and self.clear_between(i, j))


def _unlike(loads: list[float] | None, i: int, j: int) -> float:
    """How far apart two chords' loads are, as a ratio (0 when alike or unknown)."""
    if loads is None or loads[i] <= 0 or loads[j] <= 0:
        return 0.0
    return abs(math.log(loads[i] / loads[j]))


def group_chords(areas, chords: list, loads: list[float] | None = None) -> list[list[int]]:
    """Indices of ``chords`` grouped by aisle, each group and the groups in input order.

    ``loads`` (persons crossing each chord), when given, settle which aisle a crossing
    joins: the one whose stream it carries, the load most like its own.
    """
    n = len(chords)
    if n < 2:
        return [[0]] if n else []
    geo = _Chords(areas, chords)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only pairs that pass the cheap tests are tried, nearest first: an aisle is joined
    # up link by link, and farther pairs already in one group need no geometry.
    for _, i, j in geo.candidates():
        if root(i) != root(j) and geo.one_aisle(i, j):
            parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    # A group at one spot whose chords slant across a crossing joins the aisle leading
    # into it that carries its stream (else the nearest); aisles are not joined to each
    # other through it.
    spots = {k for k, g in groups.items() if geo.spread(g) <= max(geo.widths[g])}
    aisles = [(k, g) for k, g in groups.items() if k not in spots]
    for k in sorted(spots):
        near = [(_unlike(loads, i, j), geo.distance(i, j), a)
                for i in groups[k] for a, g in aisles for j in g if geo.crossing_of(i, j)]
        if near:
            a = min(near)[2]
            groups[a].extend(groups.pop(k))
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
