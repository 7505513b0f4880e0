"""Atomic file replacement shared by every writer (layouts, exports): no Qt.

The payload goes to a temporary file beside the target, is flushed to disk
and moved over the target with ``os.replace``: a full disk or a crash leaves
either the old file or the whole new one, never a part of it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_atomically(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` atomically, keeping an existing file's permissions.

    Raises OSError as the system reported it; the temporary file is removed.
    """
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
        tmp_name = None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
