"""The layout as GeoJSON for GIS tools (no Qt).

With a ``georef`` the coordinates are WGS84 longitude and latitude (RFC 7946),
converted on a local tangent plane at the layout's origin: over a festival
site of a few hundred metres the error is far below a centimetre. Without a
``georef`` the coordinates are the layout's own metres (x east, y north),
which RFC 7946 does not foresee; the file says so in its ``coordinate_system``
member, and a GIS user can place it with an affine transform.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from typing import Any

from planner.model.geometry import Polygon
from planner.model.layout import Georef, Layout

# WGS84 ellipsoid
_A = 6378137.0
_E2 = 6.69437999014e-3
DECIMALS_DEGREES = 8      # about a millimetre
DECIMALS_METRES = 3

Transform = Callable[[float, float], tuple[float, float]]


def local_to_wgs84(georef: Georef) -> Transform:
    """(x, y) local metres → (lon, lat) degrees on the tangent plane at the origin.

    ``rotation_deg`` turns the local +y axis clockwise from true north, so a
    local vector (x, y) points x·cos θ + y·sin θ east and −x·sin θ + y·cos θ north.
    """
    phi = math.radians(georef.lat)
    s = math.sin(phi)
    meridian = _A * (1 - _E2) / (1 - _E2 * s * s) ** 1.5      # metres per radian of latitude
    normal = _A / math.sqrt(1 - _E2 * s * s)                    # ... of longitude, at the equator
    per_lat = math.degrees(1.0 / meridian)
    per_lon = math.degrees(1.0 / (normal * math.cos(phi)))
    theta = math.radians(georef.rotation_deg)
    c, sn = math.cos(theta), math.sin(theta)

    def transform(x: float, y: float) -> tuple[float, float]:
        east = x * c + y * sn
        north = -x * sn + y * c
        return (round(georef.lon + east * per_lon, DECIMALS_DEGREES),
                round(georef.lat + north * per_lat, DECIMALS_DEGREES))

    return transform


def _local(x: float, y: float) -> tuple[float, float]:
    return (round(x, DECIMALS_METRES), round(y, DECIMALS_METRES))


def _ring(points: Sequence[Sequence[float]], t: Transform) -> list[list[float]]:
    ring = [list(t(p[0], p[1])) for p in points]
    if ring and ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return ring


def _polygon(polygon: Polygon, t: Transform) -> dict[str, Any]:
    # The model keeps outer rings counter-clockwise and holes clockwise, as RFC 7946 asks;
    # the conversion turns and scales but never mirrors, so the winding survives.
    return {"type": "Polygon", "coordinates": [_ring(r, t) for r in polygon]}


def _feature(geometry: dict[str, Any], **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "id": properties.get("id"), "geometry": geometry, "properties": properties}


def layout_geojson(layout: Layout) -> dict[str, Any]:
    """A FeatureCollection: site, obstacles, zones, gates, booths and amenities, each with its kind."""
    georef = layout.georef
    t = local_to_wgs84(georef) if georef is not None else _local
    zone_of = layout.zone_of_booths()
    features: list[dict[str, Any]] = [
        _feature(_polygon(layout.site.boundary, t), id="site", layer="site", name=layout.name),
    ]
    for o in layout.obstacles:
        features.append(_feature(_polygon(o.polygon, t), id=o.id, layer="obstacle", kind=o.kind, name=o.name))
    for z in layout.zones:
        features.append(_feature(_polygon(z.polygon, t), id=z.id, layer="zone", name=z.name, theme=z.theme,
                                 color=z.color, peak_visitors=z.peak_visitors))
    for g in layout.gates:
        features.append(_feature({"type": "LineString", "coordinates": [list(t(*g.a)), list(t(*g.b))]},
                                 id=g.id, layer="gate", kind=g.kind, name=g.name,
                                 width_m=round(g.width, 3)))
    for b in layout.booths:
        features.append(_feature({"type": "Polygon", "coordinates": [_ring(b.corners(), t)]},
                                 id=b.id, layer="booth", number=b.number, exhibitor=b.exhibitor,
                                 zone=zone_of[b.id], status=b.status, width_m=b.width, depth_m=b.depth,
                                 rotation=b.rotation, open_sides=list(b.ordered_open_sides),
                                 type=b.booth_type, category=b.category, cooking=b.cooking))
    for a in layout.amenities:
        features.append(_feature({"type": "Point", "coordinates": list(t(a.x, a.y))},
                                 id=a.id, layer="amenity", kind=a.kind, name=a.name))
    if georef is not None:
        system = {
            "type": "WGS84", "epsg": 4326, "axes": "longitude, latitude (degrees)",
            "from": "the layout's georef, on a local tangent plane at its origin",
            "origin": {"lat": georef.lat, "lon": georef.lon}, "rotation_deg": georef.rotation_deg,
        }
    else:
        system = {
            "type": "local", "units": "metres", "axes": "x east, y north",
            "note": "the layout has no georef, so these are the layout's own metres, not longitude and latitude",
        }
    return {"type": "FeatureCollection", "name": layout.name, "coordinate_system": system,
            "features": features}


def dumps_geojson(layout: Layout) -> str:
    return json.dumps(layout_geojson(layout), ensure_ascii=False, allow_nan=False) + "\n"
