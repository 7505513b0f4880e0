"""Nearest exits on foot kept across an edit, where the edit cannot have changed them.

``nearest.nearest_target`` answers each point with the first candidate (a
corner of N with its distance on to the nearest exit, or an exit itself),
in order of the path length through it, that the point sees. After an edit
that changed N only inside a region X, a point's old answer (length b) is
still the answer when nothing it looked at can have changed:

- the changed candidates (corners gone, new, or with another distance on or
  exit) change nothing for it: an old one below the answer was not seen (the
  answer is the first one seen), so losing it does not matter unless it was
  the answer's first corner or ties with it; a new one at most the answer
  must not be seen from the point in the new N (tested);
- and the point still sees what it saw: a segment from the point to a
  candidate that meets X has a figure of at least dist(point, X) plus the
  least distance on from X to an exit (in either N); when that sum lies
  above b, no candidate that matters is looked at across X, and N is the
  same everywhere else. Where it does not (X near the way out), each
  candidate at most b whose segment meets X must be seen alike from the
  point in the old and the new N (tested).

Candidates of equal figure are tried in the order of their corners'
coordinates, which an edit elsewhere does not change. The others are
answered again by ``nearest_target``: the result is the very one a fresh
run gives (tested against full runs).
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
    # The changed candidates: the old ones (gone, or with another distance on or exit)
    # and the new ones (new, or changed), each with its distance on (inf: never a candidate).
    gone = np.nonzero(~same & np.isfinite(old.cost))[0]
    came = np.nonzero(~unchanged_new & np.isfinite(cost))[0]
    best_old = old._all[0][rows]
    limit = best_old + MARGIN * TIE_TOLERANCE * np.maximum(1.0, best_old)
    keep = np.isfinite(best_old)
    if changed is not None and not changed.is_empty and keep.any():
        # The least distance on to an exit from anywhere in X, in the old or the new N.
        reach = float(np.min(shapely.distance(changed, shapely.points(exits)))) if len(exits) else np.inf
        for nodes, costs in ((old_router.nodes, old.cost), (router.nodes, cost)):
            ok = np.isfinite(costs)
            if ok.any():
                gap = _gaps(changed, old_router if nodes is old_router.nodes else router)[ok]
                reach = min(reach, float(np.min(gap + costs[ok])))
        away = shapely.distance(changed, shapely.points(points[keep]))
        doubt = np.nonzero(keep)[0][~(away + reach > limit[keep])]
        if len(doubt):
            # Where X lies near the way out (near an exit, say), look closer: only a
            # candidate at most the answer whose segment from the point meets X, and
            # which one N sees and the other does not, can change the answer.
            crossed = _seen_across(changed, old_router, router, cost, exits, points[doubt], limit[doubt],
                                   away[~(away + reach > limit[keep])])
            doubt = doubt[crossed]
        keep[doubt] = False
    if (len(gone) or len(came)) and keep.any():
        keep &= _candidates_stand(old, router, cost, gone, came, points, rows, best_old, limit, keep)
    return keep, to_new


def _candidates_stand(old: Answers, router, cost: np.ndarray, gone: np.ndarray, came: np.ndarray,
                      points: np.ndarray, rows: np.ndarray, best: np.ndarray, limit: np.ndarray,
                      keep: np.ndarray) -> np.ndarray:
    """Which points' answers the changed candidates leave as they were.

    An old candidate with a figure below the answer was not seen from the
    point (the answer is the first one seen), so losing it changes nothing;
    one that was the answer's first corner, or that ties with it, does. A new
    candidate matters when its figure is at most the answer and the point sees
    it in the new N: that is tested, segment by segment.
    """
    stand = keep.copy()
    with np.errstate(invalid="ignore"):                    # (unreached points: inf - inf)
        low = best - (limit - best)                        # the tie band round the answer
    if len(gone):
        lost = np.zeros(len(old.router.nodes), dtype=bool)
        lost[gone] = True
        first = old._all[2][rows]
        stand &= ~((first >= 0) & lost[np.maximum(first, 0)])
        stand &= ~_within(points, old.router.nodes[gone], old.cost[gone], low, limit, stand)
    if len(came):
        at, c = router.nodes[came], cost[came]
        idx = np.nonzero(stand)[0]
        for start in range(0, len(idx), 512):
            part = idx[start:start + 512]
            p = points[part]
            figure = np.hypot(p[:, None, 0] - at[None, :, 0], p[:, None, 1] - at[None, :, 1]) + c[None, :]
            r, k = np.nonzero(figure <= limit[part, None])
            if len(r):
                seen = router.visible(p[r], at[k])
                stand[part[r[seen]]] = False
    return stand


def _within(points: np.ndarray, at: np.ndarray, c: np.ndarray, low: np.ndarray, high: np.ndarray,
            which: np.ndarray) -> np.ndarray:
    """Points (among ``which``) with a candidate's figure between ``low`` and ``high``."""
    out = np.zeros(len(points), dtype=bool)
    idx = np.nonzero(which)[0]
    for start in range(0, len(idx), 512):
        part = idx[start:start + 512]
        p = points[part]
        figure = np.hypot(p[:, None, 0] - at[None, :, 0], p[:, None, 1] - at[None, :, 1]) + c[None, :]
        out[part] = ((figure >= low[part, None]) & (figure <= high[part, None])).any(axis=1)
    return out


def _meets_box(a: np.ndarray, b: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """Which segments a[i]-b[i] meet the box (its edge included): the part of each
    segment's line inside both slabs, clipped to the segment, is not empty."""
    lo = np.zeros(len(a))
    hi = np.ones(len(a))
    with np.errstate(divide="ignore", invalid="ignore"):
        for axis, low, high in ((0, x0, x1), (1, y0, y1)):
            d = b[:, axis] - a[:, axis]
            t1 = (low - a[:, axis]) / d
            t2 = (high - a[:, axis]) / d
            flat = d == 0
            inside = (a[:, axis] >= low) & (a[:, axis] <= high)
            enter = np.where(flat, np.where(inside, -np.inf, np.inf), np.minimum(t1, t2))
            leave = np.where(flat, np.where(inside, np.inf, -np.inf), np.maximum(t1, t2))
            lo = np.maximum(lo, enter)
            hi = np.minimum(hi, leave)
    return lo <= hi + 1e-12


def _gaps(changed: BaseGeometry, router) -> np.ndarray:
    """The distance from X to each corner of ``router`` (the same in every call of a run)."""
    hit = router.__dict__.get("_gaps")
    if hit is None or hit[0] is not changed:
        hit = router.__dict__["_gaps"] = (changed, shapely.distance(changed, shapely.points(router.nodes))
                                          if len(router.nodes) else np.zeros(0))
    return hit[1]


def _seen_across(changed: BaseGeometry, old_router, router, cost: np.ndarray, exits: np.ndarray,
                 points: np.ndarray, limit: np.ndarray, away: np.ndarray) -> np.ndarray:
    """For each point, whether a candidate of the new N (a corner with its distance on,
    or an exit) whose figure is at most ``limit`` and whose segment from the point meets
    X is seen from the point in one N and not in the other. ``away``: each point's
    distance from X.

    Candidates whose segment keeps clear of X are seen alike in both (N is the
    same there), and the figures are the same (``reusable`` checks): if these
    are seen alike too, the first candidate seen in figure order is the same.
    """
    ok = np.isfinite(cost)
    at = np.concatenate([router.nodes[ok], exits.reshape(-1, 2)])
    c = np.concatenate([cost[ok], np.zeros(len(exits))])
    out = np.zeros(len(points), dtype=bool)
    if len(at) == 0:
        return out
    # A segment from p to c that meets X is at least dist(p, X) + dist(c, X) long: only
    # candidates near X with little distance on can have a figure at most the answer.
    slack = limit - away
    near_x = np.concatenate([_gaps(changed, router)[ok], shapely.distance(changed, shapely.points(exits.reshape(-1, 2)))
                             if len(exits) else np.zeros(0)]) + c
    by_near = np.argsort(near_x, kind="stable")
    at, c, near_x = at[by_near], c[by_near], near_x[by_near]
    parts = shapely.get_parts(changed)
    boxes = shapely.bounds(parts).tolist() if len(parts) <= 16 else [changed.bounds]
    # Points in order of their slack, so each group needs the candidates up to its own.
    order = np.argsort(slack, kind="stable")
    for start in range(0, len(points), 128):
        rows = order[start:start + 128]
        upto = int(np.searchsorted(near_x, slack[rows].max(), side="right"))
        if upto == 0:
            continue
        p, sub_at, sub_c, sub_near = points[rows], at[:upto], c[:upto], near_x[:upto]
        figure = np.hypot(p[:, None, 0] - sub_at[None, :, 0], p[:, None, 1] - sub_at[None, :, 1]) + sub_c[None, :]
        r, k = np.nonzero((figure <= limit[rows, None]) & (sub_near[None, :] <= slack[rows, None]))
        if not len(r):
            continue
        a, b = p[r], sub_at[k]
        # Segments that miss the boxes of X's parts miss X: nearly all of them.
        box = np.zeros(len(r), dtype=bool)
        for bounds in boxes:
            box |= _meets_box(a, b, *bounds)
        r, a, b = r[box], a[box], b[box]
        if len(r):
            hit = shapely.intersects(changed, shapely.linestrings(np.stack([a, b], axis=1)))
            r, a, b = r[hit], a[hit], b[hit]
            differs = router.visible(a, b) != old_router.visible(a, b)
            out[rows[np.unique(r[differs])]] = True
    return out


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
