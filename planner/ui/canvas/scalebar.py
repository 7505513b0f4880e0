"""A live scale bar in the corner of the plan: a round length and how long it is on screen.

The view draws it over the plan in screen pixels (``FloorView.drawForeground``).
It is not a child widget: a widget over the viewport would stop Qt from
scrolling the plan's pixels when panning, and every pan step would repaint
every booth.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from planner.ui.canvas.overlays import nice_step

TARGET_PX = 120.0     # the bar is about this long
MARGIN_PX = 10
HEIGHT_PX = 30


def length_text(metres: float) -> str:
    if metres >= 1000:
        return QCoreApplication.translate("ScaleBar", "{n:g} km").format(n=metres / 1000)
    if metres >= 1:
        return QCoreApplication.translate("ScaleBar", "{n:g} m").format(n=metres)
    return QCoreApplication.translate("ScaleBar", "{n:g} cm").format(n=round(metres * 100, 6))


class ScaleBar:
    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.metres = 10.0
        self.pixels = 100.0

    def set_zoom(self, pixels_per_metre: float) -> None:
        if pixels_per_metre > 0:
            self.metres = nice_step(TARGET_PX / pixels_per_metre)
            self.pixels = self.metres * pixels_per_metre

    def text(self) -> str:
        return length_text(self.metres)

    def rect(self, viewport: QRect) -> QRect:
        """Where the bar is drawn in the viewport (its bottom-left corner)."""
        width = int(self.pixels + QFontMetrics(self.font).horizontalAdvance(self.text()) + 30)
        return QRect(viewport.left() + MARGIN_PX, viewport.bottom() - MARGIN_PX - HEIGHT_PX, width, HEIGHT_PX)

    def paint(self, painter: QPainter, viewport: QRect) -> None:
        box = QRectF(self.rect(viewport))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 205))
        painter.drawRoundedRect(box, 5, 5)
        x0, y = box.left() + 8.0, box.bottom() - 10.0
        dark = QColor("#2f3e46")
        half = self.pixels / 2
        painter.setPen(QPen(dark, 1.2))
        painter.setBrush(dark)
        painter.drawRect(QRectF(x0, y - 4, half, 4))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(QRectF(x0 + half, y - 4, half, 4))
        painter.setPen(dark)
        painter.drawText(QRectF(x0 + self.pixels + 8, box.top(), box.width(), box.height() - 3),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.text())
