"""Egress: visitor points, the capacity network, egress times by the queue
form, density (SPEC §4); the maximum flow and its minimum cut (the
bottleneck) are in maxflow.py.

The capacity network is the dual of a constrained Delaunay triangulation of
the walkable area W, its boundary sampled finely where walls face each other
closely and coarsely along open ground (sampling.py): every shared triangle
edge is a chord with both ends on W's boundary, so it is a cross-section
whose capacity is its length × specific flow; a cut of the network is a
chain of chords from wall to wall, and the cheapest one is the narrowest set
of cross-sections. Chords narrower than 2 × body radius between two
different walls pass nothing.

Capacities are integers of 1/FLOW_SCALE persons per second (see maxflow.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import shapely
from shapely.geometry import LineString

from planner.model.layout import Gate, Layout, Zone
from planner.solver.maxflow import FLOW_SCALE, SINK, SOURCE, FlowResult, max_flow  # noqa: F401
from planner.solver.sampling import sample_walkable
from planner.solver.walkable import Areas, polygons_of

GRID_CELL = 5.0              # metres between visitor points
MAX_POINTS = 4000
FRUIN = ((0.31, "A"), (0.43, "B"), (0.72, "C"), (1.08, "D"), (2.17, "E"))


def level_of_service(density: float) -> str:
    for limit, grade in FRUIN:
        if density <= limit:
            return grade
    return "F"


# -- visitors ---------------------------------------------------------------------

@dataclass
class Visitors:
    points: np.ndarray          # (m, 2)
    weights: np.ndarray         # persons at each point
    zone: np.ndarray            # zone index of each point
    zone_parts: list            # zone ∩ N per zone
    cell: float = GRID_CELL     # grid spacing in metres
    axes: list = field(default_factory=list)   # (ux, uy) of each zone's grid

    def neighbours(self) -> tuple[np.ndarray, np.ndarray]:
        """Pairs of points one grid step apart (each pair once)."""
        if len(self.points) < 2:
            return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
        pts = shapely.points(self.points)
        tree = shapely.STRtree(pts)
        a, b = tree.query(pts, predicate="dwithin", distance=self.cell * 1.01)
        keep = a < b
        return a[keep], b[keep]

    def subsamples(self, index: np.ndarray, per_side: int = 3) -> tuple[np.ndarray, np.ndarray]:
        """Points spread evenly over the cells of the given points, inside their zone's part.

        Returns the sample points and, for each, the position in ``index`` it belongs to.
        """
        offsets = (np.arange(per_side) - (per_side - 1) / 2) * (self.cell / per_side)
        oa, ob = np.meshgrid(offsets, offsets)
        oa, ob = oa.ravel(), ob.ravel()
        samples, owner = [], []
        for k, i in enumerate(index.tolist()):
            ux, uy = self.axes[self.zone[i]]
            x, y = self.points[i]
            xs = x + oa * ux - ob * uy
            ys = y + oa * uy + ob * ux
            inside = shapely.contains_xy(self.zone_parts[self.zone[i]], xs, ys)
            if not inside.any():
                xs, ys, inside = np.array([x]), np.array([y]), np.array([True])
            samples.append(np.column_stack([xs[inside], ys[inside]]))
            owner.append(np.full(int(inside.sum()), k))
        if not samples:
            return np.zeros((0, 2)), np.zeros(0, dtype=int)
        return np.concatenate(samples), np.concatenate(owner)


def visitor_points(layout: Layout, areas: Areas) -> Visitors:
    """Centres of a square grid over each zone's part of N, sharing its peak visitors."""
    parts = [z.shape().intersection(areas.navigable) if not areas.navigable.is_empty else z.shape()
             for z in layout.zones]
    total_area = sum(p.area for p in parts)
    cell = GRID_CELL
    if total_area / cell ** 2 > MAX_POINTS * 0.9:
        cell = math.sqrt(total_area / (MAX_POINTS * 0.9))
    frames = [_grid_frame(z.shape()) for z in layout.zones]
    while True:
        per_zone = [_grid(part, cell, frame) for part, frame in zip(parts, frames)]
        if sum(len(p) for p in per_zone) <= MAX_POINTS:
            break
        cell *= 1.1
    pts, weights, zone_idx = [], [], []
    for zi, (zone, grid) in enumerate(zip(layout.zones, per_zone)):
        if len(grid) == 0:
            continue
        pts.append(grid)
        weights.append(np.full(len(grid), zone.peak_visitors / len(grid)))
        zone_idx.append(np.full(len(grid), zi))
    if not pts:
        return Visitors(np.zeros((0, 2)), np.zeros(0), np.zeros(0, dtype=int), parts, cell,
                        [(f[4], f[5]) for f in frames])
    return Visitors(np.concatenate(pts), np.concatenate(weights), np.concatenate(zone_idx), parts, cell,
                    [(f[4], f[5]) for f in frames])


def _grid_frame(shape) -> tuple[float, float, float, float, float, float]:
    """The grid's frame for a zone: origin, extent and axes of its oriented bounding box.

    A grid tied to the zone, not to the site's axes, and centred in it, gives
    the same visitors wherever the zone is moved or turned, and spreads them
    evenly up to every side.
    """
    box = shapely.oriented_envelope(shape)
    if box.geom_type != "Polygon":
        x0, y0, x1, y1 = shape.bounds
        return x0, y0, x1 - x0, y1 - y0, 1.0, 0.0
    corners = np.asarray(box.exterior.coords)[:4]
    edges = np.roll(corners, -1, axis=0) - corners
    k = int(np.argmax(np.hypot(edges[:, 0], edges[:, 1])))
    ux, uy = edges[k] / max(np.hypot(*edges[k]), 1e-12)
    along = corners @ np.array([ux, uy])
    across = corners @ np.array([-uy, ux])
    return (float(along.min()), float(across.min()), float(np.ptp(along)), float(np.ptp(across)),
            float(ux), float(uy))


def _axis(start: float, length: float, cell: float) -> np.ndarray:
    n = max(1, math.ceil(length / cell - 1e-9))
    return start + (length - (n - 1) * cell) / 2 + cell * np.arange(n)


def _grid(part, cell: float, frame: tuple[float, float, float, float, float, float]) -> np.ndarray:
    if part.is_empty or part.area <= 0:
        return np.zeros((0, 2))
    a0, b0, la, lb, ux, uy = frame
    ga, gb = np.meshgrid(_axis(a0, la, cell), _axis(b0, lb, cell))
    ga, gb = ga.ravel(), gb.ravel()
    cand = np.column_stack([ga * ux - gb * uy, ga * uy + gb * ux])
    inside = shapely.contains_xy(part, cand[:, 0], cand[:, 1]) if len(cand) else np.zeros(0, bool)
    found = cand[inside]
    if len(found) == 0:   # a small zone still holds its visitors somewhere
        p = part.representative_point()
        found = np.array([[p.x, p.y]])
    return found


# -- the capacity network ------------------------------------------------------

@dataclass
class Chord:
    a: tuple[float, float]
    b: tuple[float, float]
    width: float
    capacity: int               # scaled persons per second


@dataclass
class Network:
    """The reduced capacity network: junction and source triangles joined by aisles.

    Triangles that hold no visitors and have two neighbours form chains (an
    aisle, a stretch of promenade); a chain passes at most what its
    narrowest chord passes, so it becomes one edge of that capacity. Dead
    ends without visitors carry nothing and are dropped. Both steps keep
    the maximum flow and the minimum cut exactly as in the full network.
    """

    graph: nx.DiGraph
    point_node: np.ndarray                                   # network node of each visitor point
    gate_nodes: dict[str, str] = field(default_factory=dict)
    # Per network edge, each contracted chain as its equally narrowest chords, ordered
    # from the edge's lower node to its higher one.
    edge_chords: dict[tuple, list[list[Chord]]] = field(default_factory=dict)
    corridors: list[Chord] = field(default_factory=list)   # the narrowest chord of each aisle
    residual: Any = None                                    # maxflow's arcs, shared by every run
    flow_graph: nx.DiGraph | None = None                    # unused; kept for callers that read it


def _vertex_ring_positions(walkable) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Where each boundary vertex of W sits, as arrays sorted by the vertex (rounded to 1e-7 m).

    Returns the sorted vertex keys (k, 2), each one's ring index and arc position,
    and every ring's length. A vertex met twice keeps its last place.
    """
    rings = [r for p in polygons_of(walkable) for r in (p.exterior, *p.interiors)]
    keys, ring_of, arc, ring_lengths = [], [], [], []
    for ri, ring in enumerate(rings):
        coords = np.asarray(ring.coords)
        seg = np.hypot(*np.diff(coords, axis=0).T)
        pos = np.concatenate([[0.0], np.cumsum(seg)])
        keys.append(np.round(coords[:-1], 7))
        ring_of.append(np.full(len(coords) - 1, ri))
        arc.append(pos[:-1])
        ring_lengths.append(float(pos[-1]))
    if not keys:
        return np.zeros((0, 2)), np.zeros(0, dtype=int), np.zeros(0), np.zeros(0)
    k, r, a = np.concatenate(keys), np.concatenate(ring_of), np.concatenate(arc)
    # Sort by vertex, later occurrences last, and keep the last of each run.
    order = np.lexsort((np.arange(len(k)), k[:, 1], k[:, 0]))
    k, r, a = k[order], r[order], a[order]
    last = np.ones(len(k), dtype=bool)
    last[:-1] = np.any(k[1:] != k[:-1], axis=1)
    return k[last], r[last], a[last], np.asarray(ring_lengths)


def _lookup(keys: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Row of each point in the sorted ``keys`` (-1 when absent)."""
    if len(keys) == 0 or len(points) == 0:
        return np.full(len(points), -1)
    # Compare x first, then y, through one complex number per vertex (exact for floats).
    kc = keys[:, 0] + 1j * keys[:, 1]
    pc = points[:, 0] + 1j * points[:, 1]
    at = np.searchsorted(kc, pc)
    at = np.minimum(at, len(kc) - 1)
    found = kc[at] == pc
    return np.where(found, at, -1)


def _triangulate(layout: Layout, areas: Areas):
    """Triangles of W and, per triangle, its neighbours across chords: {t: {u: Chord}}."""
    settings = layout.settings
    rate = settings.specific_flow / 60.0            # persons per metre per second
    walkable = sample_walkable(areas.walkable)
    vkeys, vring, varc, ring_lengths = _vertex_ring_positions(walkable)
    tris = shapely.get_parts(shapely.constrained_delaunay_triangles(walkable))
    n = len(tris)
    coords = np.round(shapely.get_coordinates(tris).reshape(n, 4, 2)[:, :3], 7) if n else np.zeros((0, 3, 2))
    # Every triangle edge as a sorted pair of vertex keys; shared edges are chords.
    a = coords
    b = np.roll(coords, -1, axis=1)
    swap = (a[..., 0] > b[..., 0]) | ((a[..., 0] == b[..., 0]) & (a[..., 1] > b[..., 1]))
    lo = np.where(swap[..., None], b, a).reshape(-1, 2)
    hi = np.where(swap[..., None], a, b).reshape(-1, 2)
    owner = np.repeat(np.arange(n), 3)
    keys = np.concatenate([lo, hi], axis=1)
    order = np.lexsort(keys.T[::-1])
    keys, owner, lo, hi = keys[order], owner[order], lo[order], hi[order]
    same = np.all(keys[1:] == keys[:-1], axis=1)
    first = np.nonzero(same)[0]
    neighbours: dict[int, dict[int, Chord]] = {t: {} for t in range(n)}
    closed_width = 2 * settings.body_radius
    t_of, u_of = owner[first], owner[first + 1]
    pa, pb = lo[first], hi[first]
    width = np.hypot(pb[:, 0] - pa[:, 0], pb[:, 1] - pa[:, 1])
    # A chord between two walls is a cross-section; one cutting a corner of the same
    # wall (both ends on one ring, close along it) is not.
    ia, ib = _lookup(vkeys, pa), _lookup(vkeys, pb)
    known = (ia >= 0) & (ib >= 0)
    same_ring = known & (vring[np.maximum(ia, 0)] == vring[np.maximum(ib, 0)])
    arc = np.abs(varc[np.maximum(ia, 0)] - varc[np.maximum(ib, 0)])
    length = ring_lengths[vring[np.maximum(ia, 0)]] if len(ring_lengths) else np.zeros(len(arc))
    arc = np.minimum(arc, length - arc)
    cross = ~same_ring | (arc > 3 * width)
    keep = ~(cross & (width < closed_width))      # closed: passes nothing
    capacity = np.rint(width * rate * FLOW_SCALE).astype(np.int64)
    for t, u, xa, ya, xb, yb, w, c in zip(t_of[keep].tolist(), u_of[keep].tolist(),
                                          pa[keep, 0].tolist(), pa[keep, 1].tolist(),
                                          pb[keep, 0].tolist(), pb[keep, 1].tolist(),
                                          width[keep].tolist(), capacity[keep].tolist()):
        chord = Chord(a=(xa, ya), b=(xb, yb), width=w, capacity=c)
        neighbours[t][u] = chord
        neighbours[u][t] = chord
    return tris, neighbours


def build_network(layout: Layout, areas: Areas, points: np.ndarray) -> Network:
    """The capacity network for the given visitor points and the layout's exits."""
    tris, neighbours = _triangulate(layout, areas)
    tree = shapely.STRtree(tris) if len(tris) else None
    point_tri = _triangles_of(tree, points)
    terminals: set[int] = {int(t) for t in point_tri.tolist() if t >= 0}
    gate_tris: dict[str, list[int]] = {}
    for gate in layout.gates:
        if not gate.is_exit or tree is None:
            continue
        seg = LineString([gate.a, gate.b]) if gate.width > 0 else shapely.Point(gate.a)
        gate_tris[gate.id] = tree.query(seg, predicate="dwithin", distance=0.6).tolist()
        terminals.update(gate_tris[gate.id])

    # Drop dead ends that hold no visitors and touch no exit.
    degree = {t: len(nb) for t, nb in neighbours.items()}
    stack = [t for t, d in degree.items() if d <= 1 and t not in terminals]
    removed: set[int] = set()
    while stack:
        t = stack.pop()
        if t in removed:
            continue
        removed.add(t)
        for u in neighbours[t]:
            if u not in removed:
                degree[u] -= 1
                if degree[u] <= 1 and u not in terminals:
                    stack.append(u)
    alive = {t: {u: c for u, c in nb.items() if u not in removed}
             for t, nb in neighbours.items() if t not in removed}
    kept = {t for t, nb in alive.items() if t in terminals or len(nb) != 2}

    graph = nx.DiGraph()
    graph.add_nodes_from(kept)
    edge_chords: dict[tuple, list[list[Chord]]] = {}
    corridors: list[Chord] = []
    walked: set[tuple[int, int]] = set()
    for start in kept:
        for nxt, chord in alive[start].items():
            if (start, nxt) in walked:
                continue
            tied = [chord]        # the narrowest chords met, in order from start
            prev, cur = start, nxt
            walked.add((start, nxt))
            while cur not in kept:
                (after, step), = [(u, c) for u, c in alive[cur].items() if u != prev] or [(None, None)]
                if after is None:
                    break
                if step.width < tied[0].width - 1e-9:
                    tied = [step]
                elif step.width <= tied[0].width + 1e-9:
                    tied.append(step)
                prev, cur = cur, after
            if cur not in kept:
                continue
            walked.add((cur, prev))
            if cur == start:
                continue   # a loop back to the same triangle carries nothing across
            corridors.append(tied[0])
            key = (start, cur) if start < cur else (cur, start)
            # Stored from the key's first node to its second, so a cut can take the
            # tied chord nearest the side the exits are on.
            edge_chords.setdefault(key, []).append(tied if start == key[0] else tied[::-1])
    for (t, u), chains in edge_chords.items():
        cap = sum(chain[0].capacity for chain in chains)
        graph.add_edge(t, u, capacity=cap)
        graph.add_edge(u, t, capacity=cap)
    network = Network(graph=graph, point_node=point_tri, edge_chords=edge_chords, corridors=corridors)
    for gid, tris_here in gate_tris.items():
        node = f"gate:{gid}"
        network.gate_nodes[gid] = node
        graph.add_node(node)
        for t in tris_here:
            if t in kept:
                graph.add_edge(t, node)      # no capacity: unlimited up to the gate itself
    return network


def _triangles_of(tree: shapely.STRtree | None, points: np.ndarray) -> np.ndarray:
    """Index of the triangle holding each point (-1 when none does)."""
    result = np.full(len(points), -1)
    if len(points) == 0 or tree is None:
        return result
    pts = shapely.points(points)
    p_idx, t_idx = tree.query(pts, predicate="intersects")
    result[p_idx] = t_idx
    missing = np.nonzero(result < 0)[0]
    if len(missing):
        p2, t2 = tree.query_nearest(pts[missing], max_distance=1.0)
        result[missing[p2]] = t2
    return result


# -- egress time ------------------------------------------------------------------

def queue_time(times: np.ndarray, weights: np.ndarray, capacity: float) -> float:
    """T = max over k of t_k + (w_k + … + w_m) / C, points sorted by walking time."""
    if len(times) == 0:
        return 0.0
    if capacity <= 0:
        return math.inf
    order = np.argsort(times, kind="stable")
    t = times[order]
    tail = np.cumsum(weights[order][::-1])[::-1]
    return float(np.max(t + tail / capacity))


def zone_density(zone: Zone, areas: Areas) -> tuple[float, float]:
    """Walkable area of the zone (m²) and its peak density (persons/m²)."""
    area = zone.shape().intersection(areas.walkable).area
    density = zone.peak_visitors / area if area > 0 else (math.inf if zone.peak_visitors else 0.0)
    return area, density


def widest_exit(gates: list[Gate]) -> Gate | None:
    exits = [g for g in gates if g.is_exit]
    if not exits:
        return None
    return sorted(exits, key=lambda g: (-g.width, g.id))[0]
