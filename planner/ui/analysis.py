"""Live crowd-flow analysis: the open layout is analysed again after every change.

The analysis takes seconds on a large plan and holds Python's GIL, so it
runs in a separate worker process, never in a thread of the editor: the
canvas keeps drawing at full speed while it works. One worker serves every
window of the application; it is started on first use and keeps its imports
and caches (an incremental analyser per window) between runs.

* A change while the worker is idle starts a run at once, as soon as the
  edit is whole (the undo stack reports the step done; else when the event
  loop next runs, e.g. for a scenario): no waiting for the layout to go quiet.
* A change while the worker is busy waits as one request per window (the
  windows waiting go in turn), which takes the layout as it is when its run
  starts: a burst of edits never queues runs. The run going, now stale, is
  told so; the worker gives it up at its next step (or skips its overlays),
  so after a burst the result comes about one analysis after the last edit.
  A drag changes the layout once, on release.
* Each run carries the window's *generation* (a count of changes); a result
  for an older generation is dropped, so the panels never show a plan that
  is no longer on screen.
* A run answers twice: the report (``finished``: findings, status summary)
  as soon as the analysis is done, then the overlay data (``overlays_ready``).
  The run counts as going until the second answer; the canvas keeps the
  previous overlays until then.
* The walking-time grid (heat map, exit catchments: the overlays' costly part)
  is made only while one of those layers is shown. Switched on, it is asked
  for at once: the worker makes the overlays again from the analysis it kept.
* If the worker dies, the window is told in plain words and the next change
  starts a fresh worker.

The worker process itself, its pipes and its queue are in
``planner.ui.analysis_worker``.
"""

from __future__ import annotations

import atexit
import itertools
import pickle
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal

from planner.model.layout import Change, Layout
from planner.solver import live
from planner.solver.live import LiveResult, Scenario, Wants
from planner.ui.analysis_worker import CANCEL_AFTER_S, PACKAGE_ROOT, STOP_WAIT_S, _Job, _Worker
from planner.ui.document import Document

ENABLED_KEY = "analysis/live"


def live_enabled() -> bool:
    """Whether the editor analyses the layout as it changes (a preference, on unless turned off)."""
    return bool(QSettings().value(ENABLED_KEY, True, bool))


def set_live_enabled(on: bool) -> None:
    QSettings().setValue(ENABLED_KEY, bool(on))


_worker: _Worker | None = None


def shared_worker() -> _Worker:
    """The application's worker (created on first use, stopped when the application quits)."""
    global _worker
    if _worker is None:
        app = QCoreApplication.instance()
        _worker = _Worker(app)
        if app is not None:
            app.aboutToQuit.connect(stop_worker)
    return _worker


def stop_worker() -> None:
    global _worker
    worker, _worker = _worker, None
    if worker is not None:
        worker.shutdown()


atexit.register(stop_worker)

_ids = itertools.count(1)


class LiveAnalysis(QObject):
    """Keeps the analysis of one window's layout current.

    ``finished(generation, result)`` carries a ``planner.solver.live.LiveResult``
    as soon as the report is ready: ``result.report`` is a
    ``planner.solver.report.Report`` object (``result.report_json`` gives its
    JSON dict) and ``result.overlays`` is still None. ``overlays_ready(generation,
    result)`` follows with the same result, its ``overlays`` now the canvas
    overlay data. Both are only emitted for the current generation; a failure
    of either half emits ``failed`` (``failed_phase`` tells which).
    """

    started = Signal()                    # a run was asked for (it starts at once when the worker is idle)
    finished = Signal(int, object)        # generation, LiveResult (the report)
    overlays_ready = Signal(int, object)  # generation, LiveResult (now with its overlays)
    failed = Signal(str)
    scenario_changed = Signal(object)  # Scenario
    enabled_changed = Signal(bool)
    _asked = Signal()                     # queued to itself: the run is asked for once the edit is whole

    def __init__(self, document: Document, parent: QObject | None = None, *, enabled: bool | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.key = next(_ids)
        self.generation = 0
        self.result: LiveResult | None = None
        self.result_generation = -1
        self.overlays_generation = -1          # the generation of the overlays last delivered
        self.failed_generation = -1            # the generation whose run failed last
        self.grid_generation = -1              # the generation of the overlays last delivered with the grid
        self.error = ""
        self.failed_phase = ""                 # live.REPORT or live.OVERLAYS when ``error`` is set
        self.dropped = 0                       # stale results thrown away (for tests and benchmarks)
        self.scenario = Scenario()
        self._enabled = live_enabled() if enabled is None else enabled
        self._wanted = False                   # a run of the newest generation is wanted, not yet sent
        self._grid = False                     # runs make the walking-time grid (a layer shows it)
        self._asking = False                   # ``_asked`` is on its way
        self._asked.connect(self._submit, Qt.ConnectionType.QueuedConnection)
        self._followed: Layout | None = None
        self._detached = False
        document.layout_replaced.connect(self._follow)
        document.undo_stack.indexChanged.connect(self._step_done)
        self._follow(document.layout)

    # -- state -----------------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, on: bool) -> None:
        if on == self._enabled:
            return
        self._enabled = on
        self.enabled_changed.emit(on)
        if on:
            self.generation += 1
            self.schedule()
        else:
            self._wanted = False
            if _worker is not None:
                _worker.forget(self, cancel=False)

    def switch(self, on: bool) -> None:
        """View → Analyse While Editing: turn the live analysis on or off, remembered for next time."""
        set_live_enabled(on)
        self.set_enabled(on)

    @property
    def grid_wanted(self) -> bool:
        return self._grid

    def set_grid_wanted(self, on: bool) -> None:
        """Make the walking-time grid or not: on while the heat map or the catchments are shown.

        The grid is the overlays' costly part. Switched on, that of the plan on
        screen is asked for at once; switched off, the next runs leave it out.
        """
        if on == self._grid:
            return
        self._grid = on
        if on:
            self._ask_grid()

    def _grid_missing(self) -> bool:
        """The overlays shown are the plan's on screen, but without the grid wanted."""
        return (self._grid and not self._detached and self.failed_generation != self.generation
                and self.result_generation == self.generation and self.overlays_generation == self.generation
                and self.grid_generation != self.generation)

    def _ask_grid(self) -> None:
        """The overlays again with the grid, for the report on screen (even while live analysis is off:
        a layer was switched on). A run going for this plan asks once its overlays are in."""
        if self._grid_missing() and shared_worker().submit(self):
            self.started.emit()

    @property
    def busy(self) -> bool:
        """A run for the layout on screen is waiting, going (either half), or about to start."""
        if self._wanted:
            return True
        return _worker is not None and _worker.busy_with(self) and not self.complete

    @property
    def current(self) -> bool:
        """The report shown is for the layout as it is now."""
        return self.result is not None and self.result_generation == self.generation

    @property
    def complete(self) -> bool:
        """The report and the overlays shown are both for the layout as it is now (or its run failed)."""
        return self.failed_generation == self.generation or (
            self.result_generation == self.generation and self.overlays_generation == self.generation
            and (not self._grid or self.grid_generation == self.generation))

    # -- following the document --------------------------------------------------------------------
    def _follow(self, layout: Layout) -> None:
        if self._followed is not None:
            self._followed.unsubscribe(self._changed)
        self._followed = layout
        layout.subscribe(self._changed)
        self.generation += 1
        self.schedule()

    def _changed(self, _change: Change) -> None:
        self.generation += 1
        self.schedule()

    # -- running ----------------------------------------------------------------------------------
    def schedule(self) -> None:
        """Analyse the layout as it is once the current event has been handled (when analysing as one edits)."""
        if self._enabled:
            self._ask()

    def rerun(self) -> None:
        """Analyse again now (View → Re-run Analysis), even while analysing as one edits is off."""
        self.generation += 1
        self._ask()

    def set_scenario(self, scenario: Scenario) -> None:
        """Analyse a changed copy of the layout from now on (never the document itself)."""
        if scenario == self.scenario:
            return
        self.scenario = scenario
        self.scenario_changed.emit(scenario)
        self.generation += 1
        # Asked for in so many words, so it runs even while analysing as one edits is off.
        self._ask()

    def _ask(self) -> None:
        """Want a run of the newest generation, asked for from the event loop.

        Not at once: an edit of several steps (a batch) tells its listeners
        step by step, and the layout goes to the worker only when it is whole.
        A queued signal, not a timer: it is handled as soon as the current
        event is, and many changes in one event make one request.
        """
        if self._detached:
            return
        self._wanted = True
        if not self._asking:
            self._asking = True
            self._asked.emit()

    def _step_done(self, _index: int) -> None:
        """An undo step has been done, undone or redone whole: its run need not wait for the event loop."""
        if self._asking:
            self._submit()

    def _submit(self) -> None:
        self._asking = False
        if self._detached or not self._wanted:
            return
        if shared_worker().submit(self):
            self.started.emit()

    def _job(self) -> _Job:
        """The run the worker starts now: the layout and scenario as they are at this moment.

        Only the overlays again when the report on screen is of this plan (the
        grid was asked for); the layout goes along all the same, for a worker
        that no longer holds that analysis (started afresh) to run it whole.
        """
        again = not self._wanted and self.result_generation == self.generation \
            and self.failed_generation != self.generation
        self._wanted = False
        payload = pickle.dumps(self.document.layout, protocol=pickle.HIGHEST_PROTOCOL)
        return _Job(self, self.generation, payload, self.scenario, Wants(grid=self._grid, overlays_only=again))

    def _answer(self, generation: int, phase: str, ok: bool, value: Any) -> None:
        """One frame of a run: the report (``live.REPORT``) or then its overlays (``live.OVERLAYS``)."""
        if self._detached:
            return
        if generation != self.generation:
            self.dropped += 1                       # a newer plan is on screen (or on its way)
            return
        if not ok:
            self.failed_phase, self.failed_generation = phase, generation
            if phase == live.OVERLAYS:
                self.error = self.tr("The analysis overlays could not be drawn: {error}").format(error=value)
            else:
                self.error = self.tr("The analysis could not finish: {error}").format(error=value)
            self.failed.emit(self.error)
        elif phase == live.REPORT:
            self.result, self.result_generation, self.error, self.failed_phase = value, generation, "", ""
            if self.overlays_generation == generation:      # made again whole: its overlays follow
                self.overlays_generation = -1
            self.finished.emit(generation, value)
        elif self.result is not None and self.result_generation == generation and value[0] is not None:
            live.add_overlays(self.result, *value)
            self.overlays_generation = generation
            if getattr(value[0], "grid_made", False):
                self.grid_generation = generation
            self.overlays_ready.emit(generation, self.result)
            self._ask_grid()             # a layer that shows the grid was switched on during the run

    def _lost(self, exit_code: int | None, generation: int = -1) -> None:
        """The worker died running ``generation``: after its report, only the overlays are missing."""
        if self._detached:
            return
        self.failed_phase = live.OVERLAYS if generation == self.result_generation else live.REPORT
        if generation == self.generation:
            self.failed_generation = generation
        self.error = self.tr("The analysis stopped unexpectedly (worker exit code {code}); it starts "
                             "again with the next change.").format(code=exit_code)
        self.failed.emit(self.error)

    def detach(self) -> None:
        """The window is closing: stop listening and drop this window's requests."""
        if self._detached:
            return
        self._detached = True
        self._wanted = False
        if self._followed is not None:
            self._followed.unsubscribe(self._changed)
            self._followed = None
        if _worker is not None:
            _worker.forget(self)


__all__ = ["CANCEL_AFTER_S", "ENABLED_KEY", "PACKAGE_ROOT", "STOP_WAIT_S", "LiveAnalysis",
           "live_enabled", "set_live_enabled", "shared_worker", "stop_worker"]
