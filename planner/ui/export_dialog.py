"""File → Export…: the booth map as PDF, PNG or SVG, the booth list as CSV, the layout as GeoJSON.

The dialog only fills an ``ExportOptions`` and hands it to
``planner.export.export_layout``, the same call the command line makes.

* The options form and the settings it remembers are ``ExportForm``
  (planner/ui/export_form.py).
* The preview is the export's own ``Book`` painted small in the GUI thread,
  a QTimer gathering a burst of changes into one render: ``ExportPreview``
  (planner/ui/export_preview.py).
* The export runs in a QThreadPool worker so the window never freezes. The
  crowd-flow analysis (three seconds on West Lake) is worked out once per
  layout state and shared by the page count, the preview of the safety view
  and the export (planner/ui/export_work.py).
* Everything works on a copy of the layout taken when the dialog opens, so a
  worker never reads a layout that is being edited.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from planner.export import ExportError, ExportResult, export_layout
from planner.export.files import numbered_paths
from planner.export.options import MAP_FORMATS
from planner.formats import dumps_layout
from planner.model.layout import Layout
from planner.ui.export_form import FORMATS, SCALES, SETTINGS, ExportForm
from planner.ui.export_preview import LIST_PREVIEW_LINES, PREVIEW_DELAY_MS, PREVIEW_MIN, ExportPreview
from planner.ui.export_work import LIVE_WAIT_S, SharedAnalysis, _Relay, run_in_pool

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


# -- the dialog ---------------------------------------------------------------------------------------
class ExportDialog(ExportForm, ExportPreview, QDialog):
    """Options (``ExportForm``), a live preview of a page (``ExportPreview``), and the export in the background."""

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


__all__ = ["FORMATS", "LIST_PREVIEW_LINES", "LIVE_WAIT_S", "PREVIEW_DELAY_MS", "PREVIEW_MIN", "SCALES", "SETTINGS",
           "ExportDialog", "SharedAnalysis", "run_in_pool", "shared_analysis"]
