"""Booth numbering schemes: a zone's ``numbering`` (SPEC §2) and the order booths are numbered in.

A scheme is read leniently from the zone's dict (the file loads whatever an
organiser wrote there; a value that does not read falls back to its default)
and written back with the keys it does not know kept. ``renumber`` sorts
booths into rows the way a visitor reads the plan: rows run along the booths'
common orientation, the first row at the top, and each row is numbered left to
right (or back, or zig-zag), optionally leaving a number free at every cross
aisle and giving odd numbers to one side of an aisle and even to the other,
as houses on a street are numbered. No Qt here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import shapely

from planner.model.layout import Booth, Layout, Zone

ORDERS = ("rows", "serpentine")
DIRECTIONS = ("ltr", "rtl")          # along the first row: left to right, or right to left
ROWS_FROM = ("top", "bottom")        # which row comes first
SIDES = ("all", "odd_even")
CROSS_GAP = 0.5                      # metres: a wider gap between neighbours in a row is a cross aisle
_KNOWN = ("prefix", "start", "step", "digits", "order", "direction", "rows_from",
          "skip_at_cross_aisles", "sides")


def _int(value: Any, default: int, low: int) -> int:
    if isinstance(value, bool):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number >= low else default


def _choice(value: Any, choices: tuple[str, ...]) -> str:
    return value if value in choices else choices[0]


@dataclass
class Scheme:
    """How a zone's booths are numbered: ``ANI-001``, ``ANI-002`` … in rows."""

    prefix: str = ""
    start: int = 1
    step: int = 1
    digits: int = 3
    order: str = "rows"
    direction: str = "ltr"
    rows_from: str = "top"
    skip_at_cross_aisles: bool = False
    sides: str = "all"
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Scheme:
        """The scheme in a zone's ``numbering``; values that do not read take their defaults."""
        data = data or {}
        return cls(
            prefix=str(data.get("prefix", "") or ""),
            start=_int(data.get("start"), 1, 0),
            step=_int(data.get("step"), 1, 1),
            digits=min(_int(data.get("digits"), 3, 0), 12),
            order=_choice(data.get("order"), ORDERS),
            direction=_choice(data.get("direction"), DIRECTIONS),
            rows_from=_choice(data.get("rows_from"), ROWS_FROM),
            skip_at_cross_aisles=data.get("skip_at_cross_aisles") is True,
            sides=_choice(data.get("sides"), SIDES),
            extra={k: v for k, v in data.items() if k not in _KNOWN},
        )

    def to_dict(self) -> dict[str, Any]:
        """The zone's ``numbering``: prefix, start and digits always, the rest where not the default."""
        out: dict[str, Any] = dict(self.extra)
        out.update(prefix=self.prefix, start=self.start, digits=self.digits)
        default = Scheme()
        for name in ("step", "order", "direction", "rows_from", "skip_at_cross_aisles", "sides"):
            if getattr(self, name) != getattr(default, name):
                out[name] = getattr(self, name)
        return out

    def format(self, n: int) -> str:
        return f"{self.prefix}{n:0{self.digits}d}"

    def value(self, number: str) -> int | None:
        """The counter in ``number`` when it is one of this scheme's (``ANI-013`` → 13), else None."""
        if not number.startswith(self.prefix):
            return None
        rest = number[len(self.prefix):]
        return int(rest) if rest.isdigit() else None


# -- rows ---------------------------------------------------------------------------------------

def frame_angle(booths: Sequence[Booth]) -> float:
    """The direction rows run: the commonest booth rotation, folded into [0, 180)."""
    if not booths:
        return 0.0
    counts = Counter(round(b.rotation % 180.0, 1) % 180.0 for b in booths)
    return max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]


def _extent(booth: Booth, angle: float) -> tuple[float, float]:
    """The booth's size along the frame's u (row) and v (across) axes."""
    a = math.radians(booth.rotation - angle)
    c, s = abs(math.cos(a)), abs(math.sin(a))
    return booth.width * c + booth.depth * s, booth.width * s + booth.depth * c


@dataclass
class Row:
    """Booths side by side, ordered left to right in the frame; ``facing`` +1 up, -1 down, 0 sideways."""

    booths: list[Booth]
    v: float
    facing: int


def rows_of(booths: Iterable[Booth], angle: float | None = None) -> list[Row]:
    """The booths grouped into rows across the frame at ``angle`` (default: their own), top row first."""
    items = list(booths)
    if not items:
        return []
    theta = frame_angle(items) if angle is None else angle
    c, s = math.cos(math.radians(theta)), math.sin(math.radians(theta))

    def uv(b: Booth) -> tuple[float, float]:
        return b.x * c + b.y * s, -b.x * s + b.y * c

    placed = sorted(((uv(b), b) for b in items), key=lambda t: (-t[0][1], t[0][0]))
    rows: list[tuple[float, float, list[tuple[float, Booth]]]] = []   # (v of the first, tolerance, members)
    for (u, v), booth in placed:
        half = _extent(booth, theta)[1] / 2
        if rows and abs(rows[-1][0] - v) < min(rows[-1][1], half):
            rows[-1][2].append((u, booth))
        else:
            rows.append((v, half, [(u, booth)]))
    result = []
    for v, _tol, members in rows:
        members.sort(key=lambda t: t[0])
        ordered = [b for _u, b in members]
        result.append(Row(ordered, v, _facing(ordered[0], theta)))
    return result


def _facing(booth: Booth, angle: float) -> int:
    """+1 when the booth's front faces up the frame (+v), -1 down, 0 sideways."""
    front = math.radians(booth.rotation - angle)
    dot = -math.cos(front)          # the front normal (sin r, -cos r) against the frame's v axis
    return 1 if dot > 0.5 else -1 if dot < -0.5 else 0


def _gap(a: Booth, b: Booth, angle: float) -> float:
    """Clear space between two neighbours in a row, measured along it."""
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    ua, ub = a.x * c + a.y * s, b.x * c + b.y * s
    return abs(ub - ua) - (_extent(a, angle)[0] + _extent(b, angle)[0]) / 2


# -- numbering -------------------------------------------------------------------------------------

def renumber(booths: Iterable[Booth], scheme: Scheme, angle: float | None = None) -> dict[str, str]:
    """New numbers for ``booths`` under ``scheme``, by booth id, in the scheme's row order."""
    items = list(booths)
    theta = frame_angle(items) if angle is None else angle
    rows = rows_of(items, theta)
    if scheme.rows_from == "bottom":
        rows.reverse()
    odd_even = scheme.sides == "odd_even"
    increment = scheme.step * (2 if odd_even else 1)
    first_side = rows[0].facing if rows else 0
    counters = {0: scheme.start, 1: scheme.start + scheme.step}
    rows_done = {0: 0, 1: 0}
    numbers: dict[str, str] = {}
    for row in rows:
        side = 1 if odd_even and row.facing != first_side and row.facing != 0 else 0
        backwards = (scheme.direction == "rtl") != (scheme.order == "serpentine" and rows_done[side] % 2 == 1)
        sequence = list(reversed(row.booths)) if backwards else row.booths
        previous: Booth | None = None
        for booth in sequence:
            if scheme.skip_at_cross_aisles and previous is not None and _gap(previous, booth, theta) > CROSS_GAP:
                counters[side] += increment
            numbers[booth.id] = scheme.format(counters[side])
            counters[side] += increment
            previous = booth
        rows_done[side] += 1
    return numbers


def in_sequence(booths: Sequence[Booth], scheme: Scheme) -> dict[str, str]:
    """Numbers for booths already in the order they stand (along a line), one step apart."""
    return {b.id: scheme.format(scheme.start + i * scheme.step) for i, b in enumerate(booths)}


def next_value(scheme: Scheme, used: Iterable[str]) -> int:
    """The first counter of ``scheme`` past every used number with its prefix (the start when none)."""
    highest = None
    for number in used:
        value = scheme.value(number)
        if value is not None and (highest is None or value > highest):
            highest = value
    return scheme.start if highest is None or highest < scheme.start else highest + scheme.step


def zones_of(layout: Layout, booths: Sequence[Booth]) -> list[Zone | None]:
    """The zone each booth would belong to (the first containing its centre), booths not yet added."""
    result: list[Zone | None] = [None] * len(booths)
    if not booths or not layout.zones:
        return result
    tree = shapely.STRtree([z.shape() for z in layout.zones])
    points = shapely.points([(b.x, b.y) for b in booths])
    for bi, zi in zip(*tree.query(points, predicate="intersects")):
        current = result[int(bi)]
        if current is None or layout.zones.index(current) > int(zi):
            result[int(bi)] = layout.zones[int(zi)]
    return result


def number_new(layout: Layout, booths: Sequence[Booth], in_order: bool = False) -> dict[str, str]:
    """Numbers for booths about to be added: each zone's scheme, continuing after its highest number.

    ``in_order`` numbers them in the order given (booths along a line) rather than in rows.
    """
    groups: dict[str | None, list[Booth]] = {}
    zones: dict[str | None, Zone | None] = {}
    for booth, zone in zip(booths, zones_of(layout, booths)):
        key = zone.id if zone is not None else None
        groups.setdefault(key, []).append(booth)
        zones[key] = zone
    used = [b.number for b in layout.booths]
    numbers: dict[str, str] = {}
    for key, members in groups.items():
        zone = zones[key]
        scheme = Scheme.from_dict(zone.numbering if zone is not None else {})
        scheme = replace(scheme, start=next_value(scheme, used))
        given = in_sequence(members, scheme) if in_order else renumber(members, scheme)
        numbers.update(given)
        used.extend(given.values())        # the next zone may share the prefix (or have none)
    return numbers


def duplicate_numbers(booths: Iterable[Booth]) -> dict[str, list[str]]:
    """Booth numbers used more than once, each with the ids of its booths (empty numbers ignored)."""
    by_number: dict[str, list[str]] = {}
    for booth in booths:
        if booth.number:
            by_number.setdefault(booth.number, []).append(booth.id)
    return {n: ids for n, ids in by_number.items() if len(ids) > 1}
