"""Generate layouts/examples/crowded.festival.json, a market that breaks every rule.

A 90 x 60 m riverside car park turned into a night market: crafts in the
west, food in the east, a stage in the north-east behind a crowd barrier
with one 2 m opening, and a fenced backstage compound. It is made to trip
every rule of SPEC §4 at least once, so the analysis, the check command and
the editor's findings panel can be tried on one file:

  aisle-too-narrow        two craft blocks 2.4 m apart; the 2 m barrier opening
  booth-unreachable       a snack stall facing the south fence 0.3 m away
  booth-closed            a storage booth with no open side
  booth-overlap           two food stalls drawn over each other
  booth-outside-site      a booth standing on the stage
  duplicate-booth-number  two food stalls numbered FD-003
  zone-unreachable        the fenced backstage compound
  zone-overlap            crafts and food share a 2 m strip
  invalid-geometry        a marquee outline that crosses itself
  gate-off-boundary       an old gate drawn 3 m inside the site
  no-exit                 the backstage crew cannot reach an exit
  egress-too-slow         5,700 visitors, 11.9 m of exits, 2 m to the stage
  zone-too-dense          1,500 in front of the stage
  zone-crowded            2,200 in the food court
  aisle-overloaded        the stage audience through the 2 m opening
  exit-too-narrow         a 0.9 m fire door
  egress-without-largest-exit   with the main gate shut
  exit-too-far            max_exit_distance 40 m

The file format refuses structural errors but loads geometry problems, so
every fault here is geometry or numbering, never a malformed file.

Run from the repository root:  python layouts/source/make_crowded.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from shapely.geometry import box

sys.path.insert(0, str(Path(__file__).resolve().parent))

from boothkit import Frame, Placed, model_polygon, place, seq  # noqa: E402

from planner.formats import write_layout  # noqa: E402
from planner.model import Amenity, Booth, Event, Gate, Layout, Obstacle, Settings, Site, Zone  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "examples" / "crowded.festival.json"

SITE = box(0, 0, 90, 60)
STAGE = box(62, 50, 82, 58)


def build(report=print) -> Layout:
    zones = [
        Zone(id="crafts", name="Crafts · 手作", theme="crafts", color="#3f88c5",
             polygon=model_polygon(box(0, 0, 45, 60)), peak_visitors=2000,
             numbering={"prefix": "CR-", "start": 1, "digits": 3}),
        # Overlaps the crafts zone by a 2 m strip (x 43..45): zone-overlap.
        Zone(id="food", name="Food Court · 美食", theme="gourmet", color="#e4572e",
             polygon=model_polygon(box(43, 0, 79, 40)), peak_visitors=2200,
             numbering={"prefix": "FD-", "start": 1, "digits": 3}),
        Zone(id="stage", name="Stage Audience · 舞台观众", theme="stage", color="#9c27b0",
             polygon=model_polygon(box(45, 41, 90, 60)), peak_visitors=1500),
        Zone(id="backstage", name="Backstage · 后台", theme="crew", color="#607d8b",
             polygon=model_polygon(box(80, 0, 90, 8)), peak_visitors=20),
    ]
    obstacles = [
        Obstacle(id="main-stage", kind="stage", name="Main Stage · 主舞台", polygon=model_polygon(STAGE)),
        # The crowd barrier across the east half, broken by one 2 m opening (x 66..68).
        Obstacle(id="barrier-w", kind="structure", name="Crowd barrier west",
                 polygon=model_polygon(box(45, 40, 66, 41))),
        Obstacle(id="barrier-e", kind="structure", name="Crowd barrier east",
                 polygon=model_polygon(box(68, 40, 90, 41))),
        Obstacle(id="stage-fence", kind="structure", name="Stage fence",
                 polygon=model_polygon(box(44, 40, 45, 60))),
        # The backstage compound: fenced on its open sides, no gate in the fence.
        Obstacle(id="fence-w", kind="structure", name="Compound fence",
                 polygon=model_polygon(box(79, 0, 80, 9))),
        Obstacle(id="fence-n", kind="structure", name="Compound fence north",
                 polygon=model_polygon(box(80, 8, 90, 9))),
        # A marquee whose outline crosses itself (drawn corner to wrong corner).
        Obstacle(id="marquee", kind="structure", name="Twisted Marquee · 帐篷",
                 polygon=(((70.0, 20.0), (76.0, 26.0), (76.0, 20.0), (70.0, 26.0)),)),
    ]
    plan = {
        # Back-to-back craft blocks, checked and given their open sides by boothkit.
        "crafts": (seq(Frame(0.0, 12.0, 0.0), 8, [("b", 6)])
                   + seq(Frame(0.0, 36.0, 0.0), 8, [("b", 6)])),
        "food": seq(Frame(0.0, 25.0, 0.0), 48, [("k", 4)]),
    }
    placed = place(plan, {"crafts": box(0, 0, 45, 60), "food": box(43, 0, 79, 40)}, SITE,
                   [o.shape() for o in obstacles[:1]], report=report)
    # A third craft block squeezed in 2.4 m from the first (boothkit would refuse it).
    for spec in seq(Frame(0.0, 20.4, 0.0), 8, [("b", 6)]):
        placed.append(Placed(spec, "crafts", spec.booth()))
    booths: list[Booth] = []
    counters = {"crafts": 0, "food": 0}
    for p in placed:
        b = p.booth
        counters[p.zone_id] += 1
        prefix = "CR-" if p.zone_id == "crafts" else "FD-"
        b.id = f"b-{len(booths) + 1:04d}"
        b.number = f"{prefix}{counters[p.zone_id]:03d}"
        b.x, b.y = round(b.x, 3), round(b.y, 3)
        b.status = "sold"
        if p.spec.kind == "kitchen":
            b.cooking = True
        booths.append(b)

    def extra(number: str, x: float, y: float, **kw) -> None:
        booths.append(Booth(id=f"b-{len(booths) + 1:04d}", number=number, x=x, y=y, status="sold", **kw))

    extra("FD-101", 58.0, 1.8, exhibitor="Late Noodles")                       # front 0.3 m from the fence
    extra("FD-102", 52.0, 12.0, open_sides=(), exhibitor="Storage")            # no open side
    extra("FD-103", 56.0, 12.0, exhibitor="Bubble Tea")
    extra("FD-104", 58.5, 12.0, exhibitor="Bubble Tea Too")                    # overlaps FD-103 by 1.5 m²
    extra("FD-003", 64.0, 12.0, exhibitor="Dumpling Twin")                     # number taken
    extra("ST-001", 72.0, 52.0, exhibitor="Merch on Stage")                    # on the stage

    gates = [
        Gate(id="g-main", name="Main Gate · 正门", kind="both", a=(20.0, 0.0), b=(28.0, 0.0)),
        Gate(id="g-east", name="East Gate · 东门", kind="both", a=(90.0, 13.0), b=(90.0, 16.0)),
        Gate(id="g-fire", name="Fire Door · 消防门", kind="exit", a=(10.0, 60.0), b=(10.9, 60.0)),
        Gate(id="g-old", name="Old Gate · 旧门", kind="entrance", a=(30.0, 57.0), b=(34.0, 57.0)),
    ]
    amenities = [
        Amenity(id="aid", kind="first_aid", name="First Aid · 医疗点", x=40.0, y=4.0),
        Amenity(id="wc", kind="toilets", name="WC · 卫生间", x=86.0, y=30.0),
    ]
    return Layout(
        site=Site(boundary=model_polygon(SITE)),
        name="Crowded Night Market – every rule fires",
        event=Event(venue="Riverside car park", dates="2018-09-15", organiser="Test fixtures", revision="1"),
        settings=Settings(max_exit_distance=40.0),
        obstacles=obstacles,
        zones=zones,
        gates=gates,
        booths=booths,
        amenities=amenities,
    )


def main() -> None:
    layout = build()
    write_layout(layout, OUT)
    print(f"wrote {OUT.name}: {OUT.stat().st_size} bytes, {len(layout.booths)} booths")


if __name__ == "__main__":
    main()
