"""Walking paths between every gate and zone and between zones (the report's ``paths``)."""

from __future__ import annotations

import networkx as nx

from planner.solver.routes import Path


def all_paths(ctx) -> list[dict]:
    layout = ctx.layout
    ends: list[tuple[str, tuple[float, float] | None]] = (
        [(g.id, ctx.gate_points[g.id]) for g in layout.gates] +
        [(z.id, ctx.zone_points[z.id]) for z in layout.zones])
    known = [(name, p) for name, p in ends if p is not None]
    graph, names = ctx.router.with_points([p for _, p in known])
    node_of = {name: node for (name, _), node in zip(known, names)}
    points = [p for _, p in known]
    speed = layout.settings.walking_speed
    pairs = [(g.id, z.id) for g in layout.gates for z in layout.zones]
    zones = [z.id for z in layout.zones]
    pairs += [(zones[i], zones[j]) for i in range(len(zones)) for j in range(i + 1, len(zones))]
    cache: dict[str, tuple[dict, dict]] = {}
    out = []
    for a, b in pairs:
        path = None
        if a in node_of and b in node_of:
            if a not in cache:
                pred, dist = nx.dijkstra_predecessor_and_distance(graph, node_of[a])
                cache[a] = (pred, dist)
            pred, dist = cache[a]
            end = node_of[b]
            if end in dist:
                route = [end]
                while route[-1] != node_of[a]:
                    route.append(pred[route[-1]][0])
                path = Path(length=dist[end], polyline=ctx.router.polyline(route[::-1], points))
        out.append(path_json(a, b, path, speed))
    return out


def path_json(a: str, b: str, path: Path | None, speed: float) -> dict:
    if path is None:
        return {"from": a, "to": b, "length_m": None, "time_s": None, "polyline": []}
    return {"from": a, "to": b, "length_m": path.length, "time_s": path.length / speed,
            "polyline": [[x, y] for x, y in path.polyline]}
