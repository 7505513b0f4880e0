"""Names that give way on the canvas: gate, zone and amenity names placed once per zoom, as exports place them.

Each gate, zone name or amenity item paints itself, but whether its name is
drawn (and where) depends on its neighbours: ``labels.place_labels`` decides
for all of them at once, for the zoom the painter draws at, and the items ask
here. Booths always win; a zone's name steps aside off the amenity badges,
and a badge it cannot avoid steps aside from under it, drawn by this room's
own item with a leader line to where the amenity stands (the amenity's item
keeps its place, for picking, and the layout's bounds). The analysis labels
keep off all of it (``plan(scale).everything``). The plan is made again after
any change to the layout or the layers.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from planner.render import painter as paint
from planner.render.geometry import device_scale
from planner.render.labels import LabelPlan, RectIndex, place_labels

if TYPE_CHECKING:
    from planner.ui.canvas.scene import FloorScene

_PLANS_KEPT = 48      # zoom levels whose plans are kept (zooming in and out meets the same ones again)


@dataclass
class _Placed:
    """One zoom's answers, by object id."""

    gates: dict[str, bool]
    spots: dict[str, int | None]
    zone_names: dict[str, QPointF | None]
    badges: dict[str, QPointF]                # amenities whose badge stepped aside: where it went
    plan: LabelPlan


class LabelRoom:
    def __init__(self, scene: FloorScene) -> None:
        self.scene = scene
        self._booths: RectIndex | None = None
        self._booths_complete = False      # the index holds the booths (built only when amenities need it)
        self._plans: OrderedDict[float, _Placed] = OrderedDict()
        self._aside: MovedBadgesItem | None = None
        self._kinds: tuple[list, list, list] | None = None   # gate, amenity and zone items, until a change

    def invalidate(self) -> None:
        """The layout or the layers changed: place the names again when next drawn."""
        from planner.ui.canvas.items import AmenityItem, GateItem

        self._booths = None
        self._plans.clear()
        self._kinds = None
        for item in self.scene.object_items():
            if isinstance(item, (AmenityItem, GateItem)):
                item.update()
        for label in self._zone_label_items():
            label.update()
        self.moved_badges_item().update()

    def _zone_label_items(self) -> list:
        return list(getattr(self.scene, "_zone_labels", {}).values())

    def _plan(self, scale: float) -> _Placed:
        key = round(scale, 9)
        found = self._plans.get(key)
        if found is not None:
            self._plans.move_to_end(key)
            return found
        from planner.ui.canvas.items import AmenityItem, BoothItem, GateItem, ZoneItem

        if self._kinds is None:
            # The items by kind, once per change (a wheel notch is a new zoom, not a new layout).
            items = self.scene.object_items()
            self._kinds = ([i for i in items if isinstance(i, GateItem) and i.isVisible() and i.show_labels],
                           [i for i in items if isinstance(i, AmenityItem) and i.isVisible() and i.show_labels],
                           [i for i in items if isinstance(i, ZoneItem)])
        gates, amenities, zone_items = self._kinds
        if self._booths is None or (amenities and not self._booths_complete):
            items = self.scene.object_items()
            # Only amenity names give way to booths: without any, a few thousand booths need no index
            # (it would be built again after every edit, in the frame the edit is shown in).
            shown = self.scene.booth_layer.isVisible() and bool(amenities)
            self._booths = RectIndex(i.graphic.bounds for i in items if shown and isinstance(i, BoothItem))
            self._booths_complete = bool(amenities)
        names = [i for i in self._zone_label_items() if i.isVisible()]
        zones = [i.graphic for i in zone_items]
        plan = place_labels(self._booths, [i.graphic for i in gates], [i.graphic for i in amenities],
                            self.scene.style, scale, [i.graphic for i in names], zones)
        found = _Placed({i.object_id: shown for i, shown in zip(gates, plan.gates)},
                        {i.object_id: spot for i, spot in zip(amenities, plan.amenities)},
                        {i.object_id: at for i, at in zip(names, plan.zone_labels)},
                        {i.object_id: at for i, at in zip(amenities, plan.badge_moves) if at is not None}, plan)
        while len(self._plans) >= _PLANS_KEPT:
            self._plans.popitem(last=False)        # the zoom least recently drawn
        self._plans[key] = found
        return found

    def gate_named(self, gate_id: str, scale: float) -> bool:
        """Whether the gate's name is drawn at ``scale`` pixels per metre."""
        return self._plan(scale).gates.get(gate_id, True)

    def amenity_spot(self, amenity_id: str, scale: float) -> int | None:
        """Where the amenity's name goes at ``scale`` (``labels.amenity_label_at``), None to leave it out."""
        return self._plan(scale).spots.get(amenity_id, 0)

    def badge_at(self, amenity_id: str, scale: float) -> QPointF | None:
        """Where the amenity's badge stepped aside to at ``scale``, off a zone's name; None: at its place."""
        return self._plan(scale).badges.get(amenity_id)

    def zone_label_at(self, zone_id: str, scale: float) -> QPointF | None:
        """Where the zone's name is centred at ``scale`` (None: where its graphic says)."""
        return self._plan(scale).zone_names.get(zone_id)

    def plan(self, scale: float) -> LabelPlan:
        """Every placed name's rectangle at ``scale``, in scene metres."""
        return self._plan(scale).plan

    def moved_badges_item(self) -> MovedBadgesItem:
        """The scene's item that draws the badges that stepped aside (made again after the scene was cleared)."""
        item = self._aside
        if item is None or not shiboken6.isValid(item) or item.scene() is not self.scene:
            from planner.ui.canvas.items import Z_AMENITY

            item = MovedBadgesItem(self)
            item.setZValue(Z_AMENITY + 0.5)
            self.scene.addItem(item)
            self._aside = item
        return item


class MovedBadgesItem(QGraphicsItem):
    """Draws each badge that stepped aside at the zoom being painted, with a thin line to its amenity.

    Where a badge goes depends on the zoom, so the item covers the whole plane
    (as the analysis labels do); it is never hit by the mouse, and the
    amenity's own item still answers for picking at the amenity's place.
    """

    def __init__(self, room: LabelRoom) -> None:
        super().__init__()
        self.room = room
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.drawn: list[tuple[str, QRectF, QPointF]] = []    # amenity id, badge (scene), its place

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return QRectF(-1e7, -1e7, 2e7, 2e7)

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        from planner.ui.canvas.items import AmenityItem

        scale = device_scale(painter.worldTransform()) or 1.0
        placed = self.room._plan(scale)
        self.drawn = []
        if not placed.badges:
            return
        items = [i for i in self.room.scene.object_items()
                 if isinstance(i, AmenityItem) and i.object_id in placed.badges]
        style = self.room.scene.style
        badges = dict(zip([i for i in placed.spots], placed.plan.badges))
        for item in items:
            at = placed.badges[item.object_id]
            graphic = item.graphic
            badge = badges.get(item.object_id, QRectF(at, at))
            paint.paint_badge_leader(painter, QColor(graphic.colour), graphic.pos, badge, scale, 1.2, 2.0)
            spot = placed.spots.get(item.object_id)
            paint.paint_amenity(painter, replace(graphic, pos=at), style, spot is not None, spot or 0)
            self.drawn.append((item.object_id, badge, graphic.pos))
