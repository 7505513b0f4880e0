"""The site plan image (SPEC §2 ``background``) through the ordinary edits: add, change, merge, remove."""

from __future__ import annotations

import copy

import pytest

from planner.formats import dumps_layout, loads_layout
from planner.model.edits import SetFields, SetPart
from planner.model.layout import Background, Change
from tests.factories import small_layout


def _background(**fields) -> Background:
    values = {"image": "plans/西湖 site.png", "metres_per_pixel": 0.25, "x": 10.0, "y": -5.0,
              "rotation_deg": 12.5, "opacity": 0.6}
    values.update(fields)
    return Background(**values)


def test_set_part_adds_replaces_and_removes_the_background_and_says_so():
    layout = small_layout()
    heard: list[Change] = []
    layout.subscribe(heard.append)
    first, second = _background(), _background(image="other.jpg", metres_per_pixel=0.05)
    add = SetPart(layout, "background", first)
    add.apply(layout)
    assert layout.background is first and heard[-1].parts == ["background"]
    replace = SetPart(layout, "background", second)
    replace.apply(layout)
    remove = SetPart(layout, "background", None)
    remove.apply(layout)
    assert layout.background is None
    remove.revert(layout)
    assert layout.background is second
    replace.revert(layout)
    assert layout.background is first
    add.revert(layout)
    assert layout.background is None
    assert len(heard) == 6 and all(c.parts == ["background"] for c in heard)


def test_set_fields_changes_the_background_in_place_and_back():
    layout = small_layout()
    layout.background = _background()
    before = copy.deepcopy(layout)
    edit = SetFields(layout, {"background": {"metres_per_pixel": 0.05, "x": 3.0, "y": 4.0, "locked": True}})
    edit.apply(layout)
    assert (layout.background.metres_per_pixel, layout.background.x, layout.background.y,
            layout.background.locked) == (0.05, 3.0, 4.0, True)
    assert layout.background.image == "plans/西湖 site.png"        # untouched fields stay
    edit.revert(layout)
    assert layout == before


def test_opacity_steps_merge_into_one_edit_that_reverts_to_the_first_value():
    layout = small_layout()
    layout.background = _background(opacity=0.6)
    first = SetFields(layout, {"background": {"opacity": 0.5}})
    first.apply(layout)
    for value in (0.4, 0.3, 0.2):
        later = SetFields(layout, {"background": {"opacity": value}})
        later.apply(layout)
        assert first.merge(layout, later)
    assert layout.background.opacity == 0.2
    first.revert(layout)
    assert layout.background.opacity == 0.6
    first.apply(layout)
    assert layout.background.opacity == 0.2
    # A change of another field is another step.
    assert not first.merge(layout, SetFields(layout, {"background": {"x": 1.0}}))


def test_set_fields_on_a_missing_background_is_refused():
    layout = small_layout()
    with pytest.raises(KeyError):
        SetFields(layout, {"background": {"opacity": 0.5}})


def test_background_with_chinese_path_and_lock_survives_the_file():
    layout = small_layout()
    layout.background = _background(locked=True)
    again = loads_layout(dumps_layout(layout))
    assert again.background == layout.background
    assert again.background.image == "plans/西湖 site.png"
