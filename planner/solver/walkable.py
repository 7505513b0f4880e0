"""Walkable and navigable areas, clear widths and narrow aisles (SPEC §4).

W = site − obstacles − booths (booths closer than 0.05 m merged first, so a
row of forty booths is one obstacle); N = W shrunk by the body radius, where
a person's centre can stand. Narrow passages are found by a morphological
opening of W with a disk as wide as the minimum aisle: what the opening
removes is thinner than the minimum; a removed piece that joins two wider
areas, or that a booth opens onto, is a narrow aisle, measured exactly as
the shortest segment between its walls.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from planner.model.layout import Booth, Layout

TOUCH = 0.05          # booths closer than this count as touching (SPEC §4)
# N's rounded corners are cut by one chord each (SPEC §4): the router's corners are
# then two per obstacle corner. A cut corner would let N slip through gaps narrower
# than 2 × body radius between two corners, so those gaps are closed explicitly.
NAV_SIMPLIFY = 0.01   # metres N's outline may move when vertices on straight runs are dropped
CLOSE_SEGMENTS = 4    # segments per quarter circle where a closed gap is sealed
EPS = 1e-6


def polygons_of(geometry: BaseGeometry) -> list[Polygon]:
    """The polygons in any geometry (empty, Polygon, MultiPolygon, collection)."""
    if geometry.is_empty:
        return []
    if isinstance(geometry, Polygon):
        return [geometry]
    return [g for part in getattr(geometry, "geoms", []) for g in polygons_of(part)]


def as_area(geometry: BaseGeometry) -> BaseGeometry:
    """Only the areal part of a geometry, as a Polygon or MultiPolygon."""
    parts = polygons_of(geometry)
    if not parts:
        return Polygon()
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


@dataclass
class Areas:
    """The areas of one layout, computed once and shared by every analysis step."""

    site: BaseGeometry
    obstacles: BaseGeometry
    booth_shapes: list[Polygon]
    blocks: list[Polygon]                      # merged booths
    block_booths: list[list[int]]              # booth indices in each block
    walkable: BaseGeometry                      # W
    navigable: BaseGeometry                     # N
    components: list[Polygon] = field(default_factory=list)  # N's connected parts
    _tree: shapely.STRtree | None = None
    _edges: np.ndarray | None = None            # N's boundary segments, ring by ring
    _edge_tree: shapely.STRtree | None = None

    def __post_init__(self) -> None:
        # Point-in-N tests run thousands of times: prepared, each is a lookup, not a walk round N.
        shapely.prepare(self.navigable)
        for component in self.components:
            shapely.prepare(component)

    def component_of(self, point: tuple[float, float], tolerance: float = 1e-6) -> int | None:
        """Index of the part of N holding ``point`` (on its edge counts), else None."""
        if not (math.isfinite(point[0]) and math.isfinite(point[1])):
            return None       # an exit with no place in N (too far from it) stands nowhere
        if self._tree is None:
            self._tree = shapely.STRtree(self.components)
        p = Point(point)
        for i in sorted(self._tree.query(p).tolist()):
            if self.components[i].covers(p):
                return int(i)
        for i in self._tree.query(p, predicate="dwithin", distance=tolerance).tolist():
            return int(i)
        return None

    def nearest_navigable_many(self, points: np.ndarray, limit: float) -> list[tuple[float, float] | None]:
        """``nearest_navigable`` of many points at once: the same answers, fewer calls."""
        m = len(points)
        out: list[tuple[float, float] | None] = [None] * m
        if m == 0 or self.navigable.is_empty:
            return out
        pts = shapely.points(points)
        inside = shapely.covers(self.navigable, pts)
        for k in np.nonzero(inside)[0].tolist():
            out[k] = (float(points[k][0]), float(points[k][1]))
        rest = np.nonzero(~inside)[0]
        if not len(rest):
            return out
        edges, tree = self._boundary_segments()
        q, t = tree.query_nearest(pts[rest], max_distance=limit * 1.01 + 1e-6, all_matches=True)
        if not len(q):
            return out
        order = np.lexsort((t, q))
        q, t = q[order], t[order]
        first = np.ones(len(q), dtype=bool)
        first[1:] = q[1:] != q[:-1]
        q, t = q[first], t[first]
        lines = shapely.shortest_line(pts[rest[q]], edges[t])
        lengths = shapely.length(lines)
        ends = shapely.get_coordinates(lines).reshape(-1, 2, 2)
        near = lengths <= limit
        settled = _settle_many(ends[near, 1], ends[near, 1] - ends[near, 0], self.navigable)
        for k, point in zip(rest[q][near].tolist(), settled):
            out[k] = point
        return out

    def components_of(self, points: list[tuple[float, float] | None]) -> list[int | None]:
        """``component_of`` of many points at once."""
        out: list[int | None] = [None] * len(points)
        known = [k for k, p in enumerate(points) if p is not None]
        if not known or not self.components:
            return out
        arr = np.asarray([points[k] for k in known], dtype=float)
        left = np.ones(len(known), dtype=bool)
        for ci, component in enumerate(self.components):
            hit = left & shapely.covers(component, shapely.points(arr))
            for k in np.nonzero(hit)[0].tolist():
                out[known[k]] = ci
            left &= ~hit
        for k in np.nonzero(left)[0].tolist():
            out[known[k]] = self.component_of(points[known[k]])
        return out

    def _boundary_segments(self) -> tuple[np.ndarray, shapely.STRtree]:
        if self._edge_tree is None:
            pieces = []
            for polygon in polygons_of(self.navigable):
                for ring in (polygon.exterior, *polygon.interiors):
                    c = np.asarray(ring.coords)
                    pieces.append(np.stack([c[:-1], c[1:]], axis=1))
            self._edges = shapely.linestrings(np.concatenate(pieces)) if pieces else np.array([])
            self._edge_tree = shapely.STRtree(self._edges)
        return self._edges, self._edge_tree

    def nearest_navigable(self, point: tuple[float, float], limit: float) -> tuple[float, float] | None:
        """The nearest point of N within ``limit`` metres, else None."""
        p = Point(point)
        if self.navigable.is_empty:
            return None
        if self.navigable.covers(p):
            return (p.x, p.y)
        # Outside N its nearest point lies on N's boundary: on the first segment, in ring
        # order, at the least distance (as a walk round all of N would find it), looked up
        # among the few segments near the point.
        edges, tree = self._boundary_segments()
        near_idx = tree.query_nearest(p, max_distance=limit * 1.01 + 1e-6, all_matches=True)
        if len(near_idx) == 0:
            return None
        near = shapely.shortest_line(p, edges[int(np.min(near_idx))])
        if near is None or near.length > limit:
            return None
        (px, py), (x, y) = near.coords[0], near.coords[-1]
        # Nudge onto N's inside so the point is not lost to rounding on its edge: onward
        # along the way it came, which at the nearest point of N leads inside.
        return _settle((x, y), (x - px, y - py), self.navigable)


def _settle(point: tuple[float, float], direction: tuple[float, float],
            area: BaseGeometry) -> tuple[float, float]:
    if area.covers(Point(point)):
        return point
    length = math.sqrt(direction[0] * direction[0] + direction[1] * direction[1])
    if length == 0:
        return point
    ux, uy = direction[0] / length, direction[1] / length
    for step in (1e-7, 1e-6, 1e-5, 1e-4, 1e-3):
        moved = (point[0] + ux * step, point[1] + uy * step)
        if area.covers(Point(moved)):
            return moved
    return point


def _settle_many(points: np.ndarray, directions: np.ndarray, area: BaseGeometry) -> list[tuple[float, float]]:
    """``_settle`` of many points: the same steps tried in the same order, a vectorised test each."""
    out = [(float(x), float(y)) for x, y in points.tolist()]
    if not len(points):
        return out
    todo = np.nonzero(~shapely.covers(area, shapely.points(points)))[0]
    lengths = np.sqrt(directions[:, 0] * directions[:, 0] + directions[:, 1] * directions[:, 1])
    todo = todo[lengths[todo] > 0]
    for step in (1e-7, 1e-6, 1e-5, 1e-4, 1e-3):
        if not len(todo):
            break
        # The same arithmetic as _settle: the unit direction, then point + unit × step.
        ux, uy = directions[todo, 0] / lengths[todo], directions[todo, 1] / lengths[todo]
        mx, my = points[todo, 0] + ux * step, points[todo, 1] + uy * step
        hit = shapely.covers(area, shapely.points(np.column_stack([mx, my])))
        for k, x, y in zip(todo[hit].tolist(), mx[hit].tolist(), my[hit].tolist()):
            out[k] = (x, y)
        todo = todo[~hit]
    return out


def merge_booths(shapes: list[Polygon], cache: dict | None = None) -> tuple[list[Polygon], list[list[int]]]:
    """Union booths that touch (closer than TOUCH) into blocks; remember which booths.

    Booths whose grown shapes meet form a group, and each group is united on
    its own: the same blocks as one union of everything, made from the group
    alone, so ``cache`` (the groups of an earlier run, by their booths'
    corners) can give back a group that an edit left as it was.
    """
    if not shapes:
        return [], []
    arr = np.array(shapes, dtype=object)
    grown = shapely.buffer(arr, TOUCH / 2, join_style="mitre")
    a_idx, b_idx = shapely.STRtree(grown).query(grown, predicate="intersects")
    parent = list(range(len(shapes)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in zip(a_idx.tolist(), b_idx.tolist()):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for k in range(len(shapes)):
        groups.setdefault(root(k), []).append(k)
    corners = shapely.get_coordinates(arr)
    ends = np.cumsum(shapely.get_num_coordinates(arr))
    starts = ends - shapely.get_num_coordinates(arr)
    blocks: list[Polygon] = []
    used: dict = {}
    for members in groups.values():       # in the order of their first booths
        key = b"".join(corners[starts[k]:ends[k]].tobytes() for k in members)
        made = cache.get(key) if cache is not None else None
        if made is None:
            united = grown[members[0]] if len(members) == 1 else shapely.unary_union(grown[members])
            made = polygons_of(united.buffer(-TOUCH / 2, join_style="mitre"))
        used[key] = made
        blocks += made
    if cache is not None:
        cache.clear()
        cache.update(used)
    tree = shapely.STRtree(blocks)
    centres = shapely.points([(s.centroid.x, s.centroid.y) for s in shapes])
    owner_booth, owner_block = tree.query(centres, predicate="intersects")
    members_of: list[list[int]] = [[] for _ in blocks]
    for b, k in zip(owner_booth.tolist(), owner_block.tolist()):
        members_of[k].append(b)
    return blocks, members_of


def _navigable(walkable: BaseGeometry, site: BaseGeometry, blockers: list[Polygon],
               radius: float) -> BaseGeometry:
    """N: W shrunk by the body radius, corners bevelled, closed gaps sealed.

    A bevel's chord lies inside the round corner, so N is never smaller than
    the exact one and no passage of 2 × the radius or more closes (a mitre,
    outside the corner, closed diagonal gaps up to 0.54 m); the gaps under
    2 × the radius are sealed by the exact shortest lines between blockers.
    """
    navigable = walkable.buffer(-radius, join_style="bevel").simplify(NAV_SIMPLIFY)
    if navigable.is_empty:
        return as_area(navigable)
    frame = site.envelope.buffer(1.0, join_style="mitre").difference(site)
    parts = [p for p in [*blockers, *polygons_of(frame)] if not p.is_empty]
    if len(parts) > 1:
        tree = shapely.STRtree(parts)
        a_idx, b_idx = tree.query(parts, predicate="dwithin", distance=2 * radius)
        keep = a_idx < b_idx
        a_idx, b_idx = a_idx[keep], b_idx[keep]
        if len(a_idx):
            lines = shapely.shortest_line(np.asarray(parts, dtype=object)[a_idx],
                                          np.asarray(parts, dtype=object)[b_idx])
            gaps = lines[shapely.length(lines) > 0]
            if len(gaps):
                seals = shapely.buffer(gaps, radius, quad_segs=CLOSE_SEGMENTS)
                navigable = navigable.difference(shapely.unary_union(seals))
    return as_area(navigable)


_CORNER_UV = np.array([(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5), (-0.5, -0.5)])


def booth_polygons(booths: list[Booth]) -> list[Polygon]:
    """``booth.shape()`` of every booth, made in one go.

    The same arithmetic, in the same order, as ``Booth.corners`` and
    ``rotate_point`` (the turn's cosine and sine from ``math``, once per
    angle), so the corners are the very same numbers; only the thousands of
    Python calls are saved.
    """
    if not booths:
        return []
    turns = {b.rotation for b in booths}
    trig = {a: (math.cos(math.radians(a)), math.sin(math.radians(a))) for a in turns}
    cx = np.array([b.x for b in booths])[:, None]
    cy = np.array([b.y for b in booths])[:, None]
    w = np.array([b.width for b in booths])[:, None]
    d = np.array([b.depth for b in booths])[:, None]
    c = np.array([trig[b.rotation][0] for b in booths])[:, None]
    s = np.array([trig[b.rotation][1] for b in booths])[:, None]
    x = (cx + _CORNER_UV[None, :, 0] * w) - cx
    y = (cy + _CORNER_UV[None, :, 1] * d) - cy
    px = cx + c * x - s * y
    py = cy + s * x + c * y
    return list(shapely.polygons(np.stack([px, py], axis=2)))


def obstacles_of(layout: Layout) -> BaseGeometry:
    """All obstacles of ``layout`` as one area."""
    obstacle_shapes = [o.shape() for o in layout.obstacles]
    return as_area(shapely.unary_union(obstacle_shapes)) if obstacle_shapes else Polygon()


def build_areas(layout: Layout, booth_shapes: list[Polygon] | None = None,
                obstacles: BaseGeometry | None = None, block_cache: dict | None = None) -> Areas:
    """The areas of ``layout``; ``booth_shapes`` and ``obstacles``, when given, are its
    booths' shapes and ``obstacles_of(layout)``, made earlier; ``block_cache``, the cache of
    ``merge_booths``."""
    site = as_area(layout.site.shape())
    if obstacles is None:
        obstacles = obstacles_of(layout)
    if booth_shapes is None:
        booth_shapes = booth_polygons(layout.booths)
    blocks, members = merge_booths(booth_shapes, block_cache)
    blocked = shapely.unary_union([obstacles, *blocks]) if blocks else obstacles
    walkable = as_area(site.difference(blocked)) if not blocked.is_empty else site
    radius = layout.settings.body_radius
    navigable = _navigable(walkable, site, [*polygons_of(obstacles), *blocks], radius)
    return Areas(site=site, obstacles=obstacles, booth_shapes=booth_shapes, blocks=blocks,
                 block_booths=members, walkable=walkable, navigable=navigable,
                 components=polygons_of(navigable))


# -- narrow aisles ------------------------------------------------------------------

@dataclass
class Passage:
    """A passage narrower than the minimum aisle width, at its narrowest point."""

    width: float
    segment: tuple[tuple[float, float], tuple[float, float]]
    region: Polygon

    @property
    def location(self) -> tuple[float, float]:
        (x1, y1), (x2, y2) = self.segment
        return ((x1 + x2) / 2, (y1 + y2) / 2)


def _pieces(geometry: BaseGeometry) -> list[BaseGeometry]:
    """Connected pieces of a linear geometry."""
    if geometry.is_empty:
        return []
    merged = shapely.line_merge(shapely.unary_union(geometry)) if not isinstance(geometry, LineString) \
        else geometry
    lines = [merged] if isinstance(merged, LineString) else list(getattr(merged, "geoms", []))
    lines = [ln for ln in lines if ln.length > EPS]
    # Group lines that touch into connected pieces.
    groups: list[list[BaseGeometry]] = []
    for line in lines:
        touching = [g for g in groups if any(line.distance(other) < 1e-7 for other in g)]
        for g in touching:
            groups.remove(g)
        groups.append([line] + [x for g in touching for x in g])
    return [shapely.unary_union(g) for g in groups]


def narrow_passages(areas: Areas, layout: Layout, fronts: np.ndarray | None = None) -> list[Passage]:
    """Passages narrower than ``min_aisle_width`` that visitors must pass (SPEC §4).

    ``fronts``: ``open_side_probes(layout.booths)``, when made already.
    """
    settings = layout.settings
    walkable = areas.walkable
    if walkable.is_empty:
        return []
    half = settings.min_aisle_width / 2 - 1e-3   # an aisle exactly at the minimum is not narrow
    opened = walkable.buffer(-half, quad_segs=8).buffer(half, quad_segs=8)
    thin = polygons_of(walkable.difference(opened.buffer(EPS, quad_segs=1)))
    if not thin:
        return []
    edge_lines = opened.boundary if not opened.is_empty else None
    if fronts is None:
        fronts = open_side_probes(layout.booths)
    regions = np.array([r for r in thin if r.area >= 1e-4], dtype=object)
    # Every region's tests in a few calls over all of them (the same tests, one GEOS call each).
    opens = np.zeros(len(regions), dtype=bool)
    if len(fronts) and len(regions):
        hit, _ = shapely.STRtree(fronts).query(shapely.buffer(regions, 1e-4, quad_segs=1), predicate="intersects")
        opens[hit] = True
    boundaries = shapely.boundary(regions)
    if edge_lines is not None and len(regions):
        # The opening's edge near each region only (a metre round it): the same lines
        # there as the whole edge, without walking round all of it for every region.
        box = shapely.bounds(regions)
        near_edges = shapely.buffer(np.array([
            shapely.clip_by_rect(edge_lines, x0 - 1.0, y0 - 1.0, x1 + 1.0, y1 + 1.0)
            for x0, y0, x1, y1 in box.tolist()], dtype=object), 1e-4, quad_segs=1)
        mouth_lines = shapely.intersection(boundaries, near_edges)
    else:
        near_edges = mouth_lines = None
    passages: list[Passage] = []
    for k, region in enumerate(regions.tolist()):
        mouths = _pieces(mouth_lines[k]) if mouth_lines is not None else []
        if len(mouths) < 2 and not opens[k]:
            continue   # a corner fillet or a dead-end notch nobody needs to pass
        walls = _pieces(boundaries[k].difference(near_edges[k])) if near_edges is not None \
            else [region.boundary]
        width, segment = _narrowest(region, walls)
        if width is None or width >= settings.min_aisle_width - 1e-6:
            continue
        passages.append(Passage(width=width, segment=segment, region=region))
    return passages


def open_side_probes(booths: list[Booth]) -> np.ndarray:
    """A point just outside the middle of every open side of every booth."""
    points = []
    for booth in booths:
        for side in booth.open_sides:
            (mx, my), (nx, ny) = booth.side_midpoint(side), booth.side_normal(side)
            points.append((mx + 0.1 * nx, my + 0.1 * ny))
    return shapely.points(points) if points else np.array([])


def _narrowest(region: Polygon, walls: list[BaseGeometry]):
    """The shortest segment across ``region`` between two of its walls."""
    best = None
    if len(walls) >= 2:
        for i in range(len(walls)):
            for j in range(i + 1, len(walls)):
                line = shapely.shortest_line(walls[i], walls[j])
                if line is not None and (best is None or line.length < best.length):
                    best = line
    if best is None:
        # One wall only (a pocket): the widest circle that fits measures it.
        circle = shapely.maximum_inscribed_circle(region, tolerance=0.01)
        centre = Point(circle.coords[0])
        radius = circle.length
        (x, y) = centre.coords[0]
        wall_point = circle.coords[1]
        dx, dy = wall_point[0] - x, wall_point[1] - y
        return 2 * radius, ((x + dx, y + dy), (x - dx, y - dy))
    (a, b) = best.coords
    return best.length, (tuple(a), tuple(b))
