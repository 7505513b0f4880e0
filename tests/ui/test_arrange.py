"""Bring forward and send backward: the drawing order of overlapping zones, with real shortcuts and menus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.formats import read_layout
from planner.model import Zone
from planner.model.edits import SetFields
from planner.render.geometry import to_scene
from tests.factories import rect, small_layout
from tests.ui.helpers import at, click

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def layout():
    """The small market with a blue plaza drawn last, over the middle of the anime zone."""
    market = small_layout()
    market.zones.append(Zone(id="plaza", name="Plaza", color="#3a86ff", polygon=rect(20, 20, 40, 40)))
    return market


def zone_order(win) -> list[str]:
    return [z.id for z in win.layout.zones]


def colour_at(win, x: float, y: float):
    image = win.view.viewport().grab().toImage()
    return image.pixelColor(at(win.view, x, y)).name()


def test_shortcuts_change_what_is_drawn_on_top_and_undo_puts_it_back(window, qtbot):
    view, scene = window.view, window.scene
    window.activateWindow()
    qtbot.waitActive(window)
    view.set_zoom(8.0)
    view.centerOn(to_scene(30, 30))
    view.setFocus()
    plaza_on_top = colour_at(window, 21.5, 21.5)

    click(view, 30, 30)                                                   # the topmost: the plaza
    assert window.selection.ids == ["plaza"]
    qtbot.keyClick(view, Qt.Key.Key_BracketLeft, CTRL)                   # Ctrl+[: send backward
    assert zone_order(window) == ["plaza", "anime", "food"]              # under the zone it overlaps
    assert scene.item("plaza").zValue() < scene.item("anime").zValue()
    assert window.document.undo_stack.undoText() == "Send 1 zone backward"
    view.viewport().repaint()
    anime_on_top = colour_at(window, 21.5, 21.5)
    assert anime_on_top != plaza_on_top                                   # the picture changed

    click(view, 30, 30)                                                   # now the anime zone is on top
    assert window.selection.ids == ["anime"]
    qtbot.keyClick(view, Qt.Key.Key_BracketLeft, CTRL_SHIFT)             # Ctrl+Shift+[: to the back
    assert zone_order(window) == ["anime", "plaza", "food"]
    assert window.scene.hits(30, 30)[0].id == "plaza"

    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)                             # undo: the anime zone on top again
    assert zone_order(window) == ["plaza", "anime", "food"]
    assert scene.hits(30, 30)[0].id == "anime"
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert zone_order(window) == ["anime", "food", "plaza"]
    view.viewport().repaint()
    assert colour_at(window, 21.5, 21.5) == plaza_on_top

    window.selection.set(["anime"])
    qtbot.keyClick(view, Qt.Key.Key_BracketRight, CTRL)                  # Ctrl+]: over the plaza
    assert zone_order(window) == ["food", "plaza", "anime"]              # the food zone only touches it
    qtbot.keyClick(view, Qt.Key.Key_BracketRight, CTRL)                  # nothing left to pass
    assert zone_order(window) == ["food", "plaza", "anime"]
    assert window.document.undo_stack.count() == 1                       # one step; the undone ones gone


def test_menu_actions_stack_zones_and_obstacles_apart_and_the_file_keeps_the_order(window, tmp_path):
    layout = window.layout
    window.selection.set(["food", "pond", "b-1"])                        # a booth has no order to change
    window.actions["send_back"].trigger()
    assert zone_order(window) == ["food", "anime", "plaza"]
    assert [o.id for o in layout.obstacles] == ["pond"]
    scene = window.scene
    assert scene.item("food").zValue() < scene.item("anime").zValue() < scene.item("plaza").zValue()
    assert scene.item("plaza").zValue() < scene.item("pond").zValue()    # zones stay under obstacles
    window.selection.set(["food"])
    window.actions["bring_front"].trigger()
    assert zone_order(window) == ["anime", "plaza", "food"]
    assert window.document.undo_stack.undoText() == "Bring 1 zone to front"

    path = tmp_path / "stacked.festival.json"
    window.document.save(path)
    assert [z.id for z in read_layout(path).zones] == ["anime", "plaza", "food"]


def test_locked_and_booths_only_do_nothing_but_say_why(window):
    messages = []
    window.host.message_posted.connect(messages.append)
    window.selection.set(["b-1"])
    assert not window.host.reorder("front")
    window.document.push(SetFields(window.layout, {"plaza": {"locked": True}}))
    window.selection.set(["plaza"])
    assert not window.host.reorder("back")
    assert zone_order(window) == ["anime", "food", "plaza"]
    assert len(messages) == 2
