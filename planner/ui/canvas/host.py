"""The tools' host: the document, the selection and the scene, as one small interface.

It owns the tools and knows which is active. The view feeds it events; a
test can build one over a scene with no window and script the tools.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from PySide6.QtCore import QObject, Signal

from planner.model.edits import Edit, MoveObjects, ReorderObjects, describe
from planner.model.layout import Change, Layout, LayoutObject, Obstacle, Zone
from planner.ui.canvas.overlays import Preview, nice_step
from planner.ui.canvas.scene import FloorScene
from planner.ui.canvas.tools import (
    AmenityTool, BoothTool, DrawPolygonTool, GateTool, SelectTool, Tool, VertexTool,
)
from planner.ui.canvas.tools.base import translate
from planner.ui.canvas.tools.block import BlockTool
from planner.ui.canvas.tools.calibrate import CalibrateTool, MoveImageTool
from planner.ui.canvas.tools.route import RouteTool
from planner.ui.canvas.tools.snapping import Snapper
from planner.ui.document import Document
from planner.ui.selection import Selection

GRID_MIN_PX = 12.0     # grid lines at least this far apart on screen
NUDGE_M = 0.1          # an arrow key moves the selection this far ...
NUDGE_BIG_M = 1.0      # ... or this far with Shift
TOOL_NAMES = ("select", "vertices", "draw_site", "draw_obstacle", "draw_zone", "gate", "amenity", "booth",
              "block", "calibrate", "move_image", "route")


class CanvasHost(QObject):
    tool_changed = Signal(str)
    message_posted = Signal(str)

    def __init__(self, document: Document, selection: Selection, scene: FloorScene,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.scene = scene
        self.pixel_m = 0.05
        self.snapper = Snapper(lambda: self.document.layout, self.hits)
        self.tools: dict[str, Tool] = {
            "select": SelectTool(self),
            "vertices": VertexTool(self),
            "draw_site": DrawPolygonTool(self, "site"),
            "draw_obstacle": DrawPolygonTool(self, "obstacle"),
            "draw_zone": DrawPolygonTool(self, "zone"),
            "gate": GateTool(self),
            "amenity": AmenityTool(self),
            "booth": BoothTool(self),
            "block": BlockTool(self),
            "calibrate": CalibrateTool(self),
            "move_image": MoveImageTool(self),
            "route": RouteTool(self),
        }
        self.tool: Tool = self.tools["select"]
        self._followed: Layout | None = None
        selection.changed.connect(self._selection_changed)
        document.layout_replaced.connect(self._layout_replaced)
        self._follow(document.layout)
        if scene.layout is not document.layout:
            scene.set_layout(document.layout)

    # -- the ToolHost interface ------------------------------------------------------------
    @property
    def layout(self) -> Layout:
        return self.document.layout

    def push(self, edit: Edit, merge_key: Hashable | None = None) -> None:
        self.document.push(edit, merge_key)

    def hits(self, x: float, y: float, tolerance_m: float = 0.0) -> list[LayoutObject]:
        return self.scene.hits(x, y, tolerance_m)

    def objects_inside(self, x0: float, y0: float, x1: float, y1: float) -> list[LayoutObject]:
        return self.scene.objects_inside(x0, y0, x1, y1)

    def editable(self, obj: LayoutObject) -> bool:
        return self.scene.editable(obj)

    def layer_editable(self, key: str) -> bool:
        return self.scene.layers.editable(key)

    def offset(self, ids: Iterable[str], dx: float, dy: float) -> None:
        self.scene.offset(ids, dx, dy)

    def clear_offset(self) -> None:
        self.scene.clear_offset()

    def show(self, preview: Preview) -> None:
        self.scene.preview_item.show_preview(preview, self.pixel_m)

    def message(self, text: str) -> None:
        self.message_posted.emit(text)

    def edit_vertices(self, target: str) -> None:
        self.set_tool("vertices")
        tool = self.tools["vertices"]
        assert isinstance(tool, VertexTool)
        tool.set_target(target)

    # -- tools -----------------------------------------------------------------------------
    def set_tool(self, name: str) -> None:
        if name not in self.tools:
            raise KeyError(name)
        new = self.tools[name]
        if new is self.tool:
            return
        self.tool.deactivate()
        self.tool = new
        new.activate()
        self.tool_changed.emit(name)

    def escape(self) -> None:
        """Esc: cancel the tool's gesture; with none, go back to selecting, then select nothing."""
        if self.tool.escape():
            return
        if self.tool is not self.tools["select"]:
            self.set_tool("select")
        else:
            self.selection.clear()

    # -- zoom ------------------------------------------------------------------------------
    def set_pixel_size(self, metres: float) -> None:
        """The view's zoom changed: one screen pixel is ``metres`` on the ground."""
        self.pixel_m = metres
        step = nice_step(GRID_MIN_PX * metres)
        self.snapper.grid_step = step
        self.scene.grid_item.set_step(step)
        self.scene.selection_item.set_pixel_size(metres)
        self.scene.set_zoom(1.0 / metres)

    # -- arrow keys ----------------------------------------------------------------------
    def nudge(self, sx: int, sy: int, big: bool = False) -> bool:
        """Move the selection one step; the steps of a burst of key presses are one undo step."""
        objects = self.selection.objects(self.layout)
        movable = [o.id for o in objects if not o.locked and self.editable(o)]
        if not movable:
            if objects:
                self.message(translate("Tools", "Locked objects stay where they are."))
            return False
        step = NUDGE_BIG_M if big else NUDGE_M
        edit = MoveObjects(self.layout, movable, sx * step, sy * step)
        self.push(edit, merge_key=("nudge", tuple(movable)))
        return True

    # -- drawing order ---------------------------------------------------------------------
    def reorder(self, to: str) -> bool:
        """Bring the selected zones and obstacles to the front, forward, backward or to the back.

        Only areas overlap where their order shows (a zone over a zone, a pond
        over a lawn); each kind keeps its own order, one undo step per command.
        """
        objects = [o for o in self.selection.objects(self.layout) if isinstance(o, (Zone, Obstacle))]
        if not objects:
            if self.selection.ids:
                self.message(translate("Tools", "Only zones and obstacles have a drawing order to change."))
            return False
        free = [o for o in objects if not o.locked and self.editable(o)]
        if len(free) < len(objects):
            self.message(translate("Tools", "Locked objects stay where they are."))
        if not free:
            return False
        what = describe(free)
        label = {
            "front": translate("Tools", "Bring {what} to front"),
            "forward": translate("Tools", "Bring {what} forward"),
            "backward": translate("Tools", "Send {what} backward"),
            "back": translate("Tools", "Send {what} to back"),
        }[to].format(what=what)
        edit = ReorderObjects(self.layout, [o.id for o in free], to, label=label)
        if not edit.changed:
            if len(free) == len(objects):
                self.message(translate("Tools", "Nothing overlapping to pass in that direction."))
            return False
        self.push(edit)
        return True

    # -- following the document ---------------------------------------------------------------
    def _follow(self, layout: Layout) -> None:
        if self._followed is not None:
            self._followed.unsubscribe(self._on_change)
        self._followed = layout
        layout.subscribe(self._on_change)

    def detach(self) -> None:
        if self._followed is not None:
            self._followed.unsubscribe(self._on_change)
            self._followed = None

    def _layout_replaced(self, layout: Layout) -> None:
        self.tool.escape()
        vertices = self.tools["vertices"]
        assert isinstance(vertices, VertexTool)
        vertices.target = None
        self.scene.set_layout(layout)
        self._follow(layout)
        self.selection.clear()
        self.show(Preview())

    def _on_change(self, change: Change) -> None:
        self.selection.follow(self.layout, change)
        vertices = self.tools["vertices"]
        if self.tool is vertices:
            assert isinstance(vertices, VertexTool)
            vertices.refresh()

    def _selection_changed(self) -> None:
        self.scene.show_selection(self.selection.ids)
