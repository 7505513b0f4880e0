"""The paths between gates and zones: blue lines, each label lying on its own line.

West Lake has some forty of them, and most meet at the same few gates. A
label put at a path's halfway point and then pushed aside by its neighbours
ends up over the lake, beside some other line, and a planner cannot tell
which path it names. So a path's label is only ever drawn on its own line:
at the free place along the part of the line in view nearest that part's
middle, or not at all (``Labels.draw_on_line``). Only paths long enough on
screen to carry their label are labelled; the lines speak for the others.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from planner.render.geometry import scene_point
from planner.render.style import qcolor
from planner.solver.overlay_data import OverlayData
from planner.ui.canvas.analysis_overlays import (
    PATH, PATH_LABEL_PX, Z_PATHS, OverlayItem, _points_rect, cosmetic, duration, metres, translate,
)
from planner.ui.canvas.overlay_labels import LabelSpec


class PathsItem(OverlayItem):
    kind, z, label_rank = "paths", Z_PATHS, 50

    def prepare(self, data: OverlayData | None) -> None:
        self._lines: list[tuple[QPolygonF, str, float]] = []
        for route in data.paths if data is not None else []:
            if len(route.polyline) < 2 or route.length_m is None:
                continue
            poly = QPolygonF([scene_point(p) for p in route.polyline])
            text = translate("AnalysisOverlays", "{start} → {end}: {length}, {time}").format(
                start=route.start_name or route.start, end=route.end_name or route.end,
                length=metres(route.length_m), time=duration(route.time_s))
            self._lines.append((poly, text, route.length_m))
        self._lines.sort(key=lambda line: -line[2])      # the longest are labelled first

    def extent(self, data: OverlayData) -> QRectF:
        return _points_rect([p for r in data.paths for p in r.polyline])

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pen = cosmetic(qcolor(PATH, 150), 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for poly, _, _ in self._lines:
            painter.drawPolyline(poly)

    def label_specs(self, scale: float) -> list[LabelSpec]:
        # On an overview the short paths carry no label: the lines speak for themselves.
        return [LabelSpec(poly.at(0), text, qcolor(PATH, 230), dx=0.0, dy=0.0, centred=True, along=poly,
                          on_line=True)
                for poly, text, length in self._lines if length * scale >= PATH_LABEL_PX]


__all__ = ["PathsItem"]
