"""The solver's array helpers against the plain Python they stand for."""

from __future__ import annotations

import numpy as np

from planner.solver.arrays import match_rows, unique_sorted


def test_unique_sorted_is_numpys_unique():
    rng = np.random.default_rng(4)
    for size in (0, 1, 2, 1000, 50000):
        values = rng.integers(-50, 5000, size)
        assert np.array_equal(unique_sorted(values), np.unique(values))


def test_match_rows_answers_as_a_dictionary_of_tuples_would():
    rng = np.random.default_rng(7)
    table = np.round(rng.uniform(-3, 3, (400, 6)))      # few distinct values: many equal rows
    table[0, :] = [-0.0, 1, 2, 3, 4, 5]
    rows = np.concatenate([table[::5], np.round(rng.uniform(-3, 3, (100, 6))), [[0.0, 1, 2, 3, 4, 5]]])
    index = {tuple(row): k for k, row in enumerate(table.tolist())}       # the last of equal rows
    expected = [index.get(tuple(row), -1) for row in rows.tolist()]
    assert match_rows(rows, table).tolist() == expected
    assert expected[-1] >= 0                                               # 0.0 finds -0.0
    assert match_rows(np.zeros((0, 2)), table[:, :2]).tolist() == []
    assert match_rows(table[:3, :2], np.zeros((0, 2))).tolist() == [-1, -1, -1]
