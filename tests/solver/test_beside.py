"""The capacity network and the narrow passages made in a second process (the editor's worker).

The reports must be those of a full run, edit after edit; a process that dies
must cost nothing but time; a job of a run given up is skipped; and the
process leaves when the one that started it is killed.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from planner.formats import read_layout
from planner.resources import bundled_layout
from planner.solver import analyse
from planner.solver import beside as beside_mod
from planner.solver.beside import Beside
from planner.solver.frames import read_frame, write_frame
from planner.solver.incremental import Analyser

WAIT_S = 60.0


def same(report, layout) -> bool:
    return json.dumps(report.to_json(), sort_keys=True) == json.dumps(analyse(layout).to_json(), sort_keys=True)


def ready(beside: Beside) -> None:
    end = time.monotonic() + WAIT_S
    while not beside.ready:
        assert time.monotonic() < end, "the second process did not start"
        time.sleep(0.02)


@pytest.fixture
def west_lake():
    layout = read_layout(bundled_layout())
    analyser = Analyser()
    analyser.beside = Beside()
    yield layout, analyser
    analyser.beside.close()


def test_edits_analysed_with_the_second_process_give_full_reports(west_lake):
    layout, analyser = west_lake
    assert same(analyser.analyse(layout), layout)             # the first run: threads, while it starts
    ready(analyser.beside)
    booth = next(b for b in layout.booths if b.id == "b-0096")
    gate = layout.gates[0]
    edits = [lambda: setattr(booth, "x", booth.x + 1.0),                      # W and N: both pieces
             lambda: setattr(layout.settings, "min_aisle_width", 3.5),      # the passages only
             lambda: setattr(gate, "a", (gate.a[0] + 0.5, gate.a[1])),      # the network only
             lambda: setattr(booth, "x", booth.x - 1.0)]
    for edit in edits:
        edit()
        sent = analyser.beside.sent
        assert same(analyser.analyse(layout), layout)
        assert analyser.beside.sent > sent                     # made there, not here
    assert not analyser.beside.failed
    if hasattr(os, "getpriority"):          # the editor's frames come first
        assert os.getpriority(os.PRIO_PROCESS, analyser.beside.pid()) == beside_mod.NICEST


def test_a_second_process_that_dies_costs_only_time(west_lake):
    layout, analyser = west_lake
    analyser.analyse(layout)
    ready(analyser.beside)
    os.kill(analyser.beside.pid(), signal.SIGKILL)
    layout.booths[3].x += 1.0
    assert same(analyser.analyse(layout), layout)
    assert analyser.beside.failed
    layout.booths[3].x -= 1.0
    assert same(analyser.analyse(layout), layout)              # on in threads from now on


def test_a_job_of_a_run_given_up_is_skipped():
    """Jobs of runs 1 and 2 waiting: run 1's is skipped, run 2's made; then the input ends."""
    from shapely.geometry import Polygon

    layout = read_layout(bundled_layout())
    inbox, outbox = io.BytesIO(), io.BytesIO()
    write_frame(inbox, (1, 1, "passages", (layout.settings, Polygon(), None)))
    write_frame(inbox, (2, 2, "passages", (layout.settings, Polygon(), None)))
    inbox.seek(0)
    beside_mod.serve(inbox, outbox)
    outbox.seek(0)
    assert read_frame(outbox) == (1, beside_mod.STALE, None)
    assert read_frame(outbox) == (2, beside_mod.DONE, [])


def test_the_second_process_leaves_when_its_parent_is_killed():
    script = ("import time\n"
              "from planner.solver.beside import Beside\n"
              "b = Beside(); b.start()\n"
              "while not b.ready: time.sleep(0.02)\n"
              "print(b.pid(), flush=True)\n"
              "time.sleep(120)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert os.path.exists(f"/proc/{child}") or sys.platform != "linux"
    finally:
        parent.kill()
        parent.wait()
    end = time.monotonic() + 10
    while os.path.exists(f"/proc/{child}"):
        assert time.monotonic() < end, "the second process outlived its parent"
        time.sleep(0.05)


def test_runs_given_up_one_after_another_do_not_jam_the_pipes(west_lake):
    """Held arrow keys give up run after run, each leaving its jobs unread: the process's
    answers (a network is more than a pipe holds) must not block it while jobs wait."""
    import threading

    import numpy as np

    from planner.solver import flow as flowmod
    from planner.solver.walkable import open_side_probes

    layout, analyser = west_lake
    analyser.analyse(layout)
    ready(analyser.beside)
    areas = analyser._now["areas"][1]
    points = flowmod.visitor_points(layout, areas).points
    fronts = open_side_probes(layout.booths)
    for _ in range(12):
        run = analyser.beside.new_run()
        analyser.beside.network(run, layout, areas.walkable, points)
        analyser.beside.passages(run, layout, areas.walkable, fronts)
    layout.booths[5].x += 1.0
    done = []
    worker = threading.Thread(target=lambda: done.append(analyser.analyse(layout)), daemon=True)
    worker.start()
    worker.join(WAIT_S)
    assert done, "the analysis waited for ever on the second process"
    assert same(done[0], layout) and not analyser.beside.failed
    assert np.isfinite(done[0].egress["time_s"])


def test_a_process_whose_worker_went_while_it_started_leaves_quietly():
    """No traceback in the editor's terminal when the editor quits right after opening."""
    process = subprocess.Popen([sys.executable, "-m", "planner.solver.beside"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    process.stdin.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=WAIT_S) == 0
    assert "Traceback" not in err
