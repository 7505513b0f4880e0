"""What booth statuses and types and the kinds of gates, obstacles and amenities are called.

One table for the canvas, the panels and the printed legend, so the editor
and the booth map use the same words. Marked for Qt's translation system
(context "Names") and translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Names"

STATUS = {
    "available": QT_TRANSLATE_NOOP("Names", "Available"),
    "reserved": QT_TRANSLATE_NOOP("Names", "Reserved"),
    "sold": QT_TRANSLATE_NOOP("Names", "Sold"),
    "blocked": QT_TRANSLATE_NOOP("Names", "Blocked"),
}

BOOTH_TYPE = {                      # follows the open sides (SPEC §2)
    "inline": QT_TRANSLATE_NOOP("Names", "Inline"),
    "corner": QT_TRANSLATE_NOOP("Names", "Corner"),
    "double-sided": QT_TRANSLATE_NOOP("Names", "Double-sided"),
    "peninsula": QT_TRANSLATE_NOOP("Names", "Peninsula"),
    "island": QT_TRANSLATE_NOOP("Names", "Island"),
    "closed": QT_TRANSLATE_NOOP("Names", "Closed (no open side)"),
}

GATE = {
    "entrance": QT_TRANSLATE_NOOP("Names", "Entrance"),
    "exit": QT_TRANSLATE_NOOP("Names", "Exit"),
    "both": QT_TRANSLATE_NOOP("Names", "Entrance and exit"),
}

OBSTACLE = {
    "water": QT_TRANSLATE_NOOP("Names", "Water"),
    "building": QT_TRANSLATE_NOOP("Names", "Building"),
    "stage": QT_TRANSLATE_NOOP("Names", "Stage"),
    "structure": QT_TRANSLATE_NOOP("Names", "Structure"),
    "vegetation": QT_TRANSLATE_NOOP("Names", "Trees and planting"),
    "restricted": QT_TRANSLATE_NOOP("Names", "No-go area"),
}

AMENITY = {
    "toilets": QT_TRANSLATE_NOOP("Names", "Toilets"),
    "first_aid": QT_TRANSLATE_NOOP("Names", "First aid"),
    "info": QT_TRANSLATE_NOOP("Names", "Information"),
    "water": QT_TRANSLATE_NOOP("Names", "Drinking water"),
    "charging": QT_TRANSLATE_NOOP("Names", "Phone charging"),
    "security": QT_TRANSLATE_NOOP("Names", "Security"),
    "fire_extinguisher": QT_TRANSLATE_NOOP("Names", "Fire extinguisher"),
    "fire_hydrant": QT_TRANSLATE_NOOP("Names", "Fire hydrant"),
    "assembly_point": QT_TRANSLATE_NOOP("Names", "Assembly point"),
    "other": QT_TRANSLATE_NOOP("Names", "Other"),
}


RULE = {                            # the rules of SPEC §4, as an organiser reads them
    "aisle-too-narrow": QT_TRANSLATE_NOOP("Names", "Aisle too narrow"),
    "booth-unreachable": QT_TRANSLATE_NOOP("Names", "Booth cannot be reached"),
    "booth-closed": QT_TRANSLATE_NOOP("Names", "Booth with no open side"),
    "booth-overlap": QT_TRANSLATE_NOOP("Names", "Booths overlap"),
    "booth-outside-site": QT_TRANSLATE_NOOP("Names", "Booth outside the site"),
    "duplicate-booth-number": QT_TRANSLATE_NOOP("Names", "Booth number used twice"),
    "zone-unreachable": QT_TRANSLATE_NOOP("Names", "Zone cannot be reached"),
    "zone-overlap": QT_TRANSLATE_NOOP("Names", "Zones overlap"),
    "invalid-geometry": QT_TRANSLATE_NOOP("Names", "Shape that cannot be used"),
    "gate-off-boundary": QT_TRANSLATE_NOOP("Names", "Gate off the site boundary"),
    "no-exit": QT_TRANSLATE_NOOP("Names", "No exit"),
    "egress-too-slow": QT_TRANSLATE_NOOP("Names", "Egress too slow"),
    "zone-too-dense": QT_TRANSLATE_NOOP("Names", "Zone too dense"),
    "zone-crowded": QT_TRANSLATE_NOOP("Names", "Zone crowded"),
    "aisle-overloaded": QT_TRANSLATE_NOOP("Names", "Aisle overloaded"),
    "exit-too-narrow": QT_TRANSLATE_NOOP("Names", "Exit too narrow"),
    "egress-without-largest-exit": QT_TRANSLATE_NOOP("Names", "Egress too slow without the widest exit"),
    "exit-too-far": QT_TRANSLATE_NOOP("Names", "Exit too far"),
}


def kind_name(table: dict[str, str], key: str) -> str:
    """The name of ``key`` from one of the tables above, in the current language."""
    return QCoreApplication.translate(CONTEXT, table.get(key, key))
