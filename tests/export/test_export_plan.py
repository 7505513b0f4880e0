"""Which sheets, at which scale: every booth has a home sheet where it is whole and its number legible."""

from __future__ import annotations

import pytest

from planner.export.options import nice_scale_at_least, nice_scale_at_most, paper_size_mm, parse_scale
from planner.export.plan import (
    MIN_NUMBER_PT, legible_scale, mm_per_metre, page_geometry, plan_sheets, pt_per_metre,
)


def _inside(inner, outer, tol=1e-6) -> bool:
    return (outer[0] - tol <= inner[0] and outer[1] - tol <= inner[1]
            and inner[2] <= outer[2] + tol and inner[3] <= outer[3] + tol)


def _booth_box(booth):
    xs = [p[0] for p in booth.corners()]
    ys = [p[1] for p in booth.corners()]
    return (min(xs), min(ys), max(xs), max(ys))


def test_scales_parse_and_round_to_ones_a_print_shop_knows():
    assert parse_scale("fit") is None and parse_scale("1:500") == 500 and parse_scale(" 1 : 1,250 ") == 1250
    for bad in ("500", "1:0", "2:500", "1:x", "1:5000000"):
        with pytest.raises(ValueError):
            parse_scale(bad)
    assert nice_scale_at_least(2222) == 2500 and nice_scale_at_least(2500) == 2500
    assert nice_scale_at_least(2501) == 3000 and nice_scale_at_least(9100) == 10000
    assert nice_scale_at_most(302) == 300 and nice_scale_at_most(299) == 250 and nice_scale_at_most(99) == 75
    assert pt_per_metre(1000) == pytest.approx(72 / 25.4)


def test_page_geometry_keeps_map_and_panel_apart_on_every_paper():
    for paper in ("A4", "A3", "A2", "A1", "A0", "Letter", "Legal", "Tabloid"):
        for orientation in ("landscape", "portrait"):
            g = page_geometry(paper, orientation)
            w, h = paper_size_mm(paper, orientation)
            fx, fy, fw, fh = g.frame
            px, py, pw, ph = g.panel
            assert fw > 100 and fh > 100
            assert fx >= g.margin and fy >= g.margin and fx + fw <= w - g.margin and fy + fh <= h - g.margin
            if orientation == "landscape":
                assert fx + fw + 5 <= px and px + pw <= w - g.margin + 1e-9
            else:
                assert fy + fh + 5 <= py and py + ph <= h - g.margin + 1e-9


def _plan(layout, west_lake_numbers, paper="A3", orientation="landscape", scale=None, sheets="all"):
    geometry = page_geometry(paper, orientation)
    return geometry, plan_sheets(layout, geometry, sheets=sheets, scale=scale, content=_content(layout),
                                 number_m=west_lake_numbers)


def _content(layout):
    xs = [p[0] for p in layout.site.boundary[0]]
    ys = [p[1] for p in layout.site.boundary[0]]
    return (min(xs) - 10, min(ys) - 10, max(xs) + 10, max(ys) + 10)


@pytest.fixture(scope="module")
def numbers(qapp, west_lake):
    """Each booth's number height on the ground, as the painter draws it."""
    from planner.render.painter import layout_graphics

    graphics = layout_graphics(west_lake)
    return {b.id: g.number_m for b, g in zip(west_lake.booths, graphics.booths)}


@pytest.mark.parametrize("paper, orientation, scale", [
    ("A3", "landscape", None), ("A4", "portrait", None), ("A1", "landscape", None), ("A4", "landscape", 200),
    ("Letter", "portrait", 100), ("A0", "portrait", None),
])
def test_every_booth_is_whole_and_legible_on_its_home_sheet(west_lake, numbers, paper, orientation, scale):
    geometry, plan = _plan(west_lake, numbers, paper, orientation, scale)
    assert plan.sheets[0].kind == "overview"
    assert set(plan.home) == {b.id for b in west_lake.booths}
    for booth in west_lake.booths:
        sheet = plan.sheets[plan.home[booth.id]]
        assert sheet.kind in ("zone", "tile")
        assert _inside(_booth_box(booth), sheet.window), booth.number
        assert numbers[booth.id] * pt_per_metre(sheet.scale) >= MIN_NUMBER_PT, booth.number
        fw, fh = sheet.frame[2], sheet.frame[3]
        k = mm_per_metre(sheet.scale)
        # The window is exactly the frame at the sheet's scale: nothing is squeezed to fit.
        assert (sheet.window[2] - sheet.window[0]) * k == pytest.approx(fw)
        assert (sheet.window[3] - sheet.window[1]) * k == pytest.approx(fh)
    assert not plan.too_small


def test_the_overview_fits_its_sheet_at_a_recognised_scale(west_lake, numbers):
    geometry, plan = _plan(west_lake, numbers)
    overview = plan.sheets[0]
    content = _content(west_lake)
    assert _inside(content, overview.window)
    fx, fy, fw, fh = geometry.frame
    assert overview.frame[2] <= fw + 1e-6 and overview.frame[3] <= fh + 1e-6
    assert overview.scale == nice_scale_at_least(overview.scale)


def test_tiles_share_an_overlap_and_name_their_neighbours(west_lake, numbers):
    _, plan = _plan(west_lake, numbers, "A4", "landscape", 200, sheets="zones")
    tiled = [s for s in plan.sheets if s.parts > 1]
    assert tiled
    for index, sheet in enumerate(plan.sheets):
        for side, other in sheet.neighbours.items():
            o = plan.sheets[other]
            assert o.zone_id == sheet.zone_id and o.group == sheet.group
            back = {"left": "right", "right": "left", "up": "down", "down": "up"}[side]
            assert o.neighbours[back] == index
            # Neighbouring windows overlap by more than the largest booth; their own parts just touch.
            if side == "right":
                assert sheet.window[2] - o.window[0] > 6.0
                assert sheet.own[2] == pytest.approx(o.own[0])


def test_legible_scale_is_six_points():
    assert legible_scale(0.66) == 300            # 0.66 m at 1:300 is 6.3 pt; at 1:400 it would be 4.7
    assert 0.66 * pt_per_metre(300) >= 6.0 and 0.66 * pt_per_metre(400) < 6.0
    assert legible_scale(0.60) == 250            # 0.60 m at 1:300 would be 5.7 pt


def test_sheets_choice(west_lake, numbers):
    _, overview = _plan(west_lake, numbers, sheets="overview")
    assert [s.kind for s in overview.sheets] == ["overview"] and not overview.home
    _, zones = _plan(west_lake, numbers, sheets="zones")
    assert all(s.kind != "overview" for s in zones.sheets)
    _, tiles = _plan(west_lake, numbers, sheets="tiles", scale=500)
    assert all(s.kind == "tile" and s.zone_id is None for s in tiles.sheets)
    assert set(tiles.home) == {b.id for b in west_lake.booths}
