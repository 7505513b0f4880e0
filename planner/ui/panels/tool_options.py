"""The tool options bar: what the active tool will make (kind, size) and how to use it."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QStackedWidget, QWidget,
)

from planner.model.layout import AMENITY_KINDS, GATE_KINDS, OBSTACLE_KINDS
from planner.ui.canvas.host import CanvasHost
from planner.ui.canvas.tools import AmenityTool, BoothTool, DrawPolygonTool, GateTool
from planner.ui.canvas.tools.place import BOOTH_SIZES
from planner.render.names import AMENITY, GATE, OBSTACLE, kind_name


class ToolOptions(QStackedWidget):
    def __init__(self, host: CanvasHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.pages: dict[str, int] = {}
        hints = {
            "select": self.tr("Click to select, Shift-click to add, drag on open ground for a band; "
                              "drag to move, arrow keys nudge (Shift: 1 m), hold Ctrl to move freely."),
            "vertices": self.tr("Click an area or a gate, then drag its points; drag an edge to add a point; "
                                "Delete removes the last point touched."),
            "draw_site": self.tr("Click the corners of the site (or drag a rectangle); Enter or double-click "
                                 "finishes, Backspace takes back a point; type 12.5<30 for an exact edge."),
            "draw_zone": self.tr("Click the corners of the zone (or drag a rectangle); Enter or double-click "
                                 "finishes; type 12.5<30 for an exact edge."),
        }
        for name, hint in hints.items():
            self._page(name, [self._hint(hint)])
        obstacle = self.host.tools["draw_obstacle"]
        assert isinstance(obstacle, DrawPolygonTool)
        self.obstacle_kind = self._combo("obstacle_kind", OBSTACLE_KINDS, OBSTACLE, obstacle.kind,
                                         obstacle.set_kind)
        self._page("draw_obstacle", [QLabel(self.tr("Obstacle:")), self.obstacle_kind, self._hint(
            self.tr("Click its corners (or drag a rectangle); Enter or double-click finishes."))])
        gate = self.host.tools["gate"]
        assert isinstance(gate, GateTool)
        self.gate_kind = self._combo("gate_kind", GATE_KINDS, GATE, gate.kind, gate.set_kind)
        self._page("gate", [QLabel(self.tr("Gate:")), self.gate_kind, self._hint(
            self.tr("Drag along the site boundary, or click it for a 6 m gate."))])
        amenity = self.host.tools["amenity"]
        assert isinstance(amenity, AmenityTool)
        self.amenity_kind = self._combo("amenity_kind", AMENITY_KINDS, AMENITY, amenity.kind,
                                        amenity.set_kind)
        self._page("amenity", [QLabel(self.tr("Amenity:")), self.amenity_kind,
                               self._hint(self.tr("Click where it stands."))])
        self._booth_page()
        host.tool_changed.connect(self.show_tool)
        self.show_tool(host.tool.name)

    # -- pages ------------------------------------------------------------------------------
    def _page(self, name: str, widgets: list[QWidget]) -> None:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(6, 0, 6, 0)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        self.pages[name] = self.addWidget(page)

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setEnabled(False)
        return label

    def _combo(self, name: str, values: tuple[str, ...], labels: dict[str, str], current: str,
               setter) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for value in values:
            combo.addItem(kind_name(labels, value), value)
        combo.setCurrentIndex(combo.findData(current))
        combo.currentIndexChanged.connect(lambda i: setter(combo.itemData(i)))
        return combo

    def _booth_page(self) -> None:
        booth = self.host.tools["booth"]
        assert isinstance(booth, BoothTool)
        self.booth_size = QComboBox()
        self.booth_size.setObjectName("booth_size")
        for width, depth in BOOTH_SIZES:
            self.booth_size.addItem(self.tr("{w:g} × {d:g} m").format(w=width, d=depth), (width, depth))
        self.booth_size.addItem(self.tr("Custom"), None)
        self.booth_width = self._metres("booth_width", booth.width)
        self.booth_depth = self._metres("booth_depth", booth.depth)
        self.booth_size.currentIndexChanged.connect(self._size_picked)
        self.booth_width.valueChanged.connect(self._custom_size)
        self.booth_depth.valueChanged.connect(self._custom_size)
        self._page("booth", [QLabel(self.tr("Booth:")), self.booth_size, QLabel(self.tr("width")),
                             self.booth_width, QLabel(self.tr("depth")), self.booth_depth, self._hint(
                                 self.tr("Click to place; R turns it 90°; corners snap to other booths."))])
        self._size_picked(0)

    def _metres(self, name: str, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setObjectName(name)
        box.setRange(0.5, 100.0)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setSuffix(self.tr(" m"))
        box.setValue(value)
        return box

    def _size_picked(self, index: int) -> None:
        size = self.booth_size.itemData(index)
        custom = size is None
        self.booth_width.setEnabled(custom)
        self.booth_depth.setEnabled(custom)
        if not custom:
            with QSignalBlocker(self.booth_width), QSignalBlocker(self.booth_depth):
                self.booth_width.setValue(size[0])
                self.booth_depth.setValue(size[1])
        self._custom_size()

    def _custom_size(self) -> None:
        booth = self.host.tools["booth"]
        assert isinstance(booth, BoothTool)
        booth.set_size(self.booth_width.value(), self.booth_depth.value())

    def show_tool(self, name: str) -> None:
        self.setCurrentIndex(self.pages.get(name, self.pages["select"]))
