"""Re-analysis with ``incremental.Analyser`` gives the very report of a fresh
``analyse`` after any single edit (SPEC §5: "the same report as a full run").

The yardstick is ``analyse`` itself, run from scratch on the edited layout;
the reports are compared as the full JSON of SPEC §4, exactly.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import random
from pathlib import Path

import pytest

from planner.formats import read_layout
from planner.model import Booth
from planner.resources import bundled_layout
from planner.solver import analyse
from planner.solver.incremental import Analyser

MARKET = Path(__file__).resolve().parents[2] / "benchmarks" / "market.py"


def _market(booths: int):
    spec = importlib.util.spec_from_file_location("bench_market", MARKET)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.market(booths)


def _json(report) -> str:
    return json.dumps(report.to_json(), sort_keys=True, ensure_ascii=False)


def _edit(layout, rng: random.Random, kind: str, step: int) -> None:
    """One edit of one booth: a move, a turn, a new booth beside it, or its removal."""
    booth = rng.choice(layout.booths)
    if kind == "move":
        booth.x += rng.uniform(-4.0, 4.0)
        booth.y += rng.uniform(-4.0, 4.0)
    elif kind == "rotate":
        booth.rotation = (booth.rotation + rng.choice([15.0, 45.0, 90.0, 180.0])) % 360.0
    elif kind == "add":
        layout.booths.append(Booth(id=f"b-new-{step}", number=f"N-{step}", x=booth.x + rng.uniform(-6, 6),
                                   y=booth.y + rng.uniform(-6, 6), rotation=rng.choice([0.0, 90.0]),
                                   open_sides=("front", "left")))
    else:
        layout.booths.remove(booth)


def _check_edits(layout, kinds: list[str], seed: int, check_first: bool = True) -> Analyser:
    rng = random.Random(seed)
    analyser = Analyser()
    first = _json(analyser.analyse(layout))
    if check_first:
        assert first == _json(analyse(layout))
    for step, kind in enumerate(kinds):
        _edit(layout, rng, kind, step)
        again = _json(analyser.analyse(layout))
        fresh = _json(analyse(layout))
        assert again == fresh, f"step {step} ({kind}) differs from a full run"
        # It did reuse: all but the touched booth's shape, and most corner pairs.
        assert analyser.reuse.get("booth shapes", 0) >= len(layout.booths) - 2
        assert analyser.reuse.get("visibility pairs", 0) > 0
        assert analyser.reuse.get("nearest exits", 0) > 0
    return analyser


@pytest.mark.parametrize("seed", [1, 2])
def test_single_booth_edits_on_a_200_booth_market_equal_full_runs(seed):
    _check_edits(_market(200), ["move", "rotate", "add", "delete", "move", "move"], seed)


def test_single_booth_edits_on_west_lake_equal_full_runs():
    # One edit only: a full West Lake analysis takes about a second.
    analyser = _check_edits(read_layout(bundled_layout()), ["move"], 7, check_first=False)
    assert analyser.reuse.get("paths", 0) > 0       # most walks between gates and zones kept


def test_an_edit_without_geometry_reuses_every_geometric_piece():
    layout = _market(200)
    analyser = Analyser()
    analyser.analyse(layout)
    layout.booths[3].status = "reserved"
    layout.zones[0].peak_visitors *= 3
    assert _json(analyser.analyse(layout)) == _json(analyse(layout))
    assert {"areas", "router", "network", "distance fields", "passages"} <= set(analyser.reuse)


def test_a_moved_booth_changes_the_report_as_a_full_run_does():
    """A booth pushed into an aisle narrows it: the reused pieces must not hide that."""
    layout = _market(200)
    analyser = Analyser()
    before = analyser.analyse(layout)
    assert not [f for f in before.findings if f.rule == "aisle-too-narrow"]
    moved = copy.deepcopy(layout)
    booth = moved.booths[0]          # front row of the first block, facing the edge aisle
    booth.y -= 2.0                   # 4 m aisle → 2 m
    again = analyser.analyse(moved)
    assert _json(again) == _json(analyse(moved))
    narrow = [f for f in again.findings if f.rule == "aisle-too-narrow"]
    assert narrow and narrow[0].value == pytest.approx(2.0, rel=0.05)


def test_closing_a_gap_sends_the_visitors_behind_it_to_the_other_exit_as_a_full_run_does():
    """Visitors east of a wall leave through its gap to the west exit; a booth that fills
    the gap sends them to the far east exit. The nearest exits kept from the run before
    must be exactly those the booth cannot have changed."""
    from tests.solver.kit import gate, layout as make_layout, wall, zone

    lay = make_layout((0, 0, 100, 30),
                      obstacles=[wall("w-south", 29, 0, 31, 12), wall("w-north", 29, 18, 31, 30)],
                      zones=[zone("all", 0, 0, 100, 30, visitors=3000)],
                      gates=[gate("west", (0, 13), (0, 17), kind="exit"), gate("east", (100, 13), (100, 17))])
    analyser = Analyser()
    open_gap = analyser.analyse(lay)
    lay.booths.append(Booth(id="plug", number="P-1", x=30.5, y=15.0, width=6.0, depth=3.0, rotation=90.0))
    closed = analyser.analyse(lay)
    assert _json(closed) == _json(analyse(lay))
    # Most points kept their answers, and yet the east exit gained the visitors behind the gap.
    assert analyser.reuse.get("nearest exits", 0) > 0
    east_before = next(e["visitors"] for e in open_gap.egress["exits"] if e["gate"] == "east")
    east_after = next(e["visitors"] for e in closed.egress["exits"] if e["gate"] == "east")
    assert east_after > east_before + 100
    lay.booths.pop()
    reopened = analyser.analyse(lay)
    assert _json(reopened) == _json(analyse(lay)) == _json(open_gap)


def test_opening_a_gap_gives_a_path_the_shorter_way_as_a_full_run_does():
    """A wall with a far gap open and a near gap plugged: the walk from the west gate to the
    east zone goes round by the far gap, clear of the plug. Taking the plug away opens a
    shorter way that the old path never came near; the kept paths must not hide it."""
    from tests.solver.kit import gate, layout as make_layout, wall, zone

    lay = make_layout((0, 0, 100, 40),
                      obstacles=[wall("w-low", 49, 0, 51, 2), wall("w-mid", 49, 8, 51, 30),
                                 wall("w-high", 49, 36, 51, 40)],
                      zones=[zone("east", 60, 0, 100, 40, visitors=500)],
                      gates=[gate("west", (0, 31), (0, 35)), gate("far", (100, 2), (100, 6))],
                      booths=[Booth(id="plug", number="P-1", x=50.0, y=33.0, width=6.0, depth=3.0,
                                    rotation=90.0)])
    analyser = Analyser()
    plugged = analyser.analyse(lay)
    lay.booths.clear()
    opened = analyser.analyse(lay)
    assert _json(opened) == _json(analyse(lay))

    def walk(report):
        return next(p["length_m"] for p in report.paths if (p["from"], p["to"]) == ("west", "east"))
    assert walk(opened) < walk(plugged) - 5.0


def test_a_site_without_corners_is_edited_as_a_full_run_would_be():
    """A fresh plan: a plain rectangle, one zone, two gates: N has no corners at all. Edits
    of the crowd, then booths added one by one, each equal a full run."""
    from tests.solver.kit import gate, layout as make_layout, zone

    lay = make_layout((0, 0, 50, 30), zones=[zone("z", 0, 0, 50, 30, visitors=500)],
                      gates=[gate("west", (0, 13), (0, 17)), gate("east", (50, 13), (50, 17), kind="exit")])
    analyser = Analyser()
    analyser.analyse(lay)
    lay.zones[0].peak_visitors = 800
    assert _json(analyser.analyse(lay)) == _json(analyse(lay))
    for step in range(3):
        lay.booths.append(Booth(id=f"b{step}", number=f"B-{step}", x=10 + 8 * step, y=10, rotation=0.0))
        assert _json(analyser.analyse(lay)) == _json(analyse(lay))


@pytest.mark.parametrize("shift", [1.0, -4.0, 9.0])
def test_a_screen_moved_in_front_of_the_exit_is_reanalysed_as_a_full_run_does(shift):
    """A screen stands just inside the only exit: most visitors' ways out pass close by
    it, so the kept nearest exits are checked one sight line at a time. Moving it a
    little, half off the door, or clear of the door must give a full run's answers,
    and points that it cannot have changed keep theirs."""
    from tests.solver.kit import gate, layout as make_layout, zone

    lay = make_layout((0, 0, 60, 40), zones=[zone("all", 0, 0, 60, 40, visitors=2000)],
                      gates=[gate("door", (27, 40), (33, 40), kind="both")],
                      booths=[Booth(id="screen", number="S-1", x=30.0, y=36.5, width=8.0, depth=1.0)])
    analyser = Analyser()
    before = analyser.analyse(lay)
    lay.booths[0].x += shift
    after = analyser.analyse(lay)
    assert _json(after) == _json(analyse(lay))
    assert analyser.reuse.get("nearest exits", 0) > 0
    assert after.egress["walk_s"] != before.egress["walk_s"]      # the move did change the ways out


def test_a_wall_taken_off_a_sight_line_sends_visitors_to_the_door_they_now_see():
    """Visitors in the middle leave by the east door: the north door is nearer, but a long
    stand hides it and the way round is longer. Moving the stand far aside opens the straight
    line to the north door. Their old answers used none of the stand's corners, and its new
    corners are no way out for them: only the sight line across the stand's old place tells."""
    from tests.solver.kit import gate, layout as make_layout, zone

    lay = make_layout((0, 0, 100, 60), zones=[zone("all", 0, 0, 100, 60, visitors=3000)],
                      gates=[gate("north", (48, 60), (52, 60), kind="exit"),
                             gate("east", (100, 28), (100, 32), kind="exit")],
                      booths=[Booth(id="stand", number="S-1", x=50.0, y=50.0, width=30.0, depth=1.0)])
    analyser = Analyser()
    before = analyser.analyse(lay)
    lay.booths[0].x = 15.5
    after = analyser.analyse(lay)
    assert _json(after) == _json(analyse(lay))
    north = [next(e["visitors"] for e in r.egress["exits"] if e["gate"] == "north") for r in (before, after)]
    assert north[1] > north[0] + 100
    assert analyser.reuse.get("nearest exits", 0) > 0
