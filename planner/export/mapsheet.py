"""One map sheet: the map in its frame, true to scale, and the panel beside (or below) it.

The map is drawn by ``render.paint_graphics`` with the painter scaled so that
a metre on the ground is exactly 1000 / N millimetres on paper; only what
reaches into the frame is written. The panel carries the north arrow, the
scale bar, the inset (where this sheet sits on the site), the legend and the
title block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from planner.export import furniture, typeset
from planner.export.legend import draw_legend
from planner.export.options import PT_PER_MM
from planner.export.plan import Box, MapSheet, pt_per_metre
from planner.export.strings import translate
from planner.export.views import paint_safety, zone_veil
from planner.render import painter as paint
from planner.render.geometry import model_rect, polygon_path
from planner.render.style import qcolor

if TYPE_CHECKING:
    from planner.export.book import Book


def pt_rect(rect: tuple[float, float, float, float]) -> QRectF:
    """A rectangle in millimetres on paper as points."""
    x, y, w, h = rect
    return QRectF(x * PT_PER_MM, y * PT_PER_MM, w * PT_PER_MM, h * PT_PER_MM)


def scene_window(box: Box) -> QRectF:
    return model_rect(*box)


def _map_transform(p: QPainter, frame: QRectF, window: Box, scale: int) -> None:
    """Scene metres → page points: the window's north-west corner on the frame's top-left."""
    k = pt_per_metre(scale)
    p.translate(frame.topLeft())
    p.scale(k, k)
    p.translate(-window[0], window[3])


def paint_map(p: QPainter, book: Book, sheet: MapSheet, frame: QRectF) -> None:
    style = book.style
    p.save()
    p.setClipRect(frame)
    p.fillRect(frame, qcolor(style.outside))
    _map_transform(p, frame, sheet.window, sheet.scale)
    visible = scene_window(sheet.window)
    graphics = book.graphics_at(sheet.scale, sheet.kind == "overview")
    paint.paint_graphics(p, graphics, book.view.render, visible)
    if sheet.kind != "overview" and sheet.zone_id is not None:
        zone = book.layout.get(sheet.zone_id)
        zone_veil(p, visible.adjusted(-5, -5, 5, 5), polygon_path(zone.polygon), book.sheet_style.focus_veil_alpha)
    if book.view.safety:
        paint_safety(p, book.exit_marks, book.bottlenecks, style, 6.5 * book.geometry.k)
    if sheet.kind == "overview":
        _paint_sheet_regions(p, book)
    p.restore()
    p.save()
    p.setPen(QPen(QColor(book.sheet_style.ink), book.sheet_style.frame_pt))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(frame)
    p.restore()


def _paint_sheet_regions(p: QPainter, book: Book) -> None:
    """On the overview: the ground each detail sheet covers, tagged with its sheet number."""
    scale = paint._scale(p)
    s = 6.5 * book.geometry.k / scale
    ss = book.sheet_style
    for index, sheet in enumerate(book.plan.sheets):
        if sheet.kind == "overview" or sheet.region is None:
            continue
        rect = scene_window(sheet.region)
        pen = QPen(qcolor(ss.other_sheet), 0.7 / scale, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)
        text = translate("Export", "Sheet {n}").format(n=book.page_of_sheet(index))
        w = typeset.width(text, s, bold=True) + s * 0.6
        # At the foot of the region: gate names crowd the top edge of a site.
        tag = QRectF(rect.left(), rect.bottom() - s * 1.4, w, s * 1.4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(qcolor(ss.other_sheet))
        p.drawRect(tag)
        typeset.draw(p, text, tag.left() + s * 0.3, tag.top() + (tag.height() - s * typeset.LINE) / 2, s,
                     "#ffffff", bold=True)


def paint_inset(p: QPainter, book: Book, index: int, rect: QRectF) -> None:
    """The whole site, small, with this sheet's window in red and its sibling tiles in grey."""
    box = book.content
    bw, bh = box[2] - box[0], box[3] - box[1]
    k = min(rect.width() / bw, rect.height() / bh)
    inner = QRectF(0, 0, bw * k, bh * k)
    inner.moveCenter(rect.center())
    ss, style = book.sheet_style, book.style
    parts = book.graphics
    p.save()
    p.setClipRect(inner)
    p.fillRect(inner, qcolor(style.outside))
    p.translate(inner.topLeft())
    p.scale(k, k)
    p.translate(-box[0], box[3])
    paint.paint_site(p, parts.site, style)
    for zone in parts.zones:
        paint.paint_zone(p, zone, style)
    for obstacle in parts.obstacles:
        if obstacle.kind in ("water", "building", "stage"):
            paint.paint_obstacle(p, obstacle, style, labels=False)
    sheet = book.plan.sheets[index]
    for other in sheet.group:
        if other != index and book.plan.sheets[other].region is not None:
            p.setPen(QPen(qcolor(ss.other_sheet), 0.5 / k))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(scene_window(book.plan.sheets[other].region))
    accent = qcolor(ss.accent)
    fill = QColor(accent)
    fill.setAlpha(50)
    p.setPen(QPen(accent, 1.3 / k))
    p.setBrush(fill)
    p.drawRect(scene_window(sheet.window).intersected(scene_window(box)))
    p.restore()
    p.save()
    p.setPen(QPen(QColor(ss.rule), 0.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(inner)
    p.restore()


def paint_tile_marks(p: QPainter, book: Book, sheet: MapSheet, frame: QRectF) -> None:
    """Trim lines, crop marks and "continues on sheet n" for a tile."""
    if sheet.own is None:
        return
    k = pt_per_metre(sheet.scale)
    x0, y1 = sheet.window[0], sheet.window[3]
    xs = [frame.left() + (x - x0) * k for x in (sheet.own[0], sheet.own[2])]
    ys = [frame.top() + (y1 - y) * k for y in (sheet.own[3], sheet.own[1])]
    inner_x = [x for x in xs if frame.left() + 0.5 < x < frame.right() - 0.5]
    inner_y = [y for y in ys if frame.top() + 0.5 < y < frame.bottom() - 0.5]
    furniture.draw_trim_lines(p, frame, inner_x, inner_y, book.sheet_style)
    furniture.draw_crop_marks(p, frame, xs, ys, book.sheet_style)
    for side, other in sheet.neighbours.items():
        text = translate("Export", "continues on sheet {n}").format(n=book.page_of_sheet(other))
        furniture.draw_neighbour(p, frame, side, text, book.geometry.k, book.sheet_style)


def paint_panel(p: QPainter, book: Book, index: int) -> None:
    geometry, ss = book.geometry, book.sheet_style
    sheet = book.plan.sheets[index]
    panel = pt_rect(geometry.panel)
    k = geometry.k
    block = book.title_block(index)
    legend_base = 7.0 * k
    gap = 4.0 * PT_PER_MM * k
    rotation = book.layout.georef.rotation_deg if book.layout.georef is not None else 0.0
    arrow = 15.0 * PT_PER_MM * k
    inset_wanted = sheet.kind != "overview"
    if geometry.landscape:
        block_h = furniture.title_block_height(block, panel.width(), k)
        block_rect = QRectF(panel.left(), panel.bottom() - block_h, panel.width(), block_h)
        furniture.draw_title_block(p, block, block_rect, k, ss)
        top = panel.top()
        furniture.draw_north_arrow(p, QPointF(panel.left() + arrow / 2, top + arrow * 0.62), arrow, rotation, ss)
        bar_h = furniture.draw_scale_bar(p, QPointF(panel.left() + arrow + gap, top + arrow * 0.18),
                                         panel.width() - arrow - gap * 1.5, sheet.scale, k, ss)
        top += max(arrow * 1.15, bar_h) + gap
        if inset_wanted:
            box = book.content
            h = min(panel.width() * (box[3] - box[1]) / (box[2] - box[0]), 38.0 * PT_PER_MM * k)
            paint_inset(p, book, index, QRectF(panel.left(), top, panel.width(), h))
            top += h + gap
        legend_rect = QRectF(panel.left(), top, panel.width(), block_rect.top() - gap - top)
        draw_legend(p, book.legend, legend_rect, legend_base, ss, max_columns=2)
    else:
        block_w = panel.width() * 0.33
        block_rect = QRectF(panel.right() - block_w, panel.top(), block_w, panel.height())
        block_h = furniture.title_block_height(block, block_w, k)
        block_rect.setTop(panel.bottom() - block_h)
        furniture.draw_title_block(p, block, block_rect, k, ss)
        mid_w = panel.width() * 0.21
        mid = QRectF(block_rect.left() - gap - mid_w, panel.top(), mid_w, panel.height())
        furniture.draw_north_arrow(p, QPointF(mid.left() + arrow / 2, mid.top() + arrow * 0.62), arrow, rotation, ss)
        bar_h = furniture.draw_scale_bar(p, QPointF(mid.left() + arrow + gap, mid.top() + arrow * 0.18),
                                         mid.width() - arrow - gap, sheet.scale, k, ss)
        top = mid.top() + max(arrow * 1.15, bar_h) + gap
        if inset_wanted:
            paint_inset(p, book, index, QRectF(mid.left(), top, mid.width(), mid.bottom() - top))
        legend_rect = QRectF(panel.left(), panel.top(), mid.left() - gap - panel.left(), panel.height())
        draw_legend(p, book.legend, legend_rect, legend_base, ss, max_columns=3)


def paint_map_page(p: QPainter, book: Book, index: int) -> None:
    sheet = book.plan.sheets[index]
    frame = pt_rect(sheet.frame)
    paint_map(p, book, sheet, frame)
    paint_tile_marks(p, book, sheet, frame)
    paint_panel(p, book, index)
