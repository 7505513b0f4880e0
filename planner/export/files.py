"""Writing export files: atomically, with one clear sentence when it fails (no Qt).

Every export is made in memory first and then written as a temporary file
beside the target, flushed and moved over it with ``os.replace``: a full disk
or a crash never leaves half a PDF under the name the organiser will send to
the print shop.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from pathlib import Path

from planner.formats.atomic import replace_atomically
from planner.i18n import tr


class ExportError(Exception):
    """An export that could not be made or written; ``str()`` is one plain sentence."""


def numbered_paths(path: Path, count: int) -> list[Path]:
    """OUT.png for one sheet; OUT-1.png, OUT-2.png … for several (SPEC §3)."""
    if count == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{i}{path.suffix}") for i in range(1, count + 1)]


def _reason(exc: OSError, path: Path) -> str:
    folder = path.parent if str(path.parent) else Path(".")
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return tr("Could not write {file}: the disk is full.", file=str(path))
    if code == errno.ENOENT:
        return tr("Could not write {file}: the folder {folder} does not exist.", file=str(path),
                  folder=str(folder))
    if code in (errno.EACCES, errno.EPERM):
        return tr("Could not write {file}: permission denied in {folder}.", file=str(path), folder=str(folder))
    if code == errno.EROFS:
        return tr("Could not write {file}: the disk is read-only.", file=str(path))
    if code == errno.EISDIR:
        return tr("Could not write {file}: it is a folder.", file=str(path))
    if code == errno.ENOTDIR:
        return tr("Could not write {file}: {folder} is not a folder.", file=str(path), folder=str(folder))
    return tr("Could not write {file}: {reason}.", file=str(path), reason=exc.strerror or exc)


def check_writable(path: Path) -> None:
    """Fail early, before minutes of work, when the target cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(_reason(OSError(errno.EISDIR, "is a folder"), path))
    if not folder.exists():
        raise ExportError(_reason(OSError(errno.ENOENT, "no such folder"), path))
    if not folder.is_dir():
        raise ExportError(_reason(OSError(errno.ENOTDIR, "not a folder"), path))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(_reason(OSError(errno.EACCES, "permission denied"), path))


def write_atomic(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path``: the old file or the whole new one, never a part."""
    try:
        replace_atomically(path, payload)
    except OSError as exc:
        raise ExportError(_reason(exc, path)) from None


def write_all(paths: Sequence[Path], payloads: Sequence[bytes]) -> None:
    """Write several sheets; each file is atomic on its own."""
    for path, payload in zip(paths, payloads, strict=True):
        write_atomic(path, payload)
