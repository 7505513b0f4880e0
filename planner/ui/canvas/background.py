"""The site plan image under the layout (SPEC §2 ``background``), placed to scale.

The item reads the image file once; a change of scale, place, turn or
opacity only changes its transform, so dragging the opacity slider or the
image itself does not reread a large photo each step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsPixmapItem

from planner.model.layout import Background
from planner.render.geometry import qt_rotation, to_model, to_scene

Z_BACKGROUND = 0.5     # over the site's fill, under the grid and everything else


def image_path(background: Background, base_dir: Path | None) -> Path:
    """Where the image file is: its path as stored, taken from the layout file's folder when relative."""
    path = Path(background.image)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    return path


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
        self.path = image_path(background, base_dir)
        pixmap = QPixmap(str(self.path)) if self.path.is_file() else QPixmap()
        self.loaded = not pixmap.isNull()
        self.setPixmap(pixmap)
        self.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.setZValue(Z_BACKGROUND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.set_background(background)

    def shows(self, background: Background, base_dir: Path | None) -> bool:
        """The item already holds the image file of ``background``."""
        return self.loaded and image_path(background, base_dir) == self.path

    def set_background(self, background: Background) -> None:
        """Follow a new scale, place, turn or opacity of the same image."""
        self.setTransform(background_transform(background, self.pixmap().height()))
        self.setOpacity(background.opacity)

    def size_px(self) -> tuple[int, int]:
        return self.pixmap().width(), self.pixmap().height()

    def covers(self, x: float, y: float) -> bool:
        """Model point (x, y) lies on the image (a drag there grabs it)."""
        local = self.mapFromScene(to_scene(x, y))
        return self.boundingRect().contains(local)

    def pixel_at(self, x: float, y: float) -> tuple[float, float]:
        """The image pixel (column, row from the top) under model point (x, y)."""
        local = self.mapFromScene(to_scene(x, y))
        return local.x(), local.y()

    def model_point(self, column: float, row: float) -> tuple[float, float]:
        """Model metres of image pixel (column, row from the top), placed as the item is now."""
        return to_model(self.mapToScene(QPointF(column, row)))
