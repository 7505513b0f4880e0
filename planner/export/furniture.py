"""What every map sheet carries besides the map: title block, scale bar, north arrow, inset, crop marks.

Everything here draws in points on the page (y down).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from planner.export import typeset
from planner.export.options import PT_PER_MM, format_scale
from planner.export.strings import translate
from planner.render.style import SheetStyle


@dataclass
class TitleBlock:
    event: str
    venue: str
    dates: str
    organiser: str
    sheet_title: str
    view: str
    scale: str            # "1:500 on A3", or "" for sheets without a map
    revision: str
    printed: str
    sheet: str            # "3 of 14"
    note: str             # how to print it


def _pen(colour: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def title_block_height(block: TitleBlock, width: float, k: float) -> float:
    s = 7.0 * k
    pad = 4.0 * k
    inner = width - 2 * pad
    h = pad + typeset.wrapped_height(block.event, 12.0 * k, inner, bold=True)
    h += typeset.wrapped_height(" · ".join(x for x in (block.venue, block.dates) if x), s, inner)
    if block.organiser:
        h += typeset.wrapped_height(block.organiser, s, inner)
    h += pad * 0.8
    h += typeset.wrapped_height(block.sheet_title, 9.0 * k, inner, bold=True) + s * typeset.LINE
    h += 3 * (s * 0.8 * typeset.LINE + s * typeset.LINE) + pad * 0.6
    h += typeset.wrapped_height(block.note, s * 0.85, inner) + pad
    return h


def draw_title_block(p: QPainter, block: TitleBlock, rect: QRectF, k: float, sheet: SheetStyle) -> None:
    """The block at the bottom of the panel: event, place and dates, this sheet, scale, revision, dates."""
    s = 7.0 * k
    pad = 4.0 * k
    x, inner = rect.left() + pad, rect.width() - 2 * pad
    p.save()
    p.setPen(_pen(sheet.ink, sheet.rule_pt * 1.6))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect)
    y = rect.top() + pad
    y += typeset.draw_wrapped(p, block.event, x, y, 12.0 * k, inner, sheet.ink, bold=True)
    place = " · ".join(v for v in (block.venue, block.dates) if v)
    y += typeset.draw_wrapped(p, place, x, y, s, inner, sheet.ink)
    if block.organiser:
        y += typeset.draw_wrapped(p, block.organiser, x, y, s, inner, sheet.muted)
    y += pad * 0.4
    p.setPen(_pen(sheet.rule, sheet.rule_pt))
    p.drawLine(QLineF(rect.left(), y, rect.right(), y))
    y += pad * 0.4
    y += typeset.draw_wrapped(p, block.sheet_title, x, y, 9.0 * k, inner, sheet.ink, bold=True)
    typeset.draw(p, block.view, x, y, s, sheet.muted, max_width=inner)
    y += s * typeset.LINE
    cells = [(translate("Export", "Scale"), block.scale or "–"), (translate("Export", "Sheet"), block.sheet),
             (translate("Export", "Revision"), block.revision or "–"),
             (translate("Export", "Printed"), block.printed)]
    cell_h = s * 0.8 * typeset.LINE + s * typeset.LINE
    grid_top = y + pad * 0.3
    p.setPen(_pen(sheet.rule, sheet.rule_pt))
    p.drawLine(QLineF(rect.left(), grid_top, rect.right(), grid_top))
    rows = [cells[:1], cells[1:3], cells[3:]]
    for r, row in enumerate(rows):
        top = grid_top + r * cell_h
        if r:
            p.setPen(_pen(sheet.rule, sheet.rule_pt))
            p.drawLine(QLineF(rect.left(), top, rect.right(), top))
        w = rect.width() / len(row)
        for c, (name, value) in enumerate(row):
            left = rect.left() + c * w
            if c:
                p.setPen(_pen(sheet.rule, sheet.rule_pt))
                p.drawLine(QLineF(left, top, left, top + cell_h))
            typeset.draw(p, name, left + pad * 0.6, top + 1.0, s * 0.8, sheet.muted, max_width=w - pad)
            typeset.draw(p, value, left + pad * 0.6, top + 1.0 + s * 0.8 * typeset.LINE, s, sheet.ink, bold=True,
                         max_width=w - pad)
    y = grid_top + 3 * cell_h
    p.setPen(_pen(sheet.rule, sheet.rule_pt))
    p.drawLine(QLineF(rect.left(), y, rect.right(), y))
    y += pad * 0.3
    typeset.draw_wrapped(p, block.note, x, y, s * 0.85, inner, sheet.muted)
    p.restore()


def _nice_length(max_m: float) -> float:
    """The longest of 1, 2, 5 × 10^k metres not over ``max_m``."""
    if max_m <= 0:
        return 1.0
    k = 10 ** math.floor(math.log10(max_m))
    for step in (5, 2, 1):
        if step * k <= max_m:
            return step * k
    return k


def draw_scale_bar(p: QPainter, origin: QPointF, max_width: float, scale: int, k: float,
                   sheet: SheetStyle) -> float:
    """A bar of alternating segments, true at ``scale``; returns the height used."""
    pt_per_m = PT_PER_MM * 1000.0 / scale
    length = _nice_length(max_width / pt_per_m)
    width = length * pt_per_m
    parts = 4 if length / 4 == int(length / 4) or length >= 4 else 2
    h = 3.2 * k
    s = 6.5 * k
    x0, y0 = origin.x(), origin.y() + s * typeset.LINE
    p.save()
    p.setPen(_pen(sheet.ink, 0.5))
    for i in range(parts):
        p.setBrush(QColor(sheet.ink) if i % 2 == 0 else QColor("#ffffff"))
        p.drawRect(QRectF(x0 + i * width / parts, y0, width / parts, h))
    for i in (0, parts // 2, parts):
        value = length * i / parts
        text = f"{value:g}"
        if i == parts:
            text = translate("Export", "{value} m").format(value=text)
        typeset.draw(p, text, x0 + i * width / parts, origin.y(), s, sheet.ink,
                     align="left" if i == 0 else "centre" if i < parts else "right")
    typeset.draw(p, format_scale(scale), x0, y0 + h + 1.5, s, sheet.muted)
    p.restore()
    return s * typeset.LINE + h + 1.5 + s * typeset.LINE


def draw_north_arrow(p: QPainter, centre: QPointF, size: float, rotation_deg: float, sheet: SheetStyle) -> None:
    """An arrow to true north: the model's +y turned back by ``georef.rotation_deg`` (SPEC §2).

    ``rotation_deg`` is how far the local +y axis (up on the sheet) is turned
    clockwise from north, so north lies that far counter-clockwise from up; on
    a y-down page that is a negative Qt rotation.
    """
    p.save()
    p.translate(centre)
    p.rotate(-rotation_deg)
    h = size / 2
    left = QPolygonF([QPointF(0, -h * 0.72), QPointF(-h * 0.32, h * 0.5), QPointF(0, h * 0.28)])
    right = QPolygonF([QPointF(0, -h * 0.72), QPointF(h * 0.32, h * 0.5), QPointF(0, h * 0.28)])
    p.setPen(_pen(sheet.ink, 0.6))
    p.setBrush(QColor(sheet.ink))
    p.drawPolygon(left)
    p.setBrush(QColor("#ffffff"))
    p.drawPolygon(right)
    north = translate("Export", "N")
    typeset.draw(p, north, 0.0, -h * 1.08 - size * 0.2, size * 0.28, sheet.ink, bold=True, align="centre")
    p.restore()


def draw_crop_marks(p: QPainter, frame: QRectF, xs: list[float], ys: list[float], sheet: SheetStyle) -> None:
    """Trim marks in the margin, in line with the tile's own edges (where neighbours overlap it)."""
    length, gap = sheet.crop_mark_mm * PT_PER_MM, 1.5 * PT_PER_MM
    p.save()
    p.setPen(_pen(sheet.ink, sheet.crop_mark_pt))
    for x in xs:
        p.drawLine(QLineF(x, frame.top() - gap, x, frame.top() - gap - length))
        p.drawLine(QLineF(x, frame.bottom() + gap, x, frame.bottom() + gap + length))
    for y in ys:
        p.drawLine(QLineF(frame.left() - gap, y, frame.left() - gap - length, y))
        p.drawLine(QLineF(frame.right() + gap, y, frame.right() + gap + length, y))
    p.restore()


def draw_trim_lines(p: QPainter, frame: QRectF, xs: list[float], ys: list[float], sheet: SheetStyle) -> None:
    """The trim lines across the map, faint and dashed, to lay neighbouring tiles on."""
    p.save()
    pen = QPen(QColor(sheet.muted), 0.4, Qt.PenStyle.DashLine)
    p.setPen(pen)
    for x in xs:
        p.drawLine(QLineF(x, frame.top(), x, frame.bottom()))
    for y in ys:
        p.drawLine(QLineF(frame.left(), y, frame.right(), y))
    p.restore()


def draw_neighbour(p: QPainter, frame: QRectF, side: str, text: str, k: float, sheet: SheetStyle) -> None:
    """"Continues on sheet 5", outside the frame's edge, with a small arrow pointing there."""
    s = 6.5 * k
    off = 3.2 * PT_PER_MM
    centres = {
        "up": (QPointF(frame.center().x(), frame.top() - off), 0.0),
        "down": (QPointF(frame.center().x(), frame.bottom() + off), 0.0),
        "left": (QPointF(frame.left() - off, frame.center().y()), -90.0),
        "right": (QPointF(frame.right() + off, frame.center().y()), 90.0),
    }
    centre, angle = centres[side]
    p.save()
    p.translate(centre)
    p.rotate(angle)
    w = typeset.width(text, s, bold=True)
    typeset.draw(p, text, 0.0, -s * typeset.LINE / 2, s, sheet.ink, bold=True, align="centre")
    # Outward is local -y on every side but the bottom (the sides are turned a quarter each way).
    a = s * 0.45
    tip = a if side == "down" else -a
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(sheet.ink))
    for dx in (-w / 2 - s, w / 2 + s):
        p.drawPolygon(QPolygonF([QPointF(dx, tip), QPointF(dx - a, -tip * 0.6), QPointF(dx + a, -tip * 0.6)]))
    p.restore()
