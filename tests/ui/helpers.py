"""Driving the plan view with real mouse and key events, addressed in model metres."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from planner.render.geometry import to_scene

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def title(window) -> str:
    """The title as shown: Qt's [*] placeholder becomes * when modified and disappears when not."""
    return window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")


def at(view, x: float, y: float) -> QPoint:
    """The viewport pixel showing model point (x, y)."""
    return view.mapFromScene(to_scene(x, y))


def _send(view, kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton, buttons: Qt.MouseButton,
          modifiers: Qt.KeyboardModifier) -> None:
    port = view.viewport()
    local = QPointF(pos)
    event = QMouseEvent(kind, local, QPointF(port.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(port, event)


def press(view, x: float, y: float, modifiers=NO) -> None:
    _send(view, QEvent.Type.MouseButtonPress, at(view, x, y), LEFT, LEFT, modifiers)


def move(view, x: float, y: float, modifiers=NO, held: bool = True) -> None:
    _send(view, QEvent.Type.MouseMove, at(view, x, y), Qt.MouseButton.NoButton,
          LEFT if held else Qt.MouseButton.NoButton, modifiers)


def release(view, x: float, y: float, modifiers=NO) -> None:
    _send(view, QEvent.Type.MouseButtonRelease, at(view, x, y), LEFT, Qt.MouseButton.NoButton, modifiers)


def click(view, x: float, y: float, modifiers=NO) -> None:
    move(view, x, y, modifiers, held=False)
    press(view, x, y, modifiers)
    release(view, x, y, modifiers)


def double_click(view, x: float, y: float, modifiers=NO) -> None:
    click(view, x, y, modifiers)
    _send(view, QEvent.Type.MouseButtonDblClick, at(view, x, y), LEFT, LEFT, modifiers)
    release(view, x, y, modifiers)


def drag(view, points: Sequence[tuple[float, float]], modifiers=NO, steps: int = 4) -> None:
    """Press at the first point, move through the others in small steps, release at the last."""
    (x0, y0) = points[0]
    move(view, x0, y0, modifiers, held=False)
    press(view, x0, y0, modifiers)
    for (xa, ya), (xb, yb) in zip(points, points[1:]):
        for i in range(1, steps + 1):
            move(view, xa + (xb - xa) * i / steps, ya + (yb - ya) * i / steps, modifiers)
    release(view, *points[-1], modifiers)
