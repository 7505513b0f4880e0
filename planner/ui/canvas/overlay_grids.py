"""The overlays painted from the walking-distance grid: exit catchments and the heat map.

Both are one image each, made once per analysis result from the grid
(``planner.solver.overlay_data.DistanceGrid``) and scaled onto the plan;
their fills lie under booths and obstacles, their labels (the exits'
visitor counts, the heat map's legend) go over everything through the
caption items of ``analysis_overlays``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from planner.i18n import format_number
from planner.render.geometry import scene_point
from planner.render.style import qcolor
from planner.solver.overlay_data import OverlayData
from planner.ui.canvas.analysis_overlays import (
    CATCHMENT_ALPHA, CATCHMENT_COLOURS, HEAT_ALPHA, HEAT_RAMP, LABEL_PX, Z_CATCHMENT, Z_HEAT, LabelSpec, OverlayItem,
    _points_rect, cosmetic, duration, translate,
)


def _grid_rect(grid) -> QRectF:
    rows, cols = grid.distance.shape
    return QRectF(grid.x0, -(grid.y0 + rows * grid.cell), cols * grid.cell, rows * grid.cell)


def _image(rgba: np.ndarray) -> QImage:
    """A QImage that owns a copy of an (h, w, 4) uint8 array, north up."""
    rgba = np.ascontiguousarray(np.flipud(rgba))
    h, w, _ = rgba.shape
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def heat_rgba(distance: np.ndarray, top: float) -> np.ndarray:
    """Colours of the heat ramp for distances 0..top; clear where there is no ground."""
    out = np.zeros((*distance.shape, 4), dtype=np.uint8)
    ok = np.isfinite(distance)
    t = np.clip(distance[ok] / top, 0.0, 1.0) if top > 0 else np.zeros(int(ok.sum()))
    stops = np.array([s for s, _ in HEAT_RAMP])
    for channel in range(3):
        out[..., channel][ok] = np.interp(t, stops, [c[channel] for _, c in HEAT_RAMP]).astype(np.uint8)
    out[..., 3][ok] = HEAT_ALPHA
    stranded = np.isinf(distance)          # ground from which no exit can be reached: loud grey
    out[stranded] = (60, 60, 60, 200)
    return out


class WalkHeatItem(OverlayItem):
    kind, z = "walk_heat", Z_HEAT

    def prepare(self, data: OverlayData | None) -> None:
        self._picture: QImage | None = None
        self.top = 0.0
        grid = data.grid if data is not None else None
        if grid is None:
            return
        finite = grid.distance[np.isfinite(grid.distance)]
        self.top = float(finite.max()) if len(finite) else 0.0
        self._picture = _image(heat_rgba(grid.distance, self.top))
        self._speed = data.walking_speed

    def extent(self, data: OverlayData) -> QRectF:
        rect = _grid_rect(data.grid) if data.grid is not None else QRectF()
        if data.site_bounds is not None:
            rect = rect.united(_points_rect([data.site_bounds[:2]]))
        return rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._picture is None or self.data is None or self.data.grid is None:
            return
        rect = _grid_rect(self.data.grid)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(rect, self._picture)

    def paint_captions(self, painter: QPainter) -> None:
        if self._picture is not None and self.data.grid is not None:
            self._legend(painter, _grid_rect(self.data.grid))

    def _legend(self, painter: QPainter, rect: QRectF) -> None:
        """A colour bar under the site's south-west corner (where nothing covers it): near to far."""
        bounds = self.data.site_bounds
        corner = scene_point((bounds[0], bounds[1])) if bounds is not None else rect.bottomLeft()
        device = painter.worldTransform().map(corner)
        painter.save()
        painter.resetTransform()
        bar = QRectF(device.x(), device.y() + 24, 180, 10)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for stop, (r, g, b) in HEAT_RAMP:
            gradient.setColorAt(stop, QColor(r, g, b))
        font = QFont()
        font.setPixelSize(LABEL_PX)
        painter.setFont(font)
        painter.setPen(QColor("#1f262d"))
        title = translate("AnalysisOverlays", "Walking time to the nearest exit")
        painter.drawText(QPointF(bar.left(), bar.top() - 4), title)
        painter.setBrush(gradient)
        painter.setPen(cosmetic("#4a5056", 1.0))
        painter.drawRect(bar)
        painter.setPen(QColor("#1f262d"))
        painter.drawText(QPointF(bar.left(), bar.bottom() + 13), duration(0))
        far = duration(self.top / self._speed if self._speed > 0 else None)
        width = QFontMetricsF(font).horizontalAdvance(far)
        painter.drawText(QPointF(bar.right() - width, bar.bottom() + 13), far)
        painter.restore()


def catchment_colour(index: int, alpha: int = 255) -> QColor:
    return qcolor(CATCHMENT_COLOURS[index % len(CATCHMENT_COLOURS)], alpha)


class CatchmentsItem(OverlayItem):
    kind, z, label_rank = "catchments", Z_CATCHMENT, 30

    def prepare(self, data: OverlayData | None) -> None:
        self._picture = None
        grid = data.grid if data is not None else None
        if grid is None or not data.exits:
            return
        table = np.zeros((len(data.exits) + 1, 4), dtype=np.uint8)    # the last row: no exit
        for k in range(len(data.exits)):
            c = catchment_colour(k)
            table[k] = (c.red(), c.green(), c.blue(), CATCHMENT_ALPHA)
        index = np.where(grid.exit_index >= 0, grid.exit_index, len(data.exits))
        self._picture = _image(table[index])

    def extent(self, data: OverlayData) -> QRectF:
        rect = _grid_rect(data.grid) if data.grid is not None else QRectF()
        return rect.united(_points_rect([p for e in data.exits for p in e.segment]))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._picture is None or self.data is None:
            return
        painter.drawImage(_grid_rect(self.data.grid), self._picture)

    def paint_captions(self, painter: QPainter) -> None:
        if self._picture is None:
            return
        for k, gate in enumerate(self.data.exits):
            a, b = scene_point(gate.segment[0]), scene_point(gate.segment[1])
            painter.setPen(cosmetic(catchment_colour(k), 6.0))
            painter.drawLine(QLineF(a, b))

    def label_specs(self, scale: float) -> list[LabelSpec]:
        if self._picture is None or self.data is None:
            return []
        bounds = self.data.site_bounds
        centre = scene_point(((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)) if bounds else None
        specs = []
        for k, gate in enumerate(self.data.exits):
            a, b = scene_point(gate.segment[0]), scene_point(gate.segment[1])
            colour = catchment_colour(k)
            visitors = "" if gate.visitors is None else translate("AnalysisOverlays", "{count} visitors").format(
                count=format_number(gate.visitors))
            # Inside the site, off the gate's own name outside it: 34 pixels in from the gate.
            mid = (a + b) / 2
            inward = QLineF(mid, centre).unitVector() if centre is not None and centre != mid else None
            dx, dy = (inward.dx() * 34, inward.dy() * 34) if inward is not None else (0.0, 0.0)
            specs.append(LabelSpec(mid, visitors or (gate.name or gate.id), colour, dx=dx, dy=dy, centred=True,
                                   always=True))
        return specs
