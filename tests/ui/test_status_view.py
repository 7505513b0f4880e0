"""Booths coloured by status or by zone (View menu), the key in the corner, and counts in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox

from planner.model.edits import SetFields
from planner.model.layout import Booth, Layout, Site, Zone
from planner.render.style import DEFAULT_STYLE
from planner.ui.canvas.legend import booth_key
from planner.ui.status import status_counts
from tests.factories import rect
from tests.ui.helpers import at, click

STATUS_FILL = DEFAULT_STYLE.booth_status      # the colours the style gives each status


def view_action(window, name):
    """The action as the View menu holds it (not just the window's table)."""
    found = [a for a in window.menus["view"].actions() if a.objectName() == f"action_{name}"]
    assert len(found) == 1, name
    return found[0]


def pixel(window, x, y) -> str:
    image = window.view.viewport().grab().toImage()
    return image.pixelColor(at(window.view, x, y)).name()


def counts_text(window) -> str:
    return window.status.booth_counts.text()


# -- the View menu -------------------------------------------------------------------------

def test_view_menu_colours_booths_by_zone_and_back_by_status(window, qtbot):
    by_status, by_zone = view_action(window, "booths_by_status"), view_action(window, "booths_by_zone")
    assert by_status.isCheckable() and by_status.isChecked() and not by_zone.isChecked()
    window.view.set_zoom(3.0)
    # b-1 (sold) and b-4 (available) stand in the zones "anime" (#e4572e) and "food" (#76b041).
    assert pixel(window, 10.0, 9.0) == STATUS_FILL["sold"]
    assert pixel(window, 60.0, 29.0) == STATUS_FILL["available"]

    by_zone.trigger()
    assert by_zone.isChecked() and not by_status.isChecked()           # one choice at a time
    anime, food = QColor("#e4572e").lighter(150).name(), QColor("#76b041").lighter(150).name()
    assert window.scene.item("b-1").graphic.fill.name() == anime
    assert window.scene.item("b-4").graphic.fill.name() == food
    assert pixel(window, 10.0, 9.0) == anime and pixel(window, 60.0, 29.0) == food

    by_status.trigger()
    assert window.scene.item("b-1").graphic.fill.name() == STATUS_FILL["sold"]
    assert pixel(window, 10.0, 9.0) == STATUS_FILL["sold"]


def test_zone_colours_follow_a_booth_moved_into_another_zone_and_its_undo(window, qtbot):
    view_action(window, "booths_by_zone").trigger()
    window.view.set_zoom(3.0)
    window.document.push(SetFields(window.layout, {"b-1": {"x": 70.0, "y": 40.0}}, "Move"))
    assert window.scene.item("b-1").graphic.fill.name() == QColor("#76b041").lighter(150).name()
    assert pixel(window, 70.0, 39.0) == QColor("#76b041").lighter(150).name()
    window.document.undo()
    assert pixel(window, 10.0, 9.0) == QColor("#e4572e").lighter(150).name()


# -- the key in the corner -----------------------------------------------------------------------

def test_the_key_names_each_status_with_its_colour_and_count_and_follows_the_choice(window, qtbot):
    view = window.view
    assert view.legend.title == "Booths by status"
    assert [(e.label, e.colour.name(), e.count) for e in view.legend.entries] == [
        ("Available", STATUS_FILL["available"], 2), ("Reserved", STATUS_FILL["reserved"], 1),
        ("Sold", STATUS_FILL["sold"], 1), ("Blocked", STATUS_FILL["blocked"], 0)]
    box = view.legend.rect(view.viewport().rect())
    assert view.viewport().rect().contains(box)
    image = view.viewport().grab().toImage()
    inside = {image.pixelColor(x, y).name() for x in range(box.left(), box.right()) for y in range(box.top(), box.bottom())}
    assert STATUS_FILL["reserved"] in inside and STATUS_FILL["blocked"] in inside    # the swatches are drawn

    view_action(window, "booths_by_zone").trigger()
    assert view.legend.title == "Booths by zone"
    assert [(e.label, e.count) for e in view.legend.entries] == [("Anime · 动漫", 3), ("Gourmet · 美食", 1)]
    image = view.viewport().grab().toImage()
    box = view.legend.rect(view.viewport().rect())
    inside = {image.pixelColor(x, y).name() for x in range(box.left(), box.right()) for y in range(box.top(), box.bottom())}
    assert QColor("#e4572e").lighter(150).name() in inside and STATUS_FILL["reserved"] not in inside


def test_show_legend_hides_and_shows_the_key(window, qtbot):
    view = window.view
    shown = view_action(window, "show_legend")
    assert shown.isChecked()
    box = view.legend.rect(view.viewport().rect())
    probe = QPoint(box.left() + 12, box.top() + 30)         # a swatch row of the key
    before = view.viewport().grab().toImage().pixelColor(probe).name()
    shown.trigger()
    assert not shown.isChecked() and view.legend.rect(view.viewport().rect()).isEmpty()
    assert view.viewport().grab().toImage().pixelColor(probe).name() != before
    shown.trigger()
    assert view.viewport().grab().toImage().pixelColor(probe).name() == before


def test_the_key_counts_again_after_an_edit_and_its_undo(window, qtbot):
    window.document.push(SetFields(window.layout, {"b-3": {"status": "blocked"}}, "Block"))
    assert [e.count for e in window.view.legend.entries] == [1, 1, 1, 1]
    window.document.undo()
    assert [e.count for e in window.view.legend.entries] == [2, 1, 1, 0]


# -- counts in the status bar ----------------------------------------------------------------------

def wide(window, qtbot):
    """A window wide enough for the counts beside the analysis summary (narrower, they give way)."""
    window.resize(1800, 700)
    qtbot.waitUntil(lambda: window.width() == 1800)
    qtbot.waitUntil(lambda: window.status.booth_counts.isVisible())


def test_status_bar_counts_follow_the_properties_panel_delete_and_undo(window, qtbot):
    assert counts_text(window) == "Available 2  Reserved 1  Sold 1  Blocked 0"
    wide(window, qtbot)
    # Change a status in the properties panel, as a user would.
    window.view.set_zoom(8.0)
    click(window.view, 16.0, 10.0)                                       # b-3, available
    assert window.selection.ids == ["b-3"]
    status = next(e for e in window.properties.editors if e.field.key == "status").widget
    assert isinstance(status, QComboBox)
    status.activated.emit(status.findData("sold"))
    assert counts_text(window) == "Available 1  Reserved 1  Sold 2  Blocked 0"
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)                       # the real shortcut
    assert window.layout.get("b-3") is None
    assert counts_text(window) == "Available 1  Reserved 1  Sold 1  Blocked 0"
    window.document.undo()
    assert counts_text(window) == "Available 1  Reserved 1  Sold 2  Blocked 0"
    window.document.undo()
    assert counts_text(window) == "Available 2  Reserved 1  Sold 1  Blocked 0"


def test_status_bar_counts_a_new_layout_and_keeps_foreign_widgets(window, qtbot):
    from PySide6.QtWidgets import QLabel

    foreign = QLabel("analysis summary")
    window.status.addPermanentWidget(foreign)
    layout = Layout(site=Site(boundary=rect(0, 0, 30, 30)),
                    booths=[Booth(id=f"b{i}", x=3.0 * i + 2, y=5, status="blocked") for i in range(5)])
    window.document.replace(layout, None)
    assert counts_text(window) == "Available 0  Reserved 0  Sold 0  Blocked 5"
    assert foreign.parent() is not None and foreign.isVisible()


# -- the logic, headless -------------------------------------------------------------------------------

def test_status_counts_name_every_status_in_file_order(layout):
    assert status_counts(layout) == {"available": 2, "reserved": 1, "sold": 1, "blocked": 0}


def test_zone_key_leaves_out_empty_zones_and_counts_blocked_and_outside_booths():
    layout = Layout(
        site=Site(boundary=rect(0, 0, 100, 50)),
        zones=[Zone(id="a", name="非遗", color="#3366cc", polygon=rect(0, 0, 40, 50)),
               Zone(id="empty", name="Empty", color="#cc3366", polygon=rect(40, 0, 60, 50))],
        booths=[Booth(id="1", x=5, y=5), Booth(id="2", x=10, y=5, status="blocked"),
                Booth(id="3", x=80, y=5), Booth(id="4", x=85, y=5, status="sold")])
    title, entries = booth_key(layout, "zone")
    assert title == "Booths by zone"
    assert [(e.label, e.count) for e in entries[:2]] == [("非遗", 1), ("Blocked", 1)]
    assert entries[0].colour.name() == QColor("#3366cc").lighter(150).name()
    assert entries[2].colour is None and "2" in entries[2].label               # outside any zone, by status
    assert len(entries) == 3


def test_a_message_gets_the_room_of_the_booth_counts(window, qtbot):
    status = window.status
    wide(window, qtbot)
    message = "Walking route from Gate N1 to FOD-036: 412.6 m, 5 min 44 s at 1.2 m/s"
    status.showMessage(message)
    assert not status.booth_counts.isVisible()
    status.clearMessage()
    assert status.booth_counts.isVisible()
