"""The status bar: the cursor in metres (y north), the scale, and what lies under the cursor."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizeGrip, QStatusBar, QStyle, QStyleOption, QToolTip, QWidget

from planner.model.layout import BOOTH_STATUSES, Amenity, Booth, Change, Gate, Layout, LayoutObject, Obstacle, Zone
from planner.render.names import STATUS, kind_name
from planner.render.style import DEFAULT_STYLE, Style, qcolor
from planner.solver.rules import says_zone

INCH_M = 0.0254


translate = QCoreApplication.translate   # literal arguments: pyside6-lupdate finds them


def _status_word(status: str) -> str:
    words = {
        "available": translate("Status", "available"), "reserved": translate("Status", "reserved"),
        "sold": translate("Status", "sold"), "blocked": translate("Status", "blocked"),
    }
    return words.get(status, status)


def _gate_kind(kind: str) -> str:
    words = {
        "entrance": translate("Status", "entrance"), "exit": translate("Status", "exit"),
        "both": translate("Status", "entrance and exit"),
    }
    return words.get(kind, kind)


def _obstacle_kind(kind: str) -> str:
    words = {
        "water": translate("Status", "water"), "building": translate("Status", "building"),
        "stage": translate("Status", "stage"), "structure": translate("Status", "structure"),
        "vegetation": translate("Status", "vegetation"), "restricted": translate("Status", "restricted area"),
    }
    return words.get(kind, kind)


def _amenity_kind(kind: str) -> str:
    words = {
        "toilets": translate("Status", "toilets"), "first_aid": translate("Status", "first aid"),
        "info": translate("Status", "information"), "water": translate("Status", "drinking water"),
        "charging": translate("Status", "charging"), "security": translate("Status", "security"),
        "fire_extinguisher": translate("Status", "fire extinguisher"),
        "fire_hydrant": translate("Status", "fire hydrant"),
        "assembly_point": translate("Status", "assembly point"), "other": translate("Status", "other"),
    }
    return words.get(kind, kind)


def zone_label(zone: Zone, start: bool = True) -> str:
    """A zone named as the findings name it: “Zone 1” as it is, a themed name after the word zone.

    The default name already says "Zone"; repeating the word would read
    "Zone Zone 1". ``start``: the words open the line (capital Z).
    """
    name = zone.name or zone.id
    if says_zone(name):
        return translate("Status", "“{name}”").format(name=name)
    if start:
        return translate("Status", "Zone “{name}”").format(name=name)
    return translate("Status", "zone “{name}”").format(name=name)


def describe(obj: LayoutObject) -> str:
    """One line naming a layout object for the status bar (layout text is never translated)."""
    if isinstance(obj, Booth):
        name = obj.number or obj.id
        if obj.exhibitor:
            return translate("Status", "Booth {number} · {exhibitor} ({status})").format(
                number=name, exhibitor=obj.exhibitor, status=_status_word(obj.status))
        return translate("Status", "Booth {number} ({status})").format(
            number=name, status=_status_word(obj.status))
    if isinstance(obj, Zone):
        return zone_label(obj)
    if isinstance(obj, Gate):
        return translate("Status", "Gate {name} ({kind}, {width:.1f} m)").format(
            name=obj.name or obj.id, kind=_gate_kind(obj.kind), width=obj.width)
    if isinstance(obj, Obstacle):
        return translate("Status", "{name} ({kind})").format(
            name=obj.name or obj.id, kind=_obstacle_kind(obj.kind))
    if isinstance(obj, Amenity):
        return translate("Status", "{name} ({kind})").format(
            name=obj.name or obj.id, kind=_amenity_kind(obj.kind))
    return obj.id


def describe_under_cursor(objects: Sequence[LayoutObject]) -> str:
    """The topmost object, and the zone around it when the topmost is not the zone itself."""
    if not objects:
        return ""
    top = objects[0]
    text = describe(top)
    if not isinstance(top, Zone):
        zone = next((o for o in objects if isinstance(o, Zone)), None)
        if zone is not None:
            text = translate("Status", "{object} — in {zone}").format(object=text, zone=zone_label(zone, start=False))
    return text


def map_scale(pixels_per_metre: float, dpi: float) -> int:
    """N of a 1:N map scale on a screen of ``dpi``, rounded to two significant figures."""
    if pixels_per_metre <= 0:
        return 0
    n = dpi / INCH_M / pixels_per_metre
    digits = max(len(str(int(n))) - 2, 0)
    return int(round(n, -digits))


def status_counts(layout: Layout) -> dict[str, int]:
    """How many booths have each status, every status named (in the order of the file format)."""
    counts = Counter(b.status for b in layout.booths)
    return {status: counts.get(status, 0) for status in BOOTH_STATUSES}


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
    """How many booths have each status: the status's colour, its name and the count, side by side."""

    def __init__(self, parent: QWidget | None = None, style: Style = DEFAULT_STYLE) -> None:
        super().__init__(parent)
        self.setObjectName("booth_counts")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 6, 0)
        row.setSpacing(4)
        size = max(8, self.fontMetrics().ascent() - 2)
        self.labels: dict[str, QLabel] = {}
        for i, status in enumerate(BOOTH_STATUSES):
            swatch = QLabel(self)
            swatch.setPixmap(_swatch(style.booth_fill(status), style.booth_outline, size, self.devicePixelRatioF()))
            text = QLabel(self)
            text.setObjectName(f"booth_count_{status}")
            row.addSpacing(8 if i else 0)
            row.addWidget(swatch)
            row.addWidget(text)
            self.labels[status] = text

    def show_counts(self, counts: dict[str, int]) -> None:
        for status, label in self.labels.items():
            label.setText(self.tr("{status} {n:,}").format(status=kind_name(STATUS, status), n=counts.get(status, 0)))
        self.setToolTip(self.tr("Booths by status: {n:,} in all").format(n=sum(counts.values())))

    def text(self) -> str:
        """The counts as read, one status after another."""
        return "  ".join(label.text() for label in self.labels.values())


class MessageRoom(QWidget):
    """Room for the status bar's message among the permanent widgets; the status bar writes in it.

    Qt writes a message left of the first permanent widget and cuts it there, and
    the widgets beside it (the analysis summary) keep all their room. This empty
    widget asks for the message's width, so while a message shows its neighbours
    give up room (the analysis summary drops its minor figures); its minimum is a
    pixel, so a long message never widens the window. Its stretch is 0: a
    stretched item only gets the room left over, which is none in a narrow window.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_message_room")
        self.setMinimumWidth(1)
        self.text = ""
        self.hide()

    def reserve(self, text: str) -> None:
        self.text = text
        self.setVisible(bool(text))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        want = self.fontMetrics().horizontalAdvance(self.text) + 4 if self.text else 0
        return QSize(want + self._claim(want), self.fontMetrics().height())

    def _claim(self, want: int) -> int:
        """Extra width asked for when the message lacks room: a box layout short of room takes the
        same from every widget that can shrink, so asking for the lack once more per neighbour
        that can give way leaves the message its own width and takes the lack from them."""
        bar = self.parentWidget()
        if bar is None or not want:
            return 0
        others = [w for w in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                  if w is not self and w.isVisible() and not w.isWindow()]
        lacking = want + 12 + sum(w.sizeHint().width() + 6 for w in others) - bar.width()
        shrinking = [w for w in others if not isinstance(w, QSizeGrip)
                     and w.sizeHint().width() > max(w.minimumSizeHint().width(), w.minimumWidth())]
        return -(-lacking // len(shrinking)) if lacking > 0 and shrinking else 0

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


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.object_label = ElidedLabel(self)
        self.selection_label = ElidedLabel(self)
        self.selection_label.setObjectName("selection_label")
        self.booth_counts = BoothCounts(self)
        self.counts = {status: 0 for status in BOOTH_STATUSES}
        self._counted: Layout | None = None
        self.position_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.position_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("x 00000.0 m  y 00000.0 m") + 12)
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("1:1,000,000") + 12)
        self.message_room = MessageRoom(self)
        self.addWidget(self.object_label, 1)
        self.addPermanentWidget(self.message_room)
        self.addPermanentWidget(self.booth_counts)
        self.addPermanentWidget(self.selection_label)
        self.addPermanentWidget(self.position_label)
        self.addPermanentWidget(self.zoom_label)
        # A long name under the cursor or in the selection is clipped: it must never make the
        # status bar, and so the window, wider in the middle of a drag.
        # The selection keeps room for "120 booths selected"; the name under the cursor gives
        # way first (the analysis summary's egress time matters more) and ends in …, each with
        # its whole text in a tooltip.
        digits = self.fontMetrics().horizontalAdvance("0")
        self.object_label.setMinimumWidth(4 * digits)
        self.selection_label.setMinimumWidth(18 * digits)
        # A message (a tool's result, a warning) needs the room more than the counts, which stay
        # in the booth table and the legend, and the selection, which the plan and the Properties
        # panel show: they step aside until the message has gone.
        self.messageChanged.connect(self._make_room)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self.currentMessage():
            self.message_room.updateGeometry()      # what the message lacks depends on the width

    def _make_room(self, message: str) -> None:
        self.booth_counts.setVisible(not message)
        self.selection_label.setVisible(not message)
        self.message_room.reserve(message)

    def message_rect(self) -> QRect:
        """Where the message is written: from the left up to the first widget beside it."""
        right = self.width() - 12
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and not child.isWindow() and not isinstance(child, MessageRoom):
                right = min(right, child.x() - (0 if isinstance(child, QSizeGrip) else 2))
        return QRect(6, 0, max(0, right - 6), self.height())

    def shown_message(self) -> str:
        """The message as it reads on screen: ending in … when it is longer than its room."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def event(self, event) -> bool:
        """Hovering over a message cut short shows all of it."""
        if event.type() == QEvent.Type.ToolTip and self.currentMessage() \
                and self.message_rect().contains(event.pos()):
            if self.shown_message() != self.currentMessage():
                QToolTip.showText(event.globalPos(), self.currentMessage(), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """As Qt paints it, but the message runs over its room and ends in … rather than being cut."""
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and not isinstance(child, (QSizeGrip, MessageRoom)):
                frame = QStyleOption()
                frame.rect = child.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, child)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextSingleLine, self.shown_message())
        painter.end()

    # -- booths per status ------------------------------------------------------------------
    def follow(self, document) -> None:
        """Keep the booth counts of ``document``'s layout: every edit, undo and redo, and a new layout."""
        document.layout_replaced.connect(self.count_booths)
        document.layout_replaced.connect(lambda _layout: self.clear_cursor())   # nothing of it is under the cursor
        self.destroyed.connect(lambda *_: self._stop_counting())
        self.count_booths(document.layout)

    def count_booths(self, layout: Layout) -> None:
        """Show the counts of ``layout`` and follow its changes from now on."""
        if layout is not self._counted:
            self._stop_counting()
            self._counted = layout
            layout.subscribe(self._booths_changed)
        self._show_counts()

    def _stop_counting(self) -> None:
        if self._counted is not None:
            self._counted.unsubscribe(self._booths_changed)
            self._counted = None

    def _booths_changed(self, change: Change) -> None:
        self._show_counts()

    def _show_counts(self) -> None:
        if self._counted is None:
            return
        self.counts = status_counts(self._counted)
        try:
            self.booth_counts.show_counts(self.counts)
        except RuntimeError:      # the window is being destroyed
            self._stop_counting()

    def show_cursor(self, x: float, y: float, objects: Sequence[LayoutObject]) -> None:
        self.position_label.setText(self.tr("x {x:.1f} m  y {y:.1f} m").format(x=x, y=y))
        self.object_label.setText(describe_under_cursor(objects))

    def show_selection(self, text: str) -> None:
        self.selection_label.setText(text)

    def clear_cursor(self) -> None:
        self.position_label.setText("")
        self.object_label.setText("")

    def show_zoom(self, pixels_per_metre: float) -> None:
        dpi = self.logicalDpiX() or 96
        self.zoom_label.setText(self.tr("1:{n:,}").format(n=map_scale(pixels_per_metre, dpi)))
        self.zoom_label.setToolTip(self.tr("Scale on this screen; {px:.2f} pixels per metre").format(
            px=pixels_per_metre))
