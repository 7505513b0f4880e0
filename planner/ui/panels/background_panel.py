"""The "Site Plan Image" panel: the image under the plan, its scale, place, turn, opacity and lock.

Every change is one ``SetFields`` (or ``SetPart``) on the document: spin-box
steps of one burst merge, and one drag of the opacity slider is one undo
step. The panel refills whenever the layout's background changes, so undo
shows at once.
"""

from __future__ import annotations

from itertools import count
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget,
)

from planner.model.edits import SetFields
from planner.model.layout import Background, Change, Layout
from planner.ui.canvas.background import image_path
from planner.ui.canvas.tools.calibrate import image_centre, turned_about
from planner.ui.icons import icon
from planner.ui.site_image import SiteImage


class BackgroundPanel(QWidget):
    def __init__(self, site_image: SiteImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site_image = site_image
        self.document = site_image.document
        self.scene = site_image.host.scene
        self._drags = count()
        self._drag = next(self._drags)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.file_label = QLabel()
        self.file_label.setObjectName("site_image_file")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.file_label)
        self.import_button = QPushButton(icon("image"), self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Put a PNG or JPEG of the site under the plan"))
        self.import_button.clicked.connect(lambda: self.site_image.import_image())
        outer.addWidget(self.import_button)

        form = QFormLayout()
        self.scale = self._spin(0.000001, 10000.0, 6, self.tr(" m/px"), "metres_per_pixel")
        self.scale.setToolTip(self.tr("Metres on the ground per pixel of the image"))
        self.x = self._spin(-1e6, 1e6, 2, self.tr(" m"), "x")
        self.y = self._spin(-1e6, 1e6, 2, self.tr(" m"), "y")
        for box in (self.x, self.y):
            box.setToolTip(self.tr("Where the image's bottom-left corner lies on the plan"))
        self.rotation = self._spin(-180.0, 180.0, 2, "°", "rotation_deg")
        self.rotation.setWrapping(True)
        self.rotation.setToolTip(self.tr("Counter-clockwise; the image turns about its centre"))
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setObjectName("site_image_opacity")
        self.opacity.setRange(0, 100)
        self.opacity.sliderPressed.connect(self._new_drag)
        self.opacity.valueChanged.connect(self._opacity_changed)
        self.opacity_label = QLabel()
        opacity_row = QHBoxLayout()
        opacity_row.addWidget(self.opacity, 1)
        opacity_row.addWidget(self.opacity_label)
        self.locked = QCheckBox(self.tr("Locked"))
        self.locked.setObjectName("site_image_locked")
        self.locked.setToolTip(self.tr("Keep the image from being calibrated, moved or turned"))
        self.locked.toggled.connect(self._lock_toggled)
        form.addRow(self.tr("Scale:"), self.scale)
        form.addRow(self.tr("Corner x:"), self.x)
        form.addRow(self.tr("Corner y:"), self.y)
        form.addRow(self.tr("Rotation:"), self.rotation)
        form.addRow(self.tr("Opacity:"), opacity_row)
        form.addRow("", self.locked)
        outer.addLayout(form)

        buttons = QHBoxLayout()
        self.calibrate_button = QPushButton(icon("calibrate"), self.tr("Calibrate…"))
        self.calibrate_button.setToolTip(self.tr("Click two points on the image and type their real distance"))
        self.calibrate_button.clicked.connect(self.site_image.calibrate)
        self.move_button = QPushButton(self.tr("Move"))
        self.move_button.setToolTip(self.tr("Drag the image into place; [ and ] turn it"))
        self.move_button.clicked.connect(self.site_image.move_image)
        self.remove_button = QPushButton(self.tr("Remove image"))
        self.remove_button.clicked.connect(self.site_image.remove)
        for button in (self.calibrate_button, self.move_button, self.remove_button):
            buttons.addWidget(button)
        outer.addLayout(buttons)
        outer.addStretch(1)
        self._editors: list[QWidget] = [self.scale, self.x, self.y, self.rotation, self.opacity, self.locked,
                                        self.calibrate_button, self.move_button, self.remove_button]

        # Follow the document's layout; stop when the panel goes (the layout may outlive it).
        following: list[tuple[Layout, Any] | None] = [None]
        self._following = following
        self.document.layout_replaced.connect(self._follow)
        self.document.path_changed.connect(lambda _path: self.refresh())
        self._follow(self.document.layout)

        def forget(*_: object) -> None:
            if following[0] is not None:
                layout, listener = following[0]
                layout.unsubscribe(listener)
                following[0] = None

        self.destroyed.connect(forget)

    # -- building ------------------------------------------------------------------------------
    def _spin(self, low: float, high: float, decimals: int, suffix: str, name: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setObjectName(f"site_image_{name}")
        box.setRange(low, high)
        box.setDecimals(decimals)
        box.setSuffix(suffix)
        box.setKeyboardTracking(False)
        box.setAccelerated(True)
        box.valueChanged.connect(lambda value, n=name: self._field_changed(n, value))
        return box

    # -- following ---------------------------------------------------------------------------------
    def _follow(self, layout: Layout) -> None:
        self.detach()
        layout.subscribe(self._on_change)
        self._following[0] = (layout, self._on_change)
        self.refresh()

    def detach(self) -> None:
        """Stop following the layout (before the panel goes away)."""
        if self._following[0] is not None:
            layout, listener = self._following[0]
            layout.unsubscribe(listener)
            self._following[0] = None

    def _on_change(self, change: Change) -> None:
        if "background" in change.parts:
            self.refresh()

    def refresh(self) -> None:
        """Show the layout's background as it is now."""
        background = self.document.layout.background
        has = background is not None
        for widget in self._editors:
            widget.setEnabled(has)
        self.import_button.setText(self.tr("Replace…") if has else self.tr("Import…"))
        if background is None:
            self.file_label.setText(self.tr("No site plan image. Import a PNG or JPEG of the site, then "
                                            "calibrate it with two points a known distance apart."))
            self.opacity_label.setText("")
            return
        name = Path(background.image).name
        folder = self.document.path.parent if self.document.path is not None else None
        item = self.scene.background_item
        if not image_path(background, folder).is_file():
            self.file_label.setText(self.tr("<b>{name}</b> – not found at {path}").format(
                name=name, path=background.image))
        elif item is not None:
            width, height = item.size_px()
            self.file_label.setText(self.tr("<b>{name}</b> ({width} × {height} px)").format(
                name=name, width=width, height=height))
        else:
            self.file_label.setText(self.tr("<b>{name}</b>").format(name=name))
        self.file_label.setToolTip(background.image)
        for box, value in ((self.scale, background.metres_per_pixel), (self.x, background.x),
                           (self.y, background.y), (self.rotation, background.rotation_deg)):
            with QSignalBlocker(box):
                box.setValue(value)
        with QSignalBlocker(self.opacity):
            self.opacity.setValue(round(background.opacity * 100))
        self.opacity_label.setText(self.tr("{percent} %").format(percent=round(background.opacity * 100)))
        with QSignalBlocker(self.locked):
            self.locked.setChecked(background.locked)
        editable = not background.locked
        for widget in (self.scale, self.x, self.y, self.rotation, self.calibrate_button, self.move_button):
            widget.setEnabled(editable)

    # -- editing ---------------------------------------------------------------------------------
    def _push(self, fields: dict[str, Any], label: str, merge: object = None) -> None:
        layout = self.document.layout
        if layout.background is None:
            return
        self.document.push(SetFields(layout, {"background": fields}, label=label), merge_key=merge)

    def _field_changed(self, name: str, value: float) -> None:
        background: Background | None = self.document.layout.background
        if background is None or getattr(background, name) == value:
            return
        if name == "rotation_deg":
            item = self.scene.background_item
            if item is not None:
                centre = image_centre(background, *item.size_px())
                self._push(turned_about(background, value - background.rotation_deg, centre),
                           self.tr("Turn site plan image"), merge=("site image", name))
                return
        labels = {"metres_per_pixel": self.tr("Scale site plan image"), "x": self.tr("Move site plan image"),
                  "y": self.tr("Move site plan image"), "rotation_deg": self.tr("Turn site plan image")}
        self._push({name: value}, labels[name], merge=("site image", name))

    def _new_drag(self) -> None:
        self._drag = next(self._drags)

    def _opacity_changed(self, value: int) -> None:
        background = self.document.layout.background
        if background is None or round(background.opacity * 100) == value:
            return
        self._push({"opacity": value / 100}, self.tr("Change site plan image opacity"),
                   merge=("site image opacity", self._drag))

    def _lock_toggled(self, locked: bool) -> None:
        label = self.tr("Lock site plan image") if locked else self.tr("Unlock site plan image")
        self._push({"locked": locked}, label)
