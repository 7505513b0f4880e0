"""Labels on screen: a halo's copies and the text itself are shaped once and placed as glyphs.

The text is measured against the same text drawn without a halo (``drawText``):
the glyphs must land on the same pixels at every scale a zoom passes through,
in Chinese too, and drawing in two threads at once (the export writes its pages
in a thread of its own) must not mix them up.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from planner.render.text import draw_label

TEXT = QColor(200, 0, 0)
HALO = QColor(0, 0, 255)


def _draw(text: str, px_per_m: float, halo: QColor | None):
    image = QImage(400, 120, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.scale(px_per_m, px_per_m)
    draw_label(painter, text, QPointF(200 / px_per_m, 60 / px_per_m), 1.2, TEXT, halo=halo)
    painter.end()
    bits = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(120, 400, 4)
    return bits[:, :, 2].astype(int), bits[:, :, 1].astype(int), bits[:, :, 0].astype(int)


def _text_pixels(rgb) -> np.ndarray:
    r, g, b = rgb
    return (r > 150) & (g < 80) & (b < 80)


@pytest.mark.parametrize("text", ["Gourmet", "动漫 非遗"])
@pytest.mark.parametrize("px_per_m", [14.0, 23.3, 40.0])
def test_a_haloed_label_puts_its_glyphs_where_a_plain_one_does(qapp, text, px_per_m):
    plain = _text_pixels(_draw(text, px_per_m, None))
    haloed_rgb = _draw(text, px_per_m, HALO)
    haloed = _text_pixels(haloed_rgb)
    assert plain.sum() > 50
    ys, xs = np.nonzero(plain)
    hy, hx = np.nonzero(haloed)
    assert abs(ys.mean() - hy.mean()) < 0.75 and abs(xs.mean() - hx.mean()) < 0.75
    assert (plain & haloed).sum() >= 0.8 * plain.sum()
    # And a blue ring round them, as wide as the halo (0.16 of the text's height).
    r, g, b = haloed_rgb
    ring = (b > 150) & (r < 80)
    assert ring.sum() > plain.sum() / 2
    width = 0.16 * 1.2 * px_per_m
    assert xs.min() - width - 2 <= np.nonzero(ring)[1].min() < xs.min()


def test_labels_drawn_in_two_threads_at_once_come_out_whole(qapp):
    expected = _text_pixels(_draw("Intangible heritage 非遗", 20.0, HALO))
    same: list[bool] = []

    def work() -> None:
        for _ in range(20):
            same.append(bool(np.array_equal(_text_pixels(_draw("Intangible heritage 非遗", 20.0, HALO)),
                                            expected)))

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    work()
    for t in threads:
        t.join()
    assert len(same) == 60 and all(same)
