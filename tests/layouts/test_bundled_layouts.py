"""The bundled layouts load and keep the rules an organiser's plan must keep.

Every check is made here, independently, with shapely on the loaded file: if
a generator (layouts/source/) or a hand edit breaks a rule, these fail.
"""

from __future__ import annotations

import importlib.util
import itertools
import math
import re
import sys
from pathlib import Path

import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union

from planner.formats import read_layout
from planner.model import Layout
from planner.resources import bundled_layout

WEST_LAKE = bundled_layout()
SMALL = bundled_layout("examples/small-market.festival.json")
SOURCE = Path(__file__).resolve().parents[2] / "layouts" / "source"

AREA_TOL = 0.01            # m², as the analysis counts an overlap (SPEC §4)
AISLE = 3.0                # settings.min_aisle_width of both layouts
MARKET_THEMES = {"innovation", "anime", "heritage", "vintage", "pets", "gourmet"}
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def west_lake() -> Layout:
    return read_layout(WEST_LAKE)


@pytest.fixture(scope="module")
def small() -> Layout:
    return read_layout(SMALL)


@pytest.fixture(scope="module", params=["west_lake", "small"])
def layout(request) -> Layout:
    return request.getfixturevalue(request.param)


# -- helpers ------------------------------------------------------------------------------

def obstacles_shape(layout: Layout):
    return unary_union([o.shape() for o in layout.obstacles])


def booth_shapes(layout: Layout) -> list[Polygon]:
    return [b.shape() for b in layout.booths]


def strip(booth, side: str, reach: float, shrink: float = 0.05) -> Polygon:
    """The rectangle ``reach`` metres deep in front of one side of a booth."""
    (ax, ay), (bx, by) = booth.side_segment(side)
    nx, ny = booth.side_normal(side)
    length = math.dist((ax, ay), (bx, by))
    ux, uy = (bx - ax) / length, (by - ay) / length
    ax, ay, bx, by = ax + ux * shrink, ay + uy * shrink, bx - ux * shrink, by - uy * shrink
    return Polygon([(ax, ay), (bx, by), (bx + nx * reach, by + ny * reach), (ax + nx * reach, ay + ny * reach)])


def walkable(layout: Layout):
    """W of SPEC §4: the site less obstacles and booths."""
    return layout.site.shape().difference(unary_union([obstacles_shape(layout), *booth_shapes(layout)]))


def zone_density(layout: Layout, zone) -> float:
    return zone.peak_visitors / zone.shape().intersection(walkable(layout)).area


def north_gates(layout: Layout):
    top = layout.site.shape().bounds[3]
    return [g for g in layout.gates if g.a[1] >= top - 0.5 and g.b[1] >= top - 0.5]


def generated(script: str) -> Layout:
    """Run a generator of layouts/source/ in-process and return its layout."""
    spec = importlib.util.spec_from_file_location(script, SOURCE / f"{script}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(SOURCE))
    try:
        spec.loader.exec_module(module)
        return module.build(report=lambda message: None)
    finally:
        sys.path.remove(str(SOURCE))


def assert_same_layout(made: Layout, loaded: Layout) -> None:
    """Equal content; polygons compared as shapes (another GEOS may start a ring elsewhere)."""
    def shape_free(layout: Layout) -> list:
        return [layout.name, layout.event, layout.settings, layout.georef, layout.gates, layout.booths,
                layout.amenities, [(o.id, o.kind, o.name) for o in layout.obstacles],
                [(z.id, z.name, z.theme, z.color, z.peak_visitors, z.anchor, z.numbering) for z in layout.zones]]

    assert shape_free(made) == shape_free(loaded)
    pairs = [(made.site, loaded.site), *zip(made.obstacles, loaded.obstacles), *zip(made.zones, loaded.zones)]
    for a, b in pairs:
        assert a.shape().symmetric_difference(b.shape()).area <= AREA_TOL, getattr(a, "id", "site")


# -- both layouts ------------------------------------------------------------------------

def test_layout_loads_with_the_spec_defaults(layout):
    assert layout.name
    assert layout.event.venue and layout.event.organiser and layout.event.revision
    s = layout.settings
    assert (s.min_aisle_width, s.body_radius, s.walking_speed, s.specific_flow, s.max_egress_time,
            s.max_density, s.max_exit_distance) == (3.0, 0.25, 1.2, 82, 480, 2.0, None)


def test_geometry_is_valid(layout):
    assert layout.site.shape().is_valid
    for obj in [*layout.obstacles, *layout.zones]:
        assert Polygon(obj.polygon[0], obj.polygon[1:]).is_valid, obj.id


def test_gates_lie_on_the_site_boundary(layout):
    edge = layout.site.shape().exterior
    assert layout.gates
    for g in layout.gates:
        assert LineString([g.a, g.b]).hausdorff_distance(edge) <= 0.5 or (
            Point(g.a).distance(edge) <= 0.5 and Point(g.b).distance(edge) <= 0.5), g.id
        assert g.width >= 1.05, g.id
    assert any(g.is_entrance for g in layout.gates)
    assert any(g.is_exit for g in layout.gates)


def test_exit_width_clears_the_crowd_in_eight_minutes(layout):
    s = layout.settings
    visitors = sum(z.peak_visitors for z in layout.zones)
    needed = visitors / (s.specific_flow * s.max_egress_time / 60)
    widths = sorted((g.width for g in layout.gates if g.is_exit), reverse=True)
    assert sum(widths) >= 1.5 * needed
    assert sum(widths[1:]) >= 1.2 * needed, "not enough exit width with the widest exit closed"


def test_booths_stay_inside_the_site_and_off_obstacles(layout):
    site = layout.site.shape()
    blocked = obstacles_shape(layout)
    for b, shape in zip(layout.booths, booth_shapes(layout)):
        assert shape.difference(site).area <= AREA_TOL, f"{b.number} leaves the site"
        assert shape.intersection(blocked).area <= AREA_TOL, f"{b.number} stands on an obstacle"


def test_booths_keep_clear_of_obstacles_and_the_site_edge(layout):
    edge = layout.site.shape().exterior
    blocked = obstacles_shape(layout)
    for b, shape in zip(layout.booths, booth_shapes(layout)):
        assert shape.distance(edge) >= AISLE - 1e-6, f"{b.number} is too close to the site edge"
        assert shape.distance(blocked) >= AISLE - 1e-6, f"{b.number} is too close to an obstacle"


def test_booths_do_not_overlap(layout):
    shapes = booth_shapes(layout)
    tree = shapely.STRtree(shapes)
    for i, j in zip(*tree.query(shapes, predicate="intersects")):
        if i < j:
            area = shapes[i].intersection(shapes[j]).area
            assert area <= AREA_TOL, f"{layout.booths[i].number} overlaps {layout.booths[j].number}"


def test_every_booth_stands_in_exactly_one_zone(layout):
    zones = [(z, z.shape()) for z in layout.zones]
    for b, shape in zip(layout.booths, booth_shapes(layout)):
        holding = [z for z, zs in zones if zs.intersects(Point(b.x, b.y))]
        assert len(holding) == 1, f"{b.number} centre is in {[z.id for z in holding]}"
        assert shape.difference(holding[0].shape()).area <= AREA_TOL, f"{b.number} leaves its zone"


def test_zones_do_not_overlap(layout):
    for z1, z2 in itertools.combinations(layout.zones, 2):
        assert z1.shape().intersection(z2.shape()).area <= AREA_TOL, f"{z1.id} overlaps {z2.id}"


def test_booth_numbers_are_unique_and_follow_the_zone_numbering(layout):
    numbers = [b.number for b in layout.booths]
    assert len(set(numbers)) == len(numbers)
    assert len({b.id for b in layout.booths}) == len(layout.booths)
    zone_of = layout.zone_of_booths()
    zones = {z.id: z for z in layout.zones}
    for b in layout.booths:
        assert zone_of[b.id] is not None, f"{b.number} stands in no zone"
        scheme = zones[zone_of[b.id]].numbering
        assert scheme, f"{b.number} is in a zone without a numbering scheme"
        assert re.fullmatch(re.escape(scheme["prefix"]) + r"\d{%d}" % scheme["digits"], b.number), b.number
        assert int(b.number[len(scheme["prefix"]):]) >= scheme["start"]
        assert re.fullmatch(r"b-\d{4}", b.id), b.id


def test_every_booth_opens_onto_walkable_ground(layout):
    site = layout.site.shape()
    blocked = unary_union([obstacles_shape(layout), *booth_shapes(layout)])
    for b in layout.booths:
        assert "front" in b.open_sides, f"{b.number} has its front closed"
        for side in b.open_sides:
            (mx, my), (nx, ny) = b.side_midpoint(side), b.side_normal(side)
            p = Point(mx + 1.5 * nx, my + 1.5 * ny)
            assert site.contains(p) and not blocked.intersects(p), f"{b.number} {side} opens onto a wall"


def test_aisles_in_front_of_open_sides_are_at_least_3_m(layout):
    site = layout.site.shape()
    blocked = obstacles_shape(layout)
    shapes = booth_shapes(layout)
    tree = shapely.STRtree(shapes)
    for i, b in enumerate(layout.booths):
        for side in b.open_sides:
            region = strip(b, side, AISLE - 0.1)
            assert region.difference(site).area <= AREA_TOL, f"{b.number} {side} faces the site edge"
            assert region.intersection(blocked).area <= AREA_TOL, f"{b.number} {side} faces an obstacle"
            for j in tree.query(region):
                if j != i:
                    area = shapes[j].intersection(region).area
                    assert area <= AREA_TOL, f"{b.number} {side} faces {layout.booths[j].number} across < 3 m"


def test_booth_types_are_sensible(layout):
    for b in layout.booths:
        assert b.booth_type in ("inline", "corner", "island"), b.number
        if b.booth_type == "island":
            assert b.width >= 6 and b.depth >= 6, b.number
    assert sum(b.width == b.depth == 3 for b in layout.booths) > len(layout.booths) / 2


def test_zones_are_reachable_through_3_m_passages(layout):
    """Erode the walkable area by half the minimum aisle: one piece must join every gate,
    every zone and the front of every booth (nothing narrower than 3 m in between)."""
    core = walkable(layout).buffer(-(AISLE / 2 - 0.01))
    pieces = sorted(getattr(core, "geoms", [core]), key=lambda g: -g.area)
    main = pieces[0]
    for g in layout.gates:
        assert main.distance(Point(g.midpoint)) <= AISLE / 2 + 0.05, f"gate {g.id} is cut off"
    for z in layout.zones:
        part = z.shape().intersection(core)
        assert part.intersection(main).area >= 0.99 * part.area, f"zone {z.id} is cut off"
    for b in layout.booths:
        (mx, my), (nx, ny) = b.side_midpoint("front"), b.side_normal("front")
        assert main.distance(Point(mx + 1.5 * nx, my + 1.5 * ny)) <= 0.1, f"{b.number} is cut off"


def test_density_stays_under_the_limit(layout):
    for z in layout.zones:
        limit = z.max_density or layout.settings.max_density
        assert zone_density(layout, z) <= limit, z.id


def test_cooking_booths_have_an_extinguisher_nearby(layout):
    extinguishers = [Point(a.x, a.y) for a in layout.amenities if a.kind == "fire_extinguisher"]
    for b, shape in zip(layout.booths, booth_shapes(layout)):
        if b.cooking:
            assert any(shape.distance(p) <= 15 for p in extinguishers), f"{b.number} has no extinguisher"


def test_amenities_stand_on_walkable_ground(layout):
    ground = walkable(layout)
    for a in layout.amenities:
        assert ground.contains(Point(a.x, a.y)), f"amenity {a.id} is not on walkable ground"


# -- the West Lake festival -------------------------------------------------------------

def test_west_lake_event(west_lake):
    assert west_lake.event.dates == "2018-09-13/2018-09-16"
    assert "West Lake" in west_lake.event.venue and "Hangzhou" in west_lake.event.venue
    assert west_lake.georef is not None
    assert abs(west_lake.georef.lat - 30.259) < 0.01 and abs(west_lake.georef.lon - 120.151) < 0.01
    minx, miny, maxx, maxy = west_lake.site.shape().bounds
    assert (minx, miny) == (0, 0) and 600 <= maxx <= 800 and 220 <= maxy <= 300


def test_west_lake_has_at_least_200_booths(west_lake):
    assert len(west_lake.booths) >= 200


def test_west_lake_has_six_themed_market_zones(west_lake):
    markets = [z for z in west_lake.zones if z.theme in MARKET_THEMES]
    assert {z.theme for z in markets} == MARKET_THEMES and len(markets) == 6
    for z in markets:
        assert CJK.search(z.name) and re.search(r"[A-Za-z]", z.name), z.name
        assert z.numbering.get("prefix"), z.id
    assert len({z.color.lower() for z in markets}) == 6
    assert len({z.numbering["prefix"] for z in markets}) == 6
    themes = {z.theme for z in west_lake.zones}
    assert {"concert", "runway", "promenade"} <= themes


def test_west_lake_every_market_zone_has_booths(west_lake):
    per_zone: dict[str, int] = {}
    for zid in west_lake.zone_of_booths().values():
        per_zone[zid] = per_zone.get(zid, 0) + 1
    for z in west_lake.zones:
        if z.theme in MARKET_THEMES:
            assert per_zone.get(z.id, 0) >= 20, z.id


def test_west_lake_total_peak_visitors(west_lake):
    assert sum(z.peak_visitors for z in west_lake.zones) >= 20000
    assert all(z.peak_visitors > 0 for z in west_lake.zones)


def test_west_lake_market_zones_are_comfortable(west_lake):
    for z in west_lake.zones:
        if z.theme in MARKET_THEMES:
            assert zone_density(west_lake, z) <= 1.0, z.id


def test_west_lake_gates(west_lake):
    north = north_gates(west_lake)
    assert len(north) >= 4
    for g in north:
        assert 8 <= g.width <= 14, g.id
    assert len(west_lake.gates) > len(north), "no gate off the road side"
    kinds = [g.kind for g in west_lake.gates]
    assert kinds.count("both") > len(kinds) / 2


def test_west_lake_obstacles(west_lake):
    kinds = {o.kind for o in west_lake.obstacles}
    assert {"water", "building", "stage", "vegetation"} <= kinds
    water = [o for o in west_lake.obstacles if o.kind == "water"]
    assert len(water) >= 2 and all(len(o.polygon[0]) > 8 for o in water), "shores should be irregular"
    names = " ".join(o.name for o in west_lake.obstacles)
    assert "Museum" in names and "Runway" in names


def test_west_lake_cooking_only_in_the_gourmet_zone(west_lake):
    zone_of = west_lake.zone_of_booths()
    theme = {z.id: z.theme for z in west_lake.zones}
    cooking = [b for b in west_lake.booths if b.cooking]
    assert cooking
    assert all(theme.get(zone_of[b.id]) == "gourmet" for b in cooking)


def test_west_lake_statuses_and_exhibitors(west_lake):
    statuses = [b.status for b in west_lake.booths]
    assert statuses.count("sold") > len(statuses) / 2
    assert {"reserved", "available", "blocked"} <= set(statuses)
    for b in west_lake.booths:
        if b.status in ("sold", "reserved"):
            assert b.exhibitor and b.category, b.number
    assert any(CJK.search(b.exhibitor) for b in west_lake.booths)
    assert any(re.fullmatch(r"[A-Za-z0-9 &.'’-]+", b.exhibitor) for b in west_lake.booths)


def test_west_lake_amenities(west_lake):
    kinds = [a.kind for a in west_lake.amenities]
    for kind in ("toilets", "first_aid", "info", "water", "charging", "security",
                 "fire_extinguisher", "fire_hydrant", "assembly_point"):
        assert kind in kinds, kind
    assert kinds.count("toilets") >= 3
    cooking = sum(b.cooking for b in west_lake.booths)
    assert kinds.count("fire_extinguisher") >= math.ceil(cooking / 4)


def test_west_lake_file_is_what_the_generator_writes(west_lake):
    """The bundled file is generated: regenerate it rather than editing it by hand."""
    assert_same_layout(generated("make_west_lake"), west_lake)


# -- the small example ------------------------------------------------------------------

def test_small_market_shape(small):
    assert 20 <= len(small.booths) <= 40
    assert len(small.zones) == 2
    assert len(small.gates) == 2
    assert any(o.kind in ("water", "building") for o in small.obstacles)
    assert all(z.numbering.get("prefix") for z in small.zones)
    assert sum(z.peak_visitors for z in small.zones) > 0


def test_small_market_file_is_what_the_generator_writes(small):
    assert_same_layout(generated("make_small_market"), small)


def test_zone_anchors_stand_on_walkable_ground(layout):
    """Paths start at the anchor, else the centroid: it should be open ground in the zone."""
    ground = walkable(layout).buffer(-layout.settings.body_radius)
    for z in layout.zones:
        p = Point(z.anchor) if z.anchor is not None else z.shape().centroid
        assert z.shape().contains(p) and ground.contains(p), f"zone {z.id} starts its paths off open ground"
