"""The tool options bar: what the active tool will make (kind, size) and how to use it."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QStackedWidget, QToolButton, QWidget,
)

from planner.model.layout import AMENITY_KINDS, GATE_KINDS, OBSTACLE_KINDS
from planner.ui.canvas.host import CanvasHost
from planner.ui.canvas.tools import AmenityTool, BoothTool, DrawPolygonTool, GateTool
from planner.ui.canvas.tools.block import BlockTool
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
            "calibrate": self.tr("Click two points on the site plan image whose distance you know, type it in "
                                 "metres (40, or 40<90 to turn the line to a bearing) and press Enter."),
            "move_image": self.tr("Drag the image: the point you grab lands where you let go, on a corner or "
                                  "edge of the plan (Ctrl: freely); [ and ] turn it."),
            "route": self.tr("Click where the walk starts and where it ends: a gate, a booth, an amenity, a "
                             "zone or any point (Ctrl: exactly there); Esc clears the route."),
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
        self._block_page()
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
                                 self.tr("Click to place; R turns it 90°; it snaps flush against nearby booths, Ctrl places it freely."))])
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

    def _block_page(self) -> None:
        """Mode, booth size, single or back-to-back rows, aisles, cross aisles, orientation, side of a line."""
        block = self.host.tools["block"]
        assert isinstance(block, BlockTool)
        p = block.params
        self.block_mode = QComboBox()
        self.block_mode.setObjectName("block_mode")
        self.block_mode.addItem(self.tr("Rectangle or zone"), "block")
        self.block_mode.addItem(self.tr("Along a line"), "line")
        self.block_mode.currentIndexChanged.connect(self._block_mode_picked)
        self.block_size = QComboBox()
        self.block_size.setObjectName("block_size")
        for width, depth in BOOTH_SIZES:
            self.block_size.addItem(self.tr("{w:g} × {d:g} m").format(w=width, d=depth), (width, depth))
        self.block_size.addItem(self.tr("Custom"), None)
        self.block_width = self._metres("block_width", p.width)
        self.block_depth = self._metres("block_depth", p.depth)
        self.block_rows = QComboBox()
        self.block_rows.setObjectName("block_rows")
        self.block_rows.addItem(self.tr("Back to back"), True)
        self.block_rows.addItem(self.tr("Single rows"), False)
        self.block_aisle = self._metres("block_aisle", p.aisle)
        self.block_aisle.setMinimum(0.0)
        self.block_cross = QSpinBox()
        self.block_cross.setObjectName("block_cross_every")
        self.block_cross.setRange(0, 200)
        self.block_cross.setSpecialValueText(self.tr("none"))
        self.block_cross.setValue(p.cross_every)
        self.block_cross.setToolTip(self.tr("A cross aisle after every this many booths along a row"))
        self.block_rotation = QSpinBox()
        self.block_rotation.setObjectName("block_rotation")
        self.block_rotation.setRange(0, 359)
        self.block_rotation.setSingleStep(15)
        self.block_rotation.setWrapping(True)
        self.block_rotation.setSuffix(self.tr("°"))
        self.block_rotation.setToolTip(self.tr("Direction the rows run, counter-clockwise from east; in a zone, "
                                               "from the zone's long side (R turns 90°)"))
        self.block_corners = QToolButton()
        self.block_corners.setObjectName("block_corners")
        self.block_corners.setText(self.tr("Corners"))
        self.block_corners.setCheckable(True)
        self.block_corners.setChecked(p.corner_ends)
        self.block_corners.setToolTip(self.tr("Booths at the ends of rows and beside cross aisles are open "
                                              "there too (corner booths)"))
        self.block_corners.toggled.connect(self._block_changed)
        self.block_side = QComboBox()
        self.block_side.setObjectName("block_side")
        self.block_side.addItem(self.tr("left of the line"), "left")
        self.block_side.addItem(self.tr("right of the line"), "right")
        self.block_size.currentIndexChanged.connect(self._block_size_picked)
        for box in (self.block_width, self.block_depth, self.block_aisle):
            box.valueChanged.connect(self._block_changed)
        for spin in (self.block_cross, self.block_rotation):
            spin.valueChanged.connect(self._block_changed)
        self.block_rows.currentIndexChanged.connect(self._block_changed)
        self.block_side.currentIndexChanged.connect(lambda i: block.set_side(self.block_side.itemData(i)))
        self.block_width.setToolTip(self.tr("Booth width (frontage)"))
        self.block_depth.setToolTip(self.tr("Booth depth, front to back"))
        self.block_aisle.setToolTip(self.tr("Clear width of the aisles between rows"))
        # The page stays narrow enough for a 1400-pixel window: how to use the tool is the mode's tooltip.
        self._page("block", [self.block_mode, self.block_size, self.block_width, self.block_depth,
                             self.block_rows, QLabel(self.tr("aisle")), self.block_aisle,
                             QLabel(self.tr("cross every")), self.block_cross, self.block_corners,
                             self.block_rotation, self.block_side])
        self._block_size_picked(0)
        self._block_mode_picked(0)
        block.params_changed.append(self.sync_block_rotation)

    def _block_size_picked(self, index: int) -> None:
        size = self.block_size.itemData(index)
        custom = size is None
        self.block_width.setEnabled(custom)
        self.block_depth.setEnabled(custom)
        if not custom:
            with QSignalBlocker(self.block_width), QSignalBlocker(self.block_depth):
                self.block_width.setValue(size[0])
                self.block_depth.setValue(size[1])
        self._block_changed()

    def _block_mode_picked(self, index: int) -> None:
        block = self.host.tools["block"]
        assert isinstance(block, BlockTool)
        mode = self.block_mode.itemData(index)
        block.set_mode(mode)
        line = mode == "line"
        self.block_side.setVisible(line)
        self.block_rotation.setEnabled(not line)
        self.block_mode.setToolTip(
            self.tr("Click the points of the line, Enter or double-click places the booths; back to back "
                    "puts them on both sides.") if line else
            self.tr("Drag a rectangle, or click inside a zone to fill it; R turns the rows 90°."))

    def _block_changed(self, *_args) -> None:
        block = self.host.tools["block"]
        assert isinstance(block, BlockTool)
        block.set_params(width=self.block_width.value(), depth=self.block_depth.value(),
                         back_to_back=bool(self.block_rows.currentData()), aisle=self.block_aisle.value(),
                         cross_every=self.block_cross.value(), rotation=float(self.block_rotation.value()),
                         corner_ends=self.block_corners.isChecked())

    def sync_block_rotation(self) -> None:
        """Show the block tool's orientation after R or [ ] turned it."""
        block = self.host.tools["block"]
        assert isinstance(block, BlockTool)
        with QSignalBlocker(self.block_rotation):
            self.block_rotation.setValue(round(block.params.rotation) % 360)

    def show_tool(self, name: str) -> None:
        self.setCurrentIndex(self.pages.get(name, self.pages["select"]))
