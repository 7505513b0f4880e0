"""Compare the product's egress time with a JuPedSim simulation of the same layout (SPEC §5).

Four layouts: one room with one door; a hall emptying down a corridor with a
narrow door; two booth rows before one gate; a ~200-booth market. For each,
the product's figure (``analyse(layout).egress``) and JuPedSim's (the time
the last agent leaves) are printed with the relative difference
(product − simulation) / simulation. SPEC §5 expects ±25 % on rooms and
corridors; in booth markets the queue form is a free-flow estimate and
reads low.

JuPedSim is the reference peer, never a dependency of the product. Install
it anywhere and point PYTHONPATH (or --jupedsim) at it, for example:

    pip install --target /tmp/jps jupedsim
    python benchmarks/validate_egress.py --jupedsim /tmp/jps

The simulated geometry is the walkable area W (site − obstacles − booths)
plus a 2 m pocket outside each exit gate, as wide as the gate, with the exit
stage at the pocket's far end. Agents stand at random (seeded) in each
zone's part of W, peak_visitors of them, with JuPedSim's default agent
radius (0.2 m; --radius to change it) and the layout's walking speed, and
each walks to the exit nearest on foot (JuPedSim's own router), as the
product assumes.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import shapely  # noqa: E402
from shapely.geometry import Point, Polygon  # noqa: E402
from shapely.ops import unary_union  # noqa: E402

from planner.model import Booth, Gate, Layout, Obstacle, Site, Zone  # noqa: E402
from planner.model.geometry import normalise_polygon  # noqa: E402
from planner.solver import analyse  # noqa: E402

POCKET = 2.0        # metres of corridor beyond an exit gate
JPS_RADIUS = 0.2    # JuPedSim's default agent radius for the collision-free speed model


def rect(x0, y0, x1, y1):
    return normalise_polygon([[(x0, y0), (x1, y0), (x1, y1), (x0, y1)]])


# -- the layouts ----------------------------------------------------------------------------

def one_room() -> Layout:
    """A 20 × 20 m room, 300 people, one 2 m door in the middle of the south wall."""
    return Layout(site=Site(boundary=rect(0, 0, 20, 20)), name="one room, one door",
                  gates=[Gate(id="door", a=(9, 0), b=(11, 0), kind="both")],
                  zones=[Zone(id="room", polygon=rect(0, 0, 20, 20), peak_visitors=300)])


def corridor() -> Layout:
    """A 20 × 20 m hall (300 people) emptying down a 3 m × 30 m corridor with a 1 m door half way."""
    site = normalise_polygon([[(8.5, 0), (11.5, 0), (11.5, 30), (20, 30), (20, 50), (0, 50), (0, 30), (8.5, 30)]])
    return Layout(site=Site(boundary=site), name="corridor with a door",
                  obstacles=[Obstacle(id="dl", kind="structure", polygon=rect(8.5, 15, 9.5, 15.3)),
                             Obstacle(id="dr", kind="structure", polygon=rect(10.5, 15, 11.5, 15.3))],
                  gates=[Gate(id="out", a=(8.5, 0), b=(11.5, 0), kind="both")],
                  zones=[Zone(id="hall", polygon=rect(0, 30, 20, 50), peak_visitors=300)])


def two_rows() -> Layout:
    """Two facing rows of ten 3 × 3 m booths, a 4 m aisle between, one 3 m gate at the aisle's end.

    400 visitors spread over the site (50 × 20 m).
    """
    booths = []
    for k in range(10):
        x = 10 + 3 * (k + 0.5)
        booths.append(Booth(id=f"a{k}", x=x, y=6.5, rotation=180))   # fronts up at y = 8
        booths.append(Booth(id=f"b{k}", x=x, y=13.5, rotation=0))    # fronts down at y = 12
    return Layout(site=Site(boundary=rect(0, 0, 50, 20)), name="two booth rows, one gate",
                  booths=booths, gates=[Gate(id="east", a=(50, 8.5), b=(50, 11.5), kind="both")],
                  zones=[Zone(id="all", polygon=rect(0, 0, 50, 20), peak_visitors=400)])


def market200() -> Layout:
    """The benchmark market of 200 booths, two 4 m gates in the south side, 0.6 persons/m²."""
    from market import market

    return market(200, gates_per_side=2, sides=("south",), gate_width=4.0, density=0.6,
                  name="200-booth market, two gates")


CASES = {"room": one_room, "corridor": corridor, "rows": two_rows, "market": market200}


# -- the simulation ----------------------------------------------------------------------------

def import_jupedsim(extra_path: str | None):
    if extra_path:
        sys.path.append(extra_path)
    try:
        import jupedsim
    except ImportError as exc:
        print("JuPedSim is not installed, so there is nothing to compare against "
              f"({exc}). Install it outside the product, e.g. "
              "'pip install --target /tmp/jps jupedsim', then run this script with "
              "'--jupedsim /tmp/jps'. The product's own figures follow.", file=sys.stderr)
        return None
    return jupedsim


def walkable(layout: Layout):
    blocked = unary_union([o.shape() for o in layout.obstacles] + [b.shape() for b in layout.booths])
    site = layout.site.shape()
    w = site.difference(blocked) if not blocked.is_empty else site
    # Booths closer than 5 cm touch (SPEC §4): close such slits, as the product does.
    return w.buffer(-0.025, join_style="mitre").buffer(0.025, join_style="mitre")


def pocket(gate: Gate, site) -> tuple[Polygon, Polygon]:
    """The 2 m corridor outside a gate and its far half (the exit stage)."""
    (ax, ay), (bx, by) = gate.a, gate.b
    length = math.dist(gate.a, gate.b)
    nx, ny = -(by - ay) / length, (bx - ax) / length
    mx, my = (ax + bx) / 2, (ay + by) / 2
    if site.contains(Point(mx + 0.1 * nx, my + 0.1 * ny)):
        nx, ny = -nx, -ny
    def quad(d0, d1):
        return Polygon([(ax + d0 * nx, ay + d0 * ny), (bx + d0 * nx, by + d0 * ny),
                        (bx + d1 * nx, by + d1 * ny), (ax + d1 * nx, ay + d1 * ny)])
    return quad(-0.01, POCKET), quad(POCKET / 2, POCKET - 0.05)


def simulate(jps, layout: Layout, *, seed: int = 1, dt: float = 0.01, limit_s: float = 3600.0,
             radius: float | None = None) -> dict:
    settings = layout.settings
    radius = settings.body_radius if radius is None else radius
    w = walkable(layout)
    site = layout.site.shape()
    exits = [g for g in layout.gates if g.is_exit]
    pockets = [pocket(g, site) for g in exits]
    geometry = unary_union([w, *[p for p, _ in pockets]])
    if geometry.geom_type != "Polygon":       # keep the part the exits are joined to
        geometry = max(geometry.geoms, key=lambda g: g.area)
    geometry = shapely.set_precision(geometry, 1e-4)
    sim = jps.Simulation(model=jps.CollisionFreeSpeedModel(), geometry=geometry, dt=dt)
    router = jps.RoutingEngine(geometry)
    stage_ids, journey_ids, targets = [], [], []
    for _, stage in pockets:
        sid = sim.add_exit_stage(stage)
        stage_ids.append(sid)
        journey_ids.append(sim.add_journey(jps.JourneyDescription([sid])))
        c = stage.centroid
        targets.append((c.x, c.y))
    agents = 0
    for k, zone in enumerate(layout.zones):
        part = zone.shape().intersection(geometry)
        polys = [part] if part.geom_type == "Polygon" else [g for g in getattr(part, "geoms", [])
                                                            if g.geom_type == "Polygon"]
        total_area = sum(p.area for p in polys)
        left = zone.peak_visitors
        for i, poly in enumerate(sorted(polys, key=lambda p: -p.area)):
            n = left if i == len(polys) - 1 else round(zone.peak_visitors * poly.area / total_area)
            left -= n
            if n <= 0:
                continue
            positions = jps.distribute_by_number(polygon=poly, number_of_agents=n,
                                                 distance_to_agents=2 * radius + 0.05,
                                                 distance_to_polygon=radius + 0.05, seed=seed + 97 * k + i)
            for pos in positions:
                best = min(range(len(targets)),
                           key=lambda e: _length(router.compute_waypoints(pos, targets[e])))
                sim.add_agent(jps.CollisionFreeSpeedModelAgentParameters(
                    position=pos, radius=radius, desired_speed=settings.walking_speed,
                    journey_id=journey_ids[best], stage_id=stage_ids[best]))
                agents += 1
    start = time.perf_counter()
    while sim.agent_count() > 0 and sim.elapsed_time() < limit_s:
        sim.iterate(50)
    return {"time_s": sim.elapsed_time() if sim.agent_count() == 0 else math.inf, "agents": agents,
            "left_inside": sim.agent_count(), "cpu_s": time.perf_counter() - start}


def _length(points) -> float:
    return sum(math.dist(p, q) for p, q in zip(points, points[1:]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", metavar="CASE",
                        help=f"which layouts to run (default: all of {', '.join(CASES)})")
    parser.add_argument("--jupedsim", metavar="DIR", help="a folder to import JuPedSim from")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--radius", type=float, default=JPS_RADIUS,
                        help="agent radius in the simulation (default: JuPedSim's own default, 0.2 m; "
                             "the layouts' body radius of 0.25 m gives lower flows)")
    args = parser.parse_args(argv)
    unknown = [c for c in args.cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; choose from {', '.join(CASES)}")
    args.cases = args.cases or list(CASES)
    jps = import_jupedsim(args.jupedsim)
    if jps is not None:
        print(f"JuPedSim {jps.__version__}, collision-free speed model, agent radius {args.radius} m, "
              f"dt 0.01 s, seed {args.seed}")
    head = f"{'layout':<32}{'people':>7}{'walk':>8}{'flow':>8}{'product':>9}{'simulated':>11}{'diff':>8}{'sim cpu':>9}"
    print(head)
    print("-" * len(head))
    for name in args.cases:
        layout = CASES[name]()
        e = analyse(layout).egress
        people = sum(z.peak_visitors for z in layout.zones)
        line = (f"{layout.name:<32}{people:>7}{e['walk_s']:>7.0f}s{e['flow_s']:>7.0f}s{e['time_s']:>8.0f}s")
        if jps is None:
            print(line + f"{'—':>11}", flush=True)
            continue
        sim = simulate(jps, layout, seed=args.seed, radius=args.radius)
        if math.isfinite(sim["time_s"]):
            diff = (e["time_s"] - sim["time_s"]) / sim["time_s"]
            line += f"{sim['time_s']:>10.0f}s{diff:>+8.0%}{sim['cpu_s']:>8.0f}s"
        else:
            line += f"  {sim['left_inside']} still inside after the limit"
        if sim["agents"] != people:
            line += f"  (placed {sim['agents']} agents)"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
