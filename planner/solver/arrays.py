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


def match_rows(rows: np.ndarray, table: np.ndarray) -> np.ndarray:
    """For each row of ``rows``, the index of the last equal row of ``table``, else -1.

    Rows are compared number by number, as tuples of floats are (0.0 equals
    -0.0): the same answer as a dictionary from each table row to its index.
    """
    out = np.full(len(rows), -1, dtype=np.int64)
    if len(rows) == 0 or len(table) == 0:
        return out
    rows = np.ascontiguousarray(rows, dtype=float).reshape(len(rows), -1) + 0.0     # -0.0 -> 0.0
    table = np.ascontiguousarray(table, dtype=float).reshape(len(table), -1) + 0.0
    kind = np.dtype((np.void, table.dtype.itemsize * table.shape[1]))
    t = table.view(kind).ravel()
    r = rows.view(kind).ravel()
    order = np.argsort(t, kind="stable")
    sorted_t = t[order]
    at = np.searchsorted(sorted_t, r, side="right") - 1
    hit = (at >= 0) & (sorted_t[np.maximum(at, 0)] == r)
    out[hit] = order[at[hit]]
    return out
