"""The overlay data: figures checked against geometry done by hand or by the brute-force oracle."""

from __future__ import annotations

import math
import pickle
from pathlib import Path

import numpy as np
import pytest

from planner.formats.layout_json import read_layout
from planner.solver.analysis import analyse, gate_endpoint
from planner.solver.overlay_data import distance_grid, nearest_exit, overlay_data
from planner.solver.routes import Router
from planner.solver.walkable import build_areas
from tests.solver.kit import BODY, brute_force_path, gate, layout, navigable, tol, wall, zone

EXAMPLES = Path(__file__).resolve().parents[2] / "layouts" / "examples"


def two_door_room():
    """20 × 10 m, an exit in the middle of the west wall and one in the middle of the east wall."""
    return layout((0, 0, 20, 10), zones=[zone("hall", 0, 0, 20, 10, visitors=100)],
                  gates=[gate("west", (0, 4), (0, 6), kind="exit"), gate("east", (20, 4), (20, 6), kind="exit")])


def finite_cells(grid):
    rows, cols = np.nonzero(np.isfinite(grid.distance))
    return [(r, c, grid.centre(r, c)) for r, c in zip(rows.tolist(), cols.tolist())]


def test_empty_room_distance_is_the_straight_line_to_the_nearer_door():
    lay = two_door_room()
    data = overlay_data(lay, analyse(lay))
    assert [e.id for e in data.exits] == ["west", "east"]
    # Each door's walking endpoint is its midpoint moved one body radius into the room.
    doors = [(BODY, 5.0), (20 - BODY, 5.0)]
    cells = finite_cells(data.grid)
    assert len(cells) > 100
    for r, c, (x, y) in cells:
        expected = min(math.dist((x, y), d) for d in doors)
        assert data.grid.distance[r, c] == pytest.approx(expected, abs=1e-3)
    # The time a visitor needs at a point is that distance at the walking speed.
    r, c = data.grid.cell_at(5.1, 7.3)
    x, y = data.grid.centre(r, c)
    assert data.grid.distance[r, c] / data.walking_speed == pytest.approx(math.dist((x, y), doors[0]) / 1.2, abs=1e-3)


def test_catchments_meet_halfway_between_the_doors():
    lay = two_door_room()
    grid = overlay_data(lay, analyse(lay)).grid
    for r, c, (x, y) in finite_cells(grid):
        if x < 10 - 1e-6:
            assert grid.exit_index[r, c] == 0, (x, y)
        elif x > 10 + 1e-6:
            assert grid.exit_index[r, c] == 1, (x, y)
    assert (grid.exit_index[np.isnan(grid.distance)] == -1).all()


def test_distance_behind_a_wall_goes_round_its_end():
    """One exit at the west; a wall x 10–11 from the floor up to y = 8 hides the east half."""
    lay = layout((0, 0, 20, 10), obstacles=[wall("w", 10, 0, 11, 8)],
                 zones=[zone("hall", 0, 0, 20, 10, visitors=100)],
                 gates=[gate("west", (0, 1), (0, 3), kind="exit")])
    data = overlay_data(lay, analyse(lay))
    oracle_area = navigable(lay)
    checked = 0
    for r, c, (x, y) in finite_cells(data.grid):
        if x > 12 and y < 6 and (r + c) % 7 == 0:
            exact = brute_force_path(oracle_area, (BODY, 2.0), (x, y))
            assert data.grid.distance[r, c] == pytest.approx(exact, abs=tol(exact)), (x, y)
            # Longer than the straight line, which the wall blocks.
            assert data.grid.distance[r, c] > math.dist((BODY, 2.0), (x, y)) + 1.0
            checked += 1
    assert checked >= 5


def test_grid_search_agrees_with_the_router_on_the_crowded_example():
    lay = read_layout(EXAMPLES / "crowded.festival.json")
    areas = build_areas(lay)
    router = Router(areas)
    exits = [g for g in lay.gates if g.is_exit]
    targets = [gate_endpoint(g, areas, lay) for g in exits]
    fields = router.distance_field([p if p is not None else (math.nan, math.nan) for p in targets])[2]
    allowed = [k for k, p in enumerate(targets) if p is not None]
    grid = distance_grid(lay, areas, router, cell=1.5)
    inside = np.isfinite(grid.distance) | np.isinf(grid.distance)
    rows, cols = np.nonzero(inside)
    points = np.array([grid.centre(r, c) for r, c in zip(rows.tolist(), cols.tolist())])
    d_ref, w_ref, _ = router.nearest_target(points, targets, fields, allowed)
    d, w = nearest_exit(router, points, targets, fields, allowed)
    assert np.array_equal(np.isfinite(d), np.isfinite(d_ref))
    ok = np.isfinite(d_ref)
    assert np.allclose(d[ok], d_ref[ok], atol=1e-9)
    assert np.array_equal(w[ok], w_ref[ok])


def test_crowded_example_findings_become_overlays():
    lay = read_layout(EXAMPLES / "crowded.festival.json")
    report = analyse(lay)
    data = overlay_data(lay, report)
    narrow = [f for f in report.findings if f.rule == "aisle-too-narrow"]
    assert len(data.narrow_aisles) == len(narrow) > 0
    for aisle, finding in zip(data.narrow_aisles, narrow):
        assert aisle.segment is not None
        (ax, ay), (bx, by) = aisle.segment
        assert math.dist((ax, ay), (bx, by)) == pytest.approx(finding.value, rel=1e-6)
        assert ((ax + bx) / 2, (ay + by) / 2) == pytest.approx(finding.location)
        assert aisle.width < aisle.limit == lay.settings.min_aisle_width
    assert [b.width for b in data.bottlenecks] == [b["width_m"] for b in report.egress["bottlenecks"]]
    for b in data.bottlenecks:
        assert b.flow_per_min == pytest.approx(b.width * lay.settings.specific_flow)
    assert {z.id: z.los for z in data.zones} == {z["id"]: z["los"] for z in report.zones}
    assert len(data.paths) == len(report.paths)
    assert {(p.start, p.end) for p in data.paths} == {(p["from"], p["to"]) for p in report.paths}
    # Plain data: it crosses a process boundary.
    again = pickle.loads(pickle.dumps(data))
    assert np.array_equal(again.grid.exit_index, data.grid.exit_index)


def test_no_exit_means_no_distance_grid():
    lay = layout((0, 0, 20, 10), zones=[zone("hall", 0, 0, 20, 10, visitors=10)],
                 gates=[gate("in", (0, 4), (0, 6), kind="entrance")])
    data = overlay_data(lay, analyse(lay))
    assert data.exits == [] and data.grid is None


def test_the_live_analysers_parts_give_the_same_overlays_as_building_them_anew():
    from planner.solver.incremental import Analyser
    from planner.solver.overlay_data import analyser_parts

    lay = read_layout(EXAMPLES / "crowded.festival.json")
    analyser = Analyser()
    analyser.analyse(lay)
    lay.booths[0].x += 0.5                      # an edit, so the analyser's parts are updated ones
    report = analyser.analyse(lay)
    parts = analyser_parts(analyser)
    assert parts is not None and parts.router is not None and parts.exit_fields is not None
    shared, fresh = overlay_data(lay, report, parts), overlay_data(lay, report)
    assert np.array_equal(np.isnan(shared.grid.distance), np.isnan(fresh.grid.distance))
    ok = np.isfinite(fresh.grid.distance)
    assert np.allclose(shared.grid.distance[ok], fresh.grid.distance[ok])
    assert np.array_equal(shared.grid.exit_index, fresh.grid.exit_index)
    assert [a.segment for a in shared.narrow_aisles] == [a.segment for a in fresh.narrow_aisles]
    assert analyser_parts(object()) is None


def test_a_large_plan_gets_coarser_cells_and_still_the_straight_line_distances():
    """300 × 200 m, one exit in the middle of each short side: 60 000 m², beyond LARGE_M2."""
    from planner.solver.overlay_data import GRID_CELLS, LARGE_M2, grid_cell_size

    assert grid_cell_size(10_000) == pytest.approx(math.sqrt(10_000 / GRID_CELLS))      # small: as before
    cell = grid_cell_size(60_000)
    # Fewer cells than GRID_CELLS: GRID_CELLS · sqrt(LARGE_M2 / area) of them.
    assert 60_000 / cell ** 2 == pytest.approx(GRID_CELLS * math.sqrt(LARGE_M2 / 60_000))
    lay = layout((0, 0, 300, 200), zones=[zone("field", 0, 0, 300, 200, visitors=5000)],
                 gates=[gate("west", (0, 95), (0, 105), kind="exit"), gate("east", (300, 95), (300, 105), kind="exit")])
    grid = overlay_data(lay, analyse(lay)).grid
    assert grid.cell == pytest.approx(grid_cell_size(build_areas(lay).walkable.area))
    assert grid.distance.size < GRID_CELLS
    doors = [(BODY, 100.0), (300 - BODY, 100.0)]
    cells = finite_cells(grid)
    assert len(cells) > 3000
    for r, c, (x, y) in cells:
        assert grid.distance[r, c] == pytest.approx(min(math.dist((x, y), d) for d in doors), abs=1e-3)
        if abs(x - 150) > 1e-6:
            assert grid.exit_index[r, c] == (0 if x < 150 else 1)


# -- the grid kept across edits ------------------------------------------------------------------------------
def gap_room():
    """30 × 8 m, exits at both ends; a wall x 10–11 up to y 4.5 leaves a 3.5 m gap above it.

    A 3 × 3.5 m booth stands in the open at x 20; moved 9.5 m west it fills the gap, and the
    visitors east of the wall must all leave by the east exit.
    """
    from planner.model import Booth

    return layout((0, 0, 30, 8), obstacles=[wall("w", 10, 0, 11, 4.5)],
                  zones=[zone("hall", 0, 0, 30, 8, visitors=100)],
                  gates=[gate("west", (0, 1), (0, 3), kind="exit"), gate("east", (30, 1), (30, 3), kind="exit")],
                  booths=[Booth(id="b", number="1", x=20.0, y=6.25, width=3.0, depth=3.5)])


def live_grids(lay, edits):
    """The grid after each edit as the live analysis makes it (one analyser, its memory), and afresh."""
    from planner.solver.incremental import Analyser
    from planner.solver.overlay_data import analyser_parts

    analyser = Analyser()
    overlay_data(lay, analyser.analyse(lay), analyser_parts(analyser))
    out = []
    for edit in edits:
        edit.apply(lay)
        report = analyser.analyse(lay)
        parts = analyser_parts(analyser)
        kept = overlay_data(lay, report, parts).grid
        fresh = overlay_data(lay, analyse(lay)).grid
        out.append((kept, fresh, parts.memory.kept))
    return out


def test_a_booth_that_fills_a_gap_sends_the_cells_behind_it_to_the_other_exit_as_a_fresh_search_does():
    from planner.model.edits import MoveObjects

    lay = gap_room()
    before = overlay_data(lay, analyse(lay)).grid
    [(kept, fresh, reused)] = live_grids(lay, [MoveObjects(lay, ["b"], -9.5, 0)])
    assert np.array_equal(kept.distance, fresh.distance, equal_nan=True)
    assert np.array_equal(kept.exit_index, fresh.exit_index)
    # The cells east of the wall that left by the west exit now leave by the east one: the
    # edit changed answers far from the booth, which a memory trusted blindly would keep.
    east = np.zeros(kept.shape, dtype=bool)
    east[:, [c for c in range(kept.shape[1]) if kept.centre(0, c)[0] > 12]] = True
    turned = east & (before.exit_index == 0) & (kept.exit_index == 1)
    assert turned.sum() >= 10
    # Cells west of the wall, far from the change, kept their answers.
    assert 0 < reused < np.isfinite(kept.distance).sum()


def test_the_live_grid_after_moves_and_a_removal_is_the_fresh_one():
    from planner.model.edits import MoveObjects, RemoveObjects

    lay = read_layout(EXAMPLES / "crowded.festival.json")
    ids = [b.id for b in lay.booths]
    edits = [MoveObjects(lay, [ids[3]], 0.5, 0.0), MoveObjects(lay, [ids[3]], -0.5, 0.0),
             MoveObjects(lay, [ids[len(ids) // 2]], 0.0, 0.5), RemoveObjects(lay, [ids[-1]])]
    results = live_grids(lay, edits)
    for kept, fresh, _reused in results:
        assert np.array_equal(kept.distance, fresh.distance, equal_nan=True)
        assert np.array_equal(kept.exit_index, fresh.exit_index)
    # Where the walkable area keeps its size, so do the cells, and most answers are kept; where
    # it does not (this plan's booths overlap), every cell moves a little and is searched again.
    assert any(reused > 0 for _k, _f, reused in results)


def test_an_edit_that_leaves_the_walkable_area_alone_keeps_the_very_same_grid():
    from planner.model.edits import SetFields
    from planner.solver.incremental import Analyser
    from planner.solver.overlay_data import analyser_parts

    lay = read_layout(EXAMPLES / "crowded.festival.json")
    analyser = Analyser()
    first = overlay_data(lay, analyser.analyse(lay), analyser_parts(analyser)).grid
    SetFields(lay, {lay.booths[0].id: {"exhibitor": "茶艺 Tea"}}).apply(lay)
    again = overlay_data(lay, analyser.analyse(lay), analyser_parts(analyser)).grid
    assert again is first
