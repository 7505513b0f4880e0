"""The walking-time grid in the editor: made only while the heat map or the catchments are shown.

The room of ``aisle_layout`` is 60 × 40 m with a gate in the middle of the
south side and one in the middle of the north side, and two 3 × 3 m booths
south of the middle (booth A-2 centred on x 30, y 18). So, known without the
solver: a cell north of y 21 leaves by the north gate, one south of y 19 by
the south gate; a cell under a booth is not walkable ground.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QScrollArea

from planner.model.edits import MoveObjects
from planner.render.geometry import to_scene
from planner.ui import analysis as live_module
from tests.solver.test_live_job import aisle_layout
from tests.ui.helpers import CTRL
from tests.ui.test_live_analysis import WAIT_MS, aisle_window, edit_and_wait, wait_current  # noqa: F401 (fixture)

SOUTH, NORTH = 0, 1            # the exits' order: the layout's gates


def toggle_layer(qtbot, window, key: str) -> None:
    """Click the layer's check box in the Layers panel, as the organiser does."""
    window.docks["layers"].show()
    window.docks["layers"].raise_()
    box = window.layers_panel.shown[key]
    window.layers_panel.findChild(QScrollArea).ensureWidgetVisible(box)
    qtbot.waitExposed(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def switch_and_wait(qtbot, window, key: str) -> object:
    """Switch a grid layer on (or off) and wait for the overlays it asks for; returns them."""
    with qtbot.waitSignal(window.analysis.overlays_ready, timeout=WAIT_MS) as blocker:
        toggle_layer(qtbot, window, key)
        # Asked of the worker: the run counts as going, and the status bar says so meanwhile.
        assert window.analysis.busy
        assert window.analysis_status.busy_label.text() == "Analysing…"
    generation, result = blocker.args
    assert generation == window.analysis.generation
    return result.overlays


def settle(qtbot, window) -> None:
    """Wait until the report and overlays shown (the grid too, when wanted) are the plan's as it is."""
    wait_current(qtbot, window)
    assert window.analysis.complete and not window.analysis.busy


def cell(grid, x: float, y: float) -> tuple[float, int]:
    row, col = grid.cell_at(x, y)
    return float(grid.distance[row, col]), int(grid.exit_index[row, col])


def check_sides(grid) -> None:
    """North of the middle walks to the north gate, south of it to the south gate."""
    rows, cols = grid.shape
    ys = np.repeat((grid.y0 + (np.arange(rows) + 0.5) * grid.cell)[:, None], cols, axis=1)
    ground = np.isfinite(grid.distance)
    assert ground.sum() > 1000
    assert (grid.exit_index[ground & (ys > 21)] == NORTH).all()
    assert (grid.exit_index[ground & (ys < 19)] == SOUTH).all()


def count(signal) -> list:
    seen: list = []
    signal.connect(lambda generation, _result: seen.append(generation))
    return seen


def test_the_grid_is_made_only_once_the_heat_map_is_switched_on_and_comes_without_a_new_report(
        aisle_window, qtbot):
    win = aisle_window
    analysis, worker = win.analysis, live_module.shared_worker()
    layers = win.scene.layers
    assert not layers.visible("walk_heat") and not layers.visible("catchments")
    # Both layers hidden: the run made the other overlays, not the grid.
    shown = win.overlays.data
    assert shown is analysis.result.overlays and shown.grid is None and not shown.grid_made
    assert len(shown.exits) == 2 and shown.bottlenecks
    assert not analysis.grid_wanted and analysis.complete and not analysis.busy

    runs, reports = worker.runs, count(analysis.finished)
    overlays = switch_and_wait(qtbot, win, "walk_heat")
    assert layers.visible("walk_heat") and analysis.grid_wanted
    assert win.overlays.data is overlays and overlays.grid is not None and overlays.grid_made
    assert worker.runs == runs + 1 and reports == []          # one request, and no report made again
    assert analysis.complete and not analysis.busy
    assert win.analysis_status.busy_label.text() == ""
    check_sides(overlays.grid)
    assert math.isnan(cell(overlays.grid, 30.0, 18.0)[0])      # under booth A-2
    # On screen: green by the south gate, the far end of the ramp (purple) in a far corner.
    win.view.fit()
    image = win.view.viewport().grab().toImage()

    def pixel(x: float, y: float):
        return image.pixelColor(win.view.mapFromScene(to_scene(x, y)))

    near, far = pixel(20.0, 6.0), pixel(3.0, 20.0)           # clear of the labels
    assert near.green() > near.red() + 30
    assert far.red() > far.green() + 30

    # The catchments draw the same grid: it is there already, nothing is asked.
    toggle_layer(qtbot, win, "catchments")
    assert layers.visible("catchments") and worker.runs == runs + 1 and not analysis.busy
    # Both off: the next run leaves the grid out again.
    toggle_layer(qtbot, win, "walk_heat")
    toggle_layer(qtbot, win, "catchments")
    assert not analysis.grid_wanted
    _generation, result = edit_and_wait(qtbot, win, lambda: win.document.push(
        MoveObjects(win.layout, ["b-b"], 1.0, 0.0)))
    assert result.overlays.grid is None and not result.overlays.grid_made
    assert analysis.complete and not analysis.busy


def test_the_heat_map_switched_on_after_an_edit_shows_the_edited_plan_and_undo_updates_it(aisle_window, qtbot):
    win = aisle_window
    analysis, worker = win.analysis, live_module.shared_worker()
    _generation, result = edit_and_wait(qtbot, win, lambda: win.document.push(
        MoveObjects(win.layout, ["b-b"], -5.0, 0.0)))                  # A-2 now centred on x 25
    assert result.overlays.grid is None
    overlays = switch_and_wait(qtbot, win, "walk_heat")
    grid = overlays.grid
    assert math.isnan(cell(grid, 25.0, 18.0)[0]) and not math.isnan(cell(grid, 30.0, 18.0)[0])
    check_sides(grid)
    assert win.overlays.item("walk_heat").data.grid is grid

    # Undo (Ctrl+Z): one run, whose overlays bring the grid of the plan as it was.
    runs = worker.runs
    win.activateWindow()
    win.view.setFocus()
    generation, result = edit_and_wait(qtbot, win, lambda: qtbot.keyClick(win.view, Qt.Key.Key_Z, CTRL))
    assert win.layout.get("b-b").x == pytest.approx(30)
    assert worker.runs == runs + 1
    grid = result.overlays.grid
    assert grid is not None and win.overlays.item("walk_heat").data.grid is grid
    assert math.isnan(cell(grid, 30.0, 18.0)[0]) and not math.isnan(cell(grid, 25.0, 18.0)[0])
    assert analysis.complete and not analysis.busy and analysis.grid_generation == generation


def test_a_layer_switched_on_while_a_run_goes_gets_the_grid_once_that_run_is_in(aisle_window, qtbot):
    win = aisle_window
    analysis, worker = win.analysis, live_module.shared_worker()
    runs, reports, drawn = worker.runs, count(analysis.finished), count(analysis.overlays_ready)
    win.document.push(MoveObjects(win.layout, ["b-b"], -5.0, 0.0))    # sent at once, without the grid
    assert worker._running is not None and not worker._running.wants.grid
    win.scene.layers.set_visible("catchments", True)
    settle(qtbot, win)
    generation = analysis.generation
    # The run's own overlays first, then the grid asked for alone: one report, two overlays.
    assert reports == [generation] and drawn == [generation, generation] and worker.runs == runs + 2
    grid = win.overlays.data.grid
    assert grid is not None and math.isnan(cell(grid, 25.0, 18.0)[0])
    check_sides(grid)


def test_an_edit_made_while_the_grid_is_on_its_way_brings_the_edited_plans_grid(aisle_window, qtbot):
    win = aisle_window
    analysis = win.analysis
    win.scene.layers.set_visible("walk_heat", True)               # the grid is asked for at once ...
    asked = analysis.generation
    assert live_module.shared_worker()._running.wants.overlays_only
    win.document.push(MoveObjects(win.layout, ["b-b"], -5.0, 0.0))    # ... and is stale before it comes
    assert analysis.generation == asked + 1
    settle(qtbot, win)
    assert win.overlays.generation == analysis.generation
    grid = win.overlays.data.grid
    assert grid is not None and math.isnan(cell(grid, 25.0, 18.0)[0]) and not math.isnan(cell(grid, 30.0, 18.0)[0])


def test_the_grid_asked_for_under_a_scenario_is_of_the_scenario(aisle_window, qtbot):
    win = aisle_window
    win.docks["analysis"].show()
    win.docks["analysis"].raise_()
    check = win.scenarios.gate_boxes["g-north"]
    qtbot.waitExposed(check)
    edit_and_wait(qtbot, win, lambda: qtbot.mouseClick(check, Qt.MouseButton.LeftButton,
                                                       pos=QPoint(8, check.height() // 2)))
    assert check.isChecked() and win.overlays.data.grid is None
    overlays = switch_and_wait(qtbot, win, "catchments")
    # The north gate closed: one exit, and the north of the room walks the length of it to the south gate.
    assert [e.id for e in overlays.exits] == ["g-south"]
    far, exit_far = cell(overlays.grid, 28.0, 38.0)
    assert exit_far == SOUTH and far > 30
    assert set(np.unique(overlays.grid.exit_index)) <= {-1, SOUTH}
    # Open again: the run that follows brings both catchments.
    _generation, result = edit_and_wait(qtbot, win, lambda: qtbot.mouseClick(
        check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2)))
    check_sides(result.overlays.grid)


def test_each_window_makes_the_grid_for_its_own_layers_and_plan(aisle_window, qtbot):
    from planner.ui.main_window import MainWindow

    first = aisle_window
    second = MainWindow(aisle_layout(25.0), None)
    qtbot.addWidget(second)
    second.show()
    wait_current(qtbot, second)
    switch_and_wait(qtbot, first, "walk_heat")
    assert first.analysis.grid_wanted and not second.analysis.grid_wanted
    # An edit in the second window: its overlays still without the grid, the first's kept.
    edit_and_wait(qtbot, second, lambda: second.document.push(MoveObjects(second.layout, ["b-a"], 0.0, 5.0)))
    assert second.overlays.data.grid is None and first.overlays.data.grid is not None
    overlays = switch_and_wait(qtbot, second, "walk_heat")
    assert math.isnan(cell(overlays.grid, 25.0, 18.0)[0]) and not math.isnan(cell(overlays.grid, 30.0, 18.0)[0])
    assert math.isnan(cell(first.overlays.data.grid, 30.0, 18.0)[0])
    second.document.undo_stack.setClean()
    second.close()


def test_a_fresh_worker_asked_for_the_grid_analyses_the_plan_whole(aisle_window, qtbot):
    win = aisle_window
    worker = live_module.shared_worker()
    process = worker._process
    worker.kill()                                                 # the worker that held the analysis is gone
    process.wait(10)
    reports = count(win.analysis.finished)
    overlays = switch_and_wait(qtbot, win, "walk_heat")
    assert reports == [win.analysis.generation]                   # the report made again, then its overlays
    assert overlays.grid is not None
    check_sides(overlays.grid)
    assert win.analysis.complete and not win.analysis.busy


def test_with_live_analysis_off_the_heat_map_still_brings_the_grid_and_f5_that_of_the_edited_plan(
        aisle_window, qtbot):
    win = aisle_window
    analysis = win.analysis
    win.actions["live_analysis"].trigger()                        # analysing while editing: off
    assert not analysis.enabled
    reports = count(analysis.finished)
    overlays = switch_and_wait(qtbot, win, "walk_heat")           # asked for in so many words
    assert reports == [] and overlays.grid is not None
    assert win.analysis_status.busy_label.text() == "Live analysis off (F5 analyses)"
    win.document.push(MoveObjects(win.layout, ["b-b"], -5.0, 0.0))
    assert not analysis.busy                                      # not analysed, nor its grid asked for
    win.activateWindow()
    _generation, result = edit_and_wait(qtbot, win, lambda: qtbot.keyClick(win.view, Qt.Key.Key_F5))
    grid = result.overlays.grid
    assert grid is not None and math.isnan(cell(grid, 25.0, 18.0)[0])
    win.actions["live_analysis"].trigger()
