"""Exact shortest walking paths inside the navigable area N (SPEC §4).

A shortest path in a polygonal domain bends only at reflex corners of the
free space, so the router keeps a visibility graph over those corners of N:
two corners are joined when the segment between them lies in N and is
tangent to the boundary at both ends (a path never turns into a wall).
Visibility is tested with one vectorised shapely predicate per batch (does
the segment meet anything outside N, prepared); the graph is searched by a
Dijkstra that settles equally far nodes in the order of their places, so
equal-length routes come out alike whatever numbers an edit gives the
corners (many sources at once in compiled code: graph_search.py). Lengths are exact for the
polygon N (whose rounded corners are cut by short chords, SPEC §4).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from planner.solver.graph_search import search_many
from planner.solver.nearest import nearest_target
from planner.solver.visibility import candidate_pairs, candidate_pairs_after, known_pairs, through_corners
from planner.solver.walkable import Areas

Point2 = tuple[float, float]
VISIBILITY_SLACK = 1e-6   # N grown this much so segments along its edges count as inside


@dataclass
class Path:
    length: float
    polyline: list[Point2]


def _reflex_corners(components: list) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The reflex corners of N's parts (each part's rings in order, free space on the left):
    (corner, previous, next, part), all rings at once."""
    rings = [ring for polygon in (orient(c, 1.0) for c in components)
             for ring in (polygon.exterior, *polygon.interiors)]
    part = [ci for ci, c in enumerate(components) for _ in range(1 + len(c.interiors))]
    if not rings:
        return np.zeros((0, 2)), np.zeros((0, 2)), np.zeros((0, 2)), np.zeros(0, dtype=int)
    coords, which = shapely.get_coordinates(np.array(rings, dtype=object), return_index=True)
    # Each ring's points without the closing one; its neighbours wrap round within the ring.
    count = np.bincount(which, minlength=len(rings))
    start = np.concatenate([[0], np.cumsum(count)[:-1]])
    last = start + count - 1                          # the closing point
    keep = np.ones(len(coords), dtype=bool)
    keep[last] = False
    at = np.nonzero(keep)[0]
    ring = which[at]
    size = count[ring] - 1
    offset = at - start[ring]
    prev_at = start[ring] + (offset - 1) % size
    next_at = start[ring] + (offset + 1) % size
    pts, prev, nxt = coords[at], coords[prev_at], coords[next_at]
    turn = (pts[:, 0] - prev[:, 0]) * (nxt[:, 1] - pts[:, 1]) - (pts[:, 1] - prev[:, 1]) * (nxt[:, 0] - pts[:, 0])
    reflex = turn < -1e-12
    return pts[reflex], prev[reflex], nxt[reflex], np.asarray(part, dtype=int)[ring[reflex]]


def _cross(o: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a[..., 0] - o[..., 0]) * (b[..., 1] - o[..., 1]) - (a[..., 1] - o[..., 1]) * (b[..., 0] - o[..., 0])


def _tangent(at: np.ndarray, prev: np.ndarray, nxt: np.ndarray, other: np.ndarray) -> np.ndarray:
    """True where the line from ``at`` to ``other`` leaves both neighbours on one side."""
    c1 = _cross(at, other, prev)
    c2 = _cross(at, other, nxt)
    return c1 * c2 >= -1e-12


class Compiled:
    """The router's corners and some named points (``links``) as one numbered graph.

    Corners keep their numbers; the points follow in ``extra``'s order. Each
    node's rank orders equally far nodes: corners by their places, then the
    points. The plain-list adjacency (for ``Router.search``) and the sparse
    matrix (for ``graph_search``) are made when first needed.
    """

    def __init__(self, router: Router, extra: dict) -> None:
        n = len(router.nodes)
        self.router = router
        self.extra = extra
        self.names: list = list(range(n)) + [name for name in extra if isinstance(name, tuple)]
        self.ids: dict = {name: k for k, name in enumerate(self.names[n:], start=n)}
        self.rank: list[int] = router.corner_rank().tolist() + list(range(n, len(self.names)))
        self._adjacency: list | None = None
        self.matrix: Any = None          # graph_search's (matrix, arcs), once made

    def adjacency(self) -> list[list[tuple[int, float]]]:
        if self._adjacency is None:
            ids = self.ids
            adj = [list(edges) for edges in self.router.adjacency()] + \
                [[] for _ in range(len(self.names) - len(self.router.nodes))]
            for name, edges in self.extra.items():
                adj[ids[name] if isinstance(name, tuple) else name].extend(
                    (ids[u] if isinstance(u, tuple) else u, d) for u, d in edges)
            self._adjacency = adj
        return self._adjacency


class Router:
    """Shortest paths in N between any points of N."""

    def __init__(self, areas: Areas, previous: Router | None = None,
                 changed: BaseGeometry | None = None) -> None:
        """``previous``: the router of an earlier N that differs from this one only
        inside ``changed``; the visibility of corner pairs whose segment keeps
        clear of ``changed`` is taken from it instead of tested again."""
        self.areas = areas
        self.cover = areas.navigable.buffer(VISIBILITY_SLACK, quad_segs=1, join_style="mitre")
        shapely.prepare(self.cover)
        # Everything outside the cover, within a frame round it: a segment lies in the
        # cover when it meets none of this. A prepared "meets" test stops at the first
        # wall it finds, several times faster than "lies in" on the same polygon.
        if not self.cover.is_empty:
            x0, y0, x1, y1 = self.cover.bounds
            self.outside = shapely.box(x0 - 1.0, y0 - 1.0, x1 + 1.0, y1 + 1.0).difference(self.cover)
        else:
            self.outside = shapely.Polygon()
        shapely.prepare(self.outside)
        self.nodes, self.prev, self.next, self.component = _reflex_corners(areas.components)
        self._graph: nx.Graph | None = None
        self._adjacency: list | None = None
        self.tested: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None   # candidate pairs, seen
        self.reused = 0                       # pairs whose visibility came from ``previous``
        # The graph's edges as arrays (corner, corner, length), for the compiled searches.
        self.edges: tuple[np.ndarray, np.ndarray, np.ndarray] = (
            np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
        self._build_edges(previous, changed)

    # -- visibility -------------------------------------------------------------
    def visible(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Pairwise: does the segment a[i]–b[i] lie in N?"""
        if len(a) == 0:
            return np.zeros(0, dtype=bool)
        # Most segments that leave N do so in the middle: a point test there (a few times
        # cheaper than the segment's) settles them; only the rest are tested whole.
        blocked = np.zeros(len(a), dtype=bool)
        for f in (0.5, 0.25, 0.75):
            todo = np.nonzero(~blocked)[0]
            m = a[todo] + (b[todo] - a[todo]) * f
            blocked[todo] = shapely.contains_xy(self.outside, m[:, 0], m[:, 1])
        result = np.zeros(len(a), dtype=bool)
        rest = np.nonzero(~blocked)[0]
        a, b = a[rest], b[rest]
        lines = shapely.linestrings(np.stack([a, b], axis=1))
        same = np.all(np.abs(a - b) < 1e-12, axis=1)
        seen = ~shapely.intersects(self.outside, lines)
        if same.any():
            seen[same] = shapely.covers(self.cover, shapely.points(a[same]))
        result[rest] = seen
        return result

    def _build_edges(self, previous: Router | None = None, changed: BaseGeometry | None = None) -> None:
        n = len(self.nodes)
        if n < 2:
            return
        pairs = candidate_pairs_after(self.nodes, self.prev, self.next, self.component, previous) \
            if previous is not None else None
        i, j = pairs if pairs is not None else candidate_pairs(self.nodes, self.prev, self.next, self.component)
        ok = np.zeros(len(i), dtype=bool)
        known = known_pairs(self.nodes, i, j, previous, changed, ok) if previous is not None else \
            np.zeros(len(i), dtype=bool)
        todo = np.nonzero(~known)[0]
        for start in range(0, len(todo), 20000):
            s = todo[start:start + 20000]
            ok[s] = self.visible(self.nodes[i[s]], self.nodes[j[s]])
        self.reused = int(known.sum())
        self.tested = (i, j, ok)
        i, j = through_corners(self.nodes, i[ok], j[ok])
        lengths = np.hypot(*(self.nodes[i] - self.nodes[j]).T)
        self.edges = (i.astype(np.int64), j.astype(np.int64), lengths)

    @property
    def graph(self) -> nx.Graph:
        """The visibility graph for networkx (the route tool's single paths), made when first asked."""
        if self._graph is None:
            graph = nx.Graph()
            graph.add_nodes_from(range(len(self.nodes)))
            i, j, lengths = self.edges
            graph.add_weighted_edges_from(zip(i.tolist(), j.tolist(), lengths.tolist()))
            self._graph = graph
        return self._graph

    def visible_nodes(self, point: Point2) -> tuple[np.ndarray, np.ndarray]:
        """Corners seen from ``point`` (tangent there) and their distances (kept per point:
        the exits are searched from both for the distance fields and for the paths)."""
        key = (float(point[0]), float(point[1]))
        cache = self.__dict__.setdefault("_seen_from", {})
        hit = cache.get(key)
        if hit is None:
            if len(cache) >= 256:
                cache.clear()
            hit = cache[key] = self._visible_nodes(point)
        return hit[0].copy(), hit[1].copy()

    def _visible_nodes(self, point: Point2) -> tuple[np.ndarray, np.ndarray]:
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
    def adjacency(self) -> list[list[tuple[int, float]]]:
        """Each corner's visible corners and distances, in the graph's own order."""
        if self._adjacency is None:
            adj: list[list[tuple[int, float]]] = [[] for _ in range(len(self.nodes))]
            i, j, lengths = self.edges
            for a, b, d in zip(i.tolist(), j.tolist(), lengths.tolist()):
                adj[a].append((b, d))
                adj[b].append((a, d))
            self._adjacency = adj
        return self._adjacency

    def links(self, points: Sequence[Point2]) -> tuple[list, dict]:
        """The given points as nodes ``("p", k)`` and their edges: what ``with_points``
        adds to the graph, as adjacency lists beside the corners' own ones."""
        extra: dict = {}
        names = []
        for k, point in enumerate(points):
            name = ("p", k)
            names.append(name)
            mine = extra.setdefault(name, [])
            idx, dist = self.visible_nodes(point)
            for i, d in zip(idx.tolist(), dist.tolist()):
                mine.append((i, d))
                extra.setdefault(i, []).append((name, d))
        if len(points) > 1:
            arr = np.asarray(points, dtype=float)
            i, j = np.triu_indices(len(points), k=1)
            # A point with no place in N (an exit too far from it: NaN) sees nothing.
            real = np.isfinite(arr).all(axis=1)
            i, j = i[real[i] & real[j]], j[real[i] & real[j]]
            ok = self.visible(arr[i], arr[j])
            for a, b in zip(i[ok].tolist(), j[ok].tolist()):
                d = math.dist(points[a], points[b])
                extra[names[a]].append((names[b], d))
                extra[names[b]].append((names[a], d))
        return names, extra

    def dijkstra(self, source, extra: dict, until: set | None = None) -> tuple[dict, dict]:
        """Predecessors and distances from ``source`` over the corners and ``extra``.

        The same search, in the same order, as networkx's
        ``dijkstra_predecessor_and_distance`` on the graph ``with_points``
        builds, so equal-length routes are broken the same way. Each node's
        predecessor list holds the first one only (the one networkx lists
        first, the one every route is read back through). With ``until``, it
        stops once all those nodes are settled: their distances and
        predecessors (hence their routes) are final by then.
        """
        names, seen, first, settled = self.search(source, extra, until)
        dist = {names[v]: seen[v] for v in settled}
        pred = {names[v]: ([] if first[v] < 0 else [names[first[v]]]) for v in settled}
        return pred, dist

    def search(self, source, extra: dict, until: set | None = None) -> tuple[list, list, list, list]:
        """``dijkstra`` as plain lists over numbered nodes: (names, distances, first
        predecessors (-1 at the source), nodes in the order settled)."""
        compiled = self.compiled(extra)
        names, adj, ids, rank = compiled.names, compiled.adjacency(), compiled.ids, compiled.rank
        start = ids[source] if isinstance(source, tuple) else source
        total = len(adj)
        seen = [math.inf] * total
        first = [-1] * total
        settled: list[int] = []
        keep = settled.append
        seen[start] = 0
        fringe = [(0, rank[start], start)]
        pop, push = heapq.heappop, heapq.heappush
        wanted = {ids[u] if isinstance(u, tuple) else u for u in until} if until else set()
        want = bytearray(total)
        for u in wanted:
            want[u] = 1
        left = len(wanted)
        # A settled node is never nearer by another way (no negative lengths), so only
        # strict improvements matter, and an entry farther than its node's distance is
        # an old one; the first one to reach a node's final distance stays its
        # predecessor (one of networkx's list). Nodes equally far are settled in the
        # order of their places, so equal routes are settled the same way whatever
        # numbers the corners have: an edit elsewhere does not change them.
        while fringe:
            dist_v, _, v = pop(fringe)
            if dist_v > seen[v]:
                continue
            keep(v)
            if want[v]:
                left -= 1
                if not left:
                    break
            for u, cost in adj[v]:
                vu = dist_v + cost
                if vu < seen[u]:
                    seen[u] = vu
                    first[u] = v
                    push(fringe, (vu, rank[u], u))
        return names, seen, first, settled

    def search_names(self, extra: dict) -> list:
        """The node names ``search`` numbers its nodes by, in order."""
        return self.compiled(extra).names

    def compiled(self, extra: dict) -> Compiled:
        """The corners and ``extra``'s points numbered as one graph (made once per ``extra``)."""
        cache = self.__dict__.setdefault("_compiled_extra", {})
        hit = cache.get(id(extra))
        if hit is not None and hit.extra is extra:
            return hit
        cache.clear()
        made = cache[id(extra)] = Compiled(self, extra)
        return made

    def corner_rank(self) -> np.ndarray:
        """Each corner's rank in the order of places (x, y, then its wall neighbours), made once."""
        rank = self.__dict__.get("_corner_rank")
        if rank is None:
            order = np.lexsort((self.next[:, 1], self.next[:, 0], self.prev[:, 1], self.prev[:, 0],
                                self.nodes[:, 1], self.nodes[:, 0])) if len(self.nodes) else np.zeros(0, int)
            rank = np.empty(len(order), dtype=np.int64)
            rank[order] = np.arange(len(order))
            self.__dict__["_corner_rank"] = rank
        return rank

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
    def distance_field(self, targets: Sequence[Point2]) -> tuple[None, list, dict, dict]:
        """Dijkstra from every target through the graph: per-target distances at every corner.

        Returns (None, target node names, distances, predecessors); the first item
        once held a copy of the graph with the targets, which nobody needed.
        """
        names, extra = self.links(targets)
        every, dist, first = search_many(self, names, extra)
        fields = {}
        preds = {}
        n = len(self.nodes)
        cache = self.__dict__.setdefault("_fields", {})
        for k in range(len(names)):
            row = dist[k]
            reached = np.nonzero(np.isfinite(row))[0].tolist()
            fields[k] = dict(zip([every[v] for v in reached], row[reached].tolist()))
            preds[k] = {every[v]: ([] if b < 0 else [every[b]]) for v, b in zip(reached, first[k][reached].tolist())}
            if len(cache) >= 64:
                cache.clear()
            cache[id(fields[k])] = (fields[k], row[:n].copy())
        return None, names, fields, preds

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
        if ties:     # answers merge into what the caller holds: no shortcut
            return nearest_target(self, points, targets, field_dist, allowed, ties)
        # The same question asked again of this router (an edit that left N, the visitor
        # points and the exits alone, e.g. of crowd sizes) has the same answer.
        points = np.asarray(points, dtype=float)
        key = (points.tobytes(), points.shape, repr(list(targets)), id(field_dist), tuple(allowed))
        cache = self.__dict__.setdefault("_nearest", {})
        hit = cache.get(key)
        if hit is None or hit[0] is not field_dist:
            found: dict[int, set[int]] = {}
            hit = (field_dist, nearest_target(self, points, targets, field_dist, allowed, found), found)
            if len(cache) >= 8:
                cache.clear()
            cache[key] = hit
        best, which, first = hit[1]
        if ties is not None:
            ties.update({i: set(t) for i, t in hit[2].items()})
        return best.copy(), which.copy(), first.copy()

    def _field_array(self, dist: dict) -> np.ndarray:
        """A distance field as an array over the corners (inf where unreached), made once."""
        cache = self.__dict__.setdefault("_fields", {})
        hit = cache.get(id(dist))
        if hit is not None and hit[0] is dist:
            return hit[1]
        n = len(self.nodes)
        arr = np.full(n, np.inf)
        keys = [k for k in dist if not isinstance(k, tuple)]
        if keys:
            arr[np.asarray(keys, dtype=int)] = [dist[k] for k in keys]
        if len(cache) >= 64:     # a router kept across many edits meets many fields: keep a few
            cache.clear()
        cache[id(dist)] = (dist, arr)
        return arr
