"""Renumbering through the dialog, and duplicate numbers flagged and never saved silently."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from planner.model.edits import AddObjects, SetFields
from planner.model.layout import Booth
from planner.ui.numbering_dialog import NumberingDialog


def anime_numbers(layout):
    return {b.id: b.number for b in layout.booths if layout.zone_of(b) and layout.zone_of(b).id == "anime"}


def add_second_row(window):
    """Three booths north of b-1 … b-3 so the zone has two rows (y 10 and y 20)."""
    row = [Booth(id=f"n-{i}", x=10 + 3 * i, y=20, number=f"X{i}") for i in range(3)]
    window.document.push(AddObjects(row))


def test_renumber_a_zone_through_the_dialog_in_one_undo_step(window, qtbot):
    layout = window.layout
    add_second_row(window)
    before = anime_numbers(layout)
    seen = {}

    def fill_in():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NumberingDialog)
        assert dialog.prefix.text() == "ANI-" and dialog.digits.value() == 3      # prefilled from the zone
        assert dialog.target_zone.isChecked()                                     # nothing selected
        dialog.prefix.setText("动漫-")
        dialog.digits.setValue(2)
        dialog.order.setCurrentIndex(dialog.order.findData("serpentine"))
        seen["preview"] = dialog.preview.text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill_in)
    window.actions["renumber"].trigger()
    assert seen["preview"] == "6 booths: 动漫-01 … 动漫-06"
    # North row (y 20) first, west to east; then the south row back east to west (serpentine).
    # b-3 is 6 m wide at x 16 but still the eastern one of its row.
    assert [layout.get(i).number for i in ("n-0", "n-1", "n-2", "b-3", "b-2", "b-1")] == \
        ["动漫-01", "动漫-02", "动漫-03", "动漫-04", "动漫-05", "动漫-06"]
    assert layout.get("anime").numbering == {"prefix": "动漫-", "start": 1, "digits": 2, "order": "serpentine"}
    assert layout.get("b-4").number == "FOD-001"                                  # other zones untouched
    assert window.actions["undo"].text().replace("&", "") == "Undo Renumber 6 booths"
    window.document.undo()
    assert anime_numbers(layout) == before
    assert layout.get("anime").numbering == {"prefix": "ANI-", "start": 1, "digits": 3}
    window.document.redo()
    assert layout.get("b-1").number == "动漫-06"


def test_renumber_only_the_selection_and_see_clashes(window, qtbot):
    layout = window.layout
    window.selection.set(["b-2", "b-3"])
    dialog = NumberingDialog(layout, window.selection, window)
    qtbot.addWidget(dialog)
    assert dialog.target_selection.isChecked() and dialog.zone.currentData() == "anime"
    dialog.start.setValue(1)
    assert dialog.numbers() == {"b-2": "ANI-001", "b-3": "ANI-002"}
    # b-1 keeps ANI-001, so ANI-001 would be used twice.
    assert "ANI-001" in dialog.preview.text() and "twice" in dialog.preview.text()
    dialog.start.setValue(10)
    assert dialog.numbers() == {"b-2": "ANI-010", "b-3": "ANI-011"} and "twice" not in dialog.preview.text()
    window.document.push(dialog.edit())
    assert [layout.get(i).number for i in ("b-1", "b-2", "b-3")] == ["ANI-001", "ANI-010", "ANI-011"]


def test_duplicates_are_flagged_and_saving_them_asks(window, qtbot, tmp_path, monkeypatch):
    layout = window.layout
    window.document.push(SetFields(layout, {"b-2": {"number": "ANI-001"}}))
    assert "ANI-001" in window.status.currentMessage()                  # flagged at once
    target = tmp_path / "dup.festival.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    asked = []
    answer = {"button": QMessageBox.StandardButton.Cancel}

    def warning(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer["button"]

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    assert not window.files.save_as()
    assert len(asked) == 1 and "ANI-001" in asked[0] and not target.exists()
    assert window.document.modified
    answer["button"] = QMessageBox.StandardButton.Save                 # "Save anyway"
    assert window.files.save_as()
    assert len(asked) == 2 and Path(target).exists() and not window.document.modified
    # Without duplicates, saving asks nothing.
    window.document.push(SetFields(layout, {"b-2": {"number": "ANI-002"}}))
    assert window.files.save()
    assert len(asked) == 2


def add_food_booths(window):
    """Three more booths in the food zone (x 50–100, y 20–50) besides b-4."""
    row = [Booth(id=f"f-{i}", x=70 + 3 * i, y=40, number=f"FOD-10{i}") for i in range(3)]
    window.document.push(AddObjects(row))


def test_picking_another_zone_never_renumbers_the_selected_booths_of_the_first(window, qtbot):
    # The newcomer's case: the food booths selected, Zone switched to Anime, prefix ANI- typed.
    layout = window.layout
    add_food_booths(window)
    food_before = {i: layout.get(i).number for i in ("b-4", "f-0", "f-1", "f-2")}
    window.selection.set(["b-4", "f-0", "f-1", "f-2"])
    seen = {}

    def fill_in():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NumberingDialog)
        assert dialog.zone.currentData() == "food" and dialog.target_selection.isChecked()
        assert dialog.target_selection.text() == "the 4 selected booths in the zone"
        dialog.zone.setCurrentIndex(dialog.zone.findData("anime"))
        seen["selection_enabled"] = dialog.target_selection.isEnabled()
        seen["zone_checked"] = dialog.target_zone.isChecked()
        seen["selection_text"] = dialog.target_selection.text()
        dialog.prefix.clear()
        qtbot.keyClicks(dialog.prefix, "ANI-")
        seen["preview"] = dialog.preview.text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill_in)
    window.actions["renumber"].trigger()
    assert seen["selection_enabled"] is False and seen["zone_checked"] is True
    assert seen["selection_text"] == "the 0 selected booths in the zone"
    # The anime zone holds b-1, b-2, b-3 (one row at y 10, west to east): exactly what the preview said.
    assert seen["preview"] == "3 booths: ANI-001 … ANI-003"
    assert [layout.get(i).number for i in ("b-1", "b-2", "b-3")] == ["ANI-001", "ANI-002", "ANI-003"]
    assert {i: layout.get(i).number for i in food_before} == food_before
    assert window.actions["undo"].text().replace("&", "") == "Undo Renumber 3 booths"


def test_a_selection_across_zones_counts_only_the_chosen_zones_booths(window, qtbot):
    layout = window.layout
    window.document.push(AddObjects([Booth(id="lone", x=70, y=10, number="L1")]))   # south of food, in no zone
    window.selection.set(["b-1", "b-4"])
    dialog = NumberingDialog(layout, window.selection, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.zone.currentData() == "anime" and dialog.target_selection.isChecked()
    assert dialog.target_selection.text() == "the 1 selected booth in the zone"
    dialog.start.setValue(50)
    assert dialog.numbers() == {"b-1": "ANI-050"}
    assert dialog.preview.text() == "1 booth: ANI-050 … ANI-050\n1 selected booth in another zone keeps its number."
    # The zone's own option is the whole zone; back on the selection, then to food: its one selected booth.
    qtbot.mouseClick(dialog.target_zone, Qt.MouseButton.LeftButton)
    assert set(dialog.numbers()) == {"b-1", "b-2", "b-3"}
    qtbot.mouseClick(dialog.target_selection, Qt.MouseButton.LeftButton)
    dialog.zone.setCurrentIndex(dialog.zone.findData("food"))
    assert dialog.target_selection.isEnabled() and dialog.target_selection.isChecked()
    assert list(dialog.numbers()) == ["b-4"]
    # Booths in no zone have their own entry, and nothing of the zones changes with it.
    dialog.zone.setCurrentIndex(dialog.zone.findData(""))
    assert dialog.zone.currentText() == "Outside any zone"
    assert not dialog.target_selection.isEnabled() and dialog.target_zone.isChecked()
    qtbot.keyClicks(dialog.prefix, "Z")
    assert dialog.numbers() == {"lone": "Z001"}            # the default scheme: three digits
    window.document.push(dialog.edit())
    assert layout.get("lone").number == "Z001" and layout.get("b-1").number == "ANI-001"
    assert layout.get("anime").numbering == {"prefix": "ANI-", "start": 1, "digits": 3}
