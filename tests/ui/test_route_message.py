"""The route tool's status message reads like the command line's route output: rounded, with units.

A newcomer saw "646.352,204.698 to 646.352,173.751" in the status bar: the clicked
points as the router keeps them. The message rounds them to a decimetre in metres.
"""

from __future__ import annotations

import re

import pytest

from planner.ui.canvas.tools.route import point_text, walk_text
from tests.ui.helpers import CTRL, click
from tests.ui.test_route_tool import open_window, room  # noqa: F401 - open_window: the fixture


@pytest.fixture
def route_window(open_window):
    return open_window(room())


def test_a_route_between_clicked_points_is_told_in_metres_to_a_decimetre(route_window, qtbot):
    win = route_window
    win.host.set_tool("route")
    tool = win.host.tools["route"]
    # Ctrl takes the clicked points themselves; on screen they land between whole millimetres.
    click(win.view, 4.0, 5.0, CTRL)
    start = tool.ends[0]
    x0, y0 = (float(v) for v in start.split(","))
    assert win.status.currentMessage() == f"Route from ({x0:.1f} m, {y0:.1f} m): click where it ends."
    click(win.view, 16.0, 5.0, CTRL)
    qtbot.waitUntil(lambda: not tool.pending and tool.result is not None, timeout=10000)
    x1, y1 = (float(v) for v in tool.ends[1].split(","))
    length = tool.result.length
    assert length == pytest.approx(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, abs=1e-3)   # a straight walk
    message = win.status.currentMessage()
    seconds = round(length / 1.2)
    assert message == (f"({x0:.1f} m, {y0:.1f} m) to ({x1:.1f} m, {y1:.1f} m): "
                       f"{length:.1f} m, {seconds} s on foot")
    assert not re.search(r"\d\.\d\d", message)          # nothing to the millimetre, as the trial saw


def test_point_and_walk_texts_round_as_the_command_line_does():
    assert point_text("646.352,204.698") == "(646.4 m, 204.7 m)"
    assert point_text("1234.56,-0.04") == "(1,234.6 m, 0.0 m)"
    assert point_text("g-n1") == "g-n1"                      # not a point: left as it is
    # 30.947 m at 1.2 m/s is 25.8 s: 26 s; the CLI says "30.9 m, 26 s on foot at 1.2 m/s".
    assert walk_text(30.947, 1.2) == "30.9 m, 26 s on foot"
    assert walk_text(412.6, 1.2) == "412.6 m, 5 min 44 s on foot"


def test_a_clicked_point_off_the_ground_is_named_in_rounded_metres():
    from planner.ui.canvas.tools.route import find_route

    result = find_route(room(), "646.352,204.698", "1.000,1.000", None, 0, 1)
    assert "(646.4 m, 204.7 m)" in result.error and "646.352" not in result.error
