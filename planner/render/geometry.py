"""Model coordinates to scene coordinates: the one place that flips y.

The model is in metres with x east, y north and rotations counter-clockwise
(SPEC §2). A QGraphicsScene and a QPainter have y pointing down, so a point
(x, y) is drawn at (x, -y), and a counter-clockwise model rotation is a
negative Qt rotation. Nothing else in the planner negates y.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

from planner.model.geometry import Point, Polygon
from planner.model.layout import Booth


def to_scene(x: float, y: float) -> QPointF:
    """A model point (metres, y north) in scene coordinates (metres, y down)."""
    return QPointF(x, -y)


def to_model(point: QPointF) -> Point:
    """A scene point back in model coordinates."""
    return (point.x(), -point.y())


def scene_point(p: Sequence[float]) -> QPointF:
    return QPointF(p[0], -p[1])


def qt_rotation(model_degrees: float) -> float:
    """The Qt rotation (clockwise on screen) that shows a model turn (counter-clockwise)."""
    return -model_degrees


def scene_direction(dx: float, dy: float) -> QPointF:
    """A model direction vector in scene coordinates."""
    return QPointF(dx, -dy)


def ring_polygon(ring: Iterable[Sequence[float]]) -> QPolygonF:
    """A closed QPolygonF of one model ring."""
    poly = QPolygonF([QPointF(p[0], -p[1]) for p in ring])
    if not poly.isEmpty() and poly.first() != poly.last():
        poly.append(poly.first())
    return poly


def polygon_path(polygon: Polygon) -> QPainterPath:
    """The rings of a model polygon as one path; holes stay holes (odd-even fill)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in polygon:
        if len(ring) >= 2:
            path.addPolygon(ring_polygon(ring))
            path.closeSubpath()
    return path


def booth_polygon(booth: Booth) -> QPolygonF:
    """The booth's four corners in the scene, counter-clockwise in the model from front-left."""
    return ring_polygon(booth.corners())


def segment(a: Sequence[float], b: Sequence[float]) -> tuple[QPointF, QPointF]:
    return scene_point(a), scene_point(b)


def model_rect(x0: float, y0: float, x1: float, y1: float) -> QRectF:
    """The scene rectangle covering model bounds (x0, y0, x1, y1)."""
    return QRectF(QPointF(x0, -y1), QPointF(x1, -y0)).normalized()


def polygon_scene_rect(polygon: Polygon) -> QRectF:
    xs = [p[0] for ring in polygon for p in ring]
    ys = [p[1] for ring in polygon for p in ring]
    if not xs:
        return QRectF()
    return model_rect(min(xs), min(ys), max(xs), max(ys))


def local_frame(x: float, y: float, model_degrees: float) -> QTransform:
    """Scene transform of a frame centred on model (x, y), turned as the model turns.

    In the frame, +x is the model's turned +x and +y is the model's turned -y
    (down on screen when unturned), so text drawn in it reads upright.
    """
    t = QTransform()
    t.translate(x, -y)
    t.rotate(qt_rotation(model_degrees))
    return t


def device_scale(transform: QTransform) -> float:
    """Device pixels per scene metre of a painter's world transform (mean of both axes)."""
    det = abs(transform.m11() * transform.m22() - transform.m12() * transform.m21())
    return math.sqrt(det)


def upright_angle(model_degrees: float) -> tuple[float, bool]:
    """The text angle (model degrees, in (-45, 45]) closest to a booth's turn.

    Returns the angle and whether it runs along the booth's width (True) or
    its depth (False), so a booth number never reads upside down or steeply.
    """
    r = model_degrees % 180.0
    if r <= 45.0:
        return r, True
    if r > 135.0:
        return r - 180.0, True
    return r - 90.0, False
