"""The booth table dock: every booth to sort, filter, search and edit, beside the plan.

Selecting rows selects the booths in the editor and centres the plan on the
last one picked; selecting on the plan selects the rows. The rows themselves
(and how they follow edits and undo) live in ``booth_table_model``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QStyledItemDelegate,
    QTableView, QVBoxLayout, QWidget,
)

from planner.model.layout import BOOTH_STATUSES, Booth
from planner.render import names
from planner.render.geometry import to_scene
from planner.ui.document import Document
from planner.ui.panels.booth_table_model import (
    CATEGORY, EXHIBITOR, NUMBER, SIZE, STATUS, TYPE, ZONE, BoothFilter, BoothTableModel, runs,
)
from planner.ui.selection import Selection

FOCUS_ZOOM = 12.0      # device pixels per metre: a booth's number can be read when it is centred


class StatusDelegate(QStyledItemDelegate):
    """The status cell edits with a list of the four statuses; picking one commits it."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        if index.column() != STATUS:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for status in BOOTH_STATUSES:
            combo.addItem(names.kind_name(names.STATUS, status), status)
        combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c), self.closeEditor.emit(c)))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class BoothTableView(QTableView):
    """Typed letters edit the current cell here, rather than picking the tool of that letter's shortcut."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            typing = event.text().isprintable() and event.text() != "" and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier)
            if typing and self.currentIndex().isValid():
                event.accept()
                return True
        return super().event(event)


def centre_view_on(view: Any, booths: list[Booth]) -> None:
    """Centre the plan view on ``booths``, zooming in first if their numbers would be too small to read."""
    if not booths:
        return
    xs = [b.x for b in booths]
    ys = [b.y for b in booths]
    if view.zoom() < FOCUS_ZOOM and len(booths) == 1:
        view.set_zoom(FOCUS_ZOOM)
    view.centerOn(to_scene((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2))


class BoothTablePanel(QWidget):
    """Search and filters over the booth table; keeps the table's selection and the editor's as one."""

    message_posted = Signal(str)

    def __init__(self, document: Document, selection: Selection, view: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.view = view                  # the plan view to centre, if any
        self._syncing = False
        self.model = BoothTableModel(document, self)
        self.proxy = BoothFilter(self.model, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(4)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("booth_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search number, exhibitor, category, zone…"))
        self.zone_filter = QComboBox()
        self.zone_filter.setObjectName("booth_zone_filter")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("booth_status_filter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in BOOTH_STATUSES:
            self.status_filter.addItem(names.kind_name(names.STATUS, status), status)
        self.count = QLabel()
        self.count.setObjectName("booth_count")
        bar.addWidget(self.search, 3)
        bar.addWidget(self.zone_filter, 1)
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(self.count)
        outer.addLayout(bar)
        self.table = BoothTableView()
        self.table.setObjectName("booth_table")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(StatusDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(EXHIBITOR, QHeaderView.ResizeMode.Stretch)
        self._size_columns()
        outer.addWidget(self.table, 1)
        self._fill_zones()
        self.search.textChanged.connect(lambda text: self._filter(text=text))
        self.zone_filter.currentIndexChanged.connect(
            lambda _i: self._filter(zone=self.zone_filter.currentData()))
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._filter(status=self.status_filter.currentData()))
        self.table.selectionModel().selectionChanged.connect(self._table_selected)
        self.selection.changed.connect(self.show_selection)
        self.model.updated.connect(self._after_update)
        self.model.zones_changed.connect(self._fill_zones)
        self.model.message_posted.connect(self.message_posted)
        self.proxy.rowsInserted.connect(lambda *_: self._count())
        self.proxy.rowsRemoved.connect(lambda *_: self._count())
        self.proxy.modelReset.connect(self._count)
        self.document.layout_replaced.connect(self._layout_replaced)
        self._count()
        self.show_selection()

    def _layout_replaced(self, _layout) -> None:
        """Another layout (new, opened, recovered): the last one's search and filters would hide its booths."""
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.zone_filter.setCurrentIndex(0)

    def _size_columns(self) -> None:
        """Widths from the headings and typical contents: measuring 2,000 rows would be slow."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        samples = {NUMBER: "ANI-0000", ZONE: "Intangible heritage", CATEGORY: "handicraft",
                   STATUS: max((names.kind_name(names.STATUS, s) for s in BOOTH_STATUSES), key=len),
                   SIZE: "10 × 10 m", TYPE: "Double-sided"}
        for column, sample in samples.items():
            heading = str(self.proxy.headerData(column, Qt.Orientation.Horizontal))
            width = max(header.fontMetrics().horizontalAdvance(heading) + 28,
                        metrics.horizontalAdvance(sample) + 16)
            self.table.setColumnWidth(column, width)

    # -- filters --------------------------------------------------------------------------------
    def _fill_zones(self) -> None:
        current = self.zone_filter.currentData() if self.zone_filter.count() else None
        self.zone_filter.blockSignals(True)
        self.zone_filter.clear()
        self.zone_filter.addItem(self.tr("All zones"), None)
        for zone in self.document.layout.zones:
            self.zone_filter.addItem(zone.name or zone.id, zone.id)
        self.zone_filter.addItem(self.tr("Outside every zone"), "")
        index = self.zone_filter.findData(current) if current is not None else 0
        self.zone_filter.setCurrentIndex(max(index, 0))
        self.zone_filter.blockSignals(False)
        if index < 0 and self.proxy.zone is not None:
            self._filter(zone=None)

    def _filter(self, **changes: Any) -> None:
        self._syncing = True
        try:
            self.proxy.set_filter(**changes)
        finally:
            self._syncing = False
        self._count()
        self.show_selection()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("{shown} of {total} booths").format(shown=shown, total=total)
                           if shown != total else self.tr("{total} booths").format(total=total))

    def _after_update(self) -> None:
        self._count()
        self.show_selection()

    # -- selection, both ways -------------------------------------------------------------------------
    def _table_selected(self, *_: object) -> None:
        if self._syncing or self.model.busy:
            return
        rows = self.table.selectionModel().selectedRows()
        ids = [self.model.booth_id(self.proxy.mapToSource(i).row()) for i in rows]
        current = self.table.currentIndex()
        if current.isValid():     # the row clicked last is the one centred and listed last
            focus = self.model.booth_id(self.proxy.mapToSource(current).row())
            if focus in ids:
                ids = [i for i in ids if i != focus] + [focus]
        self._syncing = True
        try:
            self.selection.set(ids)
        finally:
            self._syncing = False
        if ids and self.view is not None:
            booth = self.document.layout.get(ids[-1])
            if isinstance(booth, Booth):
                centre_view_on(self.view, [booth])

    def show_selection(self) -> None:
        """Select the rows of the selected booths (those the filters show) and bring the first into sight."""
        if self._syncing:
            return
        rows: list[int] = []
        for booth_id in self.selection.ids:
            source = self.model.row_of(booth_id)
            if source is not None:
                row = self.proxy.mapFromSource(self.model.index(source, 0)).row()
                if row >= 0:
                    rows.append(row)
        chosen = QItemSelection()
        last = self.proxy.columnCount() - 1
        for start, end in runs(sorted(rows)):
            chosen.select(self.proxy.index(start, 0), self.proxy.index(end, last))
        model = self.table.selectionModel()
        if chosen == model.selection():
            return
        self._syncing = True
        try:
            model.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if rows:
                # The first row in the table's order is brought into sight (a block fill selects a run of
                # rows: its start is what the organiser reads first), with as many after it as fit.
                first, last_row = self.proxy.index(min(rows), 0), self.proxy.index(max(rows), 0)
                model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(last_row)
                self.table.scrollTo(first)
        finally:
            self._syncing = False

    def detach(self) -> None:
        self.model.detach()
