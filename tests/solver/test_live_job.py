"""The live analysis's worker job: scenarios on a copy, the job itself, and the worker process protocol."""

from __future__ import annotations

import copy
import io
import pickle
import subprocess
import sys

import pytest

from planner.formats import layout_to_dict
from planner.model import Booth, Gate, Layout, Site, Zone
from planner.solver.analysis import analyse
from planner.solver import live
from planner.solver.live import (
    OVERLAYS, REPORT, STALE, SUPERSEDED, LiveResult, Scenario, add_overlays, last_frame, read_frame, run, serve, write_frame,
)
from planner.solver.overlay_data import OverlayData
from tests.factories import rect, small_layout


def aisle_layout(booth_x: float = 30.0) -> Layout:
    """60 × 40 m, one zone, gates in the middle of the south and north sides, two 3 m booths.

    Booth A spans x 18.5–21.5; booth B is centred on ``booth_x``: at 30 the aisle between them
    is 7 m, at 25 it is 2 m (below the 3 m minimum).
    """
    return Layout(
        name="Aisle test",
        site=Site(boundary=rect(0, 0, 60, 40)),
        zones=[Zone(id="z", name="Market · 市集", polygon=rect(0, 0, 60, 40), peak_visitors=400)],
        gates=[Gate(id="g-south", name="South Gate", a=(25, 0), b=(31, 0)),
               Gate(id="g-north", name="North Gate · 北门", a=(25, 40), b=(31, 40))],
        booths=[Booth(id="b-a", number="A-1", x=20, y=18), Booth(id="b-b", number="A-2", x=booth_x, y=18)],
    )


# -- scenarios ---------------------------------------------------------------------------------------
def test_a_plain_scenario_changes_nothing():
    layout = small_layout()
    before = layout_to_dict(layout)
    assert not Scenario().active
    assert Scenario().apply(layout) is layout
    assert layout_to_dict(layout) == before


def test_visitor_percentages_multiply_all_zones_then_single_ones():
    layout = small_layout()                     # anime 1000, food 500
    scenario = Scenario(visitors_percent=150.0, zone_percent=(("food", 50.0),))
    assert scenario.active
    scenario.apply(layout)
    assert [z.peak_visitors for z in layout.zones] == [1500, 375]


def test_a_closed_gate_leaves_the_copy_only():
    original = small_layout()
    work = copy.deepcopy(original)
    Scenario(closed_gates=frozenset({"g-west"})).apply(work)
    assert [g.id for g in work.gates] == ["g-north"]
    assert work.get("g-west") is None
    assert [g.id for g in original.gates] == ["g-north", "g-west"]


# -- the job --------------------------------------------------------------------------------------------
def test_the_job_reports_what_analyse_reports():
    layout = aisle_layout(25.0)
    result = run(pickle.dumps(layout))
    direct = analyse(layout)
    assert isinstance(result, LiveResult)
    assert result.report.summary["egress_time_s"] == pytest.approx(direct.summary["egress_time_s"])
    assert [(f.rule, f.objects) for f in result.report.findings] == [("aisle-too-narrow", ["b-a", "b-b"])]
    assert result.report_json["findings"][0]["rule"] == "aisle-too-narrow"
    # The same layout as a JSON dict gives the same answer.
    again = run(layout_to_dict(layout))
    assert again.report.summary["egress_time_s"] == pytest.approx(direct.summary["egress_time_s"])
    # The result crosses a process boundary intact.
    back = pickle.loads(pickle.dumps(result))
    assert back.report.findings[0].message == result.report.findings[0].message


def test_a_closed_gate_gives_the_egress_of_the_layout_without_it():
    layout = aisle_layout()
    without = aisle_layout()
    without.gates = [g for g in without.gates if g.id != "g-north"]
    expected = analyse(without).summary["egress_time_s"]
    both = analyse(layout).summary["egress_time_s"]
    result = run(pickle.dumps(layout), Scenario(closed_gates=frozenset({"g-north"})))
    assert result.report.summary["egress_time_s"] == pytest.approx(expected)
    assert expected > both                       # one gate fewer is slower, so the test can tell
    assert result.report.summary["gates"] == 1


# -- the worker protocol ----------------------------------------------------------------------------------
def test_serve_answers_the_report_first_then_its_overlays_and_names_a_bad_job():
    inbox = io.BytesIO()
    write_frame(inbox, (7, pickle.dumps(aisle_layout(25.0)), Scenario(), 1, "en"))
    write_frame(inbox, (8, b"not a layout", Scenario(), 1, "en"))
    write_frame(inbox, None)
    inbox.seek(0)
    outbox = io.BytesIO()
    serve(inbox, outbox)
    outbox.seek(0)
    # First the report alone ...
    generation, phase, ok, result = read_frame(outbox)
    assert (generation, phase, ok) == (7, REPORT, True)
    assert not last_frame(phase, ok)
    assert result.report.findings[0].rule == "aisle-too-narrow"
    assert result.overlays is None and set(result.stages) == {"analysis"}
    # ... then the overlays for that report: the 2 m aisle between the 3 m booths (x 21.5–23.5, y 16.5–19.5).
    generation, phase, ok, (overlays, seconds) = read_frame(outbox)
    assert (generation, phase, ok) == (7, OVERLAYS, True)
    assert last_frame(phase, ok)
    [aisle] = overlays.narrow_aisles
    assert aisle.width == pytest.approx(2.0) and aisle.objects == ("b-a", "b-b")
    assert aisle.location[0] == pytest.approx(22.5, abs=0.05) and 16.5 <= aisle.location[1] <= 19.5
    assert [e.id for e in overlays.exits] == ["g-south", "g-north"]
    assert seconds >= 0
    whole = add_overlays(result, overlays, seconds)
    assert whole.overlays is overlays and set(whole.stages) == {"analysis", "overlays"}
    # A job that cannot be read gets one frame, its last, naming the trouble.
    generation, phase, ok, message = read_frame(outbox)
    assert (generation, phase, ok) == (8, REPORT, False)
    assert last_frame(phase, ok)
    assert "UnpicklingError" in message and "Traceback" not in message
    with pytest.raises(EOFError):
        read_frame(outbox)


def test_overlays_that_fail_leave_the_report_and_say_why(monkeypatch):
    def broken(*_args):
        raise ValueError("no grid for 市集")

    monkeypatch.setattr(live, "_overlays", broken)
    inbox = io.BytesIO()
    write_frame(inbox, (3, pickle.dumps(aisle_layout(30.0)), Scenario(), 1, "en"))
    write_frame(inbox, (4, pickle.dumps(aisle_layout(25.0)), Scenario(), 1, "en"))
    inbox.seek(0)
    outbox = io.BytesIO()
    serve(inbox, outbox)                                      # the end of the input stops it too
    outbox.seek(0)
    frames = []
    while True:
        try:
            frames.append(read_frame(outbox))
        except EOFError:
            break
    assert [(g, phase, ok) for g, phase, ok, _ in frames] == [
        (3, REPORT, True), (3, OVERLAYS, False), (4, REPORT, True), (4, OVERLAYS, False)]
    assert frames[1][3] == "ValueError: no grid for 市集"
    assert frames[2][3].report.findings[0].rule == "aisle-too-narrow"   # the worker went on


def read_all(stream) -> list:
    frames = []
    while True:
        try:
            frames.append(read_frame(stream))
        except EOFError:
            return frames


def test_a_run_the_editor_calls_stale_is_given_up_and_the_next_one_is_as_a_fresh_analysis():
    first, stale, last = aisle_layout(30.0), aisle_layout(33.0), aisle_layout(25.0)
    frames = []
    for messages in ([(1, pickle.dumps(first), Scenario(), 1, "en")],
                     [(2, pickle.dumps(stale), Scenario(), 1, "en"),
                      (STALE, 1, 2),                 # window 1 has changed its plan since
                      (3, pickle.dumps(last), Scenario(), 1, "en"),
                      (STALE, 9, 3)]):               # another window's note says nothing of window 1's run
        inbox, outbox = io.BytesIO(), io.BytesIO()
        for message in messages:
            write_frame(inbox, message)
        inbox.seek(0)
        serve(inbox, outbox)
        outbox.seek(0)
        frames += read_all(outbox)
    assert [(g, phase, ok) for g, phase, ok, _ in frames] == [
        (1, REPORT, True), (1, OVERLAYS, True), (2, REPORT, False), (3, REPORT, True), (3, OVERLAYS, True)]
    assert frames[2][3] == SUPERSEDED and last_frame(REPORT, False)
    # The run given up midway left the window's analyser as it was: the next one is exact.
    expected = analyse(last)
    report = frames[3][3].report
    assert [(f.rule, f.objects) for f in report.findings] == [(f.rule, f.objects) for f in expected.findings]
    assert [(f.rule, f.objects) for f in report.findings] == [("aisle-too-narrow", ["b-a", "b-b"])]
    assert report.summary == expected.summary
    overlays, _seconds = frames[4][3]
    assert isinstance(overlays, OverlayData) and overlays.grid is not None


def test_a_run_given_up_after_its_first_step_leaves_the_analyser_exact_for_the_next():
    steps: list[int] = []

    def check():
        steps.append(1)
        if len(steps) == 2:                # the areas are made, the side work has started
            raise live.Superseded()

    run(pickle.dumps(aisle_layout(30.0)), key="midway")
    with pytest.raises(live.Superseded):
        live.analyse_job(pickle.dumps(aisle_layout(33.0)), key="midway", check=check)
    result = run(pickle.dumps(aisle_layout(25.0)), key="midway")
    expected = analyse(aisle_layout(25.0))
    assert [(f.rule, f.objects) for f in result.report.findings] == [("aisle-too-narrow", ["b-a", "b-b"])]
    assert [(f.rule, f.objects) for f in result.report.findings] == [(f.rule, f.objects) for f in expected.findings]
    assert result.report.summary == expected.summary
    assert len(result.overlays.narrow_aisles) == 1


def test_side_work_of_a_run_already_over_stops_before_it_starts():
    analyser = live._Analyser()
    going, gone = aisle_layout(30.0), aisle_layout(25.0)
    analyser._layout = going
    from planner.solver.walkable import build_areas

    with pytest.raises(live.Superseded):
        analyser.passages(build_areas(gone), gone)
    assert analyser.passages(build_areas(going), going) == []            # the run going: done as ever


def test_a_note_that_comes_after_the_report_skips_the_overlays_only():
    inbox = io.BytesIO()

    class Outbox(io.BytesIO):
        """Like the editor, sends the note once the report has come."""

        def write(self, data):
            written = super().write(data)
            if not self.getbuffer().nbytes - written:          # the first frame: the report
                at = inbox.tell()
                inbox.seek(0, io.SEEK_END)
                write_frame(inbox, (STALE, 1, 1))
                inbox.seek(at)
            return written

    write_frame(inbox, (1, pickle.dumps(aisle_layout(25.0)), Scenario(), 1, "en"))
    write_frame(inbox, (2, pickle.dumps(aisle_layout(30.0)), Scenario(), 1, "en"))
    inbox.seek(0)
    outbox = Outbox()
    serve(inbox, outbox)
    outbox.seek(0)
    frames = read_all(outbox)
    assert [(g, phase, ok) for g, phase, ok, _ in frames] == [
        (1, REPORT, True), (1, OVERLAYS, True), (2, REPORT, True), (2, OVERLAYS, True)]
    assert frames[0][3].report.findings[0].rule == "aisle-too-narrow"   # the report still came
    assert frames[1][3] == (None, 0.0)                                  # no overlays made for it
    overlays, _seconds = frames[3][3]
    assert isinstance(overlays, OverlayData) and overlays.narrow_aisles == [] and overlays.grid is not None


def test_the_worker_process_reads_a_note_sent_while_it_analyses():
    process = subprocess.Popen([sys.executable, "-m", "planner.solver.live"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE)
    try:
        # The job and the note arrive together: the note is in the pipe before the analysis starts.
        both = io.BytesIO()
        write_frame(both, (4, pickle.dumps(aisle_layout(25.0)), Scenario(), 7, "en"))
        write_frame(both, (STALE, 7, 4))
        process.stdin.write(both.getvalue())
        process.stdin.flush()
        assert read_frame(process.stdout) == (4, REPORT, False, SUPERSEDED)
        write_frame(process.stdin, (5, pickle.dumps(aisle_layout(25.0)), Scenario(), 7, "en"))
        generation, phase, ok, result = read_frame(process.stdout)
        assert (generation, phase, ok) == (5, REPORT, True)
        assert [(f.rule, f.objects) for f in result.report.findings] == [("aisle-too-narrow", ["b-a", "b-b"])]
        generation, phase, ok, (overlays, _seconds) = read_frame(process.stdout)
        assert (generation, phase, ok) == (5, OVERLAYS, True) and len(overlays.narrow_aisles) == 1
        write_frame(process.stdin, None)
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_whole_run_is_both_halves():
    result = run(pickle.dumps(aisle_layout(25.0)))
    assert result.overlays is not None and len(result.overlays.narrow_aisles) == 1
    assert set(result.stages) == {"analysis", "overlays"}
    assert result.seconds >= result.stages["analysis"] + result.stages["overlays"]


def test_the_worker_process_answers_in_the_editors_language_and_stops_when_told():
    process = subprocess.Popen([sys.executable, "-m", "planner.solver.live"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE)
    try:
        write_frame(process.stdin, (1, pickle.dumps(aisle_layout(25.0)), Scenario(), 1, "zh_CN"))
        generation, phase, ok, result = read_frame(process.stdout)
        assert (generation, phase, ok) == (1, REPORT, True)
        # The class is the importable one, not a copy from a __main__ module.
        assert type(result) is LiveResult
        message = result.report.findings[0].message
        assert "3.0" in message and any("\u4e00" <= ch <= "\u9fff" for ch in message)
        generation, phase, ok, (overlays, _seconds) = read_frame(process.stdout)
        assert (generation, phase, ok) == (1, OVERLAYS, True)
        assert type(overlays) is OverlayData and len(overlays.narrow_aisles) == 1
        write_frame(process.stdin, None)
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


# -- the walking-time grid, made only when asked for ------------------------------------------------------
def serve_all(messages) -> list:
    inbox, outbox = io.BytesIO(), io.BytesIO()
    for message in messages:
        write_frame(inbox, message)
    inbox.seek(0)
    serve(inbox, outbox)
    outbox.seek(0)
    return read_all(outbox)


def cell_values(grid, x: float, y: float) -> tuple[float, int]:
    row, col = grid.cell_at(x, y)
    return float(grid.distance[row, col]), int(grid.exit_index[row, col])


def centres(grid):
    """Every cell's centre, as two arrays shaped like the grid."""
    import numpy as np

    rows, cols = grid.shape
    return np.meshgrid(grid.x0 + (np.arange(cols) + 0.5) * grid.cell, grid.y0 + (np.arange(rows) + 0.5) * grid.cell)


def test_a_job_that_does_not_want_the_grid_gets_the_other_overlays_without_it():
    payload = pickle.dumps(aisle_layout(25.0))
    frames = serve_all([(1, payload, Scenario(), 1, "en", live.Wants(grid=False)),
                        (2, payload, Scenario(), 1, "en", live.Wants(grid=True))])
    assert [(g, phase, ok) for g, phase, ok, _ in frames] == [
        (1, REPORT, True), (1, OVERLAYS, True), (2, REPORT, True), (2, OVERLAYS, True)]
    without, _seconds = frames[1][3]
    assert without.grid is None and not without.grid_made
    assert len(without.narrow_aisles) == 1 and [e.id for e in without.exits] == ["g-south", "g-north"]
    assert [b.width for b in without.bottlenecks] == [b.width for b in frames[3][3][0].bottlenecks]
    wanted, _seconds = frames[3][3]
    assert wanted.grid is not None and wanted.grid_made


def test_the_grid_asked_for_after_the_run_comes_alone_from_the_analysis_the_worker_kept(monkeypatch):
    import math

    import numpy as np

    from planner.solver.analysis import gate_endpoint
    from planner.solver.walkable import build_areas

    analysed: list[int] = []
    job = live.analyse_job

    def counted(*args, **kwargs):
        analysed.append(1)
        return job(*args, **kwargs)

    monkeypatch.setattr(live, "analyse_job", counted)
    layout = aisle_layout(25.0)
    payload = pickle.dumps(layout)
    frames = serve_all([(1, payload, Scenario(), 5, "en", live.Wants(grid=False)),
                        (1, payload, Scenario(), 5, "en", live.Wants(grid=True, overlays_only=True))])
    # One frame for the second job, no report, no second analysis.
    assert [(g, phase, ok) for g, phase, ok, _ in frames] == [(1, REPORT, True), (1, OVERLAYS, True),
                                                              (1, OVERLAYS, True)]
    assert len(analysed) == 1
    assert frames[1][3][0].grid is None
    overlays, seconds = frames[2][3]
    grid = overlays.grid
    assert overlays.grid_made and grid is not None and seconds > 0
    assert len(overlays.narrow_aisles) == 1                          # the rest of the overlays as before
    # The room is symmetric about y = 20 and the booths stand south of it: every cell north of
    # y 21 leaves by the north gate (exit 1), every one south of y 19 by the south gate (exit 0).
    xs, ys = centres(grid)
    ground = np.isfinite(grid.distance)
    assert ground.sum() > 1000
    assert (grid.exit_index[ground & (ys > 21)] == 1).all()
    assert (grid.exit_index[ground & (ys < 19)] == 0).all()
    # South of the booths nothing stands in the way: the walk is the straight line to the gate's point.
    south = gate_endpoint(layout.gates[0], build_areas(layout), layout)
    open_ground = ground & (ys < 15)
    straight = np.hypot(xs - south[0], ys - south[1])
    assert np.allclose(grid.distance[open_ground], straight[open_ground], atol=1e-3)
    assert math.isnan(cell_values(grid, 25.0, 18.0)[0])             # under booth A-2: no ground


def test_the_grid_asked_for_a_plan_the_worker_no_longer_holds_comes_with_a_whole_run():
    payload = pickle.dumps(aisle_layout(25.0))
    frames = serve_all([(1, payload, Scenario(), 6, "en", live.Wants(grid=False)),
                        (2, payload, Scenario(), 6, "en", live.Wants(grid=True, overlays_only=True)),
                        (1, payload, Scenario(), 66, "en", live.Wants(grid=True, overlays_only=True))])
    # Generation 2 was never analysed, window 66 never ran: both are run whole, report first.
    assert [(g, phase, ok) for g, phase, ok, _ in frames] == [
        (1, REPORT, True), (1, OVERLAYS, True), (2, REPORT, True), (2, OVERLAYS, True),
        (1, REPORT, True), (1, OVERLAYS, True)]
    assert frames[2][3].report.findings[0].rule == "aisle-too-narrow"
    assert frames[3][3][0].grid is not None and frames[5][3][0].grid is not None


def test_the_grid_asked_for_later_is_of_the_windows_own_plan_and_scenario():
    """Two windows in turn, one with the north gate closed: each grid is its own window's."""
    closed = Scenario(closed_gates=frozenset({"g-north"}))
    frames = serve_all([(3, pickle.dumps(aisle_layout(25.0)), closed, 11, "en", live.Wants(grid=False)),
                        (7, pickle.dumps(aisle_layout(30.0)), Scenario(), 12, "en", live.Wants(grid=False)),
                        (3, b"", closed, 11, "en", live.Wants(grid=True, overlays_only=True)),
                        (7, b"", Scenario(), 12, "en", live.Wants(grid=True, overlays_only=True))])
    assert [(g, phase) for g, phase, _ok, _ in frames] == [
        (3, REPORT), (3, OVERLAYS), (7, REPORT), (7, OVERLAYS), (3, OVERLAYS), (7, OVERLAYS)]
    first, second = frames[4][3][0], frames[5][3][0]
    # Window 11: the north gate closed, so one exit, and the north of the room walks to the south gate.
    assert [e.id for e in first.exits] == ["g-south"]
    far, exit_far = cell_values(first.grid, 28.0, 38.0)
    assert exit_far == 0 and far > 30
    assert math_nan(cell_values(first.grid, 25.0, 18.0)[0]) and not math_nan(cell_values(first.grid, 30.0, 18.0)[0])
    # Window 12: both gates, its booth A-2 at x 30.
    assert [e.id for e in second.exits] == ["g-south", "g-north"]
    near, exit_near = cell_values(second.grid, 28.0, 38.0)
    assert exit_near == 1 and near < 3
    assert math_nan(cell_values(second.grid, 30.0, 18.0)[0]) and not math_nan(cell_values(second.grid, 25.0, 18.0)[0])


def math_nan(value: float) -> bool:
    return value != value


def test_a_note_before_the_grid_is_made_skips_it():
    payload = pickle.dumps(aisle_layout(25.0))
    frames = serve_all([(1, payload, Scenario(), 8, "en", live.Wants(grid=False))])
    frames += serve_all([(1, payload, Scenario(), 8, "en", live.Wants(grid=True, overlays_only=True)),
                         (STALE, 8, 1)])                         # window 8 has changed its plan since
    assert [(g, phase, ok) for g, phase, ok, _ in frames] == [(1, REPORT, True), (1, OVERLAYS, True),
                                                              (1, OVERLAYS, True)]
    assert frames[2][3] == (None, 0.0)


def test_overlays_made_again_for_the_same_report_take_the_place_of_the_first():
    result = run(pickle.dumps(aisle_layout(25.0)), grid=False)
    assert result.overlays.grid is None and not result.overlays.grid_made
    report_half = result.seconds - result.stages["overlays"]
    again = run(pickle.dumps(aisle_layout(25.0)))
    add_overlays(result, again.overlays, 0.25)
    assert result.overlays is again.overlays and result.stages["overlays"] == 0.25
    assert result.seconds == pytest.approx(report_half + 0.25)            # the first overlays' time no more


def test_the_grid_asked_for_after_edits_made_without_it_is_that_of_a_fresh_analysis():
    """The grid kept from an earlier plan is reused only where the edits since cannot have changed it."""
    import numpy as np

    from planner.solver.overlay_data import overlay_data

    plans = [aisle_layout(x) for x in (30.0, 33.0, 25.0, 27.0)]
    messages = [(1, pickle.dumps(plans[0]), Scenario(), 9, "en", live.Wants(grid=True))]
    messages += [(g, pickle.dumps(plan), Scenario(), 9, "en", live.Wants(grid=False))
                 for g, plan in enumerate(plans[1:], start=2)]
    frames = serve_all(messages)
    frames += serve_all([(4, b"", Scenario(), 9, "en", live.Wants(grid=True, overlays_only=True))])
    assert [(g, phase) for g, phase, _ok, _ in frames][-2:] == [(4, OVERLAYS), (4, OVERLAYS)]
    grid = frames[-1][3][0].grid
    fresh = overlay_data(plans[-1], analyse(plans[-1])).grid
    assert grid.shape == fresh.shape and (grid.x0, grid.y0, grid.cell) == (fresh.x0, fresh.y0, fresh.cell)
    assert np.array_equal(np.isnan(grid.distance), np.isnan(fresh.distance))
    ground = np.isfinite(fresh.distance)
    assert np.allclose(grid.distance[ground], fresh.distance[ground], atol=1e-4)
    _xs, ys = centres(grid)
    clear = ground & (np.abs(ys - 20.0) > 1.0)                  # off the line where both gates are as near
    assert np.array_equal(grid.exit_index[clear], fresh.exit_index[clear])
