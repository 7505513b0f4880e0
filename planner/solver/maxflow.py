"""Maximum flow through the capacity network and its minimum cut nearest the exits
(the bottleneck, SPEC §4).

networkx's max-flow algorithms misbehave with float capacities, so every
capacity is an integer number of 1/FLOW_SCALE persons per second. The flow
itself is Dinic's algorithm on plain lists: every maximum flow has the same
value and leaves the same set of nodes able to reach the exits, so the
answers are those of any correct algorithm, several times sooner than
networkx's Boykov–Kolmogorov.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from planner.model.layout import Layout

if TYPE_CHECKING:
    from planner.solver.flow import Network

FLOW_SCALE = 10_000          # integer capacity units per person per second


@dataclass
class FlowResult:
    persons_per_s: float
    bottlenecks: list[dict]


SOURCE, SINK = "source", "sink"


class _Arcs:
    """The capacity network as paired arcs (arc e and its reverse e ^ 1) over numbered nodes.

    Built once per network; every maximum-flow run only sets the source and exit
    arcs it needs. Any maximum flow gives the same value and the same set of
    nodes that can still reach the exits, so the answers do not depend on the
    algorithm; Dinic's on plain lists is several times faster than networkx's.
    """

    def __init__(self, network: Network, layout: Layout) -> None:
        graph = network.graph
        self.nodes: list = [SOURCE, SINK, *graph.nodes]
        self.index = {v: k for k, v in enumerate(self.nodes)}
        self.adj: list[list[int]] = [[] for _ in self.nodes]
        self.to: list[int] = []
        self.cap: list[int] = []
        finite = 0
        pending_inf: list[int] = []
        for (t, u), chains in network.edge_chords.items():
            cap = sum(chain[0].capacity for chain in chains)
            self._pair(self.index[t], self.index[u], cap, cap)
            finite += 2 * cap
        rate = layout.settings.specific_flow / 60.0
        gates = {g.id: g for g in layout.gates}
        self.gate_cap: dict[str, int] = {}
        self.gate_arc: dict[str, int] = {}
        for gid, node in network.gate_nodes.items():
            for t in graph.predecessors(node):
                pending_inf.append(self._pair(self.index[t], self.index[node], 0, 0))
            cap = int(round(gates[gid].width * rate * FLOW_SCALE))
            self.gate_cap[gid] = cap
            self.gate_arc[gid] = self._pair(self.index[node], 1, 0, 0)
            finite += cap
        self.source_arc: dict[int, int] = {}
        for t in sorted({int(t) for t in network.point_node.tolist() if t >= 0 and graph.has_node(int(t))}):
            self.source_arc[t] = self._pair(0, self.index[t], 0, 0)
        self.inf = 3 * finite + 1
        for e in pending_inf:
            self.cap[e] = self.inf

    def _pair(self, a: int, b: int, cap_ab: int, cap_ba: int) -> int:
        e = len(self.to)
        self.to += [b, a]
        self.cap += [cap_ab, cap_ba]
        self.adj[a].append(e)
        self.adj[b].append(e + 1)
        return e

    def run(self) -> tuple[int, list[int]]:
        """Dinic's maximum flow from SOURCE (0) to SINK (1): the value and the arc flows."""
        to, cap, adj = self.to, self.cap, self.adj
        n = len(self.nodes)
        degree = [len(a) for a in adj]
        flow = [0] * len(to)
        total = 0
        while True:
            level = [-1] * n
            level[0] = 0
            queue = [0]
            for v in queue:
                lv = level[v] + 1
                for e in adj[v]:
                    w = to[e]
                    if level[w] < 0 and cap[e] - flow[e] > 0:
                        level[w] = lv
                        queue.append(w)
            if level[1] < 0:
                return total, flow
            nxt = [0] * n
            path: list[int] = []
            v = 0
            while True:
                if v == 1:
                    push = min([cap[e] - flow[e] for e in path])
                    cut = -1
                    for k, e in enumerate(path):
                        flow[e] += push
                        flow[e ^ 1] -= push
                        if cut < 0 and cap[e] == flow[e]:
                            cut = k
                    total += push
                    # Go on from just before the first arc this push filled.
                    del path[cut:]
                    v = to[path[-1]] if path else 0
                    continue
                arcs = adj[v]
                k = nxt[v]
                end = degree[v]
                want = level[v] + 1
                while k < end:
                    e = arcs[k]
                    if cap[e] - flow[e] > 0 and level[to[e]] == want:
                        break
                    k += 1
                nxt[v] = k
                if k < end:
                    e = arcs[k]
                    path.append(e)
                    v = to[e]
                    continue
                if v == 0:
                    break
                level[v] = -1              # a dead end in this phase
                e = path.pop()
                v = to[e ^ 1]
                nxt[v] += 1


def max_flow(network: Network, layout: Layout, sources: np.ndarray,
             gate_ids: list[str]) -> FlowResult:
    """Largest flow from the triangles holding the given visitor points to the given exits.

    The bottleneck is the minimum cut nearest the exits: the chords (or gates)
    from which the exits can no longer be reached in the residual network.
    """
    if len(sources) == 0 or not gate_ids:
        return FlowResult(0.0, [])
    wanted = {int(t) for t in network.point_node[sources].tolist() if t >= 0}
    if not wanted:
        return FlowResult(0.0, [])
    # The network is made for one set of gates, widths and settings: the same sources
    # and exits again (another scenario, or an edit of crowd sizes) give the same answer.
    key = (frozenset(wanted), frozenset(gate_ids))
    cache = network.__dict__.setdefault("_flows", {})
    if key in cache:
        return copy.deepcopy(cache[key])
    result = _max_flow(network, layout, wanted, gate_ids)
    cache[key] = copy.deepcopy(result)
    return result


def _max_flow(network: Network, layout: Layout, wanted: set[int], gate_ids: list[str]) -> FlowResult:
    if network.residual is None:
        network.residual = _Arcs(network, layout)
    arcs: _Arcs = network.residual
    for t, e in arcs.source_arc.items():
        arcs.cap[e] = arcs.inf if t in wanted else 0
    gates = {g.id: g for g in layout.gates}
    closed = 2 * layout.settings.body_radius
    open_gates = set(gate_ids)
    for gid, e in arcs.gate_arc.items():
        arcs.cap[e] = arcs.gate_cap[gid] if gid in open_gates and gates[gid].width >= closed else 0
    value, flow = arcs.run()
    to, cap, adj = arcs.to, arcs.cap, arcs.adj
    # Nodes that can still reach the sink through unsaturated arcs.
    near_exit = [False] * len(arcs.nodes)
    near_exit[1] = True
    queue = [1]
    for v in queue:
        for e in adj[v]:
            r = e ^ 1                      # the arc from to[e] into v
            u = to[e]
            if not near_exit[u] and cap[r] - flow[r] > 0:
                near_exit[u] = True
                queue.append(u)
    bottlenecks = []
    nodes = arcs.nodes
    for v in sorted(queue):
        for e in adj[v]:
            r = e ^ 1
            u = to[e]
            c = cap[r]
            if near_exit[u] or c <= 0 or c >= arcs.inf or u == 0:
                continue
            a, b = nodes[u], nodes[v]
            if v == 1:
                gate = gates[a[len("gate:"):]]
                bottlenecks.append({"width_m": gate.width, "segment": [list(gate.a), list(gate.b)],
                                    "gate": gate.id})
            elif isinstance(a, int) and isinstance(b, int):
                for chain in network.edge_chords[(a, b) if a < b else (b, a)]:
                    chord = chain[-1] if b > a else chain[0]     # the one nearest the exit side
                    bottlenecks.append({"width_m": chord.width, "segment": [list(chord.a), list(chord.b)]})
    # Gates in the layout's order, chords in a fixed order, so ties always list alike.
    bottlenecks.sort(key=lambda it: (0, 0.0, []) if "gate" in it else (1, it["width_m"], it["segment"]))
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
