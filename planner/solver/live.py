"""The job the editor's live analysis runs in its worker process: a layout in, a report out.

Qt-free and picklable both ways, so the editor can run it in a separate
process (a thread would hold the GIL and stall the canvas for the seconds an
analysis takes). A "what if" scenario — more or fewer visitors, some gates
closed — is applied to the copy the worker received, never to the layout
being edited.
"""

from __future__ import annotations

import gc
import math
import os
import pickle
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable

from planner.model.layout import Layout
from planner.solver.frames import HEADER, read_frame, waiting, write_frame  # noqa: F401 - the editor's protocol
from planner.solver.incremental import Analyser
from planner.solver.overlay_data import analyser_parts, overlay_data
from planner.solver.report import Report

NICENESS = 10             # the worker's lower CPU priority (POSIX)
KEEP_ANALYSERS = 4          # incremental analysers kept, one per window (most recently used)


@dataclass(frozen=True)
class Scenario:
    """A "what if" applied to a copy of the layout before the analysis.

    ``visitors_percent`` scales every zone's peak visitors; ``zone_percent``
    scales single zones on top of it; a gate in ``closed_gates`` is taken
    out, so it is neither an entrance nor an exit.
    """

    visitors_percent: float = 100.0
    zone_percent: tuple[tuple[str, float], ...] = ()
    closed_gates: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        return (self.visitors_percent != 100.0 or bool(self.closed_gates)
                or any(p != 100.0 for _, p in self.zone_percent))

    def zone_factor(self, zone_id: str) -> float:
        own = dict(self.zone_percent).get(zone_id, 100.0)
        return self.visitors_percent / 100.0 * own / 100.0

    def apply(self, layout: Layout) -> Layout:
        """Change ``layout`` (a copy the caller owns) to this scenario; returns it."""
        if not self.active:
            return layout
        for zone in layout.zones:
            factor = self.zone_factor(zone.id)
            if factor != 1.0:
                zone.peak_visitors = max(0, int(math.floor(zone.peak_visitors * factor + 0.5)))
        if self.closed_gates:
            layout.gates[:] = [g for g in layout.gates if g.id not in self.closed_gates]
            layout.reindex()
        return layout


@dataclass(frozen=True)
class Wants:
    """What a run is asked for beyond the report.

    ``grid``: the walking-time grid (the heat map and the catchments), the
    overlay data's costly part, made only while one of those layers is shown.
    ``overlays_only``: the editor holds this run's report already (the same
    window, the same generation) and wants its overlays again, now with the
    grid: the worker makes them from the analysis it kept, or runs the whole
    job when it no longer holds that analysis.
    """

    grid: bool = True
    overlays_only: bool = False


@dataclass
class LiveResult:
    """What one run sends back to the editor.

    ``report`` is the ``planner.solver.report.Report`` (findings with their
    translated messages, summary, egress, zones); ``overlays`` is what
    ``planner.solver.overlay_data.overlay_data`` makes of it for the canvas,
    None until the run's second half has arrived (the worker sends the
    report first, so the findings need not wait for the overlays).
    """

    report: Report
    overlays: Any = None
    scenario: Scenario = field(default_factory=Scenario)
    seconds: float = 0.0            # time the worker spent on the run
    stages: dict[str, float] = field(default_factory=dict)   # its parts: "analysis", "overlays"

    @property
    def report_json(self) -> dict[str, Any]:
        return self.report.to_json()


class Superseded(Exception):
    """The editor has a newer plan for the window of the run going: the run is given up."""


class _Analyser(Analyser):
    """The incremental analyser, which gives up a run between its costly steps when told to.

    ``check``, when set, is called before each of those steps in the
    analysis' own thread and raises ``Superseded`` once the editor has said
    the run is stale: a newer plan of the window then starts tens of
    milliseconds later instead of after the whole analysis. A run given up
    leaves the analyser as it was before that run.

    The analysis also works in a second thread (the narrow passages and the
    capacity network, one task per run, in turn). A task of a run given up
    stops before it starts, or the next run would wait for it.
    """

    check: Callable[[], None] | None = None
    last_run: tuple[int, Layout, LiveResult] | None = None   # generation, layout, result of its last run served
    _layout: Layout | None = None          # the layout of the run going
    _thread: int | None = None             # the thread it runs in

    def analyse(self, layout: Layout) -> Report:
        self._layout, self._thread = layout, threading.get_ident()
        try:
            return super().analyse(layout)
        finally:
            self._layout = self._thread = None

    def _step(self) -> None:
        if self.check is not None and threading.get_ident() == self._thread:
            self.check()

    def _beside(self, args: tuple) -> None:
        layout = next((a for a in args if isinstance(a, Layout)), None)
        if layout is not None and layout is not self._layout:
            raise Superseded()             # a task of a run already over: one given up

    def areas(self, *args: Any, **kwargs: Any) -> Any:
        self._step()
        return super().areas(*args, **kwargs)

    def router(self, *args: Any, **kwargs: Any) -> Any:
        self._step()
        return super().router(*args, **kwargs)

    def distance_field(self, *args: Any, **kwargs: Any) -> Any:
        self._step()
        return super().distance_field(*args, **kwargs)

    def nearest(self, *args: Any, **kwargs: Any) -> Any:
        self._step()
        return super().nearest(*args, **kwargs)

    def all_side_points(self, *args: Any, **kwargs: Any) -> Any:
        self._step()
        return super().all_side_points(*args, **kwargs)

    def paths(self, *args: Any, **kwargs: Any) -> Any:
        self._step()
        return super().paths(*args, **kwargs)

    def passages(self, *args: Any, **kwargs: Any) -> Any:
        self._beside(args)
        return super().passages(*args, **kwargs)

    def network(self, *args: Any, **kwargs: Any) -> Any:
        self._beside(args)
        return super().network(*args, **kwargs)


_analysers: OrderedDict[Any, _Analyser] = OrderedDict()


def _load(layout_data: Any) -> Layout:
    """A Layout from what the editor sent: a Layout, its pickle, or its JSON dict."""
    if isinstance(layout_data, Layout):
        return layout_data
    if isinstance(layout_data, (bytes, bytearray)):
        return pickle.loads(layout_data)
    from planner.formats import layout_from_dict

    return layout_from_dict(layout_data)


def _analyse(layout: Layout, key: Any, check: Callable[[], None] | None = None) -> tuple[Report, Analyser]:
    """The analysis, incremental: one analyser per editor window, so an edit reuses what it cannot touch."""
    analyser = _analysers.pop(key, None) or _Analyser()
    _analysers[key] = analyser
    while len(_analysers) > KEEP_ANALYSERS:
        _analysers.popitem(last=False)
    analyser.check = check
    try:
        return analyser.analyse(layout), analyser
    finally:
        analyser.check = None


def _overlays(layout: Layout, report: Report, analyser: Analyser, grid: bool = True) -> Any:
    """The overlay data, built on the analyser's own router and areas rather than new ones."""
    return overlay_data(layout, report, analyser_parts(analyser), grid=grid)


def analyse_job(layout_data: Any, scenario: Scenario | None = None, *, key: Any = None,
                language: str | None = None,
                check: Callable[[], None] | None = None) -> tuple[LiveResult, Layout, Analyser]:
    """The first half of a run: the report alone (``overlays`` still None).

    Returned with the layout analysed and its analyser, which ``add_overlays``
    needs; the worker sends this half at once, so the findings and the
    summary need not wait for the overlay data. ``check`` may raise
    ``Superseded`` between the analysis' steps to give the run up.
    """
    started = time.perf_counter()
    if language is not None:
        from planner import i18n

        if i18n.language() != language:
            i18n.set_language(language)
    scenario = scenario or Scenario()
    layout = scenario.apply(_load(layout_data))
    analysed = time.perf_counter()
    report, analyser = _analyse(layout, key, check)
    done = time.perf_counter()
    result = LiveResult(report=report, scenario=scenario, seconds=done - started,
                        stages={"analysis": done - analysed})
    return result, layout, analyser


def overlays_job(layout: Layout, result: LiveResult, analyser: Analyser, grid: bool = True) -> tuple[Any, float]:
    """The second half: the overlay data for ``result``'s report, and the seconds it took.

    ``grid`` False leaves out the walking-time grid (``Wants.grid``).

    The cycle collector is paused meanwhile, as during the analysis: the
    search makes many arrays and no cycles, and the collector's passes over
    the worker's large heap (its analysers) cost some 8 % of the time.
    """
    started = time.perf_counter()
    collecting = gc.isenabled()
    gc.disable()
    try:
        overlays = _overlays(layout, result.report, analyser, grid)
    finally:
        if collecting:
            gc.enable()
    return overlays, time.perf_counter() - started


def add_overlays(result: LiveResult, overlays: Any, seconds: float) -> LiveResult:
    """``result`` completed by its second half (the editor does this when that half arrives).

    Overlays made again for the same report (``Wants.overlays_only``) take
    the place of the first ones, in the seconds too.
    """
    result.seconds += seconds - result.stages.get("overlays", 0.0)
    result.overlays = overlays
    result.stages["overlays"] = seconds
    return result


def run(layout_data: Any, scenario: Scenario | None = None, *, key: Any = None,
        language: str | None = None, grid: bool = True) -> LiveResult:
    """Analyse the layout sent (pickled Layout, JSON dict or Layout) under ``scenario``: both halves.

    ``key`` names the editor window, so its incremental analyser is reused;
    ``language`` is the editor's, so the findings read as in the window.
    """
    result, layout, analyser = analyse_job(layout_data, scenario, key=key, language=language)
    return add_overlays(result, *overlays_job(layout, result, analyser, grid))


# -- the worker process ------------------------------------------------------------------------
# ``python -m planner.solver.live`` reads jobs from stdin and writes answers to stdout, each a
# pickle preceded by its length (8 bytes, big-endian). A job is ``(generation, layout pickle,
# scenario, window key, language[, wants])``; ``wants`` (a ``Wants``, all of it when left out) says
# whether the overlays carry the walking-time grid. It is answered in two frames ``(generation, phase, ok, value)``:
# first phase REPORT with the LiveResult (its ``overlays`` None), then phase OVERLAYS with
# ``(overlay data, seconds)``. A failure is ``ok`` False with a message as the value; a failed
# REPORT is the job's last frame. ``None`` or the end of stdin stops the worker.
#
# While a job runs the editor may send ``(STALE, window key, generation)``: that window's plan has
# changed since, and whatever the job still sends would be dropped. The worker looks for such
# notes between the analysis' steps and gives the job up (one frame: REPORT, not ok, SUPERSEDED),
# and once the report is sent, when the overlays are then not made (the OVERLAYS frame says
# ``(None, 0.0)``). Either way the newer plan waiting in the editor starts that much sooner.
#
# A job with ``wants.overlays_only`` (the heat map switched on after the run) is answered by the
# OVERLAYS frame alone when the worker still holds that window's analysis of that generation (its
# analyser's last run): the report is not made again. Otherwise it is a whole job, answered in two.

REPORT, OVERLAYS = "report", "overlays"
STALE, SUPERSEDED = "stale", "superseded"


def last_frame(phase: str, ok: bool) -> bool:
    """Whether a frame ends its job: the overlays' frame, or a report that failed."""
    return phase == OVERLAYS or not ok


def _read_waiting(inbox: BinaryIO, ahead: deque) -> None:
    """Every message already sent, onto ``ahead`` (None when the editor has gone)."""
    while waiting(inbox):
        try:
            ahead.append(read_frame(inbox))
        except (EOFError, OSError):
            ahead.append(None)
            return


def _kept(key: Any, generation: int) -> tuple[Layout, LiveResult, Analyser] | None:
    """The layout, report and analyser of the window's run of ``generation``, when its analyser
    still holds that run (its last one: a run given up or failed leaves the analyser as it was)."""
    analyser = _analysers.get(key)
    last = getattr(analyser, "last_run", None)
    if last is None or last[0] != generation:
        return None
    _analysers.move_to_end(key)
    return last[1], last[2], analyser


def _stale(ahead: deque, key: Any, generation: int) -> bool:
    return any(m is not None and m[0] == STALE and m[1] == key and m[2] >= generation for m in ahead)


def serve(inbox: BinaryIO, outbox: BinaryIO) -> None:
    """Answer each job read from ``inbox`` on ``outbox`` until told to stop.

    ``inbox`` must not read ahead (a raw pipe, not a buffered one), or the
    notes sent while a job runs would wait in its buffer unseen.
    """
    ahead: deque = deque()            # messages read while looking for notes, in order
    while True:
        if ahead:
            job = ahead.popleft()
        else:
            try:
                job = read_frame(inbox)
            except (EOFError, OSError):
                return
        if job is None:
            return
        if job[0] == STALE:           # about a job already answered
            continue
        generation, payload, scenario, key, language, *rest = job
        wants: Wants = rest[0] if rest else Wants()

        def check(key: Any = key, generation: int = generation) -> None:
            _read_waiting(inbox, ahead)
            if _stale(ahead, key, generation):
                raise Superseded()

        kept = _kept(key, generation) if wants.overlays_only else None
        if kept is not None:
            layout, result, analyser = kept
        else:
            try:
                result, layout, analyser = analyse_job(payload, scenario, key=key, language=language,
                                                       check=check)
            except Superseded:
                if not _send(outbox, (generation, REPORT, False, SUPERSEDED)):
                    return
                continue
            except Exception as exc:  # noqa: BLE001 - sent to the editor, which shows it
                if not _send(outbox, (generation, REPORT, False, _message(exc))):
                    return
                continue
            analyser.last_run = (generation, layout, result)
            if not _send(outbox, (generation, REPORT, True, result)):
                return
        _read_waiting(inbox, ahead)
        if _stale(ahead, key, generation):
            if not _send(outbox, (generation, OVERLAYS, True, (None, 0.0))):
                return
            continue
        try:
            answer = (generation, OVERLAYS, True, overlays_job(layout, result, analyser, wants.grid))
        except Exception as exc:  # noqa: BLE001
            answer = (generation, OVERLAYS, False, _message(exc))
        if not _send(outbox, answer):
            return


def _message(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def _send(outbox: BinaryIO, answer: Any) -> bool:
    try:
        write_frame(outbox, answer)
    except (OSError, ValueError):
        return False
    return True


def main() -> None:
    import signal
    import sys

    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl+C in the terminal is for the editor
    if hasattr(os, "nice"):
        # Background work: on a machine with few cores the editor's own drawing comes first.
        os.nice(NICENESS)
    inbox, outbox = sys.stdin.buffer.raw, sys.stdout.buffer          # raw: see ``serve``
    sys.stdout = sys.stderr                           # a stray print must not corrupt the answers
    beside = None
    if os.environ.get("PLANNER_ANALYSIS_BESIDE", "process") == "process":
        # The network and the passages in a process of their own, started with the first
        # analysis: a second thread would share Python's lock with the rest (see beside.py).
        from planner.solver.beside import Beside

        beside = _Analyser.beside = Beside()
    try:
        serve(inbox, outbox)
    finally:
        if beside is not None:
            beside.close()


__all__ = ["OVERLAYS", "REPORT", "STALE", "SUPERSEDED", "LiveResult", "Scenario", "Superseded", "Wants", "add_overlays",
           "analyse_job", "last_frame", "main", "overlays_job", "read_frame", "run", "serve", "write_frame"]

if __name__ == "__main__":
    # Run the imported module's copy, so the results pickle as planner.solver.live classes.
    from planner.solver.live import main as _main

    _main()
