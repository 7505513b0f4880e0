"""A long message in the status bar: the counts and the selection step aside, the rest is elided with a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.ui.helpers import click

LONG = ("Walking route from Gate N1 · 北山街一号门 to FOD-036 · 美食: 412.6 m, 5 min 44 s at 1.2 m/s, "
        "through the Lakeside Promenade, past the Broken Bridge runway, the Gourmet zone and three "
        "fire hydrants; the narrowest aisle on the way is 3.1 m at the Pets zone entrance")


def neighbours(status):
    """The status bar's widgets beside a message, as they stand now."""
    return [w for w in (status.booth_counts, status.selection_label, status.position_label, status.zoom_label)
            if w.isVisible()]


def dark_columns(image, rect) -> list[int]:
    """x of the columns of ``rect`` in ``image`` holding a dark (text) pixel."""
    ratio = image.devicePixelRatio()
    found = []
    for x in range(rect.left(), rect.right()):
        for y in range(rect.top() + 2, rect.bottom() - 2):
            if image.pixelColor(round(x * ratio), round(y * ratio)).lightness() < 110:
                found.append(x)
                break
    return found


def test_a_long_message_takes_the_room_of_the_counts_and_the_selection_and_ends_in_an_ellipsis(window, qtbot):
    status = window.status
    window.resize(1800, 700)                                        # room for the counts beside the summary
    qtbot.waitUntil(lambda: window.width() == 1800)
    window.view.set_zoom(8.0)
    click(window.view, 10.0, 10.0)                                  # b-1: the selection label names it
    qtbot.waitUntil(lambda: status.booth_counts.isVisible())
    assert status.selection_label.text() == "1 booth selected"
    assert status.selection_label.isVisible() and status.booth_counts.isVisible()
    width = window.width()
    window.host.message_posted.emit(LONG)
    qtbot.waitUntil(lambda: status.message_rect().width() > 300)    # the status bar lays itself out again
    assert status.currentMessage() == LONG
    assert not status.selection_label.isVisible() and not status.booth_counts.isVisible()
    room = status.message_rect()
    assert all(room.right() < w.x() for w in neighbours(status))   # nothing stands on the message
    shown = status.shown_message()
    assert shown.endswith("…") and LONG.startswith(shown[:-1]) and len(shown) > 40
    assert window.width() == width                                  # the window did not grow
    # The text is drawn across its room, up to the ellipsis near the right end, and not beyond.
    image = status.grab().toImage()
    columns = dark_columns(image, room)
    assert columns and columns[0] < room.left() + 10 and columns[-1] > room.right() - 40
    # Hovering over it shows all of it.
    point = room.center()
    QApplication.sendEvent(status, QHelpEvent(QEvent.Type.ToolTip, point, status.mapToGlobal(point)))
    assert QToolTip.isVisible() and QToolTip.text() == LONG
    QToolTip.hideText()
    # When the message goes, the selection and the counts come back.
    status.clearMessage()
    assert status.selection_label.isVisible() and status.booth_counts.isVisible()
    assert status.selection_label.text() == "1 booth selected"


def test_a_message_that_fits_is_written_whole_the_cursor_position_making_room_not_the_summary(window, qtbot):
    status = window.status
    summary = window.analysis_status
    window.resize(1400, 700)
    qtbot.waitUntil(lambda: window.width() == 1400)
    qtbot.waitUntil(lambda: summary.flow_label.text() != "" and not window.analysis.busy, timeout=10000)
    metrics = status.fontMetrics()
    # Longer than the room left beside the summary and the cursor position, shorter than that
    # room with the position gone.
    free = status.width() - sum(w.sizeHint().width() for w in (status.position_label, status.zoom_label, summary))
    message = LONG
    while metrics.horizontalAdvance(message) > free + 120:
        message = message[:-1]
    message = message.rstrip()
    assert metrics.horizontalAdvance(message) > free
    before = summary.width()
    window.host.message_posted.emit(message)
    qtbot.waitUntil(lambda: status.shown_message() == message)
    assert not status.position_label.isVisible()                                # it gave way
    assert summary.width() == before == summary.sizeHint().width()              # the summary did not
    assert all(lb.isVisible() for lb in (summary.flow_label, summary.density_label, summary.egress_label))
    assert all(status.message_rect().right() < w.x() for w in [*neighbours(status), summary])
    point = status.message_rect().center()
    QApplication.sendEvent(status, QHelpEvent(QEvent.Type.ToolTip, point, status.mapToGlobal(point)))
    assert not QToolTip.isVisible() or QToolTip.text() != message              # nothing hidden to show
    status.clearMessage()
    qtbot.waitUntil(lambda: status.position_label.isVisible())                 # and it comes back


def test_a_message_too_long_for_the_bar_is_elided_and_the_summary_keeps_its_figures(window, qtbot):
    status = window.status
    summary = window.analysis_status
    window.resize(1400, 700)
    qtbot.waitUntil(lambda: window.width() == 1400)
    qtbot.waitUntil(lambda: summary.flow_label.text() != "" and not window.analysis.busy, timeout=10000)
    window.host.message_posted.emit(LONG)
    qtbot.waitUntil(lambda: status.shown_message().endswith("…"))
    QApplication.processEvents()
    assert all(lb.isVisible() for lb in (summary.flow_label, summary.density_label, summary.egress_label,
                                         summary.findings_label))
    shown = status.shown_message()
    assert LONG.startswith(shown[:-1]) and len(shown) > 30
    assert status.message_rect().right() < summary.x()


def test_a_short_message_takes_nothing_from_the_summary(window, qtbot):
    status = window.status
    summary = window.analysis_status
    window.resize(1400, 700)
    qtbot.waitUntil(lambda: window.width() == 1400)
    before = summary.width()
    window.host.message_posted.emit("Saved.")
    QApplication.processEvents()
    assert status.shown_message() == "Saved." and summary.width() >= before     # it only gains room
    assert status.message_rect().left() == 6


def test_the_selection_and_the_name_under_the_cursor_read_whole_or_end_in_an_ellipsis(window, qtbot):
    """With the analysis summary beside them at a usual window width, the selection keeps room
    for "120 booths selected", the egress time keeps its place, and a long name under the
    cursor ends in … with all of it in the tooltip: never a word cut in the middle."""
    status = window.status
    window.resize(1400, 900)
    qtbot.waitExposed(window)
    status.show_selection("120 booths selected")
    status.object_label.setText("Zone Broken Bridge Runway · 断桥台 · Booth BRB-012 · Lakeside Promenade")
    QApplication.processEvents()
    assert status.selection_label.shown() == "120 booths selected"
    shown = status.object_label.shown()
    assert shown.endswith("…")
    assert status.object_label.toolTip() == status.object_label.text()
    assert not window.analysis_status.egress_label.isHidden()
    assert status.object_label.fontMetrics().horizontalAdvance(shown) <= status.object_label.contentsRect().width()
