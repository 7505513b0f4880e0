"""What the canvas draws over the plan after an analysis, as plain picklable data.

The analysis worker runs in another process and sends its result back
pickled, so everything here is plain numbers, tuples and numpy arrays, in
metres (x east, y north, as in the layout). The report already holds the
findings, bottlenecks, zone densities and paths; the only new figures are the
walking distance to the nearest exit over a grid of the walkable area and,
from the same search, which exit each grid cell leaves by (its catchment).

The grid search is exact on the router's visibility graph: a cell's distance
is the smallest (straight leg to a corner it sees and grazes) + (that
corner's distance to an exit). Only the few cheapest candidates per cell are
tested for sight (a partial sort, not a full one), and on a large grid each
tile of cells only weighs the candidates a bound from its middle cell leaves
in play (``_by_tiles``). The grid has about GRID_CELLS cells, fewer on a
large site, so its cost is bounded; given the
analysis' own router (``analyser_parts``) nothing else is rebuilt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely

from planner.model.layout import Layout
from planner.solver.report import Report
from planner.solver.routes import Router
from planner.solver.walkable import Areas, build_areas, narrow_passages

Point2 = tuple[float, float]
Segment = tuple[Point2, Point2]

GRID_CELLS = 8_000        # grid cells over the walkable area, about (finer grids cost time, not accuracy)
LARGE_M2 = 20_000.0       # walkable m² beyond which the cell count grows only with the square root of
                          # the area: a large plan is seen zoomed out, where finer cells would not show
MIN_CELL = 0.5            # metres: the finest grid, for small sites
MAX_CELL = 10.0
CANDIDATES = 8            # cheapest candidates per cell tested for sight before the full search
BLOCK = 1000              # grid cells per vectorised block
TILED_FROM = 400          # points from which the search goes tile by tile (see _by_tiles)
TILE_POINTS = 64          # points per tile, about
MATCH = 0.05              # metres between a finding's location and its passage's middle


@dataclass
class NarrowAisle:
    """A narrow aisle at its narrowest point: the segment across it and its clear width."""

    location: Point2
    width: float
    limit: float
    segment: Segment | None = None     # None when only the finding's point is known
    objects: tuple[str, ...] = ()


@dataclass
class CrossSection:
    """One cross-section of the egress bottleneck (a chain of chords, or an exit gate)."""

    segment: Segment
    width: float
    flow_per_min: float                # persons per minute it passes when saturated
    gate: str | None = None


@dataclass
class ZoneShade:
    id: str
    name: str
    rings: list[list[Point2]]          # outside first, then holes
    density: float                     # persons per m² of walkable area (inf when none)
    los: str                           # Fruin's walkway level of service, A–F
    walkable_m2: float
    peak_visitors: float


@dataclass
class ExitInfo:
    id: str
    name: str
    segment: Segment
    visitors: float | None = None      # persons leaving by it in the egress scenario
    time_s: float | None = None


@dataclass
class RouteLine:
    start: str                         # ids of the gate or zone at each end
    end: str
    polyline: list[Point2]
    length_m: float | None
    time_s: float | None
    start_name: str = ""               # their names, for labels
    end_name: str = ""


@dataclass
class DistanceGrid:
    """Walking distance to the nearest exit on a regular grid.

    Cell (row, col) has its centre at (x0 + (col + ½)·cell, y0 + (row + ½)·cell):
    row 0 is the southernmost. ``distance`` is NaN off walkable ground and inf
    where no exit can be reached; ``exit_index`` indexes ``OverlayData.exits``
    (-1 where none).
    """

    x0: float
    y0: float
    cell: float
    distance: np.ndarray               # (rows, cols) float32, metres
    exit_index: np.ndarray             # (rows, cols) int16

    @property
    def shape(self) -> tuple[int, int]:
        return self.distance.shape

    def centre(self, row: int, col: int) -> Point2:
        return (self.x0 + (col + 0.5) * self.cell, self.y0 + (row + 0.5) * self.cell)

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        col = math.floor((x - self.x0) / self.cell)
        row = math.floor((y - self.y0) / self.cell)
        rows, cols = self.distance.shape
        if 0 <= row < rows and 0 <= col < cols:
            return row, col
        return None


@dataclass
class OverlayData:
    narrow_aisles: list[NarrowAisle] = field(default_factory=list)
    bottlenecks: list[CrossSection] = field(default_factory=list)
    zones: list[ZoneShade] = field(default_factory=list)
    exits: list[ExitInfo] = field(default_factory=list)
    paths: list[RouteLine] = field(default_factory=list)
    grid: DistanceGrid | None = None
    walking_speed: float = 1.2
    min_aisle_width: float = 3.0
    site_bounds: tuple[float, float, float, float] | None = None   # x0, y0, x1, y1: where legends go


def overlay_data(layout: Layout, report: Report, context=None) -> OverlayData:
    """The overlays for one analysed layout.

    ``context`` may be the analysis' own context (areas, router, exit
    distance fields); without it those are rebuilt from the layout.
    """
    s = layout.settings
    data = OverlayData(walking_speed=s.walking_speed, min_aisle_width=s.min_aisle_width)
    site = layout.site.shape()
    if not site.is_empty:
        data.site_bounds = tuple(float(v) for v in site.bounds)
    areas: Areas | None = getattr(context, "areas", None)
    narrow = [f for f in report.findings if f.rule == "aisle-too-narrow"]
    if narrow:
        areas = areas or build_areas(layout)
        passages = getattr(context, "passages", None)
        if passages is None:
            passages = narrow_passages(areas, layout)
        data.narrow_aisles = _narrow_aisles(narrow, passages)
    data.bottlenecks = _bottlenecks(report, s.specific_flow)
    data.zones = _zones(layout, report)
    data.exits = _exits(layout, report)
    names = {o.id: o.name for o in (*layout.gates, *layout.zones) if o.name}
    data.paths = [_route(p, names) for p in report.paths]
    if data.exits:
        areas = areas or build_areas(layout)
        router = getattr(context, "router", None) or Router(areas)
        data.grid = distance_grid(layout, areas, router, context)
    return data


@dataclass
class AnalysisParts:
    """What the analysis already built for this layout, so the overlays need not build it again."""

    areas: Areas | None = None
    router: Router | None = None
    passages: list | None = None
    exit_points: list[Point2 | None] | None = None    # per exit gate, in layout order
    exit_fields: dict | None = None


def analyser_parts(analyser) -> AnalysisParts | None:
    """The pieces an ``incremental.Analyser`` kept from its last run (None when it has none).

    The live analysis calls ``overlay_data(layout, report, analyser_parts(analyser))`` right after
    ``analyser.analyse(layout)``, so the router (the costly part) is shared, not rebuilt.
    """
    last = getattr(analyser, "_last", None)
    if not isinstance(last, dict) or "areas" not in last or "router" not in last:
        return None
    areas, (built_on, router) = last["areas"][1], last["router"]
    if built_on is not areas:
        return None
    parts = AnalysisParts(areas=areas, router=router)
    passages = last.get("passages")
    if passages is not None and passages[1] is areas:
        parts.passages = passages[2]
    fields = last.get("fields")
    if fields is not None and fields[1] is router:
        parts.exit_points = [None if any(math.isnan(c) for c in p) else (float(p[0]), float(p[1]))
                             for p in fields[0]]
        parts.exit_fields = fields[2][2]
    return parts


# -- from the report ---------------------------------------------------------------------

def _narrow_aisles(findings, passages) -> list[NarrowAisle]:
    out = []
    for f in findings:
        seg = None
        if f.location is not None:
            near = [p for p in passages if math.dist(p.location, f.location) <= MATCH]
            if near:
                seg = min(near, key=lambda p: math.dist(p.location, f.location)).segment
                seg = (tuple(map(float, seg[0])), tuple(map(float, seg[1])))
        where = f.location if f.location is not None else (seg[0] if seg else (math.nan, math.nan))
        out.append(NarrowAisle(location=(float(where[0]), float(where[1])), width=float(f.value or 0.0),
                               limit=float(f.limit or 0.0), segment=seg, objects=tuple(f.objects)))
    return out


def _bottlenecks(report: Report, specific_flow: float) -> list[CrossSection]:
    out = []
    for b in report.egress.get("bottlenecks") or []:
        (ax, ay), (bx, by) = b["segment"]
        width = float(b["width_m"])
        out.append(CrossSection(segment=((float(ax), float(ay)), (float(bx), float(by))), width=width,
                                flow_per_min=width * specific_flow, gate=b.get("gate")))
    return out


def _zones(layout: Layout, report: Report) -> list[ZoneShade]:
    rows = {z["id"]: z for z in report.zones}
    out = []
    for zone in layout.zones:
        row = rows.get(zone.id)
        if row is None:
            continue
        density = row.get("density")
        out.append(ZoneShade(id=zone.id, name=zone.name,
                             rings=[[(float(x), float(y)) for x, y in ring] for ring in zone.polygon],
                             density=math.inf if density is None else float(density), los=str(row.get("los", "")),
                             walkable_m2=float(row.get("walkable_m2") or 0.0),
                             peak_visitors=float(row.get("peak_visitors") or 0.0)))
    return out


def _exits(layout: Layout, report: Report) -> list[ExitInfo]:
    per_exit = {e["gate"]: e for e in report.egress.get("exits") or []}
    out = []
    for gate in layout.gates:
        if not gate.is_exit:
            continue
        row = per_exit.get(gate.id, {})
        out.append(ExitInfo(id=gate.id, name=gate.name,
                            segment=((float(gate.a[0]), float(gate.a[1])), (float(gate.b[0]), float(gate.b[1]))),
                            visitors=row.get("visitors"), time_s=row.get("time_s")))
    return out


def _route(p: dict, names: dict[str, str]) -> RouteLine:
    return RouteLine(start=p["from"], end=p["to"], polyline=[(float(x), float(y)) for x, y in p.get("polyline") or []],
                     length_m=p.get("length_m"), time_s=p.get("time_s"),
                     start_name=names.get(p["from"], p["from"]), end_name=names.get(p["to"], p["to"]))


# -- walking distance to the nearest exit ------------------------------------------------------

def grid_cell_size(walkable_area: float) -> float:
    """About GRID_CELLS cells over the walkable area (fewer on a large plan), MIN_CELL to MAX_CELL metres.

    Up to LARGE_M2 the cells are as many as GRID_CELLS; beyond, their count
    shrinks as sqrt(LARGE_M2 / area), so the search (the overlays' main cost,
    proportional to the cells) stays short while the editor waits for it.
    """
    if walkable_area <= 0:
        return MIN_CELL
    cells = GRID_CELLS * min(1.0, math.sqrt(LARGE_M2 / walkable_area))
    return min(MAX_CELL, max(MIN_CELL, math.sqrt(walkable_area / cells)))


def distance_grid(layout: Layout, areas: Areas, router: Router, context=None,
                  cell: float | None = None) -> DistanceGrid | None:
    from planner.solver.analysis import gate_endpoint

    if areas.walkable.is_empty:
        return None
    exits = [g for g in layout.gates if g.is_exit]
    if context is not None and getattr(context, "exit_fields", None) is not None \
            and len(context.exit_points) == len(exits):
        targets, fields = list(context.exit_points), context.exit_fields
    else:
        targets = [gate_endpoint(g, areas, layout) for g in exits]
        usable = [p if p is not None else (math.nan, math.nan) for p in targets]
        fields = router.distance_field(usable)[2] if any(p is not None for p in targets) else {}
    cell = cell or grid_cell_size(areas.walkable.area)
    x0, y0, x1, y1 = areas.walkable.bounds
    cols, rows = max(1, math.ceil((x1 - x0) / cell)), max(1, math.ceil((y1 - y0) / cell))
    xs = x0 + (np.arange(cols) + 0.5) * cell
    ys = y0 + (np.arange(rows) + 0.5) * cell
    gx, gy = np.meshgrid(xs, ys)
    distance = np.full(gx.shape, np.nan, dtype=np.float32)
    which = np.full(gx.shape, -1, dtype=np.int16)
    inside = shapely.contains_xy(areas.navigable, gx, gy) if not areas.navigable.is_empty \
        else np.zeros(gx.shape, bool)
    if inside.any():
        points = np.column_stack([gx[inside], gy[inside]])
        allowed = [k for k, p in enumerate(targets) if p is not None]
        d, w = nearest_exit(router, points, targets, fields, allowed)
        distance[inside] = d.astype(np.float32)
        which[inside] = w.astype(np.int16)
    return DistanceGrid(x0=float(x0), y0=float(y0), cell=float(cell), distance=distance, exit_index=which)


def _components(areas: Areas, points: np.ndarray, on_edge: bool = False) -> np.ndarray:
    """The part of N holding each point (-1 when none does); ``on_edge`` counts N's edge as in."""
    out = np.full(len(points), -1)
    if not areas.components or len(points) == 0:
        return out
    if len(areas.components) == 1 and not on_edge:
        out[shapely.contains_xy(areas.components[0], points[:, 0], points[:, 1])] = 0
        return out
    tree = shapely.STRtree(areas.components)
    if on_edge:
        p_idx, c_idx = tree.query(shapely.points(points), predicate="dwithin", distance=1e-6)
    else:
        p_idx, c_idx = tree.query(shapely.points(points), predicate="intersects")
    out[p_idx] = c_idx
    return out


def nearest_exit(router: Router, points: np.ndarray, targets: list[Point2 | None], fields: dict,
                 allowed: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Walking distance from each point to the nearest allowed target, and which target.

    Same answer as ``Router.nearest_target``: every candidate (a corner the
    leg grazes, or the exit itself) a point sees gives a real path, leg plus
    the corner's distance to its exit, and the true shortest path's first
    corner is among them, so the cheapest candidate seen is exact. The
    cheapest few are found by a partial sort and tested first, then a few
    times as many for the points that saw none.
    """
    m = len(points)
    best = np.full(m, np.inf)
    which = np.full(m, -1)
    if m == 0 or not allowed:
        return best, which
    areas = router.areas
    n = len(router.nodes)
    node_cost = np.full(n, np.inf)
    node_target = np.full(n, -1)
    for k in allowed:
        dist = fields.get(k, {})
        d = np.fromiter((dist.get(i, np.inf) for i in range(n)), float, n)
        better = d < node_cost
        node_cost[better] = d[better]
        node_target[better] = k
    tpts = np.asarray([targets[k] for k in allowed], dtype=float)
    tcomp = _components(areas, tpts, on_edge=True)
    live = np.isfinite(node_cost)
    cand = np.concatenate([router.nodes[live], tpts])
    cost = np.concatenate([node_cost[live], np.zeros(len(allowed))])
    target = np.concatenate([node_target[live], np.asarray(allowed)])
    comp = np.concatenate([router.component[live], tcomp])
    pcomp = _components(areas, points)
    reached = set(tcomp[tcomp >= 0].tolist())
    todo = np.nonzero(np.isin(pcomp, list(reached)))[0]
    if len(cand) == 0 or len(todo) == 0:
        return best, which
    several = len(set(comp.tolist()) | set(pcomp[todo].tolist())) > 1
    corners = int(live.sum())                # the first candidates; the exits follow
    ci = np.nonzero(live)[0]
    to_prev, to_next = np.zeros_like(cand), np.zeros_like(cand)
    to_prev[:corners] = router.prev[ci] - router.nodes[ci]
    to_next[:corners] = router.next[ci] - router.nodes[ci]
    cands = _Candidates(cand, cost, target, comp, to_prev, to_next, corners, several)
    rest = _by_tiles(router, points, pcomp, todo, cands, best, which) if len(todo) >= TILED_FROM else todo
    everything = np.arange(len(cand))
    for start in range(0, len(rest), BLOCK):
        rows = rest[start:start + BLOCK]
        _search(router, points, pcomp, rows, cands, everything, best, which)
    return best, which


@dataclass
class _Candidates:
    """Where a path may turn first: the corners (first ``corners`` rows), then the exits themselves."""

    at: np.ndarray                 # (n, 2); then the walking distance from there to its exit, which exit,
    cost: np.ndarray               # and the part of the walkable area it lies in
    target: np.ndarray
    comp: np.ndarray
    to_prev: np.ndarray            # a corner's neighbours along its outline, relative to it
    to_next: np.ndarray
    corners: int
    several: bool                  # the walkable area has several parts


def _by_tiles(router: Router, points: np.ndarray, pcomp: np.ndarray, todo: np.ndarray, cands: _Candidates,
              best: np.ndarray, which: np.ndarray) -> np.ndarray:
    """Most points searched among few candidates, tile by tile; returns the points left for the full search.

    Each square tile's point nearest its middle (the seed) is solved first. A
    point that sees its seed walks at most (leg to the seed) + (the seed's
    distance); the largest such bound over the tile rules out every candidate
    whose distance plus its distance to the tile is larger, since no path
    through it could be the shortest. The answer is the same, exactly; points
    that do not see their seed are left to the full search.
    """
    pts = points[todo]
    lo = pts.min(axis=0)
    span = np.maximum(pts.max(axis=0) - lo, 1e-9)
    side = math.sqrt(float(span[0] * span[1]) / len(todo) * TILE_POINTS)
    key = np.floor((pts - lo) / side).astype(np.int64)
    tile = key[:, 0] * (int(key[:, 1].max()) + 1) + key[:, 1]
    order = np.argsort(tile, kind="stable")
    _, starts = np.unique(tile[order], return_index=True)
    groups = np.split(order, starts[1:])
    seeds = np.array([g[np.argmin(((pts[g] - pts[g].mean(axis=0)) ** 2).sum(axis=1))] for g in groups])
    for start in range(0, len(seeds), BLOCK):
        _search(router, points, pcomp, todo[seeds[start:start + BLOCK]], cands, np.arange(len(cands.at)), best, which)
    seed_of = np.repeat(seeds, [len(g) for g in groups])[np.argsort(np.concatenate(groups))]
    seed_best = best[todo[seed_of]]
    ask = np.nonzero(np.isfinite(seed_best) & (pcomp[todo] == pcomp[todo[seed_of]]))[0]
    seen = np.zeros(len(todo), dtype=bool)
    seen[ask] = router.visible(pts[ask], pts[seed_of[ask]])
    upper = np.full(len(todo), np.inf)
    upper[seen] = seed_best[seen] + np.hypot(*(pts[seen] - pts[seed_of[seen]]).T)
    left = []
    for g, seed in zip(groups, seeds):
        g = g[g != seed]
        bounded = np.isfinite(upper[g])
        left.append(g[~bounded])
        g = g[bounded]
        if not len(g):
            continue
        (x0, y0), (x1, y1) = pts[g].min(axis=0), pts[g].max(axis=0)
        gap_x = np.maximum(0.0, np.maximum(x0 - cands.at[:, 0], cands.at[:, 0] - x1))
        gap_y = np.maximum(0.0, np.maximum(y0 - cands.at[:, 1], cands.at[:, 1] - y1))
        keep = np.nonzero(cands.cost + np.hypot(gap_x, gap_y) <= upper[g].max() + 1e-9)[0]
        _search(router, points, pcomp, todo[g], cands, keep, best, which)
    return todo[np.concatenate(left)] if left else todo[:0]


def _search(router: Router, points: np.ndarray, pcomp: np.ndarray, rows: np.ndarray, cands: _Candidates,
            cols: np.ndarray, best: np.ndarray, which: np.ndarray) -> None:
    """The cheapest candidate among ``cols`` (ascending) that each point of ``rows`` sees: into best/which."""
    if len(rows) == 0 or len(cols) == 0:
        return
    block = points[rows]
    cand = cands.at[cols]
    corners = int(np.searchsorted(cols, cands.corners))
    # One difference array per axis serves the leg lengths and the grazing test alike.
    dx = block[:, 0, None] - cand[None, :, 0]
    dy = block[:, 1, None] - cand[None, :, 1]
    total = np.hypot(dx, dy)
    total += cands.cost[cols][None, :]
    if cands.several:
        total[pcomp[rows][:, None] != cands.comp[cols][None, :]] = np.inf
    # A leg that would turn into a corner's wall is never the cheapest: leave those corners
    # out, so fewer candidates are tested for sight (the leg grazes when both of the
    # corner's neighbours lie on one side of it).
    to_prev, to_next = cands.to_prev[cols[:corners]], cands.to_next[cols[:corners]]
    cx, cy = dx[:, :corners], dy[:, :corners]
    side_prev = cx * to_prev[None, :, 1]
    side_prev -= cy * to_prev[None, :, 0]
    side_next = cx * to_next[None, :, 1]
    side_next -= cy * to_next[None, :, 0]
    side_prev *= side_next
    total[:, :corners][side_prev < -1e-12] = np.inf
    del dx, dy, cx, cy, side_prev, side_next
    target = cands.target[cols]
    pending = np.arange(len(rows))
    done = 0
    k = CANDIDATES
    while len(pending) and done < total.shape[1]:
        # The next cheapest candidates of the points still looking, by a partial sort.
        k = min(k, total.shape[1])
        sub_total = total[pending]
        top = np.argpartition(sub_total, k - 1, axis=1)[:, :k] if k < total.shape[1] else \
            np.tile(np.arange(total.shape[1]), (len(pending), 1))
        top_cost = np.take_along_axis(sub_total, top, axis=1)
        order = np.argsort(top_cost, axis=1)[:, done:]
        top = np.take_along_axis(top, order, axis=1)
        top_cost = np.take_along_axis(top_cost, order, axis=1)
        local = np.arange(len(pending))
        for r in range(top.shape[1]):
            local = local[np.isfinite(top_cost[local, r])]
            if not len(local):
                break
            c = top[local, r]
            seen = router.visible(block[pending[local]], cand[c])
            hit = pending[local[seen]]
            best[rows[hit]] = top_cost[local[seen], r]
            which[rows[hit]] = target[c[seen]]
            local = local[~seen]
        pending = pending[local]
        done, k = k, k * 4
