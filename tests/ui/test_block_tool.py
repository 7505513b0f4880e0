"""The booth block tool on the real window: drag, zone fill, a line, options, undo, save and reopen."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from shapely.geometry import Point, box

from planner.formats import read_layout
from planner.model.numbering import duplicate_numbers
from tests.ui.helpers import click, double_click, drag, move, press, release


def overlaps(booths):
    return [(a.id, b.id) for a, b in itertools.combinations(booths, 2)
            if a.shape().intersection(b.shape()).area > 1e-6]


def clashes(new, old):
    """New booths standing on booths that were there before (the test market's own b-2 and b-3 overlap)."""
    return [(a.id, b.id) for a in new for b in old if a.shape().intersection(b.shape()).area > 1e-6]


def status_text(window):
    return window.status.currentMessage()


def test_drag_a_block_preview_commit_undo_redo_save_and_reopen(window, qtbot, tmp_path, monkeypatch):
    view, layout = window.view, window.layout
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert window.host.tool.name == "block" and window.actions["tool_block"].isChecked()
    tool = window.host.tool
    options = window.tool_options
    assert options.block_size.currentData() == (3.0, 3.0) and options.block_rows.currentData() is True
    options.block_aisle.setValue(4.0)
    # Drag 30 m × 20 m from (20, 20) to (50, 40): two back-to-back pairs of ten 3 × 3 m booths.
    move(view, 20, 20, held=False)
    press(view, 20, 20)
    for x, y in ((25, 25), (40, 35), (50, 40)):
        move(view, x, y)
    assert tool.block is not None and tool.block.count == 40
    assert status_text(window).startswith("40 booths · 4 rows · aisles 4.0 m")
    assert len(tool._ghosts.polygons) == 40                                   # ghosts on the plan
    assert len(layout.booths) == 4                                           # nothing placed yet
    release(view, 50, 40)
    assert len(layout.booths) == 44
    new = layout.booths[4:]
    assert sorted({b.y for b in new}) == [21.5, 24.5, 31.5, 34.5]
    assert sorted({b.x for b in new}) == [21.5 + 3 * i for i in range(10)]
    assert sorted(b.number for b in new) == [f"ANI-{n:03d}" for n in range(4, 44)]
    assert window.document.undo_stack.count() == 1
    assert window.actions["undo"].text().replace("&", "") == "Undo Add 40 booths"
    assert set(window.selection.ids) == {b.id for b in new}
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(layout.booths) == 4
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(layout.booths) == 44
    target = tmp_path / "block.festival.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert window.files.save_as()
    reread = read_layout(Path(target))
    assert len(reread.booths) == 44 and not duplicate_numbers(reread.booths)
    assert {(b.x, b.y, b.rotation, b.open_sides) for b in reread.booths} == \
        {(b.x, b.y, b.rotation, b.open_sides) for b in layout.booths}


def test_click_in_a_zone_fills_it_without_leaving_it_or_touching_obstacles(window, qtbot):
    view, layout = window.view, window.layout
    window.host.set_tool("block")
    tool = window.host.tool
    food = layout.get("food")
    move(view, 75, 35, held=False)                                           # hovering previews the fill
    preview = tool.block.count
    assert preview > 20 and str(preview) in status_text(window)
    click(view, 75, 35)
    new = layout.booths[4:]
    assert len(new) == preview
    shape = food.shape().buffer(1e-6)
    assert all(shape.contains(b.shape()) for b in new)
    pond = layout.get("pond").shape()
    assert not [b for b in new if b.shape().intersection(pond).area > 1e-6]
    assert not overlaps(new) and not clashes(new, layout.booths[:4])
    assert window.document.undo_stack.count() == 1


def test_booths_along_a_line_with_a_bend(window, qtbot):
    view, layout = window.view, window.layout
    window.host.set_tool("block")
    tool = window.host.tool
    options = window.tool_options
    options.block_mode.setCurrentIndex(options.block_mode.findData("line"))
    options.block_rows.setCurrentIndex(options.block_rows.findData(False))
    assert tool.mode == "line" and not tool.params.back_to_back
    click(view, 10, 20)
    click(view, 40, 20)
    move(view, 40, 45, held=False)
    assert tool.block.count > 0
    assert len(tool.block.amenities_clear) == 1 and "1 amenity kept clear" in status_text(window)
    assert len(tool._ghosts.spots) == 1
    double_click(view, 40, 45)
    new = layout.booths[4:]
    # Left of (10,20)→(40,20)→(40,45): the leg along x gives up 3 m at the bend: 9 booths, the leg north
    # starts 3 m up and ends at 45 (22 m): its first booth is the tenth, then the default 4 m cross aisle,
    # then 5 more (y 30–45); the site and the zone edge at y=50 are not reached. The line ends on the
    # WC at (40, 45): its ground (1.5 m) and the 4 m aisle round it take the two booths from y 39 up
    # (the one at y 36–39 is 6 m from it and stays).
    assert len(new) == 13
    assert sorted(b.y for b in new if b.x == 38.5) == [24.5, 31.5, 34.5, 37.5]
    assert min(b.shape().distance(Point(40, 45)) for b in new) == 6.0
    assert not overlaps(new) and not clashes(new, layout.booths[:4])
    assert window.document.undo_stack.count() == 1
    assert not tool.busy


def test_r_turns_the_rows_and_the_options_follow(window, qtbot):
    window.host.set_tool("block")
    qtbot.keyClick(window.view, Qt.Key.Key_R)
    assert window.host.tool.params.rotation == 270.0
    assert window.tool_options.block_rotation.value() == 270
    window.tool_options.block_rotation.setValue(45)
    assert window.host.tool.params.rotation == 45.0


def test_escape_cancels_a_line(window, qtbot):
    window.host.set_tool("block")
    window.tool_options.block_mode.setCurrentIndex(1)
    click(window.view, 10, 20)
    click(window.view, 30, 20)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.host.tool.busy and len(window.layout.booths) == 4


def test_corner_booths_at_row_ends_can_be_switched_off(window, qtbot):
    view, layout = window.view, window.layout
    window.host.set_tool("block")
    options = window.tool_options
    # 10 m × 10 m: one back-to-back pair (6 m) of three 3 × 3 m booths; a second needs 16 m. Row ends: corners.
    drag_points = [(20, 20), (25, 25), (30, 30)]
    drag(view, drag_points)
    first = layout.booths[4:]
    assert sorted(b.booth_type for b in first) == ["corner"] * 4 + ["inline"] * 2
    window.document.undo()
    qtbot.mouseClick(options.block_corners, Qt.MouseButton.LeftButton)
    assert not window.host.tool.params.corner_ends
    drag(view, drag_points)
    assert [b.booth_type for b in layout.booths[4:]] == ["inline"] * 6


def test_the_preview_survives_opening_another_layout(window, qtbot):
    window.host.set_tool("block")
    tool = window.host.tool
    move(window.view, 75, 35, held=False)
    assert tool._ghosts.polygons
    window.files.new_blank()                              # the scene is rebuilt for the new layout
    window.host.set_tool("block")
    drag(window.view, [(20, 20), (25, 25), (30, 30)])
    assert len(window.layout.booths) == 6
    assert tool._ghosts.scene() is window.scene and not tool._ghosts.polygons


def test_a_zone_fill_keeps_aisles_and_gate_aprons_and_passes_the_check(window, qtbot):
    from planner.solver.analysis import analyse

    view, layout = window.view, window.layout
    window.host.set_tool("block")
    tool = window.host.tool
    options = window.tool_options
    assert options.block_cross.value() == 10 and tool.params.cross_every == 10     # cross aisles by default
    before = {(f.rule, f.location) for f in analyse(layout).findings}
    move(view, 35, 30, held=False)                                           # hover over the anime zone
    text = status_text(window)
    # Both gates touch the anime zone (north 20–30 at y 50, west 10–14 at x 0): their aprons show.
    assert "4.0 m clear around" in text and "2 gates kept clear" in text
    assert len(tool._ghosts.aprons) == 2
    count = tool.block.count
    click(view, 35, 30)
    new = layout.booths[4:]
    assert len(new) == count > 20
    north = box(20, 44, 30, 50)                          # the gate's width, 6 m deep (min aisle 3 m < 6 m)
    west = box(0, 10, 6, 14)
    for apron in (north, west):
        assert min(b.shape().distance(apron) for b in new) >= 4.0 - 1e-6
    assert min(a.shape().distance(b.shape()) for a in new for b in layout.booths[:4]) >= 4.0 - 1e-6
    assert min(b.shape().exterior.distance(layout.get("anime").shape().exterior) for b in new) >= 4.0 - 1e-6
    after = analyse(layout).findings
    added = [f for f in after if (f.rule, f.location) not in before]
    assert not [f for f in added if f.rule in ("aisle-too-narrow", "booth-unreachable", "booth-closed")], \
        [f.message for f in added]


def test_cross_aisles_can_be_switched_off_in_the_options(window, qtbot):
    view = window.view
    window.host.set_tool("block")
    tool = window.host.tool
    options = window.tool_options
    # A 70 m × 10 m drag from (15, 20): rows of 3 m booths, 4 m cross aisles after every ten.
    drag_to = [(15, 20), (40, 25), (85, 30)]
    move(view, *drag_to[0], held=False)
    press(view, *drag_to[0])
    for x, y in drag_to[1:]:
        move(view, x, y)
    assert "cross aisles 4.0 m" in status_text(window)
    with_cross = tool.block.count
    options.block_cross.setFocus()
    options.block_cross.selectAll()
    qtbot.keyClicks(options.block_cross, "0")
    assert options.block_cross.value() == 0 and tool.params.cross_every == 0
    assert "cross aisles" not in status_text(window) and tool.block.count > with_cross
    shown = tool.block.count
    release(view, *drag_to[-1])
    assert len(window.layout.booths) == 4 + shown                   # what the preview said is what is placed


def test_filling_the_west_lake_innovation_zone_keeps_its_amenities_clear(qtbot):
    from planner.formats import read_layout as read
    from planner.model.blocks import AMENITY_RADIUS_M
    from planner.ui.main_window import MainWindow

    path = Path(__file__).resolve().parents[2] / "layouts" / "west-lake-2018.festival.json"
    window = MainWindow(read(path), path)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    layout = window.layout
    zone = layout.get("innovation").shape()
    window.view.fit()
    window.host.set_tool("block")
    tool = window.host.tool
    before = len(layout.booths)
    move(window.view, 650, 180, held=False)
    assert tool.block is not None and tool.block.count > 50
    # Inside the zone (or at its edge) stand the info point, a WC, a water tap, a security post, a
    # hydrant and an assembly point: every one is outlined and named in the preview.
    near = [a for a in layout.amenities if zone.distance(Point(a.x, a.y)) < 1.0]
    assert {a.id for a in near} >= {"info-e1", "wc-5", "water-6", "sec-e1", "hydrant-5", "assembly-5"}
    assert f"{len(near)} amenities kept clear" in status_text(window)
    assert len(tool._ghosts.spots) == len(near)
    click(window.view, 650, 180)
    new = layout.booths[before:]
    assert len(new) > 50 and window.document.undo_stack.count() == 1
    ring = AMENITY_RADIUS_M + tool.clearance()                  # 1.5 m of ground + the 4 m aisle
    for amenity in layout.amenities:
        spot = Point(amenity.x, amenity.y)
        assert min(b.shape().distance(spot) for b in new) >= ring - 1e-6, amenity.id
