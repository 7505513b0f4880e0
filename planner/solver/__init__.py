"""Crowd-flow and walking-path analysis: shapely + networkx, never Qt.

The solver reads a layout and never changes it.
"""

from planner.solver.analysis import analyse
from planner.solver.report import Finding, Report

__all__ = ["Finding", "Report", "analyse"]
