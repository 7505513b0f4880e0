"""Walking paths between every gate and zone and between zones (the report's ``paths``)."""

from __future__ import annotations

import numpy as np

from planner.solver.graph_search import search_many
from planner.solver.routes import Path


def all_paths(ctx, kept: dict[tuple[str, str], dict] | None = None) -> list[dict]:
    """Every gate to every zone, then every zone to every later zone.

    Each pair has a zone in it, so one search from each zone finds them all
    (walking is the same both ways): a gate's route is its zone's route read
    backwards. ``kept`` holds pairs already found (the editor's last run,
    where an edit left them alone): a zone all of whose pairs are kept is
    not searched.
    """
    kept = kept or {}
    layout = ctx.layout
    zones = [z.id for z in layout.zones]
    pairs = [(g.id, z, False) for g in layout.gates for z in zones]          # searched from z
    pairs += [(zones[i], zones[j], True) for i in range(len(zones)) for j in range(i + 1, len(zones))]
    if all((a, b) in kept for a, b, _ in pairs):
        return [kept[(a, b)] for a, b, _ in pairs]
    ends: list[tuple[str, tuple[float, float] | None]] = (
        [(g.id, ctx.gate_points[g.id]) for g in layout.gates] +
        [(z.id, ctx.zone_points[z.id]) for z in layout.zones])
    known = [(name, p) for name, p in ends if p is not None]
    names, extra = ctx.router.links([p for _, p in known])
    node_of = {name: node for (name, _), node in zip(known, names)}
    points = [p for _, p in known]
    speed = layout.settings.walking_speed
    wanted: dict[str, set] = {}
    for a, b, forward in pairs:
        if a in node_of and b in node_of and (a, b) not in kept:
            source, target = (a, b) if forward else (b, a)
            wanted.setdefault(source, set()).add(node_of[target])
    ids = {name: k for k, name in enumerate(ctx.router.search_names(extra))}
    sources = list(wanted)
    found, dist, first = search_many(ctx.router, [node_of[s] for s in sources], extra)
    row_of = {s: k for k, s in enumerate(sources)}
    out = []
    for a, b, forward in pairs:
        if (a, b) in kept:
            out.append(kept[(a, b)])
            continue
        path = None
        if a in node_of and b in node_of:
            source, target = (a, b) if forward else (b, a)
            seen, before = dist[row_of[source]], first[row_of[source]]
            end = ids[node_of[target]]
            if np.isfinite(seen[end]):
                start = ids[node_of[source]]
                route = [end]
                while route[-1] != start:
                    route.append(int(before[route[-1]]))
                if forward:
                    route.reverse()
                path = Path(length=float(seen[end]), polyline=ctx.router.polyline([found[v] for v in route], points))
        out.append(path_json(a, b, path, speed))
    return out


def path_json(a: str, b: str, path: Path | None, speed: float) -> dict:
    if path is None:
        return {"from": a, "to": b, "length_m": None, "time_s": None, "polyline": []}
    return {"from": a, "to": b, "length_m": path.length, "time_s": path.length / speed,
            "polyline": [[x, y] for x, y in path.polyline]}
