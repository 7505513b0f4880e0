"""Edit → Preferences…: the interface language, remembered with QSettings and applied on the next start.

The language the editor starts in is, first to last: ``--lang`` on the
command line, the language chosen here, the system locale. Translators are
installed before any widget is made, so a change takes effect on restart.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from planner.i18n import LANGUAGES, system_language

LANGUAGE_KEY = "ui/language"
# Each language is named in itself, so a user who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}


def saved_language() -> str | None:
    """The language chosen in the preferences, or None to follow the system."""
    value = QSettings().value(LANGUAGE_KEY, "", str)
    return value if value in LANGUAGES else None


def save_language(lang: str | None) -> None:
    """Remember ``lang`` for the next start (None: follow the system)."""
    settings = QSettings()
    if lang in LANGUAGES:
        settings.setValue(LANGUAGE_KEY, lang)
    else:
        settings.remove(LANGUAGE_KEY)
    settings.sync()


def startup_language(explicit: str | None = None) -> str:
    """The editor's language: ``--lang``, else the preferences, else the system locale."""
    if explicit in LANGUAGES:
        return explicit
    return saved_language() or system_language()


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.addItem(self.tr("System language"), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(saved_language() or ""), 0))
        form = QFormLayout()
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.language_combo)
        form.addRow(label, self.language_combo)
        self.note = QLabel(self.tr("The new language is used the next time the planner starts."))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.note)
        box.addWidget(buttons)
        self.setMinimumWidth(380)

    def chosen_language(self) -> str | None:
        return self.language_combo.currentData() or None

    def accept(self) -> None:
        save_language(self.chosen_language())
        super().accept()


__all__ = ["LANGUAGE_KEY", "PreferencesDialog", "save_language", "saved_language", "startup_language"]
