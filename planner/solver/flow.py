"""Egress: visitor points, the capacity network, maximum flow and its minimum
cut (the bottleneck), egress times by the queue form, density (SPEC §4).

The capacity network is the dual of a constrained Delaunay triangulation of
the walkable area W, its boundary sampled densely: every shared triangle
edge is a chord with both ends on W's boundary, so it is a cross-section
whose capacity is its length × specific flow; a cut of the network is a
chain of chords from wall to wall, and the cheapest one is the narrowest set
of cross-sections. Chords narrower than 2 × body radius between two
different walls pass nothing.

networkx's max-flow algorithms misbehave with float capacities, so every
capacity is scaled to an integer number of 1/FLOW_SCALE persons per second.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import shapely
from shapely.geometry import LineString

from planner.model.layout import Gate, Layout, Zone
from planner.solver.walkable import Areas, polygons_of

FLOW_SCALE = 10_000          # integer capacity units per person per second
SAMPLE_STEP = 0.5            # metres between boundary samples of W
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
    residual: nx.DiGraph | None = None                      # shared by every max-flow run
    flow_graph: nx.DiGraph | None = None                    # the graph with source and sink


def _vertex_ring_positions(walkable) -> tuple[dict, list]:
    """Where each boundary vertex of W sits: (ring index, arc position)."""
    where: dict[tuple[float, float], tuple[int, float]] = {}
    ring_lengths: list[float] = []
    rings = [r for p in polygons_of(walkable) for r in (p.exterior, *p.interiors)]
    for ri, ring in enumerate(rings):
        coords = np.asarray(ring.coords)
        seg = np.hypot(*np.diff(coords, axis=0).T)
        pos = np.concatenate([[0.0], np.cumsum(seg)])
        for (x, y), s in zip(coords[:-1], pos[:-1]):
            where[(round(x, 7), round(y, 7))] = (ri, float(s))
        ring_lengths.append(float(pos[-1]))
    return where, ring_lengths


def _triangulate(layout: Layout, areas: Areas):
    """Triangles of W and, per triangle, its neighbours across chords: {t: {u: Chord}}."""
    settings = layout.settings
    rate = settings.specific_flow / 60.0            # persons per metre per second
    walkable = shapely.segmentize(areas.walkable, SAMPLE_STEP)
    where, ring_lengths = _vertex_ring_positions(walkable)
    tris = np.array(polygons_of(shapely.constrained_delaunay_triangles(walkable)), dtype=object)
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
    for i in first.tolist():
        t, u = int(owner[i]), int(owner[i + 1])
        pa, pb = (float(lo[i, 0]), float(lo[i, 1])), (float(hi[i, 0]), float(hi[i, 1]))
        width = math.dist(pa, pb)
        cross = _is_cross_section(where.get(pa), where.get(pb), width, ring_lengths)
        if cross and width < closed_width:
            continue       # closed: passes nothing
        chord = Chord(a=pa, b=pb, width=width, capacity=int(round(width * rate * FLOW_SCALE)))
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


def _is_cross_section(pa, pb, width: float, ring_lengths: list[float]) -> bool:
    """A chord between two walls, not one cutting a corner of the same wall."""
    if pa is None or pb is None or pa[0] != pb[0]:
        return True
    ring_length = ring_lengths[pa[0]]
    arc = abs(pa[1] - pb[1])
    arc = min(arc, ring_length - arc)
    return arc > 3 * width


# -- maximum flow and bottleneck --------------------------------------------------

@dataclass
class FlowResult:
    persons_per_s: float
    bottlenecks: list[dict]


SOURCE, SINK = "source", "sink"


def _residual(network: Network, layout: Layout) -> nx.DiGraph:
    """One residual network for every run: all visitor triangles and all exits attached.

    Each run switches the source and exit edges it needs on and the rest off,
    instead of copying the graph and building a new residual network.
    """
    if network.residual is None:
        graph = network.graph.copy()
        for t in set(network.point_node.tolist()):
            if t >= 0 and graph.has_node(t):
                graph.add_edge(SOURCE, int(t))
        rate = layout.settings.specific_flow / 60.0
        gates = {g.id: g for g in layout.gates}
        for gid, node in network.gate_nodes.items():
            graph.add_edge(node, SINK, capacity=int(round(gates[gid].width * rate * FLOW_SCALE)))
        graph.add_node(SOURCE)
        graph.add_node(SINK)
        network.flow_graph = graph
        network.residual = nx.flow.build_residual_network(graph, "capacity")
    return network.residual


def max_flow(network: Network, layout: Layout, sources: np.ndarray,
             gate_ids: list[str]) -> FlowResult:
    """Largest flow from the triangles holding the given visitor points to the given exits.

    The bottleneck is the minimum cut nearest the exits: the chords (or gates)
    from which the exits can no longer be reached in the residual network.
    """
    if len(sources) == 0 or not gate_ids:
        return FlowResult(0.0, [])
    residual = _residual(network, layout)
    inf = residual.graph["inf"]
    wanted = {int(t) for t in network.point_node[sources].tolist() if t >= 0}
    if not wanted:
        return FlowResult(0.0, [])
    for t, edge in residual[SOURCE].items():
        edge["capacity"] = inf if t in wanted else 0
    rate = layout.settings.specific_flow / 60.0
    gates = {g.id: g for g in layout.gates}
    closed = 2 * layout.settings.body_radius
    open_nodes = {network.gate_nodes[g]: gates[g] for g in gate_ids}
    for gid, node in network.gate_nodes.items():
        width = gates[gid].width
        open_ = node in open_nodes and width >= closed
        residual[node][SINK]["capacity"] = int(round(width * rate * FLOW_SCALE)) if open_ else 0
    nx.flow.boykov_kolmogorov(network.flow_graph, SOURCE, SINK, residual=residual)
    value = residual.graph["flow_value"]
    # Nodes that can still reach the sink through unsaturated edges.
    near_exit = {SINK}
    queue = deque([SINK])
    pred = residual.pred
    while queue:
        v = queue.popleft()
        for u, edge in pred[v].items():
            if u not in near_exit and edge["capacity"] - edge["flow"] > 0:
                near_exit.add(u)
                queue.append(u)
    bottlenecks = []
    for v in near_exit:
        for u, edge in pred[v].items():
            cap = edge["capacity"]
            if u in near_exit or cap <= 0 or cap >= inf or u == SOURCE:
                continue
            if v == SINK:
                gate = open_nodes[u]
                bottlenecks.append({"width_m": gate.width, "segment": [list(gate.a), list(gate.b)],
                                    "gate": gate.id})
            elif isinstance(u, int) and isinstance(v, int):
                for chain in network.edge_chords[(u, v) if u < v else (v, u)]:
                    chord = chain[-1] if v > u else chain[0]     # the one nearest the exit side
                    bottlenecks.append({"width_m": chord.width, "segment": [list(chord.a), list(chord.b)]})
    return FlowResult(value / FLOW_SCALE, _merge_bottlenecks(bottlenecks))


def _merge_bottlenecks(items: list[dict]) -> list[dict]:
    """Join chords of one cut that continue each other into one cross-section."""
    segments = [it for it in items if "gate" not in it]
    gates = [it for it in items if "gate" in it]
    groups: list[list[dict]] = []
    for seg in segments:
        ends = {tuple(seg["segment"][0]), tuple(seg["segment"][1])}
        joined = [g for g in groups if any(ends & {tuple(s["segment"][0]), tuple(s["segment"][1])} for s in g)]
        for g in joined:
            groups.remove(g)
        groups.append([seg] + [s for g in joined for s in g])
    merged = []
    for g in groups:
        pts = [tuple(p) for s in g for p in s["segment"]]
        ends = [p for p in pts if pts.count(p) == 1] or pts[:2]
        a, b = ends[0], ends[-1]
        merged.append({"width_m": sum(s["width_m"] for s in g), "segment": [list(a), list(b)]})
    return sorted(gates + merged, key=lambda it: it["width_m"])


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
