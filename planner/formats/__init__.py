"""Files in and out of the planner: layout JSON (and later CSV, GeoJSON). No Qt."""

from planner.formats.layout_json import (
    FORMAT_NAME, FORMAT_VERSION, MAX_FILE_BYTES, LayoutFileError, LayoutWriteError,
    dumps_layout, layout_from_dict, layout_to_dict, loads_layout, read_layout, write_layout,
)

__all__ = [
    "FORMAT_NAME", "FORMAT_VERSION", "MAX_FILE_BYTES", "LayoutFileError", "LayoutWriteError",
    "dumps_layout", "layout_from_dict", "layout_to_dict", "loads_layout", "read_layout",
    "write_layout",
]
