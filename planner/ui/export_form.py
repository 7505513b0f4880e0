"""The options of the File → Export… dialog: the form, the settings it remembers, and what the choices mean.

``ExportForm`` is a part of ``ExportDialog`` (planner/ui/export_dialog.py): it
builds the dialog's widgets, restores and remembers the choices, turns them
into an ``ExportOptions`` and a target file, and keeps the form consistent as
they change. Its texts are the dialog's (translation context "ExportDialog").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFontDatabase, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QProgressBar, QPushButton, QSizePolicy, QSpinBox, QStackedWidget, QVBoxLayout,
)

from planner.export import ExportOptions
from planner.export.options import (
    MAP_FORMATS, MAX_DPI, MAX_PIXELS, MIN_DPI, ORIENTATIONS, PAPERS, SHEETS, SUFFIXES, VIEWS, format_scale,
    paper_size_mm, parse_scale,
)
from planner.ui.export_preview import PREVIEW_MIN
from planner.ui.folders import remember_folder, start_folder

FORMATS = ("pdf", "png", "svg", "csv", "geojson")
SCALES = (200, 500, 1000, 2000)
SETTINGS = "export/"

translate = QCoreApplication.translate   # literal arguments: pyside6-lupdate finds them


class ExportForm:
    """The dialog's options: its widgets, settings, choices and how the form reacts to them."""

    # -- building ------------------------------------------------------------------------------------
    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _build(self) -> None:
        self.format_combo = self._combo("format", [
            (translate("ExportDialog", "PDF – booth map to print"), "pdf"),
            (translate("ExportDialog", "PNG – image"), "png"),
            (translate("ExportDialog", "SVG – drawing"), "svg"),
            (translate("ExportDialog", "CSV – booth list"), "csv"),
            (translate("ExportDialog", "GeoJSON – for GIS tools"), "geojson"),
        ])
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("file")
        self.file_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(translate("ExportDialog", "Browse…"))
        self.browse_button.setObjectName("browse")
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)

        self.paper_combo = self._combo("paper", [(self._paper_text(p), p) for p in PAPERS])
        orientation_names = {"landscape": translate("ExportDialog", "Landscape"),
                             "portrait": translate("ExportDialog", "Portrait")}
        self.orientation_combo = self._combo("orientation", [(orientation_names[o], o) for o in ORIENTATIONS])
        self.scale_combo = self._combo("scale", [(translate("ExportDialog", "Fit to page"), None)]
                                       + [(format_scale(n), n) for n in SCALES])
        self.scale_combo.setEditable(True)
        self.scale_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.scale_combo.setToolTip(translate("ExportDialog", "Fit, or a scale exactly true on paper; type any 1:N"))
        sheet_names = {
            "overview": translate("ExportDialog", "Overview of the whole site"),
            "zones": translate("ExportDialog", "One sheet per zone"),
            "tiles": translate("ExportDialog", "Tiles over the whole site"),
            "all": translate("ExportDialog", "Overview, zone sheets and booth index"),
        }
        self.sheets_combo = self._combo("sheets", [(sheet_names[s], s) for s in SHEETS])
        view_names = {"exhibitor": translate("ExportDialog", "Exhibitor map: statuses and numbers"),
                      "visitor": translate("ExportDialog", "Visitor map: zones and amenities"),
                      "safety": translate("ExportDialog", "Safety map: exits, fire equipment, bottlenecks")}
        self.view_combo = self._combo("view", [(view_names[v], v) for v in VIEWS])
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setObjectName("dpi")
        self.dpi_spin.setRange(MIN_DPI, MAX_DPI)
        self.dpi_spin.setSingleStep(50)
        self.dpi_spin.setSuffix(translate("ExportDialog", " dpi"))
        self.pixels_label = QLabel()
        self.pixels_label.setObjectName("pixels")
        dpi_row = QHBoxLayout()
        dpi_row.setContentsMargins(0, 0, 0, 0)
        dpi_row.addWidget(self.dpi_spin)
        dpi_row.addWidget(self.pixels_label, 1)
        self.index_check = QCheckBox(translate("ExportDialog", "Booth index by exhibitor name too"))
        self.index_check.setObjectName("exhibitor_index")
        self.analysis_check = QCheckBox(translate("ExportDialog", "Crowd-flow analysis sheet"))
        self.analysis_check.setObjectName("analysis")

        form = QFormLayout()
        form.addRow(translate("ExportDialog", "&Format:"), self.format_combo)
        file_label = QLabel(translate("ExportDialog", "F&ile:"))
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        self.map_group = QGroupBox(translate("ExportDialog", "Map"))
        map_form = QFormLayout(self.map_group)
        map_form.addRow(translate("ExportDialog", "&Paper:"), self.paper_combo)
        map_form.addRow(translate("ExportDialog", "&Orientation:"), self.orientation_combo)
        map_form.addRow(translate("ExportDialog", "S&cale:"), self.scale_combo)
        map_form.addRow(translate("ExportDialog", "S&heets:"), self.sheets_combo)
        map_form.addRow(translate("ExportDialog", "&View:"), self.view_combo)
        self.dpi_label = QLabel(translate("ExportDialog", "&Resolution:"))
        self.dpi_label.setBuddy(self.dpi_spin)
        map_form.addRow(self.dpi_label, dpi_row)
        map_form.addRow(self.index_check)
        map_form.addRow(self.analysis_check)
        self.scale_error = QLabel()
        self.scale_error.setObjectName("scale_error")
        self.scale_error.setWordWrap(True)
        self.scale_error.setStyleSheet("color: #b3261e;")
        self.scale_error.hide()
        map_form.addRow(self.scale_error)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.map_group)
        left.addStretch(1)

        self.preview_label = QLabel()
        self.preview_label.setObjectName("preview")
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setMinimumSize(*PREVIEW_MIN)
        self.preview_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview_label.setStyleSheet("background: #d9dcde;")
        self.list_preview = QPlainTextEdit()
        self.list_preview.setObjectName("list_preview")
        self.list_preview.setReadOnly(True)
        self.list_preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.list_preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.preview_label)
        self.preview_stack.addWidget(self.list_preview)
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page")
        self.page_spin.setRange(1, 1)
        self.page_spin.setPrefix(translate("ExportDialog", "Page "))
        self.page_spin.setToolTip(translate("ExportDialog", "The page shown in the preview"))
        self.pages_label = QLabel()
        self.pages_label.setObjectName("pages")
        self.pages_label.setWordWrap(True)
        page_row = QHBoxLayout()
        page_row.setContentsMargins(0, 0, 0, 0)
        page_row.addWidget(self.page_spin)
        page_row.addWidget(self.pages_label, 1)
        self.notes_label = QLabel()
        self.notes_label.setObjectName("notes")
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: #8a5a00;")
        self.notes_label.hide()
        preview_box = QGroupBox(translate("ExportDialog", "Preview"))
        right = QVBoxLayout(preview_box)
        right.addWidget(self.preview_stack, 1)
        right.addLayout(page_row)
        right.addWidget(self.notes_label)

        top = QHBoxLayout()
        top.addLayout(left, 0)
        top.addWidget(preview_box, 1)

        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 0)                 # busy: the export does not count its pages out
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(translate("ExportDialog", "&Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton(translate("ExportDialog", "Close"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("close")
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.buttons)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        outer = QVBoxLayout(self)
        outer.addLayout(top, 1)
        outer.addWidget(line)
        outer.addWidget(self.status_label)
        outer.addLayout(bottom)
        self.resize(980, 600)

    def _paper_text(self, paper: str) -> str:
        w, h = PAPERS[paper]
        return translate("ExportDialog", "{paper} ({w} × {h} mm)").format(paper=paper, w=f"{w:g}", h=f"{h:g}")

    def _connect(self) -> None:
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        for combo in (self.paper_combo, self.orientation_combo, self.view_combo):
            combo.currentIndexChanged.connect(self._options_changed)
        self.sheets_combo.currentIndexChanged.connect(self._sheets_changed)
        self.scale_combo.currentTextChanged.connect(self._options_changed)
        self.index_check.toggled.connect(self._options_changed)
        self.analysis_check.toggled.connect(self._options_changed)
        self.dpi_spin.valueChanged.connect(self._show_pixels)
        self.page_spin.valueChanged.connect(self._schedule_preview)
        self.file_edit.textEdited.connect(self._file_edited)
        self.browse_button.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)

    # -- settings ---------------------------------------------------------------------------------------
    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _restore(self) -> None:
        s = QSettings()
        self._select(self.format_combo, s.value(SETTINGS + "format", "pdf"))
        self._select(self.paper_combo, s.value(SETTINGS + "paper", ExportOptions.paper))
        self._select(self.orientation_combo, s.value(SETTINGS + "orientation", ExportOptions.orientation))
        self._select(self.view_combo, s.value(SETTINGS + "view", ExportOptions.view))
        try:
            scale = parse_scale(str(s.value(SETTINGS + "scale", "fit")))
        except ValueError:
            scale = None
        self._set_scale(scale)
        self.dpi_spin.setValue(_int(s.value(SETTINGS + "dpi"), ExportOptions.dpi))
        self.index_check.setChecked(_bool(s.value(SETTINGS + "exhibitor_index"), ExportOptions.exhibitor_index))
        self.analysis_check.setChecked(_bool(s.value(SETTINGS + "analysis"), ExportOptions.analysis))
        defaults = ExportOptions()
        for fmt in MAP_FORMATS:
            sheets = str(s.value(f"{SETTINGS}sheets/{fmt}", defaults.sheets_for(fmt)))
            self._sheets_by_format[fmt] = sheets if sheets in SHEETS else defaults.sheets_for(fmt)
        folder = s.value(SETTINGS + "folder", "")
        if folder and Path(str(folder)).is_dir():
            self.folder = Path(str(folder))
        else:
            self.folder = start_folder(self.document_path)
        self.file_edit.setText(str(self.folder / (self._stem() + "." + self.format)))

    def _remember(self, path: Path) -> None:
        s = QSettings()
        s.setValue(SETTINGS + "format", self.format)
        s.setValue(SETTINGS + "folder", str(path.parent))
        if self.format in MAP_FORMATS:
            options = self.options()
            s.setValue(SETTINGS + "paper", options.paper)
            s.setValue(SETTINGS + "orientation", options.orientation)
            s.setValue(SETTINGS + "scale", "fit" if options.scale is None else f"1:{options.scale}")
            s.setValue(SETTINGS + "view", options.view)
            s.setValue(SETTINGS + "dpi", options.dpi)
            s.setValue(SETTINGS + "exhibitor_index", options.exhibitor_index)
            s.setValue(SETTINGS + "analysis", options.analysis)
            for fmt, sheets in self._sheets_by_format.items():
                s.setValue(f"{SETTINGS}sheets/{fmt}", sheets)

    def _stem(self) -> str:
        if self.document_path is not None:
            name = self.document_path.name
            for ending in (".festival.json", ".json"):
                if name.endswith(ending):
                    return name[: -len(ending)]
            return self.document_path.stem
        stem = (self.name or translate("ExportDialog", "Untitled")).strip()
        return "".join("-" if c in '/\\:*?"<>|' else c for c in stem) or "export"

    # -- the choices -------------------------------------------------------------------------------------
    @property
    def format(self) -> str:
        return self.format_combo.currentData()

    def scale(self) -> int | None:
        """The scale typed or picked; raises ValueError when it is neither fit nor 1:N."""
        text = self.scale_combo.currentText().strip()
        index = self.scale_combo.findText(text)
        if index >= 0:
            return self.scale_combo.itemData(index)
        return parse_scale(text)

    def _set_scale(self, scale: int | None) -> None:
        index = self.scale_combo.findData(scale)
        if index >= 0:
            self.scale_combo.setCurrentIndex(index)
        else:
            self.scale_combo.setEditText(format_scale(scale) if scale else self.scale_combo.itemText(0))

    def options(self) -> ExportOptions:
        try:
            scale = self.scale()
        except ValueError:
            scale = None
        return ExportOptions(
            paper=self.paper_combo.currentData(), orientation=self.orientation_combo.currentData(),
            scale=scale, sheets=self.sheets_combo.currentData(), view=self.view_combo.currentData(),
            dpi=self.dpi_spin.value(), exhibitor_index=self.index_check.isChecked(),
            analysis=self.analysis_check.isChecked())

    def target(self) -> Path | None:
        """The file to write, its suffix made to match the format."""
        text = self.file_edit.text().strip()
        if not text or text.endswith(("/", "\\")):
            return None                      # a folder so far: no file to write yet
        path = Path(text).expanduser()
        if path.name in ("", ".", "..") or path.is_dir():
            return None
        if SUFFIXES.get(path.suffix.lower()) != self.format:
            path = path.with_name(path.name + "." + self.format) if path.suffix.lower() not in SUFFIXES \
                else path.with_suffix("." + self.format)
        return path

    def needs_analysis(self) -> bool:
        """As ``export_layout`` decides: the safety view's bottlenecks, or the analysis sheet."""
        if self.format not in MAP_FORMATS:
            return False
        options = self.options()
        return options.view == "safety" or (options.sheets == "all" and options.analysis)

    # -- reacting ----------------------------------------------------------------------------------------
    def _format_changed(self) -> None:
        fmt = self.format
        is_map = fmt in MAP_FORMATS
        self.map_group.setEnabled(is_map)
        if is_map:
            self.sheets_combo.blockSignals(True)
            self._select(self.sheets_combo, self._sheets_by_format.get(fmt, ExportOptions().sheets_for(fmt)))
            self.sheets_combo.blockSignals(False)
        self.dpi_spin.setEnabled(fmt == "png")
        self.dpi_label.setEnabled(fmt == "png")
        self.pixels_label.setEnabled(fmt == "png")
        self.preview_stack.setCurrentWidget(self.preview_label if is_map else self.list_preview)
        self.page_spin.setVisible(is_map)
        text = self.file_edit.text().strip()
        if text and not text.endswith(("/", "\\")) and Path(text).name not in ("", ".", ".."):
            path = Path(text)
            if path.suffix.lower() in SUFFIXES:
                path = path.with_suffix("." + fmt)
            else:
                path = path.with_name(path.name + "." + fmt)
            self.file_edit.setText(str(path))
        self._show_pixels()
        self._options_changed()

    def _sheets_changed(self) -> None:
        if self.format in MAP_FORMATS:
            self._sheets_by_format[self.format] = self.sheets_combo.currentData()
        self._options_changed()

    def _options_changed(self) -> None:
        try:
            self.scale()
            self.scale_error.hide()
        except ValueError:
            self.scale_error.setText(translate("ExportDialog",
                                               "Type “fit” or a scale such as 1:500 (from 1:10 to 1:1,000,000)."))
            self.scale_error.show()
        self.analysis_check.setEnabled(self.sheets_combo.currentData() == "all")
        self._update_export_enabled()
        self._schedule_preview()

    def _file_edited(self, _text: str) -> None:
        self._path_confirmed = False
        path = Path(self.file_edit.text().strip())
        fmt = SUFFIXES.get(path.suffix.lower())
        if fmt is not None and fmt != self.format:          # typing report.csv picks CSV
            self.format_combo.blockSignals(True)
            self._select(self.format_combo, fmt)
            self.format_combo.blockSignals(False)
            self._format_changed()
        self._update_export_enabled()
        self._show_pages()

    def _show_pixels(self) -> None:
        paper = self.paper_combo.currentData()
        w_mm, h_mm = paper_size_mm(paper, self.orientation_combo.currentData())
        dpi = self.dpi_spin.value()
        w, h = round(w_mm / 25.4 * dpi), round(h_mm / 25.4 * dpi)
        self.pixels_label.setText(translate("ExportDialog", "{w} × {h} pixels").format(w=f"{w:,}", h=f"{h:,}"))
        self._too_many_pixels = self.format == "png" and w * h > MAX_PIXELS
        self.pixels_label.setStyleSheet("color: #b3261e;" if self._too_many_pixels else "")
        self._update_export_enabled()

    def _update_export_enabled(self) -> None:
        ok = not self._busy and self.target() is not None and not getattr(self, "_too_many_pixels", False)
        if self.format in MAP_FORMATS:
            ok = ok and self.scale_error.isHidden() and not self._book_error
        self.export_button.setEnabled(ok)

    def _schedule_preview(self) -> None:
        if self._busy:            # the choices are fixed while writing; the GUI thread stays free
            return
        self._timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self.format in MAP_FORMATS and not self.preview_image.isNull():
            self._schedule_preview()

    # -- choosing the file --------------------------------------------------------------------------------
    def browse(self) -> None:
        filters = {
            "pdf": translate("ExportDialog", "PDF documents (*.pdf)"),
            "png": translate("ExportDialog", "PNG images (*.png)"),
            "svg": translate("ExportDialog", "SVG drawings (*.svg)"),
            "csv": translate("ExportDialog", "CSV files (*.csv)"),
            "geojson": translate("ExportDialog", "GeoJSON files (*.geojson)"),
        }
        start = self.target() or self.folder / (self._stem() + "." + self.format)
        chosen, _ = QFileDialog.getSaveFileName(self, translate("ExportDialog", "Export To"), str(start),
                                                filters[self.format])
        if not chosen:
            return
        remember_folder(chosen)
        self.file_edit.setText(chosen)
        self._file_edited(chosen)
        self._path_confirmed = True        # the file dialog has asked about replacing it


def _int(value: object, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except (TypeError, ValueError):
        return default


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):                 # INI files give "true" and "false"
        return value.lower() == "true"
    return bool(value)


__all__ = ["FORMATS", "SCALES", "SETTINGS", "ExportForm"]
