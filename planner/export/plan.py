"""Which map sheets a booth map needs, at which scale, showing which part of the site (no Qt).

A 700 m lakeside site and 3 m booths do not fit one legible sheet, so a map
is an overview that fits its sheet, then detail sheets: one per zone at a
scale where its booth numbers are at least 6 pt, tiled with overlap when the
zone does not fit one sheet at that scale. Every booth has a *home* sheet
where its number is legible and whole; the booth index points there.

Lengths on paper are millimetres (page origin top-left, y down); on the
ground metres in model coordinates (x east, y north).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from planner.export.options import MM_PER_INCH, nice_scale_at_least, nice_scale_at_most, paper_size_mm
from planner.model.layout import Layout

Box = tuple[float, float, float, float]      # x0, y0, x1, y1 (model metres)
Rect = tuple[float, float, float, float]     # x, y, width, height (paper millimetres)

MIN_NUMBER_PT = 6.0
_LEGIBLE_PT = MIN_NUMBER_PT * 1.02           # a little headroom over the painter's 6 pt cut-off
MIN_DETAIL_SCALE = 100                       # a zone never needs to be larger than 1:100
PANEL_MM = 88.0                              # legend and title block beside a landscape map
PANEL_PORTRAIT_MM = 80.0                     # ... and below a portrait one


@dataclass(frozen=True)
class PageGeometry:
    """Where the map frame and the panel lie on the paper."""

    width: float
    height: float
    k: float            # size of the furniture relative to an A3 sheet
    margin: float
    frame: Rect         # the largest map frame
    panel: Rect         # legend, title block, scale bar, north arrow, inset
    landscape: bool


def page_geometry(paper: str, orientation: str, margin: float = 10.0, gap: float = 8.0) -> PageGeometry:
    w, h = paper_size_mm(paper, orientation)
    k = min(max(math.sqrt(min(w, h) / 297.0), 0.85), 1.6)
    if orientation == "landscape":
        pw = PANEL_MM * k
        panel = (w - margin - pw, margin, pw, h - 2 * margin)
        frame = (margin, margin, w - 2 * margin - pw - gap, h - 2 * margin)
    else:
        ph = PANEL_PORTRAIT_MM * k
        panel = (margin, h - margin - ph, w - 2 * margin, ph)
        frame = (margin, margin, w - 2 * margin, h - 2 * margin - ph - gap)
    return PageGeometry(w, h, k, margin, frame, panel, orientation == "landscape")


def mm_per_metre(scale: int) -> float:
    return 1000.0 / scale


def pt_per_metre(scale: int) -> float:
    return 1000.0 / scale / MM_PER_INCH * 72.0


def legible_scale(number_m: float) -> int:
    """The smallest map (largest denominator, a recognised one) at which a number ``number_m`` high is 6 pt."""
    if number_m <= 0:
        return 10**6
    return nice_scale_at_most(number_m * 1000.0 / (_LEGIBLE_PT * MM_PER_INCH / 72.0))


@dataclass
class MapSheet:
    kind: str                      # "overview", "zone" or "tile"
    window: Box                    # what the map frame shows
    scale: int
    frame: Rect
    zone_id: str | None = None     # a zone's sheet, or None (overview, site tiles, booths outside zones)
    part: int = 1                  # this tile's number in its group, from 1
    parts: int = 1
    row: int = 0
    col: int = 0
    own: Box | None = None         # a tile's own part of the ground: its trim lines, inside the overlap
    region: Box | None = None      # the ground this sheet stands for (its zone's booths, a tile's own part)
    neighbours: dict[str, int] = field(default_factory=dict)   # "left", "right", "up", "down" → sheet index
    group: list[int] = field(default_factory=list)             # the sheets of the same zone (tiles)
    home_of: list[str] = field(default_factory=list)           # booth ids whose home this sheet is

    @property
    def tiled(self) -> bool:
        return self.parts > 1


@dataclass
class SheetPlan:
    sheets: list[MapSheet]
    home: dict[str, int]                                   # booth id → index of its home sheet
    too_small: list[tuple[str | None, int, int]] = field(default_factory=list)
    # (zone id, scale asked for, the scale at which its numbers are legible) for a fixed --scale


def _union(boxes: Sequence[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _booth_box(layout: Layout, ids: set[str]) -> Box:
    points = [p for b in layout.booths if b.id in ids for p in b.corners()]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _fits(box: Box, frame: Rect, scale: int) -> bool:
    k = mm_per_metre(scale)
    return (box[2] - box[0]) * k <= frame[2] + 1e-6 and (box[3] - box[1]) * k <= frame[3] + 1e-6


def _centred(box: Box, frame: Rect, scale: int) -> Box:
    """The ground a frame shows at ``scale``, centred on ``box``."""
    w, h = frame[2] / mm_per_metre(scale), frame[3] / mm_per_metre(scale)
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def overview_sheet(content: Box, geometry: PageGeometry) -> MapSheet:
    """The whole site on one sheet, at the largest recognised scale that fits; the frame hugs it."""
    fx, fy, fw, fh = geometry.frame
    pad = 3.0  # mm of ground colour around the content
    need = max((content[2] - content[0]) * 1000 / (fw - 2 * pad), (content[3] - content[1]) * 1000 / (fh - 2 * pad))
    scale = nice_scale_at_least(need)
    k = mm_per_metre(scale)
    w = min(fw, (content[2] - content[0]) * k + 2 * pad)
    h = min(fh, (content[3] - content[1]) * k + 2 * pad)
    frame = (fx + (fw - w) / 2, fy + (fh - h) / 2, w, h)
    return MapSheet("overview", _centred(content, frame, scale), scale, frame)


def _tile(box: Box, frame: Rect, scale: int, overlap_m: float) -> list[tuple[int, int, Box, Box]]:
    """A grid of frames covering ``box``, neighbours sharing ``overlap_m``: (row, col, window, own)."""
    fw, fh = frame[2] / mm_per_metre(scale), frame[3] / mm_per_metre(scale)
    overlap_m = min(overlap_m, 0.4 * min(fw, fh))
    bw, bh = box[2] - box[0], box[3] - box[1]
    cols = max(1, math.ceil((bw - overlap_m) / (fw - overlap_m) - 1e-9))
    rows = max(1, math.ceil((bh - overlap_m) / (fh - overlap_m) - 1e-9))
    total_w = cols * fw - (cols - 1) * overlap_m
    total_h = rows * fh - (rows - 1) * overlap_m
    x0 = (box[0] + box[2]) / 2 - total_w / 2
    y1 = (box[1] + box[3]) / 2 + total_h / 2
    cells = []
    half = overlap_m / 2
    for r in range(rows):            # north first
        for c in range(cols):        # west first
            left = x0 + c * (fw - overlap_m)
            top = y1 - r * (fh - overlap_m)
            window = (left, top - fh, left + fw, top)
            own = (left + (half if c > 0 else 0.0), top - fh + (half if r < rows - 1 else 0.0),
                   left + fw - (half if c < cols - 1 else 0.0), top - (half if r > 0 else 0.0))
            cells.append((r, c, window, own))
    return cells


def _inside(point: tuple[float, float], box: Box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def plan_sheets(layout: Layout, geometry: PageGeometry, *, sheets: str, scale: int | None,
                content: Box, number_m: Mapping[str, float], overlap_mm: float = 12.0) -> SheetPlan:
    """The map sheets for ``sheets`` (overview, zones, tiles or all); ``scale`` None fits.

    ``number_m`` is each booth's number height on the ground, as the painter draws it.
    """
    plan = SheetPlan([], {})
    if sheets in ("overview", "all"):
        plan.sheets.append(overview_sheet(content, geometry))
    groups: list[tuple[str | None, set[str], Box]] = []
    if sheets in ("zones", "all"):
        zone_of = layout.zone_of_booths()
        for zone in layout.zones:
            ids = {b for b, z in zone_of.items() if z == zone.id}
            if ids:
                xs = [p[0] for p in zone.polygon[0]]
                ys = [p[1] for p in zone.polygon[0]]
                box = _union([_booth_box(layout, ids), (min(xs), min(ys), max(xs), max(ys))])
                groups.append((zone.id, ids, box))
        loose = {b for b, z in zone_of.items() if z is None}
        if loose:
            groups.append((None, loose, _booth_box(layout, loose)))
    elif sheets == "tiles":
        groups.append((None, {b.id for b in layout.booths}, content))
    biggest = max((max(b.width, b.depth) for b in layout.booths), default=3.0)
    for zone_id, ids, box in groups:
        pad = 2.0
        box = (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)
        numbers = [number_m[i] for i in ids if number_m.get(i, 0) > 0]
        legible = legible_scale(min(numbers)) if numbers else 10**6
        frame = geometry.frame
        if scale is not None:
            n = scale
            if n > legible:
                plan.too_small.append((zone_id, n, legible))
        else:
            need = max((box[2] - box[0]) * 1000 / frame[2], (box[3] - box[1]) * 1000 / frame[3])
            n = max(nice_scale_at_least(need), MIN_DETAIL_SCALE)
            if n > legible:
                n = legible
        # Tiles overlap by overlap_mm on paper, and always by more than a booth, so each booth
        # lies whole on the tile that owns its centre.
        overlap_m = max(overlap_mm / mm_per_metre(n), 2 * biggest + 1.0)
        if _fits(box, frame, n) and sheets != "tiles":
            cells = [(0, 0, _centred(box, frame, n), None)]
        else:
            cells = _tile(box, frame, n, overlap_m)
        first = len(plan.sheets)
        kept: dict[tuple[int, int], int] = {}
        for r, c, window, own in cells:
            region = own or window
            home = [b.id for b in layout.booths if b.id in ids and _inside((b.x, b.y), region)]
            if sheets == "tiles":
                # A site tile is kept when it shows any booth, gate or amenity.
                things = [(a.x, a.y) for a in layout.amenities] + [g.midpoint for g in layout.gates]
                if not home and not any(_inside(p, region) for p in things):
                    continue
            elif not home:
                continue
            kept[(r, c)] = len(plan.sheets)
            kind = "tile" if own is not None else "zone"
            region = box if own is None else (max(own[0], box[0]), max(own[1], box[1]),
                                              min(own[2], box[2]), min(own[3], box[3]))
            plan.sheets.append(MapSheet(kind, window, n, frame, zone_id=zone_id, row=r, col=c, own=own,
                                        region=region, home_of=home))
        group = list(range(first, len(plan.sheets)))
        for number, index in enumerate(group, start=1):
            sheet = plan.sheets[index]
            sheet.part, sheet.parts, sheet.group = number, len(group), group
            if sheet.own is not None:
                for side, (dr, dc) in (("up", (-1, 0)), ("down", (1, 0)), ("left", (0, -1)), ("right", (0, 1))):
                    other = kept.get((sheet.row + dr, sheet.col + dc))
                    if other is not None:
                        sheet.neighbours[side] = other
            for booth_id in sheet.home_of:
                plan.home.setdefault(booth_id, index)
    return plan
