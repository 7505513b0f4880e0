"""The crowd-flow summary in the status bar: egress time, flow, worst density, findings.

It shows the live analysis's latest result at a glance, coloured against the
layout's own limits (green within, amber close, red over), marks when a run
is going, names an active "what if" scenario, and opens the findings panel
when clicked.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QWidget

from planner.i18n import format_number
from planner.model.layout import Layout
from planner.solver.flow import level_of_service
from planner.solver.live import LiveResult, Scenario
from planner.ui.analysis import LiveAnalysis
from planner.ui.status_widgets import ElidedLabel

GREEN, AMBER, RED, GREY = "#2e7d32", "#b26a00", "#c62828", "#757575"
CLOSE_TO_LIMIT = 0.85     # a figure this near its limit is amber
CROWDED_LOS = ("E", "F")  # levels of service the analysis warns of (zone-crowded): amber at least
QWIDGETSIZE_MAX = (1 << 24) - 1
MIN_WIDTH = 160           # pixels the summary insists on; the rest it gives up in a narrow window
SCENARIO_MIN_CHARS = 14   # the scenario is elided to no fewer characters' room than this (its tooltip has it all)


def duration_text(seconds: float | None) -> str:
    """'4 min 59 s', '8 min', '45 s' (rounded to whole seconds); '—' when there is none."""
    if seconds is None or not math.isfinite(seconds):
        return "—"
    total = int(round(seconds))
    minutes, secs = divmod(total, 60)
    if minutes == 0:
        return QCoreApplication.translate("AnalysisStatus", "{s} s").format(s=secs)
    if secs == 0:
        return QCoreApplication.translate("AnalysisStatus", "{m} min").format(m=minutes)
    return QCoreApplication.translate("AnalysisStatus", "{m} min {s} s").format(m=minutes, s=secs)


def grade(value: float | None, limit: float | None) -> str:
    """The colour of ``value`` against ``limit``: red over it (or none at all), amber close, else green."""
    if value is None or not math.isfinite(value):
        return RED
    if limit is None or limit <= 0:
        return GREEN
    if value > limit:
        return RED
    return AMBER if value >= CLOSE_TO_LIMIT * limit else GREEN


def scenario_text(scenario: Scenario, layout: Layout) -> str:
    """'North Gate closed, visitors 150 %' — what the scenario changes, in words; '' when nothing."""
    if not scenario.active:
        return ""
    parts = []
    names = {g.id: g.name or g.id for g in layout.gates}
    for gate_id in sorted(scenario.closed_gates, key=lambda g: names.get(g, g)):
        parts.append(QCoreApplication.translate("AnalysisStatus", "{gate} closed").format(
            gate=names.get(gate_id, gate_id)))
    if scenario.visitors_percent != 100.0:
        parts.append(QCoreApplication.translate("AnalysisStatus", "visitors {percent} %").format(
            percent=format_number(scenario.visitors_percent)))
    zones = {z.id: z.name or z.id for z in layout.zones}
    for zone_id, percent in scenario.zone_percent:
        if percent != 100.0:
            parts.append(QCoreApplication.translate("AnalysisStatus", "{zone} {percent} %").format(
                zone=zones.get(zone_id, zone_id), percent=format_number(percent)))
    return QCoreApplication.translate("AnalysisStatus", ", ").join(parts)


class AnalysisStatus(QFrame):
    """A clickable row of coloured figures, kept up to date from a LiveAnalysis."""

    clicked = Signal()

    def __init__(self, analysis: LiveAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysis_status")
        self.analysis = analysis
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Crowd-flow analysis of the layout; click to show the findings"))
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        row.setSpacing(10)
        self.busy_label = self._label("analysis_busy")
        self.scenario_label = ElidedLabel()
        self.scenario_label.setObjectName("analysis_scenario")
        self._scenario_full = 0   # the scenario's whole width; it is elided down to its minimum when short of room
        self.egress_label = self._label("analysis_egress")
        self.flow_label = self._label("analysis_flow")
        self.density_label = self._label("analysis_density")
        self.findings_label = self._label("analysis_findings")
        self._reserve_widths()
        row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for label in (self.busy_label, self.scenario_label, self.egress_label, self.flow_label,
                      self.density_label, self.findings_label):
            row.addWidget(label)
        analysis.started.connect(self._started)
        analysis.finished.connect(self._finished)
        # Overlays asked for alone (the walking-time grid, a layer switched on) end with these.
        analysis.overlays_ready.connect(lambda _generation, _result: self._show_busy(analysis.busy))
        analysis.failed.connect(self._failed)
        analysis.scenario_changed.connect(lambda _s: self._show_scenario())
        analysis.enabled_changed.connect(lambda _on: self._show_busy(analysis.busy))
        self._show_scenario()
        self._show_busy(analysis.busy)
        if analysis.result is not None:
            self.show_result(analysis.result)

    def _reserve_widths(self) -> None:
        """Each figure gets the width of its widest likely text, bold, once.

        So a new result never changes the summary's size: the status bar does
        not lay itself out again in the middle of a drag (which could widen
        the window and refit the plan). The height is that of a line with
        Chinese in it, which the status bar's other labels show at times.
        """
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(bold)
        self._busy_width = max(metrics.horizontalAdvance(t)
                               for t in (self.tr("Analysing…"), self.tr("No overlays"))) + 8
        self._bold_metrics = metrics
        self._scenario_min = metrics.horizontalAdvance(self.tr("Scenario: {what}").format(what="")) \
            + SCENARIO_MIN_CHARS * metrics.averageCharWidth()
        self._egress_limit: float | None = None
        self._reserve_egress(self.analysis.document.layout.settings.max_egress_time)
        samples = {
            self.flow_label: [self.tr("Flow {flow} /min").format(flow=format_number(8888.0))],
            self.density_label: [self.tr("Density {density} p/m² (LOS {los})").format(
                density=format_number(88.88, 2), los="F")],
            self.findings_label: [self.tr(", ").join([self.tr("{n} errors").format(n=88),
                                                      self.tr("{n} warnings").format(n=88)]),
                                  self.tr("No problems found"), self.tr("Analysis failed")],
        }
        for label, texts in samples.items():
            label.setFixedWidth(max(metrics.horizontalAdvance(t) for t in texts) + 6)
        tall = QLabel("Ag 美食 灭火器")
        tall.setFont(self.font())
        self.setMinimumHeight(tall.sizeHint().height())

    def _reserve_egress(self, limit: float) -> None:
        """The egress figure's width: the longest time likely against the layout's own limit.

        Worked out again only when the limit is changed, which a drag never does.
        """
        if limit == self._egress_limit:
            return
        self._egress_limit = limit
        long_time = duration_text(88 * 60 + 48)
        self.egress_label.setFixedWidth(max(self._bold_metrics.horizontalAdvance(t) for t in (
            self.tr("Egress {time} / {limit}").format(time=long_time, limit=duration_text(limit)),
            self.tr("Egress: no exit"))) + 6)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _paint(self, label: QLabel, text: str, colour: str) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour != GREY else f"color: {colour};")
        label.setProperty("colour", colour)
        self._fit()

    # -- room ------------------------------------------------------------------------------------------
    # The status bar gives the summary its whole width whenever the window allows, taking room from
    # its lesser neighbours first (see StatusBar). Short of room all the same, the scenario is elided
    # (its tooltip has all of it), then the busy mark's room goes and the least important figures
    # step aside (flow, then density, then the scenario, egress) rather than widen the window,
    # which would resize the plan mid-drag.
    def _gap(self) -> int:
        return self.layout().spacing()

    def _labels_by_priority(self) -> list[QLabel]:
        # The busy mark's room, empty between runs, goes before any figure does.
        return [self.findings_label, self.egress_label, self.scenario_label, self.density_label,
                self.flow_label, self.busy_label]

    def _margins(self) -> int:
        margins = self.layout().contentsMargins()
        return margins.left() + margins.right()

    def _total(self, scenario_width: int) -> int:
        shown = [lb for lb in self._labels_by_priority() if self._wanted(lb)]
        return (sum(scenario_width if lb is self.scenario_label else self._width_of(lb) for lb in shown)
                + self._gap() * max(0, len(shown) - 1) + self._margins())

    def _full_width(self) -> int:
        return self._total(self._scenario_full)

    def essential_width(self) -> int:
        """The width that shows every figure, the scenario (if any) elided to its minimum."""
        return self._total(min(self._scenario_full, self._scenario_min))

    def _wanted(self, label: QLabel) -> bool:
        """Shown, or its room kept: every figure but the scenario has a fixed width, text or not."""
        return bool(label.text()) or label is not self.scenario_label

    def _width_of(self, label: QLabel) -> int:
        if label is self.scenario_label:
            return min(self._scenario_full, self._scenario_min)
        if label.minimumWidth() == label.maximumWidth():
            return label.minimumWidth()
        return label.sizeHint().width()

    def _fit(self) -> None:
        room = self.width() - self._margins()
        used = 0
        full = False          # once a figure has no room, the less important ones step aside too
        for label in self._labels_by_priority():
            wanted = self._wanted(label)
            need = self._width_of(label) + (self._gap() if used else 0)
            fits = wanted and not full and used + need <= room
            if fits:
                used += need
            elif wanted:
                full = True
            label.setVisible(fits)
        if self.scenario_label.isVisibleTo(self):
            # The room left over goes to the scenario, up to its whole text; the rest is elided.
            # The busy mark's empty room between runs goes to it first.
            short = self._scenario_full - self._width_of(self.scenario_label) - max(0, room - used)
            if short > 0 and self.busy_label.isVisibleTo(self) and not self.busy_label.text():
                self.busy_label.hide()
                used -= self._width_of(self.busy_label) + self._gap()
            width = min(self._scenario_full, self._width_of(self.scenario_label) + max(0, room - used))
            if self.scenario_label.width() != width or self.scenario_label.maximumWidth() != width:
                self.scenario_label.setFixedWidth(width)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self._full_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(min(self._full_width(), MIN_WIDTH), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit()

    # -- following the analysis --------------------------------------------------------------------
    def _started(self) -> None:
        self._show_busy(True)

    def _finished(self, _generation: int, result: LiveResult) -> None:
        self._show_busy(False)
        self.show_result(result)

    def _failed(self, message: str) -> None:
        from planner.solver.live import OVERLAYS

        self._show_busy(False)
        if self.analysis.failed_phase == OVERLAYS:
            # The figures shown are right; only the drawing over the plan is missing.
            self._paint(self.busy_label, self.tr("No overlays"), RED)
            self.busy_label.setToolTip(message)
            return
        self._paint(self.findings_label, self.tr("Analysis failed"), RED)
        self.findings_label.setToolTip(message)

    def _show_busy(self, busy: bool) -> None:
        off = not busy and not self.analysis.enabled
        if off:
            self.busy_label.setMinimumWidth(0)
            self.busy_label.setMaximumWidth(QWIDGETSIZE_MAX)
            text = self.tr("Live analysis off (F5 analyses)")
        else:
            self.busy_label.setFixedWidth(self._busy_width)
            text = self.tr("Analysing…") if busy else ""
        self._paint(self.busy_label, text, GREY)
        self.busy_label.setToolTip("")

    def _show_scenario(self) -> None:
        text = scenario_text(self.analysis.scenario, self.analysis.document.layout)
        shown = self.tr("Scenario: {what}").format(what=text) if text else ""
        self._scenario_full = self._bold_metrics.horizontalAdvance(shown) + 6 if shown else 0
        self._paint(self.scenario_label, shown, AMBER)

    def show_result(self, result: LiveResult) -> None:
        report = result.report
        summary = report.summary
        settings = self.analysis.document.layout.settings
        self._show_scenario()
        egress = summary.get("egress_time_s")
        limit = settings.max_egress_time
        self._reserve_egress(limit)
        if summary.get("gates", 0) == 0 and egress is None:
            self._paint(self.egress_label, self.tr("Egress: no exit"), RED)
        else:
            self._paint(self.egress_label, self.tr("Egress {time} / {limit}").format(
                time=duration_text(egress), limit=duration_text(limit)), grade(egress, limit))
        flow = summary.get("max_egress_flow_per_min") or 0.0
        self._paint(self.flow_label, self.tr("Flow {flow} /min").format(flow=format_number(flow)), GREY)
        self._show_density(report, settings.max_density)
        errors, warnings = summary.get("errors", 0), summary.get("warnings", 0)
        if errors:
            colour = RED
        elif warnings:
            colour = AMBER
        else:
            colour = GREEN
        if errors or warnings:
            parts = []
            if errors:
                parts.append((self.tr("{n} error") if errors == 1 else self.tr("{n} errors")).format(n=errors))
            if warnings:
                parts.append((self.tr("{n} warning") if warnings == 1 else self.tr("{n} warnings")).format(
                    n=warnings))
            text = self.tr(", ").join(parts)
        else:
            text = self.tr("No problems found")
        self._paint(self.findings_label, text, colour)
        self.findings_label.setToolTip("")

    def _show_density(self, report, default_limit: float) -> None:
        worst = None
        for zone in report.zones:
            density = zone.get("density")
            if density is not None and math.isfinite(density) and (worst is None or density > worst["density"]):
                worst = zone
        if worst is None:
            self._paint(self.density_label, "", GREY)
            return
        limits = {z.id: z.max_density for z in self.analysis.document.layout.zones}
        limit = limits.get(worst["id"]) or default_limit
        los = worst.get("los") or level_of_service(worst["density"])
        colour = grade(worst["density"], limit)
        if colour == GREEN and los in CROWDED_LOS:
            colour = AMBER                # below the limit, yet crowded: as the zone-crowded warning says
        self._paint(self.density_label, self.tr("Density {density} p/m² (LOS {los})").format(
            density=format_number(worst["density"], 2), los=los), colour)
        self.density_label.setToolTip(self.tr("Most crowded zone: {zone}").format(
            zone=worst.get("name") or worst["id"]))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
            event.accept()
            return
        super().mousePressEvent(event)


__all__ = ["AnalysisStatus", "duration_text", "grade", "scenario_text"]
