"""Labels drawn in scene metres, legible in Latin and Chinese at any zoom.

QFont pixel sizes are whole numbers, so a label is laid out in a font of
``FONT_PX`` pixels and the painter is scaled by height / FONT_PX. A label that
would come out smaller than a few device pixels is not drawn at all: the
overview stays clean, and zooming in reveals it.
"""

from __future__ import annotations

import math
import threading
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor, QFont, QFontDatabase, QFontMetricsF, QGlyphRun, QPainter, QPainterPath, QPaintEngine, QPen,
    QTextLayout,
)

from planner.render.geometry import device_scale

FONT_PX = 100

# Latin text reads best in a Latin face (CJK faces set "·" and digits wide),
# so labels use a Latin sans-serif first and fall back to a Chinese one for
# ideographs. For each, the first family installed wins; for Chinese, else
# any family the font database lists for Simplified Chinese.
LATIN_FAMILIES = (
    "Noto Sans", "Source Sans 3", "Source Sans Pro", "Segoe UI", "Helvetica Neue", "Helvetica",
    "Arial", "Liberation Sans", "Nimbus Sans", "Nimbus Sans L", "DejaVu Sans",
)
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC",
    "Microsoft YaHei", "Microsoft YaHei UI", "PingFang SC", "Hiragino Sans GB",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Sarasa Gothic SC", "SimHei",
    "Droid Sans Fallback",
)


def _installed() -> set[str]:
    """Installed family names, without the foundry Qt appends to duplicates ("Nimbus Sans [urw]")."""
    return {f.split(" [")[0] for f in QFontDatabase.families()}


@lru_cache(maxsize=1)
def latin_family() -> str | None:
    installed = _installed()
    return next((f for f in LATIN_FAMILIES if f in installed), None)


@lru_cache(maxsize=1)
def label_family() -> str:
    """A font family that draws Simplified Chinese (and Latin), if one is installed."""
    installed = _installed()
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    plain = [f for f in chinese if not any(w in f for w in ("Mono", "Serif", "Ming", "Song"))]
    if plain or chinese:
        return (plain or chinese)[0].split(" [")[0]
    return QFont().defaultFamily()


@lru_cache(maxsize=4)
def label_font(bold: bool = False) -> QFont:
    font = QFont(label_family())
    latin = latin_family()
    font.setFamilies([latin, label_family()] if latin else [label_family()])
    font.setPixelSize(FONT_PX)
    font.setBold(bold)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # Metrics must not depend on the zoom: no hinting, no kerning by pixels.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> QFontMetricsF:
    return QFontMetricsF(label_font(bold))


@lru_cache(maxsize=8192)
def _advance(text: str, bold: bool) -> float:
    return _metrics(bold).horizontalAdvance(text)


def text_width(text: str, height_m: float, bold: bool = False) -> float:
    """Width in metres of ``text`` drawn ``height_m`` high (its em size)."""
    return _advance(text, bold) * height_m / FONT_PX


def fit_height(text: str, max_width_m: float, max_height_m: float, bold: bool = False) -> float:
    """The largest height, up to ``max_height_m``, at which ``text`` fits ``max_width_m``."""
    advance = _advance(text, bold)
    if advance <= 0:
        return max_height_m
    return min(max_height_m, max_width_m * FONT_PX / advance)


def elide(text: str, height_m: float, max_width_m: float, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis to fit ``max_width_m`` at ``height_m``."""
    if text_width(text, height_m, bold) <= max_width_m:
        return text
    width_px = max_width_m * FONT_PX / height_m
    return _metrics(bold).elidedText(text, Qt.TextElideMode.ElideRight, width_px)


_VECTOR_ENGINES = frozenset({QPaintEngine.Type.Pdf, QPaintEngine.Type.SVG, QPaintEngine.Type.Picture})


def is_vector_device(painter: QPainter) -> bool:
    """True when the painter writes vectors and text (PDF, SVG), not pixels."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() in _VECTOR_ENGINES


def label_px(painter: QPainter, height_m: float) -> float:
    """How many device pixels high a label of ``height_m`` comes out."""
    return height_m * device_scale(painter.worldTransform())


def draw_label(painter: QPainter, text: str, centre: QPointF, height_m: float, colour: QColor,
               *, angle: float = 0.0, bold: bool = False, halo: QColor | None = None,
               halo_fraction: float = 0.16, min_px: float = 4.0, opacity: float = 1.0) -> bool:
    """Draw ``text`` centred on ``centre`` (scene metres), ``height_m`` high.

    ``angle`` is a Qt angle (clockwise on screen). ``halo`` draws an outline
    under the glyphs so text stays legible over busy ground. Returns False
    when the label was too small (or too faint) to draw.
    """
    if not text or height_m <= 0:
        return False
    px = label_px(painter, height_m)
    if px < min_px:
        return False
    if opacity <= 0.02:
        return False
    painter.save()
    painter.translate(centre)
    if angle:
        painter.rotate(angle)
    k = height_m / FONT_PX
    painter.scale(k, k)
    painter.setFont(label_font(bold))
    origin = _origin(text, bold)
    if halo is not None and is_vector_device(painter):
        # On paper and in SVG the halo is the glyphs' outline stroked as a path: a copy of
        # the text would be found again by search and text extraction, sixteen times over.
        ring = QColor(halo)
        ring.setAlphaF(ring.alphaF() * opacity)
        path = QPainterPath()
        path.addText(origin, label_font(bold), text)
        pen = QPen(ring, 2 * FONT_PX * halo_fraction)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, pen)
    elif halo is not None:
        # The halo is the text drawn around a small circle: glyph-cached, so far cheaper than
        # stroking the outlines on every repaint. Copies overlap, so a fading halo fades faster.
        ring = QColor(halo)
        ring.setAlphaF(ring.alphaF() * opacity ** 3)
        painter.setPen(ring)
        r = FONT_PX * halo_fraction
        n = 8 if px * halo_fraction <= 3.0 else 16
        runs = _glyphs(text, bold)
        for i in range(n):
            at = QPointF(origin.x() + r * math.cos(a := 2 * math.pi * i / n), origin.y() + r * math.sin(a))
            for run in runs:
                painter.drawGlyphRun(at, run)
        if opacity < 1.0:
            painter.setOpacity(painter.opacity() * opacity)
        painter.setPen(colour)
        for run in runs:
            painter.drawGlyphRun(origin, run)
        painter.restore()
        return True
    if opacity < 1.0:
        painter.setOpacity(painter.opacity() * opacity)
    painter.setPen(colour)
    painter.drawText(origin, text)
    painter.restore()
    return True


_shaped = threading.local()      # glyph runs are made per painting thread (the export has its own)


def _glyphs(text: str, bold: bool) -> list[QGlyphRun]:
    """``text`` shaped once into glyphs placed from its baseline start, for the label font.

    A halo draws the text seventeen times: shaping it once and placing the same
    glyphs each time spares sixteen layouts per label and frame.
    """
    cache = getattr(_shaped, "cache", None)
    if cache is None:
        cache = _shaped.cache = {}
    runs = cache.get((text, bold))
    if runs is None:
        if len(cache) > 4096:
            cache.clear()
        layout = QTextLayout(text, label_font(bold))
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        # Glyph positions are from the line's top: make them from the baseline, as drawText's origin.
        shift = QPointF(0.0, -line.ascent())
        for run in runs:
            run.setPositions([p + shift for p in run.positions()])
        cache[(text, bold)] = runs
    return runs


def _origin(text: str, bold: bool) -> QPointF:
    """Baseline start that centres ``text`` on (0, 0), in FONT_PX units."""
    return QPointF(text_origin(text, bold))


@lru_cache(maxsize=8192)
def text_origin(text: str, bold: bool) -> QPointF:
    """Baseline start that centres ``text`` on (0, 0), in FONT_PX units (shared: do not change it)."""
    metrics = _metrics(bold)
    # Centre on the middle of the capitals and ideographs, not of the line box.
    baseline = (metrics.ascent() - metrics.descent()) / 2 - metrics.ascent() * 0.06
    return QPointF(-_advance(text, bold) / 2, baseline)


def label_rect(text: str, centre: QPointF, height_m: float, bold: bool = False) -> QRectF:
    """Scene rectangle an unrotated label covers (for bounding rectangles)."""
    w = text_width(text, height_m, bold)
    h = height_m * 1.4
    return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)
