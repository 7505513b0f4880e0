"""Snapping in model metres: to object corners, then edges, then 15° directions, then the grid.

Tolerances are given in screen pixels and turned into metres with the
event's ``pixel_m``, so snapping feels the same at every zoom. The grid
step is the one the view shows. Holding Ctrl turns snapping off
(``ToolEvent.snap``); the View menu can turn it off for good.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from planner.model.geometry import Point
from planner.model.layout import Amenity, Booth, Gate, Layout, LayoutObject, Obstacle, Zone

SNAP_PX = 9.0          # corners and edges within this many pixels attract the cursor
ANGLE_STEP = 15.0      # degrees
ANGLE_PULL = 4.0       # degrees: how near a 15° direction the cursor must be to be pulled onto it


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
