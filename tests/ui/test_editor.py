"""The editor as a newcomer uses it: real clicks, drags and shortcuts on the window, then the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from planner.formats import read_layout
from planner.render.geometry import to_scene
from planner.ui.files import blank_layout
from planner.ui.main_window import MainWindow
from tests.ui.helpers import CTRL, SHIFT, click, double_click, drag, move, title


@pytest.fixture
def blank(qtbot):
    win = MainWindow(blank_layout(), None)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    win.view.set_zoom(5.0)                         # 20 cm a pixel: grid of 5 m, snapping within 1.8 m
    win.view.centerOn(to_scene(60, 40))
    return win


def key(qtbot, win, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(win.view, k, modifier)


def undo_menu_text(win) -> str:
    return win.actions["undo"].text().replace("&", "")


def test_draw_a_small_market_from_scratch_undo_it_save_and_reopen(blank, qtbot, tmp_path, monkeypatch):
    win, view, layout = blank, blank.view, blank.layout
    # The site: S, four clicks, Enter.
    key(qtbot, win, Qt.Key.Key_S)
    assert win.host.tool.name == "draw_site" and win.actions["tool_site"].isChecked()
    for x, y in [(0.4, 0.3), (120.3, -0.2), (119.8, 80.4), (0.2, 79.6)]:
        click(view, x, y)
    key(qtbot, win, Qt.Key.Key_Return)
    assert layout.site.boundary == (((0.0, 0.0), (120.0, 0.0), (120.0, 80.0), (0.0, 80.0)),)
    assert title(win) == "Untitled* – Festival Floor Planner"
    # A zone: Z, drag a rectangle.
    key(qtbot, win, Qt.Key.Key_Z)
    drag(view, [(10, 10), (40, 30), (70, 50)])
    zone = layout.zones[0]
    assert zone.polygon == (((10.0, 10.0), (70.0, 10.0), (70.0, 50.0), (10.0, 50.0)),)
    # A pond: O with the kind chosen in the tool options, point by point, double-click to finish.
    key(qtbot, win, Qt.Key.Key_O)
    win.tool_options.obstacle_kind.setCurrentIndex(win.tool_options.obstacle_kind.findData("water"))
    for x, y in [(85, 55), (110, 55)]:
        click(view, x, y)
    double_click(view, 100, 75)
    assert layout.obstacles[0].kind == "water" and len(layout.obstacles[0].polygon[0]) == 3
    # A gate on the north boundary: G, click near it.
    key(qtbot, win, Qt.Key.Key_G)
    click(view, 60, 78.9)
    gate = layout.gates[0]
    assert gate.a[1] == gate.b[1] == 80.0 and gate.width == pytest.approx(6.0)
    # Twelve 3 × 3 booths in a row, each snapping against the one before.
    key(qtbot, win, Qt.Key.Key_B)
    for i in range(12):
        move(view, 16.5 + 3 * i, 20.5, held=False)
        click(view, 16.5 + 3 * i + 0.6, 20.5 + 0.4)
    assert len(layout.booths) == 12
    xs = sorted(b.x for b in layout.booths)
    assert xs == pytest.approx([16.5 + 3 * i for i in range(12)])     # the first corner on the 5 m grid,
    assert {b.y for b in layout.booths} == {21.5}                     # the others against their neighbour
    assert len({b.number for b in layout.booths}) == 12
    # Select them with a band starting on the zone, then drag them 10 m north.
    key(qtbot, win, Qt.Key.Key_V)
    drag(view, [(12, 17), (40, 22), (60, 24)])
    assert len(win.selection) == 12
    assert win.status.selection_label.text() == "12 booths selected"
    drag(view, [(20, 21), (22, 25), (20.3, 30.9)])                   # moved by whole 5 m steps
    assert sorted(b.y for b in layout.booths) == [31.5] * 12
    assert sorted(b.x for b in layout.booths) == pytest.approx(xs)
    assert undo_menu_text(win) == "Undo Move 12 booths"
    # Undo, redo with the shortcuts.
    key(qtbot, win, Qt.Key.Key_Z, CTRL)
    assert {b.y for b in layout.booths} == {21.5}
    assert win.actions["redo"].text().replace("&", "") == "Redo Move 12 booths"
    key(qtbot, win, Qt.Key.Key_Z, CTRL | SHIFT)
    assert {b.y for b in layout.booths} == {31.5}
    # Name the exhibitors of all twelve at once in the properties panel.
    editor = next(e for e in win.properties.editors if e.field.key == "exhibitor")
    editor.widget.setText("Paper Lantern Studio")
    editor.widget.editingFinished.emit()
    assert {b.exhibitor for b in layout.booths} == {"Paper Lantern Studio"}
    assert undo_menu_text(win) == "Undo Set exhibitor"
    # The history lists every step.
    assert win.document.undo_stack.count() == 1 + 1 + 1 + 1 + 12 + 1 + 1
    # Save (Ctrl+S asks where), then the file reads back as what was drawn.
    target = tmp_path / "market"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    key(qtbot, win, Qt.Key.Key_S, CTRL)
    saved = tmp_path / "market.festival.json"
    assert win.document.path == saved and not win.document.modified
    assert title(win) == "market.festival.json – Festival Floor Planner"
    assert read_layout(saved) == layout


def test_arrow_keys_nudge_and_a_burst_is_one_undo_step(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    window.selection.set(["b-1", "b-2"])
    for _ in range(4):
        qtbot.keyClick(window.view, Qt.Key.Key_Right)
    qtbot.keyClick(window.view, Qt.Key.Key_Up, SHIFT)
    assert window.layout.get("b-1").centre == pytest.approx((10.4, 11.0))
    assert window.document.undo_stack.count() == 1
    assert undo_menu_text(window) == "Undo Move 2 booths"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert window.layout.get("b-1").centre == (10, 10)


def test_edit_menu_on_the_selection(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    layout = window.layout
    assert not window.actions["delete"].isEnabled()
    window.selection.set(["b-1"])
    assert window.actions["delete"].isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)                   # duplicate: just east, new number
    copy = layout.booths[-1]
    # Just east of it; b-2 already stands exactly there, so one step further.
    assert copy.id != "b-1" and (copy.x, copy.y) == (16, 10) and copy.number == "ANI-004"
    assert window.selection.ids == [copy.id]
    qtbot.keyClick(window.view, Qt.Key.Key_R)                         # 90° clockwise
    assert copy.rotation == 270.0
    qtbot.keyClick(window.view, Qt.Key.Key_BracketLeft)               # 15° back
    assert copy.rotation == 285.0
    assert undo_menu_text(window) == "Undo Rotate 1 booth"
    qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL)                   # lock: no more moving or deleting
    assert copy.locked
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert layout.get(copy.id) is not None
    qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL | SHIFT)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert layout.get(copy.id) is None and window.selection.ids == []
    assert undo_menu_text(window) == "Undo Delete 1 booth"
    qtbot.keyClick(window.view, Qt.Key.Key_A, CTRL)
    assert len(window.selection) == len(list(layout.objects()))
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.selection.ids == []


def test_copy_and_paste_between_two_windows(window, qtbot):
    from planner.ui.main_window import MainWindow

    other = MainWindow(blank_layout(), None)
    qtbot.addWidget(other)
    other.show()
    window.selection.set(["b-1", "b-2", "anime"])
    window.actions["copy"].trigger()
    assert other.actions["paste"].isEnabled()
    other.actions["paste"].trigger()
    pasted = other.layout
    assert sorted(b.number for b in pasted.booths) == ["ANI-001", "ANI-002"]
    assert pasted.get("b-1").centre == (10, 10)                      # in place, ids kept: the target has none
    assert pasted.zones[0].name == "Anime · 动漫"
    assert other.selection.ids and set(other.selection.ids) == {"b-1", "b-2", "anime"}
    assert other.actions["undo"].text().replace("&", "") == "Undo Paste 3 objects"
    # Pasting again into the first window: beside the originals, new ids and numbers.
    window.actions["paste"].trigger()
    new = [b for b in window.layout.booths if b.id not in ("b-1", "b-2", "b-3", "b-4")]
    assert len(new) == 2 and {b.number for b in new} == {"ANI-004", "ANI-005"}
    assert all(b.x >= 50 for b in new)
    # Cut takes them away; a layout that is not ours on the clipboard is refused.
    window.actions["cut"].trigger()
    assert len(window.layout.booths) == 4
    other.document.undo_stack.setClean()


def test_layers_hide_and_lock(window, qtbot):
    panel = window.layers_panel
    panel.shown["booths"].setChecked(False)
    assert not window.scene.item("b-1").isVisible()
    panel.shown["booths"].setChecked(True)
    panel.locks["zones"].setChecked(True)
    click(window.view, 30, 30)
    assert window.selection.ids == []                                 # a locked zone cannot be picked
    panel.shown["labels"].setChecked(False)
    assert not window.scene.item("b-1").show_labels
    assert not window.scene.zone_label_item("anime").isVisible()


def test_double_click_edits_points_and_escape_returns_to_select(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    window.view.set_zoom(8.0)
    window.view.centerOn(to_scene(75, 35))
    double_click(window.view, 90, 40)                                 # inside the food zone
    assert window.host.tool.name == "vertices" and window.host.tool.target == "food"
    assert window.actions["tool_vertices"].isChecked()
    drag(window.view, [(100, 50), (104, 52), (106.1, 55.9)])           # to the 2 m grid at this zoom
    assert (106.0, 56.0) in window.layout.get("food").polygon[0]
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.host.tool.name == "select" and window.actions["tool_select"].isChecked()


def test_background_image_to_scale_and_its_layer(window, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from planner.model.edits import SetPart
    from planner.model.layout import Background

    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    assert image.save(str(tmp_path / "plan.png"))
    window.scene.set_base_dir(tmp_path)
    window.document.push(SetPart(window.layout, "background",
                                 Background(image="plan.png", metres_per_pixel=0.5, x=10, y=5, opacity=0.4)))
    item = window.scene.background_item
    assert item is not None and item.opacity() == pytest.approx(0.4)
    rect = item.sceneBoundingRect()                       # 100 × 50 m, its bottom-left corner at (10, 5)
    assert (rect.left(), rect.bottom(), rect.width(), rect.height()) == pytest.approx((10, -5, 100, 50))
    window.layers_panel.shown["background"].setChecked(False)
    assert not item.isVisible()
    window.document.undo()
    assert window.scene.background_item is None


def test_new_window_grid_and_snapping_toggles(window, qtbot):
    from planner.ui import main_window

    before = len(main_window._windows)
    window.actions["new_window"].trigger()
    assert len(main_window._windows) == before + 1
    other = main_window._windows[-1]
    assert other is not window and other.layout.booths == [] and other.isVisible()
    other.close()
    window.actions["show_grid"].trigger()
    assert not window.scene.grid_item.isVisible()
    window.actions["snap"].trigger()
    assert not window.host.snapper.enabled
    window.actions["zoom_paper"].trigger()
    assert window.status.zoom_label.text() == "1:500"


def test_align_and_distribute_are_one_step_each(window):
    layout = window.layout
    from planner.model.edits import MoveObjects

    window.document.push(MoveObjects(layout, ["b-2"], 0, 4))             # b-2 at (13, 14)
    window.selection.set(["b-1", "b-2", "b-4"])
    window.actions["align_south"].trigger()
    assert {layout.get(i).y for i in ("b-1", "b-2", "b-4")} == {10.0}
    assert window.document.undo_stack.undoText() == "Align 3 booths"
    window.actions["distribute_x"].trigger()                               # 10 … 60: equal gaps between
    xs = sorted(layout.get(i).x for i in ("b-1", "b-2", "b-4"))
    assert xs == pytest.approx([10, 35, 60])
    window.document.undo()
    window.document.undo()
    assert layout.get("b-2").centre == (13, 14)
