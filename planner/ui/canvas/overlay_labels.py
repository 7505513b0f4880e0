"""The labels of the analysis overlays and the route, all drawn by one item above the plan.

Each overlay draws its lines and fills at its own depth (bands under the
booths, lines over them), but its labels ("12.0 m · 984/min", "1,250
visitors", "553.1 m, 7 min 41 s on foot") come here: one item above the
booths and the selection outlines draws them all in one pass, with one list
of the rectangles already taken, so the labels of different layers move off
each other instead of printing over each other, and a label whose thing
reaches into the view is moved inside the view instead of being cut at its
edge. Labels are laid out in screen pixels, so they read the same at any zoom.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import shiboken6
from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from planner.render.geometry import device_scale
from planner.render.style import qcolor

LABEL_PX = 11
Z_LABELS = 910            # over the booths, a lifted booth, the route and the selection (900); under the tool preview
EDGE_PX = 3.0             # labels kept this far inside the view


@lru_cache(maxsize=1)
def label_font() -> QFont:
    font = QFont()
    font.setPixelSize(LABEL_PX)
    return font


@lru_cache(maxsize=1)
def label_metrics() -> QFontMetricsF:
    return QFontMetricsF(label_font())


@dataclass(frozen=True)
class LabelSpec:
    """One label: the scene point it belongs to, and where its box goes from there in screen pixels.

    ``always`` labels (a narrow aisle, an exit's visitors, the route) are drawn
    even where every place near them is taken; the others are left out there.
    """

    at: QPointF
    text: str
    background: QColor | str
    foreground: QColor | str = "#ffffff"
    dx: float = 6.0
    dy: float = -6.0
    centred: bool = False
    always: bool = False
    along: QPolygonF | None = None   # a line the label may slide along to stay in view (the route)


class LabelSource(Protocol):
    label_rank: int

    def label_specs(self, scale: float) -> list[LabelSpec]: ...


class Labels:
    """Labels in screen pixels, moving off (or skipping) any that would cover one already drawn.

    ``view``: the device rectangle to keep labels inside (None: anywhere).
    """

    def __init__(self, painter: QPainter, view: QRectF | None = None) -> None:
        self.painter = painter
        self.font = label_font()
        self.metrics = label_metrics()
        self.taken: list[QRectF] = []
        self.view = view.adjusted(EDGE_PX, EDGE_PX, -EDGE_PX, -EDGE_PX) if view is not None else None
        self.pinned = False        # some label was moved inside the view's edge

    def box(self, at: QPointF, text: str, dx: float | None = None, dy: float | None = None,
            centred: bool = False) -> QRectF:
        """The device rectangle of a label anchored at scene point ``at``, before any move.

        A centred label is centred on ``at`` moved by (dx, dy); another has its
        lower left corner there, by default up and to the right of the point.
        """
        if dx is None:
            dx = 0.0 if centred else 6.0
        if dy is None:
            dy = 0.0 if centred else -6.0
        device = self.painter.worldTransform().map(at)
        width, height = self.metrics.horizontalAdvance(text) + 8, self.metrics.height() + 4
        if centred:
            return QRectF(device.x() + dx - width / 2, device.y() + dy - height / 2, width, height)
        return QRectF(device.x() + dx, device.y() + dy - height, width, height)

    def _inside(self, box: QRectF) -> QRectF | None:
        """``box`` moved inside the view, or None when it lies wholly outside (its thing is out of sight)."""
        view = self.view
        if view is None:
            return box
        if not box.intersects(view):
            return None
        x = min(max(box.left(), view.left()), view.right() - box.width())
        y = min(max(box.top(), view.top()), view.bottom() - box.height())
        moved = QRectF(max(x, view.left()), max(y, view.top()), box.width(), box.height())
        if moved != box:
            self.pinned = True
        return moved

    def _free(self, box: QRectF) -> bool:
        return not any(box.intersects(other) for other in self.taken)

    def draw(self, at: QPointF, text: str, background: QColor | str, foreground: QColor | str = "#ffffff",
             dx: float | None = None, dy: float | None = None, always: bool = False,
             centred: bool = False) -> QRectF | None:
        start = self._inside(self.box(at, text, dx, dy, centred))
        if start is None:
            return None
        chosen = start if self._free(start) else None
        if chosen is None and always:
            # Step off the taken places: below, above, further, then beside; else stay where it belongs.
            w, h = start.width() + 4, start.height() + 2
            for ox, oy in ((0, h), (0, -h), (0, 2 * h), (0, -2 * h), (w, 0), (-w, 0)):
                moved = self._inside(start.translated(ox, oy))
                if moved is not None and self._free(moved):
                    chosen = moved
                    break
            chosen = chosen or start
        if chosen is None:
            return None
        self.taken.append(chosen)
        painter = self.painter
        painter.save()
        painter.resetTransform()
        painter.setFont(self.font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor(background) if isinstance(background, str) else background)
        painter.drawRoundedRect(chosen, 3, 3)
        painter.setPen(qcolor(foreground) if isinstance(foreground, str) else foreground)
        painter.drawText(chosen, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
        return chosen

    def draw_spec(self, spec: LabelSpec) -> QRectF | None:
        at = spec.at
        box = self.box(at, spec.text, spec.dx, spec.dy, spec.centred)
        if spec.along is not None and self.view is not None and not self.view.contains(box):
            at = self._in_view_along(spec.along, at, box)
            if at is None:
                return None
        return self.draw(at, spec.text, spec.background, spec.foreground, spec.dx, spec.dy,
                         spec.always, spec.centred)

    def _in_view_along(self, line: QPolygonF, at: QPointF, box: QRectF) -> QPointF | None:
        """The point of ``line`` nearest to ``at`` (scene) whose label ``box`` (as placed from ``at``) lies
        in the view; else the nearest one in the view; None if the line is out of sight."""
        assert self.view is not None
        transform = self.painter.worldTransform()
        inverse, invertible = transform.inverted()
        if not invertible:
            return None
        anchor = transform.map(at)
        offset = box.topLeft() - anchor
        points = [transform.map(line.at(i)) for i in range(line.size())]
        whole, seen = (None, float("inf")), (None, float("inf"))
        for a, b in zip(points, points[1:]):
            steps = max(1, int(QLineF(a, b).length() / 8))
            for k in range(steps + 1):
                p = a + (b - a) * (k / steps)
                if not self.view.contains(p):
                    continue
                d = (p.x() - anchor.x()) ** 2 + (p.y() - anchor.y()) ** 2
                if d < whole[1] and self.view.contains(QRectF(p + offset, box.size())):
                    whole = (p, d)
                if d < seen[1]:
                    seen = (p, d)
        best = whole[0] if whole[0] is not None else seen[0]
        return inverse.map(best) if best is not None else None


class AnalysisLabelsItem(QGraphicsItem):
    """Draws the labels of every registered overlay (and the route) above the plan, avoiding each other.

    Sources are drawn by ``label_rank``, lowest first: the first placed keeps its place.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_LABELS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.sources: list[QGraphicsItem] = []
        self.drawn: list[tuple[str, QRectF]] = []     # the last paint's labels, in device pixels
        self._pinned = False
        self._watched: list[QGraphicsView] = []

    def register(self, source: QGraphicsItem) -> None:
        self.sources = [s for s in self.sources if shiboken6.isValid(s)]
        if source not in self.sources:
            self.sources.append(source)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        # Labels go wherever the view is (moved inside its edges): the whole plane.
        return QRectF(-1e7, -1e7, 2e7, 2e7)

    def shape(self):
        from PySide6.QtGui import QPainterPath

        return QPainterPath()

    def specs(self, scale: float) -> list[LabelSpec]:
        scene = self.scene()
        live = [s for s in self.sources if shiboken6.isValid(s) and s.scene() is scene and s.isVisible()]
        specs: list[LabelSpec] = []
        for source in sorted(live, key=lambda s: s.label_rank):
            specs.extend(source.label_specs(scale))
        return specs

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = device_scale(painter.worldTransform()) or 1.0
        specs = self.specs(scale)
        self.drawn = []
        if not specs:
            self._pinned = False
            return
        device = painter.device()
        labels = Labels(painter, QRectF(0, 0, device.width(), device.height()) if device is not None else None)
        for spec in specs:
            box = labels.draw_spec(spec)
            if box is not None:
                self.drawn.append((spec.text, box))
        self._pinned = labels.pinned
        self._watch(widget)

    def _watch(self, widget: QWidget | None) -> None:
        """Scrolling moves the plan's pixels, but a label held inside the view's edge stays: repaint then."""
        view = widget.parentWidget() if widget is not None else None
        if not isinstance(view, QGraphicsView) or view in self._watched:
            return
        self._watched.append(view)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(lambda _value, v=view: self._scrolled(v))

    def _scrolled(self, view: QGraphicsView) -> None:
        if self._pinned and shiboken6.isValid(self) and shiboken6.isValid(view):
            view.viewport().update()


def labels_item(scene: QGraphicsScene) -> AnalysisLabelsItem:
    """The scene's one labels item, made (again, after the scene was cleared) when needed."""
    item = getattr(scene, "_analysis_labels", None)
    if item is None or not shiboken6.isValid(item) or item.scene() is not scene:
        item = AnalysisLabelsItem()
        scene.addItem(item)
        scene._analysis_labels = item     # type: ignore[attr-defined]
    return item


def update_labels(scene: QGraphicsScene | QObject | None) -> None:
    """Repaint the labels after an overlay's data or visibility changed."""
    item = getattr(scene, "_analysis_labels", None) if scene is not None else None
    if item is not None and shiboken6.isValid(item):
        item.update()
