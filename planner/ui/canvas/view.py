"""The plan view: zoom at the mouse, pan with the middle button or space + drag, fit.

The view works in scene metres (y down) and reports the cursor in model
metres (y north) through ``planner.render.geometry``. With a ``CanvasHost``
it is also the thin adapter of the tools: left-button and key events
become ``ToolEvent`` calls on the active tool, in metres. Scroll bars are hidden:
the view can pan well beyond the site, so zooming at the mouse keeps the
point under it fixed even near the edges.
"""

from __future__ import annotations

import math

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QShowEvent, QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from planner.render.geometry import to_model
from planner.ui.canvas.legend import BoothLegend, booth_key
from planner.ui.canvas.scalebar import ScaleBar
from planner.ui.canvas.scene import FloorScene
from planner.ui.canvas.tools.base import ToolEvent

if TYPE_CHECKING:
    from planner.ui.canvas.host import CanvasHost

_ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, 1),
           Qt.Key.Key_Down: (0, -1)}
MIN_ZOOM = 0.05      # device pixels per metre: a 20 km site fits a screen
MAX_ZOOM = 800.0     # a booth number fills the view
STEP = 1.25          # one menu or key step
WHEEL_BASE = 1.25    # zoom per wheel notch (120 eighths of a degree)
INCH_M = 0.0254
FIT_MARGIN = 0.04    # of the view, around the layout when fitted


class FloorView(QGraphicsView):
    cursor_moved = Signal(float, float)  # model metres, x east, y north
    cursor_left = Signal()
    zoom_changed = Signal(float)         # device pixels per metre

    def __init__(self, scene: FloorScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self._auto_fit = True          # follow the window's size until the user zooms or pans
        self._space_held = False
        self._pan_from: QPoint | None = None
        self._last_anchor: tuple[QPointF, QPointF, tuple] | None = None
        self._tool_pressed = False
        self.host: CanvasHost | None = None
        self.scale_bar = ScaleBar(self.font())
        self.legend = BoothLegend(self.font(), scene.style)
        self.zoom_changed.connect(self._zoom_changed)
        scene.layout_changed.connect(self._update_pan_area)
        scene.layout_changed.connect(self._update_legend)
        scene.booth_colours_changed.connect(lambda _mode: self._update_legend())
        self._update_pan_area()
        self._update_legend()

    def set_host(self, host: CanvasHost) -> None:
        """Send mouse and key events to the tools of ``host``."""
        self.host = host
        host.tool_changed.connect(lambda _name: self._set_idle_cursor())
        self._zoom_changed(self.zoom())
        self._set_idle_cursor()

    def _zoom_changed(self, pixels_per_metre: float) -> None:
        self.scale_bar.set_zoom(pixels_per_metre)
        self.viewport().update()
        if self.host is not None and pixels_per_metre > 0:
            self.host.set_pixel_size(1.0 / pixels_per_metre)

    def tool_event(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> ToolEvent:
        """A tool event at viewport position ``pos``: metres, snapping unless Ctrl is held."""
        x, y = to_model(self.viewportTransform().inverted()[0].map(pos))
        return ToolEvent(x, y, pixel_m=1.0 / (self.zoom() or 1.0),
                         snap=not modifiers & Qt.KeyboardModifier.ControlModifier,
                         shift=bool(modifiers & Qt.KeyboardModifier.ShiftModifier))

    # -- zoom ------------------------------------------------------------------------
    def floor_scene(self) -> FloorScene:
        scene = self.scene()
        assert isinstance(scene, FloorScene)
        return scene

    def zoom(self) -> float:
        """Device pixels per metre."""
        t = self.transform()
        return math.hypot(t.m11(), t.m12())

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Scale by ``factor`` keeping the scene point under ``anchor`` (viewport pixels) in place."""
        current = self.zoom()
        factor = max(MIN_ZOOM / current, min(MAX_ZOOM / current, factor))
        if abs(factor - 1.0) < 1e-9:
            return
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        self._auto_fit = False
        fixed = self._anchor_point(anchor)
        # The whole view is drawn again at the new scale: bringing the point back under the
        # mouse need not move the old pixels first.
        mode = self.viewportUpdateMode()
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        try:
            self.scale(factor, factor)
            self._keep_under(fixed, anchor)
        finally:
            self.setViewportUpdateMode(mode)
        # Scrolling moves in whole pixels; remember the exact point so a burst of wheel
        # steps at one spot does not let the rounding add up.
        self._last_anchor = (QPointF(anchor), fixed, self._view_state())
        self.zoom_changed.emit(self.zoom())

    def _view_state(self) -> tuple:
        t = self.transform()
        return (t.m11(), t.m12(), t.m21(), t.m22(), self.horizontalScrollBar().value(),
                self.verticalScrollBar().value())

    def _anchor_point(self, anchor: QPointF) -> QPointF:
        """The scene point under ``anchor``: the exact one of the last zoom step if nothing moved since."""
        if self._last_anchor is not None:
            pos, point, state = self._last_anchor
            if pos == anchor and state == self._view_state():
                return point
        return self.viewportTransform().inverted()[0].map(anchor)

    def set_zoom(self, pixels_per_metre: float, anchor: QPointF | None = None) -> None:
        self.zoom_by(pixels_per_metre / self.zoom(), anchor)

    def set_paper_scale(self, denominator: float) -> None:
        """Zoom so the plan shows at 1:``denominator`` on this screen (its logical DPI)."""
        dpi = self.logicalDpiX() or 96
        self.set_zoom(dpi / INCH_M / denominator)

    def zoom_in(self) -> None:
        self.zoom_by(STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / STEP)

    def fit(self) -> None:
        """Show the whole layout, with the site plan image while it is shown, and keep it fitted
        as the window resizes until the user zooms."""
        rect = self.floor_scene().layout_rect()
        if rect.isEmpty():
            return
        port = self.viewport().rect()
        usable_w = max(port.width() * (1 - 2 * FIT_MARGIN), 1.0)
        usable_h = max(port.height() * (1 - 2 * FIT_MARGIN), 1.0)
        scale = min(usable_w / rect.width(), usable_h / rect.height())
        scale = max(MIN_ZOOM, min(MAX_ZOOM, scale))
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())
        self._auto_fit = True
        self.zoom_changed.emit(self.zoom())

    def _keep_under(self, scene_point: QPointF, viewport_point: QPointF) -> None:
        """Scroll so ``scene_point`` shows at ``viewport_point`` again (to within a pixel)."""
        now = self.viewportTransform().map(scene_point)
        self._scroll_by(now.x() - viewport_point.x(), now.y() - viewport_point.y())

    def _scroll_by(self, dx: float, dy: float) -> None:
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + round(dx))
        v.setValue(v.value() + round(dy))

    def _update_pan_area(self) -> None:
        """A scene rectangle much larger than the layout, so panning and anchored zoom are free."""
        rect = self.floor_scene().layout_rect()
        if rect.isEmpty():
            rect = QRectF(-50, -50, 100, 100)
        reach = max(rect.width(), rect.height(), 100.0) * 20
        self.setSceneRect(rect.adjusted(-reach, -reach, reach, reach))

    # -- events ------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        """The wheel zooms at the mouse (with or without Ctrl)."""
        delta = event.angleDelta().y() or event.angleDelta().x()
        if not delta:
            event.ignore()
            return
        self.zoom_by(WHEEL_BASE ** (delta / 120.0), event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pans = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space_held)
        if pans:
            self._pan_from = event.position().toPoint()
            self._auto_fit = False
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self.host is not None:
            if event.button() == Qt.MouseButton.LeftButton:
                self._tool_pressed = True
                self.host.tool.press(self.tool_event(event.position(), event.modifiers()))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.host is not None:
            if event.button() == Qt.MouseButton.LeftButton:
                self.host.tool.double_click(self.tool_event(event.position(), event.modifiers()))
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self._scroll_by(-delta.x(), -delta.y())
            event.accept()
        elif self.host is not None:
            self.host.tool.move(self.tool_event(event.position(), event.modifiers()))
            event.accept()
        else:
            super().mouseMoveEvent(event)
        x, y = to_model(self.viewportTransform().inverted()[0].map(event.position()))
        self.cursor_moved.emit(x, y)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton,
                                                               Qt.MouseButton.LeftButton):
            self._pan_from = None
            self._set_idle_cursor()
            event.accept()
            return
        if self.host is not None:
            if event.button() == Qt.MouseButton.LeftButton and self._tool_pressed:
                self._tool_pressed = False
                self.host.tool.release(self.tool_event(event.position(), event.modifiers()))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        """Keys a tool is using in mid-gesture (Enter, Backspace, Delete, typed lengths) beat shortcuts."""
        if event.type() == QEvent.Type.ShortcutOverride and self.host is not None:
            assert isinstance(event, QKeyEvent)
            if self.host.tool.wants(event.key(), event.text()):
                event.accept()
                return True
        return super().event(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002
        if self.host is not None and self.host.tool.busy:
            return False
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self._set_idle_cursor()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space:
            event.accept()
            return
        if self.host is not None and self._tool_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _tool_key(self, event: QKeyEvent) -> bool:
        assert self.host is not None
        tool = self.host.tool
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self._tool_pressed:
                self._tool_pressed = False
            self.host.escape()
            return True
        if tool.key(key, event.text()):
            return True
        plain = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if key in _ARROWS and not plain and not tool.busy:
            sx, sy = _ARROWS[Qt.Key(key)]
            self.host.nudge(sx, sy, big=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return True
        return False

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self._set_idle_cursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self._space_held = False
        self._pan_from = None
        self._set_idle_cursor()
        super().focusOutEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self.cursor_left.emit()
        super().leaveEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._auto_fit:
            self.fit()

    # -- the key to booth colours ---------------------------------------------------------
    def _update_legend(self) -> None:
        """Count the booths again and repaint the key where it was and where it is now."""
        scene = self.floor_scene()
        before = self.legend.rect(self.viewport().rect())
        self.legend.set_key(*booth_key(scene.layout, scene.booth_fill, scene.style, scene.zone_of_booths()))
        self.viewport().update(before.united(self.legend.rect(self.viewport().rect())))

    def set_legend_visible(self, shown: bool) -> None:
        before = self.legend.rect(self.viewport().rect())
        self.legend.visible = shown
        self.viewport().update(before.united(self.legend.rect(self.viewport().rect())))

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt API)
        """The scale bar and the key to booth colours, in screen pixels over the plan."""
        painter.save()
        painter.resetTransform()
        port = self.viewport().rect()
        self.scale_bar.paint(painter, port)
        key = self.legend.rect(port)
        # Most frames of a drag repaint a few booths: the key is drawn only when it is in them.
        if not key.isEmpty() and self.mapFromScene(rect).boundingRect().intersects(key.adjusted(-2, -2, 2, 2)):
            self.legend.paint(painter, port)
        painter.restore()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        """Scrolling moves the plan's pixels; the scale bar and key stay put, so repaint where they were and are."""
        if self.viewportUpdateMode() == QGraphicsView.ViewportUpdateMode.FullViewportUpdate:
            super().scrollContentsBy(dx, dy)   # a zoom: everything is drawn again anyway
            return
        port = self.viewport().rect()
        fixed = [self.scale_bar.rect(port), self.legend.rect(port)]
        super().scrollContentsBy(dx, dy)
        for rect in fixed:
            if not rect.isEmpty():
                self.viewport().update(rect.translated(dx, dy))
                self.viewport().update(rect)

    def _set_idle_cursor(self) -> None:
        if self._pan_from is not None:
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        elif self._space_held:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif self.host is not None:
            self.viewport().setCursor(self.host.tool.cursor)
        else:
            self.viewport().unsetCursor()
