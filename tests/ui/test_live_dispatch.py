"""When the live analysis sends a plan to its worker: at once when idle, coalesced when busy, whole.

These tests look at the moment a run is sent, not at the clock: an edit
while the worker is idle must be on its way before the edit call returns (no
timer can have fired by then), and a burst of edits made while a run is
going may add one run, not one per edit.
"""

from __future__ import annotations

import copy
import pickle

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from planner.model.edits import Batch, MoveObjects
from planner.solver.analysis import analyse
from planner.ui import analysis as live_module
from tests.ui.helpers import SHIFT, click, move, press, release
from tests.ui.test_live_analysis import aisle_window, rules, wait_current  # noqa: F401 (a fixture)


def sent(worker):
    """The job the worker is running: (window, generation, the layout it was sent)."""
    job = worker._running
    assert job is not None, "no run was sent"
    return job.client, job.generation, pickle.loads(job.payload)


def test_an_edit_while_idle_is_sent_before_the_edit_call_returns(aisle_window, qtbot):
    win = aisle_window
    worker = live_module.shared_worker()
    runs = worker.runs
    assert not win.analysis.busy
    win.document.push(MoveObjects(win.layout, ["b-b"], -5, 0))            # aisle 2 m: an error
    # No event has been handled since the edit: no quiet delay, no timer.
    assert worker.runs == runs + 1
    client, generation, layout = sent(worker)
    assert client is win.analysis and generation == win.analysis.generation
    assert layout.get("b-b").x == pytest.approx(25)
    wait_current(qtbot, win)
    assert rules(win) == [("aisle-too-narrow", ["b-a", "b-b"])]
    assert worker.runs == runs + 1


def test_an_edit_of_several_steps_is_sent_whole_in_one_run(aisle_window, qtbot):
    win = aisle_window
    worker = live_module.shared_worker()
    runs, before = worker.runs, win.analysis.generation
    # A-1 2 m west, A-2 7 m west: the aisle between them is 2 m only once both have moved.
    win.document.push(Batch([MoveObjects(win.layout, ["b-a"], -2, 0), MoveObjects(win.layout, ["b-b"], -7, 0)]))
    assert win.analysis.generation == before + 2                          # two changes ...
    assert worker.runs == runs + 1                                        # ... one run, of both
    _client, generation, layout = sent(worker)
    assert generation == before + 2
    assert (layout.get("b-a").x, layout.get("b-b").x) == pytest.approx((18, 23))
    wait_current(qtbot, win)
    assert rules(win) == [("aisle-too-narrow", ["b-a", "b-b"])]


def test_a_change_outside_the_undo_stack_is_sent_when_the_event_loop_next_runs(aisle_window, qtbot):
    win = aisle_window
    worker = live_module.shared_worker()
    runs = worker.runs
    MoveObjects(win.layout, ["b-b"], -5, 0).apply(win.layout)            # as a script would
    assert worker.runs == runs and win.analysis.busy                     # asked for, not yet sent
    QCoreApplication.sendPostedEvents()                                   # posted events only, no timers
    assert worker.runs == runs + 1
    _client, generation, layout = sent(worker)
    assert generation == win.analysis.generation and layout.get("b-b").x == pytest.approx(25)
    wait_current(qtbot, win)
    assert rules(win) == [("aisle-too-narrow", ["b-a", "b-b"])]


def test_a_burst_of_twenty_nudges_makes_at_most_two_runs_and_shows_the_last(aisle_window, qtbot):
    win = aisle_window
    worker = live_module.shared_worker()
    win.activateWindow()
    click(win.view, 30, 18)                                               # booth A-2
    assert win.selection.ids == ["b-b"]
    runs, notes, dropped = worker.runs, worker.notes, win.analysis.dropped
    started: list[int] = []
    win.analysis.started.connect(lambda: started.append(win.analysis.generation))
    for i in range(20):                                                   # 4 × 1 m, then 16 × 0.1 m west
        qtbot.keyClick(win.view, Qt.Key.Key_Left, SHIFT if i < 4 else Qt.KeyboardModifier.NoModifier)
    assert win.layout.get("b-b").x == pytest.approx(24.4)
    assert win.document.undo_stack.count() == 1                           # one merged undo step
    # The first nudge went at once; the other nineteen wait as one request, and the
    # worker has been told that the run going is out of date.
    assert worker.runs == runs + 1 and len(started) == 2
    assert worker.notes == notes + 1
    wait_current(qtbot, win)
    assert worker.runs <= runs + 2
    assert win.analysis.dropped > dropped                                 # the first run's answer
    expected = analyse(copy.deepcopy(win.layout))
    report = win.analysis.result.report
    assert [(f.rule, f.objects) for f in report.findings] == [(f.rule, f.objects) for f in expected.findings]
    assert rules(win) == [("aisle-too-narrow", ["b-a", "b-b"])]
    assert report.summary["egress_time_s"] == pytest.approx(expected.summary["egress_time_s"])
    assert win.overlays.generation == win.analysis.generation


def test_a_drag_asks_for_one_run_on_release_not_one_per_mouse_move(aisle_window, qtbot):
    win = aisle_window
    worker = live_module.shared_worker()
    runs = worker.runs
    started: list[int] = []
    win.analysis.started.connect(lambda: started.append(win.analysis.generation))
    move(win.view, 30, 18, held=False)
    press(win.view, 30, 18)
    for i in range(1, 21):
        move(win.view, 30 - i * 0.25, 18)
        QCoreApplication.processEvents()                                  # the event loop runs mid-drag
    assert started == [] and worker.runs == runs
    release(win.view, 25, 18)
    assert win.layout.get("b-b").x == pytest.approx(25, abs=0.6)           # where it was dropped (snapped)
    assert len(started) == 1 and worker.runs == runs + 1
    wait_current(qtbot, win)
    assert rules(win) == [("aisle-too-narrow", ["b-a", "b-b"])]
    assert worker.runs == runs + 1


def test_windows_waiting_for_a_busy_worker_take_their_newest_plan_in_turn(aisle_window, qtbot):
    from planner.ui.main_window import MainWindow
    from tests.solver.test_live_job import aisle_layout

    first = aisle_window
    second = MainWindow(aisle_layout(), None)
    qtbot.addWidget(second)
    wait_current(qtbot, second)
    worker = live_module.shared_worker()
    runs = worker.runs
    first.document.push(MoveObjects(first.layout, ["b-b"], -1, 0))          # goes at once
    second.document.push(MoveObjects(second.layout, ["b-b"], -2, 0))        # waits ...
    second.document.push(MoveObjects(second.layout, ["b-b"], -3, 0))        # ... still one request
    assert worker.runs == runs + 1 and sent(worker)[0] is first.analysis
    wait_current(qtbot, first)
    wait_current(qtbot, second)
    assert worker.runs == runs + 2
    assert rules(first) == [] and rules(second) == [("aisle-too-narrow", ["b-a", "b-b"])]
