"""The booth table's rows: a Qt model over the layout's booths and the proxy that sorts and filters them.

The model mirrors the layout the way the scene does: it follows
``Layout.subscribe`` and touches only the rows an edit names (a drag of one
booth among 2,000 repaints one row, never rebuilds the table). Rows keep the
order booths arrived in; the proxy sorts and filters. Edits made in a cell
are one ``SetFields`` on the document's undo stack, so the table, the plan
and the properties panel all follow undo.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import shapely
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
    Signal,
)
from PySide6.QtGui import QColor

from planner.formats.booth_csv import natural_key
from planner.model.edits import SetFields
from planner.model.layout import BOOTH_STATUSES, Booth, Change, Layout, Zone
from planner.render import names
from planner.render.style import DEFAULT_STYLE
from planner.ui.document import Document
from planner.ui.panels.fields import ptr

translate = QCoreApplication.translate   # literal arguments: pyside6-lupdate finds them

NUMBER, ZONE, EXHIBITOR, CATEGORY, STATUS, SIZE, TYPE = range(7)
HEADINGS = (   # context and marked text: the properties panel's words where it has them
    ("Properties", QT_TRANSLATE_NOOP("Properties", "Booth number")),
    ("BoothTable", QT_TRANSLATE_NOOP("BoothTable", "Zone")),
    ("Properties", QT_TRANSLATE_NOOP("Properties", "Exhibitor")),
    ("Properties", QT_TRANSLATE_NOOP("Properties", "Category")),
    ("Properties", QT_TRANSLATE_NOOP("Properties", "Status")),
    ("BoothTable", QT_TRANSLATE_NOOP("BoothTable", "Size")),
    ("BoothTable", QT_TRANSLATE_NOOP("BoothTable", "Type")),
)
EDITABLE = (NUMBER, EXHIBITOR, CATEGORY, STATUS, SIZE)
TYPES = ("inline", "corner", "double-sided", "peninsula", "island", "closed")
BOOTH_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_SIZE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:m|米)?\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(?:m|米)?\s*$", re.I)


def type_name(kind: str) -> str:
    return names.kind_name(names.BOOTH_TYPE, kind)


def size_text(booth: Booth) -> str:
    return translate("BoothTable", "{width:g} × {depth:g} m").format(width=booth.width, depth=booth.depth)


def parse_size(text: str) -> tuple[float, float] | None:
    """'6 × 3', '6x3 m', '2,5*3': width and depth in metres, or None if it does not read as a size."""
    match = _SIZE.match(unicodedata.normalize("NFKC", text).replace("×", "x"))
    if not match:
        return None
    width, depth = (float(g.replace(",", ".")) for g in match.groups())
    return (width, depth) if width > 0 and depth > 0 else None


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


class BoothTableModel(QAbstractTableModel):
    """One row per booth of the document's layout, following its changes row by row."""

    message_posted = Signal(str)
    updated = Signal()            # rows or zones changed: the panel reselects and recounts
    zones_changed = Signal()

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.busy = False          # True while following a change: selection changes then are not the user's
        # The layout may outlive the table (a closed window): stop following it when the model goes.
        self._following: list[tuple[Layout, Any] | None] = [None]
        following = self._following
        self.destroyed.connect(lambda *_: _forget(following))
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._zone_of: dict[str, str | None] = {}
        self._zone_names: dict[str, str] = {}
        self._keys: dict[str, tuple] = {}        # booth id → natural sort key of its number
        self._texts: dict[str, str] = {}         # booth id → the folded text the search looks in
        self._sort_keys: dict[int, list[tuple]] = {}   # column → every row's sort key, until a change
        document.layout_replaced.connect(self._replaced)
        self._follow(document.layout)
        self._load()

    # -- following ------------------------------------------------------------------------------
    @property
    def layout(self) -> Layout:
        return self.document.layout

    def _follow(self, layout: Layout) -> None:
        self.detach()
        self._following[0] = (layout, self._on_change)
        layout.subscribe(self._on_change)

    def detach(self) -> None:
        _forget(self._following)

    def _replaced(self, layout: Layout) -> None:
        self._follow(layout)
        self.busy = True
        self.beginResetModel()
        self._load()
        self.endResetModel()
        self.busy = False
        self.zones_changed.emit()
        self.updated.emit()

    def _load(self) -> None:
        self._ids = [b.id for b in self.layout.booths]
        self._row_of = {i: r for r, i in enumerate(self._ids)}
        self._keys, self._texts, self._sort_keys = {}, {}, {}
        self._load_zones()

    def _load_zones(self) -> None:
        self._zone_of = self.layout.zone_of_booths()
        self._zone_names = {z.id: z.name or z.id for z in self.layout.zones}
        self._zone_tree = shapely.STRtree([z.shape() for z in self.layout.zones])

    def _locate(self, ids: Iterable[str]) -> None:
        """The zones of a few booths that moved or arrived (the zones themselves did not change)."""
        zones = self.layout.zones
        for booth_id in ids:
            booth = self.layout.get(booth_id)
            if isinstance(booth, Booth):
                hits = self._zone_tree.query(shapely.Point(booth.x, booth.y), predicate="intersects")
                self._zone_of[booth_id] = zones[int(min(hits))].id if len(hits) else None

    def _on_change(self, change: Change) -> None:
        layout = self.layout
        added = [i for i in change.added if isinstance(layout.get(i), Booth)]
        removed = [i for i in change.removed if i in self._row_of]
        changed = [i for i in change.changed if i in self._row_of]
        zones = any(isinstance(layout.get(i), Zone) for i in (*change.added, *change.changed)) or any(
            i in self._zone_names for i in change.removed)
        if not (added or removed or changed or zones):
            return
        self.busy = True
        try:
            # Caches first: the proxy sorts and filters the new rows while they are inserted.
            self._sort_keys = {}
            for booth_id in changed:
                self._keys.pop(booth_id, None)
                self._texts.pop(booth_id, None)
            if zones:
                self._load_zones()
                self._texts = {}
            else:
                self._locate([*added, *changed])
            self._remove_rows(removed)
            self._append_rows(added)
            self._rows_changed(sorted(self._row_of[i] for i in changed))
            if zones and self._ids:
                self.dataChanged.emit(self.index(0, ZONE), self.index(len(self._ids) - 1, ZONE))
        finally:
            self.busy = False
        if zones:
            self.zones_changed.emit()
        self.updated.emit()

    def _remove_rows(self, ids: list[str]) -> None:
        for start, end in reversed(runs(sorted(self._row_of[i] for i in ids))):
            self.beginRemoveRows(QModelIndex(), start, end)
            del self._ids[start:end + 1]
            self._sort_keys = {}        # keyed by row: stale once rows shift
            self.endRemoveRows()
        if ids:
            self._row_of = {i: r for r, i in enumerate(self._ids)}
            for booth_id in ids:
                self._keys.pop(booth_id, None)
                self._texts.pop(booth_id, None)
                self._zone_of.pop(booth_id, None)

    def _append_rows(self, ids: list[str]) -> None:
        if not ids:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
        for offset, booth_id in enumerate(ids):
            self._ids.append(booth_id)
            self._row_of[booth_id] = first + offset
        self._sort_keys = {}
        self.endInsertRows()

    def _rows_changed(self, rows: list[int]) -> None:
        for start, end in runs(rows):
            self.dataChanged.emit(self.index(start, 0), self.index(end, TYPE))

    # -- reading --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate(*HEADINGS[section])
        return None

    def booth_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, booth_id: str) -> int | None:
        return self._row_of.get(booth_id)

    def booth(self, row: int) -> Booth:
        booth = self.layout.get(self._ids[row])
        assert isinstance(booth, Booth)
        return booth

    def zone_name(self, row: int) -> str:
        zone = self._zone_of.get(self._ids[row])
        return self._zone_names.get(zone, zone) if zone else ""

    def zone_id(self, row: int) -> str | None:
        return self._zone_of.get(self._ids[row])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        booth, column = self.booth(index.row()), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(index.row(), booth, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == STATUS:
                return booth.status
            if column == SIZE:
                return f"{booth.width:g} × {booth.depth:g}"
            return self._shown(index.row(), booth, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS:
            return QColor(DEFAULT_STYLE.booth_fill(booth.status))
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return QColor(DEFAULT_STYLE.booth_number)
        if role == Qt.ItemDataRole.ToolTipRole and column == SIZE and booth.locked:
            return translate("BoothTable", "The booth is locked: unlock it to change its size.")
        if role == BOOTH_ID_ROLE:
            return booth.id
        return None

    def _shown(self, row: int, booth: Booth, column: int) -> str:
        if column == NUMBER:
            return booth.number
        if column == ZONE:
            return self.zone_name(row)
        if column == EXHIBITOR:
            return booth.exhibitor
        if column == CATEGORY:
            return booth.category
        if column == STATUS:
            return names.kind_name(names.STATUS, booth.status)
        if column == SIZE:
            return size_text(booth)
        return type_name(booth.booth_type)

    def sort_key(self, row: int, column: int) -> tuple:
        """What the proxy sorts by (kept per column until the next change: sorting compares often)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = [self._sort_key(r, column) for r in range(len(self._ids))]
        return keys[row]

    def _sort_key(self, row: int, column: int) -> tuple:
        """Ties fall back to the booth number."""
        booth_id = self._ids[row]
        number = self._keys.get(booth_id)
        booth = self.layout.get(booth_id)
        assert isinstance(booth, Booth)
        if number is None:
            number = self._keys[booth_id] = natural_key(booth.number)
        if column == NUMBER:
            return (number,)
        if column == ZONE:
            name = self.zone_name(row)
            return (not name, name.casefold(), number)
        if column in (EXHIBITOR, CATEGORY):
            text = booth.exhibitor if column == EXHIBITOR else booth.category
            return (not text, text.casefold(), number)
        if column == STATUS:
            return (BOOTH_STATUSES.index(booth.status) if booth.status in BOOTH_STATUSES else 9, number)
        if column == SIZE:
            return (booth.width * booth.depth, booth.width, booth.depth, number)
        return (TYPES.index(booth.booth_type), number)

    def matches(self, row: int, words: list[str], zone: str | None, status: str | None) -> bool:
        """The row passes the filters: zone (``""`` outside every zone), status, and every search word."""
        booth = self.booth(row)
        if status is not None and booth.status != status:
            return False
        if zone is not None and (self._zone_of.get(booth.id) or "") != zone:
            return False
        if not words:
            return True
        text = self._texts.get(booth.id)
        if text is None:
            text = self._texts[booth.id] = _folded(" ".join((
                booth.number, booth.exhibitor, booth.category, self.zone_name(row),
                names.kind_name(names.STATUS, booth.status))))
        return all(w in text for w in words)

    # -- editing ----------------------------------------------------------------------------------
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in EDITABLE:
            if not (index.column() == SIZE and self.booth(index.row()).locked):
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        booth, column = self.booth(index.row()), index.column()
        text = str(value if value is not None else "").strip()
        if column == SIZE:
            size = parse_size(text)
            if size is None:
                self.message_posted.emit(translate(
                    "BoothTable", "“{text}” is not a booth size; type width × depth in metres, such as 6 × 3.")
                    .format(text=text))
                return False
            values: dict[str, Any] = {"width": size[0], "depth": size[1]}
            label = ptr("Resize booth")
        elif column == STATUS:
            if text not in BOOTH_STATUSES:
                return False
            values, label = {"status": text}, ptr("Set status")
        else:
            key, label = {NUMBER: ("number", ptr("Set booth number")), EXHIBITOR: ("exhibitor", ptr("Set exhibitor")),
                          CATEGORY: ("category", ptr("Set category"))}[column]
            values = {key: text}
        values = {k: v for k, v in values.items() if getattr(booth, k) != v}
        if not values:
            return False
        if "number" in values:
            self._warn_duplicate(booth, values["number"])
        self.document.push(SetFields(self.layout, {booth.id: values}, label=label))
        return True

    def _warn_duplicate(self, booth: Booth, number: str) -> None:
        twin = next((b for b in self.layout.booths if b.id != booth.id and b.number == number and number), None)
        if twin is not None:
            self.message_posted.emit(translate(
                "BoothTable", "Booth number {number} is used twice now; the analysis will report it.")
                .format(number=number))


def _forget(following: list[tuple[Layout, Any] | None]) -> None:
    if following[0] is not None:
        layout, listener = following[0]
        layout.unsubscribe(listener)
        following[0] = None


def runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    found: list[tuple[int, int]] = []
    for row in rows:
        if found and row == found[-1][1] + 1:
            found[-1] = (found[-1][0], row)
        elif not found or row != found[-1][1]:
            found.append((row, row))
    return found


class BoothFilter(QSortFilterProxyModel):
    """Sorts by each column's natural order and keeps the rows that pass zone, status and search."""

    def __init__(self, source: BoothTableModel, parent=None) -> None:
        super().__init__(parent)
        self.booths = source
        self.words: list[str] = []
        self.zone: str | None = None
        self.status: str | None = None
        self.setSourceModel(source)
        self.setDynamicSortFilter(True)

    def set_filter(self, text: str | None = None, zone: str | None | bool = False,
                   status: str | None | bool = False) -> None:
        """Change the search text, zone or status filter (False leaves that one as it is)."""
        if hasattr(self, "beginFilterChange"):       # Qt 6.9 and later
            self.beginFilterChange()
        if text is not None:
            self.words = _folded(text).split()
        if zone is not False:
            self.zone = zone  # type: ignore[assignment]
        if status is not False:
            self.status = status  # type: ignore[assignment]
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return self.booths.matches(source_row, self.words, self.zone, self.status)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        return self.booths.sort_key(left.row(), left.column()) < self.booths.sort_key(right.row(), right.column())
