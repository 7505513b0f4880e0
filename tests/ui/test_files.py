"""Files: new, open, save, save as, recent files, the modified mark, the prompt, autosave and recovery."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.formats import read_layout, write_layout
from planner.model.edits import MoveObjects
from planner.resources import bundled_layout
from planner.ui import autosave, recent
from planner.ui.files import BLANK_SITE, blank_layout
from planner.ui.main_window import MainWindow
from tests.render.sample_layouts import market_layout
from tests.ui.helpers import CTRL, title


def choose_save(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def choose_open(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def answer(monkeypatch, button):
    asked = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, t, text, *a, **k: (asked.append(text), button)[1]))
    return asked


def test_modified_mark_follows_the_undo_stack_and_saving(window, tmp_path, monkeypatch):
    assert title(window) == "Test Market – Festival Floor Planner"
    window.document.push(MoveObjects(window.layout, ["b-1"], 1, 0))
    assert title(window) == "Test Market* – Festival Floor Planner"
    window.document.undo()
    assert title(window) == "Test Market – Festival Floor Planner"
    window.document.redo()
    choose_save(monkeypatch, tmp_path / "market.json")             # a .json name is kept as it is
    assert window.files.save()
    assert window.document.path == tmp_path / "market.json"
    assert title(window) == "Test Market – Festival Floor Planner"
    assert read_layout(tmp_path / "market.json") == window.layout
    assert recent.recent_files()[0] == (tmp_path / "market.json").resolve()


def test_save_as_adds_the_suffix_and_save_writes_atomically_to_the_same_file(window, tmp_path, monkeypatch):
    choose_save(monkeypatch, tmp_path / "plan")
    window.actions["save_as"].trigger()
    path = tmp_path / "plan.festival.json"
    assert window.document.path == path and path.is_file()
    window.document.push(MoveObjects(window.layout, ["b-1"], 2, 0))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: pytest.fail("asked")))
    window.actions["save"].trigger()
    assert read_layout(path).get("b-1").x == 12
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.festival.json"]   # no temporary left


def test_a_failed_save_says_why_and_stays_modified(window, tmp_path, monkeypatch, no_modal_dialogs):
    window.document.push(MoveObjects(window.layout, ["b-1"], 1, 0))
    choose_save(monkeypatch, tmp_path / "missing-folder" / "plan.festival.json")
    assert not window.files.save()
    assert window.document.modified
    assert no_modal_dialogs and "Could not save" in no_modal_dialogs[-1]


def test_new_asks_before_unsaved_work_is_lost(window, monkeypatch):
    window.document.push(MoveObjects(window.layout, ["b-1"], 1, 0))
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.actions["new"].trigger()
    assert asked == ["Save the changes to “Test Market” before closing it?"]
    assert window.layout.name == "Test Market"                      # cancelled: nothing lost
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    window.actions["new"].trigger()
    assert window.layout.booths == [] and window.document.path is None
    w, h = BLANK_SITE
    assert window.layout.site.boundary == (((0.0, 0.0), (w, 0.0), (w, h), (0.0, h)),)
    assert title(window) == "Untitled – Festival Floor Planner"
    assert window.document.undo_stack.count() == 0


def test_saving_from_the_prompt(window, tmp_path, monkeypatch):
    window.document.push(MoveObjects(window.layout, ["b-1"], 1, 0))
    answer(monkeypatch, QMessageBox.StandardButton.Save)
    choose_save(monkeypatch, tmp_path / "kept.festival.json")
    window.actions["new_template"].trigger()
    assert read_layout(tmp_path / "kept.festival.json").get("b-1").x == 11
    assert window.layout == read_layout(bundled_layout())            # the West Lake layout, as a new one
    assert window.document.path is None and not window.document.modified


def test_closing_asks_and_can_be_cancelled(qtbot, layout, monkeypatch):
    win = MainWindow(layout)
    qtbot.addWidget(win)
    win.show()
    win.document.push(MoveObjects(layout, ["b-1"], 1, 0))
    answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not win.close()
    assert win.isVisible()
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert win.close()


def test_open_and_recent_files(window, tmp_path, monkeypatch):
    first, second = tmp_path / "first.festival.json", tmp_path / "second.festival.json"
    write_layout(market_layout(blocks_per_zone=1, zones=2), first)
    write_layout(blank_layout(), second)
    choose_open(monkeypatch, first)
    window.activateWindow()
    window.view.setFocus()
    window.actions["open"].trigger()
    assert window.document.path == first and len(window.layout.booths) > 0
    choose_open(monkeypatch, second)
    window.actions["open"].trigger()
    entries = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
    assert entries[:2] == ["second.festival.json", "first.festival.json"]
    window.recent_menu.actions()[1].trigger()                        # back to the first
    assert window.document.path == first
    os.remove(second)
    assert not window.files.open_recent(second)                       # gone: said, and forgotten
    assert second.resolve() not in recent.recent_files()
    window.files.clear_recent()
    assert not window.recent_menu.isEnabled()


def test_a_broken_file_keeps_the_current_layout(window, tmp_path, monkeypatch, no_modal_dialogs):
    broken = tmp_path / "broken.festival.json"
    broken.write_text('{"format": "festival-planner/layout", "version": 1, "booths": 3, '
                      '"site": {"boundary": [[[0, 0], [1, 0], [1, 1]]]}}', encoding="utf-8")
    window.document.push(MoveObjects(window.layout, ["b-1"], 1, 0))
    before = window.layout
    assert not window.files.open(broken)
    assert window.layout is before and window.document.modified
    assert len(no_modal_dialogs) == 1 and "booths" in no_modal_dialogs[0] and "\n" not in no_modal_dialogs[0]


def test_autosave_and_recovery_after_a_crash(qtbot, layout, tmp_path, monkeypatch):
    path = tmp_path / "market.festival.json"
    write_layout(layout, path)
    win = MainWindow(read_layout(path), path)
    qtbot.addWidget(win)
    assert not win.autosaver.save_now()                               # nothing unsaved: nothing written
    win.document.push(MoveObjects(win.layout, ["b-1"], 5, 0))
    assert win.autosaver.save_now()
    assert read_layout(win.autosaver.layout_file).get("b-1").x == 15
    assert autosave.pending() == []                                   # its planner is still running
    # The planner "crashes": its note now names a process that is gone.
    note = win.autosaver.note_file
    note.write_text(note.read_text(encoding="utf-8").replace(f'"pid": {os.getpid()}', '"pid": 999999999'),
                    encoding="utf-8")
    (rescue,) = autosave.pending()
    assert rescue.original == path
    # The next start offers it; recovering shows the unsaved work, marked modified, for its own file.
    fresh = MainWindow(read_layout(path), path)
    qtbot.addWidget(fresh)
    asked = []

    def yes(parent, caption, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
    assert fresh.offer_recovery() == 1
    assert "market.festival.json" in asked[0] or "Test Market" in asked[0]
    assert fresh.layout.get("b-1").x == 15
    assert fresh.document.modified and fresh.document.path == path
    assert title(fresh) == "Test Market* – Festival Floor Planner"
    assert autosave.pending() == []
    # Saving it removes the autosave for good.
    fresh.files.save()
    assert not fresh.autosaver.layout_file.exists() and read_layout(path).get("b-1").x == 15
    win.document.undo_stack.setClean()


def test_undoing_every_edit_leaves_nothing_to_recover(qtbot, layout, tmp_path):
    path = tmp_path / "market.festival.json"
    write_layout(layout, path)
    win = MainWindow(read_layout(path), path)
    qtbot.addWidget(win)
    win.document.push(MoveObjects(win.layout, ["b-1"], 5, 0))
    assert win.autosaver.save_now() and win.autosaver.layout_file.exists()
    win.document.undo_stack.undo()                                   # back to the saved file
    assert not win.document.modified
    assert not win.autosaver.layout_file.exists() and not win.autosaver.note_file.exists()
    assert not win.autosaver.save_now()
    win.document.undo_stack.redo()                                   # unsaved again: kept again
    assert win.autosaver.save_now() and read_layout(win.autosaver.layout_file).get("b-1").x == 15


def test_closing_without_saving_on_purpose_leaves_no_autosave(qtbot, layout, monkeypatch):
    win = MainWindow(layout)
    qtbot.addWidget(win)
    win.show()
    win.document.push(MoveObjects(layout, ["b-1"], 1, 0))
    assert win.autosaver.save_now()
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert win.close()
    assert not win.autosaver.layout_file.exists()


def test_ctrl_s_saves_under_a_new_name_once(window, qtbot, tmp_path, monkeypatch):
    window.activateWindow()
    qtbot.waitActive(window)
    calls = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (calls.append(1), str(tmp_path / "x"))[1:] + ("",)))
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    assert len(calls) == 1 and (tmp_path / "x.festival.json").is_file()
