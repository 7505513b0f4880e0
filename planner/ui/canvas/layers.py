"""Layers of the plan: which kinds of object are shown, and which can be picked and changed.

A layer is a view setting of one window, not part of the layout file. Hidden
or locked layers are skipped by the tools; the ``locked`` field of an object
(SPEC §2) is the per-object lock and lives in the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from planner.model.layout import Amenity, Booth, Gate, LayoutObject, Obstacle, Zone

CONTEXT = "Layers"

# key, name shown in the panel; the panel lists them top (drawn last) to bottom.
LAYERS: tuple[tuple[str, str], ...] = (
    ("labels", QT_TRANSLATE_NOOP("Layers", "Labels")),
    ("amenities", QT_TRANSLATE_NOOP("Layers", "Amenities")),
    ("gates", QT_TRANSLATE_NOOP("Layers", "Gates")),
    ("booths", QT_TRANSLATE_NOOP("Layers", "Booths")),
    ("obstacles", QT_TRANSLATE_NOOP("Layers", "Obstacles")),
    ("zones", QT_TRANSLATE_NOOP("Layers", "Zones")),
    ("site", QT_TRANSLATE_NOOP("Layers", "Site boundary")),
    ("background", QT_TRANSLATE_NOOP("Layers", "Background image")),
)
LAYER_KEYS = tuple(key for key, _ in LAYERS)
# The analysis drawn over the plan: layers that are shown or hidden, never locked.
ANALYSIS_LAYERS: tuple[tuple[str, str], ...] = (
    ("narrow_aisles", QT_TRANSLATE_NOOP("Layers", "Narrow aisles")),
    ("bottlenecks", QT_TRANSLATE_NOOP("Layers", "Egress bottleneck")),
    ("zone_service", QT_TRANSLATE_NOOP("Layers", "Zone level of service")),
    ("paths", QT_TRANSLATE_NOOP("Layers", "Paths between gates and zones")),
    ("catchments", QT_TRANSLATE_NOOP("Layers", "Exit catchments")),
    ("walk_heat", QT_TRANSLATE_NOOP("Layers", "Walking time to exits")),
)
ANALYSIS_SHOWN = ("narrow_aisles", "bottlenecks")     # shown from the start; the rest on demand
# Drawn from the walking-time grid, which the analysis makes only while one of them is shown.
GRID_LAYERS = ("catchments", "walk_heat")
_OF_TYPE: dict[type, str] = {Booth: "booths", Zone: "zones", Obstacle: "obstacles", Gate: "gates",
                             Amenity: "amenities"}


def layer_name(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, dict(LAYERS + ANALYSIS_LAYERS)[key])


def layer_of(obj: LayoutObject | type) -> str:
    kind = obj if isinstance(obj, type) else type(obj)
    return _OF_TYPE[kind]


@dataclass
class LayerState:
    visible: bool = True
    locked: bool = False


class Layers(QObject):
    changed = Signal(str)   # the key of the layer that changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = {key: LayerState() for key in LAYER_KEYS}
        self._state.update({key: LayerState(visible=key in ANALYSIS_SHOWN) for key, _ in ANALYSIS_LAYERS})

    def visible(self, key: str) -> bool:
        return self._state[key].visible

    def locked(self, key: str) -> bool:
        return self._state[key].locked

    def any_visible(self, keys: tuple[str, ...]) -> bool:
        return any(self._state[key].visible for key in keys)

    def editable(self, key: str) -> bool:
        """Objects of the layer can be picked and changed: shown and not locked."""
        state = self._state[key]
        return state.visible and not state.locked

    def set_visible(self, key: str, visible: bool) -> None:
        if self._state[key].visible != visible:
            self._state[key].visible = visible
            self.changed.emit(key)

    def set_locked(self, key: str, locked: bool) -> None:
        if self._state[key].locked != locked:
            self._state[key].locked = locked
            self.changed.emit(key)
