"""Snapping in model metres: to object corners, then edges, then 15° directions, then the grid.

Tolerances are given in screen pixels and turned into metres with the
event's ``pixel_m``, so snapping feels the same at every zoom. The grid
step is the one the view shows. Holding Ctrl turns snapping off
(``ToolEvent.snap``); the View menu can turn it off for good.

A new booth has its own rule (``flush_against``): near another booth it
lands with its side on that booth's side, turned like it and on its front
line, so a row clicked booth by booth has no gaps and no steps.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from planner.model.geometry import Point, rotate_point
from planner.model.layout import Amenity, Booth, Gate, Layout, LayoutObject, Obstacle, Zone

SNAP_PX = 9.0          # corners and edges within this many pixels attract the cursor
ANGLE_STEP = 15.0      # degrees
ANGLE_PULL = 4.0       # degrees: how near a 15° direction the cursor must be to be pulled onto it
FLUSH_PX = 12.0        # a new booth this near another booth (screen pixels) lands against its side ...
FLUSH_SHARE = 1 / 3    # ... or this share of its own smaller side, whichever is more (1 m for a 3 × 3 booth)
OVERLAP_M2 = 1e-3      # a landing place that overlaps another booth by more than this is refused


@dataclass(frozen=True)
class Snap:
    x: float
    y: float
    kind: str = ""         # corner, edge, angle, grid, boundary; "" when nothing snapped

    @property
    def point(self) -> Point:
        return (self.x, self.y)


def vertices(obj: LayoutObject) -> list[Point]:
    """The points of an object other things snap to."""
    if isinstance(obj, Booth):
        return list(obj.corners())
    if isinstance(obj, (Obstacle, Zone)):
        return [p for ring in obj.polygon for p in ring]
    if isinstance(obj, Gate):
        return [obj.a, obj.b]
    if isinstance(obj, Amenity):
        return [(obj.x, obj.y)]
    return []


def edges(obj: LayoutObject) -> list[tuple[Point, Point]]:
    if isinstance(obj, Booth):
        return _ring_edges(obj.corners())
    if isinstance(obj, (Obstacle, Zone)):
        return [e for ring in obj.polygon for e in _ring_edges(ring)]
    if isinstance(obj, Gate):
        return [(obj.a, obj.b)]
    return []


def _ring_edges(ring: Sequence[Point]) -> list[tuple[Point, Point]]:
    return [(ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring))] if len(ring) > 1 else []


def closest_on_segment(p: Point, a: Point, b: Point) -> tuple[Point, float]:
    """The point of segment ab nearest to p, and how far along (0 at a, 1 at b)."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return (ax + t * dx, ay + t * dy), t


def site_edges(layout: Layout) -> list[tuple[Point, Point]]:
    return [e for ring in layout.site.boundary for e in _ring_edges(ring)]


def nearest_on_boundary(layout: Layout, p: Point) -> tuple[Point, tuple[Point, Point]] | None:
    """The point of the site boundary nearest to p, and the edge it lies on."""
    best: tuple[float, Point, tuple[Point, Point]] | None = None
    for a, b in site_edges(layout):
        q, _ = closest_on_segment(p, a, b)
        d = math.dist(p, q)
        if best is None or d < best[0]:
            best = (d, q, (a, b))
    return None if best is None else (best[1], best[2])


def snap_to_grid(value: float, step: float) -> float:
    return round(value / step) * step if step > 0 else value


class Snapper:
    """Finds where a point or a moving shape should land."""

    def __init__(self, layout: Callable[[], Layout],
                 hits: Callable[[float, float, float], list[LayoutObject]]) -> None:
        self._layout = layout
        self._hits = hits
        self.grid_step = 1.0
        self.enabled = True

    def _targets(self, x: float, y: float, tol: float,
                 exclude: Collection[str]) -> tuple[list[Point], list[tuple[Point, Point]]]:
        points: list[Point] = []
        segments: list[tuple[Point, Point]] = []
        for obj in self._hits(x, y, tol):
            if obj.id in exclude:
                continue
            points += vertices(obj)
            segments += edges(obj)
        if "site" not in exclude:
            site = self._layout().site.boundary
            points += [p for ring in site for p in ring]
            segments += site_edges(self._layout())
        return points, segments

    def point(self, x: float, y: float, pixel_m: float, *, snap: bool = True,
              exclude: Collection[str] = (), origin: Point | None = None, grid: bool = True) -> Snap:
        """Where a cursor at (x, y) lands: a corner, an edge, a 15° direction from ``origin``, the grid."""
        if not (snap and self.enabled):
            return Snap(x, y)
        tol = SNAP_PX * pixel_m
        points, segments = self._targets(x, y, tol, exclude)
        found = self._nearest_corner((x, y), points, tol)
        if found is not None:
            return Snap(*found, "corner")
        if origin is not None:
            polar = self._polar((x, y), origin)
            if polar is not None:
                return Snap(*polar, "angle")
        on_edge = self._nearest_edge((x, y), segments, tol)
        if on_edge is not None:
            return Snap(*self._grid_on_edge((x, y), on_edge, segments, grid), "edge")
        if grid:
            step = self.grid_step
            return Snap(snap_to_grid(x, step), snap_to_grid(y, step), "grid")
        return Snap(x, y)

    def _polar(self, p: Point, origin: Point) -> Point | None:
        """p pulled onto the nearest 15° direction from origin, its length to the grid step."""
        dx, dy = p[0] - origin[0], p[1] - origin[1]
        length = math.hypot(dx, dy)
        if length == 0:
            return None
        angle = math.degrees(math.atan2(dy, dx))
        nearest = round(angle / ANGLE_STEP) * ANGLE_STEP
        if abs(angle - nearest) > ANGLE_PULL:
            return None
        length = max(snap_to_grid(length, self.grid_step), self.grid_step)
        a = math.radians(nearest)
        # Rounded to the nanometre so right angles give exact coordinates (cos 90° is not 0 in floats).
        return (round(origin[0] + length * math.cos(a), 9), round(origin[1] + length * math.sin(a), 9))

    def _grid_on_edge(self, p: Point, on: Point, segments: Iterable[tuple[Point, Point]],
                      grid: bool) -> Point:
        """The grid point nearest ``on`` when it lies on the same edge (boundaries along the grid)."""
        if not grid:
            return on
        step = self.grid_step
        g = (snap_to_grid(on[0], step), snap_to_grid(on[1], step))
        for a, b in segments:
            q, _ = closest_on_segment(on, a, b)
            if math.dist(q, on) < 1e-9:
                r, _ = closest_on_segment(g, a, b)
                if math.dist(r, g) < 1e-9:
                    return g
        return on

    @staticmethod
    def _nearest_corner(p: Point, points: Iterable[Point], tol: float) -> Point | None:
        best, best_d = None, tol
        for q in points:
            d = math.dist(p, q)
            if d <= best_d:
                best, best_d = q, d
        return best

    @staticmethod
    def _nearest_edge(p: Point, segments: Iterable[tuple[Point, Point]], tol: float) -> Point | None:
        best, best_d = None, tol
        for a, b in segments:
            q, _ = closest_on_segment(p, a, b)
            d = math.dist(p, q)
            if d <= best_d:
                best, best_d = q, d
        return best

    def shift(self, moving: Sequence[Point], dx: float, dy: float, pixel_m: float, *, snap: bool = True,
              exclude: Collection[str] = (), grid: str = "steps") -> tuple[float, float, Snap | None]:
        """Adjust a move by (dx, dy) of a shape with corners ``moving`` so a corner lands on something.

        A corner meeting another object's corner wins, then one meeting an
        edge. Failing both, ``grid="steps"`` moves by whole grid steps (what
        is moved keeps its alignment), ``grid="corner"`` puts the first corner
        on the grid (a new object).
        """
        if not (snap and self.enabled) or not moving:
            return dx, dy, None
        tol = SNAP_PX * pixel_m
        corner: tuple[float, float, float, Snap] | None = None    # distance, dx, dy, where
        edge: tuple[float, float, float, Snap] | None = None
        for px, py in list(moving)[:16]:
            x, y = px + dx, py + dy
            points, segments = self._targets(x, y, tol, exclude)
            found = self._nearest_corner((x, y), points, tol)
            if found is not None:
                d = math.dist((x, y), found)
                if corner is None or d < corner[0]:
                    corner = (d, found[0] - px, found[1] - py, Snap(*found, "corner"))
                continue
            on = self._nearest_edge((x, y), segments, tol)
            if on is not None:
                d = math.dist((x, y), on)
                if edge is None or d < edge[0]:
                    edge = (d, on[0] - px, on[1] - py, Snap(*on, "edge"))
        for best in (corner, edge):
            if best is not None:
                return best[1], best[2], best[3]
        px, py = moving[0]
        step = self.grid_step
        if grid == "steps":
            sx, sy = snap_to_grid(dx, step), snap_to_grid(dy, step)
            return sx, sy, Snap(px + sx, py + sy, "grid")
        gx, gy = snap_to_grid(px + dx, step), snap_to_grid(py + dy, step)
        return gx - px, gy - py, Snap(gx, gy, "grid")


@dataclass(frozen=True)
class FlushSnap:
    """A new booth's place flush against a neighbour's side, and the lines that show it."""

    x: float
    y: float
    rotation: float
    neighbour: Booth
    side: str                           # the neighbour's side it touches: front, back, left, right
    contact: tuple[Point, Point]        # the stretch the two booths share
    guide: tuple[Point, Point]          # the line both stand on (their fronts, or a common side), end to end


def flush_reach(width: float, depth: float, pixel_m: float) -> float:
    """How far (metres) from a booth a new one is still pulled against it."""
    return max(FLUSH_PX * pixel_m, FLUSH_SHARE * min(width, depth))


def _turned(rotation: float, neighbour: float) -> tuple[float, int]:
    """The new booth's rotation against a neighbour, and its quarter turns from the neighbour's.

    It takes the neighbour's turn, so a row goes on facing the same way
    (along a slanted edge too); turned more than a quarter turn from it, the
    half turn is kept: back to back behind it, or facing it across.
    """
    d = (rotation - neighbour) % 360.0
    k = 2 if 90.0 + 1e-6 < d < 270.0 - 1e-6 else 0
    return (neighbour + 90.0 * k) % 360.0, k


def _flush_sides(width: float, depth: float, rotation: float, cursor: Point, n: Booth,
                 reach: float) -> list[tuple[float, FlushSnap]]:
    """The places against booth ``n`` and how far each is from the cursor; none when ``n`` is too far.

    The side the ghost is beyond is the one it lands on; with the cursor on
    ``n`` itself it may land on any side (the nearest free one wins), so
    hovering over a row offers the places in front of and behind it.
    """
    turned, k = _turned(rotation, n.rotation)
    gx, gy = (depth / 2, width / 2) if k % 2 else (width / 2, depth / 2)     # half sizes in n's axes
    hx, hy = n.width / 2, n.depth / 2
    u, v = rotate_point((cursor[0] - n.x, cursor[1] - n.y), -n.rotation, (0.0, 0.0))
    gap_x, gap_y = abs(u) - (hx + gx), abs(v) - (hy + gy)
    if max(gap_x, gap_y) > reach:
        return []
    if abs(u) < hx and abs(v) < hy:         # the cursor on n itself
        sides = ["right", "left", "back", "front"]
    elif gap_x >= gap_y:
        sides = ["right" if u >= 0 else "left"]
    else:
        sides = ["back" if v >= 0 else "front"]

    def nearest(value: float, first: float, second: float) -> float:
        return first if abs(value - first) <= abs(value - second) + 1e-9 else second

    def world(p: Point) -> Point:
        q = rotate_point(p, n.rotation, (0.0, 0.0))
        return (n.x + q[0], n.y + q[1])

    found = []
    for side in sides:
        s = 1.0 if side in ("right", "back") else -1.0
        if side in ("right", "left"):       # beside it: side to side, on its front line (or its back line)
            u2, v2 = s * (hx + gx), nearest(v, -hy + gy, hy - gy)
            line = -hy if v2 == -hy + gy else hy
            contact = ((s * hx, max(-hy, v2 - gy)), (s * hx, min(hy, v2 + gy)))
            guide = ((min(-hx, u2 - gx), line), (max(hx, u2 + gx), line))
        else:                               # before or behind it: back to back, side lines in line
            u2, v2 = nearest(u, -hx + gx, hx - gx), s * (hy + gy)
            line = -hx if u2 == -hx + gx else hx
            contact = ((max(-hx, u2 - gx), s * hy), (min(hx, u2 + gx), s * hy))
            guide = ((line, min(-hy, v2 - gy)), (line, max(hy, v2 + gy)))
        x, y = world((u2, v2))
        snap = FlushSnap(x, y, turned, n, side, (world(contact[0]), world(contact[1])),
                         (world(guide[0]), world(guide[1])))
        found.append((math.hypot(u2 - u, v2 - v), snap))
    return found


def flush_against(width: float, depth: float, rotation: float, cursor: Point, booths: Iterable[Booth],
                  reach: float) -> FlushSnap | None:
    """Where a new ``width`` × ``depth`` booth centred at ``cursor`` lands against the nearest of ``booths``.

    Sides touch exactly and the booths line up on a common line, so
    clicking along a row gives touching booths with collinear fronts
    whatever the grid. A place that would overlap another of ``booths`` is
    passed over for the next nearest; None when no booth is within
    ``reach`` metres of the new one.
    """
    near = list(booths)
    found = [r for n in near for r in _flush_sides(width, depth, rotation, cursor, n, reach)]
    found.sort(key=lambda r: r[0])
    half = math.hypot(width, depth) / 2
    for _, snap in found:
        ghost = Booth(id="", x=snap.x, y=snap.y, width=width, depth=depth, rotation=snap.rotation).shape()
        # Only booths whose circles meet the ghost's can overlap it: the exact test is for those few.
        close = [b for b in near if b is not snap.neighbour
                 and math.dist((b.x, b.y), (snap.x, snap.y)) < half + math.hypot(b.width, b.depth) / 2]
        if all(ghost.intersection(b.shape()).area <= OVERLAP_M2 for b in close):
            return snap
    return None
