"""Undoable edits as plain objects: ``apply`` and ``revert`` on a Layout.

Every change to a layout is one of these, so the editor's undo stack is a
thin wrapper and scripts and tests can edit headless. ``apply`` after
``revert`` (and the reverse) restores exactly the earlier state; each call
tells the layout's subscribers what changed.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.i18n import ntr, tr
from planner.model.geometry import Point, rotate_point, rotate_polygon, translate_polygon
from planner.model.layout import (
    COLLECTIONS, Amenity, Booth, Change, Gate, Layout, LayoutObject, Obstacle, Zone,
)

# Parts of the layout that are not objects with ids but can be edited.
PARTS = ("layout", "settings", "event", "site", "georef", "background")


def describe(objects: Sequence[LayoutObject]) -> str:
    """'12 booths', '1 zone', '3 objects': for edit names."""
    n = len(objects)
    kinds = {type(o) for o in objects}
    if len(kinds) == 1:
        kind = kinds.pop()
        if kind is Booth:
            return ntr("{n} booth", "{n} booths", n)
        if kind is Zone:
            return ntr("{n} zone", "{n} zones", n)
        if kind is Gate:
            return ntr("{n} gate", "{n} gates", n)
        if kind is Obstacle:
            return ntr("{n} obstacle", "{n} obstacles", n)
        if kind is Amenity:
            return ntr("{n} amenity", "{n} amenities", n)
    return ntr("{n} object", "{n} objects", n)


def _kind(objects: Sequence[LayoutObject]) -> type | None:
    kinds = {type(o) for o in objects}
    return kinds.pop() if len(kinds) == 1 else None


# Each edit's name is one whole message per verb and kind ("Move {n} booths" → "移动 {n} 个展位"),
# never a verb glued to describe(): languages order and count these words differently.
_LABELS = {
    ("add", Booth): lambda n: ntr("Add {n} booth", "Add {n} booths", n),
    ("add", Zone): lambda n: ntr("Add {n} zone", "Add {n} zones", n),
    ("add", Gate): lambda n: ntr("Add {n} gate", "Add {n} gates", n),
    ("add", Obstacle): lambda n: ntr("Add {n} obstacle", "Add {n} obstacles", n),
    ("add", Amenity): lambda n: ntr("Add {n} amenity", "Add {n} amenities", n),
    ("add", None): lambda n: ntr("Add {n} object", "Add {n} objects", n),
    ("delete", Booth): lambda n: ntr("Delete {n} booth", "Delete {n} booths", n),
    ("delete", Zone): lambda n: ntr("Delete {n} zone", "Delete {n} zones", n),
    ("delete", Gate): lambda n: ntr("Delete {n} gate", "Delete {n} gates", n),
    ("delete", Obstacle): lambda n: ntr("Delete {n} obstacle", "Delete {n} obstacles", n),
    ("delete", Amenity): lambda n: ntr("Delete {n} amenity", "Delete {n} amenities", n),
    ("delete", None): lambda n: ntr("Delete {n} object", "Delete {n} objects", n),
    ("move", Booth): lambda n: ntr("Move {n} booth", "Move {n} booths", n),
    ("move", Zone): lambda n: ntr("Move {n} zone", "Move {n} zones", n),
    ("move", Gate): lambda n: ntr("Move {n} gate", "Move {n} gates", n),
    ("move", Obstacle): lambda n: ntr("Move {n} obstacle", "Move {n} obstacles", n),
    ("move", Amenity): lambda n: ntr("Move {n} amenity", "Move {n} amenities", n),
    ("move", None): lambda n: ntr("Move {n} object", "Move {n} objects", n),
    ("rotate", Booth): lambda n: ntr("Rotate {n} booth", "Rotate {n} booths", n),
    ("rotate", Zone): lambda n: ntr("Rotate {n} zone", "Rotate {n} zones", n),
    ("rotate", Gate): lambda n: ntr("Rotate {n} gate", "Rotate {n} gates", n),
    ("rotate", Obstacle): lambda n: ntr("Rotate {n} obstacle", "Rotate {n} obstacles", n),
    ("rotate", Amenity): lambda n: ntr("Rotate {n} amenity", "Rotate {n} amenities", n),
    ("rotate", None): lambda n: ntr("Rotate {n} object", "Rotate {n} objects", n),
}


def edit_label(verb: str, objects: Sequence[LayoutObject]) -> str:
    """The name of an edit: ``verb`` (add, delete, move, rotate) of ``objects``, in the current language."""
    kind = _kind(objects)
    return _LABELS.get((verb, kind), _LABELS[(verb, None)])(len(objects))


class Edit:
    """One undoable change; subclasses set ``label`` and implement both ways."""

    label: str = ""

    def apply(self, layout: Layout) -> None:
        raise NotImplementedError

    def revert(self, layout: Layout) -> None:
        raise NotImplementedError


class AddObjects(Edit):
    def __init__(self, objects: Iterable[LayoutObject], label: str | None = None) -> None:
        self.objects = list(objects)
        self.label = label or edit_label("add", self.objects)

    def apply(self, layout: Layout) -> None:
        for obj in self.objects:
            layout.insert(obj)
        layout.notify(Change(added=[o.id for o in self.objects]))

    def revert(self, layout: Layout) -> None:
        for obj in reversed(self.objects):
            layout.pop(obj.id)
        layout.notify(Change(removed=[o.id for o in self.objects]))


class RemoveObjects(Edit):
    def __init__(self, layout: Layout, ids: Iterable[str], label: str | None = None) -> None:
        self.ids = list(dict.fromkeys(ids))
        objects = [layout.get(i) for i in self.ids]
        missing = [i for i, o in zip(self.ids, objects) if o is None]
        if missing:
            raise KeyError(f"no object with id {missing[0]!r}")
        self.label = label or edit_label("delete", objects)  # type: ignore[arg-type]
        self._removed: list[tuple[LayoutObject, int]] = []

    def apply(self, layout: Layout) -> None:
        self._removed = [layout.pop(i) for i in self.ids]
        layout.notify(Change(removed=list(self.ids)))

    def revert(self, layout: Layout) -> None:
        # Re-insert in reverse order of removal so every index is right again.
        for obj, index in reversed(self._removed):
            layout.insert(obj, index)
        layout.notify(Change(added=list(self.ids)))


def _moved(obj: LayoutObject, dx: float, dy: float) -> dict[str, Any]:
    if isinstance(obj, (Booth, Amenity)):
        return {"x": obj.x + dx, "y": obj.y + dy}
    if isinstance(obj, Gate):
        return {"a": (obj.a[0] + dx, obj.a[1] + dy), "b": (obj.b[0] + dx, obj.b[1] + dy)}
    values: dict[str, Any] = {"polygon": translate_polygon(obj.polygon, dx, dy)}
    if isinstance(obj, Zone) and obj.anchor is not None:
        values["anchor"] = (obj.anchor[0] + dx, obj.anchor[1] + dy)
    return values


def _rotated(obj: LayoutObject, angle: float, centre: Point) -> dict[str, Any]:
    if isinstance(obj, Booth):
        x, y = rotate_point((obj.x, obj.y), angle, centre)
        return {"x": x, "y": y, "rotation": (obj.rotation + angle) % 360.0}
    if isinstance(obj, Amenity):
        x, y = rotate_point((obj.x, obj.y), angle, centre)
        return {"x": x, "y": y}
    if isinstance(obj, Gate):
        return {"a": rotate_point(obj.a, angle, centre), "b": rotate_point(obj.b, angle, centre)}
    values: dict[str, Any] = {"polygon": rotate_polygon(obj.polygon, angle, centre)}
    if isinstance(obj, Zone) and obj.anchor is not None:
        values["anchor"] = rotate_point(obj.anchor, angle, centre)
    return values


class _FieldEdit(Edit):
    """Base of edits that replace fields: remembers old and new values per target."""

    def __init__(self) -> None:
        self._new: dict[str, dict[str, Any]] = {}
        self._old: dict[str, dict[str, Any]] = {}

    def _set(self, layout: Layout, values: dict[str, dict[str, Any]]) -> None:
        changed, parts = [], []
        for target, fields in values.items():
            obj = _target(layout, target)
            for name, value in fields.items():
                setattr(obj, name, value)
            (parts if target in PARTS else changed).append(target)
        layout.notify(Change(changed=changed, parts=parts))

    def apply(self, layout: Layout) -> None:
        self._set(layout, self._new)

    def revert(self, layout: Layout) -> None:
        self._set(layout, self._old)


def _target(layout: Layout, target: str) -> Any:
    if target == "layout":
        return layout
    if target in PARTS:
        part = getattr(layout, target)
        if part is None:
            raise KeyError(f"the layout has no {target}")
        return part
    obj = layout.get(target)
    if obj is None:
        raise KeyError(f"no object with id {target!r}")
    return obj


class MoveObjects(_FieldEdit):
    """Move objects by (dx, dy) metres; consecutive nudges of the same objects merge."""

    def __init__(self, layout: Layout, ids: Iterable[str], dx: float, dy: float,
                 label: str | None = None) -> None:
        super().__init__()
        self.ids = list(dict.fromkeys(ids))
        self.dx, self.dy = dx, dy
        objects = [_target(layout, i) for i in self.ids]
        for obj in objects:
            self._old[obj.id] = {k: getattr(obj, k) for k in _moved(obj, 0, 0)}
            self._new[obj.id] = _moved(obj, dx, dy)
        self.label = label or edit_label("move", objects)

    def merge(self, layout: Layout, other: MoveObjects) -> bool:
        """Absorb a later move of the same objects (an arrow-key burst)."""
        if other.ids != self.ids:
            return False
        self.dx += other.dx
        self.dy += other.dy
        self._new = other._new
        return True


class RotateObjects(_FieldEdit):
    """Turn objects counter-clockwise by ``angle`` degrees about ``centre``.

    Without a centre each booth and amenity turns about itself and each
    polygon about its own centroid; with one, the group turns as a whole.
    """

    def __init__(self, layout: Layout, ids: Iterable[str], angle: float,
                 centre: Point | None = None, label: str | None = None) -> None:
        super().__init__()
        self.ids = list(dict.fromkeys(ids))
        objects = [_target(layout, i) for i in self.ids]
        for obj in objects:
            pivot = centre if centre is not None else _own_centre(obj)
            new = _rotated(obj, angle, pivot)
            self._old[obj.id] = {k: getattr(obj, k) for k in new}
            self._new[obj.id] = new
        self.label = label or edit_label("rotate", objects)


def _own_centre(obj: LayoutObject) -> Point:
    if isinstance(obj, (Booth, Amenity)):
        return (obj.x, obj.y)
    if isinstance(obj, Gate):
        return obj.midpoint
    c = obj.shape().centroid
    return (c.x, c.y)


class SetFields(_FieldEdit):
    """Set fields of objects (by id) or of parts (``settings``, ``event`` …).

    ``changes`` maps a target to the new values of its fields, so one edit can
    set the same field on many objects at once.
    """

    def __init__(self, layout: Layout, changes: dict[str, dict[str, Any]],
                 label: str | None = None) -> None:
        super().__init__()
        for target, fields in changes.items():
            obj = _target(layout, target)
            for name in fields:
                if not hasattr(obj, name) or name in ("id", "extra"):
                    raise AttributeError(f"{target} has no editable field {name!r}")
            self._old[target] = {k: copy.deepcopy(getattr(obj, k)) for k in fields}
            self._new[target] = dict(fields)
        self.label = label or tr("Change properties")

    def merge(self, layout: Layout, other: SetFields) -> bool:
        """Absorb a later change of the same fields of the same targets (spin-box steps)."""
        if not isinstance(other, SetFields) or list(other._new) != list(self._new):
            return False
        if any(other._new[t].keys() != self._new[t].keys() for t in self._new):
            return False
        self._new = other._new
        return True


class SetPart(Edit):
    """Add, replace or remove an optional part (``georef`` or ``background``)."""

    def __init__(self, layout: Layout, part: str, value: Any, label: str | None = None) -> None:
        if part not in ("georef", "background"):
            raise KeyError(part)
        self.part = part
        self._new = value
        self._old = getattr(layout, part)
        self.label = label or tr("Change properties")

    def apply(self, layout: Layout) -> None:
        setattr(layout, self.part, self._new)
        layout.notify(Change(parts=[self.part]))

    def revert(self, layout: Layout) -> None:
        setattr(layout, self.part, self._old)
        layout.notify(Change(parts=[self.part]))


# Where ReorderObjects puts the objects in their collection (the order they are drawn in).
ORDERS = ("front", "forward", "backward", "back")


def _overlap(a: LayoutObject, b: LayoutObject) -> bool:
    """The two are drawn over each other (sharing only an edge is not enough)."""
    shape_a, shape_b = getattr(a, "shape", None), getattr(b, "shape", None)
    if shape_a is None or shape_b is None:
        return True
    first, second = shape_a(), shape_b()
    return first.intersects(second) and first.intersection(second).area > 1e-9


def _reordered(items: list[LayoutObject], chosen: set[str], to: str) -> list[LayoutObject]:
    """``items`` with the ``chosen`` ids moved ``to`` the front, the back, or one step where it shows.

    A step forward (backward) takes an object just above (below) the nearest
    other object it overlaps: passing one it does not overlap would change
    nothing on the plan. An object overlapped by nothing in that direction stays.
    """
    if to == "front":
        return [o for o in items if o.id not in chosen] + [o for o in items if o.id in chosen]
    if to == "back":
        return [o for o in items if o.id in chosen] + [o for o in items if o.id not in chosen]
    order = list(items)
    forward = to == "forward"
    moving = [o for o in order if o.id in chosen]
    for obj in (reversed(moving) if forward else moving):
        i = order.index(obj)
        others = range(i + 1, len(order)) if forward else range(i - 1, -1, -1)
        j = next((k for k in others if order[k].id not in chosen and _overlap(obj, order[k])), None)
        if j is None:
            continue
        del order[i]
        order.insert(j, obj)      # after the removal, index j is just above (or just below) the other
    return order


class ReorderObjects(Edit):
    """Change the drawing order of objects within their collection (zones, obstacles …).

    ``to`` is one of ``ORDERS``. Each collection is reordered on its own, so a
    zone never goes above an obstacle. ``changed`` is False when nothing moves.
    The caller names the step (the editor words it per action and language).
    """

    def __init__(self, layout: Layout, ids: Iterable[str], to: str, label: str = "") -> None:
        if to not in ORDERS:
            raise ValueError(f"unknown order {to!r}")
        self.ids = list(dict.fromkeys(ids))
        objects = [_target(layout, i) for i in self.ids]
        chosen = set(self.ids)
        self._old: dict[str, list[str]] = {}
        self._new: dict[str, list[str]] = {}
        for name in dict.fromkeys(COLLECTIONS[type(o)] for o in objects):
            items = getattr(layout, name)
            old = [o.id for o in items]
            new = [o.id for o in _reordered(items, chosen, to)]
            if new != old:
                self._old[name], self._new[name] = old, new
        self.to = to
        self.label = label

    @property
    def changed(self) -> bool:
        return bool(self._new)

    def _set(self, layout: Layout, orders: dict[str, list[str]], others: dict[str, list[str]]) -> None:
        moved: list[str] = []
        for name, ids in orders.items():
            items = getattr(layout, name)
            by_id = {o.id: o for o in items}
            if sorted(by_id) != sorted(ids):
                raise KeyError(f"the {name} of the layout are not the ones this edit reorders")
            items[:] = [by_id[i] for i in ids]
            moved += [i for i, j in zip(ids, others[name]) if i != j]
        layout.notify(Change(changed=moved))

    def apply(self, layout: Layout) -> None:
        self._set(layout, self._new, self._old)

    def revert(self, layout: Layout) -> None:
        self._set(layout, self._old, self._new)


@dataclass
class Batch(Edit):
    """Several edits as one undo step, applied in order and reverted backwards."""

    edits: list[Edit] = field(default_factory=list)
    label: str = ""

    def apply(self, layout: Layout) -> None:
        for edit in self.edits:
            edit.apply(layout)

    def revert(self, layout: Layout) -> None:
        for edit in reversed(self.edits):
            edit.revert(layout)


def copy_object(obj: LayoutObject, new_id: str, dx: float = 0.0, dy: float = 0.0) -> LayoutObject:
    """A duplicate of ``obj`` under ``new_id``, shifted by (dx, dy)."""
    twin = copy.deepcopy(obj)
    twin.id = new_id
    for name, value in _moved(twin, dx, dy).items():
        setattr(twin, name, value)
    return twin
