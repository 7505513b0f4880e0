"""Nearest exits on foot kept across an edit, where the edit cannot have changed them.

``nearest.nearest_target`` answers each point with the first candidate (a
corner of N with its distance on to the nearest exit, or an exit itself),
in order of the path length through it, that the point sees. After an edit
that changed N only inside a region X, a point's old answer (length b) is
still the answer when nothing it looked at can have changed:

- every candidate whose figure could be at most b (plus the tie tolerance)
  is the same corner, with the same neighbours, distance on and exit, in
  the old and the new N: the changed candidates' figures, with the lower of
  their old and new distances, all lie above b;
- and the point still sees exactly what it saw: a segment from the point
  to a candidate that meets X has a figure of at least dist(point, X) plus
  the least distance on from X to an exit (in either N), so when that sum
  lies above b, no candidate that matters is looked at across X, and N is
  the same everywhere else.

Candidates of equal figure are tried in the order of their corners'
coordinates, which an edit elsewhere does not change. The others are answered again by ``nearest_target``: the result is
the very one a fresh run gives (tested against full runs).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.solver.arrays import match_rows
from planner.solver.nearest import TIE_TOLERANCE

MARGIN = 2.0       # × the tie tolerance: the threshold lies safely above every tie


@dataclass
class Answers:
    """The answers of one run for one set of allowed exits, with what they were found on."""

    router: object
    cost: np.ndarray              # per corner of ``router``: distance on to the nearest allowed exit
    target: np.ndarray
    points: list[np.ndarray] = field(default_factory=list)
    best: list[np.ndarray] = field(default_factory=list)
    which: list[np.ndarray] = field(default_factory=list)
    first: list[np.ndarray] = field(default_factory=list)
    ties: list[dict[int, set[int]]] = field(default_factory=list)
    _index: dict[bytes, int] | None = None
    _all: tuple | None = None

    def add(self, points: np.ndarray, best: np.ndarray, which: np.ndarray, first: np.ndarray,
            ties: dict[int, set[int]]) -> None:
        self.points.append(np.asarray(points, dtype=float))
        self.best.append(best.copy())
        self.which.append(which.copy())
        self.first.append(first.copy())
        self.ties.append({i: set(t) for i, t in ties.items()})
        self._index = None

    def lookup(self, points: np.ndarray) -> np.ndarray:
        """Row of each point among the stored answers, -1 where it has none."""
        if self._index is None:
            pts = np.concatenate(self.points) if self.points else np.zeros((0, 2))
            self._index = {pts[k].tobytes(): k for k in range(len(pts))}
            offsets = np.cumsum([0] + [len(p) for p in self.points])
            ties = {int(offsets[n]) + i: t for n, part in enumerate(self.ties) for i, t in part.items()}
            self._all = (np.concatenate(self.best) if self.best else np.zeros(0),
                         np.concatenate(self.which) if self.which else np.zeros(0, dtype=int),
                         np.concatenate(self.first) if self.first else np.zeros(0, dtype=int), ties)
        get = self._index.get
        return np.fromiter((get(p.tobytes(), -1) for p in points), dtype=np.int64, count=len(points))


def _corner_rows(router) -> np.ndarray:
    """Each corner of ``router`` as its place and its neighbours' places."""
    return np.concatenate([router.nodes, router.prev, router.next], axis=1)


def reusable(old: Answers, router, cost: np.ndarray, target: np.ndarray, exits: np.ndarray,
             changed: BaseGeometry | None, points: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which of ``points`` (found at ``rows`` of ``old``) keep their old answer on ``router``,
    and the map from the old router's corners to the new one's (-1: gone)."""
    old_router = old.router
    map_key = ("_to_new", id(router))
    cached = old_router.__dict__.get(map_key)
    if cached is not None and cached[0] is router:
        to_new = cached[1]
    else:
        to_new = match_rows(_corner_rows(old_router), _corner_rows(router))
        if old_router is not router:      # (no cycle through the router itself)
            old_router.__dict__[map_key] = (router, to_new)
    matched = to_new >= 0
    same = np.zeros(len(to_new), dtype=bool)
    m_old = np.nonzero(matched)[0]
    m_new = to_new[m_old]
    same[m_old] = (old.cost[m_old] == cost[m_new]) & (old.target[m_old] == target[m_new])
    unchanged_new = np.zeros(len(router.nodes), dtype=bool)
    unchanged_new[to_new[same]] = True
    # The changed candidates, each at the lower of its distances on (inf: never a candidate).
    low_old = old.cost[~same]
    changed_at = np.concatenate([old_router.nodes[~same], router.nodes[~unchanged_new]])
    changed_cost = np.concatenate([low_old, cost[~unchanged_new]])
    finite = np.isfinite(changed_cost)
    changed_at, changed_cost = changed_at[finite], changed_cost[finite]

    best_old = old._all[0][rows]
    limit = best_old + MARGIN * TIE_TOLERANCE * np.maximum(1.0, best_old)
    keep = np.isfinite(best_old)
    if changed is not None and not changed.is_empty and keep.any():
        # The least distance on to an exit from anywhere in X, in the old or the new N.
        reach = float(np.min(shapely.distance(changed, shapely.points(exits)))) if len(exits) else np.inf
        for nodes, costs in ((old_router.nodes, old.cost), (router.nodes, cost)):
            ok = np.isfinite(costs)
            if ok.any():
                gap = shapely.distance(changed, shapely.points(nodes[ok]))
                reach = min(reach, float(np.min(gap + costs[ok])))
        away = shapely.distance(changed, shapely.points(points[keep]))
        keep[np.nonzero(keep)[0][~(away + reach > limit[keep])]] = False
    if len(changed_at) and keep.any():
        idx = np.nonzero(keep)[0]
        for start in range(0, len(idx), 512):
            part = idx[start:start + 512]
            p = points[part]
            figure = np.hypot(p[:, None, 0] - changed_at[None, :, 0], p[:, None, 1] - changed_at[None, :, 1]) \
                + changed_cost[None, :]
            keep[part[~np.all(figure > limit[part, None], axis=1)]] = False
    return keep, to_new


def nearest_with_reuse(old: Answers | None, now: Answers, exits: np.ndarray, changed: BaseGeometry | None,
                       points: np.ndarray, ties: dict[int, set[int]], compute) -> tuple:
    """``compute(points, ties)`` (the router's nearest_target) for the points whose old
    answer cannot stand; the others keep it. ``now`` holds this run's router and corner
    costs, ``exits`` the allowed exits' points. Returns (best, which, first, reused count)."""
    points = np.asarray(points, dtype=float)
    router, cost, target = now.router, now.cost, now.target
    m = len(points)
    if old is None or m == 0:
        best, which, first = compute(points, ties)
        return best, which, first, 0
    rows = old.lookup(points)
    found = rows >= 0
    keep = np.zeros(m, dtype=bool)
    to_new = None
    if found.any():
        kept, to_new = reusable(old, router, cost, target, exits, changed, points[found], rows[found])
        keep[np.nonzero(found)[0][kept]] = True
    best = np.full(m, np.inf)
    which = np.full(m, -1)
    first = np.full(m, -2)
    if keep.any():
        r = rows[keep]
        all_best, all_which, all_first, all_ties = old._all
        best[keep] = all_best[r]
        which[keep] = all_which[r]
        f = all_first[r].copy()
        corner = f >= 0               # the others went straight to their exit (-1)
        f[corner] = to_new[f[corner]]
        first[keep] = f
        for i, row in zip(np.nonzero(keep)[0].tolist(), r.tolist()):
            tied = all_ties.get(row)
            if tied:
                ties[i] = set(tied)
    todo = np.nonzero(~keep)[0]
    if len(todo):
        found_ties: dict[int, set[int]] = {}
        b, w, f = compute(points[todo], found_ties)
        best[todo], which[todo], first[todo] = b, w, f
        ties.update({int(todo[k]): v for k, v in found_ties.items()})
    return best, which, first, int(keep.sum())
