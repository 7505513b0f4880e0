"""File → Export…: the dialog opened from the menu, its live preview, and exports written in the background."""

from __future__ import annotations

import csv
import errno
import subprocess
import time

import pytest
from PySide6.QtCore import QCoreApplication, QTimer, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QGroupBox, QLabel

from planner.export import files as export_files
from planner.formats import read_layout
from planner.resources import bundled_layout
from planner.ui import export_dialog
from planner.ui.main_window import MainWindow
from tests.ui.test_i18n import Marking

WAIT_MS = 20_000


def open_dialog(window, qtbot):
    window.actions["export"].trigger()
    dialog = window.files.export_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def choose(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def settle(dialog, qtbot) -> None:
    """Wait for the debounced preview to be drawn (it may already be)."""
    if dialog._timer.isActive():
        with qtbot.waitSignal(dialog.preview_updated, timeout=WAIT_MS):
            pass


def export(dialog, qtbot, path):
    dialog.file_edit.setText(str(path))
    dialog._path_confirmed = True
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.busy_changed, timeout=WAIT_MS, check_params_cb=lambda busy: not busy):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.busy and dialog.progress.isVisible() and not dialog.close_button.isEnabled()


def pdfinfo(path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def fresh_analyses(monkeypatch):
    monkeypatch.setattr(export_dialog, "_analyses", {})


def test_file_export_has_ctrl_e_an_icon_and_opens_the_dialog(window, qtbot):
    action = window.actions["export"]
    assert action.shortcuts() == [QKeySequence("Ctrl+E")]
    assert not action.icon().isNull()
    assert action in window.toolbars["main"].actions()
    dialog = open_dialog(window, qtbot)
    assert dialog.isVisible() and dialog.isModal()
    assert dialog.format == "pdf" and dialog.file_edit.text().endswith("Test Market.pdf")
    action.trigger()                                          # a second Ctrl+E shows the same dialog
    assert window.files.export_dialog is dialog


def test_preview_follows_the_choices(window, qtbot, fresh_analyses):
    dialog = open_dialog(window, qtbot)
    settle(dialog, qtbot)
    first = dialog.preview_image
    assert not first.isNull() and first.width() > first.height()           # A3 landscape
    assert dialog.page_count >= 2 and "pages" in dialog.pages_label.text()
    choose(dialog.view_combo, "visitor")
    assert dialog._timer.isActive()                                         # debounced, not drawn at once
    with qtbot.waitSignal(dialog.preview_updated, timeout=WAIT_MS):
        pass
    visitor = dialog.preview_image
    assert not visitor.isNull() and visitor != first
    choose(dialog.orientation_combo, "portrait")
    choose(dialog.paper_combo, "A4")
    settle(dialog, qtbot)
    assert dialog.preview_image.height() > dialog.preview_image.width()
    choose(dialog.sheets_combo, "overview")
    settle(dialog, qtbot)
    assert dialog.page_count == 1 and dialog.pages_label.text() == "1 page"
    choose(dialog.format_combo, "csv")                                     # the booth list, as text
    settle(dialog, qtbot)
    assert dialog.file_edit.text().endswith(".csv") and not dialog.map_group.isEnabled()
    assert dialog.list_preview.toPlainText().splitlines()[0].startswith("number,")
    choose(dialog.format_combo, "png")                                     # PNG keeps its own sheets
    settle(dialog, qtbot)
    assert dialog.sheets_combo.currentData() == "overview" and dialog.dpi_spin.isEnabled()


def test_a_typed_scale_is_checked(window, qtbot):
    dialog = open_dialog(window, qtbot)
    choose(dialog.sheets_combo, "zones")
    dialog.scale_combo.setEditText("1:750")
    settle(dialog, qtbot)
    assert dialog.options().scale == 750 and dialog.scale_error.isHidden()
    dialog.scale_combo.setEditText("1:fifty")
    assert not dialog.scale_error.isHidden() and not dialog.export_button.isEnabled()
    dialog.scale_combo.setCurrentIndex(0)
    assert dialog.options().scale is None and dialog.export_button.isEnabled()


def test_pdf_export_runs_in_the_background_and_is_remembered(window, qtbot, tmp_path, fresh_analyses):
    dialog = open_dialog(window, qtbot)
    choose(dialog.paper_combo, "A4")
    choose(dialog.sheets_combo, "all")
    choose(dialog.view_combo, "safety")
    dialog.index_check.setChecked(True)
    # The analysis ends on a worker thread; its news reaches the dialog through the event loop,
    # and only then does the page count include the analysis sheet.
    qtbot.waitUntil(lambda: dialog.analysis.done and dialog._book_key is not None and dialog._book_key[-1]
                    and not dialog._timer.isActive(), timeout=WAIT_MS)
    expected = dialog.page_count
    export(dialog, qtbot, tmp_path / "map")                               # the suffix is added
    result = dialog.result
    assert result is not None and dialog.error == ""
    path = tmp_path / "map.pdf"
    assert result.files == [path] and path.is_file()
    info = pdfinfo(path)
    assert f"Pages:           {result.pages}" in info and result.pages == expected
    assert "842 x 595 pts (A4)" in info
    assert result.page_kinds.count("analysis") >= 1 and result.page_kinds.count("index") >= 2
    assert not dialog.isVisible()
    assert window.status.currentMessage() == f"Wrote {path}."
    qtbot.waitUntil(lambda: window.files.export_dialog is None)
    again = open_dialog(window, qtbot)                                    # the choices are remembered
    assert again.format == "pdf" and again.paper_combo.currentData() == "A4"
    assert again.view_combo.currentData() == "safety" and again.index_check.isChecked()
    assert again.file_edit.text() == str(tmp_path / "Test Market.pdf")


def test_csv_and_png_exports(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    choose(dialog.format_combo, "csv")
    export(dialog, qtbot, tmp_path / "booths.csv")
    with open(tmp_path / "booths.csv", newline="", encoding="utf-8-sig") as f:     # Excel's BOM
        rows = list(csv.DictReader(f))
    assert sorted(r["number"] for r in rows) == ["ANI-001", "ANI-002", "ANI-003", "FOD-001"]
    dialog = open_dialog(window, qtbot)
    assert dialog.format == "csv"
    choose(dialog.format_combo, "png")
    choose(dialog.paper_combo, "A4")
    dialog.dpi_spin.setValue(72)
    assert dialog.pixels_label.text() == "842 × 595 pixels"
    export(dialog, qtbot, tmp_path / "map.png")
    assert dialog.result.files == [tmp_path / "map.png"]
    assert (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_unwritable_folder_says_why_and_keeps_the_choices(window, qtbot, tmp_path, no_modal_dialogs):
    dialog = open_dialog(window, qtbot)
    choose(dialog.paper_combo, "A2")
    choose(dialog.view_combo, "visitor")
    target = tmp_path / "no-such-folder" / "map.pdf"
    export(dialog, qtbot, target)
    assert dialog.result is None and dialog.isVisible()
    assert dialog.error == f"Could not write {target}: the folder {target.parent} does not exist."
    assert no_modal_dialogs[-1] == dialog.error and dialog.status_label.text() == dialog.error
    assert dialog.paper_combo.currentData() == "A2" and dialog.view_combo.currentData() == "visitor"
    assert dialog.file_edit.text() == str(target) and dialog.export_button.isEnabled()
    assert dialog.map_group.isEnabled() and dialog.close_button.isEnabled()


def test_a_full_disk_says_so(window, qtbot, tmp_path, monkeypatch, no_modal_dialogs):
    def full(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_files, "replace_atomically", full)
    dialog = open_dialog(window, qtbot)
    choose(dialog.format_combo, "geojson")
    export(dialog, qtbot, tmp_path / "site.geojson")
    assert dialog.error == f"Could not write {tmp_path / 'site.geojson'}: the disk is full."
    assert no_modal_dialogs[-1] == dialog.error and dialog.isVisible()
    assert not (tmp_path / "site.geojson").exists()


def test_the_window_keeps_turning_while_west_lake_is_analysed_and_drawn(qtbot, tmp_path, fresh_analyses,
                                                                      monkeypatch):
    """The pages are drawn and written off the GUI thread, and the event loop runs meanwhile.

    What is checked is where the work runs and that the window's timers keep firing during it, not
    how long any pause lasts: timings belong to the benchmarks.
    """
    import threading

    gui_thread = threading.get_ident()
    writers: list[int] = []
    ticks: list[float] = []
    spans: list[tuple[float, float]] = []
    real_export = export_dialog.export_layout

    def recording_export(*args, **kwargs):
        writers.append(threading.get_ident())
        started = time.perf_counter()
        try:
            return real_export(*args, **kwargs)
        finally:
            spans.append((started, time.perf_counter()))

    monkeypatch.setattr(export_dialog, "export_layout", recording_export)
    win = MainWindow(read_layout(bundled_layout()), bundled_layout())
    qtbot.addWidget(win)
    win.show()
    dialog = open_dialog(win, qtbot)
    choose(dialog.paper_combo, "A1")
    choose(dialog.sheets_combo, "all")
    settle(dialog, qtbot)
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    export(dialog, qtbot, tmp_path / "west-lake.pdf")
    timer.stop()
    assert dialog.result is not None and "analysis" in dialog.result.page_kinds
    assert writers and all(w != gui_thread for w in writers)          # drawn and written by a worker
    (begun, ended), = spans
    assert any(begun < t < ended for t in ticks)                      # the window's timers kept firing
    assert "Pages:" in pdfinfo(tmp_path / "west-lake.pdf")


def test_every_text_of_the_dialog_is_translated(qtbot, layout):
    translator = Marking()
    QCoreApplication.installTranslator(translator)
    try:
        dialog = export_dialog.ExportDialog(layout)
        qtbot.addWidget(dialog)
        texts = [dialog.windowTitle(), dialog.pages_label.text()]
        texts += [label.text() for label in dialog.findChildren(QLabel)
                  if label.text() and label not in (dialog.preview_label, dialog.pixels_label)]
        texts += [b.text() for b in dialog.findChildren(QAbstractButton) if b.text()]
        texts += [g.title() for g in dialog.findChildren(QGroupBox)]
        for combo in dialog.findChildren(QComboBox):
            if combo is not dialog.scale_combo:                     # its other items are 1:200 …
                texts += [combo.itemText(i) for i in range(combo.count())]
        texts += [dialog.scale_combo.itemText(0), dialog.dpi_spin.suffix(), dialog.page_spin.prefix()]
        untranslated = [t for t in texts if "«" not in t]
        assert not untranslated
    finally:
        QCoreApplication.removeTranslator(translator)


def test_browse_sets_the_file_and_its_format(window, qtbot, tmp_path, monkeypatch):
    dialog = open_dialog(window, qtbot)
    chosen = tmp_path / "list.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(chosen), "")))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.format == "csv" and dialog.target() == chosen


def _count_in_process_analyses(monkeypatch) -> list[int]:
    import planner.solver

    calls: list[int] = []
    real = planner.solver.analyse

    def counting(layout):
        calls.append(1)
        return real(layout)

    monkeypatch.setattr(planner.solver, "analyse", counting)
    return calls


def test_the_export_takes_the_report_of_the_live_analysis_instead_of_analysing_again(
        qtbot, tmp_path, fresh_analyses, monkeypatch):
    from tests.ui.test_live_analysis import wait_current

    calls = _count_in_process_analyses(monkeypatch)
    lay = read_layout(bundled_layout("examples/small-market.festival.json"))
    win = MainWindow(lay, None)
    qtbot.addWidget(win)
    win.show()
    live = wait_current(qtbot, win)
    dialog = open_dialog(win, qtbot)
    assert dialog.analysis.done and dialog.analysis.report is live.report
    export(dialog, qtbot, tmp_path / "market.pdf")
    assert dialog.result is not None and "analysis" in dialog.result.page_kinds
    assert calls == []                         # the window's worker process did the analysis


def test_an_export_opened_before_the_live_report_waits_for_it(qtbot, tmp_path, fresh_analyses, monkeypatch):
    calls = _count_in_process_analyses(monkeypatch)
    lay = read_layout(bundled_layout("examples/small-market.festival.json"))
    win = MainWindow(lay, None)
    qtbot.addWidget(win)
    win.show()
    dialog = open_dialog(win, qtbot)            # at once: the live analysis has not answered yet
    assert not win.analysis.current
    export(dialog, qtbot, tmp_path / "market.pdf")
    assert dialog.result is not None and "analysis" in dialog.result.page_kinds
    assert dialog.analysis.report is win.analysis.result.report
    assert calls == []


def test_an_export_under_a_scenario_analyses_the_layout_itself(qtbot, tmp_path, fresh_analyses, monkeypatch):
    from planner.solver.live import Scenario
    from tests.ui.test_live_analysis import wait_current

    calls = _count_in_process_analyses(monkeypatch)
    lay = read_layout(bundled_layout("examples/small-market.festival.json"))
    win = MainWindow(lay, None)
    qtbot.addWidget(win)
    win.show()
    win.analysis.set_scenario(Scenario(visitors_percent=200.0))
    wait_current(qtbot, win)
    dialog = open_dialog(win, qtbot)
    export(dialog, qtbot, tmp_path / "market.pdf")
    assert "analysis" in dialog.result.page_kinds
    assert calls == [1]                         # the booth map shows the layout, not the "what if"


def test_a_closed_dialog_stops_listening_to_the_live_analysis(qtbot, fresh_analyses, monkeypatch):
    calls = _count_in_process_analyses(monkeypatch)
    lay = read_layout(bundled_layout("examples/small-market.festival.json"))
    win = MainWindow(lay, None)
    qtbot.addWidget(win)
    win.show()
    dialog = open_dialog(win, qtbot)                 # waits for the live report
    assert dialog._waiting_for_live
    dialog.reject()
    assert not dialog._waiting_for_live
    win.analysis.failed.emit("the worker stopped")   # news after the dialog closed reaches no one
    assert calls == []


@pytest.mark.parametrize("typed", ["/", ".", "..", "~/", "folder/"])
def test_a_file_field_that_names_no_file_yet_just_waits(window, qtbot, tmp_path, typed):
    """Typing a path a character at a time passes through '/', '.' and folders: no error,
    the Export button waits for a file name, and a real name brings it back."""
    dialog = open_dialog(window, qtbot)
    dialog.file_edit.clear()
    qtbot.keyClicks(dialog.file_edit, typed)
    settle(dialog, qtbot)
    assert dialog.target() is None and not dialog.export_button.isEnabled()
    choose(dialog.format_combo, "csv")                   # a new format leaves the folder as it is
    assert dialog.target() is None
    dialog.file_edit.clear()
    qtbot.keyClicks(dialog.file_edit, str(tmp_path / "booths"))
    assert dialog.target() == tmp_path / "booths.csv"
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=WAIT_MS)
