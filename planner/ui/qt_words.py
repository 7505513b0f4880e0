"""Qt's own words that Qt's Chinese catalogue lacks, translated in ours.

qtbase_zh_CN.qm as shipped with this Qt predates some of its strings (Qt 6.11's
file dialog says "&Look in:" where the catalogue knows "Look in:"), so those
came out in English inside Chinese dialogs. Marked here in Qt's own contexts,
lupdate puts them into planner_<lang>.ts, and our translator, asked before
Qt's, answers for them. Nothing calls ``_marks``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _marks() -> None:  # pragma: no cover - read by lupdate, never run
    QCoreApplication.translate("QFileDialog", "&Look in:")
    QCoreApplication.translate("QFileDialog", "Files of &type:")
    QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms")
