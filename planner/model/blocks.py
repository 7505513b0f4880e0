"""Blocks of booths: rows laid out in a rectangle, over a zone, or along a drawn line (no Qt).

An organiser places two hundred booths as blocks, not one by one. A block is
rows of booths of one size, single or back to back, an aisle between rows and
a cross aisle every N booths along them. Everything is worked out in the
block's own frame (u along the rows, v across them, turned ``rotation``
degrees counter-clockwise), so a turned block is the same arithmetic. Booths
face the aisles: unrotated, a single row and the lower row of a pair face
down (−y, SPEC §2), the upper row of a pair faces up. A booth at the end of a
row (or beside a cross aisle) is open at that end too when ``corner_ends``:
it becomes a corner booth, and the booth type follows its open sides.

Filling a zone keeps the grid fixed (so cross aisles line up from row to row)
and drops the booths that would leave the zone or stand on an obstacle or
another booth. A fill must pass the layout's own check at once, so it keeps a
full aisle (``clearance``) between its booths and the zone's edge, obstacles,
booths already there, the apron kept clear in front of every gate and the
spot each amenity stands on (an info point or a first-aid post hidden behind a
booth, or a hydrant with a stall against it, is no use to anyone): the
space left over at a row's end is never a slot narrower than an aisle, it is
added to that aisle, and the grid is centred so both ends get the same.

Along a line the booths stand with their backs on it, never
overlapping at bends (checked with shapely), and the gaps left at the bends
are reported. The booths come back without ids and numbers; the editor gives
them both.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import shapely
from shapely import affinity, ops
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from planner.i18n import tr
from planner.model.geometry import Point, rotate_point
from planner.model.layout import Booth, Gate

EPS = 1e-6
OVERLAP_M2 = 1e-4        # a block is stricter than the booth-overlap rule (geometry.OVERLAP_AREA): it never makes overlaps
GAP_M = 0.01             # narrower spaces between booths along a line are not gaps
# Booths in an unbroken run between cross aisles. Exhibition-hall rules commonly cap a
# continuous row of stands at about 30 m so nobody walks more than ~15 m along it to a
# crossing (and a blocked aisle can be left sideways); ten 3 m booths is that run.
CROSS_EVERY = 10
APRON_DEPTH_M = 6.0      # at least this deep, the clear space kept in front of a gate
# The ground an amenity takes (an info desk, a first-aid tent's front, a hydrant's reach): its badge
# on the plan is 2.4 m across. A block keeps its aisle clear around this, so people can queue at it.
AMENITY_RADIUS_M = 1.5


@dataclass(frozen=True)
class BlockParams:
    width: float = 3.0            # frontage of each booth
    depth: float = 3.0            # front to back
    back_to_back: bool = True     # rows in pairs sharing their backs (along a line: both sides of it)
    aisle: float = 4.0            # clear width between rows (or pairs of rows)
    cross_every: int = CROSS_EVERY   # booths between cross aisles along a row; 0: no cross aisles
    cross_aisle: float | None = None   # width of a cross aisle; None: the same as ``aisle``
    rotation: float = 0.0         # direction the rows run, degrees counter-clockwise from east
    corner_ends: bool = True      # booths at row ends open there too

    @property
    def cross_width(self) -> float:
        return self.aisle if self.cross_aisle is None else self.cross_aisle

    def check(self) -> None:
        """Refuse sizes a block cannot be made of, naming the value."""
        if not (self.width > 0 and math.isfinite(self.width)):
            raise ValueError(tr("The booth width must be a positive number of metres, not {value}.",
                                value=self.width))
        if not (self.depth > 0 and math.isfinite(self.depth)):
            raise ValueError(tr("The booth depth must be a positive number of metres, not {value}.",
                                value=self.depth))
        if not (self.aisle >= 0 and math.isfinite(self.aisle)):
            raise ValueError(tr("The aisle width must be zero or more metres, not {value}.", value=self.aisle))
        if not (self.cross_width >= 0 and math.isfinite(self.cross_width)):
            raise ValueError(tr("The cross aisle width must be zero or more metres, not {value}.",
                                value=self.cross_width))
        if self.cross_every < 0:
            raise ValueError(tr("Cross aisles come every N booths with N zero or more, not {n}.",
                                n=self.cross_every))


@dataclass(frozen=True)
class Gap:
    """Space left over between two booths that follow each other along a line."""

    at: Point
    width: float


@dataclass
class Block:
    """The booths of a block and what the preview reports about it."""

    booths: list[Booth] = field(default_factory=list)
    rows: int = 0                 # rows of booths (a pair counts two)
    aisle: float = 0.0            # between rows, as laid out
    cross_aisle: float = 0.0      # 0 when there are none
    spare: tuple[float, float] = (0.0, 0.0)     # rectangle: length left unused along and across the rows
    gaps: list[Gap] = field(default_factory=list)
    line: list[Point] = field(default_factory=list)   # along a line: where the backs stand
    clearance: float = 0.0        # kept free between the block and edges, obstacles, booths, aprons, amenities
    kept_clear: list[list[Point]] = field(default_factory=list)   # gate aprons left free of booths
    amenities_clear: list[list[Point]] = field(default_factory=list)   # amenity spots within its reach

    @property
    def count(self) -> int:
        return len(self.booths)


# -- in the block's frame ---------------------------------------------------------------------------

def _row_centres(height: float, p: BlockParams) -> list[tuple[float, bool]]:
    """(v of the row's centre, faces up) for each row that fits in ``height``."""
    rows: list[tuple[float, bool]] = []
    d = p.depth
    pitch = (2 * d if p.back_to_back else d) + p.aisle
    v = 0.0
    while v + (2 * d if p.back_to_back else d) <= height + EPS:
        rows.append((v + d / 2, False))
        if p.back_to_back:
            rows.append((v + 1.5 * d, True))
        v += pitch
    return rows


def _along(length: float, p: BlockParams) -> list[float]:
    """u of each booth centre that fits along ``length``, cross aisles every ``cross_every`` booths."""
    centres: list[float] = []
    u = 0.0
    while u + p.width <= length + EPS:
        centres.append(u + p.width / 2)
        u += p.width
        if p.cross_every and len(centres) % p.cross_every == 0:
            u += p.cross_width
    return centres


def _end_side(rotation: float, direction: Point) -> str:
    """The side (left or right) of a booth turned ``rotation`` that faces ``direction``."""
    x_axis = rotate_point((1.0, 0.0), rotation, (0.0, 0.0))
    return "right" if x_axis[0] * direction[0] + x_axis[1] * direction[1] > 0 else "left"


def _open_ends(rows: list[list[tuple[float, Booth]]], step: float, axis: Point, corner_ends: bool) -> None:
    """Open each booth's end that no neighbour touches (a corner booth); ``rows`` hold (u, booth)."""
    if not corner_ends:
        return
    back = (-axis[0], -axis[1])
    for row in rows:
        row.sort(key=lambda t: t[0])
        for i, (u, booth) in enumerate(row):
            sides = list(booth.open_sides)
            if i == 0 or u - row[i - 1][0] > step + EPS:
                sides.append(_end_side(booth.rotation, back))
            if i == len(row) - 1 or row[i + 1][0] - u > step + EPS:
                sides.append(_end_side(booth.rotation, axis))
            booth.open_sides = tuple(dict.fromkeys(sides))


def _grid(origin: Point, length: float, height: float, p: BlockParams,
          keep=None) -> tuple[list[Booth], int, tuple[float, float]]:
    """Booths of the block with its lower-left corner (in its frame) at ``origin``.

    ``keep(booth)`` may drop booths (outside the zone, on an obstacle); row ends
    are opened after dropping, so a booth beside a dropped one becomes a corner.
    """
    theta = p.rotation
    axis = rotate_point((1.0, 0.0), theta, (0.0, 0.0))
    row_centres = _row_centres(height, p)
    columns = _along(length, p)
    rows: list[list[tuple[float, Booth]]] = []
    for v, up in row_centres:
        row: list[tuple[float, Booth]] = []
        for u in columns:
            dx, dy = rotate_point((u, v), theta, (0.0, 0.0))
            booth = Booth(id="", x=origin[0] + dx, y=origin[1] + dy, width=p.width, depth=p.depth,
                          rotation=(theta + (180.0 if up else 0.0)) % 360.0, open_sides=("front",))
            if keep is None or keep(booth):
                row.append((u, booth))
        rows.append(row)
    _open_ends(rows, p.width, axis, p.corner_ends)
    used_u = columns[-1] + p.width / 2 if columns else 0.0
    used_v = row_centres[-1][0] + p.depth / 2 if row_centres else 0.0
    booths = [b for row in rows for _u, b in row]
    return booths, len(row_centres), (max(0.0, length - used_u), max(0.0, height - used_v))


def _keeper(allowed: BaseGeometry | None, blocked: Sequence[BaseGeometry], clearance: float = 0.0):
    """A test a booth must pass: wholly inside ``allowed``, overlapping nothing in ``blocked``
    and, with a ``clearance``, at least that far from all of it (an aisle's width)."""
    if allowed is None and not blocked:
        return None
    inside = prep(allowed.buffer(1e-6)) if allowed is not None else None
    tree = shapely.STRtree(list(blocked)) if blocked else None
    shapes = list(blocked)

    def keep(booth: Booth) -> bool:
        shape = booth.shape()
        if inside is not None and not inside.contains(shape):
            return False
        if tree is None:
            return True
        if clearance > 0:
            near = tree.query(shape, predicate="dwithin", distance=clearance)
            return all(shape.distance(shapes[int(i)]) >= clearance - 1e-6 for i in near)
        for i in tree.query(shape, predicate="intersects"):
            if shape.intersection(shapes[int(i)]).area > OVERLAP_M2:
                return False
        return True

    return keep


def _block(booths: list[Booth], rows: int, spare: tuple[float, float], p: BlockParams,
           clearance: float = 0.0, kept_clear: Sequence[BaseGeometry] = (),
           spots: Sequence[BaseGeometry] = ()) -> Block:
    crossed = p.cross_every and any(len(r) > p.cross_every for r in _rows_of(booths, p).values())
    return Block(booths=booths, rows=rows, aisle=p.aisle if rows > 1 else 0.0,
                 cross_aisle=p.cross_width if crossed else 0.0, spare=spare, clearance=clearance,
                 kept_clear=[_ring(g) for g in kept_clear], amenities_clear=[_ring(g) for g in spots])


def _rows_of(booths: list[Booth], p: BlockParams) -> dict[int, list[Booth]]:
    rows: dict[int, list[Booth]] = {}
    for booth in booths:
        rows.setdefault(_row_key(booth, p), []).append(booth)
    return rows


def _ring(shape: BaseGeometry) -> list[Point]:
    hull = shape if shape.geom_type == "Polygon" else shape.convex_hull
    return [(float(x), float(y)) for x, y in list(hull.exterior.coords)[:-1]] if hull.geom_type == "Polygon" else []


def amenity_spots(points: Sequence[Point], region: BaseGeometry, reach: float,
                  radius: float = AMENITY_RADIUS_M) -> list[BaseGeometry]:
    """The ground (a disc of ``radius``) of each amenity at ``points`` that comes within ``reach`` of
    ``region``, where the block's booths may stand: booths stay off it like off an obstacle."""
    discs = [shapely.Point(x, y).buffer(radius, quad_segs=8) for x, y in points]
    return [d for d in discs if d.distance(region) < reach + EPS]


def gate_aprons(gates: Sequence[Gate], site: BaseGeometry, depth: float) -> list[BaseGeometry]:
    """The space kept free of booths in front of each gate: as wide as the gate, ``depth`` deep.

    Visitors arrive and leave in a crowd there; booths in it narrow the gate to
    the slots between them. The apron lies on the site's side of the gate (both
    sides when the gate is not on the site's edge).
    """
    aprons: list[BaseGeometry] = []
    for gate in gates:
        (ax, ay), (bx, by) = gate.a, gate.b
        width = gate.width
        if width <= EPS:
            continue
        nx, ny = -(by - ay) / width, (bx - ax) / width
        mx, my = gate.midpoint
        sides = [s for s in (1.0, -1.0) if site.covers(shapely.Point(mx + s * nx * 0.05, my + s * ny * 0.05))]
        for s in sides if len(sides) == 1 else (1.0, -1.0):
            dx, dy = s * nx * depth, s * ny * depth
            aprons.append(shapely.Polygon([(ax, ay), (bx, by), (bx + dx, by + dy), (ax + dx, ay + dy)]))
    return aprons


# -- the three ways to lay out a block -----------------------------------------------------------

def fill_rectangle(origin: Point, length: float, height: float, params: BlockParams,
                   allowed: BaseGeometry | None = None, blocked: Sequence[BaseGeometry] = (),
                   clearance: float = 0.0, kept_clear: Sequence[BaseGeometry] = (),
                   amenities: Sequence[Point] = ()) -> Block:
    """Rows in a ``length`` × ``height`` rectangle turned ``params.rotation`` about its corner ``origin``.

    Rows run along ``length`` from the corner; what does not fit is left over at the far ends
    (``spare``). Booths outside ``allowed`` or on anything in ``blocked``, ``kept_clear`` or the
    ground of an amenity at ``amenities`` are left out, and so are those nearer than ``clearance``
    to the edge of ``allowed`` or to them.
    """
    params.check()
    if allowed is not None and clearance > 0:
        allowed = allowed.buffer(-clearance)
    length, height = abs(length), abs(height)
    corners = [(0.0, 0.0), (length, 0.0), (length, height), (0.0, height)]
    outline = shapely.Polygon([(origin[0] + dx, origin[1] + dy)
                               for dx, dy in (rotate_point(c, params.rotation, (0.0, 0.0)) for c in corners)])
    spots = amenity_spots(amenities, outline, clearance) if amenities else []
    keep = _keeper(allowed, [*blocked, *kept_clear, *spots], clearance)
    booths, rows, spare = _grid(origin, length, height, params, keep)
    return _block(booths, rows, spare, params, clearance, kept_clear, spots)


def rectangle_from_corners(a: Point, b: Point, rotation: float) -> tuple[Point, float, float]:
    """The rectangle turned ``rotation`` with opposite corners ``a`` and ``b``: (origin, length, height).

    The origin is its corner lowest along and across the rows, whichever way it was dragged.
    """
    ua, va = rotate_point(a, -rotation, (0.0, 0.0))
    ub, vb = rotate_point(b, -rotation, (0.0, 0.0))
    origin = rotate_point((min(ua, ub), min(va, vb)), rotation, (0.0, 0.0))
    return origin, abs(ub - ua), abs(vb - va)


def fill_area(area: BaseGeometry, params: BlockParams, blocked: Sequence[BaseGeometry] = (),
              clearance: float | None = None, kept_clear: Sequence[BaseGeometry] = (),
              amenities: Sequence[Point] = ()) -> Block:
    """Rows over the whole of ``area`` (a zone), only booths wholly inside it and clear of ``blocked``.

    Every booth keeps ``clearance`` (by default the aisle width) from the zone's edge, from
    ``blocked``, from ``kept_clear`` (gate aprons) and from the ground of each amenity at
    ``amenities`` (``AMENITY_RADIUS_M`` round it), so what is left at a row's end joins
    a full aisle instead of becoming a slot. The grid is centred in the zone along and
    across the rows: a rectangular zone gets the same aisle at both ends.
    """
    params.check()
    c = params.aisle if clearance is None else clearance
    if not (c >= 0 and math.isfinite(c)):
        raise ValueError(tr("The clearance must be zero or more metres, not {value}.", value=c))
    inner = area.buffer(-c) if c > 0 else area
    if inner.is_empty:
        return Block(clearance=c, kept_clear=[_ring(g) for g in kept_clear])
    local = affinity.rotate(inner, -params.rotation, origin=(0.0, 0.0))
    minu, minv, maxu, maxv = local.bounds
    length, height = maxu - minu, maxv - minv
    columns, row_centres = _along(length, params), _row_centres(height, params)
    used_u = columns[-1] + params.width / 2 if columns else length
    used_v = row_centres[-1][0] + params.depth / 2 if row_centres else height
    corner = (minu + (length - used_u) / 2, minv + (height - used_v) / 2)
    origin = rotate_point(corner, params.rotation, (0.0, 0.0))
    spots = amenity_spots(amenities, inner, c) if amenities else []
    keep = _keeper(inner, [*blocked, *kept_clear, *spots], c)
    booths, _rows, _spare = _grid(origin, used_u, used_v, params, keep)
    rows = len(_rows_of(booths, params))
    return _block(booths, rows, (0.0, 0.0), params, c, kept_clear, spots)


def long_side_angle(area: BaseGeometry) -> float:
    """Direction of the long side of the smallest rectangle around ``area``, in (-90, 90] degrees.

    Rows laid along it use a slanted strip (a causeway) the way an organiser would.
    """
    if area.is_empty:
        return 0.0
    rect = area.minimum_rotated_rectangle
    coords = list(rect.exterior.coords) if rect.geom_type == "Polygon" else list(rect.coords)
    if len(coords) < 2:
        return 0.0
    edges = [(math.dist(a, b), a, b) for a, b in zip(coords, coords[1:])]
    length, a, b = max(edges, key=lambda e: e[0])
    if length == 0:
        return 0.0
    angle = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) % 180.0
    angle = angle - 180.0 if angle > 90.0 + 1e-9 else angle
    return round(angle, 9) + 0.0


def _row_key(booth: Booth, p: BlockParams) -> int:
    """Which row a booth of a grid stands in (its centre across the rows, to the millimetre)."""
    _u, v = rotate_point((booth.x, booth.y), -p.rotation, (0.0, 0.0))
    return round(v * 1000)


def along_line(points: Sequence[Point], params: BlockParams, side: str = "left",
               allowed: BaseGeometry | None = None, blocked: Sequence[BaseGeometry] = (),
               kept_clear: Sequence[BaseGeometry] = (), amenities: Sequence[Point] = (),
               clearance: float | None = None) -> Block:
    """Booths with their backs on the polyline ``points``, on its ``side`` (both when back to back).

    The backs stand on the line by design (a lakeside fence), so nothing else keeps a clearance,
    but booths stay ``clearance`` (by default the aisle) off the ground of each amenity.

    Each booth stands square to its segment. Inside a bend the segments give up
    depth × tan(half the turn) each so the booths cannot meet; whatever still
    overlaps (a very sharp or short zig-zag) is dropped, checked with shapely.
    ``gaps`` are the spaces between consecutive booths that are not cross aisles.
    """
    params.check()
    pts = [tuple(map(float, p)) for i, p in enumerate(points) if i == 0 or tuple(p) != tuple(points[i - 1])]
    if len(pts) < 2:
        return Block(line=list(pts))
    sides = ("left", "right") if params.back_to_back else (side,)
    spots: list[BaseGeometry] = []
    if amenities:
        line = shapely.LineString(pts)
        reach = shapely.union_all([line.buffer(params.depth if s == "left" else -params.depth, single_sided=True)
                                   for s in sides])
        c = params.aisle if clearance is None else clearance
        spots = amenity_spots(amenities, reach, 0.0, AMENITY_RADIUS_M + max(c, 0.0))
    keep = _keeper(allowed, [*blocked, *kept_clear, *spots])
    booths: list[Booth] = []
    gaps: list[Gap] = []
    for s in sides:
        run = _one_side(pts, params, 1.0 if s == "left" else -1.0)
        run = _without_overlaps(run, keep)
        _open_line_ends(run, params.corner_ends)
        gaps += _gaps(run)
        booths += [placed.booth for placed in run]
    crossed = params.cross_every and len(booths) > params.cross_every
    return Block(booths=booths, rows=len(sides), aisle=0.0,
                 cross_aisle=params.cross_width if crossed else 0.0, gaps=gaps, line=list(pts),
                 kept_clear=[_ring(g) for g in kept_clear], amenities_clear=[_ring(g) for g in spots])


@dataclass
class _Placed:
    """A booth along the line, whether a cross aisle comes before it, and its end facing back along the line."""

    booth: Booth
    cross: bool
    back_side: str


def _one_side(pts: list[Point], p: BlockParams, sign: float) -> list[_Placed]:
    """The booths along the line on one side (``sign`` +1 left, -1 right), in order."""
    directions = []
    for a, b in zip(pts, pts[1:]):
        length = math.dist(a, b)
        directions.append(((b[0] - a[0]) / length, (b[1] - a[1]) / length, length))
    trims = [0.0] * len(pts)         # length given up at each inner vertex, by both its segments
    for j in range(1, len(pts) - 1):
        (tx0, ty0, _), (tx1, ty1, _) = directions[j - 1], directions[j]
        turn = math.atan2(tx0 * ty1 - ty0 * tx1, tx0 * tx1 + ty0 * ty1)    # + turns left
        if turn * sign > 0:                                                # this side is inside the bend
            trims[j] = p.depth * math.tan(min(abs(turn) / 2, math.radians(89.0)))
    out: list[_Placed] = []
    pending_cross = False
    for i, (a, (tx, ty, length)) in enumerate(zip(pts, directions)):
        nx, ny = -ty * sign, tx * sign                 # out of the line, towards this side
        rotation = math.degrees(math.atan2(nx, -ny)) % 360.0     # the front (sin r, -cos r) faces (nx, ny)
        back_side = _end_side(rotation, (-tx, -ty))
        s = trims[i]
        end = length - trims[i + 1]
        while s + p.width <= end + EPS:
            centre_s = s + p.width / 2
            booth = Booth(id="", x=a[0] + tx * centre_s + nx * p.depth / 2,
                          y=a[1] + ty * centre_s + ny * p.depth / 2, width=p.width, depth=p.depth,
                          rotation=rotation, open_sides=("front",))
            out.append(_Placed(booth, pending_cross, back_side))
            pending_cross = False
            s += p.width
            if p.cross_every and len(out) % p.cross_every == 0:
                s += p.cross_width
                pending_cross = True
    return out


def _without_overlaps(run: list[_Placed], keep) -> list[_Placed]:
    """Drop booths outside what is allowed, then any that overlaps one kept before it."""
    candidates: list[_Placed] = []
    cross_next = False
    for placed in run:
        if keep is not None and not keep(placed.booth):
            cross_next = cross_next or placed.cross
            continue
        candidates.append(_Placed(placed.booth, placed.cross or cross_next, placed.back_side))
        cross_next = False
    if not candidates:
        return []
    shapes = [c.booth.shape() for c in candidates]
    tree = shapely.STRtree(shapes)
    dropped: set[int] = set()
    first, second = tree.query(shapes, predicate="intersects")
    for i, j in sorted(zip(first.tolist(), second.tolist())):
        if i < j and i not in dropped and j not in dropped \
                and shapes[i].intersection(shapes[j]).area > OVERLAP_M2:
            dropped.add(j)
    return [c for k, c in enumerate(candidates) if k not in dropped]


def _touching(a: Booth, b: Booth) -> bool:
    return a.shape().distance(b.shape()) <= GAP_M


def _open_line_ends(run: list[_Placed], corner_ends: bool) -> None:
    """Booths with no neighbour touching them along the line open at that end."""
    if not corner_ends:
        return
    for i, placed in enumerate(run):
        booth = placed.booth
        sides = list(booth.open_sides)
        ahead_side = "left" if placed.back_side == "right" else "right"
        if i == 0 or not _touching(run[i - 1].booth, booth):
            sides.append(placed.back_side)
        if i + 1 == len(run) or not _touching(booth, run[i + 1].booth):
            sides.append(ahead_side)
        booth.open_sides = tuple(dict.fromkeys(sides))


def _gaps(run: list[_Placed]) -> list[Gap]:
    """Spaces wider than ``GAP_M`` between consecutive booths that no cross aisle explains."""
    gaps = []
    for a, b in zip(run, run[1:]):
        if b.cross:
            continue
        sa, sb = a.booth.shape(), b.booth.shape()
        width = sa.distance(sb)
        if width > GAP_M:
            pa, pb = ops.nearest_points(sa, sb)
            gaps.append(Gap(at=((pa.x + pb.x) / 2, (pa.y + pb.y) / 2), width=width))
    return gaps


def fresh_ids(taken: Collection[str], n: int, prefix: str = "b") -> list[str]:
    """``n`` ids not in ``taken``, numbered like ``Layout.new_id`` (``b-0217`` …)."""
    ids: list[str] = []
    k = len(taken) + 1
    while len(ids) < n:
        candidate = f"{prefix}-{k:04d}"
        if candidate not in taken:
            ids.append(candidate)
        k += 1
    return ids
