from __future__ import annotations

import copy

import pytest

from planner.model import Booth, Change, Zone
from planner.model.edits import (
    AddObjects, Batch, MoveObjects, RemoveObjects, RotateObjects, SetFields, SetPart, copy_object,
)
from planner.model.layout import Georef
from tests.factories import rect, small_layout


def snapshot(layout):
    return copy.deepcopy(layout)


def roundtrip(layout, edit):
    """Apply then revert: the layout must be back where it was, and apply again reproduces."""
    before = snapshot(layout)
    edit.apply(layout)
    after = snapshot(layout)
    assert after != before
    edit.revert(layout)
    assert layout == before
    edit.apply(layout)
    assert layout == after
    return after


def test_add_and_remove_keep_order_and_index():
    layout = small_layout()
    new = Booth(id="b-9", number="ANI-009", x=30, y=30)
    roundtrip(layout, AddObjects([new]))
    assert layout.get("b-9") is new
    edit = RemoveObjects(layout, ["b-2", "b-1"])
    assert edit.label == "Delete 2 booths"
    roundtrip(layout, edit)
    assert [b.id for b in layout.booths] == ["b-3", "b-4", "b-9"]
    edit.revert(layout)
    assert [b.id for b in layout.booths] == ["b-1", "b-2", "b-3", "b-4", "b-9"]
    assert layout.get("b-1").number == "ANI-001"


def test_add_refuses_a_duplicate_id():
    layout = small_layout()
    with pytest.raises(ValueError):
        AddObjects([Booth(id="b-1", x=0, y=0)]).apply(layout)


def test_move_shifts_every_kind_of_object():
    layout = small_layout()
    layout.zones[0].anchor = (5.0, 5.0)
    edit = MoveObjects(layout, ["b-1", "anime", "g-north", "wc-1", "pond"], 2.0, -1.0)
    assert edit.label == "Move 5 objects"
    roundtrip(layout, edit)
    assert layout.get("b-1").centre == (12.0, 9.0)
    assert layout.get("anime").polygon == rect(2, -1, 52, 49)
    assert layout.get("anime").anchor == (7.0, 4.0)
    assert layout.get("g-north").a == (22.0, 49.0)
    assert (layout.get("wc-1").x, layout.get("wc-1").y) == (42.0, 44.0)
    assert layout.get("pond").polygon == rect(82, -1, 102, 19)


def test_nudges_merge_into_one_step():
    layout = small_layout()
    first = MoveObjects(layout, ["b-1"], 0.1, 0)
    first.apply(layout)
    second = MoveObjects(layout, ["b-1"], 0.1, 0)
    second.apply(layout)
    assert first.merge(layout, second)
    first.revert(layout)
    assert layout.get("b-1").x == 10
    first.apply(layout)
    assert layout.get("b-1").x == pytest.approx(10.2)
    assert not first.merge(layout, MoveObjects(layout, ["b-2"], 1, 0))


def test_rotate_about_own_centre_and_about_a_group_centre():
    layout = small_layout()
    roundtrip(layout, RotateObjects(layout, ["b-1"], 90))
    b = layout.get("b-1")
    assert b.rotation == 90 and b.centre == (10, 10)
    layout = small_layout()
    RotateObjects(layout, ["b-1", "b-2"], 180, centre=(11.5, 10)).apply(layout)
    assert layout.get("b-1").x == pytest.approx(13) and layout.get("b-2").x == pytest.approx(10)
    assert layout.get("b-1").rotation == 180


def test_set_fields_on_many_objects_and_on_settings():
    layout = small_layout()
    edit = SetFields(layout, {"b-1": {"status": "blocked"}, "b-2": {"status": "blocked"},
                              "settings": {"min_aisle_width": 4.0}})
    roundtrip(layout, edit)
    assert layout.get("b-2").status == "blocked"
    assert layout.settings.min_aisle_width == 4.0
    with pytest.raises(AttributeError):
        SetFields(layout, {"b-1": {"id": "other"}})
    with pytest.raises(KeyError):
        SetFields(layout, {"nope": {"status": "sold"}})


def test_set_fields_keeps_mutable_old_values():
    layout = small_layout()
    edit = SetFields(layout, {"anime": {"numbering": {"prefix": "A-"}}})
    edit.apply(layout)
    edit.revert(layout)
    assert layout.get("anime").numbering == {"prefix": "ANI-", "start": 1, "digits": 3}


def test_batch_is_one_step_and_reverts_backwards():
    layout = small_layout()
    twin = copy_object(layout.get("b-1"), "b-10", dx=0, dy=5)
    batch = Batch([AddObjects([twin]), MoveObjects(layout, ["b-1"], 0, 1)], label="Duplicate")
    roundtrip(layout, batch)
    assert layout.get("b-10").centre == (10, 15)
    assert layout.get("b-10").extra is not layout.get("b-1").extra


def test_set_part_adds_and_removes_georef():
    layout = small_layout()
    roundtrip(layout, SetPart(layout, "georef", Georef(lat=30.259, lon=120.151)))
    assert layout.georef.lat == 30.259


def test_edits_tell_subscribers_what_changed():
    layout = small_layout()
    seen: list[Change] = []
    layout.subscribe(seen.append)
    MoveObjects(layout, ["b-1", "b-2"], 1, 1).apply(layout)
    SetFields(layout, {"event": {"revision": "4"}}).apply(layout)
    zone = Zone(id="z-new", polygon=rect(0, 0, 5, 5))
    AddObjects([zone]).apply(layout)
    assert seen[0].changed == ["b-1", "b-2"]
    assert seen[1].parts == ["event"] and seen[1].changed == []
    assert seen[2].added == ["z-new"]
    layout.unsubscribe(seen.append)
    AddObjects([Booth(id="b-99", x=1, y=1)]).apply(layout)
    assert len(seen) == 3


def test_new_id_is_unused():
    layout = small_layout()
    count = sum(1 for _ in layout.objects())
    taken = f"b-{count + 2:04d}"        # after this booth is added, the count points right at it
    AddObjects([Booth(id=taken, x=1, y=1)]).apply(layout)
    fresh = layout.new_id("b")
    assert fresh not in layout and fresh != taken
