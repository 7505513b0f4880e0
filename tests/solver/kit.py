"""Small layouts and independent yardsticks for the solver tests.

Nothing here calls planner.solver: the expected answers in tests/solver come
from geometry done by hand, from the brute-force visibility graph below, or
from formulas written out in the tests themselves.
"""

from __future__ import annotations

import math

import networkx as nx
import shapely
from shapely.geometry import LineString, Point
from shapely.geometry import Polygon as SPolygon
from shapely.ops import unary_union

from planner.model import Booth, Gate, Layout, Obstacle, Settings, Site, Zone
from planner.model.geometry import rotate_point
from tests.factories import rect

BODY = 0.25            # body radius of the default settings
SPEED = 1.2            # walking speed, m/s
FLOW = 82.0            # persons per metre of clear width per minute

# SPEC §4's rule table: every rule and its severity.
SEVERITY = {
    "aisle-too-narrow": "error", "booth-unreachable": "error", "booth-closed": "error",
    "booth-overlap": "error", "booth-outside-site": "error", "duplicate-booth-number": "error",
    "zone-unreachable": "error", "zone-overlap": "error", "invalid-geometry": "error",
    "gate-off-boundary": "error", "no-exit": "error", "egress-too-slow": "error",
    "zone-too-dense": "error", "zone-crowded": "warning", "aisle-overloaded": "warning",
    "exit-too-narrow": "warning", "egress-without-largest-exit": "warning", "exit-too-far": "warning",
}


def tol(exact: float) -> float:
    """SPEC §4: within 1 % or 0.1 m, whichever is larger."""
    return max(0.01 * abs(exact), 0.1)


def capacity(width: float, specific_flow: float = FLOW) -> float:
    """Persons per second through a clear width (SPEC §4)."""
    return width * specific_flow / 60.0


def layout(site, *, obstacles=(), zones=(), gates=(), booths=(), name="Test", **settings) -> Layout:
    """A layout from plain parts; ``site`` is (x0, y0, x1, y1) or a polygon."""
    boundary = rect(*site) if len(site) == 4 and not isinstance(site[0], (tuple, list)) else site
    return Layout(site=Site(boundary=boundary), name=name, settings=Settings(**settings),
                  obstacles=list(obstacles), zones=list(zones), gates=list(gates), booths=list(booths))


def wall(oid: str, x0, y0, x1, y1, name: str = "", kind: str = "structure") -> Obstacle:
    return Obstacle(id=oid, kind=kind, name=name or oid, polygon=rect(x0, y0, x1, y1))


def zone(zid: str, x0, y0, x1, y1, visitors: int = 0, name: str = "", **kw) -> Zone:
    return Zone(id=zid, name=name or zid, polygon=rect(x0, y0, x1, y1), peak_visitors=visitors, **kw)


def gate(gid: str, a, b, kind: str = "both", name: str = "") -> Gate:
    return Gate(id=gid, name=name or gid, kind=kind, a=tuple(a), b=tuple(b))


def booth_row(prefix: str, x0: float, y_front: float, count: int, facing: str, *,
              width: float = 3.0, depth: float = 3.0, first: int = 1, sides=("front",)) -> list[Booth]:
    """``count`` booths side by side from x0 along +x.

    facing "down": fronts on the line y = y_front, booths above it (rotation 0);
    facing "up": fronts on y = y_front, booths below it (rotation 180).
    Booth ids are ``b-<prefix><n>`` and numbers ``<prefix>-<nn>``.
    """
    out = []
    for k in range(count):
        n = first + k
        cx = x0 + width * (k + 0.5)
        if facing == "down":
            cy, rot = y_front + depth / 2, 0.0
        else:
            cy, rot = y_front - depth / 2, 180.0
        out.append(Booth(id=f"b-{prefix}{n}", number=f"{prefix}-{n:02d}", x=cx, y=cy, width=width,
                         depth=depth, rotation=rot, open_sides=tuple(sides), status="sold"))
    return out


# -- rigid motions of a whole layout ------------------------------------------------------

def moved(lay: Layout, angle: float, dx: float, dy: float) -> Layout:
    """The layout turned ``angle`` degrees CCW about the origin, then shifted by (dx, dy)."""

    def pt(p):
        x, y = rotate_point(p, angle, (0.0, 0.0))
        return (x + dx, y + dy)

    def poly(polygon):
        return tuple(tuple(pt(p) for p in ring) for ring in polygon)

    out = Layout(site=Site(boundary=poly(lay.site.boundary)), name=lay.name,
                 settings=Settings(**{k: getattr(lay.settings, k) for k in (
                     "min_aisle_width", "body_radius", "walking_speed", "specific_flow",
                     "max_egress_time", "max_density", "max_exit_distance")}))
    out.obstacles = [Obstacle(id=o.id, kind=o.kind, name=o.name, polygon=poly(o.polygon)) for o in lay.obstacles]
    out.zones = [Zone(id=z.id, name=z.name, polygon=poly(z.polygon), peak_visitors=z.peak_visitors,
                      anchor=None if z.anchor is None else pt(z.anchor), max_density=z.max_density)
                 for z in lay.zones]
    out.gates = [Gate(id=g.id, name=g.name, kind=g.kind, a=pt(g.a), b=pt(g.b)) for g in lay.gates]
    out.booths = []
    for b in lay.booths:
        cx, cy = pt((b.x, b.y))
        out.booths.append(Booth(id=b.id, number=b.number, x=cx, y=cy, width=b.width, depth=b.depth,
                                rotation=(b.rotation + angle) % 360.0, open_sides=b.open_sides,
                                status=b.status))
    return out


# -- an independent shortest-path oracle ---------------------------------------------------

def navigable(lay: Layout, radius: float = BODY, arc_segments: int = 16):
    """N computed here: site − obstacles − booths, shrunk by the body radius (round corners)."""
    blocked = unary_union([o.shape() for o in lay.obstacles] + [b.shape() for b in lay.booths])
    walk = lay.site.shape().difference(blocked) if not blocked.is_empty else lay.site.shape()
    return walk.buffer(-radius, quad_segs=arc_segments)


def brute_force_path(area, a, b) -> float | None:
    """Shortest path from a to b inside ``area`` by a full visibility graph.

    Every vertex of the area and both ends are nodes; every pair is tried with
    ``covers`` (no tangency pruning, no reflex test), then Dijkstra.
    """
    grown = area.buffer(1e-7, quad_segs=1, join_style="mitre")
    shapely.prepare(grown)
    polys = [area] if area.geom_type == "Polygon" else list(area.geoms)
    nodes = [tuple(a), tuple(b)]
    for p in polys:
        for ring in [p.exterior, *p.interiors]:
            nodes.extend(tuple(c) for c in list(ring.coords)[:-1])
    nodes = list(dict.fromkeys(nodes))
    g = nx.Graph()
    g.add_nodes_from(range(len(nodes)))
    import numpy as np

    arr = np.asarray(nodes)
    i, j = np.triu_indices(len(nodes), k=1)
    lines = shapely.linestrings(np.stack([arr[i], arr[j]], axis=1))
    ok = shapely.covers(grown, lines)
    for u, v in zip(i[ok].tolist(), j[ok].tolist()):
        g.add_edge(u, v, weight=math.dist(nodes[u], nodes[v]))
    try:
        return nx.dijkstra_path_length(g, 0, 1)
    except nx.NetworkXNoPath:
        return None


def around_corner(a, b, corner, radius: float) -> float:
    """Length of the taut string from a to b around a disc of ``radius`` at ``corner``.

    The exact shortest path when the straight line a–b is blocked by the disc
    and nothing else is in the way: two tangents plus the arc between them.
    """
    ca, cb = math.dist(a, corner), math.dist(b, corner)
    ta, tb = math.sqrt(ca * ca - radius * radius), math.sqrt(cb * cb - radius * radius)
    ang_a = math.atan2(a[1] - corner[1], a[0] - corner[0])
    ang_b = math.atan2(b[1] - corner[1], b[0] - corner[0])
    through_obstacle = abs(ang_a - ang_b)
    through_obstacle = min(through_obstacle, 2 * math.pi - through_obstacle)
    # The string wraps the free side of the corner: the angle a-corner-b measured
    # there, less the two angles between each end's line and its tangent point.
    wrap = (2 * math.pi - through_obstacle) - math.acos(radius / ca) - math.acos(radius / cb)
    return ta + tb + radius * max(wrap, 0.0)


def polyline_length(points) -> float:
    return sum(math.dist(p, q) for p, q in zip(points, points[1:]))


def inside(area, points, slack: float = 1e-5) -> bool:
    """Every segment of the polyline lies in ``area`` (up to ``slack`` metres)."""
    grown = area.buffer(slack)
    if len(points) == 1:
        return grown.covers(Point(points[0]))
    return grown.covers(LineString(points))


def walkable(lay: Layout):
    """W computed here: site − obstacles − booths."""
    blocked = unary_union([o.shape() for o in lay.obstacles] + [b.shape() for b in lay.booths])
    return lay.site.shape().difference(blocked) if not blocked.is_empty else lay.site.shape()


def grid_points(part, cell: float = 5.0):
    """Centres of a square grid (aligned to the origin) inside ``part``."""
    x0, y0, x1, y1 = part.bounds
    out = []
    x = math.floor(x0 / cell) * cell + cell / 2
    while x < x1:
        y = math.floor(y0 / cell) * cell + cell / 2
        while y < y1:
            if part.contains(Point(x, y)):
                out.append((x, y))
            y += cell
        x += cell
    return out


def square(cx, cy, half) -> SPolygon:
    return shapely.box(cx - half, cy - half, cx + half, cy + half)
