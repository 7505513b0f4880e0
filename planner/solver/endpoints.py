"""Resolve what a user types as a route endpoint (SPEC §3)."""

from __future__ import annotations

from dataclasses import dataclass

from planner.i18n import tr
from planner.model.layout import Booth, Gate, Layout, Zone
from planner.solver.walkable import Areas

SNAP_LIMIT = 2.0   # metres a typed point may be moved onto walkable ground


class EndpointError(Exception):
    """An endpoint that cannot be used, in one sentence."""


@dataclass
class Endpoint:
    label: str                  # the id, or the typed "x,y"
    point: tuple[float, float]


def _as_point(text: str) -> tuple[float, float] | None:
    parts = text.replace(";", ",").split(",")
    if len(parts) != 2:
        return None
    try:
        x, y = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if x != x or y != y or abs(x) == float("inf") or abs(y) == float("inf"):
        return None
    return (x, y)


def resolve(text: str, layout: Layout, areas: Areas) -> Endpoint:
    from planner.solver.analysis import booth_side_points, gate_endpoint, zone_endpoint

    point = _as_point(text)
    if point is not None:
        moved = areas.nearest_navigable(point, SNAP_LIMIT + layout.settings.body_radius)
        if moved is None:
            raise EndpointError(tr("The point {point} is not on walkable ground, nor within {limit} m of it.",
                                   point=text, limit=SNAP_LIMIT))
        return Endpoint(text, moved)
    obj = layout.get(text)
    if obj is None:
        matches = [b for b in layout.booths if b.number == text]
        if not matches:
            folded = text.casefold()
            matches = [o for o in (*layout.gates, *layout.zones) if o.name and o.name.casefold() == folded]
        if len(matches) > 1:
            listed = ", ".join(f"{getattr(o, 'name', '') or getattr(o, 'number', '')} ({o.id})" for o in matches)
            raise EndpointError(tr("{text} could mean several things: {matches}; use an id.",
                                   text=text, matches=listed))
        obj = matches[0] if matches else None
    if obj is None:
        raise EndpointError(tr("{text} is neither x,y nor the id, booth number, gate or zone name of "
                               "anything in the layout.", text=text))
    if isinstance(obj, Gate):
        p = gate_endpoint(obj, areas, layout)
    elif isinstance(obj, Zone):
        p = zone_endpoint(obj, areas)
    elif isinstance(obj, Booth):
        sides = [q for q in booth_side_points(obj, areas, layout) if q is not None]
        p = sides[0] if sides else None
    else:
        raise EndpointError(tr("{text} is not a gate, zone or booth.", text=text))
    if p is None:
        raise EndpointError(tr("{text} has no walkable ground to start from.", text=text))
    return Endpoint(obj.id, p)
