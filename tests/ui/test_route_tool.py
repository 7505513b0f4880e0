"""The walking-route tool on the real view: lengths worked out by hand, and the route follows edits."""

from __future__ import annotations

import math
import threading

import pytest
from PySide6.QtCore import Qt

from planner.model import Booth, Layout, Obstacle, Settings, Site
from planner.ui.analysis import set_live_enabled
from planner.ui.canvas.tools import ToolEvent
from tests.factories import rect
from tests.solver.kit import gate
from tests.ui.helpers import CTRL, click, drag

BODY = 0.25


def room(obstacles=(), booths=()) -> Layout:
    """20 × 10 m with a gate in the middle of the west wall and one in the east wall."""
    return Layout(site=Site(boundary=rect(0, 0, 20, 10)), name="Room", settings=Settings(),
                  obstacles=list(obstacles), booths=list(booths),
                  gates=[gate("west", (0, 4), (0, 6)), gate("east", (20, 4), (20, 6))])


@pytest.fixture
def open_window(qtbot):
    from planner.ui.main_window import MainWindow

    set_live_enabled(False)          # these tests are about the route, not the analysis

    def make(layout: Layout):
        win = MainWindow(layout, None)
        qtbot.addWidget(win)
        win.resize(1000, 700)
        win.show()
        qtbot.waitExposed(win)
        win.view.fit()
        win.activateWindow()
        qtbot.waitActive(win)
        win.view.setFocus()
        return win
    return make


def route_between(win, qtbot, a, b):
    tool = win.host.tools["route"]
    click(win.view, *a)
    click(win.view, *b)
    qtbot.waitUntil(lambda: not tool.pending and tool.result is not None, timeout=10000)
    return tool


@pytest.fixture
def layout() -> Layout:
    """The window fixture's layout, for the tests here: the empty room."""
    return room()


def test_w_picks_the_tool_and_two_gates_give_the_straight_walk(window, qtbot):
    win = window
    win.activateWindow()
    qtbot.waitActive(win)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_W)
    assert win.host.tool.name == "route"
    assert win.actions["tool_route"].isChecked()
    tool = route_between(win, qtbot, (0, 5), (20, 5))
    # Each gate's endpoint is its midpoint moved one body radius onto walkable ground.
    assert tool.ends == ["west", "east"]
    assert tool.result.length == pytest.approx(20 - 2 * BODY, abs=1e-6)
    assert tool.item.text == "19.5 m, 16 s on foot"               # 19.5 m at 1.2 m/s
    assert "19.5 m" in win.status.currentMessage()
    assert tool.item.points[0] == pytest.approx((BODY, 5)) and tool.item.points[-1] == pytest.approx((20 - BODY, 5))


def test_the_walk_goes_round_a_wall_end(open_window, qtbot):
    """A wall x 9–11 from the floor up to y = 7 between gates low on each side wall."""
    lay = room(obstacles=[Obstacle(id="wall", kind="structure", polygon=rect(9, 0, 11, 7))])
    lay.gates = [gate("west", (0, 1), (0, 3)), gate("east", (20, 1), (20, 3))]
    win = open_window(lay)
    win.host.set_tool("route")
    tool = route_between(win, qtbot, (0, 2), (20, 2))
    # N's corner at the wall's top is cut by a chord from (8.75, 7) to (9, 7.25); the walk from
    # (0.25, 2) clears (8.75, 7) and touches (9, 7.25), runs along the top and comes down alike.
    expected = 2 * math.hypot(9 - BODY, 7.25 - 2) + 2.0
    assert tool.result.length == pytest.approx(expected, abs=0.02)
    assert max(y for _, y in tool.result.polyline) == pytest.approx(7 + BODY, abs=0.02)


def test_dragging_a_booth_into_the_walk_makes_it_go_round(open_window, qtbot):
    booth = Booth(id="b-1", number="A-01", x=10, y=8.5, width=3, depth=3)
    win = open_window(room(booths=[booth]))
    win.host.set_tool("route")
    tool = route_between(win, qtbot, (0, 5), (20, 5))
    assert tool.result.length == pytest.approx(19.5, abs=1e-6)        # the booth is out of the way
    first = tool.result.request
    win.host.set_tool("select")
    drag(win.view, [(10, 8.5), (10, 7), (10, 5)], CTRL)
    moved = win.document.layout.get("b-1")
    assert moved.y == pytest.approx(5, abs=0.1)
    qtbot.waitUntil(lambda: tool.result.request > first and not tool.pending, timeout=10000)
    # Round the booth's nearer long side: to the cut corner (8.5, top + 0.25), across 3 m, and down.
    top, bottom = moved.y + 1.5 + BODY, moved.y - 1.5 - BODY
    over = 2 * math.hypot(8.5 - BODY, top - 5) + 3
    under = 2 * math.hypot(8.5 - BODY, 5 - bottom) + 3
    assert tool.result.length == pytest.approx(min(over, under), abs=0.02)
    assert tool.result.length > 19.5 + 0.3
    assert tool.item.points == tool.result.polyline                  # the canvas shows the new walk


def test_a_click_snaps_to_a_booth_front_and_ctrl_takes_the_point(open_window, qtbot):
    booth = Booth(id="b-1", number="A-01", x=10, y=8.5, width=3, depth=3)
    win = open_window(room(booths=[booth]))
    win.host.set_tool("route")
    tool = route_between(win, qtbot, (10, 8.5), (20, 5))
    assert tool.ends[0] == "b-1"
    # The booth's front faces south: its middle is (10, 7), moved out one body radius.
    assert tool.result.start_point == pytest.approx((10, 7 - BODY), abs=1e-3)
    assert tool.result.length == pytest.approx(math.dist((10, 7 - BODY), (20 - BODY, 5)), abs=1e-3)
    tool.press(ToolEvent(5, 5, pixel_m=0.05, snap=False))
    tool.press(ToolEvent(15, 5, pixel_m=0.05, snap=False))
    qtbot.waitUntil(lambda: not tool.pending, timeout=10000)
    assert tool.result.length == pytest.approx(10.0, abs=1e-6)


def test_escape_clears_the_route_and_an_unreachable_end_is_said_plainly(open_window, qtbot):
    lay = room(obstacles=[Obstacle(id="wall", kind="structure", polygon=rect(9, 0, 11, 10))])
    win = open_window(lay)
    win.host.set_tool("route")
    tool = route_between(win, qtbot, (0, 5), (20, 5))
    assert tool.result.length is None
    assert "No walking path" in win.status.currentMessage()
    qtbot.keyClick(win.view, Qt.Key.Key_Escape)
    assert tool.ends == [] and tool.item.points == []


def test_a_wall_added_after_esc_is_walked_round_next_time(open_window, qtbot):
    from planner.model.edits import AddObjects

    win = open_window(room())
    win.host.set_tool("route")
    tool = route_between(win, qtbot, (0, 5), (20, 5))
    assert tool.result.length == pytest.approx(20 - 2 * BODY, abs=1e-6)
    qtbot.keyClick(win.view, Qt.Key.Key_Escape)
    wall = Obstacle(id="wall", kind="structure", polygon=rect(9, 2, 11, 10))
    win.document.push(AddObjects([wall]))
    tool.result = None
    tool = route_between(win, qtbot, (0, 5), (20, 5))
    assert tool.result.length > 20                   # round the wall's open end, not through it


@pytest.mark.parametrize("answer", ["before_the_deletion", "after_the_deletion"])
def test_closing_the_window_while_a_route_is_worked_out_is_quiet(qtbot, monkeypatch, answer):
    """Closing hides the window at once and deletes it when the event loop next runs, so the route's
    answer reaches the tool either while the closed window still exists or after it has gone. Which
    one is decided here, not left to the thread pool's speed; either way the answer is dropped:
    not kept, drawn or announced, and nothing is raised (pytest-qt fails a test on an error in a slot)."""
    import shiboken6
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from planner.ui.canvas.tools import route as route_module
    from planner.ui.main_window import MainWindow

    go = threading.Event()
    worked_out = []
    find_route = route_module.find_route

    def held(*args):
        """The route is worked out only when the test lets it: before the close, or after the deletion."""
        assert go.wait(10)
        worked_out.append(find_route(*args))
        return worked_out[-1]

    monkeypatch.setattr(route_module, "find_route", held)
    set_live_enabled(False)
    win = MainWindow(room(), None)
    win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)   # as File → Close Window does
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    win.view.fit()
    win.host.set_tool("route")
    tool = win.host.tools["route"]
    click(win.view, 0, 5)
    click(win.view, 20, 5)
    assert tool.ends == ["west", "east"] and tool.pending
    announced: list[str] = []
    win.host.message_posted.connect(announced.append)
    window_there: list[bool] = []                 # when each answer reached the tool: was the window there?
    tool._relay.finished.connect(lambda _result: window_there.append(shiboken6.isValid(win.host)))
    pool = QThreadPool.globalInstance()
    try:
        if answer == "before_the_deletion":
            go.set()
            assert pool.waitForDone(10000)         # the answer is queued ahead of the window's deletion
        with qtbot.waitSignal(win.destroyed, timeout=10000):
            win.close()
    finally:
        go.set()
    assert pool.waitForDone(10000)
    QApplication.processEvents()                  # an answer queued after the deletion is delivered
    assert len(worked_out) == 1 and worked_out[0].length == pytest.approx(20 - 2 * BODY, abs=1e-6)
    assert window_there == [answer == "before_the_deletion"]
    assert tool.result is None                    # dropped: not kept ...
    assert tool.item is None or tool.item.points == []    # ... nor drawn ...
    assert announced == []                        # ... nor announced in the status bar


def test_requests_made_while_a_route_is_worked_out_run_one_after_another(open_window, qtbot):
    win = open_window(room())
    win.host.set_tool("route")
    tool = route_between(win, qtbot, (0, 5), (20, 5))
    starts: list[int] = []
    real_start = tool._start
    tool._start = lambda: (starts.append(tool.requests), real_start())
    tool.compute()
    tool.compute()                               # while the first is out: waits for it
    tool.compute()
    assert starts == [tool.requests - 2]
    qtbot.waitUntil(lambda: not tool.pending, timeout=10000)
    assert starts == [tool.requests - 2, tool.requests]     # then only the latest one runs
    assert tool.result.length == pytest.approx(20 - 2 * BODY, abs=1e-6)


def test_two_route_jobs_never_work_on_the_shared_router_at_once(monkeypatch, qtbot):
    """Jobs from two windows (or a quick second request) run one after the other."""
    import pickle
    import time

    from PySide6.QtCore import QThreadPool

    from planner.ui.canvas.tools import route as route_mod

    running, most = [0], [0]
    lock = threading.Lock()

    def slow(*args):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return route_mod.RouteResult(request=args[-1], start=args[1], end=args[2])

    monkeypatch.setattr(route_mod, "find_route", slow)
    done = []
    relay = route_mod._Relay(done.append)
    payload = pickle.dumps(Layout(name="x", site=Site(boundary=rect(0, 0, 10, 10))))
    pool = QThreadPool.globalInstance()
    for request in range(4):
        pool.start(route_mod._Job(relay, (payload, "a", "b", None, 0, request)))
    qtbot.waitUntil(lambda: len(done) == 4, timeout=10000)
    assert most[0] == 1
