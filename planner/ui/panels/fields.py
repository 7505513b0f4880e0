"""The fields the properties panel shows, as data: what each edits, how, and its undo name.

A field edits one attribute of the selected objects, or of a part of the
layout (``layout``, ``event``, ``settings``) when nothing is selected. A
selection of several kinds shows the fields they share. Labels are marked
for translation in the "Properties" context and translated when shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from planner.render import names
from planner.model.layout import (
    AMENITY_KINDS, BOOTH_STATUSES, GATE_KINDS, OBSTACLE_KINDS, Amenity, Booth, Gate, LayoutObject,
    Obstacle, Zone,
)

CONTEXT = "Properties"


def ptr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Field:
    key: str                    # the attribute
    label: str                  # shown beside the widget (marked, translated when shown)
    kind: str                   # text, float, int, choice, bool, colour, sides, dates, optional_float, gate_width
    undo: str                   # the undo step's name
    target: str | None = None   # a part of the layout; None: the selected objects
    choices: tuple[tuple[str, str], ...] = ()   # value, marked label
    choice_context: str = "Properties"          # where the choices' labels are translated
    minimum: float = 0.0
    maximum: float = 1e6
    decimals: int = 2
    step: float = 0.1
    suffix: str = ""            # the unit after the value (marked, translated when shown: " m" → " 米")
    none_text: str = ""         # optional_float: what 0 means (the value None)
    moves: bool = False         # changes where the object stands: locked objects keep theirs
    free_text: bool = False     # choice: other values may be typed (zone themes)


def _choices(values: tuple[str, ...], labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Value and marked label of each choice (statuses and kinds come from render.names)."""
    return tuple((v, labels[v]) for v in values)


THEME_LABELS = {
    "innovation": QT_TRANSLATE_NOOP("Properties", "Innovation"),
    "anime": QT_TRANSLATE_NOOP("Properties", "Anime"),
    "heritage": QT_TRANSLATE_NOOP("Properties", "Intangible heritage"),
    "vintage": QT_TRANSLATE_NOOP("Properties", "Vintage"),
    "pets": QT_TRANSLATE_NOOP("Properties", "Pets"),
    "gourmet": QT_TRANSLATE_NOOP("Properties", "Gourmet"),
    "stage": QT_TRANSLATE_NOOP("Properties", "Stage audience"),
    "show": QT_TRANSLATE_NOOP("Properties", "Show spectators"),
    "promenade": QT_TRANSLATE_NOOP("Properties", "Promenade"),
    "queue": QT_TRANSLATE_NOOP("Properties", "Queue"),
}

# -- shared by several kinds ------------------------------------------------------------------
NAME = Field("name", QT_TRANSLATE_NOOP("Properties", "Name"), "text",
             QT_TRANSLATE_NOOP("Properties", "Rename"))
LOCKED = Field("locked", QT_TRANSLATE_NOOP("Properties", "Locked"), "bool",
               QT_TRANSLATE_NOOP("Properties", "Lock or unlock"))
X = Field("x", QT_TRANSLATE_NOOP("Properties", "East (x)"), "float",
          QT_TRANSLATE_NOOP("Properties", "Set position"), minimum=-1e5, maximum=1e5, step=0.1,
          suffix=QT_TRANSLATE_NOOP("Properties", " m"), moves=True)
Y = Field("y", QT_TRANSLATE_NOOP("Properties", "North (y)"), "float",
          QT_TRANSLATE_NOOP("Properties", "Set position"), minimum=-1e5, maximum=1e5, step=0.1,
          suffix=QT_TRANSLATE_NOOP("Properties", " m"), moves=True)

BOOTH_FIELDS = (
    Field("number", QT_TRANSLATE_NOOP("Properties", "Booth number"), "text",
          QT_TRANSLATE_NOOP("Properties", "Set booth number")),
    Field("exhibitor", QT_TRANSLATE_NOOP("Properties", "Exhibitor"), "text",
          QT_TRANSLATE_NOOP("Properties", "Set exhibitor")),
    Field("category", QT_TRANSLATE_NOOP("Properties", "Category"), "text",
          QT_TRANSLATE_NOOP("Properties", "Set category")),
    Field("status", QT_TRANSLATE_NOOP("Properties", "Status"), "choice",
          QT_TRANSLATE_NOOP("Properties", "Set status"), choices=_choices(BOOTH_STATUSES, names.STATUS),
          choice_context=names.CONTEXT),
    Field("width", QT_TRANSLATE_NOOP("Properties", "Width (frontage)"), "float",
          QT_TRANSLATE_NOOP("Properties", "Resize booth"), minimum=0.5, maximum=200, step=0.5,
          suffix=QT_TRANSLATE_NOOP("Properties", " m"), moves=True),
    Field("depth", QT_TRANSLATE_NOOP("Properties", "Depth"), "float",
          QT_TRANSLATE_NOOP("Properties", "Resize booth"), minimum=0.5, maximum=200, step=0.5,
          suffix=QT_TRANSLATE_NOOP("Properties", " m"), moves=True),
    Field("rotation", QT_TRANSLATE_NOOP("Properties", "Rotation"), "float",
          QT_TRANSLATE_NOOP("Properties", "Rotate booth"), minimum=0, maximum=359.9, decimals=1, step=15,
          suffix="°", moves=True),
    Field("open_sides", QT_TRANSLATE_NOOP("Properties", "Open sides"), "sides",
          QT_TRANSLATE_NOOP("Properties", "Set open sides")),
    Field("cooking", QT_TRANSLATE_NOOP("Properties", "Cooking (flame or gas)"), "bool",
          QT_TRANSLATE_NOOP("Properties", "Set cooking")),
    X, Y, LOCKED,
)
ZONE_FIELDS = (
    NAME,
    Field("theme", QT_TRANSLATE_NOOP("Properties", "Theme"), "choice",
          QT_TRANSLATE_NOOP("Properties", "Set theme"), choices=_choices(tuple(THEME_LABELS), THEME_LABELS),
          free_text=True),
    Field("color", QT_TRANSLATE_NOOP("Properties", "Colour"), "colour",
          QT_TRANSLATE_NOOP("Properties", "Set colour")),
    Field("peak_visitors", QT_TRANSLATE_NOOP("Properties", "Peak visitors"), "int",
          QT_TRANSLATE_NOOP("Properties", "Set peak visitors"), maximum=10_000_000, step=100),
    Field("max_density", QT_TRANSLATE_NOOP("Properties", "Density limit"), "optional_float",
          QT_TRANSLATE_NOOP("Properties", "Set density limit"), maximum=20, step=0.1,
          suffix=QT_TRANSLATE_NOOP("Properties", " /m²"),
          none_text=QT_TRANSLATE_NOOP("Properties", "Layout's limit")),
    LOCKED,
)
GATE_FIELDS = (
    NAME,
    Field("kind", QT_TRANSLATE_NOOP("Properties", "Kind"), "choice",
          QT_TRANSLATE_NOOP("Properties", "Set gate kind"), choices=_choices(GATE_KINDS, names.GATE),
          choice_context=names.CONTEXT),
    Field("width", QT_TRANSLATE_NOOP("Properties", "Clear width"), "gate_width",
          QT_TRANSLATE_NOOP("Properties", "Resize gate"), minimum=0.1, maximum=500, step=0.5,
          suffix=QT_TRANSLATE_NOOP("Properties", " m"), moves=True),
    LOCKED,
)
OBSTACLE_FIELDS = (
    NAME,
    Field("kind", QT_TRANSLATE_NOOP("Properties", "Kind"), "choice",
          QT_TRANSLATE_NOOP("Properties", "Set obstacle kind"),
          choices=_choices(OBSTACLE_KINDS, names.OBSTACLE), choice_context=names.CONTEXT),
    LOCKED,
)
AMENITY_FIELDS = (
    NAME,
    Field("kind", QT_TRANSLATE_NOOP("Properties", "Kind"), "choice",
          QT_TRANSLATE_NOOP("Properties", "Set amenity kind"), choices=_choices(AMENITY_KINDS, names.AMENITY),
          choice_context=names.CONTEXT),
    X, Y, LOCKED,
)
OBJECT_FIELDS: dict[type, tuple[Field, ...]] = {
    Booth: BOOTH_FIELDS, Zone: ZONE_FIELDS, Gate: GATE_FIELDS, Obstacle: OBSTACLE_FIELDS,
    Amenity: AMENITY_FIELDS,
}

_SET_EVENT = QT_TRANSLATE_NOOP("Properties", "Change event details")
_SET_SETTINGS = QT_TRANSLATE_NOOP("Properties", "Change analysis settings")
EVENT_FIELDS = (
    Field("name", QT_TRANSLATE_NOOP("Properties", "Layout name"), "text",
          QT_TRANSLATE_NOOP("Properties", "Rename layout"), target="layout"),
    Field("venue", QT_TRANSLATE_NOOP("Properties", "Venue"), "text", _SET_EVENT, target="event"),
    Field("dates", QT_TRANSLATE_NOOP("Properties", "Dates"), "dates", _SET_EVENT, target="event"),
    Field("organiser", QT_TRANSLATE_NOOP("Properties", "Organiser"), "text", _SET_EVENT, target="event"),
    Field("revision", QT_TRANSLATE_NOOP("Properties", "Revision"), "text", _SET_EVENT, target="event"),
)
SETTINGS_FIELDS = (
    Field("min_aisle_width", QT_TRANSLATE_NOOP("Properties", "Minimum aisle width"), "float", _SET_SETTINGS,
          target="settings", minimum=0.1, maximum=50, suffix=QT_TRANSLATE_NOOP("Properties", " m")),
    Field("body_radius", QT_TRANSLATE_NOOP("Properties", "Body radius"), "float", _SET_SETTINGS,
          target="settings", minimum=0.05, maximum=2, step=0.01, suffix=QT_TRANSLATE_NOOP("Properties", " m")),
    Field("walking_speed", QT_TRANSLATE_NOOP("Properties", "Walking speed"), "float", _SET_SETTINGS,
          target="settings", minimum=0.1, maximum=5, suffix=QT_TRANSLATE_NOOP("Properties", " m/s")),
    Field("specific_flow", QT_TRANSLATE_NOOP("Properties", "Specific flow"), "float", _SET_SETTINGS,
          target="settings", minimum=1, maximum=500, decimals=1, step=1,
          suffix=QT_TRANSLATE_NOOP("Properties", " /m/min")),
    Field("max_egress_time", QT_TRANSLATE_NOOP("Properties", "Maximum egress time"), "float", _SET_SETTINGS,
          target="settings", minimum=1, maximum=36000, decimals=0, step=30,
          suffix=QT_TRANSLATE_NOOP("Properties", " s")),
    Field("max_density", QT_TRANSLATE_NOOP("Properties", "Maximum density"), "float", _SET_SETTINGS,
          target="settings", minimum=0.1, maximum=20, suffix=QT_TRANSLATE_NOOP("Properties", " /m²")),
    Field("max_exit_distance", QT_TRANSLATE_NOOP("Properties", "Maximum distance to an exit"),
          "optional_float", _SET_SETTINGS, target="settings", maximum=100_000, decimals=0, step=10,
          suffix=QT_TRANSLATE_NOOP("Properties", " m"), none_text=QT_TRANSLATE_NOOP("Properties", "No limit")),
)


def fields_for(objects: list[LayoutObject]) -> tuple[Field, ...]:
    """The fields every one of ``objects`` has, in the order of the first kind's list."""
    kinds = list(dict.fromkeys(type(o) for o in objects))
    if not kinds:
        return ()
    shared = [f for f in OBJECT_FIELDS[kinds[0]] if all(f in OBJECT_FIELDS[k] for k in kinds[1:])]
    return tuple(shared)


def value_of(field: Field, obj: object) -> object:
    if field.kind == "gate_width":
        assert isinstance(obj, Gate)
        return obj.width
    return getattr(obj, field.key)


def gate_resized(gate: Gate, width: float) -> dict[str, tuple[float, float]]:
    """New ends of a gate of ``width`` about the same middle, along the same line."""
    (ax, ay), (bx, by) = gate.a, gate.b
    mx, my = gate.midpoint
    length = gate.width
    ux, uy = ((bx - ax) / length, (by - ay) / length) if length > 0 else (1.0, 0.0)
    h = width / 2
    return {"a": (mx - ux * h, my - uy * h), "b": (mx + ux * h, my + uy * h)}
