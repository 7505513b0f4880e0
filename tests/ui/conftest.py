"""Fixtures for the canvas and window tests; they run on the offscreen platform.

Every test gets its own settings file and autosave folder, so recent files
and autosaves never leak between tests or into the user's own.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from planner.model.layout import Layout  # noqa: E402
from tests.factories import small_layout  # noqa: E402
from tests.render.sample_layouts import market_layout  # noqa: E402


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory, monkeypatch):
    from planner.ui import autosave

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setattr(autosave, "directory", folder / "autosave")
    return folder


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A message box would wait forever offscreen: record it and answer as a careful user would.

    Tests that are about a dialog patch it again themselves.
    """
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def record(answer):
        return staticmethod(lambda parent, title, text, *a, **k: (asked.append(text), answer)[1])

    monkeypatch.setattr(QMessageBox, "warning", record(QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QMessageBox, "question", record(QMessageBox.StandardButton.No))
    monkeypatch.setattr(QMessageBox, "critical", record(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record(QMessageBox.StandardButton.Ok))
    return asked


@pytest.fixture
def layout() -> Layout:
    """100 × 50 m: a pond, two zones (one named in Chinese), two gates, four booths, one WC."""
    return small_layout()


@pytest.fixture
def market() -> Layout:
    """240 booths in six zones, every obstacle and amenity kind."""
    return market_layout(blocks_per_zone=2, zones=6)


@pytest.fixture
def window(qtbot, layout):
    from planner.ui.main_window import MainWindow

    win = MainWindow(layout, None)
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    win.view.fit()
    return win
