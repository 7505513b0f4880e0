"""Canvas tools: small state objects fed with events in metres (see ``base``)."""

from planner.ui.canvas.tools.base import Tool, ToolEvent, ToolHost
from planner.ui.canvas.tools.draw import DrawPolygonTool
from planner.ui.canvas.tools.place import AmenityTool, BoothTool, GateTool
from planner.ui.canvas.tools.select import SelectTool
from planner.ui.canvas.tools.vertices import VertexTool

__all__ = ["AmenityTool", "BoothTool", "DrawPolygonTool", "GateTool", "SelectTool", "Tool", "ToolEvent",
           "ToolHost", "VertexTool"]
