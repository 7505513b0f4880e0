"""The booth layer: all booths drawn by one item, looking as the booths drawn one by one did.

Speed is measured by benchmarks/bench_editor.py; these tests hold the picture,
picking, dragging and editing to what they were.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem

from planner.model.edits import SetFields
from planner.render import graphics as g
from planner.render import painter as paint
from planner.render.geometry import to_scene
from planner.render.style import DEFAULT_STYLE
from planner.ui.canvas.booth_layer import BoothLayer
from planner.ui.canvas.items import BoothItem
from planner.ui.canvas.scene import FloorScene
from tests.ui.helpers import at, drag, move, press, release

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
STATUS_FILL = DEFAULT_STYLE.booth_status


def render(scene: FloorScene, source: QRectF, scale: float) -> QImage:
    """The scene's ``source`` rectangle drawn as the view draws it, ``scale`` pixels per metre."""
    scene.set_zoom(scale)
    image = QImage(round(source.width() * scale), round(source.height() * scale),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    return image


def differing(a: QImage, b: QImage, tolerance: int) -> float:
    """The share of pixels that differ by more than ``tolerance`` in some channel."""
    assert a.size() == b.size()
    count = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixel(x, y), b.pixel(x, y)
            if p != q and max(abs(((p >> s) & 255) - ((q >> s) & 255)) for s in (0, 8, 16)) > tolerance:
                count += 1
    return count / (a.width() * a.height())


@pytest.fixture
def scenes(qapp, market):
    """The market drawn by the layer, and the same market with every booth drawing itself."""
    layered, alone = FloorScene(market), FloorScene(market)
    alone.booth_layer.lift([b.id for b in market.booths])
    yield layered, alone
    layered.detach()
    alone.detach()


@pytest.mark.parametrize("scale", [2.0, 9.0, 15.7])      # overview; numbers just legible; 1:250 on screen
def test_the_layer_draws_what_the_booths_drew_one_by_one(scenes, market, scale):
    layered, alone = scenes
    block = market.booths[:120]
    xs, ys = [b.x for b in block], [b.y for b in block]
    source = QRectF(min(xs) - 6, -max(ys) - 6, min(max(xs) - min(xs) + 12, 900 / scale),
                    min(max(ys) - min(ys) + 12, 500 / scale))
    a, b = render(layered, source, scale), render(alone, source, scale)
    assert any(a.pixelColor(x, y).name() in STATUS_FILL.values()
               for x in range(0, a.width(), 5) for y in range(0, a.height(), 5))      # booths were drawn
    # Shared edges are drawn once over both fills instead of half under the next booth: a shade at most.
    assert differing(a, b, tolerance=48) < 0.001
    assert differing(a, b, tolerance=8) < 0.10
    assert unmatched(a, b, tolerance=48) < 0.0005


def test_booth_items_paint_nothing_but_are_still_picked(scenes, market):
    layered, _ = scenes
    booth = market.booths[7]
    item = layered.item(booth.id)
    assert isinstance(item, BoothItem) and item.flags() & NO_CONTENTS and not item.childItems()
    assert [o.id for o in layered.hits(booth.x, booth.y)][:1] == [booth.id]
    assert booth.id in [o.id for o in layered.objects_inside(booth.x - 2, booth.y - 2, booth.x + 2, booth.y + 2)]
    assert isinstance(layered.booth_layer, BoothLayer) and layered.booth_layer.shape().isEmpty()


def close_up(view, x: float, y: float) -> None:
    view.set_zoom(12.0)
    view.centerOn(to_scene(x, y))


def test_a_dragged_booth_leaves_the_layer_and_comes_back_where_it_was_dropped(window, qtbot):
    view = window.view
    close_up(view, 10.0, 16.0)
    port = view.viewport()
    assert window.view.viewport().grab().toImage().pixelColor(at(view, 10.0, 9.0)).name() == STATUS_FILL["sold"]
    item = window.scene.item("b-1")
    lifted: list[bool] = []
    window.scene.booth_layer.lift = (lambda original: (lambda ids: (lifted.append(bool(set(ids))),
                                                                    original(ids))[1]))(window.scene.booth_layer.lift)
    drag(view, [(10.0, 10.0), (10.0, 24.0)])                            # north, onto open ground
    assert True in lifted                                               # it drew itself while it moved
    assert window.layout.get("b-1").y == pytest.approx(24.0)
    assert item.flags() & NO_CONTENTS and item.pos().isNull()            # back on the layer
    window.selection.clear()                                             # no selection tint over it
    image = port.grab().toImage()
    assert image.pixelColor(at(view, 10.0, 23.0)).name() == STATUS_FILL["sold"]
    assert image.pixelColor(at(view, 10.0, 9.0)).name() != STATUS_FILL["sold"]
    window.document.undo()
    image = port.grab().toImage()
    assert image.pixelColor(at(view, 10.0, 9.0)).name() == STATUS_FILL["sold"]
    assert image.pixelColor(at(view, 10.0, 23.0)).name() != STATUS_FILL["sold"]


def test_a_drag_given_up_with_escape_leaves_no_trace(window, qtbot):
    view = window.view
    close_up(view, 10.0, 16.0)
    port = view.viewport()
    press(view, 10.0, 10.0)
    for y in (12.0, 16.0, 20.0, 24.0):
        move(view, 10.0, y)
    image = port.grab().toImage()
    assert image.pixelColor(at(view, 10.5, 23.3)) != image.pixelColor(at(view, 6.5, 23.3))   # drawn there
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    release(view, 10.0, 24.0)
    assert window.layout.get("b-1").y == 10.0 and window.document.undo_stack.count() == 0
    window.selection.clear()
    qtbot.wait(50)                                                       # the repaint Qt queued
    image = port.grab().toImage()
    ground = image.pixelColor(at(view, 6.5, 23.3)).name()                # open ground beside it (off the grid lines)
    assert image.pixelColor(at(view, 10.5, 23.3)).name() == ground
    assert image.pixelColor(at(view, 10.0, 9.0)).name() == STATUS_FILL["sold"]


def test_during_a_drag_the_booth_draws_itself_at_its_new_place(qapp, layout):
    scene = FloorScene(layout)
    source = QRectF(0, -20, 30, 20)
    scene.offset(["b-1"], 0.0, 6.0)                                     # 6 m north
    item = scene.item("b-1")
    assert not item.flags() & NO_CONTENTS and item.childItems()
    image = render(scene, source, 10.0)
    to_px = QTransform().scale(10.0, 10.0).translate(-source.left(), -source.top())
    assert image.pixelColor(to_px.map(QPointF(10.0, -15.0)).toPoint()).name() == STATUS_FILL["sold"]
    assert image.pixelColor(to_px.map(QPointF(10.0, -9.0)).toPoint()).name() != STATUS_FILL["sold"]
    scene.clear_offset()
    assert item.flags() & NO_CONTENTS
    image = render(scene, source, 10.0)
    assert image.pixelColor(to_px.map(QPointF(10.0, -9.0)).toPoint()).name() == STATUS_FILL["sold"]
    scene.detach()


def test_edits_undo_and_hidden_layers_reach_the_layer(window, qtbot):
    view = window.view
    close_up(view, 13.0, 10.0)
    here = at(view, 12.0, 9.0)                                           # b-2, reserved (b-3 overlaps its east end)
    grab = lambda: view.viewport().grab().toImage().pixelColor(here).name()  # noqa: E731
    assert grab() == STATUS_FILL["reserved"]
    window.document.push(SetFields(window.layout, {"b-2": {"status": "blocked"}}, "Block"))
    assert grab() != STATUS_FILL["reserved"]
    window.document.undo()
    assert grab() == STATUS_FILL["reserved"]
    window.scene.layers.set_visible("booths", False)
    assert not window.scene.booth_layer.isVisible() and grab() != STATUS_FILL["reserved"]
    assert "b-2" not in [o.id for o in window.scene.hits(12.0, 9.0)]
    window.scene.layers.set_visible("booths", True)
    assert grab() == STATUS_FILL["reserved"]


def test_labels_layer_takes_the_booth_numbers_off(qapp, layout):
    scene = FloorScene(layout)
    source = QRectF(7, -12, 12, 4)
    with_numbers = render(scene, source, 40.0)
    scene.layers.set_visible("labels", False)
    without = render(scene, source, 40.0)
    dark = lambda image: sum(QColor(image.pixel(x, y)).lightness() < 80  # noqa: E731
                             for x in range(image.width()) for y in range(image.height()))
    assert dark(with_numbers) > dark(without) + 100                      # "ANI-001", "ANI-002" in dark ink
    scene.detach()


def unmatched(a: QImage, b: QImage, tolerance: int) -> float:
    """The share of pixels of ``a`` with no pixel of ``b`` within one pixel that is like it."""
    def close(p: int, q: int) -> bool:
        return max(abs(((p >> s) & 255) - ((q >> s) & 255)) for s in (0, 8, 16)) <= tolerance

    w, h = a.width(), a.height()
    count = 0
    for y in range(h):
        for x in range(w):
            p = a.pixel(x, y)
            if p == b.pixel(x, y):
                continue
            if not any(close(p, b.pixel(i, j)) for i in range(max(x - 1, 0), min(x + 2, w))
                       for j in range(max(y - 1, 0), min(y + 2, h))):
                count += 1
    return count / (w * h)


def test_zone_outline_drawn_as_lines_looks_like_the_dashed_path(qapp, layout):
    zone = g.zone_graphic(layout.zones[0])           # 50 × 50 m
    images = []
    for edges in (None, paint.zone_edges(zone)):
        image = QImage(270, 270, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(QTransform().translate(10, 260).scale(5.0, 5.0))
        paint.paint_zone(painter, zone, DEFAULT_STYLE, edges)
        painter.end()
        images.append(image)
    assert len(paint.zone_edges(zone)) == 4
    path, lines = images
    ink = [sum(255 - QColor(im.pixel(x, y)).lightness() for x in range(270) for y in range(270)) for im in images]
    assert ink[1] == pytest.approx(ink[0], rel=0.03)                    # as much dash, as dark
    assert differing(path, lines, tolerance=48) > 0                      # not the same drawing call ...
    assert unmatched(path, lines, tolerance=48) < 0.002                  # ... but the same dashes, to a pixel
    assert unmatched(lines, path, tolerance=48) < 0.002
