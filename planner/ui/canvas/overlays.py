"""What the canvas draws over and under the plan that is not part of it.

The grid under the objects, the selection outline over them, and the
preview of the tool at work (the polygon being drawn, a ghost booth, the
rubber band, snap markers). Each is one item; none reads the model while
painting. Outlines and markers keep their size in pixels whatever the zoom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from planner.model.geometry import Point
from planner.model.layout import Booth
from planner.render import graphics as g
from planner.render import painter as paint
from planner.render.geometry import device_scale, scene_point
from planner.render.style import DEFAULT_STYLE, Style, qcolor

Z_GRID = 1            # just above the site's fill, under the zones
Z_SELECTION = 900
Z_PREVIEW = 1000

ACCENT = "#1a73e8"        # selection and tool previews
LOCKED = "#e8710a"        # selected but locked: it will not move
SNAP = "#d81b60"          # a snapped point
NEW_FILL = QColor(26, 115, 232, 38)
HANDLE_PX = 7.0
HUGE = 1e7


def nice_step(min_metres: float) -> float:
    """The smallest of 1, 2, 5 × 10^k metres that is at least ``min_metres``."""
    if min_metres <= 0:
        return 1.0
    k = math.floor(math.log10(min_metres))
    for mantissa in (1, 2, 5, 10):
        step = mantissa * 10 ** k
        if step >= min_metres * (1 - 1e-9):
            return step
    return 10 ** (k + 1)


def cosmetic(colour: QColor | str, width_px: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine,
             cap: Qt.PenCapStyle = Qt.PenCapStyle.RoundCap) -> QPen:
    """A pen of ``width_px`` screen pixels at any zoom."""
    pen = QPen(qcolor(colour) if isinstance(colour, str) else colour, width_px)
    pen.setCosmetic(True)
    pen.setStyle(style)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(cap)
    return pen


class GridItem(QGraphicsItem):
    """Lines every ``step`` metres over the whole plan; every fifth or tenth a little darker."""

    def __init__(self, style: Style = DEFAULT_STYLE) -> None:
        super().__init__()
        self.step = 1.0
        self.minor = qcolor(style.grid)
        self.major = qcolor(style.grid).darker(110)
        self.setZValue(Z_GRID)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_step(self, step: float) -> None:
        if step != self.step:
            self.step = step
            self.update()

    @property
    def major_every(self) -> int:
        mantissa = round(self.step / 10 ** math.floor(math.log10(self.step) + 1e-9))
        return 5 if mantissa == 2 else 10 if mantissa == 5 else 5

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return QRectF(-HUGE, -HUGE, 2 * HUGE, 2 * HUGE)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        rect = option.exposedRect
        step = self.step
        every = self.major_every
        i0, i1 = math.floor(rect.left() / step), math.ceil(rect.right() / step)
        j0, j1 = math.floor(rect.top() / step), math.ceil(rect.bottom() / step)
        if (i1 - i0) + (j1 - j0) > 4000:
            return
        minor: list[QLineF] = []
        major: list[QLineF] = []
        top, bottom, left, right = rect.top(), rect.bottom(), rect.left(), rect.right()
        for i in range(i0, i1 + 1):
            (major if i % every == 0 else minor).append(QLineF(i * step, top, i * step, bottom))
        for j in range(j0, j1 + 1):
            (major if j % every == 0 else minor).append(QLineF(left, j * step, right, j * step))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)    # axis-aligned: crisp and cheap
        painter.setPen(cosmetic(self.minor, 1.0))
        painter.drawLines(minor)
        painter.setPen(cosmetic(self.major, 1.0))
        painter.drawLines(major)


@dataclass
class Outline:
    """The selection outline of one object, in scene coordinates."""

    path: QPainterPath
    locked: bool = False
    filled: bool = False      # booths: a translucent fill shows which are picked in a dense block
    line: bool = False        # gates: the segment itself


class SelectionItem(QGraphicsItem):
    """Outlines of the selected objects, drawn over everything, a fixed number of pixels wide."""

    def __init__(self) -> None:
        super().__init__()
        self.outlines: list[Outline] = []
        self._rect = QRectF()
        self.pixel_m = 1.0
        self.setZValue(Z_SELECTION)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_outlines(self, outlines: list[Outline]) -> None:
        self.prepareGeometryChange()
        self.outlines = outlines
        rect = QRectF()
        for outline in outlines:
            rect = rect.united(outline.path.boundingRect())
        self._rect = rect
        self.update()

    def set_pixel_size(self, metres: float) -> None:
        if metres != self.pixel_m:
            self.prepareGeometryChange()
            self.pixel_m = metres

    def boundingRect(self) -> QRectF:  # noqa: N802
        if self._rect.isNull():
            return QRectF()
        m = 8 * self.pixel_m
        return self._rect.adjusted(-m, -m, m, m)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        accent, locked = qcolor(ACCENT), qcolor(LOCKED)
        fill = QColor(accent)
        fill.setAlpha(48)
        for outline in self.outlines:
            colour = locked if outline.locked else accent
            if outline.line:
                wide = QColor(colour)
                wide.setAlpha(90)
                painter.setPen(cosmetic(wide, 9.0))
                painter.drawPath(outline.path)
                continue
            painter.setBrush(fill if outline.filled else Qt.BrushStyle.NoBrush)
            painter.setPen(cosmetic(QColor(255, 255, 255, 200), 4.0))
            painter.drawPath(outline.path)
            painter.setPen(cosmetic(colour, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(outline.path)


@dataclass
class Preview:
    """What a tool shows while it works, in model metres (y north)."""

    points: list[Point] = field(default_factory=list)     # placed so far
    rubber: list[Point] = field(default_factory=list)     # dashed: the next edge, or the closing one
    closed: bool = False                                  # points form an area (filled)
    handles: list[Point] = field(default_factory=list)    # vertices that can be dragged
    active: int | None = None                             # the handle being dragged or last picked
    inserts: list[Point] = field(default_factory=list)    # where a click adds a vertex
    band: tuple[Point, Point] | None = None               # rubber-band selection rectangle
    booth: Booth | None = None                            # ghost of the booth about to be placed
    segment: tuple[Point, Point] | None = None            # a gate about to be placed
    marker: Point | None = None                           # where the cursor snapped
    marker_kind: str = ""                                 # corner, edge, grid, angle, boundary
    text: str = ""                                        # beside the cursor: length and angle, input
    text_at: Point | None = None

    def extent(self) -> list[Point]:
        pts = [*self.points, *self.rubber, *self.handles, *self.inserts]
        if self.band:
            pts += list(self.band)
        if self.booth:
            pts += list(self.booth.corners())
        if self.segment:
            pts += list(self.segment)
        for p in (self.marker, self.text_at):
            if p is not None:
                pts.append(p)
        return pts


class PreviewItem(QGraphicsItem):
    """Draws the active tool's ``Preview``."""

    def __init__(self, style: Style = DEFAULT_STYLE) -> None:
        super().__init__()
        self.style = style
        self.preview = Preview()
        self.pixel_m = 1.0
        self._rect = QRectF()
        self._ghost: g.BoothGraphic | None = None
        self.setZValue(Z_PREVIEW)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._font = QFont()
        self._font.setPixelSize(12)

    def show_preview(self, preview: Preview, pixel_m: float) -> None:
        self.prepareGeometryChange()
        self.preview = preview
        self.pixel_m = pixel_m
        self._ghost = g.booth_graphic(preview.booth, self.style) if preview.booth else None
        pts = preview.extent()
        if not pts:
            self._rect = QRectF()
        else:
            xs = [p[0] for p in pts]
            ys = [-p[1] for p in pts]
            m = 16 * pixel_m
            rect = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys))).adjusted(-m, -m, m, m)
            if preview.text and preview.text_at is not None:
                at = scene_point(preview.text_at)
                width = QFontMetricsF(self._font).horizontalAdvance(preview.text) + 40
                # Right of the point, or left of it where the view ends (see _text).
                rect = rect.united(QRectF(at.x() - width * pixel_m, at.y() - 40 * pixel_m, 2 * width * pixel_m,
                                          80 * pixel_m))
            self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        p = self.preview
        px = 1.0 / (device_scale(painter.worldTransform()) or 1.0)
        accent = qcolor(ACCENT)
        if self._ghost is not None:
            painter.save()
            painter.setOpacity(0.7)
            paint.paint_booth(painter, self._ghost, self.style, labels=True)
            painter.restore()
            painter.setPen(cosmetic(accent, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(self._ghost.polygon)
        if p.points:
            poly = QPolygonF([scene_point(q) for q in p.points])
            if p.closed and len(p.points) >= 3:
                painter.setBrush(NEW_FILL)
                painter.setPen(cosmetic(accent, 2.0))
                painter.drawPolygon(poly)
            else:
                painter.setPen(cosmetic(accent, 2.0))
                painter.drawPolyline(poly)
        if len(p.rubber) >= 2:
            painter.setPen(cosmetic(accent, 1.5, Qt.PenStyle.DashLine))
            painter.drawPolyline(QPolygonF([scene_point(q) for q in p.rubber]))
        if p.segment is not None:
            gate = QLineF(scene_point(p.segment[0]), scene_point(p.segment[1]))
            pen = cosmetic(accent, 7.0)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(gate)
        if p.band is not None:
            (x0, y0), (x1, y1) = p.band
            band = QRectF(QPointF(x0, -y0), QPointF(x1, -y1)).normalized()
            fill = QColor(accent)
            fill.setAlpha(30)
            painter.setBrush(fill)
            painter.setPen(cosmetic(accent, 1.0))
            painter.drawRect(band)
        self._handles(painter, p, px)
        if p.marker is not None:
            self._marker(painter, scene_point(p.marker), p.marker_kind, px)
        if p.text and p.text_at is not None:
            self._text(painter, scene_point(p.text_at), p.text)

    def _handles(self, painter: QPainter, p: Preview, px: float) -> None:
        half = HANDLE_PX / 2 * px
        painter.setPen(cosmetic(qcolor(ACCENT), 1.5))
        for i, q in enumerate(p.handles):
            c = scene_point(q)
            painter.setBrush(qcolor(ACCENT) if i == p.active else QBrush(QColor("#ffffff")))
            painter.drawRect(QRectF(c.x() - half, c.y() - half, 2 * half, 2 * half))
        painter.setBrush(QColor(255, 255, 255, 220))
        for q in p.inserts:
            painter.drawEllipse(scene_point(q), half * 0.7, half * 0.7)

    def _marker(self, painter: QPainter, c: QPointF, kind: str, px: float) -> None:
        r = 6 * px
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(cosmetic(qcolor(SNAP), 2.0))
        if kind == "corner":
            painter.drawRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
        elif kind in ("edge", "boundary"):
            painter.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
                                           QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())]))
        elif kind == "grid":
            painter.drawLine(QLineF(c.x() - r, c.y(), c.x() + r, c.y()))
            painter.drawLine(QLineF(c.x(), c.y() - r, c.x(), c.y() + r))
        else:
            painter.drawEllipse(c, r * 0.8, r * 0.8)

    def _text(self, painter: QPainter, at: QPointF, text: str) -> None:
        """A small label in screen pixels, just below and right of ``at``."""
        device = painter.worldTransform().map(at)
        painter.save()
        painter.resetTransform()
        painter.setFont(self._font)
        metrics = QFontMetricsF(self._font)
        width = metrics.horizontalAdvance(text) + 12
        box = QRectF(device.x() + 14, device.y() + 14, width, metrics.height() + 6)
        # Near the view's right or bottom edge the label goes left of or above the point,
        # so it is never cut off.
        port = painter.device()
        if port is not None and box.right() > port.width() - 4 and device.x() - 14 - width >= 4:
            box.moveRight(device.x() - 14)
        if port is not None and box.bottom() > port.height() - 4:
            box.moveBottom(device.y() - 14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(32, 38, 46, 215))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
