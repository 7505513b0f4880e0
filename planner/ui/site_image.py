"""File → Import Site Plan Image…: put a photo or scan of the site under the plan, then calibrate it.

The image's path is stored relative to the layout file's folder (SPEC §2),
so a folder holding the layout and its image can be moved or shared. A
layout never saved keeps the absolute path until its first save; every save
into another folder rewrites the path (``rebase``) so the image is still found.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.model.edits import Batch, Edit, SetPart
from planner.model.layout import Background, Layout
from planner.ui.document import Document
from planner.ui.folders import remember_folder, start_folder

if TYPE_CHECKING:
    from planner.ui.canvas.host import CanvasHost
    from planner.ui.canvas.view import FloorView

EMPTY_METRES_PER_PIXEL = 0.1     # an image under a layout with nothing on it yet
OPACITY = 0.6                    # light enough to draw over
FIT_MARGIN = 0.04


# -- where the image is, as stored ----------------------------------------------------------------
def stored_path(image: Path, folder: Path | None) -> str:
    """How to store ``image``: relative to ``folder`` (with / between names), else absolute."""
    image = Path(os.path.abspath(image))
    if folder is None:
        return str(image)
    try:
        return Path(os.path.relpath(image, os.path.abspath(folder))).as_posix()
    except ValueError:              # another drive (Windows): no relative path exists
        return str(image)


def absolute_path(image: str, folder: Path | None) -> Path:
    path = Path(image)
    if path.is_absolute() or folder is None:
        return path
    return Path(os.path.normpath(Path(folder) / path))


def _backgrounds(document: Document) -> Iterator[Background]:
    """Every background the document holds: the layout's and those its undo history can bring back."""
    seen: set[int] = set()

    def visit(edit: Edit) -> Iterator[Background]:
        if isinstance(edit, SetPart) and edit.part == "background":
            yield from (b for b in (edit._old, edit._new) if isinstance(b, Background))
        elif isinstance(edit, Batch):
            for inner in edit.edits:
                yield from visit(inner)

    candidates: list[Background] = [document.layout.background] if document.layout.background else []
    stack = document.undo_stack
    for i in range(stack.count()):
        edit = getattr(stack.command(i), "edit", None)
        if edit is not None:
            candidates.extend(visit(edit))
    for background in candidates:
        if id(background) not in seen:
            seen.add(id(background))
            yield background


def rebase(document: Document, folder: Path | None) -> Callable[[], None]:
    """Store the image paths relative to ``folder`` (the folder the layout is about to be saved in).

    Returns what puts the paths back, for a save that fails. The paths are
    rewritten in place, not as an undo step: the image stays the same file.
    """
    old_folder = document.path.parent if document.path is not None else None
    before: list[tuple[Background, str]] = []
    for background in _backgrounds(document):
        image = absolute_path(background.image, old_folder)
        if not image.is_absolute():          # relative to an unknown folder: leave it be
            continue
        new = stored_path(image, folder)
        if new != background.image:
            before.append((background, background.image))
            background.image = new

    def restore() -> None:
        for background, image in before:
            background.image = image
    return restore


# -- the first placement ------------------------------------------------------------------------------
def initial_background(layout: Layout, image: str, width_px: int, height_px: int) -> Background:
    """A first guess before calibration: the image over the site's extent, else 0.1 m per pixel.

    A layout with objects on it has a site worth fitting: the image is scaled
    to cover the site's bounding box, centred on it. An empty layout's site is
    only the blank default, so the image comes in at 0.1 m per pixel with its
    bottom-left corner on the site's.
    """
    bounds = layout.site.shape().bounds if layout.site.boundary else None
    has_objects = next(iter(layout.objects()), None) is not None
    if bounds is None:
        return Background(image=image, metres_per_pixel=EMPTY_METRES_PER_PIXEL, opacity=OPACITY)
    x0, y0, x1, y1 = bounds
    if not has_objects or x1 <= x0 or y1 <= y0:
        return Background(image=image, metres_per_pixel=EMPTY_METRES_PER_PIXEL, x=x0, y=y0, opacity=OPACITY)
    scale = max((x1 - x0) / width_px, (y1 - y0) / height_px)
    x = (x0 + x1) / 2 - width_px * scale / 2
    y = (y0 + y1) / 2 - height_px * scale / 2
    return Background(image=image, metres_per_pixel=scale, x=x, y=y, opacity=OPACITY)


# -- the action --------------------------------------------------------------------------------------
class SiteImage(QObject):
    """The window's site plan image commands: import, calibrate, move, remove."""


    def __init__(self, parent: QWidget, document: Document, host: CanvasHost, view: FloorView) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.document = document
        self.host = host
        self.view = view

    def _filter(self) -> str:
        return self.tr("Images (*.png *.jpg *.jpeg);;All files (*)")

    def import_image(self, path: Path | None = None) -> bool:
        """Ask for an image (unless given), put it under the plan as one undo step, start calibrating.

        An image that does not read changes nothing and says why.
        """
        if path is None:
            start = str(start_folder(self.document.path))
            chosen, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Import Site Plan Image"),
                                                    start, self._filter())
            if not chosen:
                return False
            remember_folder(chosen)
            path = Path(chosen)
        reader = QImageReader(str(path))
        reader.setAutoTransform(False)
        size = reader.size()
        if not Path(path).is_file() or not reader.canRead() or size.isEmpty() or reader.read().isNull():
            reason = reader.errorString() if Path(path).is_file() else self.tr("There is no such file.")
            QMessageBox.warning(self.parent_widget, self.tr("Cannot Import Image"),
                                self.tr("“{file}” cannot be read as a PNG or JPEG image: {reason}").format(
                                    file=str(path), reason=reason))
            return False
        folder = self.document.path.parent if self.document.path is not None else None
        layout = self.document.layout
        background = initial_background(layout, stored_path(Path(path), folder), size.width(), size.height())
        self.document.push(SetPart(layout, "background", background,
                                   label=self.tr("Import site plan image")))
        self.show_image()
        if self.host.tool.name == "calibrate":
            self.host.tool.activate()       # starts over and says what to do
        else:
            self.host.set_tool("calibrate")
        return True

    def show_image(self) -> None:
        """Zoom the view to the image and the layout together, so both points can be clicked."""
        item = self.host.scene.background_item
        if item is None:
            return
        rect: QRectF = item.sceneBoundingRect().united(self.host.scene.layout_rect())
        port = self.view.viewport().rect()
        if rect.isEmpty() or port.isEmpty():
            return
        zoom = min(port.width() * (1 - 2 * FIT_MARGIN) / rect.width(),
                   port.height() * (1 - 2 * FIT_MARGIN) / rect.height())
        self.view.set_zoom(zoom)
        self.view.centerOn(rect.center())

    def calibrate(self) -> None:
        self.host.set_tool("calibrate")

    def move_image(self) -> None:
        self.host.set_tool("move_image")

    def remove(self) -> bool:
        if self.document.layout.background is None:
            return False
        self.document.push(SetPart(self.document.layout, "background", None,
                                   label=self.tr("Remove site plan image")))
        if self.host.tool.name in ("calibrate", "move_image"):
            self.host.set_tool("select")
        return True
