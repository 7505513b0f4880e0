"""The layers panel: a check box to show each layer, a padlock to keep it from being picked."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox, QFrame, QGridLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget,
)

from planner.ui.canvas.layers import ANALYSIS_LAYERS, LAYERS, Layers, layer_name
from planner.ui.icons import icon


def lock_icon() -> QIcon:
    """A closed padlock when checked, a faint open one when not."""
    result = QIcon()
    for name, state in (("lock", QIcon.State.On), ("lock-open", QIcon.State.Off)):
        for size in (16, 24, 32):
            result.addPixmap(icon(name).pixmap(size, size), QIcon.Mode.Normal, state)
    return result


class LayersPanel(QWidget):
    def __init__(self, layers: Layers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layers = layers
        self.shown: dict[str, QCheckBox] = {}
        self.locks: dict[str, QToolButton] = {}
        # The rows scroll when the dock is short, so the panel never squeezes the docks beside it.
        inner = QWidget()
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        grid = QGridLayout(inner)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(2)
        hint = QLabel(self.tr("Shown"))
        hint.setEnabled(False)
        grid.addWidget(hint, 0, 0)
        lock_hint = QLabel(self.tr("Locked"))
        lock_hint.setEnabled(False)
        grid.addWidget(lock_hint, 0, 1)
        for row, (key, _) in enumerate(LAYERS, start=1):
            box = QCheckBox(layer_name(key))
            box.setObjectName(f"layer_{key}")
            box.setToolTip(self.tr("Show or hide this layer"))
            box.toggled.connect(lambda on, k=key: layers.set_visible(k, on))
            grid.addWidget(box, row, 0)
            self.shown[key] = box
            if key in ("labels",):
                continue
            lock = QToolButton()
            lock.setObjectName(f"lock_{key}")
            lock.setCheckable(True)
            lock.setAutoRaise(True)
            lock.setIcon(lock_icon())
            lock.setIconSize(QSize(16, 16))
            lock.setToolTip(self.tr("Lock this layer: its objects cannot be picked or changed"))
            lock.toggled.connect(lambda on, k=key: layers.set_locked(k, on))
            grid.addWidget(lock, row, 1)
            self.locks[key] = lock
        row = len(LAYERS) + 1
        heading = QLabel(self.tr("Analysis"))
        heading.setEnabled(False)
        grid.addWidget(heading, row, 0)
        for row, (key, _) in enumerate(ANALYSIS_LAYERS, start=row + 1):
            box = QCheckBox(layer_name(key))
            box.setObjectName(f"layer_{key}")
            box.setToolTip(self.tr("Show or hide this part of the analysis on the plan"))
            box.toggled.connect(lambda on, k=key: layers.set_visible(k, on))
            grid.addWidget(box, row, 0)
            self.shown[key] = box
        grid.setRowStretch(row + 1, 1)
        grid.setColumnStretch(0, 1)
        layers.changed.connect(self._show)
        for key, _ in LAYERS + ANALYSIS_LAYERS:
            self._show(key)

    def _show(self, key: str) -> None:
        self.shown[key].setChecked(self.layers.visible(key))
        if key in self.locks:
            self.locks[key].setChecked(self.layers.locked(key))
