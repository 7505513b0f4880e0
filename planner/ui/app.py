"""Start the editor: the application object, its language, the main window, an optional screenshot."""

from __future__ import annotations

import gc

import sys
import weakref
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, QObject, Qt
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner.i18n import fonts
from planner.i18n.qt import install_translators
from planner.model.layout import Layout
from planner.ui.icons import APP_ICON, icon
from planner.ui.main_window import APP_NAME, MainWindow, open_window
from planner.ui.preferences import startup_language

ORGANISATION = "Festival Floor Planner"
MAX_LABELS_NAMED = 12           # a font warning names at most this many labels


def application() -> QApplication:
    """The running QApplication, created and named if there is none yet."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName(APP_NAME)     # set again in its language by set_up_language
    app.setWindowIcon(icon(APP_ICON))
    return app


def set_up_language(app: QApplication, lang: str | None = None) -> str:
    """Install the translators for ``lang`` (``--lang``), else the preferences' language, else the system's.

    Must run before any widget is made: widgets translate their texts when built.
    """
    chosen = startup_language(lang)
    install_translators(app, chosen)
    # Window titles end in the application's name ("西湖[*] – 节庆市集平面规划"): the same words here.
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Festival Floor Planner"))
    # Numbers and dates in Qt's widgets (spin boxes, the file dialog) follow the interface language.
    if chosen == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    elif QLocale.system().language() == QLocale.Language.Chinese:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return chosen


# -- fonts ------------------------------------------------------------------------------------------
class FontCheck(QObject):
    """Warns, without blocking, when the layout's labels cannot be drawn.

    Once per run when no font on the system draws Chinese (naming the package to
    install), and once per layout shown when some label has characters the label
    font lacks. Every window that comes to the front is looked at, so layouts opened
    later, in new windows too, are checked as well.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._told_cjk = False
        self._checked: list[weakref.ref[Layout]] = []     # layouts are unhashable: by identity
        self.shown: list[QMessageBox] = []            # the warnings on screen (tests read them)
        app.focusWindowChanged.connect(self._window_focused)

    def _window_focused(self, window: QWindow | None) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.windowHandle() is window and window is not None:
                self.check(widget)

    def check(self, window: MainWindow) -> list[str]:
        """Look at ``window``'s layout (once per layout); returns the warnings given."""
        layout = window.document.layout
        self._checked = [ref for ref in self._checked if ref() is not None]
        if any(ref() is layout for ref in self._checked):
            return []
        self._checked.append(weakref.ref(layout))
        told = []
        if not self._told_cjk and not fonts.cjk_font_installed():
            self._told_cjk = True
            told.append(QCoreApplication.translate(
                "Fonts", "No font on this computer can draw Chinese, so Chinese labels would show as empty "
                "boxes. Install a Chinese font (on Debian or Ubuntu: sudo apt-get install {package}) "
                "and start the planner again.").format(package=fonts.CJK_PACKAGE))
        bad = fonts.unsupported_labels(fonts.layout_labels(layout))
        if bad:
            lines = [QCoreApplication.translate("Fonts", "“{label}” (lacks {characters})").format(
                label=label, characters=" ".join(missing)) for label, missing in bad[:MAX_LABELS_NAMED]]
            if len(bad) > MAX_LABELS_NAMED:
                lines.append(QCoreApplication.translate("Fonts", "… and {n} more").format(
                    n=len(bad) - MAX_LABELS_NAMED))
            told.append(QCoreApplication.translate(
                "Fonts", "The label font has no characters for some of this layout's names, so they will "
                "not be drawn whole:\n{labels}").format(labels="\n".join(lines)))
            window.status.showMessage(QCoreApplication.translate(
                "Fonts", "{n} labels have characters the label font cannot draw.").format(n=len(bad)), 10000)
        if told:
            self._tell(window, "\n\n".join(told))
        return told

    def _tell(self, parent: QWidget, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Fonts", "Missing Fonts"), text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("font_warning")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.shown.append(box)
        box.destroyed.connect(lambda *_: self.shown.remove(box) if box in self.shown else None)
        box.show()


_font_check: FontCheck | None = None


def font_check(app: QApplication) -> FontCheck:
    global _font_check
    if _font_check is None or _font_check.parent() is not app:
        _font_check = FontCheck(app)
    return _font_check


# -- running ------------------------------------------------------------------------------------------
def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle_heap() -> None:
    """Collect once and freeze what is alive: the layout, the scene and the widgets live for the session.

    Python's cyclic collector otherwise rescans all of them in a full collection that falls in
    whichever frame happens to allocate next (about 50 ms with 2,000 booths, mid-drag); frozen, they
    are left out of it. Called once the first window is up, when a pause goes unnoticed.
    """
    gc.collect()
    gc.freeze()


def run_editor(layout: Layout, path: Path | None, *, screenshot: Path | None = None,
               lang: str | None = None) -> int:
    """Show the editor on ``layout`` (loaded from ``path``) and run until it closes.

    ``lang`` (``--lang``) overrides the language chosen in the preferences and the
    system locale. With ``screenshot``, the window is shown, fitted and saved to that
    PNG, and the call returns 0 without entering the event loop.
    """
    app = application()
    set_up_language(app, lang)
    window = open_window(layout, Path(path) if path is not None else None)
    _settle(app)
    window.view.fit()
    if screenshot is None:
        font_check(app).check(window)
        window.offer_recovery()
        settle_heap()
    else:
        _settle(app)
        saved = window.grab().save(str(screenshot))
        window.close()
        if not saved:
            raise OSError(f"could not write the screenshot {screenshot}")
        return 0
    return app.exec()
