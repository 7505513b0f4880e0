"""Starting the editor: application identity and the screenshot mode used to look at it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from planner.ui.app import run_editor
from planner.ui.main_window import DEFAULT_SIZE


def test_screenshot_mode_saves_the_window_and_returns(qapp, market, tmp_path):
    shot = tmp_path / "shot.png"
    assert run_editor(market, tmp_path / "market.festival.json", screenshot=shot) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == DEFAULT_SIZE
    assert QCoreApplication.applicationName() == "Festival Floor Planner"
    assert QCoreApplication.organizationName()
    # The plan is drawn: the middle of the window is not one flat colour.
    colours = {image.pixel(x, y) for x in range(300, 1100, 7) for y in range(200, 700, 7)}
    assert len(colours) > 20
