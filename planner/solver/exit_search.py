"""The walking distance from many points to the nearest exit: the search behind the overlays' grid.

Exact on the router's visibility graph: a point's distance is the smallest
(straight leg to a corner it sees and grazes) + (that corner's distance to
an exit). Only the few cheapest candidates per point are tested for sight
(a partial sort, not a full one), and on a large grid each tile of points
only weighs the candidates a bound from its middle point leaves in play
(``_Search.by_tiles``). The sight tests, the costly part, are made for many
points at once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

from planner.solver.nearest import corner_costs
from planner.solver.routes import Router
from planner.solver.walkable import Areas

Point2 = tuple[float, float]

CANDIDATES = 8            # cheapest candidates per point tested for sight before the full search
BLOCK = 1000              # points per vectorised block
BATCH_ENTRIES = 4_000_000 # point-candidate pairs searched together (memory: a few arrays of this size)
SIGHT_PAIRS = 2048        # sight tests per call, about, once few points are still looking
TILED_FROM = 400          # points from which the search goes tile by tile (see _Search.by_tiles)
TILE_POINTS = 64          # points per tile, about


def _components(areas: Areas, points: np.ndarray, on_edge: bool = False) -> np.ndarray:
    """The part of N holding each point (-1 when none does); ``on_edge`` counts N's edge as in."""
    out = np.full(len(points), -1)
    if not areas.components or len(points) == 0:
        return out
    if len(areas.components) == 1 and not on_edge:
        out[shapely.contains_xy(areas.components[0], points[:, 0], points[:, 1])] = 0
        return out
    tree = shapely.STRtree(areas.components)
    if on_edge:
        p_idx, c_idx = tree.query(shapely.points(points), predicate="dwithin", distance=1e-6)
    else:
        p_idx, c_idx = tree.query(shapely.points(points), predicate="intersects")
    out[p_idx] = c_idx
    return out


def nearest_exit(router: Router, points: np.ndarray, targets: list[Point2 | None], fields: dict,
                 allowed: list[int], costs: tuple[np.ndarray, np.ndarray] | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Walking distance from each point to the nearest allowed target, and which target.

    Same answer as ``Router.nearest_target``: every candidate (a corner the
    leg grazes, or the exit itself) a point sees gives a real path, leg plus
    the corner's distance to its exit, and the true shortest path's first
    corner is among them, so the cheapest candidate seen is exact. The
    cheapest few are found by a partial sort and tested first, then a few
    times as many for the points that saw none. ``costs``: each corner's
    distance on to its nearest allowed exit and that exit, when known
    (``nearest.corner_costs``).
    """
    m = len(points)
    best = np.full(m, np.inf)
    which = np.full(m, -1)
    if m == 0 or not allowed:
        return best, which
    areas = router.areas
    node_cost, node_target = costs if costs is not None else corner_costs(router, fields, allowed)
    tpts = np.asarray([targets[k] for k in allowed], dtype=float)
    tcomp = _components(areas, tpts, on_edge=True)
    live = np.isfinite(node_cost)
    cand = np.concatenate([router.nodes[live], tpts])
    cost = np.concatenate([node_cost[live], np.zeros(len(allowed))])
    target = np.concatenate([node_target[live], np.asarray(allowed)])
    comp = np.concatenate([router.component[live], tcomp])
    pcomp = _components(areas, points)
    reached = set(tcomp[tcomp >= 0].tolist())
    todo = np.nonzero(np.isin(pcomp, list(reached)))[0]
    if len(cand) == 0 or len(todo) == 0:
        return best, which
    several = len(set(comp.tolist()) | set(pcomp[todo].tolist())) > 1
    corners = int(live.sum())                # the first candidates; the exits follow
    ci = np.nonzero(live)[0]
    to_prev, to_next = np.zeros_like(cand), np.zeros_like(cand)
    to_prev[:corners] = router.prev[ci] - router.nodes[ci]
    to_next[:corners] = router.next[ci] - router.nodes[ci]
    search = _Search(router, points, pcomp, _Candidates(cand, cost, target, comp, to_prev, to_next, corners,
                                                        several), best, which)
    rest = search.by_tiles(todo) if len(todo) >= TILED_FROM else todo
    everything = np.arange(len(cand))
    search.solve([(rest[start:start + BLOCK], everything) for start in range(0, len(rest), BLOCK)])
    return best, which


@dataclass
class _Candidates:
    """Where a path may turn first: the corners (first ``corners`` rows), then the exits themselves."""

    at: np.ndarray                 # (n, 2); then the walking distance from there to its exit, which exit,
    cost: np.ndarray               # and the part of the walkable area it lies in
    target: np.ndarray
    comp: np.ndarray
    to_prev: np.ndarray            # a corner's neighbours along its outline, relative to it
    to_next: np.ndarray
    corners: int
    several: bool                  # the walkable area has several parts


@dataclass
class _Search:
    """The cheapest candidate each point sees, into ``best`` and ``which``.

    Points come in groups, each with the candidates it may use. The sight
    tests, the costly part, are made for all the groups of a batch at once,
    rank by rank (every point's cheapest untested candidate, then its next),
    rather than group by group: one shapely call per rank instead of one per
    rank and group. Each point still takes its first candidate seen in order
    of cost, so the answer is that of a search point by point.
    """

    router: Router
    points: np.ndarray
    pcomp: np.ndarray
    cands: _Candidates
    best: np.ndarray
    which: np.ndarray

    def by_tiles(self, todo: np.ndarray) -> np.ndarray:
        """Most points searched among few candidates, tile by tile; returns the points left for the full search.

        Each square tile's point nearest its middle (the seed) is solved first. A
        point that sees its seed walks at most (leg to the seed) + (the seed's
        distance); the largest such bound over the tile rules out every candidate
        whose distance plus its distance to the tile is larger, since no path
        through it could be the shortest. The answer is the same, exactly; points
        that do not see their seed are left to the full search.
        """
        cands, best, pcomp = self.cands, self.best, self.pcomp
        pts = self.points[todo]
        lo = pts.min(axis=0)
        span = np.maximum(pts.max(axis=0) - lo, 1e-9)
        side = math.sqrt(float(span[0] * span[1]) / len(todo) * TILE_POINTS)
        key = np.floor((pts - lo) / side).astype(np.int64)
        tile = key[:, 0] * (int(key[:, 1].max()) + 1) + key[:, 1]
        order = np.argsort(tile, kind="stable")
        _, starts = np.unique(tile[order], return_index=True)
        groups = np.split(order, starts[1:])
        seeds = np.array([g[np.argmin(((pts[g] - pts[g].mean(axis=0)) ** 2).sum(axis=1))] for g in groups])
        everything = np.arange(len(cands.at))
        self.solve([(todo[seeds[start:start + BLOCK]], everything) for start in range(0, len(seeds), BLOCK)])
        seed_of = np.repeat(seeds, [len(g) for g in groups])[np.argsort(np.concatenate(groups))]
        seed_best = best[todo[seed_of]]
        ask = np.nonzero(np.isfinite(seed_best) & (pcomp[todo] == pcomp[todo[seed_of]]))[0]
        seen = np.zeros(len(todo), dtype=bool)
        seen[ask] = self.router.visible(pts[ask], pts[seed_of[ask]])
        upper = np.full(len(todo), np.inf)
        upper[seen] = seed_best[seen] + np.hypot(*(pts[seen] - pts[seed_of[seen]]).T)
        left, tiles = [], []
        for g, seed in zip(groups, seeds):
            g = g[g != seed]
            bounded = np.isfinite(upper[g])
            left.append(g[~bounded])
            g = g[bounded]
            if not len(g):
                continue
            (x0, y0), (x1, y1) = pts[g].min(axis=0), pts[g].max(axis=0)
            gap_x = np.maximum(0.0, np.maximum(x0 - cands.at[:, 0], cands.at[:, 0] - x1))
            gap_y = np.maximum(0.0, np.maximum(y0 - cands.at[:, 1], cands.at[:, 1] - y1))
            tiles.append((todo[g], np.nonzero(cands.cost + np.hypot(gap_x, gap_y) <= upper[g].max() + 1e-9)[0]))
        self.solve(tiles)
        return todo[np.concatenate(left)] if left else todo[:0]

    def solve(self, groups: list[tuple[np.ndarray, np.ndarray]]) -> None:
        """Search each (points, candidates ascending) group; batches of about BATCH_ENTRIES point-candidate pairs."""
        batch: list = []
        size = 0
        for rows, cols in groups:
            if len(rows) == 0 or len(cols) == 0:
                continue
            if batch and size + len(rows) * len(cols) > BATCH_ENTRIES:
                self._solve_batch(batch)
                batch, size = [], 0
            batch.append((rows, cols))
            size += len(rows) * len(cols)
        if batch:
            self._solve_batch(batch)

    def _solve_batch(self, groups: list[tuple[np.ndarray, np.ndarray]]) -> None:
        # Per group: its points, candidates, the cost through each, the points still looking,
        # the candidates already tested (by rank) and how many the next round looks at.
        work = [[rows, cols, self._totals(rows, cols), np.arange(len(rows)), 0, CANDIDATES] for rows, cols in groups]
        while work:
            picked = []
            for w in work:
                _rows, cols, total, pending, done, k = w
                # The next cheapest candidates of the points still looking, by a partial sort.
                k = min(k, total.shape[1])
                sub_total = total[pending]
                top = np.argpartition(sub_total, k - 1, axis=1)[:, :k] if k < total.shape[1] else \
                    np.tile(np.arange(total.shape[1]), (len(pending), 1))
                top_cost = np.take_along_axis(sub_total, top, axis=1)
                order = np.argsort(top_cost, axis=1)[:, done:]
                picked.append((cols[np.take_along_axis(top, order, axis=1)],
                               np.take_along_axis(top_cost, order, axis=1)))
                w[4], w[5] = k, k * 4
            ends = np.cumsum([len(w[3]) for w in work])
            rows = np.concatenate([w[0][w[3]] for w in work])
            cand = np.zeros((len(rows), max(c.shape[1] for c, _t in picked)), dtype=np.intp)
            cost = np.full(cand.shape, np.inf)
            for (c, t), end in zip(picked, ends):
                cand[end - len(c):end, :c.shape[1]] = c
                cost[end - len(t):end, :t.shape[1]] = t
            looking = self._test(rows, cand, cost)
            for w, end in zip(work, ends):
                w[3] = w[3][looking[end - len(w[3]):end]]
            work = [w for w in work if len(w[3]) and w[4] < w[2].shape[1]]

    def _test(self, rows: np.ndarray, cand: np.ndarray, cost: np.ndarray) -> np.ndarray:
        """Each point's candidates in order (ranks are columns) until one is seen; which points saw none.

        When few points are still looking, several ranks are tested in one call
        (a few more sight tests, far fewer calls); each point still takes the
        first candidate it sees.
        """
        cands = self.cands
        local = np.arange(len(rows))
        looking = np.zeros(len(rows), dtype=bool)
        r, width = 0, cand.shape[1]
        while r < width:
            local = local[np.isfinite(cost[local, r])]
            if not len(local):
                break
            step = max(1, min(width - r, SIGHT_PAIRS // len(local)))
            c = cand[local, r:r + step]
            ok = np.isfinite(cost[local, r:r + step])
            seen = np.zeros(c.shape, dtype=bool)
            seen[ok] = self.router.visible(np.repeat(self.points[rows[local]], step, axis=0)[ok.ravel()],
                                           cands.at[c[ok]])
            hit = seen.any(axis=1)
            first = np.argmax(seen[hit], axis=1)
            at = local[hit]
            self.best[rows[at]] = cost[at, r + first]
            self.which[rows[at]] = cands.target[c[hit, first]]
            local = local[~hit]
            r += step
        looking[local] = True
        return looking

    def _totals(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Leg plus onward distance for each point of ``rows`` through each candidate of ``cols`` (ascending).

        Infinite where the candidate cannot be the first turn: in another part
        of the walkable area, or a corner the leg would turn into.
        """
        cands = self.cands
        block = self.points[rows]
        cand = cands.at[cols]
        corners = int(np.searchsorted(cols, cands.corners))
        # One difference array per axis serves the leg lengths and the grazing test alike.
        dx = block[:, 0, None] - cand[None, :, 0]
        dy = block[:, 1, None] - cand[None, :, 1]
        total = np.hypot(dx, dy)
        total += cands.cost[cols][None, :]
        if cands.several:
            total[self.pcomp[rows][:, None] != cands.comp[cols][None, :]] = np.inf
        # A leg that would turn into a corner's wall is never the cheapest: leave those corners
        # out, so fewer candidates are tested for sight (the leg grazes when both of the
        # corner's neighbours lie on one side of it).
        to_prev, to_next = cands.to_prev[cols[:corners]], cands.to_next[cols[:corners]]
        cx, cy = dx[:, :corners], dy[:, :corners]
        side_prev = cx * to_prev[None, :, 1]
        side_prev -= cy * to_prev[None, :, 0]
        side_next = cx * to_next[None, :, 1]
        side_next -= cy * to_next[None, :, 0]
        side_prev *= side_next
        total[:, :corners][side_prev < -1e-12] = np.inf
        return total

__all__ = ["nearest_exit"]
