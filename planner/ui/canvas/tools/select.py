"""The select tool: click, Shift-click, rubber band, and moving by drag.

A drag moves only the items on screen (``host.offset``); the model gets one
``MoveObjects`` on release, so a drag is one undo step. Zones and obstacles
are large areas: pressing on one that is not selected and dragging draws a
rubber band instead of moving it, so booths inside a zone can be picked by
a band; a click still selects the area.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt

from planner.model.edits import MoveObjects
from planner.model.geometry import Point
from planner.model.layout import Gate, LayoutObject, Obstacle, Zone
from planner.ui.canvas.overlays import Preview
from planner.ui.canvas.tools.base import DRAG_PX, PICK_PX, Tool, ToolEvent, translate
from planner.ui.canvas.tools.snapping import vertices


def is_area(obj: LayoutObject) -> bool:
    return isinstance(obj, (Zone, Obstacle))


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

    def _drag_to(self, dx: float, dy: float, e: ToolEvent) -> None:
        if not self._moving:
            return
        dx, dy, snap = self.host.snapper.shift(self._grab, dx, dy, e.pixel_m, snap=e.snap,
                                               exclude=set(self._moving))
        self._delta = (dx, dy)
        self.host.offset(self._moving, dx, dy)
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
