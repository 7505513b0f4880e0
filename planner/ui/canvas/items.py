"""Scene items, one per layout object; each paints its prepared graphic with planner.render.

An item never reads the model while painting: the scene hands it a graphic
(scene geometry, colours, label placement) whenever the model changes, and
``paint`` only draws it. Booths are many: in the scene they are drawn all
together by the booth layer (``booth_layer.BoothLayer``), and a booth item
only answers for picking and selection. On its own (or lifted off the layer
by a drag) a booth is a C++ polygon item (fill, outline, open sides) whose
child draws the full ``paint_booth`` once the zoom makes its number or flame
legible: the same picture as the layer's.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Generic, TypeVar

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem, QGraphicsPathItem, QGraphicsPolygonItem, QStyleOptionGraphicsItem, QWidget,
)

from planner.render import graphics as g
from planner.render import painter as paint
from planner.render.geometry import device_scale
from planner.render.labels import zone_label_reach
from planner.render.style import DEFAULT_STYLE, Style, qcolor

G = TypeVar("G")

# Stacking order of the layers: site < zones < obstacles < booths < gates < amenities.
# Zone names float over everything so the overview reads; they fade out as zooming in
# reveals booth numbers, so they never hide the detail.
Z_SITE, Z_ZONE, Z_OBSTACLE, Z_BOOTH, Z_GATE, Z_AMENITY, Z_ZONE_LABEL = 0, 10, 20, 30, 40, 50, 60


def _scale(painter: QPainter) -> float:
    return device_scale(painter.worldTransform()) or 1.0


class GraphicItem(QGraphicsItem, Generic[G]):
    """An item that draws one prepared graphic; ``object_id`` names the model object."""

    z_value = 0.0

    def __init__(self, object_id: str, graphic: G, style: Style = DEFAULT_STYLE) -> None:
        super().__init__()
        self.object_id = object_id
        self.style = style
        self.graphic = graphic
        self.show_labels = True      # the Labels layer: names and numbers drawn on the item
        self.setZValue(self.z_value)

    def set_show_labels(self, show: bool) -> None:
        if show != self.show_labels:
            self.show_labels = show
            self.update()

    def set_graphic(self, graphic: G) -> None:
        """Show a new graphic after the model changed."""
        self.prepareGeometryChange()
        self.graphic = graphic
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self.graphic.bounds  # type: ignore[attr-defined]


class SiteItem(GraphicItem[g.SiteGraphic]):
    z_value = Z_SITE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint.paint_site(painter, self.graphic, self.style)

    def boundingRect(self) -> QRectF:  # noqa: N802
        margin = self.style.site.outline_m * 4
        return self.graphic.bounds.adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        return self.graphic.path


class ObstacleItem(GraphicItem[g.ObstacleGraphic]):
    z_value = Z_OBSTACLE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint.paint_obstacle(painter, self.graphic, self.style, self.show_labels)

    def boundingRect(self) -> QRectF:  # noqa: N802
        margin = 2.0
        return self.graphic.bounds.adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        return self.graphic.path


class ZoneItem(GraphicItem[g.ZoneGraphic]):
    z_value = Z_ZONE

    def __init__(self, object_id: str, graphic: g.ZoneGraphic, style: Style = DEFAULT_STYLE) -> None:
        super().__init__(object_id, graphic, style)
        self.edges = paint.zone_edges(graphic)

    def set_graphic(self, graphic: g.ZoneGraphic) -> None:
        self.edges = paint.zone_edges(graphic)
        super().set_graphic(graphic)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint.paint_zone(painter, self.graphic, self.style, self.edges)

    def boundingRect(self) -> QRectF:  # noqa: N802
        margin = 2.0
        return self.graphic.bounds.adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        return self.graphic.path


class ZoneLabelItem(GraphicItem[g.ZoneLabelGraphic]):
    """A zone's name, on a layer of its own above the booths; never hit by the mouse."""

    z_value = Z_ZONE_LABEL

    def __init__(self, object_id: str, graphic: g.ZoneLabelGraphic, style: Style = DEFAULT_STYLE) -> None:
        super().__init__(object_id, graphic, style)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # Where the label room moved it, off the amenity badges and other names (``labels.place_labels``).
        room = getattr(self.scene(), "label_room", None)
        at = room.zone_label_at(self.object_id, _scale(painter)) if room is not None else None
        # The item reaches as far as the name may step aside: skip the name where it is not in view.
        bounds = self.graphic.bounds
        if at is not None:
            pos = self.graphic.label.pos
            bounds = bounds.translated(at.x() - pos.x(), at.y() - pos.y())
        inverse, ok = painter.worldTransform().inverted()
        if ok and not inverse.mapRect(QRectF(painter.viewport())).intersects(bounds):
            return
        graphic = self.graphic if at is None else replace(self.graphic, label=replace(self.graphic.label, pos=at))
        paint.paint_zone_label(painter, graphic, self.style)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return zone_label_reach(self.graphic.bounds)

    def shape(self) -> QPainterPath:
        return QPainterPath()


class GateItem(GraphicItem[g.GateGraphic]):
    z_value = Z_GATE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        room = getattr(self.scene(), "label_room", None)
        named = room is None or not self.show_labels or room.gate_named(self.object_id, _scale(painter))
        paint.paint_gate(painter, self.graphic, self.style, self.show_labels and named)

    def shape(self) -> QPainterPath:
        line = QPainterPath(self.graphic.a)
        line.lineTo(self.graphic.b)
        stroker = QPainterPathStroker()
        stroker.setWidth(max(self.style.gate_line_m * 2, 2.0))
        return stroker.createStroke(line)


class BoothDetailItem(QGraphicsItem):
    """The full drawing of a booth (``paint_booth``: number, exhibitor, flame, hatching).

    A child of the booth, shown by the scene only from the zoom at which
    any of that can be seen; its opaque fill covers the booth's own
    drawing beneath. Never hit by the mouse.
    """

    def __init__(self, booth: BoothItem) -> None:
        super().__init__(booth)
        self.booth = booth
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def boundingRect(self) -> QRectF:  # noqa: N802
        margin = 0.3  # room for the outline when it is held at a minimum pixel width
        return self.booth.graphic.bounds.adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint.paint_booth(painter, self.booth.graphic, self.booth.style, self.booth.show_labels)


def _side_strip(side: str, w: float, d: float, s: float) -> QRectF:
    """The strip marking an open side, in the booth's local frame (+y the front), as paint_booth draws it."""
    return {
        "front": QRectF(-w / 2, d / 2 - s, w, s), "back": QRectF(-w / 2, -d / 2, w, s),
        "left": QRectF(-w / 2, -d / 2, s, d), "right": QRectF(w / 2 - s, -d / 2, s, d),
    }[side]


class BoothItem(QGraphicsPolygonItem):
    """A booth: Qt draws its fill, outline and open sides in C++, so thousands cost no Python per frame.

    The detail child adds what ``paint_booth`` shows once it is legible
    (``detail_from``, pixels per metre). ``object_id`` names the model object.
    ``layered``: the booth layer draws it, and the item only answers for
    picking and selection; it has no children then (the view skips it
    without a look), and makes them when a drag lifts it off the layer.
    """

    def __init__(self, object_id: str, graphic: g.BoothGraphic, style: Style = DEFAULT_STYLE,
                 layered: bool = False) -> None:
        super().__init__()
        self.object_id = object_id
        self.style = style
        self.show_labels = True
        self.detail_from = math.inf
        self.drawn_by_layer = layered
        self._scale = 0.0           # the zoom last given to set_detailed
        self.front: QGraphicsPathItem | None = None
        self.sides: QGraphicsPathItem | None = None
        self.detail: BoothDetailItem | None = None
        self.setZValue(Z_BOOTH)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, layered)
        outline = QPen(qcolor(style.booth_outline), 0)     # a hairline: the shape stays the booth's own
        outline.setCosmetic(True)
        outline.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.setPen(outline)
        self.graphic = graphic
        if not layered:
            self._make_children()
        self.set_graphic(graphic)

    def _make_children(self) -> None:
        self.front = QGraphicsPathItem(self)
        self.sides = QGraphicsPathItem(self)
        for strip, alpha in ((self.front, 255), (self.sides, 110)):
            strip.setPen(QPen(Qt.PenStyle.NoPen))
            strip.setBrush(qcolor(self.style.booth_open_side, alpha))
            strip.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.detail = BoothDetailItem(self)

    def set_graphic(self, graphic: g.BoothGraphic) -> None:
        self.prepareGeometryChange()
        self.graphic = graphic
        self.setPolygon(graphic.polygon)
        self.setBrush(graphic.fill)
        self.detail_from = self._detail_scale()
        self._set_children()

    def _set_children(self) -> None:
        if self.front is None or self.sides is None or self.detail is None:
            return
        graphic = self.graphic
        self.detail.prepareGeometryChange()
        w, d = graphic.width, graphic.depth
        s = min(self.style.booth_open_side_m, 0.15 * min(w, d))
        for item, sides in ((self.front, [x for x in graphic.open_sides if x == "front"]),
                            (self.sides, [x for x in graphic.open_sides if x != "front"])):
            path = QPainterPath()
            for side in sides:
                path.addPolygon(graphic.frame.map(QPolygonF(_side_strip(side, w, d, s))))
                path.closeSubpath()
            item.setPath(path)
            # An empty strip item still costs the view a visit per frame: 2,000 booths, 2,000 visits.
            item.setVisible(bool(sides) and not self.drawn_by_layer)
        self.detail.update()
        self.set_detailed(self._scale)

    def _detail_scale(self) -> float:
        """The zoom (pixels per metre) from which ``paint_booth`` draws more than fill and sides."""
        return paint.booth_detail_from(self.graphic, self.style, self.show_labels)

    def set_drawn_by_layer(self, on: bool) -> None:
        """Leave the drawing to the booth layer (the item stays for picking), or draw the booth here."""
        if on == self.drawn_by_layer:
            return
        self.drawn_by_layer = on
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, on)
        if not on and self.front is None:
            self._make_children()
        self._set_children()
        self.update()

    def set_detailed(self, scale: float) -> None:
        """Show the full drawing at ``scale`` pixels per metre if anything in it is legible there."""
        self._scale = scale
        if self.detail is not None:
            on = scale >= self.detail_from and not self.drawn_by_layer
            if on != self.detail.isVisible():
                self.detail.setVisible(on)

    def set_show_labels(self, show: bool) -> None:
        if show != self.show_labels:
            self.show_labels = show
            self.detail_from = self._detail_scale()
            if self.detail is not None:
                self.detail.update()
            self.set_detailed(self._scale)


class AmenityItem(GraphicItem[g.AmenityGraphic]):
    z_value = Z_AMENITY

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        room = getattr(self.scene(), "label_room", None)
        if room is not None and self.show_labels and room.badge_at(self.object_id, _scale(painter)) is not None:
            return              # stepped aside off a zone's name: the label room draws it there
        spot = room.amenity_spot(self.object_id, _scale(painter)) if room is not None and self.show_labels else 0
        paint.paint_amenity(painter, self.graphic, self.style, self.show_labels and spot is not None, spot or 0)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = max(self.style.amenity_m, self.style.amenity_max_m * 0.35) / 2
        path.addEllipse(self.graphic.pos, r, r)
        return path



ObjectItem = GraphicItem | BoothItem


def is_object_item(item: QGraphicsItem) -> bool:
    """An item that shows one model object (not the site, a zone's name, a booth's detail or an overlay)."""
    return isinstance(item, (GraphicItem, BoothItem)) and not isinstance(item, (SiteItem, ZoneLabelItem))
