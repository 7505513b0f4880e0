"""Export files are written atomically, and a failure is one sentence that says why."""

from __future__ import annotations

import errno
import os

import pytest

from planner.export import ExportError, ExportOptions, export_layout
from planner.export import files
from planner.formats import atomic
from tests.factories import small_layout


def _fail(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    return fail


def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    out = tmp_path / "booths.csv"
    out.write_text("old list", encoding="utf-8")
    monkeypatch.setattr(atomic.os, "fsync", _fail(errno.ENOSPC))
    with pytest.raises(ExportError) as caught:
        export_layout(small_layout(), out, ExportOptions())
    assert str(caught.value) == f"Could not write {out}: the disk is full."
    assert out.read_text(encoding="utf-8") == "old list"
    assert [p.name for p in tmp_path.iterdir()] == ["booths.csv"]


def test_permission_denied_names_the_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic.tempfile, "mkstemp", _fail(errno.EACCES))
    with pytest.raises(ExportError, match=f"permission denied in {tmp_path}"):
        files.write_atomic(tmp_path / "x.pdf", b"%PDF-")


def test_an_unwritable_folder_is_refused_before_any_work(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic.os, "access", lambda path, mode: False)
    with pytest.raises(ExportError, match="permission denied"):
        export_layout(small_layout(), tmp_path / "map.pdf", ExportOptions())


def test_a_folder_as_target_and_a_missing_folder(tmp_path):
    with pytest.raises(ExportError, match="it is a folder"):
        files.check_writable(tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        files.check_writable(tmp_path / "missing" / "map.pdf")


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    out = tmp_path / "a.csv"
    files.write_atomic(out, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_numbered_paths():
    from pathlib import Path

    assert files.numbered_paths(Path("out/map.png"), 1) == [Path("out/map.png")]
    assert files.numbered_paths(Path("out/map.png"), 3) == [Path("out/map-1.png"), Path("out/map-2.png"),
                                                            Path("out/map-3.png")]
