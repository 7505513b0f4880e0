"""Names that give way: booth numbers beat amenity names, gate names do not print over each other.

The rectangles are those the painter draws (``labels.amenity_label_rect``,
``labels.gate_label_drawn_rect``); the scales are a 96 dpi screen at 1:270
(Gourmet's booths read) and at 1:3,000 (the whole of West Lake).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF

from planner.formats import read_layout
from planner.model import Amenity, Booth, Gate, Layout, Site
from planner.render import painter as paint
from planner.render.labels import (
    RectIndex, amenity_label_rect, gate_label_drawn_rect, place_labels,
)
from planner.render.style import DEFAULT_STYLE
from tests.factories import rect

WEST_LAKE = Path(__file__).resolve().parents[2] / "layouts" / "west-lake-2018.festival.json"


def px_per_m(denominator: float) -> float:
    return 96 / 0.0254 / denominator


def placed_rects(parts, plan, scale) -> tuple[list[QRectF], list[QRectF]]:
    gates = [gate_label_drawn_rect(gate, DEFAULT_STYLE, scale) for gate, shown in zip(parts.gates, plan.gates)
             if shown]
    amenities = [amenity_label_rect(a, DEFAULT_STYLE, scale, spot)
                 for a, spot in zip(parts.amenities, plan.amenities) if spot is not None]
    return [r for r in gates if r is not None], [r for r in amenities if r is not None]


def overlapping(rects: list[QRectF]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(rects) for j, b in enumerate(rects[i + 1:], i + 1) if a.intersects(b)]


@pytest.mark.parametrize("denominator", [270, 1000, 3000])
def test_west_lake_names_cover_no_booth_and_no_other_name(qapp, denominator):
    layout = read_layout(WEST_LAKE)
    parts = paint.layout_graphics(layout)
    scale = px_per_m(denominator)
    plan = place_labels(RectIndex(b.bounds for b in parts.booths), parts.gates, parts.amenities,
                        DEFAULT_STYLE, scale)
    gates, amenities = placed_rects(parts, plan, scale)
    assert not overlapping(gates + amenities)
    booths = [b.bounds for b in parts.booths]
    assert not [r for r in amenities if any(r.intersects(b) for b in booths)]
    assert sorted(plan.rects, key=lambda r: (r.x(), r.y())) == sorted(gates + amenities, key=lambda r: (r.x(), r.y()))


def test_at_1_270_the_extinguishers_names_move_above_their_badges(qapp):
    """The extinguishers stand 0.2 m in front of Gourmet's booth rows (y 244.2; the booths reach y 243):
    below the badge their names would lie on the booths' numbers, above it the aisle is free."""
    layout = read_layout(WEST_LAKE)
    parts = paint.layout_graphics(layout)
    scale = px_per_m(270)
    booths = RectIndex(b.bounds for b in parts.booths)
    plan = place_labels(booths, parts.gates, parts.amenities, DEFAULT_STYLE, scale)
    spots = {a.name: spot for a, spot in zip(layout.amenities, plan.amenities)}
    extinguishers = [a for a, graphic in zip(layout.amenities, parts.amenities)
                     if a.kind == "fire_extinguisher" and 380 < a.x < 500 and a.y == pytest.approx(244.2)]
    assert len(extinguishers) == 6
    for amenity, graphic in zip(layout.amenities, parts.amenities):
        if amenity in extinguishers:
            assert booths.hits(amenity_label_rect(graphic, DEFAULT_STYLE, scale, 0))    # below: on the booths
            assert spots[amenity.name] == 1, amenity.name                            # so above
    assert spots["WC · 卫生间 4"] == 0                                                 # nothing under it


def test_close_gates_keep_the_wider_gates_name_on_an_overview(qapp):
    """Two gates 8 m apart on the north side: at 1:3,000 their names (7 m high there) would overlap."""
    layout = Layout(site=Site(boundary=rect(0, 0, 400, 100)), gates=[
        Gate(id="small", name="Side Door · 侧门", a=(110, 100), b=(114, 100)),
        Gate(id="main", name="Main Entrance · 正门", a=(90, 100), b=(102, 100)),
        Gate(id="far", name="East Gate · 东门", a=(300, 100), b=(310, 100))])
    parts = paint.layout_graphics(layout)
    scale = px_per_m(3000)
    raw = [gate_label_drawn_rect(g, DEFAULT_STYLE, scale) for g in parts.gates]
    assert raw[0].intersects(raw[1]) and not raw[2].intersects(raw[0])
    plan = place_labels(RectIndex(), parts.gates, parts.amenities, DEFAULT_STYLE, scale)
    assert plan.gates == [False, True, True]
    # Zoomed in, the names are small on the ground and both are drawn.
    assert place_labels(RectIndex(), parts.gates, [], DEFAULT_STYLE, px_per_m(270)).gates == [True, True, True]


def test_an_amenity_boxed_in_by_booths_loses_its_name_but_not_its_badge(qapp):
    booths = [Booth(id=f"b{i}{j}", number=f"A-{i}{j}", x=50 + 3 * i, y=50 + 3 * j, width=3, depth=3)
              for i in range(-4, 5) for j in range(-3, 4) if (i, j) != (0, 0)]
    layout = Layout(site=Site(boundary=rect(0, 0, 100, 100)), booths=booths,
                    amenities=[Amenity(id="x", kind="fire_extinguisher", name="Extinguisher · 灭火器 9", x=50, y=50)])
    parts = paint.layout_graphics(layout)
    plan = place_labels(RectIndex(b.bounds for b in parts.booths), [], parts.amenities, DEFAULT_STYLE,
                        px_per_m(270))
    assert plan.amenities == [None]
