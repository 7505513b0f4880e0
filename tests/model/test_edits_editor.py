"""Additions to the edits for the editor: spin-box steps merge into one change."""

from __future__ import annotations

from planner.model.edits import MoveObjects, SetFields
from tests.factories import small_layout


def test_set_fields_steps_merge_and_revert_to_the_first_value():
    layout = small_layout()
    first = SetFields(layout, {"b-1": {"width": 3.5}, "b-2": {"width": 3.5}})
    first.apply(layout)
    second = SetFields(layout, {"b-1": {"width": 4.0}, "b-2": {"width": 4.0}})
    second.apply(layout)
    assert first.merge(layout, second)
    first.revert(layout)
    assert (layout.get("b-1").width, layout.get("b-2").width) == (3.0, 3.0)
    first.apply(layout)
    assert (layout.get("b-1").width, layout.get("b-2").width) == (4.0, 4.0)


def test_set_fields_merge_only_the_same_fields_of_the_same_targets():
    layout = small_layout()
    first = SetFields(layout, {"b-1": {"width": 3.5}})
    assert not first.merge(layout, SetFields(layout, {"b-2": {"width": 4.0}}))
    assert not first.merge(layout, SetFields(layout, {"b-1": {"depth": 4.0}}))
    assert not first.merge(layout, SetFields(layout, {"b-1": {"width": 4.0, "depth": 4.0}}))
    assert not first.merge(layout, MoveObjects(layout, ["b-1"], 1, 0))


def test_a_copy_of_a_layout_leaves_its_listeners_behind():
    import copy
    import pickle

    layout = small_layout()
    heard = []
    layout.subscribe(heard.append)
    twin = copy.deepcopy(layout)
    assert twin == layout and twin.get("b-1") is not layout.get("b-1")
    MoveObjects(twin, ["b-1"], 1, 0).apply(twin)
    assert heard == []                                   # the copy does not call the original's listeners
    assert pickle.loads(pickle.dumps(layout)) == layout
