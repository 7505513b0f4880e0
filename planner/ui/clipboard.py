"""Copying objects as layout JSON, so they paste into any window (or another running planner).

The clipboard holds a whole, valid layout file holding only the copied
objects (and the source's site, which the format requires), as plain text.
Pasting reads it with the layout reader, so a clipboard that holds anything
else is refused in one sentence.

The text is handed over with ``setText`` so that Qt makes the clipboard's
data itself: data made in Python and owned by Qt's clipboard would be
deleted by Qt after Python has shut down, which crashes the process on exit.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable

from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication

from planner.formats import LayoutFileError, dumps_layout, loads_layout
from planner.model.edits import copy_object
from planner.model.layout import Booth, Layout, LayoutObject
from planner.ui.booth_numbers import free_number

def fragment(layout: Layout, ids: Iterable[str]) -> str:
    """Layout JSON holding copies of the objects ``ids`` (in the layout's own order)."""
    wanted = set(ids)
    part = Layout(site=copy.deepcopy(layout.site), name=layout.name)
    for obj in layout.objects():
        if obj.id in wanted:
            part.collection(obj).append(copy.deepcopy(obj))
    return dumps_layout(part)


def objects_of(text: str) -> list[LayoutObject]:
    """The objects in a layout JSON text; raises LayoutFileError when it is not one."""
    return list(loads_layout(text).objects())


def put(text: str, clipboard: QClipboard | None = None) -> None:
    (clipboard or QApplication.clipboard()).setText(text)


def get(clipboard: QClipboard | None = None) -> str | None:
    """The layout JSON on the clipboard, or None when it holds something else."""
    data = (clipboard or QApplication.clipboard()).mimeData()
    if data is None:
        return None
    text = data.text() if data.hasText() else ""
    if text.lstrip().startswith("{"):
        try:
            if json.loads(text).get("format") == "festival-planner/layout":
                return text
        except (ValueError, AttributeError):
            return None
    return None


def for_target(target: Layout, objects: list[LayoutObject], dx: float, dy: float) -> list[LayoutObject]:
    """``objects`` ready to add to ``target``: shifted, with ids and booth numbers it does not use."""
    ids = {o.id for o in target.objects()}
    numbers = {b.number for b in target.booths}
    result: list[LayoutObject] = []
    for obj in objects:
        new_id = obj.id if obj.id not in ids else unused_id(_prefix(obj.id), ids)
        ids.add(new_id)
        twin = copy_object(obj, new_id, dx, dy)
        if isinstance(twin, Booth) and twin.number:
            twin.number = free_number(twin.number, numbers)
            numbers.add(twin.number)
        result.append(twin)
    return result


def unused_id(prefix: str, ids: set[str]) -> str:
    """``prefix-NNNN`` not in ``ids``."""
    n = len(ids) + 1
    while f"{prefix}-{n:04d}" in ids:
        n += 1
    return f"{prefix}-{n:04d}"


def _prefix(object_id: str) -> str:
    """'b-0012' → 'b'; 'lake' → 'lake'."""
    head = object_id.rstrip("0123456789").rstrip("-")
    return head or "obj"


__all__ = ["LayoutFileError", "for_target", "fragment", "get", "objects_of", "put", "unused_id"]
