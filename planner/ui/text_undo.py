"""Undo and redo keys typed in a text field act on its text, never on the layout.

The Edit menu's Undo and Redo are window shortcuts (Ctrl+Z; Ctrl+Shift+Z and
Ctrl+Y, planner/ui/actions.py). Qt lets a line edit claim a key before a window
shortcut fires only for the platform's own undo and redo keys, and on Linux
desktops Ctrl+Y is not one of them: Ctrl+Y in the booth search or a Properties
field redid a layout change behind the organiser's back while the text stayed as
it was. So every text field that takes the focus gets a filter that claims all
the keys of both actions and does the field's own undo or redo, whatever the
platform; the layout's undo is a click away in the menu and the tool bar.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget,
)

TextField = QLineEdit | QTextEdit | QPlainTextEdit


def _name(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.PortableText)


def text_field(widget: QObject | None) -> TextField | None:
    """The editable text ``widget`` types into (itself, a spin box's or an editable combo box's line edit)."""
    edit: QObject | None = widget
    if isinstance(widget, QAbstractSpinBox):
        edit = None if widget.isReadOnly() else widget.findChild(QLineEdit)
    elif isinstance(widget, QComboBox):
        edit = widget.lineEdit() if widget.isEditable() else None
    if isinstance(edit, QLineEdit):
        return None if edit.isReadOnly() else edit
    if isinstance(edit, (QTextEdit, QPlainTextEdit)):
        return None if edit.isReadOnly() or not edit.isUndoRedoEnabled() else edit
    return None


class TextUndoKeys(QObject):
    """Claims the undo and redo keys for the focused text field, one for the whole application."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.undo_keys: set[str] = set()
        self.redo_keys: set[str] = set()
        app.focusChanged.connect(self._focus_changed)

    def add_keys(self, undo: Iterable[QKeySequence], redo: Iterable[QKeySequence]) -> None:
        self.undo_keys.update(_name(k) for k in undo if not k.isEmpty())
        self.redo_keys.update(_name(k) for k in redo if not k.isEmpty())

    def watch(self, widget: QWidget | None) -> None:
        """Filter ``widget``'s keys when it types text (installing twice keeps one filter)."""
        if widget is not None and text_field(widget) is not None:
            widget.installEventFilter(self)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self.watch(new)

    def which(self, event: QKeyEvent) -> str | None:
        """Whether the key pressed undoes ("undo") or redoes ("redo") here, or neither (None)."""
        pressed = _name(QKeySequence(event.keyCombination()))
        if event.matches(QKeySequence.StandardKey.Undo) or pressed in self.undo_keys:
            return "undo"
        if event.matches(QKeySequence.StandardKey.Redo) or pressed in self.redo_keys:
            return "redo"
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent):
            return False
        what = self.which(event)
        field = text_field(watched) if what else None
        if field is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()                  # the key comes to the field as a key press; no shortcut fires
            return True
        if what == "undo":
            field.undo()
        else:
            field.redo()
        return True


def keep_undo_keys_in_text_fields(undo: QAction, redo: QAction) -> TextUndoKeys | None:
    """Make the keys of the window's ``undo`` and ``redo`` actions undo and redo typing in text fields."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    keys = app.findChild(TextUndoKeys)
    if keys is None:
        keys = TextUndoKeys(app)
    keys.add_keys(undo.shortcuts(), redo.shortcuts())
    keys.watch(app.focusWidget())
    return keys


__all__ = ["TextUndoKeys", "keep_undo_keys_in_text_fields", "text_field"]
