"""The project's SVG icons (icons/), loaded as QIcons.

Qt's SVG icon engine ships in PySide6-Essentials; should it be missing, the
icon is rendered through QSvgRenderer at the usual sizes instead.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from planner.resources import icons_dir

APP_ICON = "festival-planner"
_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"no icon {name!r} in {icons_dir()}")
    loaded = QIcon(str(path))
    if not loaded.isNull() and not loaded.pixmap(QSize(24, 24)).isNull():
        return loaded
    return _rendered(str(path))


def _rendered(path: str) -> QIcon:
    renderer = QSvgRenderer(path)
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result
