"""The rules of SPEC §4: one small function each, returning findings."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable

import numpy as np
import shapely
from shapely.geometry import Point

from planner.i18n import format_list, format_number, ntr, tr
from planner.model.geometry import OVERLAP_AREA, is_simple
from planner.solver import flow as flowmod
from planner.solver.aisle_groups import group_chords
from planner.solver.arrays import unique_sorted
from planner.solver.report import SEVERITY_ORDER, Finding

GATE_TOLERANCE = 0.5      # metres a gate may lie off the site boundary
MIN_EXIT_WIDTH = 1.05     # metres: the narrowest exit the UK open-air fire-safety guide accepts
NAMED_WITHIN = 0.06      # metres: an aisle's end this close to a booth is on that booth
SHRINK = 1e-5            # metres: shapes that only touch are told from those that overlap


def m(value: float, decimals: int = 1) -> str:
    return format_number(value, decimals)


def duration(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds):
        return tr("forever")
    total = int(round(seconds))
    minutes, secs = divmod(total, 60)
    if minutes == 0:
        return tr("{seconds} s", seconds=secs)
    return tr("{minutes} min {seconds} s", minutes=minutes, seconds=secs)


def booth_name(booth) -> str:
    return booth.number or booth.id


# A name that already says it is a zone ("Zone 1", "Food zone", 展区 1): messages leave the word out.
_SAYS_ZONE = re.compile(r"(?<![a-z])zones?(?![a-z])|展区", re.IGNORECASE)


def says_zone(name: str) -> bool:
    """Whether a zone's name already calls it a zone, so "zone" before it would read twice."""
    return bool(_SAYS_ZONE.search(name))


def zone_name(zone, start: bool = False) -> str:
    """A zone as messages name it: its name in quotes, after the word "zone" unless the name says it.

    So a default name reads “Zone 1” (not "Zone Zone 1") and a themed one
    zone “Anime · 动漫”, in every language. ``start``: the words open a sentence.
    """
    name = zone.name or zone.id
    if says_zone(name):
        return tr("“{name}”", name=name)
    return tr("Zone “{name}”", name=name) if start else tr("zone “{name}”", name=name)


def gate_name(gate) -> str:
    return gate.name or gate.id


def _centre(geom) -> tuple[float, float]:
    p = geom.representative_point() if geom.geom_type != "Point" else geom
    return (p.x, p.y)


# -- geometry of booths, zones and gates ---------------------------------------------

def _overlaps(shapes: list):
    """Index pairs (a < b) of shapes sharing more than OVERLAP_AREA, with what they share."""
    if len(shapes) < 2:
        return
    # Shapes that only touch (booths in a row) share no area: shrunk by a hair they no
    # longer meet, so only the pairs that still do are intersected. A shared sliver thinner
    # than twice the hair holds more than OVERLAP_AREA only if it is over 500 m long.
    arr = np.asarray(shapes, dtype=object)
    shrunk = shapely.buffer(arr, -SHRINK, join_style="mitre")
    tree = shapely.STRtree(shrunk)
    a_idx, b_idx = tree.query(shrunk, predicate="intersects")
    keep = a_idx < b_idx
    a_idx, b_idx = a_idx[keep], b_idx[keep]
    if not len(a_idx):
        return
    shared = shapely.intersection(arr[a_idx], arr[b_idx])
    big = shapely.area(shared) > OVERLAP_AREA
    for a, b, part in zip(a_idx[big].tolist(), b_idx[big].tolist(), shared[big].tolist()):
        yield a, b, part


def booth_overlap(ctx) -> list[Finding]:
    booths = ctx.layout.booths
    return [Finding("booth-overlap", "error",
                    tr("Booths {a} and {b} overlap by {area} m².", a=booth_name(booths[a]),
                       b=booth_name(booths[b]), area=m(shared.area, 2)),
                    _centre(shared), [booths[a].id, booths[b].id], shared.area, OVERLAP_AREA)
            for a, b, shared in _overlaps(ctx.areas.booth_shapes)]


def booth_outside_site(ctx) -> list[Finding]:
    out = []
    site, obstacles = ctx.areas.site, ctx.areas.obstacles
    shapes = np.asarray(ctx.areas.booth_shapes, dtype=object)
    if not len(shapes):
        return out
    # One call over every booth instead of one per booth, and only for the booths not
    # plainly inside the site, or touching an obstacle (prepared tests, far cheaper).
    shapely.prepare(site)
    outsides = np.zeros(len(shapes))
    out_of_site = ~shapely.contains_properly(site, shapes)
    if out_of_site.any():
        outsides[out_of_site] = shapely.area(shapely.difference(shapes[out_of_site], site))
    covers = np.zeros(len(shapes))
    if not obstacles.is_empty:
        shapely.prepare(obstacles)
        on_obstacle = shapely.intersects(obstacles, shapes)
        if on_obstacle.any():
            covers[on_obstacle] = shapely.area(shapely.intersection(shapes[on_obstacle], obstacles))
    for booth, shape, outside, covered in zip(ctx.layout.booths, ctx.areas.booth_shapes, outsides.tolist(),
                                              covers.tolist()):
        if outside > OVERLAP_AREA:
            out.append(Finding("booth-outside-site", "error",
                               tr("Booth {booth} stands {area} m² outside the site.",
                                  booth=booth_name(booth), area=m(outside, 2)),
                               booth.centre, [booth.id], outside, OVERLAP_AREA))
        elif covered > OVERLAP_AREA:
            hit = [o for o in ctx.layout.obstacles if o.shape().intersection(shape).area > 0]
            names = format_list([o.name or o.id for o in hit])
            out.append(Finding("booth-outside-site", "error",
                               tr("Booth {booth} stands on {obstacle} ({area} m² of it).",
                                  booth=booth_name(booth), area=m(covered, 2), obstacle=names),
                               booth.centre, [booth.id] + [o.id for o in hit], covered, OVERLAP_AREA))
    return out


def booth_closed(ctx) -> list[Finding]:
    return [Finding("booth-closed", "error", tr("Booth {booth} has no open side.", booth=booth_name(b)),
                    b.centre, [b.id]) for b in ctx.layout.booths if not b.open_sides]


def booth_unreachable(ctx) -> list[Finding]:
    return [Finding("booth-unreachable", "error",
                    tr("Booth {booth} cannot be reached from any entrance.", booth=booth_name(b)),
                    b.centre, [b.id])
            for b in ctx.layout.booths if b.open_sides and not ctx.booth_reachable[b.id]]


def duplicate_booth_number(ctx) -> list[Finding]:
    groups: dict[str, list] = defaultdict(list)
    for booth in ctx.layout.booths:
        if booth.number:
            groups[booth.number].append(booth)
    return [Finding("duplicate-booth-number", "error",
                    tr("Booth number {number} is used by {count} booths.", number=number, count=len(same)),
                    same[0].centre, [b.id for b in same], float(len(same)), 1.0)
            for number, same in groups.items() if len(same) > 1]


def zone_overlap(ctx) -> list[Finding]:
    zones = ctx.layout.zones
    return [Finding("zone-overlap", "error",
                    tr("{a} and {b} overlap by {area} m².", a=zone_name(zones[a], start=True),
                       b=zone_name(zones[b]), area=m(shared.area)),
                    _centre(shared), [zones[a].id, zones[b].id], shared.area, OVERLAP_AREA)
            for a, b, shared in _overlaps([z.shape() for z in zones])]


def zone_unreachable(ctx) -> list[Finding]:
    out = []
    for zone in ctx.layout.zones:
        if not ctx.reachable(ctx.zone_points[zone.id]):
            where = ctx.zone_points[zone.id] or _centre(zone.shape())
            out.append(Finding("zone-unreachable", "error",
                               tr("{zone} cannot be reached from any entrance.", zone=zone_name(zone, start=True)),
                               where, [zone.id]))
    return out


def invalid_geometry(ctx) -> list[Finding]:
    layout = ctx.layout
    out = []
    items = [(tr("the site boundary"), None, layout.site.boundary)]
    items += [(o.name or o.id, o.id, o.polygon) for o in layout.obstacles]
    items += [(zone_name(z), z.id, z.polygon) for z in layout.zones]
    for name, oid, polygon in items:
        if not is_simple(polygon):
            out.append(Finding("invalid-geometry", "error",
                               tr("The outline of {name} crosses itself; the analysis uses a repaired shape.",
                                  name=name), polygon[0][0], [oid] if oid else []))
    return out


def gate_off_boundary(ctx) -> list[Finding]:
    boundary = ctx.areas.site.boundary
    out = []
    for gate in ctx.layout.gates:
        far = max(boundary.distance(Point(p)) for p in (gate.a, gate.b, gate.midpoint))
        if far > GATE_TOLERANCE:
            out.append(Finding("gate-off-boundary", "error",
                               tr("Gate {gate} lies {distance} m from the site boundary; gates must sit on it.",
                                  gate=gate_name(gate), distance=m(far, 2)),
                               gate.midpoint, [gate.id], far, GATE_TOLERANCE))
    return out


def exit_too_narrow(ctx) -> list[Finding]:
    return [Finding("exit-too-narrow", "warning",
                    tr("Exit {gate} is {width} m wide; the minimum is {limit} m.", gate=gate_name(g),
                       width=m(g.width, 2), limit=m(MIN_EXIT_WIDTH, 2)),
                    g.midpoint, [g.id], g.width, MIN_EXIT_WIDTH)
            for g in ctx.layout.gates if g.is_exit and g.width < MIN_EXIT_WIDTH]


# -- aisles ---------------------------------------------------------------------------

def _side_names(ctx, segment) -> tuple[list[str], list[str]]:
    """Names and ids of what stands at each end of a cross-section."""
    layout = ctx.layout
    names, ids = [], []
    shapes = np.asarray(ctx.areas.booth_shapes, dtype=object)
    for end in segment:
        p = Point(end)
        best = None
        if len(shapes):
            # Every booth's distance in one call; the nearest, the first of equals.
            d = shapely.distance(shapes, p)
            k = int(np.argmin(d))
            best = (float(d[k]), booth_name(layout.booths[k]), layout.booths[k].id)
        if best is None or best[0] >= NAMED_WITHIN:
            for obstacle in layout.obstacles:
                d = obstacle.shape().distance(p)
                if best is None or d < best[0]:
                    best = (d, obstacle.name or obstacle.id, obstacle.id)
        # An end off every wall (a pocket measured by the widest circle in it) is named by
        # what stands nearest to it, the site's edge only when nothing is nearer.
        edge = ctx.areas.site.boundary.distance(p)
        if best is None or (best[0] >= NAMED_WITHIN and edge < best[0]):
            names.append(tr("the site boundary"))
        else:
            names.append(best[1])
            ids.append(best[2])
    return names, list(dict.fromkeys(ids))


def aisle_too_narrow(ctx) -> list[Finding]:
    s = ctx.layout.settings
    out = []
    for passage in ctx.passages:
        if passage.width < 2 * s.body_radius:
            continue   # closed: nobody passes; what lies behind shows up as unreachable
        names, ids = _side_names(ctx, passage.segment)
        out.append(Finding("aisle-too-narrow", "error",
                           tr("Aisle between {a} and {b} is {width} m wide; the minimum is {limit} m.",
                              a=names[0], b=names[1], width=m(passage.width), limit=m(s.min_aisle_width)),
                           passage.location, ids, passage.width, s.min_aisle_width))
    return out


def aisle_overloaded(ctx) -> list[Finding]:
    """Cross-sections of aisles whose egress demand takes longer than the limit to pass."""
    s = ctx.layout.settings
    e = ctx.egress
    if e.point_exit is None or ctx.network is None or not ctx.network.corridors:
        return []
    coords, places, owner, weights = _egress_routes(ctx)
    if not len(weights):
        return []
    chords = ctx.network.corridors
    lines = shapely.linestrings(np.array([[c.a, c.b] for c in chords], dtype=float))
    route_idx, chord_idx = _routes_meeting(coords, owner, lines, places)
    demand = np.zeros(len(chords))
    np.add.at(demand, chord_idx, weights[route_idx])
    rate = s.specific_flow / 60.0
    over: list[tuple[int, float]] = []      # (chord, seconds its demand needs to pass)
    for k in np.nonzero(demand > 0)[0].tolist():
        chord = chords[k]
        if chord.width < 2 * s.body_radius:
            continue
        need = float(demand[k] / (chord.width * rate))
        if need > s.max_egress_time:
            over.append((k, need))
    out = []
    # One finding per aisle, at its worst cross-section (the first of equals).
    for group in group_chords(ctx.areas, [chords[k] for k, _ in over], [float(demand[k]) for k, _ in over]):
        k, need = max((over[i] for i in group), key=lambda kn: kn[1])
        chord = chords[k]
        names, ids = _side_names(ctx, (chord.a, chord.b))
        out.append(Finding("aisle-overloaded", "warning",
                           ntr("{count} visitor leaves through the aisle between {a} and {b} "
                               "({width} m wide); it needs {time} to pass them, the limit is {limit}.",
                               "{count} visitors leave through the aisle between {a} and {b} "
                               "({width} m wide); it needs {time} to pass them, the limit is {limit}.",
                               round(demand[k]), count=format_number(demand[k]), a=names[0], b=names[1],
                               width=m(chord.width), time=duration(need), limit=duration(s.max_egress_time)),
                           ((chord.a[0] + chord.b[0]) / 2, (chord.a[1] + chord.b[1]) / 2), ids,
                           need, s.max_egress_time))
    return out


def _egress_routes(ctx) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each visitor point's walking route to its exit: the routes' points, a number for
    each distinct place among them, the route each point belongs to, and each route's
    weight in persons."""
    e = ctx.egress
    v = ctx.visitors
    m, n = len(v.points), len(ctx.router.nodes)
    exit_points = [p if p is not None else (math.nan, math.nan) for p in ctx.exit_points]
    table = np.concatenate([np.asarray(v.points, dtype=float).reshape(-1, 2), ctx.router.nodes,
                            np.asarray(exit_points, dtype=float).reshape(-1, 2)])
    chains: dict[tuple[int, int], list[int]] = {}

    def chain(k: int, corner: int) -> list[int]:
        """The places from a corner along the exit's shortest-path tree (its own exit left out)."""
        found = chains.get((k, corner))
        if found is not None:
            return found
        preds = ctx.exit_preds[k]
        walked: list[int] = []
        node, steps, tail = corner, 0, []
        while node >= 0 and steps < 10000:
            known = chains.get((k, node))
            if known is not None:
                tail = known
                break
            walked.append(node)
            before = preds.get(node) or []
            nxt = before[0] if before else None
            if nxt is None or isinstance(nxt, tuple):
                break
            node = int(nxt)
            steps += 1
        # Every corner walked gets its own chain, the rest of this one.
        for at in range(len(walked) - 1, -1, -1):
            tail = [m + walked[at]] + tail
            chains[(k, walked[at])] = tail
        return chains.get((k, corner), [])

    ids: list[int] = []
    owner: list[int] = []
    weights: list[float] = []
    exits = e.point_exit.tolist()
    firsts = e.point_first.tolist()
    for i in range(m):
        k = exits[i]
        if k < 0:
            continue
        route = len(weights)
        places = [i, *(chain(k, firsts[i]) if firsts[i] >= 0 else ()), m + n + k]
        ids += places
        owner += [route] * len(places)
        weights.append(float(v.weights[i]))
    if not weights:
        return np.zeros((0, 2)), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=int), np.zeros(0)
    idx = np.asarray(ids, dtype=np.int64)
    return table[idx], idx, np.asarray(owner, dtype=int), np.asarray(weights, dtype=float)


def _routes_meeting(coords: np.ndarray, owner: np.ndarray, lines: np.ndarray,
                    places: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each (route, line) pair where the route meets the line, once, sorted by route then line.

    A route meets a line where one of its legs does. Routes to one exit share
    most legs (the corners' shortest path tree), and a leg's small box meets
    few lines where a whole route's box meets many: each distinct leg is
    tested once. ``places``, when given, numbers the distinct points of
    ``coords``: legs are told apart by those numbers, far faster than by
    their coordinates.
    """
    if len(lines) == 0 or len(coords) < 2:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    same = owner[1:] == owner[:-1]
    leg_route = owner[:-1][same]
    if places is not None:
        width = int(places.max()) + 1
        keys = places[:-1][same] * width + places[1:][same]
        distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        starts = np.nonzero(same)[0][first]
        unique = np.concatenate([coords[starts], coords[starts + 1]], axis=1)
    else:
        legs = np.concatenate([coords[:-1][same], coords[1:][same]], axis=1)
        unique, inverse = np.unique(legs, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    leg_idx, line_idx = _legs_meeting(unique.reshape(-1, 2, 2), lines)
    if len(leg_idx) == 0:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    # Every leg of every route with the lines its distinct leg meets.
    order = np.argsort(leg_idx, kind="stable")
    leg_idx, line_idx = leg_idx[order], line_idx[order]
    count = np.bincount(leg_idx, minlength=len(unique))
    begin = np.concatenate([[0], np.cumsum(count)])
    n = count[inverse]
    rows = np.repeat(np.arange(len(inverse)), n)
    offset = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
    met = line_idx[begin[inverse[rows]] + offset]
    keys = unique_sorted(leg_route[rows].astype(np.int64) * len(lines) + met)
    return keys // len(lines), keys % len(lines)


def _legs_meeting(legs: np.ndarray, lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (leg, line) pair that meets, for legs given as (k, 2, 2) end points.

    The pairs whose boxes meet are found by the tree; for two-point lines the
    segments are then tested by the signs of four cross products, which
    settle nearly every pair exactly. A pair where a product is too near zero
    to trust its sign (a touch, an end on the other segment, parallel
    segments) is left to GEOS, as is every pair when a line has more points.
    """
    geoms = shapely.linestrings(legs)
    tree = shapely.STRtree(lines)
    ends = shapely.get_coordinates(lines)
    if len(ends) != 2 * len(lines):
        return tree.query(geoms, predicate="intersects")
    leg_idx, line_idx = tree.query(geoms)
    ends = ends.reshape(-1, 2, 2)
    p0, p1 = legs[leg_idx, 0], legs[leg_idx, 1]
    q0, q1 = ends[line_idx, 0], ends[line_idx, 1]

    def side(a, b, c):
        """The cross product (b - a) × (c - a), and whether its sign is certain."""
        u, v = b - a, c - a
        det = u[:, 0] * v[:, 1] - u[:, 1] * v[:, 0]
        bound = 1e-12 * (np.abs(u[:, 0] * v[:, 1]) + np.abs(u[:, 1] * v[:, 0]))
        return det, np.abs(det) > bound

    d1, s1 = side(q0, q1, p0)
    d2, s2 = side(q0, q1, p1)
    d3, s3 = side(p0, p1, q0)
    d4, s4 = side(p0, p1, q1)
    sure = s1 & s2 & s3 & s4
    meet = (np.sign(d1) != np.sign(d2)) & (np.sign(d3) != np.sign(d4))
    unsure = np.nonzero(~sure)[0]
    if len(unsure):
        meet[unsure] = shapely.intersects(geoms[leg_idx[unsure]], lines[line_idx[unsure]])
    return leg_idx[meet], line_idx[meet]


# -- egress and density ---------------------------------------------------------------

def no_exit(ctx) -> list[Finding]:
    layout = ctx.layout
    if not any(g.is_exit for g in layout.gates):
        return [Finding("no-exit", "error", tr("The layout has no exit gate."), None, [])]
    zones = {z.id: z for z in layout.zones}
    return [Finding("no-exit", "error",
                    tr("Visitors in {zone} cannot reach any exit.", zone=zone_name(zones[zid])),
                    ctx.zone_points[zid] or _centre(zones[zid].shape()), [zid])
            for zid in ctx.egress.stranded_zones]


def egress_too_slow(ctx) -> list[Finding]:
    s = ctx.layout.settings
    t = ctx.egress.time_s
    if t is None or t <= s.max_egress_time:
        return []
    where = ctx.egress.bottlenecks[0]["segment"] if ctx.egress.bottlenecks else None
    location = None if where is None else ((where[0][0] + where[1][0]) / 2, (where[0][1] + where[1][1]) / 2)
    return [Finding("egress-too-slow", "error",
                    tr("Egress takes {time}; the limit is {limit}.", time=duration(t),
                       limit=duration(s.max_egress_time)), location, [], t, s.max_egress_time)]


def egress_without_largest_exit(ctx) -> list[Finding]:
    s = ctx.layout.settings
    gate, w = ctx.largest_exit, ctx.without_largest
    if gate is None or w is None:
        return []
    zones = {z.id: z for z in ctx.layout.zones}
    if w.stranded_zones and set(w.stranded_zones) - set(ctx.egress.stranded_zones) or not w.exits:
        names = format_list([zone_name(zones[z]) for z in w.stranded_zones]) or tr("every zone")
        return [Finding("egress-without-largest-exit", "warning",
                        tr("With {gate} closed, visitors in {zones} cannot reach any exit.",
                           gate=gate_name(gate), zones=names), gate.midpoint, [gate.id], None,
                        s.max_egress_time)]
    if w.time_s is not None and w.time_s > s.max_egress_time:
        return [Finding("egress-without-largest-exit", "warning",
                        tr("With {gate} closed, egress takes {time}; the limit is {limit}.",
                           gate=gate_name(gate), time=duration(w.time_s), limit=duration(s.max_egress_time)),
                        gate.midpoint, [gate.id], w.time_s, s.max_egress_time)]
    return []


def exit_too_far(ctx) -> list[Finding]:
    s = ctx.layout.settings
    e = ctx.egress
    if s.max_exit_distance is None or e.point_time is None:
        return []
    distance = e.point_time * s.walking_speed
    out = []
    for zi, zone in enumerate(ctx.layout.zones):
        mine = (ctx.visitors.zone == zi) & np.isfinite(distance)
        if not mine.any():
            continue
        worst = int(np.argmax(np.where(mine, distance, -1)))
        if distance[worst] > s.max_exit_distance:
            out.append(Finding("exit-too-far", "warning",
                               tr("Visitors in {zone} walk up to {distance} m to their exit; "
                                  "the limit is {limit} m.", zone=zone_name(zone),
                                  distance=m(distance[worst], 0), limit=m(s.max_exit_distance, 0)),
                               tuple(ctx.visitors.points[worst]), [zone.id], float(distance[worst]),
                               s.max_exit_distance))
    return out


def zone_density(ctx) -> list[Finding]:
    s = ctx.layout.settings
    out = []
    for zone in ctx.layout.zones:
        area, density = ctx.densities[zone.id]
        limit = zone.max_density if zone.max_density is not None else s.max_density
        los = flowmod.level_of_service(density)
        where = _centre(zone.shape())
        if density > limit:
            out.append(Finding("zone-too-dense", "error",
                               tr("{zone} holds {density} persons/m² at peak; the limit is {limit}.",
                                  zone=zone_name(zone, start=True), density=m(density, 2), limit=m(limit, 2)),
                               where, [zone.id], density, limit))
        elif los in ("E", "F"):
            out.append(Finding("zone-crowded", "warning",
                               tr("{zone} is crowded at peak: {density} persons/m², level of service {los}.",
                                  zone=zone_name(zone, start=True), density=m(density, 2), los=los),
                               where, [zone.id], density, limit))
    return out


# The order of SPEC §4's table: how findings are listed within a severity.
RULE_ORDER = [
    "aisle-too-narrow", "booth-unreachable", "booth-closed", "booth-overlap", "booth-outside-site",
    "duplicate-booth-number", "zone-unreachable", "zone-overlap", "invalid-geometry", "gate-off-boundary",
    "no-exit", "egress-too-slow", "zone-too-dense", "zone-crowded", "aisle-overloaded", "exit-too-narrow",
    "egress-without-largest-exit", "exit-too-far",
]

RULES: list[Callable] = [
    aisle_too_narrow, booth_unreachable, booth_closed, booth_overlap, booth_outside_site,
    duplicate_booth_number, zone_unreachable, zone_overlap, invalid_geometry, gate_off_boundary,
    no_exit, egress_too_slow, zone_density, aisle_overloaded, exit_too_narrow,
    egress_without_largest_exit, exit_too_far,
]


def run_rules(ctx, rules: list[Callable] | None = None) -> list[Finding]:
    """The findings of ``rules`` (all of them by default), in the report's order."""
    return sort_findings([f for rule in (RULES if rules is None else rules) for f in rule(ctx)])


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """By severity, then by rule; a rule's own findings keep their order."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], RULE_ORDER.index(f.rule)))


def summary(ctx, report) -> dict:
    layout = ctx.layout
    densities = [d for _, d in ctx.densities.values() if math.isfinite(d)]
    return {
        "booths": len(layout.booths), "zones": len(layout.zones), "gates": len(layout.gates),
        "walkable_area_m2": ctx.areas.walkable.area,
        "peak_visitors": sum(z.peak_visitors for z in layout.zones),
        "egress_time_s": ctx.egress.time_s,
        "max_egress_flow_per_min": ctx.egress.max_flow * 60.0,
        "worst_zone_density": max(densities) if densities else 0.0,
        "errors": len(report.errors), "warnings": len(report.warnings),
    }
