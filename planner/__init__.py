"""Festival Floor Planner: lay out outdoor market festivals and check crowd flow."""

__version__ = "0.1.0"
