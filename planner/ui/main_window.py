"""The main window: wires the document, the canvas and its tools, the panels, menus and status bar.

It decides nothing about the plan: edits are built by the tools and by
``Editing``, files are handled by ``FileActions``, and the window connects
them to menus, tool bars and docks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QMainWindow, QMenu, QMessageBox, QToolBar, QUndoView, QWidget,
)

import planner
from planner.model.edits import describe
from planner.model.layout import Change, Layout
from planner.render.geometry import to_scene
from planner.ui import autosave, recent
from planner.ui.actions import ACTIONS, MENUS, build_actions, translate
from planner.ui.analysis import LiveAnalysis
from planner.ui.booth_numbers import DuplicateWatch
from planner.ui.canvas.analysis_overlays import connect_window
from planner.ui.canvas.host import CanvasHost
from planner.ui.canvas.scene import FloorScene
from planner.ui.canvas.view import FloorView
from planner.ui.document import Document
from planner.ui.editing import Editing
from planner.ui.files import FileActions
from planner.ui.icons import APP_ICON, icon
from planner.ui.panels.background_panel import BackgroundPanel
from planner.ui.panels.booth_table import BoothTablePanel
from planner.ui.panels.findings import add_analysis_panels
from planner.ui.panels.layers import LayersPanel
from planner.ui.panels.properties import PropertiesPanel
from planner.ui.panels.tool_options import ToolOptions
from planner.ui.selection import Selection
from planner.ui.site_image import SiteImage
from planner.ui.status import StatusBar
from planner.ui.text_undo import keep_undo_keys_in_text_fields

APP_NAME = "Festival Floor Planner"
DEFAULT_SIZE = (1400, 900)
MESSAGE_MS = 6000
_windows: list[MainWindow] = []      # open windows, so a new one is not collected


def open_window(layout: Layout, path: Path | None = None, *, recovered: bool = False) -> MainWindow:
    """Show ``layout`` in a window of its own."""
    window = MainWindow(layout, path)
    if recovered:
        window.document.replace(layout, path, recovered=True)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    _windows.append(window)
    window.destroyed.connect(lambda *_: _windows.remove(window) if window in _windows else None)
    window.show()
    return window


class MainWindow(QMainWindow):
    def __init__(self, layout: Layout, path: Path | None = None, parent: QWidget | None = None,
                 *, autosave_ms: int = autosave.INTERVAL_MS) -> None:
        super().__init__(parent)
        self._closing = False
        self.setWindowIcon(icon(APP_ICON))
        self.resize(*DEFAULT_SIZE)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self.document = Document(layout, path, self)
        self.selection = Selection(self)
        self.scene = FloorScene(layout, parent=self)
        self.scene.set_base_dir(path.parent if path else None)
        self.view = FloorView(self.scene, self)
        self.view.setObjectName("plan_view")
        self.setCentralWidget(self.view)
        self.host = CanvasHost(self.document, self.selection, self.scene, self)
        self.view.set_host(self.host)
        self.editing = Editing(self.host, self)
        self.files = FileActions(self, self.document, lambda lay, p: open_window(lay, p))
        self.site_image = SiteImage(self, self.document, self.host, self.view)
        self.autosaver = autosave.Autosaver(self.document, autosave_ms, self)
        self.duplicate_watch = DuplicateWatch(self.document, lambda text: self._message(text))
        self.analysis = LiveAnalysis(self.document, self)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.status.follow(self.document)       # booths per status, after every edit and undo
        self.actions = build_actions(self)
        keep_undo_keys_in_text_fields(self.actions["undo"], self.actions["redo"])   # typing undoes typing
        self._build_docks()
        self._build_menus()
        self._build_toolbars()
        self._wire()
        self.overlays = connect_window(self)        # the analysis drawn over the plan
        self._followed: Layout | None = None
        self._follow(layout)
        self._update_title()
        self._update_enabled()
        self.status.show_zoom(self.view.zoom())
        self.view.setFocus()

    # -- building ------------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.properties = PropertiesPanel(self.document, self.selection)
        self.layers_panel = LayersPanel(self.scene.layers)
        self.history = QUndoView(self.document.undo_stack)
        self.history.setObjectName("history_view")
        self.history.setEmptyLabel(self.tr("Opened layout"))
        self.docks = {
            "properties": self._dock("properties_dock", self.tr("Properties"), self.properties, right),
            "layers": self._dock("layers_dock", self.tr("Layers"), self.layers_panel, right),
            "history": self._dock("history_dock", self.tr("History"), self.history, right),
            "site_image": self._dock("site_image_dock", self.tr("Site Plan Image"),
                                     BackgroundPanel(self.site_image), right),
        }
        self.tabifyDockWidget(self.docks["layers"], self.docks["history"])
        self.tabifyDockWidget(self.docks["history"], self.docks["site_image"])
        self.docks["layers"].raise_()
        self.resizeDocks([self.docks["properties"], self.docks["layers"]], [560, 300], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["properties"]], [330], Qt.Orientation.Horizontal)
        self.setCorner(Qt.Corner.BottomRightCorner, right)      # the right docks keep their full height
        self.booth_table = BoothTablePanel(self.document, self.selection, self.view)
        self.booth_table.message_posted.connect(self._message)
        self.docks["booths"] = self._dock("booths_dock", self.tr("Booths"), self.booth_table,
                                          Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resizeDocks([self.docks["booths"]], [220], Qt.Orientation.Vertical)
        add_analysis_panels(self)

    def _build_menus(self) -> None:
        self.menus = {key: self.menuBar().addMenu(translate(text)) for key, text in MENUS}
        for spec in ACTIONS:
            menu = self.menus[spec.menu]
            if spec.separator_before and not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(self.actions[spec.name])
            if spec.name == "open":
                self.recent_menu = QMenu(self.tr("Open &Recent"), self)
                self.recent_menu.setObjectName("recent_menu")
                menu.addMenu(self.recent_menu)
        view = self.menus["view"]
        view.addSeparator()
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        self._fill_recent()

    def _build_toolbars(self) -> None:
        main = QToolBar(self.tr("Main Toolbar"), self)
        main.setObjectName("main_toolbar")
        tools = QToolBar(self.tr("Tools"), self)
        tools.setObjectName("tools_toolbar")
        options = QToolBar(self.tr("Tool Options"), self)
        options.setObjectName("tool_options_toolbar")
        for bar in (main, tools):
            bar.setIconSize(QSize(24, 24))
            bar.setMovable(False)
        options.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, main)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, tools)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, options)
        self.tool_options = ToolOptions(self.host)
        options.addWidget(self.tool_options)
        bars = {"main": main, "tools": tools}
        for spec in ACTIONS:
            if spec.toolbar:
                bar = bars[spec.toolbar]
                if spec.separator_before and bar.actions():
                    bar.addSeparator()
                bar.addAction(self.actions[spec.name])
        self.toolbars = {"main": main, "tools": tools, "options": options}

    def _wire(self) -> None:
        doc = self.document
        doc.modified_changed.connect(lambda _m: self._update_title())
        doc.path_changed.connect(self._path_changed)
        doc.layout_replaced.connect(self._follow)
        doc.layout_replaced.connect(lambda _layout: self.view.fit())
        doc.undo_stack.undoTextChanged.connect(lambda _t: self._update_undo_texts())
        doc.undo_stack.redoTextChanged.connect(lambda _t: self._update_undo_texts())
        doc.undo_stack.canUndoChanged.connect(lambda _c: self._update_enabled())
        doc.undo_stack.canRedoChanged.connect(lambda _c: self._update_enabled())
        self.selection.changed.connect(self._update_enabled)
        self.selection.changed.connect(self._show_selection)
        self.host.tool_changed.connect(self._tool_changed)
        self.host.message_posted.connect(self._message)
        self.editing.message_posted.connect(self._message)
        self.files.recent_changed.connect(self._fill_recent)
        self.files.message_posted.connect(self._message)
        self.view.cursor_moved.connect(self._show_cursor)
        self.view.cursor_left.connect(self.status.clear_cursor)
        self.view.zoom_changed.connect(self.status.show_zoom)
        QApplication.clipboard().dataChanged.connect(self._update_enabled)
        self._update_undo_texts()

    # -- following the document ------------------------------------------------------------------
    def _follow(self, layout: Layout) -> None:
        if self._followed is not None:
            self._followed.unsubscribe(self._on_change)
        self._followed = layout
        layout.subscribe(self._on_change)
        self._update_title()

    def _on_change(self, change: Change) -> None:
        if "layout" in change.parts:
            self._update_title()

    def _path_changed(self, path: Path | None) -> None:
        self.scene.set_base_dir(path.parent if path else None)
        self._update_title()

    def _update_title(self) -> None:
        name = self.document.display_name() or self.tr("Untitled")
        self.setWindowTitle(self.tr("{name}[*] – {app}").format(name=name, app=self.tr("Festival Floor Planner")))
        self.setWindowModified(self.document.modified)

    def _update_undo_texts(self) -> None:
        try:
            self._show_undo_texts()
        except RuntimeError:        # the window is being destroyed: its undo stack has gone first
            pass

    def _show_undo_texts(self) -> None:
        if self._closing:
            return
        stack = self.document.undo_stack
        undo, redo = self.actions["undo"], self.actions["redo"]
        undo.setText(self.tr("&Undo {action}").format(action=stack.undoText()) if stack.canUndo()
                     else translate("&Undo"))
        redo.setText(self.tr("&Redo {action}").format(action=stack.redoText()) if stack.canRedo()
                     else translate("&Redo"))
        self._update_enabled()

    def _update_enabled(self) -> None:
        try:
            self._enable()
        except RuntimeError:        # the window is being destroyed
            pass

    def _enable(self) -> None:
        if self._closing:
            return
        stack = self.document.undo_stack
        self.actions["undo"].setEnabled(stack.canUndo())
        self.actions["redo"].setEnabled(stack.canRedo())
        selected = bool(self.selection)
        for spec in ACTIONS:
            if spec.needs == "selection":
                self.actions[spec.name].setEnabled(selected)
        self.actions["paste"].setEnabled(self.editing.can_paste())

    def _tool_changed(self, name: str) -> None:
        action = self.actions.get(f"tool_{name.removeprefix('draw_')}")
        if action is not None and not action.isChecked():
            action.setChecked(True)

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = recent.recent_files()
        for path in files:
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.files.open_recent(p))
        if files:
            menu.addSeparator()
            menu.addAction(self.tr("&Clear Menu"), self.files.clear_recent)
        menu.setEnabled(bool(files))

    def _message(self, text: str) -> None:
        self.status.showMessage(text, MESSAGE_MS)

    def _show_selection(self) -> None:
        objects = self.selection.objects(self.document.layout)
        self.status.show_selection(self.tr("{what} selected").format(what=describe(objects)) if objects else "")

    def _show_cursor(self, x: float, y: float) -> None:
        self.status.show_cursor(x, y, self.scene.objects_at(to_scene(x, y)))

    # -- compatibility: the open layout ------------------------------------------------------------
    @property
    def layout(self) -> Layout:   # type: ignore[override]
        return self.document.layout

    @property
    def path(self) -> Path | None:
        return self.document.path

    def open_file(self, path: Path | None = None) -> bool:
        return self.files.open(path)

    # -- action handlers -----------------------------------------------------------------------------
    def show_grid(self, shown: bool) -> None:
        self.scene.grid_item.setVisible(shown)

    def set_snapping(self, on: bool) -> None:
        self.host.snapper.enabled = on

    def set_booth_colours(self, mode: str) -> None:
        """Colour the booths by "status" or by "zone"; the key in the corner follows."""
        self.scene.set_booth_fill(mode)

    def show_legend(self, shown: bool) -> None:
        self.view.set_legend_visible(shown)

    def quit_all(self) -> None:
        for window in [self, *[w for w in _windows if w is not self]]:
            if not window.close():
                return

    def renumber(self) -> bool:
        from planner.ui.numbering_dialog import renumber_booths

        return renumber_booths(self)

    def show_preferences(self) -> None:
        from planner.ui.preferences import PreferencesDialog

        PreferencesDialog(self).exec()

    def import_exhibitors(self, path: Path | None = None) -> object:
        from planner.ui.import_exhibitors import start_import

        return start_import(self, path)

    def about(self) -> None:
        QMessageBox.about(
            self, self.tr("About {app}").format(app=self.tr("Festival Floor Planner")),
            self.tr("<h3>{app} {version}</h3>"
                    "<p>Lay out outdoor market festivals to scale: site, zones, gates, "
                    "amenities and booths, in metres.</p>").format(
                        app=self.tr("Festival Floor Planner"), version=planner.__version__))

    def offer_recovery(self) -> int:
        """Offer the work of planners that did not close properly; returns how many were recovered."""
        recovered = 0
        for rescue in autosave.pending():
            name = rescue.name or (rescue.original.name if rescue.original else self.tr("Untitled"))
            answer = QMessageBox.question(
                self, self.tr("Recover Unsaved Work"),
                self.tr("The planner closed without saving “{name}”. Recover the changes from its "
                        "autosave?").format(name=name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes)
            if answer != QMessageBox.StandardButton.Yes:
                rescue.discard()
                continue
            try:
                layout = rescue.load()
            except autosave.LayoutFileError as exc:
                QMessageBox.critical(self, self.tr("Cannot Recover"), str(exc))
                rescue.discard()
                continue
            if recovered == 0 and not self.document.modified:
                self.document.replace(layout, rescue.original, recovered=True)
                self.view.fit()
            else:
                open_window(layout, rescue.original, recovered=True).view.fit()
            rescue.discard()
            recovered += 1
        return recovered

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if not self.files.maybe_save():
            event.ignore()
            return
        self._closing = True
        self.autosaver.discard()
        self.autosaver.timer.stop()
        self.host.detach()
        self.properties.detach()
        self.duplicate_watch.detach()
        self.analysis.detach()
        self.scenarios.detach()
        self.docks["site_image"].widget().detach()
        self.scene.detach()
        if self._followed is not None:
            self._followed.unsubscribe(self._on_change)
            self._followed = None
        super().closeEvent(event)


__all__ = ["APP_NAME", "DEFAULT_SIZE", "MainWindow", "open_window"]
