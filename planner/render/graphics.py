"""What to draw for each layout object, worked out once per change.

A graphic holds an object's scene geometry, colours and label placement, so
drawing (``painter``) does no geometry and no decisions: the canvas keeps one
graphic per item and rebuilds it when the model announces a change; exports
build them all once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainterPath, QPolygonF, QTransform
from shapely.ops import polylabel

from planner.model.geometry import to_shapely
from planner.model.layout import Amenity, Booth, Gate, Obstacle, Site, Zone
from planner.render.geometry import (
    booth_polygon, local_frame, polygon_path, qt_rotation, scene_direction, scene_point,
    upright_angle,
)
from planner.render.style import AreaStyle, GateStyle, Style, qcolor
from planner.render.text import FONT_PX, elide, fit_height, label_rect, text_width

BOOTH_FILL_MODES = ("status", "zone", "safety")


@dataclass(frozen=True)
class Label:
    text: str
    pos: QPointF          # scene point the text is centred on
    height_m: float
    colour: QColor
    bold: bool = False


@dataclass(frozen=True)
class SiteGraphic:
    path: QPainterPath
    bounds: QRectF


@dataclass(frozen=True)
class ObstacleGraphic:
    kind: str
    path: QPainterPath
    area: AreaStyle
    label: Label | None
    bounds: QRectF


@dataclass(frozen=True)
class ZoneGraphic:
    path: QPainterPath
    colour: QColor
    bounds: QRectF


@dataclass(frozen=True)
class ZoneLabelGraphic:
    label: Label
    bounds: QRectF


@dataclass(frozen=True)
class GateGraphic:
    a: QPointF
    b: QPointF
    inward: QPointF       # unit scene vector pointing into the site
    style: GateStyle
    label: Label | None
    bounds: QRectF


@dataclass(frozen=True)
class BoothGraphic:
    frame: QTransform     # booth-centred frame; local +y is the front
    width: float
    depth: float
    polygon: QPolygonF    # scene corners
    fill: QColor
    blocked: bool
    open_sides: tuple[str, ...]
    cooking: bool
    text_angle: float     # Qt degrees, relative to the scene
    number: str
    number_m: float
    exhibitor: str
    exhibitor_m: float
    bounds: QRectF
    # Worked out once here so that drawing thousands of booths does no arithmetic (see painter.paint_booth):
    rect: QRectF | None = None                      # the booth in its local frame
    strip_m: float = 0.0                            # width of the strips marking open sides
    strips: tuple[tuple[QRectF, bool], ...] = ()    # (local rectangle, is the front), in drawing order
    number_at: QTransform | None = None             # number alone: scene frame of its FONT_PX text
    number_above: QTransform | None = None          # number over the exhibitor's name
    exhibitor_at: QTransform | None = None          # the exhibitor's name under the number


def _text_frame(centre: QPointF, angle: float, dy: float, height_m: float) -> QTransform:
    """The frame text.draw_label sets up for a label ``height_m`` high, ``dy`` below ``centre``, turned ``angle``."""
    t = QTransform()
    t.translate(centre.x(), centre.y())
    t.rotate(angle)
    t.translate(0.0, dy)
    k = height_m / FONT_PX
    t.scale(k, k)
    return t


@dataclass(frozen=True)
class AmenityGraphic:
    kind: str
    pos: QPointF
    colour: QColor
    label: Label | None
    bounds: QRectF
    label_spot: int = 0      # where the name goes (``labels.amenity_label_at``): below the badge, unless moved


def _inside_point(shape: shapely.Geometry) -> tuple[float, float] | None:
    """Where a shape's label goes: its centroid when that lies well inside, else its most open point.

    The centroid reads best on regular shapes; the pole of inaccessibility
    keeps labels inside L-shapes, rings and crescents.
    """
    if shape.is_empty:
        return None
    if shape.geom_type in ("MultiPolygon", "GeometryCollection"):
        parts = [g for g in getattr(shape, "geoms", []) if g.geom_type == "Polygon"]
        if not parts:
            return None
        shape = max(parts, key=lambda g: g.area)
    if shape.geom_type != "Polygon":
        return None
    extent = max(shape.bounds[2] - shape.bounds[0], shape.bounds[3] - shape.bounds[1])
    pole = polylabel(shape, tolerance=max(extent / 100.0, 0.05))
    centroid = shape.centroid
    if shape.contains(centroid) and shape.boundary.distance(centroid) >= 0.8 * shape.boundary.distance(pole):
        return (centroid.x, centroid.y)
    return (pole.x, pole.y)


def _clearance(shape: shapely.Geometry, x: float, y: float) -> float:
    """Distance from (x, y) to the shape's edge (holes included)."""
    return shape.boundary.distance(shapely.Point(x, y))


def _fit_inside(shape: shapely.Geometry, text: str, at: tuple[float, float], height: float,
                smallest: float, bold: bool = False) -> float | None:
    """The largest height up to ``height`` at which ``text`` centred on ``at`` stays inside ``shape``."""
    while height >= smallest:
        half_w, half_h = text_width(text, height, bold) / 2, height * 0.6
        box = shapely.box(at[0] - half_w, at[1] - half_h, at[0] + half_w, at[1] + half_h)
        if shape.contains(box):
            return height
        height *= 0.85
    return None


def site_graphic(site: Site) -> SiteGraphic:
    path = polygon_path(site.boundary)
    return SiteGraphic(path=path, bounds=path.boundingRect())


def obstacle_graphic(obstacle: Obstacle, style: Style) -> ObstacleGraphic:
    area = style.obstacle(obstacle.kind)
    path = polygon_path(obstacle.polygon)
    label = None
    if obstacle.name:
        shape = to_shapely(obstacle.polygon)
        at = _inside_point(shape)
        if at is not None:
            x0, y0, x1, y1 = shape.bounds
            room = 2 * _clearance(shape, *at) if shape.geom_type == "Polygon" else 0.0
            height = fit_height(obstacle.name, 0.85 * (x1 - x0),
                                min(style.obstacle_label_max_m, room * 0.45))
            height = _fit_inside(shape, obstacle.name, at, height, style.obstacle_label_m * 0.4)
            # A name that does not fit (a single tree, a kiosk, a narrow runway) is left to the status bar.
            if height is not None:
                dark = qcolor(area.fill).lightness() < 110
                colour = qcolor(style.obstacle_label_on_dark if dark else style.obstacle_label)
                label = Label(obstacle.name, scene_point(at), height, colour)
    bounds = path.boundingRect()
    if label is not None:
        bounds = bounds.united(label_rect(label.text, label.pos, label.height_m))
    return ObstacleGraphic(obstacle.kind, path, area, label, bounds)


def zone_graphic(zone: Zone) -> ZoneGraphic:
    path = polygon_path(zone.polygon)
    return ZoneGraphic(path=path, colour=qcolor(zone.color), bounds=path.boundingRect())


def zone_label_graphic(zone: Zone, style: Style) -> ZoneLabelGraphic | None:
    """The zone's name, as large as fits its zone, at the zone's most open point."""
    if not zone.name:
        return None
    shape = to_shapely(zone.polygon)
    at = _inside_point(shape)
    if at is None:
        return None
    x0, _, x1, _ = shape.bounds
    room = 2 * _clearance(shape, *at)
    height = fit_height(zone.name, 0.8 * (x1 - x0), min(style.zone_label_max_m, 0.35 * room), bold=True)
    height = max(height, style.zone_label_min_m)
    # Inside the zone if it can be; a zone's name is shown even where it cannot.
    height = _fit_inside(shape, zone.name, at, height, style.zone_label_min_m, bold=True) or height
    colour = qcolor(zone.color).darker(style.zone_label_darken)
    label = Label(zone.name, scene_point(at), height, colour, bold=True)
    # Drawn up to zone_label_max_m high on an overview (see painter.zone_label_height).
    rect = label_rect(label.text, label.pos, max(height, style.zone_label_max_m), bold=True)
    return ZoneLabelGraphic(label, rect.adjusted(-height, -height, height, height))


def _inward(gate: Gate, site: shapely.Geometry | None) -> tuple[float, float]:
    """Unit model vector across the gate, pointing into the site."""
    (ax, ay), (bx, by) = gate.a, gate.b
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    mx, my = gate.midpoint
    if site is not None and not site.is_empty:
        probe = max(0.5, 0.05 * length)
        if site.contains(shapely.Point(mx + nx * probe, my + ny * probe)):
            return nx, ny
        if site.contains(shapely.Point(mx - nx * probe, my - ny * probe)):
            return -nx, -ny
        c = site.centroid
        if (c.x - mx) * nx + (c.y - my) * ny < 0:
            return -nx, -ny
    return nx, ny


GATE_LABEL_LEADING = 1.2   # line spacing of a gate name set on two lines, in text heights


def gate_label_lines(gate: GateGraphic) -> list[str]:
    """A gate's name as drawn: a bilingual name ("Gate N1 · 北山街一号门") takes two lines.

    Gate names keep a legible size on an overview, where they are large on the
    ground: on one line "Bai Causeway West Gate · 白堤西口" reaches over a
    hundred metres out from the site, and the names of gates sixty metres apart
    run into each other. Stacked, each stays by its own gate.
    """
    assert gate.label is not None
    parts = [part for part in gate.label.text.split(" · ") if part]
    return parts or [gate.label.text]


def gate_label_rect(gate: GateGraphic, height_m: float, style: Style) -> QRectF:
    """The scene rectangle a gate's name of ``height_m`` covers, clear of the gate line, outside the site."""
    lines = gate_label_lines(gate)
    w = max(text_width(line, height_m, bold=True) for line in lines)
    h = height_m * (GATE_LABEL_LEADING * (len(lines) - 1) + 1.4)
    n = gate.inward
    # How far the label's box reaches along the normal, so it clears the line whichever way it runs.
    half = abs(n.x()) * w / 2 + abs(n.y()) * h / 2
    gap = style.gate_line_m + height_m * 0.5 + half
    mid = (gate.a + gate.b) / 2
    centre = QPointF(mid.x() - n.x() * gap, mid.y() - n.y() * gap)
    return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)


def gate_label_pos(gate: GateGraphic, height_m: float, style: Style) -> QPointF:
    """Where a gate's name of ``height_m`` is centred: outside the site, clear of the gate line."""
    return gate_label_rect(gate, height_m, style).center()


def gate_graphic(gate: Gate, style: Style, site: shapely.Geometry | None) -> GateGraphic:
    a, b = scene_point(gate.a), scene_point(gate.b)
    nx, ny = _inward(gate, site)
    inward = scene_direction(nx, ny)
    gate_style = style.gate(gate.kind)
    bounds = QRectF(a, b).normalized()
    reach = max(style.gate_line_m, min(gate.width * 0.5, 4.0)) * 1.2
    bounds = bounds.adjusted(-reach, -reach, reach, reach)
    label = None
    if gate.name:
        # The name's size follows the zoom (see painter.gate_label_height): bound it at its largest.
        label = Label(gate.name, (a + b) / 2, style.gate_label_m, qcolor(gate_style.colour).darker(125),
                      bold=True)
        graphic = GateGraphic(a, b, inward, gate_style, label, bounds)
        h = style.gate_label_max_m
        bounds = bounds.united(gate_label_rect(graphic, h, style).adjusted(-h, -h, h, h))
    return GateGraphic(a, b, inward, gate_style, label, bounds)


def booth_fill(booth: Booth, style: Style, mode: str = "status", zone: Zone | None = None) -> QColor:
    """The booth's fill: by status, by the colour of the zone it stands in, or for safety.

    The safety fill is quiet for every booth except those that cook with open flame or gas.
    """
    if mode == "safety":
        return qcolor(style.booth_cooking_fill if booth.cooking else style.booth_safety_fill)
    if mode == "zone" and zone is not None and booth.status != "blocked":
        return qcolor(zone.color).lighter(150)
    return qcolor(style.booth_fill(booth.status))


def booth_graphic(booth: Booth, style: Style, fill: QColor | None = None) -> BoothGraphic:
    angle, along_width = upright_angle(booth.rotation)
    length, thickness = (booth.width, booth.depth) if along_width else (booth.depth, booth.width)
    number_m = fit_height(booth.number, 0.86 * length, min(style.booth_number_m, 0.34 * thickness),
                          bold=True) if booth.number else 0.0
    exhibitor, exhibitor_m = "", 0.0
    if booth.exhibitor and thickness >= 1.5:
        exhibitor_m = min(style.booth_exhibitor_m, number_m * 0.55 if number_m else style.booth_exhibitor_m)
        exhibitor = elide(booth.exhibitor, exhibitor_m, 0.9 * length)
    polygon = booth_polygon(booth)
    frame = local_frame(booth.x, booth.y, booth.rotation)
    w, d = booth.width, booth.depth
    strip_m = min(style.booth_open_side_m, 0.15 * min(w, d))
    strip_rects = {
        # local frame: +y is the front, -y the back, -x the left, +x the right
        "front": QRectF(-w / 2, d / 2 - strip_m, w, strip_m), "back": QRectF(-w / 2, -d / 2, w, strip_m),
        "left": QRectF(-w / 2, -d / 2, strip_m, d), "right": QRectF(w / 2 - strip_m, -d / 2, strip_m, d),
    }
    strips = tuple((strip_rects[side], side == "front") for side in booth.ordered_open_sides)
    centre = frame.map(QPointF(0.0, 0.0))
    text_angle = qt_rotation(angle)
    gap = (number_m + exhibitor_m) * 0.42
    return BoothGraphic(
        frame=frame,
        width=booth.width, depth=booth.depth, polygon=polygon,
        fill=fill if fill is not None else qcolor(style.booth_fill(booth.status)),
        blocked=booth.status == "blocked", open_sides=booth.ordered_open_sides,
        cooking=booth.cooking, text_angle=text_angle,
        number=booth.number, number_m=number_m, exhibitor=exhibitor, exhibitor_m=exhibitor_m,
        bounds=polygon.boundingRect(),
        rect=QRectF(-w / 2, -d / 2, w, d), strip_m=strip_m, strips=strips,
        number_at=_text_frame(centre, text_angle, 0.0, number_m) if number_m > 0 else None,
        number_above=_text_frame(centre, text_angle, -gap * 0.5, number_m) if number_m > 0 else None,
        exhibitor_at=_text_frame(centre, text_angle, gap * 0.75, exhibitor_m) if exhibitor_m > 0 else None,
    )


def prepared_booth(booth: BoothGraphic, style: Style) -> BoothGraphic:
    """``booth`` with the drawing data ``booth_graphic`` works out (for a graphic made field by field)."""
    import dataclasses

    w, d = booth.width, booth.depth
    strip_m = min(style.booth_open_side_m, 0.15 * min(w, d))
    rects = {
        "front": QRectF(-w / 2, d / 2 - strip_m, w, strip_m), "back": QRectF(-w / 2, -d / 2, w, strip_m),
        "left": QRectF(-w / 2, -d / 2, strip_m, d), "right": QRectF(w / 2 - strip_m, -d / 2, strip_m, d),
    }
    centre = booth.frame.map(QPointF(0.0, 0.0))
    gap = (booth.number_m + booth.exhibitor_m) * 0.42
    return dataclasses.replace(
        booth, rect=QRectF(-w / 2, -d / 2, w, d), strip_m=strip_m,
        strips=tuple((rects[side], side == "front") for side in booth.open_sides),
        number_at=_text_frame(centre, booth.text_angle, 0.0, booth.number_m) if booth.number_m > 0 else None,
        number_above=_text_frame(centre, booth.text_angle, -gap * 0.5, booth.number_m) if booth.number_m > 0 else None,
        exhibitor_at=(_text_frame(centre, booth.text_angle, gap * 0.75, booth.exhibitor_m)
                      if booth.exhibitor_m > 0 else None),
    )


def amenity_graphic(amenity: Amenity, style: Style) -> AmenityGraphic:
    pos = scene_point((amenity.x, amenity.y))
    half = style.amenity_max_m / 2
    bounds = QRectF(pos.x() - half, pos.y() - half, 2 * half, 2 * half)
    label = None
    if amenity.name:
        # Centred on the amenity; the painter moves it below the badge, whose size follows the zoom,
        # or above it, or beside it, off the booths (``labels.place_labels``): bound every place.
        h = style.amenity_label_m
        label = Label(amenity.name, pos, h, qcolor(style.amenity_colour(amenity.kind)).darker(130))
        w = text_width(amenity.name, h)
        bounds = bounds.united(QRectF(pos.x() - half - w - 2 * h, pos.y() - half - 2 * h,
                                      2 * (half + w + 2 * h), 2 * (half + 2 * h)))
    return AmenityGraphic(amenity.kind, pos, qcolor(style.amenity_colour(amenity.kind)), label, bounds)
