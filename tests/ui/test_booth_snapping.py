"""Placing booths one click at a time: flush against a neighbour, on the grid elsewhere, free with Ctrl.

The window tests drive the plan view with real mouse events; the geometry
of ``flush_against`` is checked on its own against hand-worked places.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from planner.model.layout import Booth
from planner.render.geometry import to_scene
from planner.ui.canvas.tools.place import SnapGuide
from planner.ui.canvas.tools.snapping import flush_against
from tests.ui.helpers import CTRL, click, move

ROW_Y = 30.0            # open ground in the anime zone, well inside it: no zone edge within snapping reach
CLICKS = [(10.3, 30.2), (13.4, 29.8), (16.1, 30.4), (19.5, 29.7), (22.2, 30.3)]   # "about 3 m apart"


def new_booths(window, before: set[str]) -> list[Booth]:
    return [b for b in window.layout.booths if b.id not in before]


@pytest.fixture
def booth_tool(window):
    """The window zoomed to 20 px per metre (5 cm a pixel, a 1 m grid) over open ground, Place Booth active."""
    view = window.view
    view.set_zoom(20.0)
    view.centerOn(to_scene(17.0, ROW_Y))
    window.actions["tool_booth"].trigger()
    assert window.host.tool.name == "booth"
    assert window.host.snapper.grid_step == 1.0
    return window


def flat(points) -> list[float]:
    return [c for p in points for c in p]


def side_gap(a: Booth, b: Booth) -> float:
    """Distance from a's right side to b's left side, both unrotated (0 when they touch)."""
    return min(x for x, _ in b.corners()) - max(x for x, _ in a.corners())


def test_five_clicks_along_a_row_make_five_touching_booths_in_line(booth_tool):
    window = booth_tool
    view = window.view
    before = {b.id for b in window.layout.booths}
    undo_steps = window.document.undo_stack.count()
    for x, y in CLICKS:
        click(view, x, y)
    row = sorted(new_booths(window, before), key=lambda b: b.x)
    assert len(row) == 5
    assert window.document.undo_stack.count() == undo_steps + 5          # one step per booth
    for a, b in zip(row, row[1:]):
        assert abs(side_gap(a, b)) < 1e-3                                 # sides coincide: no gap, no overlap
        assert flat(a.side_segment("right")) == pytest.approx(flat(reversed(b.side_segment("left"))), abs=1e-3)
    fronts = [p for b in row for p in b.front_edge]
    assert max(y for _, y in fronts) - min(y for _, y in fronts) < 1e-3  # one straight front line
    assert all(b.rotation == 0.0 and (b.width, b.depth) == (3.0, 3.0) for b in row)
    first = row[0]
    assert all(abs(c - round(c)) < 1e-9 for p in first.corners() for c in p)   # the first one on the grid
    assert [b.number for b in row] == ["ANI-004", "ANI-005", "ANI-006", "ANI-007", "ANI-008"]


def test_undo_takes_back_one_booth(booth_tool):
    window = booth_tool
    before = {b.id for b in window.layout.booths}
    for x, y in CLICKS[:3]:
        click(window.view, x, y)
    assert len(new_booths(window, before)) == 3
    window.view.setFocus()
    window.actions["undo"].trigger()
    left = sorted(new_booths(window, before), key=lambda b: b.x)
    assert len(left) == 2 and abs(side_gap(left[0], left[1])) < 1e-3


def test_a_click_far_from_any_booth_lands_on_the_grid(booth_tool):
    window = booth_tool
    before = {b.id for b in window.layout.booths}
    click(window.view, 30.37, 38.71)
    (booth,) = new_booths(window, before)
    corners = booth.corners()
    assert all(abs(c - round(c)) < 1e-9 for p in corners for c in p)
    assert corners[0] == (29.0, 37.0)                       # the corner nearest the cursor's ghost corner
    assert window.document.undo_stack.undoText() == "Add 1 booth"


def test_ctrl_places_the_booth_where_the_mouse_is(booth_tool):
    window = booth_tool
    view = window.view
    click(view, *CLICKS[0])
    before = {b.id for b in window.layout.booths}
    first = window.layout.booths[-1]
    # Close beside the first booth, a little off its front line: with Ctrl it is neither pulled flush nor aligned.
    target = (first.x + 3.3, first.y + 0.4)
    click(view, *target, CTRL)
    (booth,) = new_booths(window, before)
    pixel = 1 / view.zoom()
    assert math.dist((booth.x, booth.y), target) <= pixel       # where the mouse was, to within a pixel
    assert side_gap(first, booth) == pytest.approx(0.3, abs=pixel)
    assert booth.y - first.y == pytest.approx(0.4, abs=pixel)


def test_hovering_beside_a_booth_shows_the_snap_guide_then_clears_it(booth_tool, qtbot):
    window = booth_tool
    view = window.view
    click(view, *CLICKS[0])
    first = window.layout.booths[-1]
    move(view, first.x + 3.5, first.y - 0.3, held=False)
    guides = [i for i in window.scene.items() if isinstance(i, SnapGuide)]
    assert len(guides) == 1 and guides[0].isVisible()
    snap = guides[0].snap
    assert snap is not None and snap.neighbour.id == first.id and snap.side == "right"
    right = first.side_segment("right")
    assert flat(sorted(snap.contact)) == pytest.approx(flat(sorted(right)), abs=1e-9)      # the whole shared side
    front_y = first.front_edge[0][1]
    assert snap.guide[0][1] == pytest.approx(front_y) and snap.guide[1][1] == pytest.approx(front_y)
    assert window.scene.preview_item.preview.booth.x == pytest.approx(first.x + 3.0)
    assert "ANI-004" in window.scene.preview_item.preview.text
    move(view, 30.0, 40.0, held=False)                          # away from booths: no guide
    assert guides[0].snap is None
    move(view, first.x + 3.5, first.y, held=False)
    assert guides[0].snap is not None
    move(view, first.x + 3.5, first.y, CTRL, held=False)        # Ctrl held: no snapping, no guide
    assert guides[0].snap is None
    move(view, first.x + 3.5, first.y, held=False)
    assert guides[0].snap is not None
    qtbot.keyClick(view, Qt.Key.Key_Escape)                     # Esc: back to selecting, ghost and guide gone
    assert window.host.tool.name == "select"
    assert guides[0].snap is None and window.scene.preview_item.preview.booth is None


def test_the_block_tool_still_fills_a_rectangle_after_booths_were_placed(booth_tool):
    """Placing single booths leaves the block tool as it was: a drag still lays out rows in one step."""
    from tests.ui.helpers import drag

    window = booth_tool
    for x, y in CLICKS[:2]:
        click(window.view, x, y)
    window.actions["tool_block"].trigger()
    count = len(window.layout.booths)
    drag(window.view, [(8.0, 36.0), (30.0, 47.0)])
    assert len(window.layout.booths) > count
    assert window.document.undo_stack.undoText().startswith("Add")


# -- the geometry alone -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("turn", "tool"), [(0.0, 0.0), (17.0, 0.0), (90.0, 0.0), (233.5, 270.0)])
def test_flush_against_a_turned_booth_shares_its_side_and_front_line(turn, tool):
    n = Booth(id="n", x=40.0, y=20.0, width=3.0, depth=3.0, rotation=turn)
    # The cursor 3.4 m along n's width axis and 0.3 m towards its front, in n's own axes.
    a = math.radians(turn)
    cursor = (n.x + 3.4 * math.cos(a) - 0.3 * -math.sin(a), n.y + 3.4 * math.sin(a) - 0.3 * math.cos(a))
    snap = flush_against(3.0, 3.0, tool, cursor, [n], reach=1.0)
    assert snap is not None and snap.side == "right"
    assert snap.rotation == pytest.approx(turn % 360.0)       # a row keeps the neighbour's turn ...
    placed = Booth(id="p", x=snap.x, y=snap.y, width=3.0, depth=3.0, rotation=snap.rotation)
    assert flat(placed.side_segment("left")) == pytest.approx(flat(reversed(n.side_segment("right"))), abs=1e-9)
    # ... and its front line: the new front edge continues n's.
    (fa, fb), (ga, gb) = n.front_edge, placed.front_edge
    assert fb == pytest.approx(ga, abs=1e-9)
    cross = (fb[0] - fa[0]) * (gb[1] - fa[1]) - (fb[1] - fa[1]) * (gb[0] - fa[0])
    assert abs(cross) < 1e-9


def test_flush_turns_the_booth_like_its_neighbour_or_back_to_back():
    n = Booth(id="n", x=10.0, y=10.0, width=6.0, depth=3.0, rotation=90.0)   # 6 m frontage facing east
    snap = flush_against(3.0, 3.0, 0.0, (10.6, 14.3), [n], reach=1.0)         # the tool still at 0°
    assert snap is not None and snap.rotation == 90.0 and snap.side == "right"
    assert (snap.x, snap.y) == pytest.approx((10.0, 14.5))                      # y 13..16, front on x 11.5
    behind = flush_against(3.0, 3.0, 270.0, (7.2, 10.4), [n], reach=1.0)      # the tool turned to face west
    assert behind is not None and behind.rotation == 270.0 and behind.side == "back"
    assert (behind.x, behind.y) == pytest.approx((7.0, 10.0 + 1.5), abs=1e-9)   # back to back, in line at one end


def test_flush_deeper_booth_lines_up_on_the_front_not_the_middle():
    n = Booth(id="n", x=10.0, y=10.0, width=3.0, depth=3.0)            # front line at y 8.5
    snap = flush_against(6.0, 6.0, 0.0, (14.2, 11.0), [n], reach=2.0)
    assert snap is not None
    assert (snap.x, snap.y) == pytest.approx((14.5, 11.5))              # 6 × 6 from y 8.5 to 14.5: fronts in line


def test_flush_back_to_back_aligns_the_side_lines():
    n = Booth(id="n", x=10.0, y=10.0, width=3.0, depth=3.0)
    snap = flush_against(3.0, 3.0, 180.0, (10.4, 13.3), [n], reach=1.0)
    assert snap is not None and snap.side == "back" and snap.rotation == 180.0
    assert (snap.x, snap.y) == pytest.approx((10.0, 13.0))


def test_flush_passes_over_a_place_that_would_overlap_another_booth():
    a = Booth(id="a", x=10.0, y=10.0)
    b = Booth(id="b", x=15.0, y=10.0)              # 2 m gap between a (8.5..11.5) and b (13.5..16.5)
    snap = flush_against(3.0, 3.0, 0.0, (12.6, 10.0), [a, b], reach=1.0)
    # Right of a (x 13.0) would overlap b by 0.5 m, left of b (x 12.0) would overlap a: neither is offered.
    assert snap is None
    wide = Booth(id="b", x=16.0, y=10.0)           # a 3 m gap: right of a fits exactly, touching both
    snap = flush_against(3.0, 3.0, 0.0, (12.6, 10.0), [a, wide], reach=1.0)
    assert snap is not None and (snap.x, snap.y) == pytest.approx((13.0, 10.0))


def test_flush_reaches_only_so_far():
    n = Booth(id="n", x=10.0, y=10.0)
    assert flush_against(3.0, 3.0, 0.0, (13.9, 10.0), [n], reach=1.0) is not None   # 0.9 m gap: pulled
    assert flush_against(3.0, 3.0, 0.0, (14.1, 10.0), [n], reach=1.0) is None       # 1.1 m gap: left alone
