"""Property: whatever valid layout is generated, save then load gives it back."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.formats import read_layout, write_layout
from planner.model import (
    AMENITY_KINDS, BOOTH_SIDES, BOOTH_STATUSES, GATE_KINDS, OBSTACLE_KINDS,
    Amenity, Background, Booth, Event, Gate, Georef, Layout, Obstacle, Settings, Site, Zone,
)
from planner.model.geometry import normalise_polygon

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
coord = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e4, allow_nan=False, allow_infinity=False)
point = st.tuples(coord, coord)
ring = st.lists(point, min_size=3, max_size=8, unique=True)
polygon = st.lists(ring, min_size=1, max_size=3).map(normalise_polygon)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | coord | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)
extra = st.dictionaries(text.map(lambda s: "x_" + s), json_value, max_size=2)
date = st.dates().map(lambda d: d.isoformat())
dates = st.one_of(st.just(""), date, st.tuples(date, date).map("/".join))
color = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


@st.composite
def layouts(draw) -> Layout:
    ids = iter(draw(st.lists(st.text("abcdefgh0123456789-", min_size=1, max_size=8),
                             min_size=40, max_size=40, unique=True)))
    n = st.integers(0, 3)
    return Layout(
        name=draw(text),
        event=Event(venue=draw(text), dates=draw(dates), organiser=draw(text),
                    revision=draw(text), extra=draw(extra)),
        settings=Settings(min_aisle_width=draw(positive), body_radius=draw(positive),
                          walking_speed=draw(positive), specific_flow=draw(positive),
                          max_egress_time=draw(positive), max_density=draw(positive),
                          max_exit_distance=draw(st.none() | positive), extra=draw(extra)),
        georef=draw(st.none() | st.builds(
            Georef, lat=st.floats(-90, 90), lon=st.floats(-180, 180), rotation_deg=coord, extra=extra)),
        background=draw(st.none() | st.builds(
            Background, image=text, metres_per_pixel=positive, x=coord, y=coord, rotation_deg=coord,
            opacity=st.floats(0, 1), locked=st.booleans(), extra=extra)),
        site=Site(boundary=draw(polygon), extra=draw(extra)),
        obstacles=[Obstacle(id=next(ids), kind=draw(st.sampled_from(OBSTACLE_KINDS)), polygon=draw(polygon),
                            name=draw(text), locked=draw(st.booleans()), extra=draw(extra))
                   for _ in range(draw(n))],
        zones=[Zone(id=next(ids), polygon=draw(polygon), name=draw(text), theme=draw(text), color=draw(color),
                    peak_visitors=draw(st.integers(0, 10**6)), anchor=draw(st.none() | point),
                    max_density=draw(st.none() | positive),
                    numbering=draw(st.dictionaries(text, json_value, max_size=3)),
                    locked=draw(st.booleans()), extra=draw(extra))
               for _ in range(draw(n))],
        gates=[Gate(id=next(ids), a=draw(point), b=draw(point), name=draw(text),
                    kind=draw(st.sampled_from(GATE_KINDS)), locked=draw(st.booleans()), extra=draw(extra))
               for _ in range(draw(n))],
        booths=[Booth(id=next(ids), x=draw(coord), y=draw(coord), width=draw(positive), depth=draw(positive),
                      number=draw(text), rotation=draw(coord),
                      open_sides=tuple(draw(st.lists(st.sampled_from(BOOTH_SIDES), unique=True))),
                      exhibitor=draw(text), category=draw(text), status=draw(st.sampled_from(BOOTH_STATUSES)),
                      cooking=draw(st.booleans()), locked=draw(st.booleans()), extra=draw(extra))
                for _ in range(draw(st.integers(0, 6)))],
        amenities=[Amenity(id=next(ids), kind=draw(st.sampled_from(AMENITY_KINDS)), x=draw(coord),
                           y=draw(coord), name=draw(text), locked=draw(st.booleans()), extra=draw(extra))
                   for _ in range(draw(n))],
        extra=draw(st.dictionaries(text.map(lambda s: "x-" + s), json_value, max_size=2)),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts())
def test_save_then_load_gives_the_layout_back(layout):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "round.festival.json"
        write_layout(layout, path)
        again = read_layout(path)
        assert again == layout
        write_layout(again, path)
        assert read_layout(path) == layout
