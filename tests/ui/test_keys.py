"""Keys reach the right place: typing in a field, typed lengths while drawing, Delete in each tool."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.model.edits import MoveObjects
from planner.render.geometry import to_scene
from planner.ui import clipboard
from planner.ui.document import MERGE_WINDOW_S, Document
from tests.ui.helpers import click, drag


@pytest.fixture
def active(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    window.view.set_zoom(8.0)
    window.view.centerOn(to_scene(50, 25))
    window.view.setFocus()
    return window


def test_typing_in_a_field_does_not_trigger_tool_shortcuts(active, qtbot):
    active.selection.set(["b-1"])
    field = next(e for e in active.properties.editors if e.field.key == "exhibitor").widget
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, "Bravo Crafts")
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert active.host.tool.name == "select"
    assert active.layout.get("b-1").exhibitor == "Bravo Crafts"
    assert active.layout.get("b-1") is not None                        # Delete stayed in the field


def test_typed_edges_with_real_keys_while_drawing(active, qtbot):
    view = active.view
    qtbot.keyClick(view, Qt.Key.Key_Z)                                   # draw a zone
    assert active.host.tool.name == "draw_zone"
    click(view, 60, 22)
    qtbot.keyClicks(view, "20<0")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClicks(view, "10<90")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClicks(view, "5<1")
    qtbot.keyClick(view, Qt.Key.Key_Backspace)                           # "5<" ...
    qtbot.keyClicks(view, "80")                                          # ... "5<180"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)                           # take that point back
    qtbot.keyClick(view, Qt.Key.Key_Return)                              # finish: a triangle
    zone = active.layout.zones[-1]
    assert sorted(zone.polygon[0]) == [(60.0, 22.0), (80.0, 22.0), (80.0, 32.0)]


def test_delete_deletes_the_selection_but_a_point_in_the_points_tool(active, qtbot):
    view = active.view
    active.selection.set(["food"])
    qtbot.keyClick(view, Qt.Key.Key_A)                                   # edit points of the food zone
    drag(view, [(100, 50), (100, 52), (100, 56)])
    assert len(active.layout.get("food").polygon[0]) == 4
    drag(view, [(75, 20), (75, 18), (75, 16)])                             # insert a point on an edge
    assert len(active.layout.get("food").polygon[0]) == 5
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert active.layout.get("food") is not None and len(active.layout.get("food").polygon[0]) == 4
    qtbot.keyClick(view, Qt.Key.Key_V)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert active.layout.get("food") is None


def test_r_turns_the_booth_about_to_be_placed(active, qtbot):
    view = active.view
    qtbot.keyClick(view, Qt.Key.Key_B)
    active.tool_options.booth_size.setCurrentIndex(1)                   # 6 × 3
    qtbot.keyClick(view, Qt.Key.Key_R)
    click(view, 70, 40)
    booth = active.layout.booths[-1]
    assert (booth.width, booth.depth, booth.rotation) == (6, 3, 270)
    active.tool_options.booth_size.setCurrentIndex(3)                   # custom
    active.tool_options.booth_width.setValue(4.5)
    click(view, 85, 40)
    assert (active.layout.booths[-1].width, active.layout.booths[-1].depth) == (4.5, 3)


def test_paste_refuses_what_is_not_a_layout(active):
    QApplication.clipboard().setText("hello")
    assert not active.editing.can_paste()
    assert not active.actions["paste"].isEnabled()
    QApplication.clipboard().setText('{"format": "festival-planner/layout", "version": 1}')
    assert active.editing.can_paste()
    before = len(list(active.layout.objects()))
    assert not active.editing.paste()                                    # it says why, in the status bar
    assert len(list(active.layout.objects())) == before
    assert "site" in active.status.currentMessage()
    clipboard.put(clipboard.fragment(active.layout, ["wc-1"]))
    assert active.editing.paste()


def test_nudge_bursts_end_after_a_pause(layout, qapp, monkeypatch):
    document = Document(layout)
    now = [100.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    for _ in range(3):
        document.push(MoveObjects(layout, ["b-1"], 0.1, 0), merge_key="nudge")
        now[0] += 0.2
    now[0] += MERGE_WINDOW_S + 0.1
    document.push(MoveObjects(layout, ["b-1"], 0.1, 0), merge_key="nudge")
    assert document.undo_stack.count() == 2
    document.push(MoveObjects(layout, ["b-2"], 0.1, 0), merge_key="other")
    assert document.undo_stack.count() == 3
    document.undo()
    document.undo()
    assert layout.get("b-1").x == pytest.approx(10.3)
    document.undo()
    assert layout.get("b-1").x == 10


def test_typed_coordinates_move_a_point_with_real_keys(active, qtbot):
    view = active.view
    active.selection.set(["food"])
    qtbot.keyClick(view, Qt.Key.Key_A)                                   # edit points
    assert active.host.tool.name == "vertices"
    click(view, 50, 20)                                                  # the food zone's south-west corner
    qtbot.keyClicks(view, "52.5,21")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    ring = active.layout.get("food").polygon[0]
    assert (52.5, 21.0) in ring and (50, 20) not in ring
    assert active.document.undo_stack.undoText() == "Move point"
    assert view.transform().m11() == pytest.approx(8.0)                  # "-", "." and digits zoomed nothing
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (50, 20) in active.layout.get("food").polygon[0]


@pytest.mark.parametrize(("key", "tool", "words"), [
    (Qt.Key.Key_W, "route", "where the walk starts"),
    (Qt.Key.Key_K, "block", None),
])
def test_each_tool_shortcut_brings_its_own_options_page(active, qtbot, key, tool, words):
    from PySide6.QtWidgets import QLabel

    options = active.tool_options
    select_page = options.currentWidget()
    qtbot.keyClick(active.view, key)
    assert active.host.tool.name == tool
    assert options.currentIndex() == options.pages[tool]
    assert options.currentWidget() is not select_page
    if words:
        texts = " ".join(label.text() for label in options.currentWidget().findChildren(QLabel))
        assert words in texts


def test_the_image_tools_explain_themselves(active):
    from PySide6.QtWidgets import QLabel

    for tool, words in (("calibrate", "two points"), ("move_image", "Drag the image")):
        active.tool_options.show_tool(tool)
        texts = " ".join(label.text() for label in active.tool_options.currentWidget().findChildren(QLabel))
        assert words in texts
