"""The plan canvas: a scene mirroring the layout and a view to zoom and pan it."""
