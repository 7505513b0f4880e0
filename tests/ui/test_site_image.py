"""The site plan image: import, calibrate by two clicks and a typed distance, move, turn, opacity, lock,
and its path relative to the layout file through Save and Save As.

The test image is 1000 × 500 px with two marks 800 px apart on one row, so
the answers are known without the planner: typed 40 m, the scale must come
out at 40 / 800 = 0.05 m per pixel.
"""

from __future__ import annotations

import json
import math

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QStyle, QStyleOptionSlider

from planner.model.edits import SetPart
from planner.model.layout import Background
from planner.render.geometry import to_scene
from planner.ui.canvas.tools.calibrate import calibrated, from_image, to_image, turned_about
from planner.ui.files import blank_layout
from planner.ui.site_image import initial_background, stored_path
from tests.factories import small_layout
from tests.ui.helpers import click, move, press, release

WIDTH, HEIGHT = 1000, 500
MARK_A, MARK_B = (100, 250), (900, 250)     # pixel column, row from the top: 800 px apart


def make_image(path) -> None:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4efe1"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c0392b"))
    for cx, cy in (MARK_A, MARK_B):
        painter.drawEllipse(QPointF(cx, cy), 6, 6)
    painter.end()
    assert image.save(str(path))


def model_of(background: Background, pixel) -> tuple[float, float]:
    """Where an image pixel (column, row from the top) lies, worked out from the stored fields alone."""
    column, row = pixel
    u = (column, HEIGHT - row)
    a = math.radians(background.rotation_deg)
    m = background.metres_per_pixel
    return (background.x + m * (u[0] * math.cos(a) - u[1] * math.sin(a)),
            background.y + m * (u[0] * math.sin(a) + u[1] * math.cos(a)))


def choose_open(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def choose_save(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def panel_of(window):
    return window.docks["site_image"].widget()


@pytest.fixture
def plan_png(tmp_path):
    folder = tmp_path / "images 图"
    folder.mkdir()
    path = folder / "site.png"
    make_image(path)
    return path


@pytest.fixture
def imported(window, plan_png, monkeypatch):
    """The window after File → Import Site Plan Image… of the test image."""
    choose_open(monkeypatch, plan_png)
    window.actions["import_image"].trigger()
    return window


# -- headless: the geometry and the first guess ----------------------------------------------------
def test_calibration_keeps_the_first_point_and_sets_the_measured_length():
    bg = Background(image="a.png", metres_per_pixel=0.1, x=3.0, y=-2.0, rotation_deg=30.0)
    a, b = from_image(bg, (100, 250)), from_image(bg, (900, 250))
    assert math.dist(a, b) == pytest.approx(80.0)
    new = Background(image="a.png", **calibrated(bg, a, b, 40.0))
    assert new.metres_per_pixel == pytest.approx(0.05)
    assert new.rotation_deg == pytest.approx(30.0)
    assert from_image(new, (100, 250)) == pytest.approx(a)
    assert math.dist(from_image(new, (100, 250)), from_image(new, (900, 250))) == pytest.approx(40.0)
    # With a bearing the line also turns about the first point: 40<90 puts it due north.
    north = Background(image="a.png", **calibrated(bg, a, b, 40.0, bearing=90.0))
    assert north.rotation_deg == pytest.approx(90.0)
    end = from_image(north, (900, 250))
    assert (end[0] - a[0], end[1] - a[1]) == pytest.approx((0.0, 40.0), abs=1e-9)
    assert to_image(north, a) == pytest.approx((100, 250))
    with pytest.raises(ValueError):
        calibrated(bg, a, a, 40.0)


def test_turning_about_the_centre_keeps_the_centre():
    bg = Background(image="a.png", metres_per_pixel=0.2, x=10.0, y=5.0)
    centre = from_image(bg, (WIDTH / 2, HEIGHT / 2))
    assert centre == pytest.approx((110.0, 55.0))
    turned = Background(image="a.png", metres_per_pixel=0.2, **turned_about(bg, 90.0, centre))
    assert turned.rotation_deg == pytest.approx(90.0)
    assert from_image(turned, (WIDTH / 2, HEIGHT / 2)) == pytest.approx(centre)
    # The corner was 100 m west and 50 m south of the centre; a quarter turn puts it 50 m east, 100 m south.
    assert from_image(turned, (0, 0)) == pytest.approx((160.0, -45.0))


def test_first_guess_fits_the_site_or_takes_a_tenth_of_a_metre_per_pixel():
    fitted = initial_background(small_layout(), "a.png", WIDTH, HEIGHT)      # site 100 × 50 m
    assert (fitted.metres_per_pixel, fitted.x, fitted.y) == pytest.approx((0.1, 0.0, 0.0))
    tall = initial_background(small_layout(), "a.png", 200, 400)            # covers the site: 50 m/200 px across
    assert tall.metres_per_pixel == pytest.approx(0.5)
    assert (tall.x, tall.y) == pytest.approx((0.0, -75.0))
    empty = initial_background(blank_layout(), "a.png", WIDTH, HEIGHT)
    assert (empty.metres_per_pixel, empty.x, empty.y) == pytest.approx((0.1, 0.0, 0.0))


def test_stored_paths_are_relative_with_slashes_or_absolute_without_a_folder(tmp_path):
    image = tmp_path / "img" / "西湖.png"
    assert stored_path(image, tmp_path / "plans" / "2018") == "../../img/西湖.png"
    assert stored_path(image, None) == str(image)


# -- the window ------------------------------------------------------------------------------------
def test_import_places_the_image_as_one_step_and_starts_calibrating(imported, plan_png):
    window = imported
    bg = window.layout.background
    assert bg is not None and bg.image == str(plan_png)          # never saved: absolute for now
    assert (bg.metres_per_pixel, bg.x, bg.y) == pytest.approx((0.1, 0.0, 0.0))
    assert window.document.undo_stack.count() == 1
    assert window.host.tool.name == "calibrate" and window.actions["tool_calibrate"].isChecked()
    item = window.scene.background_item
    assert item is not None and item.size_px() == (WIDTH, HEIGHT)
    rect = item.sceneBoundingRect()
    assert (rect.left(), rect.top(), rect.width(), rect.height()) == pytest.approx((0, -50, 100, 50))
    assert "site.png" in panel_of(window).file_label.text()
    window.document.undo()
    assert window.layout.background is None and window.scene.background_item is None


def test_calibrate_by_clicking_the_marks_and_typing_the_distance(imported, qtbot):
    window, view = imported, imported.view
    first = imported.layout.background
    a, b = model_of(first, MARK_A), model_of(first, MARK_B)      # (10, 25) and (90, 25) before calibration
    assert a == pytest.approx((10.0, 25.0)) and b == pytest.approx((90.0, 25.0))
    click(view, *a)
    click(view, *b)
    qtbot.keyClicks(view, "40")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    bg = window.layout.background
    pixel_m = 1.0 / view.zoom()                                   # how far off a click can be
    assert bg.metres_per_pixel == pytest.approx(0.05, rel=4 * pixel_m / 80)
    assert model_of(bg, MARK_A) == pytest.approx(a, abs=2 * pixel_m)                 # the first mark stays
    assert model_of(bg, MARK_B) == pytest.approx((a[0] + 40.0, a[1]), abs=4 * pixel_m)
    assert window.scene.background_item.model_point(*MARK_B) == pytest.approx(model_of(bg, MARK_B), abs=1e-6)
    stack = window.document.undo_stack
    assert stack.count() == 2 and stack.undoText() == "Calibrate site plan image"
    assert panel_of(window).scale.value() == pytest.approx(bg.metres_per_pixel, abs=1e-6)
    window.document.undo()
    assert (window.layout.background.metres_per_pixel, window.layout.background.x,
            window.layout.background.y) == (0.1, 0.0, 0.0)
    assert window.scene.background_item.model_point(*MARK_B) == pytest.approx(b)
    assert panel_of(window).scale.value() == pytest.approx(0.1)


def test_calibrate_with_a_bearing_turns_the_line(imported, qtbot):
    window, view = imported, imported.view
    a = model_of(window.layout.background, MARK_A)
    click(view, *a)
    click(view, *model_of(window.layout.background, MARK_B))
    qtbot.keyClicks(view, "40<90")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    bg = window.layout.background
    assert bg.rotation_deg == pytest.approx(90.0, abs=0.5)
    end = model_of(bg, MARK_B)
    assert end == pytest.approx((a[0], a[1] + 40.0), abs=0.5)


def slider_handle(slider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    return slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                         QStyle.SubControl.SC_SliderHandle, slider).center()


def drag_slider(qtbot, slider, dx: int) -> None:
    start = slider_handle(slider)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(slider, QPoint(start.x() + dx * step // 5, start.y()))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + dx, start.y()))


def test_opacity_slider_one_drag_one_step_and_lock(imported, qtbot):
    window = imported
    panel = panel_of(window)
    window.docks["site_image"].show()
    window.docks["site_image"].raise_()
    qtbot.waitExposed(panel.opacity)
    stack = window.document.undo_stack
    before = stack.count()
    drag_slider(qtbot, panel.opacity, -panel.opacity.width() // 4)
    opacity = window.layout.background.opacity
    assert opacity < 0.6 - 0.05
    assert window.scene.background_item.opacity() == pytest.approx(opacity)
    assert stack.count() == before + 1 and stack.undoText() == "Change site plan image opacity"
    drag_slider(qtbot, panel.opacity, panel.opacity.width() // 8)
    assert stack.count() == before + 2 and window.layout.background.opacity > opacity
    window.document.undo()
    window.document.undo()
    assert window.layout.background.opacity == pytest.approx(0.6)
    assert panel.opacity.value() == 60

    qtbot.mouseClick(panel.locked, Qt.MouseButton.LeftButton, pos=QPoint(8, panel.locked.height() // 2))
    assert window.layout.background.locked
    assert not panel.scale.isEnabled() and not panel.calibrate_button.isEnabled()
    # A locked image stays where it is when dragged.
    placed = (window.layout.background.x, window.layout.background.y)
    window.host.set_tool("move_image")
    press(window.view, 50, 25)
    move(window.view, 60, 30)
    release(window.view, 60, 30)
    assert (window.layout.background.x, window.layout.background.y) == placed
    window.document.undo()
    assert not window.layout.background.locked and panel.scale.isEnabled()


def test_move_image_drags_a_mark_onto_a_site_corner_and_the_layer_lock_stops_it(imported, qtbot):
    window, view = imported, imported.view
    qtbot.mouseClick(panel_of(window).move_button, Qt.MouseButton.LeftButton)
    assert window.host.tool.name == "move_image"
    mark = model_of(window.layout.background, MARK_A)              # (10, 25)
    press(view, *mark)
    move(view, 5, 10)
    move(view, 0.3, 0.2)
    release(view, 0.3, 0.2)                                          # snaps to the site's corner (0, 0)
    pixel_m = 1.0 / view.zoom()
    assert model_of(window.layout.background, MARK_A) == pytest.approx((0.0, 0.0), abs=2 * pixel_m)
    assert window.scene.background_item.pos() == QPointF()          # the drag preview is gone
    assert window.document.undo_stack.undoText() == "Move site plan image"
    window.scene.layers.set_locked("background", True)
    placed = (window.layout.background.x, window.layout.background.y)
    press(view, 20, 20)
    move(view, 40, 20)
    release(view, 40, 20)
    assert (window.layout.background.x, window.layout.background.y) == placed


def test_typed_rotation_turns_about_the_centre_as_one_step(imported, qtbot):
    window = imported
    panel = panel_of(window)
    centre = model_of(window.layout.background, (WIDTH / 2, HEIGHT / 2))
    panel.rotation.setFocus()
    panel.rotation.selectAll()
    qtbot.keyClicks(panel.rotation, "90")
    qtbot.keyClick(panel.rotation, Qt.Key.Key_Return)
    bg = window.layout.background
    assert bg.rotation_deg == pytest.approx(90.0)
    assert model_of(bg, (WIDTH / 2, HEIGHT / 2)) == pytest.approx(centre)
    assert window.document.undo_stack.undoText() == "Turn site plan image"
    window.document.undo()
    assert window.layout.background.rotation_deg == 0.0


def test_remove_image_is_undoable(imported, qtbot):
    window = imported
    qtbot.mouseClick(panel_of(window).remove_button, Qt.MouseButton.LeftButton)
    assert window.layout.background is None and window.scene.background_item is None
    assert not panel_of(window).remove_button.isEnabled()
    window.document.undo()
    assert window.layout.background is not None and window.scene.background_item is not None


def test_save_and_save_as_keep_the_image_path_relative_and_found(imported, plan_png, tmp_path, monkeypatch):
    window = imported
    window.actions["import_image"].trigger()           # imported again: the first one is in the history
    assert window.document.undo_stack.count() == 2
    first = tmp_path / "plans" / "market.festival.json"
    first.parent.mkdir()
    choose_save(monkeypatch, first)
    assert window.files.save()
    stored = json.loads(first.read_text(encoding="utf-8"))["background"]["image"]
    assert stored == "../images 图/site.png"
    assert window.layout.background.image == stored
    assert window.scene.background_item is not None

    other = tmp_path / "elsewhere" / "deeper" / "copy.festival.json"
    other.parent.mkdir(parents=True)
    choose_save(monkeypatch, other)
    assert window.files.save_as()
    stored = json.loads(other.read_text(encoding="utf-8"))["background"]["image"]
    assert stored == "../../images 图/site.png"
    assert (other.parent / stored).resolve() == plan_png.resolve()
    assert window.scene.background_item is not None and window.scene.background_item.loaded
    # The history was rebased too: undoing the second import brings back the first, still found.
    window.document.undo()
    assert window.layout.background.image == "../../images 图/site.png"
    assert window.scene.background_item is not None
    window.document.redo()

    # Opened afresh, from its new folder, the image is found.
    assert window.files.open(other)
    assert window.layout.background.image == "../../images 图/site.png"
    assert window.scene.background_item is not None and window.scene.background_item.size_px() == (WIDTH, HEIGHT)
    assert "site.png" in panel_of(window).file_label.text()


def test_a_failed_save_leaves_the_image_path_as_it_was(imported, plan_png, tmp_path, monkeypatch):
    window = imported
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    choose_save(monkeypatch, blocked / "plan.festival.json")
    assert not window.files.save()
    assert window.layout.background.image == str(plan_png)
    assert window.scene.background_item is not None


@pytest.mark.parametrize("content", [b"not an image at all", "truncated"])
def test_unreadable_image_says_so_and_changes_nothing(window, tmp_path, monkeypatch, no_modal_dialogs, content,
                                                     plan_png):
    bad = tmp_path / "broken.png"
    bad.write_bytes(plan_png.read_bytes()[:120] if content == "truncated" else content)
    choose_open(monkeypatch, bad)
    window.actions["import_image"].trigger()
    assert window.layout.background is None
    assert window.document.undo_stack.count() == 0
    assert window.host.tool.name == "select"
    assert no_modal_dialogs and "broken.png" in no_modal_dialogs[-1]


def test_missing_image_file_is_named_in_the_panel(window):
    from planner.model.edits import SetPart

    window.document.push(SetPart(window.layout, "background",
                                 Background(image="gone/site.png", metres_per_pixel=0.1)))
    assert window.scene.background_item is None
    assert "not found" in panel_of(window).file_label.text()
    window.host.set_tool("calibrate")
    click(window.view, 10, 10)
    assert window.host.tools["calibrate"].points == []


def test_rotate_keys_turn_the_image_about_its_centre_while_moving_it(imported):
    window = imported
    window.host.set_tool("move_image")
    centre = model_of(window.layout.background, (WIDTH / 2, HEIGHT / 2))
    window.actions["rotate_ccw_15"].trigger()
    window.actions["rotate_ccw_15"].trigger()
    bg = window.layout.background
    assert bg.rotation_deg == pytest.approx(30.0)
    assert model_of(bg, (WIDTH / 2, HEIGHT / 2)) == pytest.approx(centre)
    assert window.document.undo_stack.count() == 2          # the import and one turn: the burst merged
    window.document.undo()
    assert window.layout.background.rotation_deg == 0.0


def test_import_into_a_saved_layout_stores_the_path_relative_at_once(window, plan_png, tmp_path, monkeypatch):
    target = tmp_path / "market.festival.json"
    choose_save(monkeypatch, target)
    assert window.files.save()
    choose_open(monkeypatch, plan_png)
    window.actions["import_image"].trigger()
    assert window.layout.background.image == "images 图/site.png"
    assert window.scene.background_item is not None


def test_fit_after_file_new_shows_the_calibrated_image_not_just_the_default_site(window, plan_png, qtbot,
                                                                                 monkeypatch, no_modal_dialogs):
    """File → New, import, calibrate to 0.5 m per pixel (a 500 × 250 m plan): Ctrl+0 shows all of it."""
    window.actions["new"].trigger()
    choose_open(monkeypatch, plan_png)
    window.actions["import_image"].trigger()
    first = window.layout.background
    window.document.push(SetPart(window.layout, "background",
                                 Background(image=first.image, metres_per_pixel=0.5, x=-20.0, y=-30.0),
                                 label="Calibrate site plan image"))
    view = window.view
    view.set_zoom(40.0)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    # The image's corners from its stored fields alone, in the scene's y-down metres.
    corners = [to_scene(*model_of(window.layout.background, p)) for p in ((0, 0), (WIDTH, HEIGHT))]
    image = QRectF(corners[0], corners[1]).normalized()
    assert (image.width(), image.height()) == pytest.approx((500.0, 250.0))
    assert visible.contains(image), (visible, image)
    assert visible.contains(window.scene.site_item.graphic.bounds)
    # Fitted, not merely zoomed out: the image fills most of the window's width or height.
    assert image.width() / visible.width() > 0.8 or image.height() / visible.height() > 0.8
    # Hiding the image's layer fits the site again.
    window.scene.layers.set_visible("background", False)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.width() < 0.5 * image.width()
