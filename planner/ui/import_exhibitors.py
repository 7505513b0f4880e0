"""File → Import Exhibitors…: a spreadsheet's rows onto booths by booth number, as one undo step.

The reading and the matching are Qt-free (``planner.formats.exhibitors_csv``);
this module asks for the file, lets the organiser check how it was read
(encoding, header row) and which column is which, previews the rows, pushes
one ``SetFields`` for every booth that changes, and then reports every row
that could not be used and why, by the row numbers the spreadsheet shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.formats.exhibitors_csv import (
    ASSIGNED, DUPLICATE, ENCODINGS, NO_NUMBER, TARGETS, UNCHANGED, CsvTable, ExhibitorFileError,
    ImportPlan, delimiter_name, encoding_name, guess_mapping, plan_import, read_table,
)
from planner.ui.document import Document
from planner.ui.folders import remember_folder, start_folder

translate = QCoreApplication.translate   # literal arguments: pyside6-lupdate finds them
PREVIEW_ROWS = 100
PROBLEM_COLOUR = "#fbe3e1"


def target_name(target: str) -> str:
    """What each importable field is called (the properties panel's words where it has them)."""
    return {
        "number": translate("Properties", "Booth number"), "exhibitor": translate("Properties", "Exhibitor"),
        "category": translate("Properties", "Category"), "status": translate("Properties", "Status"),
        "cooking": translate("Properties", "Cooking (flame or gas)"),
    }[target]


def column_letter(index: int) -> str:
    """A, B, … Z, AA, AB: the spreadsheet's name of a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def start_import(window: Any, path: Path | None = None) -> ImportDialog | None:
    """Ask for a CSV file (unless ``path`` is given), read it and open the mapping dialog."""
    if path is None:
        folder = str(start_folder(window.document.path))
        chosen, _ = QFileDialog.getOpenFileName(
            window, translate("ImportExhibitors", "Import Exhibitors"), folder,
            translate("ImportExhibitors", "CSV files (*.csv *.txt);;All files (*)"))
        if not chosen:
            return None
        remember_folder(chosen)
        path = Path(chosen)
    try:
        table = read_table(path)
    except ExhibitorFileError as exc:
        QMessageBox.critical(window, translate("ImportExhibitors", "Cannot Import Exhibitors"), str(exc))
        return None
    dialog = ImportDialog(window.document, path, table, window)
    dialog.imported.connect(lambda text: window.statusBar().showMessage(text, 6000))
    dialog.open()
    return dialog


class ImportDialog(QDialog):
    """How the file was read, which column is which, a preview, and what the import will do."""

    imported = Signal(str)        # a sentence for the status bar

    def __init__(self, document: Document, path: Path, table: CsvTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_exhibitors_dialog")
        self.setWindowTitle(self.tr("Import Exhibitors"))
        self.document = document
        self.path = path
        self.table = table
        self._read_with: str | None = None         # the encoding chosen when the table was read (None: detected)
        self.plan: ImportPlan | None = None
        self.report: ReportDialog | None = None
        self.resize(900, 640)
        outer = QVBoxLayout(self)
        self.source = QLabel()
        self.source.setObjectName("import_source")
        self.source.setWordWrap(True)
        outer.addWidget(self.source)
        reading = QHBoxLayout()
        self.encoding = QComboBox()
        self.encoding.setObjectName("import_encoding")
        self.encoding.addItem(self.tr("Detect"), None)
        for codec in ENCODINGS:
            self.encoding.addItem(encoding_name(codec), codec)
        self.header_row = QSpinBox()
        self.header_row.setObjectName("import_header_row")
        self.header_row.setRange(1, max(1, len(table.records)))
        self.header_row.setValue(table.header_row)
        reading.addWidget(QLabel(self.tr("Encoding")))
        reading.addWidget(self.encoding)
        reading.addSpacing(12)
        reading.addWidget(QLabel(self.tr("Header row")))
        reading.addWidget(self.header_row)
        reading.addStretch(1)
        outer.addLayout(reading)
        box = QGroupBox(self.tr("Columns"))
        form = QFormLayout(box)
        self.combos: dict[str, QComboBox] = {}
        for target in TARGETS:
            combo = QComboBox()
            combo.setObjectName(f"import_column_{target}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.combos[target] = combo
            label = target_name(target) + (" *" if target == "number" else "")
            form.addRow(label, combo)
        hint = QLabel(self.tr("* required. Rows are matched to booths by booth number. An empty exhibitor or "
                              "category cell clears it; an empty status or cooking cell leaves the booth's own."))
        hint.setWordWrap(True)
        form.addRow(hint)
        outer.addWidget(box)
        self.preview = QTableWidget()
        self.preview.setObjectName("import_preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        outer.addWidget(self.preview, 1)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._fill_columns(guess_mapping(table.header))
        self.encoding.currentIndexChanged.connect(lambda _i: self.reread())
        self.header_row.valueChanged.connect(lambda _v: self.reread(keep_header=True))
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(lambda _i: self.update_plan())
        self.update_plan()

    # -- reading the file again ---------------------------------------------------------------------
    def reread(self, keep_header: bool = False) -> None:
        """Read the file with the chosen encoding and header row (after the organiser changed one)."""
        header = self.header_row.value() - 1 if keep_header else None
        try:
            table = read_table(self.path, encoding=self.encoding.currentData(), header_index=header)
        except ExhibitorFileError as exc:
            # The table shown stays the one read before: the choices go back to how it was read,
            # so what OK would import is always what the dialog shows.
            self.update_plan()
            self.encoding.blockSignals(True)
            self.encoding.setCurrentIndex(max(0, self.encoding.findData(self._read_with)))
            self.encoding.blockSignals(False)
            self.summary.setText(str(exc))
            return
        self._read_with = self.encoding.currentData()
        self.table = table
        self.header_row.blockSignals(True)
        self.header_row.setRange(1, max(1, len(table.records)))
        self.header_row.setValue(table.header_row)
        self.header_row.blockSignals(False)
        self._fill_columns(guess_mapping(table.header))
        self.update_plan()

    def _fill_columns(self, mapping: dict[str, int | None]) -> None:
        header = self.table.header
        for target, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(choose a column)") if target == "number" else self.tr("(not imported)"), None)
            for i in range(self.table.width):
                heading = header[i] if i < len(header) else ""
                combo.addItem(self.tr("{column}: {heading}").format(column=column_letter(i), heading=heading), i)
            index = mapping.get(target)
            combo.setCurrentIndex(combo.findData(index) if index is not None else 0)
            combo.blockSignals(False)

    # -- the plan -----------------------------------------------------------------------------------
    def mapping(self) -> dict[str, int | None]:
        return {target: combo.currentData() for target, combo in self.combos.items()}

    def set_column(self, target: str, column: int | None) -> None:
        """Choose the column of ``target`` (None: not imported), as picking it in its list does."""
        combo = self.combos[target]
        combo.setCurrentIndex(combo.findData(column) if column is not None else 0)

    def update_plan(self) -> None:
        table = self.table
        self.source.setText(self.tr("{file}: read as {encoding}, {delimiter}-separated, header in row {row}, "
                                    "{n} rows below it.").format(
            file=self.path.name, encoding=encoding_name(table.encoding), delimiter=delimiter_name(table.delimiter),
            row=table.header_row, n=len(table.body())))
        mapping = self.mapping()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._fill_preview(mapping)
        if mapping["number"] is None:
            self.plan = None
            self.summary.setText(self.tr("Choose the column that holds the booth numbers."))
            ok.setEnabled(False)
            return
        self.plan = plan_import(self.document.layout, table.body(), mapping)
        self.summary.setText(self.plan.summary())
        ok.setEnabled(True)

    def _fill_preview(self, mapping: dict[str, int | None]) -> None:
        table, preview = self.table, self.preview
        rows = table.body()[:PREVIEW_ROWS]
        chosen = {column: target for target, column in mapping.items() if column is not None}
        preview.clear()
        preview.setColumnCount(table.width)
        preview.setRowCount(len(rows))
        headings = []
        for i in range(table.width):
            heading = table.header[i] if i < len(table.header) else ""
            if i in chosen:
                heading = self.tr("{heading} → {field}").format(heading=heading, field=target_name(chosen[i]))
            headings.append(heading)
        preview.setHorizontalHeaderLabels(headings)
        preview.setVerticalHeaderLabels([str(number) for number, _cells in rows])
        for r, (_number, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c not in chosen:
                    item.setForeground(QBrush(QColor("#8a8f94")))
                preview.setItem(r, c, item)
        preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    # -- importing ----------------------------------------------------------------------------------
    def accept(self) -> None:
        """Push one undo step for every booth that changes, then show the per-row report."""
        if self.plan is None:
            return
        plan = self.plan
        edit = plan.edit(self.document.layout)
        if edit is not None:
            self.document.push(edit)
            self.imported.emit(self.tr("Imported the exhibitors of {n} booths from {file}.").format(
                n=plan.assigned, file=self.path.name))
        self.report = ReportDialog(plan, self.path.name, self.parentWidget())
        self.report.open()
        super().accept()


class ReportDialog(QDialog):
    """Every row's outcome, problems first to hand: what matched, what did not and why."""

    def __init__(self, plan: ImportPlan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_report_dialog")
        self.setWindowTitle(self.tr("Exhibitor Import Report"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.plan = plan
        self.resize(760, 520)
        outer = QVBoxLayout(self)
        summary = QLabel(self.tr("{file}: {summary}").format(file=file_name, summary=plan.summary()))
        summary.setObjectName("report_summary")
        summary.setWordWrap(True)
        outer.addWidget(summary)
        self.problems_only = QCheckBox(self.tr("Show only rows that were not used in full"))
        self.problems_only.setChecked(any(o.problem for o in plan.outcomes))
        outer.addWidget(self.problems_only)
        self.rows = QTableWidget(0, 4)
        self.rows.setObjectName("report_rows")
        self.rows.setHorizontalHeaderLabels([self.tr("Row"), translate("Properties", "Booth number"),
                                             self.tr("Result"), self.tr("Details")])
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.verticalHeader().hide()
        self.rows.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.rows.horizontalHeader().setStretchLastSection(True)
        outer.addWidget(self.rows, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy Report"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.problems_only.toggled.connect(lambda _on: self.fill())
        self.fill()

    def result_name(self, kind: str, problem: bool) -> str:
        if kind == ASSIGNED:
            return self.tr("Assigned, in part") if problem else self.tr("Assigned")
        if kind == UNCHANGED:
            return self.tr("Unchanged, in part") if problem else self.tr("Unchanged")
        if kind == NO_NUMBER:
            return self.tr("No booth number")
        if kind == DUPLICATE:
            return self.tr("Duplicate")
        return self.tr("Not matched")

    def lines(self) -> list[tuple[str, str, str, str]]:
        """The rows shown: spreadsheet row, booth number, result, details."""
        shown = [o for o in self.plan.outcomes if o.problem or not self.problems_only.isChecked()]
        return [(str(o.row), o.number, self.result_name(o.kind, bool(o.notes)), o.message()) for o in shown]

    def fill(self) -> None:
        lines = self.lines()
        problems = [o.problem for o in self.plan.outcomes if o.problem or not self.problems_only.isChecked()]
        self.rows.setRowCount(len(lines))
        for r, (line, problem) in enumerate(zip(lines, problems)):
            for c, text in enumerate(line):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if problem:
                    item.setBackground(QColor(PROBLEM_COLOUR))
                self.rows.setItem(r, c, item)
        self.rows.resizeColumnsToContents()

    def copy(self) -> None:
        header = (self.tr("Row"), translate("Properties", "Booth number"), self.tr("Result"), self.tr("Details"))
        text = "\n".join("\t".join(line) for line in [header, *self.lines()])
        QGuiApplication.clipboard().setText(text)
