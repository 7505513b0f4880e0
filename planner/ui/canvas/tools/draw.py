"""Drawing a polygon point by point: the site boundary, an obstacle of a kind, a themed zone.

Click to place each point (a drag from the first point draws a rectangle);
Backspace removes the last point; Enter, a double-click or a click on the
first point finishes; Esc cancels. Typing sets the next edge exactly:
``12.5`` walks 12.5 m towards the cursor, ``12.5<30`` (or ``12.5,30``)
walks 12.5 m at 30° counter-clockwise from east; before the first point,
``x,y`` places it.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt

from planner.model.edits import AddObjects, Edit, SetFields
from planner.model.geometry import Point, normalise_polygon, signed_area
from planner.model.layout import OBSTACLE_KINDS, Layout, Obstacle, Zone
from planner.ui.canvas.overlays import Preview
from planner.ui.canvas.tools.base import DRAG_PX, PICK_PX, Tool, ToolEvent, translate

PURPOSES = ("site", "obstacle", "zone")
# Colours offered to new zones in turn: distinct, light enough for booth numbers on top.
ZONE_COLOURS = ("#e4572e", "#2a9d8f", "#f2a541", "#7b5ea7", "#3a86ff", "#76b041", "#d1495b", "#00798c")
_TYPED = re.compile(r"^\s*(-?\d+(?:\.\d*)?)\s*(?:[<,\s]\s*(-?\d+(?:\.\d*)?))?\s*$")
_TYPING_KEYS = set("0123456789.,<-")   # not space: space + drag pans


def parse_typed(text: str) -> tuple[float, float | None] | None:
    """'12.5' → (12.5, None); '12.5<30', '12.5,30', '12.5 30' → (12.5, 30.0); else None."""
    match = _TYPED.match(text)
    if not match:
        return None
    second = match.group(2)
    return float(match.group(1)), (float(second) if second is not None else None)


def edge_text(a: Point, b: Point) -> str:
    length = math.dist(a, b)
    angle = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) % 360.0
    return translate("Tools", "{length:.2f} m  {angle:.1f}°").format(length=length, angle=angle)


class DrawPolygonTool(Tool):
    def __init__(self, host, purpose: str) -> None:
        super().__init__(host)
        if purpose not in PURPOSES:
            raise ValueError(purpose)
        self.purpose = purpose
        self.name = f"draw_{purpose}"
        self.kind = "building"           # obstacle kind
        self.points: list[Point] = []
        self.typed = ""
        self._cursor: Point | None = None
        self._marker: tuple[Point, str] | None = None
        self._pressed = False
        self._rect_from: Point | None = None
        self._rect_to: Point | None = None

    @property
    def busy(self) -> bool:
        return bool(self.points or self.typed)

    def wants(self, key: int, text: str) -> bool:
        return super().wants(key, text) or bool(text and text in _TYPING_KEYS)

    def set_kind(self, kind: str) -> None:
        if kind not in OBSTACLE_KINDS:
            raise ValueError(kind)
        self.kind = kind

    # -- mouse ----------------------------------------------------------------------------
    def _snapped(self, e: ToolEvent) -> Point:
        drawing_rectangle = self._pressed and self._rect_from is not None and len(self.points) == 1
        origin = self.points[-1] if self.points and not drawing_rectangle else None
        snap = self.host.snapper.point(e.x, e.y, e.pixel_m, snap=e.snap, origin=origin,
                                       exclude={"site"} if self.purpose == "site" else ())
        self._marker = (snap.point, snap.kind) if snap.kind else None
        return snap.point

    def press(self, e: ToolEvent) -> None:
        p = self._snapped(e)
        self._pressed = True
        if len(self.points) >= 3 and math.dist(p, self.points[0]) <= PICK_PX * 1.5 * e.pixel_m:
            self.finish()
            return
        if self.points and math.dist(p, self.points[-1]) <= 2 * e.pixel_m:
            return                                  # the second press of a double-click
        self._rect_from = p if not self.points else None
        self.points.append(p)
        self._cursor = p
        self._update()

    def move(self, e: ToolEvent) -> None:
        p = self._snapped(e)
        self._cursor = p
        if self._pressed and self._rect_from is not None and len(self.points) == 1:
            if math.dist(p, self._rect_from) >= DRAG_PX * e.pixel_m or self._rect_to is not None:
                self._rect_to = p
        self._update()

    def release(self, e: ToolEvent) -> None:
        self._pressed = False
        if self._rect_from is not None and self._rect_to is not None:
            (x0, y0), (x1, y1) = self._rect_from, self._rect_to
            self._rect_from = self._rect_to = None
            if abs(x1 - x0) > 1e-6 and abs(y1 - y0) > 1e-6:
                self.points = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
                self.finish()
                return
        self._rect_from = None
        self._update()

    def double_click(self, e: ToolEvent) -> None:
        self.finish()

    # -- keys -----------------------------------------------------------------------------
    def key(self, key: int, text: str) -> bool:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.typed:
                self.apply_typed()
            elif self.points:
                self.finish()
            else:
                return False
            return True
        if key == Qt.Key.Key_Backspace:
            if self.typed:
                self.typed = self.typed[:-1]
            elif self.points:
                self.points.pop()
            else:
                return False
            self._update()
            return True
        if text and text in _TYPING_KEYS and (self.typed or text not in ",<"):
            self.typed += text
            self._update()
            return True
        return False

    def apply_typed(self) -> bool:
        """Place the next point from the typed length (and angle); False if it does not read."""
        parsed = parse_typed(self.typed)
        if parsed is None:
            self.host.message(translate("Tools", "Type a length, or a length and an angle such as 12.5<30."))
            return False
        first, second = parsed
        if not self.points:
            if second is None:
                self.host.message(translate("Tools", "Type the first point as x,y in metres."))
                return False
            point = (first, second)
        else:
            last = self.points[-1]
            if second is not None:
                angle = math.radians(second)
            elif self._cursor is not None and self._cursor != last:
                angle = math.atan2(self._cursor[1] - last[1], self._cursor[0] - last[0])
            else:
                angle = 0.0
            point = (round(last[0] + first * math.cos(angle), 9), round(last[1] + first * math.sin(angle), 9))
        self.points.append(point)
        self.typed = ""
        self._update()
        return True

    def escape(self) -> bool:
        if self.typed:
            self.typed = ""
            self._update()
            return True
        if self.points:
            self._clear()
            return True
        return False

    # -- result ---------------------------------------------------------------------------
    def _clear(self) -> None:
        self.points, self.typed = [], ""
        self._rect_from = self._rect_to = None
        self._update()

    def finish(self) -> bool:
        """Turn the points into the site, an obstacle or a zone; False with fewer than three."""
        if len(self.points) < 3:
            self.host.message(translate("Tools", "An area needs at least three points."))
            return False
        polygon = normalise_polygon([self.points])
        layout = self.host.layout
        edit, new_id = self._edit(layout, polygon)
        self.host.push(edit)
        self._clear()
        if new_id is not None:
            self.host.selection.set([new_id])
        if self.purpose == "zone":
            # A new zone holds nobody: the crowd analysis cannot judge it until it is told how many.
            zone = layout.get(new_id)
            self.host.message(translate("Tools", "{name} added, {area:,.0f} m². Set its peak visitors in "
                                                 "Properties so the crowd analysis counts it.").format(
                name=zone.name, area=abs(signed_area(polygon[0]))))
        return True

    def _edit(self, layout: Layout, polygon) -> tuple[Edit, str | None]:
        if self.purpose == "site":
            label = translate("Tools", "Draw site boundary")
            return SetFields(layout, {"site": {"boundary": polygon}}, label=label), None
        if self.purpose == "obstacle":
            obstacle = Obstacle(id=layout.new_id(self.kind[:4]), kind=self.kind, polygon=polygon)
            return AddObjects([obstacle]), obstacle.id
        n = len(layout.zones) + 1
        colour = ZONE_COLOURS[(n - 1) % len(ZONE_COLOURS)]
        # The name says "Zone" itself, so messages quote it without the word ("“Zone 3” cannot be
        # reached"); a number already taken (zones were deleted) moves on to the next free one.
        taken = {z.name for z in layout.zones}
        name = translate("Tools", "Zone {n}").format(n=n)
        while name in taken:
            n += 1
            name = translate("Tools", "Zone {n}").format(n=n)
        zone = Zone(id=layout.new_id("zone"), polygon=polygon, name=name, color=colour)
        return AddObjects([zone]), zone.id

    # -- what shows -----------------------------------------------------------------------
    def _update(self) -> None:
        preview = Preview()
        cursor = self._cursor
        if self._rect_from is not None and self._rect_to is not None:
            (x0, y0), (x1, y1) = self._rect_from, self._rect_to
            preview.points = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
            preview.closed = True
            preview.text = translate("Tools", "{w:.2f} m × {h:.2f} m").format(w=abs(x1 - x0), h=abs(y1 - y0))
            preview.text_at = self._rect_to
        else:
            preview.points = list(self.points)
            preview.closed = len(self.points) >= 3
            if self.points and cursor is not None:
                preview.rubber = [self.points[-1], cursor]
                if len(self.points) >= 2:
                    preview.rubber.append(self.points[0])
                preview.text = edge_text(self.points[-1], cursor)
                preview.text_at = cursor
            preview.handles = self.points[:1]
        if self.typed:
            if self.points:
                template = translate("Tools", "Next edge: {typed}▏")
            else:
                template = translate("Tools", "First point x,y: {typed}▏")
            preview.text = template.format(typed=self.typed)
            preview.text_at = cursor or (self.points[-1] if self.points else None)
        if self._marker is not None:
            preview.marker, preview.marker_kind = self._marker
        self.host.show(preview)
