"""File → Import Exhibitors…: a GBK spreadsheet onto the West Lake booths, one undo step, a per-row report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from planner.formats import read_layout
from planner.ui.import_exhibitors import ImportDialog, ReportDialog, column_letter
from tests.formats.test_exhibitors_csv import CATEGORIES, GOOD, PLACES, TRADES, exhibitor_csv

WEST_LAKE = Path(__file__).resolve().parents[2] / "layouts" / "west-lake-2018.festival.json"


@pytest.fixture
def lake(qtbot, tmp_path):
    from planner.ui.main_window import MainWindow

    path = tmp_path / "west-lake.festival.json"
    path.write_bytes(WEST_LAKE.read_bytes())
    win = MainWindow(read_layout(path), path)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_through_menu(window, monkeypatch, path: Path) -> ImportDialog:
    """File → Import Exhibitors…, answering the file dialog with ``path``."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    file_menu = window.menus["file"]
    action = window.actions["import_exhibitors"]
    assert action in file_menu.actions() and action.text() == "Import E&xhibitors…"
    action.trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_gbk_spreadsheet_imported_in_one_step_saved_and_reported(lake, qtbot, monkeypatch, tmp_path):
    csv_path = tmp_path / "展商名单.csv"
    csv_path.write_bytes(exhibitor_csv(lake.layout, "gbk"))
    before = {b.id: b.exhibitor for b in lake.layout.booths}
    dialog = open_through_menu(lake, monkeypatch, csv_path)
    assert "GBK" in dialog.source.text() and "header in row 1" in dialog.source.text()
    chosen = {t: c.currentText() for t, c in dialog.combos.items()}
    assert chosen == {"number": "A: 展位号", "exhibitor": "B: 展商名称", "category": "C: 品类",
                      "status": "D: 状态", "cooking": "E: 明火"}
    assert dialog.preview.rowCount() == 100 and dialog.preview.verticalHeaderItem(0).text() == "2"
    assert dialog.preview.item(0, 1).text() == "西湖手作工坊"
    assert "201 booths get new details" in dialog.summary.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    booths = lake.layout.booths
    assert [b.exhibitor for b in booths[:GOOD]] == [PLACES[i % 10] + TRADES[i // 10] for i in range(GOOD)]
    assert lake.document.undo_stack.count() == 1
    assert lake.document.undo_stack.undoText() == "Import 201 exhibitors"
    assert lake.booth_table.proxy.match(lake.booth_table.proxy.index(0, 2), Qt.ItemDataRole.DisplayRole,
                                        "灵隐非遗传习所")
    report = dialog.report
    assert isinstance(report, ReportDialog) and report.isVisible()
    assert report.problems_only.isChecked()
    listed = [[report.rows.item(r, c).text() for c in range(4)] for r in range(report.rows.rowCount())]
    assert [row[0] for row in listed] == ["202", "203", "204", "205", "207"]
    assert listed[0][1:3] == ["ZZZ-999", "Not matched"]
    assert listed[1][2] == "No booth number"
    assert listed[2][2] == "Duplicate" and "row 2" in listed[2][3]
    assert listed[3][2] == "Assigned, in part" and "售罄" in listed[3][3]
    report.problems_only.setChecked(False)
    assert report.rows.rowCount() == GOOD + 5
    report.copy()
    assert QApplication.clipboard().text().splitlines()[1].startswith("2\t")

    lake.document.save()
    saved = read_layout(lake.document.path)
    assert [b.exhibitor for b in saved.booths[:GOOD]] == [b.exhibitor for b in booths[:GOOD]]
    assert [b.category for b in saved.booths[:GOOD]] == [CATEGORIES[i % 7] for i in range(GOOD)]
    lake.actions["undo"].trigger()                       # one step takes all of it back
    assert {b.id: b.exhibitor for b in lake.layout.booths} == before


def test_columns_chosen_by_hand(lake, qtbot, tmp_path):
    csv_path = tmp_path / "vendors.csv"
    booths = lake.layout.booths
    csv_path.write_text("Pitch;Who;Notes\n" + f"{booths[0].number};Paper Crane Co.;x\n"
                        + f"{booths[1].number};Tin Toy Works;y\n", encoding="utf-8")
    dialog = lake.import_exhibitors(csv_path)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.combos["number"].currentData() is None and not ok.isEnabled()
    assert "Choose the column" in dialog.summary.text()
    dialog.set_column("number", 0)
    dialog.set_column("exhibitor", 1)
    assert ok.isEnabled() and "2 booths get new details" in dialog.summary.text()
    assert dialog.preview.horizontalHeaderItem(1).text() == "Who → Exhibitor"
    dialog.accept()
    assert (booths[0].exhibitor, booths[1].exhibitor) == ("Paper Crane Co.", "Tin Toy Works")
    assert not dialog.report.problems_only.isChecked() and dialog.report.rows.rowCount() == 2


def test_header_row_and_encoding_can_be_changed(lake, tmp_path):
    csv_path = tmp_path / "titled.csv"
    csv_path.write_bytes(exhibitor_csv(lake.layout, "gbk", title="2018 西湖创客节 展商名单", bad=False))
    dialog = lake.import_exhibitors(csv_path)
    assert dialog.header_row.value() == 2 and dialog.combos["number"].currentData() == 0
    dialog.header_row.setValue(1)                       # the title row as header: nothing maps
    assert dialog.combos["number"].currentData() is None
    dialog.header_row.setValue(2)
    assert dialog.combos["exhibitor"].currentText() == "B: 展商名称"
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    assert "cannot be read as UTF-8" in dialog.summary.text()
    # The table stays the GBK one, and the choices say so: what OK imports is what is shown.
    assert dialog.encoding.currentData() is None and "GBK" in dialog.source.text()
    dialog.set_column("category", None)
    assert "GBK" in dialog.source.text() and dialog.plan is not None
    assert dialog.combos["exhibitor"].currentText() == "B: 展商名称"


def test_a_file_that_is_not_a_csv_is_refused_with_a_sentence(lake, no_modal_dialogs, tmp_path):
    path = tmp_path / "exhibitors.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(64))
    assert lake.import_exhibitors(path) is None
    assert no_modal_dialogs and "exhibitors.xlsx is an Excel workbook" in no_modal_dialogs[-1]
    assert lake.document.undo_stack.count() == 0


def test_nothing_new_pushes_no_step(lake, tmp_path):
    from planner.formats.booth_csv import dumps_booth_csv

    path = tmp_path / "booths.csv"
    path.write_text(dumps_booth_csv(lake.layout), encoding="utf-8")
    dialog = lake.import_exhibitors(path)
    assert "0 booths get new details" in dialog.summary.text()
    dialog.accept()
    assert lake.document.undo_stack.count() == 0


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
