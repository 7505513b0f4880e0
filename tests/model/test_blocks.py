"""Blocks of booths against layouts worked out by hand."""

from __future__ import annotations

import itertools

import pytest
import shapely
from shapely.geometry import box

from planner.model.blocks import BlockParams, along_line, fill_area, fill_rectangle, fresh_ids, \
    rectangle_from_corners


def centres(block):
    return sorted((round(b.x, 6), round(b.y, 6)) for b in block.booths)


def overlaps(booths):
    return [(a.x, a.y, b.x, b.y) for a, b in itertools.combinations(booths, 2)
            if a.shape().intersection(b.shape()).area > 1e-6]


def test_thirty_by_twenty_back_to_back_with_4_m_aisles_holds_40_booths():
    # Pair of rows 6 m deep + 4 m aisle: pitch 10 m, two pairs in 20 m (4 m spare); 10 booths of 3 m per row.
    block = fill_rectangle((0, 0), 30, 20, BlockParams(width=3, depth=3, back_to_back=True, aisle=4))
    assert block.count == 40 and block.rows == 4 and block.aisle == 4 and block.spare == (0, 4)
    assert centres(block) == sorted((1.5 + 3 * i, v) for i in range(10) for v in (1.5, 4.5, 11.5, 14.5))
    by_row = {v: [b for b in block.booths if b.y == v] for v in (1.5, 4.5, 11.5, 14.5)}
    # Lower row of each pair faces south (rotation 0), upper faces north (180): fronts on the aisles.
    assert {b.rotation for b in by_row[1.5] + by_row[11.5]} == {0.0}
    assert {b.rotation for b in by_row[4.5] + by_row[14.5]} == {180.0}
    west = min(by_row[1.5], key=lambda b: b.x)
    east = max(by_row[1.5], key=lambda b: b.x)
    assert west.open_sides == ("front", "left") and west.booth_type == "corner"       # left is −x
    assert east.open_sides == ("front", "right")
    assert min(by_row[4.5], key=lambda b: b.x).open_sides == ("front", "right")      # turned 180°: right is −x
    assert sum(b.booth_type == "inline" for b in block.booths) == 32
    assert not overlaps(block.booths)


def test_cross_aisle_every_five_booths():
    # 5 booths (15 m) + 4 m cross aisle + 3 more booths (28 m); a fourth would end at 31 m.
    block = fill_rectangle((0, 0), 30, 20, BlockParams(cross_every=5, aisle=4))
    row = sorted(b.x for b in block.booths if b.y == 1.5)
    assert row == [1.5, 4.5, 7.5, 10.5, 13.5, 20.5, 23.5, 26.5]
    assert block.count == 32 and block.cross_aisle == 4
    beside = {b.x: b.booth_type for b in block.booths if b.y == 1.5}
    assert beside[13.5] == "corner" and beside[20.5] == "corner" and beside[10.5] == "inline"


def test_single_rows_and_no_corners():
    block = fill_rectangle((0, 0), 30, 20, BlockParams(back_to_back=False, aisle=4, corner_ends=False))
    # Row pitch 3 + 4 = 7 m: rows at 1.5, 8.5, 15.5 (the third ends at 17 m).
    assert sorted({b.y for b in block.booths}) == [1.5, 8.5, 15.5]
    assert block.count == 30 and {b.rotation for b in block.booths} == {0.0}
    assert {b.open_sides for b in block.booths} == {("front",)}


def test_a_turned_rectangle_is_the_same_block_turned():
    origin, length, height = rectangle_from_corners((0, 0), (-20, 30), 90.0)
    assert origin == pytest.approx((0, 0)) and (length, height) == pytest.approx((30, 20))
    block = fill_rectangle(origin, length, height, BlockParams(rotation=90.0))
    assert block.count == 40
    first = min(block.booths, key=lambda b: (b.y, -b.x))
    assert (first.x, first.y) == pytest.approx((-1.5, 1.5)) and first.rotation == 90.0   # faces east
    assert all(-20 - 1e-9 <= x <= 1e-9 and -1e-9 <= y <= 30 + 1e-9
               for b in block.booths for x, y in b.corners())


def test_filling_a_zone_leaves_out_what_is_outside_or_on_an_obstacle():
    zone = box(0, 0, 30, 20)
    pond = box(0, 0, 10, 10)
    block = fill_area(zone, BlockParams(cross_every=0), blocked=[pond], clearance=0)
    # Without a clearance: ten booths fill the 30 m exactly; two pairs (16 m) are centred in the
    # 20 m, so the rows stand at y 3.5, 6.5, 13.5, 16.5. The lower pair (y 2–8) loses the booths
    # over x 0–12 (the fourth one overlaps 9–10): 4 per row.
    assert block.count == 40 - 8
    assert not [b for b in block.booths if b.shape().intersection(pond).area > 1e-6]
    assert sorted({b.y for b in block.booths}) == [3.5, 6.5, 13.5, 16.5]
    lower_west = min((b for b in block.booths if b.y == 3.5), key=lambda b: b.x)
    assert lower_west.x == 13.5 and lower_west.booth_type == "corner"


def test_a_slanted_zone_gets_only_booths_wholly_inside_it():
    triangle = shapely.Polygon([(0, 0), (40, 0), (0, 30)])
    block = fill_area(triangle, BlockParams())
    assert block.count > 10
    assert all(triangle.buffer(1e-6).contains(b.shape()) for b in block.booths)
    assert not overlaps(block.booths)


def test_a_line_with_a_right_angle_bend_inside_the_bend():
    # Booths on the left of (0,0)→(10,0)→(10,10): inside the left turn each leg gives up 3·tan 45° = 3 m.
    block = along_line([(0, 0), (10, 0), (10, 10)], BlockParams(back_to_back=False), side="left")
    assert centres(block) == [(1.5, 1.5), (4.5, 1.5), (8.5, 4.5), (8.5, 7.5)]
    assert not overlaps(block.booths)
    assert [b.rotation for b in block.booths] == [180.0, 180.0, 270.0, 270.0]   # backs on the line
    assert [(g.at, round(g.width, 9)) for g in block.gaps] == [((6.5, 3.0), 1.0)]


def test_a_line_with_a_right_angle_bend_outside_the_bend():
    block = along_line([(0, 0), (10, 0), (10, 10)], BlockParams(back_to_back=False), side="right")
    assert centres(block) == [(1.5, -1.5), (4.5, -1.5), (7.5, -1.5), (11.5, 1.5), (11.5, 4.5), (11.5, 7.5)]
    assert not overlaps(block.booths)
    assert len(block.gaps) == 1 and block.gaps[0].width == pytest.approx(1.0)
    ends = [b.booth_type for b in block.booths]
    assert ends == ["corner", "inline", "corner", "corner", "inline", "corner"]


def test_back_to_back_along_a_line_uses_both_sides_and_never_overlaps_at_sharp_bends():
    zigzag = [(0, 0), (20, 0), (5, 4), (25, 8), (27, 30)]
    block = along_line(zigzag, BlockParams(back_to_back=True))
    assert block.count > 10
    assert not overlaps(block.booths)
    left = along_line(zigzag, BlockParams(back_to_back=False), side="left").count
    right = along_line(zigzag, BlockParams(back_to_back=False), side="right").count
    assert block.count == left + right


def test_a_line_kept_inside_an_area():
    area = box(0, -100, 8, 100)
    block = along_line([(0, 0), (10, 0)], BlockParams(back_to_back=False), side="left", allowed=area)
    assert centres(block) == [(1.5, 1.5), (4.5, 1.5)]


def test_bad_sizes_are_refused_by_name():
    with pytest.raises(ValueError, match="width"):
        fill_rectangle((0, 0), 10, 10, BlockParams(width=0))
    with pytest.raises(ValueError, match="aisle"):
        fill_rectangle((0, 0), 10, 10, BlockParams(aisle=-1))


def test_fresh_ids_skip_taken_ones():
    assert fresh_ids({"b-0003", "x", "y"}, 3) == ["b-0004", "b-0005", "b-0006"]
    assert fresh_ids({"a", "b-0002"}, 2) == ["b-0003", "b-0004"]


def test_rows_along_a_slanted_zone_fill_it_like_a_square_one():
    from shapely import affinity

    from planner.model.blocks import long_side_angle

    assert long_side_angle(box(0, 0, 30, 20)) == 0.0 and long_side_angle(box(0, 0, 20, 30)) == 90.0
    for turn, expected in ((30, 30.0), (100, -80.0), (170, -10.0)):
        zone = affinity.rotate(box(0, 0, 30, 20), turn, origin=(0, 0))
        angle = long_side_angle(zone)
        assert angle == pytest.approx(expected)
        block = fill_area(zone, BlockParams(rotation=angle), clearance=0)
        assert block.count == 40                        # as in the 30 × 20 m rectangle
        assert all(zone.buffer(1e-6).contains(b.shape()) for b in block.booths)
        # With the 4 m aisle kept from its edges: 22 × 12 m inside, 7 booths (21 m) a row, one pair
        # (6 m): 14, centred, so 4.5 m from the short edges and 7 m from the long ones.
        kept = fill_area(zone, BlockParams(rotation=angle))
        assert kept.count == 14 and kept.clearance == 4
        assert min(zone.exterior.distance(b.shape()) for b in kept.booths) == pytest.approx(4.5)


# -- a fill passes the layout's own check -------------------------------------------------------------

def test_a_40_5_m_zone_keeps_full_aisles_at_the_row_ends_not_slots():
    # 3 × 3 m booths back to back, 4 m aisles, 4 m kept from the edge: inside that, 32.5 × 12 m. Ten
    # booths (30 m, then a cross aisle would start) leave 2.5 m, shared: the rows run x 5.25–35.25, so
    # each end has 5.25 m to the edge instead of a 1.5 m slot (13 booths and a sliver before). One pair
    # (6 m) in 12 m is centred: y 7–13, 7 m to the long edges.
    zone = box(0, 0, 40.5, 20)
    block = fill_area(zone, BlockParams(width=3, depth=3, back_to_back=True, aisle=4))
    assert block.count == 20 and block.rows == 2 and block.clearance == 4 and block.cross_aisle == 0
    assert centres(block) == sorted((6.75 + 3 * i, y) for i in range(10) for y in (8.5, 11.5))
    ends = [min(b.x for b in block.booths) - 1.5, 40.5 - max(b.x for b in block.booths) - 1.5]
    assert ends == pytest.approx([5.25, 5.25])


def test_cross_aisles_come_every_ten_booths_by_default_and_can_be_switched_off():
    assert BlockParams().cross_every == 10
    # 80.5 m long: 72.5 m inside the 4 m edge aisles. Ten booths, a 4 m cross aisle, ten more, another,
    # one more: 71 m, the 1.5 m left shared at the ends (x from 4.75).
    zone = box(0, 0, 80.5, 20)
    block = fill_area(zone, BlockParams())
    row = sorted(b.x for b in block.booths if b.y == 8.5)
    assert row == pytest.approx([6.25 + 3 * i for i in range(10)] + [40.25 + 3 * i for i in range(10)] + [74.25])
    assert block.count == 42 and block.cross_aisle == 4
    # No cross aisles: 24 booths (72 m) from x 4.25.
    none = fill_area(zone, BlockParams(cross_every=0))
    assert sorted(b.x for b in none.booths if b.y == 8.5) == pytest.approx([5.75 + 3 * i for i in range(24)])
    assert none.count == 48 and none.cross_aisle == 0


def test_booths_keep_an_aisle_from_an_obstacle():
    # 30 × 20 m zone, pond in its corner (0–10 × 0–10). Inside the 4 m edge aisle: 22 × 12 m, seven
    # booths from x 4.5, one pair y 7–13; beside the pond (up to y 10) only booths starting at x 14 or
    # more stay: those at x 16.5–19.5, 19.5–22.5 and 22.5–25.5, in both rows.
    pond = box(0, 0, 10, 10)
    block = fill_area(box(0, 0, 30, 20), BlockParams(), blocked=[pond])
    assert centres(block) == sorted((x, y) for x in (18.0, 21.0, 24.0) for y in (8.5, 11.5))
    assert min(b.shape().distance(pond) for b in block.booths) == pytest.approx(6.5)


def test_the_apron_in_front_of_a_gate_stays_free():
    from shapely.geometry import Polygon

    from planner.model.blocks import gate_aprons
    from planner.model.layout import Gate

    site = box(0, 0, 40, 30)
    gate = Gate(id="g", a=(10, 0), b=(28.5, 0))                 # 18.5 m wide, on the south fence
    aprons = gate_aprons([gate], site, 6.0)
    assert len(aprons) == 1 and aprons[0].equals(box(10, 0, 28.5, 6))     # inwards, gate-wide, 6 m deep
    inner_gate = Gate(id="h", a=(20, 10), b=(20, 14))            # not on the fence: both sides
    assert [a.bounds for a in gate_aprons([inner_gate], site, 6.0)] == [(14, 10, 20, 14), (20, 10, 26, 14)]
    # Inside the 4 m edge aisles: 32 × 22 m, ten booths from x 5, two pairs (y 7–13 and 17–23). The lower
    # row (y 7–10) is 1 m from the apron's top, so every booth of it comes within 4 m: all ten go; the
    # row above (y 10–13) is 4 m off and stays.
    block = fill_area(site, BlockParams(), kept_clear=aprons)
    assert block.count == 30 and sorted({b.y for b in block.booths}) == [11.5, 18.5, 21.5]
    assert min(b.shape().distance(aprons[0]) for b in block.booths) == pytest.approx(4.0)
    assert not [b for b in block.booths if b.shape().intersects(aprons[0])]
    assert Polygon(block.kept_clear[0]).equals(aprons[0])


def test_a_fresh_fill_of_a_zone_with_a_gate_passes_the_aisle_check():
    from dataclasses import replace

    from planner.model import Gate, Layout, Site, Zone
    from planner.model.blocks import gate_aprons, long_side_angle
    from planner.solver.analysis import analyse
    from tests.factories import rect

    for size, gate in (((40.5, 20), ((0, 5), (0, 15))), ((60, 40), ((20, 0), (38.5, 0)))):
        layout = Layout(name="Fill", site=Site(boundary=rect(0, 0, *size)),
                        zones=[Zone(id="z", name="非遗", polygon=rect(0, 0, *size))],
                        gates=[Gate(id="g", name="Gate", a=gate[0], b=gate[1])])
        area = layout.zones[0].shape()
        params = replace(BlockParams(), rotation=long_side_angle(area))
        clearance = max(params.aisle, layout.settings.min_aisle_width)
        block = fill_area(area, params, clearance=clearance,
                          kept_clear=gate_aprons(layout.gates, layout.site.shape(), 6.0))
        for booth, new_id in zip(block.booths, fresh_ids(set(), block.count)):
            booth.id = new_id
        layout.booths = block.booths
        assert block.count >= 16
        rules = {f.rule for f in analyse(layout).findings if f.severity == "error"}
        assert "aisle-too-narrow" not in rules and "booth-unreachable" not in rules, rules


# -- amenities keep their ground and an aisle round it -------------------------------------------------

def test_a_zone_fill_leaves_an_info_point_standing_in_its_rows_clear():
    from planner.model.blocks import AMENITY_RADIUS_M

    assert AMENITY_RADIUS_M == 1.5
    zone = box(0, 0, 30, 20)
    info = shapely.Point(15, 8.5)
    # As in the slanted-zone test: 14 booths, x 4.5–25.5 in 3 m steps, rows y 7–10 and 10–13; the
    # booth at x 13.5–16.5 of the lower row stands on the info point.
    bare = fill_area(zone, BlockParams())
    assert bare.count == 14 and any(b.shape().contains(info) for b in bare.booths)
    # Kept clear: 1.5 m of ground + the 4 m aisle = 5.5 m round (15, 8.5). Lower row (level with it):
    # only the end booths (7.5 m off) stay. Upper row (1.5 m above it): a booth needs 5.29 m across,
    # so again only the ends (the next ones are 4.5 m off).
    block = fill_area(zone, BlockParams(), amenities=[(15, 8.5)])
    assert centres(block) == sorted((x, y) for x in (6.0, 24.0) for y in (8.5, 11.5))
    assert min(b.shape().distance(info) for b in block.booths) == pytest.approx(7.5)
    assert len(block.amenities_clear) == 1
    assert shapely.Polygon(block.amenities_clear[0]).area == pytest.approx(info.buffer(1.5, quad_segs=8).area)
    # Each is alone in its row now, so open at both ends as well as the front.
    assert {b.booth_type for b in block.booths} == {"peninsula"}


def test_an_amenity_beside_a_drawn_block_clears_the_booths_within_an_aisle_of_its_ground():
    # 30 × 20 m, two pairs of rows (y 0–6, 10–16), ten booths a row; a WC at (15, 8) in the aisle
    # between the pairs. Kept 5.5 m round it: rows 2 m off (y 3–6, 10–13) lose the four booths within
    # 5.12 m along (x 9–21); rows 5 m off (y 0–3, 13–16) lose the two within 2.29 m (x 12–18).
    block = fill_rectangle((0, 0), 30, 20, BlockParams(aisle=4), clearance=4, amenities=[(15, 8)])
    assert block.count == 40 - 12
    by_row = {y: sorted(b.x for b in block.booths if b.y == y) for y in (1.5, 4.5, 11.5, 14.5)}
    assert by_row[4.5] == by_row[11.5] == [1.5, 4.5, 7.5, 22.5, 25.5, 28.5]
    assert by_row[1.5] == by_row[14.5] == [1.5, 4.5, 7.5, 10.5, 19.5, 22.5, 25.5, 28.5]
    wc = shapely.Point(15, 8)
    assert min(b.shape().distance(wc) for b in block.booths) >= 5.5 - 1e-9
    # An amenity far off is neither kept clear nor reported.
    far = fill_rectangle((0, 0), 30, 20, BlockParams(aisle=4), clearance=4, amenities=[(100, 100)])
    assert far.count == 40 and far.amenities_clear == []


def test_booths_along_a_line_keep_off_a_first_aid_post():
    # Ten 3 m booths left of (0,0)→(30,0), y 0–3. First aid at (15, 5): 1.5 m of ground + the 4 m aisle.
    # Booths 2 m below it need 5.12 m along: the four over x 9–21 go, leaving a 12 m gap.
    params = BlockParams(back_to_back=False, cross_every=0)
    block = along_line([(0, 0), (30, 0)], params, side="left", amenities=[(15, 5)])
    assert centres(block) == [(x, 1.5) for x in (1.5, 4.5, 7.5, 22.5, 25.5, 28.5)]
    assert [round(g.width, 9) for g in block.gaps] == [12.0]
    assert len(block.amenities_clear) == 1
    # A narrower clearance asked for: 1.5 + 1 m round it; booths 2 m off need 1.5 m along: x 12–18 go.
    narrow = along_line([(0, 0), (30, 0)], params, side="left", amenities=[(15, 5)], clearance=1.0)
    assert narrow.count == 8
    assert along_line([(0, 0), (30, 0)], params, side="left").count == 10
