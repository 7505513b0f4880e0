"""Boundary samples of the walkable area W for the capacity network's triangulation.

The network measures a cross-section by a chord between two boundary
vertices, so the vertices must lie close enough together for the best chord
across a passage to be within a few per cent of the passage's true width: a
spacing of s on walls w apart gives chords up to √(w² + (s/2)²) long. So the
spacing only needs to be fine where walls face each other closely; along
open ground far from any other wall it can be coarse. Sampling each stretch
of wall by its own clear width keeps narrow places as fine as ever
(MIN_STEP) while the triangulation sees far fewer vertices in total.
"""

from __future__ import annotations

import numpy as np
import shapely

from planner.solver.walkable import polygons_of

MIN_STEP = 0.5      # metres: the finest spacing, used where walls are close
# Metres: the coarsest spacing, along open ground. Coarser, the triangles of a
# plaza grow so long that a wide diagonal chord becomes its chain's narrowest and
# reads as a cross-section of its own (an overloaded aisle found twice).
MAX_STEP = 2.0
RATIO = 0.35        # spacing per metre of clear width: chords within ~1.5 % of the width
# Two stretches of one ring face each other across a passage only when the way round
# along the ring is clearly longer than the gap (else it is a corner of one wall).
ROUND_FACTOR = 2.0


def _rings(walkable) -> list[tuple[int, np.ndarray]]:
    """Every ring of W as (polygon index, open coordinate array), exterior first."""
    out = []
    for pi, poly in enumerate(polygons_of(walkable)):
        for ring in (poly.exterior, *poly.interiors):
            out.append((pi, np.asarray(ring.coords)[:-1]))
    return out


def _point_segment(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distance of each point p from segment a–b (rows paired)."""
    ab = b - a
    denom = np.einsum("ij,ij->i", ab, ab)
    t = np.einsum("ij,ij->i", p - a, ab) / np.where(denom > 0, denom, 1.0)
    t = np.clip(t, 0.0, 1.0)
    q = a + ab * t[:, None]
    return np.hypot(q[:, 0] - p[:, 0], q[:, 1] - p[:, 1])


def clear_widths(a: np.ndarray, b: np.ndarray, ring: np.ndarray, start: np.ndarray,
                 length: np.ndarray, ring_length: np.ndarray, reach: float) -> np.ndarray:
    """Per boundary piece a–b, the distance to the nearest piece across open ground.

    Pieces of other rings always count; pieces of the same ring count when the
    way round along the ring is more than ROUND_FACTOR times the gap. Nothing
    within ``reach``: ``inf``.
    """
    n = len(a)
    out = np.full(n, np.inf)
    if n < 2:
        return out
    lo = np.minimum(a, b) - reach / 2
    hi = np.maximum(a, b) + reach / 2
    boxes = shapely.box(lo[:, 0], lo[:, 1], hi[:, 0], hi[:, 1])
    i, j = shapely.STRtree(boxes).query(boxes)
    keep = i < j
    i, j = i[keep], j[keep]
    if len(i) == 0:
        return out
    d = np.minimum.reduce([
        _point_segment(a[i], a[j], b[j]), _point_segment(b[i], a[j], b[j]),
        _point_segment(a[j], a[i], b[i]), _point_segment(b[j], a[i], b[i]),
    ])
    same = ring[i] == ring[j]
    mid_i = start[i] + length[i] / 2
    mid_j = start[j] + length[j] / 2
    along = np.abs(mid_i - mid_j)
    along = np.minimum(along, ring_length[ring[i]] - along)
    around = np.maximum(along - (length[i] + length[j]) / 2, 0.0)
    facing = ~same | (around > ROUND_FACTOR * d + 1e-6)
    i, j, d = i[facing], j[facing], d[facing]
    np.minimum.at(out, i, d)
    np.minimum.at(out, j, d)
    return out


def sample_walkable(walkable, min_step: float = MIN_STEP, max_step: float = MAX_STEP,
                    ratio: float = RATIO):
    """W with its boundary sampled densely where walls are close and sparsely elsewhere."""
    if walkable.is_empty:
        return walkable
    coarse = shapely.segmentize(walkable, max_step)
    rings = _rings(coarse)
    if not rings:
        return walkable
    a_parts, b_parts, ring_of, start_of, ring_length = [], [], [], [], []
    for ri, (_, coords) in enumerate(rings):
        nxt = np.roll(coords, -1, axis=0)
        seg = np.hypot(*(nxt - coords).T)
        pos = np.concatenate([[0.0], np.cumsum(seg)[:-1]])
        a_parts.append(coords)
        b_parts.append(nxt)
        ring_of.append(np.full(len(coords), ri))
        start_of.append(pos)
        ring_length.append(float(seg.sum()))
    a, b = np.concatenate(a_parts), np.concatenate(b_parts)
    ring, start = np.concatenate(ring_of), np.concatenate(start_of)
    length = np.hypot(*(b - a).T)
    width = clear_widths(a, b, ring, start, length, np.asarray(ring_length), max_step / ratio)
    step = np.clip(ratio * width, min_step, max_step)
    count = np.maximum(np.ceil(length / step - 1e-9).astype(np.int64), 1)
    # Each piece contributes its start and count - 1 points inside it.
    owner = np.repeat(np.arange(len(a)), count)
    first = np.repeat(np.cumsum(count) - count, count)
    frac = (np.arange(len(owner)) - first) / count[owner]
    points = a[owner] + (b[owner] - a[owner]) * frac[:, None]
    ring_starts = np.concatenate([[0], np.cumsum(np.bincount(ring, weights=count, minlength=len(rings)))]).astype(np.int64)
    polys: dict[int, list[np.ndarray]] = {}
    for ri, (pi, _) in enumerate(rings):
        polys.setdefault(pi, []).append(points[ring_starts[ri]:ring_starts[ri + 1]])
    out = [shapely.Polygon(parts[0], parts[1:]) for _, parts in sorted(polys.items())]
    return out[0] if len(out) == 1 else shapely.MultiPolygon(out)
