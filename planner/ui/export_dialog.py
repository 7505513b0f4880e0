"""File → Export…: the booth map as PDF, PNG or SVG, the booth list as CSV, the layout as GeoJSON.

The dialog only fills an ``ExportOptions`` and hands it to
``planner.export.export_layout``, the same call the command line makes.

* The preview is the export's own ``Book`` (the pages every writer draws)
  painted small into a QImage, in the GUI thread: building the book and
  painting a page takes a few hundredths of a second, and a QTimer gathers a
  burst of changes into one render.
* The export runs in a QThreadPool worker so the window never freezes. The
  crowd-flow analysis (three seconds on West Lake) is worked out once per
  layout state and shared by the page count, the preview of the safety view
  and the export.
* Everything works on a copy of the layout taken when the dialog opens, so a
  worker never reads a layout that is being edited.
"""

from __future__ import annotations

import copy
import hashlib
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFontDatabase, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QProgressBar, QPushButton, QSizePolicy, QSpinBox,
    QStackedWidget, QVBoxLayout, QWidget,
)

from planner.export import ExportError, ExportOptions, ExportResult, export_layout
from planner.export.files import numbered_paths
from planner.export.options import (
    MAP_FORMATS, MAX_DPI, MAX_PIXELS, MIN_DPI, ORIENTATIONS, PAPERS, SHEETS, SUFFIXES, VIEWS, format_scale,
    paper_size_mm, parse_scale,
)
from planner.formats import dumps_layout
from planner.model.layout import Layout
from planner.solver.live import Scenario
from planner.ui.folders import remember_folder, start_folder

FORMATS = ("pdf", "png", "svg", "csv", "geojson")
SCALES = (200, 500, 1000, 2000)
PREVIEW_DELAY_MS = 150          # a burst of changes (typing a scale) makes one preview
PREVIEW_MIN = (360, 260)        # logical pixels
LIST_PREVIEW_LINES = 40
SETTINGS = "export/"


# -- the crowd-flow analysis, shared ----------------------------------------------------------------
class SharedAnalysis:
    """The analysis of one layout state, worked out at most once by whichever thread asks first."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._lock = threading.Lock()
        self.done = False
        self.report = None
        self.error: Exception | None = None
        self.settled = threading.Event()     # done, or nobody else is going to bring the report

    def get(self):
        """The report (None when the analysis failed); waits while another thread works it out."""
        with self._lock:
            if not self.done:
                from planner.solver import analyse

                try:
                    self.report = analyse(self.layout)
                except Exception as exc:  # noqa: BLE001 - the export says what is missing
                    self.error = exc
                self.done = True
        self.settled.set()
        return self.report

    def take(self, report) -> None:
        """The report of this very layout state, worked out elsewhere (the editor's live analysis)."""
        with self._lock:
            if not self.done:
                self.report, self.done = report, True
        self.settled.set()


LIVE_WAIT_S = 120.0          # how long an export waits for the live analysis before doing it itself

_analyses: dict[str, SharedAnalysis] = {}
_KEEP_ANALYSES = 4


def shared_analysis(layout: Layout) -> SharedAnalysis:
    """The analysis of a layout with this content (a later dialog on the same layout reuses it)."""
    digest = hashlib.sha256(dumps_layout(layout).encode("utf-8")).hexdigest()
    found = _analyses.pop(digest, None) or SharedAnalysis(layout)
    _analyses[digest] = found
    while len(_analyses) > _KEEP_ANALYSES:
        _analyses.pop(next(iter(_analyses)))
    return found


# -- running work off the GUI thread ----------------------------------------------------------------
_live_relays: set = set()


class _Relay(QObject):
    """Carries a worker's news to the GUI thread (queued, since the relay lives there)."""

    progress = Signal(str)
    finished = Signal(object)
    failed = Signal(object)


def run_in_pool(work: Callable[[Callable[[str], None]], object], *, progress: Callable[[str], None] | None = None,
                finished: Callable[[object], None] | None = None,
                failed: Callable[[Exception], None] | None = None) -> _Relay:
    """Run ``work(progress)`` in the global thread pool, its news going to the slots given.

    The slots are connected before the work starts, so news of work that ends at once is not lost.
    """
    relay = _Relay()
    for signal, slot in ((relay.progress, progress), (relay.finished, finished), (relay.failed, failed)):
        if slot is not None:
            signal.connect(slot)
    # The relay must outlive whoever started the work (a dialog closed meanwhile): keep it
    # until the work's last news has been delivered on the GUI thread.
    _live_relays.add(relay)
    relay.finished.connect(lambda _result: _live_relays.discard(relay))
    relay.failed.connect(lambda _error: _live_relays.discard(relay))

    def run() -> None:
        try:
            result = work(relay.progress.emit)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which shows it
            relay.failed.emit(exc)
        else:
            relay.finished.emit(result)

    QThreadPool.globalInstance().start(run)
    return relay


# -- the dialog ---------------------------------------------------------------------------------------
class ExportDialog(QDialog):
    """Options, a live preview of a page, and the export in the background."""

    exported = Signal(object)           # ExportResult, when the files are written
    preview_updated = Signal()
    busy_changed = Signal(bool)

    def __init__(self, layout: Layout, path: Path | None = None, *, modified: bool = False,
                 name: str = "", parent: QWidget | None = None, live=None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export"))
        self.layout_copy = copy.deepcopy(layout)
        # The analysis sheet's checksum is of the file only when the file is what is exported.
        self.source = path if path is not None and not modified else None
        self.document_path = path
        self.name = name
        self.analysis = shared_analysis(self.layout_copy)
        # The editor's live analysis (a LiveAnalysis, or None) already works on this layout in
        # its own process: its report is taken rather than analysing again here, where the
        # work would hold the interpreter the window needs.
        self.live = live
        self.result: ExportResult | None = None
        self.error = ""
        self.preview_image = QImage()
        self.page_count = 0
        self._book_key: tuple | None = None
        self._book = None
        self._book_error = ""
        self._busy = False
        self._analysis_relay: _Relay | None = None
        self._waiting_for_live = False
        self._export_relay: _Relay | None = None
        self._path_confirmed = False
        self._sheets_by_format: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._build()
        self._restore()
        self._connect()
        self._format_changed()
        self.update_preview()
        if parent is not None:
            parent.installEventFilter(self)        # the dialog goes with its window

    # -- building ------------------------------------------------------------------------------------
    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _build(self) -> None:
        self.format_combo = self._combo("format", [
            (self.tr("PDF – booth map to print"), "pdf"),
            (self.tr("PNG – image"), "png"),
            (self.tr("SVG – drawing"), "svg"),
            (self.tr("CSV – booth list"), "csv"),
            (self.tr("GeoJSON – for GIS tools"), "geojson"),
        ])
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("file")
        self.file_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.setObjectName("browse")
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)

        self.paper_combo = self._combo("paper", [(self._paper_text(p), p) for p in PAPERS])
        orientation_names = {"landscape": self.tr("Landscape"), "portrait": self.tr("Portrait")}
        self.orientation_combo = self._combo("orientation", [(orientation_names[o], o) for o in ORIENTATIONS])
        self.scale_combo = self._combo("scale", [(self.tr("Fit to page"), None)]
                                       + [(format_scale(n), n) for n in SCALES])
        self.scale_combo.setEditable(True)
        self.scale_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.scale_combo.setToolTip(self.tr("Fit, or a scale exactly true on paper; type any 1:N"))
        sheet_names = {
            "overview": self.tr("Overview of the whole site"),
            "zones": self.tr("One sheet per zone"),
            "tiles": self.tr("Tiles over the whole site"),
            "all": self.tr("Overview, zone sheets and booth index"),
        }
        self.sheets_combo = self._combo("sheets", [(sheet_names[s], s) for s in SHEETS])
        view_names = {"exhibitor": self.tr("Exhibitor map: statuses and numbers"),
                      "visitor": self.tr("Visitor map: zones and amenities"),
                      "safety": self.tr("Safety map: exits, fire equipment, bottlenecks")}
        self.view_combo = self._combo("view", [(view_names[v], v) for v in VIEWS])
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setObjectName("dpi")
        self.dpi_spin.setRange(MIN_DPI, MAX_DPI)
        self.dpi_spin.setSingleStep(50)
        self.dpi_spin.setSuffix(self.tr(" dpi"))
        self.pixels_label = QLabel()
        self.pixels_label.setObjectName("pixels")
        dpi_row = QHBoxLayout()
        dpi_row.setContentsMargins(0, 0, 0, 0)
        dpi_row.addWidget(self.dpi_spin)
        dpi_row.addWidget(self.pixels_label, 1)
        self.index_check = QCheckBox(self.tr("Booth index by exhibitor name too"))
        self.index_check.setObjectName("exhibitor_index")
        self.analysis_check = QCheckBox(self.tr("Crowd-flow analysis sheet"))
        self.analysis_check.setObjectName("analysis")

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format_combo)
        file_label = QLabel(self.tr("F&ile:"))
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        self.map_group = QGroupBox(self.tr("Map"))
        map_form = QFormLayout(self.map_group)
        map_form.addRow(self.tr("&Paper:"), self.paper_combo)
        map_form.addRow(self.tr("&Orientation:"), self.orientation_combo)
        map_form.addRow(self.tr("S&cale:"), self.scale_combo)
        map_form.addRow(self.tr("S&heets:"), self.sheets_combo)
        map_form.addRow(self.tr("&View:"), self.view_combo)
        self.dpi_label = QLabel(self.tr("&Resolution:"))
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
        self.page_spin.setPrefix(self.tr("Page "))
        self.page_spin.setToolTip(self.tr("The page shown in the preview"))
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
        preview_box = QGroupBox(self.tr("Preview"))
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
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
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
        return self.tr("{paper} ({w} × {h} mm)").format(paper=paper, w=f"{w:g}", h=f"{h:g}")

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
        stem = (self.name or self.tr("Untitled")).strip()
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
        if not text:
            return None
        path = Path(text).expanduser()
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
        if text:
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
            self.scale_error.setText(self.tr("Type “fit” or a scale such as 1:500 (from 1:10 to 1:1,000,000)."))
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
        self.pixels_label.setText(self.tr("{w} × {h} pixels").format(w=f"{w:,}", h=f"{h:,}"))
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

    # -- the preview -------------------------------------------------------------------------------------
    def _report_for_preview(self):
        if not self.needs_analysis():
            return None
        if self.analysis.done:
            return self.analysis.report
        self._start_analysis()
        return None

    def _live_can_answer(self) -> bool:
        """The live analysis follows this layout unchanged, without a "what if" scenario."""
        live = self.live
        return (live is not None and live.enabled and live.scenario == Scenario()
                and live.failed_generation != live.generation)

    def _take_live(self, generation: int, result) -> None:
        live = self.live
        if live is None or generation != live.generation or self.analysis.done:
            return
        self._stop_waiting_for_live()
        self.analysis.take(result.report)
        self._analysis_done(result.report)

    def _start_analysis(self) -> None:
        if self._analysis_relay is not None:
            return
        if self._live_can_answer():
            live = self.live
            if live.current:
                self._take_live(live.generation, live.result)
                return
            if not self._waiting_for_live:
                self._waiting_for_live = True
                live.finished.connect(self._take_live)
                live.failed.connect(self._live_failed)
            return
        analysis = self.analysis
        self._analysis_relay = run_in_pool(lambda _progress: analysis.get(), finished=self._analysis_done)

    def _stop_waiting_for_live(self) -> None:
        if self._waiting_for_live and self.live is not None:
            self._waiting_for_live = False
            self.live.finished.disconnect(self._take_live)
            self.live.failed.disconnect(self._live_failed)

    def _live_failed(self, _error: str = "") -> None:
        """The live analysis could not finish: the dialog works the report out itself."""
        self._stop_waiting_for_live()
        self.live = None
        self.analysis.settled.set()
        if not self.analysis.done:
            self._start_analysis()

    def _analysis_done(self, _report: object) -> None:
        self._book_key = None                 # the safety view and the page count now know the analysis
        self._schedule_preview()

    def book(self):
        """The export's pages for the current choices (built again only when they change)."""
        from planner.export.book import Book

        options = self.options()
        sheets = options.sheets_for(self.format)
        report = self._report_for_preview()
        key = (options.paper, options.orientation, options.scale, sheets, options.view,
               options.exhibitor_index, options.analysis, report is not None)
        if key != self._book_key:
            self._book_key = key
            try:
                self._book = Book(self.layout_copy, options, sheets,
                                  report=report if self.needs_analysis() else None)
                self._book_error = ""
            except Exception as exc:  # noqa: BLE001 - shown where the preview would be
                self._book, self._book_error = None, str(exc)
            if self._book is not None and not self._book.pages:
                self._book_error = self.tr("There is nothing to put on these sheets: the layout has no booths.")
        return self._book

    def update_preview(self) -> None:
        """Render the chosen page (or the booth list) now."""
        self._timer.stop()
        if self.format not in MAP_FORMATS:
            self._show_list()
        else:
            book = self.book()
            if book is None or not book.pages:
                self.page_count = 0
                self.preview_image = QImage()
                self.preview_label.setPixmap(QPixmap())
                self.preview_label.setText(self._book_error)
            else:
                self.page_count = len(book.pages)
                self.page_spin.blockSignals(True)
                self.page_spin.setRange(1, self.page_count)
                self.page_spin.setSuffix(self.tr(" of {n}").format(n=self.page_count))
                self.page_spin.blockSignals(False)
                self.preview_image = self._render(book, self.page_spin.value() - 1)
                self.preview_label.setText("")
                self.preview_label.setPixmap(QPixmap.fromImage(self.preview_image))
            self._show_notes(book)
        self._show_pages()
        self._update_export_enabled()
        self.preview_updated.emit()

    def _render(self, book, index: int) -> QImage:
        w, h = book.page_size_pt
        box = self.preview_label.contentsRect().size()
        bw, bh = max(box.width(), PREVIEW_MIN[0]) - 16, max(box.height(), PREVIEW_MIN[1]) - 16
        fit = min(bw / w, bh / h)
        ratio = self.devicePixelRatioF()
        image = QImage(max(1, round(w * fit * ratio)), max(1, round(h * fit * ratio)),
                       QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(fit * ratio)          # the page draws in points, as on paper
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            book.pages[index].paint(painter)
        finally:
            painter.end()
        image.setDevicePixelRatio(ratio)
        return image

    def _show_list(self) -> None:
        if self.format == "csv":
            from planner.formats.booth_csv import dumps_booth_csv

            text = dumps_booth_csv(self.layout_copy)
        else:
            from planner.formats.geojson import dumps_geojson

            text = dumps_geojson(self.layout_copy)
        lines = text.splitlines()
        shown = "\n".join(lines[:LIST_PREVIEW_LINES])
        if len(lines) > LIST_PREVIEW_LINES:
            shown += "\n" + self.tr("… {n} more lines").format(n=len(lines) - LIST_PREVIEW_LINES)
        self.list_preview.setPlainText(shown)
        self.page_count = 1
        self.preview_image = QImage()
        self.notes_label.hide()

    def _show_notes(self, book) -> None:
        notes = []
        if book is not None:
            from planner.export import _too_small_note

            notes = [_too_small_note(self.layout_copy, zone_id, asked, legible)
                     for zone_id, asked, legible in book.plan.too_small]
        if self.needs_analysis() and self.analysis.done and self.analysis.error is not None:
            notes.append(self.tr("The crowd-flow analysis failed ({reason}), so the export has no analysis "
                                 "sheet and no bottlenecks.").format(reason=self.analysis.error))
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))

    def _show_pages(self) -> None:
        fmt = self.format
        target = self.target()
        if fmt not in MAP_FORMATS:
            text = self.tr("One file: {file}").format(file=target.name) if target else ""
        elif self.page_count == 0:
            text = ""
        else:
            n = self.page_count
            text = self.tr("1 page") if n == 1 else self.tr("{n} pages").format(n=n)
            if fmt != "pdf" and target is not None:
                paths = numbered_paths(target, n)
                files = (self.tr("one file, {file}").format(file=paths[0].name) if n == 1
                         else self.tr("{n} files, {first} … {last}").format(n=n, first=paths[0].name,
                                                                           last=paths[-1].name))
                text = self.tr("{pages}: {files}").format(pages=text, files=files)
            if self.needs_analysis() and self.options().sheets == "all" and not self.analysis.done:
                text = self.tr("{pages}, and the analysis sheet (being worked out…)").format(pages=text)
        self.pages_label.setText(text)

    # -- choosing the file --------------------------------------------------------------------------------
    def browse(self) -> None:
        filters = {
            "pdf": self.tr("PDF documents (*.pdf)"), "png": self.tr("PNG images (*.png)"),
            "svg": self.tr("SVG drawings (*.svg)"), "csv": self.tr("CSV files (*.csv)"),
            "geojson": self.tr("GeoJSON files (*.geojson)"),
        }
        start = self.target() or self.folder / (self._stem() + "." + self.format)
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export To"), str(start), filters[self.format])
        if not chosen:
            return
        remember_folder(chosen)
        self.file_edit.setText(chosen)
        self._file_edited(chosen)
        self._path_confirmed = True        # the file dialog has asked about replacing it

    # -- exporting ---------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    def start_export(self) -> bool:
        """Check the choices and start writing in the background; False when it does not start."""
        if self._busy:
            return False
        target = self.target()
        if target is None:
            return False
        if self.format in MAP_FORMATS and not self.scale_error.isHidden():
            return False
        if not self._path_confirmed and not self._may_replace(target):
            return False
        self.file_edit.setText(str(target))
        options = self.options()
        layout, source, analysis = self.layout_copy, self.source, self.analysis
        needs_analysis = self.needs_analysis()
        live_coming = needs_analysis and self._waiting_for_live and self.live is not None
        self._remember(target)
        self.error = ""
        self.result = None
        self._set_busy(True)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Exporting to {file}…").format(file=str(target)))
        analysing = self.tr("Working out the crowd-flow analysis…")
        drawing = self.tr("Drawing the pages and writing {file}…").format(file=target.name)
        writing = self.tr("Writing {file}…").format(file=target.name)
        is_map = self.format in MAP_FORMATS

        def work(progress: Callable[[str], None]) -> ExportResult:
            report = None
            if needs_analysis:
                if not analysis.done:
                    progress(analysing)
                if live_coming:            # the editor's worker is on it: wait rather than analyse twice
                    analysis.settled.wait(LIVE_WAIT_S)
                report = analysis.get()
            progress(drawing if is_map else writing)
            return export_layout(layout, target, options, source=source, report=report)

        self._export_relay = run_in_pool(work, progress=self._export_progress, finished=self._export_finished,
                                         failed=self._export_failed)
        return True

    def _may_replace(self, target: Path) -> bool:
        paths = [target] if self.format not in MAP_FORMATS or self.format == "pdf" \
            else numbered_paths(target, max(1, self.page_count))
        existing = [p for p in paths if p.exists()]
        if not existing:
            return True
        answer = QMessageBox.question(
            self, self.tr("Replace File?"),
            self.tr("{file} already exists. Replace it?").format(file=existing[0].name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        for widget in (self.format_combo, self.file_edit, self.browse_button, self.map_group, self.page_spin,
                       self.close_button):
            widget.setEnabled(not busy)
        if not busy:
            self._format_changed()             # the map options as the format has them
        if busy:
            self._timer.stop()
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
        self._update_export_enabled()
        self.busy_changed.emit(busy)

    def _export_progress(self, text: str) -> None:
        self.status_label.setText(text)

    def _export_finished(self, result: ExportResult) -> None:
        self._set_busy(False)
        self.result = result
        if len(result.files) == 1:
            text = self.tr("Wrote {file}.").format(file=str(result.files[0]))
        else:
            text = self.tr("Wrote {n} files, {first} … {last}.").format(n=len(result.files),
                                                                        first=str(result.files[0]),
                                                                        last=result.files[-1].name)
        self.status_label.setText(text)
        self.exported.emit(result)
        if result.notes:
            QMessageBox.information(self, self.tr("Exported"), "\n\n".join([text, *result.notes]))
        self.accept()

    def _export_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, ExportError):
            message = str(exc)
        elif isinstance(exc, OSError):
            message = self.tr("Could not write {file}: {reason}.").format(
                file=self.file_edit.text(), reason=exc.strerror or exc)
        else:
            message = self.tr("The export failed: {reason}.").format(reason=exc)
        self.error = message
        self.status_label.setStyleSheet("color: #b3261e;")
        self.status_label.setText(message)
        QMessageBox.critical(self, self.tr("Cannot Export"), message)

    # -- closing ---------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """A window closed under the dialog (Quit from another window) takes the dialog with it."""
        if watched is self.parent() and event.type() == QEvent.Type.Hide and not self.parent().isVisible():
            if self._busy:
                self.hide()                   # the files are being written: let the worker finish
            else:
                self.done(QDialog.DialogCode.Rejected)
        return False

    def reject(self) -> None:
        if self._busy:                       # the files are half written: wait for them
            return
        super().reject()

    def done(self, code: int) -> None:
        self._stop_waiting_for_live()        # a closed dialog no longer listens to the window's analysis
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)


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


__all__ = ["ExportDialog", "SharedAnalysis", "shared_analysis"]
