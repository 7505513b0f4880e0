"""Drawing a layout into images: labels appear only when legible, Chinese renders, all kinds draw."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter, QTransform

from planner.model import Amenity, Booth, Layout, Site, Zone
from planner.model.layout import AMENITY_KINDS, OBSTACLE_KINDS
from planner.render import graphics as g
from planner.render.painter import (
    RenderOptions, layout_bounds, layout_graphics, paint_booth, paint_layout, zone_label_opacity,
)
from planner.render.style import DEFAULT_STYLE
from planner.render.symbols import symbol_path
from planner.render.text import draw_label, label_family
from tests.render.sample_layouts import market_layout, rect

BACKGROUND = QColor("#000000")


def render(layout: Layout, scale: float, options: RenderOptions | None = None,
           size: tuple[int, int] | None = None) -> tuple[QImage, QTransform]:
    """The layout drawn at ``scale`` pixels per metre, its bounds at the image's top-left."""
    bounds = layout_bounds(layout)
    w, h = size or (int(bounds.width() * scale) + 4, int(bounds.height() * scale) + 4)
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(BACKGROUND)
    transform = QTransform().translate(2, 2).scale(scale, scale).translate(-bounds.left(), -bounds.top())
    painter = QPainter(image)
    painter.setTransform(transform)
    paint_layout(painter, layout, options)
    painter.end()
    return image, transform


def differing_pixels(a: QImage, b: QImage, area: QRect) -> int:
    return sum(1 for x in range(area.left(), area.right() + 1) for y in range(area.top(), area.bottom() + 1)
               if a.pixel(x, y) != b.pixel(x, y))


def zone_layout(name: str) -> Layout:
    return Layout(
        name="One zone", site=Site(boundary=rect(0, 0, 60, 40)),
        zones=[Zone(id="z", name=name, color="#e4572e", polygon=rect(0, 0, 60, 40))],
        booths=[Booth(id="b", number="ANI-001", x=30, y=5, exhibitor="纸灯笼工作室")],
    )


def test_label_font_has_chinese_glyphs(qapp):
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(label_family())


def test_a_chinese_zone_name_renders_real_glyphs(qapp):
    """The label changes pixels, and two different ideograph strings differ (missing glyphs draw alike)."""
    scale = 4.0  # an overview: zone names show, booth numbers do not
    with_label, t = render(zone_layout("动漫"), scale)
    without, _ = render(zone_layout("动漫"), scale, RenderOptions(labels=False))
    swapped, _ = render(zone_layout("漫动"), scale)
    centre = t.map(QPointF(30, -20)).toPoint()
    area = QRect(centre.x() - 60, centre.y() - 30, 120, 60)
    assert differing_pixels(with_label, without, area) > 200
    assert differing_pixels(with_label, swapped, area) > 100


def test_bilingual_zone_name_is_drawn_whole(qapp):
    layout = zone_layout("Anime · 动漫")
    label = layout_graphics(layout).zone_labels[0].label
    assert label.text == "Anime · 动漫"
    image, t = render(layout, 4.0)
    bare, _ = render(layout, 4.0, RenderOptions(labels=False))
    # Ink on both halves of the label: the Latin word left of centre, the ideographs right of it.
    centre = t.map(label.pos).toPoint()
    from planner.render.text import text_width
    half = int(text_width(label.text, label.height_m, bold=True) * 4.0 / 2)
    left = QRect(centre.x() - half, centre.y() - 10, half // 2, 20)
    right = QRect(centre.x() + half // 2, centre.y() - 10, half // 2, 20)
    assert differing_pixels(image, bare, left) > 20
    assert differing_pixels(image, bare, right) > 20


def test_booth_numbers_show_only_when_legible(qapp):
    booth = Booth(id="b", number="ANI-001", x=0, y=0, status="sold")
    graphic = g.booth_graphic(booth, DEFAULT_STYLE)

    def draw(scale: float, labels: bool) -> QImage:
        image = QImage(int(5 * scale), int(5 * scale), QImage.Format.Format_ARGB32)
        image.fill(BACKGROUND)
        p = QPainter(image)
        p.translate(image.width() / 2, image.height() / 2)
        p.scale(scale, scale)
        paint_booth(p, graphic, DEFAULT_STYLE, labels)
        p.end()
        return image

    for scale, legible in ((3.0, False), (40.0, True)):
        a, b = draw(scale, True), draw(scale, False)
        changed = differing_pixels(a, b, a.rect())
        assert (changed > 50) is legible, (scale, changed)


def test_draw_label_skips_text_too_small_to_read(qapp):
    image = QImage(200, 100, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    p.scale(2.0, 2.0)   # 2 px per metre: a 1.5 m label is 3 px
    assert not draw_label(p, "WC 1", QPointF(20, 20), 1.5, QColor("black"), min_px=4)
    assert draw_label(p, "WC 1", QPointF(20, 20), 2.5, QColor("black"), min_px=4)
    p.end()


def test_zone_names_give_way_to_booth_numbers():
    assert zone_label_opacity(DEFAULT_STYLE, 2.0) == 1.0
    assert zone_label_opacity(DEFAULT_STYLE, 40.0) == 0.0
    assert 0 < zone_label_opacity(DEFAULT_STYLE, 10.0) < 1


def test_every_kind_draws(qapp):
    layout = market_layout(blocks_per_zone=1, zones=3)
    assert {o.kind for o in layout.obstacles} == set(OBSTACLE_KINDS)
    assert {a.kind for a in layout.amenities} == set(AMENITY_KINDS)
    image, _ = render(layout, 6.0)
    bare = QImage(image.size(), QImage.Format.Format_ARGB32)
    bare.fill(BACKGROUND)
    assert image != bare
    for kind in AMENITY_KINDS:
        assert not symbol_path(kind).isEmpty(), kind


def test_amenity_badge_stays_visible_on_an_overview(qapp):
    layout = Layout(name="A", site=Site(boundary=rect(0, 0, 400, 200)),
                    amenities=[Amenity(id="a", kind="first_aid", x=200, y=100)])
    image, t = render(layout, 1.0)       # 1 px per metre: a 2.4 m badge would be 2 px
    centre = t.map(QPointF(200, -100)).toPoint()
    # Held at a legible size (12 m here, the largest a badge grows) instead of 2 px: its colour
    # shows between the arms of the cross, 3 px from the centre.
    corners = [image.pixelColor(centre.x() + dx, centre.y() + dy) for dx in (-3, 3) for dy in (-3, 3)]
    badge = QColor(DEFAULT_STYLE.amenity_colour("first_aid"))
    assert all(abs(c.red() - badge.red()) < 40 and abs(c.green() - badge.green()) < 40 for c in corners)


def test_void_qt_calls_do_not_exhaust_none(qapp):
    """The PySide6 we install keeps None alive (6.12.0 dropped a reference per void call; pyproject excludes it)."""
    from PySide6.QtCore import QPointF as Point

    p = Point()
    for _ in range(min(sys.getrefcount(None) + 1000, 300_000)):   # enough to use up an unguarded None
        p.setX(1.0)
    assert sys.getrefcount(None) > 1000


@pytest.mark.parametrize("mode", ["status", "zone"])
def test_booth_fill_follows_the_mode(mode):
    zone = Zone(id="z", name="Z", color="#3f88c5", polygon=rect(0, 0, 10, 10))
    booth = Booth(id="b", x=5, y=5, status="reserved")
    fill = g.booth_fill(booth, DEFAULT_STYLE, mode, zone)
    if mode == "status":
        assert fill == QColor(DEFAULT_STYLE.booth_fill("reserved"))
    else:
        assert fill == QColor("#3f88c5").lighter(150)
