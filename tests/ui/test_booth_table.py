"""The booth table dock: sort, filter, search, select both ways, edit cells with undo, follow the model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from planner.formats import read_layout
from planner.model.edits import MoveObjects
from planner.render.geometry import to_scene
from planner.render.style import DEFAULT_STYLE
from planner.ui.panels.booth_table import FOCUS_ZOOM
from planner.ui.panels.booth_table_model import (
    EXHIBITOR, NUMBER, SIZE, STATUS, ZONE, BoothTableModel, parse_size,
)
from tests.ui.helpers import click

WEST_LAKE = Path(__file__).resolve().parents[2] / "layouts" / "west-lake-2018.festival.json"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def lake(qtbot):
    from planner.ui.main_window import MainWindow

    win = MainWindow(read_layout(WEST_LAKE), WEST_LAKE)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def type_chinese(widget, text: str) -> None:
    """Chinese arrives as an input method's commit, not as key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown(panel, column: int) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def row_of(panel, booth_id: str) -> int:
    source = panel.model.row_of(booth_id)
    return panel.proxy.mapFromSource(panel.model.index(source, 0)).row()


def cell_centre(panel, row: int, column: int) -> QPoint:
    index = panel.proxy.index(row, column)
    panel.table.scrollTo(index)
    return panel.table.visualRect(index).center()


def number_order(number: str) -> tuple:
    """ANI-2 before ANI-10: the prefix, then the number's value (written here, not taken from the product)."""
    prefix, digits = re.match(r"^(\D*)(\d*)", number).groups()
    return (prefix.casefold(), int(digits) if digits else -1, number)


def test_every_booth_listed_in_number_order_and_sorted_by_a_header_click(lake, qtbot):
    panel = lake.booth_table
    dock = lake.docks["booths"]
    assert dock.isVisible() and panel.count.text() == f"{len(lake.layout.booths)} booths"
    toggle = dock.toggleViewAction()
    assert toggle in lake.menus["view"].actions() and toggle.text() == "Booths"
    toggle.trigger()
    assert not dock.isVisible()
    toggle.trigger()
    assert dock.isVisible()
    numbers = shown(panel, NUMBER)
    assert numbers == sorted((b.number for b in lake.layout.booths), key=number_order)
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(EXHIBITOR) + header.sectionSize(EXHIBITOR) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))
    names = shown(panel, EXHIBITOR)
    filled = [n for n in names if n]
    assert filled == sorted(filled, key=str.casefold) and names[:len(filled)] == filled
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))   # again: descending
    assert [n for n in shown(panel, EXHIBITOR) if n] == sorted(filled, key=str.casefold, reverse=True)


def test_search_zone_and_status_filters(lake, qtbot):
    panel, layout = lake.booth_table, lake.layout
    anime = next(z for z in layout.zones if z.id == "anime")
    inside = {b.number for b in layout.booths if anime.shape().covers(shapely.Point(b.x, b.y))}
    assert "动漫" in anime.name
    type_chinese(panel.search, "动漫")                         # the zone's Chinese name
    assert set(shown(panel, NUMBER)) == inside
    assert panel.count.text() == f"{len(inside)} of {len(layout.booths)} booths"
    panel.search.clear()
    booth = layout.booths[5]
    qtbot.keyClicks(panel.search, booth.exhibitor.upper())       # any case
    assert booth.number in shown(panel, NUMBER)
    assert all(booth.exhibitor.casefold() in " ".join((b.number, b.exhibitor, b.category)).casefold()
               or booth.exhibitor.casefold() in (panel.model.zone_name(panel.model.row_of(b.id))).casefold()
               for b in layout.booths if b.number in shown(panel, NUMBER))
    panel.search.clear()
    panel.zone_filter.setCurrentIndex(panel.zone_filter.findData("anime"))
    assert set(shown(panel, NUMBER)) == inside
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("reserved"))
    expected = {b.number for b in layout.booths if b.number in inside and b.status == "reserved"}
    assert expected and set(shown(panel, NUMBER)) == expected
    assert set(shown(panel, STATUS)) == {"Reserved"}
    panel.zone_filter.setCurrentIndex(0)
    panel.status_filter.setCurrentIndex(0)
    assert panel.proxy.rowCount() == len(layout.booths)


def test_clicking_a_row_selects_and_centres_the_booth(lake, qtbot):
    panel, layout = lake.booth_table, lake.layout
    lake.view.fit()
    booth = max(layout.booths, key=lambda b: b.x)                  # far from the middle of the fitted plan
    row = row_of(panel, booth.id)
    qtbot.mouseClick(panel.table.viewport(), LEFT, pos=cell_centre(panel, row, NUMBER))
    assert lake.selection.ids == [booth.id]
    assert lake.view.zoom() >= FOCUS_ZOOM - 1e-6
    middle = lake.view.mapToScene(lake.view.viewport().rect().center())
    target = to_scene(booth.x, booth.y)
    assert abs(middle.x() - target.x()) < 0.5 and abs(middle.y() - target.y()) < 0.5
    other = layout.booths[0]
    qtbot.mouseClick(panel.table.viewport(), LEFT, Qt.KeyboardModifier.ControlModifier,
                     cell_centre(panel, row_of(panel, other.id), NUMBER))
    assert lake.selection.ids == [booth.id, other.id]


def test_selecting_on_the_plan_selects_the_row(lake, qtbot):
    panel, layout = lake.booth_table, lake.layout
    booth = layout.booths[40]
    lake.view.set_zoom(10.0)
    lake.view.centerOn(to_scene(booth.x, booth.y))
    click(lake.view, booth.x, booth.y)
    assert lake.selection.ids == [booth.id]
    rows = panel.table.selectionModel().selectedRows()
    assert [panel.model.booth_id(panel.proxy.mapToSource(i).row()) for i in rows] == [booth.id]
    lake.selection.clear()
    assert not panel.table.selectionModel().selectedRows()


def test_editing_cells_is_undoable_and_the_table_follows_undo(lake, qtbot):
    panel, layout = lake.booth_table, lake.layout
    booth = layout.booths[12]
    before = booth.exhibitor
    row = row_of(panel, booth.id)
    where = cell_centre(panel, row, EXHIBITOR)
    qtbot.mouseClick(panel.table.viewport(), LEFT, pos=where)        # a double click begins with a click
    qtbot.mouseDClick(panel.table.viewport(), LEFT, pos=where)
    editor = panel.table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == before
    editor.selectAll()
    type_chinese(editor, "断桥剪纸社")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: booth.exhibitor == "断桥剪纸社")          # the delegate commits on the next turn
    assert lake.document.undo_stack.undoText() == "Set exhibitor"
    assert panel.proxy.index(row_of(panel, booth.id), EXHIBITOR).data() == "断桥剪纸社"
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert booth.exhibitor == before
    assert panel.proxy.index(row_of(panel, booth.id), EXHIBITOR).data() == before


def test_status_by_list_coloured_and_size_typed(lake, qtbot):
    panel, layout = lake.booth_table, lake.layout
    booth = next(b for b in layout.booths if b.status == "available" and not b.locked)
    index = panel.proxy.index(row_of(panel, booth.id), STATUS)
    assert index.data(Qt.ItemDataRole.BackgroundRole) == QColor(DEFAULT_STYLE.booth_fill("available"))
    panel.table.scrollTo(index)
    panel.table.edit(index)
    combo = panel.table.viewport().findChild(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Available", "Reserved", "Sold", "Blocked"]
    combo.setCurrentIndex(combo.findData("sold"))
    combo.activated.emit(combo.currentIndex())
    assert booth.status == "sold"
    index = panel.proxy.index(row_of(panel, booth.id), STATUS)
    assert index.data() == "Sold"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == QColor(DEFAULT_STYLE.booth_fill("sold"))
    size = panel.proxy.index(row_of(panel, booth.id), SIZE)
    assert panel.proxy.setData(size, "6 x 3")
    assert (booth.width, booth.depth) == (6.0, 3.0)
    assert size.data() == "6 × 3 m"
    assert not panel.proxy.setData(size, "big")
    assert (booth.width, booth.depth) == (6.0, 3.0)
    assert "not a booth size" in lake.statusBar().currentMessage()
    assert lake.document.undo_stack.count() == 2
    lake.document.undo()
    lake.document.undo()
    assert booth.status == "available"


def test_the_table_follows_moves_deletes_and_undo(lake, qtbot):
    panel, layout = lake.booth_table, lake.layout
    booth = next(b for b in layout.booths if panel.model.zone_id(panel.model.row_of(b.id)) == "anime")
    pets = next(z for z in layout.zones if z.id == "pets")
    centre = pets.shape().representative_point()
    lake.document.push(MoveObjects(layout, [booth.id], centre.x - booth.x, centre.y - booth.y))
    assert panel.proxy.index(row_of(panel, booth.id), ZONE).data() == pets.name
    lake.document.undo()
    assert "动漫" in panel.proxy.index(row_of(panel, booth.id), ZONE).data()
    total = len(layout.booths)
    lake.selection.set([booth.id])
    lake.actions["delete"].trigger()
    assert panel.model.row_of(booth.id) is None and panel.proxy.rowCount() == total - 1
    assert booth.number not in shown(panel, NUMBER)
    lake.document.undo()
    assert booth.number in shown(panel, NUMBER) and panel.proxy.rowCount() == total
    lake.actions["new"].trigger()                       # a new layout replaces the old one
    assert panel.proxy.rowCount() == len(lake.layout.booths)


def test_one_change_touches_only_its_rows(lake):
    """Following an edit emits one row's change, not a reset (2,000 booths stay fast)."""
    model: BoothTableModel = lake.booth_table.model
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, *_: changes.append((a.row(), b.row())))
    booth = lake.layout.booths[30]
    lake.document.push(MoveObjects(lake.layout, [booth.id], 0.5, 0.0))
    assert not resets and changes == [(model.row_of(booth.id), model.row_of(booth.id))]


def test_sizes_read_as_an_organiser_types_them():
    assert parse_size("6 × 3") == (6.0, 3.0)
    assert parse_size("6x3m") == (6.0, 3.0)
    assert parse_size("2,5 * 3 米") == (2.5, 3.0)
    assert parse_size("６×３") == (6.0, 3.0)
    assert parse_size("6") is None and parse_size("0 x 3") is None and parse_size("abc") is None


def test_typing_on_a_row_edits_it_instead_of_choosing_a_tool(lake, qtbot):
    panel, layout = lake.booth_table, lake.layout
    booth = layout.booths[3]
    row = row_of(panel, booth.id)
    qtbot.mouseClick(panel.table.viewport(), LEFT, pos=cell_centre(panel, row, EXHIBITOR))
    qtbot.keyClicks(panel.table, "B")                     # B is the booth tool's shortcut on the plan
    assert lake.host.tool.name == "select"
    editor = panel.table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "B"
    qtbot.keyClicks(editor, "amboo")                      # the keys now go to the cell's editor (M: amenity tool)
    assert lake.host.tool.name == "select" and editor.text() == "Bamboo"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: booth.exhibitor == "Bamboo")


def test_a_large_selection_brings_its_first_row_into_sight(lake, qtbot):
    """Select All with a zone filter on: the table shows the start of the selection, not its end."""
    panel, table = lake.booth_table, lake.booth_table.table
    panel.zone_filter.setCurrentIndex(panel.zone_filter.findData("anime"))
    for descending in (False, True):
        lake.selection.clear()
        table.scrollToBottom()
        if descending:
            panel.proxy.sort(NUMBER, Qt.SortOrder.DescendingOrder)
        lake.view.setFocus()
        qtbot.keyClick(lake.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        rows = sorted(i.row() for i in table.selectionModel().selectedRows())
        assert len(rows) == panel.proxy.rowCount() > table.viewport().height() // table.rowHeight(0) + 1
        assert table.rowAt(0) == rows[0] == 0
        numbers = shown(panel, NUMBER)
        first = sorted((n for n in numbers), key=number_order, reverse=descending)[0]
        assert table.indexAt(QPoint(5, 2)).siblingAtColumn(NUMBER).data() == first


def test_a_new_layout_starts_with_the_table_unfiltered_and_nothing_under_the_cursor(lake, qtbot):
    """The last layout's search and filters would hide the new one's booths (a newcomer's
    'showing 0 of 5 booths'), and its zone under the cursor would still be named."""
    panel = lake.booth_table
    type_chinese(panel.search, "非遗")
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("sold"))
    lake.status.show_cursor(450.0, 145.0, [lake.layout.zones[0]])
    assert panel.proxy.rowCount() < len(lake.layout.booths) and lake.status.object_label.text()
    assert lake.files.new_from_template()          # File > New from the West Lake template
    layout = lake.document.layout
    assert panel.search.text() == "" and panel.status_filter.currentData() is None
    assert panel.zone_filter.currentData() is None
    assert panel.proxy.rowCount() == len(layout.booths) > 0
    assert lake.status.object_label.text() == "" and lake.status.position_label.text() == ""
