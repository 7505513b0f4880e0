"""Small array helpers the solver's hot paths share."""

from __future__ import annotations

import numpy as np


def unique_sorted(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` for a flat integer array, by sorting.

    NumPy's own ``unique`` hashes plain arrays, several times slower than a
    sort on the hundred thousand keys of a route-by-chord table; the answer
    is the same sorted array of distinct values.
    """
    out = np.sort(values, kind="stable")
    if len(out) < 2:
        return out
    keep = np.empty(len(out), dtype=bool)
    keep[0] = True
    np.not_equal(out[1:], out[:-1], out=keep[1:])
    return out[keep]
