"""Helpers shared by the generators of the bundled layouts.

Geometry is built with shapely in metres (x east, y north), booths are laid
out in rows the way an organiser draws them (back-to-back double rows, cross
aisles, island booths), then checked: inside their zone, clear of obstacles
and of the site boundary, no overlaps, an aisle of at least 3 m in front of
every open side. The open sides of row-end booths are derived here, so a
booth at the end of a row becomes a corner booth (front plus the end side).

Nothing here is random unless the caller passes a seeded ``random.Random``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import shapely
from shapely.geometry import Polygon
from shapely.ops import unary_union

from planner.model import Amenity, Booth
from planner.model.geometry import normalise_polygon

CLEARANCE = 3.0          # aisle in front of an open side; gap to obstacles and the site edge
TOUCH = 0.05             # booths closer than this count as touching (SPEC §4)


def rnd(value: float, digits: int = 2) -> float:
    """Round for the file, never writing -0.0."""
    out = round(value, digits)
    return 0.0 if out == 0 else out


def model_polygon(shape, digits: int = 2):
    """A shapely Polygon as the model's rings (rounded, normalised)."""
    if shape.geom_type != "Polygon":
        parts = [g for g in getattr(shape, "geoms", []) if g.geom_type == "Polygon"]
        if not parts:
            raise ValueError(f"expected a polygon, got {shape.geom_type}")
        shape = max(parts, key=lambda g: g.area)
    rings = []
    for ring in [shape.exterior, *shape.interiors]:
        pts = []
        for x, y in list(ring.coords)[:-1]:
            p = (rnd(x, digits), rnd(y, digits))
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        rings.append(pts)
    return normalise_polygon(rings)


def wobble(points, rng, step: float = 12.0, amp: float = 1.2):
    """A polyline with extra, slightly displaced points every ``step`` metres.

    Makes hand-drawn shores look surveyed rather than ruled; the given points
    themselves stay where they are, so zone edges that meet them stay exact.
    """
    out = [tuple(points[0])]
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        length = math.dist((x1, y1), (x2, y2))
        n = max(1, int(length // step))
        nx, ny = (-(y2 - y1) / length, (x2 - x1) / length) if length else (0.0, 0.0)
        for i in range(1, n):
            t = i / n
            d = rng.uniform(-amp, amp)
            out.append((x1 + t * (x2 - x1) + d * nx, y1 + t * (y2 - y1) + d * ny))
        out.append((x2, y2))
    return out


class Frame:
    """A local u/v frame: u along the rows, v across them, turned ``angle`` degrees CCW."""

    def __init__(self, ox: float, oy: float, angle: float = 0.0) -> None:
        self.ox, self.oy, self.angle = ox, oy, angle
        a = math.radians(angle)
        self.c, self.s = math.cos(a), math.sin(a)

    def world(self, u: float, v: float) -> tuple[float, float]:
        return (self.ox + self.c * u - self.s * v, self.oy + self.s * u + self.c * v)

    def rect(self, u0: float, v0: float, u1: float, v1: float) -> Polygon:
        return Polygon([self.world(u0, v0), self.world(u1, v0), self.world(u1, v1), self.world(u0, v1)])


@dataclass
class Spec:
    """A booth before it has an id, a number and an exhibitor."""

    x: float
    y: float
    width: float
    depth: float
    rotation: float
    island: bool = False
    kind: str = ""            # free tag for the generator (e.g. "cooking")
    extra: dict = field(default_factory=dict)

    def shape(self) -> Polygon:
        b = Booth(id="_", x=self.x, y=self.y, width=self.width, depth=self.depth, rotation=self.rotation)
        return b.shape()

    def booth(self) -> Booth:
        return Booth(id="_", x=self.x, y=self.y, width=self.width, depth=self.depth,
                     rotation=self.rotation)


def _norm_angle(a: float) -> float:
    a = a % 360.0
    return rnd(a, 3)


def row(frame: Frame, u0: float, v_front: float, widths, facing: str, depth: float = 3.0,
        kind: str = "") -> list[Spec]:
    """One row of booths along +u from ``u0``.

    ``facing`` is "-v" (fronts on the line v = v_front, booths on the +v side)
    or "+v" (fronts on v = v_front, booths on the -v side).
    """
    specs = []
    u = u0
    for w in widths:
        cu = u + w / 2
        if facing == "-v":
            cv, rot = v_front + depth / 2, frame.angle
        else:
            cv, rot = v_front - depth / 2, frame.angle + 180.0
        x, y = frame.world(cu, cv)
        specs.append(Spec(x, y, w, depth, _norm_angle(rot), kind=kind))
        u += w
    return specs


def double_row(frame: Frame, u0: float, v_back: float, widths_low, widths_high=None,
               depth: float = 3.0, kind: str = "") -> list[Spec]:
    """Back-to-back rows whose backs meet on v = v_back.

    The low row faces -v, the high row faces +v; the specs come in walking
    order: along the low row in +u, then back along the high row in -u.
    """
    widths_high = widths_low if widths_high is None else widths_high
    low = row(frame, u0, v_back - depth, widths_low, "-v", depth, kind)
    high = row(frame, u0, v_back + depth, widths_high, "+v", depth, kind)
    return low + high[::-1]


def island(frame: Frame, u: float, v: float, size: float = 6.0, kind: str = "") -> Spec:
    x, y = frame.world(u, v)
    return Spec(x, y, size, size, _norm_angle(frame.angle), island=True, kind=kind)


def seq(frame: Frame, u0: float, items) -> list[Spec]:
    """Booths along a frame's u axis around the line v = 0 (where the backs meet).

    ("b", n) a double-row block of n booths a side, ("b", n, {i, ...}) with
    6 m booths at those positions; ("k", n) a food block: n snack stalls on
    the low side backed by n/2 kitchens (6x3, cooking) on the high side;
    ("x", m) a cross aisle or gap of m metres; ("i", m) an island booth
    centred in a gap of m metres.
    """
    specs: list[Spec] = []
    u = u0
    for item in items:
        tag = item[0]
        if tag == "b":
            n = item[1]
            wide = item[2] if len(item) > 2 else ()
            widths = [6.0 if i in wide else 3.0 for i in range(n)]
            specs += double_row(frame, u, 0.0, widths)
            u += sum(widths)
        elif tag == "k":
            n = item[1]
            low = row(frame, u, -3.0, [3.0] * n, "-v", kind="snack")
            high = row(frame, u, 3.0, [6.0] * (n // 2), "+v", kind="kitchen")
            specs += low + high[::-1]
            u += 3.0 * n
        elif tag == "x":
            u += item[1]
        elif tag == "i":
            specs.append(island(frame, u + item[1] / 2, 0.0))
            u += item[1]
    return specs


# -- checking and open sides ------------------------------------------------------------

def _strip(booth: Booth, side: str, reach: float, shrink: float = 0.05) -> Polygon:
    """The rectangle of ``reach`` metres in front of one side (a little narrower than the side)."""
    (ax, ay), (bx, by) = booth.side_segment(side)
    nx, ny = booth.side_normal(side)
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    ax, ay = ax + ux * shrink, ay + uy * shrink
    bx, by = bx - ux * shrink, by - uy * shrink
    return Polygon([(ax, ay), (bx, by), (bx + nx * reach, by + ny * reach), (ax + nx * reach, ay + ny * reach)])


@dataclass
class Placed:
    spec: Spec
    zone_id: str
    booth: Booth


def place(specs_by_zone: dict[str, list[Spec]], zones: dict[str, Polygon], site: Polygon,
          obstacles: list[Polygon], *, report=print) -> list[Placed]:
    """Check every booth and drop (and report) the ones that break a rule.

    Kept booths lie inside their zone and the site, at least CLEARANCE from
    every obstacle and from the site edge, overlap no kept booth, and have a
    clear aisle of CLEARANCE in front. Open sides are then derived.
    """
    blocked = unary_union(obstacles) if obstacles else Polygon()
    edge = site.exterior
    kept: list[Placed] = []
    for zone_id, specs in specs_by_zone.items():
        zone = zones[zone_id]
        for spec in specs:
            shape = spec.shape()
            why = None
            if not shape.within(zone.buffer(1e-6)):
                why = "not inside its zone"
            elif not shape.within(site.buffer(1e-6)):
                why = "outside the site"
            elif shape.distance(edge) < CLEARANCE - 1e-6:
                why = f"{shape.distance(edge):.2f} m from the site edge"
            elif not blocked.is_empty and shape.distance(blocked) < CLEARANCE - 1e-6:
                why = f"{shape.distance(blocked):.2f} m from an obstacle"
            if why is None:
                for other in kept:
                    if other.booth.shape().intersection(shape).area > 1e-4:
                        why = "overlaps another booth"
                        break
            if why:
                report(f"  dropped a booth in {zone_id} at ({spec.x:.1f}, {spec.y:.1f}): {why}")
                continue
            kept.append(Placed(spec, zone_id, spec.booth()))
    _open_sides(kept, site, blocked, report)
    return kept


def _open_sides(kept: list[Placed], site: Polygon, blocked, report) -> None:
    """Derive open sides; a booth with no clear aisle in front is dropped (and its
    neighbours looked at again, since their end sides may now be open)."""
    while True:
        shapes = [p.booth.shape() for p in kept]
        tree = shapely.STRtree(shapes)
        grown_site = site.buffer(1e-6)

        def clear(i: int, region: Polygon) -> bool:
            if not region.within(grown_site):
                return False
            if not blocked.is_empty and region.intersection(blocked).area > 1e-4:
                return False
            for j in tree.query(region):
                if j != i and shapes[j].intersection(region).area > 1e-4:
                    return False
            return True

        def touching(i: int, side: str) -> bool:
            probe = _strip(kept[i].booth, side, 2 * TOUCH, shrink=0.3)
            return any(j != i and shapes[j].intersection(probe).area > 1e-6 for j in tree.query(probe))

        bad = []
        for i, p in enumerate(kept):
            b = p.booth
            if p.spec.island:
                sides = [s for s in ("front", "left", "right", "back") if clear(i, _strip(b, s, CLEARANCE))]
                if len(sides) != 4:
                    report(f"  island booth at ({b.x:.1f}, {b.y:.1f}) has only {sides} open")
            else:
                sides = []
                for s in ("front", "left", "right"):
                    if s != "front" and touching(i, s):
                        continue
                    if clear(i, _strip(b, s, CLEARANCE)):
                        sides.append(s)
            if "front" not in sides:
                report(f"  dropped a booth in {p.zone_id} at ({b.x:.1f}, {b.y:.1f}): no clear aisle in front")
                bad.append(i)
            b.open_sides = tuple(sides)
        if not bad:
            return
        for i in reversed(bad):
            del kept[i]


def extinguishers(booths: list[Booth]) -> list[Amenity]:
    """One extinguisher in the aisle in front of every pair of neighbouring kitchens."""
    kitchens = sorted((b for b in booths if b.cooking), key=lambda b: (round(b.y), b.x))
    out = []
    i = 0
    while i < len(kitchens):
        group = kitchens[i:i + 2]
        if len(group) == 2 and (abs(group[0].x - group[1].x) > 6.5 or abs(group[0].y - group[1].y) > 0.5):
            group = group[:1]
        fx = sum(b.side_midpoint("front")[0] for b in group) / len(group)
        fy = sum(b.side_midpoint("front")[1] for b in group) / len(group)
        nx, ny = group[0].side_normal("front")
        out.append(Amenity(id=f"fire-ext-{len(out) + 1:02d}", kind="fire_extinguisher",
                           name=f"Extinguisher · 灭火器 {len(out) + 1}",
                           x=rnd(fx + 1.2 * nx), y=rnd(fy + 1.2 * ny)))
        i += len(group)
    return out
