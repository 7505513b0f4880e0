"""The status bar and the properties panel name a default-named zone once: “Zone 3”, not "Zone Zone 3"."""

from __future__ import annotations

from planner.render.geometry import to_scene
from tests.ui.helpers import drag, move


def test_a_new_zone_under_the_mouse_reads_once_and_a_themed_one_keeps_the_word(window, qtbot):
    view = window.view
    view.set_zoom(10.0)
    view.centerOn(to_scene(60.0, 10.0))
    window.actions["tool_zone"].trigger()
    drag(view, [(56.0, 2.0), (76.0, 17.0)])                 # a rectangle on the open ground by the pond
    new = window.layout.zones[-1]
    assert new.name == "Zone 3"
    window.actions["tool_select"].trigger()
    move(view, 66.0, 9.0, held=False)
    qtbot.waitUntil(lambda: window.status.object_label.text() != "", timeout=10000)
    assert window.status.object_label.text() == "“Zone 3”"
    assert window.properties.title.text() == "“Zone 3”"        # the new zone is selected
    move(view, 30.0, 30.0, held=False)                       # open ground in the themed zone
    qtbot.waitUntil(lambda: "Anime" in window.status.object_label.text(), timeout=10000)
    assert window.status.object_label.text() == "Zone “Anime · 动漫”"
    move(view, 10.0, 10.5, held=False)                       # a booth in it
    qtbot.waitUntil(lambda: "ANI-001" in window.status.object_label.text(), timeout=10000)
    assert window.status.object_label.text().endswith("— in zone “Anime · 动漫”")
    assert "Zone Zone" not in window.status.object_label.text()


def test_a_new_zone_takes_the_next_free_number(window):
    window.layout.zones[1].name = "Zone 3"                   # set up: a zone already called what the next would be
    view = window.view
    view.set_zoom(10.0)
    view.centerOn(to_scene(60.0, 10.0))
    window.actions["tool_zone"].trigger()
    drag(view, [(56.0, 2.0), (76.0, 17.0)])
    assert [z.name for z in window.layout.zones] == ["Anime · 动漫", "Zone 3", "Zone 4"]
