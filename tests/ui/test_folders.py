"""Where the file dialogs open: beside the layout file, else the last folder used (kept in QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from planner.ui.folders import last_folder, remember_folder, start_folder
from planner.ui.import_exhibitors import start_import


def recorder(monkeypatch, method: str, answer: str = "") -> list[str]:
    """Patch one QFileDialog function to record the folder it was asked to start in."""
    starts: list[str] = []

    def ask(parent, caption, directory="", *a, **k):
        starts.append(directory)
        return (answer, "")

    monkeypatch.setattr(QFileDialog, method, staticmethod(ask))
    return starts


# -- headless: the helper ----------------------------------------------------------------------------
def test_start_folder_prefers_the_layout_file_then_the_last_folder_then_the_fallback(qapp, tmp_path):
    festival = tmp_path / "西湖 festival"
    downloads = tmp_path / "downloads"
    bundled = tmp_path / "examples"
    for folder in (festival, downloads, bundled):
        folder.mkdir()
    assert last_folder() is None
    assert start_folder(None) == Path.home()                   # nothing known at all
    assert start_folder(None, bundled) == bundled
    assert start_folder(festival / "plan.festival.json", bundled) == festival
    remember_folder(downloads / "site plan 平面图.png")           # a file: its folder is kept
    assert last_folder() == downloads
    assert start_folder(None, bundled) == downloads
    assert start_folder(festival / "plan.festival.json") == festival    # the layout file still comes first
    remember_folder(bundled)                                    # a folder is kept as it is
    assert start_folder(None) == bundled
    bundled.rmdir()                                             # a folder gone since is not offered
    assert last_folder() is None and start_folder(None) == Path.home()


# -- the window's dialogs -----------------------------------------------------------------------------
def test_dialogs_of_an_unsaved_layout_start_in_the_last_folder_used(window, tmp_path, monkeypatch):
    plans = tmp_path / "plans 平面图"
    plans.mkdir()
    missing = plans / "not-there.png"
    starts = recorder(monkeypatch, "getOpenFileName", str(missing))
    window.actions["import_image"].trigger()            # chosen in ``plans``; the file does not read
    assert window.document.path is None and Path(starts[0]) != plans
    starts = recorder(monkeypatch, "getOpenFileName")
    assert start_import(window) is None                 # Import Exhibitors, cancelled
    assert [Path(s) for s in starts] == [plans]
    saves = recorder(monkeypatch, "getSaveFileName")
    window.actions["save_as"].trigger()
    assert Path(saves[0]).parent == plans


def test_dialogs_of_a_saved_layout_start_beside_it(window, tmp_path, monkeypatch):
    festival = tmp_path / "festival"
    festival.mkdir()
    remember_folder(tmp_path)                            # used earlier, elsewhere
    recorder(monkeypatch, "getSaveFileName", str(festival / "plan"))
    window.actions["save_as"].trigger()
    assert window.document.path == festival / "plan.festival.json"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    remember_folder(elsewhere)
    for action in ("open", "import_image"):
        starts = recorder(monkeypatch, "getOpenFileName")
        window.actions[action].trigger()
        assert [Path(s) for s in starts] == [festival], action
