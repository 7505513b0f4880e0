"""The live analysis's worker process: starting it, feeding it, reading its answers, and its queue.

The analysis holds Python's GIL for seconds on a large plan, so it runs in a
child process (``python -m planner.solver.live``), never in a thread of the
editor. This module is that plumbing: one ``_Worker`` per application keeps
the process, the windows waiting for it (one request each) and the run
going; two threads only wait on the pipes, so the editor never blocks on a
full pipe while the worker is still importing; the answers come back to the
editor's thread as a queued signal. What a window asks for, and what it does
with the answers, is ``planner.ui.analysis.LiveAnalysis``.
"""

from __future__ import annotations

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
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Qt, Signal

import planner
from planner import i18n
from planner.solver import live
from planner.solver.live import Scenario, Wants

if TYPE_CHECKING:
    from planner.ui.analysis import LiveAnalysis

STOP_WAIT_S = 2.0              # a worker asked to stop gets this long before it is killed
CANCEL_AFTER_S = 1.0           # a closed window's run going longer than this is abandoned
PACKAGE_ROOT = str(Path(planner.__file__).resolve().parent.parent)


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


__all__ = ["CANCEL_AFTER_S", "PACKAGE_ROOT", "STOP_WAIT_S"]
