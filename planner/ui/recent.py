"""Recently opened or saved layout files, kept in QSettings (most recent first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "files/recent"
MAX_RECENT = 10


def recent_files() -> list[Path]:
    value = QSettings().value(KEY, [])
    if isinstance(value, str):          # one entry comes back as a plain string from INI files
        value = [value]
    return [Path(v) for v in (value or []) if v]


def _store(paths: list[Path]) -> None:
    QSettings().setValue(KEY, [str(p) for p in paths[:MAX_RECENT]])


def remember(path: Path) -> None:
    path = Path(path).resolve()
    _store([path] + [p for p in recent_files() if p != path])


def forget(path: Path) -> None:
    path = Path(path).resolve()
    _store([p for p in recent_files() if p != path])


def clear() -> None:
    _store([])
