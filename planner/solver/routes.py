"""Exact shortest walking paths inside the navigable area N (SPEC §4).

A shortest path in a polygonal domain bends only at reflex corners of the
free space, so the router keeps a visibility graph over those corners of N:
two corners are joined when the segment between them lies in N and is
tangent to the boundary at both ends (a path never turns into a wall).
Visibility is tested with vectorised shapely predicates on a prepared N;
the graph is searched with networkx. Lengths are exact for the polygon N
(whose rounded corners are cut by short chords, SPEC §4).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.polygon import orient

from planner.solver.walkable import Areas

Point2 = tuple[float, float]
VISIBILITY_SLACK = 1e-6   # N grown this much so segments along its edges count as inside


@dataclass
class Path:
    length: float
    polyline: list[Point2]


def _ring_corners(ring: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Reflex corners of a ring with free space on its left: (corner, previous, next)."""
    pts = ring[:-1]
    prev = np.roll(pts, 1, axis=0)
    nxt = np.roll(pts, -1, axis=0)
    turn = (pts[:, 0] - prev[:, 0]) * (nxt[:, 1] - pts[:, 1]) - (pts[:, 1] - prev[:, 1]) * (nxt[:, 0] - pts[:, 0])
    reflex = turn < -1e-12
    return pts[reflex], prev[reflex], nxt[reflex]


def _cross(o: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a[..., 0] - o[..., 0]) * (b[..., 1] - o[..., 1]) - (a[..., 1] - o[..., 1]) * (b[..., 0] - o[..., 0])


def _tangent(at: np.ndarray, prev: np.ndarray, nxt: np.ndarray, other: np.ndarray) -> np.ndarray:
    """True where the line from ``at`` to ``other`` leaves both neighbours on one side."""
    c1 = _cross(at, other, prev)
    c2 = _cross(at, other, nxt)
    return c1 * c2 >= -1e-12


class Router:
    """Shortest paths in N between any points of N."""

    def __init__(self, areas: Areas) -> None:
        self.areas = areas
        self.cover = areas.navigable.buffer(VISIBILITY_SLACK, quad_segs=1, join_style="mitre")
        shapely.prepare(self.cover)
        corners, prevs, nexts, comps = [], [], [], []
        for ci, component in enumerate(areas.components):
            polygon = orient(component, 1.0)
            for ring in [polygon.exterior, *polygon.interiors]:
                c, p, n = _ring_corners(np.asarray(ring.coords))
                corners.append(c)
                prevs.append(p)
                nexts.append(n)
                comps.append(np.full(len(c), ci))
        self.nodes = np.concatenate(corners) if corners else np.zeros((0, 2))
        self.prev = np.concatenate(prevs) if prevs else np.zeros((0, 2))
        self.next = np.concatenate(nexts) if nexts else np.zeros((0, 2))
        self.component = np.concatenate(comps) if comps else np.zeros(0, dtype=int)
        self.graph = nx.Graph()
        self.graph.add_nodes_from(range(len(self.nodes)))
        self._build_edges()

    # -- visibility -------------------------------------------------------------
    def visible(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Pairwise: does the segment a[i]–b[i] lie in N?"""
        if len(a) == 0:
            return np.zeros(0, dtype=bool)
        lines = shapely.linestrings(np.stack([a, b], axis=1))
        same = np.all(np.abs(a - b) < 1e-12, axis=1)
        result = shapely.covers(self.cover, lines)
        if same.any():
            result[same] = shapely.covers(self.cover, shapely.points(a[same]))
        return result

    def _build_edges(self) -> None:
        n = len(self.nodes)
        if n < 2:
            return
        i, j = np.triu_indices(n, k=1)
        keep = self.component[i] == self.component[j]
        i, j = i[keep], j[keep]
        P, Q = self.nodes[i], self.nodes[j]
        keep = _tangent(P, self.prev[i], self.next[i], Q) & _tangent(Q, self.prev[j], self.next[j], P)
        i, j = i[keep], j[keep]
        ok = np.zeros(len(i), dtype=bool)
        for start in range(0, len(i), 20000):
            s = slice(start, start + 20000)
            ok[s] = self.visible(self.nodes[i[s]], self.nodes[j[s]])
        i, j = i[ok], j[ok]
        lengths = np.hypot(*(self.nodes[i] - self.nodes[j]).T)
        self.graph.add_weighted_edges_from(zip(i.tolist(), j.tolist(), lengths.tolist()))

    def visible_nodes(self, point: Point2) -> tuple[np.ndarray, np.ndarray]:
        """Corners seen from ``point`` (tangent there) and their distances."""
        comp = self.areas.component_of(point)
        if comp is None or len(self.nodes) == 0:
            return np.zeros(0, dtype=int), np.zeros(0)
        p = np.asarray(point, dtype=float)
        idx = np.nonzero(self.component == comp)[0]
        P = np.broadcast_to(p, (len(idx), 2))
        idx = idx[_tangent(self.nodes[idx], self.prev[idx], self.next[idx], P)]
        ok = self.visible(np.broadcast_to(p, (len(idx), 2)), self.nodes[idx])
        idx = idx[ok]
        return idx, np.hypot(*(self.nodes[idx] - p).T)

    # -- paths between named points ---------------------------------------------
    def with_points(self, points: Sequence[Point2]) -> tuple[nx.Graph, list[str]]:
        """The graph plus the given points as nodes ``("p", k)`` joined to what they see."""
        graph = self.graph.copy()
        names = []
        for k, point in enumerate(points):
            name = ("p", k)
            names.append(name)
            graph.add_node(name)
            idx, dist = self.visible_nodes(point)
            graph.add_weighted_edges_from((name, int(i), float(d)) for i, d in zip(idx, dist))
        if len(points) > 1:
            arr = np.asarray(points, dtype=float)
            i, j = np.triu_indices(len(points), k=1)
            ok = self.visible(arr[i], arr[j])
            for a, b in zip(i[ok].tolist(), j[ok].tolist()):
                graph.add_edge(names[a], names[b], weight=math.dist(points[a], points[b]))
        return graph, names

    def polyline(self, route: Sequence, points: Sequence[Point2]) -> list[Point2]:
        out = []
        for node in route:
            if isinstance(node, tuple):
                out.append(tuple(points[node[1]]))
            else:
                out.append((float(self.nodes[node][0]), float(self.nodes[node][1])))
        return out

    def shortest(self, a: Point2 | None, b: Point2 | None) -> Path | None:
        """The shortest path from a to b in N, or None when they are not joined."""
        if a is None or b is None:
            return None
        if self.areas.component_of(a) is None or self.areas.component_of(b) is None:
            return None
        graph, (na, nb) = self.with_points([a, b])
        try:
            length, route = nx.single_source_dijkstra(graph, na, nb)
        except nx.NetworkXNoPath:
            return None
        return Path(length=float(length), polyline=self.polyline(route, [a, b]))

    # -- many points to a few targets -------------------------------------------
    def distance_field(self, targets: Sequence[Point2]) -> tuple[nx.Graph, list, dict, dict]:
        """Dijkstra from every target through the graph: per-target distances at every corner."""
        graph, names = self.with_points(targets)
        fields = {}
        preds = {}
        for k, name in enumerate(names):
            pred, dist = nx.dijkstra_predecessor_and_distance(graph, name)
            fields[k] = dist
            preds[k] = pred
        return graph, names, fields, preds

    def nearest_target(self, points: np.ndarray, targets: Sequence[Point2], field_dist: dict,
                       allowed: Sequence[int],
                       ties: dict[int, set[int]] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For each point, the allowed target nearest on foot, its distance and first corner.

        ``ties``, when given, receives the points that stand exactly as near to
        several targets, with all of them.

        Candidates (corners and the targets themselves) are tried in order of the
        distance a path through them would have; the first one seen from the point
        is the exact answer, because every candidate's figure is a real path length
        and the true path's first corner is among them.
        """
        ties = {} if ties is None else ties
        m = len(points)
        best = np.full(m, np.inf)
        which = np.full(m, -1)
        first = np.full(m, -2)   # -1: straight to the target; >= 0: the first corner
        if m == 0 or not allowed:
            return best, which, first
        n = len(self.nodes)
        # Cost through each corner: distance to it + its distance to the nearest allowed target.
        node_cost = np.full(n, np.inf)
        node_target = np.full(n, -1)
        for k in allowed:
            dist = field_dist[k]
            d = np.array([dist.get(i, np.inf) for i in range(n)]) if n else np.zeros(0)
            better = d < node_cost
            node_cost[better] = d[better]
            node_target[better] = k
        tpts = np.asarray([targets[k] for k in allowed], dtype=float)
        cand_pts = np.concatenate([self.nodes, tpts]) if n else tpts
        cand_cost = np.concatenate([node_cost, np.zeros(len(allowed))])
        cand_target = np.concatenate([node_target, np.asarray(allowed)])
        cand_first = np.concatenate([np.arange(n), np.full(len(allowed), -1)])
        usable = np.isfinite(cand_cost)
        cand_pts, cand_cost = cand_pts[usable], cand_cost[usable]
        cand_target, cand_first = cand_target[usable], cand_first[usable]
        if len(cand_pts) == 0:
            return best, which, first
        for start in range(0, m, 500):
            block = points[start:start + 500]
            total = np.hypot(block[:, None, 0] - cand_pts[None, :, 0],
                             block[:, None, 1] - cand_pts[None, :, 1]) + cand_cost[None, :]
            # A shortest path's first corner is one it only grazes: drop the others.
            corner = cand_first >= 0
            if corner.any():
                ci = cand_first[corner]
                grazing = _tangent(self.nodes[ci][None, :, :], self.prev[ci][None, :, :],
                                   self.next[ci][None, :, :], block[:, None, :])
                sub = total[:, corner]
                sub[~grazing] = np.inf
                total[:, corner] = sub
            order = np.argsort(total, axis=1)
            pending = np.arange(len(block))
            rank = 0
            reachable = np.isfinite(total).sum(axis=1)
            while len(pending) and rank < order.shape[1]:
                pending = pending[reachable[pending] > rank]
                if not len(pending):
                    break
                width = 4 if rank < 16 else 64
                cols = order[pending, rank:rank + width]            # (p, w)
                rows = np.repeat(pending, cols.shape[1])
                flat = cols.ravel()
                seen = self.visible(block[rows], cand_pts[flat]).reshape(cols.shape)
                seen &= np.isfinite(total[pending[:, None], cols])
                hit = seen.any(axis=1)
                pick = cols[np.arange(len(pending)), np.argmax(seen, axis=1)]
                done = pending[hit]
                chosen = pick[hit]
                gi = start + done
                best[gi] = total[done, chosen]
                which[gi] = cand_target[chosen]
                first[gi] = cand_first[chosen]
                pending = pending[~hit]
                rank += width
            self._ties(block, start, total, cand_pts, cand_target, best, which, ties)
        return best, which, first

    def _ties(self, block, start, total, cand_pts, cand_target, best, which, ties) -> None:
        """Other targets exactly as near as the chosen one (a point on a watershed)."""
        rows = np.nonzero(np.isfinite(best[start:start + len(block)]))[0]
        if len(rows) == 0:
            return
        b = best[start + rows]
        tol = 1e-6 * np.maximum(1.0, b)
        near = (total[rows] <= (b + tol)[:, None]) & (cand_target[None, :] != which[start + rows][:, None])
        r, c = np.nonzero(near)
        if len(r) == 0:
            return
        seen = self.visible(block[rows[r]], cand_pts[c])
        for rr, cc in zip(r[seen].tolist(), c[seen].tolist()):
            i = start + int(rows[rr])
            ties.setdefault(i, {int(which[i])}).add(int(cand_target[cc]))
