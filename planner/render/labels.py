"""Which names give way to which, at one zoom: shared by the canvas and every export.

Gate names keep a legible size on an overview, so they are large on the
ground, and two gates a few dozen metres apart would print their names over
each other. Amenity names ("Fire extinguisher · 灭火器 3") sit under their
badge, often over the booths of the next row, and would hide booth numbers.
So, at a given scale, names are placed one by one on a shared list of
rectangles: booths come first and always win; a gate's name that would run
into another gate's name is left out (the gate line and its colour stay, and
the selected gate's properties name it); an amenity's name tries below its
badge, then above, right and left, and is left out where none is free (the
badge stays, and the legend names its kind).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from planner.render import graphics as g
from planner.render.style import Style
from planner.render.text import label_rect, text_width

AMENITY_SPOTS = 4          # below the badge, above it, to its right, to its left
_CELL_M = 8.0              # side of a cell of the rectangle index


def amenity_size(style: Style, scale: float) -> float:
    """Badge diameter in metres: its ground size, held between a legible and a quiet size on screen."""
    size = min(max(style.amenity_m, style.amenity_min_px / scale), style.amenity_max_m)
    return min(size, style.amenity_max_px / scale)


def gate_label_height(style: Style, scale: float) -> float:
    """A gate name's height in metres: its ground size, held legible on an overview and quiet up close."""
    height = min(max(style.gate_label_m, style.gate_label_min_px / scale), style.gate_label_max_m)
    return min(height, style.gate_label_max_px / scale)


def amenity_label_at(amenity: g.AmenityGraphic, style: Style, scale: float, spot: int = 0) -> g.Label | None:
    """An amenity's name as drawn at ``scale`` pixels per metre in ``spot`` (0 below the badge, 1 above,
    2 right, 3 left), or None when it has none or it is too small to read there."""
    label = amenity.label
    if label is None:
        return None
    h = min(label.height_m, style.amenity_label_max_px / scale)
    if h * scale < style.amenity_label_min_px:
        return None
    r = amenity_size(style, scale) / 2
    x, y = amenity.pos.x(), amenity.pos.y()
    if spot == 0:
        at = QPointF(x, y + r + h * 0.8)
    elif spot == 1:
        at = QPointF(x, y - r - h * 0.8)
    else:
        side = r + h * 0.3 + text_width(label.text, h, label.bold) / 2
        at = QPointF(x + side if spot == 2 else x - side, y)
    return g.Label(label.text, at, h, label.colour, label.bold)


def amenity_label_rect(amenity: g.AmenityGraphic, style: Style, scale: float, spot: int = 0) -> QRectF | None:
    """The scene rectangle of ``amenity_label_at`` (None when the name is not drawn)."""
    label = amenity_label_at(amenity, style, scale, spot)
    return None if label is None else label_rect(label.text, label.pos, label.height_m, label.bold)


def gate_label_drawn_rect(gate: g.GateGraphic, style: Style, scale: float) -> QRectF | None:
    """The scene rectangle of a gate's name at ``scale`` (None when it has none or it is too small)."""
    if gate.label is None:
        return None
    h = gate_label_height(style, scale)
    if h * scale < style.min_label_px:
        return None
    return g.gate_label_rect(gate, h, style)


class RectIndex:
    """Rectangles found by the cells of ground they reach into: a few thousand booths, queried often."""

    def __init__(self, rects: Iterable[QRectF] = ()) -> None:
        self._cells: dict[tuple[int, int], list[QRectF]] = {}
        for rect in rects:
            self.add(rect)

    def _keys(self, rect: QRectF) -> Iterable[tuple[int, int]]:
        x0, x1 = math.floor(rect.left() / _CELL_M), math.floor(rect.right() / _CELL_M)
        y0, y1 = math.floor(rect.top() / _CELL_M), math.floor(rect.bottom() / _CELL_M)
        return ((i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1))

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self._cells.setdefault(key, []).append(rect)

    def hits(self, rect: QRectF) -> bool:
        """True when ``rect`` overlaps a rectangle of the index (touching edges do not count)."""
        for key in self._keys(rect):
            for other in self._cells.get(key, ()):
                if rect.intersects(other):
                    return True
        return False


@dataclass
class LabelPlan:
    """Where names go at one scale: per gate (by position in the list) drawn or not, per amenity its
    spot (``amenity_label_at``) or None; ``rects`` are the names' rectangles as placed."""

    gates: list[bool]
    amenities: list[int | None]
    rects: list[QRectF]


def place_labels(booths: RectIndex, gates: Sequence[g.GateGraphic], amenities: Sequence[g.AmenityGraphic],
                 style: Style, scale: float) -> LabelPlan:
    """Place gate names, then amenity names, at ``scale``, none over a booth or another placed name.

    Wider gates are named first: on an overview the main entrances keep their names.
    """
    taken = RectIndex()
    rects: list[QRectF] = []
    shown_gates = [True] * len(gates)
    by_width = sorted(range(len(gates)), key=lambda i: -math.dist(
        (gates[i].a.x(), gates[i].a.y()), (gates[i].b.x(), gates[i].b.y())))
    for i in by_width:
        rect = gate_label_drawn_rect(gates[i], style, scale)
        if rect is None:
            continue
        if taken.hits(rect):
            shown_gates[i] = False
            continue
        taken.add(rect)
        rects.append(rect)
    spots: list[int | None] = []
    for amenity in amenities:
        chosen: int | None = 0
        for spot in range(AMENITY_SPOTS):
            rect = amenity_label_rect(amenity, style, scale, spot)
            if rect is None:
                break                        # nothing drawn: nothing to place
            if not booths.hits(rect) and not taken.hits(rect):
                taken.add(rect)
                rects.append(rect)
                chosen = spot
                break
        else:
            chosen = None
        spots.append(chosen)
    return LabelPlan(shown_gates, spots, rects)


__all__ = [
    "AMENITY_SPOTS", "LabelPlan", "RectIndex", "amenity_label_at", "amenity_label_rect", "amenity_size",
    "gate_label_drawn_rect", "gate_label_height", "place_labels",
]
