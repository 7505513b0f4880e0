"""The labels of the analysis overlays and the route, all drawn by one item above the plan.

Each overlay draws its lines and fills at its own depth (bands under the
booths, lines over them), but its labels ("12.0 m · 984/min", "1,250
visitors", "553.1 m, 7 min 41 s on foot") come here: one item above the
booths and the selection outlines draws them all in one pass, with one list
of the rectangles already taken, so the labels of different layers move off
each other instead of printing over each other, and a label whose thing
reaches into the view is moved inside the view instead of being cut at its
edge. The plan's own names and badges (gate, zone and amenity names, amenity
badges: the scene's ``label_room``) are in that list from the start, so a
badge such as "12.0 m · 984/min" slides to the nearest free place instead of
covering a gate's or a zone's name, and one that had to go far draws a
leader line back to its point. Labels are laid out in screen pixels, so they
read the same at any zoom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Protocol

import shiboken6
from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from planner.render.geometry import device_scale
from planner.render.labels import clip, crosses, free_spot, needs_leader
from planner.render.style import qcolor

LABEL_PX = 11
Z_LABELS = 910            # over the booths, a lifted booth, the route and the selection (900); under the tool preview
EDGE_PX = 3.0             # labels kept this far inside the view
REACH_PX = 150.0          # how far a safety figure (or the route) may move off its place to find room
NEAR_PX = 20.0            # how far another label may slide; beyond, it is left out where it would cover
FAR_TIMES = 2.5           # an always-drawn or safety label with no room within its reach looks this much further
FAR_RANK = 30             # sources up to this rank (route, narrow aisles, bottlenecks, exits) look REACH_PX far
BESIDE_GAP_PX = 4.0       # between a name and a label set beside it
LEADER_GAP_PX = 8.0       # a label moved further than this from its point draws a line back to it
# Where along the part of its line in view a label that stays on its line is tried: the middle first.
ON_LINE_SPOTS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9)
ON_LINE_MOST = 6          # labels on their lines drawn in one view: more would hide the plan under them
ON_LINE_TRIES = 24        # lines tried for them per frame, longest first (the rest are shorter and as crowded)
ON_LINE_MARGIN_PX = 40.0  # such a line shows at least this much more than its label's width, or is not labelled


def _along(runs: list[tuple[QPointF, QPointF, float]], distance: float) -> QPointF:
    """The point ``distance`` pixels along the pieces ``runs`` laid end to end."""
    for a, b, length in runs:
        if distance <= length and length > 0:
            return a + (b - a) * (distance / length)
        distance -= length
    return runs[-1][1]


@lru_cache(maxsize=1)
def label_font() -> QFont:
    font = QFont()
    font.setPixelSize(LABEL_PX)
    return font


@lru_cache(maxsize=1)
def label_metrics() -> QFontMetricsF:
    return QFontMetricsF(label_font())


@dataclass(frozen=True)
class LabelSpec:
    """One label: the scene point it belongs to, and where its box goes from there in screen pixels.

    ``always`` labels (a narrow aisle, an exit's visitors, the route) are drawn
    even where every place near them is taken; the others are left out there.
    """

    at: QPointF
    text: str
    background: QColor | str
    foreground: QColor | str = "#ffffff"
    dx: float = 6.0
    dy: float = -6.0
    centred: bool = False
    always: bool = False
    along: QPolygonF | None = None   # a line the label may slide along to stay in view (the route)
    on_line: bool = False            # centred on ``along`` itself, or left out (a path between gates and zones)
    far: bool = False                # looks as far for room as a safety figure
    short: str | None = None         # where the text has no room near its place, this shorter one, looking far
    beside: QRectF | None = None     # a name (scene) the label goes right next to (a zone's level of service)


@dataclass(frozen=True)
class PlacedLabel:
    """A label as drawn, in device pixels: its box, its point, and the leader line when it moved far."""

    text: str
    box: QRectF
    anchor: QPointF
    leader: QLineF | None


class LabelSource(Protocol):
    label_rank: int

    def label_specs(self, scale: float) -> list[LabelSpec]: ...


class Labels:
    """Labels in screen pixels, moving off (or skipping) any that would cover one already drawn.

    ``view``: the device rectangle to keep labels inside (None: anywhere);
    ``blocked``: device rectangles no label may cover (the plan's names), ``icons`` the same for the
    amenity badges and the gates, which a leader line may cross (a line through a sign leaves it
    legible), and which a label may cover where it belongs to them (it lies over its own point).
    """

    def __init__(self, painter: QPainter, view: QRectF | None = None, blocked: list[QRectF] | None = None,
                 icons: list[QRectF] | None = None) -> None:
        self.painter = painter
        self.font = label_font()
        self.metrics = label_metrics()
        self.taken: list[QRectF] = list(blocked or []) + list(icons or [])
        self._icons = {id(r) for r in self.taken[len(blocked or []):]}
        # The same as plain numbers (left, top, right, bottom), and which are icons: read for every label.
        self._edges = [(r.left(), r.top(), r.right(), r.bottom(), id(r) in self._icons) for r in self.taken]
        self.placed: list[PlacedLabel] = []
        self.drawn: list[QRectF] = []          # the labels drawn so far (``taken`` holds the plan's too)
        self.view = view.adjusted(EDGE_PX, EDGE_PX, -EDGE_PX, -EDGE_PX) if view is not None else None
        self.pinned = False        # some label was moved inside the view's edge

    def box(self, at: QPointF, text: str, dx: float | None = None, dy: float | None = None,
            centred: bool = False) -> QRectF:
        """The device rectangle of a label anchored at scene point ``at``, before any move.

        A centred label is centred on ``at`` moved by (dx, dy); another has its
        lower left corner there, by default up and to the right of the point.
        """
        if dx is None:
            dx = 0.0 if centred else 6.0
        if dy is None:
            dy = 0.0 if centred else -6.0
        device = self.painter.worldTransform().map(at)
        width, height = self.metrics.horizontalAdvance(text) + 8, self.metrics.height() + 4
        if centred:
            return QRectF(device.x() + dx - width / 2, device.y() + dy - height / 2, width, height)
        return QRectF(device.x() + dx, device.y() + dy - height, width, height)

    def _inside(self, box: QRectF, anchor: QPointF | None = None) -> QRectF | None:
        """``box`` moved inside the view, or None when it lies wholly outside and so does its point
        ``anchor`` (its thing is out of sight)."""
        view = self.view
        if view is None:
            return box
        if not box.intersects(view) and (anchor is None or not view.contains(anchor)):
            return None
        x = min(max(box.left(), view.left()), view.right() - box.width())
        y = min(max(box.top(), view.top()), view.bottom() - box.height())
        moved = QRectF(max(x, view.left()), max(y, view.top()), box.width(), box.height())
        if moved != box:
            self.pinned = True
        return moved

    def _in_the_way(self, anchor: QPointF, near: QRectF) -> tuple[list[tuple[float, float, float, float]],
                                                                  list[QRectF]]:
        """What a label of the point ``anchor`` must keep off within ``near`` (all but the icons over that
        point), as edges; and the texts among it that do not lie over that point (a leader may not cross
        them: what lies over its start cannot be helped)."""
        x0, y0, x1, y1 = near.left(), near.top(), near.right(), near.bottom()
        px, py = anchor.x(), anchor.y()
        walls, texts = [], []
        for rect, (a, t, r, b, icon) in zip(self.taken, self._edges):
            if not (a < x1 and x0 < r and t < y1 and y0 < b):
                continue
            over = a <= px <= r and t <= py <= b
            if icon and over:
                continue
            walls.append((a, t, r, b))
            if not icon and not over:
                texts.append(rect)
        return walls, texts

    def _room(self, start: QRectF, anchor: QPointF, reach: float, leaders: bool = True) -> QRectF | None:
        """The free place nearest ``start`` within ``reach`` whose leader line (if it needs one and
        ``leaders``) strikes through no text; None where there is none."""
        nearby, texts = self._in_the_way(anchor, start.adjusted(-reach, -reach, reach, reach))
        if not nearby:
            return start
        if not leaders:
            return free_spot(start, reach=reach, within=self.view, blocked=nearby)

        def free(box: QRectF) -> bool:         # the box itself is clear of ``nearby`` (free_spot saw to it)
            line = needs_leader(anchor, start, box, LEADER_GAP_PX)
            return line is None or not any(crosses(line, r) for r in texts)

        # Far afield, coarser steps: a place a few pixels off the nearest free one does as well there.
        step = None if reach <= REACH_PX else (max(start.width() / 2, start.height()), start.height())
        return free_spot(start, free, reach=reach, step=step, within=self.view, blocked=nearby)

    def draw(self, at: QPointF, text: str, background: QColor | str, foreground: QColor | str = "#ffffff",
             dx: float | None = None, dy: float | None = None, always: bool = False,
             centred: bool = False, reach: float = REACH_PX, further: bool = False) -> QRectF | None:
        """Draw a label at its place, or the nearest free place (``labels.free_spot``) within
        ``reach`` pixels (``FAR_TIMES`` as far for an ``always`` or ``further`` label); where none is
        free, an ``always`` label stays at its place, a ``further`` one too unless another label is
        there, and another is left out."""
        anchor = self.painter.worldTransform().map(at)
        start = self._inside(self.box(at, text, dx, dy, centred), anchor)
        if start is None:
            return None
        # Only the labels that may go far draw leader lines; the others slide a few pixels at most.
        far = always or further
        chosen = self._room(start, anchor, reach, far)
        if chosen is None and far:
            # Further afield before printing over another label: a crowded corner may have no room near.
            chosen = self._room(start, anchor, reach * FAR_TIMES)
        if chosen is None and (always or (further and not any(start.intersects(r) for r in self.drawn))):
            # No room anywhere: an always label stays at its place; a safety figure too, where only
            # the plan's names are under it (it never prints over another of these labels).
            chosen = start
        if chosen is None:
            return None
        leader = needs_leader(anchor, start, chosen, LEADER_GAP_PX) if far else None
        self._put(text, chosen, anchor, leader, background, foreground)
        return chosen

    def _put(self, text: str, chosen: QRectF, anchor: QPointF, leader: QLineF | None,
             background: QColor | str, foreground: QColor | str) -> None:
        """Draw a label in its chosen box (device pixels) and take the box."""
        self.taken.append(chosen)
        self._edges.append((chosen.left(), chosen.top(), chosen.right(), chosen.bottom(), False))
        self.drawn.append(chosen)
        self.placed.append(PlacedLabel(text, chosen, anchor, leader))
        fill = qcolor(background) if isinstance(background, str) else QColor(background)
        painter = self.painter
        painter.save()
        painter.resetTransform()
        if leader is not None:
            ink = QColor(fill)
            ink.setAlpha(255)
            painter.setPen(QPen(ink, 1.5))
            painter.drawLine(leader)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink)
            painter.drawEllipse(anchor, 2.5, 2.5)
        painter.setFont(self.font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(chosen, 3, 3)
        painter.setPen(qcolor(foreground) if isinstance(foreground, str) else foreground)
        painter.drawText(chosen, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def draw_on_line(self, line: QPolygonF, text: str, background: QColor | str,
                     foreground: QColor | str = "#ffffff") -> QRectF | None:
        """Draw a label centred on ``line`` (scene), at the free place nearest the middle of the part of
        the line in view, trying ``ON_LINE_SPOTS`` places along it; None (left out) where that part is
        shorter than the label or none of them is free. It never moves off its line."""
        transform = self.painter.worldTransform()
        width, height = self.metrics.horizontalAdvance(text) + 8, self.metrics.height() + 4
        view = self.view if self.view is not None else QRectF(-1e9, -1e9, 2e9, 2e9)
        fit = view.adjusted(width / 2, height / 2, -width / 2, -height / 2)
        if fit.width() <= 0 or fit.height() <= 0:
            return None
        device = transform.map(line)                 # one call for the whole line
        bounds = device.boundingRect()
        if not bounds.intersects(fit):
            return None
        points = [device.at(i) for i in range(device.size())]
        runs: list[tuple[QPointF, QPointF, float]] = []       # the parts in view, with their lengths
        if fit.contains(bounds):
            runs = [(a, b, math.hypot(b.x() - a.x(), b.y() - a.y())) for a, b in zip(points, points[1:])]
        else:
            for a, b in zip(points, points[1:]):
                part = clip(a, b, fit)
                if part is not None:
                    runs.append((part[0], part[1], QLineF(part[0], part[1]).length()))
        seen = sum(r[2] for r in runs)
        if seen < width + ON_LINE_MARGIN_PX:
            return None
        # Only what lies near the line can be in a label's way: sort that out once, not per place tried.
        x0, y0 = bounds.left() - width, bounds.top() - height
        x1, y1 = bounds.right() + width, bounds.bottom() + height
        near = [e for e in self._edges if e[0] < x1 and x0 < e[2] and e[1] < y1 and y0 < e[3]]
        for fraction in ON_LINE_SPOTS:
            at = _along(runs, seen * fraction)
            left, top = at.x() - width / 2, at.y() - height / 2
            right, bottom = left + width, top + height
            if any(left < r and a < right and top < b and t < bottom for a, t, r, b, _icon in near):
                continue
            box = QRectF(left, top, width, height)
            self._put(text, box, at, None, background, foreground)
            return box
        return None

    def draw_beside(self, spec: LabelSpec, reach: float = REACH_PX) -> QRectF | None:
        """Draw ``spec`` right next to the name ``spec.beside``: to its right, left, below or above, the
        whole text first, then the short one; where none of those is free, the short text at the nearest
        free place within ``reach``, with a line back to the name's edge."""
        assert spec.beside is not None
        name = self.painter.worldTransform().mapRect(spec.beside)
        height, gap = self.metrics.height() + 4, BESIDE_GAP_PX
        middle = name.center()
        texts = (spec.text, spec.short) if spec.short else (spec.text,)
        for words in texts:
            width = self.metrics.horizontalAdvance(words) + 8
            for left, top in ((name.right() + gap, middle.y() - height / 2),
                              (name.left() - gap - width, middle.y() - height / 2),
                              (middle.x() - width / 2, name.bottom() + gap / 2),
                              (middle.x() - width / 2, name.top() - gap / 2 - height)):
                right, bottom = left + width, top + height
                if self.view is not None and not self.view.contains(QRectF(left, top, width, height)):
                    continue
                if any(left < r and a < right and top < b and t < bottom for a, t, r, b, _icon in self._edges):
                    continue
                box = QRectF(left, top, width, height)
                self._put(words, box, middle, None, spec.background, spec.foreground)
                return box
        edge = QPointF(spec.beside.right(), spec.beside.center().y())
        return self.draw(edge, texts[-1], spec.background, spec.foreground, dx=gap, dy=height / 2,
                         reach=reach, further=True)

    def draw_spec(self, spec: LabelSpec, reach: float = REACH_PX, further: bool = False) -> QRectF | None:
        if spec.on_line and spec.along is not None:
            return self.draw_on_line(spec.along, spec.text, spec.background, spec.foreground)
        at = spec.at
        box = self.box(at, spec.text, spec.dx, spec.dy, spec.centred)
        if spec.along is not None and self.view is not None and not self.view.contains(box):
            at = self._in_view_along(spec.along, at, box)
            if at is None:
                return None
        return self.draw(at, spec.text, spec.background, spec.foreground, spec.dx, spec.dy,
                         spec.always, spec.centred, reach, further)

    def _in_view_along(self, line: QPolygonF, at: QPointF, box: QRectF) -> QPointF | None:
        """The point of ``line`` nearest to ``at`` (scene) whose label ``box`` (as placed from ``at``) lies
        in the view; else the nearest one in the view; None if the line is out of sight."""
        assert self.view is not None
        transform = self.painter.worldTransform()
        inverse, invertible = transform.inverted()
        if not invertible:
            return None
        anchor = transform.map(at)
        offset = box.topLeft() - anchor
        points = [transform.map(line.at(i)) for i in range(line.size())]
        whole, seen = (None, float("inf")), (None, float("inf"))
        for a, b in zip(points, points[1:]):
            steps = max(1, int(QLineF(a, b).length() / 8))
            for k in range(steps + 1):
                p = a + (b - a) * (k / steps)
                if not self.view.contains(p):
                    continue
                d = (p.x() - anchor.x()) ** 2 + (p.y() - anchor.y()) ** 2
                if d < whole[1] and self.view.contains(QRectF(p + offset, box.size())):
                    whole = (p, d)
                if d < seen[1]:
                    seen = (p, d)
        best = whole[0] if whole[0] is not None else seen[0]
        return inverse.map(best) if best is not None else None


class AnalysisLabelsItem(QGraphicsItem):
    """Draws the labels of every registered overlay (and the route) above the plan, avoiding each other.

    Sources are drawn by ``label_rank``, lowest first: the first placed keeps its place.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_LABELS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.sources: list[QGraphicsItem] = []
        self.drawn: list[tuple[str, QRectF]] = []     # the last paint's labels, in device pixels
        self.placed: list[PlacedLabel] = []           # ... with their points and leader lines
        self.blocked: list[QRectF] = []               # ... and the plan's names and badges they kept off
        self._pinned = False
        self._watched: list[QGraphicsView] = []

    def register(self, source: QGraphicsItem) -> None:
        self.sources = [s for s in self.sources if shiboken6.isValid(s)]
        if source not in self.sources:
            self.sources.append(source)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        # Labels go wherever the view is (moved inside its edges): the whole plane.
        return QRectF(-1e7, -1e7, 2e7, 2e7)

    def shape(self):
        from PySide6.QtGui import QPainterPath

        return QPainterPath()

    def specs(self, scale: float) -> list[LabelSpec]:
        return [spec for spec, _rank in self.ranked_specs(scale)]

    def ranked_specs(self, scale: float) -> list[tuple[LabelSpec, int]]:
        scene = self.scene()
        live = [s for s in self.sources if shiboken6.isValid(s) and s.scene() is scene and s.isVisible()]
        specs: list[tuple[LabelSpec, int]] = []
        for source in sorted(live, key=lambda s: s.label_rank):
            specs.extend((spec, source.label_rank) for spec in source.label_specs(scale))
        return specs

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = device_scale(painter.worldTransform()) or 1.0
        specs = self.ranked_specs(scale)
        self.drawn, self.placed, self.blocked = [], [], []
        if not specs:
            self._pinned = False
            return
        device = painter.device()
        view = QRectF(0, 0, device.width(), device.height()) if device is not None else None
        names, icons = self._names(painter, scale, view)
        self.blocked = names + icons
        labels = Labels(painter, view, names, icons)
        on_line, tries = 0, 0
        for spec, rank in specs:
            if spec.on_line:
                if on_line >= ON_LINE_MOST or tries >= ON_LINE_TRIES:
                    continue
                tries += 1
            # The figures a safety officer reads (and the route asked for) look further for room.
            far = rank <= FAR_RANK or spec.far
            if spec.beside is not None:
                box = labels.draw_beside(spec)
            elif spec.short is not None:
                # The full text only where it fits near its place; else the short one, as far as need be.
                box = labels.draw_spec(spec, NEAR_PX, False)
                if box is None:
                    spec = replace(spec, text=spec.short, short=None)
                    box = labels.draw_spec(spec, REACH_PX, True)
            else:
                box = labels.draw_spec(spec, REACH_PX if far else NEAR_PX, far)
            on_line += spec.on_line and box is not None
            if box is not None:
                self.drawn.append((labels.placed[-1].text, box))     # the short text, where it had to be
        self.placed = labels.placed
        self._pinned = labels.pinned
        self._watch(widget)

    def _names(self, painter: QPainter, scale: float, view: QRectF | None) -> tuple[list[QRectF], list[QRectF]]:
        """The device rectangles of the plan's names, and of its amenity badges, at this zoom (the scene's
        label room)."""
        room = getattr(self.scene(), "label_room", None)
        if room is None:
            return [], []
        plan = room.plan(scale)
        transform = painter.worldTransform()

        def seen(rects: list[QRectF]) -> list[QRectF]:
            boxes = [transform.mapRect(r) for r in rects]
            return [b for b in boxes if view is None or b.intersects(view)]

        return seen(plan.rects + plan.zone_rects), seen(plan.badges + plan.gate_lines)

    def _watch(self, widget: QWidget | None) -> None:
        """Scrolling moves the plan's pixels, but a label held inside the view's edge stays: repaint then."""
        view = widget.parentWidget() if widget is not None else None
        if not isinstance(view, QGraphicsView) or view in self._watched:
            return
        self._watched.append(view)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(lambda _value, v=view: self._scrolled(v))

    def _scrolled(self, view: QGraphicsView) -> None:
        if self._pinned and shiboken6.isValid(self) and shiboken6.isValid(view):
            view.viewport().update()


def scene_item(scene: QGraphicsScene, attribute: str, make: Callable[[], QGraphicsItem]) -> QGraphicsItem:
    """The scene's one item kept as ``attribute``, made (again, after the scene was cleared) when needed."""
    item = getattr(scene, attribute, None)
    if item is None or not shiboken6.isValid(item) or item.scene() is not scene:
        item = make()
        scene.addItem(item)
        setattr(scene, attribute, item)
    return item


def labels_item(scene: QGraphicsScene) -> AnalysisLabelsItem:
    """The scene's one labels item."""
    return scene_item(scene, "_analysis_labels", AnalysisLabelsItem)


def update_labels(scene: QGraphicsScene | QObject | None) -> None:
    """Repaint the labels after an overlay's data or visibility changed."""
    item = getattr(scene, "_analysis_labels", None) if scene is not None else None
    if item is not None and shiboken6.isValid(item):
        item.update()
