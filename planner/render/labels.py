"""Which names give way to which, at one zoom: shared by the canvas and every export.

Gate names keep a legible size on an overview, so they are large on the
ground, and two gates a few dozen metres apart would print their names over
each other. Amenity names ("Fire extinguisher · 灭火器 3") sit under their
badge, often over the booths of the next row, and would hide booth numbers.
So, at a given scale, names are placed one by one on a shared list of
rectangles: booths come first and always win; a gate's name that would run
into another gate's name is left out (the gate line and its colour stay, and
the selected gate's properties name it); an amenity's name tries below its
badge, then above, right and left, and is left out where none is free (the
badge stays, and the legend names its kind).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from PySide6.QtCore import QLineF, QPointF, QRectF

from planner.render import graphics as g
from planner.render.style import Style
from planner.render.text import label_rect, text_width

AMENITY_SPOTS = 4          # below the badge, above it, to its right, to its left
_CELL_M = 8.0              # side of a cell of the rectangle index


def amenity_size(style: Style, scale: float) -> float:
    """Badge diameter in metres: its ground size, held between a legible and a quiet size on screen."""
    size = min(max(style.amenity_m, style.amenity_min_px / scale), style.amenity_max_m)
    return min(size, style.amenity_max_px / scale)


def gate_label_height(style: Style, scale: float) -> float:
    """A gate name's height in metres: its ground size, held legible on an overview and quiet up close."""
    height = min(max(style.gate_label_m, style.gate_label_min_px / scale), style.gate_label_max_m)
    return min(height, style.gate_label_max_px / scale)


def amenity_label_at(amenity: g.AmenityGraphic, style: Style, scale: float, spot: int = 0) -> g.Label | None:
    """An amenity's name as drawn at ``scale`` pixels per metre in ``spot`` (0 below the badge, 1 above,
    2 right, 3 left), or None when it has none or it is too small to read there."""
    label = amenity.label
    if label is None:
        return None
    h = min(label.height_m, style.amenity_label_max_px / scale)
    if h * scale < style.amenity_label_min_px:
        return None
    r = amenity_size(style, scale) / 2
    x, y = amenity.pos.x(), amenity.pos.y()
    if spot == 0:
        at = QPointF(x, y + r + h * 0.8)
    elif spot == 1:
        at = QPointF(x, y - r - h * 0.8)
    else:
        side = r + h * 0.3 + text_width(label.text, h, label.bold) / 2
        at = QPointF(x + side if spot == 2 else x - side, y)
    return g.Label(label.text, at, h, label.colour, label.bold)


def amenity_label_rect(amenity: g.AmenityGraphic, style: Style, scale: float, spot: int = 0) -> QRectF | None:
    """The scene rectangle of ``amenity_label_at`` (None when the name is not drawn)."""
    label = amenity_label_at(amenity, style, scale, spot)
    return None if label is None else label_rect(label.text, label.pos, label.height_m, label.bold)


def gate_label_drawn_rect(gate: g.GateGraphic, style: Style, scale: float) -> QRectF | None:
    """The scene rectangle of a gate's name at ``scale`` (None when it has none or it is too small)."""
    if gate.label is None:
        return None
    h = gate_label_height(style, scale)
    if h * scale < style.min_label_px:
        return None
    return g.gate_label_rect(gate, h, style)


class RectIndex:
    """Rectangles found by the cells of ground they reach into: a few thousand booths, queried often."""

    def __init__(self, rects: Iterable[QRectF] = ()) -> None:
        self._cells: dict[tuple[int, int], list[QRectF]] = {}
        for rect in rects:
            self.add(rect)

    def _keys(self, rect: QRectF) -> Iterable[tuple[int, int]]:
        x0, x1 = math.floor(rect.left() / _CELL_M), math.floor(rect.right() / _CELL_M)
        y0, y1 = math.floor(rect.top() / _CELL_M), math.floor(rect.bottom() / _CELL_M)
        return ((i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1))

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self._cells.setdefault(key, []).append(rect)

    def near(self, rect: QRectF) -> list[QRectF]:
        """The rectangles of the index that overlap ``rect``, each once."""
        seen: dict[int, QRectF] = {}
        for key in self._keys(rect):
            for other in self._cells.get(key, ()):
                if id(other) not in seen and rect.intersects(other):
                    seen[id(other)] = other
        return list(seen.values())

    def hits(self, rect: QRectF, ignore: QRectF | None = None) -> bool:
        """True when ``rect`` overlaps a rectangle of the index (touching edges do not count) other than
        ``ignore`` (that very rectangle: a tag may lie on its own gate)."""
        for key in self._keys(rect):
            for other in self._cells.get(key, ()):
                if other is not ignore and rect.intersects(other):
                    return True
        return False


def zone_label_drawn_rect(label: g.ZoneLabelGraphic, style: Style, scale: float,
                          at: QPointF | None = None) -> QRectF | None:
    """The scene rectangle of a zone's name at ``scale`` centred on ``at`` (by default its own point),
    None where it is not drawn (faded out once booth numbers read, or too small)."""
    from planner.render.painter import zone_label_height, zone_label_opacity   # the painter imports this module

    if zone_label_opacity(style, scale) <= 0.0:
        return None
    text = label.label
    h = zone_label_height(style, text.height_m, scale)
    if h * scale < style.min_label_px:
        return None
    return label_rect(text.text, text.pos if at is None else at, h, text.bold)


def zone_label_reach(bounds: QRectF) -> QRectF:
    """Everything a zone's name (``ZoneLabelGraphic.bounds``) may cover once it stepped aside."""
    w, h = bounds.width(), bounds.height()
    return bounds.adjusted(-w * _ZONE_REACH_X, -h * _ZONE_REACH_Y, w * _ZONE_REACH_X, h * _ZONE_REACH_Y)


def amenity_badge_rect(amenity: g.AmenityGraphic, style: Style, scale: float) -> QRectF:
    """The square a badge covers at ``scale`` (its own name, drawn just off it, does not reach in)."""
    r = amenity_size(style, scale) / 2
    return QRectF(amenity.pos.x() - r, amenity.pos.y() - r, 2 * r, 2 * r)


_ZONE_REACH_X, _ZONE_REACH_Y = 1.0, 2.0       # how far a zone name steps aside: its width, two heights
# Steps of an eighth of the name's width and a quarter of its height, the smallest moves first.
_ZONE_STEPS = sorted(((fx / 8, fy / 4) for fx in range(-8, 9) for fy in range(-8, 9)),
                     key=lambda f: (math.hypot(f[0] * 4, f[1]), abs(f[1])))


@lru_cache(maxsize=256)
def _offsets(sx: float, sy: float, reach: float) -> tuple[tuple[float, float], ...]:
    """The moves ``free_spot`` tries, nearest first (the canvas asks for the same ones every frame)."""
    nx, ny = int(reach // sx), int(reach // sy)
    return tuple(sorted(((i * sx, j * sy) for i in range(-nx, nx + 1) for j in range(-ny, ny + 1)
                         if math.hypot(i * sx, j * sy) <= reach), key=lambda o: (math.hypot(*o), abs(o[1]))))


def free_spot(start: QRectF, is_free: Callable[[QRectF], bool] | None = None, *, reach: float,
              step: tuple[float, float] | None = None, within: QRectF | None = None,
              blocked: Sequence[tuple[float, float, float, float]] = ()) -> QRectF | None:
    """The free place nearest to ``start`` for a box of its size, up to ``reach`` away (centre to centre).

    Places are tried on a grid (``step``: by default a quarter of the box's
    width across and half its height up and down), nearest first, so a badge
    slides just off whatever is in its way. A place is free when it overlaps
    none of ``blocked`` (left, top, right, bottom) and ``is_free`` (if given) agrees. ``within``: the box
    must stay inside it. None where every place within reach is taken.
    """
    w, h = start.width(), start.height()
    sx, sy = step if step is not None else (max(w / 4, h / 2), h / 2)
    # Plain numbers in the loop: the canvas runs it for every label in every frame.
    x0, y0 = start.left(), start.top()
    lo_x, lo_y, hi_x, hi_y = ((within.left(), within.top(), within.right(), within.bottom())
                              if within is not None else (-math.inf, -math.inf, math.inf, math.inf))
    for dx, dy in _offsets(round(sx, 3), round(sy, 3), round(reach, 3)):
        left, top = x0 + dx, y0 + dy
        right, bottom = left + w, top + h
        if left < lo_x or top < lo_y or right > hi_x or bottom > hi_y:
            continue
        if any(left < r and a < right and top < b and t < bottom for a, t, r, b in blocked):
            continue
        box = QRectF(left, top, w, h)
        if is_free is None or is_free(box):
            return box
    return None


def nearest_on(box: QRectF, point: QPointF) -> QPointF:
    """The point of ``box`` (its edge, or ``point`` itself inside it) nearest to ``point``."""
    return QPointF(min(max(point.x(), box.left()), box.right()), min(max(point.y(), box.top()), box.bottom()))


def needs_leader(anchor: QPointF, start: QRectF, chosen: QRectF, gap: float) -> QLineF | None:
    """A line from ``anchor`` to the box ``chosen``, when the box moved off ``start`` (where it belongs)
    and now lies more than ``gap`` further from its point than it was meant to; else None."""
    if chosen == start:
        return None
    end = nearest_on(chosen, anchor)
    meant = QLineF(anchor, nearest_on(start, anchor)).length()
    if QLineF(anchor, end).length() <= meant + gap:
        return None
    return QLineF(anchor, end)


def _clip_span(x0: float, y0: float, dx: float, dy: float, rect: QRectF,
               inside: bool) -> tuple[float, float] | None:
    """The part (lo, hi) of the segment from (x0, y0) by (dx, dy) within ``rect`` (Liang–Barsky),
    None where there is none; ``inside``: the edge itself does not count."""
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x0 - rect.left()), (dx, rect.right() - x0), (-dy, y0 - rect.top()), (dy, rect.bottom() - y0)):
        if p == 0:
            if q < 0 or (inside and q == 0):
                return None
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi or (inside and lo == hi):
            return None
    return lo, hi


def crosses(line: QLineF, rect: QRectF) -> bool:
    """Whether the segment ``line`` passes through the inside of ``rect``."""
    return _clip_span(line.x1(), line.y1(), line.dx(), line.dy(), rect, inside=True) is not None


def clip(a: QPointF, b: QPointF, rect: QRectF) -> tuple[QPointF, QPointF] | None:
    """The part of segment ``a``–``b`` inside ``rect`` (its edge included), None where none is."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    span = _clip_span(a.x(), a.y(), dx, dy, rect, inside=False)
    if span is None:
        return None
    lo, hi = span
    return QPointF(a.x() + lo * dx, a.y() + lo * dy), QPointF(a.x() + hi * dx, a.y() + hi * dy)


@dataclass
class LabelPlan:
    """Where names go at one scale: per gate (by position in the list) drawn or not, per amenity its
    spot (``amenity_label_at``) or None; ``rects`` are the gate and amenity names' rectangles as placed.

    Per zone name (by position in the list given) its centre as placed, or None where it is not
    drawn; ``zone_rects`` their rectangles, ``badges`` the squares the amenity badges cover (where
    they are drawn), ``gate_lines`` the gates' lines and arrows (``GateGraphic.bounds``). Per amenity,
    ``badge_moves`` is where its badge stepped aside to, off a zone's name it lay under, or None: it
    is drawn there with a leader line to the amenity's own point.
    """

    gates: list[bool]
    amenities: list[int | None]
    rects: list[QRectF]
    zone_labels: list[QPointF | None] = field(default_factory=list)
    zone_rects: list[QRectF] = field(default_factory=list)
    badges: list[QRectF] = field(default_factory=list)
    gate_lines: list[QRectF] = field(default_factory=list)
    badge_moves: list[QPointF | None] = field(default_factory=list)

    @property
    def everything(self) -> list[QRectF]:
        """Every rectangle the names, badges and gates of the plan cover: what other labels keep off."""
        return self.badges + self.gate_lines + self.rects + self.zone_rects


def zone_label_spots(labels: Sequence[g.ZoneLabelGraphic], zones: Sequence[g.ZoneGraphic], taken: RectIndex,
                     style: Style, scale: float) -> tuple[list[QPointF | None], list[QRectF]]:
    """Place zone names, largest first, each at the free place nearest its own inside its zone.

    A place counts as inside when it keeps at least as much of the name in
    the zone as the name's own point does. A name with no free place goes
    where it covers the least (a zone is named even where it is crowded).
    Placed names go into ``taken``.
    """
    centres: list[QPointF | None] = [None] * len(labels)
    rects: list[QRectF] = []
    rect_of = [zone_label_drawn_rect(label, style, scale) for label in labels]
    order = sorted((i for i, r in enumerate(rect_of) if r is not None),
                   key=lambda i: -rect_of[i].width() * rect_of[i].height())  # type: ignore[union-attr]
    for i in order:
        own = rect_of[i]
        assert own is not None
        pos = labels[i].label.pos
        zone = next((z.path for z in zones if z.bounds.contains(pos) and z.path.contains(pos)), None)

        def inside(box: QRectF) -> int:
            if zone is None:
                return 0
            points = (box.center(), box.topLeft(), box.topRight(), box.bottomLeft(), box.bottomRight())
            return sum(1 for p in points if zone.contains(p))

        need = inside(own)
        chosen, least = own, math.inf
        w, h = own.width(), own.height()
        area = own.adjusted(-w * _ZONE_REACH_X, -h * _ZONE_REACH_Y, w * _ZONE_REACH_X, h * _ZONE_REACH_Y)
        near = [(r.left(), r.top(), r.right(), r.bottom()) for r in taken.near(area)]
        for fx, fy in _ZONE_STEPS:
            x0, y0 = own.left() + fx * w, own.top() + fy * h
            x1, y1 = x0 + w, y0 + h
            # The area of the name the others cover (overlaps among them counted twice).
            covered = 0.0
            for a, t, r, b in near:
                if a < x1 and x0 < r and t < y1 and y0 < b:
                    covered += (min(r, x1) - max(a, x0)) * (min(b, y1) - max(t, y0))
                    if covered >= least - 1e-9:
                        break
            if covered >= least - 1e-9:
                continue
            box = QRectF(x0, y0, w, h)
            if inside(box) < need:
                continue
            chosen, least = box, covered        # no free place: the one least in the way
            if covered <= 0.0:
                break
        taken.add(chosen)
        rects.append(chosen)
        centres[i] = chosen.center()
    return centres, rects


def _badges_aside(badges: list[QRectF], zone_rects: list[QRectF], names: list[QRectF]) -> list[QPointF | None]:
    """Move the badges a zone's name had to cover to the nearest free place, within three badges of their
    own, off every name and other badge; ``badges`` is updated. A badge with no such place stays (the
    name's halo keeps the name legible over it). Answers the new centre per badge, or None."""
    moved: list[QPointF | None] = [None] * len(badges)
    under = [i for i, b in enumerate(badges) if any(b.intersects(z) for z in zone_rects)]
    for i in under:
        own = badges[i]
        others = RectIndex(names + zone_rects + [b for j, b in enumerate(badges) if j != i])
        size = own.width()
        box = free_spot(own, lambda r: not others.hits(r), reach=size * 3, step=(size / 2, size / 2))
        if box is not None:
            badges[i] = box
            moved[i] = box.center()
    return moved


def place_labels(booths: RectIndex, gates: Sequence[g.GateGraphic], amenities: Sequence[g.AmenityGraphic],
                 style: Style, scale: float, zone_labels: Sequence[g.ZoneLabelGraphic] = (),
                 zones: Sequence[g.ZoneGraphic] = ()) -> LabelPlan:
    """Place gate names, then zone names, then amenity names, at ``scale``, none over a booth (zone names
    float over booths), an amenity's badge or another placed name. A badge a zone's name could not
    avoid steps aside (``LabelPlan.badge_moves``).

    Wider gates are named first: on an overview the main entrances keep their names.
    """
    badges = [amenity_badge_rect(a, style, scale) for a in amenities]
    taken = RectIndex()
    rects: list[QRectF] = []
    shown_gates = [True] * len(gates)
    by_width = sorted(range(len(gates)), key=lambda i: -math.dist(
        (gates[i].a.x(), gates[i].a.y()), (gates[i].b.x(), gates[i].b.y())))
    for i in by_width:
        rect = gate_label_drawn_rect(gates[i], style, scale)
        if rect is None:
            continue
        if taken.hits(rect):
            shown_gates[i] = False
            continue
        taken.add(rect)
        rects.append(rect)
    crowd = RectIndex(rects + badges)
    centres, zone_rects = zone_label_spots(zone_labels, zones, crowd, style, scale)
    moved = _badges_aside(badges, zone_rects, rects)
    for rect in zone_rects + badges:
        taken.add(rect)
    spots: list[int | None] = []
    for amenity, at in zip(amenities, moved):
        if at is not None:
            amenity = replace(amenity, pos=at)
        chosen: int | None = 0
        for spot in range(AMENITY_SPOTS):
            rect = amenity_label_rect(amenity, style, scale, spot)
            if rect is None:
                break                        # nothing drawn: nothing to place
            if not booths.hits(rect) and not taken.hits(rect):
                taken.add(rect)
                rects.append(rect)
                chosen = spot
                break
        else:
            chosen = None
        spots.append(chosen)
    return LabelPlan(shown_gates, spots, rects, centres, zone_rects, badges, [gate.bounds for gate in gates], moved)


__all__ = [
    "AMENITY_SPOTS", "LabelPlan", "RectIndex", "amenity_badge_rect", "amenity_label_at", "amenity_label_rect",
    "amenity_size", "crosses", "free_spot", "gate_label_drawn_rect", "gate_label_height", "nearest_on", "needs_leader",
    "place_labels", "zone_label_drawn_rect", "zone_label_reach", "zone_label_spots",
]
