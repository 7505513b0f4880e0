"""Docked panels: properties, layers, tool options."""
