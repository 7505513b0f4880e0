"""Plain geometry shared by the model, the formats and the solver (no Qt).

Polygons are tuples of rings, each a tuple of ``(x, y)`` points in metres,
x east and y north. Rings are kept normalised: no repeated closing point,
the outer ring counter-clockwise and holes clockwise, so two equal shapes
compare equal point for point.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import shapely
from shapely.geometry import Polygon as ShapelyPolygon

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]

# Area two shapes must share before they overlap (m²): below it they merely touch. The
# booth-overlap rule reports by it and the editor warns by it while booths are dragged.
OVERLAP_AREA = 0.01


def signed_area(ring: Sequence[Point]) -> float:
    """Shoelace area: positive for a counter-clockwise ring."""
    total = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return total / 2.0


def normalise_ring(points: Iterable[Sequence[float]], *, outer: bool) -> Ring:
    """Drop a repeated closing point and orient the ring (outer CCW, hole CW)."""
    ring = [(float(p[0]), float(p[1])) for p in points]
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    area = signed_area(ring)
    if (outer and area < 0) or (not outer and area > 0):
        ring.reverse()
    return tuple(ring)


def normalise_polygon(rings: Iterable[Iterable[Sequence[float]]]) -> Polygon:
    return tuple(normalise_ring(r, outer=(i == 0)) for i, r in enumerate(rings))


def to_shapely(polygon: Polygon) -> ShapelyPolygon:
    """A shapely polygon of the rings, repaired when a ring crosses itself."""
    shape = ShapelyPolygon(polygon[0], polygon[1:])
    if not shape.is_valid:
        shape = shapely.make_valid(shape)
    return shape


def is_simple(polygon: Polygon) -> bool:
    """True when the rings form a valid polygon (no ring crosses itself)."""
    return ShapelyPolygon(polygon[0], polygon[1:]).is_valid


def translate_polygon(polygon: Polygon, dx: float, dy: float) -> Polygon:
    return tuple(tuple((x + dx, y + dy) for x, y in ring) for ring in polygon)


def rotate_point(point: Point, angle_deg: float, centre: Point) -> Point:
    """Turn ``point`` counter-clockwise by ``angle_deg`` about ``centre``."""
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    x, y = point[0] - centre[0], point[1] - centre[1]
    return (centre[0] + c * x - s * y, centre[1] + s * x + c * y)


def rotate_polygon(polygon: Polygon, angle_deg: float, centre: Point) -> Polygon:
    return tuple(tuple(rotate_point(p, angle_deg, centre) for p in ring) for ring in polygon)


def polygon_centroid(polygon: Polygon) -> Point:
    c = to_shapely(polygon).centroid
    return (c.x, c.y)


def polygon_bounds(polygon: Polygon) -> tuple[float, float, float, float]:
    xs = [p[0] for p in polygon[0]]
    ys = [p[1] for p in polygon[0]]
    return (min(xs), min(ys), max(xs), max(ys))
