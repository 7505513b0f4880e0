"""Zones shaded by Fruin's level of service, each with its grade in a badge beside the zone's name.

A zone in a strip (West Lake's Anime, Pets and Gourmet are 20 m deep and
hundreds long) has no room for a figure at a point inside it: there it would
be left out or cover the booths. Beside the zone's name (where the scene's
label room placed it at this zoom) it is plainly that zone's and lies where
the plan already keeps room for words; where even that is taken, a short
"LOS C" looks further, with a line back to the name. Where the name is not
drawn (zoomed in until booth numbers read, or names hidden) the badge goes to
a point inside the zone.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from planner.render.geometry import ring_polygon, scene_point
from planner.render.style import qcolor
from planner.solver.overlay_data import OverlayData
from planner.ui.canvas.analysis_overlays import Z_SERVICE, OverlayItem, _points_rect, cosmetic, translate
from planner.ui.canvas.overlay_labels import LabelSpec

LOS_COLOURS = {"A": "#1a9641", "B": "#a6d96a", "C": "#e6d84a", "D": "#fdae61", "E": "#f46d43", "F": "#b2182b"}
SERVICE_ALPHA = 110


def los_colour(grade: str, alpha: int = SERVICE_ALPHA) -> QColor:
    return qcolor(LOS_COLOURS.get(grade, "#9e9e9e"), alpha)


class ZoneServiceItem(OverlayItem):
    kind, z, label_rank = "zone_service", Z_SERVICE, 40

    def prepare(self, data: OverlayData | None) -> None:
        from shapely.geometry import Polygon

        self._shapes: list[tuple[list[QPolygonF], QPointF, QColor, str, str, str]] = []
        for zone in data.zones if data is not None else []:
            if not zone.rings or len(zone.rings[0]) < 3:
                continue
            shape = Polygon(zone.rings[0], zone.rings[1:]).buffer(0)
            where = shape.representative_point() if not shape.is_empty else None
            at = scene_point((where.x, where.y)) if where is not None else scene_point(zone.rings[0][0])
            density = translate("AnalysisOverlays", "empty") if zone.density == 0 else (
                translate("AnalysisOverlays", "no room") if not math.isfinite(zone.density) else
                translate("AnalysisOverlays", "{value}/m²").format(value=f"{zone.density:.2f}"))
            text = translate("AnalysisOverlays", "LOS {grade} · {density}").format(grade=zone.los, density=density)
            short = translate("AnalysisOverlays", "LOS {grade}").format(grade=zone.los)
            self._shapes.append(([ring_polygon(r) for r in zone.rings], at, los_colour(zone.los), text, short,
                                 zone.id))

    def extent(self, data: OverlayData) -> QRectF:
        return _points_rect([p for z in data.zones for r in z.rings for p in r])

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        for rings, at, colour, *_texts in self._shapes:
            painter.setPen(cosmetic(colour.darker(130), 1.5))
            painter.setBrush(colour)
            if len(rings) == 1:
                painter.drawPolygon(rings[0])
            else:
                path = QPainterPath()
                path.setFillRule(Qt.FillRule.OddEvenFill)
                for ring in rings:
                    path.addPolygon(ring)
                painter.drawPath(path)

    def label_specs(self, scale: float) -> list[LabelSpec]:
        """A compact badge beside each zone's name where the name is drawn (a strip of a zone has no room
        for it elsewhere, and beside the name it is plainly that zone's), else at a point inside the zone.
        Where the whole text has no room there, a short "LOS C" looks further (a zone's grade is a safety figure)."""
        names = self._name_boxes(scale)
        specs = []
        for _rings, at, colour, text, short, zone in self._shapes:
            solid = QColor(colour)
            solid.setAlpha(240)
            name = names.get(zone)
            if name is None:
                specs.append(LabelSpec(at, text, solid, "#1f262d", dy=22.0, short=short))
                continue
            specs.append(LabelSpec(name.center(), text, solid, "#1f262d", short=short, beside=name))
        return specs

    def _name_boxes(self, scale: float) -> dict[str, QRectF]:
        """The scene rectangle of each zone's name as drawn at ``scale`` (the scene's label room)."""
        scene = self.scene()
        room = getattr(scene, "label_room", None)
        if room is None or not self._shapes:
            return {}
        rects = room.plan(scale).zone_rects
        out = {}
        for *_rest, zone in self._shapes:
            centre = room.zone_label_at(zone, scale)
            if centre is None:
                continue
            box = next((r for r in rects if abs(r.center().x() - centre.x()) < 1e-6
                        and abs(r.center().y() - centre.y()) < 1e-6), None)
            if box is not None:
                out[zone] = box
        return out
