"""Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y typed in a text field undo and redo the typing, never the layout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from planner.model.edits import SetFields
from planner.ui.text_undo import keep_undo_keys_in_text_fields
from tests.ui.helpers import click

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ROOT = Path(__file__).resolve().parents[2]


def two_edits_one_undone(window):
    """A layout with both an undo and a redo waiting, so a stray Undo or Redo shows in the stack."""
    window.document.push(SetFields(window.layout, {"b-3": {"status": "blocked"}}, "Block b-3"))
    window.document.push(SetFields(window.layout, {"b-2": {"status": "blocked"}}, "Block b-2"))
    window.document.undo()
    stack = window.document.undo_stack
    assert stack.index() == 1 and stack.canUndo() and stack.canRedo()
    return stack


def type_text(qtbot, widget, text: str) -> None:
    """Letters as key presses; Chinese as an input method's commit, the way it arrives."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(line_edit_of(widget), event)


def line_edit_of(widget) -> QLineEdit:
    return widget if isinstance(widget, QLineEdit) else widget.findChild(QLineEdit)


def undo_redo_round(qtbot, widget, typed: str, stack):
    """Type, then Ctrl+Z, Ctrl+Y, Ctrl+Z, Ctrl+Shift+Z, Ctrl+Z: the text goes back and forth, the layout's
    undo stack never moves (and the field ends as it was, so leaving it commits nothing)."""
    edit = line_edit_of(widget)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    before = edit.text()
    if isinstance(widget, QAbstractSpinBox):
        widget.selectAll()
    else:
        edit.end(False)               # as a click after the text puts the cursor (a field shows its start)
    type_text(qtbot, widget, typed)
    after = edit.text()
    assert after != before
    seen = []
    for key, mods in ((Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL),
                      (Qt.Key.Key_Z, CTRL | SHIFT), (Qt.Key.Key_Z, CTRL)):
        qtbot.keyClick(widget, key, mods)
        seen.append(edit.text())
        assert stack.index() == 1, (widget.objectName(), key, mods)
    assert seen == [before, after, before, after, before]
    return before, after


def test_keys_in_the_booth_search_and_the_properties_fields_act_on_their_text(window, qtbot):
    stack = two_edits_one_undone(window)
    layout_before = [(b.id, b.status, b.number, b.exhibitor, b.width) for b in window.layout.booths]
    # The Booths dock's search field.
    search = window.booth_table.search
    assert undo_redo_round(qtbot, search, "ANI", stack) == ("", "ANI")
    # The Properties panel's fields of a booth picked on the plan: text, and a spin box.
    window.view.set_zoom(8.0)
    click(window.view, 10.0, 10.0)
    assert window.selection.ids == ["b-1"]
    fields = {e.field.key: e.widget for e in window.properties.editors}
    assert undo_redo_round(qtbot, fields["number"], "7", stack) == ("ANI-001", "ANI-0017")
    assert undo_redo_round(qtbot, fields["exhibitor"], "坊", stack) == ("纸灯笼工作室", "纸灯笼工作室坊")
    assert undo_redo_round(qtbot, fields["width"], "4", stack)[0] == "3.00 m"
    # Every field ended as it was: leaving them committed nothing, the layout is as it was.
    fields["width"].clearFocus()
    assert [(b.id, b.status, b.number, b.exhibitor, b.width) for b in window.layout.booths] == layout_before
    assert stack.index() == 1 and stack.count() == 2
    # Back on the plan, the same keys undo and redo the layout.
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    assert stack.index() == 2 and window.layout.get("b-2").status == "blocked"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert stack.index() == 1 and window.layout.get("b-2").status != "blocked"


def test_every_key_of_the_undo_and_redo_actions_goes_to_the_text_whatever_the_platform_binds(qtbot):
    """The mechanism, with keys no platform binds to text undo: without it the actions would fire."""
    window = QMainWindow()
    qtbot.addWidget(window)
    body = QWidget()
    edit = QLineEdit()
    QVBoxLayout(body).addWidget(edit)
    window.setCentralWidget(body)
    fired: list[str] = []
    undo, redo = QAction("Undo", window), QAction("Redo", window)
    undo.setShortcuts([QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Alt+U")])
    redo.setShortcuts([QKeySequence("Ctrl+Alt+R")])
    undo.triggered.connect(lambda: fired.append("undo"))
    redo.triggered.connect(lambda: fired.append("redo"))
    window.addAction(undo)
    window.addAction(redo)
    window.show()
    qtbot.waitExposed(window)
    keep_undo_keys_in_text_fields(undo, redo)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    type_text(qtbot, edit, "非遗")
    qtbot.keyClick(edit, Qt.Key.Key_U, CTRL | Qt.KeyboardModifier.AltModifier)
    assert edit.text() == "" and fired == []
    qtbot.keyClick(edit, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.AltModifier)
    assert edit.text() == "非遗" and fired == []
    edit.setReadOnly(True)                         # nothing to type into: the shortcut is the window's again
    qtbot.keyClick(edit, Qt.Key.Key_U, CTRL | Qt.KeyboardModifier.AltModifier)
    assert fired == ["undo"] and edit.text() == "非遗"


XCB_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from planner.model.edits import SetFields
    from planner.ui.main_window import MainWindow
    from tests.factories import small_layout
    window = MainWindow(small_layout(), None)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.document.push(SetFields(window.layout, {{"b-3": {{"status": "blocked"}}}}, "Block b-3"))
    window.document.push(SetFields(window.layout, {{"b-2": {{"status": "blocked"}}}}, "Block b-2"))
    window.document.undo()
    search = window.booth_table.search
    search.setFocus()
    QTest.keyClicks(search, "ANI")
    CTRL = Qt.KeyboardModifier.ControlModifier
    seen = []
    for key in (Qt.Key.Key_Z, Qt.Key.Key_Y):
        QTest.keyClick(search, key, CTRL)
        seen.append((search.text(), window.document.undo_stack.index()))
    print(app.platformName(), seen)
""")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb for a desktop platform's key bindings")
def test_ctrl_y_in_the_search_field_on_a_linux_desktop(tmp_path):
    """On X11 Qt binds only Ctrl+Shift+Z to a line edit's redo: Ctrl+Y used to redo the layout instead."""
    script = tmp_path / "probe.py"
    script.write_text(XCB_SCRIPT.format(root=str(ROOT)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    done = subprocess.run(["xvfb-run", "-a", sys.executable, str(script)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "xcb [('', 1), ('ANI', 1)]", done.stdout
