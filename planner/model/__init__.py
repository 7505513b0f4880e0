"""The layout model: plain Python and shapely, never Qt."""

from planner.model.layout import (
    AMENITY_KINDS, BOOTH_SIDES, BOOTH_STATUSES, GATE_KINDS, OBSTACLE_KINDS,
    Amenity, Background, Booth, Change, Event, Gate, Georef, Layout, Obstacle,
    Settings, Site, Zone,
)

__all__ = [
    "AMENITY_KINDS", "BOOTH_SIDES", "BOOTH_STATUSES", "GATE_KINDS", "OBSTACLE_KINDS",
    "Amenity", "Background", "Booth", "Change", "Event", "Gate", "Georef", "Layout",
    "Obstacle", "Settings", "Site", "Zone",
]
