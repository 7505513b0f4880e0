"""Work of the File → Export… dialog that runs off the GUI thread.

* ``SharedAnalysis``: the crowd-flow analysis of one layout state (three
  seconds on West Lake), worked out once by whichever thread asks first and
  shared by the page count, the preview of the safety view and the export.
* ``run_in_pool``: a job in the global QThreadPool whose news (progress,
  result, failure) reaches the GUI thread through a queued relay, so the
  window never freezes while the files are written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from planner.model.layout import Layout


# -- the crowd-flow analysis, shared ----------------------------------------------------------------
class SharedAnalysis:
    """The analysis of one layout state, worked out at most once by whichever thread asks first."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._lock = threading.Lock()
        self.done = False
        self.report = None
        self.error: Exception | None = None
        self.settled = threading.Event()     # done, or nobody else is going to bring the report

    def get(self):
        """The report (None when the analysis failed); waits while another thread works it out."""
        with self._lock:
            if not self.done:
                from planner.solver import analyse

                try:
                    self.report = analyse(self.layout)
                except Exception as exc:  # noqa: BLE001 - the export says what is missing
                    self.error = exc
                self.done = True
        self.settled.set()
        return self.report

    def take(self, report) -> None:
        """The report of this very layout state, worked out elsewhere (the editor's live analysis)."""
        with self._lock:
            if not self.done:
                self.report, self.done = report, True
        self.settled.set()


LIVE_WAIT_S = 120.0          # how long an export waits for the live analysis before doing it itself


# -- running work off the GUI thread ----------------------------------------------------------------
_live_relays: set = set()


class _Relay(QObject):
    """Carries a worker's news to the GUI thread (queued, since the relay lives there)."""

    progress = Signal(str)
    finished = Signal(object)
    failed = Signal(object)


def run_in_pool(work: Callable[[Callable[[str], None]], object], *, progress: Callable[[str], None] | None = None,
                finished: Callable[[object], None] | None = None,
                failed: Callable[[Exception], None] | None = None) -> _Relay:
    """Run ``work(progress)`` in the global thread pool, its news going to the slots given.

    The slots are connected before the work starts, so news of work that ends at once is not lost.
    """
    relay = _Relay()
    for signal, slot in ((relay.progress, progress), (relay.finished, finished), (relay.failed, failed)):
        if slot is not None:
            signal.connect(slot)
    # The relay must outlive whoever started the work (a dialog closed meanwhile): keep it
    # until the work's last news has been delivered on the GUI thread.
    _live_relays.add(relay)
    relay.finished.connect(lambda _result: _live_relays.discard(relay))
    relay.failed.connect(lambda _error: _live_relays.discard(relay))

    def run() -> None:
        try:
            result = work(relay.progress.emit)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which shows it
            relay.failed.emit(exc)
        else:
            relay.finished.emit(result)

    QThreadPool.globalInstance().start(run)
    return relay


__all__ = ["LIVE_WAIT_S", "SharedAnalysis", "run_in_pool"]
