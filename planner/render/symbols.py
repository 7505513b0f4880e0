"""Amenity symbols drawn as QPainter paths, after the shapes of ISO 7010 signs.

Each symbol is a path in a unit frame (-1 … 1 both ways, y down), drawn white
on a coloured badge; safety signs get a square badge, services a round one.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

from planner.render.text import label_font

SQUARE_BADGES = frozenset({"first_aid", "fire_extinguisher", "fire_hydrant", "assembly_point"})


def _poly(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def _text(text: str, box: float) -> QPainterPath:
    """``text`` as a path, bold, centred and fitted into a ``box`` × ``box`` square."""
    path = QPainterPath()
    path.addText(0, 0, label_font(bold=True), text)
    rect = path.boundingRect()
    if rect.isEmpty():
        return path
    k = box / max(rect.width(), rect.height())
    t = QTransform()
    t.scale(k, k)
    t.translate(-rect.center().x(), -rect.center().y())
    return t.map(path)


def _cross() -> QPainterPath:
    a, b = 0.2, 0.62
    return _poly((-a, -b), (a, -b), (a, -a), (b, -a), (b, a), (a, a), (a, b),
                 (-a, b), (-a, a), (-b, a), (-b, -a), (-a, -a))


def _info() -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(0.0, -0.48), 0.15, 0.15)
    path.addRoundedRect(QRectF(-0.13, -0.22, 0.26, 0.8), 0.06, 0.06)
    path.addRect(QRectF(-0.27, -0.22, 0.2, 0.14))
    path.addRect(QRectF(-0.27, 0.46, 0.54, 0.14))
    return path.simplified()


def _drop() -> QPainterPath:
    path = QPainterPath(QPointF(0.0, -0.7))
    path.cubicTo(QPointF(0.18, -0.38), QPointF(0.48, -0.08), QPointF(0.48, 0.22))
    path.cubicTo(QPointF(0.48, 0.5), QPointF(0.26, 0.7), QPointF(0.0, 0.7))
    path.cubicTo(QPointF(-0.26, 0.7), QPointF(-0.48, 0.5), QPointF(-0.48, 0.22))
    path.cubicTo(QPointF(-0.48, -0.08), QPointF(-0.18, -0.38), QPointF(0.0, -0.7))
    return path


def _bolt() -> QPainterPath:
    return _poly((0.12, -0.72), (-0.42, 0.1), (-0.04, 0.1), (-0.14, 0.72),
                 (0.42, -0.12), (0.04, -0.12))


def _shield() -> QPainterPath:
    path = QPainterPath(QPointF(0.0, -0.68))
    path.lineTo(0.52, -0.46)
    path.cubicTo(QPointF(0.52, 0.1), QPointF(0.32, 0.48), QPointF(0.0, 0.7))
    path.cubicTo(QPointF(-0.32, 0.48), QPointF(-0.52, 0.1), QPointF(-0.52, -0.46))
    path.closeSubpath()
    return path


def _extinguisher() -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(-0.26, -0.36, 0.52, 1.06), 0.2, 0.2)   # cylinder
    path.addRect(QRectF(-0.1, -0.5, 0.2, 0.16))                        # valve
    path.addRect(QRectF(-0.2, -0.58, 0.5, 0.09))                       # lever
    hose = _poly((0.1, -0.5), (0.52, -0.56), (0.62, -0.38), (0.56, -0.34), (0.48, -0.47), (0.1, -0.42))
    return path.united(hose)


def _hydrant() -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(-0.24, -0.42, 0.48, 1.0), 0.08, 0.08)  # barrel
    path.addEllipse(QPointF(0.0, -0.44), 0.26, 0.2)                    # bonnet
    path.addRect(QRectF(-0.08, -0.72, 0.16, 0.16))                     # nut
    path.addRect(QRectF(-0.5, -0.14, 1.0, 0.26))                       # outlets
    path.addRect(QRectF(-0.36, 0.5, 0.72, 0.16))                       # base
    return path.simplified()


def _assembly() -> QPainterPath:
    """Four arrows pointing in at a group of three people (ISO 7010 E007, simplified)."""
    path = QPainterPath()
    arrow = _poly((-0.8, -0.8), (-0.42, -0.8), (-0.53, -0.69), (-0.33, -0.49),
                  (-0.49, -0.33), (-0.69, -0.53), (-0.8, -0.42))
    for angle in (0, 90, 180, 270):
        path.addPath(QTransform().rotate(angle).map(arrow))
    for x, r in ((-0.22, 0.1), (0.22, 0.1), (0.0, 0.12)):
        y = -0.16 if x == 0 else -0.08
        path.addEllipse(QPointF(x, y), r, r)
        path.addRoundedRect(QRectF(x - r * 1.3, y + r * 1.3, r * 2.6, 0.34), 0.08, 0.08)
    return path


def _other() -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), 0.3, 0.3)
    return path


@lru_cache(maxsize=None)
def symbol_path(kind: str) -> QPainterPath:
    """The white symbol of an amenity kind, in the unit frame."""
    makers = {
        "toilets": lambda: _text("WC", 1.25),
        "first_aid": _cross,
        "info": _info,
        "water": _drop,
        "charging": _bolt,
        "security": _shield,
        "fire_extinguisher": _extinguisher,
        "fire_hydrant": _hydrant,
        "assembly_point": _assembly,
    }
    path = makers.get(kind, _other)()
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


def badge_path(kind: str) -> QPainterPath:
    """The badge behind a symbol: a rounded square for safety signs, else a circle."""
    path = QPainterPath()
    if kind in SQUARE_BADGES:
        path.addRoundedRect(QRectF(-1, -1, 2, 2), 0.22, 0.22)
    else:
        path.addEllipse(QPointF(0, 0), 1, 1)
    return path

