"""The scene mirrors a layout: one item per model object, found by id.

The model announces what changed (``Layout.subscribe``); the scene adds,
removes or refreshes the items concerned. Items never change the model, and
the model never knows the items.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsScene

from planner.model.layout import Amenity, Booth, Change, Gate, Layout, LayoutObject, Obstacle, Zone
from planner.render import graphics as g
from planner.render.style import DEFAULT_STYLE, Style, qcolor
from planner.ui.canvas.items import (
    AmenityItem, BoothItem, GateItem, GraphicItem, ObstacleItem, SiteItem, ZoneItem, ZoneLabelItem,
)


class FloorScene(QGraphicsScene):
    """A QGraphicsScene in metres (y down) showing one Layout."""

    layout_changed = Signal()  # the layout was replaced or its extent may have changed

    def __init__(self, layout: Layout | None = None, style: Style = DEFAULT_STYLE,
                 booth_fill: str = "status", parent=None) -> None:
        super().__init__(parent)
        self.style = style
        self.booth_fill = booth_fill
        self.layout: Layout | None = None
        self.site_item: SiteItem | None = None
        self._items: dict[str, GraphicItem] = {}
        self._zone_labels: dict[str, ZoneLabelItem] = {}
        self._zone_of: dict[str, str | None] = {}
        self.setBackgroundBrush(qcolor(style.outside))
        # The layout may outlive the scene: stop following it when the scene is deleted.
        following: list[tuple[Layout, object] | None] = [None]
        self._following = following

        def forget(*_: object) -> None:
            if following[0] is not None:
                layout_followed, listener = following[0]
                layout_followed.unsubscribe(listener)
                following[0] = None

        self.destroyed.connect(forget)
        # Items do not move, so the BSP index only needs building when objects come and go.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        if layout is not None:
            self.set_layout(layout)

    # -- the layout ----------------------------------------------------------------
    def set_layout(self, layout: Layout) -> None:
        """Show ``layout`` instead of the current one, following its changes from now on."""
        self.detach()
        self.clear()
        self._items.clear()
        self._zone_labels.clear()
        self.layout = layout
        self.site_item = SiteItem("site", g.site_graphic(layout.site), self.style)
        self.addItem(self.site_item)
        self._zone_of = layout.zone_of_booths() if self.booth_fill == "zone" else {}
        for obj in layout.objects():
            self._add(obj)
        layout.subscribe(self._on_change)
        self._following[0] = (layout, self._on_change)
        self._fit_scene_rect()
        self.layout_changed.emit()

    def detach(self) -> None:
        """Stop following the layout (before the scene goes away)."""
        if self.layout is not None and self._following[0] is not None:
            self.layout.unsubscribe(self._on_change)
            self._following[0] = None

    # -- lookup ----------------------------------------------------------------------
    def item(self, object_id: str) -> GraphicItem | None:
        """The item showing the object ``object_id``."""
        return self._items.get(object_id)

    def zone_label_item(self, zone_id: str) -> ZoneLabelItem | None:
        return self._zone_labels.get(zone_id)

    def object_ids(self) -> set[str]:
        return set(self._items)

    def layout_rect(self) -> QRectF:
        """The scene rectangle worth showing: the site and everything drawn around it."""
        rect = QRectF()
        if self.site_item is not None:
            rect = self.site_item.graphic.bounds
        for item in self._items.values():
            if not isinstance(item, (ZoneItem, ObstacleItem)):
                rect = rect.united(item.sceneBoundingRect())
            else:
                rect = rect.united(item.graphic.bounds)
        return rect

    def objects_at(self, point: QPointF) -> list[LayoutObject]:
        """Model objects under a scene point, topmost first."""
        if self.layout is None:
            return []
        found: list[LayoutObject] = []
        for item in self.items(point, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, QTransform()):
            if isinstance(item, GraphicItem) and not isinstance(item, (SiteItem, ZoneLabelItem)):
                obj = self.layout.get(item.object_id)
                if obj is not None:
                    found.append(obj)
        return found

    # -- items -------------------------------------------------------------------------
    def _graphic(self, obj: LayoutObject) -> object:
        style = self.style
        if isinstance(obj, Booth):
            zone = self.layout.get(self._zone_of.get(obj.id) or "") if self.layout else None
            fill = g.booth_fill(obj, style, self.booth_fill, zone if isinstance(zone, Zone) else None)
            return g.booth_graphic(obj, style, fill)
        if isinstance(obj, Zone):
            return g.zone_graphic(obj)
        if isinstance(obj, Obstacle):
            return g.obstacle_graphic(obj, style)
        if isinstance(obj, Gate):
            return g.gate_graphic(obj, style, self.layout.site.shape() if self.layout else None)
        if isinstance(obj, Amenity):
            return g.amenity_graphic(obj, style)
        raise TypeError(f"no item for {type(obj).__name__}")

    def _add(self, obj: LayoutObject) -> None:
        kinds: dict[type, type[GraphicItem]] = {
            Booth: BoothItem, Zone: ZoneItem, Obstacle: ObstacleItem, Gate: GateItem,
            Amenity: AmenityItem,
        }
        item = kinds[type(obj)](obj.id, self._graphic(obj), self.style)
        self._items[obj.id] = item
        self.addItem(item)
        if isinstance(obj, Zone):
            self._set_zone_label(obj)

    def _set_zone_label(self, zone: Zone) -> None:
        graphic = g.zone_label_graphic(zone, self.style)
        label = self._zone_labels.get(zone.id)
        if graphic is None:
            if label is not None:
                self.removeItem(self._zone_labels.pop(zone.id))
        elif label is None:
            label = ZoneLabelItem(zone.id, graphic, self.style)
            self._zone_labels[zone.id] = label
            self.addItem(label)
        else:
            label.set_graphic(graphic)

    def _remove(self, object_id: str) -> None:
        item = self._items.pop(object_id, None)
        if item is not None:
            self.removeItem(item)
        label = self._zone_labels.pop(object_id, None)
        if label is not None:
            self.removeItem(label)

    def _refresh(self, object_id: str) -> None:
        obj = self.layout.get(object_id) if self.layout else None
        item = self._items.get(object_id)
        if obj is None or item is None:
            return
        item.set_graphic(self._graphic(obj))
        if isinstance(obj, Zone):
            self._set_zone_label(obj)

    def _refresh_all(self, ids: Iterable[str]) -> None:
        for object_id in ids:
            self._refresh(object_id)

    # -- following the model ----------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        layout = self.layout
        if layout is None:
            return
        touched = set(change.added) | set(change.removed) | set(change.changed)
        refresh = list(change.changed)
        if self.booth_fill == "zone" and touched:
            refresh += self._booths_to_refill(touched)
        for object_id in change.removed:
            self._remove(object_id)
        for object_id in change.added:
            obj = layout.get(object_id)
            if obj is not None:
                self._remove(object_id)
                self._add(obj)
        self._refresh_all(dict.fromkeys(refresh))
        if "site" in change.parts and self.site_item is not None:
            self.site_item.set_graphic(g.site_graphic(layout.site))
            self._refresh_all(gate.id for gate in layout.gates)   # which way is inside
        self._fit_scene_rect()
        self.layout_changed.emit()

    def _booths_to_refill(self, touched: set[str]) -> list[str]:
        """Booths whose zone colour changed: they moved into another zone, or their zone changed."""
        assert self.layout is not None
        zone_of = self.layout.zone_of_booths()
        stale = [b for b, z in zone_of.items()
                 if self._zone_of.get(b) != z or (z is not None and z in touched)]
        self._zone_of = zone_of
        return stale

    def _fit_scene_rect(self) -> None:
        rect = self.layout_rect()
        margin = max(rect.width(), rect.height(), 50.0) * 0.1
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))

