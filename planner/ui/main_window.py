"""The main window: wires the canvas, the actions, the menus and the status bar.

It holds the open layout and its path (a document object with undo arrives
with the editor) and decides nothing about the plan itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QToolBar, QWidget

import planner
from planner.formats import LayoutFileError, read_layout
from planner.model.layout import Change, Layout
from planner.render.geometry import to_scene
from planner.resources import layouts_dir
from planner.ui.actions import ACTIONS, MENUS, build_actions, translate
from planner.ui.canvas.scene import FloorScene
from planner.ui.canvas.view import FloorView
from planner.ui.icons import APP_ICON, icon
from planner.ui.status import StatusBar

APP_NAME = "Festival Floor Planner"
DEFAULT_SIZE = (1400, 900)


class MainWindow(QMainWindow):
    def __init__(self, layout: Layout, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout: Layout = layout
        self.path: Path | None = path
        self.setWindowIcon(icon(APP_ICON))
        self.resize(*DEFAULT_SIZE)
        self.scene = FloorScene(layout, parent=self)
        self.view = FloorView(self.scene, self)
        self.view.setObjectName("plan_view")
        self.setCentralWidget(self.view)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.actions = build_actions(self)
        self._build_menus()
        self._build_toolbar()
        self.view.cursor_moved.connect(self._show_cursor)
        self.view.cursor_left.connect(self.status.clear_cursor)
        self.view.zoom_changed.connect(self.status.show_zoom)
        layout.subscribe(self._on_change)
        self._update_title()
        self.status.show_zoom(self.view.zoom())
        self.view.setFocus()

    # -- building ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        menus = {key: self.menuBar().addMenu(translate(text)) for key, text in MENUS}
        for spec in ACTIONS:
            menu = menus[spec.menu]
            if spec.separator_before and not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(self.actions[spec.name])

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main Toolbar"), self)
        bar.setObjectName("main_toolbar")
        bar.setIconSize(QSize(22, 22))
        bar.setMovable(False)
        self.addToolBar(bar)
        for spec in ACTIONS:
            if spec.toolbar:
                if spec.separator_before and bar.actions():
                    bar.addSeparator()
                bar.addAction(self.actions[spec.name])

    # -- the layout ------------------------------------------------------------------------
    def set_layout(self, layout: Layout, path: Path | None) -> None:
        """Show another layout, fitted to the window."""
        self.layout.unsubscribe(self._on_change)
        self.layout, self.path = layout, path
        layout.subscribe(self._on_change)
        self.scene.set_layout(layout)
        self.view.fit()
        self._update_title()

    def _on_change(self, change: Change) -> None:
        if "layout" in change.parts:
            self._update_title()

    def _update_title(self) -> None:
        name = self.layout.name or (self.path.name if self.path else self.tr("Untitled"))
        self.setWindowTitle(self.tr("{name} – {app}").format(name=name, app=APP_NAME))

    def _show_cursor(self, x: float, y: float) -> None:
        self.status.show_cursor(x, y, self.scene.objects_at(to_scene(x, y)))

    # -- action handlers -------------------------------------------------------------------
    def open_file(self, path: Path | None = None) -> bool:
        """Open a layout file (asking for one when ``path`` is None); on error keep the current one."""
        if path is None:
            start = str(self.path.parent if self.path else layouts_dir())
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open Layout"), start,
                self.tr("Festival layouts (*.festival.json);;JSON files (*.json);;All files (*)"))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            layout = read_layout(path)
        except LayoutFileError as exc:
            QMessageBox.critical(self, self.tr("Cannot Open Layout"), str(exc))
            return False
        self.set_layout(layout, path)
        return True

    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def fit(self) -> None:
        self.view.fit()

    def about(self) -> None:
        QMessageBox.about(
            self, self.tr("About {app}").format(app=APP_NAME),
            self.tr("<h3>{app} {version}</h3>"
                    "<p>Lay out outdoor market festivals to scale: site, zones, gates, "
                    "amenities and booths, in metres.</p>").format(app=APP_NAME,
                                                                 version=planner.__version__))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.scene.detach()
        self.layout.unsubscribe(self._on_change)
        super().closeEvent(event)

