"""Qt's half of the translation: our compiled catalogue and Qt's own, installed on the application.

``planner_<lang>.qm`` (compiled from ``planner_<lang>.ts`` beside this file)
translates what the planner draws and shows through Qt (PDF sheet labels,
later the editor); Qt's ``qt_<lang>.qm`` / ``qtbase_<lang>.qm`` from
PySide6's translations folder translate Qt's own words (standard buttons,
file dialogs). ``install_translators`` also switches the Qt-free core
(``planner.i18n.set_language``), so one call sets the whole program's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from planner.i18n import LANGUAGES, set_language, system_language

HERE = Path(__file__).resolve().parent
QT_CATALOGUES = ("qt", "qtbase")     # qt_<lang> is Qt's meta catalogue (qtbase and the other modules)

_installed: list[QTranslator] = []
_state: tuple[object, str] | None = None    # (application, language) of the translators installed


def qm_path(lang: str) -> Path:
    return HERE / f"planner_{lang}.qm"


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_translators(app: QCoreApplication | None, lang: str | None) -> list[str]:
    """Translate Qt's side and the core into ``lang`` (None: the system language).

    Replaces the translators installed here before and returns the catalogues now installed
    (none for English). Calling it again with the same application and language changes no
    translator, so no needless LanguageChange events reach the widgets.
    """
    global _state
    lang = set_language(lang or system_language())
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translators needs a QCoreApplication")
    if _state is not None and _state[0] is app and _state[1] == lang:
        return [t.filePath() for t in _installed]
    remove_translators()
    if lang != "en":
        # Installed last is asked first: the planner's own catalogue before Qt's.
        qt = QTranslator(app)
        folder = qt_translations_dir()
        if any(qt.load(f"{name}_{lang}", folder) for name in QT_CATALOGUES):
            _installed.append(qt)
        ours = QTranslator(app)
        if ours.load(str(qm_path(lang))):
            _installed.append(ours)
        for translator in _installed:
            QCoreApplication.installTranslator(translator)
    _state = (app, lang)
    return [t.filePath() for t in _installed]


def remove_translators() -> None:
    """Take out every translator installed here (back to the source language, English)."""
    global _state
    if QCoreApplication.instance() is not None:
        for translator in _installed:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _state = None
