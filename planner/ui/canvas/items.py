"""Scene items, one per layout object; each paints its prepared graphic with planner.render.

An item never reads the model while painting: the scene hands it a graphic
(scene geometry, colours, label placement) whenever the model changes, and
``paint`` only draws it.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from planner.render import graphics as g
from planner.render import painter as paint
from planner.render.style import DEFAULT_STYLE, Style

G = TypeVar("G")

# Stacking order of the layers: site < zones < obstacles < booths < gates < amenities.
# Zone names float over everything so the overview reads; they fade out as zooming in
# reveals booth numbers, so they never hide the detail.
Z_SITE, Z_ZONE, Z_OBSTACLE, Z_BOOTH, Z_GATE, Z_AMENITY, Z_ZONE_LABEL = 0, 10, 20, 30, 40, 50, 60


class GraphicItem(QGraphicsItem, Generic[G]):
    """An item that draws one prepared graphic; ``object_id`` names the model object."""

    z_value = 0.0

    def __init__(self, object_id: str, graphic: G, style: Style = DEFAULT_STYLE) -> None:
        super().__init__()
        self.object_id = object_id
        self.style = style
        self.graphic = graphic
        self.setZValue(self.z_value)

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
        paint.paint_obstacle(painter, self.graphic, self.style)

    def boundingRect(self) -> QRectF:  # noqa: N802
        margin = 2.0
        return self.graphic.bounds.adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        return self.graphic.path


class ZoneItem(GraphicItem[g.ZoneGraphic]):
    z_value = Z_ZONE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint.paint_zone(painter, self.graphic, self.style)

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
        paint.paint_zone_label(painter, self.graphic, self.style)

    def shape(self) -> QPainterPath:
        return QPainterPath()


class GateItem(GraphicItem[g.GateGraphic]):
    z_value = Z_GATE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint.paint_gate(painter, self.graphic, self.style)

    def shape(self) -> QPainterPath:
        line = QPainterPath(self.graphic.a)
        line.lineTo(self.graphic.b)
        stroker = QPainterPathStroker()
        stroker.setWidth(max(self.style.gate_line_m * 2, 2.0))
        return stroker.createStroke(line)


class BoothItem(GraphicItem[g.BoothGraphic]):
    z_value = Z_BOOTH

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint.paint_booth(painter, self.graphic, self.style)

    def boundingRect(self) -> QRectF:  # noqa: N802
        margin = 0.3  # room for the outline when it is held at a minimum pixel width
        return self.graphic.bounds.adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addPolygon(self.graphic.polygon)
        path.closeSubpath()
        return path


class AmenityItem(GraphicItem[g.AmenityGraphic]):
    z_value = Z_AMENITY

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint.paint_amenity(painter, self.graphic, self.style)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = max(self.style.amenity_m, self.style.amenity_max_m * 0.35) / 2
        path.addEllipse(self.graphic.pos, r, r)
        return path

