"""Edit-menu commands on the selection: delete, duplicate, copy, cut, paste, rotate, lock, select all.

Each builds one model edit and pushes it on the document, so each is one
undo step. Locked objects (SPEC §2 ``locked``) are never moved, turned,
cut or deleted; the window says so in the status bar.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal

from planner.formats import LayoutFileError
from planner.model.edits import AddObjects, Batch, MoveObjects, RemoveObjects, RotateObjects, SetFields, describe
from planner.model.geometry import Point
from planner.model.layout import LayoutObject
from planner.ui import clipboard
from planner.ui.canvas.host import CanvasHost
from planner.ui.canvas.tools.snapping import vertices

MIN_SHIFT_M = 3.0     # a duplicate of a point (an amenity) goes this far east


translate = QCoreApplication.translate     # literal arguments: pyside6-lupdate finds them


def bounds(objects: Sequence[LayoutObject]) -> tuple[float, float, float, float] | None:
    points = [p for o in objects for p in vertices(o)]
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _footprint(obj: LayoutObject) -> tuple:
    """What two objects of the same kind share when one lies exactly on the other."""
    return (type(obj).__name__, tuple((round(x, 3), round(y, 3)) for x, y in sorted(vertices(obj))))


class Editing(QObject):
    message_posted = Signal(str)

    def __init__(self, host: CanvasHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host

    @property
    def layout(self):
        return self.host.document.layout

    def _selected(self) -> list[LayoutObject]:
        return self.host.selection.objects(self.layout)

    def _unlocked(self) -> list[LayoutObject]:
        objects = self._selected()
        free = [o for o in objects if not o.locked and self.host.editable(o)]
        if len(free) < len(objects):
            self.message_posted.emit(translate("Editing", "Locked objects were left as they are."))
        return free

    # -- delete, duplicate ---------------------------------------------------------------
    def delete(self) -> bool:
        objects = self._unlocked()
        if not objects:
            return False
        self.host.push(RemoveObjects(self.layout, [o.id for o in objects]))
        return True

    def duplicate(self) -> bool:
        """Copies just east of the originals (the width of the selection), selected."""
        objects = self._selected()
        if not objects:
            return False
        return self._add_copies(objects, first_step=1,
                                label=translate("Editing", "Duplicate {what}").format(what=describe(objects)))

    def _step(self, objects: Sequence[LayoutObject]) -> float:
        box = bounds(objects)
        return max(box[2] - box[0], MIN_SHIFT_M) if box else MIN_SHIFT_M

    def _add_copies(self, objects: Sequence[LayoutObject], first_step: int, label: str) -> bool:
        """Add copies of ``objects`` shifted east by whole steps until none lies on an existing twin."""
        step = self._step(objects)
        taken = {_footprint(o) for o in self.layout.objects()}
        k = first_step
        while k < 1000:
            copies = clipboard.for_target(self.layout, list(objects), k * step, 0.0)
            if not any(_footprint(c) in taken for c in copies):
                break
            k += 1
        self.host.push(AddObjects(copies, label=label))
        self.host.selection.set([c.id for c in copies])
        return True

    # -- clipboard -----------------------------------------------------------------------
    def copy(self) -> bool:
        objects = self._selected()
        if not objects:
            return False
        clipboard.put(clipboard.fragment(self.layout, [o.id for o in objects]))
        return True

    def cut(self) -> bool:
        objects = self._unlocked()
        if not objects:
            return False
        clipboard.put(clipboard.fragment(self.layout, [o.id for o in objects]))
        self.host.push(RemoveObjects(self.layout, [o.id for o in objects],
                                     label=translate("Editing", "Cut {what}").format(what=describe(objects))))
        return True

    def can_paste(self) -> bool:
        return clipboard.get() is not None

    def paste(self) -> bool:
        """Paste in place; where the originals are still there, just east of them."""
        text = clipboard.get()
        if text is None:
            return False
        try:
            objects = clipboard.objects_of(text)
        except LayoutFileError as exc:
            self.message_posted.emit(str(exc))
            return False
        if not objects:
            return False
        label = translate("Editing", "Paste {what}").format(what=describe(objects))
        return self._add_copies(objects, first_step=0, label=label)

    # -- turning, locking, selecting ---------------------------------------------------------
    def rotate(self, angle: float) -> bool:
        """Turn the selection by ``angle`` degrees counter-clockwise (the booth tool turns its ghost)."""
        if self.host.tool.rotate(angle):
            return True
        objects = self._unlocked()
        if not objects:
            return False
        centre: Point | None = None
        if len(objects) > 1:
            box = bounds(objects)
            assert box is not None
            centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        self.host.push(RotateObjects(self.layout, [o.id for o in objects], angle, centre))
        return True

    def set_locked(self, locked: bool) -> bool:
        objects = [o for o in self._selected() if o.locked != locked]
        if not objects:
            return False
        label = translate("Editing", "Lock {what}") if locked else translate("Editing", "Unlock {what}")
        self.host.push(SetFields(self.layout, {o.id: {"locked": locked} for o in objects},
                                 label=label.format(what=describe(objects))))
        return True

    # -- align and distribute ----------------------------------------------------------------
    def align(self, edge: str) -> bool:
        """Line the selection up on one edge (west, east, north, south) or centre (centre, middle)."""
        objects = self._unlocked()
        if len(objects) < 2:
            return False
        boxes = {o.id: bounds([o]) for o in objects}
        whole = bounds(objects)
        assert whole is not None
        moves = {}
        for obj in objects:
            x0, y0, x1, y1 = boxes[obj.id]  # type: ignore[misc]
            dx = {"west": whole[0] - x0, "east": whole[2] - x1,
                  "centre": (whole[0] + whole[2]) / 2 - (x0 + x1) / 2}.get(edge, 0.0)
            dy = {"south": whole[1] - y0, "north": whole[3] - y1,
                  "middle": (whole[1] + whole[3]) / 2 - (y0 + y1) / 2}.get(edge, 0.0)
            moves[obj.id] = (dx, dy)
        return self._push_moves(moves, translate("Editing", "Align {what}").format(what=describe(objects)))

    def distribute(self, axis: str) -> bool:
        """Equal gaps between the selected objects along ``axis`` ("x" or "y"); the outermost stay."""
        objects = self._unlocked()
        if len(objects) < 3:
            return False
        lo, hi = (0, 2) if axis == "x" else (1, 3)
        boxes = {o.id: bounds([o]) for o in objects}
        ordered = sorted(objects, key=lambda o: (boxes[o.id][lo] + boxes[o.id][hi]) / 2)  # type: ignore[index]
        first, last = boxes[ordered[0].id], boxes[ordered[-1].id]
        sizes = [boxes[o.id][hi] - boxes[o.id][lo] for o in ordered]  # type: ignore[index]
        gap = (last[hi] - first[lo] - sum(sizes)) / (len(ordered) - 1)  # type: ignore[index]
        at = first[lo]  # type: ignore[index]
        moves = {}
        for obj, size in zip(ordered, sizes):
            shift = at - boxes[obj.id][lo]  # type: ignore[index]
            moves[obj.id] = (shift, 0.0) if axis == "x" else (0.0, shift)
            at += size + gap
        return self._push_moves(moves, translate("Editing", "Distribute {what}").format(what=describe(objects)))

    def _push_moves(self, moves: dict[str, tuple[float, float]], label: str) -> bool:
        edits = [MoveObjects(self.layout, [object_id], dx, dy) for object_id, (dx, dy) in moves.items()
                 if abs(dx) > 1e-9 or abs(dy) > 1e-9]
        if not edits:
            return False
        self.host.push(Batch(edits, label=label))
        return True

    def select_all(self) -> None:
        self.host.selection.set(o.id for o in self.layout.objects() if self.host.editable(o))

    def select_none(self) -> None:
        self.host.selection.clear()
