"""The open layout: its file, whether it changed since saved, and its undo stack.

Every change to the layout goes through ``Document.push`` as a
``planner.model.edits`` edit wrapped in an ``EditCommand``; ``QUndoStack``
calls ``redo`` at once, which applies the edit (edits are pushed unapplied,
so redo is never run twice on the same state). Continuous streams (arrow-key
nudges, spin-box steps) pass a ``merge_key``: consecutive commands with the
same key, pushed within ``MERGE_WINDOW_S`` of each other, become one step.
"""

from __future__ import annotations

import time
from collections.abc import Hashable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.formats import write_layout
from planner.model.edits import Edit
from planner.model.layout import Layout

MERGE_WINDOW_S = 1.2   # a pause longer than this ends a burst of nudges or spin-box steps
_MERGE_ID = 1


class EditCommand(QUndoCommand):
    """One model edit on the undo stack."""

    def __init__(self, layout: Layout, edit: Edit, merge_key: Hashable | None = None) -> None:
        super().__init__(edit.label)
        self.layout = layout
        self.edit = edit
        self.merge_key = merge_key
        self.pushed_at = time.monotonic()

    def redo(self) -> None:
        self.edit.apply(self.layout)

    def undo(self) -> None:
        self.edit.revert(self.layout)

    def id(self) -> int:
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        if other.pushed_at - self.pushed_at > MERGE_WINDOW_S:
            return False
        merge = getattr(self.edit, "merge", None)
        if merge is None or not merge(self.layout, other.edit):
            return False
        self.pushed_at = other.pushed_at
        self.setText(self.edit.label)
        return True


class Document(QObject):
    """A layout being edited in one window."""

    layout_replaced = Signal(object)      # the new Layout
    modified_changed = Signal(bool)
    path_changed = Signal(object)         # Path | None
    saved = Signal(object)                # Path

    def __init__(self, layout: Layout, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layout = layout
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._recovered = False

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self._recovered or not clean)

    # -- state ---------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self._recovered or not self.undo_stack.isClean()

    def display_name(self) -> str:
        """The layout's name, else its file's name; '' for an unnamed new layout."""
        if self.layout.name:
            return self.layout.name
        if self.path is not None:
            return self.path.name
        return ""

    # -- editing -------------------------------------------------------------------------
    def push(self, edit: Edit, merge_key: Hashable | None = None) -> None:
        """Apply ``edit`` as one undo step (merged with the last one when ``merge_key`` matches)."""
        self.undo_stack.push(EditCommand(self.layout, edit, merge_key))

    def undo(self) -> None:
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    # -- replacing and saving ----------------------------------------------------------------
    def replace(self, layout: Layout, path: Path | None, *, recovered: bool = False) -> None:
        """Edit another layout from now on; its history starts empty.

        ``recovered`` marks it modified although nothing was undone or redone:
        it came from an autosave and is not yet in its file.
        """
        self.undo_stack.clear()
        self.layout = layout
        self.path = path
        self._recovered = recovered
        self.layout_replaced.emit(layout)
        self.path_changed.emit(path)
        self.modified_changed.emit(self.modified)

    def save(self, path: Path | None = None) -> Path:
        """Write the layout atomically to ``path`` (default: its own file); raises LayoutWriteError."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("the layout has no file yet")
        write_layout(self.layout, target)
        moved = target != self.path
        self.path = target
        self._recovered = False
        was_clean = self.undo_stack.isClean()
        self.undo_stack.setClean()
        if was_clean:
            self.modified_changed.emit(False)
        if moved:
            self.path_changed.emit(target)
        self.saved.emit(target)
        return target
