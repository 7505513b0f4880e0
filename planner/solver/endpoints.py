"""Resolve what a user types as a route endpoint (SPEC §3)."""

from __future__ import annotations

from dataclasses import dataclass

from planner.i18n import format_list, tr
from planner.model.layout import Amenity, Booth, Gate, Layout, Zone
from planner.solver.walkable import Areas

SNAP_LIMIT = 2.0   # metres a typed point may be moved onto walkable ground


class EndpointError(Exception):
    """An endpoint that cannot be used, in one sentence."""


@dataclass
class Endpoint:
    label: str                  # the id, or the typed "x,y"
    point: tuple[float, float] | None


def _as_point(text: str) -> tuple[float, float] | None:
    parts = text.strip().strip("()[]").replace(";", ",").split(",")
    if len(parts) != 2:
        return None
    try:
        x, y = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if x != x or y != y or abs(x) == float("inf") or abs(y) == float("inf"):
        return None
    return (x, y)


def _name_parts(name: str) -> list[str]:
    """A bilingual name and each of its halves: "Anime · 动漫" → whole, "Anime", "动漫"."""
    folded = name.casefold().strip()
    return [folded] + [p.strip() for p in folded.split("·") if p.strip() and "·" in folded]


def _find(text: str, layout: Layout) -> list:
    """What ``text`` names: an id, a booth number, or a gate, zone or amenity name (or half of one)."""
    obj = layout.get(text)
    if obj is not None:
        return [obj]
    folded = text.casefold().strip()
    for same in (lambda b: b.number == text, lambda b: b.number.casefold() == folded):
        booths = [b for b in layout.booths if b.number and same(b)]
        if booths:
            return booths
    named = [o for o in (*layout.gates, *layout.zones, *layout.amenities) if o.name]
    whole = [o for o in named if _name_parts(o.name)[0] == folded]
    if whole:
        return whole
    return [o for o in named if folded in _name_parts(o.name)[1:]]


def resolve(text: str, layout: Layout, areas: Areas) -> Endpoint:
    """The walking endpoint a user means; ``point`` is None when it has no walkable ground."""
    from planner.solver.analysis import booth_side_points, gate_endpoint, zone_endpoint

    text = text.strip()
    point = _as_point(text)
    if point is not None:
        moved = areas.nearest_navigable(point, SNAP_LIMIT + layout.settings.body_radius)
        if moved is None:
            raise EndpointError(tr("The point {point} is not on walkable ground, nor within {limit} m of it.",
                                   point=text, limit=SNAP_LIMIT))
        return Endpoint(text, moved)
    matches = _find(text, layout)
    if len(matches) > 1:
        listed = format_list([f"{getattr(o, 'name', '') or getattr(o, 'number', '')} ({o.id})" for o in matches])
        raise EndpointError(tr("{text} could mean several things: {matches}; use an id.",
                               text=text, matches=listed))
    if not matches:
        raise EndpointError(tr("{text} is neither x,y nor the id, booth number, or gate, zone or amenity "
                               "name of anything in the layout.", text=text))
    obj = matches[0]
    if isinstance(obj, Gate):
        p = gate_endpoint(obj, areas, layout)
    elif isinstance(obj, Zone):
        p = zone_endpoint(obj, areas)
    elif isinstance(obj, Booth):
        sides = [q for q in booth_side_points(obj, areas, layout) if q is not None]
        p = sides[0] if sides else None
    elif isinstance(obj, Amenity):
        p = areas.nearest_navigable((obj.x, obj.y), SNAP_LIMIT + layout.settings.body_radius)
    else:
        raise EndpointError(tr("{text} is not a gate, zone, booth or amenity.", text=text))
    return Endpoint(obj.id, p)
