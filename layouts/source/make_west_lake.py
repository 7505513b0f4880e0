"""Generate layouts/west-lake-2018.festival.json, the bundled reference layout.

The Maker Festival on West Lake, Hangzhou, 13-16 September 2018, laid out on
the north shore of the lake: Beishan Road (北山街) along the north edge of the
site, the lakeside promenade under it, Beili Lake (北里湖), the first 550 m of
the Bai Causeway (白堤) running west from the Broken Bridge (断桥) with Beili
Lake to its north and the main lake to its south, and the Shengtang (圣塘)
lawns east of the bridge toward Hubin (湖滨). Local metres, x east, y north,
origin at the site's south-west corner; ``georef`` ties the origin to WGS84.

Run from the repository root:  python layouts/source/make_west_lake.py
The output is deterministic: the one random generator has a fixed seed.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parent))

from boothkit import Frame, Spec, extinguishers, model_polygon, place, rnd, seq, wobble  # noqa: E402
from exhibitors import EXHIBITORS, KITCHENS  # noqa: E402

from planner.formats import write_layout  # noqa: E402
from planner.model import (  # noqa: E402
    Amenity, Booth, Event, Gate, Georef, Layout, Obstacle, Settings, Site, Zone,
)

OUT = Path(__file__).resolve().parent.parent / "west-lake-2018.festival.json"
SEED = 20180913

W, H = 700.0, 260.0
SITE = box(0, 0, W, H)

# The Bai Causeway: 30 m wide, from the west edge of the site to the Broken
# Bridge, 7 degrees north of east (the real causeway bends a little more).
CAUSEWAY = Frame(0.0, 88.0, 7.0)
CAUSEWAY_HALF = 15.0
CAUSEWAY_END = 540.0
# The Broken Bridge: 16 m across deck and approaches (the deck itself is about
# 9 m), 45 degrees, from the causeway's tip to the north shore.
BRIDGE = Frame(540.0, 150.0, 45.0)
BRIDGE_HALF = 8.0
BRIDGE_LEN = 70.0

# The north shore of Beili Lake under Beishan Road, then the shore of the main
# lake running south-east from the bridge toward Hubin.
SHORE = [(0, 210), (45, 213), (95, 208), (150, 214), (205, 209), (260, 215), (315, 210),
         (370, 215), (425, 211), (480, 214), (530, 209), (566, 204), (584, 196), (594, 184),
         (598, 168), (602, 146), (610, 120), (622, 96), (640, 72), (664, 50), (700, 26)]

PROMENADE_TOP = 228.0                 # the lakeside promenade runs from the shore up to here
NORTH_ROW = Frame(0.0, 240.0, 0.0)    # the north-shore double rows: backs meet on y = 240
INNOVATION_ROW_1 = Frame(0.0, 199.0, 0.0)
INNOVATION_ROW_2 = Frame(0.0, 183.0, 0.0)
LANDING = Polygon([(566, 204), (570, 226), (588, 233), (610, 230), (620, 218), (620, 200), (608, 186), (598, 182)])

# Gates: (id, name, kind, a, b)
GATES = [
    ("g-n1", "Gate N1 · 北山街一号门", "both", (53, 260), (65, 260)),
    ("g-n2", "Gate N2 · 北山街二号门", "both", (194, 260), (206, 260)),
    ("g-n3", "Gate N3 · 北山街三号门", "entrance", (269, 260), (279, 260)),
    ("g-n4", "Gate N4 · 北山街四号门", "both", (358, 260), (370, 260)),
    ("g-n5", "Broken Bridge Gate · 断桥门", "both", (550, 260), (564, 260)),
    ("g-n6", "Baochu Road Exit · 保俶路出口", "exit", (624, 260), (638, 260)),
    ("g-e1", "Shengtang Road Gate · 圣塘路门", "both", (700, 194), (700, 208)),
    ("g-w1", "Bai Causeway West Gate · 白堤西口", "both", (0, 94), (0, 82)),
]
NORTH_GATE_SPANS = [(a[0], b[0]) for _, _, _, a, b in GATES if a[1] == H]


def shore_y(x: float) -> float:
    """The (unwobbled) north shore line at x, west of the bridge."""
    for (x1, y1), (x2, y2) in zip(SHORE, SHORE[1:]):
        if x1 <= x <= x2:
            return y1 + (y2 - y1) * (x - x1) / (x2 - x1)
    raise ValueError(x)


def blob(cx: float, cy: float, rx: float, ry: float, rng: random.Random, n: int = 12,
         rough: float = 0.15, angle: float = 0.0) -> Polygon:
    """An irregular roundish outline: a grove, a clump of willows."""
    pts = []
    for i in range(n):
        a = 2 * math.pi * i / n
        r = 1.0 + rng.uniform(-rough, rough)
        pts.append((cx + rx * r * math.cos(a), cy + ry * r * math.sin(a)))
    shape = Polygon(pts)
    return affinity.rotate(shape, angle, origin=(cx, cy)) if angle else shape


# -- geography ----------------------------------------------------------------------------

def geography(rng: random.Random):
    shore = wobble(SHORE, rng, step=11.0, amp=1.3)
    mainland = Polygon([*shore, (W, H), (0, H)])
    south = wobble([CAUSEWAY.world(-30, -CAUSEWAY_HALF), CAUSEWAY.world(CAUSEWAY_END, -CAUSEWAY_HALF)],
                   rng, step=14.0, amp=0.5)
    north = wobble([CAUSEWAY.world(CAUSEWAY_END, CAUSEWAY_HALF), CAUSEWAY.world(-30, CAUSEWAY_HALF)],
                   rng, step=14.0, amp=0.5)
    causeway = Polygon([*south, *north])
    bridge = BRIDGE.rect(0, -BRIDGE_HALF, BRIDGE_LEN, BRIDGE_HALF)
    # the causeway widens a little where it runs up onto the bridge
    abutment = unary_union([CAUSEWAY.rect(520, -CAUSEWAY_HALF + 0.4, 552, CAUSEWAY_HALF - 0.4),
                            BRIDGE.rect(0, -BRIDGE_HALF, 24, BRIDGE_HALF)]).convex_hull
    land = unary_union([mainland, causeway, bridge, abutment]).intersection(SITE)
    water = SITE.difference(land)
    lakes = [g for g in getattr(water, "geoms", [water]) if g.area > 50]
    return land, mainland, bridge, lakes


def obstacles_of(rng: random.Random, lakes):
    """Water, stages, buildings and trees, as (id, kind, name, shapely shape)."""
    out = []
    assert len(lakes) == 2, "the causeway and the bridge should split the water in two"
    for g in sorted(lakes, key=lambda g: -g.area):
        if g.centroid.y > CAUSEWAY.world(g.centroid.x, 0)[1] and g.centroid.x < 560:
            out.append(("water-beili", "water", "Beili Lake · 北里湖", g))
        else:
            out.append(("water-west-lake", "water", "West Lake · 西湖", g))

    out.append(("stage-runway", "stage", "Broken Bridge Runway · 断桥T台", BRIDGE.rect(20, -1.75, 50, 1.75)))
    out.append(("stage-forest", "stage", "Forest Concert Stage · 森林舞台", box(684, 64, 695, 88)))
    out.append(("bldg-museum", "building", "Future Retail and Technology Museum · 未来零售科技馆",
                Polygon([(650, 222), (694, 222), (694, 252), (662, 252), (662, 246), (650, 246)])))
    out.append(("bldg-teahouse", "building", "Lakeside Tea House · 湖畔茶室", box(170, 234, 186, 248)))
    out.append(("bldg-snow-pavilion", "building", "Lingering Snow Pavilion · 断桥残雪亭", box(604, 206, 611, 213)))
    out.append(("bldg-causeway-pavilion", "building", "Causeway Pavilion · 白堤亭", CAUSEWAY.rect(268, -4, 278, 4)))

    trees = []
    # willows and peach trees alternate along both edges of the Bai Causeway
    for k, u in enumerate(range(10, 520, 17)):
        for side in (1, -1):
            # the crowns overhang the water: no squeeze gap between trunk and edge
            c = CAUSEWAY.world(u + 3.5, side * 14.0)
            name = "Willow · 柳树" if (k + (side > 0)) % 2 else "Peach tree · 桃树"
            trees.append((name, blob(c[0], c[1], 3.4, 2.4, rng, n=10, rough=0.08, angle=CAUSEWAY.angle)))
    # willows on the north shore, a few metres in from the water
    for x in range(16, 556, 26):
        trees.append(("Willow · 柳树", blob(x, shore_y(x) + 1.0, 3.0, 3.0, rng, n=10, rough=0.1)))
    # plane trees along Beishan Road, in pits at the kerb, clear of the gates
    for x in range(10, 640, 16):
        if any(a - 5 < x < b + 5 for a, b in NORTH_GATE_SPANS):
            continue
        trees.append(("Plane tree · 梧桐", box(x - 1.25, 257.0, x + 1.25, H)))
    for i, (name, t) in enumerate(trees):
        out.append((f"veg-tree-{i + 1:03d}", "vegetation", name, t))

    forest = "Shengtang Forest · 圣塘林"
    out += [
        ("veg-forest-south", "vegetation", forest,
         Polygon([(660, 46), (676, 36), (700, 24), (700, 60), (697, 61), (684, 59), (672, 58), (662, 54)])),
        ("veg-forest-east", "vegetation", forest,
         Polygon([(697, 94), (700, 94), (700, 126), (692, 128), (686, 120), (684, 110), (689, 100)])),
        # along the shore, from the water's edge some 8 m inland
        ("veg-forest-shore", "vegetation", forest,
         Polygon([(603, 118), (608, 106), (616, 92), (630, 74), (646, 58), (660, 47), (668, 50),
                  (656, 62), (646, 74), (636, 88), (628, 100), (622, 112), (618, 126), (606, 128)])),
        ("veg-forest-north", "vegetation", forest,
         Polygon([(604, 127), (612, 124), (624, 126), (636, 129), (640, 136), (632, 143), (618, 145),
                  (606, 141)])),
        ("veg-garden-beishan", "vegetation", "Beishan Garden · 北山花园",
         blob(330, 246, 6.0, 4.0, rng, n=14)),
        ("veg-garden-causeway", "vegetation", "Peach Garden · 桃园",
         blob(*CAUSEWAY.world(94, 0), 5.0, 2.6, rng, n=14, angle=CAUSEWAY.angle)),
    ]
    return out


# -- booths ------------------------------------------------------------------------------

def booth_plan() -> dict[str, list[Spec]]:
    return {
        # north shore, west of the tea house; gate N1 opens onto the gap at x 49-69
        "anime": seq(NORTH_ROW, 14, [("b", 5, {0}), ("x", 5), ("b", 4), ("x", 20), ("b", 5), ("x", 5),
                                     ("b", 5, {2}), ("x", 6), ("i", 14)]),
        "pets": seq(NORTH_ROW, 214, [("b", 4), ("x", 5), ("b", 4), ("x", 6), ("i", 14),
                                     ("x", 22), ("b", 4), ("x", 5), ("b", 4, {1})]),
        "gourmet": seq(NORTH_ROW, 386, [("k", 8), ("x", 5), ("k", 8), ("x", 10), ("i", 14), ("x", 4),
                                        ("k", 8), ("x", 5), ("b", 4)]),
        "vintage": seq(CAUSEWAY, 44, [("b", 4), ("x", 5), ("b", 4, {2}), ("x", 36), ("b", 4), ("x", 5),
                                      ("b", 4), ("x", 30), ("i", 14), ("x", 26), ("b", 4)]),
        "heritage": seq(CAUSEWAY, 292, [("i", 14), ("x", 4), ("b", 5), ("x", 5), ("b", 5, {3}), ("x", 40),
                                        ("i", 14), ("x", 38), ("b", 5), ("x", 5), ("b", 5)]),
        "innovation": (seq(INNOVATION_ROW_1, 624, [("b", 6, {0}), ("x", 6), ("b", 5, {4})])
                       + seq(INNOVATION_ROW_2, 630, [("b", 4), ("x", 6), ("b", 4)])
                       + seq(Frame(0.0, 166.0, 0.0), 618, [("i", 14), ("x", 2), ("i", 14), ("x", 2), ("i", 14)])),
    }


# -- the layout ---------------------------------------------------------------------------

def zones_of(land, mainland, bridge, obstacle_shapes):
    forest = unary_union([s for oid, s in obstacle_shapes if oid.startswith("veg-forest")]
                         + [s for oid, s in obstacle_shapes if oid == "stage-forest"])
    cells = [
        ("runway", "Broken Bridge Runway · 断桥T台", "runway", "#8e24aa",
         unary_union([bridge, CAUSEWAY.rect(522, -16, 570, 16), LANDING])),
        ("promenade", "Lakeside Promenade · 湖滨步道", "promenade", "#26a69a",
         box(0, 0, 566, PROMENADE_TOP).intersection(mainland)),
        ("anime", "Anime · 动漫", "anime", "#e4572e", box(0, PROMENADE_TOP, 164, H)),
        ("pets", "Pets · 萌宠", "pets", "#f2a541", box(210, PROMENADE_TOP, 352, H)),
        ("gourmet", "Gourmet · 美食", "gourmet", "#c62828", box(378, PROMENADE_TOP, 546, H)),
        ("vintage", "Vintage · 复古", "vintage", "#8d6e63", CAUSEWAY.rect(24, -16, 262, 16)),
        ("heritage", "Intangible Heritage · 非遗", "heritage", "#2e7d32", CAUSEWAY.rect(284, -16, 522, 16)),
        ("innovation", "Innovation · 创新", "innovation", "#1e88e5", box(604, 150, 700, 214)),
        ("concert", "Forest Concert · 森林音乐会", "concert", "#5e35b1",
         box(612, 40, 700, 128).difference(forest)),
    ]
    shapes = {}
    taken = Polygon()
    for zid, name, theme, color, cell in cells:
        shape = cell.intersection(land).difference(taken)
        if shape.geom_type != "Polygon":
            shape = max(shape.geoms, key=lambda g: g.area)
        taken = taken.union(shape)
        shapes[zid] = (name, theme, color, shape)
    return shapes


NUMBERING = {"innovation": "INN-", "anime": "ANI-", "heritage": "ICH-", "vintage": "VIN-",
             "pets": "PET-", "gourmet": "FOD-"}
ISLAND_NAMES = {
    "anime": [("Cosplay Photo Stage 角色扮演拍照台", "cosplay")],
    "pets": [("萌宠领养中心 Adoption Pen", "adoption")],
    "gourmet": [("Lakeside Bar 湖畔酒吧", "drinks")],
    "vintage": [("Flying Pigeon Revival 飞鸽自行车", "bicycles")],
    "heritage": [("西湖绸伞 Live Demo", "silk-umbrella"), ("Sugar Painting Show 糖画表演", "folk-art")],
    "innovation": [("Robot Arena 机器人擂台", "robotics"), ("Drone Cage 无人机笼", "drones"),
                   ("VR Dome 虚拟现实穹顶", "vr-ar")],
}


def booths_of(placed, rng: random.Random) -> list[Booth]:
    booths = []
    counters = {z: 0 for z in NUMBERING}
    names = {z: list(v) for z, v in EXHIBITORS.items()}
    for z in names:
        rng.shuffle(names[z])
    kitchens = list(KITCHENS)
    islands = {z: list(v) for z, v in ISLAND_NAMES.items()}
    for p in placed:
        zone = p.zone_id
        counters[zone] += 1
        b = p.booth
        b.id = f"b-{len(booths) + 1:04d}"
        b.number = f"{NUMBERING[zone]}{counters[zone]:03d}"
        b.x, b.y = rnd(b.x, 3), rnd(b.y, 3)
        r = rng.random()
        if p.spec.kind == "kitchen":
            status = "sold" if r < 0.9 else "reserved"
        elif p.spec.island:
            status = "sold"
        else:
            status = "blocked" if r < 0.04 else "available" if r < 0.12 else "reserved" if r < 0.24 else "sold"
        b.status = status
        if status in ("sold", "reserved"):
            if p.spec.kind == "kitchen":
                b.exhibitor, b.category = kitchens.pop(0)
                b.cooking = True
            elif p.spec.island:
                b.exhibitor, b.category = islands[zone].pop(0)
            else:
                if not names[zone]:
                    raise SystemExit(f"not enough exhibitor names for {zone}")
                b.exhibitor, b.category = names[zone].pop(0)
        elif status == "blocked":
            b.category = "organiser"       # held back: storage, fire access
        booths.append(b)
    return booths


def amenities_of() -> list[Amenity]:
    pts = [
        # toilets
        ("wc-1", "toilets", "WC · 卫生间 1", 30, 252), ("wc-2", "toilets", "WC · 卫生间 2", 178, 253),
        ("wc-3", "toilets", "WC · 卫生间 3", 340, 253), ("wc-4", "toilets", "WC · 卫生间 4", 470, 253),
        ("wc-5", "toilets", "WC · 卫生间 5", 644, 214),
        ("wc-6", "toilets", "WC · 卫生间 6", *CAUSEWAY.world(18, 6)),
        ("wc-7", "toilets", "WC · 卫生间 7", *CAUSEWAY.world(282, 7)),
        # first aid
        ("aid-1", "first_aid", "First Aid · 医疗点 1", 250, 252),
        ("aid-2", "first_aid", "First Aid · 医疗点 2", 574, 244),
        ("aid-3", "first_aid", "First Aid · 医疗点 3", *CAUSEWAY.world(273, -8)),
        ("aid-4", "first_aid", "First Aid · 医疗点 4", 660, 136),
        # information
        ("info-n1", "info", "Info · 咨询 N1", 68, 252), ("info-n3", "info", "Info · 咨询 N3", 283, 252),
        ("info-n5", "info", "Info · 咨询 断桥", 546, 252), ("info-e1", "info", "Info · 咨询 圣塘", 690, 212),
        ("info-w1", "info", "Info · 咨询 白堤", *CAUSEWAY.world(12, -6)),
        # drinking water
        ("water-1", "water", "Drinking water · 饮水 1", 122, 232),
        ("water-2", "water", "Drinking water · 饮水 2", 300, 232),
        ("water-3", "water", "Drinking water · 饮水 3", 560, 232),
        ("water-4", "water", "Drinking water · 饮水 4", *CAUSEWAY.world(200, 8)),
        ("water-5", "water", "Drinking water · 饮水 5", *CAUSEWAY.world(440, -8)),
        ("water-6", "water", "Drinking water · 饮水 6", 650, 152),
        # charging
        ("charge-1", "charging", "Charging · 充电 1", 160, 230), ("charge-2", "charging", "Charging · 充电 2", 648, 216),
        ("charge-3", "charging", "Charging · 充电 3", *CAUSEWAY.world(380, 8)),
        # security
        ("sec-n1", "security", "Security · 安保 N1", 51, 254), ("sec-n2", "security", "Security · 安保 N2", 208, 254),
        ("sec-n4", "security", "Security · 安保 N4", 372, 254), ("sec-n5", "security", "Security · 安保 断桥", 566, 254),
        ("sec-e1", "security", "Security · 安保 圣塘", 694, 192),
        ("sec-w1", "security", "Security · 安保 白堤", *CAUSEWAY.world(8, 6)),
        ("sec-bridge", "security", "Security · 安保 断桥T台", *BRIDGE.world(60, -6)),
        # fire hydrants (at the kerb of Beishan Road, on the causeway, at Shengtang)
        ("hydrant-1", "fire_hydrant", "Hydrant · 消火栓 1", 112, 254),
        ("hydrant-2", "fire_hydrant", "Hydrant · 消火栓 2", 260, 254),
        ("hydrant-3", "fire_hydrant", "Hydrant · 消火栓 3", 420, 254),
        ("hydrant-4", "fire_hydrant", "Hydrant · 消火栓 4", 520, 254),
        ("hydrant-5", "fire_hydrant", "Hydrant · 消火栓 5", 696, 180),
        ("hydrant-6", "fire_hydrant", "Hydrant · 消火栓 6", *CAUSEWAY.world(140, -9)),
        ("hydrant-7", "fire_hydrant", "Hydrant · 消火栓 7", *CAUSEWAY.world(400, -9)),
        # assembly points: open ground by the gates, away from the booths
        ("assembly-1", "assembly_point", "Assembly point · 集合点 A", 59, 232),
        ("assembly-2", "assembly_point", "Assembly point · 集合点 B", 200, 236),
        ("assembly-3", "assembly_point", "Assembly point · 集合点 C", 364, 236),
        ("assembly-4", "assembly_point", "Assembly point · 集合点 D", 556, 240),
        ("assembly-5", "assembly_point", "Assembly point · 集合点 E", 684, 206),
        ("assembly-6", "assembly_point", "Assembly point · 集合点 F", *CAUSEWAY.world(16, 0)),
    ]
    return [Amenity(id=i, kind=k, name=n, x=rnd(x), y=rnd(y)) for i, k, n, x, y in pts]


# Peak visitors inside each zone at once (the organiser's estimate from the 2017
# footfall counts): market streets at a comfortable stroll, well under 1 person
# per m² of walkable ground (Fruin B-C); the standing concert audience denser.
PEAK_VISITORS = {"runway": 2000, "promenade": 3500, "anime": 2200, "pets": 1600, "gourmet": 2500,
                 "vintage": 2200, "heritage": 2400, "innovation": 2400, "concert": 3200}


# Where paths to and from a zone start, where its centroid is no good (the
# innovation zone's centroid falls inside a booth): its main aisle.
ANCHORS = {"innovation": (651.0, 191.0)}


def build(report=print) -> Layout:
    rng = random.Random(SEED)
    land, mainland, bridge, lakes = geography(rng)
    obst = obstacles_of(rng, lakes)
    obstacles = [Obstacle(id=i, kind=k, name=n, polygon=model_polygon(s)) for i, k, n, s in obst]
    obstacle_shapes = [(o.id, o.shape()) for o in obstacles]
    zone_shapes = zones_of(land, mainland, bridge, obstacle_shapes)
    zones = []
    for zid, (name, theme, color, shape) in zone_shapes.items():
        numbering = {"prefix": NUMBERING[zid], "start": 1, "digits": 3} if zid in NUMBERING else {}
        zones.append(Zone(id=zid, name=name, theme=theme, color=color, polygon=model_polygon(shape),
                          numbering=numbering))
    zone_polys = {z.id: z.shape() for z in zones}
    placed = place(booth_plan(), zone_polys, SITE, [s for _, s in obstacle_shapes], report=report)
    booths = booths_of(placed, rng)

    for z in zones:
        z.peak_visitors = PEAK_VISITORS[z.id]
        z.anchor = ANCHORS.get(z.id)

    gates = [Gate(id=i, name=n, kind=k, a=a, b=b) for i, n, k, a, b in GATES]
    return Layout(
        site=Site(boundary=model_polygon(SITE)),
        name="Maker Festival 2018 – West Lake",
        event=Event(venue="West Lake, Hangzhou", dates="2018-09-13/2018-09-16",
                    organiser="Hangzhou Maker Festival Organising Committee · 杭州创客节组委会",
                    revision="7"),
        settings=Settings(),
        georef=Georef(lat=30.2570, lon=120.1458, rotation_deg=0.0),
        obstacles=obstacles,
        zones=zones,
        gates=gates,
        booths=booths,
        amenities=amenities_of() + extinguishers(booths),
    )


def main() -> None:
    layout = build()
    write_layout(layout, OUT)
    per_zone: dict[str, int] = {}
    for zid in layout.zone_of_booths().values():
        per_zone[zid] = per_zone.get(zid, 0) + 1
    print(f"wrote {OUT.name}: {OUT.stat().st_size} bytes, {len(layout.booths)} booths {per_zone}, "
          f"{sum(z.peak_visitors for z in layout.zones)} visitors at peak")


if __name__ == "__main__":
    main()
