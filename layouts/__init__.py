"""Bundled layouts (installed as the data package planner.layouts)."""
