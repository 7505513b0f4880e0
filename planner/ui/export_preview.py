"""The preview of the File → Export… dialog: a page of the export's own ``Book``, or the list's first lines.

The preview is the export's ``Book`` (the pages every writer draws) painted
small into a QImage, in the GUI thread: building the book and painting a page
takes a few hundredths of a second, and a QTimer gathers a burst of changes
into one render. The safety view and the analysis sheet need the crowd-flow
analysis: the editor's live analysis answers when it follows this very layout,
otherwise a worker of the pool works it out once (``SharedAnalysis``).

``ExportPreview`` is a part of ``ExportDialog`` (planner/ui/export_dialog.py):
it uses the dialog's widgets and choices, and its texts are the dialog's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from planner.export.files import numbered_paths
from planner.export.options import MAP_FORMATS
from planner.solver.live import Scenario
from planner.ui.export_work import run_in_pool

PREVIEW_DELAY_MS = 150          # a burst of changes (typing a scale) makes one preview
PREVIEW_MIN = (360, 260)        # logical pixels
LIST_PREVIEW_LINES = 40

translate = QCoreApplication.translate   # literal arguments: pyside6-lupdate finds them


class ExportPreview:
    """The dialog's preview: the analysis it may need, the book of pages, and what shows of it."""

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
                self._book_error = translate("ExportDialog",
                                             "There is nothing to put on these sheets: the layout has no booths.")
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
                self.page_spin.setSuffix(translate("ExportDialog", " of {n}").format(n=self.page_count))
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
            shown += "\n" + translate("ExportDialog", "… {n} more lines").format(n=len(lines) - LIST_PREVIEW_LINES)
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
            notes.append(translate("ExportDialog", "The crowd-flow analysis failed ({reason}), so the export has no "
                                                   "analysis sheet and no bottlenecks.").format(
                reason=self.analysis.error))
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))

    def _show_pages(self) -> None:
        fmt = self.format
        target = self.target()
        if fmt not in MAP_FORMATS:
            text = translate("ExportDialog", "One file: {file}").format(file=target.name) if target else ""
        elif self.page_count == 0:
            text = ""
        else:
            n = self.page_count
            text = translate("ExportDialog", "1 page") if n == 1 else translate("ExportDialog", "{n} pages").format(n=n)
            if fmt != "pdf" and target is not None:
                paths = numbered_paths(target, n)
                files = (translate("ExportDialog", "one file, {file}").format(file=paths[0].name) if n == 1
                         else translate("ExportDialog", "{n} files, {first} … {last}").format(
                             n=n, first=paths[0].name, last=paths[-1].name))
                text = translate("ExportDialog", "{pages}: {files}").format(pages=text, files=files)
            if self.needs_analysis() and self.options().sheets == "all" and not self.analysis.done:
                text = translate("ExportDialog", "{pages}, and the analysis sheet (being worked out…)").format(
                    pages=text)
        self.pages_label.setText(text)


__all__ = ["LIST_PREVIEW_LINES", "PREVIEW_DELAY_MS", "PREVIEW_MIN", "ExportPreview"]
