"""Small example layouts (installed as planner.layouts.examples)."""
