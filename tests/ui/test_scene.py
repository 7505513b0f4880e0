"""The scene mirrors the layout: one item per object, found by id, following every edit."""

from __future__ import annotations

import pytest

from planner.model import Booth, Zone
from planner.model.edits import AddObjects, MoveObjects, RemoveObjects, SetFields
from planner.render.geometry import to_scene
from planner.ui.canvas.items import (
    AmenityItem, BoothItem, GateItem, ObstacleItem, SiteItem, ZoneItem, ZoneLabelItem, is_object_item,
)
from planner.ui.canvas.scene import FloorScene
from tests.factories import rect

KINDS = {"obstacles": ObstacleItem, "zones": ZoneItem, "gates": GateItem, "booths": BoothItem,
         "amenities": AmenityItem}


def test_one_item_per_model_object(qapp, market):
    scene = FloorScene(market)
    ids = [o.id for o in market.objects()]
    assert scene.object_ids() == set(ids)
    for collection, cls in KINDS.items():
        for obj in getattr(market, collection):
            assert isinstance(scene.item(obj.id), cls)
            assert scene.item(obj.id).object_id == obj.id
    items = [i for i in scene.items() if is_object_item(i)]
    assert len(items) == len(ids)                     # nothing drawn twice
    assert isinstance(scene.site_item, SiteItem)
    assert {lab.object_id for lab in scene.items() if isinstance(lab, ZoneLabelItem)} == \
        {z.id for z in market.zones}


def test_layers_stack_site_zones_obstacles_booths_gates_amenities(qapp, layout):
    scene = FloorScene(layout)
    z = [scene.site_item.zValue(), scene.item("anime").zValue(), scene.item("pond").zValue(),
         scene.item("b-1").zValue(), scene.item("g-north").zValue(), scene.item("wc-1").zValue()]
    assert z == sorted(z) and len(set(z)) == len(z)


def test_booth_item_sits_where_the_model_says(qapp, layout):
    scene = FloorScene(layout)
    booth = layout.get("b-3")
    centre = scene.item("b-3").shape().boundingRect().center()
    assert centre == to_scene(booth.x, booth.y)
    assert scene.item("b-3").shape().boundingRect().width() == pytest.approx(booth.width)


def test_move_then_undo_moves_the_item(qapp, layout):
    scene = FloorScene(layout)
    item = scene.item("b-1")
    before = item.shape().boundingRect().center()
    edit = MoveObjects(layout, ["b-1"], dx=5.0, dy=2.0)
    edit.apply(layout)
    assert scene.item("b-1") is item                      # updated in place, not rebuilt
    after = item.shape().boundingRect().center()
    assert (after.x() - before.x(), after.y() - before.y()) == (5.0, -2.0)   # north is up
    edit.revert(layout)
    assert item.shape().boundingRect().center() == before


def test_remove_then_undo_removes_and_restores_items(qapp, layout):
    scene = FloorScene(layout)
    edit = RemoveObjects(layout, ["b-2", "anime", "wc-1"])
    edit.apply(layout)
    assert scene.item("b-2") is None and scene.item("anime") is None and scene.item("wc-1") is None
    assert scene.zone_label_item("anime") is None
    assert "b-2" not in {getattr(i, "object_id", None) for i in scene.items()}
    edit.revert(layout)
    assert isinstance(scene.item("b-2"), BoothItem)
    assert isinstance(scene.item("anime"), ZoneItem)
    assert scene.zone_label_item("anime") is not None
    assert scene.object_ids() == {o.id for o in layout.objects()}


def test_added_objects_get_items(qapp, layout):
    scene = FloorScene(layout)
    new = [Booth(id="b-9", number="ANI-009", x=30, y=30),
           Zone(id="pets", name="Pets · 萌宠", color="#f2a541", polygon=rect(60, 0, 80, 20))]
    AddObjects(new).apply(layout)
    assert isinstance(scene.item("b-9"), BoothItem)
    assert isinstance(scene.item("pets"), ZoneItem)
    assert scene.zone_label_item("pets").graphic.label.text == "Pets · 萌宠"


def test_changed_fields_reach_the_graphic(qapp, layout):
    scene = FloorScene(layout)
    SetFields(layout, {"b-1": {"number": "ANI-101", "status": "blocked"},
                       "anime": {"name": "Manga · 漫画"}}).apply(layout)
    assert scene.item("b-1").graphic.number == "ANI-101"
    assert scene.item("b-1").graphic.blocked
    assert scene.zone_label_item("anime").graphic.label.text == "Manga · 漫画"


def test_site_change_redraws_the_site(qapp, layout):
    scene = FloorScene(layout)
    SetFields(layout, {"site": {"boundary": rect(0, 0, 120, 50)}}).apply(layout)
    assert scene.site_item.graphic.bounds.width() == 120


def test_zone_colour_mode_recolours_booths_that_change_zone(qapp, layout):
    scene = FloorScene(layout, booth_fill="zone")
    anime, food = layout.get("anime"), layout.get("food")
    assert scene.item("b-1").graphic.fill.name() != scene.item("b-4").graphic.fill.name()
    MoveObjects(layout, ["b-1"], dx=50.0, dy=20.0).apply(layout)     # into the gourmet zone
    assert scene.item("b-1").graphic.fill == scene.item("b-4").graphic.fill
    SetFields(layout, {"food": {"color": "#123456"}}).apply(layout)
    assert scene.item("b-4").graphic.fill.name() != "#123456"      # lighter tint of it
    assert scene.item("b-4").graphic.fill == scene.item("b-1").graphic.fill
    assert anime.color != food.color


def test_objects_under_a_point_topmost_first(qapp, layout):
    scene = FloorScene(layout)
    found = scene.objects_at(to_scene(10, 10))           # booth b-1 in the anime zone
    assert [o.id for o in found] == ["b-1", "anime"]
    assert [o.id for o in scene.objects_at(to_scene(25, 50))][0] == "g-north"


def test_replacing_the_layout_stops_following_the_old_one(qapp, layout, market):
    scene = FloorScene(layout)
    scene.set_layout(market)
    MoveObjects(layout, ["b-1"], 1.0, 0.0).apply(layout)   # the old layout: no effect, no error
    assert scene.object_ids() == {o.id for o in market.objects()}


def test_a_deleted_scene_stops_following_the_layout(qapp, qtbot, layout):
    import shiboken6

    scene = FloorScene(layout)
    shiboken6.delete(scene)
    qapp.processEvents()
    MoveObjects(layout, ["b-1"], 1.0, 0.0).apply(layout)      # would reach a deleted scene
    assert layout.get("b-1").x == 11.0


def test_zones_are_stacked_in_the_order_of_the_layout_even_after_undoing_a_delete(qapp, layout):
    scene = FloorScene(layout)
    edit = RemoveObjects(layout, ["anime"])
    edit.apply(layout)
    edit.revert(layout)                              # back at index 0, though its item was added last
    assert [z.id for z in layout.zones] == ["anime", "food"]
    assert scene.item("anime").zValue() < scene.item("food").zValue() < scene.item("pond").zValue()
    assert scene.site_item.zValue() < scene.item("anime").zValue()
