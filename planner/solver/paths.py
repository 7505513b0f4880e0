"""Walking paths between every gate and zone and between zones (the report's ``paths``)."""

from __future__ import annotations

from planner.solver.routes import Path


def all_paths(ctx) -> list[dict]:
    layout = ctx.layout
    ends: list[tuple[str, tuple[float, float] | None]] = (
        [(g.id, ctx.gate_points[g.id]) for g in layout.gates] +
        [(z.id, ctx.zone_points[z.id]) for z in layout.zones])
    known = [(name, p) for name, p in ends if p is not None]
    names, extra = ctx.router.links([p for _, p in known])
    node_of = {name: node for (name, _), node in zip(known, names)}
    points = [p for _, p in known]
    speed = layout.settings.walking_speed
    pairs = [(g.id, z.id) for g in layout.gates for z in layout.zones]
    zones = [z.id for z in layout.zones]
    pairs += [(zones[i], zones[j]) for i in range(len(zones)) for j in range(i + 1, len(zones))]
    cache: dict[str, tuple] = {}
    wanted: dict[str, set] = {}
    for a, b in pairs:
        if a in node_of and b in node_of:
            wanted.setdefault(a, set()).add(node_of[b])
    ids = {name: k for k, name in enumerate(ctx.router.search_names(extra))}
    out = []
    for a, b in pairs:
        path = None
        if a in node_of and b in node_of:
            if a not in cache:
                names, seen, first, settled = ctx.router.search(node_of[a], extra, until=wanted[a])
                cache[a] = (names, seen, first, set(settled))
            names, seen, first, settled = cache[a]
            end = ids[node_of[b]]
            if end in settled:
                start = ids[node_of[a]]
                route = [end]
                while route[-1] != start:
                    route.append(first[route[-1]])
                path = Path(length=seen[end], polyline=ctx.router.polyline([names[v] for v in route[::-1]],
                                                                           points))
        out.append(path_json(a, b, path, speed))
    return out


def path_json(a: str, b: str, path: Path | None, speed: float) -> dict:
    if path is None:
        return {"from": a, "to": b, "length_m": None, "time_s": None, "polyline": []}
    return {"from": a, "to": b, "length_m": path.length, "time_s": path.length / speed,
            "polyline": [[x, y] for x, y in path.polyline]}
