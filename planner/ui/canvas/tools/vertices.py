"""Editing the points of an area (site boundary, obstacle, zone) or the ends of a gate.

Click an area or a gate to show its points. Drag a point to move it; drag
from the small circle in the middle of an edge (or anywhere on the edge) to
insert a point there; Delete or Backspace removes the point last touched
(an area keeps at least three). Typing ``x,y`` and Enter puts the point
last touched exactly there (as the drawing tools take typed lengths). Gate
ends stay on the site boundary. Each gesture is one ``SetFields`` on release.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt

from planner.model.edits import SetFields
from planner.model.geometry import Point, normalise_polygon
from planner.model.layout import Gate, Obstacle, Zone
from planner.ui.canvas.overlays import Preview
from planner.ui.canvas.tools.base import DRAG_PX, PICK_PX, Tool, ToolEvent, translate
from planner.ui.canvas.tools.draw import parse_typed
from planner.ui.canvas.tools.snapping import closest_on_segment, nearest_on_boundary, snap_to_grid

Handle = tuple[int, int]        # ring, index (a gate: ring 0, index 0 for a and 1 for b)
_TYPING_KEYS = set("0123456789.,-")   # x,y of the active point; not space: space + drag pans


class VertexTool(Tool):
    name = "vertices"

    def __init__(self, host) -> None:
        super().__init__(host)
        self.target: str | None = None     # an object id, or "site"
        self.active: Handle | None = None
        self._drag: Handle | None = None
        self._inserting = False
        self._rings: list[list[Point]] = []
        self._start: Point | None = None
        self._moved = False
        self._marker: tuple[Point, str] | None = None
        self.typed = ""                    # x,y being typed for the active point

    @property
    def busy(self) -> bool:
        return self.target is not None

    def wants(self, key: int, text: str) -> bool:
        return super().wants(key, text) or bool(text and text in _TYPING_KEYS and self._can_type())

    def _can_type(self) -> bool:
        return self.target is not None and self.active is not None and self._drag is None

    # -- the target -------------------------------------------------------------------------
    def _rings_of(self, target: str | None) -> list[list[Point]]:
        layout = self.host.layout
        if target == "site":
            return [list(r) for r in layout.site.boundary]
        obj = layout.get(target) if target else None
        if isinstance(obj, (Zone, Obstacle)):
            return [list(r) for r in obj.polygon]
        if isinstance(obj, Gate):
            return [[obj.a, obj.b]]
        return []

    def set_target(self, target: str | None) -> bool:
        """Edit the points of ``target`` (an id or "site"); False if it cannot be edited."""
        layout = self.host.layout
        obj = layout.get(target) if target not in (None, "site") else None
        if target not in (None, "site") and (obj is None or not isinstance(obj, (Zone, Obstacle, Gate))):
            return False
        if obj is not None and (obj.locked or not self.host.editable(obj)):
            self.host.message(translate("Tools", "This object is locked."))
            return False
        if target == "site" and not self.host.layer_editable("site"):
            return False
        self.target, self.active, self.typed = target, None, ""
        self._rings = self._rings_of(target)
        if target not in (None, "site"):
            self.host.selection.set([target])
        self._update()
        return True

    def activate(self) -> None:
        selected = self.host.selection.ids
        if self.target is None and len(selected) == 1:
            self.set_target(selected[0])
        self._update()

    def _is_gate(self) -> bool:
        return isinstance(self.host.layout.get(self.target or ""), Gate)

    # -- geometry of handles ------------------------------------------------------------------
    def _handle_at(self, p: Point, tol: float) -> Handle | None:
        best, best_d = None, tol
        for i, ring in enumerate(self._rings):
            for j, q in enumerate(ring):
                d = math.dist(p, q)
                if d <= best_d:
                    best, best_d = (i, j), d
        return best

    def _edge_at(self, p: Point, tol: float) -> tuple[int, int, Point] | None:
        """The edge under p (ring, index of its first point, the point on it)."""
        if self._is_gate():
            return None
        best, best_d = None, tol
        for i, ring in enumerate(self._rings):
            for j in range(len(ring)):
                q, _ = closest_on_segment(p, ring[j], ring[(j + 1) % len(ring)])
                d = math.dist(p, q)
                if d <= best_d:
                    best, best_d = (i, j, q), d
        return best

    # -- the gesture ----------------------------------------------------------------------------
    def press(self, e: ToolEvent) -> None:
        self._rings = self._rings_of(self.target)
        tol = (PICK_PX + 2) * e.pixel_m
        handle = self._handle_at(e.point, tol) if self.target else None
        if handle is not None:
            self._begin(handle, e.point)
            return
        edge = self._edge_at(e.point, tol) if self.target else None
        if edge is not None:
            ring, index, q = edge
            self._rings[ring].insert(index + 1, q)
            self._inserting = True
            self._begin((ring, index + 1), e.point)
            return
        picked = next((o for o in self.host.hits(e.x, e.y, PICK_PX * e.pixel_m)
                       if isinstance(o, (Zone, Obstacle, Gate)) and self.host.editable(o)), None)
        if picked is not None:
            self.set_target(picked.id)
        elif self.host.layer_editable("site") and self._inside_site(e.point):
            self.set_target("site")
        else:
            self.set_target(None)

    def _inside_site(self, p: Point) -> bool:
        from shapely.geometry import Point as ShapelyPoint
        return self.host.layout.site.shape().contains(ShapelyPoint(p))

    def _begin(self, handle: Handle, at: Point) -> None:
        self.typed = ""
        self._drag = self.active = handle
        self._start = at
        self._moved = False
        self._update()

    def move(self, e: ToolEvent) -> None:
        if self._drag is None or self._start is None:
            return
        if not self._moved and math.dist(e.point, self._start) < DRAG_PX * e.pixel_m and not self._inserting:
            return
        self._moved = True
        ring, index = self._drag
        self._rings[ring][index] = self._place(e)
        self._update(e.point)

    def _place(self, e: ToolEvent) -> Point:
        if self._is_gate():
            on = nearest_on_boundary(self.host.layout, e.point)
            if on is None:
                return e.point
            self._marker = (on[0], "boundary")
            if e.snap and self.host.snapper.enabled:
                other = self._rings[0][1 - self._drag[1]]
                (a, b) = on[1]
                q, t = closest_on_segment(on[0], a, b)
                width = snap_to_grid(math.dist(other, q), 0.5)
                length = math.dist(a, b)
                if length > 0 and math.dist(other, q) > 0:
                    ux, uy = (q[0] - other[0]) / math.dist(other, q), (q[1] - other[1]) / math.dist(other, q)
                    candidate = (other[0] + ux * width, other[1] + uy * width)
                    c, _ = closest_on_segment(candidate, a, b)
                    if math.dist(c, candidate) < 1e-6:
                        return candidate
            return on[0]
        snap = self.host.snapper.point(e.x, e.y, e.pixel_m, snap=e.snap, exclude={self.target or ""})
        self._marker = (snap.point, snap.kind) if snap.kind else None
        return snap.point

    def release(self, e: ToolEvent) -> None:
        if self._drag is None:
            return
        changed = self._moved or self._inserting
        label = translate("Tools", "Insert point") if self._inserting else translate("Tools", "Move point")
        self._drag, self._inserting, self._marker = None, False, None
        if changed:
            self._commit(label)
        self._update()

    def _commit(self, label: str) -> None:
        target = self.target
        if target is None:
            return
        if self._is_gate():
            a, b = self._rings[0]
            values: dict[str, Any] = {"a": a, "b": b}
        else:
            polygon = normalise_polygon(self._rings)
            values = {"boundary": polygon} if target == "site" else {"polygon": polygon}
        self.host.push(SetFields(self.host.layout, {target: values}, label=label))
        self._rings = self._rings_of(target)

    def key(self, key: int, text: str) -> bool:
        if self.typed and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.apply_typed()
            return True
        if self.typed and key == Qt.Key.Key_Backspace:
            self.typed = self.typed[:-1]
            self._update()
            return True
        if text and text in _TYPING_KEYS and self._can_type():
            self.typed += text
            self._update()
            return True
        if key not in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) or self.active is None:
            return False
        if self._is_gate() or self._drag is not None:
            return True
        ring, index = self.active
        self._rings = self._rings_of(self.target)
        if len(self._rings[ring]) <= 3:
            self.host.message(translate("Tools", "An area keeps at least three points."))
            return True
        del self._rings[ring][index]
        self.active = None
        self.typed = ""
        self._commit(translate("Tools", "Delete point"))
        self._update()
        return True

    def apply_typed(self) -> bool:
        """Put the active point at the typed x,y (metres); False if it does not read as two numbers."""
        parsed = parse_typed(self.typed)
        if parsed is None or parsed[1] is None or self.active is None:
            self.host.message(translate("Tools", "Type the point as x,y in metres, such as 12.5,30."))
            return False
        point: Point = (parsed[0], parsed[1])
        self.typed = ""
        self._rings = self._rings_of(self.target)
        ring, index = self.active
        if ring >= len(self._rings) or index >= len(self._rings[ring]):
            self.active = None
            self._update()
            return False
        if self._is_gate():
            on = nearest_on_boundary(self.host.layout, point)
            if on is not None and math.dist(on[0], point) > 1e-6:
                self.host.message(translate("Tools", "A gate's end stays on the site boundary, at its nearest point."))
                point = on[0]
        if self._rings[ring][index] == point:
            self._update()
            return True
        self._rings[ring][index] = point
        self._commit(translate("Tools", "Move point"))
        self._update()
        return True

    def escape(self) -> bool:
        if self.typed:
            self.typed = ""
            self._update()
            return True
        if self._drag is not None:
            self._drag, self._inserting, self._marker = None, False, None
            self._rings = self._rings_of(self.target)
            self._update()
            return True
        if self.target is not None:
            self.target, self.active = None, None
            self._update()
            return True
        return False

    # -- what shows ----------------------------------------------------------------------------
    def _update(self, cursor: Point | None = None) -> None:
        if self.target is not None and self._drag is None:
            self._rings = self._rings_of(self.target)
            if not self._rings:             # the object went away (undo, delete)
                self.target = self.active = None
        preview = Preview()
        if self._rings and self.target is not None:
            gate = self._is_gate()
            preview.handles = [q for ring in self._rings for q in ring]
            if self.active is not None:
                ring, index = self.active
                if ring < len(self._rings) and index < len(self._rings[ring]):
                    preview.active = sum(len(r) for r in self._rings[:ring]) + index
            if gate:
                preview.segment = (self._rings[0][0], self._rings[0][1])
            else:
                preview.points = list(self._rings[0])
                preview.closed = True
                preview.inserts = [((r[j][0] + r[(j + 1) % len(r)][0]) / 2, (r[j][1] + r[(j + 1) % len(r)][1]) / 2)
                                   for r in self._rings for j in range(len(r))]
            if self._drag is not None and cursor is not None:
                ring, index = self._drag
                p = self._rings[ring][index]
                preview.text = translate("Tools", "x {x:.2f} m  y {y:.2f} m").format(x=p[0], y=p[1])
                preview.text_at = p
            if self.typed and self.active is not None and preview.active is not None:
                ring, index = self.active
                preview.text = translate("Tools", "Point x,y: {typed}▏").format(typed=self.typed)
                preview.text_at = self._rings[ring][index]
        if self._marker is not None:
            preview.marker, preview.marker_kind = self._marker
        self.host.show(preview)

    def refresh(self) -> None:
        """The layout changed under the tool (undo, another window's paste): show it again."""
        if self._drag is None:
            self._update()
