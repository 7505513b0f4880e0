"""QPainter drawing of a layout: the one style source shared by the canvas and every export.

Everything here draws in scene metres (x east, y down); ``geometry`` is the
one place that turns model coordinates (y north) into scene coordinates.
"""
