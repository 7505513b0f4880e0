"""All booths drawn by one item, block by block, from cached paths.

A market has thousands of booths, and every zoom step repaints all those in
view. Drawn one item each, the view spends its frame visiting items; drawn
here, the booths of a block of ground (a tile) are one path per fill colour,
one outline path and one path per kind of open-side strip, built once when
a booth changes. The booth items stay in the scene for picking and selection,
but paint nothing (``BoothItem.set_drawn_by_layer``), except while a drag
lifts them off the layer.

The picture is the one ``painter.paint_booth`` gives: below the zoom at
which anything more than fill, outline and sides can be seen
(``booth_detail_from``) the outline is a hairline; from there on the booth
is drawn as ``paint_booth`` draws it, its number once legible.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from planner.render import painter as paint
from planner.render.geometry import device_scale
from planner.render.style import DEFAULT_STYLE, Style, qcolor

if TYPE_CHECKING:
    from planner.ui.canvas.items import BoothItem

TILE_M = 16.0          # side of the square of ground whose booths share their paths (smaller paths fill faster)
MARGIN_M = 0.3         # room around a booth for its outline
_NO_PEN = QPen(Qt.PenStyle.NoPen)


def _path() -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)   # booths that overlap stay filled where they overlap
    return path


class _Tile:
    """The booths whose centre lies in one square of ground, and their cached paths."""

    __slots__ = ("booths", "built", "drawn", "fills", "outline", "front", "sides", "bounds", "detail_low",
                 "detail_high", "strip_m", "blocked", "cooking")

    def __init__(self) -> None:
        self.booths: dict[str, BoothItem] = {}
        self.built = False
        self.drawn: list[BoothItem] = []          # the booths not lifted off the layer
        self.fills: list[tuple[QColor, QPainterPath]] = []
        self.outline = QPainterPath()
        self.front: QPainterPath | None = None
        self.sides: QPainterPath | None = None
        self.bounds = QRectF()
        self.detail_low = math.inf     # the zoom from which some, and from which all, booths show detail
        self.detail_high = math.inf
        self.strip_m = 0.0             # the widest strip marking an open side
        self.blocked: list[BoothItem] = []
        self.cooking: list[BoothItem] = []

    def build(self, style: Style, labels: bool, lifted: set[str]) -> None:
        fills: dict[int, tuple[QColor, QPainterPath]] = {}
        outline, front, sides = QPainterPath(), _path(), _path()
        bounds = QRectF()
        low, high, strip_m = math.inf, -math.inf, 0.0
        drawn = [item for object_id, item in self.booths.items() if object_id not in lifted]
        for item in drawn:
            graphic = item.graphic
            polygon = graphic.polygon
            fill = fills.get(graphic.fill.rgba())
            if fill is None:
                fill = fills[graphic.fill.rgba()] = (QColor(graphic.fill), _path())
            fill[1].addPolygon(polygon)
            fill[1].closeSubpath()
            outline.addPolygon(polygon)
            outline.closeSubpath()
            for rect, is_front in graphic.strips:
                (front if is_front else sides).addPolygon(graphic.frame.map(QPolygonF(rect)))
            if graphic.strips:
                strip_m = max(strip_m, graphic.strip_m)
            bounds = bounds.united(graphic.bounds)
            detail = paint.booth_detail_from(graphic, style, labels)
            low, high = min(low, detail), max(high, detail)
        self.drawn = drawn
        self.fills = list(fills.values())
        self.outline = outline
        self.front = front if not front.isEmpty() else None      # an empty path still costs a call
        self.sides = sides if not sides.isEmpty() else None
        self.bounds = bounds.adjusted(-MARGIN_M, -MARGIN_M, MARGIN_M, MARGIN_M)
        self.detail_low, self.detail_high = low, (high if drawn else math.inf)
        self.strip_m = strip_m
        self.blocked = [item for item in drawn if item.graphic.blocked]
        self.cooking = [item for item in drawn if item.graphic.cooking]
        self.built = True


class BoothLayer(QGraphicsItem):
    """Draws every booth registered with it, except those lifted off it by a drag."""

    def __init__(self, z: float, style: Style = DEFAULT_STYLE) -> None:
        super().__init__()
        self.style = style
        self.show_labels = True
        self._tiles: dict[tuple[int, int], _Tile] = {}
        self._tile_of: dict[str, tuple[int, int]] = {}
        self._lifted: set[str] = set()
        self._bounds = QRectF()
        hairline = QPen(qcolor(style.booth_outline), 0)    # as a booth item draws itself
        hairline.setCosmetic(True)
        hairline.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self._hairline = hairline
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    # -- what is drawn ------------------------------------------------------------------
    def set_booth(self, item: BoothItem) -> None:
        """Draw ``item`` (new, or its graphic changed) from now on, unless it is lifted."""
        self.remove(item.object_id)
        graphic = item.graphic
        centre = graphic.bounds.center()
        key = (math.floor(centre.x() / TILE_M), math.floor(centre.y() / TILE_M))
        tile = self._tiles.get(key)
        if tile is None:
            tile = self._tiles[key] = _Tile()
        tile.booths[item.object_id] = item
        tile.built = False
        self._tile_of[item.object_id] = key
        item.set_drawn_by_layer(item.object_id not in self._lifted)
        self._grow(graphic.bounds)
        self.update(graphic.bounds.adjusted(-MARGIN_M, -MARGIN_M, MARGIN_M, MARGIN_M))

    def remove(self, object_id: str) -> None:
        key = self._tile_of.pop(object_id, None)
        if key is None:
            return
        tile = self._tiles[key]
        item = tile.booths.pop(object_id)
        tile.built = False
        if not tile.booths:
            del self._tiles[key]
        self.update(item.graphic.bounds.adjusted(-MARGIN_M, -MARGIN_M, MARGIN_M, MARGIN_M))

    def clear(self) -> None:
        self._tiles.clear()
        self._tile_of.clear()
        self._lifted.clear()
        self.update()

    def lift(self, ids: Iterable[str]) -> None:
        """Let the items of ``ids`` draw themselves (a drag moves them), and the rest stay here."""
        ids = set(ids)
        for object_id in (ids ^ self._lifted):
            key = self._tile_of.get(object_id)
            if key is None:
                continue
            tile = self._tiles[key]
            item = tile.booths[object_id]
            scene = self.scene()
            if object_id not in ids and scene is not None:
                # Where it was drawn while lifted: an item that paints nothing repaints nothing as it moves.
                scene.update(item.sceneBoundingRect().adjusted(-MARGIN_M, -MARGIN_M, MARGIN_M, MARGIN_M))
            item.set_drawn_by_layer(object_id not in ids)
            tile.built = False
            self.update(item.graphic.bounds.adjusted(-MARGIN_M, -MARGIN_M, MARGIN_M, MARGIN_M))
        self._lifted = ids

    @property
    def lifted(self) -> frozenset[str]:
        return frozenset(self._lifted)

    def set_show_labels(self, show: bool) -> None:
        if show != self.show_labels:
            self.show_labels = show
            for tile in self._tiles.values():
                tile.built = False    # the zoom from which booths show detail depends on it
            self.update()

    def _grow(self, rect: QRectF) -> None:
        rect = rect.adjusted(-MARGIN_M, -MARGIN_M, MARGIN_M, MARGIN_M)
        if not self._bounds.contains(rect):
            self.prepareGeometryChange()
            self._bounds = self._bounds.united(rect) if not self._bounds.isNull() else rect

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()      # never hit: the booth items are

    # -- drawing -----------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        tiles = []
        for tile in self._tiles.values():
            if not tile.built:
                tile.build(self.style, self.show_labels, self._lifted)
            if tile.drawn and tile.bounds.intersects(exposed):
                tiles.append(tile)
        if not tiles:
            return
        base = painter.worldTransform()
        scale = device_scale(base) or 1.0
        style = self.style
        detailed = [t for t in tiles if scale >= t.detail_high]   # every booth as paint_booth draws it
        plain = [t for t in tiles if scale < t.detail_high]
        painter.setPen(_NO_PEN)
        for tile in tiles:
            for colour, path in tile.fills:
                painter.setBrush(colour)
                painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if plain:
            painter.setPen(self._hairline)
            for tile in plain:
                painter.drawPath(tile.outline)
        if detailed:
            painter.setPen(paint.booth_outline_pen(style, scale))
            for tile in detailed:
                painter.drawPath(tile.outline)
            painter.save()
            for tile in detailed:
                for item in tile.blocked:
                    paint.paint_booth_hatch(painter, item.graphic, style, base, scale)
            painter.restore()
        front, side = paint.booth_strip_brushes(style)
        # paint_booth leaves out strips under half a pixel wide; a booth drawn plain shows them always.
        strip_tiles = plain + [t for t in detailed if t.strip_m * scale >= 0.5]
        painter.setPen(_NO_PEN)
        painter.setBrush(front)
        for tile in strip_tiles:
            if tile.front is not None:
                painter.drawPath(tile.front)
        painter.setBrush(side)
        for tile in strip_tiles:
            if tile.sides is not None:
                painter.drawPath(tile.sides)
        if detailed:
            painter.save()
            for tile in detailed:
                for item in tile.cooking:
                    paint.paint_booth_flame(painter, item.graphic, style, base, scale)
            if self.show_labels:
                for tile in detailed:
                    for item in tile.drawn:
                        if item.graphic.bounds.intersects(exposed):
                            paint.paint_booth_text(painter, item.graphic, style, base, scale)
            painter.restore()
        # Blocks where only some booths show detail at this zoom: those are drawn whole over the plain ones.
        for tile in plain:
            if scale >= tile.detail_low:
                for item in tile.drawn:
                    if item.graphic.bounds.intersects(exposed) and \
                            scale >= paint.booth_detail_from(item.graphic, style, self.show_labels):
                        paint.paint_booth(painter, item.graphic, style, self.show_labels)
