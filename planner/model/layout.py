"""The layout and its parts, as SPEC §2 defines them (no Qt).

Objects are plain dataclasses with a stable ``id``; keys of the file that the
planner does not know travel in ``extra`` and are written back unchanged.
The ``Layout`` owns the collections, finds objects by id, and tells its
subscribers what changed; only edits (``planner.model.edits``) change it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import shapely
from shapely.geometry import Polygon as ShapelyPolygon

from planner.model.geometry import Point, Polygon, rotate_point, to_shapely

OBSTACLE_KINDS = ("water", "building", "stage", "structure", "vegetation", "restricted")
GATE_KINDS = ("entrance", "exit", "both")
BOOTH_STATUSES = ("available", "reserved", "sold", "blocked")
BOOTH_SIDES = ("front", "left", "right", "back")  # the order endpoints are tried in
AMENITY_KINDS = (
    "toilets", "first_aid", "info", "water", "charging", "security",
    "fire_extinguisher", "fire_hydrant", "assembly_point", "other",
)

# Local frame of an unrotated booth: front faces -y, back +y, left -x, right +x.
_SIDE_CORNERS = {
    "front": ((-0.5, -0.5), (0.5, -0.5)),
    "right": ((0.5, -0.5), (0.5, 0.5)),
    "back": ((0.5, 0.5), (-0.5, 0.5)),
    "left": ((-0.5, 0.5), (-0.5, -0.5)),
}
_SIDE_NORMALS = {"front": (0.0, -1.0), "right": (1.0, 0.0), "back": (0.0, 1.0), "left": (-1.0, 0.0)}
_OPPOSITE = {"front": "back", "back": "front", "left": "right", "right": "left"}


@dataclass
class Site:
    boundary: Polygon
    extra: dict[str, Any] = field(default_factory=dict)

    def shape(self) -> ShapelyPolygon:
        return to_shapely(self.boundary)


@dataclass
class Obstacle:
    id: str
    kind: str
    polygon: Polygon
    name: str = ""
    locked: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def shape(self) -> ShapelyPolygon:
        return to_shapely(self.polygon)


@dataclass
class Zone:
    id: str
    polygon: Polygon
    name: str = ""
    theme: str = ""
    color: str = "#9e9e9e"
    peak_visitors: int = 0
    anchor: Point | None = None
    max_density: float | None = None
    numbering: dict[str, Any] = field(default_factory=dict)
    locked: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def shape(self) -> ShapelyPolygon:
        return to_shapely(self.polygon)


@dataclass
class Gate:
    id: str
    a: Point
    b: Point
    name: str = ""
    kind: str = "both"
    locked: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def width(self) -> float:
        """Clear width: the length of the gate's segment."""
        return math.dist(self.a, self.b)

    @property
    def midpoint(self) -> Point:
        return ((self.a[0] + self.b[0]) / 2, (self.a[1] + self.b[1]) / 2)

    @property
    def is_entrance(self) -> bool:
        return self.kind in ("entrance", "both")

    @property
    def is_exit(self) -> bool:
        return self.kind in ("exit", "both")


@dataclass
class Booth:
    id: str
    x: float
    y: float
    width: float = 3.0
    depth: float = 3.0
    number: str = ""
    rotation: float = 0.0
    open_sides: tuple[str, ...] = ("front",)
    exhibitor: str = ""
    category: str = ""
    status: str = "available"
    cooking: bool = False
    locked: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def centre(self) -> Point:
        return (self.x, self.y)

    def _local(self, u: float, v: float) -> Point:
        """A point given in fractions of width (u) and depth (v) from the centre."""
        return rotate_point((self.x + u * self.width, self.y + v * self.depth), self.rotation, self.centre)

    def corners(self) -> tuple[Point, Point, Point, Point]:
        """Corners counter-clockwise from front-left."""
        return (self._local(-0.5, -0.5), self._local(0.5, -0.5),
                self._local(0.5, 0.5), self._local(-0.5, 0.5))

    def shape(self) -> ShapelyPolygon:
        return ShapelyPolygon(self.corners())

    def side_segment(self, side: str) -> tuple[Point, Point]:
        (u1, v1), (u2, v2) = _SIDE_CORNERS[side]
        return (self._local(u1, v1), self._local(u2, v2))

    def side_midpoint(self, side: str) -> Point:
        a, b = self.side_segment(side)
        return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)

    def side_normal(self, side: str) -> Point:
        """Unit vector pointing out of the booth through ``side``."""
        return rotate_point(_SIDE_NORMALS[side], self.rotation, (0.0, 0.0))

    @property
    def front_edge(self) -> tuple[Point, Point]:
        return self.side_segment("front")

    @property
    def ordered_open_sides(self) -> tuple[str, ...]:
        """Open sides in the order front, left, right, back."""
        return tuple(s for s in BOOTH_SIDES if s in self.open_sides)

    @property
    def booth_type(self) -> str:
        """closed, inline, corner, double-sided, peninsula or island."""
        sides = set(self.open_sides)
        n = len(sides)
        if n == 0:
            return "closed"
        if n == 1:
            return "inline"
        if n == 2:
            a, b = sorted(sides)
            return "double-sided" if _OPPOSITE[a] == b else "corner"
        return "peninsula" if n == 3 else "island"


@dataclass
class Amenity:
    id: str
    kind: str
    x: float
    y: float
    name: str = ""
    locked: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Settings:
    min_aisle_width: float = 3.0
    body_radius: float = 0.25
    walking_speed: float = 1.2
    specific_flow: float = 82.0
    max_egress_time: float = 480.0
    max_density: float = 2.0
    max_exit_distance: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Event:
    venue: str = ""
    dates: str = ""
    organiser: str = ""
    revision: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Georef:
    lat: float
    lon: float
    rotation_deg: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Background:
    image: str
    metres_per_pixel: float
    x: float = 0.0
    y: float = 0.0
    rotation_deg: float = 0.0
    opacity: float = 1.0
    locked: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


LayoutObject = Obstacle | Zone | Gate | Booth | Amenity

# Collection name in the file for each object class, in the file's order.
COLLECTIONS: dict[type, str] = {
    Obstacle: "obstacles", Zone: "zones", Gate: "gates", Booth: "booths", Amenity: "amenities",
}


@dataclass
class Change:
    """What an edit changed, for the views that mirror the layout."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # "settings", "event", "site", ...


@dataclass(eq=False)
class Layout:
    site: Site
    name: str = ""
    version: int = 1
    event: Event = field(default_factory=Event)
    settings: Settings = field(default_factory=Settings)
    georef: Georef | None = None
    background: Background | None = None
    obstacles: list[Obstacle] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    gates: list[Gate] = field(default_factory=list)
    booths: list[Booth] = field(default_factory=list)
    amenities: list[Amenity] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._listeners: list[Callable[[Change], None]] = []
        self._index: dict[str, LayoutObject] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Copies and pickles carry the content, not the listeners or the id index."""
        state = dict(self.__dict__)
        state["_listeners"] = []
        state["_index"] = None
        return state

    # -- equality compares content, not listeners or caches ------------------
    _FIELDS = ("site", "name", "version", "event", "settings", "georef", "background",
               "obstacles", "zones", "gates", "booths", "amenities", "extra")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Layout):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._FIELDS)

    # -- lookup ---------------------------------------------------------------
    def objects(self) -> Iterator[LayoutObject]:
        yield from self.obstacles
        yield from self.zones
        yield from self.gates
        yield from self.booths
        yield from self.amenities

    def _ids(self) -> dict[str, LayoutObject]:
        if self._index is None:
            self._index = {obj.id: obj for obj in self.objects()}
        return self._index

    def reindex(self) -> None:
        """Forget the id index after the collections were changed directly."""
        self._index = None

    def get(self, object_id: str) -> LayoutObject | None:
        return self._ids().get(object_id)

    def __contains__(self, object_id: str) -> bool:
        return object_id in self._ids()

    def collection(self, obj_or_type: LayoutObject | type) -> list:
        kind = obj_or_type if isinstance(obj_or_type, type) else type(obj_or_type)
        return getattr(self, COLLECTIONS[kind])

    def new_id(self, prefix: str) -> str:
        """An id not yet used in the layout, such as ``b-0217``."""
        ids = self._ids()
        n = len(ids) + 1
        while f"{prefix}-{n:04d}" in ids:
            n += 1
        return f"{prefix}-{n:04d}"

    # -- structural changes, used by edits ------------------------------------
    def insert(self, obj: LayoutObject, index: int | None = None) -> None:
        if obj.id in self._ids():
            raise ValueError(f"id {obj.id!r} is already in the layout")
        items = self.collection(obj)
        items.insert(len(items) if index is None else index, obj)
        self._ids()[obj.id] = obj

    def pop(self, object_id: str) -> tuple[LayoutObject, int]:
        obj = self._ids().pop(object_id)
        items = self.collection(obj)
        index = next(i for i, o in enumerate(items) if o is obj)
        del items[index]
        return obj, index

    # -- change notification --------------------------------------------------
    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.remove(listener)

    def notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- derived facts ----------------------------------------------------------
    def zone_of_booths(self) -> dict[str, str | None]:
        """The zone each booth belongs to: the first zone containing its centre."""
        result: dict[str, str | None] = {b.id: None for b in self.booths}
        if not self.booths or not self.zones:
            return result
        shapes = [z.shape() for z in self.zones]
        tree = shapely.STRtree(shapes)
        points = shapely.points([(b.x, b.y) for b in self.booths])
        booth_idx, zone_idx = tree.query(points, predicate="intersects")
        best: dict[int, int] = {}
        for bi, zi in zip(booth_idx.tolist(), zone_idx.tolist()):
            if bi not in best or zi < best[bi]:
                best[bi] = zi
        for bi, zi in best.items():
            result[self.booths[bi].id] = self.zones[zi].id
        return result

    def zone_of(self, booth: Booth) -> Zone | None:
        point = shapely.Point(booth.x, booth.y)
        for zone in self.zones:
            if zone.shape().intersects(point):
                return zone
        return None
