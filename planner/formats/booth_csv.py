"""The booth list as CSV, safe to open in a spreadsheet (no Qt).

Exhibitor names come from outside (application forms, a CSV someone else
made), so a name such as ``=HYPERLINK(…)`` must not become a formula when the
organiser opens the list in Excel or LibreOffice: a text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
apostrophe (OWASP's advice), which spreadsheets show as plain text. Numbers
stay numbers. ``csv_cell`` and ``plain_cell`` are the one implementation of
that rule, for this export and for the exhibitor import alike.

The file is UTF-8 with a byte-order mark, so Excel shows Chinese names
correctly; Python reads it with ``encoding="utf-8-sig"``. Column names are
English identifiers, like the keys of the layout file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from planner.model.layout import Booth, Layout

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

COLUMNS = ("number", "exhibitor", "zone", "zone_id", "status", "width_m", "depth_m", "area_m2",
           "type", "open_sides", "cooking", "category", "x", "y", "rotation", "id")


def csv_cell(value: object) -> str:
    """A value as a spreadsheet-safe cell: text that a spreadsheet would run as a formula is defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _NUMBER.match(text):
        return "'" + text
    return text


def plain_cell(text: str) -> str:
    """Undo ``csv_cell`` on reading: drop the apostrophe it put before a formula-like start."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _number(value: float) -> str:
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")


def natural_key(text: str) -> tuple:
    """Sort key that puts ANI-2 before ANI-10 and keeps letters together."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in re.split(r"(\d+)", text) if part)


def booth_rows(layout: Layout) -> list[tuple[Booth, str | None]]:
    """Booths sorted by number (then id), each with the id of the zone it stands in."""
    zone_of = layout.zone_of_booths()
    booths = sorted(layout.booths, key=lambda b: (natural_key(b.number), b.id))
    return [(b, zone_of[b.id]) for b in booths]


def write_csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text (with a byte-order mark) whose every cell went through ``csv_cell``."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def dumps_booth_csv(layout: Layout) -> str:
    """The booth list: one row per booth, sorted by number."""
    zones = {z.id: z for z in layout.zones}
    rows = []
    for booth, zone_id in booth_rows(layout):
        zone = zones.get(zone_id or "")
        rows.append((
            booth.number, booth.exhibitor, zone.name if zone else "", zone_id or "", booth.status,
            booth.width, booth.depth, round(booth.width * booth.depth, 3), booth.booth_type,
            ";".join(booth.ordered_open_sides), booth.cooking, booth.category,
            round(booth.x, 3), round(booth.y, 3), booth.rotation, booth.id,
        ))
    return write_csv_text(COLUMNS, rows)
