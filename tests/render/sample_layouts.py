"""Layouts built in code for the render and canvas tests (and for looking at the canvas).

``market_layout`` lays booths out like SPEC §5's generated markets: blocks of
twenty 3 × 3 m booths, two rows of ten back to back, with 4 m aisles.
"""

from __future__ import annotations

import math

from planner.model import Amenity, Booth, Event, Gate, Layout, Obstacle, Site, Zone
from planner.model.geometry import normalise_polygon

STATUSES = ("sold", "sold", "reserved", "available", "sold", "blocked", "sold", "available")
EXHIBITORS = ("Paper Lantern Studio", "纸灯笼工作室", "Robot Garden", "西湖龙井茶社", "Pixel Forge",
              "Hangzhou Silk Works", "萌宠之家", "Retro Radio Repair", "")
ZONES = (("anime", "Anime · 动漫", "#e4572e", "ANI-"), ("gourmet", "Gourmet · 美食", "#76b041", "FOD-"),
         ("innovation", "Innovation · 创新", "#3f88c5", "INN-"), ("vintage", "Vintage · 复古", "#a5673f", "VIN-"),
         ("pets", "Pets · 萌宠", "#f2a541", "PET-"), ("heritage", "Intangible Heritage · 非遗", "#7b4b94", "ICH-"))


def rect(x0: float, y0: float, x1: float, y1: float):
    return normalise_polygon([[(x0, y0), (x1, y0), (x1, y1), (x0, y1)]])


def block_booths(x0: float, y0: float, prefix: str, start: int, first_id: int,
                 cooking: bool = False) -> list[Booth]:
    """Twenty 3 × 3 booths: a front row facing south and a back row facing north."""
    booths = []
    for row, (y, rotation) in enumerate(((y0 + 1.5, 0.0), (y0 + 4.5, 180.0))):
        for i in range(10):
            n = start + row * 10 + i
            k = first_id + row * 10 + i
            booths.append(Booth(
                id=f"b-{k:04d}", number=f"{prefix}{n:03d}", x=x0 + 1.5 + 3 * i, y=y,
                rotation=rotation, status=STATUSES[k % len(STATUSES)],
                exhibitor=EXHIBITORS[k % len(EXHIBITORS)], cooking=cooking and k % 3 == 0))
    return booths


def market_layout(blocks_per_zone: int = 2, zones: int = 6, zone_columns: int = 3) -> Layout:
    """A market of ``zones`` themed zones, each holding ``blocks_per_zone`` blocks of twenty booths."""
    zone_w, block_h = 40.0, 10.0
    zone_h = blocks_per_zone * block_h + 8
    rows = math.ceil(zones / zone_columns)
    width = zone_columns * (zone_w + 8) + 8 + 60
    height = rows * (zone_h + 8) + 8 + 30
    layout = Layout(
        name="Generated Market", site=Site(boundary=rect(0, 0, width, height)),
        event=Event(venue="Test Park", dates="2018-09-13/2018-09-16"),
    )
    lake_x = zone_columns * (zone_w + 8) + 14
    layout.obstacles = [
        Obstacle(id="lake", kind="water", name="West Lake · 西湖", polygon=normalise_polygon([[
            (lake_x + 10 * math.sin(t / 6) + 4, height * t / 12) for t in range(13)]
            + [(width, height), (width, 0)]])),
        Obstacle(id="stage", kind="stage", name="Forest Stage", polygon=rect(8, height - 24, 38, height - 8)),
        Obstacle(id="museum", kind="building", name="Technology Museum",
                 polygon=rect(46, height - 22, 76, height - 6)),
        Obstacle(id="trees", kind="vegetation", name="Grove", polygon=normalise_polygon(
            [[(84, height - 20), (100, height - 24), (110, height - 14), (96, height - 6)]])),
        Obstacle(id="works", kind="restricted", name="No entry", polygon=rect(116, height - 22, 130, height - 8)),
        Obstacle(id="tent", kind="structure", name="Control", polygon=rect(136, height - 18, 146, height - 10)),
    ]
    k = 1
    for z in range(zones):
        zid, name, colour, prefix = ZONES[z % len(ZONES)]
        zid = zid if z < len(ZONES) else f"{zid}-{z}"
        col, row = z % zone_columns, z // zone_columns
        x0 = 8 + col * (zone_w + 8)
        y0 = 8 + row * (zone_h + 8)
        layout.zones.append(Zone(id=zid, name=name, theme=zid, color=colour,
                                 polygon=rect(x0, y0, x0 + zone_w, y0 + zone_h), peak_visitors=800))
        for b in range(blocks_per_zone):
            booths = block_booths(x0 + 5, y0 + 4 + b * block_h, prefix, 1 + 20 * b, k,
                                  cooking=zid == "gourmet")
            layout.booths.extend(booths)
            k += len(booths)
    layout.gates = [
        Gate(id="g-north", name="North Gate", kind="both", a=(20, height), b=(32, height)),
        Gate(id="g-south", name="South Gate", kind="entrance", a=(60, 0), b=(70, 0)),
        Gate(id="g-west", name="West Exit", kind="exit", a=(0, 20), b=(0, 26)),
    ]
    kinds = ("toilets", "first_aid", "info", "water", "charging", "security",
             "fire_extinguisher", "fire_hydrant", "assembly_point", "other")
    layout.amenities = [
        Amenity(id=f"a-{i}", kind=kind, name=kind.replace("_", " ").title(), x=6 + 13 * i, y=4.0)
        for i, kind in enumerate(kinds)
    ]
    layout.reindex()
    return layout


def turned_booths_layout() -> Layout:
    """A few booths at awkward angles, each with every marking (for looking at labels)."""
    layout = Layout(name="Turned", site=Site(boundary=rect(0, 0, 40, 20)))
    for i, angle in enumerate((0, 30, 90, 135, 180, 270)):
        layout.booths.append(Booth(id=f"t-{i}", number=f"T-{i + 1:02d}", x=4 + 6.5 * i, y=10,
                                   width=4, depth=3, rotation=angle, cooking=True,
                                   open_sides=("front", "left"), exhibitor="Robot Garden",
                                   status=STATUSES[i]))
    layout.reindex()
    return layout
