"""What the canvas draws over the plan after an analysis, as plain picklable data.

The analysis worker runs in another process and sends its result back
pickled, so everything here is plain numbers, tuples and numpy arrays, in
metres (x east, y north, as in the layout). The report already holds the
findings, bottlenecks, zone densities and paths; the only new figures are the
walking distance to the nearest exit over a grid of the walkable area and,
from the same search, which exit each grid cell leaves by (its catchment).

The grid search (``exit_search.nearest_exit``) is exact on the router's
visibility graph. The grid has about GRID_CELLS cells, fewer on a large
site, so its cost is bounded; given the analysis' own router
(``analyser_parts``) nothing else is rebuilt, and after an edit only the
cells the edit may have changed are searched again (``GridMemory``).
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass, field

import numpy as np
import shapely

from planner.model.layout import Layout
from planner.solver.exit_search import nearest_exit
from planner.solver.nearest import corner_costs
from planner.solver.nearest_reuse import Answers, nearest_with_reuse
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
MATCH = 0.05              # metres between a finding's location and its passage's middle
CHANGE_MARGIN = 1e-5      # metres round the part of N an edit changed within which no answer is kept


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
    grid_made: bool = False            # the grid was asked for (``grid`` is still None without exits or ground)
    walking_speed: float = 1.2
    min_aisle_width: float = 3.0
    site_bounds: tuple[float, float, float, float] | None = None   # x0, y0, x1, y1: where legends go


def overlay_data(layout: Layout, report: Report, context=None, *, grid: bool = True) -> OverlayData:
    """The overlays for one analysed layout.

    ``context`` may be the analysis' own context (areas, router, exit
    distance fields); without it those are rebuilt from the layout.
    ``grid`` False leaves out the walking-time grid, the costly part, which
    only the heat map and the catchments draw: the editor asks for it while
    one of those layers is shown.
    """
    s = layout.settings
    data = OverlayData(walking_speed=s.walking_speed, min_aisle_width=s.min_aisle_width, grid_made=grid)
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
    if grid and data.exits:
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
    memory: GridMemory | None = None                  # the grid of this analyser's last overlays


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
    parts = AnalysisParts(areas=areas, router=router, memory=_memories.setdefault(analyser, GridMemory()))
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
    Rounded to the micrometre: a booth moved in the open leaves the area the
    same but for the last bits of its sum, and then the cells where they
    were, so the grid's answers can be kept (``GridMemory``).
    """
    if walkable_area <= 0:
        return MIN_CELL
    cells = GRID_CELLS * min(1.0, math.sqrt(LARGE_M2 / walkable_area))
    return round(min(MAX_CELL, max(MIN_CELL, math.sqrt(walkable_area / cells))), 6)


class GridMemory:
    """The last distance grid of one analyser's layout, so the next one is not all searched again.

    An edit that leaves the walkable area and the exits alone (a name, a
    zone's visitors) gets the analysis' very router and distance fields
    again, hence the very same grid. After one that changes them (a booth
    moved), each cell keeps its answer where ``nearest_reuse`` proves the
    edit cannot have changed it, as the analysis does for its visitors: only
    the cells near the change, or whose way out it may have changed, are
    searched again. Cells that stand exactly as near to two exits may come
    out with either (as in a fresh search, where that depends on the order
    of the corners).
    """

    def __init__(self) -> None:
        self.grid_key: tuple | None = None
        self.grid: DistanceGrid | None = None
        self.answers_key: tuple | None = None
        self.answers: Answers | None = None
        self.kept = 0                       # cells whose answer the last grid kept (for tests and benchmarks)

    def same_grid(self, key: tuple) -> DistanceGrid | None:
        """The last grid when ``key`` (areas, router, fields: by identity; exits, cell) is the same."""
        last = self.grid_key
        if last is not None and all(a is b for a, b in zip(key[:3], last[:3])) and key[3:] == last[3:]:
            return self.grid
        return None

    def nearest(self, router: Router, points: np.ndarray, targets: list, fields: dict,
                allowed: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """``nearest_exit`` for ``points``, keeping the last grid's answers where they stand."""
        cost, target = corner_costs(router, fields, allowed)
        now = Answers(router=router, cost=cost, target=target)
        key = (tuple(allowed), tuple(targets))
        old = self.answers if self.answers_key == key else None
        changed = None
        if old is not None and old.router.areas is not router.areas:
            diff = shapely.symmetric_difference(old.router.areas.navigable, router.areas.navigable)
            changed = diff.buffer(CHANGE_MARGIN, quad_segs=1) if not diff.is_empty else diff
            shapely.prepare(changed)
        exits = np.asarray([targets[k] for k in allowed], dtype=float).reshape(-1, 2)

        def compute(pts: np.ndarray, _ties: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            best, which = nearest_exit(router, pts, targets, fields, allowed, (cost, target))
            return best, which, np.full(len(pts), -2)

        best, which, first, self.kept = nearest_with_reuse(old, now, exits, changed, points, {}, compute)
        now.add(points, best, which, first, {})
        self.answers, self.answers_key = now, key
        return best, which


_memories: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()      # analyser → GridMemory


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
    memory: GridMemory | None = getattr(context, "memory", None)
    key = (areas, router, fields, tuple(targets), cell)
    if memory is not None and memory.same_grid(key) is not None:
        return memory.grid
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
        if memory is not None and allowed:
            d, w = memory.nearest(router, points, targets, fields, allowed)
        else:
            d, w = nearest_exit(router, points, targets, fields, allowed)
        distance[inside] = d.astype(np.float32)
        which[inside] = w.astype(np.int16)
    grid = DistanceGrid(x0=float(x0), y0=float(y0), cell=float(cell), distance=distance, exit_index=which)
    if memory is not None:
        memory.grid_key, memory.grid = key, grid
    return grid


__all__ = ["AnalysisParts", "DistanceGrid", "GridMemory", "OverlayData", "analyser_parts", "distance_grid",
           "grid_cell_size", "nearest_exit", "overlay_data"]
