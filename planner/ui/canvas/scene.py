"""The scene mirrors a layout: one item per model object, found by id.

The model announces what changed (``Layout.subscribe``); the scene adds,
removes or refreshes the items concerned. Items never change the model, and
the model never knows the items.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainterPath, QTransform
from PySide6.QtWidgets import QGraphicsScene

from planner.model.layout import Amenity, Booth, Change, Gate, Layout, LayoutObject, Obstacle, Zone
from planner.render import graphics as g
from planner.render.geometry import model_rect, to_scene
from planner.render.style import DEFAULT_STYLE, Style, qcolor
from planner.ui.canvas.background import BackgroundItem
from planner.ui.canvas.booth_layer import BoothLayer
from planner.ui.canvas.label_room import LabelRoom
from planner.ui.canvas.items import (
    Z_BOOTH, Z_OBSTACLE, Z_ZONE, AmenityItem, BoothItem, GateItem, ObjectItem, ObstacleItem, SiteItem, ZoneItem,
    ZoneLabelItem, is_object_item,
)
from planner.ui.canvas.layers import Layers, layer_of
from planner.ui.canvas.overlays import GridItem, Outline, PreviewItem, SelectionItem


class FloorScene(QGraphicsScene):
    """A QGraphicsScene in metres (y down) showing one Layout."""

    layout_changed = Signal()  # the layout was replaced or its extent may have changed
    booth_colours_changed = Signal(str)   # booths are now coloured this way ("status" or "zone")

    def __init__(self, layout: Layout | None = None, style: Style = DEFAULT_STYLE,
                 booth_fill: str = "status", parent=None) -> None:
        super().__init__(parent)
        self.style = style
        self.booth_fill = booth_fill
        self.layout: Layout | None = None
        self.site_item: SiteItem | None = None
        self._items: dict[str, ObjectItem] = {}
        self.label_room = LabelRoom(self)    # where gate and amenity names go at each zoom
        self.pixels_per_metre = 1.0     # the view's zoom: booths show their detail from some zoom on
        self._zone_labels: dict[str, ZoneLabelItem] = {}
        self._zone_of: dict[str, str | None] = {}
        self.layers = Layers(self)
        self.layers.changed.connect(lambda _key: self.apply_layers())
        self.base_dir: Path | None = None      # where the background image's path starts
        self._selected: list[str] = []
        self._offset_ids: list[str] = []
        self._add_overlays()
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
        self._selected, self._offset_ids = [], []
        self._add_overlays()
        self.layout = layout
        self.site_item = SiteItem("site", g.site_graphic(layout.site), self.style)
        self.addItem(self.site_item)
        self._zone_of = layout.zone_of_booths() if self.booth_fill == "zone" else {}
        for obj in layout.objects():
            self._add(obj)
        self._restack()
        self._set_background()
        self.apply_layers()
        layout.subscribe(self._on_change)
        self._following[0] = (layout, self._on_change)
        self._fit_scene_rect()
        self.layout_changed.emit()

    def detach(self) -> None:
        """Stop following the layout (before the scene goes away)."""
        if self.layout is not None and self._following[0] is not None:
            self.layout.unsubscribe(self._on_change)
            self._following[0] = None

    def _add_overlays(self) -> None:
        self.grid_item = GridItem(self.style)
        self.selection_item = SelectionItem()
        self.preview_item = PreviewItem(self.style)
        self.background_item: BackgroundItem | None = None
        # Added before the booths, so a booth lifted off it by a drag is drawn over it.
        self.booth_layer = BoothLayer(Z_BOOTH, self.style)
        for item in (self.grid_item, self.selection_item, self.preview_item, self.booth_layer):
            self.addItem(item)

    def set_base_dir(self, folder: Path | None) -> None:
        """The layout file's folder: the background image's path is relative to it."""
        if folder != self.base_dir:
            self.base_dir = folder
            self._set_background()
            self.apply_layers()
            self._fit_scene_rect()
            self.layout_changed.emit()      # the image, now found, may reach further

    def _set_background(self) -> None:
        background = self.layout.background if self.layout is not None else None
        if background is not None and self.background_item is not None \
                and self.background_item.shows(background, self.base_dir):
            self.background_item.set_background(background)     # the same file: no reread
            return
        if self.background_item is not None:
            self.removeItem(self.background_item)
            self.background_item = None
        if background is not None:
            item = BackgroundItem(background, self.base_dir)
            if item.loaded:
                self.background_item = item
                self.addItem(item)

    # -- layers -------------------------------------------------------------------------
    def apply_layers(self) -> None:
        """Show or hide the items of each layer, and the names drawn on them."""
        layers = self.layers
        labels = layers.visible("labels")
        if self.site_item is not None:
            self.site_item.setVisible(layers.visible("site"))
        if self.background_item is not None:
            self.background_item.setVisible(layers.visible("background"))
        for item in self._items.values():
            self._apply_layer(item, labels)
        self.booth_layer.setVisible(layers.visible("booths"))
        self.booth_layer.set_show_labels(labels)
        zones = layers.visible("zones") and labels
        for label in self._zone_labels.values():
            label.setVisible(zones)
        self.label_room.invalidate()


    def _apply_layer(self, item: ObjectItem, labels: bool) -> None:
        obj = self.layout.get(item.object_id) if self.layout is not None else None
        if obj is not None:
            item.setVisible(self.layers.visible(layer_of(obj)))
            item.set_show_labels(labels)
            if isinstance(item, BoothItem):
                item.set_detailed(self.pixels_per_metre)

    def set_zoom(self, pixels_per_metre: float) -> None:
        """The view's zoom: a booth drawing itself (lifted by a drag) shows its detail once legible.

        The booth layer reads the zoom from its painter; only the few lifted
        booths are told.
        """
        self.pixels_per_metre = pixels_per_metre
        for object_id in self.booth_layer.lifted:
            item = self._items.get(object_id)
            if isinstance(item, BoothItem):
                item.set_detailed(pixels_per_metre)

    def set_booth_fill(self, mode: str) -> None:
        """Colour booths by ``mode``: "status", "zone" or "safety" (``graphics.BOOTH_FILL_MODES``)."""
        if mode not in g.BOOTH_FILL_MODES:
            raise ValueError(f"unknown booth colouring {mode!r}")
        if mode == self.booth_fill:
            return
        self.booth_fill = mode
        if self.layout is not None:
            self._zone_of = self.layout.zone_of_booths() if mode == "zone" else {}
            self._refresh_all([b.id for b in self.layout.booths])
        self.booth_colours_changed.emit(mode)

    def zone_of_booths(self) -> dict[str, str | None] | None:
        """The zone of each booth while booths are coloured by zone (kept up to date), else None."""
        return self._zone_of if self.booth_fill == "zone" else None

    def editable(self, obj: LayoutObject) -> bool:
        """The object can be picked: its layer is shown and not locked."""
        return self.layers.editable(layer_of(obj))

    # -- selection and drag previews ------------------------------------------------------
    def show_selection(self, ids: Iterable[str]) -> None:
        self._selected = list(ids)
        self._update_outlines()

    def _update_outlines(self) -> None:
        outlines = []
        for object_id in self._selected:
            item = self._items.get(object_id)
            obj = self.layout.get(object_id) if self.layout is not None else None
            if item is None or obj is None:
                continue
            path = item.shape()
            if isinstance(item, GateItem):
                path = QPainterPath(item.graphic.a)
                path.lineTo(item.graphic.b)
            outlines.append(Outline(path.translated(item.pos()), locked=obj.locked,
                                    filled=isinstance(obj, Booth), line=isinstance(obj, Gate)))
        self.selection_item.set_outlines(outlines)
        self.selection_item.setPos(0, 0)

    def offset(self, ids: Iterable[str], dx: float, dy: float) -> None:
        """Show ``ids`` moved by (dx, dy) model metres without changing the model (a drag in progress)."""
        self._offset_ids = list(ids)
        at = QPointF(dx, -dy)
        # Moved booths draw themselves over the layer until they are dropped.
        self.booth_layer.lift(self._offset_ids if not at.isNull() else ())
        for object_id in self._offset_ids:
            for item in (self._items.get(object_id), self._zone_labels.get(object_id)):
                if item is not None:
                    item.setPos(at)
        # The outlines move along, unless some selected objects stay (locked): then they wait for the release.
        follows = set(self._offset_ids) == set(self._selected)
        self.selection_item.setPos(at if follows else QPointF())
        self.selection_item.setVisible(follows or at.isNull())

    def clear_offset(self) -> None:
        self.offset(self._offset_ids, 0.0, 0.0)
        self.selection_item.setVisible(True)
        self._offset_ids = []

    # -- lookup ----------------------------------------------------------------------
    def item(self, object_id: str) -> ObjectItem | None:
        """The item showing the object ``object_id``."""
        return self._items.get(object_id)

    def zone_label_item(self, zone_id: str) -> ZoneLabelItem | None:
        return self._zone_labels.get(zone_id)

    def object_ids(self) -> set[str]:
        return set(self._items)

    def object_items(self) -> list[ObjectItem]:
        return list(self._items.values())

    def layout_rect(self) -> QRectF:
        """The scene rectangle worth showing: the site, everything drawn around it, and the
        site plan image while it is shown."""
        rect = QRectF()
        if self.site_item is not None:
            rect = self.site_item.graphic.bounds
        for item in self._items.values():
            if not isinstance(item, (ZoneItem, ObstacleItem)):
                rect = rect.united(item.sceneBoundingRect())
            else:
                rect = rect.united(item.graphic.bounds)
        # A site plan image often reaches beyond a new layout's default site: fitting to the
        # site alone would hide the very image the organiser is about to trace.
        if self.background_item is not None and self.background_item.isVisible():
            rect = rect.united(self.background_item.sceneBoundingRect())
        return rect

    def hits(self, x: float, y: float, tolerance_m: float = 0.0) -> list[LayoutObject]:
        """Objects at model point (x, y), or within ``tolerance_m`` of it, topmost first."""
        if self.layout is None:
            return []
        centre = to_scene(x, y)
        if tolerance_m > 0:
            area = QPainterPath()
            area.addEllipse(centre, tolerance_m, tolerance_m)
            items = self.items(area, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, QTransform())
        else:
            items = self.items(centre, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, QTransform())
        found = []
        for item in items:
            if is_object_item(item):
                obj = self.layout.get(item.object_id)
                if obj is not None:
                    found.append(obj)
        return found

    def objects_inside(self, x0: float, y0: float, x1: float, y1: float) -> list[LayoutObject]:
        """Objects lying wholly inside the model rectangle, bottom first (the order they are drawn)."""
        if self.layout is None:
            return []
        rect = model_rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        found = []
        for item in self.items(rect, Qt.ItemSelectionMode.ContainsItemShape,
                               Qt.SortOrder.AscendingOrder, QTransform()):
            if is_object_item(item):
                obj = self.layout.get(item.object_id)
                if obj is not None:
                    found.append(obj)
        return found

    def objects_at(self, point: QPointF) -> list[LayoutObject]:
        """Model objects under a scene point, topmost first."""
        if self.layout is None:
            return []
        found: list[LayoutObject] = []
        for item in self.items(point, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, QTransform()):
            if is_object_item(item):
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
        kinds: dict[type, type[ObjectItem]] = {
            Booth: BoothItem, Zone: ZoneItem, Obstacle: ObstacleItem, Gate: GateItem,
            Amenity: AmenityItem,
        }
        if isinstance(obj, Booth):
            item: ObjectItem = BoothItem(obj.id, self._graphic(obj), self.style, layered=True)
        else:
            item = kinds[type(obj)](obj.id, self._graphic(obj), self.style)
        self._items[obj.id] = item
        self._apply_layer(item, self.layers.visible("labels"))
        self.addItem(item)
        if isinstance(item, BoothItem):
            self.booth_layer.set_booth(item)
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
            label.setVisible(self.layers.visible("zones") and self.layers.visible("labels"))
            self._zone_labels[zone.id] = label
            self.addItem(label)
        else:
            label.set_graphic(graphic)

    def _remove(self, object_id: str) -> None:
        item = self._items.pop(object_id, None)
        if item is not None:
            self.removeItem(item)
            if isinstance(item, BoothItem):
                self.booth_layer.remove(object_id)
        label = self._zone_labels.pop(object_id, None)
        if label is not None:
            self.removeItem(label)

    def _refresh(self, object_id: str) -> None:
        obj = self.layout.get(object_id) if self.layout else None
        item = self._items.get(object_id)
        if obj is None or item is None:
            return
        item.set_graphic(self._graphic(obj))
        if isinstance(item, BoothItem):
            item.set_detailed(self.pixels_per_metre)
            self.booth_layer.set_booth(item)
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
        if touched:
            self._restack()
        if "site" in change.parts and self.site_item is not None:
            self.site_item.set_graphic(g.site_graphic(layout.site))
            self._refresh_all(gate.id for gate in layout.gates)   # which way is inside
        if "background" in change.parts:
            self._set_background()
            self.apply_layers()
        if self._selected and (touched & set(self._selected)):
            self._update_outlines()
        self.label_room.invalidate()
        self._fit_scene_rect()
        self.layout_changed.emit()

    def _restack(self) -> None:
        """Zones and obstacles are drawn in the order of their collection: the model's order is the z-order.

        Each kind stays within its own band (``Z_ZONE`` up to ``Z_ZONE + 1``),
        so the layers keep their stacking whatever the order inside one.
        """
        assert self.layout is not None
        for objects, base in ((self.layout.zones, Z_ZONE), (self.layout.obstacles, Z_OBSTACLE)):
            n = len(objects)
            for index, obj in enumerate(objects):
                item = self._items.get(obj.id)
                if item is not None:
                    item.setZValue(base + (index + 1) / (n + 1))

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

