"""Live clearances while booths are dragged: gaps worked out by hand from the booths' edges."""

from __future__ import annotations

import pytest

from planner.model import Booth, Layout, Obstacle, Settings, Site
from planner.ui.analysis import set_live_enabled
from planner.ui.canvas.tools.select import DragClearance
from tests.factories import rect
from tests.ui.helpers import CTRL, move, press, release


def two_booths(**extra) -> Layout:
    """A 30 × 20 m site; 3 × 3 m booths centred at (10, 10) and (20, 10): 7 m apart edge to edge."""
    return Layout(site=Site(boundary=rect(0, 0, 30, 20)), name="Two", settings=Settings(),
                  booths=[Booth(id="a", number="A-01", x=10, y=10), Booth(id="b", number="A-02", x=20, y=10)],
                  **extra)


def test_gap_to_the_neighbour_is_measured_edge_to_edge():
    lay = two_booths()
    clearance = DragClearance(lay, ["b"])
    # Moved 5 m west, b's west edge is at 13.5 and a's east edge at 11.5: 2 m, under the 3 m minimum.
    (gap,) = clearance.measure(-5, 0)
    assert gap.gap == pytest.approx(2.0)
    assert gap.a[0] == pytest.approx(13.5) and gap.b[0] == pytest.approx(11.5)
    assert 8.5 <= gap.a[1] <= 11.5 and gap.a[1] == pytest.approx(gap.b[1])
    assert gap.short
    (wide,) = clearance.measure(-3.5, 0)
    assert wide.gap == pytest.approx(3.5) and not wide.short
    assert clearance.measure(0, 0) == []              # 7 m apart and 8.5 m from the site edge: out of reach


def test_obstacles_and_the_site_edge_count_and_a_turned_booth_is_measured_by_its_outline():
    pond = Obstacle(id="pond", kind="water", polygon=rect(14, 0, 18, 4))
    lay = two_booths(obstacles=[pond])
    lay.booths[1].rotation = 90          # a square turned a quarter: the same outline
    clearance = DragClearance(lay, ["b"])
    gaps = sorted(clearance.measure(-4, -3), key=lambda c: c.gap)
    # b now spans x 14.5–17.5, y 5.5–8.5: the pond's top (y 4) is 1.5 m below it, nearer than the
    # site's south edge behind it; a (x 8.5–11.5, y 8.5–11.5) is 3 m west; the rest is out of reach.
    assert [round(g.gap, 6) for g in gaps] == [1.5, 3.0]
    assert [g.short for g in gaps] == [True, False]
    assert gaps[0].b[1] == pytest.approx(4.0) and gaps[1].b[0] == pytest.approx(11.5)
    # Nearer still and the diagonal counts: 3 m across and 1.5 m up from a's corner.
    (corner,) = [g for g in clearance.measure(-4, -4.5) if g.b[0] == pytest.approx(11.5)]
    assert corner.gap == pytest.approx((3.0 ** 2 + 1.5 ** 2) ** 0.5)


def test_booths_dragged_together_are_not_measured_against_each_other():
    lay = two_booths()
    clearance = DragClearance(lay, ["a", "b"])
    gaps = clearance.measure(0, -5.5)                   # both 5.5 m south: 3 m above the site edge
    assert sorted(round(g.gap, 6) for g in gaps) == [3.0, 3.0]
    assert all(g.b[1] == pytest.approx(0.0) for g in gaps)


def test_dragging_a_booth_on_the_view_shows_its_clearance_in_red(qtbot):
    from planner.ui.main_window import MainWindow

    set_live_enabled(False)
    win = MainWindow(two_booths(), None)
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    win.view.fit()
    view, tool = win.view, win.host.tools["select"]
    move(view, 20, 10, held=False)
    press(view, 20, 10)
    for x in (19, 17, 16, 15):
        move(view, x, 10, CTRL)
    dx, dy = tool._delta
    assert dx == pytest.approx(-5, abs=0.1) and dy == pytest.approx(0, abs=0.1)
    expected = (20 + dx - 1.5) - 11.5                     # b's west edge to a's east edge
    (shown,) = tool.clearances
    assert shown.gap == pytest.approx(expected, abs=1e-9)
    assert shown.short
    item = tool._dimensions
    assert item.isVisible() and item.scene() is win.scene
    assert item.labels() == [f"{expected:.2f} m"]
    assert win.document.layout.get("b").x == 20            # the model waits for the release
    release(view, 15, 10, CTRL)
    assert tool.clearances == [] and item.labels() == []
    assert win.document.layout.get("b").x == pytest.approx(20 + dx)


def test_a_booth_dragged_onto_another_says_overlap_where_they_meet():
    clearance = DragClearance(two_booths(), ["b"])
    # 8 m west, b spans x 10.5–13.5 over a's 8.5–11.5: they share the strip x 10.5–11.5.
    (shown,) = clearance.measure(-8, 0)
    assert shown.overlap and shown.short and shown.gap == 0
    assert shown.a == pytest.approx((11.0, 10.0))
    # Side by side (touching, as in a row) is neither a gap nor an overlap.
    assert clearance.measure(-7, 0) == []
