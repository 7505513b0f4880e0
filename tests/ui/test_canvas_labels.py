"""Names on the canvas: amenity names give way to booth numbers, gate names to each other, and the
analysis labels draw above booths and selection, off each other, inside the view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from planner.formats import read_layout
from planner.render import painter as paint
from planner.render.geometry import to_scene
from planner.render.text import label_rect
from planner.solver.analysis import analyse
from planner.solver.overlay_data import overlay_data
from planner.ui.canvas.analysis_overlays import AnalysisOverlays
from planner.ui.canvas.items import Z_BOOTH, AmenityItem, BoothItem, GateItem
from planner.ui.canvas.overlay_labels import labels_item
from planner.ui.canvas.overlays import Z_SELECTION
from planner.ui.canvas.scene import FloorScene
from tests.ui.test_overlays import two_door_room

WEST_LAKE = Path(__file__).resolve().parents[2] / "layouts" / "west-lake-2018.festival.json"


def px_per_m(denominator: float) -> float:
    return 96 / 0.0254 / denominator


def drawn_names(monkeypatch, scene: FloorScene, source: QRectF, scale: float) -> list[tuple[str, QRectF]]:
    """Every name the scene's items draw over ``source`` (scene metres) at ``scale``, as scene rectangles."""
    drawn: list[tuple[str, QRectF]] = []
    real = paint.draw_label

    def spy(painter, text, centre, height_m, *args, **kwargs):
        done = real(painter, text, centre, height_m, *args, **kwargs)
        if done:
            drawn.append((text, label_rect(text, centre, height_m, kwargs.get("bold", False))))
        return done

    monkeypatch.setattr(paint, "draw_label", spy)
    w, h = round(source.width() * scale), round(source.height() * scale)
    source = QRectF(source.x(), source.y(), w / scale, h / scale)     # exactly ``scale`` both ways
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    monkeypatch.setattr(paint, "draw_label", real)
    return drawn


def names_of(scene: FloorScene, kind: type) -> set[str]:
    return {item.graphic.label.text for item in scene.object_items()
            if isinstance(item, kind) and item.graphic.label is not None}


def test_at_1_270_amenity_names_on_gourmet_cover_no_booth(qapp, monkeypatch):
    scene = FloorScene(read_layout(WEST_LAKE))
    scale = px_per_m(270)
    source = QRectF(to_scene(370, 265), to_scene(560, 225)).normalized()
    names = drawn_names(monkeypatch, scene, source, scale)
    amenities = [(t, r) for t, r in names if t in names_of(scene, AmenityItem)]
    texts = [t for t, _ in amenities]
    assert {f"Extinguisher · 灭火器 {n}" for n in range(1, 7)} <= set(texts)      # moved, not dropped
    booths = [i.graphic.bounds for i in scene.object_items() if isinstance(i, BoothItem)]
    assert [t for t, r in amenities if any(r.intersects(b) for b in booths)] == []
    rects = [r for _, r in amenities]
    assert not [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:] if a.intersects(b)]
    # Exactly what the scene's plan says: the canvas and the exports place names alike.
    planned = scene.label_room.plan(scale).rects
    assert all(any(abs(r.x() - p.x()) < 1e-6 and abs(r.y() - p.y()) < 1e-6 and abs(r.width() - p.width()) < 1e-6
                   for p in planned) for r in rects)
    scene.detach()


def test_on_the_overview_gate_names_do_not_overlap_and_the_labels_layer_hides_them(qapp, monkeypatch):
    scene = FloorScene(read_layout(WEST_LAKE))
    scale = px_per_m(3000)
    source = scene.layout_rect().adjusted(-20, -20, 20, 20)
    lines = {part for name in names_of(scene, GateItem) for part in name.split(" · ")}
    gates = [(t, r) for t, r in drawn_names(monkeypatch, scene, source, scale) if t in lines]
    assert len(gates) == 2 * 8                # every gate is named, on two lines (Latin, Chinese)
    # A gate's two lines are drawn one after the other: each gate's name is the union of a pair.
    rects = [gates[i][1].united(gates[i + 1][1]) for i in range(0, len(gates), 2)]
    assert not [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:] if a.intersects(b)]
    scene.layers.set_visible("labels", False)
    assert not [t for t, _ in drawn_names(monkeypatch, scene, source, scale) if t in lines]
    scene.detach()


def test_a_booth_moved_under_a_name_pushes_it_off(qapp):
    layout = read_layout(WEST_LAKE)
    scene = FloorScene(layout)
    scale = px_per_m(270)
    wc = next(a for a in layout.amenities if a.name == "WC · 卫生间 4")
    assert scene.label_room.amenity_spot(wc.id, scale) == 0
    from planner.model.edits import MoveObjects

    booth = next(b for b in layout.booths if b.number == "FOD-025")
    MoveObjects(layout, [booth.id], wc.x - booth.x, wc.y - 3.0 - booth.y).apply(layout)   # right under the badge
    assert scene.label_room.amenity_spot(wc.id, scale) not in (0, None)
    scene.detach()


def test_analysis_labels_sit_above_booths_and_selection_and_inside_the_picture(qapp):
    lay = two_door_room()
    scene = FloorScene(lay)
    overlays = AnalysisOverlays(scene)
    overlays.set_data(overlay_data(lay, analyse(lay)))
    for kind in ("bottlenecks", "catchments"):
        scene.layers.set_visible(kind, True)
    item = labels_item(scene)
    assert item.zValue() > Z_SELECTION > Z_BOOTH
    assert item.zValue() > max(i.zValue() for i in overlays.items.values())
    # The west door (x 0, y 4–6) at the picture's top-left corner: its labels would be cut there.
    image = QImage(300, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), QRectF(0.0, -5.0, 15.0, 10.0))
    painter.end()
    texts = [t for t, _ in item.drawn]
    assert "2.00 m · 164/min" in texts and any("visitors" in t for t in texts)
    boxes = [b for _, b in item.drawn]
    assert all(QRectF(image.rect()).contains(b) for b in boxes)
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.intersects(b)]
    scene.detach()


def test_in_the_window_a_selection_does_not_cover_the_route_label(window, qtbot):
    from tests.ui.test_live_analysis import wait_current

    win = window
    wait_current(qtbot, win)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)     # select everything
    assert win.selection.ids
    scene = win.scene
    item = labels_item(scene)
    assert item.zValue() > scene.selection_item.zValue()
    win.view.set_zoom(8.0)
    qtbot.wait(20)
    win.view.viewport().grab()
    port = QRectF(win.view.viewport().rect())
    assert item.drawn and all(port.contains(b) for _, b in item.drawn)


def test_close_gates_on_the_canvas_keep_one_name_at_1_3000_and_both_at_1_270(qapp, monkeypatch):
    from planner.model import Gate, Layout, Site
    from tests.factories import rect

    layout = Layout(site=Site(boundary=rect(0, 0, 400, 100)), gates=[
        Gate(id="small", name="Side Door · 侧门", a=(110, 100), b=(114, 100)),
        Gate(id="main", name="Main Entrance · 正门", a=(90, 100), b=(102, 100))])
    scene = FloorScene(layout)
    source = QRectF(to_scene(40, 150), to_scene(160, 60)).normalized()
    far = {t for t, _ in drawn_names(monkeypatch, scene, source, px_per_m(3000))}
    assert {"Main Entrance", "正门"} <= far and not {"Side Door", "侧门"} & far
    near = {t for t, _ in drawn_names(monkeypatch, scene, source, px_per_m(270))}
    assert {"Main Entrance", "正门", "Side Door", "侧门"} <= near
    scene.detach()


def test_the_route_label_slides_along_the_route_into_the_picture(qapp):
    from planner.ui.canvas.tools.route import RouteItem

    scene = FloorScene(two_door_room())
    route = RouteItem()
    scene.addItem(route)
    labels_item(scene).register(route)
    route.show_route([(0.5, 5.0), (10.0, 5.0), (19.5, 5.0)], [(0.5, 5.0), (19.5, 5.0)], "19.0 m, 16 s on foot")
    assert labels_item(scene).zValue() > route.zValue()
    # Only the route's western quarter is in the picture: its middle (x 10) lies beyond the right edge.
    image = QImage(200, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), QRectF(0.0, -6.5, 5.0, 2.5))
    painter.end()
    drawn = labels_item(scene).drawn
    assert [t for t, _ in drawn] == ["19.0 m, 16 s on foot"]
    assert QRectF(image.rect()).contains(drawn[0][1])
    scene.detach()
