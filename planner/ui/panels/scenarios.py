"""The Analysis dock's "what if": more or fewer visitors, some gates closed.

A scenario never touches the document: the live analysis applies it to the
copy of the layout it sends to its worker, so the plan, its undo history and
its saved file stay as drawn while the planner tries out a busier day or a
gate the police close.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QVBoxLayout,
    QWidget,
)

from planner.model.layout import Change, Layout
from planner.solver.live import Scenario
from planner.ui.analysis import LiveAnalysis
from planner.ui.analysis_status import scenario_text

MIN_PERCENT, MAX_PERCENT, STEP_PERCENT = 0, 1000, 10


class ScenariosPanel(QWidget):
    """Visitor multipliers (all zones and per zone) and a "closed" box per gate."""

    def __init__(self, analysis: LiveAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis = analysis
        self.document = analysis.document
        self.state = QLabel()
        self.state.setObjectName("scenario_state")
        self.state.setWordWrap(True)
        self.all_visitors = self._percent_box("visitors_percent")
        self.all_visitors.setToolTip(self.tr("Peak visitors of every zone, as a share of the plan's figures"))
        self.zone_box = QGroupBox(self.tr("Visitors per zone"))
        self.zone_form = QFormLayout(self.zone_box)
        self.gate_box = QGroupBox(self.tr("Closed gates"))
        self.gate_list = QVBoxLayout(self.gate_box)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("scenario_reset")
        self.reset_button.setToolTip(self.tr("Analyse the plan as drawn again"))
        self.reset_button.clicked.connect(self.reset)
        top = QFormLayout()
        top.addRow(self.tr("All visitors:"), self.all_visitors)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        # A festival has many zones and gates: the controls scroll rather than stretch the window.
        content = QWidget()
        scroll = QScrollArea()
        scroll.setObjectName("scenario_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        box = QVBoxLayout(content)
        box.setContentsMargins(6, 6, 6, 6)
        intro = QLabel(self.tr("Try a busier day or a closed gate: the analysis uses these figures, "
                               "the plan itself does not change."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        box.addLayout(top)
        box.addWidget(self.zone_box)
        box.addWidget(self.gate_box)
        box.addLayout(buttons)
        box.addWidget(self.state)
        box.addStretch(1)
        self.zone_boxes: dict[str, QSpinBox] = {}
        self.gate_boxes: dict[str, QCheckBox] = {}
        self._signature: tuple | None = None
        self._updating = False
        self._followed: Layout | None = None
        self.all_visitors.valueChanged.connect(self._edited)
        self.document.layout_replaced.connect(self._follow)
        analysis.scenario_changed.connect(self._show_state)
        self._follow(self.document.layout)

    def _percent_box(self, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(MIN_PERCENT, MAX_PERCENT)
        spin.setSingleStep(STEP_PERCENT)
        spin.setValue(100)
        spin.setSuffix(" %")
        spin.setKeyboardTracking(False)
        return spin

    # -- following the layout's zones and gates ---------------------------------------------------------
    def _follow(self, layout: Layout) -> None:
        if self._followed is not None:
            self._followed.unsubscribe(self._changed)
        self._followed = layout
        layout.subscribe(self._changed)
        self._rebuild()

    def detach(self) -> None:
        if self._followed is not None:
            self._followed.unsubscribe(self._changed)
            self._followed = None

    def _changed(self, _change: Change) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        layout = self.document.layout
        signature = (tuple((z.id, z.name, z.peak_visitors) for z in layout.zones),
                     tuple((g.id, g.name, g.kind, round(g.width, 2)) for g in layout.gates))
        if signature == self._signature:
            return
        self._signature = signature
        scenario = self.analysis.scenario
        self._updating = True
        try:
            while self.zone_form.rowCount():
                self.zone_form.removeRow(0)
            self.zone_boxes = {}
            own = dict(scenario.zone_percent)
            for zone in layout.zones:
                spin = self._percent_box(f"zone_percent_{zone.id}")
                spin.setValue(round(own.get(zone.id, 100.0)))
                spin.setToolTip(self.tr("{visitors} visitors at peak in the plan").format(visitors=zone.peak_visitors))
                spin.valueChanged.connect(self._edited)
                self.zone_form.addRow(zone.name or zone.id, spin)
                self.zone_boxes[zone.id] = spin
            for check in self.gate_boxes.values():
                self.gate_list.removeWidget(check)
                check.deleteLater()
            self.gate_boxes = {}
            for gate in layout.gates:
                # Its width says what closing it costs: the crowd's flow out is in proportion to it.
                check = QCheckBox(self.tr("{gate} ({width} m) closed").format(
                    gate=gate.name or gate.id, width=f"{gate.width:.1f}"))
                check.setObjectName(f"close_gate_{gate.id}")
                check.setChecked(gate.id in scenario.closed_gates)
                check.toggled.connect(self._edited)
                self.gate_list.addWidget(check)
                self.gate_boxes[gate.id] = check
            self.zone_box.setVisible(bool(self.zone_boxes))
            self.gate_box.setVisible(bool(self.gate_boxes))
        finally:
            self._updating = False
        # Zones or gates that went away take their part of the scenario with them.
        self._edited()

    # -- the scenario ---------------------------------------------------------------------------------
    def scenario(self) -> Scenario:
        """The scenario the controls describe."""
        return Scenario(
            visitors_percent=float(self.all_visitors.value()),
            zone_percent=tuple((zone_id, float(spin.value())) for zone_id, spin in self.zone_boxes.items()
                               if spin.value() != 100),
            closed_gates=frozenset(g for g, check in self.gate_boxes.items() if check.isChecked()))

    def _edited(self, *_args: object) -> None:
        if self._updating:
            return
        self.analysis.set_scenario(self.scenario())
        self._show_state()

    def reset(self) -> None:
        """Back to the plan as drawn."""
        # The button goes grey: Qt would hand its focus to the first field and scroll there.
        if self.reset_button.hasFocus() or self.window().focusWidget() is self.reset_button:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._updating = True
        try:
            self.all_visitors.setValue(100)
            for spin in self.zone_boxes.values():
                spin.setValue(100)
            for check in self.gate_boxes.values():
                check.setChecked(False)
        finally:
            self._updating = False
        self._edited()

    def _show_state(self, *_args: object) -> None:
        text = scenario_text(self.analysis.scenario, self.document.layout)
        self.state.setText(self.tr("Scenario: {what}").format(what=text) if text
                           else self.tr("The analysis uses the plan as drawn."))
        self.reset_button.setEnabled(bool(text))
        self.state.setAlignment(Qt.AlignmentFlag.AlignLeft)


__all__ = ["ScenariosPanel"]
