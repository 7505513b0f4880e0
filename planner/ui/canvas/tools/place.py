"""Tools that place one object per click: gates on the boundary, amenities, booths.

Each shows what it will place under the cursor (snapped) and adds it with
one ``AddObjects`` on the click, then selects it so its properties can be
filled in; the tool stays active for the next one.
"""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from planner.model.edits import AddObjects
from planner.model.geometry import Point
from planner.model.layout import AMENITY_KINDS, GATE_KINDS, Amenity, Booth, Gate
from planner.ui.booth_numbers import next_in_zone
from planner.render.geometry import scene_point
from planner.ui.canvas.overlays import SNAP, Z_PREVIEW, Preview, cosmetic
from planner.ui.canvas.tools.base import DRAG_PX, Tool, ToolEvent, translate
from planner.ui.canvas.tools.snapping import (
    FlushSnap, closest_on_segment, flush_against, flush_reach, nearest_on_boundary, snap_to_grid,
)

# Standard booth sizes (width × depth, metres): the tool's menu, custom last.
BOOTH_SIZES: tuple[tuple[float, float], ...] = ((3.0, 3.0), (6.0, 3.0), (6.0, 6.0))
GATE_WIDTH = 6.0          # a gate placed by a click
MIN_GATE = 0.5            # a drag shorter than this is a click
GATE_STEP = 0.5           # gate widths snap to half metres
GUIDE_RUN_M = 1.5         # a snap guide's front line runs on this far past the booths


class GateTool(Tool):
    """Press on (or near) the boundary and drag along it; a click places a 6 m gate."""

    name = "gate"

    def __init__(self, host) -> None:
        super().__init__(host)
        self.kind = "both"
        self.width = GATE_WIDTH
        self._start: tuple[Point, tuple[Point, Point]] | None = None
        self._end: Point | None = None
        self._pixel = 0.05

    @property
    def busy(self) -> bool:
        return self._start is not None

    def set_kind(self, kind: str) -> None:
        if kind not in GATE_KINDS:
            raise ValueError(kind)
        self.kind = kind

    def _along(self, p: Point, edge: tuple[Point, Point], origin: Point, snap: bool) -> Point:
        """p projected on the edge; its distance from origin in GATE_STEP steps when snapping."""
        a, b = edge
        q, _ = closest_on_segment(p, a, b)
        if not snap or not self.host.snapper.enabled:
            return q
        d = math.dist(origin, q)
        if d == 0:
            return q
        k = snap_to_grid(d, GATE_STEP) / d
        candidate = (origin[0] + (q[0] - origin[0]) * k, origin[1] + (q[1] - origin[1]) * k)
        c, _ = closest_on_segment(candidate, a, b)
        return c

    def _centred(self, q: Point, edge: tuple[Point, Point]) -> tuple[Point, Point]:
        """A gate of ``width`` centred on q along the edge, kept on the edge."""
        a, b = edge
        length = math.dist(a, b)
        if length <= self.width:
            return a, b
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        _, t = closest_on_segment(q, a, b)
        s = min(max(t * length, self.width / 2), length - self.width / 2)
        return ((a[0] + ux * (s - self.width / 2), a[1] + uy * (s - self.width / 2)),
                (a[0] + ux * (s + self.width / 2), a[1] + uy * (s + self.width / 2)))

    def press(self, e: ToolEvent) -> None:
        on = nearest_on_boundary(self.host.layout, e.point)
        if on is None:
            return
        q, edge = on
        if e.snap and self.host.snapper.enabled:
            corner = next((v for v in edge if math.dist(v, q) <= 9 * e.pixel_m), None)
            q = corner or q
        self._start = (q, edge)
        self._end = None
        self._pixel = e.pixel_m

    def move(self, e: ToolEvent) -> None:
        on = nearest_on_boundary(self.host.layout, e.point)
        if on is None:
            return
        if self._start is None:
            a, b = self._centred(on[0], on[1])
            self.host.show(Preview(segment=(a, b), marker=on[0], marker_kind="boundary"))
            return
        origin, edge = self._start
        end = self._along(e.point, edge, origin, e.snap)
        if self._end is None and math.dist(end, origin) < DRAG_PX * e.pixel_m:
            return
        self._end = end
        self.host.show(Preview(segment=(origin, end), marker=end, marker_kind="boundary",
                               text=translate("Tools", "Gate {width:.2f} m").format(width=math.dist(origin, end)),
                               text_at=end))

    def release(self, e: ToolEvent) -> None:
        if self._start is None:
            return
        origin, edge = self._start
        if self._end is not None and math.dist(origin, self._end) >= MIN_GATE:
            a, b = origin, self._end
        else:
            a, b = self._centred(origin, edge)
        self._start, self._end = None, None
        self.place(a, b)

    def place(self, a: Point, b: Point) -> Gate:
        layout = self.host.layout
        gate = Gate(id=layout.new_id("gate"), a=a, b=b, kind=self.kind,
                    name=translate("Tools", "Gate {n}").format(n=len(layout.gates) + 1))
        self.host.push(AddObjects([gate]))
        self.host.selection.set([gate.id])
        self.host.show(Preview())
        return gate

    def escape(self) -> bool:
        if self._start is not None:
            self._start, self._end = None, None
            self.host.show(Preview())
            return True
        return False


class AmenityTool(Tool):
    name = "amenity"

    def __init__(self, host) -> None:
        super().__init__(host)
        self.kind = "toilets"

    def set_kind(self, kind: str) -> None:
        if kind not in AMENITY_KINDS:
            raise ValueError(kind)
        self.kind = kind

    def move(self, e: ToolEvent) -> None:
        snap = self.host.snapper.point(e.x, e.y, e.pixel_m, snap=e.snap)
        self.host.show(Preview(marker=snap.point, marker_kind=snap.kind or "point"))

    def press(self, e: ToolEvent) -> None:
        snap = self.host.snapper.point(e.x, e.y, e.pixel_m, snap=e.snap)
        self.place(*snap.point)

    def place(self, x: float, y: float) -> Amenity:
        layout = self.host.layout
        amenity = Amenity(id=layout.new_id(self.kind.replace("_", "-")), kind=self.kind, x=x, y=y)
        self.host.push(AddObjects([amenity]))
        self.host.selection.set([amenity.id])
        return amenity


class SnapGuide(QGraphicsItem):
    """The lines that show a new booth snapping against another: the shared side and the common front line.

    Drawn in the snap colour over the plan and the ghost, at a constant
    width in pixels; the front line runs on a little past both booths so
    the organiser sees the row it continues.
    """

    def __init__(self) -> None:
        super().__init__()
        self.snap: FlushSnap | None = None
        self._rect = QRectF()
        self.setZValue(Z_PREVIEW + 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_snap(self, snap: FlushSnap | None) -> None:
        self.prepareGeometryChange()
        self.snap = snap
        if snap is None:
            self._rect = QRectF()
        else:
            pts = [scene_point(p) for p in (*snap.contact, *snap.guide)]
            xs, ys = [p.x() for p in pts], [p.y() for p in pts]
            reach = 2 * GUIDE_RUN_M
            self._rect = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys))).adjusted(
                -reach, -reach, reach, reach)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        snap = self.snap
        if snap is None:
            return
        a, b = (scene_point(p) for p in snap.guide)
        line = QLineF(a, b)
        if line.length() > 0:
            run = GUIDE_RUN_M / line.length()
            line = QLineF(line.pointAt(-run), line.pointAt(1 + run))
        painter.setPen(cosmetic(SNAP, 2.0, Qt.PenStyle.DashLine))
        painter.drawLine(line)
        pen = cosmetic(SNAP, 4.0, cap=Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QLineF(*(scene_point(p) for p in snap.contact)))


class BoothTool(Tool):
    """A ghost booth follows the cursor: against a nearby booth it sits flush, elsewhere on the grid.

    Near another booth the ghost takes that booth's turn and lands with a
    side on its side and its front on the same line (``flush_against``),
    and a guide shows the shared side and the front line; away from booths
    its first corner snaps to the grid (or to a fence or obstacle corner).
    Ctrl turns snapping off. Each click is one booth and one undo step.
    """

    name = "booth"

    def __init__(self, host) -> None:
        super().__init__(host)
        self.width, self.depth = BOOTH_SIZES[0]
        self.rotation = 0.0
        self._ghost: Booth | None = None
        self._flush: FlushSnap | None = None
        self._guide: SnapGuide | None = None
        self._cursor: Point = (0.0, 0.0)
        self._pixel = 0.05
        self._snapping = True

    def set_size(self, width: float, depth: float) -> None:
        if width <= 0 or depth <= 0:
            raise ValueError("a booth's size must be positive")
        self.width, self.depth = width, depth
        self._refresh()

    def rotate(self, angle: float) -> bool:
        self.rotation = (self.rotation + angle) % 360.0
        self._refresh()
        return True

    def _refresh(self) -> None:
        """The size, turn or booths changed under a still cursor: the ghost is snapped afresh where it is."""
        if self._ghost is not None:
            self._ghost, kind, self._flush = self._snap_at(*self._cursor, self._pixel, self._snapping)
            self._show(kind)

    def _at(self, x: float, y: float, rotation: float | None = None) -> Booth:
        return Booth(id="", x=x, y=y, width=self.width, depth=self.depth,
                     rotation=self.rotation if rotation is None else rotation)

    def _neighbours(self, x: float, y: float, reach: float) -> list[Booth]:
        """The shown booths a ghost centred at (x, y) could land against, or would overlap once landed."""
        # Half a diagonal for the ghost, as much again for its move onto a side, and the reach.
        radius = math.hypot(self.width, self.depth) + reach
        return [o for o in self.host.hits(x, y, radius) if isinstance(o, Booth)]

    def _snap_at(self, x: float, y: float, pixel_m: float, snap: bool) -> tuple[Booth, str, FlushSnap | None]:
        """The ghost for a cursor at (x, y): flush against a booth, else on the grid; how it snapped."""
        self._cursor, self._pixel, self._snapping = (x, y), pixel_m, snap
        if not (snap and self.host.snapper.enabled):
            return self._at(x, y), "", None
        reach = flush_reach(self.width, self.depth, pixel_m)
        flush = flush_against(self.width, self.depth, self.rotation, (x, y), self._neighbours(x, y, reach), reach)
        if flush is not None:
            return self._at(flush.x, flush.y, flush.rotation), "flush", flush
        ghost = self._at(x, y)
        dx, dy, found = self.host.snapper.shift(list(ghost.corners()), 0.0, 0.0, pixel_m, snap=snap,
                                                grid="corner")
        return self._at(x + dx, y + dy), (found.kind if found is not None else ""), None

    def _snapped(self, e: ToolEvent) -> tuple[Booth, str, FlushSnap | None]:
        return self._snap_at(e.x, e.y, e.pixel_m, e.snap)

    def move(self, e: ToolEvent) -> None:
        self._ghost, kind, self._flush = self._snapped(e)
        self._show(kind)

    def _guide_item(self) -> SnapGuide | None:
        scene = getattr(self.host, "scene", None)
        if scene is None:
            return None
        item = self._guide
        if item is None or not shiboken6.isValid(item) or item.scene() is not scene:
            item = self._guide = SnapGuide()
            scene.addItem(item)
        return item

    def _show_guide(self, flush: FlushSnap | None) -> None:
        if flush is None and self._guide is None:
            return
        item = self._guide_item()
        if item is not None:
            item.set_snap(flush)

    def _show(self, kind: str = "") -> None:
        ghost = self._ghost
        if ghost is None:
            return
        size = translate("Tools", "{w:g} × {d:g} m").format(w=ghost.width, d=ghost.depth)
        flush = self._flush
        if flush is not None:
            name = flush.neighbour.number or flush.neighbour.id
            size = translate("Tools", "{size} · beside {booth}").format(size=size, booth=name)
        preview = Preview(booth=ghost, text=size, text_at=ghost.corners()[2])
        if kind in ("corner", "edge"):
            preview.marker, preview.marker_kind = ghost.corners()[0], kind
        self.host.show(preview)
        self._show_guide(flush)

    def press(self, e: ToolEvent) -> None:
        ghost, _, _ = self._snapped(e)
        self.place(ghost.x, ghost.y, ghost.rotation)
        # The ghost moves on to where the next click would put the next booth: beside this one.
        self._ghost = ghost
        self._refresh()

    def place(self, x: float, y: float, rotation: float | None = None) -> Booth:
        layout = self.host.layout
        booth = Booth(id=layout.new_id("b"), x=x, y=y, width=self.width, depth=self.depth,
                      rotation=self.rotation if rotation is None else rotation)
        booth.number = next_in_zone(layout, layout.zone_of(booth))
        self.host.push(AddObjects([booth]))
        self.host.selection.set([booth.id])
        return booth

    def escape(self) -> bool:
        self._ghost, self._flush = None, None
        self.host.show(Preview())
        self._show_guide(None)
        return False
