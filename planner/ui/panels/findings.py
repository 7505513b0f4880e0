"""The Findings dock: what the live analysis found, by severity then rule.

The messages are the report's own (translated by the core), so the panel, the
command line's ``check`` and the printed safety sheet say the same thing.
Picking a finding selects its objects and brings its place into view;
double-clicking it also opens the objects' properties. Picking a rule or a
severity row selects the objects of all its findings at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from planner.i18n import format_number
from planner.render.geometry import to_scene
from planner.render.names import RULE, kind_name
from planner.solver.live import LiveResult
from planner.solver.report import Finding
from planner.ui.analysis import LiveAnalysis
from planner.ui.canvas.view import FloorView
from planner.ui.document import Document
from planner.ui.selection import Selection

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITIES = ("error", "warning")
CONTEXT_M = 30.0            # metres shown at least around a finding brought into view
ZOOM_MARGIN = 3.0           # the finding's objects fill about a third of the view
GROUP_MARGIN = 1.2          # a whole group's objects fill most of it


class FindingsPanel(QWidget):
    """A tree of findings; the window connects ``properties_requested`` to its Properties dock."""

    properties_requested = Signal()

    def __init__(self, analysis: LiveAnalysis, document: Document, selection: Selection, view: FloorView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis = analysis
        self.document = document
        self.selection = selection
        self.view = view
        self.header = QLabel()
        self.header.setObjectName("findings_header")
        self.header.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("findings_tree")
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.header)
        box.addWidget(self.tree, 1)
        self.tree.itemSelectionChanged.connect(self._picked)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        analysis.started.connect(self._started)
        analysis.finished.connect(self._finished)
        analysis.failed.connect(self._failed)
        self.result: LiveResult | None = None
        if analysis.result is not None:
            self.show_result(analysis.result)
        else:
            self.header.setText(self.tr("Analysing the layout…") if analysis.enabled
                                else self.tr("The live analysis is off."))

    # -- following the analysis ------------------------------------------------------------------
    def _started(self) -> None:
        if self.result is None:
            self.header.setText(self.tr("Analysing the layout…"))

    def _finished(self, _generation: int, result: LiveResult) -> None:
        self.show_result(result)

    def _failed(self, message: str) -> None:
        self.header.setText(message)

    def show_result(self, result: LiveResult) -> None:
        """Fill the tree from ``result``, keeping the picked finding when it is still there."""
        self.result = result
        report = result.report
        kept = self._key(self.current_finding())
        errors, warnings = len(report.errors), len(report.warnings)
        if errors or warnings:
            self.header.setText(self.tr("Pick a finding to see it on the plan; double-click it to edit its "
                                        "objects."))
        else:
            self.header.setText(self.tr("No problems found: every rule of the analysis is met."))
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            again = None
            for severity in SEVERITIES:
                items = [f for f in report.findings if f.severity == severity]
                if not items:
                    continue
                title = (self.tr("Errors ({n})") if severity == "error" else self.tr("Warnings ({n})"))
                group = QTreeWidgetItem(self.tree, [title.format(n=len(items))])
                group.setData(0, Qt.ItemDataRole.UserRole, severity)
                _bold(group)
                by_rule: dict[str, list[Finding]] = {}
                for finding in items:
                    by_rule.setdefault(finding.rule, []).append(finding)
                for rule, found in by_rule.items():
                    rule_item = QTreeWidgetItem(group, [self.tr("{rule} ({n})").format(
                        rule=kind_name(RULE, rule), n=len(found))])
                    rule_item.setToolTip(0, rule)      # the id the command line and the JSON report use
                    rule_item.setData(0, Qt.ItemDataRole.UserRole, rule)
                    for finding in found:
                        item = QTreeWidgetItem(rule_item, [finding.message])
                        item.setData(0, FINDING_ROLE, finding)
                        item.setToolTip(0, self._tip(finding))
                        if kept is not None and self._key(finding) == kept:
                            again = item
            self.tree.expandAll()
            if again is not None:
                self.tree.setCurrentItem(again)
        finally:
            self.tree.blockSignals(False)

    def _tip(self, finding: Finding) -> str:
        lines = [finding.message]
        if finding.value is not None and finding.limit is not None:
            lines.append(self.tr("value {value}, limit {limit}").format(
                value=format_number(finding.value, 2), limit=format_number(finding.limit, 2)))
        if finding.objects:
            lines.append(", ".join(finding.objects))
        return "\n".join(lines)

    @staticmethod
    def _key(finding: Finding | None) -> tuple | None:
        if finding is None:
            return None
        return (finding.rule, tuple(finding.objects), finding.location)

    # -- reading ----------------------------------------------------------------------------------
    def findings(self) -> list[tuple[QTreeWidgetItem, Finding]]:
        """Every finding row, top to bottom, with its finding."""
        out = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            finding = item.data(0, FINDING_ROLE)
            if finding is not None:
                out.append((item, finding))
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item is not None else None

    # -- picking ----------------------------------------------------------------------------------
    def _picked(self) -> None:
        items = self.tree.selectedItems()
        if not items:
            return
        finding = items[0].data(0, FINDING_ROLE)
        if finding is not None:
            self.show_finding(finding)
        else:
            self.show_group(self._findings_under(items[0]))

    @staticmethod
    def _findings_under(item: QTreeWidgetItem) -> list[Finding]:
        """The findings of a severity or rule row (every row below it)."""
        out, stack = [], [item]
        while stack:
            row = stack.pop()
            finding = row.data(0, FINDING_ROLE)
            if finding is not None:
                out.append(finding)
            stack.extend(row.child(i) for i in range(row.childCount()))
        return out

    def show_group(self, findings: list[Finding]) -> None:
        """Select the objects of all ``findings`` (a whole rule, or all errors) and bring them into view."""
        layout = self.document.layout
        present = list(dict.fromkeys(i for f in findings for i in f.objects if i in layout))
        self.selection.set(present)
        rect = self._objects_rect(present)
        for f in findings:
            if f.location is not None:
                at = to_scene(*f.location)
                rect = rect.united(QRectF(at, at)) if not rect.isNull() else QRectF(at, at)
        if not rect.isNull():
            self._frame(rect, rect.center(), GROUP_MARGIN)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is None:
            return
        self.show_finding(finding)
        if self.selection:
            self.properties_requested.emit()

    def show_finding(self, finding: Finding) -> None:
        """Select the finding's objects (those still in the layout) and bring its place into view."""
        layout = self.document.layout
        present = [i for i in finding.objects if i in layout]
        self.selection.set(present)
        self._bring_into_view(finding, present)

    def _objects_rect(self, present: list[str]) -> QRectF:
        scene = self.view.floor_scene()
        rect = QRectF()
        for object_id in present:
            item = scene.item(object_id)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        return rect

    def _bring_into_view(self, finding: Finding, present: list[str]) -> None:
        rect = self._objects_rect(present)
        if finding.location is not None:
            centre = to_scene(*finding.location)
            if rect.isNull():
                rect = QRectF(centre, centre)
        elif not rect.isNull():
            centre = rect.center()
        else:
            return
        self._frame(rect, centre)

    def _frame(self, rect: QRectF, centre, margin: float = ZOOM_MARGIN) -> None:
        port = self.view.viewport().rect()
        if port.width() > 0 and port.height() > 0:
            width = max(rect.width() * margin, CONTEXT_M)
            height = max(rect.height() * margin, CONTEXT_M)
            want = min(port.width() / width, port.height() / height)
            shown_w, shown_h = port.width() / self.view.zoom(), port.height() / self.view.zoom()
            # Zoom in when the finding would be a speck, out when its objects do not fit.
            if self.view.zoom() < want / 4 or rect.width() > shown_w or rect.height() > shown_h:
                self.view.set_zoom(want)
        self.view.centerOn(QPointF(centre))


def _bold(item: QTreeWidgetItem) -> None:
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)


__all__ = ["FindingsPanel"]


def add_analysis_panels(window) -> None:
    """Give a main window its Findings and Analysis docks and the status bar summary.

    Sets ``window.findings``, ``window.scenarios`` and ``window.analysis_status``;
    the docks join ``window.docks`` (so the View menu lists them).
    """
    from PySide6.QtWidgets import QMainWindow

    from planner.ui.analysis_status import AnalysisStatus
    from planner.ui.panels.scenarios import ScenariosPanel

    assert isinstance(window, QMainWindow)
    window.findings = FindingsPanel(window.analysis, window.document, window.selection, window.view)
    window.scenarios = ScenariosPanel(window.analysis)
    bottom, right = Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    findings_dock = window._dock("findings_dock", QCoreApplication.translate("MainWindow", "Findings"), window.findings, bottom)
    scenarios_dock = window._dock("analysis_dock", QCoreApplication.translate("MainWindow", "Analysis"), window.scenarios, right)
    for name, dock, beside in (("findings", findings_dock, "booths"), ("analysis", scenarios_dock, "history")):
        if beside in window.docks:
            window.tabifyDockWidget(window.docks[beside], dock)
        window.docks[name] = dock
    if "booths" in window.docks:
        window.docks["booths"].raise_()
    if "layers" in window.docks:
        window.docks["layers"].raise_()

    def show_findings() -> None:
        findings_dock.show()
        findings_dock.raise_()

    def show_properties() -> None:
        dock = window.docks.get("properties")
        if dock is not None:
            dock.show()
            dock.raise_()

    window.findings.properties_requested.connect(show_properties)
    live = window.actions.get("live_analysis")
    if live is not None:
        live.setChecked(window.analysis.enabled)
    window.analysis_status = AnalysisStatus(window.analysis)
    window.analysis_status.clicked.connect(show_findings)
    window.statusBar().addPermanentWidget(window.analysis_status)
