"""Generated booth markets for the benchmarks (SPEC §5).

Blocks of twenty 3 × 3 m booths, back to back (ten a side, so a block is
30 × 6 m), with 4 m aisles between blocks and round the edge; gates on every
side; zones covering the blocks in a grid, each with a peak crowd that puts
its walkable ground at level of service C (about 0.6 persons/m²).
"""

from __future__ import annotations

import math

from planner.model import Booth, Event, Gate, Layout, Settings, Site, Zone
from planner.model.geometry import normalise_polygon

BOOTH = 3.0          # booth frontage and depth
PER_SIDE = 10        # booths on each side of a block
AISLE = 4.0          # aisle between blocks and round the edge
BLOCK_W = PER_SIDE * BOOTH          # 30 m
BLOCK_D = 2 * BOOTH                 # 6 m
DENSITY = 0.6        # persons per m² of a zone's walkable ground at peak
GATE_WIDTH = 8.0


def rect(x0: float, y0: float, x1: float, y1: float):
    return normalise_polygon([[(x0, y0), (x1, y0), (x1, y1), (x0, y1)]])


def grid_shape(blocks: int) -> tuple[int, int]:
    """Columns and rows of blocks for a roughly square site."""
    pitch_x, pitch_y = BLOCK_W + AISLE, BLOCK_D + AISLE
    cols = max(1, round(math.sqrt(blocks * pitch_y / pitch_x)))
    rows = math.ceil(blocks / cols)
    return cols, rows


def market(booths: int, *, zones_across: int | None = None, gates_per_side: int = 2,
           sides: tuple[str, ...] = ("south", "north", "west", "east"), gate_width: float = GATE_WIDTH,
           density: float = DENSITY, name: str | None = None) -> Layout:
    """A market of ``booths`` booths (a multiple of 20) as SPEC §5 describes."""
    blocks = math.ceil(booths / (2 * PER_SIDE))
    cols, rows = grid_shape(blocks)
    width = AISLE + cols * (BLOCK_W + AISLE)
    height = AISLE + rows * (BLOCK_D + AISLE)
    out: list[Booth] = []
    placed = 0
    for r in range(rows):
        for c in range(cols):
            if placed == blocks:
                break
            x0 = AISLE + c * (BLOCK_W + AISLE)
            y_back = AISLE + r * (BLOCK_D + AISLE) + BOOTH        # where the backs meet
            for k in range(PER_SIDE):
                cx = x0 + BOOTH * (k + 0.5)
                for cy, rot in ((y_back - BOOTH / 2, 0.0), (y_back + BOOTH / 2, 180.0)):
                    n = len(out) + 1
                    out.append(Booth(id=f"b-{n:05d}", number=f"M-{n:05d}", x=cx, y=cy, rotation=rot,
                                     status="sold"))
            placed += 1
    out = out[:booths]
    # Zones: a grid of about sqrt(blocks / 4) per side, each covering whole blocks.
    across = zones_across or max(1, round(math.sqrt(blocks / 6)))
    zones = []
    for i in range(across):
        for j in range(across):
            x0, x1 = width * i / across, width * (i + 1) / across
            y0, y1 = height * j / across, height * (j + 1) / across
            area = (x1 - x0) * (y1 - y0)
            covered = sum(1 for b in out if x0 <= b.x < x1 and y0 <= b.y < y1) * BOOTH * BOOTH
            visitors = int(round(density * (area - covered)))
            zid = f"z-{i}-{j}"
            zones.append(Zone(id=zid, name=f"Zone {i + 1}-{j + 1}", polygon=rect(x0, y0, x1, y1),
                              peak_visitors=visitors))
    gates = []
    for side in sides:
        for k in range(gates_per_side):
            t = (k + 1) / (gates_per_side + 1)
            if side in ("south", "north"):
                y = 0.0 if side == "south" else height
                cx = width * t
                a, b = (cx - gate_width / 2, y), (cx + gate_width / 2, y)
            else:
                x = 0.0 if side == "west" else width
                cy = height * t
                a, b = (x, cy - gate_width / 2), (x, cy + gate_width / 2)
            gates.append(Gate(id=f"g-{side}-{k + 1}", name=f"{side.title()} Gate {k + 1}", kind="both", a=a, b=b))
    return Layout(site=Site(boundary=rect(0, 0, width, height)),
                  name=name or f"Generated market, {len(out)} booths",
                  event=Event(venue="benchmark"), settings=Settings(),
                  zones=zones, gates=gates, booths=out)
