"""The File menu's work: new, open, save, save as, export, recent files, and asking before work is lost.

Dialogs are shown here; reading and writing are ``planner.formats`` (atomic
writes); the document holds the path and the modified flag.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.formats import LayoutFileError, LayoutWriteError, read_layout
from planner.model.geometry import normalise_polygon
from planner.model.layout import Layout, Site
from planner.model.numbering import duplicate_numbers
from planner.resources import bundled_layout, layouts_dir
from planner.ui import recent
from planner.ui.document import Document
from planner.ui.folders import remember_folder, start_folder
from planner.ui.site_image import rebase

SUFFIX = ".festival.json"
BLANK_SITE = (100.0, 60.0)     # a new layout's site, in metres, until its boundary is drawn


def blank_layout() -> Layout:
    w, h = BLANK_SITE
    return Layout(site=Site(boundary=normalise_polygon([[(0, 0), (w, 0), (w, h), (0, h)]])))


def with_suffix(path: Path) -> Path:
    """``plan`` → ``plan.festival.json``; a name already ending in .json is kept."""
    return path if path.name.endswith(".json") else path.with_name(path.name + SUFFIX)


class FileActions(QObject):
    recent_changed = Signal()
    message_posted = Signal(str)          # for the status bar

    def __init__(self, parent: QWidget, document: Document,
                 open_window: Callable[[Layout, Path | None], object]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.document = document
        self.open_window = open_window
        self.export_dialog = None             # the open File → Export dialog, if any

    def _filter(self) -> str:
        return self.tr("Festival layouts (*.festival.json);;JSON files (*.json);;All files (*)")

    # -- asking --------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when the current work may be replaced: it is saved, saved now, or given up."""
        if not self.document.modified:
            return True
        name = self.document.display_name() or self.tr("Untitled")
        answer = QMessageBox.warning(
            self.parent_widget, self.tr("Unsaved Changes"),
            self.tr("Save the changes to “{name}” before closing it?").format(name=name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- new and open ------------------------------------------------------------------------------
    def new_blank(self) -> bool:
        if not self.maybe_save():
            return False
        self.document.replace(blank_layout(), None)
        return True

    def new_from_template(self) -> bool:
        """The West Lake layout as a starting point: a new, unsaved layout (Save asks for a file)."""
        try:
            layout = read_layout(bundled_layout())
        except LayoutFileError as exc:
            QMessageBox.critical(self.parent_widget, self.tr("Cannot Open Template"), str(exc))
            return False
        if not self.maybe_save():
            return False
        self.document.replace(layout, None)
        return True

    def new_window(self) -> None:
        self.open_window(blank_layout(), None)

    def open(self, path: Path | None = None) -> bool:
        """Open a layout (asking which when ``path`` is None); a file that does not read changes nothing."""
        if path is None:
            start = str(start_folder(self.document.path, layouts_dir()))
            chosen, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Open Layout"), start,
                                                    self._filter())
            if not chosen:
                return False
            remember_folder(chosen)
            path = Path(chosen)
        try:
            layout = read_layout(path)
        except LayoutFileError as exc:
            QMessageBox.critical(self.parent_widget, self.tr("Cannot Open Layout"), str(exc))
            return False
        if not self.maybe_save():
            return False
        self.document.replace(layout, Path(path))
        recent.remember(Path(path))
        self.recent_changed.emit()
        return True

    def open_recent(self, path: Path) -> bool:
        if not Path(path).is_file():
            QMessageBox.warning(self.parent_widget, self.tr("Cannot Open Layout"),
                                self.tr("{file} is no longer there.").format(file=str(path)))
            recent.forget(Path(path))
            self.recent_changed.emit()
            return False
        return self.open(Path(path))

    def clear_recent(self) -> None:
        recent.clear()
        self.recent_changed.emit()

    # -- saving ------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        stem = (self.document.display_name() or self.tr("Untitled")).replace("/", "-").replace("\\", "-")
        start = self.document.path or start_folder(None) / f"{stem}{SUFFIX}"
        chosen, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Save Layout As"), str(start),
                                                self._filter())
        if not chosen:
            return False
        remember_folder(chosen)
        return self._write(with_suffix(Path(chosen)))

    def duplicates_accepted(self) -> bool:
        """True when no two booths share a number, or the organiser chose to save them anyway."""
        duplicates = duplicate_numbers(self.document.layout.booths)
        if not duplicates:
            return True
        names = sorted(duplicates, key=lambda n: (len(n), n))
        shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
        answer = QMessageBox.warning(
            self.parent_widget, self.tr("Duplicate Booth Numbers"),
            self.tr("Some booth numbers are used more than once: {numbers}. Save anyway?").format(
                numbers=shown),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Save

    def _write(self, path: Path) -> bool:
        if not self.duplicates_accepted():
            return False
        restore_image_path = rebase(self.document, path.parent)   # the site plan image, from the new folder
        try:
            self.document.save(path)
        except LayoutWriteError as exc:
            restore_image_path()
            QMessageBox.critical(self.parent_widget, self.tr("Cannot Save Layout"), str(exc))
            return False
        recent.remember(path)
        self.recent_changed.emit()
        return True

    # -- exporting ---------------------------------------------------------------------------------
    def export(self) -> None:
        """File → Export…: the export dialog, window-modal; it writes in the background."""
        from planner.ui.export_dialog import ExportDialog

        if self.export_dialog is not None and self.export_dialog.isVisible():
            self.export_dialog.raise_()
            self.export_dialog.activateWindow()
            return
        doc = self.document
        dialog = ExportDialog(doc.layout, doc.path, modified=doc.modified, name=doc.display_name(),
                              parent=self.parent_widget, live=getattr(self.parent_widget, "analysis", None))
        dialog.exported.connect(lambda result: self.message_posted.emit(dialog.status_label.text()))
        dialog.finished.connect(lambda _code: self._export_closed(dialog))
        self.export_dialog = dialog
        dialog.open()

    def _export_closed(self, dialog) -> None:
        if self.export_dialog is dialog:
            self.export_dialog = None
        dialog.deleteLater()
