"""The key to the booth colours, in the bottom-right corner of the plan.

What a colour means depends on how booths are coloured (View ▸ Booth
Colours): by status, or by the zone a booth stands in. The colours come from
``graphics.booth_fill`` (the one that fills the booths, on screen and on
paper) and the status names from ``render.names``, so the key cannot drift
from the plan. Like the scale bar, the view draws it over the plan in screen
pixels (``FloorView.drawForeground``): not a widget, so panning still
scrolls the plan's pixels.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from planner.model.layout import BOOTH_STATUSES, Booth, Layout
from planner.render import graphics as g
from planner.render.names import STATUS, kind_name
from planner.render.style import DEFAULT_STYLE, Style, qcolor

MARGIN_PX = 10
PAD_PX = 8
SWATCH_PX = 12
MAX_ROWS = 12        # a key longer than this ends with "… and N more"


@dataclass(frozen=True)
class KeyEntry:
    colour: QColor | None    # None: a note without a swatch
    label: str
    count: int | None = None


def booth_key(layout: Layout | None, mode: str, style: Style = DEFAULT_STYLE,
              zone_of: dict[str, str | None] | None = None) -> tuple[str, list[KeyEntry]]:
    """The title and entries of the key to booth colours ``mode`` ("status" or "zone") in ``layout``.

    ``zone_of``: each booth's zone, when the caller knows it already.
    """
    booths = layout.booths if layout is not None else []
    if mode == "zone" and layout is not None:
        zone_of = zone_of if zone_of is not None else layout.zone_of_booths()
        counts = Counter(zone_of.get(b.id) for b in booths if b.status != "blocked")
        entries = []
        for zone in layout.zones:
            if not counts.get(zone.id):
                continue              # a colour no booth wears
            probe = Booth(id="key", x=0.0, y=0.0)
            entries.append(KeyEntry(g.booth_fill(probe, style, "zone", zone), zone.name or zone.id,
                                    counts.get(zone.id, 0)))
        blocked = sum(1 for b in booths if b.status == "blocked")
        if blocked:
            entries.append(KeyEntry(qcolor(style.booth_fill("blocked")), kind_name(STATUS, "blocked"), blocked))
        outside = counts.get(None, 0)
        if outside:
            note = QCoreApplication.translate("Legend", "Outside zones ({n}): by status")
            entries.append(KeyEntry(None, note.format(n=outside)))
        return QCoreApplication.translate("Legend", "Booths by zone"), entries
    counts = Counter(b.status for b in booths)
    return QCoreApplication.translate("Legend", "Booths by status"), [
        KeyEntry(qcolor(style.booth_fill(status)), kind_name(STATUS, status), counts.get(status, 0))
        for status in BOOTH_STATUSES
    ]


class BoothLegend:
    """Draws the key in screen pixels; ``rect`` says where, so the view can repaint it alone."""

    def __init__(self, font: QFont, style: Style = DEFAULT_STYLE) -> None:
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.style = style
        self.visible = True
        self.title = ""
        self.entries: list[KeyEntry] = []

    def set_key(self, title: str, entries: list[KeyEntry]) -> None:
        self.title = title
        self.entries = entries

    def rows(self) -> list[KeyEntry]:
        if len(self.entries) <= MAX_ROWS:
            return self.entries
        shown = self.entries[:MAX_ROWS - 1]
        more = len(self.entries) - len(shown)
        return [*shown, KeyEntry(None, QCoreApplication.translate("Legend", "… and {n} more").format(n=more))]

    def _line(self) -> int:
        return max(QFontMetrics(self.font).height(), SWATCH_PX) + 4

    def _count_width(self) -> int:
        metrics = QFontMetrics(self.font)
        return max((metrics.horizontalAdvance(f"{e.count:,}") for e in self.entries if e.count is not None),
                   default=0)

    def rect(self, viewport: QRect) -> QRect:
        """Where the key is drawn in the viewport (its bottom-right corner); empty when hidden."""
        if not self.visible or not self.entries:
            return QRect()
        metrics = QFontMetrics(self.font)
        label_w = max(metrics.horizontalAdvance(e.label) + (SWATCH_PX + 6 if e.colour is not None else 0)
                      for e in self.rows())
        title_w = QFontMetrics(self.bold).horizontalAdvance(self.title)
        counts = self._count_width()
        width = max(title_w, label_w + (counts + 14 if counts else 0)) + 2 * PAD_PX
        height = 2 * PAD_PX + self._line() * (len(self.rows()) + 1)
        return QRect(viewport.right() - MARGIN_PX - width, viewport.bottom() - MARGIN_PX - height, width, height)

    def paint(self, painter: QPainter, viewport: QRect) -> None:
        box = self.rect(viewport)
        if box.isEmpty():
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(0, 0, 0, 40), 1.0))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        ink, muted = QColor("#2f3e46"), QColor("#5b6670")
        line = self._line()
        x, y = box.left() + PAD_PX, box.top() + PAD_PX
        right = box.right() - PAD_PX
        painter.setFont(self.bold)
        painter.setPen(ink)
        painter.drawText(QRect(x, y, box.width() - 2 * PAD_PX, line), Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font)
        outline = QPen(qcolor(self.style.booth_outline), 1.0)
        for entry in self.rows():
            y += line
            text_x = x
            if entry.colour is not None:
                painter.setPen(outline)
                painter.setBrush(entry.colour)
                top = y + (line - SWATCH_PX) / 2
                painter.drawRect(QRectF(x + 0.5, top + 0.5, SWATCH_PX - 1, SWATCH_PX - 1))
                text_x = x + SWATCH_PX + 6
            painter.setPen(ink if entry.colour is not None else muted)
            painter.drawText(QRect(text_x, y, right - text_x, line), Qt.AlignmentFlag.AlignVCenter, entry.label)
            if entry.count is not None:
                painter.setPen(muted)
                painter.drawText(QRect(text_x, y, right - text_x, line),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, f"{entry.count:,}")
        painter.restore()
