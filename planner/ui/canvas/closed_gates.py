"""Gates the "what if" scenario closes, crossed out on the plan while the scenario is on.

A closed gate is taken out of the analysis (``Scenario.apply``), so its
bottleneck badge and its exit count vanish; without a mark of its own a
planner sees a gate drawn as open that the figures treat as shut. Each closed
gate gets a near-black bar over its line, crossed out, and a "closed" label
that keeps its place among the safety figures (``overlay_labels``). The marks
go as soon as the scenario reopens the gate or is reset. The plan itself never
changes: the scenario lives in the live analysis, not in the document.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from planner.render.geometry import device_scale, scene_point
from planner.render.style import DEFAULT_STYLE, qcolor
from planner.ui.canvas.analysis_overlays import cosmetic, metres, translate
from planner.ui.canvas.overlay_labels import LabelSpec, labels_item, scene_item, update_labels

Z_CLOSED = 76              # over the gates and the bottleneck bands, under the labels
CROSS_PX = 9.0             # half the size of the cross over a closed gate's middle
PAD_M = 40.0


class ClosedGatesItem(QGraphicsItem):
    """The closed gates' marks; their labels are drawn by the scene's labels item."""

    label_rank = 5             # placed before every other analysis label: it says the others changed

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_CLOSED)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.gates: list[tuple[str, QPointF, QPointF, float]] = []     # id, ends (scene), width in metres
        self._rect = QRectF()

    def show_gates(self, gates: list[tuple[str, tuple[float, float], tuple[float, float], float]]) -> None:
        self.prepareGeometryChange()
        self.gates = [(gid, scene_point(a), scene_point(b), width) for gid, a, b, width in gates]
        rect = QRectF()
        for _, a, b, _ in self.gates:
            rect = rect.united(QRectF(a, b).normalized())
        self._rect = rect.adjusted(-PAD_M, -PAD_M, PAD_M, PAD_M) if self.gates else QRectF()
        self.update()
        update_labels(self.scene())

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.gates:
            return
        px = 1.0 / (device_scale(painter.worldTransform()) or 1.0)
        ink = qcolor(DEFAULT_STYLE.closed_gate)
        halo = QColor(255, 255, 255, 230)
        for _, a, b, _ in self.gates:
            mid = (a + b) / 2
            d = CROSS_PX * px
            cross = (QLineF(mid.x() - d, mid.y() - d, mid.x() + d, mid.y() + d),
                     QLineF(mid.x() - d, mid.y() + d, mid.x() + d, mid.y() - d))
            for pen_colour, bar, stroke in ((halo, 9.0, 5.5), (ink, 5.0, 2.5)):
                painter.setPen(cosmetic(pen_colour, bar))
                painter.drawLine(QLineF(a, b))
                painter.setPen(cosmetic(pen_colour, stroke))
                for line in cross:
                    painter.drawLine(line)

    def label_specs(self, scale: float) -> list[LabelSpec]:
        ink = qcolor(DEFAULT_STYLE.closed_gate)
        return [LabelSpec((a + b) / 2, closed_text(width), ink, always=True, dx=CROSS_PX + 4, dy=-CROSS_PX)
                for _, a, b, width in self.gates]


def closed_text(width: float) -> str:
    return translate("AnalysisOverlays", "closed · {width}").format(width=metres(width))


def closed_gates_item(scene: QGraphicsScene) -> ClosedGatesItem:
    """The scene's one closed-gates item, known to the labels item so its labels keep clear of it."""
    def make() -> ClosedGatesItem:
        made = ClosedGatesItem()
        labels_item(scene).register(made)
        return made

    return scene_item(scene, "_closed_gates", make)


class ClosedGates(QObject):
    """Keeps the marks in step with the live analysis' scenario and the gates of the layout."""

    def __init__(self, scene: QGraphicsScene, analysis, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.analysis = analysis
        analysis.scenario_changed.connect(self.refresh)
        scene.layout_changed.connect(self.refresh)
        self._layout = None
        self.refresh()

    def refresh(self, *_args: object) -> None:
        layout = getattr(self.scene, "layout", None)
        closed = self.analysis.scenario.closed_gates
        # A gate moved or renamed while closed: its mark follows. The layout is followed only while a gate
        # is closed, so a window closed with none leaves nothing behind in it.
        self._follow(layout if closed else None)
        gates = [(g.id, g.a, g.b, g.width) for g in (layout.gates if layout is not None else []) if g.id in closed]
        if gates or getattr(self.scene, "_closed_gates", None) is not None:
            closed_gates_item(self.scene).show_gates(gates)

    def _follow(self, layout) -> None:
        if layout is self._layout:
            return
        if self._layout is not None:
            self._layout.unsubscribe(self._changed)
        self._layout = layout
        if layout is not None:
            layout.subscribe(self._changed)

    def _changed(self, _change: object) -> None:
        if shiboken6.isValid(self) and self.analysis.scenario.closed_gates:
            self.refresh()

    def detach(self) -> None:
        self._follow(None)
