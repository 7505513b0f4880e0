"""The walking-route tool: click a start and an end to see the walking path, its length and time.

A click snaps to what is under the cursor (a gate, a booth's front, an
amenity, a zone's anchor, as the command line's ``route`` does); with Ctrl
held, or on open ground, the clicked point itself. The path is found off the
GUI thread: building the router for a large plan takes up to a second, so a
copy of the layout goes to a thread pool and the answer comes back as a
queued signal; an answer for an older request, or for a window that has
closed, is dropped. The route stays on the plan after switching tools and
is found again after every edit, so moving a booth into it shows the
detour at once.
"""

from __future__ import annotations

import math
import pickle
import threading
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from planner.i18n import format_number
from planner.model.geometry import Point
from planner.model.layout import Amenity, Booth, Change, Gate, Layout, Zone
from planner.render.geometry import device_scale, scene_point
from planner.solver.rules import duration as rules_duration
from planner.ui.canvas.analysis_overlays import cosmetic, duration, metres
from planner.ui.canvas.overlay_labels import LabelSpec, labels_item, update_labels
from planner.ui.canvas.overlays import Preview
from planner.ui.canvas.tools.base import PICK_PX, Tool, ToolEvent, translate

Z_ROUTE = 80
ROUTE = "#b0177f"          # style.route: magenta, apart from the blue paths between gates and zones
RECOMPUTE_MS = 120          # quiet time after an edit before the route is found again
PRIORITY = (Gate, Booth, Amenity, Zone)   # what a click snaps to first


@dataclass
class RouteResult:
    request: int
    start: str                          # what was clicked: an id, or "x,y"
    end: str
    start_point: Point | None = None    # where the walk starts and ends on walkable ground
    end_point: Point | None = None
    length: float | None = None
    polyline: list[Point] | None = None
    error: str = ""
    router: object = None               # (version, areas, router) for the next request
    speed: float = 1.2


def endpoint_text(spec: str | Point) -> str:
    return spec if isinstance(spec, str) else f"{spec[0]:.3f},{spec[1]:.3f}"


def point_text(spec: str) -> str:
    """A clicked point ("646.352,204.698") as people read it: "(646.4 m, 204.7 m)"; other text as it is.

    The end points keep three decimals for the router; the message rounds them
    to a decimetre, as the command line's route output does.
    """
    parts = spec.split(",")
    try:
        x, y = (float(p) for p in parts)
    except ValueError:
        return spec
    x, y = round(x, 1) + 0.0, round(y, 1) + 0.0          # + 0.0: -0.04 reads 0.0, not -0.0
    return translate("Tools", "({x} m, {y} m)").format(x=format_number(x, 1), y=format_number(y, 1))


def walk_text(length: float, speed: float) -> str:
    """'30.9 m, 26 s on foot': the length to a decimetre and the time, as the command line's route says."""
    return translate("Tools", "{length} m, {time} on foot").format(
        length=format_number(length, 1), time=rules_duration(length / speed))


def find_route(layout: Layout, start: str, end: str, cached: tuple | None, version: int,
               request: int) -> RouteResult:
    """The walking path between two endpoints of ``layout`` (a copy nobody else touches)."""
    from planner.solver.endpoints import EndpointError, resolve
    from planner.solver.routes import Router
    from planner.solver.walkable import build_areas

    result = RouteResult(request=request, start=start, end=end, speed=layout.settings.walking_speed)
    if cached is not None and cached[0] == version:
        _, areas, router = cached
    else:
        areas = build_areas(layout)
        router = Router(areas)
    result.router = (version, areas, router)
    try:
        a = resolve(start, layout, areas)
        b = resolve(end, layout, areas)
    except EndpointError as exc:
        message = str(exc)
        for spec in (start, end):       # a clicked point, as people read it
            if spec in message:
                message = message.replace(spec, point_text(spec))
        result.error = message
        return result
    result.start_point, result.end_point = a.point, b.point
    path = router.shortest(a.point, b.point)
    if path is not None:
        result.length, result.polyline = path.length, list(path.polyline)
    return result


_ROUTING = threading.Lock()


class _Job(QRunnable):
    def __init__(self, relay: _Relay, args: tuple) -> None:
        super().__init__()
        self.relay = relay
        self.args = args

    def run(self) -> None:
        payload, start, end, cached, version, request = self.args
        try:
            # One route at a time: two at once would share the cached router, whose
            # prepared shapes GEOS must not set up from two threads together.
            with _ROUTING:
                result = find_route(pickle.loads(payload), start, end, cached, version, request)
        except Exception as exc:  # noqa: BLE001 - shown to the user in the status bar
            result = RouteResult(request=request, start=start, end=end, error=f"{type(exc).__name__}: {exc}")
        self.relay.finished.emit(result)


class _Relay(QObject):
    """Lives in the GUI thread, so a result emitted from the pool arrives there, queued."""

    finished = Signal(object)

    def __init__(self, deliver) -> None:
        super().__init__()
        self._deliver = deliver
        self.finished.connect(self._arrived, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _arrived(self, result: RouteResult) -> None:
        self._deliver(result)


class RouteItem(QGraphicsItem):
    """The walking path with its ends; its label (length and time) is drawn by the scene's labels item,
    above the booths and the selection, first of all labels: the organiser just asked for it."""

    label_rank = 0

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_ROUTE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.points: list[Point] = []
        self.ends: list[Point] = []
        self.text = ""
        self._rect = QRectF()

    def show_route(self, points: list[Point], ends: list[Point], text: str) -> None:
        self.prepareGeometryChange()
        self.points, self.ends, self.text = list(points), list(ends), text
        pts = [scene_point(p) for p in [*points, *ends]]
        if pts:
            xs, ys = [p.x() for p in pts], [p.y() for p in pts]
            self._rect = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys))).adjusted(-60, -60, 60, 60)
        else:
            self._rect = QRectF()
        self.update()
        update_labels(self.scene())

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        px = 1.0 / (device_scale(painter.worldTransform()) or 1.0)
        colour = QColor(ROUTE)
        if len(self.points) >= 2:
            poly = QPolygonF([scene_point(p) for p in self.points])
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(cosmetic(QColor(255, 255, 255, 220), 7.0))
            painter.drawPolyline(poly)
            pen = cosmetic(colour, 3.5)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPolyline(poly)
        painter.setPen(cosmetic("#ffffff", 2.0))
        for k, end in enumerate(self.ends):
            painter.setBrush(colour if k == 0 else QColor("#ffffff"))
            painter.setPen(cosmetic(colour if k else "#ffffff", 2.5))
            painter.drawEllipse(scene_point(end), 6 * px, 6 * px)

    def label_specs(self, scale: float) -> list[LabelSpec]:
        if not self.text:
            return []
        if len(self.points) >= 2:
            at = _middle(self.points)
        elif self.ends:
            at = scene_point(self.ends[-1])
        else:
            return []
        along = QPolygonF([scene_point(p) for p in self.points]) if len(self.points) >= 2 else None
        return [LabelSpec(at, self.text, QColor(ROUTE), always=True, dx=10.0, dy=-10.0, along=along)]


def _middle(points: list[Point]) -> QPointF:
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:])]
    left = sum(lengths) / 2
    for (a, b), step in zip(zip(points, points[1:]), lengths):
        if left <= step and step > 0:
            return QLineF(scene_point(a), scene_point(b)).pointAt(left / step)
        left -= step
    return scene_point(points[-1])


class RouteTool(Tool):
    name = "route"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, host) -> None:
        super().__init__(host)
        self.ends: list[str] = []           # endpoint texts as ``resolve`` reads them
        self.result: RouteResult | None = None
        self.requests = 0                   # the latest request's number
        self._working = False               # a job is out: one at a time, they share the cached router
        self._again = False                 # a newer request waits for it
        self.version = 0                    # counts layout changes, keys the cached router
        self._cached: tuple | None = None
        self._followed: Layout | None = None
        self._item: RouteItem | None = None
        self._relay = _Relay(self._arrived)
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_MS)
        self._timer.timeout.connect(self.compute)
        document = getattr(host, "document", None)
        if document is not None:
            document.layout_replaced.connect(lambda _layout: self.clear())

    # -- state --------------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """A route is being found (or about to be) for the layout as it is now."""
        return self._timer.isActive() or (len(self.ends) == 2 and (
            self.result is None or self.result.request != self.requests))

    def snap(self, e: ToolEvent) -> str:
        """What a click means: the id of the gate, booth, amenity or zone under it, else x,y."""
        if e.snap:
            hits = self.host.hits(e.x, e.y, PICK_PX * e.pixel_m)
            for kind in PRIORITY:
                for obj in hits:
                    if isinstance(obj, kind):
                        return obj.id
        return endpoint_text((e.x, e.y))

    def label(self, spec: str) -> str:
        """An endpoint as the status bar names it: the object's name, or a clicked point in metres."""
        obj = self.host.layout.get(spec)
        if obj is None:
            return point_text(spec)
        return getattr(obj, "name", "") or getattr(obj, "number", "") or obj.id

    # -- the gesture ------------------------------------------------------------------------------
    def press(self, e: ToolEvent) -> None:
        spec = self.snap(e)
        if len(self.ends) != 1:
            self.ends = [spec]
            self.result = None
            self._follow(None)
            self._show([], [(e.x, e.y)], "")
            self.host.message(translate("Tools", "Route from {start}: click where it ends.").format(
                start=self.label(spec)))
            return
        self.ends.append(spec)
        self._follow(self.host.layout)
        self.compute()

    def escape(self) -> bool:
        if self.ends:
            self.clear()
            return True
        return False

    def deactivate(self) -> None:
        """Leaving the tool keeps a finished route on the plan; a half-picked one goes."""
        if len(self.ends) == 1:
            self.clear()
        self.host.show(Preview())

    def clear(self) -> None:
        self.ends = []
        self.result = None
        self._timer.stop()
        self._follow(None)
        self._show([], [], "")

    # -- finding the route -------------------------------------------------------------------------
    def compute(self) -> None:
        if len(self.ends) != 2:
            return
        self._timer.stop()
        self.requests += 1
        if self._working:
            self._again = True
            return
        self._start()

    def _start(self) -> None:
        self._working = True
        payload = pickle.dumps(self.host.layout, protocol=pickle.HIGHEST_PROTOCOL)
        args = (payload, self.ends[0], self.ends[1], self._cached, self.version, self.requests)
        QThreadPool.globalInstance().start(_Job(self._relay, args))

    def _arrived(self, result: RouteResult) -> None:
        if self._closed():
            self._stop()                             # the window closed while the route was worked out
            return
        self._working = False
        if result.router is not None and (self._cached is None or self._cached[0] <= result.router[0]):
            self._cached = result.router
        result.router = None
        if self._again:
            self._again = False
            if len(self.ends) == 2:
                self._start()                        # the latest request, on the router just kept
        if result.request != self.requests or len(self.ends) != 2:
            return                                   # an older request, or the route was cleared
        self.result = result
        ends = [p for p in (result.start_point, result.end_point) if p is not None]
        start, end = self.label(result.start), self.label(result.end)
        if result.error:
            text = result.error
            self._show([], ends, "")
        elif result.length is None:
            text = translate("Tools", "No walking path from {start} to {end}.").format(start=start, end=end)
            self._show([], ends, translate("Tools", "no path"))
        else:
            walk = translate("Tools", "{length}, {time} on foot").format(
                length=metres(result.length), time=duration(result.length / result.speed))
            text = translate("Tools", "{start} to {end}: {walk}").format(
                start=start, end=end, walk=walk_text(result.length, result.speed))
            self._show(result.polyline or [], ends, walk)
        self.host.message(text)

    # -- the window closing ----------------------------------------------------------------------------
    def _closed(self) -> bool:
        """Whether the window has closed: its answers and the layout's edits are no longer its business.

        Closing hides the window at once but deletes it only when the event
        loop next runs, so an answer queued before that deletion reaches a tool
        whose window still exists, unseen: it must be dropped all the same, not
        drawn or announced. A host with no view (tools scripted on a bare
        scene) is never closed; one whose scene is shown only in windows that
        have closed, or that has been deleted, is.
        """
        host = self.host
        if isinstance(host, QObject) and not shiboken6.isValid(host):
            return True
        scene = getattr(host, "scene", None)
        if not isinstance(scene, QGraphicsScene):
            return False
        if not shiboken6.isValid(scene):
            return True
        views = scene.views()
        return bool(views) and not any(view.window().isVisible() for view in views)

    def _stop(self) -> None:
        """Nothing more is worked out for a closed window: no request waits, no edit is followed."""
        self._working = self._again = False
        self._timer.stop()
        self._follow(None)

    # -- following the layout -------------------------------------------------------------------------
    def _follow(self, layout: Layout | None) -> None:
        if self._followed is layout:
            return
        # Edits are only seen while following: a router kept from before, or one still on its way,
        # may be out of date; a new version number makes sure neither is used again.
        self._cached = None
        self.version += 1
        if self._followed is not None:
            self._followed.unsubscribe(self._changed)
        self._followed = layout
        if layout is not None:
            layout.subscribe(self._changed)

    def _changed(self, change: Change) -> None:
        if self._closed():
            self._stop()                            # the window has gone; the layout may live on
            return
        self.version += 1
        gone = [spec for spec in self.ends if spec in change.removed]
        if gone:
            self.host.message(translate("Tools", "The route's end was deleted."))
            self.clear()
            return
        self._timer.start()

    def _show(self, points: list[Point], ends: list[Point], text: str) -> None:
        item = self._item
        scene = getattr(self.host, "scene", None)
        if scene is None or not shiboken6.isValid(scene):
            return
        if item is None or not shiboken6.isValid(item) or item.scene() is not scene:
            item = self._item = RouteItem()
            scene.addItem(item)
            labels_item(scene).register(item)
        item.show_route(points, ends, text)

    @property
    def item(self) -> RouteItem | None:
        return self._item if self._item is not None and shiboken6.isValid(self._item) else None
