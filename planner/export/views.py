"""The three maps an organiser hands out, and what each shows.

- exhibitor: booths coloured by status, numbers, every amenity;
- visitor: booths in their zone's colour (no statuses), every amenity;
- safety: booths quiet except those that cook, exits with their clear widths,
  the egress bottlenecks from the analysis, fire equipment, first aid,
  security and assembly points.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from planner.export import typeset
from planner.export.strings import metres
from planner.model.layout import Layout
from planner.render import graphics as g
from planner.render.geometry import device_scale, scene_point
from planner.render.painter import RenderOptions
from planner.render.style import Style, qcolor

SAFETY_AMENITIES = frozenset({"first_aid", "fire_extinguisher", "fire_hydrant", "assembly_point", "security"})


@dataclass(frozen=True)
class View:
    name: str
    render: RenderOptions

    @property
    def statuses(self) -> bool:
        return self.name == "exhibitor"

    @property
    def safety(self) -> bool:
        return self.name == "safety"


def make_view(name: str, style: Style) -> View:
    if name == "visitor":
        return View(name, RenderOptions(style=style, booth_fill="zone"))
    if name == "safety":
        return View(name, RenderOptions(style=style, booth_fill="safety", amenity_kinds=SAFETY_AMENITIES))
    return View("exhibitor", RenderOptions(style=style, booth_fill="status"))


@dataclass(frozen=True)
class ExitMark:
    """An exit's clear width, written inside the site beside it (and whether it is a bottleneck)."""

    gate: g.GateGraphic
    width_m: float
    bottleneck: bool


@dataclass(frozen=True)
class Bottleneck:
    a: QPointF
    b: QPointF
    width_m: float


def safety_marks(layout: Layout, graphics: list[g.GateGraphic], egress: dict | None
                 ) -> tuple[list[ExitMark], list[Bottleneck]]:
    """Exit tags for every exit, and the bottlenecks that are not an exit's own width."""
    segments = [] if not egress else [(b["segment"], float(b["width_m"])) for b in egress.get("bottlenecks", [])]
    marks, used = [], set()
    for gate, graphic in zip(layout.gates, graphics):
        if not gate.is_exit:
            continue
        hit = False
        for i, ((a, b), _) in enumerate(segments):
            ends = sorted([tuple(a), tuple(b)]), sorted([tuple(gate.a), tuple(gate.b)])
            if all(math.dist(p, q) <= 0.5 for p, q in zip(*ends)):
                hit = True
                used.add(i)
        marks.append(ExitMark(graphic, gate.width, hit))
    rest = [Bottleneck(scene_point(a), scene_point(b), w) for i, ((a, b), w) in enumerate(segments)
            if i not in used]
    return marks, rest


def _tag(painter: QPainter, text: str, centre: QPointF, size: float, fill: QColor, ink: QColor) -> None:
    """Text on a rounded tag, centred on ``centre``; sizes in the painter's units."""
    w = typeset.width(text, size, bold=True) + size * 0.8
    h = size * 1.45
    rect = QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)
    painter.setPen(QPen(QColor("#ffffff"), size * 0.12))
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, h * 0.3, h * 0.3)
    typeset.draw(painter, text, centre.x(), rect.top() + (h - size * typeset.LINE) / 2, size, ink,
                 bold=True, align="centre")


def paint_safety(painter: QPainter, marks: list[ExitMark], bottlenecks: list[Bottleneck], style: Style,
                 tag_pt: float) -> None:
    """Exit widths and bottlenecks over a map drawn in scene metres; ``tag_pt`` is the tags' size on paper.

    An exit's tag is green (the colour of exit signs) with its clear width, red
    where the exit is itself a bottleneck of the egress; a bottleneck elsewhere
    is a red bar across the passage with its width.
    """
    scale = device_scale(painter.worldTransform()) or 1.0
    size = tag_pt / scale
    ink = qcolor(style.exit_tag_text)
    red = qcolor(style.bottleneck)
    painter.save()
    for b in bottlenecks:
        pen = QPen(red, max(style.bottleneck_m, style.bottleneck_min_px / scale))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(b.a, b.b)
        line = QLineF(b.a, b.b)
        normal = line.normalVector().unitVector()
        d = QPointF(normal.dx(), normal.dy()) * (size * 0.9)
        for end in (b.a, b.b):
            painter.drawLine(end - d, end + d)
        if b.width_m > 0:
            _tag(painter, metres(b.width_m), (b.a + b.b) / 2 + d * 2.2, size, red, ink)
    for mark in marks:
        gate = mark.gate
        text = metres(mark.width_m)
        w = typeset.width(text, size, bold=True) + size * 0.8
        h = size * 1.45
        # Beside the gate, just inside the site: the gate's arrows take its middle, its name the outside.
        along = QLineF(gate.a, gate.b).unitVector()
        t = QPointF(along.dx(), along.dy())
        n = gate.inward
        end = gate.b
        half_along = abs(t.x()) * w / 2 + abs(t.y()) * h / 2
        half_across = abs(n.x()) * w / 2 + abs(n.y()) * h / 2
        centre = end + t * (half_along + size * 0.5) + n * (half_across + size * 0.3)
        _tag(painter, text, centre, size, red if mark.bottleneck else qcolor(style.exit_tag), ink)
    painter.restore()


def zone_veil(painter: QPainter, window: QRectF, zone_path: QPainterPath, alpha: int) -> None:
    """Soften everything outside the sheet's zone, so the zone stands out and its neighbours recede."""
    outside = QPainterPath()
    outside.addRect(window)
    outside = outside.subtracted(zone_path)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, alpha))
    painter.drawPath(outside)
    painter.restore()
