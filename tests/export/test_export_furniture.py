"""The sheet's furniture: the north arrow follows the georef, the scale bar is true, text wraps."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from planner.export import furniture, typeset
from planner.export.options import PT_PER_MM
from planner.render.style import DEFAULT_SHEET_STYLE


def _tip_angle(rotation_deg: float) -> float:
    """Screen angle (degrees clockwise from up) of the arrow's point, found in the pixels."""
    size = 200.0
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    furniture.draw_north_arrow(p, QPointF(200, 200), size, rotation_deg, DEFAULT_SHEET_STYLE)
    p.end()
    far, best = 0.0, (0, 0)
    for y in range(0, 400, 2):
        for x in range(0, 400, 2):
            if QColor(image.pixel(x, y)).lightness() < 80:
                d = math.hypot(x - 200, y - 200)
                if far < d <= size / 2 * 0.8:          # the arrow, not the "N" beyond its point
                    far, best = d, (x - 200, y - 200)
    return math.degrees(math.atan2(best[0], -best[1])) % 360


@pytest.mark.parametrize("rotation, expected", [(0, 0), (90, 270), (30, 330), (-45, 45)])
def test_north_arrow_points_to_true_north(qapp, rotation, expected):
    """georef.rotation_deg turns the plan's +y clockwise from north, so north lies that far anticlockwise."""
    angle = _tip_angle(rotation)
    assert min(abs(angle - expected), 360 - abs(angle - expected)) < 6


def test_scale_bar_is_true_at_its_scale(qapp):
    image = QImage(600, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    height = furniture.draw_scale_bar(p, QPointF(10, 10), 400, 500, 1.0, DEFAULT_SHEET_STYLE)
    p.end()
    assert height > 10
    row = int(10 + 6.5 * typeset.LINE + 1.5)
    # Black and white segments in a thin outline: find the outline's ends.
    dark = [x for x in range(600) if QColor(image.pixel(x, row)).lightness() < 230]
    # 1:500 → 2 mm per metre; the longest round length within 400 pt (141 mm) is 50 m = 100 mm.
    assert (max(dark) - min(dark)) == pytest.approx(100 * PT_PER_MM, abs=2.0)


def test_wrapping_breaks_words_and_chinese(qapp):
    lines = typeset.wrap("Hangzhou Maker Festival Organising Committee · 杭州创客节组委会", 10, 120)
    assert len(lines) >= 3 and all(typeset.width(line, 10) <= 120 + 0.01 for line in lines)
    chinese = typeset.wrap("杭州创客节组委会杭州创客节组委会杭州创客节组委会", 10, 50)
    assert len(chinese) > 2 and "".join(chinese) == "杭州创客节组委会" * 3
