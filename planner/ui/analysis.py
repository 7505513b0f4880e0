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
"""

from __future__ import annotations

import atexit
import itertools
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal

import planner
from planner import i18n
from planner.model.layout import Change, Layout
from planner.solver import live
from planner.solver.live import LiveResult, Scenario, Wants
from planner.ui.document import Document

STOP_WAIT_S = 2.0              # a worker asked to stop gets this long before it is killed
CANCEL_AFTER_S = 1.0           # a closed window's run going longer than this is abandoned
ENABLED_KEY = "analysis/live"
PACKAGE_ROOT = str(Path(planner.__file__).resolve().parent.parent)


def live_enabled() -> bool:
    """Whether the editor analyses the layout as it changes (a preference, on unless turned off)."""
    return bool(QSettings().value(ENABLED_KEY, True, bool))


def set_live_enabled(on: bool) -> None:
    QSettings().setValue(ENABLED_KEY, bool(on))


@dataclass
class _Job:
    client: LiveAnalysis | None
    generation: int
    payload: bytes
    scenario: Scenario
    wants: Wants = Wants()
    sent_at: float = 0.0
    stale: bool = False        # the worker has been told its window has a newer plan


class _Worker(QObject):
    """The worker process and the queue of windows waiting for it (one per application).

    A waiting window is asked for its layout only when its run starts, so the
    layout sent is the newest and a burst of edits costs no copies.
    """

    _arrived = Signal()            # emitted by the reading thread: an answer is in the inbox

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: subprocess.Popen | None = None
        self._outbox: queue.Queue | None = None
        self._inbox: queue.Queue | None = None
        self._threads: list[threading.Thread] = []
        self._running: _Job | None = None
        self._pending: OrderedDict[int, LiveAnalysis] = OrderedDict()    # by window key, longest waiting first
        self.runs = 0                          # jobs sent (for tests and benchmarks)
        self.notes = 0                         # runs the worker was told were stale
        # The thread reading the worker's answers wakes this one up for each (a queued signal,
        # so the answer is handled in the editor's thread as soon as it is free).
        self._arrived.connect(self._check, Qt.ConnectionType.QueuedConnection)
        self.restarts = 0

    # -- queue ---------------------------------------------------------------------------------
    def submit(self, client: LiveAnalysis) -> bool:
        """Analyse ``client``'s layout: at once when the worker is idle, else after the runs before it.

        Returns False when the window was already waiting (its run will take
        the layout as it is when it starts).
        """
        job = self._running
        if job is not None and job.client is client and not job.stale and job.generation < client.generation:
            # Whatever it still sends would be dropped: the worker gives it up, the newer plan starts sooner.
            job.stale = True
            self.notes += 1
            self._outbox.put((live.STALE, client.key, job.generation))
        if client.key in self._pending:
            return False
        self._pending[client.key] = client
        self._dispatch()
        return True

    def forget(self, client: LiveAnalysis, *, cancel: bool = True) -> None:
        """A closing window's waiting request is dropped; its running one finishes unseen.

        A run that has already taken a while is of a large plan: a fresh worker is started
        sooner than that run would end, so the other windows do not wait for it.
        """
        self._pending.pop(client.key, None)
        job = self._running
        if job is not None and job.client is client:
            job.client = None
            if cancel and time.monotonic() - job.sent_at > CANCEL_AFTER_S:
                self._running = None
                self._drop_process()
                self._dispatch()

    def busy_with(self, client: LiveAnalysis) -> bool:
        return client.key in self._pending or (self._running is not None and self._running.client is client)

    def _dispatch(self) -> None:
        if self._running is not None or not self._pending:
            return
        _key, client = self._pending.popitem(last=False)
        job = client._job()
        self._start_process()
        self._running = job
        self.runs += 1
        job.sent_at = time.monotonic()
        self._outbox.put((job.generation, job.payload, job.scenario, job.client.key, i18n.language(), job.wants))

    # -- the process -------------------------------------------------------------------------------
    @property
    def process_id(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _start_process(self) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        self._drop_process()
        # A plain child process running ``python -m planner.solver.live``: unlike
        # multiprocessing's spawn it never re-imports the editor's own main script.
        # The worker finds this very planner package even when it was not installed, and runs
        # in the folder that holds it: ``-m`` looks in the working folder first, and the editor
        # may have been started beside another copy of the sources.
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (PACKAGE_ROOT, env.get("PYTHONPATH", "")) if p)
        process = subprocess.Popen([sys.executable, "-m", "planner.solver.live"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, close_fds=True, env=env,
                                   cwd=PACKAGE_ROOT)
        self._process = process
        # Sending and receiving happen in threads that only wait on the pipes (no GIL held while
        # waiting): a large plan may not fit the pipe while the new worker is still importing.
        self._outbox, self._inbox = queue.Queue(), queue.Queue()
        self._threads = [
            threading.Thread(target=_send_all, args=(process.stdin, self._outbox), daemon=True,
                             name="planner-analysis-sender"),
            threading.Thread(target=_read_all, args=(process.stdout, self._inbox, self._arrived.emit),
                             daemon=True, name="planner-analysis-reader"),
        ]
        for thread in self._threads:
            thread.start()

    def _check(self) -> None:
        while self._process is not None and self._running is not None:
            try:
                answer = self._inbox.get_nowait()
            except queue.Empty:
                return
            if answer is None:                     # the worker's output ended: it has died
                self._lost()
                return
            generation, phase, ok, value = answer
            job = self._running
            if live.last_frame(phase, ok):
                # The job runs until its last frame: only then may the next one go.
                self._running = None
            if job.client is not None:
                job.client._answer(generation, phase, ok, value)
            if self._running is None:
                self._dispatch()
                return

    def _lost(self) -> None:
        """The worker died mid-run: tell its window, start afresh for whoever waits."""
        process = self._process
        if process is not None:
            try:
                process.wait(STOP_WAIT_S)
            except subprocess.TimeoutExpired:
                pass
        code = process.returncode if process is not None else None
        job, self._running = self._running, None
        self._drop_process()
        self.restarts += 1
        if job is not None and job.client is not None:
            job.client._lost(code, job.generation)
        self._dispatch()

    def _drop_process(self, grace_s: float = 0.0) -> None:
        process = self._process
        if self._outbox is not None:
            self._outbox.put(None)             # the sender sends None (stop) and closes stdin
        if process is not None:
            try:
                process.wait(grace_s)
            except subprocess.TimeoutExpired:
                pass
            if process.poll() is None:
                process.kill()
            try:
                process.wait(STOP_WAIT_S)
            except subprocess.TimeoutExpired:
                pass
            if process.stdout is not None:
                process.stdout.close()
        for thread in self._threads:
            thread.join(STOP_WAIT_S)
        self._process, self._outbox, self._inbox, self._threads = None, None, None, []

    def kill(self) -> None:
        """End the worker process now (as if it had crashed); for tests of the recovery."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()

    def shutdown(self) -> None:
        """Ask the worker to stop, kill it if it does not stop at once, and reap it (no zombie)."""
        self._pending.clear()
        self._running = None
        self._drop_process(grace_s=0.5)


def _send_all(stream: Any, outbox: queue.Queue) -> None:
    while True:
        message = outbox.get()
        try:
            live.write_frame(stream, message)
        except (OSError, ValueError):
            break
        if message is None:
            break
    try:
        stream.close()
    except OSError:
        pass


def _read_all(stream: Any, inbox: queue.Queue, wake: Callable[[], None]) -> None:
    while True:
        try:
            inbox.put(live.read_frame(stream))
        except (EOFError, OSError, ValueError, pickle.UnpicklingError):
            inbox.put(None)
            _wake(wake)
            return
        _wake(wake)


def _wake(wake: Callable[[], None]) -> None:
    try:
        wake()
    except RuntimeError:           # the application, and its worker object, have gone
        pass


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


__all__ = ["LiveAnalysis", "live_enabled", "set_live_enabled", "shared_worker", "stop_worker"]
