"""The corner-to-corner part of the router's visibility graph (routes.py).

Which pairs of corners need a visibility test at all, which of the edges
found are redundant, and which tests an earlier graph already answered.
Everything here is plain numpy over the corner arrays.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.solver.arrays import match_rows, unique_sorted


def member(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which ``keys`` are in ``sorted_keys``."""
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return sorted_keys[at] == keys


def candidate_pairs(nodes: np.ndarray, prev: np.ndarray, nxt: np.ndarray,
                    component: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs i < j of corners in one part of N, each tangent to its wall at the other.

    Row blocks against all corners at once (plain broadcasting, no gathers):
    the same pairs, in the same order, as filtering every pair of corners.
    """
    n = len(nodes)
    x, y = nodes[:, 0], nodes[:, 1]
    px, py, qx, qy = prev[:, 0] - x, prev[:, 1] - y, nxt[:, 0] - x, nxt[:, 1] - y
    col = np.arange(n)
    out_i, out_j = [], []
    step = max(1, 1_000_000 // max(n, 1))
    for r0 in range(0, n - 1, step):
        r1 = min(n, r0 + step)
        r = slice(r0, r1)
        c = slice(r0 + 1, n)          # only columns right of the block's first row: i < j
        keep = (col[None, c] > col[r, None]) & (component[None, c] == component[r, None])
        # Tangent at the row's corner, seen towards the column's ...
        ox, oy = x[None, c] - x[r, None], y[None, c] - y[r, None]
        keep &= (ox * py[r, None] - oy * px[r, None]) * (ox * qy[r, None] - oy * qx[r, None]) >= -1e-12
        # ... and at the column's corner, seen towards the row's: the offset's sign flips
        # in both factors, so the same offsets serve.
        keep &= (ox * py[None, c] - oy * px[None, c]) * (ox * qy[None, c] - oy * qx[None, c]) >= -1e-12
        a, b = np.nonzero(keep)
        out_i.append(a + r0)
        out_j.append(b + r0 + 1)
    if not out_i:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    return np.concatenate(out_i), np.concatenate(out_j)


def through_corners(nodes: np.ndarray, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The edges without those that run straight through a third corner.

    Along an aisle the corners of every block stand in a line, and each sees
    all the others: an edge passing through corner k is as long as its two
    halves, which are edges too, so it adds nothing but work to every search
    (three in four edges of a booth market). Paths keep their length; they
    only list the corners they pass on the way.
    """
    if len(i) == 0:
        return i, j
    m, n = len(i), len(nodes)
    # Every edge from each of its ends: the edges leaving one corner in one direction
    # lie on one ray, and each but the shortest passes through the shortest's far end.
    start = np.concatenate([i, j])
    end = np.concatenate([j, i])
    d = nodes[end] - nodes[start]
    length = np.hypot(d[:, 0], d[:, 1])
    angle = np.round(np.arctan2(d[:, 1], d[:, 0]), 9)
    order = np.lexsort((length, angle, start))
    s_, a_ = start[order], angle[order]
    head = np.ones(len(order), dtype=bool)
    head[1:] = (s_[1:] != s_[:-1]) | (a_[1:] != a_[:-1])
    group = np.cumsum(head) - 1
    nearest = end[order][head][group]           # far end of the shortest edge on the ray
    far = end[order]
    have = np.sort(np.minimum(i, j) * n + np.maximum(i, j))
    rest = np.minimum(nearest, far) * n + np.maximum(nearest, far)
    # The corner passed lies on the edge (within 1e-9 m), and the rest is an edge too.
    k = nodes[nearest] - nodes[s_]
    dd = d[order]
    off = np.abs(dd[:, 0] * k[:, 1] - dd[:, 1] * k[:, 0]) / np.maximum(length[order], 1e-300)
    through = ~head & (off <= 1e-9) & member(have, rest)
    drop = np.zeros(m, dtype=bool)
    drop[order[through] % m] = True
    return i[~drop], j[~drop]

def known_pairs(nodes: np.ndarray, i: np.ndarray, j: np.ndarray, previous, changed: BaseGeometry | None,
                ok: np.ndarray) -> np.ndarray:
    """Mark the pairs whose visibility ``previous`` already tested, filling ``ok``.

    A pair qualifies when both corners were corners there too, the pair was
    tested there, and its segment stays clear of the changed part of N: a
    segment's cover test looks only at N along the segment.
    """
    known = np.zeros(len(i), dtype=bool)
    if previous.tested is None or len(i) == 0 or len(previous.nodes) == 0:
        return known
    old_i, old_j, old_ok = previous.tested
    mapped = match_rows(nodes, previous.nodes)
    mi, mj = mapped[i], mapped[j]
    both = (mi >= 0) & (mj >= 0)
    m = len(previous.nodes)
    lo, hi = np.minimum(mi, mj), np.maximum(mi, mj)
    keys = lo * m + hi
    old_keys = np.minimum(old_i, old_j) * m + np.maximum(old_i, old_j)
    order = np.argsort(old_keys, kind="stable")
    sorted_keys = old_keys[order]
    at = np.minimum(np.searchsorted(sorted_keys, keys), max(len(sorted_keys) - 1, 0))
    found = both & (len(sorted_keys) > 0) & (sorted_keys[at] == keys) if len(sorted_keys) else \
        np.zeros(len(i), dtype=bool)
    cand = np.nonzero(found)[0]
    if changed is not None and not changed.is_empty and len(cand):
        a, b = nodes[i[cand]], nodes[j[cand]]
        parts = shapely.get_parts(changed)
        # Only segments whose box meets a changed part's box can meet the part: the
        # others (nearly all) are settled without making a line for each.
        boxes = shapely.bounds(parts) if len(parts) <= 16 else np.asarray([changed.bounds])
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        near = np.zeros(len(cand), dtype=bool)
        for x0, y0, x1, y1 in boxes.tolist():
            near |= (lo[:, 0] <= x1) & (hi[:, 0] >= x0) & (lo[:, 1] <= y1) & (hi[:, 1] >= y0)
        sub = np.nonzero(near)[0]
        clear = np.ones(len(cand), dtype=bool)
        if len(sub):
            lines = shapely.linestrings(np.stack([a[sub], b[sub]], axis=1))
            hit, _ = shapely.STRtree(parts).query(lines, predicate="intersects")
            clear[sub[hit]] = False
        cand = cand[clear]
    known[cand] = True
    ok[cand] = old_ok[order[at[cand]]]
    return known


def _tangent_pairs(nodes: np.ndarray, prev: np.ndarray, nxt: np.ndarray, component: np.ndarray,
                   lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """``candidate_pairs``' test for the given pairs lo < hi, with the same arithmetic."""
    x, y = nodes[:, 0], nodes[:, 1]
    px, py, qx, qy = prev[:, 0] - x, prev[:, 1] - y, nxt[:, 0] - x, nxt[:, 1] - y
    ox, oy = x[hi] - x[lo], y[hi] - y[lo]
    keep = component[hi] == component[lo]
    keep &= (ox * py[lo] - oy * px[lo]) * (ox * qy[lo] - oy * qx[lo]) >= -1e-12
    keep &= (ox * py[hi] - oy * px[hi]) * (ox * qy[hi] - oy * qx[hi]) >= -1e-12
    return keep


def candidate_pairs_after(nodes: np.ndarray, prev: np.ndarray, nxt: np.ndarray, component: np.ndarray,
                          previous) -> tuple[np.ndarray, np.ndarray] | None:
    """``candidate_pairs`` for corners most of which an earlier router had too.

    A pair's test looks only at its two corners, their wall neighbours and
    their parts of N: a pair of corners the earlier router had with the same
    neighbours keeps its answer, as long as the corners fall into parts the
    same way; only the pairs of new or changed corners are tested. The same
    pairs in the same order as ``candidate_pairs``; None when the parts were
    regrouped (then test everything).
    """
    if previous is None or previous.tested is None or len(previous.nodes) == 0 or len(nodes) < 2:
        return None
    n = len(nodes)
    mapped = match_rows(np.concatenate([nodes, prev, nxt], axis=1),
                        np.concatenate([previous.nodes, previous.prev, previous.next], axis=1))
    kept = mapped >= 0
    # Same grouping into parts among the corners kept: a one-to-one match of part numbers.
    pairs = np.unique(np.stack([previous.component[mapped[kept]], component[kept]], axis=1), axis=0)
    if len(pairs) and (len(np.unique(pairs[:, 0])) != len(pairs) or len(np.unique(pairs[:, 1])) != len(pairs)):
        return None
    back = np.full(len(previous.nodes), -1, dtype=np.int64)
    back[mapped[kept]] = np.nonzero(kept)[0]
    old_i, old_j, _ = previous.tested
    ni, nj = back[old_i], back[old_j]
    both = (ni >= 0) & (nj >= 0)
    ni, nj = ni[both], nj[both]
    keys = [np.minimum(ni, nj) * n + np.maximum(ni, nj)]
    changed = np.nonzero(~kept)[0]
    if len(changed):
        others = np.arange(n)
        c = np.repeat(changed, n)
        k = np.tile(others, len(changed))
        lo, hi = np.minimum(c, k), np.maximum(c, k)
        ok = (lo != hi) & _tangent_pairs(nodes, prev, nxt, component, lo, hi)
        keys.append(lo[ok] * n + hi[ok])
    found = unique_sorted(np.concatenate(keys))
    return found // n, found % n
