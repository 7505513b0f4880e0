"""Generate layouts/examples/small-market.festival.json, a small example layout.

A weekend craft and food market on a town square (80 x 48 m) beside a pond:
two zones, two gates, 34 booths. Small enough to read in one screen, and a
quick test case for the editor and the analysis.

Run from the repository root:  python layouts/source/make_small_market.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from shapely.geometry import Polygon, box

sys.path.insert(0, str(Path(__file__).resolve().parent))

from boothkit import Frame, extinguishers, model_polygon, place, seq  # noqa: E402

from planner.formats import write_layout  # noqa: E402
from planner.model import Amenity, Event, Gate, Layout, Obstacle, Settings, Site, Zone  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "examples" / "small-market.festival.json"

SITE = box(0, 0, 80, 48)
POND = Polygon([(60, 0), (80, 0), (80, 19), (76, 21), (70, 20), (65, 16), (61, 10), (59, 4)])
ZONES = [
    ("crafts", "Crafts · 手作", "crafts", "#3f88c5", box(0, 0, 45, 48), "CR-", 600),
    ("food", "Food · 小吃", "gourmet", "#e4572e", box(45, 0, 80, 48).difference(POND), "FD-", 400),
]

CRAFT_STALLS = [
    ("Paper Lantern Studio", "lanterns"), ("西湖绸伞", "silk-umbrella"), ("Clay & Kiln", "ceramics"),
    ("竹编工坊", "bamboo"), ("Loom Room", "weaving"), ("剪纸艺术", "paper-cutting"),
    ("Hand-bound Books", "stationery"), ("木作小铺", "woodwork"), ("Beeswax Candles", "candles"),
    ("蓝印花布", "textile"), ("Silver Thread Jewellery", "jewellery"), ("杭绣小品", "embroidery"),
    ("Leather Lab", "leather"), ("手工皂", "soap"), ("Pressed Flowers", "botanical"),
    ("书法扇面", "calligraphy"), ("Glass Beads Co.", "jewellery"), ("青瓷小件", "ceramics"),
    ("Knit Corner", "knitting"), ("印章篆刻", "seal-carving"), ("Driftwood Designs", "woodwork"),
    ("折纸工作室", "origami"), ("Indigo Dye Works", "textile"), ("Kite Makers", "kites"),
    ("Potter's Wheel Demo · 拉坯表演", "ceramics"),
]
FOOD_STALLS = [("龙井茶饮", "drinks"), ("Gelato Lab", "desserts"), ("桂花糕", "desserts"),
               ("Lemon Tea Bar", "drinks"), ("定胜糕", "desserts"), ("Cold Brew Collective", "coffee")]
KITCHENS = [("生煎包", "dumplings"), ("Smoky Skewers", "grill"), ("葱包桧", "snacks")]


def build(report=print) -> Layout:
    zones = [Zone(id=zid, name=name, theme=theme, color=color, polygon=model_polygon(shape),
                  peak_visitors=visitors, numbering={"prefix": prefix, "start": 1, "digits": 3})
             for zid, name, theme, color, shape, prefix, visitors in ZONES]
    obstacles = [
        Obstacle(id="pond", kind="water", name="Lotus Pond · 荷花池", polygon=model_polygon(POND)),
        Obstacle(id="kiosk", kind="building", name="Square Kiosk · 报亭", polygon=model_polygon(box(4, 36, 10, 42))),
    ]
    plan = {
        "crafts": (seq(Frame(0.0, 14.0, 0.0), 6, [("b", 4), ("x", 5), ("b", 4)])
                   + seq(Frame(0.0, 27.0, 0.0), 6, [("b", 4, {3}), ("x", 5), ("i", 8)])),
        "food": seq(Frame(0.0, 33.0, 0.0), 52, [("k", 6)]),
    }
    placed = place(plan, {z.id: z.shape() for z in zones}, SITE, [o.shape() for o in obstacles],
                   report=report)
    crafts, food, kitchens = list(CRAFT_STALLS), list(FOOD_STALLS), list(KITCHENS)
    counters = {"crafts": 0, "food": 0}
    booths = []
    for i, p in enumerate(placed):
        b = p.booth
        counters[p.zone_id] += 1
        b.id = f"b-{len(booths) + 1:04d}"
        b.number = f"{'CR-' if p.zone_id == 'crafts' else 'FD-'}{counters[p.zone_id]:03d}"
        b.x, b.y = round(b.x, 3), round(b.y, 3)
        if p.spec.kind == "kitchen":
            b.exhibitor, b.category = kitchens.pop(0)
            b.cooking, b.status = True, "sold"
        elif p.zone_id == "food":
            b.exhibitor, b.category = food.pop(0)
            b.status = "sold"
        elif p.spec.island:
            b.exhibitor, b.category = crafts.pop()
            b.status = "sold"
        elif i % 7 == 3:
            b.status = "available"
        else:
            b.exhibitor, b.category = crafts.pop(0)
            b.status = "reserved" if i % 5 == 0 else "sold"
        booths.append(b)
    amenities = [
        Amenity(id="wc", kind="toilets", name="WC · 卫生间", x=40.0, y=44.0),
        Amenity(id="aid", kind="first_aid", name="First Aid · 医疗点", x=22.0, y=44.0),
        Amenity(id="info", kind="info", name="Info · 咨询", x=30.0, y=40.0),
        Amenity(id="water", kind="water", name="Drinking water · 饮水", x=48.0, y=22.0),
        Amenity(id="assembly", kind="assembly_point", name="Assembly point · 集合点", x=16.0, y=40.0),
        *extinguishers(booths),
    ]
    return Layout(
        site=Site(boundary=model_polygon(SITE)),
        name="Small Market – Example",
        event=Event(venue="Town square by the lotus pond", dates="2018-10-06",
                    organiser="Example Market Co. · 示例市集", revision="1"),
        settings=Settings(),
        obstacles=obstacles,
        zones=zones,
        gates=[Gate(id="g-north", name="North Gate · 北门", kind="both", a=(30.0, 48.0), b=(36.0, 48.0)),
               Gate(id="g-east", name="East Gate · 东门", kind="both", a=(80.0, 30.0), b=(80.0, 35.0))],
        booths=booths,
        amenities=amenities,
    )


def main() -> None:
    layout = build()
    write_layout(layout, OUT)
    print(f"wrote {OUT.name}: {OUT.stat().st_size} bytes, {len(layout.booths)} booths")


if __name__ == "__main__":
    main()
