"""The whole analysis of a layout: areas, paths, egress, density, findings (SPEC §4).

``analyse(layout)`` reads the layout and never changes it; every stage is
timed so the benchmarks can print where the time goes.
"""

from __future__ import annotations

import gc
import math
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.model.layout import Booth, Gate, Layout, Zone
from planner.solver import flow as flowmod
from planner.solver.report import Report
from planner.solver.routes import Router
from planner.solver.walkable import Areas, Passage, build_areas, narrow_passages

ENDPOINT_REACH = 0.6     # metres beyond the body radius a side's middle may be from N
SUBSAMPLES = 3           # per side of a cell on a watershed between exits (5 moves egress times by <1 %)


@dataclass
class Scenario:
    """Egress with one set of open exits."""

    exits: list[str]
    time_s: float | None = None
    walk_s: float | None = None
    flow_s: float | None = None
    max_flow: float = 0.0                      # persons per second
    per_exit: list[dict] = field(default_factory=list)
    bottlenecks: list[dict] = field(default_factory=list)
    stranded_zones: list[str] = field(default_factory=list)
    point_exit: np.ndarray | None = None       # index into the exit list per visitor point, -1 none
    point_time: np.ndarray | None = None
    point_first: np.ndarray | None = None
    ties: dict[int, set[int]] = field(default_factory=dict)   # points exactly as near to several exits
    walkers: tuple | None = None      # what the flows need of the walks, until they are done


@dataclass
class Ends:
    """What the walking paths between gates and zones need (a part of ``Context``)."""

    layout: Layout
    areas: Areas
    router: Router
    gate_points: dict[str, tuple[float, float] | None]
    zone_points: dict[str, tuple[float, float] | None]


@dataclass
class Context:
    layout: Layout
    areas: Areas
    router: Router
    entrance_components: set[int]
    gate_points: dict[str, tuple[float, float] | None]
    zone_points: dict[str, tuple[float, float] | None]
    passages: list[Passage]
    visitors: flowmod.Visitors
    exit_ids: list[str]
    exit_points: list[tuple[float, float]]
    exit_fields: dict
    exit_preds: dict
    network: flowmod.Network | None
    egress: Scenario
    without_largest: Scenario | None
    largest_exit: Gate | None
    densities: dict[str, tuple[float, float]]
    booth_reachable: dict[str, bool]

    def reachable(self, point: tuple[float, float] | None) -> bool:
        if point is None:
            return False
        return self.areas.component_of(point) in self.entrance_components


def gate_endpoint(gate: Gate, areas: Areas, layout: Layout) -> tuple[float, float] | None:
    return areas.nearest_navigable(gate.midpoint, layout.settings.body_radius + 2.0)


def zone_endpoint(zone: Zone, areas: Areas) -> tuple[float, float] | None:
    """The zone's anchor (else its centroid), moved to the nearest point of its part of N."""
    shape = zone.shape()
    part = shape.intersection(areas.navigable) if not areas.navigable.is_empty else shape
    if part.is_empty or part.area <= 0:
        return None
    if zone.anchor is not None:
        anchor = zone.anchor
    else:
        c = shape.centroid
        anchor = (c.x, c.y)
    import shapely
    p = shapely.Point(anchor)
    if part.covers(p) and areas.navigable.covers(p):
        return anchor
    line = shapely.shortest_line(p, part)
    x, y = line.coords[-1]
    return areas.nearest_navigable((x, y), 1e-3) or (x, y)


def booth_side_points(booth: Booth, areas: Areas, layout: Layout) -> list[tuple[float, float] | None]:
    """Middle of each open side (front, left, right, back), moved out to the nearest point of N."""
    limit = layout.settings.body_radius + ENDPOINT_REACH
    out = []
    for side in booth.ordered_open_sides:
        (mx, my), (nx, ny) = booth.side_midpoint(side), booth.side_normal(side)
        probe = (mx + 1e-3 * nx, my + 1e-3 * ny)
        out.append(areas.nearest_navigable(probe, limit))
    return out


def _side_probes(booth: Booth) -> list[tuple[float, float]]:
    out = []
    for side in booth.ordered_open_sides:
        (mx, my), (nx, ny) = booth.side_midpoint(side), booth.side_normal(side)
        out.append((mx + 1e-3 * nx, my + 1e-3 * ny))
    return out


def all_side_points(booths: list[Booth], areas: Areas, layout: Layout) -> list[list[tuple[float, float] | None]]:
    """``booth_side_points`` of many booths: every probe looked up in one call."""
    probes = [_side_probes(b) for b in booths]
    flat = [p for ps in probes for p in ps]
    found = iter(areas.nearest_navigable_many(np.asarray(flat, dtype=float).reshape(-1, 2),
                                              layout.settings.body_radius + ENDPOINT_REACH))
    return [[next(found) for _ in ps] for ps in probes]


def _scenario(ctx_parts: dict, layout: Layout, exits: list[str], base: Scenario | None = None) -> Scenario:
    """Egress with the given exits open: the walks, then the flows."""
    scenario = _walks(ctx_parts, layout, exits, base)
    _flows(ctx_parts, layout, scenario)
    return scenario


def _walks(ctx_parts: dict, layout: Layout, exits: list[str], base: Scenario | None = None) -> Scenario:
    """Each visitor's nearest open exit and walking time, and the shares of watershed cells.

    Needs the router only: the analysis finds the walks while the second thread
    is still making the capacity network that ``_flows`` needs.
    """
    visitors: flowmod.Visitors = ctx_parts["visitors"]
    exit_ids: list[str] = ctx_parts["exit_ids"]
    exit_points = ctx_parts["exit_points"]
    speed = layout.settings.walking_speed
    allowed = [exit_ids.index(e) for e in exits if exit_points[exit_ids.index(e)] is not None]
    scenario = Scenario(exits=list(exits))
    ties: dict[int, set[int]] = {}
    if base is not None and base.point_exit is not None:
        # Only the visitors of the closed exits need a new nearest exit.
        dist = base.point_time * speed
        which, first = base.point_exit.copy(), base.point_first.copy()
        redo = ~np.isin(which, allowed)
        for i, tied in base.ties.items():
            still = tied & set(allowed)
            if len(still) > 1 and not redo[i]:
                ties[i] = still
        if redo.any():
            found: dict[int, set[int]] = {}
            idx = np.nonzero(redo)[0]
            d2, w2, f2 = ctx_parts["nearest"](visitors.points[redo], allowed, found)
            dist[redo], which[redo], first[redo] = d2, w2, f2
            ties.update({int(idx[k]): v for k, v in found.items()})
    else:
        dist, which, first = ctx_parts["nearest"](visitors.points, allowed, ties)
    scenario.ties = ties
    shares = _watershed_shares(ctx_parts, visitors, dist / speed, which, ties, allowed, speed)
    scenario.point_exit, scenario.point_time, scenario.point_first = which, dist / speed, first
    reached = np.isfinite(dist)
    zones = layout.zones
    stranded = sorted({int(z) for z in visitors.zone[~reached]})
    scenario.stranded_zones = [zones[z].id for z in stranded]
    included = reached & ~np.isin(visitors.zone, stranded)
    if not allowed or not included.any():
        return scenario
    index = np.nonzero(included)[0]
    # A point on a watershed between exits sends each its share, at its own walking time.
    rows, exits_of, fractions, walk = [], [], [], []
    for i in index.tolist():
        split = shares.get(i)
        if split:
            for e, fraction, t in split:
                rows.append(i)
                exits_of.append(e)
                fractions.append(fraction)
                walk.append(t)
        else:
            rows.append(i)
            exits_of.append(int(which[i]))
            fractions.append(1.0)
            walk.append(dist[i] / speed)
    rows_a = np.asarray(rows)
    scenario.walkers = (index, np.asarray(walk), visitors.weights[rows_a] * np.asarray(fractions),
                        np.asarray(exits_of), visitors.zone[rows_a], allowed)
    return scenario


def _flows(ctx_parts: dict, layout: Layout, scenario: Scenario) -> None:
    """The maximum flow, the bottlenecks and each exit's queue, from ``_walks``' answers."""
    if scenario.walkers is None:
        return
    index, times, weights, point_exit, zone_of_point, allowed = scenario.walkers
    scenario.walkers = None
    visitors: flowmod.Visitors = ctx_parts["visitors"]
    exit_ids: list[str] = ctx_parts["exit_ids"]
    total = float(weights.sum())
    network = ctx_parts["network"]()
    result = flowmod.max_flow(network, layout, index, [exit_ids[i] for i in allowed])
    scenario.max_flow = result.persons_per_s
    scenario.bottlenecks = result.bottlenecks
    scenario.flow_s = total / result.persons_per_s if result.persons_per_s > 0 else math.inf
    worst = 0.0
    for i in allowed:
        mine = point_exit == i
        if not mine.any():
            scenario.per_exit.append({"gate": exit_ids[i], "visitors": 0.0, "flow_per_min": 0.0,
                                      "time_s": 0.0})
            continue
        zones_here = np.unique(zone_of_point[mine])
        # C_e depends only on the zones and the exit: the same in every scenario.
        key = (tuple(zones_here.tolist()), i)
        cache = ctx_parts.setdefault("exit_capacity", {})
        if key not in cache:
            sources = np.nonzero(np.isin(visitors.zone, zones_here))[0]
            cache[key] = flowmod.max_flow(network, layout, sources, [exit_ids[i]]).persons_per_s
        cap = cache[key]
        t_e = flowmod.queue_time(times[mine], weights[mine], cap)
        worst = max(worst, t_e)
        scenario.per_exit.append({"gate": exit_ids[i], "visitors": float(weights[mine].sum()),
                                  "flow_per_min": cap * 60.0, "time_s": t_e})
    scenario.time_s = max(worst, scenario.flow_s)
    scenario.walk_s = float(times.max())


def _watershed_shares(parts: dict, visitors: flowmod.Visitors, times: np.ndarray, which: np.ndarray,
                      ties: dict[int, set[int]], allowed: list[int],
                      speed: float) -> dict[int, list[tuple[int, float, float]]]:
    """How the visitors of cells that straddle a watershed split between exits.

    A grid point carries its whole cell; where the neighbouring points leave
    by another exit, the cell is sampled more finely and shared by the
    samples' choices, so the answer does not jump when a watershed slides
    past a row of points.
    """
    shares: dict[int, list[tuple[int, float, float]]] = {}
    for i, tied in ties.items():
        if np.isfinite(times[i]):
            shares[i] = [(e, 1.0 / len(tied), float(times[i])) for e in sorted(tied)]
    a, b = parts.setdefault("neighbours", visitors.neighbours())
    if len(a) == 0:
        return shares
    differs = (which[a] != which[b]) & np.isfinite(times[a]) & np.isfinite(times[b])
    border = np.unique(np.concatenate([a[differs], b[differs]]))
    if len(border) == 0:
        return shares
    samples, owner, d, w, sample_ties = _border_samples(parts, visitors, border, allowed)
    # Each sample votes for its exit; a sample on the watershed itself splits its vote.
    votes: dict[int, dict[int, list[float]]] = {}
    for s_idx in np.nonzero(np.isfinite(d))[0].tolist():
        tied = sample_ties.get(s_idx, {int(w[s_idx])})
        for e in tied:
            entry = votes.setdefault(int(owner[s_idx]), {}).setdefault(e, [0.0, 0.0])
            entry[0] += 1.0 / len(tied)
            entry[1] += float(d[s_idx]) / len(tied)
    for k, i in enumerate(border.tolist()):
        mine = votes.get(k)
        if not mine or (len(mine) == 1 and i not in ties):
            continue
        total = sum(v[0] for v in mine.values())
        shares[i] = [(e, v[0] / total, v[1] / v[0] / speed) for e, v in sorted(mine.items())]
    return shares


def _border_samples(parts: dict, visitors: flowmod.Visitors, border: np.ndarray, allowed: list[int]):
    """The samples of the given cells with their nearest allowed exit, distance and ties.

    A cell's samples and their answers with every exit open are kept: with
    some exits closed, only the samples that went to a closed exit look again
    (closing exits never brings another one nearer).
    """
    cache: dict[int, tuple] = parts.setdefault("border_samples", {})
    full = parts.setdefault("all_exits", frozenset(allowed))
    fresh = [int(i) for i in border.tolist() if int(i) not in cache]
    if fresh:
        pts, own = visitors.subsamples(np.asarray(fresh, dtype=int), SUBSAMPLES)
        ties: dict[int, set[int]] = {}
        d, w, _ = parts["nearest"](pts, sorted(full), ties)
        cuts = np.searchsorted(own, np.arange(len(fresh) + 1))
        for k, i in enumerate(fresh):
            lo, hi = int(cuts[k]), int(cuts[k + 1])
            local = {s - lo: t for s, t in ties.items() if lo <= s < hi}
            cache[i] = (pts[lo:hi], d[lo:hi], w[lo:hi], local)
    pieces = [cache[int(i)] for i in border.tolist()]
    sizes = [len(p[0]) for p in pieces]
    owner = np.repeat(np.arange(len(pieces)), sizes)
    if not pieces or sum(sizes) == 0:
        return np.zeros((0, 2)), owner, np.zeros(0), np.zeros(0, dtype=int), {}
    samples = np.concatenate([p[0] for p in pieces])
    d = np.concatenate([p[1] for p in pieces]).copy()
    w = np.concatenate([p[2] for p in pieces]).copy()
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    sample_ties: dict[int, set[int]] = {}
    for k, p in enumerate(pieces):
        for s, t in p[3].items():
            sample_ties[int(offsets[k]) + s] = t
    if set(allowed) != full:
        keep = set(allowed)
        redo = np.isfinite(d) & ~np.isin(w, allowed)
        narrowed: dict[int, set[int]] = {}
        for s, t in sample_ties.items():
            still = t & keep
            if len(still) > 1 and not redo[s]:
                narrowed[s] = still
        sample_ties = narrowed
        if redo.any():
            idx = np.nonzero(redo)[0]
            found: dict[int, set[int]] = {}
            d2, w2, _ = parts["nearest"](samples[redo], allowed, found)
            d[redo], w[redo] = d2, w2
            sample_ties.update({int(idx[k]): v for k, v in found.items()})
    return samples, owner, d, w, sample_ties


class Stages:
    """How the analysis gets each costly piece of its work, from scratch.

    ``incremental.Analyser`` overrides these to reuse what its previous run
    made from the same geometry; every method must return exactly what the
    plain one here would.
    """

    def areas(self, layout: Layout) -> Areas:
        return build_areas(layout)

    def passages(self, areas: Areas, layout: Layout) -> list[Passage]:
        return narrow_passages(areas, layout)

    def router(self, areas: Areas) -> Router:
        return Router(areas)

    def side_points(self, booth: Booth, areas: Areas, layout: Layout) -> list[tuple[float, float] | None]:
        return booth_side_points(booth, areas, layout)

    def all_side_points(self, booths: list[Booth], areas: Areas,
                        layout: Layout) -> list[list[tuple[float, float] | None]]:
        """``booth_side_points`` of every booth, in one pass."""
        return all_side_points(booths, areas, layout)

    def network(self, layout: Layout, areas: Areas, points: np.ndarray) -> flowmod.Network:
        return flowmod.build_network(layout, areas, points)

    def distance_field(self, router: Router, targets: list[tuple[float, float]]):
        return router.distance_field(targets)

    def nearest(self, router: Router, points: np.ndarray, targets: list, fields: dict, allowed: list[int],
                ties: dict[int, set[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each point's nearest allowed exit on foot (``Router.nearest_target``)."""
        return router.nearest_target(points, targets, fields, allowed, ties)

    def beside_jobs(self, layout: Layout, areas: Areas, points: np.ndarray, any_exit: bool) -> tuple[Any, Any]:
        """The capacity network and the narrow passages, begun beside this thread: two
        futures (``result()`` gives each). Here, the second thread's tasks in turn."""
        return (_pool().submit(_network, self, layout, areas, points, any_exit),
                _pool().submit(_passages, self, layout, areas))

    def paths(self, ctx: Ends | Context) -> list[dict]:
        """The walking paths between every gate and zone and between zones."""
        from planner.solver.paths import all_paths

        return all_paths(ctx)


_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="analysis")
    return _POOL


def _forget_pool() -> None:
    """A forked child has none of its parent's threads: it starts a pool of its own."""
    global _POOL
    _POOL = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def _network(stages: Stages, layout: Layout, areas: Areas, points: np.ndarray,
             any_exit: bool) -> flowmod.Network | None:
    """The second thread's first task: the capacity network (the egress flows wait for it)."""
    return stages.network(layout, areas, points) if any_exit else None


def _passages(stages: Stages, layout: Layout, areas: Areas) -> list[Passage]:
    """The second thread's next task: the narrow passages (only the rules need them)."""
    return stages.passages(areas, layout)


def analyse(layout: Layout) -> Report:
    """The whole analysis of ``layout`` from scratch (SPEC §4)."""
    return run(layout, Stages())


def run(layout: Layout, stages: Stages) -> Report:
    """The analysis, each costly piece obtained through ``stages``.

    Python's cycle collector is paused meanwhile: the analysis makes millions
    of small objects but hardly any cycles, and the collector's passes over an
    ever larger heap cost time that grows faster than the layout (7 % of a
    5,000-booth analysis); what cycles there are go at its next pass.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(layout, stages)
    finally:
        if collecting:
            gc.enable()


def _run(layout: Layout, stages: Stages) -> Report:
    from planner.solver.rules import RULES, aisle_too_narrow, run_rules, sort_findings, summary

    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    areas = stages.areas(layout)
    visitors = flowmod.visitor_points(layout, areas)
    exit_gates = [g for g in layout.gates if g.is_exit]
    # The capacity network and the narrow passages need only W: a second thread builds
    # them, the network first (the egress flows wait for it), while this one builds the
    # router and finds the nearest exits (GEOS lets go of Python's lock, so on two cores
    # the two mostly overlap). Nothing else reads W until both are done.
    network_job, passages_job = stages.beside_jobs(layout, areas, visitors.points, bool(exit_gates))
    lap("areas")
    router = stages.router(areas)
    lap("graph")
    gate_points = {g.id: gate_endpoint(g, areas, layout) for g in layout.gates}
    zone_points = {z.id: zone_endpoint(z, areas) for z in layout.zones}
    entrance_components = {areas.component_of(gate_points[g.id]) for g in layout.gates
                           if g.is_entrance and gate_points[g.id] is not None} - {None}
    exit_ids = [g.id for g in exit_gates]
    exit_points = [gate_points[g.id] for g in exit_gates]
    usable = [p for p in exit_points if p is not None]
    graph, names, fields, preds = stages.distance_field(
        router, [p if p is not None else (math.nan, math.nan) for p in exit_points]) if usable \
        else (None, [], {}, {})
    lap("paths")
    parts = {"router": router, "visitors": visitors, "exit_ids": exit_ids, "exit_points": exit_points,
             "exit_fields": fields, "network": network_job.result,
             "nearest": lambda points, allowed, ties: stages.nearest(router, points, exit_points, fields,
                                                                    allowed, ties)}
    # The walks first and the flows last: the capacity network is made meanwhile.
    egress = _walks(parts, layout, exit_ids) if exit_gates else Scenario(exits=[])
    largest = flowmod.widest_exit(layout.gates)
    without = None
    if largest is not None:
        without = _walks(parts, layout, [e for e in exit_ids if e != largest.id], base=egress)
    lap("walks")
    paths = stages.paths(Ends(layout, areas, router, gate_points, zone_points))
    lap("routes")
    for scenario in (egress, without):
        if scenario is not None:
            _flows(parts, layout, scenario)
    network = network_job.result()
    # A second thread reads W for the passages meanwhile: wait for it before reading W here.
    # A second process has a copy of its own: the rules that need no passages go first.
    apart = getattr(passages_job, "apart", False)
    passages = None if apart else passages_job.result()
    lap("flow")
    densities = {z.id: flowmod.zone_density(z, areas) for z in layout.zones}
    booth_reachable = {}
    sides_of = stages.all_side_points(layout.booths, areas, layout)
    flat = [p for sides in sides_of for p in sides]
    comps = iter(areas.components_of(flat))
    for booth, sides in zip(layout.booths, sides_of):
        found = [next(comps) for _ in sides]
        booth_reachable[booth.id] = any(c in entrance_components for c, p in zip(found, sides) if p is not None)
    ctx = Context(layout=layout, areas=areas, router=router, entrance_components=entrance_components,
                  gate_points=gate_points, zone_points=zone_points, passages=passages or [], visitors=visitors,
                  exit_ids=exit_ids, exit_points=exit_points, exit_fields=fields, exit_preds=preds,
                  network=network, egress=egress, without_largest=without, largest_exit=largest,
                  densities=densities, booth_reachable=booth_reachable)
    if passages is None:
        findings = run_rules(ctx, [rule for rule in RULES if rule is not aisle_too_narrow])
        ctx.passages = passages_job.result()
        findings = sort_findings(findings + aisle_too_narrow(ctx))
    else:
        findings = run_rules(ctx)
    lap("rules")
    report = Report(layout=layout.name, summary={}, findings=findings, paths=paths,
                    egress=_egress_json(ctx), zones=_zones_json(ctx), timings=timings,
                    free_flow_estimate=bool(layout.booths))
    report.summary = summary(ctx, report)
    timings["total"] = sum(timings.values())
    return report


def _egress_json(ctx: Context) -> dict:
    e = ctx.egress
    out = {
        "time_s": e.time_s, "walk_s": e.walk_s, "flow_s": e.flow_s,
        "max_flow_per_min": e.max_flow * 60.0,
        "exits": e.per_exit,
        "bottlenecks": e.bottlenecks,
        "without_largest_exit": None,
    }
    if ctx.largest_exit is not None and ctx.without_largest is not None:
        w = ctx.without_largest
        out["without_largest_exit"] = {
            "gate": ctx.largest_exit.id,
            "time_s": None if set(w.stranded_zones) - set(e.stranded_zones) or not w.exits else w.time_s,
        }
    return out


def _zones_json(ctx: Context) -> list[dict]:
    out = []
    for zone in ctx.layout.zones:
        area, density = ctx.densities[zone.id]
        out.append({"id": zone.id, "name": zone.name, "walkable_m2": area, "peak_visitors": zone.peak_visitors,
                    "density": density, "los": flowmod.level_of_service(density)})
    return out
