"""Fixtures for the canvas and window tests; they run on the offscreen platform."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from planner.model.layout import Layout  # noqa: E402
from tests.factories import small_layout  # noqa: E402
from tests.render.sample_layouts import market_layout  # noqa: E402


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
