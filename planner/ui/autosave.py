"""Autosave of unsaved work, and the offer to recover it after a crash.

Every ``interval_ms`` a window with unsaved changes writes its layout
(atomically, like a save) to the autosave folder, with a small note: the
file it belongs to and the id of the process. Saving, or closing the window
without saving on purpose, deletes both. A note whose process is gone at
the next start means the planner did not close properly: the editor offers
to recover the layout.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from planner.formats import LayoutFileError, LayoutWriteError, read_layout, write_layout
from planner.model.layout import Layout
from planner.ui.document import Document

INTERVAL_MS = 60_000
directory: Path | None = None        # tests point this elsewhere


def autosave_dir() -> Path:
    if directory is not None:
        return directory
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


@dataclass(frozen=True)
class Recovery:
    layout_file: Path
    note_file: Path
    original: Path | None      # the file the work belonged to, None for a new layout
    name: str
    saved_at: float

    def load(self) -> Layout:
        return read_layout(self.layout_file)

    def discard(self) -> None:
        for path in (self.layout_file, self.note_file):
            try:
                path.unlink()
            except FileNotFoundError:
                pass


def pending() -> list[Recovery]:
    """Autosaves left behind by planners that did not close properly, newest first."""
    folder = autosave_dir()
    if not folder.is_dir():
        return []
    found = []
    for note_file in folder.glob("*.note.json"):
        try:
            note = json.loads(note_file.read_text(encoding="utf-8"))
            pid = int(note["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        layout_file = note_file.with_name(note_file.name.replace(".note.json", ".festival.json"))
        if _alive(pid) or not layout_file.is_file():
            continue
        original = note.get("path")
        found.append(Recovery(layout_file, note_file, Path(original) if original else None,
                              str(note.get("name", "")), float(note.get("saved_at", 0.0))))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosaver(QObject):
    def __init__(self, document: Document, interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        key = uuid.uuid4().hex[:12]
        self.layout_file = autosave_dir() / f"{key}.festival.json"
        self.note_file = autosave_dir() / f"{key}.note.json"
        self._dirty = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        document.undo_stack.indexChanged.connect(self._changed)
        document.saved.connect(self._saved)
        document.layout_replaced.connect(self._replaced)

    def _changed(self, _index: int = 0) -> None:
        try:
            modified = self.document.modified
        except RuntimeError:      # the stack going with its window says so as it goes
            return
        if modified:
            self._dirty = True
        else:
            self.discard()        # undone back to the saved state: nothing left to recover

    def _saved(self, _path: object = None) -> None:
        self.discard()

    def _replaced(self, _layout: object = None) -> None:
        self.discard()
        self._dirty = self.document.modified

    def save_now(self) -> bool:
        """Write the unsaved work now; True when something was written."""
        if not (self._dirty and self.document.modified):
            return False
        try:
            self.layout_file.parent.mkdir(parents=True, exist_ok=True)
            write_layout(self.document.layout, self.layout_file)
            note = {"pid": os.getpid(), "saved_at": time.time(), "name": self.document.display_name(),
                    "path": str(self.document.path) if self.document.path else None}
            self.note_file.write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
        except (OSError, LayoutWriteError):
            return False          # autosave never interrupts work; the next tick tries again
        self._dirty = False
        return True

    def discard(self) -> None:
        """The work is safe (saved) or given up: forget the autosave."""
        for path in (self.note_file, self.layout_file):
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass
        self._dirty = False


__all__ = ["Autosaver", "LayoutFileError", "Recovery", "autosave_dir", "pending"]
