"""Small layouts built in code for tests, with answers known by hand."""

from __future__ import annotations

from planner.model import Amenity, Booth, Event, Gate, Layout, Obstacle, Site, Zone
from planner.model.geometry import normalise_polygon


def rect(x0: float, y0: float, x1: float, y1: float):
    return normalise_polygon([[(x0, y0), (x1, y0), (x1, y1), (x0, y1)]])


def small_layout() -> Layout:
    """A 100 × 50 m site: a pond, two zones, two gates, four booths, one amenity."""
    return Layout(
        name="Test Market",
        event=Event(venue="Test Park", dates="2018-09-13/2018-09-16", organiser="Test Org", revision="3"),
        site=Site(boundary=rect(0, 0, 100, 50)),
        obstacles=[Obstacle(id="pond", kind="water", name="Pond", polygon=rect(80, 0, 100, 20))],
        zones=[
            Zone(id="anime", name="Anime · 动漫", theme="anime", color="#e4572e",
                 polygon=rect(0, 0, 50, 50), peak_visitors=1000,
                 numbering={"prefix": "ANI-", "start": 1, "digits": 3}),
            Zone(id="food", name="Gourmet · 美食", theme="gourmet", color="#76b041",
                 polygon=rect(50, 20, 100, 50), peak_visitors=500),
        ],
        gates=[
            Gate(id="g-north", name="North Gate", kind="both", a=(20, 50), b=(30, 50)),
            Gate(id="g-west", name="West Gate", kind="exit", a=(0, 10), b=(0, 14)),
        ],
        booths=[
            Booth(id="b-1", number="ANI-001", x=10, y=10, status="sold", exhibitor="纸灯笼工作室"),
            Booth(id="b-2", number="ANI-002", x=13, y=10, status="reserved"),
            Booth(id="b-3", number="ANI-003", x=16, y=10, width=6, depth=3, status="available"),
            Booth(id="b-4", number="FOD-001", x=60, y=30, open_sides=("front", "left"), cooking=True),
        ],
        amenities=[Amenity(id="wc-1", kind="toilets", name="WC 1", x=40, y=45)],
    )
