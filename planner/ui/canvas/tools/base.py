"""What every tool is: a small state object fed with events in model metres.

The view turns mouse and key events into ``press``/``move``/``release``/
``double_click``/``key``/``escape`` calls carrying a ``ToolEvent`` (metres,
y north). A tool changes the layout only by pushing edits through its
host, once per gesture, and shows its work through a ``Preview``. The host
(``planner.ui.canvas.host.CanvasHost``) needs a scene but no window, so
tests can script a tool without pixels.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt

from planner.model.edits import Edit
from planner.model.geometry import Point
from planner.model.layout import Layout, LayoutObject
from planner.ui.canvas.overlays import Preview

if TYPE_CHECKING:
    from planner.ui.canvas.tools.snapping import Snapper
    from planner.ui.selection import Selection

CONTEXT = "Tools"
PICK_PX = 5.0       # how close, in screen pixels, counts as on a line or a handle
DRAG_PX = 4.0       # a press that moves less than this is a click
_GESTURE_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace, Qt.Key.Key_Delete,
                 Qt.Key.Key_Escape}


# Called with literal context and text, so pyside6-lupdate finds every message.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class ToolEvent:
    x: float                 # model metres, east
    y: float                 # model metres, north
    pixel_m: float = 0.05    # metres per screen pixel at the current zoom
    snap: bool = True        # False while the free-move modifier (Ctrl) is held
    shift: bool = False      # add to or toggle the selection

    @property
    def point(self) -> Point:
        return (self.x, self.y)


class ToolHost(Protocol):
    """What a tool may use: the layout, the selection, the scene's lookups, the preview."""

    selection: Selection
    snapper: Snapper

    @property
    def layout(self) -> Layout: ...

    def push(self, edit: Edit, merge_key: Hashable | None = None) -> None: ...

    def hits(self, x: float, y: float, tolerance_m: float = 0.0) -> list[LayoutObject]: ...

    def objects_inside(self, x0: float, y0: float, x1: float, y1: float) -> list[LayoutObject]: ...

    def editable(self, obj: LayoutObject) -> bool: ...

    def layer_editable(self, key: str) -> bool: ...

    def offset(self, ids: Iterable[str], dx: float, dy: float) -> None: ...

    def clear_offset(self) -> None: ...

    def show(self, preview: Preview) -> None: ...

    def message(self, text: str) -> None: ...

    def edit_vertices(self, target: str) -> None: ...


class Tool:
    """A tool that does nothing; subclasses override what they handle."""

    name = ""
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, host: ToolHost) -> None:
        self.host = host

    @property
    def busy(self) -> bool:
        """In the middle of a gesture: Enter, Backspace, Delete, digits and Esc belong to the tool."""
        return False

    def wants(self, key: int, text: str) -> bool:
        """Whether the tool takes this key before the window's shortcuts do."""
        return self.busy and key in _GESTURE_KEYS

    def activate(self) -> None:
        self.host.show(Preview())

    def deactivate(self) -> None:
        self.escape()
        self.host.show(Preview())

    def press(self, e: ToolEvent) -> None:
        pass

    def move(self, e: ToolEvent) -> None:
        """The mouse moved, with the left button down or not."""

    def release(self, e: ToolEvent) -> None:
        pass

    def double_click(self, e: ToolEvent) -> None:
        pass

    def key(self, key: int, text: str) -> bool:
        """A key the tool may take (``Qt.Key``); True when it did."""
        return False

    def escape(self) -> bool:
        """Cancel the gesture in progress; True when there was one."""
        return False

    def rotate(self, angle: float) -> bool:
        """Turn what the tool is about to place; True when the tool took the rotation."""
        return False
