"""The compiled searches (scipy) against the plain ones they replace, on the same graphs.

``search_many`` must give, source by source, the very distances and the very
predecessors of ``Router.search`` (whose choice among equal routes by place is
tested in test_solver_search_parts.py); the maximum flow must give networkx's
value and the cut nearest the exits that networkx's flow leaves.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from planner.solver import flow as flowmod
from planner.solver import maxflow
from planner.solver.graph_search import search_many
from planner.solver.routes import Router
from planner.solver.walkable import build_areas
from tests.solver.kit import gate, layout, wall, zone
from tests.solver.test_solver_search_parts import SYMMETRIC_ENDS, market, symmetric_block


def plain(router: Router, sources: list, extra: dict) -> tuple[np.ndarray, np.ndarray]:
    rows = [router.search(s, extra) for s in sources]
    return (np.asarray([r[1] for r in rows], dtype=float), np.asarray([r[2] for r in rows], dtype=np.int64))


@pytest.mark.parametrize("case", ["market", "symmetric"])
def test_search_many_gives_the_plain_searches_distances_and_predecessors(case):
    router = Router(build_areas(market())) if case == "market" else symmetric_block()
    ends = [(2.0, 2.0), (58.0, 38.0), (30.0, 20.0), (10.0, 12.0)] if case == "market" else SYMMETRIC_ENDS
    names, extra = router.links(ends)
    sources = names + [0, len(router.nodes) - 1]            # points and corners alike
    every, dist, first = search_many(router, sources, extra)
    want_dist, want_first = plain(router, sources, extra)
    assert every == router.search_names(extra)
    assert np.array_equal(dist, want_dist)                  # bit for bit, inf where unreached
    assert np.array_equal(first, want_first)
    if case == "symmetric":
        # Round the block every route has an equally long twin: the choice was made here.
        graph, _ = router.with_points(ends)
        pred_nx, _ = nx.dijkstra_predecessor_and_distance(graph, names[0])
        assert any(len(p) > 1 for p in pred_nx.values())


def test_a_zero_length_step_is_searched_the_plain_way(monkeypatch):
    """Two ends in one place: the order among equally far nodes is the search's own."""
    router = symmetric_block()
    ends = [(5.0, 10.0), (5.0, 10.0), (35.0, 10.0)]
    names, extra = router.links(ends)
    searched = []
    search = router.search
    monkeypatch.setattr(router, "search", lambda s, ex, until=None: (searched.append(s), search(s, ex, until))[1])
    every, dist, first = search_many(router, names, extra)
    assert searched                                         # the plain search was needed
    monkeypatch.undo()
    want_dist, want_first = plain(router, names, extra)
    assert np.array_equal(dist, want_dist) and np.array_equal(first, want_first)


def test_search_many_of_a_point_outside_n_reaches_only_itself():
    router = symmetric_block()
    names, extra = router.links([(float("nan"), float("nan")), (5.0, 10.0)])
    every, dist, first = search_many(router, names, extra)
    own = every.index(names[0])
    assert dist[0, own] == 0 and np.isinf(np.delete(dist[0], own)).all()
    assert (first[0] == -1).all()


def networkx_cut(network: flowmod.Network, layout_, wanted: set[int], exits: list[str]):
    """Value and the nodes that still reach the exits, from networkx's own maximum flow."""
    arcs = maxflow._Arcs(network, layout_)
    g = nx.DiGraph()
    gates = {g_.id: g_ for g_ in layout_.gates}
    cap = arcs.cap.copy()
    for t, e in arcs.source_arc.items():
        cap[e] = arcs.inf if t in wanted else 0
    for gid, e in arcs.gate_arc.items():
        cap[e] = arcs.gate_cap[gid] if gid in exits and gates[gid].width >= 2 * layout_.settings.body_radius else 0
    for a, b, c in zip(arcs.tail.tolist(), arcs.head.tolist(), cap.tolist()):
        if c >= arcs.inf:
            g.add_edge(a, b)             # truly unlimited here, whatever the arcs count as unlimited
        else:
            g.add_edge(a, b, capacity=c)
    value, flows = nx.maximum_flow(g, 0, 1)
    residual = nx.DiGraph()
    for a, b, data in g.edges(data=True):
        left = data.get("capacity", math.inf) - flows[a][b] + (flows[b][a] if g.has_edge(b, a) else 0)
        if left > 0:
            residual.add_edge(a, b)
        if flows[a][b] > 0:
            residual.add_edge(b, a)
    near = nx.ancestors(residual, 1) | {1} if 1 in residual else {1}
    return value, {arcs.nodes[v] for v in near}


def narrow_hall():
    """Visitors behind two gaps of different widths: the narrower one sets the flow."""
    return layout((0, 0, 40, 20), obstacles=[wall("w1", 19, 0, 21, 8), wall("w2", 19, 10.5, 21, 20)],
                  zones=[zone("z", 0, 0, 19, 20, 400)],
                  gates=[gate("e1", (40, 8), (40, 14), "exit"), gate("e2", (40, 1), (40, 3), "exit")])


@pytest.mark.parametrize("case", ["hall", "market"])
def test_maximum_flow_matches_networkx_value_and_cut(case):
    lay = narrow_hall() if case == "hall" else market()
    areas = build_areas(lay)
    visitors = flowmod.visitor_points(lay, areas)
    network = flowmod.build_network(lay, areas, visitors.points)
    exits = [g.id for g in lay.gates if g.is_exit]
    everyone = np.arange(len(visitors.points))
    for chosen in (exits, exits[:1]):
        result = maxflow.max_flow(network, lay, everyone, chosen)
        wanted = {int(t) for t in network.point_node.tolist() if t >= 0}
        value, near = networkx_cut(network, lay, wanted, chosen)
        assert result.persons_per_s == value / maxflow.FLOW_SCALE
        _, near_here = network.residual.run()
        assert {network.residual.nodes[v] for v in np.nonzero(near_here)[0].tolist()} == near
    if case == "hall":
        # The 2.5 m gap passes less than the exits: it is the bottleneck.
        result = maxflow.max_flow(network, lay, everyone, exits)
        assert result.persons_per_s == pytest.approx(2.5 * lay.settings.specific_flow / 60, rel=0.05)
        assert [round(b["width_m"], 2) for b in result.bottlenecks] == [2.5]
