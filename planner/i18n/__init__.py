"""Translation of the Qt-free core's messages (CLI, file errors, edit names).

The core must translate without importing Qt, so it reads one small JSON
catalogue per language (``core_<lang>.json`` beside this file: source text
to translation). The Qt interface uses Qt's own ``.ts``/``.qm`` files.
Messages are whole sentences with ``{placeholders}``; never glue fragments.
"""

from __future__ import annotations

import json
import locale
import os
from pathlib import Path

LANGUAGES = ("en", "zh_CN")
_HERE = Path(__file__).resolve().parent
_catalogue: dict[str, str] = {}
_language = "en"


def system_language() -> str:
    """The language the environment asks for: zh_CN for any Chinese locale, else en."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh_CN" if code.lower().startswith("zh") else "en"


def set_language(lang: str | None) -> str:
    """Switch the core's messages to ``lang`` (None: the system language)."""
    global _catalogue, _language
    lang = lang or system_language()
    if lang not in LANGUAGES:
        lang = "en"
    catalogue: dict[str, str] = {}
    path = _HERE / f"core_{lang}.json"
    if lang != "en" and path.exists():
        catalogue = json.loads(path.read_text(encoding="utf-8"))
    _catalogue = catalogue
    _language = lang
    return lang


def language() -> str:
    return _language


def tr(message: str, /, **values: object) -> str:
    """Translate a whole message and fill its placeholders."""
    text = _catalogue.get(message) or message
    return text.format(**values) if values else text


def ntr(singular: str, plural: str, n: int, /, **values: object) -> str:
    """Translate a message whose wording depends on a count ``n``."""
    key = singular if n == 1 else plural
    text = _catalogue.get(key) or _catalogue.get(singular) or key
    return text.format(n=n, **values)


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def format_dates(iso: str) -> str:
    """An ISO 8601 date or interval as the reader of the current language writes it."""
    import datetime

    parts = [p for p in iso.split("/") if p]
    try:
        days = [datetime.date.fromisoformat(p) for p in parts]
    except ValueError:
        return iso
    if not days:
        return ""
    first, last = days[0], days[-1]
    if _language == "zh_CN":
        def zh(d: datetime.date) -> str:
            return f"{d.year}年{d.month}月{d.day}日"
        if first == last:
            return zh(first)
        if first.year == last.year and first.month == last.month:
            return f"{zh(first)}至{last.day}日"
        if first.year == last.year:
            return f"{zh(first)}至{last.month}月{last.day}日"
        return f"{zh(first)}至{zh(last)}"

    def en(d: datetime.date, year: bool = True) -> str:
        return f"{d.day} {_MONTHS_EN[d.month - 1]}" + (f" {d.year}" if year else "")
    if first == last:
        return en(first)
    if first.year == last.year and first.month == last.month:
        return f"{first.day}–{last.day} {_MONTHS_EN[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{en(first, False)} – {en(last)}"
    return f"{en(first)} – {en(last)}"


def format_number(value: float, decimals: int = 0) -> str:
    """A number with thousands separators (the same in English and Chinese)."""
    return f"{value:,.{decimals}f}"


def format_list(items: list[str] | tuple[str, ...]) -> str:
    """Items of a list as the current language separates them: ``a, b, c`` or ``a、b、c``."""
    return ("、" if _language == "zh_CN" else ", ").join(items)
