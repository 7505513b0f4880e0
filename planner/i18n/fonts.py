"""Can this system draw the layout's labels? Chinese fonts and the glyphs each label needs.

The canvas and the exports draw labels in ``planner.render.text.label_font``:
a Latin family first, then a family for Simplified Chinese. On a system with
no Chinese font at all, Chinese labels would come out as empty boxes, so the
editor says so once, naming the Debian package to install; and any label
with a character that none of the label font's families has is named in a
warning when a layout is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

CJK_PACKAGE = "fonts-noto-cjk"          # Debian and Ubuntu: Noto Sans CJK, the family the labels ask for first


def cjk_font_installed() -> bool:
    """Whether any installed font draws Simplified Chinese."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def label_families() -> tuple[str, ...]:
    """The families a label is drawn in, in the order they are tried."""
    from planner.render.text import label_font

    return tuple(label_font().families() or [label_font().family()])


@lru_cache(maxsize=8)
def _raw_fonts(families: tuple[str, ...]) -> tuple[QRawFont, ...]:
    fonts = []
    for family in families:
        raw = QRawFont.fromFont(QFont(family))
        if raw.isValid():
            fonts.append(raw)
    return tuple(fonts)


def supports_character(char: str, families: tuple[str, ...] | None = None) -> bool:
    """Whether one of the label font's families has a glyph for ``char``."""
    if char.isspace() or not char.isprintable():
        return True
    return any(raw.supportsCharacter(ord(char)) for raw in _raw_fonts(families or label_families()))


def missing_characters(text: str, families: tuple[str, ...] | None = None) -> str:
    """The characters of ``text`` that the label font cannot draw, each once, in order."""
    return "".join(c for c in dict.fromkeys(text) if not supports_character(c, families))


def layout_labels(layout: object) -> list[str]:
    """Every text of ``layout`` the canvas or a sheet draws: names, exhibitors, booth numbers, the event."""
    texts: list[str] = [getattr(layout, "name", "")]
    event = getattr(layout, "event", None)
    if event is not None:
        texts += [event.venue, event.organiser]
    for obj in layout.objects():  # type: ignore[attr-defined]
        texts += [getattr(obj, "name", ""), getattr(obj, "number", ""), getattr(obj, "exhibitor", "")]
    return [t for t in dict.fromkeys(texts) if t]


def unsupported_labels(labels: Iterable[str], families: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(label, the characters it lacks) for each label the label font cannot draw whole."""
    out = []
    for label in labels:
        missing = missing_characters(label, families)
        if missing:
            out.append((label, missing))
    return out


__all__ = ["CJK_PACKAGE", "cjk_font_installed", "label_families", "layout_labels", "missing_characters",
           "supports_character", "unsupported_labels"]
