"""The properties panel: the selection's fields, several objects at once, every change undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QColorDialog, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox
from PySide6.QtGui import QColor

from planner.ui.panels.fields import fields_for


def editor(window, key):
    return next(e for e in window.properties.editors if e.field.key == key)


def labels(window):
    return [e.field.label for e in window.properties.editors]


def undo_text(window):
    return window.document.undo_stack.undoText()


def test_nothing_selected_shows_the_event_and_the_analysis_settings(window):
    assert window.properties.title.text() == "Event and analysis settings"
    assert labels(window)[:5] == ["Layout name", "Venue", "Dates", "Organiser", "Revision"]
    venue = editor(window, "venue").widget
    assert isinstance(venue, QLineEdit) and venue.text() == "Test Park"
    venue.setText("West Lake, Hangzhou")
    venue.editingFinished.emit()
    assert window.layout.event.venue == "West Lake, Hangzhou"
    assert undo_text(window) == "Change event details"
    aisle = editor(window, "min_aisle_width").widget
    assert isinstance(aisle, QDoubleSpinBox)
    aisle.setValue(3.5)
    assert window.layout.settings.min_aisle_width == 3.5
    far = editor(window, "max_exit_distance").widget
    far.setValue(150)
    assert window.layout.settings.max_exit_distance == 150
    far.setValue(0)                                                     # "No limit"
    assert window.layout.settings.max_exit_distance is None
    window.document.undo()
    window.document.undo()
    assert window.layout.settings.max_exit_distance is None and window.layout.settings.min_aisle_width == 3.0
    assert aisle.value() == 3.0                                          # the panel follows undo


def test_dates_must_read_as_iso(window):
    dates = editor(window, "dates").widget
    dates.setText("13 Sept")                                             # the validator keeps it out
    assert not dates.hasAcceptableInput()
    dates.editingFinished.emit()
    assert window.layout.event.dates == "2018-09-13/2018-09-16"


def test_one_booth_every_field_undoable(window):
    window.selection.set(["b-1"])
    assert window.properties.title.text() == "Booth ANI-001"
    assert "in zone “Anime · 动漫”" in window.properties.info.text()
    assert labels(window) == ["Booth number", "Exhibitor", "Category", "Status", "Width (frontage)", "Depth",
                              "Rotation", "Open sides", "Cooking (flame or gas)", "East (x)", "North (y)",
                              "Locked"]
    booth = window.layout.get("b-1")
    status = editor(window, "status").widget
    assert isinstance(status, QComboBox) and status.currentData() == "sold"
    status.activated.emit(status.findData("reserved"))
    assert booth.status == "reserved" and undo_text(window) == "Set status"
    assert window.scene.item("b-1").graphic.fill == window.scene.item("b-2").graphic.fill   # redrawn at once
    width = editor(window, "width").widget
    width.setValue(4.0)
    width.setValue(4.5)                                                 # two steps of one burst
    assert booth.width == 4.5
    assert undo_text(window) == "Resize booth"
    window.document.undo()
    assert booth.width == 3.0 and width.value() == 3.0
    sides = editor(window, "open_sides")
    sides.boxes["left"].click()
    assert booth.open_sides == ("front", "left")
    cooking = editor(window, "cooking").widget
    cooking.click()
    assert booth.cooking
    rotation = editor(window, "rotation").widget
    rotation.setValue(90)
    assert booth.rotation == 90


def test_several_booths_share_fields_and_one_change_sets_them_all(window):
    window.selection.set(["b-1", "b-2", "b-3"])
    assert window.properties.title.text() == "3 booths selected"
    number = editor(window, "number").widget
    assert number.text() == "" and number.placeholderText() == "Several values"
    exhibitor = editor(window, "exhibitor").widget
    exhibitor.setText("Lantern Co-op")
    exhibitor.editingFinished.emit()
    assert {window.layout.get(i).exhibitor for i in ("b-1", "b-2", "b-3")} == {"Lantern Co-op"}
    assert window.document.undo_stack.count() == 1
    width = editor(window, "width").widget
    assert width.font().italic()                                         # 3, 3 and 6 m: mixed
    status = editor(window, "status").widget
    assert status.currentIndex() == -1                                   # sold, reserved, available
    cooking = editor(window, "cooking").widget
    assert isinstance(cooking, QCheckBox) and cooking.checkState() == Qt.CheckState.Unchecked
    window.document.undo()
    assert window.layout.get("b-1").exhibitor == "纸灯笼工作室"


def test_mixed_kinds_show_what_they_share_and_locked_objects_keep_their_place(window):
    window.selection.set(["b-1", "wc-1"])
    assert labels(window) == ["East (x)", "North (y)", "Locked"]
    window.selection.set(["anime", "g-north", "pond", "wc-1"])
    assert labels(window) == ["Name", "Locked"]
    window.selection.set(["b-1", "b-2"])
    window.layout.get("b-1").locked = True
    editor(window, "x").widget.setValue(30)
    assert window.layout.get("b-1").x == 10 and window.layout.get("b-2").x == 30


def test_zone_gate_and_obstacle_fields(window, monkeypatch):
    window.selection.set(["anime"])
    assert window.properties.title.text() == "Zone “Anime · 动漫”"
    visitors = editor(window, "peak_visitors").widget
    assert isinstance(visitors, QSpinBox) and visitors.value() == 1000
    visitors.setValue(2500)
    assert window.layout.get("anime").peak_visitors == 2500
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#123456")))
    editor(window, "color").widget.click()
    assert window.layout.get("anime").color == "#123456"
    assert window.scene.item("anime").graphic.colour == QColor("#123456")
    theme = editor(window, "theme").widget
    theme.setEditText("robotics")
    theme.lineEdit().editingFinished.emit()
    assert window.layout.get("anime").theme == "robotics"
    limit = editor(window, "max_density").widget
    limit.setValue(1.5)
    assert window.layout.get("anime").max_density == 1.5
    window.selection.set(["g-north"])
    kind = editor(window, "kind").widget
    kind.activated.emit(kind.findData("exit"))
    assert window.layout.get("g-north").kind == "exit"
    width = editor(window, "width").widget
    width.setValue(6.0)
    gate = window.layout.get("g-north")
    assert gate.width == pytest.approx(6.0) and gate.midpoint == pytest.approx((25.0, 50.0))
    window.selection.set(["pond"])
    kind = editor(window, "kind").widget
    kind.activated.emit(kind.findData("restricted"))
    assert window.layout.get("pond").kind == "restricted"
    assert undo_text(window) == "Set obstacle kind"


def test_history_panel_lists_the_steps_and_goes_back(window):
    window.selection.set(["b-1"])
    editor(window, "exhibitor").widget.setText("A")
    editor(window, "exhibitor").widget.editingFinished.emit()
    editor(window, "category").widget.setText("handicraft")
    editor(window, "category").widget.editingFinished.emit()
    model = window.history.model()
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert rows == ["Opened layout", "Set exhibitor", "Set category"]
    window.history.setCurrentIndex(model.index(0, 0))                  # click the first row
    assert window.layout.get("b-1").exhibitor == "纸灯笼工作室"
    assert window.layout.get("b-1").category == ""


def test_fields_for_keeps_the_first_kinds_order(layout):
    assert [f.key for f in fields_for([layout.get("wc-1"), layout.get("b-1")])] == ["x", "y", "locked"]
    assert [f.key for f in fields_for([layout.get("pond"), layout.get("g-north")])] == ["name", "locked"]


def test_a_long_organiser_reads_from_its_start(window):
    """A newcomer saw '…anising Committee · 杭州创客节组委会', the start of the name hidden."""
    long = "Hangzhou Maker Festival Organising Committee · 杭州创客节组委会"
    field = editor(window, "organiser")
    field.show_values([long])
    assert field.widget.text() == long and field.widget.cursorPosition() == 0
