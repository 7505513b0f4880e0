"""Text on a sheet, in points: lines, elision and wrapping, in the planner's label fonts.

Sheets draw in points (the PDF and SVG devices run at 72 dots per inch, the
PNG image at a device-pixel ratio of dpi / 72), so a size here is a size on
paper. Text is laid out in the labels' 100-pixel font and scaled, like the
map's labels (``render.text``), so Latin and Chinese mix the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from planner.render.text import FONT_PX, elide, label_font, text_width

LINE = 1.28          # line height as a multiple of the size


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> QFontMetricsF:
    return QFontMetricsF(label_font(bold))


def width(text: str, size: float, bold: bool = False) -> float:
    return text_width(text, size, bold)


def ascent(size: float, bold: bool = False) -> float:
    return _metrics(bold).ascent() * size / FONT_PX


def fit(text: str, size: float, max_width: float, bold: bool = False) -> str:
    """``text`` elided with "…" to ``max_width``."""
    return elide(text, size, max_width, bold)


def draw(painter: QPainter, text: str, x: float, y: float, size: float, colour: QColor | str, *,
         bold: bool = False, align: str = "left", max_width: float | None = None) -> float:
    """Draw one line whose box starts at ``y`` (its top); returns the width drawn.

    ``align`` is left, centre or right of ``x``.
    """
    if not text:
        return 0.0
    if max_width is not None:
        text = fit(text, size, max_width, bold)
    w = width(text, size, bold)
    left = x - w if align == "right" else x - w / 2 if align == "centre" else x
    k = size / FONT_PX
    painter.save()
    painter.translate(left, y + (LINE - 1.0) / 2 * size)
    painter.scale(k, k)
    painter.setFont(label_font(bold))
    painter.setPen(QColor(colour))
    painter.drawText(QPointF(0.0, _metrics(bold).ascent() * 0.92), text)
    painter.restore()
    return w


def draw_rotated(painter: QPainter, text: str, centre: QPointF, size: float, colour: QColor | str,
                 angle: float, bold: bool = False) -> None:
    """A line centred on ``centre``, turned ``angle`` degrees clockwise."""
    painter.save()
    painter.translate(centre)
    painter.rotate(angle)
    draw(painter, text, 0.0, -size * LINE / 2, size, colour, bold=bold, align="centre")
    painter.restore()


_TOKEN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef][\u3001\u3002\uff0c\uff1b\uff1a\uff09]?|\S+\s*|\s+")


def wrap(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Greedy line breaking: between words, and between any two Chinese characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _TOKEN.findall(paragraph):
            candidate = line + token
            if line and width(candidate.rstrip(), size, bold) > max_width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line = candidate
            while width(line.rstrip(), size, bold) > max_width and len(line) > 1:
                # A single word longer than the line: break it where it overflows.
                cut = len(line) - 1
                while cut > 1 and width(line[:cut], size, bold) > max_width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def draw_wrapped(painter: QPainter, text: str, x: float, y: float, size: float, max_width: float,
                 colour: QColor | str, *, bold: bool = False, max_lines: int | None = None) -> float:
    """Draw ``text`` wrapped to ``max_width``; returns the height used."""
    lines = wrap(text, size, max_width, bold)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(lines[-1] + " …", size, max_width, bold)
    for i, line in enumerate(lines):
        draw(painter, line, x, y + i * size * LINE, size, colour, bold=bold)
    return len(lines) * size * LINE


def wrapped_height(text: str, size: float, max_width: float, bold: bool = False) -> float:
    return len(wrap(text, size, max_width, bold)) * size * LINE
