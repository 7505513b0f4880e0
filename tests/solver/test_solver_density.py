"""Density per zone and Fruin's walkway level of service (SPEC §4).

Density = peak visitors / area of the zone's part of W (site − obstacles −
booths), areas worked out by hand. Grades: A ≤ 0.31, B ≤ 0.43, C ≤ 0.72,
D ≤ 1.08, E ≤ 2.17, F above.
"""

from __future__ import annotations

import pytest

from planner.model import Booth
from planner.solver import analyse
from planner.solver.flow import level_of_service
from tests.solver.kit import gate, layout, wall, zone


@pytest.mark.parametrize("density, grade", [
    (0.0, "A"), (0.30, "A"), (0.31, "A"), (0.3101, "B"), (0.43, "B"), (0.4301, "C"), (0.72, "C"),
    (0.7201, "D"), (1.08, "D"), (1.0801, "E"), (2.0, "E"), (2.17, "E"), (2.1701, "F"), (5.0, "F"),
])
def test_fruin_grades_at_their_thresholds(density, grade):
    assert level_of_service(density) == grade


def hall(visitors: int, *, max_density: float | None = None, layout_max: float = 2.0):
    """A 10 × 10 m zone filling a 10 × 10 m site: 100 m² of walkable ground."""
    return layout((0, 0, 10, 10), gates=[gate("g", (4, 0), (6, 0))],
                  zones=[zone("z", 0, 0, 10, 10, visitors, name="Square", max_density=max_density)],
                  max_density=layout_max)


@pytest.mark.parametrize("visitors, grade", [
    (31, "A"), (32, "B"), (43, "B"), (44, "C"), (72, "C"), (73, "D"), (108, "D"), (109, "E"), (200, "E"),
    (217, "E"), (218, "F"),
])
def test_zone_grades_by_hand(visitors, grade):
    z = analyse(hall(visitors)).zones[0]
    assert z["walkable_m2"] == pytest.approx(100.0)
    assert z["density"] == pytest.approx(visitors / 100.0)
    assert z["los"] == grade
    assert z["peak_visitors"] == visitors


def test_obstacles_and_booths_take_ground_from_the_zone():
    """A 30 × 20 zone (600 m²) holding a 5 × 4 kiosk (20 m²) and four 3 × 3 booths (36 m²)."""
    booths = [Booth(id=f"b-{i}", number=f"D-{i}", x=5 + 3 * i, y=12, status="sold") for i in range(4)]
    lay = layout((0, 0, 40, 20), obstacles=[wall("kiosk", 20, 5, 25, 9)], booths=booths,
                 gates=[gate("g", (0, 5), (0, 10))], zones=[zone("z", 0, 0, 30, 20, 544)])
    z = analyse(lay).zones[0]
    assert z["walkable_m2"] == pytest.approx(600 - 20 - 36)
    assert z["density"] == pytest.approx(1.0)
    assert z["los"] == "D"


def test_a_zone_partly_outside_the_site_counts_only_ground_inside():
    lay = layout((0, 0, 20, 20), gates=[gate("g", (0, 5), (0, 10))], zones=[zone("z", 10, 0, 30, 20, 200)])
    z = analyse(lay).zones[0]
    assert z["walkable_m2"] == pytest.approx(200.0)
    assert z["density"] == pytest.approx(1.0)


def density_findings(report):
    return [f for f in report.findings if f.rule in ("zone-too-dense", "zone-crowded")]


@pytest.mark.parametrize("visitors", [31, 72, 108])
def test_grades_a_to_d_raise_nothing(visitors):
    assert density_findings(analyse(hall(visitors))) == []


@pytest.mark.parametrize("visitors, grade", [(109, "E"), (150, "E"), (200, "E")])
def test_grade_e_under_the_limit_is_crowded(visitors, grade):
    found = density_findings(analyse(hall(visitors)))
    assert [f.rule for f in found] == ["zone-crowded"]
    f = found[0]
    assert f.severity == "warning"
    assert f.objects == ["z"]
    assert f.value == pytest.approx(visitors / 100)
    assert "Square" in f.message and grade in f.message


def test_grade_f_under_a_higher_limit_is_crowded():
    found = density_findings(analyse(hall(250, layout_max=3.0)))
    assert [f.rule for f in found] == ["zone-crowded"]
    assert "F" in found[0].message


@pytest.mark.parametrize("visitors", [201, 250])
def test_over_the_layout_limit_is_too_dense(visitors):
    found = density_findings(analyse(hall(visitors)))
    assert [f.rule for f in found] == ["zone-too-dense"]
    f = found[0]
    assert f.severity == "error"
    assert f.value == pytest.approx(visitors / 100)
    assert f.limit == pytest.approx(2.0)
    assert f.objects == ["z"] and "Square" in f.message


def test_the_zones_own_limit_wins_over_the_layouts():
    found = density_findings(analyse(hall(150, max_density=1.0)))
    assert [f.rule for f in found] == ["zone-too-dense"]
    assert found[0].limit == pytest.approx(1.0)
    # A looser zone limit lets a crowd the layout's limit would refuse.
    found = density_findings(analyse(hall(250, max_density=3.0)))
    assert [f.rule for f in found] == ["zone-crowded"]


def test_exactly_at_the_limit_is_not_over_it():
    found = density_findings(analyse(hall(200)))
    assert [f.rule for f in found] == ["zone-crowded"]


def test_summary_reports_the_worst_density():
    lay = layout((0, 0, 20, 10), gates=[gate("g", (0, 4), (0, 6))],
                 zones=[zone("a", 0, 0, 10, 10, 50), zone("b", 10, 0, 20, 10, 120)])
    report = analyse(lay)
    assert report.summary["worst_zone_density"] == pytest.approx(1.2)
    assert {z["id"]: z["los"] for z in report.zones} == {"a": "C", "b": "E"}
