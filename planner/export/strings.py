"""The words printed on sheets, all through Qt's translation system (context "Export").

Layout text (zone names, exhibitors, booth numbers) is the organiser's and
is never translated; every word the planner adds is. Tables are marked with
QT_TRANSLATE_NOOP so pyside6-lupdate finds them, and translated when drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Written out as translate("Export", "…") at every call, then .format(…) for the
# placeholders, because that is the form pyside6-lupdate finds.
translate = QCoreApplication.translate

# Statuses and kinds are named as in the editor: one table, planner.render.names.


VIEW = {
    "exhibitor": QT_TRANSLATE_NOOP("Export", "Exhibitor map"),
    "visitor": QT_TRANSLATE_NOOP("Export", "Visitor map"),
    "safety": QT_TRANSLATE_NOOP("Export", "Safety map"),
}

BOOTH_TYPE = {
    "closed": QT_TRANSLATE_NOOP("Export", "closed"),
    "inline": QT_TRANSLATE_NOOP("Export", "inline"),
    "corner": QT_TRANSLATE_NOOP("Export", "corner"),
    "double-sided": QT_TRANSLATE_NOOP("Export", "double-sided"),
    "peninsula": QT_TRANSLATE_NOOP("Export", "peninsula"),
    "island": QT_TRANSLATE_NOOP("Export", "island"),
}

SEVERITY = {
    "error": QT_TRANSLATE_NOOP("Export", "Error"),
    "warning": QT_TRANSLATE_NOOP("Export", "Warning"),
}


def named(table: dict[str, str], key: str) -> str:
    return translate("Export", table.get(key, key))


def number(value: float, decimals: int = 0) -> str:
    """A number with thousands separators, as the CLI writes them."""
    return f"{value:,.{decimals}f}"


def metres(value: float, decimals: int = 1) -> str:
    return translate("Export", "{value} m").format(value=number(value, decimals))


def duration(seconds: float | None) -> str:
    """``4 min 35 s`` (or its translation); an unknown time is a dash."""
    if seconds is None:
        return "–"
    total = int(round(seconds))
    minutes, secs = divmod(total, 60)
    if minutes:
        return translate("Export", "{minutes} min {seconds} s").format(minutes=minutes, seconds=secs)
    return translate("Export", "{seconds} s").format(seconds=secs)
