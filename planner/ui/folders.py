"""Where the file dialogs open: next to the layout being edited, else where the organiser last was.

Opening every dialog in the home folder made each import and export a walk
back to the festival's folder. The folder of the current layout file comes
first (its images, exhibitor lists and prints usually live beside it); a
layout never saved falls back to the last folder a dialog was used in,
kept in QSettings so it survives a restart.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "files/last_folder"


def last_folder() -> Path | None:
    """The folder a file dialog last chose in, while it still exists."""
    value = QSettings().value(KEY, "")
    if not value:
        return None
    folder = Path(str(value))
    return folder if folder.is_dir() else None


def start_folder(document_path: Path | None, fallback: Path | None = None) -> Path:
    """The folder a file dialog should start in.

    The current layout file's folder, else the last folder used, else
    ``fallback`` (when given and present), else the home folder.
    """
    if document_path is not None and Path(document_path).parent.is_dir():
        return Path(document_path).parent
    remembered = last_folder()
    if remembered is not None:
        return remembered
    if fallback is not None and Path(fallback).is_dir():
        return Path(fallback)
    return Path.home()


def remember_folder(chosen: Path | str) -> None:
    """Remember the folder of a file the organiser chose (or the folder itself)."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    if str(folder):
        QSettings().setValue(KEY, str(folder))
