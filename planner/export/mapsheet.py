"""One map sheet: the map in its frame, true to scale, and the panel beside (or below) it.

The map is drawn by ``render.paint_graphics`` with the painter scaled so that
a metre on the ground is exactly 1000 / N millimetres on paper; only what
reaches into the frame is written. The panel carries the north arrow, the
scale bar, the inset (where this sheet sits on the site), the legend and the
title block.

Names and tags keep clear of each other as on the canvas (``render.labels``):
gate names first, then zone names, which step aside off the amenity badges,
then amenity names; the overview's sheet tags take a free corner of their
region, and the safety map's exit and bottleneck tags the nearest free place
by their gate or passage, with a leader line back to it when they went far.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTransform

from planner.export import furniture, typeset
from planner.export.legend import draw_legend
from planner.export.options import PT_PER_MM
from planner.export.plan import Box, MapSheet, pt_per_metre
from planner.export.strings import translate
from planner.export.strings import metres
from planner.export.views import Bottleneck, _tag, paint_safety, zone_veil
from planner.render import painter as paint
from planner.render.geometry import device_scale, model_rect, polygon_path
from planner.render.labels import (
    LabelPlan, RectIndex, crosses, free_spot, needs_leader, place_labels,
)
from planner.render.painter import LayoutGraphics
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


def paint_map(p: QPainter, book: Book, sheet: MapSheet, frame: QRectF) -> MapRoom:
    """Draw the sheet's map in ``frame``; the answer tells where its names and tags went."""
    style = book.style
    p.save()
    p.setClipRect(frame)
    p.fillRect(frame, qcolor(style.outside))
    _map_transform(p, frame, sheet.window, sheet.scale)
    visible = scene_window(sheet.window)
    graphics, plan = arranged(book, sheet.scale, sheet.kind == "overview")
    # Zone names last, over the leader lines of the badges that stepped aside from under them.
    paint.paint_graphics(p, replace(graphics, zone_labels=[]), book.view.render, visible)
    paint_badge_leaders(p, book.graphics.amenities, plan)
    if book.view.render.labels:
        for name in graphics.zone_labels:
            if name.bounds.intersects(visible):
                paint.paint_zone_label(p, name, style)
    if sheet.kind != "overview" and sheet.zone_id is not None:
        zone = book.layout.get(sheet.zone_id)
        zone_veil(p, visible.adjusted(-5, -5, 5, 5), polygon_path(zone.polygon), book.sheet_style.focus_veil_alpha)
    room = MapRoom.of(plan, graphics, visible)
    room.to_page = p.worldTransform()
    if book.view.safety:
        # The bars here, their width tags once the sheet tags have taken their corners.
        paint_safety(p, [], [Bottleneck(b.a, b.b, 0.0) for b in book.bottlenecks], style, 6.5 * book.geometry.k)
    if sheet.kind == "overview":
        _paint_sheet_regions(p, book, room)
    if book.view.safety:
        paint_safety_tags(p, book, room, 6.5 * book.geometry.k)
    p.restore()
    p.save()
    p.setPen(QPen(QColor(book.sheet_style.ink), book.sheet_style.frame_pt))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(frame)
    p.restore()
    return room


def _paint_sheet_regions(p: QPainter, book: Book, room: MapRoom) -> None:
    """On the overview: the ground each detail sheet covers, tagged with its sheet number (at the foot of
    the region, on the left, else the first free corner inside it or just below it, else the free place
    nearest the first)."""
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
        # At the foot of the region first: gate names crowd the top edge of a site.
        h = s * 1.4
        corners = [QRectF(rect.left(), rect.bottom() - h, w, h), QRectF(rect.right() - w, rect.bottom() - h, w, h),
                   QRectF(rect.left(), rect.top(), w, h), QRectF(rect.right() - w, rect.top(), w, h),
                   QRectF(rect.left(), rect.bottom(), w, h), QRectF(rect.right() - w, rect.bottom(), w, h)]
        tag = next((c for c in corners if room.free(c)), None)
        if tag is None:         # no free corner: the free place nearest the first, in or along the region
            tag = free_spot(corners[0], room.free, reach=max(rect.width(), rect.height()) + w,
                            step=(w / 4, h / 2), within=rect.adjusted(-w, -h, w, h)) or corners[0]
        room.take(tag)
        room.placed.append(("sheet", tag))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(qcolor(ss.other_sheet))
        p.drawRect(tag)
        typeset.draw(p, text, tag.left() + s * 0.3, tag.top() + (tag.height() - s * typeset.LINE) / 2, s,
                     "#ffffff", bold=True)


_ARRANGED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def arranged(book: Book, scale: int, overview: bool) -> tuple[LayoutGraphics, LabelPlan]:
    """The view's graphics as a sheet at 1:``scale`` draws them, with where their names went.

    Detail sheets name their zone in the title block, so the zones' big names
    (which the frame would cut) are left off. Names give way as on the canvas
    (``labels.place_labels``): a zone's name steps aside off the amenity badges
    and the gates' names; an amenity's name that would lie over a booth moves
    beside its badge or is left off (the badge stays, the legend names it); a
    gate's name that would run into another's is left off.
    """
    done = _ARRANGED.setdefault(book, {})
    key = (scale, overview)
    if key not in done:
        graphics = book.graphics if overview else replace(book.graphics, zone_labels=[])
        plan = place_labels(RectIndex(b.bounds for b in graphics.booths), graphics.gates, graphics.amenities,
                            book.style, pt_per_metre(scale), graphics.zone_labels, graphics.zones)
        gates = [gate if shown else replace(gate, label=None) for gate, shown in zip(graphics.gates, plan.gates)]
        amenities = [replace(a, label_spot=spot) if spot is not None else replace(a, label=None)
                     for a, spot in zip(graphics.amenities, plan.amenities)]
        amenities = [a if at is None else replace(a, pos=at, bounds=a.bounds.translated(at - a.pos))
                     for a, at in zip(amenities, plan.badge_moves)]
        names = [name if at is None else replace(name, label=replace(name.label, pos=at))
                 for name, at in zip(graphics.zone_labels, plan.zone_labels)]
        done[key] = (replace(graphics, gates=gates, amenities=amenities, zone_labels=names), plan)
    return done[key]


def paint_badge_leaders(p: QPainter, amenities: list, plan: LabelPlan) -> None:
    """A thin line from each amenity that stepped aside (``LabelPlan.badge_moves``) to its badge, and a
    dot where the amenity stands."""
    scale = device_scale(p.worldTransform()) or 1.0
    p.save()
    for amenity, at, badge in zip(amenities, plan.badge_moves, plan.badges):
        if at is None:
            continue
        paint.paint_badge_leader(p, QColor(amenity.colour), amenity.pos, badge, scale, 0.6, 1.1)
    p.restore()


@dataclass
class MapRoom:
    """What a sheet's tags keep off, in scene metres: the plan's names, badges and gates, and the tags
    placed so far (``index``), and the booths (``booths``). ``texts`` are those a leader line may not
    strike through."""

    index: RectIndex
    booths: RectIndex
    texts: list[QRectF]
    window: QRectF
    placed: list[tuple[str, QRectF]] = field(default_factory=list)   # the tags, by kind ("sheet", "safety")
    tags: list[PlacedTag] = field(default_factory=list)              # the safety tags, with their points
    to_page: QTransform = field(default_factory=QTransform)          # scene metres → the page's points

    @classmethod
    def of(cls, plan: LabelPlan, graphics: LayoutGraphics, window: QRectF) -> MapRoom:
        texts = [r for r in plan.rects + plan.zone_rects if r.intersects(window)]
        things = [r for r in plan.badges + plan.gate_lines if r.intersects(window)]
        booths = RectIndex(b.bounds for b in graphics.booths if b.bounds.intersects(window))
        return cls(RectIndex(texts + things), booths, texts, window)

    def free(self, box: QRectF, ignore: QRectF | None = None, booths: bool = False) -> bool:
        """Whether ``box`` lies in the window clear of everything placed (other than ``ignore``) and,
        with ``booths``, of the booths too."""
        return (self.window.contains(box) and not self.index.hits(box, ignore)
                and not (booths and self.booths.hits(box)))

    def take(self, box: QRectF, text: bool = True) -> None:
        self.index.add(box)
        if text:
            self.texts.append(box)


@dataclass(frozen=True)
class PlacedTag:
    """A safety tag as drawn: its text, box and point (scene metres), and its leader line if it moved far."""

    text: str
    box: QRectF
    anchor: QPointF
    leader: QLineF | None


def safety_tags(book: Book, size: float) -> list[tuple[str, QRectF, QPointF, QColor, QRectF | None]]:
    """Each exit's and bottleneck's tag where it belongs (``views.paint_safety``'s places), ``size`` the
    text's height in metres: (text, box, the point it tells of, colour, the gate it may lie on)."""
    style = book.style
    red, green = qcolor(style.bottleneck), qcolor(style.exit_tag)
    tags = []
    for b in book.bottlenecks:
        if b.width_m <= 0:
            continue
        line = QLineF(b.a, b.b)
        normal = line.normalVector().unitVector()
        d = QPointF(normal.dx(), normal.dy()) * (size * 0.9)
        text = metres(b.width_m)
        w, h = typeset.width(text, size, bold=True) + size * 0.8, size * 1.45
        centre = (b.a + b.b) / 2 + d * 2.2
        tags.append((text, QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h), (b.a + b.b) / 2, red, None))
    for mark in book.exit_marks:
        gate = mark.gate
        text = metres(mark.width_m)
        w, h = typeset.width(text, size, bold=True) + size * 0.8, size * 1.45
        along = QLineF(gate.a, gate.b).unitVector()
        t, n = QPointF(along.dx(), along.dy()), gate.inward
        half_along = abs(t.x()) * w / 2 + abs(t.y()) * h / 2
        half_across = abs(n.x()) * w / 2 + abs(n.y()) * h / 2
        centre = gate.b + t * (half_along + size * 0.5) + n * (half_across + size * 0.3)
        tags.append((text, QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h), (gate.a + gate.b) / 2,
                     red if mark.bottleneck else green, gate.bounds))
    return tags


def place_safety_tags(book: Book, room: MapRoom, size: float) -> list[tuple[PlacedTag, QColor]]:
    """Exit and bottleneck tags at the nearest free place (``labels.free_spot``) to where they belong,
    within ten tag heights; a tag that went far gets a leader line back to its point, and one with no
    free place stays where it belongs (a safety figure is never left out)."""
    placed = []
    for text, start, anchor, colour, gate in safety_tags(book, size):
        if not start.intersects(room.window):
            continue
        texts = [r for r in room.texts if not r.contains(anchor)]

        def free(box: QRectF, start: QRectF = start, anchor: QPointF = anchor, gate: QRectF | None = gate,
                 texts: list[QRectF] = texts) -> bool:
            if not room.free(box, gate, booths=True):       # a tag hides no booth's number
                return False
            line = needs_leader(anchor, start, box, size * 0.6)
            return line is None or not any(crosses(line, r) for r in texts)

        box = start if free(start) else (free_spot(start, free, reach=start.height() * 10) or start)
        room.take(box)
        room.placed.append(("safety", box))
        placed.append((PlacedTag(text, box, anchor, needs_leader(anchor, start, box, size * 0.6)), colour))
        room.tags.append(placed[-1][0])
    return placed


def paint_safety_tags(p: QPainter, book: Book, room: MapRoom, tag_pt: float) -> list[PlacedTag]:
    """Draw the safety map's tags where ``place_safety_tags`` put them, ``tag_pt`` their size on paper."""
    size = tag_pt / (device_scale(p.worldTransform()) or 1.0)
    ink = qcolor(book.style.exit_tag_text)
    placed = place_safety_tags(book, room, size)
    p.save()
    for tag, colour in placed:
        if tag.leader is not None:
            p.setPen(QPen(colour, size * 0.12))
            p.drawLine(tag.leader)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawEllipse(tag.anchor, size * 0.22, size * 0.22)
        _tag(p, tag.text, tag.box.center(), size, colour, ink)
    p.restore()
    return [tag for tag, _ in placed]


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
