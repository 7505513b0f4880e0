"""Drawing order: ReorderObjects moves zones and obstacles within their collection, undoably."""

from __future__ import annotations

import pytest

from planner.model.edits import ReorderObjects
from planner.model.layout import Layout, Obstacle, Site, Zone
from tests.factories import rect, small_layout


def zones_layout() -> Layout:
    """Bottom to top: a big lawn, a strip off to the east, a square on the lawn, a square beside it on the lawn."""
    return Layout(
        site=Site(boundary=rect(0, 0, 200, 100)),
        zones=[
            Zone(id="lawn", name="Lawn", polygon=rect(0, 0, 60, 60)),
            Zone(id="east", name="East", polygon=rect(150, 0, 200, 100)),      # overlaps nothing
            Zone(id="sq1", name="Square 1", polygon=rect(10, 10, 30, 30)),
            Zone(id="sq2", name="Square 2", polygon=rect(30, 10, 50, 30)),     # only touches sq1
        ],
        obstacles=[Obstacle(id="pond", kind="water", polygon=rect(20, 20, 40, 40))],
    )


def order(layout: Layout) -> list[str]:
    return [z.id for z in layout.zones]


def test_to_front_and_to_back_keep_the_order_of_what_moves():
    layout = zones_layout()
    edit = ReorderObjects(layout, ["sq1", "lawn"], "front", label="Front")
    edit.apply(layout)
    assert order(layout) == ["east", "sq2", "lawn", "sq1"]
    edit.revert(layout)
    assert order(layout) == ["lawn", "east", "sq1", "sq2"]
    ReorderObjects(layout, ["sq2", "east"], "back").apply(layout)
    assert order(layout) == ["east", "sq2", "lawn", "sq1"]


def test_a_step_passes_the_next_object_it_overlaps_not_the_ones_it_does_not():
    layout = zones_layout()
    # The lawn passes the east strip (no overlap) and lands just above square 1.
    ReorderObjects(layout, ["lawn"], "forward").apply(layout)
    assert order(layout) == ["east", "sq1", "lawn", "sq2"]
    ReorderObjects(layout, ["lawn"], "forward").apply(layout)
    assert order(layout) == ["east", "sq1", "sq2", "lawn"]
    # On top of everything it overlaps: nothing to do.
    assert not ReorderObjects(layout, ["lawn"], "forward").changed
    # Backward: below square 2, then below square 1; squares that only touch never pass each other.
    ReorderObjects(layout, ["lawn"], "backward").apply(layout)
    assert order(layout) == ["east", "sq1", "lawn", "sq2"]
    ReorderObjects(layout, ["sq2"], "backward").apply(layout)
    assert order(layout) == ["east", "sq1", "sq2", "lawn"]
    assert not ReorderObjects(layout, ["sq2"], "backward").changed     # square 1 only touches it


def test_several_selected_move_together_and_undo_restores_the_order():
    layout = zones_layout()
    start = order(layout)
    edit = ReorderObjects(layout, ["sq1", "sq2"], "backward")
    edit.apply(layout)
    assert order(layout) == ["sq1", "sq2", "lawn", "east"]
    edit.apply(layout)                           # QUndoStack.push applies at once: harmless twice
    assert order(layout) == ["sq1", "sq2", "lawn", "east"]
    edit.revert(layout)
    assert order(layout) == start


def test_each_kind_keeps_its_own_order_and_the_file_keeps_the_objects():
    layout = zones_layout()
    before = {z.id: z for z in layout.zones}
    ReorderObjects(layout, ["pond", "sq1"], "front").apply(layout)
    assert [o.id for o in layout.obstacles] == ["pond"]
    assert order(layout) == ["lawn", "east", "sq2", "sq1"]
    assert all(layout.get(i) is before[i] for i in before)


def test_the_change_names_what_moved():
    layout = zones_layout()
    heard = []
    layout.subscribe(heard.append)
    edit = ReorderObjects(layout, ["sq1"], "back")
    edit.apply(layout)
    assert set(heard[-1].changed) == {"lawn", "east", "sq1"}        # sq2 kept its place
    edit.revert(layout)
    assert set(heard[-1].changed) == {"lawn", "east", "sq1"}
    assert not heard[-1].added and not heard[-1].removed


def test_unknown_orders_and_ids_are_refused():
    layout = small_layout()
    with pytest.raises(ValueError):
        ReorderObjects(layout, ["anime"], "sideways")
    with pytest.raises(KeyError):
        ReorderObjects(layout, ["nope"], "front")
