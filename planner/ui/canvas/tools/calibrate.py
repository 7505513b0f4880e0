"""Fitting the site plan image to the plan: calibrate its scale, move it, turn it.

Calibrate: click two points on the image whose real distance is known (the
ends of a dimension line, two fence posts), type that distance and Enter.
The image is rescaled about the first point, which stays where it was; the
typed ``40<90`` also turns the image so the measured line runs at 90°
(counter-clockwise from east), a way to put north up.

Move: drag the image; the point grabbed lands where the mouse is let go,
snapped to the plan's corners and edges (hold Ctrl to move freely), so a
feature of the image can be put onto the same feature of the plan. The
rotate keys turn it about its centre meanwhile.

Each gesture is one undo step. A locked image (its ``locked`` flag, or the
"Background image" layer) stays where it is.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt

from planner.model.edits import SetFields
from planner.model.geometry import Point
from planner.model.layout import Background
from planner.ui.canvas.overlays import Preview
from planner.ui.canvas.tools.base import DRAG_PX, Tool, ToolEvent, translate
from planner.ui.canvas.tools.draw import parse_typed

if TYPE_CHECKING:
    from planner.ui.canvas.background import BackgroundItem

_TYPING_KEYS = set("0123456789.,<-")
MIN_MEASURED_PX = 3.0       # two clicks closer than this on screen measure nothing


# -- the geometry, Qt-free: a background as a map from image pixels to model metres -------------------
def _turn(v: Point, degrees: float) -> Point:
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    return (v[0] * c - v[1] * s, v[0] * s + v[1] * c)


def to_image(background: Background, p: Point) -> Point:
    """Model point ``p`` in image units: pixels from the bottom-left corner, x along the bottom, y up."""
    u = _turn((p[0] - background.x, p[1] - background.y), -background.rotation_deg)
    return (u[0] / background.metres_per_pixel, u[1] / background.metres_per_pixel)


def from_image(background: Background, u: Point) -> Point:
    """Image units (pixels from the bottom-left corner, y up) to model metres."""
    m = background.metres_per_pixel
    v = _turn((u[0] * m, u[1] * m), background.rotation_deg)
    return (background.x + v[0], background.y + v[1])


def calibrated(background: Background, a: Point, b: Point, distance: float,
               bearing: float | None = None) -> dict[str, float]:
    """The fields that make the image distance from ``a`` to ``b`` measure ``distance`` metres.

    ``a`` and ``b`` are model points on the image as it lies now; ``a`` keeps
    its place. With ``bearing`` (degrees counter-clockwise from east) the
    image also turns about ``a`` so the line a→b runs that way.
    """
    measured = math.dist(a, b)
    if measured <= 0 or distance <= 0:
        raise ValueError("a calibration needs two distinct points and a positive distance")
    scale = background.metres_per_pixel * distance / measured
    rotation = background.rotation_deg
    if bearing is not None:
        current = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        rotation = _normal_angle(rotation + bearing - current)
    u = to_image(background, a)
    v = _turn((u[0] * scale, u[1] * scale), rotation)
    return {"metres_per_pixel": scale, "rotation_deg": rotation, "x": a[0] - v[0], "y": a[1] - v[1]}


def turned_about(background: Background, angle: float, centre: Point) -> dict[str, float]:
    """The fields that turn the image ``angle`` degrees counter-clockwise about model point ``centre``."""
    c = _turn((background.x - centre[0], background.y - centre[1]), angle)
    return {"x": centre[0] + c[0], "y": centre[1] + c[1],
            "rotation_deg": _normal_angle(background.rotation_deg + angle)}


def image_centre(background: Background, width_px: int, height_px: int) -> Point:
    return from_image(background, (width_px / 2, height_px / 2))


def _normal_angle(degrees: float) -> float:
    """In (-180, 180], so a small turn reads as a small number."""
    a = math.fmod(degrees, 360.0)
    if a > 180.0:
        a -= 360.0
    elif a <= -180.0:
        a += 360.0
    return round(a, 9) + 0.0


# -- the tools ------------------------------------------------------------------------------------
class _ImageTool(Tool):
    """What both tools share: finding the image and refusing a locked one."""

    def _item(self) -> BackgroundItem | None:
        scene = getattr(self.host, "scene", None)
        return getattr(scene, "background_item", None)

    def _background(self) -> Background | None:
        """The image to work on, or None after saying why it cannot be worked on."""
        background = self.host.layout.background
        if background is None:
            self.host.message(translate("Tools", "There is no site plan image: File → Import Site Plan Image…"))
            return None
        if self._item() is None:
            self.host.message(translate("Tools", "The site plan image file was not found: {file}").format(
                file=background.image))
            return None
        if background.locked:
            self.host.message(translate("Tools", "The site plan image is locked: unlock it first."))
            return None
        if not self.host.layer_editable("background"):
            self.host.message(translate("Tools", "The Background image layer is hidden or locked."))
            return None
        return background


class CalibrateTool(_ImageTool):
    """Two clicks on the image and the real distance between them."""

    name = "calibrate"

    def __init__(self, host) -> None:
        super().__init__(host)
        self.points: list[Point] = []
        self.typed = ""
        self._cursor: Point | None = None

    @property
    def busy(self) -> bool:
        return bool(self.points or self.typed)

    def wants(self, key: int, text: str) -> bool:
        return super().wants(key, text) or (len(self.points) == 2 and bool(text) and text in _TYPING_KEYS)

    def activate(self) -> None:
        super().activate()
        self._clear()
        if self._background() is not None:
            self.host.message(translate("Tools", "Click two points on the image whose distance you know, "
                                                 "then type it in metres and press Enter."))

    def press(self, e: ToolEvent) -> None:
        if len(self.points) == 2:
            self.points, self.typed = [], ""      # start over
        if self._background() is None:
            return
        if self.points and math.dist(self.points[0], e.point) < MIN_MEASURED_PX * e.pixel_m:
            return
        self.points.append(e.point)
        self._cursor = e.point
        if len(self.points) == 2:
            self.host.message(translate("Tools", "Type the real distance in metres (40, or 40<90 to also "
                                                 "turn the line to 90°) and press Enter."))
        self._update()

    def move(self, e: ToolEvent) -> None:
        self._cursor = e.point
        if len(self.points) == 1:
            self._update()

    def key(self, key: int, text: str) -> bool:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if len(self.points) == 2 and self.typed:
                self.apply_typed()
                return True
            return False
        if key == Qt.Key.Key_Backspace:
            if self.typed:
                self.typed = self.typed[:-1]
            elif self.points:
                self.points.pop()
            else:
                return False
            self._update()
            return True
        if len(self.points) == 2 and text and text in _TYPING_KEYS:
            self.typed += text
            self._update()
            return True
        return False

    def escape(self) -> bool:
        if self.typed:
            self.typed = ""
            self._update()
            return True
        if self.points:
            self._clear()
            return True
        return False

    def apply_typed(self) -> bool:
        """Rescale (and turn) the image from the typed distance; False when it does not read."""
        parsed = parse_typed(self.typed)
        if parsed is None or parsed[0] <= 0:
            self.host.message(translate("Tools", "Type the real distance in metres, such as 40 or 40<90."))
            return False
        return self.calibrate(parsed[0], parsed[1])

    def calibrate(self, distance: float, bearing: float | None = None) -> bool:
        """Make the two clicked points ``distance`` metres apart: one undo step."""
        background = self._background()
        if background is None or len(self.points) != 2:
            return False
        a, b = self.points
        fields = calibrated(background, a, b, distance, bearing)
        self.host.push(SetFields(self.host.layout, {"background": fields},
                                 label=translate("Tools", "Calibrate site plan image")))
        self._clear()
        self.host.message(translate("Tools", "Calibrated: {scale:.4g} m per pixel.").format(
            scale=fields["metres_per_pixel"]))
        return True

    def _clear(self) -> None:
        self.points, self.typed = [], ""
        self._update()

    def _update(self) -> None:
        preview = Preview(points=list(self.points), handles=list(self.points))
        if len(self.points) == 1 and self._cursor is not None:
            preview.rubber = [self.points[0], self._cursor]
            preview.text = translate("Tools", "now {length:.2f} m").format(
                length=math.dist(self.points[0], self._cursor))
            preview.text_at = self._cursor
        elif len(self.points) == 2:
            now = math.dist(*self.points)
            preview.text = translate("Tools", "now {length:.2f} m; real distance: {typed}▏ m").format(
                length=now, typed=self.typed)
            (ax, ay), (bx, by) = self.points
            preview.text_at = ((ax + bx) / 2, (ay + by) / 2)     # mid-line: in view even near an edge
        self.host.show(preview)


class MoveImageTool(_ImageTool):
    """Drag the image to its place; the rotate keys turn it about its centre."""

    name = "move_image"
    cursor = Qt.CursorShape.SizeAllCursor

    def __init__(self, host) -> None:
        super().__init__(host)
        self._grab: Point | None = None
        self._to: Point | None = None

    @property
    def busy(self) -> bool:
        return self._grab is not None

    def activate(self) -> None:
        super().activate()
        if self._background() is not None:
            self.host.message(translate("Tools", "Drag the image: the point you grab lands on the corner or "
                                                 "edge you let go on (Ctrl: freely); [ and ] turn it."))

    def press(self, e: ToolEvent) -> None:
        item = self._item()
        if self._background() is None or item is None:
            return
        if not item.covers(e.x, e.y):
            self.host.message(translate("Tools", "Press on the image to drag it."))
            return
        self._grab, self._to = e.point, e.point

    def move(self, e: ToolEvent) -> None:
        if self._grab is None:
            return
        snap = self.host.snapper.point(e.x, e.y, e.pixel_m, snap=e.snap, grid=False)
        if math.dist(self._grab, e.point) < DRAG_PX * e.pixel_m and self._to == self._grab:
            return
        self._to = snap.point
        self._show_offset()
        preview = Preview(rubber=[self._grab, self._to])
        if snap.kind:
            preview.marker, preview.marker_kind = snap.point, snap.kind
        self.host.show(preview)

    def release(self, e: ToolEvent) -> None:
        if self._grab is None:
            return
        grab, to = self._grab, self._to
        self.escape()
        background = self.host.layout.background
        if background is None or to is None or to == grab:
            return
        dx, dy = to[0] - grab[0], to[1] - grab[1]
        self.host.push(SetFields(self.host.layout, {"background": {"x": background.x + dx, "y": background.y + dy}},
                                 label=translate("Tools", "Move site plan image")))

    def escape(self) -> bool:
        if self._grab is None:
            return False
        self._grab = self._to = None
        item = self._item()
        if item is not None:
            item.setPos(QPointF())
        self.host.show(Preview())
        return True

    def rotate(self, angle: float) -> bool:
        """The rotate keys turn the image about its centre (a burst of presses is one undo step)."""
        background = self._background()
        item = self._item()
        if background is None or item is None or self._grab is not None:
            return background is not None
        centre = image_centre(background, *item.size_px())
        self.host.push(SetFields(self.host.layout, {"background": turned_about(background, angle, centre)},
                                 label=translate("Tools", "Turn site plan image")),
                       merge_key=("turn site plan image",))
        return True

    def _show_offset(self) -> None:
        item = self._item()
        if item is not None and self._grab is not None and self._to is not None:
            item.setPos(QPointF(self._to[0] - self._grab[0], -(self._to[1] - self._grab[1])))
