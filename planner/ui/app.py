"""Start the editor: the application object, the main window, an optional screenshot."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from planner.model.layout import Layout
from planner.ui.icons import APP_ICON, icon
from planner.ui.main_window import APP_NAME, open_window

ORGANISATION = "Festival Floor Planner"


def application() -> QApplication:
    """The running QApplication, created and named if there is none yet."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(icon(APP_ICON))
    return app


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def run_editor(layout: Layout, path: Path | None, *, screenshot: Path | None = None) -> int:
    """Show the editor on ``layout`` (loaded from ``path``) and run until it closes.

    With ``screenshot``, the window is shown, fitted and saved to that PNG, and
    the call returns 0 without entering the event loop.
    """
    app = application()
    window = open_window(layout, Path(path) if path is not None else None)
    _settle(app)
    window.view.fit()
    if screenshot is None:
        window.offer_recovery()
    else:
        _settle(app)
        saved = window.grab().save(str(screenshot))
        window.close()
        if not saved:
            raise OSError(f"could not write the screenshot {screenshot}")
        return 0
    return app.exec()
