"""The status bar: the cursor in metres (y north), the scale, and what lies under the cursor."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QSizeGrip, QStatusBar, QStyle, QStyleOption, QToolTip, QWidget

from planner.model.layout import BOOTH_STATUSES, Amenity, Booth, Change, Gate, Layout, LayoutObject, Obstacle, Zone
from planner.solver.rules import says_zone
from planner.ui.status_widgets import BoothCounts, ElidedLabel, MessageRoom, give_way, total_width

INCH_M = 0.0254
SELECTION_LEAST = 8       # digits' width the selection is elided to before it goes
NAME_ROOM = 18           # digits' width kept for the name under the cursor until the selection has gone
MESSAGE_LEAST = 30        # digits' width a message is elided to before the analysis summary gives way
QWIDGETSIZE_MAX = (1 << 24) - 1


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
        # status bar, and so the window, wider in the middle of a drag. Both end in … with their
        # whole text in a tooltip; the name under the cursor takes only the room left over.
        digits = self.fontMetrics().horizontalAdvance("0")
        self.object_label.setMinimumWidth(4 * digits)
        self.selection_label.setMinimumWidth(SELECTION_LEAST * digits)
        self._message_least = MESSAGE_LEAST * digits
        self._name_room = NAME_ROOM * digits
        self._fitting = False
        # A message (a tool's result, a warning) needs the room more than the counts, which stay
        # in the booth table and the legend, and the selection, which the plan and the Properties
        # panel show: they step aside until the message has gone.
        self.messageChanged.connect(self._make_room)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit()

    def _make_room(self, message: str) -> None:
        self.message_room.reserve(message)
        self._fit()

    # -- who gets the room -------------------------------------------------------------------
    # The analysis summary's figures matter most. Short of room, the lesser widgets give way
    # in turn: the counts lose their names, then go; the selection is elided, the cursor
    # position goes, then the selection, then the name under the cursor is cut to a stub (it
    # takes any room left over in any case); only then is the summary's scenario elided, and
    # last the summary drops its minor figures. A message takes the room of the counts and
    # the selection, then of the position, and is elided before the summary gives way.
    def event(self, event) -> bool:
        """Hovering over a message cut short shows all of it; a neighbour's new size shares the room out again."""
        if event.type() == QEvent.Type.ToolTip and self.currentMessage() \
                and self.message_rect().contains(event.pos()):
            if self.shown_message() != self.currentMessage():
                QToolTip.showText(event.globalPos(), self.currentMessage(), self)
            else:
                QToolTip.hideText()
            return True
        done = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return done

    def _row(self) -> QBoxLayout | None:
        """The row Qt lays the status bar's widgets out in (it builds it anew as widgets are added)."""
        def search(layout):
            if layout.indexOf(self.object_label) >= 0:
                return layout
            for i in range(layout.count()):
                inner = layout.itemAt(i)
                found = search(inner) if isinstance(inner, QLayout) else None
                if found is not None:
                    return found
            return None
        return search(self.layout()) if self.layout() is not None else None

    def _fit(self) -> None:
        row = self._row()
        if row is None or self._fitting or row.geometry().width() <= 0:
            return
        self._fitting = True
        try:
            before = self._shares()
            self._share(row)
            if self._shares() != before:
                self.layout().activate()     # at once: no frame drawn with the widgets as they were
        finally:
            self._fitting = False

    def _shares(self) -> tuple:
        widgets = [w for w in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                   if not w.isWindow()]
        return (tuple((w.isHidden(), w.maximumWidth()) for w in widgets), self.message_room.allotted,
                self.booth_counts.is_short())

    def _share(self, row: QBoxLayout) -> None:
        room = row.geometry().width() - sum(row.itemAt(i).sizeHint().width() for i in range(row.count())
                                            if row.itemAt(i).spacerItem() is not None)
        whole = lambda w: max(w.sizeHint().width(), w.minimumWidth())   # noqa: E731
        counts_full, counts_short = self.booth_counts.widths()
        lesser = (self.object_label, self.message_room, self.booth_counts, self.selection_label, self.position_label)
        others = [row.itemAt(i).widget() for i in range(row.count())]
        others = [w for w in others if w is not None and w not in lesser and not w.isHidden()]
        summary = next((w for w in others if hasattr(w, "essential_width")), None)
        widths = {w: whole(w) for w in others}
        message = self.currentMessage()
        if message:
            widths[self.message_room] = self.message_room.wanted()
            widths[self.position_label] = whole(self.position_label)
            steps = [(self.position_label, 0), (self.message_room, self._message_least)]
        else:
            # The same room whatever lies under the cursor: moving the mouse never shares the room anew.
            name = self.object_label
            least = name.minimumWidth()
            widths[name] = max(least, self._name_room)
            widths[self.booth_counts] = counts_full
            selection = self.selection_label
            widths[selection] = whole(selection) if selection.text() else 0
            widths[self.position_label] = whole(self.position_label)
            steps = [(self.booth_counts, counts_short), (self.booth_counts, 0), (selection, selection.minimumWidth()),
                     (self.position_label, 0), (selection, 0), (name, least)]
        if summary is not None:
            steps.append((summary, summary.essential_width()))
        widths = give_way(room, max(0, row.spacing()), widths, steps,
                          elastic=(summary, self.message_room, self.selection_label))
        if summary is not None:
            lack = total_width(widths, max(0, row.spacing())) - room
            if lack > 0:    # even so: the summary drops figures, down to its least
                widths[summary] = max(summary.minimumSizeHint().width(), widths[summary] - lack)
            summary.setMaximumWidth(widths[summary] if widths[summary] < whole(summary) else QWIDGETSIZE_MAX)
        self.message_room.allot(widths.get(self.message_room, 0))
        self.booth_counts.set_short(0 < widths.get(self.booth_counts, 0) < counts_full)
        for widget in (self.booth_counts, self.selection_label, self.position_label):
            shown = widths.get(widget, 0) > 0
            if shown != (not widget.isHidden()):
                widget.setVisible(shown)
        cap = widths.get(self.selection_label, 0)
        self.selection_label.setMaximumWidth(cap if 0 < cap < whole(self.selection_label) else QWIDGETSIZE_MAX)

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
        self._fit()

    def clear_cursor(self) -> None:
        self.position_label.setText("")
        self.object_label.setText("")

    def show_zoom(self, pixels_per_metre: float) -> None:
        dpi = self.logicalDpiX() or 96
        self.zoom_label.setText(self.tr("1:{n:,}").format(n=map_scale(pixels_per_metre, dpi)))
        self.zoom_label.setToolTip(self.tr("Scale on this screen; {px:.2f} pixels per metre").format(
            px=pixels_per_metre))
