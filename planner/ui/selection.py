"""The selected objects of one window, by model id, in the order they were picked."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from planner.model.layout import Change, Layout, LayoutObject


class Selection(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: dict[str, None] = {}

    # -- reading -------------------------------------------------------------------------
    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def __contains__(self, object_id: str) -> bool:
        return object_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def __bool__(self) -> bool:
        return bool(self._ids)

    def objects(self, layout: Layout) -> list[LayoutObject]:
        found = (layout.get(i) for i in self._ids)
        return [o for o in found if o is not None]

    # -- changing ------------------------------------------------------------------------
    def set(self, ids: Iterable[str]) -> None:
        new = dict.fromkeys(ids)
        if list(new) != list(self._ids):
            self._ids = new
            self.changed.emit()

    def add(self, ids: Iterable[str]) -> None:
        self.set([*self._ids, *ids])

    def toggle(self, ids: Iterable[str]) -> None:
        current = dict(self._ids)
        for object_id in ids:
            if object_id in current:
                del current[object_id]
            else:
                current[object_id] = None
        self.set(current)

    def clear(self) -> None:
        self.set(())

    def follow(self, layout: Layout, change: Change) -> None:
        """Forget objects the layout no longer has."""
        gone = [i for i in change.removed if i in self._ids and i not in layout]
        if gone:
            self.set(i for i in self._ids if i not in gone)
