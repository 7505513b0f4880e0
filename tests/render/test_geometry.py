"""Model (y north, counter-clockwise) to scene (y down) conversion: the one place that flips y."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTransform

from planner.model import Booth
from planner.model.geometry import normalise_polygon, rotate_point
from planner.render.geometry import (
    booth_polygon, device_scale, local_frame, model_rect, polygon_path, qt_rotation, to_model,
    to_scene, upright_angle,
)


def close(p: QPointF, q: tuple[float, float], tol: float = 1e-9) -> bool:
    return abs(p.x() - q[0]) <= tol and abs(p.y() - q[1]) <= tol


@pytest.mark.parametrize("x, y", [(0, 0), (123.4, 56.7), (-5.5, 300.25), (700, -12)])
def test_to_scene_flips_y_and_round_trips(x, y):
    p = to_scene(x, y)
    assert (p.x(), p.y()) == (x, -y)
    assert to_model(p) == (x, y)


def test_north_is_up_in_the_scene():
    south, north = to_scene(10, 20), to_scene(10, 30)
    assert north.y() < south.y()          # scene y grows downwards


def test_polygon_path_keeps_holes():
    polygon = normalise_polygon([[(0, 0), (10, 0), (10, 10), (0, 10)], [(4, 4), (6, 4), (6, 6), (4, 6)]])
    path = polygon_path(polygon)
    assert path.contains(to_scene(1, 1))
    assert not path.contains(to_scene(5, 5))      # in the hole
    assert path.boundingRect() == model_rect(0, 0, 10, 10)


def test_booth_polygon_is_the_model_corners_flipped():
    booth = Booth(id="b", x=10, y=20, width=6, depth=3, rotation=30)
    poly = booth_polygon(booth)
    for i, corner in enumerate(booth.corners()):
        assert close(poly.at(i), (corner[0], -corner[1]), 1e-9)
    assert poly.isClosed()


@pytest.mark.parametrize("angle", [0, 30, 90, 135, 180, 270, 333])
def test_qt_rotation_turns_the_same_way_as_the_model(angle):
    model = rotate_point((1.0, 0.0), angle, (0.0, 0.0))
    scene = QTransform().rotate(qt_rotation(angle)).map(QPointF(1.0, 0.0))
    assert close(scene, (model[0], -model[1]), 1e-9)


@pytest.mark.parametrize("angle", [0, 45, 90, 200, 315])
def test_booth_frame_puts_the_front_at_local_plus_y(angle):
    booth = Booth(id="b", x=3, y=-4, width=4, depth=2, rotation=angle)
    frame = local_frame(booth.x, booth.y, booth.rotation)
    front = frame.map(QPointF(0.0, booth.depth / 2))
    expected = booth.side_midpoint("front")
    assert close(front, (expected[0], -expected[1]), 1e-9)
    right = frame.map(QPointF(booth.width / 2, 0.0))
    expected = booth.side_midpoint("right")
    assert close(right, (expected[0], -expected[1]), 1e-9)


@pytest.mark.parametrize("rotation, angle, along_width", [
    (0, 0, True), (30, 30, True), (90, 0, False), (135, 45, False), (180, 0, True),
    (200, 20, True), (270, 0, False), (315, 45, False), (320, -40, True), (-30, -30, True),
])
def test_booth_text_never_reads_upside_down(rotation, angle, along_width):
    got, width = upright_angle(rotation)
    assert math.isclose(got, angle, abs_tol=1e-9)
    assert -45 < got <= 45
    assert width is along_width


def test_device_scale_of_a_turned_zoom():
    t = QTransform().rotate(30).scale(7.5, 7.5)
    assert math.isclose(device_scale(t), 7.5, rel_tol=1e-9)
    assert Qt.FillRule.OddEvenFill == polygon_path(normalise_polygon([[(0, 0), (1, 0), (0, 1)]])).fillRule()
