"""Renumbering through the dialog, and duplicate numbers flagged and never saved silently."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
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
