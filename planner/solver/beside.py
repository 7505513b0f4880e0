"""The capacity network and the narrow passages, made in a second process beside the analysis.

Both are made from W alone while the analysis works out the router and the
nearest exits on N. In a second thread they would share Python's lock with
that work, and on a West Lake edit each would wait for the other about half
the time: the editor's worker hands them to a process of its own instead,
``python -m planner.solver.beside``, talking over its pipes as the worker
talks with the editor (planner/solver/frames.py).

Only W, the visitor points, the gates, the settings and the booths' open
sides go over (a few tens of kilobytes); the network comes back pickled.
Jobs are answered in turn. Before each job the process reads what else has
come: a job of an older run than one waiting is stale (the editor gave that
run up) and is skipped, so the next run does not wait for it. If the process
cannot start or dies, the analysis makes both pieces itself, as it does
without one; when the worker goes, the process sees its input end and leaves.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any, BinaryIO

import numpy as np
from shapely.geometry.base import BaseGeometry

from planner.model.layout import Gate, Settings
from planner.solver.frames import read_frame, waiting, write_frame

READY, DONE, FAILED, STALE = "ready", "done", "failed", "stale"
NICEST = 19               # the process's CPU priority (POSIX niceness): below the worker's own


@dataclass
class _LayoutPart:
    """The part of a layout the network and the passages read."""

    gates: list[Gate]
    settings: Settings


@dataclass
class _AreasPart:
    walkable: BaseGeometry


class Stale(Exception):
    """A job of a run given up: skipped."""


class Gone(Exception):
    """The second process is not there (it could not start, or it died)."""


def network_job(gates: list[Gate], settings: Settings, walkable: BaseGeometry, points: np.ndarray) -> Any:
    from planner.solver.flow import build_network

    return build_network(_LayoutPart(gates, settings), _AreasPart(walkable), points)  # type: ignore[arg-type]


def passages_job(settings: Settings, walkable: BaseGeometry, fronts: np.ndarray) -> Any:
    from planner.solver.walkable import narrow_passages

    return narrow_passages(_AreasPart(walkable), _LayoutPart([], settings), fronts)  # type: ignore[arg-type]


JOBS = {"network": network_job, "passages": passages_job}


class Beside:
    """The second process and its jobs; one per analysing process.

    ``network`` and ``passages`` return a reply whose ``result()`` gives the
    piece, or raises ``Gone``; they return None while the process is still
    starting or could not start: the caller then makes the piece itself.

    A thread of its own reads every answer as soon as it comes, so the
    process never waits to write one (a network is a few hundred kilobytes,
    more than a pipe holds) while this side waits to write it a job.
    """

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._lock = threading.Condition()
        self._ready = False
        self._ended = False
        self._run = 0
        self._sent = 0
        self._first = 1                # the first job of the run going: older answers are dropped
        self._answers: dict[int, tuple[str, Any]] = {}
        self.failed = False
        self.sent = 0                 # jobs sent to the process (for benchmarks and tests)

    def start(self) -> None:
        """Start the process in the background (it imports the solver, about half a second)."""
        if self._process is not None or self.failed:
            return
        try:
            self._process = subprocess.Popen([sys.executable, "-m", "planner.solver.beside"],
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
        except OSError:
            self.failed = True
            return
        threading.Thread(target=self._read, args=(self._process.stdout,), name="second process answers",
                         daemon=True).start()

    def _read(self, stream: BinaryIO) -> None:
        while True:
            try:
                number, outcome, value = read_frame(stream)
            except Exception:  # noqa: BLE001 - the process ended or said something unreadable
                with self._lock:
                    self._ended = True
                    self._lock.notify_all()
                return
            with self._lock:
                if number == 0:
                    self._ready = outcome == READY
                elif number >= self._first:
                    self._answers[number] = (outcome, value)
                self._lock.notify_all()

    @property
    def ready(self) -> bool:
        """Whether the process has started and said so (never waits)."""
        if self._ended and not self.failed:
            self._give_up()
        return self._ready and not self.failed

    def new_run(self) -> int:
        """A new run starts: the jobs of earlier ones are stale from now on, and their
        answers are dropped."""
        with self._lock:
            self._run += 1
            self._first = self._sent + 1
            self._answers.clear()
        return self._run

    def network(self, run: int, layout: Any, walkable: BaseGeometry, points: np.ndarray) -> Reply | None:
        return self._send(run, "network", (list(layout.gates), layout.settings, walkable, points))

    def passages(self, run: int, layout: Any, walkable: BaseGeometry, fronts: np.ndarray) -> Reply | None:
        return self._send(run, "passages", (layout.settings, walkable, fronts))

    def _send(self, run: int, kind: str, args: tuple) -> Reply | None:
        if not self.ready:
            return None
        self._sent += 1
        try:
            write_frame(self._process.stdin, (self._sent, run, kind, args))     # type: ignore[union-attr, arg-type]
        except (OSError, ValueError):
            self._give_up()
            return None
        self.sent += 1
        return Reply(self, self._sent)

    def answer(self, number: int) -> Any:
        """The answer to job ``number``, waiting for it."""
        with self._lock:
            while number not in self._answers and not self._ended:
                self._lock.wait()
            found = self._answers.pop(number, None)
        if found is None:
            self._give_up()
            raise Gone()
        outcome, value = found
        if outcome == DONE:
            return value
        if outcome == STALE:
            raise Stale()
        raise RuntimeError(value)

    def _give_up(self) -> None:
        self.failed = True
        self._ready = False
        process, self._process = self._process, None
        if process is not None:
            try:
                process.stdin.close()                      # type: ignore[union-attr]
            except OSError:
                pass
            if process.poll() is None:
                process.kill()
            process.wait()

    def close(self) -> None:
        """Let the process go (it leaves once its input ends)."""
        process, self._process = self._process, None
        self._ready = False
        if process is not None:
            try:
                process.stdin.close()                      # type: ignore[union-attr]
                process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                process.kill()
                process.wait()

    def pid(self) -> int | None:
        """The process' id once it runs (for tests)."""
        return self._process.pid if self._process is not None else None


class Reply:
    """A job's answer to come: ``result()`` waits for it."""

    def __init__(self, beside: Beside, number: int) -> None:
        self.beside, self.number = beside, number

    def result(self) -> Any:
        return self.beside.answer(self.number)


def serve(inbox: BinaryIO, outbox: BinaryIO) -> None:
    """Answer each job read from ``inbox`` on ``outbox`` in turn, until the input ends.

    A job ``(number, run, kind, args)`` is answered ``(number, outcome, value)``;
    one whose run is older than a job already waiting is answered STALE.
    """
    ahead: deque = deque()
    while True:
        if not ahead:
            try:
                ahead.append(read_frame(inbox))
            except (EOFError, OSError):
                return
        while waiting(inbox):
            try:
                ahead.append(read_frame(inbox))
            except (EOFError, OSError):
                return
        number, run, kind, args = ahead.popleft()
        if any(later[1] > run for later in ahead):
            answer: tuple = (number, STALE, None)
        else:
            try:
                answer = (number, DONE, JOBS[kind](*args))
            except Exception as exc:  # noqa: BLE001 - sent back, where the analysis raises it
                answer = (number, FAILED, f"{type(exc).__name__}: {exc}")
        try:
            write_frame(outbox, answer)
        except (OSError, ValueError):
            return


def main() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)      # Ctrl+C in the terminal is for the editor
    if hasattr(os, "nice"):
        # Lowest priority: with the worker and the editor on few cores, the editor's frames come first.
        os.nice(max(0, NICEST - os.nice(0)))
    inbox, outbox = sys.stdin.buffer.raw, sys.stdout.buffer
    sys.stdout = sys.stderr                            # a stray print must not corrupt the answers
    import planner.solver.flow  # noqa: F401 - imported before saying it is ready
    import planner.solver.walkable  # noqa: F401

    try:
        write_frame(outbox, (0, READY, None))
    except (OSError, ValueError):
        return                                         # the worker went while this one started
    serve(inbox, outbox)


if __name__ == "__main__":
    from planner.solver.beside import main as _main

    _main()
