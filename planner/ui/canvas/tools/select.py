"""The select tool: click, Shift-click, rubber band, and moving by drag.

A drag moves only the items on screen (``host.offset``); the model gets one
``MoveObjects`` on release, so a drag is one undo step. Zones and obstacles
are large areas: pressing on one that is not selected and dragging draws a
rubber band instead of moving it, so booths inside a zone can be picked by
a band; a click still selects the area.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
import shiboken6
from PySide6.QtCore import Qt

from planner.model.edits import MoveObjects
from planner.model.geometry import OVERLAP_AREA, Point
from planner.model.layout import Booth, Gate, Layout, LayoutObject, Obstacle, Zone
from planner.ui.canvas.analysis_overlays import DimensionsItem
from planner.ui.canvas.overlays import Preview
from planner.ui.canvas.tools.base import DRAG_PX, PICK_PX, Tool, ToolEvent, translate
from planner.ui.canvas.tools.snapping import vertices


TOUCHING = 0.05        # booths this close stand together in one row: no clearance to show
MAX_DIMENSIONS = 24    # dimension lines shown at once, the shortest
EDGE_SLACK = 0.01      # of a gap's length kept off both its ends when testing it for obstructions


def is_area(obj: LayoutObject) -> bool:
    return isinstance(obj, (Zone, Obstacle))


@dataclass
class Clearance:
    """The clear gap from a dragged booth to its nearest neighbour on one side."""

    a: Point               # on the dragged booth
    b: Point               # on the neighbour (a booth, an obstacle or the site boundary)
    gap: float
    short: bool            # narrower than the layout's minimum aisle width
    overlap: bool = False  # standing on the neighbour: a and b are the middle of the overlap


def booth_outlines(booths: list[Booth]) -> np.ndarray:
    """The booths' rectangles as shapely polygons, built in one go (2,000 in a few milliseconds)."""
    if not booths:
        return np.zeros(0, dtype=object)
    data = np.array([(b.x, b.y, b.width, b.depth, b.rotation) for b in booths], dtype=float)
    x, y, w, d, turn = data.T
    u = np.array([-0.5, 0.5, 0.5, -0.5])[None, :] * w[:, None]     # corners from the front-left, CCW
    v = np.array([-0.5, -0.5, 0.5, 0.5])[None, :] * d[:, None]
    c, s = np.cos(np.radians(turn))[:, None], np.sin(np.radians(turn))[:, None]
    corners = np.stack([x[:, None] + u * c - v * s, y[:, None] + u * s + v * c], axis=-1)
    return shapely.polygons(corners)


class DragClearance:
    """Clear distances from dragged booths to the booths, obstacles and site edge around them.

    Everything that stays put goes into one STRtree when the drag starts;
    each mouse move shifts only the dragged booths' outlines and asks the
    tree for what lies within reach, so a frame costs the same among 20 or
    2,000 booths. Each dragged booth shows its nearest neighbour in each of
    its four directions (front, back and both sides).
    """

    def __init__(self, layout: Layout, moving: list[str]) -> None:
        self.limit = layout.settings.min_aisle_width
        self.reach = 2 * self.limit
        ids = set(moving)
        dragged = [b for b in layout.booths if b.id in ids]
        self.shapes = booth_outlines(dragged)
        self.angles = np.radians([b.rotation for b in dragged])
        others = [o.shape() for o in layout.obstacles if o.id not in ids]
        site = layout.site.shape()
        if not site.is_empty and "site" not in ids:
            others.append(site.boundary)
        self.fixed = np.concatenate([booth_outlines([b for b in layout.booths if b.id not in ids]),
                                     np.array(others, dtype=object)])
        self.tree = shapely.STRtree(self.fixed) if len(self.fixed) else None

    @property
    def empty(self) -> bool:
        return len(self.shapes) == 0 or self.tree is None

    def measure(self, dx: float, dy: float) -> list[Clearance]:
        if self.empty:
            return []
        moved = shapely.transform(self.shapes, lambda xy: xy + (dx, dy))
        mine, theirs = self.tree.query(moved, predicate="dwithin", distance=self.reach)
        if len(mine) == 0:
            return []
        lines = shapely.shortest_line(moved[mine], self.fixed[theirs])
        lengths = shapely.length(lines)
        overlaps = self._overlaps(moved[mine[lengths <= TOUCHING]], self.fixed[theirs[lengths <= TOUCHING]])
        keep = lengths > TOUCHING
        mine, lines, lengths = mine[keep], lines[keep], lengths[keep]
        if len(mine) == 0:
            return overlaps
        ends = shapely.get_coordinates(lines).reshape(-1, 2, 2)
        # A gap measured through another booth or obstacle is no clear gap: drop it.
        step = (ends[:, 1] - ends[:, 0]) * EDGE_SLACK
        inner = shapely.linestrings(np.stack([ends[:, 0] + step, ends[:, 1] - step], axis=1))
        blocked = np.zeros(len(ends), dtype=bool)
        hit, _ = self.tree.query(inner, predicate="intersects")
        blocked[hit] = True
        if len(moved) > 1:
            hit, _ = shapely.STRtree(moved).query(inner, predicate="intersects")
            blocked[hit] = True
        clear = ~blocked
        mine, lengths, ends = mine[clear], lengths[clear], ends[clear]
        if len(mine) == 0:
            return overlaps
        # Which side of its booth each gap is on: the gap's direction in the booth's own axes.
        heading = np.arctan2(ends[:, 1, 1] - ends[:, 0, 1], ends[:, 1, 0] - ends[:, 0, 0]) - self.angles[mine]
        side = np.round(heading / (np.pi / 2)).astype(int) % 4
        best: dict[tuple[int, int], int] = {}
        for k in np.argsort(lengths, kind="stable").tolist():
            best.setdefault((int(mine[k]), int(side[k])), k)
        chosen = sorted(best.values(), key=lambda k: lengths[k])[:MAX_DIMENSIONS]
        return overlaps + [Clearance(a=(float(ends[k, 0, 0]), float(ends[k, 0, 1])),
                                     b=(float(ends[k, 1, 0]), float(ends[k, 1, 1])), gap=float(lengths[k]),
                                     short=bool(lengths[k] < self.limit - 1e-9)) for k in chosen]

    @staticmethod
    def _overlaps(dragged: np.ndarray, others: np.ndarray) -> list[Clearance]:
        """Where a dragged booth would stand on another booth or an obstacle (as the overlap rule counts)."""
        if len(dragged) == 0:
            return []
        areal = shapely.get_type_id(others) == 3                  # polygons, not the site's edge
        shared = shapely.intersection(dragged[areal], others[areal])
        big = shapely.area(shared) > OVERLAP_AREA
        out = []
        for piece in shared[big].tolist()[:MAX_DIMENSIONS]:
            c = piece.centroid
            out.append(Clearance(a=(c.x, c.y), b=(c.x, c.y), gap=0.0, short=True, overlap=True))
        return out


class SelectTool(Tool):
    name = "select"
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, host) -> None:
        super().__init__(host)
        self._reset()

    def _reset(self) -> None:
        self._start: Point | None = None
        self._mode = ""                      # "", "move", "band"
        self._dragging = False
        self._top: LayoutObject | None = None
        self._toggle_on_click = False
        self._moving: list[str] = []
        self._grab: list[Point] = []
        self._delta = (0.0, 0.0)
        self._clearance: DragClearance | None = None
        self.clearances: list[Clearance] = []
        self._show_clearances([])

    @property
    def busy(self) -> bool:
        return self._dragging

    def pick(self, e: ToolEvent) -> LayoutObject | None:
        """The topmost object under the cursor that can be picked."""
        for obj in self.host.hits(e.x, e.y, PICK_PX * e.pixel_m):
            if self.host.editable(obj):
                return obj
        return None

    # -- the gesture ----------------------------------------------------------------------
    def press(self, e: ToolEvent) -> None:
        self._reset()
        self._start = e.point
        top = self.pick(e)
        self._top = top
        selection = self.host.selection
        if top is None:
            self._mode = "band"
        elif is_area(top) and top.id not in selection:
            self._mode = "band"             # a click selects it; a drag draws a band
        else:
            self._mode = "move"
            if top.id not in selection:
                if e.shift:
                    selection.add([top.id])
                else:
                    selection.set([top.id])
            elif e.shift:
                self._toggle_on_click = True

    def move(self, e: ToolEvent) -> None:
        if self._start is None:
            return
        dx, dy = e.x - self._start[0], e.y - self._start[1]
        if not self._dragging:
            if math.hypot(dx, dy) < DRAG_PX * e.pixel_m:
                return
            self._dragging = True
            if self._mode == "move":
                self._begin_move()
        if self._mode == "move":
            self._drag_to(dx, dy, e)
        elif self._mode == "band":
            self.host.show(Preview(band=(self._start, e.point)))

    def _begin_move(self) -> None:
        layout = self.host.layout
        objects = self.host.selection.objects(layout)
        movable = [o for o in objects if not o.locked and self.host.editable(o)]
        self._moving = [o.id for o in movable]
        if len(movable) < len(objects):
            self.host.message(translate("Tools", "Locked objects stay where they are."))
        grabbed = self._top if self._top is not None and self._top.id in self._moving else None
        first = grabbed or (movable[0] if movable else None)
        self._grab = vertices(first) if first is not None else []
        if any(isinstance(o, Booth) for o in movable):
            self._clearance = DragClearance(layout, self._moving)

    def _drag_to(self, dx: float, dy: float, e: ToolEvent) -> None:
        if not self._moving:
            return
        dx, dy, snap = self.host.snapper.shift(self._grab, dx, dy, e.pixel_m, snap=e.snap,
                                               exclude=set(self._moving))
        self._delta = (dx, dy)
        self.host.offset(self._moving, dx, dy)
        if self._clearance is not None:
            self._show_clearances(self._clearance.measure(dx, dy))
        text = translate("Tools", "Δx {dx:.2f} m  Δy {dy:.2f} m").format(dx=dx, dy=dy)
        preview = Preview(text=text, text_at=e.point)
        if snap is not None and snap.kind in ("corner", "edge"):
            preview.marker, preview.marker_kind = snap.point, snap.kind
        self.host.show(preview)

    def release(self, e: ToolEvent) -> None:
        if self._start is None:
            return
        selection = self.host.selection
        if self._dragging and self._mode == "move":
            self.host.clear_offset()
            dx, dy = self._delta
            moving = [i for i in self._moving if i in self.host.layout]    # an undo may have removed some
            if moving and (dx or dy):
                self.host.push(MoveObjects(self.host.layout, moving, dx, dy))
        elif self._dragging and self._mode == "band":
            (x0, y0), (x1, y1) = self._start, e.point
            picked = [o.id for o in self.host.objects_inside(x0, y0, x1, y1) if self.host.editable(o)]
            if e.shift:
                selection.add(picked)
            else:
                selection.set(picked)
        else:
            self._click(e)
        self.host.show(Preview())
        self._reset()

    def _click(self, e: ToolEvent) -> None:
        selection = self.host.selection
        top = self._top
        if top is None:
            if not e.shift:
                selection.clear()
        elif e.shift:
            if self._toggle_on_click or (is_area(top) and top.id not in selection):
                selection.toggle([top.id])
        else:
            selection.set([top.id])

    def _show_clearances(self, clearances: list[Clearance]) -> None:
        """Dimension lines from the dragged booths to their neighbours, red where too narrow."""
        self.clearances = clearances
        scene = getattr(self.host, "scene", None)
        if scene is None:
            return
        item = getattr(self, "_dimensions", None)
        if item is None or not shiboken6.isValid(item) or item.scene() is not scene:
            if not clearances:
                return
            item = self._dimensions = DimensionsItem()
            scene.addItem(item)
        item.show_dimensions([(c.a, c.b, None if c.overlap else c.gap, c.short) for c in clearances])

    def double_click(self, e: ToolEvent) -> None:
        """Double-click an area, a gate or the open ground to edit its points."""
        top = self.pick(e)
        if top is None:
            if self.host.layer_editable("site"):
                self.host.edit_vertices("site")
        elif isinstance(top, (Zone, Obstacle, Gate)):
            self.host.edit_vertices(top.id)

    def escape(self) -> bool:
        if self._dragging:
            self.host.clear_offset()
            self.host.show(Preview())
            self._reset()
            return True
        self._reset()
        return False
