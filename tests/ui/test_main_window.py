"""The window: title, menus and shortcuts, the status bar, opening files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.formats import write_layout
from planner.model.edits import SetFields
from planner.render.geometry import to_scene
from planner.ui.actions import ACTIONS
from planner.ui.canvas.items import BoothItem
from planner.ui.icons import APP_ICON, icon
from tests.render.sample_layouts import market_layout
from tests.ui.helpers import title


def test_title_names_the_layout(window):
    assert title(window) == "Test Market – Festival Floor Planner"
    SetFields(window.layout, {"layout": {"name": "Maker Festival"}}).apply(window.layout)
    assert title(window) == "Maker Festival – Festival Floor Planner"


def test_menus_hold_every_action_with_its_shortcut(window):
    menus = {m.title().replace("&", ""): [a.text().replace("&", "") for a in m.actions() if not a.isSeparator()]
             for m in (a.menu() for a in window.menuBar().actions())}
    assert menus["File"] == ["New", "New from West Lake Template", "New Window", "Open…", "Open Recent",
                             "Save", "Save As…", "Import Site Plan Image…", "Import Exhibitors…", "Export…", "Close Window", "Quit"]
    assert menus["Edit"][:2] == ["Undo", "Redo"]
    assert menus["Arrange"][0] == "Align West Edges" and len(menus["Arrange"]) == 12
    assert menus["Arrange"][-4:] == ["Bring to Front", "Bring Forward", "Send Backward", "Send to Back"]
    assert {"Cut", "Copy", "Paste", "Duplicate", "Delete", "Select All", "Rotate 90° Clockwise",
            "Rotate 15° Counter-clockwise", "Lock", "Unlock"} <= set(menus["Edit"])
    assert menus["View"][:4] == ["Zoom In", "Zoom Out", "Fit to Window", "Zoom to 1:500"]
    assert {"Properties", "Layers", "History", "Booths", "Findings", "Analysis", "Site Plan Image",
            "Analyse While Editing", "Re-run Analysis", "Colour Booths by Status", "Colour Booths by Zone",
            "Show Booth Legend"} <= set(menus["View"])
    assert menus["Tools"] == ["Select", "Edit Points", "Draw Site Boundary", "Draw Obstacle", "Draw Zone",
                              "Place Gate", "Place Amenity", "Place Booth", "Booth Block", "Walking Route",
                              "Calibrate Site Plan Image", "Move Site Plan Image"]
    assert menus["Help"] == ["About Festival Floor Planner"]
    shortcuts = {name: [s.toString() for s in action.shortcuts()] for name, action in window.actions.items()}
    assert shortcuts["open"] == ["Ctrl+O"]
    assert shortcuts["save"] == ["Ctrl+S"]
    assert shortcuts["undo"] == ["Ctrl+Z"]
    assert shortcuts["quit"] == ["Ctrl+Q"]
    assert shortcuts["zoom_in"][0] == "Ctrl++"
    assert shortcuts["zoom_out"] == ["Ctrl+-"]
    assert shortcuts["zoom_fit"] == ["Ctrl+0"]
    assert shortcuts["tool_booth"] == ["B"]
    assert [shortcuts[n] for n in ("bring_front", "bring_forward", "send_backward", "send_back")] == \
        [["Ctrl+Shift+]"], ["Ctrl+]"], ["Ctrl+["], ["Ctrl+Shift+["]]
    every = [s for names in shortcuts.values() for s in names]
    assert len(every) == len(set(every))                       # no shortcut used twice
    # ... not even among the actions Qt itself puts in the window (dock toggles have none)
    others = [s.toString() for a in window.findChildren(QAction) if a not in window.actions.values()
              for s in a.shortcuts()]
    assert not set(others) & set(every)


def test_every_menu_entry_does_something(window):
    """Each action is wired to a handler that exists (the table is resolved when the window is built)."""
    from planner.ui.actions import resolve
    for spec in ACTIONS:
        assert callable(resolve(window, spec.handler)), spec.name


def test_toolbar_actions_have_icons(window):
    for spec in ACTIONS:
        if spec.toolbar:
            assert not window.actions[spec.name].icon().isNull(), spec.name
    assert not icon(APP_ICON).pixmap(64, 64).isNull()
    for name in ("open", "zoom-in", "zoom-out", "zoom-fit", "new", "save", "undo", "redo", "select",
                 "vertices", "draw-site", "draw-obstacle", "draw-zone", "gate", "amenity", "booth", "lock",
                 "lock-open", "duplicate", "delete", "rotate-cw", "rotate-ccw", "export"):
        image = icon(name).pixmap(24, 24).toImage()
        assert any(image.pixelColor(x, y).alpha() > 0 for x in range(24) for y in range(24)), name


def test_zoom_shortcuts_and_fit(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    view = window.view
    fitted = view.zoom()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(fitted / 1.25)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(fitted)
    window.actions["zoom_in"].trigger()
    assert view.zoom() == pytest.approx(fitted * 1.25)
    assert window.status.zoom_label.text().startswith("1:")


def test_status_bar_shows_metres_and_the_booth_under_the_mouse(window, qtbot):
    view = window.view
    view.set_zoom(20.0)                      # 5 cm per pixel
    view.centerOn(to_scene(12.0, 12.0))
    target = view.mapFromScene(to_scene(10.0, 10.5))     # on booth ANI-001, north of its centre
    qtbot.mouseMove(view.viewport(), target)
    qtbot.waitUntil(lambda: window.status.position_label.text() != "", timeout=10000)
    assert window.status.position_label.text() == "x 10.0 m  y 10.5 m"
    text = window.status.object_label.text()
    assert "ANI-001" in text and "纸灯笼工作室" in text and "Anime · 动漫" in text
    view.centerOn(to_scene(25.0, 45.0))
    gate = view.mapFromScene(to_scene(25.0, 50.0))
    qtbot.mouseMove(view.viewport(), gate)
    qtbot.waitUntil(lambda: "North Gate" in window.status.object_label.text(), timeout=10000)
    assert window.status.position_label.text() == "x 25.0 m  y 50.0 m"


def test_opening_a_broken_file_keeps_the_layout(window, tmp_path, monkeypatch):
    broken = tmp_path / "broken.festival.json"
    broken.write_text('{"format": "festival-planner/layout", "version": 1, "name": "X", '
                      '"site": {"boundary": [[[0, 0], [1, 0]]]}}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), "")))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    before = window.layout
    ids = window.scene.object_ids()
    assert window.open_file() is False
    assert len(shown) == 1
    message = shown[0]
    assert "site.boundary" in message and message.count(". ") == 0 and "\n" not in message
    assert window.layout is before and window.scene.layout is before
    assert window.scene.object_ids() == ids
    assert title(window) == "Test Market – Festival Floor Planner"


def test_opening_a_missing_file_says_so(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    assert window.open_file(tmp_path / "nowhere.festival.json") is False
    assert shown and "does not exist" in shown[0]


def test_opening_a_file_shows_it_fitted(window, tmp_path, monkeypatch):
    path = tmp_path / "market.festival.json"
    market = market_layout(blocks_per_zone=1, zones=3)
    write_layout(market, path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    cancelled = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: cancelled.append(a)))
    window.view.set_zoom(50.0)
    assert window.open_file() is True
    assert not cancelled
    assert window.path == path
    assert title(window) == "Generated Market – Festival Floor Planner"
    assert sum(isinstance(i, BoothItem) for i in window.scene.items()) == len(market.booths)
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.site_item.graphic.bounds)


def test_cancelled_open_changes_nothing(window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    before = window.layout
    assert window.open_file() is False
    assert window.layout is before


def test_about_box(window, monkeypatch):
    seen = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda parent, title, text: seen.append(title)))
    window.actions["about"].trigger()
    assert seen == ["About Festival Floor Planner"]


def test_quit_closes_the_window(window, qtbot):
    window.actions["quit"].trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    assert QKeySequence("Ctrl+Q") in window.actions["quit"].shortcuts()
