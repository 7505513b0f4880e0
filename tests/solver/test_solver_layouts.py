"""The bundled layouts through the analysis: West Lake is clean of errors, and the
crowded example trips every rule of SPEC §4.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from planner.formats import dumps_layout, read_layout
from planner.resources import bundled_layout
from planner.solver import analyse
from tests.solver.kit import SEVERITY

SOURCE = Path(__file__).resolve().parents[2] / "layouts" / "source"
CROWDED = bundled_layout("examples/crowded.festival.json")


@pytest.fixture(scope="module")
def west_lake_report():
    return analyse(read_layout(bundled_layout()))


@pytest.fixture(scope="module")
def crowded():
    return read_layout(CROWDED)


@pytest.fixture(scope="module")
def crowded_report(crowded):
    return analyse(crowded)


def test_west_lake_has_no_errors(west_lake_report):
    assert [(f.rule, f.message) for f in west_lake_report.errors] == []


def test_west_lake_report_is_complete(west_lake_report):
    r = west_lake_report
    assert r.summary["booths"] >= 200
    assert r.egress["time_s"] is not None and r.egress["time_s"] <= 480
    assert r.egress["without_largest_exit"]["time_s"] is not None
    assert all(p["length_m"] is not None for p in r.paths)
    assert all(z["los"] in "ABCDE" for z in r.zones)
    json.dumps(r.to_json())          # serialisable: no NaN or infinity left


def test_crowded_example_trips_every_rule(crowded_report):
    fired = {f.rule for f in crowded_report.findings}
    assert set(SEVERITY) - fired == set()
    for f in crowded_report.findings:
        assert f.severity == SEVERITY[f.rule]


def test_crowded_findings_point_at_real_objects(crowded, crowded_report):
    ids = {o.id for o in crowded.objects()}
    for f in crowded_report.findings:
        assert set(f.objects) <= ids, f
        assert f.message and f.message[-1] == "."


def test_crowded_example_is_small(crowded):
    assert 30 <= len(crowded.booths) <= 60
    assert crowded.settings.max_exit_distance is not None


def test_crowded_file_is_what_its_generator_writes(crowded):
    spec = importlib.util.spec_from_file_location("make_crowded", SOURCE / "make_crowded.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(SOURCE))
    try:
        spec.loader.exec_module(module)
        made = module.build(report=lambda message: None)
    finally:
        sys.path.remove(str(SOURCE))
    assert made.booths == crowded.booths and made.gates == crowded.gates and made.settings == crowded.settings
    assert [z.id for z in made.zones] == [z.id for z in crowded.zones]
    for a, b in [(made.site, crowded.site), *zip(made.obstacles, crowded.obstacles), *zip(made.zones, crowded.zones)]:
        assert a.shape().symmetric_difference(b.shape()).area <= 0.01
    assert json.loads(dumps_layout(made))["name"] == crowded.name
