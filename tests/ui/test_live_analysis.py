"""The live analysis in the editor: runs after edits in a worker process, findings, status, scenarios."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer

from planner.formats import read_layout
from planner.resources import bundled_layout
from planner.solver.analysis import analyse
from planner.ui import analysis as live_module
from tests.solver.test_live_job import aisle_layout
from planner.render.geometry import to_scene
from tests.ui.helpers import CTRL, SHIFT, click, drag

WAIT_MS = 60_000         # the first run starts the worker process; a loaded machine is slow


@pytest.fixture
def aisle_window(qtbot):
    from planner.ui.main_window import MainWindow

    win = MainWindow(aisle_layout(), None)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.view.fit()
    wait_current(qtbot, win)
    return win


def wait_current(qtbot, window):
    """Wait until the report and the overlays shown are those of the layout as it is now."""
    analysis = window.analysis
    while not (analysis.complete and not analysis.busy):
        # The overlays follow the report of the same run, so their signal marks the run's end.
        with qtbot.waitSignal(analysis.overlays_ready, timeout=WAIT_MS):
            pass
    assert analysis.current or analysis.failed_generation == analysis.generation
    return analysis.result


def rules(window) -> list[tuple[str, list[str]]]:
    return [(f.rule, f.objects) for f in window.analysis.result.report.findings]


def shown_findings(window) -> list[str]:
    return [finding.rule for _item, finding in window.findings.findings()]


def edit_and_wait(qtbot, window, do):
    """Do ``do``, wait for its report and then its overlays; returns the report's (generation, result).

    Checks on the way that the report comes first, on its own, and that the
    overlays shown on the canvas are then those of the same run.
    """
    analysis = window.analysis
    order: list[tuple[str, int, bool]] = []

    def on_report(generation, result):
        order.append(("report", generation, result.overlays is None))

    def on_overlays(generation, result):
        order.append(("overlays", generation, result.overlays is not None))

    analysis.finished.connect(on_report)
    analysis.overlays_ready.connect(on_overlays)
    try:
        with qtbot.waitSignal(analysis.finished, timeout=WAIT_MS) as blocker:
            do()
        generation, result = blocker.args
        if analysis.overlays_generation != generation:
            with qtbot.waitSignal(analysis.overlays_ready, timeout=WAIT_MS):
                pass
    finally:
        analysis.finished.disconnect(on_report)
        analysis.overlays_ready.disconnect(on_overlays)
    assert order == [("report", generation, True), ("overlays", generation, True)]
    assert window.overlays.generation == generation and window.overlays.data is result.overlays
    return blocker.args


def test_narrowing_an_aisle_brings_its_finding_and_undo_takes_it_away(aisle_window, qtbot):
    win = aisle_window
    assert rules(win) == []
    assert win.analysis_status.findings_label.text() == "No problems found"
    win.activateWindow()
    click(win.view, 30, 18)                                   # select booth A-2
    assert win.selection.ids == ["b-b"]

    def nudge():
        for _ in range(5):                                    # 5 m west: the aisle is 2 m
            qtbot.keyClick(win.view, Qt.Key.Key_Left, SHIFT)

    generation, result = edit_and_wait(qtbot, win, nudge)
    assert win.layout.get("b-b").x == pytest.approx(25)
    assert generation == win.analysis.generation
    assert [(f.rule, f.objects) for f in result.report.findings] == [("aisle-too-narrow", ["b-a", "b-b"])]
    assert shown_findings(win) == ["aisle-too-narrow"]
    assert win.analysis_status.findings_label.text() == "1 error"
    assert win.analysis_status.findings_label.property("colour") == "#c62828"

    edit_and_wait(qtbot, win, lambda: qtbot.keyClick(win.view, Qt.Key.Key_Z, CTRL))
    assert win.layout.get("b-b").x == pytest.approx(30)
    assert rules(win) == []
    assert shown_findings(win) == []


def test_closing_a_gate_in_the_scenario_panel_changes_the_egress_not_the_layout(aisle_window, qtbot):
    win = aisle_window
    win.docks["analysis"].show()
    win.docks["analysis"].raise_()
    both = win.analysis.result.report.summary["egress_time_s"]
    without = aisle_layout()
    without.gates = [g for g in without.gates if g.id != "g-north"]
    expected = analyse(without).summary["egress_time_s"]
    assert expected > both + 1

    check = win.scenarios.gate_boxes["g-north"]
    qtbot.waitExposed(check)
    _generation, result = edit_and_wait(qtbot, win, lambda: qtbot.mouseClick(check, Qt.MouseButton.LeftButton,
                                                                             pos=QPoint(8, check.height() // 2)))
    assert check.isChecked()
    assert result.report.summary["egress_time_s"] == pytest.approx(expected)
    # The document is untouched: both gates, nothing to undo, not modified.
    assert [g.id for g in win.layout.gates] == ["g-south", "g-north"]
    assert win.document.undo_stack.count() == 0 and not win.document.modified
    assert win.analysis_status.scenario_label.text() == "Scenario: North Gate · 北门 closed"
    assert win.analysis_status.egress_label.text().startswith("Egress ")

    reset = win.scenarios.reset_button
    _generation, result = edit_and_wait(qtbot, win, lambda: qtbot.mouseClick(reset, Qt.MouseButton.LeftButton))
    assert not check.isChecked()
    assert result.report.summary["egress_time_s"] == pytest.approx(both)
    assert win.analysis_status.scenario_label.isHidden()
    # The greyed button hands its focus to nobody in the panel's fields (no jump to the top).
    assert win.focusWidget() not in (win.scenarios.all_visitors, *win.scenarios.zone_boxes.values())


def test_more_visitors_in_the_scenario_slow_the_egress(aisle_window, qtbot):
    win = aisle_window
    both = win.analysis.result.report.summary["egress_time_s"]
    spin = win.scenarios.all_visitors
    _generation, result = edit_and_wait(qtbot, win, lambda: spin.setValue(300))
    assert result.report.summary["peak_visitors"] == 1200
    assert result.report.summary["egress_time_s"] > both
    assert win.layout.zones[0].peak_visitors == 400


def test_a_stale_result_is_dropped(aisle_window, qtbot):
    win = aisle_window
    shown: list[int] = []
    drawn: list[int] = []
    win.analysis.finished.connect(lambda generation, _result: shown.append(generation))
    win.analysis.overlays_ready.connect(lambda generation, _result: drawn.append(generation))
    booth = win.layout.get("b-b")
    from planner.model.edits import MoveObjects

    # The first edit's run is under way when the second edit arrives.
    with qtbot.waitSignal(win.analysis.started, timeout=WAIT_MS):
        win.document.push(MoveObjects(win.layout, ["b-b"], -5, 0))          # aisle 2 m: an error
    first = win.analysis.generation
    with qtbot.waitSignal(win.analysis.finished, timeout=WAIT_MS):
        win.document.push(MoveObjects(win.layout, ["b-b"], 8, 0))           # aisle 10 m: fine
    if not drawn:              # the overlays follow (in the same wake-up when they were quick)
        assert win.analysis.busy and not win.analysis.complete
        with qtbot.waitSignal(win.analysis.overlays_ready, timeout=WAIT_MS):
            pass
    assert booth.x == pytest.approx(33)
    assert shown == [first + 1] and drawn == [first + 1]
    assert win.analysis.dropped >= 1
    assert rules(win) == []
    assert win.overlays.data.narrow_aisles == []                           # the 10 m aisle's, not the 2 m one's
    assert not win.analysis.busy


def test_overlays_that_fail_are_taken_away_and_the_figures_stay(aisle_window, qtbot):
    from planner.solver.live import OVERLAYS

    win = aisle_window
    status = win.analysis_status
    assert win.overlays.data is not None
    before = status.findings_label.text()
    generation = win.analysis.generation
    # The second frame of a run reports a failure (as serve sends it when the overlay data fails).
    with qtbot.waitSignal(win.analysis.failed, timeout=WAIT_MS) as blocker:
        win.analysis._answer(generation, OVERLAYS, False, "ValueError: no grid")
    assert "overlays could not be drawn" in blocker.args[0] and "ValueError: no grid" in blocker.args[0]
    assert win.overlays.data is None and win.overlays.generation == generation
    assert status.busy_label.text() == "No overlays" and "no grid" in status.busy_label.toolTip()
    assert status.findings_label.text() == before                          # the report stands
    assert win.analysis.complete and not win.analysis.busy
    # A stale frame is dropped whatever it says.
    dropped = win.analysis.dropped
    win.analysis._answer(generation - 1, OVERLAYS, False, "ValueError: old")
    assert win.analysis.dropped == dropped + 1 and "old" not in win.analysis.error
    # The next run draws them again.
    edit_and_wait(qtbot, win, win.analysis.rerun)
    assert win.overlays.data is not None
    assert status.busy_label.text() == ""


def test_the_gui_thread_keeps_running_while_the_worker_analyses(qtbot):
    from planner.ui.main_window import MainWindow

    layout = read_layout(bundled_layout("examples/crowded.festival.json"))
    win = MainWindow(layout, None)
    qtbot.addWidget(win)
    win.show()
    wait_current(qtbot, win)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    # The whole run, both halves, from scratch: a new worker, which has kept nothing (a re-run of
    # the same plan would reuse everything and be over in a few milliseconds).
    live_module.stop_worker()
    with qtbot.waitSignal(win.analysis.overlays_ready, timeout=WAIT_MS) as blocker:
        win.analysis.rerun()
    timer.stop()
    seconds = blocker.args[1].seconds
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(gaps) >= 5
    # In the editor's own thread the run would be one gap as long as the run itself.
    assert max(gaps) < seconds / 2


def test_clicking_a_finding_selects_its_objects_and_brings_it_into_view(qtbot):
    from planner.ui.main_window import MainWindow

    win = MainWindow(aisle_layout(25.0), None)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    wait_current(qtbot, win)
    win.docks["findings"].raise_()
    tree = win.findings.tree
    qtbot.waitExposed(tree)
    [(item, finding)] = win.findings.findings()
    assert finding.rule == "aisle-too-narrow" and finding.severity == "error"
    assert item.text(0) == finding.message and "3.0" in finding.message
    assert item.parent().parent().text(0) == "Errors (1)"
    assert win.selection.ids == []
    tree.scrollToItem(item)
    where = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert win.selection.ids == ["b-a", "b-b"]
    centre = win.view.mapToScene(win.view.viewport().rect().center())
    assert centre.x() == pytest.approx(finding.location[0], abs=1.0)
    assert -centre.y() == pytest.approx(finding.location[1], abs=1.0)
    with qtbot.waitSignal(win.findings.properties_requested, timeout=1000):
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_clicking_the_status_summary_shows_the_findings(aisle_window, qtbot):
    win = aisle_window
    dock = win.docks["findings"]
    dock.close()                                              # the planner closed the dock
    assert not win.findings.isVisible()
    qtbot.mouseClick(win.analysis_status, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(win.findings.isVisible, timeout=2000)
    assert dock.isVisible()
    status = win.analysis_status
    assert status.egress_label.text().endswith("/ 8 min")
    assert status.egress_label.property("colour") == "#2e7d32"


def test_one_worker_serves_every_window_and_a_dead_worker_is_replaced(aisle_window, qtbot):
    from planner.model.edits import MoveObjects
    from planner.ui.main_window import MainWindow

    worker = live_module.shared_worker()
    first_pid = worker.process_id
    other = MainWindow(aisle_layout(25.0), None)
    qtbot.addWidget(other)
    wait_current(qtbot, other)
    assert worker.process_id == first_pid
    assert rules(other) == [("aisle-too-narrow", ["b-a", "b-b"])]

    # The worker dies mid-run: the window says so in plain words.
    win = aisle_window
    with qtbot.waitSignal(win.analysis.started, timeout=WAIT_MS):
        win.document.push(MoveObjects(win.layout, ["b-b"], -5, 0))
    with qtbot.waitSignal(win.analysis.failed, timeout=WAIT_MS) as blocker:
        worker.kill()
    assert "stopped unexpectedly" in blocker.args[0]
    assert win.analysis_status.findings_label.text() == "Analysis failed"
    # The next change is analysed by a new worker.
    _generation, result = edit_and_wait(qtbot, win, win.analysis.rerun)
    assert worker.process_id not in (None, first_pid)
    assert [(f.rule, f.objects) for f in result.report.findings] == [("aisle-too-narrow", ["b-a", "b-b"])]


def test_a_closed_window_stops_following_and_stopping_the_worker_leaves_no_process(aisle_window, qtbot):
    from planner.model.edits import MoveObjects

    win = aisle_window
    layout = win.layout
    worker = live_module.shared_worker()
    process = worker._process
    assert process is not None and process.poll() is None
    win.close()
    generation = win.analysis.generation
    MoveObjects(layout, ["b-b"], -1, 0).apply(layout)        # no longer reaches the closed window
    assert win.analysis.generation == generation and not win.analysis.busy
    live_module.stop_worker()
    assert process.poll() is not None                        # reaped: no zombie left behind
    assert live_module._worker is None


def test_analysis_while_editing_can_be_turned_off_and_f5_still_analyses(aisle_window, qtbot):
    from planner.model.edits import MoveObjects

    win = aisle_window
    toggle = win.actions["live_analysis"]
    assert toggle.isChecked() and toggle in win.menus["view"].actions()
    toggle.trigger()                                          # off, and remembered
    assert not win.analysis.enabled and not live_module.live_enabled()
    assert win.analysis_status.busy_label.text() == "Live analysis off (F5 analyses)"
    win.document.push(MoveObjects(win.layout, ["b-b"], -5, 0))
    assert not win.analysis.busy and not win.analysis.current
    assert rules(win) == []                                   # still the result from before the edit
    win.activateWindow()
    _generation, result = edit_and_wait(qtbot, win, lambda: qtbot.keyClick(win.view, Qt.Key.Key_F5))
    assert [(f.rule, f.objects) for f in result.report.findings] == [("aisle-too-narrow", ["b-a", "b-b"])]
    toggle.trigger()
    assert win.analysis.enabled and live_module.live_enabled()


def test_clicking_a_rule_or_severity_row_selects_all_its_objects(qtbot):
    from planner.model import Booth
    from planner.ui.main_window import MainWindow

    layout = aisle_layout(25.0)                                # a 2 m aisle at y 18 ...
    layout.booths += [Booth(id="b-c", number="C-1", x=20, y=30), Booth(id="b-d", number="C-2", x=25, y=30)]
    layout.reindex()                                           # ... and another at y 30
    win = MainWindow(layout, None)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    wait_current(qtbot, win)
    win.docks["findings"].raise_()
    tree = win.findings.tree
    qtbot.waitExposed(tree)
    assert [f.objects for _i, f in win.findings.findings()] == [["b-a", "b-b"], ["b-c", "b-d"]]
    errors = tree.topLevelItem(0)
    rule = errors.child(0)
    assert errors.text(0) == "Errors (2)" and rule.text(0) == "Aisle too narrow (2)"
    assert rule.toolTip(0) == "aisle-too-narrow"
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(rule).center())
    assert sorted(win.selection.ids) == ["b-a", "b-b", "b-c", "b-d"]
    # Both aisles are in view.
    shown = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    for x, y in ((22.5, 18), (22.5, 30)):
        assert shown.contains(to_scene(x, y))
    # A finding picks its own two; the severity row all four again.
    first = rule.child(0)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(first).center())
    assert sorted(win.selection.ids) == ["b-a", "b-b"]
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(errors).center())
    assert sorted(win.selection.ids) == ["b-a", "b-b", "b-c", "b-d"]


def test_the_status_summary_keeps_its_size_whatever_it_shows(aisle_window, qtbot):
    """A new result, a Chinese name under the cursor or a drag never resizes the status bar or the window."""
    from planner.model.edits import MoveObjects

    win = aisle_window
    status, bar = win.analysis_status, win.statusBar()
    size, hint, height = win.size(), status.sizeHint(), bar.sizeHint().height()
    assert status.findings_label.text() == "No problems found"
    edit_and_wait(qtbot, win, lambda: win.document.push(MoveObjects(win.layout, ["b-b"], -5, 0)))
    assert status.findings_label.text() == "1 error"
    assert status.sizeHint() == hint
    win.status.show_cursor(22.0, 18.0, [win.layout.zones[0]])  # "Zone Market · 市集" under the cursor
    assert "市集" in win.status.object_label.text()
    assert bar.sizeHint().height() == height
    # A whole drag with the analysis answering during it.
    drag(win.view, [(25, 18), (31, 18)], steps=6)
    assert win.selection.ids == ["b-b"]
    assert win.layout.get("b-b").x > 27                      # moved east (snapped to the grid)
    wait_current(qtbot, win)
    assert win.size() == size and status.sizeHint() == hint and bar.sizeHint().height() == height


def test_the_worker_ignores_a_planner_folder_where_the_editor_was_started(aisle_window, qtbot, tmp_path,
                                                                            monkeypatch):
    from planner.model.edits import MoveObjects

    stranger = tmp_path / "planner"
    (stranger / "solver").mkdir(parents=True)
    (stranger / "__init__.py").write_text("raise ImportError('another copy of the planner')\n")
    (stranger / "solver" / "__init__.py").write_text("")
    monkeypatch.chdir(tmp_path)
    live_module.stop_worker()                        # the next run starts a worker from here
    win = aisle_window
    _generation, result = edit_and_wait(qtbot, win, lambda: win.document.push(
        MoveObjects(win.layout, ["b-b"], -5, 0)))
    assert [(f.rule, f.objects) for f in result.report.findings] == [("aisle-too-narrow", ["b-a", "b-b"])]


def test_every_rule_has_a_name_for_the_findings_panel():
    from planner.render.names import RULE
    from planner.solver.rules import RULE_ORDER

    assert sorted(RULE) == sorted(RULE_ORDER)


@pytest.mark.parametrize("density, los, colour", [(0.5, "C", "#2e7d32"), (1.61, "E", "#b26a00"),
                                                  (1.9, "F", "#b26a00"), (2.5, "F", "#c62828")])
def test_the_density_figure_is_coloured_as_the_findings_judge_it(aisle_window, density, los, colour):
    """A newcomer saw 'Density 1.61 p/m² (LOS E)' in green beside a zone-crowded warning: a
    crowded level of service is amber even well under the limit (2 p/m²), and red over it."""
    from types import SimpleNamespace

    status = aisle_window.analysis_status
    zone = aisle_window.document.layout.zones[0]
    status._show_density(SimpleNamespace(zones=[{"id": zone.id, "name": zone.name, "density": density,
                                                 "los": los}]), 2.0)
    assert status.density_label.text().endswith(f"(LOS {los})")
    assert status.density_label.property("colour") == colour


def test_a_figure_with_no_room_takes_the_less_important_ones_with_it(aisle_window, qtbot):
    """In a narrow status bar the figures step aside from the least important up: the
    egress time never goes while the flow, a lesser figure, stays (seen at 1,400 px)."""
    status = aisle_window.analysis_status
    labels = status._labels_by_priority()
    for width in range(150, status.sizeHint().width() + 40, 7):
        status.resize(width, status.height())
        status._fit()
        shown = [not lb.isHidden() for lb in labels if status._wanted(lb)]
        # What shows is always a run of the most important figures, then nothing.
        assert shown == sorted(shown, reverse=True), (width, shown)
    status.resize(status._width_of(status.findings_label) + status._width_of(status.busy_label) + 40,
                  status.height())
    status._fit()
    assert status.egress_label.isHidden() and status.flow_label.isHidden()
