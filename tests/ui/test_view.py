"""The plan view: y north is up, the wheel zooms at the mouse, panning, fitting."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from planner.render.geometry import to_model, to_scene
from planner.ui.canvas.view import WHEEL_BASE


def scene_at(view, pos: QPointF) -> QPointF:
    return view.viewportTransform().inverted()[0].map(pos)


def wheel(view, pos: QPointF, notches: float, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, int(120 * notches)),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_north_appears_above_south(window):
    view = window.view
    south = view.mapFromScene(to_scene(40, 10))
    north = view.mapFromScene(to_scene(40, 40))
    east = view.mapFromScene(to_scene(90, 10))
    assert north.y() < south.y()
    assert east.x() > south.x()


def test_fit_shows_the_whole_site(window, qtbot):
    view = window.view
    view.set_zoom(80.0)
    view.fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    site = window.scene.site_item.graphic.bounds
    assert visible.contains(site)
    # ... with the gates' names around it, using the window: most of its width or height.
    drawn = window.scene.layout_rect()
    assert visible.contains(drawn)
    assert drawn.width() / visible.width() > 0.85 or drawn.height() / visible.height() > 0.85


@pytest.mark.parametrize("modifiers", [Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier])
@pytest.mark.parametrize("notches", [1, -1, 3])
def test_wheel_zoom_keeps_the_point_under_the_mouse(window, modifiers, notches):
    view = window.view
    pos = QPointF(173, 211)
    fixed = scene_at(view, pos)
    zoom = view.zoom()
    wheel(view, pos, notches, modifiers)
    assert math.isclose(view.zoom(), zoom * WHEEL_BASE ** notches, rel_tol=1e-6)
    moved = view.viewportTransform().map(fixed)
    assert abs(moved.x() - pos.x()) <= 1.0 and abs(moved.y() - pos.y()) <= 1.0


def test_wheel_zoom_near_the_edge_and_far_in(window):
    view = window.view
    pos = QPointF(5, 5)
    fixed = scene_at(view, pos)
    for _ in range(12):
        wheel(view, pos, 1)
    moved = view.viewportTransform().map(fixed)
    assert abs(moved.x() - pos.x()) <= 1.0 and abs(moved.y() - pos.y()) <= 1.0


def test_middle_button_drag_pans(window, qtbot):
    view = window.view
    port = view.viewport()
    start, end = QPoint(300, 300), QPoint(360, 250)
    under = scene_at(view, QPointF(start))
    qtbot.mousePress(port, Qt.MouseButton.MiddleButton, pos=start)
    qtbot.mouseMove(port, QPoint(330, 280))
    qtbot.mouseMove(port, end)
    qtbot.mouseRelease(port, Qt.MouseButton.MiddleButton, pos=end)
    now = view.viewportTransform().map(under)
    assert abs(now.x() - end.x()) <= 1 and abs(now.y() - end.y()) <= 1   # the plan followed the hand


def test_space_and_left_drag_pans(window, qtbot):
    view = window.view
    port = view.viewport()
    view.setFocus()
    start, end = QPoint(400, 300), QPoint(300, 350)
    under = scene_at(view, QPointF(start))
    qtbot.keyPress(view, Qt.Key.Key_Space)
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(port, end)
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=end)
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    now = view.viewportTransform().map(under)
    assert abs(now.x() - end.x()) <= 1 and abs(now.y() - end.y()) <= 1
    # Without space, a left drag does not pan.
    before = scene_at(view, QPointF(end))
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=end)
    qtbot.mouseMove(port, start)
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=start)
    assert scene_at(view, QPointF(end)) == before


def test_cursor_signal_is_in_model_metres(window, qtbot):
    view = window.view
    view.set_zoom(20.0)
    view.centerOn(to_scene(30.0, 25.0))     # wherever the docks leave the view, the point is in it
    target = view.mapFromScene(to_scene(30.0, 25.0))
    assert view.viewport().rect().contains(target)
    with qtbot.waitSignal(view.cursor_moved, timeout=10000) as blocker:
        qtbot.mouseMove(view.viewport(), target)
    x, y = blocker.args
    assert abs(x - 30.0) <= 0.05 and abs(y - 25.0) <= 0.05
    assert to_model(to_scene(x, y)) == (x, y)


def test_zoom_stays_within_limits(window):
    view = window.view
    for _ in range(100):
        view.zoom_in()
    assert view.zoom() <= 800.0 + 1e-6
    for _ in range(200):
        view.zoom_out()
    assert view.zoom() >= 0.05 - 1e-9


def test_a_wheel_zoom_draws_the_view_anew_without_scrolling_its_old_pixels(window, monkeypatch):
    """Each zoom step draws the whole view at the new scale: bringing the point back under the
    mouse scrolls no pixels first (a copy of the whole view that the repaint covers anyway)."""
    view = window.view
    modes = []
    original = view._scroll_by

    def scroll(dx, dy):
        modes.append(view.viewportUpdateMode())       # what the scroll bars' move will do
        original(dx, dy)

    monkeypatch.setattr(view, "_scroll_by", scroll)
    for notches in (1, 1, -1):
        wheel(view, QPointF(200, 220), notches)
    assert modes and all(m == view.ViewportUpdateMode.FullViewportUpdate for m in modes)
    assert view.viewportUpdateMode() != view.ViewportUpdateMode.FullViewportUpdate   # as it was
