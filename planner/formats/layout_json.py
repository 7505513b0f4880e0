"""Read, validate, migrate and write ``*.festival.json`` (SPEC §2).

Structure and type errors refuse the whole file with one sentence naming the
JSON path; geometry is never a load error (the analysis reports it). Keys the
reader does not know are kept in each object's ``extra`` and written back.
Writes are atomic: a temporary file beside the target, flushed, then
``os.replace``.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.formats.atomic import replace_atomically
from planner.i18n import tr
from planner.model.geometry import normalise_polygon
from planner.model.layout import (
    AMENITY_KINDS, BOOTH_SIDES, BOOTH_STATUSES, GATE_KINDS, OBSTACLE_KINDS,
    Amenity, Background, Booth, Event, Gate, Georef, Layout, Obstacle, Settings, Site, Zone,
)

FORMAT_NAME = "festival-planner/layout"
FORMAT_VERSION = 1
_OLDEST_VERSION = 1  # the first version of the format; older numbers never existed
MAX_FILE_BYTES = 50 * 1024 * 1024

# Older versions step up one at a time: MIGRATIONS[n] turns version n into n + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

_MAX_COUNT = 1_000_000_000  # far above any crowd; keeps later float arithmetic finite
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_DATE = r"\d{4}-\d{2}-\d{2}"
_DATES = re.compile(rf"^{_DATE}(/{_DATE})?$")


class LayoutFileError(Exception):
    """A layout file that cannot be loaded; ``str()`` is one plain sentence."""

    def __init__(self, message: str, json_path: str | None = None) -> None:
        super().__init__(message)
        self.json_path = json_path


class LayoutWriteError(Exception):
    """A layout that could not be saved; the old file, if any, is untouched."""


# -- reading -------------------------------------------------------------------

def _show(value: Any) -> str:
    """A short rendering of a wrong value for an error message."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def _fail(template: str, path: str, value: Any = None, **more: Any) -> LayoutFileError:
    return LayoutFileError(tr(template, path=path, got=_show(value), **more), path)


class _NotJsonNumber(ValueError):
    pass


def _reject_constant(name: str) -> float:
    raise _NotJsonNumber(name)


class _Reader:
    """Walks the parsed JSON, checking each value against SPEC §2."""

    def __init__(self) -> None:
        self.seen_ids: dict[str, str] = {}

    # scalar checks
    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _fail("{path}: expected an object, got {got}", path, value)
        return value

    def lst(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise _fail("{path}: expected a list, got {got}", path, value)
        return value

    def text(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise _fail("{path}: expected text, got {got}", path, value)
        return value

    def flag(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise _fail("{path}: expected true or false, got {got}", path, value)
        return value

    def number(self, value: Any, path: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail("{path}: expected a number, got {got}", path, value)
        try:
            result = float(value)
        except OverflowError:
            result = math.inf
        if not math.isfinite(result):
            raise _fail("{path}: expected a finite number, got {got}", path, value)
        return result

    def positive(self, value: Any, path: str) -> float:
        result = self.number(value, path)
        if result <= 0:
            raise _fail("{path}: expected a positive number, got {got}", path, value)
        return result

    def non_negative_int(self, value: Any, path: str) -> int:
        ok = not isinstance(value, bool) and isinstance(value, (int, float))
        if ok and isinstance(value, float):
            ok = math.isfinite(value) and value.is_integer()
        if not ok or value < 0:
            raise _fail("{path}: expected a whole number of zero or more, got {got}", path, value)
        if value > _MAX_COUNT:
            raise _fail("{path}: expected a whole number up to {limit}, got {got}", path, value,
                        limit=_MAX_COUNT)
        return int(value)

    def between(self, value: Any, path: str, low: float, high: float) -> float:
        result = self.number(value, path)
        if not low <= result <= high:
            raise _fail("{path}: expected a number from {low} to {high}, got {got}", path, value,
                        low=low, high=high)
        return result

    def choice(self, value: Any, path: str, choices: tuple[str, ...]) -> str:
        if value not in choices or not isinstance(value, str):
            raise _fail("{path}: expected one of {choices}, got {got}", path, value,
                        choices=", ".join(choices))
        return value

    def point(self, value: Any, path: str) -> tuple[float, float]:
        if not isinstance(value, list) or len(value) != 2:
            raise _fail("{path}: expected a point [x, y], got {got}", path, value)
        return (self.number(value[0], f"{path}[0]"), self.number(value[1], f"{path}[1]"))

    def polygon(self, value: Any, path: str) -> tuple:
        if not isinstance(value, list) or not value:
            raise _fail("{path}: expected a polygon, a list of rings of [x, y] points, got {got}",
                        path, value)
        rings = []
        for i, ring in enumerate(value):
            where = f"{path}[{i}]"
            if not isinstance(ring, list):
                raise _fail("{path}: expected a ring, a list of [x, y] points, got {got}", where, ring)
            points = [self.point(p, f"{where}[{j}]") for j, p in enumerate(ring)]
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            if len(points) < 3:
                raise LayoutFileError(tr("{path}: expected a ring of at least three points, got {count}",
                                         path=where, count=len(points)), where)
            rings.append(points)
        return normalise_polygon(rings)

    # structure
    def field(self, data: dict[str, Any], key: str, path: str, check: Callable[[Any, str], Any],
              default: Any = ..., nullable: bool = False) -> Any:
        where = f"{path}.{key}" if path else key
        if key not in data:
            if default is ...:
                raise LayoutFileError(tr("{path}: required but missing", path=where), where)
            return default
        value = data[key]
        if value is None and nullable:
            return None
        return check(value, where)

    def object_id(self, data: dict[str, Any], path: str) -> str:
        value = self.field(data, "id", path, self.text)
        if not value:
            raise _fail("{path}: expected a non-empty id, got {got}", f"{path}.id", value)
        if value in self.seen_ids:
            raise LayoutFileError(tr("{path}: duplicate id {got}, already used at {first}",
                                     path=f"{path}.id", got=_show(value), first=self.seen_ids[value]),
                                  f"{path}.id")
        self.seen_ids[value] = f"{path}.id"
        return value

    def open_sides(self, value: Any, path: str) -> tuple[str, ...]:
        if not isinstance(value, list) or len(set(map(str, value))) != len(value) or \
                any(side not in BOOTH_SIDES for side in value):
            raise _fail("{path}: expected a list of distinct sides from front, left, right, back, got {got}",
                        path, value)
        return tuple(value)

    def color(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not _COLOR.match(value):
            raise _fail('{path}: expected a colour such as "#e4572e", got {got}', path, value)
        return value

    def dates(self, value: Any, path: str) -> str:
        text = self.text(value, path)
        if text and not _DATES.match(text):
            raise _fail('{path}: expected an ISO 8601 date or interval such as "2018-09-13/2018-09-16", '
                        'got {got}', path, value)
        return text


def _extra(data: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in known}


_TOP = ("format", "version", "name", "event", "georef", "settings", "background", "site",
        "obstacles", "zones", "gates", "booths", "amenities")
_EVENT = ("venue", "dates", "organiser", "revision")
_GEOREF = ("lat", "lon", "rotation_deg")
_SETTINGS = ("min_aisle_width", "body_radius", "walking_speed", "specific_flow",
             "max_egress_time", "max_density", "max_exit_distance")
_BACKGROUND = ("image", "x", "y", "metres_per_pixel", "rotation_deg", "opacity", "locked")
_SITE = ("boundary",)
_OBSTACLE = ("id", "kind", "name", "polygon", "locked")
_ZONE = ("id", "name", "theme", "color", "polygon", "peak_visitors", "anchor", "max_density",
         "numbering", "locked")
_GATE = ("id", "name", "kind", "a", "b", "locked")
_BOOTH = ("id", "number", "x", "y", "width", "depth", "rotation", "open_sides", "exhibitor",
          "category", "status", "cooking", "locked")
_AMENITY = ("id", "kind", "name", "x", "y", "locked")


def _read_objects(r: _Reader, data: dict[str, Any], key: str,
                  make: Callable[[_Reader, dict[str, Any], str], Any]) -> list[Any]:
    items = r.field(data, key, "", r.lst, default=[])
    return [make(r, r.obj(item, f"{key}[{i}]"), f"{key}[{i}]") for i, item in enumerate(items)]


def _obstacle(r: _Reader, d: dict[str, Any], p: str) -> Obstacle:
    return Obstacle(
        id=r.object_id(d, p),
        kind=r.field(d, "kind", p, lambda v, w: r.choice(v, w, OBSTACLE_KINDS)),
        name=r.field(d, "name", p, r.text, default=""),
        polygon=r.field(d, "polygon", p, r.polygon),
        locked=r.field(d, "locked", p, r.flag, default=False),
        extra=_extra(d, _OBSTACLE),
    )


def _zone(r: _Reader, d: dict[str, Any], p: str) -> Zone:
    return Zone(
        id=r.object_id(d, p),
        name=r.field(d, "name", p, r.text, default=""),
        theme=r.field(d, "theme", p, r.text, default=""),
        color=r.field(d, "color", p, r.color, default="#9e9e9e"),
        polygon=r.field(d, "polygon", p, r.polygon),
        peak_visitors=r.field(d, "peak_visitors", p, r.non_negative_int, default=0),
        anchor=r.field(d, "anchor", p, r.point, default=None, nullable=True),
        max_density=r.field(d, "max_density", p, r.positive, default=None, nullable=True),
        numbering=dict(r.field(d, "numbering", p, r.obj, default={})),
        locked=r.field(d, "locked", p, r.flag, default=False),
        extra=_extra(d, _ZONE),
    )


def _gate(r: _Reader, d: dict[str, Any], p: str) -> Gate:
    return Gate(
        id=r.object_id(d, p),
        name=r.field(d, "name", p, r.text, default=""),
        kind=r.field(d, "kind", p, lambda v, w: r.choice(v, w, GATE_KINDS), default="both"),
        a=r.field(d, "a", p, r.point),
        b=r.field(d, "b", p, r.point),
        locked=r.field(d, "locked", p, r.flag, default=False),
        extra=_extra(d, _GATE),
    )


def _booth(r: _Reader, d: dict[str, Any], p: str) -> Booth:
    return Booth(
        id=r.object_id(d, p),
        number=r.field(d, "number", p, r.text, default=""),
        x=r.field(d, "x", p, r.number),
        y=r.field(d, "y", p, r.number),
        width=r.field(d, "width", p, r.positive),
        depth=r.field(d, "depth", p, r.positive),
        rotation=r.field(d, "rotation", p, r.number, default=0.0),
        open_sides=r.field(d, "open_sides", p, r.open_sides, default=("front",)),
        exhibitor=r.field(d, "exhibitor", p, r.text, default=""),
        category=r.field(d, "category", p, r.text, default=""),
        status=r.field(d, "status", p, lambda v, w: r.choice(v, w, BOOTH_STATUSES), default="available"),
        cooking=r.field(d, "cooking", p, r.flag, default=False),
        locked=r.field(d, "locked", p, r.flag, default=False),
        extra=_extra(d, _BOOTH),
    )


def _amenity(r: _Reader, d: dict[str, Any], p: str) -> Amenity:
    return Amenity(
        id=r.object_id(d, p),
        kind=r.field(d, "kind", p, lambda v, w: r.choice(v, w, AMENITY_KINDS)),
        name=r.field(d, "name", p, r.text, default=""),
        x=r.field(d, "x", p, r.number),
        y=r.field(d, "y", p, r.number),
        locked=r.field(d, "locked", p, r.flag, default=False),
        extra=_extra(d, _AMENITY),
    )


def _migrate(data: dict[str, Any], r: _Reader) -> dict[str, Any]:
    if data.get("format") != FORMAT_NAME:
        raise _fail('{path}: expected "festival-planner/layout", got {got}', "format", data.get("format"))
    version = r.field(data, "version", "", r.non_negative_int)
    if version > FORMAT_VERSION:
        raise LayoutFileError(tr("This layout is file format version {version}, newer than the version "
                                 "{supported} this planner reads; update Festival Floor Planner to open it.",
                                 version=version, supported=FORMAT_VERSION), "version")
    if version < _OLDEST_VERSION:
        raise _fail("{path}: expected a whole number of one or more, got {got}", "version", version)
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def layout_from_dict(data: Any) -> Layout:
    """Build a Layout from parsed JSON, or raise LayoutFileError naming the path."""
    r = _Reader()
    data = r.obj(data, "(file)")
    data = _migrate(data, r)
    event = r.field(data, "event", "", r.obj, default={})
    settings = r.field(data, "settings", "", r.obj, default={})
    site = r.field(data, "site", "", r.obj)
    georef = r.field(data, "georef", "", r.obj, default=None, nullable=True)
    background = r.field(data, "background", "", r.obj, default=None, nullable=True)
    defaults = Settings()
    layout = Layout(
        name=r.field(data, "name", "", r.text, default=""),
        version=FORMAT_VERSION,
        event=Event(
            venue=r.field(event, "venue", "event", r.text, default=""),
            dates=r.field(event, "dates", "event", r.dates, default=""),
            organiser=r.field(event, "organiser", "event", r.text, default=""),
            revision=r.field(event, "revision", "event", r.text, default=""),
            extra=_extra(event, _EVENT),
        ),
        settings=Settings(
            min_aisle_width=r.field(settings, "min_aisle_width", "settings", r.positive,
                                    default=defaults.min_aisle_width),
            body_radius=r.field(settings, "body_radius", "settings", r.positive,
                                default=defaults.body_radius),
            walking_speed=r.field(settings, "walking_speed", "settings", r.positive,
                                  default=defaults.walking_speed),
            specific_flow=r.field(settings, "specific_flow", "settings", r.positive,
                                  default=defaults.specific_flow),
            max_egress_time=r.field(settings, "max_egress_time", "settings", r.positive,
                                    default=defaults.max_egress_time),
            max_density=r.field(settings, "max_density", "settings", r.positive,
                                default=defaults.max_density),
            max_exit_distance=r.field(settings, "max_exit_distance", "settings", r.positive,
                                      default=None, nullable=True),
            extra=_extra(settings, _SETTINGS),
        ),
        georef=None if georef is None else Georef(
            lat=r.field(georef, "lat", "georef", lambda v, w: r.between(v, w, -90, 90)),
            lon=r.field(georef, "lon", "georef", lambda v, w: r.between(v, w, -180, 180)),
            rotation_deg=r.field(georef, "rotation_deg", "georef", r.number, default=0.0),
            extra=_extra(georef, _GEOREF),
        ),
        background=None if background is None else Background(
            image=r.field(background, "image", "background", r.text),
            x=r.field(background, "x", "background", r.number, default=0.0),
            y=r.field(background, "y", "background", r.number, default=0.0),
            metres_per_pixel=r.field(background, "metres_per_pixel", "background", r.positive),
            rotation_deg=r.field(background, "rotation_deg", "background", r.number, default=0.0),
            opacity=r.field(background, "opacity", "background", lambda v, w: r.between(v, w, 0, 1),
                            default=1.0),
            locked=r.field(background, "locked", "background", r.flag, default=False),
            extra=_extra(background, _BACKGROUND),
        ),
        site=Site(boundary=r.field(site, "boundary", "site", r.polygon), extra=_extra(site, _SITE)),
        obstacles=_read_objects(r, data, "obstacles", _obstacle),
        zones=_read_objects(r, data, "zones", _zone),
        gates=_read_objects(r, data, "gates", _gate),
        booths=_read_objects(r, data, "booths", _booth),
        amenities=_read_objects(r, data, "amenities", _amenity),
        extra=_extra(data, _TOP),
    )
    return layout


def loads_layout(text: str | bytes) -> Layout:
    """Parse a layout from JSON text or UTF-8 bytes."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise LayoutFileError(tr("The file is {size:.0f} MB; layout files are limited to 50 MB.",
                                     size=len(text) / 1e6))
        if text[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in text[:4096]:
            raise LayoutFileError(_binary_message(text))
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = text[:exc.start].count(b"\n") + 1
            raise LayoutFileError(tr("The file is not UTF-8 text (an invalid byte on line {line}); "
                                     "save it as UTF-8.", line=line)) from None
    elif len(text) > MAX_FILE_BYTES:
        raise LayoutFileError(tr("The file is {size:.0f} MB; layout files are limited to 50 MB.",
                                 size=len(text) / 1e6))
    if not text.strip():
        raise LayoutFileError(tr("The file is empty."))
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise _json_error(exc) from None
    except _NotJsonNumber as exc:
        raise LayoutFileError(tr("The file is not valid JSON: {reason} is not a number JSON allows.",
                                 reason=exc)) from None
    except ValueError:
        raise LayoutFileError(tr("The file holds a number too long to read.")) from None
    except RecursionError:
        raise LayoutFileError(tr("The file is nested too deeply to be a layout.")) from None
    try:
        return layout_from_dict(data)
    except RecursionError:
        raise LayoutFileError(tr("The file is nested too deeply to be a layout.")) from None


def _binary_message(raw: bytes) -> str:
    """What to say of a file with NUL bytes: UTF-16 text (as Excel and Notepad save) or not text."""
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        try:
            decoded = raw.decode(encoding).lstrip("\ufeff \t\r\n")
        except UnicodeDecodeError:
            continue
        if decoded[:1] in ("{", "["):
            return tr("The file is UTF-16 text; save it as UTF-8.")
    return tr("The file is not text; a layout file is UTF-8 JSON.")


def _json_error(exc: json.JSONDecodeError) -> LayoutFileError:
    """The parser's complaint, with the comma to remove when that is the cause."""
    before = exc.doc[:exc.pos].rstrip()
    if before.endswith(",") and exc.doc[exc.pos:exc.pos + 1] in ("]", "}"):
        comma = len(before) - 1
        line = exc.doc.count("\n", 0, comma) + 1
        column = comma - (exc.doc.rfind("\n", 0, comma) + 1) + 1
        return LayoutFileError(tr("The file is not valid JSON: remove the comma before the closing bracket "
                                  "at line {line}, column {column}.", line=line, column=column))
    return LayoutFileError(tr("The file is not valid JSON: {reason} at line {line}, column {column}.",
                              reason=_json_reason(exc.msg), line=exc.lineno, column=exc.colno))


def _json_reason(msg: str) -> str:
    """The JSON parser's complaint in the reader's language (in English, Python's own words)."""
    reasons = {
        "Expecting value": tr("Expecting value"),
        "Expecting ',' delimiter": tr("Expecting ',' delimiter"),
        "Expecting ':' delimiter": tr("Expecting ':' delimiter"),
        "Expecting property name enclosed in double quotes": tr("Expecting property name enclosed in double quotes"),
        "Extra data": tr("Extra data"),
        "Unterminated string starting at": tr("Unterminated string starting at"),
        "Invalid control character at": tr("Invalid control character at"),
        "Invalid \\escape": tr("Invalid \\escape"),
        "Invalid \\uXXXX escape": tr("Invalid \\uXXXX escape"),
    }
    return reasons.get(msg, msg)


def read_layout(path: str | os.PathLike[str]) -> Layout:
    """Load a layout file; every failure is a LayoutFileError of one sentence."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise LayoutFileError(tr("{file} is a folder, not a layout file.", file=path.name))
        if size > MAX_FILE_BYTES:
            raise LayoutFileError(tr("{file} is {size:.0f} MB; layout files are limited to 50 MB.",
                                     file=path.name, size=size / 1e6))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LayoutFileError(tr("{file} does not exist.", file=str(path))) from None
    except PermissionError:
        raise LayoutFileError(tr("{file} cannot be read: permission denied.", file=str(path))) from None
    except OSError as exc:
        raise LayoutFileError(tr("{file} cannot be read: {reason}.", file=str(path),
                                 reason=exc.strerror or exc)) from None
    try:
        return loads_layout(raw)
    except LayoutFileError as exc:
        raise LayoutFileError(tr("{file}: {problem}", file=path.name, problem=exc), exc.json_path) from None


# -- writing -------------------------------------------------------------------

def _rings(polygon: tuple) -> list[list[list[float]]]:
    return [[[x, y] for x, y in ring] for ring in polygon]


def _with_extra(known: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    result = dict(known)
    for key, value in extra.items():
        result.setdefault(key, value)
    return result


def layout_to_dict(layout: Layout) -> dict[str, Any]:
    """The JSON object of a layout, known keys first in the order of SPEC §2."""
    s, e = layout.settings, layout.event
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "name": layout.name,
        "event": _with_extra({"venue": e.venue, "dates": e.dates, "organiser": e.organiser,
                              "revision": e.revision}, e.extra),
    }
    if layout.georef is not None:
        g = layout.georef
        data["georef"] = _with_extra({"lat": g.lat, "lon": g.lon, "rotation_deg": g.rotation_deg}, g.extra)
    data["settings"] = _with_extra({
        "min_aisle_width": s.min_aisle_width, "body_radius": s.body_radius,
        "walking_speed": s.walking_speed, "specific_flow": s.specific_flow,
        "max_egress_time": s.max_egress_time, "max_density": s.max_density,
        "max_exit_distance": s.max_exit_distance}, s.extra)
    if layout.background is not None:
        b = layout.background
        data["background"] = _with_extra({
            "image": b.image, "x": b.x, "y": b.y, "metres_per_pixel": b.metres_per_pixel,
            "rotation_deg": b.rotation_deg, "opacity": b.opacity, "locked": b.locked}, b.extra)
    data["site"] = _with_extra({"boundary": _rings(layout.site.boundary)}, layout.site.extra)
    data["obstacles"] = [_with_extra({
        "id": o.id, "kind": o.kind, "name": o.name, "polygon": _rings(o.polygon), "locked": o.locked},
        o.extra) for o in layout.obstacles]
    data["zones"] = [_with_extra({
        "id": z.id, "name": z.name, "theme": z.theme, "color": z.color, "polygon": _rings(z.polygon),
        "peak_visitors": z.peak_visitors, "anchor": None if z.anchor is None else list(z.anchor),
        "max_density": z.max_density, "numbering": z.numbering, "locked": z.locked}, z.extra)
        for z in layout.zones]
    data["gates"] = [_with_extra({
        "id": g.id, "name": g.name, "kind": g.kind, "a": list(g.a), "b": list(g.b), "locked": g.locked},
        g.extra) for g in layout.gates]
    data["booths"] = [_with_extra({
        "id": b.id, "number": b.number, "x": b.x, "y": b.y, "width": b.width, "depth": b.depth,
        "rotation": b.rotation, "open_sides": list(b.open_sides), "exhibitor": b.exhibitor,
        "category": b.category, "status": b.status, "cooking": b.cooking, "locked": b.locked},
        b.extra) for b in layout.booths]
    data["amenities"] = [_with_extra({
        "id": a.id, "kind": a.kind, "name": a.name, "x": a.x, "y": a.y, "locked": a.locked},
        a.extra) for a in layout.amenities]
    for key, value in layout.extra.items():
        data.setdefault(key, value)
    return data


def dumps_layout(layout: Layout) -> str:
    """JSON text of a layout: indented, one collection entry per line (diff-friendly)."""
    data = layout_to_dict(layout)

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)

    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            body = ",\n".join(f"    {compact(v)}" for v in value)
            lines.append(f"  {compact(key)}: [\n{body}\n  ]")
        else:
            lines.append(f"  {compact(key)}: {compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write_layout(layout: Layout, path: str | os.PathLike[str]) -> None:
    """Save atomically (see ``formats.atomic``): the target is the old file or the whole new one."""
    path = Path(path)
    try:
        payload = dumps_layout(layout).encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise LayoutWriteError(tr("The layout cannot be saved: {reason}.", reason=exc)) from None
    try:
        replace_atomically(path, payload)
    except OSError as exc:
        raise LayoutWriteError(tr("Could not save {file}: {reason}. The previous file is unchanged.",
                                  file=str(path), reason=exc.strerror or exc)) from None
