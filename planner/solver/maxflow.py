"""Maximum flow through the capacity network and its minimum cut nearest the exits
(the bottleneck, SPEC §4).

Every capacity is an integer number of 1/FLOW_SCALE persons per second (exact
sums, and what scipy's maximum flow counts in). The flow itself is scipy's
Dinic, in compiled code: every maximum flow has the same value and leaves
the same set of nodes able to reach the exits, so the answers are those of
any correct algorithm.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import breadth_first_order, maximum_flow

from planner.model.layout import Layout

if TYPE_CHECKING:
    from planner.solver.flow import Network

FLOW_SCALE = 10_000          # integer capacity units per person per second
INT_MAX = 2**31 - 1          # the flow is counted in 32-bit integers


@dataclass
class FlowResult:
    persons_per_s: float
    bottlenecks: list[dict]


SOURCE, SINK = "source", "sink"


class _Arcs:
    """The capacity network as arcs over numbered nodes (SOURCE 0, SINK 1), made once per network.

    Every maximum-flow run only sets the capacities of the source and exit arcs it
    needs; the flow itself is scipy's Dinic, in compiled code. Any maximum flow gives
    the same value and the same set of nodes that can still reach the exits, so the
    answers do not depend on the algorithm.
    """

    def __init__(self, network: Network, layout: Layout) -> None:
        graph = network.graph
        self.nodes: list = [SOURCE, SINK, *graph.nodes]
        self.index = {v: k for k, v in enumerate(self.nodes)}
        tail: list[int] = []
        head: list[int] = []
        cap: list[int] = []

        def arc(a: int, b: int, c: int) -> int:
            tail.append(a)
            head.append(b)
            cap.append(c)
            return len(cap) - 1

        finite = 0
        for (t, u), chains in network.edge_chords.items():
            c = min(sum(chain[0].capacity for chain in chains), INT_MAX)
            arc(self.index[t], self.index[u], c)
            arc(self.index[u], self.index[t], c)
            finite += 2 * c
        rate = layout.settings.specific_flow / 60.0
        gates = {g.id: g for g in layout.gates}
        pending_inf: list[int] = []
        self.gate_cap: dict[str, int] = {}
        self.gate_arc: dict[str, int] = {}
        for gid, node in network.gate_nodes.items():
            for t in graph.predecessors(node):
                pending_inf.append(arc(self.index[t], self.index[node], 0))
            self.gate_cap[gid] = min(int(round(gates[gid].width * rate * FLOW_SCALE)), INT_MAX)
            self.gate_arc[gid] = arc(self.index[node], 1, 0)
            finite += self.gate_cap[gid]
        self.source_arc: dict[int, int] = {}
        for t in sorted({int(t) for t in network.point_node.tolist() if t >= 0 and graph.has_node(int(t))}):
            self.source_arc[t] = arc(0, self.index[t], 0)
        # More than every exit together passes (no minimum cut can hold such an arc),
        # within the 32-bit integers the flow is counted in.
        self.inf = min(3 * finite + 1, sum(self.gate_cap.values()) + 1, INT_MAX)
        self.tail = np.asarray(tail, dtype=np.int64)
        self.head = np.asarray(head, dtype=np.int64)
        self.cap = np.asarray(cap, dtype=np.int64)
        self.cap[pending_inf] = self.inf

    def run(self) -> tuple[int, np.ndarray]:
        """The maximum flow from SOURCE (0) to SINK (1): its value, and the nodes that can
        still reach SINK through arcs the flow left unfilled."""
        n = len(self.nodes)
        matrix = csr_matrix((self.cap.astype(np.int32), (self.tail, self.head)), shape=(n, n))
        found = maximum_flow(matrix, 0, 1, method="dinic")
        left = (matrix.astype(np.int64) - found.flow.astype(np.int64)).tocsr()
        left.data[left.data < 0] = 0
        left.eliminate_zeros()
        reach = breadth_first_order(left.T.tocsr(), 1, directed=True, return_predecessors=False)
        near_exit = np.zeros(n, dtype=bool)
        near_exit[reach] = True
        return int(found.flow_value), near_exit


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
    value, near_exit = arcs.run()
    # The cut: arcs into a node that still reaches the exits from one that does not,
    # listed by that node, then in the order the arcs were made.
    tail, head, cap = arcs.tail, arcs.head, arcs.cap
    cut = np.nonzero(near_exit[head] & ~near_exit[tail] & (cap > 0) & (cap < arcs.inf) & (tail != 0))[0]
    cut = cut[np.lexsort((cut, head[cut]))]
    bottlenecks = []
    nodes = arcs.nodes
    for u, v in zip(tail[cut].tolist(), head[cut].tolist()):
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
