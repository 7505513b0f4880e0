"""The booth block tool: rows of booths in one gesture, shown before they are placed.

In "block" mode a drag lays out a rectangle of rows (turned to the tool's
orientation) and a click inside a zone fills the zone; hovering over a zone
previews its fill. In "line" mode the organiser clicks the points of a line
(a curved lakeside edge) and Enter or a double-click places booths with their
backs on it. While it works the tool shows ghost booths, the count, the aisle
widths and the gaps left over; the block is one ``AddObjects`` (one undo
step), its booths numbered by their zone's scheme. A block keeps a full aisle
(the block's aisle, at least the layout's minimum) from fences, obstacles,
booths, the apron in front of every gate and the ground round each amenity,
which the preview outlines, so
a fresh block passes the layout's check. The arithmetic is
``planner.model.blocks``; this is only the gesture.
"""

from __future__ import annotations

import copy
import math
from dataclasses import replace

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shapely.geometry import Polygon as ShapelyPolygon

from planner.model.blocks import (
    APRON_DEPTH_M, Block, BlockParams, along_line, fill_area, fill_rectangle, fresh_ids, gate_aprons, long_side_angle,
    rectangle_from_corners,
)
from planner.model.edits import AddObjects
from planner.model.geometry import Point, rotate_point
from planner.model.layout import Booth, Zone
from planner.model.numbering import number_new
from planner.render.geometry import booth_polygon, scene_point
from planner.ui.canvas.overlays import ACCENT, SNAP, Z_PREVIEW, Preview
from planner.ui.canvas.tools.base import DRAG_PX, Tool, ToolEvent, translate

MODES = ("block", "line")
SIDES = ("left", "right")
Z_GHOSTS = Z_PREVIEW - 1


class GhostBooths(QGraphicsItem):
    """The booths a block would place, and the gaps it would leave, drawn over the plan."""

    def __init__(self) -> None:
        super().__init__()
        self.polygons: list[QPolygonF] = []
        self.fronts: list[tuple[QPointF, QPointF]] = []
        self.gaps: list[tuple[QPointF, str]] = []
        self.aprons: list[QPolygonF] = []      # kept clear in front of gates
        self.spots: list[QPolygonF] = []       # the ground of amenities, kept clear too
        self._rect = QRectF()
        self.setZValue(Z_GHOSTS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._font = QFont()
        self._font.setPixelSize(11)

    def set_block(self, block: Block | None) -> None:
        self.prepareGeometryChange()
        booths = block.booths if block is not None else []
        self.polygons = [booth_polygon(b) for b in booths]
        self.fronts = [(scene_point(a), scene_point(b)) for a, b in (x.front_edge for x in booths)]
        self.gaps = [(scene_point(g.at), translate("Tools", "{width:.1f} m").format(width=g.width))
                     for g in (block.gaps if block is not None else [])]
        self.aprons = [QPolygonF([scene_point(p) for p in ring])
                       for ring in (block.kept_clear if block is not None else []) if ring]
        self.spots = [QPolygonF([scene_point(p) for p in ring])
                      for ring in (block.amenities_clear if block is not None else []) if ring]
        rect = QRectF()
        for poly in self.aprons + self.spots:
            rect = rect.united(poly.boundingRect())
        for poly in self.polygons:
            rect = rect.united(poly.boundingRect())
        for at, _text in self.gaps:
            rect = rect.united(QRectF(at.x() - 5, at.y() - 5, 10, 10))
        self._rect = rect.adjusted(-5, -5, 5, 5) if not rect.isNull() else QRectF()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        accent = QColor(ACCENT)
        if self.aprons or self.spots:
            clear = QPen(QColor(SNAP), 1.5, Qt.PenStyle.DashLine)
            clear.setCosmetic(True)
            painter.setPen(clear)
            hatch = QColor(SNAP)
            hatch.setAlpha(40)
            painter.setBrush(hatch)
            for poly in self.aprons + self.spots:
                painter.drawPolygon(poly)
        fill = QColor(accent)
        fill.setAlpha(70)
        outline = QPen(accent, 1.2)
        outline.setCosmetic(True)
        painter.setPen(outline)
        painter.setBrush(fill)
        for poly in self.polygons:
            painter.drawPolygon(poly)
        front = QPen(QColor("#0b3d91"), 2.5)
        front.setCosmetic(True)
        painter.setPen(front)
        for a, b in self.fronts:
            painter.drawLine(a, b)
        if not self.gaps:
            return
        marker = QPen(QColor(SNAP), 2.0)
        marker.setCosmetic(True)
        metrics = QFontMetricsF(self._font)
        for at, text in self.gaps:
            device = painter.worldTransform().map(at)
            painter.save()
            painter.resetTransform()
            painter.setPen(marker)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(device, 6.0, 6.0)
            painter.setFont(self._font)
            box = QRectF(device.x() + 8, device.y() - metrics.height() - 4, metrics.horizontalAdvance(text) + 8,
                         metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 220))
            painter.drawRect(box)
            painter.setPen(QColor(SNAP))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            painter.restore()


class BlockTool(Tool):
    """Drag a rectangle, click a zone, or click a line's points: rows of booths in one step."""

    name = "block"

    def __init__(self, host) -> None:
        super().__init__(host)
        self.params = BlockParams()
        self.mode = "block"
        self.side = "left"              # along a line, single rows stand on this side of it
        self.block: Block | None = None  # what the preview shows and a commit would place
        self._start: Point | None = None
        self._end: Point | None = None
        self._points: list[Point] = []
        self._cursor: Point | None = None
        self._zone: Zone | None = None
        self._ghosts: GhostBooths | None = None
        self._said = ""
        self._blocked_cache: tuple | None = None
        self.params_changed: list = []     # callables told when the options change here (R turns the rows)

    # -- options ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._start is not None or bool(self._points)

    def set_params(self, **changes) -> None:
        """Change the booth size, rows, aisles or orientation; a bad value is refused with a message."""
        params = replace(self.params, **changes)
        try:
            params.check()
        except ValueError as exc:
            self.host.message(str(exc))
            return
        self.params = params
        for listener in self.params_changed:
            listener()
        self._refresh()

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(mode)
        if mode != self.mode:
            self.escape()
            self.mode = mode
            self._show(None)

    def set_side(self, side: str) -> None:
        if side not in SIDES:
            raise ValueError(side)
        self.side = side
        self._refresh()

    def rotate(self, angle: float) -> bool:
        self.set_params(rotation=(self.params.rotation + angle) % 360.0)
        return True

    # -- what stands in the way --------------------------------------------------------------
    def _blocked(self) -> list:
        """Obstacles and booths as shapes, kept while the layout holds the same ones (previews redo this often)."""
        layout = self.host.layout
        # Undo, redo and arrow-key nudges can move booths while this tool stays active: a cheap fingerprint.
        key = (id(layout), len(layout.obstacles), len(layout.booths),
               sum(b.x + 3.0 * b.y + b.rotation + b.width + 7.0 * b.depth for b in layout.booths))
        if self._blocked_cache is None or self._blocked_cache[0] != key:
            shapes = [o.shape() for o in layout.obstacles] + [b.shape() for b in layout.booths]
            self._blocked_cache = (key, shapes)
        return self._blocked_cache[1]

    def activate(self) -> None:
        self._blocked_cache = None          # things may have moved while another tool was active
        super().activate()

    def _site(self):
        return self.host.layout.site.shape()

    def _amenities(self) -> list[Point]:
        """Where the amenities stand: a block keeps their ground clear like an obstacle's."""
        return [(a.x, a.y) for a in self.host.layout.amenities]

    def clearance(self) -> float:
        """Kept between a block and fences, obstacles, booths and gate aprons: a full aisle, at least the minimum."""
        return max(self.params.aisle, self.host.layout.settings.min_aisle_width)

    def _aprons(self, near=None) -> list:
        """The aprons in front of the gates (those within reach of ``near``), kept free of booths."""
        layout = self.host.layout
        depth = max(layout.settings.min_aisle_width, APRON_DEPTH_M)
        aprons = gate_aprons(layout.gates, self._site(), depth)
        if near is None:
            return aprons
        reach = self.clearance() + 1e-6
        return [a for a in aprons if a.distance(near) < reach]

    def zone_at(self, point: Point) -> Zone | None:
        """The topmost zone under ``point`` (zones later in the file are drawn over earlier ones)."""
        from shapely.geometry import Point as ShapelyPoint

        p = ShapelyPoint(point)
        for zone in reversed(self.host.layout.zones):
            if zone.shape().covers(p):
                return zone
        return None

    # -- laying out -------------------------------------------------------------------------------
    def _rectangle(self) -> Block | None:
        if self._start is None or self._end is None:
            return None
        origin, length, height = rectangle_from_corners(self._start, self._end, self.params.rotation)
        outline = ShapelyPolygon(self._outline())
        return fill_rectangle(origin, length, height, self.params, allowed=self._site(), blocked=self._blocked(),
                              clearance=self.clearance(), kept_clear=self._aprons(outline),
                              amenities=self._amenities())

    def _fill(self, zone: Zone) -> Block:
        """Rows over the zone, running along its long side turned by the tool's orientation."""
        area = zone.shape().intersection(self._site())
        params = replace(self.params, rotation=(long_side_angle(area) + self.params.rotation) % 360.0)
        return fill_area(area, params, blocked=self._blocked(), clearance=self.clearance(),
                         kept_clear=self._aprons(area), amenities=self._amenities())

    def _line(self, extra: Point | None = None) -> Block | None:
        points = list(self._points) + ([extra] if extra is not None else [])
        if len(points) < 2:
            return Block(line=points)
        from shapely.geometry import LineString

        reach = LineString(points).buffer(self.params.depth)
        return along_line(points, self.params, self.side, allowed=self._site(), blocked=self._blocked(),
                          kept_clear=self._aprons(reach), amenities=self._amenities(), clearance=self.clearance())

    def _refresh(self) -> None:
        """Lay the preview out again after an option changed."""
        if self.mode == "line" and self._points:
            self._show(self._line(self._cursor))
        elif self._start is not None and self._end is not None:
            self._show(self._rectangle())
        elif self._zone is not None:
            self._show(self._fill(self._zone))

    # -- mouse and keys ----------------------------------------------------------------------------
    def _snapped(self, e: ToolEvent, origin: Point | None = None) -> Point:
        return self.host.snapper.point(e.x, e.y, e.pixel_m, snap=e.snap, origin=origin).point

    def press(self, e: ToolEvent) -> None:
        if self.mode == "line":
            p = self._snapped(e, self._points[-1] if self._points else None)
            if self._points and math.dist(p, self._points[-1]) <= 2 * e.pixel_m:
                return                              # the second press of a double-click
            self._points.append(p)
            self._cursor = p
            self._show(self._line())
            return
        self._start = self._snapped(e)
        self._end = None

    def move(self, e: ToolEvent) -> None:
        if self.mode == "line":
            self._cursor = self._snapped(e, self._points[-1] if self._points else None)
            if self._points:
                self._show(self._line(self._cursor))
            return
        if self._start is not None:
            end = self._snapped(e)
            if self._end is None and math.dist(end, self._start) < DRAG_PX * e.pixel_m:
                return
            self._end = end
            self._zone = None
            self._show(self._rectangle())
            return
        zone = self.zone_at(e.point)
        if zone is not self._zone:
            self._zone = zone
            self._show(self._fill(zone) if zone is not None else None)

    def release(self, e: ToolEvent) -> None:
        if self.mode == "line" or self._start is None:
            return
        if self._end is not None:
            block = self._rectangle()
        else:
            zone = self.zone_at(self._start)
            if zone is None:
                self.host.message(translate("Tools", "Drag a rectangle for the block, or click inside a zone "
                                                     "to fill it."))
            block = self._fill(zone) if zone is not None else None
        self._start = self._end = None
        if block is not None:
            self.commit(block)

    def double_click(self, e: ToolEvent) -> None:
        if self.mode == "line":
            self.finish()

    def key(self, key: int, text: str) -> bool:
        if self.mode != "line" or not self._points:
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return True
        if key == Qt.Key.Key_Backspace:
            self._points.pop()
            self._show(self._line(self._cursor) if self._points else None)
            return True
        return False

    def escape(self) -> bool:
        busy = self.busy
        self._start = self._end = None
        self._points = []
        self._zone = None
        self._show(None)
        return busy

    def finish(self) -> bool:
        """Place the booths along the line drawn so far; False when it has fewer than two points."""
        if len(self._points) < 2:
            self.host.message(translate("Tools", "A line needs at least two points."))
            return False
        block = self._line()
        self._points = []
        if block is not None:
            self.commit(block)
        return True

    # -- result -------------------------------------------------------------------------------------
    def commit(self, block: Block) -> list[Booth]:
        """Add the block's booths as one undo step, numbered by their zones' schemes, and select them."""
        self._show(None)
        if not block.booths:
            self.host.message(translate("Tools", "No booth fits there."))
            return []
        layout = self.host.layout
        booths = [copy.deepcopy(b) for b in block.booths]
        for booth, new_id in zip(booths, fresh_ids({o.id for o in layout.objects()}, len(booths))):
            booth.id = new_id
        numbers = number_new(layout, booths, in_order=self.mode == "line")
        for booth in booths:
            booth.number = numbers.get(booth.id, "")
        self.host.push(AddObjects(booths))
        self.host.selection.set([b.id for b in booths])
        return booths

    # -- what shows ---------------------------------------------------------------------------------
    def summary(self, block: Block | None) -> str:
        """One line for the preview and the status bar: count, rows, aisle widths, what is left over."""
        if block is None:
            return ""
        booths = translate("Tools", "{n} booth") if block.count == 1 else translate("Tools", "{n} booths")
        parts = [booths.format(n=block.count)]
        if self.mode == "line":
            if block.gaps:
                widths = ", ".join(translate("Tools", "{width:.1f} m").format(width=g.width) for g in block.gaps)
                parts.append(translate("Tools", "gaps {widths}").format(widths=widths))
            else:
                parts.append(translate("Tools", "no gaps"))
        else:
            rows = translate("Tools", "{n} row") if block.rows == 1 else translate("Tools", "{n} rows")
            parts.append(rows.format(n=block.rows))
            if block.rows > 1:
                parts.append(translate("Tools", "aisles {width:.1f} m").format(width=block.aisle))
            if block.cross_aisle:
                parts.append(translate("Tools", "cross aisles {width:.1f} m").format(width=block.cross_aisle))
            if self._end is not None and any(block.spare):
                parts.append(translate("Tools", "spare {along:.1f} × {across:.1f} m").format(
                    along=block.spare[0], across=block.spare[1]))
            if block.clearance:
                parts.append(translate("Tools", "{width:.1f} m clear around").format(width=block.clearance))
        if block.cross_aisle and self.mode == "line":
            parts.append(translate("Tools", "cross aisles {width:.1f} m").format(width=block.cross_aisle))
        if block.kept_clear:
            n = len(block.kept_clear)
            text = translate("Tools", "{n} gate kept clear") if n == 1 else translate("Tools", "{n} gates kept clear")
            parts.append(text.format(n=n))
        if block.amenities_clear:
            n = len(block.amenities_clear)
            text = translate("Tools", "{n} amenity kept clear") if n == 1 else \
                translate("Tools", "{n} amenities kept clear")
            parts.append(text.format(n=n))
        return " · ".join(parts)

    def _ghost_item(self) -> GhostBooths | None:
        scene = getattr(self.host, "scene", None)
        if scene is None:
            return None
        item = self._ghosts
        if item is None or not shiboken6.isValid(item) or item.scene() is not scene:
            item = self._ghosts = GhostBooths()
            scene.addItem(item)
        return item

    def _show(self, block: Block | None) -> None:
        self.block = block
        ghosts = self._ghost_item()
        if ghosts is not None:
            ghosts.set_block(block)
        preview = Preview()
        text = self.summary(block) if block is not None and (block.booths or self.busy) else ""
        if self._start is not None and self._end is not None:
            preview.points = self._outline()
            preview.closed = True
            preview.text_at = self._end
        elif self.mode == "line" and self._points:
            preview.points = list(self._points)
            if self._cursor is not None:
                preview.rubber = [self._points[-1], self._cursor]
            preview.handles = self._points[:1]
            preview.text_at = self._cursor or self._points[-1]
        elif self._zone is not None and block is not None:
            ring = self._zone.polygon[0]
            preview.points = list(ring)
            preview.closed = True
            preview.text_at = self._cursor_or_centre(ring)
        preview.text = text if preview.text_at is not None else ""
        self.host.show(preview)
        if text and text != self._said:
            self.host.message(text)
        self._said = text

    def _cursor_or_centre(self, ring) -> Point:
        c = ShapelyPolygon(ring).centroid
        return (c.x, c.y)

    def _outline(self) -> list[Point]:
        assert self._start is not None and self._end is not None
        origin, length, height = rectangle_from_corners(self._start, self._end, self.params.rotation)
        theta = self.params.rotation
        return [(origin[0] + dx, origin[1] + dy) for dx, dy in (
            rotate_point(p, theta, (0.0, 0.0)) for p in ((0, 0), (length, 0), (length, height), (0, height)))]

    def deactivate(self) -> None:
        super().deactivate()
        self._said = ""
