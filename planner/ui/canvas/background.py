"""The site plan image under the layout (SPEC §2 ``background``), placed to scale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsPixmapItem

from planner.model.layout import Background
from planner.render.geometry import qt_rotation

Z_BACKGROUND = 0.5     # over the site's fill, under the grid and everything else


def background_transform(background: Background, height_px: int) -> QTransform:
    """Image pixels to scene metres: the bottom-left corner at (x, y), turned about it."""
    t = QTransform()
    t.translate(background.x, -background.y)
    t.rotate(qt_rotation(background.rotation_deg))
    t.scale(background.metres_per_pixel, background.metres_per_pixel)
    t.translate(0, -height_px)
    return t


class BackgroundItem(QGraphicsPixmapItem):
    def __init__(self, background: Background, base_dir: Path | None) -> None:
        super().__init__()
        path = Path(background.image)
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        pixmap = QPixmap(str(path)) if path.is_file() else QPixmap()
        self.loaded = not pixmap.isNull()
        self.setPixmap(pixmap)
        self.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.setTransform(background_transform(background, pixmap.height()))
        self.setOpacity(background.opacity)
        self.setZValue(Z_BACKGROUND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
