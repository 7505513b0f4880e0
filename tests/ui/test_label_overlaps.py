"""West Lake fitted in the editor, every analysis overlay on: names, badges and overlay labels keep clear.

Issue #6: the bottleneck badges ("12.0 m · 984/min"), the exit catchments'
visitor counts and the other overlay labels covered gate and zone names, and
amenity badges sat on zone names. Everything here is read from what the
scene actually draws (``paint.draw_label`` and ``paint.paint_amenity`` are
watched while it renders) and from the labels item's own record of its
boxes, not worked out again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from planner.formats import read_layout
from planner.render import painter as paint
from planner.render.labels import amenity_size
from planner.render.text import label_rect
from planner.solver.analysis import analyse
from planner.solver.overlay_data import overlay_data
from planner.ui.canvas.analysis_overlays import AnalysisOverlays, bottleneck_text
from planner.ui.canvas.layers import ANALYSIS_LAYERS
from planner.ui.canvas.overlay_labels import labels_item
from planner.ui.canvas.scene import FloorScene

WEST_LAKE = Path(__file__).resolve().parents[2] / "layouts" / "west-lake-2018.festival.json"
WIDTH, HEIGHT = 1224, 662          # the plan view of a 1600 × 1000 window


def overlapping(a: list[tuple[str, QRectF]], b: list[tuple[str, QRectF]]) -> list[tuple[str, str]]:
    return [(ta, tb) for i, (ta, ra) in enumerate(a) for j, (tb, rb) in enumerate(b)
            if (a is not b or j > i) and ra.intersects(rb)]


@pytest.fixture(scope="module")
def fitted(qapp):
    """West Lake drawn fitted into the plan view with all analysis layers on: what was drawn where."""
    layout = read_layout(WEST_LAKE)
    scene = FloorScene(layout)
    overlays = AnalysisOverlays(scene)
    data = overlay_data(layout, analyse(layout))
    overlays.set_data(data)
    for key, _ in ANALYSIS_LAYERS:
        scene.layers.set_visible(key, True)
    whole = scene.layout_rect()
    scale = min(WIDTH / whole.width(), HEIGHT / whole.height())
    source = QRectF(0, 0, WIDTH / scale, HEIGHT / scale)
    source.moveCenter(whole.center())
    to_device = QTransform().scale(scale, scale).translate(-source.x(), -source.y())

    names: list[tuple[str, QRectF]] = []
    badges: list[tuple[str, QRectF]] = []
    real_label, real_amenity = paint.draw_label, paint.paint_amenity

    def spy_label(painter, text, centre, height_m, *args, **kwargs):
        done = real_label(painter, text, centre, height_m, *args, **kwargs)
        if done:
            rect = label_rect(text, centre, height_m, kwargs.get("bold", False))
            names.append((text, painter.worldTransform().mapRect(rect)))
        return done

    def spy_amenity(painter, amenity, style=paint.DEFAULT_STYLE, *args, **kwargs):
        real_amenity(painter, amenity, style, *args, **kwargs)
        r = amenity_size(style, paint._scale(painter)) / 2          # the badge's square, as drawn
        square = QRectF(amenity.pos.x() - r, amenity.pos.y() - r, 2 * r, 2 * r)
        badges.append((amenity.label.text if amenity.label else amenity.kind,
                       painter.worldTransform().mapRect(square)))

    paint.draw_label, paint.paint_amenity = spy_label, spy_amenity
    try:
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), source)
        painter.end()
    finally:
        paint.draw_label, paint.paint_amenity = real_label, real_amenity
    zone_names = {item.graphic.label.text for item in scene._zone_labels.values()}
    yield {"scene": scene, "scale": scale, "to_device": to_device, "data": data, "layout": layout,
           "names": [(t, r) for t, r in names if t not in zone_names],
           "zone_names": [(t, r) for t, r in names if t in zone_names], "badges": badges,
           "overlay": getattr(labels_item(scene), "placed", []), "drawn": list(labels_item(scene).drawn)}
    scene.detach()


def test_every_bottleneck_badge_and_exit_count_is_drawn(fitted):
    texts = [t for t, _ in fitted["drawn"]]
    for section in fitted["data"].bottlenecks:
        assert bottleneck_text(section) in texts                 # moved, never left out
    assert sum("visitors" in t for t in texts) == len(fitted["data"].exits)
    # Counts read as the command line prints them: "5,422 visitors", not "5422 visitors".
    counts = [t.split()[0] for t in texts if "visitors" in t]
    assert counts and all(c == f"{int(c.replace(',', '')):,}" for c in counts)
    assert any("," in c for c in counts)
    assert len(fitted["zone_names"]) == len([z for z in fitted["layout"].zones if z.name])
    assert len(fitted["badges"]) == len(fitted["layout"].amenities)


def test_overlay_labels_cover_no_name_no_badge_and_no_other_overlay_label(fitted):
    overlay = fitted["drawn"]
    assert not overlapping(overlay, overlay)
    assert not overlapping(overlay, fitted["names"])             # gate, obstacle and amenity names
    assert not overlapping(overlay, fitted["zone_names"])
    assert not overlapping(overlay, fitted["badges"])
    assert [(p.text, p.box) for p in fitted["overlay"]] == overlay


def test_zone_names_step_aside_off_badges_gate_names_and_each_other(fitted):
    zones = fitted["zone_names"]
    assert not overlapping(zones, zones)
    assert not overlapping(zones, fitted["badges"])
    gate_lines = {line for gate in fitted["layout"].gates for line in (gate.name or "").split(" · ")}
    assert not overlapping(zones, [(t, r) for t, r in fitted["names"] if t in gate_lines])


def test_a_label_that_moved_far_draws_a_line_back_to_its_point(fitted):
    to_device = fitted["to_device"]
    led = [p for p in fitted["overlay"] if p.leader is not None]
    assert len(led) >= 3                                         # West Lake's north gates are crowded
    for placed in led:
        line = placed.leader
        assert line.p1() == placed.anchor
        end = line.p2()
        box = placed.box
        on_edge = (min(abs(end.x() - box.left()), abs(end.x() - box.right())) < 1e-6
                   or min(abs(end.y() - box.top()), abs(end.y() - box.bottom())) < 1e-6)
        assert box.adjusted(-1e-6, -1e-6, 1e-6, 1e-6).contains(end) and on_edge
        assert QLineF(placed.anchor, end).length() > 8.0
    # Each bottleneck badge keeps the middle of its cross-section as its point, moved or not.
    for section in fitted["data"].bottlenecks:
        a, b = (QPointF(x, -y) for x, y in section.segment)
        mid = to_device.map((a + b) / 2)
        assert any(p.text == bottleneck_text(section) and QLineF(p.anchor, mid).length() < 0.5
                   for p in fitted["overlay"])
