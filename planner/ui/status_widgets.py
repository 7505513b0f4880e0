"""The status bar's own widgets: booth counts that shorten, an elided label, the message's room,
and the rule by which they give way to each other."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from planner.model.layout import BOOTH_STATUSES
from planner.render.names import STATUS, kind_name
from planner.render.style import DEFAULT_STYLE, Style, qcolor


def _swatch(colour: str, outline: str, size: int, ratio: float) -> QPixmap:
    """A small square of a booth colour with the booth outline, as on the plan."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(qcolor(outline), 1.0))
    painter.setBrush(qcolor(colour))
    painter.drawRect(QRectF(0.5, 0.5, size - 1.0, size - 1.0))
    painter.end()
    return pixmap


class BoothCounts(QWidget):
    """How many booths have each status: the status's colour, its name and the count, side by side.

    Short of room it gives up the names (the colours say the status, the
    tooltip names them all) before the status bar hides it.
    """

    def __init__(self, parent: QWidget | None = None, style: Style = DEFAULT_STYLE) -> None:
        super().__init__(parent)
        self.setObjectName("booth_counts")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.full_row, self.labels = self._row(style, "booth_count_")
        self.short_row, self.short_labels = self._row(style, "booth_count_short_")
        outer.addWidget(self.full_row)
        outer.addWidget(self.short_row)
        self.short_row.hide()

    def _row(self, style: Style, name: str) -> tuple[QWidget, dict[str, QLabel]]:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 6, 0)
        row.setSpacing(4)
        size = max(8, self.fontMetrics().ascent() - 2)
        labels: dict[str, QLabel] = {}
        for i, status in enumerate(BOOTH_STATUSES):
            swatch = QLabel(box)
            swatch.setPixmap(_swatch(style.booth_fill(status), style.booth_outline, size, self.devicePixelRatioF()))
            text = QLabel(box)
            text.setObjectName(f"{name}{status}")
            row.addSpacing(8 if i else 0)
            row.addWidget(swatch)
            row.addWidget(text)
            labels[status] = text
        return box, labels

    def show_counts(self, counts: dict[str, int]) -> None:
        for status, label in self.labels.items():
            label.setText(self.tr("{status} {n:,}").format(status=kind_name(STATUS, status), n=counts.get(status, 0)))
            self.short_labels[status].setText(self.tr("{n:,}").format(n=counts.get(status, 0)))
        tip = self.tr("Booths by status: {n:,} in all").format(n=sum(counts.values()))
        self.setToolTip(tip)
        self.short_row.setToolTip("\n".join([tip, *(label.text() for label in self.labels.values())]))

    def widths(self) -> tuple[int, int]:
        """The widths of the counts with the statuses named, and with the colours alone."""
        margins = self.layout().contentsMargins()
        extra = margins.left() + margins.right()
        return self.full_row.sizeHint().width() + extra, self.short_row.sizeHint().width() + extra

    def set_short(self, short: bool) -> None:
        if short != self.is_short():
            self.full_row.setVisible(not short)
            self.short_row.setVisible(short)

    def is_short(self) -> bool:
        return not self.short_row.isHidden()

    def text(self) -> str:
        """The counts as read, one status after another."""
        return "  ".join(label.text() for label in self.labels.values())


class MessageRoom(QWidget):
    """Room for the status bar's message among the permanent widgets; the status bar writes in it.

    Qt writes a message left of the first permanent widget and cuts it there.
    This empty widget asks for the width the status bar allots the message
    (its whole text when the lesser widgets beside it can make room); its
    minimum is a pixel, so a long message never widens the window.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_message_room")
        self.setMinimumWidth(1)
        self.text = ""
        self.allotted = 0
        self.hide()

    def reserve(self, text: str) -> None:
        self.text = text
        self.setVisible(bool(text))
        self.updateGeometry()

    def wanted(self) -> int:
        """The message's whole width, with the margins the status bar writes it between."""
        return self.fontMetrics().horizontalAdvance(self.text) + 12 if self.text else 0

    def allot(self, width: int) -> None:
        if width != self.allotted:
            self.allotted = width
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.allotted, self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(1, self.fontMetrics().height())


class ElidedLabel(QLabel):
    """A one-line label that ends in … when its room is too short, and shows all of it when hovered."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        super().setText(text)
        self.setToolTip(text)

    def shown(self) -> str:
        """The text as it reads on screen."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.contentsRect(), Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextSingleLine, self.shown())
        painter.end()


def total_width(widths: dict, spacing: int) -> int:
    """The width of the widgets of ``widths`` that show (width above 0), side by side ``spacing`` apart."""
    shown = [w for w in widths.values() if w > 0]
    return sum(shown) + spacing * max(0, len(shown) - 1)


def give_way(room: int, spacing: int, widths: dict, steps: Sequence[tuple[object, int]],
             elastic: Collection = ()) -> dict:
    """The widths after the ``steps`` (a widget and the width it narrows to; 0 hides it) that it takes,
    one after another, until the widgets fit in ``room``; the steps not needed are not taken.

    A widget in ``elastic`` (one that elides) may get part of its width back from room left over.
    """
    widths = dict(widths)
    taken = []
    for widget, width in steps:
        if total_width(widths, spacing) <= room:
            break
        taken.append((widget, widths.get(widget, 0)))
        widths[widget] = min(widths.get(widget, 0), width)
    # A later step may have freed more than was lacking: the room left goes back to what gave way
    # before it, the last to give way first, where it fits whole.
    for widget, before in reversed(taken):
        trial = {**widths, widget: before}
        slack = room - total_width(widths, spacing)
        if total_width(trial, spacing) <= room:
            widths = trial
        elif widget in elastic and widths[widget] > 0 and slack > 0:
            widths[widget] += slack
    return widths


__all__ = ["BoothCounts", "ElidedLabel", "MessageRoom", "give_way", "total_width"]
