"""Shortest-path searches over the router's graph in compiled code (scipy's csgraph).

A search from every exit and from every zone is most of a re-analysis's
graph work; scipy's Dijkstra runs them all at once, in C, several times
faster than the plain-list search in ``routes.py``, and gives the very same
distances: each one is the least of the same sums of the same edge lengths.

What scipy does not give is our choice among equally short routes, which
must not depend on how an edit numbered the corners. ``Router.search``
settles nodes in the order (distance, place) and keeps, for each node, the
first settled neighbour that reaches its final distance. When every such
neighbour is strictly nearer the source than the node itself, that order is
exactly (distance, place), so the kept neighbour is the one with the least
(distance, place) among those with distance + edge == the node's: found here
with a few array operations. Where a node is reached by a zero-length step
(two points in one place), the order is the search's own, and that source
is searched by ``Router.search`` instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

if TYPE_CHECKING:
    from planner.solver.routes import Router


def compiled_matrix(router: Router, extra: dict) -> tuple[csr_matrix, np.ndarray, np.ndarray, np.ndarray]:
    """The graph of ``router.compiled(extra)`` as a sparse matrix, and its arcs
    (from, to, length), made once per ``extra``."""
    compiled = router.compiled(extra)
    if compiled.matrix is not None:
        return compiled.matrix
    ids, total = compiled.ids, len(compiled.names)
    i, j, w = router.edges
    er, ec, ew = [], [], []
    for name, edges in extra.items():
        a = ids[name] if isinstance(name, tuple) else name
        for u, d in edges:
            er.append(a)
            ec.append(ids[u] if isinstance(u, tuple) else u)
            ew.append(d)
    r = np.concatenate([i, j, np.asarray(er, dtype=np.int64)]).astype(np.int64)
    c = np.concatenate([j, i, np.asarray(ec, dtype=np.int64)]).astype(np.int64)
    w = np.concatenate([w, w, np.asarray(ew, dtype=float)]).astype(float)
    # A matrix sums repeated entries: keep one arc per pair (they have one length).
    code, first = np.unique(r * total + c, return_index=True)
    r, c, w = r[first], c[first], w[first]
    compiled.matrix = (csr_matrix((w, (r, c)), shape=(total, total)), r, c, w)
    return compiled.matrix


def search_many(router: Router, sources: list, extra: dict) -> tuple[list, np.ndarray, np.ndarray]:
    """Searches from each of ``sources`` (node names) at once: (names, distances, first
    predecessors (-1 where none)), one row per source, over ``router.search_names(extra)``.

    The same numbers, row by row, as ``router.search(source, extra)``'s distances
    and predecessors (inf and -1 where a node is not reached).
    """
    compiled = router.compiled(extra)
    names, ids, rank = compiled.names, compiled.ids, np.asarray(compiled.rank, dtype=np.int64)
    starts = [ids[s] if isinstance(s, tuple) else s for s in sources]
    total = len(names)
    if not starts:
        return names, np.zeros((0, total)), np.zeros((0, total), dtype=np.int64)
    matrix, r, c, w = compiled_matrix(router, extra)
    dist = np.atleast_2d(dijkstra(matrix, directed=True, indices=starts))
    first = np.full(dist.shape, -1, dtype=np.int64)
    for k, start in enumerate(starts):
        d = dist[k]
        reach = d[r] + w == d[c]
        reach &= np.isfinite(d[c]) & (c != start)
        if np.any(reach & (d[r] == d[c])):
            # A zero-length step: the search's own order decides; search this one by hand.
            _, seen, before, _ = router.search(start, extra)
            dist[k] = seen
            first[k] = before
            continue
        fr, to = r[reach], c[reach]
        # Per node, the neighbour with the least (distance, place): sorted by node, then those.
        order = np.lexsort((rank[fr], d[fr], to))
        to_sorted = to[order]
        head = np.ones(len(order), dtype=bool)
        head[1:] = to_sorted[1:] != to_sorted[:-1]
        first[k, to_sorted[head]] = fr[order][head]
    return names, dist, first
