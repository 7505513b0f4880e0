"""Draw a layout with a QPainter in scene metres (y down): canvas items and exports alike.

Each ``paint_*`` function draws one prepared graphic (``graphics``); the
painter's world transform says how many device pixels a metre is, which
decides what is legible: labels too small to read are left out, hairlines
keep a minimum width, and amenity badges keep a minimum size on screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from planner.model.layout import Layout
from planner.render import graphics as g
from planner.render.geometry import device_scale
from planner.render.labels import amenity_label_at, amenity_size, gate_label_height, nearest_on
from planner.render.style import DEFAULT_STYLE, Style, qcolor
from planner.render.symbols import badge_path, symbol_path
from planner.render.text import draw_label, label_font, text_origin

_NO_PEN = QPen(Qt.PenStyle.NoPen)


@dataclass(frozen=True)
class RenderOptions:
    """How a whole layout is drawn (exports choose; the canvas uses the defaults)."""

    style: Style = field(default_factory=lambda: DEFAULT_STYLE)
    booth_fill: str = "status"   # "status", "zone" or "safety" (see graphics.BOOTH_FILL_MODES)
    labels: bool = True
    amenity_kinds: frozenset[str] | None = None   # the kinds drawn; None draws every kind


def _scale(painter: QPainter) -> float:
    return device_scale(painter.worldTransform()) or 1.0


def _pen(colour: QColor | str, width_m: float, scale: float, min_px: float, max_px: float,
         join: Qt.PenJoinStyle = Qt.PenJoinStyle.RoundJoin) -> QPen:
    """A pen ``width_m`` wide on the ground, held between ``min_px`` and ``max_px`` on the device."""
    width_px = min(max(width_m * scale, min_px), max_px)
    pen = QPen(qcolor(colour) if isinstance(colour, str) else colour, width_px / scale)
    pen.setJoinStyle(join)
    return pen


def _hatch(painter: QPainter, clip: QPainterPath | QRectF, colour: QColor, spacing_m: float,
           scale: float, width_px: float = 1.0) -> None:
    """Diagonal hatching over ``clip``, at least 6 device pixels apart."""
    spacing = max(spacing_m, 6.0 / scale)
    rect = clip.boundingRect() if isinstance(clip, QPainterPath) else clip
    painter.save()
    if isinstance(clip, QPainterPath):
        painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
    else:
        painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
    painter.setPen(QPen(colour, width_px / scale))
    h = rect.height()
    start = math.floor((rect.left() - h) / spacing) * spacing
    lines = []
    x = start
    while x <= rect.right():
        lines.append(QLineF(x, rect.bottom(), x + h, rect.top()))
        x += spacing
    painter.drawLines(lines)
    painter.restore()


def _label(painter: QPainter, label: g.Label, style: Style, *, halo: bool = True,
           min_px: float | None = None, max_px: float | None = None, opacity: float = 1.0) -> bool:
    """Draw a prepared label; ``max_px`` caps its height on the device (it never grows past it)."""
    height = label.height_m
    if max_px is not None:
        height = min(height, max_px / _scale(painter))
    return draw_label(painter, label.text, label.pos, height, label.colour, bold=label.bold,
                      halo=qcolor(style.halo) if halo else None, halo_fraction=style.halo_fraction,
                      min_px=style.min_label_px if min_px is None else min_px, opacity=opacity)


# -- the objects -------------------------------------------------------------------

def paint_site(painter: QPainter, site: g.SiteGraphic, style: Style = DEFAULT_STYLE) -> None:
    """The site: a light land fill inside a firm boundary line."""
    scale = _scale(painter)
    painter.setPen(_pen(style.site.outline, style.site.outline_m, scale, 1.4, style.max_line_px))
    painter.setBrush(qcolor(style.site.fill))
    painter.drawPath(site.path)


def paint_obstacle(painter: QPainter, obstacle: g.ObstacleGraphic, style: Style = DEFAULT_STYLE,
                   labels: bool = True) -> None:
    scale = _scale(painter)
    area = obstacle.area
    painter.setPen(_pen(area.outline, area.outline_m, scale, style.min_line_px * 1.5, style.max_line_px))
    painter.setBrush(qcolor(area.fill))
    painter.drawPath(obstacle.path)
    if area.hatch:
        _hatch(painter, obstacle.path, qcolor(area.hatch), 1.5, scale)
    if labels and obstacle.label is not None:
        _label(painter, obstacle.label, style, halo=obstacle.kind not in ("stage",),
               min_px=style.obstacle_label_min_px, max_px=style.obstacle_label_max_px)


def paint_zone(painter: QPainter, zone: g.ZoneGraphic, style: Style = DEFAULT_STYLE,
               edges: list[QLineF] | None = None) -> None:
    """A themed zone: its colour, translucent, with a firmer outline.

    With ``edges`` (``zone_edges``) the dashed outline is drawn as lines: Qt
    dashes lines on a raster device many times faster than a path, with the same
    look (the canvas redraws every zone on every zoom step). Exports draw the path.
    """
    scale = _scale(painter)
    fill = QColor(zone.colour)
    fill.setAlpha(style.zone_fill_alpha)
    outline = QColor(zone.colour)
    outline.setAlpha(style.zone_outline_alpha)
    pen = _pen(outline, style.zone_outline_m, scale, 1.2, style.max_line_px * 0.8)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen if edges is None else _NO_PEN)
    painter.setBrush(fill)
    painter.drawPath(zone.path)
    if edges is not None:
        painter.setPen(pen)
        painter.drawLines(edges)


def zone_edges(zone: g.ZoneGraphic) -> list[QLineF]:
    """The sides of a zone's rings as lines, for ``paint_zone``'s fast outline."""
    lines = []
    for ring in zone.path.toSubpathPolygons():
        lines.extend(QLineF(ring[i], ring[i + 1]) for i in range(ring.size() - 1))
    return lines


def zone_label_opacity(style: Style, scale: float) -> float:
    """How opaque zone names are at ``scale`` pixels per metre: gone once booth numbers read well."""
    number_px = style.booth_number_m * scale
    start = style.zone_label_fade_px
    return max(0.0, min(1.0, 1.0 - (number_px - start) / start))


def zone_label_height(style: Style, height_m: float, scale: float) -> float:
    """A zone name's height: fitted to its zone, held between a legible and a quiet size on screen."""
    largest = max(height_m, style.zone_label_max_m)
    return min(max(height_m, style.zone_label_min_px / scale), style.zone_label_max_px / scale, largest)


def paint_zone_label(painter: QPainter, label: g.ZoneLabelGraphic, style: Style = DEFAULT_STYLE) -> None:
    """The zone's name (bilingual names whole); it fades out as zooming in reveals booth numbers."""
    scale = _scale(painter)
    text = label.label
    height = zone_label_height(style, text.height_m, scale)
    _label(painter, g.Label(text.text, text.pos, height, text.colour, text.bold), style,
           opacity=zone_label_opacity(style, scale))


def _arrow(tip: QPointF, direction: QPointF, length: float) -> QPolygonF:
    """A filled arrowhead of ``length`` pointing along unit ``direction`` to ``tip``."""
    back = QPointF(tip.x() - direction.x() * length, tip.y() - direction.y() * length)
    side = QPointF(-direction.y() * length * 0.55, direction.x() * length * 0.55)
    return QPolygonF([tip, back + side, back - side])


def paint_gate(painter: QPainter, gate: g.GateGraphic, style: Style = DEFAULT_STYLE,
               labels: bool = True) -> None:
    """A thick coloured segment on the boundary, arrows for the way people pass, and its name."""
    scale = _scale(painter)
    colour = qcolor(gate.style.colour)
    pen = _pen(colour, style.gate_line_m, scale, style.gate_line_min_px, style.gate_line_max_px)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.drawLine(gate.a, gate.b)
    length = QLineF(gate.a, gate.b).length()
    size = max(min(length * 0.3, 3.0), 1.0)
    if size * scale >= 5.0:
        mid = (gate.a + gate.b) / 2
        n = gate.inward
        near = mid + n * (pen.widthF() * 0.5 + size * 0.25)
        far = near + n * (size * 2.4)
        painter.setPen(_NO_PEN)
        painter.setBrush(colour)
        shaft = QPen(colour, size * 0.28)
        shaft.setCapStyle(Qt.PenCapStyle.FlatCap)
        heads = []
        if gate.style.arrows in ("in", "both"):
            heads.append(_arrow(far, n, size * 0.8))
        if gate.style.arrows in ("out", "both"):
            heads.append(_arrow(near, -n, size * 0.8))
        start = near + n * (size * 0.8) if gate.style.arrows in ("out", "both") else near
        end = far - n * (size * 0.8) if gate.style.arrows in ("in", "both") else far
        painter.setPen(shaft)
        painter.drawLine(start, end)
        painter.setPen(_NO_PEN)
        for head in heads:
            painter.drawPolygon(head)
    if labels and gate.label is not None:
        h = gate_label_height(style, scale)
        label = gate.label
        lines = g.gate_label_lines(gate)
        centre = g.gate_label_pos(gate, h, style)
        step = h * g.GATE_LABEL_LEADING
        for i, line in enumerate(lines):
            at = QPointF(centre.x(), centre.y() + (i - (len(lines) - 1) / 2) * step)
            _label(painter, g.Label(line, at, h, label.colour, label.bold), style)


def _flame(centre: QPointF, size: float) -> QPainterPath:
    """A small flame: the booth cooks with open flame or gas."""
    x, y, s = centre.x(), centre.y(), size / 2
    path = QPainterPath(QPointF(x, y - s))
    path.cubicTo(QPointF(x + s * 0.2, y - s * 0.4), QPointF(x + s * 0.8, y - s * 0.1),
                 QPointF(x + s * 0.7, y + s * 0.35))
    path.cubicTo(QPointF(x + s * 0.6, y + s * 0.85), QPointF(x - s * 0.6, y + s * 0.85),
                 QPointF(x - s * 0.7, y + s * 0.35))
    path.cubicTo(QPointF(x - s * 0.8, y - s * 0.05), QPointF(x - s * 0.3, y - s * 0.2),
                 QPointF(x, y - s))
    return path



class _Kit:
    """Colours, brushes and pens of one style, made once: booths are drawn thousands of times a frame.

    Pens whose width depends on the zoom are kept for the last zoom they were asked for.
    """

    def __init__(self, style: Style) -> None:
        self.style = style
        self.booth_number = qcolor(style.booth_number)
        self.booth_exhibitor = qcolor(style.booth_exhibitor)
        self.booth_cooking = QBrush(qcolor(style.booth_cooking))
        self.booth_blocked_hatch = qcolor(style.booth_blocked_hatch)
        self.open_front = QBrush(qcolor(style.booth_open_side))
        self.open_side = QBrush(qcolor(style.booth_open_side, 110))
        self._outline_scale = -1.0
        self._outline = QPen()

    def booth_outline(self, scale: float) -> QPen:
        if scale != self._outline_scale:
            style = self.style
            self._outline = _pen(style.booth_outline, style.booth_outline_m, scale, style.min_line_px,
                                 style.max_line_px * 0.6, Qt.PenJoinStyle.MiterJoin)
            self._outline_scale = scale
        return self._outline


_KITS: dict[int, tuple[Style, _Kit]] = {}


def _kit(style: Style) -> _Kit:
    found = _KITS.get(id(style))
    if found is None or found[0] is not style:
        if len(_KITS) > 32:
            _KITS.clear()
        found = _KITS[id(style)] = (style, _Kit(style))
    return found[1]


@lru_cache(maxsize=64)
def _flame_at(size: float) -> QPainterPath:
    return _flame(QPointF(0.0, 0.0), size)


def _booth_text(painter: QPainter, base: QTransform, frame: QTransform, text: str, colour: QColor,
                bold: bool) -> None:
    """A booth's number or exhibitor, as text.draw_label draws it (no halo, never too small)."""
    painter.setWorldTransform(frame * base)
    painter.setFont(label_font(bold))
    painter.setPen(colour)
    painter.drawText(text_origin(text, bold), text)


def paint_booth(painter: QPainter, booth: g.BoothGraphic, style: Style = DEFAULT_STYLE,
                labels: bool = True) -> None:
    """A booth: its fill, the open sides marked (the front darkest), a flame if it cooks, its number."""
    if booth.rect is None:   # a graphic made by hand, without its prepared drawing
        booth = g.prepared_booth(booth, style)
    kit = _kit(style)
    base = painter.worldTransform()
    scale = device_scale(base) or 1.0
    painter.save()
    painter.setWorldTransform(booth.frame * base)
    painter.setPen(kit.booth_outline(scale))
    painter.setBrush(booth.fill)
    painter.drawRect(booth.rect)
    paint_booth_hatch(painter, booth, style, base, scale)
    strip = booth.strip_m
    if booth.strips and strip * scale >= 0.5:
        painter.setWorldTransform(booth.frame * base)
        painter.setPen(_NO_PEN)
        for rect, front in booth.strips:
            painter.setBrush(kit.open_front if front else kit.open_side)
            painter.drawRect(rect)
    paint_booth_flame(painter, booth, style, base, scale)
    if labels:
        paint_booth_text(painter, booth, style, base, scale)
    painter.restore()


# The parts of a booth's drawing after its fill, outline and open sides, for painters
# that draw many booths at once (the canvas draws the fills of a whole block as one path).
# Each leaves the painter's world transform changed: the caller restores ``base``.

def booth_outline_pen(style: Style, scale: float) -> QPen:
    """The outline ``paint_booth`` draws at ``scale`` device pixels per metre."""
    return _kit(style).booth_outline(scale)


def booth_strip_brushes(style: Style) -> tuple[QBrush, QBrush]:
    """The brushes of the strips marking open sides: the front's, and the other sides'."""
    kit = _kit(style)
    return kit.open_front, kit.open_side


def paint_booth_hatch(painter: QPainter, booth: g.BoothGraphic, style: Style, base: QTransform,
                      scale: float) -> None:
    """The hatching of a blocked booth, once it is large enough to show."""
    if booth.blocked and scale * min(booth.width, booth.depth) > 12:
        painter.setWorldTransform(booth.frame * base)
        _hatch(painter, booth.rect, _kit(style).booth_blocked_hatch, 0.5, scale)


def paint_booth_flame(painter: QPainter, booth: g.BoothGraphic, style: Style, base: QTransform,
                      scale: float) -> None:
    """The flame of a booth that cooks, once it is large enough to show."""
    if not booth.cooking:
        return
    w, d = booth.width, booth.depth
    size = min(0.9, 0.3 * min(w, d))
    if size * scale >= 3.0:
        # In the back-right corner, but upright on the page, whichever way the booth faces.
        inset = size * 0.5 + booth.strip_m + 0.08
        corner = booth.frame.map(QPointF(w / 2 - inset, -d / 2 + inset))
        painter.setWorldTransform(base)
        painter.translate(corner)
        painter.rotate(booth.text_angle)
        painter.setPen(_NO_PEN)
        painter.setBrush(_kit(style).booth_cooking)
        painter.drawPath(_flame_at(size))


def paint_booth_text(painter: QPainter, booth: g.BoothGraphic, style: Style, base: QTransform,
                     scale: float) -> None:
    """A booth's number, and its exhibitor under it, when they are legible at ``scale``."""
    if booth.number and booth.number_m * scale >= style.booth_number_min_px:
        kit = _kit(style)
        show_exhibitor = bool(booth.exhibitor) and booth.exhibitor_m * scale >= style.min_label_px * 1.5
        if show_exhibitor:
            _booth_text(painter, base, booth.number_above, booth.number, kit.booth_number, True)
            _booth_text(painter, base, booth.exhibitor_at, booth.exhibitor, kit.booth_exhibitor, False)
        else:
            _booth_text(painter, base, booth.number_at, booth.number, kit.booth_number, True)


def booth_detail_from(booth: g.BoothGraphic, style: Style, labels: bool = True) -> float:
    """The zoom (pixels per metre) from which ``paint_booth`` draws more than fill, outline and sides.

    Below it a booth can be drawn as its polygon alone; the thresholds are
    those of the parts above.
    """
    scales = []
    if labels and booth.number and booth.number_m > 0:
        scales.append(style.booth_number_min_px / booth.number_m)
    small = min(booth.width, booth.depth)
    if booth.cooking:
        scales.append(3.0 / min(0.9, 0.3 * small))
    if booth.blocked:
        scales.append(12.0 / small)
    return min(scales) if scales else math.inf


def paint_badge_leader(p: QPainter, colour: QColor, pos: QPointF, badge: QRectF, scale: float,
                       line_px: float, dot_px: float) -> None:
    """A badge that stepped aside: a thin line from where the amenity stands to the badge, and a dot
    there (``line_px``, ``dot_px``: the line's width and the dot's radius in device units)."""
    p.setPen(QPen(colour, line_px / scale))
    p.drawLine(QLineF(pos, nearest_on(badge, pos)))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(pos, dot_px / scale, dot_px / scale)


def paint_amenity(painter: QPainter, amenity: g.AmenityGraphic, style: Style = DEFAULT_STYLE,
                  labels: bool = True, spot: int | None = None) -> None:
    """A badge with a white symbol (cross, WC, i, extinguisher …) and its name.

    The name goes in ``spot`` (``labels.amenity_label_at``), by default the
    graphic's own: below the badge, unless ``labels.place_labels`` moved it off a booth.
    """
    scale = _scale(painter)
    r = amenity_size(style, scale) / 2
    painter.save()
    painter.translate(amenity.pos)
    painter.scale(r, r)
    badge = badge_path(amenity.kind)
    painter.setPen(QPen(QColor("#ffffff"), 0.16))
    painter.setBrush(amenity.colour)
    painter.drawPath(badge)
    painter.setPen(_NO_PEN)
    painter.setBrush(QColor("#ffffff"))
    painter.drawPath(symbol_path(amenity.kind))
    painter.restore()
    if labels:
        label = amenity_label_at(amenity, style, scale, amenity.label_spot if spot is None else spot)
        if label is not None:
            _label(painter, label, style, min_px=style.amenity_label_min_px)


# -- the whole layout ----------------------------------------------------------------

@dataclass
class LayoutGraphics:
    """Every graphic of a layout, in drawing order."""

    site: g.SiteGraphic
    zones: list[g.ZoneGraphic]
    obstacles: list[g.ObstacleGraphic]
    booths: list[g.BoothGraphic]
    gates: list[g.GateGraphic]
    amenities: list[g.AmenityGraphic]
    zone_labels: list[g.ZoneLabelGraphic]


def layout_graphics(layout: Layout, options: RenderOptions | None = None) -> LayoutGraphics:
    options = options or RenderOptions()
    style = options.style
    zone_of = layout.zone_of_booths() if options.booth_fill == "zone" else {}
    kinds = options.amenity_kinds
    zones = {z.id: z for z in layout.zones}
    site_shape = layout.site.shape()
    labels = [g.zone_label_graphic(z, style) for z in layout.zones]
    return LayoutGraphics(
        site=g.site_graphic(layout.site),
        zones=[g.zone_graphic(z) for z in layout.zones],
        obstacles=[g.obstacle_graphic(o, style) for o in layout.obstacles],
        booths=[g.booth_graphic(b, style, g.booth_fill(b, style, options.booth_fill,
                                                       zones.get(zone_of.get(b.id) or "")))
                for b in layout.booths],
        gates=[g.gate_graphic(gate, style, site_shape) for gate in layout.gates],
        amenities=[g.amenity_graphic(a, style) for a in layout.amenities if kinds is None or a.kind in kinds],
        zone_labels=[lab for lab in labels if lab is not None],
    )


def paint_layout(painter: QPainter, layout: Layout, options: RenderOptions | None = None) -> None:
    """Draw the whole layout in scene metres: set the painter's transform to place it on the page."""
    options = options or RenderOptions()
    paint_graphics(painter, layout_graphics(layout, options), options)


def paint_graphics(painter: QPainter, parts: LayoutGraphics, options: RenderOptions | None = None,
                   visible: QRectF | None = None) -> None:
    """Draw prepared graphics; with ``visible`` (scene metres), only those that reach into it.

    Exports prepare the graphics once and draw them on many sheets, each
    showing a part of the site: what lies outside a sheet is not written at all.
    """
    options = options or RenderOptions()
    style = options.style

    def shown(items: list) -> list:
        return items if visible is None else [i for i in items if i.bounds.intersects(visible)]

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    paint_site(painter, parts.site, style)
    for zone in shown(parts.zones):
        paint_zone(painter, zone, style)
    for obstacle in shown(parts.obstacles):
        paint_obstacle(painter, obstacle, style, options.labels)
    for booth in shown(parts.booths):
        paint_booth(painter, booth, style, options.labels)
    for gate in shown(parts.gates):
        paint_gate(painter, gate, style, options.labels)
    for amenity in shown(parts.amenities):
        paint_amenity(painter, amenity, style, options.labels)
    if options.labels:
        for label in shown(parts.zone_labels):
            paint_zone_label(painter, label, style)
    painter.restore()


def layout_bounds(layout: Layout) -> QRectF:
    """The scene rectangle a drawing of the whole layout covers."""
    parts = layout_graphics(layout)
    rect = parts.site.bounds
    for group in (parts.zones, parts.obstacles, parts.booths, parts.gates, parts.amenities):
        for item in group:
            rect = rect.united(item.bounds)
    return rect


__all__ = [
    "RenderOptions", "LayoutGraphics", "layout_graphics", "paint_layout", "paint_graphics", "layout_bounds",
    "paint_site", "paint_obstacle", "paint_zone", "paint_zone_label", "paint_gate",
    "paint_booth", "paint_amenity", "amenity_size", "zone_label_opacity", "gate_label_height",
    "zone_edges", "booth_outline_pen", "booth_strip_brushes", "paint_booth_hatch", "paint_booth_flame",
    "paint_booth_text", "booth_detail_from",
]
