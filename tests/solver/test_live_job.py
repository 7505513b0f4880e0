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
