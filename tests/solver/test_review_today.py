"""Review of the compiled searches and flows: cases where they must still give the answers
known from the layout itself."""

from __future__ import annotations

from planner.model import Gate, Layout, Settings, Site, Zone
from planner.solver import analyse

TRIANGLE = [[(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)]]


def test_a_plan_whose_capacity_network_is_one_triangle_passes_what_its_exit_passes():
    # A 1 m triangular pen with a 0.6 m exit along one side: the ground is one triangle, so
    # nothing but the exit limits the flow: 0.6 m × 82 persons/m/min = 49.2 persons/min.
    layout = Layout(name="Pen", site=Site(boundary=TRIANGLE),
                    zones=[Zone(id="z", name="Pen", polygon=TRIANGLE, peak_visitors=100)],
                    gates=[Gate(id="g", a=(0.0, 0.0), b=(0.6, 0.0), kind="both")],
                    settings=Settings(body_radius=0.1, specific_flow=82.0))
    egress = analyse(layout).to_json()["egress"]
    assert abs(egress["max_flow_per_min"] - 0.6 * 82.0) < 0.01
    assert abs(egress["exits"][0]["flow_per_min"] - 0.6 * 82.0) < 0.01
    assert [b.get("gate") for b in egress["bottlenecks"]] == ["g"]
    # 100 persons through 0.82 persons/s: about two minutes, not days.
    assert egress["flow_s"] < 130.0
