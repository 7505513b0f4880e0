"""The legend: every symbol of the sheet, drawn by the same code as the map.

Zone swatches, booths, gates, amenity badges and ground are drawn with the
render package's own painters on tiny synthetic objects, so the legend can
never drift from the map. Entries flow into one or two columns, and shrink
a little, to fit the space the panel leaves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath

from planner.export import typeset
from planner.export.strings import translate
from planner.render.names import AMENITY, GATE, OBSTACLE, STATUS, kind_name
from planner.export.views import Bottleneck, ExitMark, View, paint_safety
from planner.model.layout import AMENITY_KINDS, BOOTH_STATUSES, GATE_KINDS, OBSTACLE_KINDS, Booth, Layout
from planner.render import graphics as g
from planner.render import painter as paint
from planner.render.style import SheetStyle, Style, qcolor

Icon = Callable[[QPainter, QRectF], None]


@dataclass
class Entry:
    label: str
    icon: Icon
    rows: float = 1.0      # height in legend rows (a gate's arrows need more)


@dataclass
class Section:
    title: str
    entries: list[Entry]


def _booth_icon(style: Style, fill: QColor, *, sides: tuple[str, ...] = ("front",), cooking: bool = False,
                blocked: bool = False) -> Icon:
    def icon(p: QPainter, box: QRectF) -> None:
        booth = Booth(id="legend", x=0.0, y=0.0, width=3.0, depth=2.0, open_sides=sides, cooking=cooking,
                      status="blocked" if blocked else "sold")
        graphic = g.booth_graphic(booth, style, fill)
        p.save()
        p.translate(box.center())
        k = min(box.width() / 3.15, box.height() / 2.1)
        p.scale(k, k)
        paint.paint_booth(p, graphic, style, labels=False)
        p.restore()
    return icon


def _zone_icon(style: Style, colour: str) -> Icon:
    def icon(p: QPainter, box: QRectF) -> None:
        path = QPainterPath()
        r = box.adjusted(1.0, 1.5, -1.0, -1.5)
        path.addRect(r)
        paint.paint_zone(p, g.ZoneGraphic(path, qcolor(colour), r), style)
    return icon


def _ground_icon(style: Style, kind: str) -> Icon:
    def icon(p: QPainter, box: QRectF) -> None:
        path = QPainterPath()
        r = box.adjusted(1.0, 1.5, -1.0, -1.5)
        path.addRoundedRect(r, 1.5, 1.5)
        paint.paint_obstacle(p, g.ObstacleGraphic(kind, path, style.obstacle(kind), None, r), style, labels=False)
    return icon


def _gate_icon(style: Style, kind: str) -> Icon:
    def icon(p: QPainter, box: QRectF) -> None:
        # A 10 m gate on the left of the box, its arrows pointing right into the "site".
        k = min(box.width() / 10.5, box.height() / 10.5)
        p.save()
        p.translate(box.left() + 1.0 * k, box.center().y() - 5 * k)
        p.scale(k, k)
        gate = g.GateGraphic(QPointF(0, 0), QPointF(0, 10), QPointF(1, 0), style.gate(kind), None,
                             QRectF(0, 0, 10, 10))
        paint.paint_gate(p, gate, style, labels=False)
        p.restore()
    return icon


def _amenity_icon(style: Style, kind: str) -> Icon:
    def icon(p: QPainter, box: QRectF) -> None:
        graphic = g.AmenityGraphic(kind, box.center(), qcolor(style.amenity_colour(kind)), None, box)
        paint.paint_amenity(p, graphic, style, labels=False)
    return icon


def _tag_icon(style: Style, width_m: float, bottleneck: bool) -> Icon:
    def icon(p: QPainter, box: QRectF) -> None:
        # A short gate along the icon's top edge, its tag just inside, as on the map.
        gate = g.GateGraphic(QPointF(box.left(), box.top()), QPointF(box.left() + 1.0, box.top()), QPointF(0, 1),
                             style.gate("exit"), None, box)
        p.save()
        p.translate(-1.0, box.height() * 0.05)
        paint_safety(p, [ExitMark(gate, width_m, bottleneck)], [], style, box.height() * 0.5)
        p.restore()
    return icon


def _bottleneck_icon(style: Style) -> Icon:
    def icon(p: QPainter, box: QRectF) -> None:
        y = box.center().y()
        line = Bottleneck(QPointF(box.left() + 2, y), QPointF(box.right() - 2, y), 0.0)
        p.save()
        p.setClipRect(box)
        paint_safety(p, [], [line], style, box.height() * 0.3)
        p.restore()
    return icon


def legend_sections(layout: Layout, view: View, style: Style, shown_amenities: set[str]) -> list[Section]:
    zones = [Entry(z.name or z.id, _zone_icon(style, z.color)) for z in layout.zones]
    sections = [Section(translate("Export", "Zones"), zones)]
    booths: list[Entry] = []
    cooking = any(b.cooking for b in layout.booths)
    if view.statuses:
        booths += [Entry(kind_name(STATUS, s), _booth_icon(style, qcolor(style.booth_fill(s)), blocked=s == "blocked"))
                   for s in BOOTH_STATUSES]
    elif view.safety:
        booths.append(Entry(translate("Export", "Booth"), _booth_icon(style, qcolor(style.booth_safety_fill))))
        if cooking:
            booths.append(Entry(translate("Export", "Cooks with open flame or gas"),
                                _booth_icon(style, qcolor(style.booth_cooking_fill), cooking=True)))
    else:
        # The colour of the first zone that holds booths, as the map fills them.
        zone_of = layout.zone_of_booths()
        holding = [z for z in layout.zones if z.id in set(zone_of.values())]
        colour = qcolor(holding[0].color).lighter(150) if holding else qcolor(style.booth_safety_fill)
        booths.append(Entry(translate("Export", "Booth, in its zone's colour"), _booth_icon(style, colour)))
    # The marks on a quiet booth, so they are not read as a status.
    plain = qcolor(style.booth_safety_fill)
    booths.append(Entry(translate("Export", "Open side; the darkest is the front"),
                        _booth_icon(style, plain, sides=("front", "left"))))
    if cooking and not view.safety:
        booths.append(Entry(translate("Export", "Cooks with open flame or gas"),
                            _booth_icon(style, plain, cooking=True)))
    sections.append(Section(translate("Export", "Booths"), booths))
    kinds = {gate.kind for gate in layout.gates}
    gates = [Entry(kind_name(GATE, k), _gate_icon(style, k), rows=1.8) for k in GATE_KINDS if k in kinds]
    if view.safety:
        example = max((gate.width for gate in layout.gates if gate.is_exit), default=3.0)
        gates.append(Entry(translate("Export", "Exit: its clear width"), _tag_icon(style, example, False)))
        gates.append(Entry(translate("Export", "Exit that limits the egress: a bottleneck"),
                           _tag_icon(style, example, True)))
        gates.append(Entry(translate("Export", "Bottleneck on the way out: the narrowest passage"),
                           _bottleneck_icon(style)))
    if gates:
        sections.append(Section(translate("Export", "Gates"), gates))
    amenities = [Entry(kind_name(AMENITY, k), _amenity_icon(style, k)) for k in AMENITY_KINDS if k in shown_amenities]
    if amenities:
        sections.append(Section(translate("Export", "Amenities"), amenities))
    present = {o.kind for o in layout.obstacles}
    ground = [Entry(kind_name(OBSTACLE, k), _ground_icon(style, k)) for k in OBSTACLE_KINDS if k in present]
    if ground:
        sections.append(Section(translate("Export", "Ground"), ground))
    return sections


@dataclass(frozen=True)
class _Fit:
    columns: int
    size: float
    height: float
    split: list[list[int]]       # row indices per column


_COLUMN_GAP = 8.0
_ICON = 1.8          # an icon's width, in legend rows


def _rows(sections: list[Section]) -> list[Section | Entry]:
    rows: list[Section | Entry] = []
    for s in sections:
        rows.append(s)
        rows.extend(s.entries)
    return rows


def _heights(rows: list[Section | Entry], size: float, col_width: float) -> list[float]:
    row, head = size * 1.75, size * 1.9
    out = []
    for item in rows:
        if isinstance(item, Section):
            out.append(head)
        else:
            lines = len(typeset.wrap(item.label, size, col_width - row * _ICON - 3))
            out.append(max(row * item.rows, row + (lines - 1) * size * typeset.LINE))
    return out


def _split(rows: list[Section | Entry], heights: list[float], columns: int) -> list[list[int]]:
    """Rows into ``columns`` of about equal height, never leaving a heading at a column's foot."""
    target = sum(heights) / columns
    split: list[list[int]] = [[]]
    col = 0.0
    for i, h in enumerate(heights):
        heading = isinstance(rows[i], Section)
        nxt = heights[i + 1] if heading and i + 1 < len(heights) else 0.0
        if split[-1] and len(split) < columns and col + h + nxt > target * 1.08:
            split.append([])
            col = 0.0
        split[-1].append(i)
        col += h
    return split


def _choose(sections: list[Section], rect: QRectF, base: float, max_columns: int) -> _Fit:
    rows = _rows(sections)
    title = base * 2.2
    best = None
    for size in (base, base * 0.9, base * 0.8, base * 0.72, base * 0.64):
        for columns in range(1, max_columns + 1):
            col_width = (rect.width() - (columns - 1) * _COLUMN_GAP) / columns
            heights = _heights(rows, size, col_width)
            split = _split(rows, heights, columns)
            h = max(sum(heights[i] for i in col) for col in split) + title
            best = _Fit(columns, size, h, split)
            if h <= rect.height():
                return best
    assert best is not None
    return best


def draw_legend(p: QPainter, sections: list[Section], rect: QRectF, base: float, sheet: SheetStyle,
                max_columns: int = 2) -> float:
    """Draw the legend at the top of ``rect``; returns the height used."""
    fit = _choose(sections, rect, base, max_columns)
    size = fit.size
    rows = _rows(sections)
    col_width = (rect.width() - (fit.columns - 1) * _COLUMN_GAP) / fit.columns
    heights = _heights(rows, size, col_width)
    typeset.draw(p, translate("Export", "Legend"), rect.left(), rect.top(), base * 1.2, sheet.ink, bold=True)
    top = rect.top() + base * 2.2
    row = size * 1.75
    icon_w = row * _ICON
    for c, indices in enumerate(fit.split):
        x, y = rect.left() + c * (col_width + _COLUMN_GAP), top
        for i in indices:
            item = rows[i]
            if isinstance(item, Section):
                typeset.draw(p, item.title, x, y + size * 0.4, size * 0.95, sheet.muted, bold=True,
                             max_width=col_width)
            else:
                h = heights[i]
                icon_h = row * item.rows - size * 0.2
                item.icon(p, QRectF(x, y + (h - icon_h) / 2, icon_w, icon_h))
                label_h = typeset.wrapped_height(item.label, size, col_width - icon_w - 3)
                typeset.draw_wrapped(p, item.label, x + icon_w + 3, y + (h - label_h) / 2, size,
                                     col_width - icon_w - 3, sheet.ink)
            y += heights[i]
    return fit.height
