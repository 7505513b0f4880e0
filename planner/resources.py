"""Where the bundled layouts and icons are, in a checkout and in an installed wheel.

The repository keeps ``layouts/`` and ``icons/`` at its top level; the wheel
carries them as the data packages ``planner.layouts`` and ``planner.icons``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

WEST_LAKE = "west-lake-2018.festival.json"


def _package_dir(package: str, top_level: str) -> Path:
    try:
        found = Path(str(resources.files(package)))
        if found.is_dir():
            return found
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / top_level


def layouts_dir() -> Path:
    return _package_dir("planner.layouts", "layouts")


def icons_dir() -> Path:
    return _package_dir("planner.icons", "icons")


def bundled_layout(name: str = WEST_LAKE) -> Path:
    """Path of a bundled layout, such as the West Lake festival or ``examples/…``."""
    return layouts_dir() / name
