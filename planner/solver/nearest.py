"""Many points to their nearest of a few targets on foot (the router's ``nearest_target``).

Every candidate first step of a path (a corner, with its distance on to the
nearest target, or a target itself) has a figure: the length of the path
through it. For each point the candidates are tried in order of that figure
and the first one seen from the point is the exact answer, as every figure
is a real path length and the true path's first step is among them.

Comparing every point with every corner grows with points × corners, so the
points go in small groups of neighbours: a candidate whose figure cannot be
below a bound T for any point of the group's box is left out, where T is
chosen so that every point has several candidates under it. A point whose
answer (and every tie within the tolerance) lies under T has its exact
answer; the few others are tried against every candidate. Equal figures are
tried in the order of the candidates (corners by their coordinates, then the
targets), so the answer never depends on how a group was formed, nor on how
the corners happen to be numbered.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

GROUP = 128          # points per group
NEAREST = 48         # every point of a group has at least this many candidates under T
TILE = 20.0          # metres: points are grouped by tiles of this size first
TIE_TOLERANCE = 1e-6  # relative: other targets this close are ties


def nearest_target(router, points: np.ndarray, targets: Sequence, field_dist: dict, allowed: Sequence[int],
                   ties: dict[int, set[int]] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """See ``Router.nearest_target``."""
    from planner.solver.routes import _tangent

    ties = {} if ties is None else ties
    m = len(points)
    best = np.full(m, np.inf)
    which = np.full(m, -1)
    first = np.full(m, -2)   # -1: straight to the target; >= 0: the first corner
    if m == 0 or not allowed:
        return best, which, first
    n = len(router.nodes)
    node_cost, node_target = corner_costs(router, field_dist, allowed)
    tpts = np.asarray([targets[k] for k in allowed], dtype=float)
    cand_pts = np.concatenate([router.nodes, tpts]) if n else tpts
    cand_cost = np.concatenate([node_cost, np.zeros(len(allowed))])
    cand_target = np.concatenate([node_target, np.asarray(allowed)])
    cand_first = np.concatenate([np.arange(n), np.full(len(allowed), -1)])
    if n:
        # Equal figures are tried in the order of the corners' places (not of their
        # numbers, which shift when an edit elsewhere reorders N's rings).
        canon = np.lexsort((router.next[:, 1], router.next[:, 0], router.prev[:, 1], router.prev[:, 0],
                            router.nodes[:, 1], router.nodes[:, 0]))
        perm = np.concatenate([canon, np.arange(n, n + len(allowed))])
        cand_pts, cand_cost = cand_pts[perm], cand_cost[perm]
        cand_target, cand_first = cand_target[perm], cand_first[perm]
    usable = np.isfinite(cand_cost)
    cand_pts, cand_cost = cand_pts[usable], cand_cost[usable]
    cand_target, cand_first = cand_target[usable], cand_first[usable]
    if len(cand_pts) == 0:
        return best, which, first
    cx, cy = cand_pts[:, 0], cand_pts[:, 1]

    def resolve(idx: np.ndarray, cols: np.ndarray, bound: float) -> np.ndarray:
        """Answer the points ``idx`` from the candidates ``cols``, trusting only figures
        up to ``bound``; returns the points left unanswered."""
        if len(cols) == 0:
            return idx
        block = points[idx]
        total = np.hypot(block[:, None, 0] - cx[None, cols], block[:, None, 1] - cy[None, cols]) + \
            cand_cost[None, cols]
        # A shortest path's first corner is one it only grazes: drop the others.
        ci = cand_first[cols]
        corner = ci >= 0
        if corner.any():
            cc = ci[corner]
            grazing = _tangent(router.nodes[cc][None, :, :], router.prev[cc][None, :, :],
                               router.next[cc][None, :, :], block[:, None, :])
            sub = total[:, corner]
            sub[~grazing] = np.inf
            total[:, corner] = sub
        if np.isfinite(bound):
            total[total > bound] = np.inf
        order = np.argsort(total, axis=1, kind="stable")
        reachable = np.isfinite(total).sum(axis=1)
        got = np.full(len(idx), -1)
        pending = np.arange(len(idx))
        rank = 0
        while len(pending) and rank < order.shape[1]:
            pending = pending[reachable[pending] > rank]
            if not len(pending):
                break
            # Most points see one of their first few candidates; the rest widen slowly,
            # as a wide batch wastes the tests after the first one seen.
            width = 2 if rank < 4 else (4 if rank < 16 else (8 if rank < 48 else 32))
            pick_cols = order[pending, rank:rank + width]           # (p, w)
            rows = np.repeat(pending, pick_cols.shape[1])
            seen = router.visible(block[rows], cand_pts[cols[pick_cols.ravel()]]).reshape(pick_cols.shape)
            seen &= np.isfinite(total[pending[:, None], pick_cols])
            hit = seen.any(axis=1)
            got[pending[hit]] = pick_cols[np.arange(len(pending)), np.argmax(seen, axis=1)][hit]
            pending = pending[~hit]
            rank += width
        found = got >= 0
        b = np.where(found, total[np.arange(len(idx)), np.maximum(got, 0)], np.inf)
        tol = TIE_TOLERANCE * np.maximum(1.0, b)
        # Under the bound every candidate was there; above it, some were not.
        sure = found & (b + tol <= bound) if np.isfinite(bound) else found
        unanswered = ~sure if np.isfinite(bound) else np.zeros(len(idx), dtype=bool)
        rows = np.nonzero(sure)[0]
        gi = idx[rows]
        best[gi] = b[rows]
        chosen = cols[got[rows]]
        which[gi] = cand_target[chosen]
        first[gi] = cand_first[chosen]
        _ties(router, block, idx, rows, total, cols, cand_pts, cand_target, best, which, ties)
        return idx[unanswered]

    # Neighbouring points together: by tile, then in runs of GROUP.
    tile = np.floor(points / TILE).astype(np.int64)
    order = np.lexsort((np.arange(m), tile[:, 1], tile[:, 0]))
    left: list[np.ndarray] = []
    all_cols = np.arange(len(cand_pts))
    for start in range(0, m, GROUP):
        idx = order[start:start + GROUP]
        if len(cand_pts) <= NEAREST:
            left.append(idx)
            continue
        box = points[idx]
        x0, y0 = box.min(axis=0)
        x1, y1 = box.max(axis=0)
        near = np.hypot(np.maximum(np.maximum(x0 - cx, cx - x1), 0.0),
                        np.maximum(np.maximum(y0 - cy, cy - y1), 0.0)) + cand_cost
        far = np.hypot(np.maximum(np.abs(cx - x0), np.abs(cx - x1)),
                       np.maximum(np.abs(cy - y0), np.abs(cy - y1))) + cand_cost
        bound = float(np.partition(far, NEAREST - 1)[NEAREST - 1])
        # The box's nearest figure can round a hair above a point's own: keep a margin.
        cols = np.nonzero(near <= bound * (1 + 1e-9) + 1e-9)[0]
        left.append(resolve(idx, cols, bound))
    rest = np.concatenate(left) if left else np.zeros(0, dtype=int)
    for start in range(0, len(rest), 500):
        resolve(np.sort(rest[start:start + 500]), all_cols, np.inf)
    return best, which, first


def corner_costs(router, field_dist: dict, allowed: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Each corner's distance on to the nearest allowed target, and that target (-1: none).

    Equal distances go to the first of the allowed targets.
    """
    n = len(router.nodes)
    node_cost = np.full(n, np.inf)
    node_target = np.full(n, -1)
    for k in allowed:
        d = router._field_array(field_dist[k])
        better = d < node_cost
        node_cost[better] = d[better]
        node_target[better] = k
    return node_cost, node_target


def _ties(router, block, idx, rows, total, cols, cand_pts, cand_target, best, which, ties) -> None:
    """Other targets exactly as near as the chosen one (a point on a watershed)."""
    if len(rows) == 0:
        return
    b = best[idx[rows]]
    tol = TIE_TOLERANCE * np.maximum(1.0, b)
    # Candidates cheaper than the chosen one were all tried in order and not seen,
    # so only those from the chosen figure up to the tolerance are left.
    sub = total[rows]
    targets = cand_target[cols]
    near = (sub >= b[:, None]) & (sub <= (b + tol)[:, None]) & (targets[None, :] != which[idx[rows]][:, None])
    r, c = np.nonzero(near)
    if len(r) == 0:
        return
    seen = router.visible(block[rows[r]], cand_pts[cols[c]])
    for rr, cc in zip(r[seen].tolist(), c[seen].tolist()):
        i = int(idx[rows[rr]])
        ties.setdefault(i, {int(which[i])}).add(int(targets[cc]))
