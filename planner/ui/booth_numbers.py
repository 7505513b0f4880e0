"""Numbers for booths the editor creates: the next in the zone's scheme, or the next free one.

Placing, duplicating and pasting must not produce duplicate numbers; the
zone's scheme (``planner.model.numbering``) gives the prefix, step and digits,
and ``renumber`` there orders whole blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from PySide6.QtCore import QCoreApplication

from planner.model.layout import Booth, Change, Layout, Zone
from planner.model.numbering import Scheme, duplicate_numbers, next_value

_TRAILING = re.compile(r"^(.*?)(\d+)$")


def next_in_zone(layout: Layout, zone: Zone | None, taken: Collection[str] = ()) -> str:
    """One step past the highest number with the zone's prefix (``ANI-`` → ``ANI-013``)."""
    scheme = Scheme.from_dict(zone.numbering if zone is not None else {})
    used = [b.number for b in layout.booths] + list(taken)
    return scheme.format(next_value(scheme, used))


def free_number(number: str, taken: Collection[str]) -> str:
    """``number`` if unused, else the next unused one counting up its trailing digits."""
    if not number or number not in taken:
        return number
    match = _TRAILING.match(number)
    if match is None:
        prefix, n, digits = number + "-", 1, 1
    else:
        prefix, n, digits = match.group(1), int(match.group(2)), len(match.group(2))
    while True:
        n += 1
        candidate = f"{prefix}{n:0{digits}d}"
        if candidate not in taken:
            return candidate


class DuplicateWatch:
    """Says in the status bar when an edit leaves two booths with one number (saving asks again).

    ``post`` shows a message; the watch follows the document when it opens another layout.
    """

    def __init__(self, document, post: Callable[[str], None]) -> None:
        self.document = document
        self.post = post
        self.duplicates: dict[str, list[str]] = duplicate_numbers(document.layout.booths)
        self._layout: Layout | None = None
        self._follow(document.layout)
        document.layout_replaced.connect(self._follow)

    def _follow(self, layout: Layout) -> None:
        if self._layout is not None:
            self._layout.unsubscribe(self._changed)
        self._layout = layout
        layout.subscribe(self._changed)
        self.duplicates = duplicate_numbers(layout.booths)

    def detach(self) -> None:
        if self._layout is not None:
            self._layout.unsubscribe(self._changed)
            self._layout = None

    def _changed(self, change: Change) -> None:
        layout = self._layout
        if layout is None or not (change.added or change.changed or change.removed):
            return
        touched = [layout.get(i) for i in change.added + change.changed]
        if not change.removed and not any(isinstance(o, Booth) for o in touched):
            return
        before = self.duplicates
        self.duplicates = duplicate_numbers(layout.booths)
        new = sorted(set(self.duplicates) - set(before), key=lambda n: (len(n), n))
        if not new:
            return
        text = QCoreApplication.translate("Numbers", "Booth number used twice: {numbers}").format(
            numbers=", ".join(new[:6]) + (" …" if len(new) > 6 else ""))
        try:
            self.post(text)
        except RuntimeError:            # the window showing it has gone
            self.detach()
