"""The planner's SVG icons, drawn for this project; shipped as the data package planner.icons."""
