"""The analysis drawn over the plan: one item per kind of overlay, each a layer.

Narrow aisles (red dimension lines with their width), the egress bottleneck
(its cross-sections with width and flow: slate, red only where a finding
blames it), zones shaded by Fruin's level of service (a badge beside each
zone's name), exit catchments (a tint per exit), the walking distance to the
nearest exit (a heat map) and the paths between gates and zones
(``overlay_paths``); a gate the scenario closes is crossed out
(``closed_gates``). All are
painted from one ``OverlayData`` (planner.solver.overlay_data), which the
analysis worker sends right after each report; none reads the model while
painting. Lines are cosmetic and labels are drawn in screen pixels, so both
stay readable at any zoom. Each item only says what its labels are
(``label_specs``): the scene's one labels item (``overlay_labels``) draws
those of every layer above the booths and the selection, off each other and
inside the view.
"""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QCoreApplication, QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from planner.render.geometry import device_scale, scene_point
from planner.render.style import DEFAULT_STYLE, qcolor
from planner.solver.overlay_data import OverlayData
from planner.ui.canvas import overlays
from planner.ui.canvas.layers import GRID_LAYERS
from planner.ui.canvas.overlay_labels import LABEL_PX, Labels, LabelSpec, label_metrics, labels_item, update_labels

__all__ = ["LABEL_PX", "Labels", "LabelSpec"]     # kept here for the overlays drawn from the grid

CONTEXT = "AnalysisOverlays"
Z_HEAT, Z_CATCHMENT, Z_SERVICE, Z_PATHS, Z_BOTTLENECK, Z_NARROW = 15, 15.5, 16, 45, 70, 71
Z_CAPTIONS = 75           # marks of the fills above drawn over booths, gates and zone names (labels: overlay_labels)
Z_DIMENSIONS = 950        # live clearances while dragging: over the selection, under the tool preview

NARROW = "#d7191c"
PATH = "#1565c0"
CATCHMENT_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                     "#bcbd22", "#7f7f7f", "#d62728")
# Near an exit (teal) to far from one (deep purple), an ordered ramp that stays readable in grey.
HEAT_RAMP = ((0.0, (26, 152, 80)), (0.35, (145, 207, 96)), (0.6, (254, 224, 139)), (0.8, (252, 141, 89)),
             (1.0, (122, 1, 119)))
HEAT_ALPHA = 150
CATCHMENT_ALPHA = 80
PATH_LABEL_PX = 320        # a path is labelled when at least this long on screen
PAD_M = 60.0               # labels drawn in pixels may reach this far beyond the geometry


# Called with literal context and text, so pyside6-lupdate finds every message.
translate = QCoreApplication.translate


def metres(value: float) -> str:
    return translate("AnalysisOverlays", "{value} m").format(value=f"{value:.2f}" if value < 10 else f"{value:.1f}")


def duration(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds):
        return translate("AnalysisOverlays", "no way out")
    total = int(round(seconds))
    minutes, secs = divmod(total, 60)
    if minutes == 0:
        return translate("AnalysisOverlays", "{seconds} s").format(seconds=secs)
    return translate("AnalysisOverlays", "{minutes} min {seconds} s").format(minutes=minutes, seconds=secs)


def cosmetic(colour: QColor | str, width_px: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """The canvas's screen-pixel pen, with flat ends: widths and cross-sections end where they measure."""
    return overlays.cosmetic(colour, width_px, style, Qt.PenCapStyle.FlatCap)


class OverlayItem(QGraphicsItem):
    """One kind of overlay, painted from the overlay data; never picked by the mouse."""

    kind = ""
    z = 0.0
    label_rank = 50            # the labels item places lower ranks first

    def __init__(self) -> None:
        super().__init__()
        self.data: OverlayData | None = None
        self.findings: tuple = ()          # the report's findings the data came with
        self._rect = QRectF()
        self.setZValue(self.z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def set_data(self, data: OverlayData | None, findings=()) -> None:
        self.prepareGeometryChange()
        self.data = data
        self.findings = tuple(findings)
        self.prepare(data)
        rect = self.extent(data) if data is not None else QRectF()
        self._rect = rect.adjusted(-PAD_M, -PAD_M, PAD_M, PAD_M) if not rect.isNull() else QRectF()
        self.update()
        update_labels(self.scene())

    def prepare(self, data: OverlayData | None) -> None:
        """Work done once per result, not per paint."""

    def extent(self, data: OverlayData) -> QRectF:
        return QRectF()

    @property
    def empty(self) -> bool:
        return self._rect.isNull()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._rect

    def paint_captions(self, painter: QPainter) -> None:
        """Marks drawn over the whole plan by the kind's caption item (fills stay under the booths)."""

    def label_specs(self, scale: float) -> list[LabelSpec]:
        """The labels, drawn by the scene's labels item above everything (``overlay_labels``)."""
        return []


class CaptionItem(QGraphicsItem):
    """The labels of an overlay whose fill lies under the plan's objects, drawn over them."""

    def __init__(self, owner: OverlayItem) -> None:
        super().__init__()
        self.owner = owner
        self.setZValue(Z_CAPTIONS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self.owner.boundingRect()

    def sync(self) -> None:
        self.prepareGeometryChange()
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.owner.data is not None:
            self.owner.paint_captions(painter)


def _points_rect(points) -> QRectF:
    pts = [scene_point(p) for p in points]
    if not pts:
        return QRectF()
    xs, ys = [p.x() for p in pts], [p.y() for p in pts]
    return QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))


def _ticks(painter: QPainter, a: QPointF, b: QPointF, px: float, size_px: float = 5.0) -> None:
    """Short bars across both ends of a dimension line."""
    line = QLineF(a, b)
    if line.length() == 0:
        return
    normal = line.normalVector().unitVector()
    nx, ny = (normal.dx() * size_px * px, normal.dy() * size_px * px)
    for p in (a, b):
        painter.drawLine(QLineF(p.x() - nx, p.y() - ny, p.x() + nx, p.y() + ny))


class NarrowAislesItem(OverlayItem):
    kind, z, label_rank = "narrow_aisles", Z_NARROW, 10

    def extent(self, data: OverlayData) -> QRectF:
        pts = [p for a in data.narrow_aisles for p in (a.segment or (a.location,))]
        return _points_rect(pts)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.data is None:
            return
        px = 1.0 / (device_scale(painter.worldTransform()) or 1.0)
        halo = cosmetic(QColor(255, 255, 255, 210), 6.0)
        red = cosmetic(NARROW, 3.0)
        for aisle in self.data.narrow_aisles:
            at = scene_point(aisle.location)
            if aisle.segment is not None:
                a, b = scene_point(aisle.segment[0]), scene_point(aisle.segment[1])
                for pen in (halo, red):
                    painter.setPen(pen)
                    painter.drawLine(QLineF(a, b))
                    _ticks(painter, a, b, px)
            else:
                painter.setPen(red)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(at, 8 * px, 8 * px)

    def label_specs(self, scale: float) -> list[LabelSpec]:
        if self.data is None:
            return []
        return [LabelSpec(scene_point(aisle.location), translate("AnalysisOverlays", "{width} < {limit}").format(
            width=metres(aisle.width), limit=metres(aisle.limit)), NARROW, always=True)
            for aisle in self.data.narrow_aisles]


FAULTY_WITHIN_M = 1.0       # an overloaded aisle's finding this near a cross-section blames it


def faulty_sections(sections, findings) -> list[bool]:
    """Per bottleneck cross-section, whether a finding blames it (drawn red, as a fault).

    The bottleneck is only the narrowest line the crowd crosses: a plan that
    empties in time has one too, and red there would read as a fault. It is
    one when egress is too slow (set by the whole bottleneck), when an aisle
    overloaded at egress is that cross-section, or when that exit is too narrow.
    """
    rules = {f.rule for f in findings}
    if "egress-too-slow" in rules:
        return [True] * len(sections)
    narrow_exits = {o for f in findings if f.rule == "exit-too-narrow" for o in f.objects}
    overloaded = [f.location for f in findings if f.rule == "aisle-overloaded" and f.location is not None]
    out = []
    for section in sections:
        if section.gate is not None:
            out.append(section.gate in narrow_exits)
            continue
        (ax, ay), (bx, by) = section.segment
        out.append(any(_to_segment(p, (ax, ay), (bx, by)) <= FAULTY_WITHIN_M for p in overloaded))
    return out


def _to_segment(p, a, b) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def bottleneck_colour(faulty: bool) -> QColor:
    return qcolor(DEFAULT_STYLE.bottleneck if faulty else DEFAULT_STYLE.bottleneck_neutral)


class BottlenecksItem(OverlayItem):
    kind, z, label_rank = "bottlenecks", Z_BOTTLENECK, 20

    def prepare(self, data: OverlayData | None) -> None:
        self.faulty = faulty_sections(data.bottlenecks, self.findings) if data is not None else []

    def extent(self, data: OverlayData) -> QRectF:
        return _points_rect([p for b in data.bottlenecks for p in b.segment])

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.data is None:
            return
        for section, faulty in zip(self.data.bottlenecks, self.faulty):
            colour = bottleneck_colour(faulty)
            band = QColor(colour)
            band.setAlpha(120)
            a, b = scene_point(section.segment[0]), scene_point(section.segment[1])
            painter.setPen(cosmetic(band, 9.0))
            painter.drawLine(QLineF(a, b))
            painter.setPen(cosmetic(colour, 2.0, Qt.PenStyle.DashLine))
            painter.drawLine(QLineF(a, b))

    def label_specs(self, scale: float) -> list[LabelSpec]:
        if self.data is None:
            return []
        bounds = self.data.site_bounds
        centre = scene_point(((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)) if bounds else None
        specs = []
        for section, faulty in zip(self.data.bottlenecks, self.faulty):
            colour = bottleneck_colour(faulty)
            a, b = scene_point(section.segment[0]), scene_point(section.segment[1])
            text = bottleneck_text(section)
            if section.gate is None:                 # a chord: its label beside it
                specs.append(LabelSpec((a + b) / 2, text, colour, dy=18.0))
                continue
            # An exit's label sits on the gate, clear of the gate's name outside the site; on a
            # gate in a west or east side it moves inside, next to the gate, off the name.
            at = (a + b) / 2
            line = QLineF(a, b)
            dx = 0.0
            if abs(line.dy()) > abs(line.dx()) and centre is not None and centre.x() != at.x():
                half = label_metrics().horizontalAdvance(text) / 2 + 8
                dx = half if centre.x() > at.x() else -half
            specs.append(LabelSpec(at, text, colour, dx=dx, dy=0.0, centred=True))
        return specs


def bottleneck_text(section) -> str:
    """A cross-section's label: an exit gate's is only its width and flow, since the band lies on
    the gate itself and a plan has many; a chord across the open ground says what it is."""
    width, flow = metres(section.width), f"{section.flow_per_min:.0f}"
    if section.gate is not None:
        return translate("AnalysisOverlays", "{width} · {flow}/min").format(width=width, flow=flow)
    return translate("AnalysisOverlays", "Bottleneck {width} · {flow} persons/min").format(width=width, flow=flow)


class DimensionsItem(QGraphicsItem):
    """Dimension lines with their length in metres: the live clearances of a drag."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_DIMENSIONS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # (from, to, gap in metres or None for an overlap, narrower than the minimum aisle)
        self.dimensions: list[tuple[tuple[float, float], tuple[float, float], float | None, bool]] = []
        self._rect = QRectF()

    def show_dimensions(self, dimensions) -> None:
        self.prepareGeometryChange()
        self.dimensions = list(dimensions)
        rect = _points_rect([p for a, b, _, _ in self.dimensions for p in (a, b)])
        self._rect = rect.adjusted(-20, -20, 20, 20) if self.dimensions else QRectF()
        self.update()

    def labels(self) -> list[str]:
        return [translate("AnalysisOverlays", "overlap") if gap is None else metres(gap)
                for _, _, gap, _ in self.dimensions]

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        px = 1.0 / (device_scale(painter.worldTransform()) or 1.0)
        labels = Labels(painter)
        for a, b, gap, short in self.dimensions:
            colour = qcolor(NARROW if short else "#2f3e46")
            p, q = scene_point(a), scene_point(b)
            if gap is None:                    # the dragged booth stands on something
                labels.draw(p, translate("AnalysisOverlays", "overlap"), colour, centred=True, always=True)
                continue
            painter.setPen(cosmetic(QColor(255, 255, 255, 200), 4.0))
            painter.drawLine(QLineF(p, q))
            painter.setPen(cosmetic(colour, 1.5))
            painter.drawLine(QLineF(p, q))
            _ticks(painter, p, q, px, 4.0)
            labels.draw((p + q) / 2, metres(gap), colour, centred=True)


def item_types() -> tuple[type[OverlayItem], ...]:
    """Every kind of overlay; the two drawn from the distance grid live in ``overlay_grids``."""
    from planner.ui.canvas.overlay_grids import CatchmentsItem, WalkHeatItem
    from planner.ui.canvas.overlay_paths import PathsItem
    from planner.ui.canvas.overlay_service import ZoneServiceItem

    return (NarrowAislesItem, BottlenecksItem, ZoneServiceItem, CatchmentsItem, WalkHeatItem, PathsItem)


class AnalysisOverlays(QObject):
    """Keeps the overlay items of one scene in step with the latest analysis and the layers."""

    def __init__(self, scene: QGraphicsScene, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.data: OverlayData | None = None
        self.findings: tuple = ()
        self.items: dict[str, OverlayItem] = {}
        self.captions: dict[str, CaptionItem] = {}
        self.generation = -1
        scene.layers.changed.connect(self._layer_changed)
        scene.layout_changed.connect(self._ensure_items)
        self._ensure_items()

    def _ensure_items(self) -> None:
        """(Re)create the items when the scene was cleared for another layout."""
        if self.items and all(shiboken6.isValid(item) and item.scene() is self.scene for item in self.items.values()):
            return
        self.items = {cls.kind: cls() for cls in item_types()}
        self.captions = {kind: CaptionItem(item) for kind, item in self.items.items()
                         if type(item).paint_captions is not OverlayItem.paint_captions}
        labels = labels_item(self.scene)
        for kind, item in self.items.items():
            self.scene.addItem(item)
            labels.register(item)
            item.set_data(self.data, self.findings)
            if kind in self.captions:
                self.scene.addItem(self.captions[kind])
        self._apply_layers()

    def set_data(self, data: OverlayData | None, findings=()) -> None:
        """Show ``data``; ``findings`` (the report's) say which bottleneck is a fault."""
        self.data = data
        self.findings = tuple(findings) if data is not None else ()
        self._ensure_items()
        for item in self.items.values():
            item.set_data(data, self.findings)
        for caption in self.captions.values():
            caption.sync()

    def on_result(self, generation: int, result: object) -> None:
        """``LiveAnalysis.overlays_ready``: show the overlays that followed the report.

        Until they arrive the previous ones stay: they are at most one run old,
        and blanking the plan at each edit would make it flicker.
        """
        self.generation = generation
        report = getattr(result, "report", None)
        self.set_data(getattr(result, "overlays", None), getattr(report, "findings", ()) or ())

    def on_failed(self, analysis) -> None:
        """Overlays that could not be made for the report now shown are taken away, not left stale."""
        from planner.solver.live import OVERLAYS

        if analysis.failed_phase == OVERLAYS:
            self.generation = analysis.failed_generation
            self.clear()

    def clear(self) -> None:
        self.set_data(None)

    def _layer_changed(self, key: str) -> None:
        if key in self.items:
            self._apply_layers()

    def _apply_layers(self) -> None:
        layers = self.scene.layers
        for key, item in self.items.items():
            item.setVisible(layers.visible(key))
            if key in self.captions:
                self.captions[key].setVisible(layers.visible(key))
        update_labels(self.scene)

    def item(self, kind: str) -> OverlayItem:
        self._ensure_items()
        return self.items[kind]


def connect_window(window) -> AnalysisOverlays:
    """Overlays for a main window: fed by its live analysis when it has one, cleared on a new layout.

    The analysis makes the walking-time grid only while a layer drawn from it is shown.
    """
    overlays = AnalysisOverlays(window.scene, window)
    analysis = getattr(window, "analysis", None)
    if analysis is not None:
        layers = window.scene.layers

        def follow_layers(_key: str = "") -> None:
            analysis.set_grid_wanted(layers.any_visible(GRID_LAYERS))

        layers.changed.connect(follow_layers)
        follow_layers()
        analysis.overlays_ready.connect(overlays.on_result)
        from planner.ui.canvas.closed_gates import ClosedGates

        overlays.closed_gates = ClosedGates(window.scene, analysis, overlays)
        analysis.failed.connect(lambda _message: overlays.on_failed(analysis))
        result = getattr(analysis, "result", None)
        if result is not None and analysis.overlays_generation == analysis.result_generation:
            overlays.on_result(analysis.overlays_generation, result)
    window.document.layout_replaced.connect(lambda _layout: overlays.clear())
    return overlays
