"""The analysis overlays on the plan: placed where the geometry says, switched by their layers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from planner.formats.layout_json import read_layout
from planner.model import Layout, Settings, Site, Zone
from planner.render.geometry import to_scene
from planner.solver.analysis import analyse
from planner.solver.overlay_data import overlay_data
from planner.ui.canvas.analysis_overlays import AnalysisOverlays
from planner.ui.canvas.overlay_grids import catchment_colour
from planner.ui.canvas.scene import FloorScene
from tests.factories import rect
from tests.solver.kit import gate

EXAMPLES = Path(__file__).resolve().parents[2] / "layouts" / "examples"


@pytest.fixture
def layout() -> Layout:
    """The window fixture's layout here: the crowded example, whose barrier has one 2 m opening."""
    return read_layout(EXAMPLES / "crowded.festival.json")


def red_pixels(image: QImage, centre: QPointF, radius: int = 6) -> int:
    """Strongly red pixels (the narrow-aisle colour) within ``radius`` of a viewport point."""
    count = 0
    for x in range(int(centre.x()) - radius, int(centre.x()) + radius + 1):
        for y in range(int(centre.y()) - radius, int(centre.y()) + radius + 1):
            c = image.pixelColor(x, y)
            if c.red() > 170 and c.green() < 80 and c.blue() < 80:
                count += 1
    return count


def test_live_analysis_puts_a_red_dimension_across_the_barrier_opening_and_the_layer_hides_it(window, qtbot):
    win = window
    from tests.ui.test_live_analysis import wait_current

    wait_current(qtbot, win)
    item = win.overlays.item("narrow_aisles")
    assert win.overlays.generation == win.analysis.generation
    # The crowd barrier runs along y 40–41 with its opening between x 66 and 68 (make_crowded.py).
    opening = [a for a in item.data.narrow_aisles if 65.9 < a.location[0] < 68.1 and 39.9 < a.location[1] < 41.1]
    assert len(opening) == 1
    (a, b) = opening[0].segment
    assert sorted([a[0], b[0]]) == pytest.approx([66.0, 68.0]) and a[1] == pytest.approx(b[1])
    assert opening[0].width == pytest.approx(2.0)
    report = win.analysis.result.report
    assert len(item.data.narrow_aisles) == len([f for f in report.findings if f.rule == "aisle-too-narrow"])
    # On screen: red across the opening while the layer is on, none once it is switched off.
    win.scene.layers.set_visible("bottlenecks", False)       # drawn in red as well
    view = win.view
    view.set_zoom(12.0)
    view.centerOn(to_scene(67, 40.5))
    qtbot.wait(50)
    here = view.mapFromScene(to_scene(67, 40.5))
    assert item.isVisible()
    assert red_pixels(view.viewport().grab().toImage(), QPointF(here)) > 5
    box = win.layers_panel.shown["narrow_aisles"]
    assert box.isChecked()
    win.docks["layers"].raise_()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert not box.isChecked() and not win.scene.layers.visible("narrow_aisles")
    assert not item.isVisible()
    qtbot.wait(50)
    assert red_pixels(view.viewport().grab().toImage(), QPointF(here)) == 0
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert item.isVisible()


def two_door_room() -> Layout:
    return Layout(site=Site(boundary=rect(0, 0, 20, 10)), name="Room", settings=Settings(),
                  zones=[Zone(id="hall", name="Hall · 大厅", polygon=rect(0, 0, 20, 10), peak_visitors=100)],
                  gates=[gate("west", (0, 4), (0, 6), kind="exit"), gate("east", (20, 4), (20, 6), kind="exit")])


def render(scene: FloorScene, x0=0.0, y0=0.0, x1=20.0, y1=10.0, px_per_m=20) -> QImage:
    """The scene's model rectangle as an image, px_per_m pixels per metre."""
    image = QImage(int((x1 - x0) * px_per_m), int((y1 - y0) * px_per_m), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), QRectF(x0, -y1, x1 - x0, y1 - y0))
    painter.end()
    return image


def pixel(image: QImage, x: float, y: float, px_per_m=20, y1=10.0) -> QColor:
    return image.pixelColor(int(x * px_per_m), int((y1 - y) * px_per_m))


def test_catchments_split_the_room_halfway_and_the_heat_grows_away_from_the_doors(qapp):
    lay = two_door_room()
    scene = FloorScene(lay)
    overlays = AnalysisOverlays(scene)
    overlays.set_data(overlay_data(lay, analyse(lay)))
    plain = render(scene)
    scene.layers.set_visible("catchments", True)
    tinted = render(scene)
    west, east = catchment_colour(0), catchment_colour(1)      # blue, orange

    def shift(x, y):
        a, b = pixel(plain, x, y), pixel(tinted, x, y)
        return (b.red() - a.red(), b.green() - a.green(), b.blue() - a.blue())

    for x in (2.0, 6.0, 9.0):
        dr, _, db = shift(x, 7.3)
        assert db > dr, x                       # tinted towards the west exit's blue
    for x in (11.0, 14.0, 18.0):
        dr, _, db = shift(x, 7.3)
        assert dr > db, x                       # towards the east exit's orange
    assert west.blue() > west.red() and east.red() > east.blue()
    scene.layers.set_visible("catchments", False)
    scene.layers.set_visible("walk_heat", True)
    heat = render(scene)
    near, far = pixel(heat, 2.5, 7.5), pixel(heat, 10.0, 9.0)
    assert near.green() > near.red()            # green by the doors ...
    assert far.red() > far.green()              # ... warm where the walk is longest
    scene.layers.set_visible("walk_heat", False)
    assert render(scene).pixelColor(30, 100) == plain.pixelColor(30, 100)
    scene.detach()


def test_overlays_survive_a_new_layout_and_clear_without_data(qapp):
    lay = two_door_room()
    scene = FloorScene(lay)
    overlays = AnalysisOverlays(scene)
    overlays.set_data(overlay_data(lay, analyse(lay)))
    before = overlays.item("zone_service")
    scene.set_layout(two_door_room())                     # the scene clears its items
    after = overlays.item("zone_service")
    assert after is not before and after.scene() is scene
    assert after.data is overlays.data                   # the items come back with the same data
    overlays.clear()
    assert all(item.boundingRect().isNull() for item in overlays.items.values())
    scene.detach()


def test_bottlenecks_on_the_exit_gates_are_labelled_by_width_and_flow_only(qapp):
    from planner.solver.overlay_data import CrossSection
    from planner.ui.canvas.analysis_overlays import bottleneck_text

    gate_section = CrossSection(segment=((0, 4), (0, 6)), width=2.0, flow_per_min=2.0 * 82, gate="west")
    chord = CrossSection(segment=((5, 0), (5, 1.5)), width=1.5, flow_per_min=1.5 * 82)
    assert bottleneck_text(gate_section) == "2.00 m · 164/min"
    assert bottleneck_text(chord) == "Bottleneck 1.50 m · 123 persons/min"


def test_the_two_door_rooms_gates_carry_compact_labels_that_do_not_overlap(qapp):
    """Both doors are the bottleneck: each is labelled once, without the word, and no label covers another."""
    from planner.ui.canvas.analysis_overlays import Labels

    lay = two_door_room()
    data = overlay_data(lay, analyse(lay))
    assert sorted(b.gate for b in data.bottlenecks) == ["east", "west"]
    scene = FloorScene(lay)
    overlays = AnalysisOverlays(scene)
    overlays.set_data(data)
    drawn: list[tuple[str, QRectF]] = []
    real_draw = Labels.draw

    def spy(self, at, text, *args, **kwargs):
        box = real_draw(self, at, text, *args, **kwargs)
        if box is not None:
            drawn.append((text, box))
        return box

    Labels.draw = spy
    try:
        scene.layers.set_visible("bottlenecks", True)
        render(scene)
    finally:
        Labels.draw = real_draw
    texts = [t for t, _ in drawn if "/min" in t]
    assert sorted(texts) == ["2.00 m · 164/min", "2.00 m · 164/min"]
    boxes = [b for t, b in drawn if "/min" in t]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    # Zoomed far out the doors' labels would overlap: the second is left out.
    drawn.clear()
    Labels.draw = spy
    try:
        render(scene, px_per_m=3)
    finally:
        Labels.draw = real_draw
    assert [t for t, _ in drawn if "/min" in t] == ["2.00 m · 164/min"]
    scene.detach()


@pytest.mark.parametrize("x", [50, 560])
def test_a_tool_label_near_the_view_edge_stays_whole_inside_it(qapp, x):
    """The Booth Block preview's summary was cut off at the plan's right edge: near it the
    label goes to the left of the point instead."""
    import numpy as np
    from PySide6.QtGui import QFontMetricsF

    from planner.ui.canvas.overlays import PreviewItem

    item = PreviewItem()
    text = "145 booths · 12 rows · aisles 4.0 m · 1 gate kept clear"
    image = QImage(600, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    item._text(painter, QPointF(x, 100), text)
    painter.end()
    bits = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(200, 600, 4)
    box = np.nonzero((bits[:, :, :3].astype(int).sum(axis=2) < 320).any(axis=0))[0]   # the dark box
    needed = QFontMetricsF(item._font).horizontalAdvance(text) + 12
    assert len(box) and box.min() > 0 and box.max() < 599                # not cut at either edge
    assert box.max() - box.min() + 1 >= needed - 2                       # the whole label shows
