"""Exhibitors from a spreadsheet: read a CSV and plan which booths get which exhibitor (no Qt).

Organisers keep exhibitors in a spreadsheet and save it as CSV, in whatever
encoding their spreadsheet writes: UTF-8 with or without a byte-order mark,
GBK from a Chinese Excel, UTF-16 from "Unicode text", Windows-1252 from a
Western one. The file is decoded in that order of likelihood and the
encoding found is reported, so a wrong guess is visible in the preview and
can be overridden. Rows are matched to booths by booth number; every row
gets an outcome (assigned, unchanged, or why not), numbered as the
spreadsheet numbers its rows (the first line is row 1), so the organiser can
find and fix it. The booth list export (``booth_csv``) reads back: its
columns map themselves, and the apostrophe it puts before formula-like text
is taken off again by the same module's ``plain_cell``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.formats.booth_csv import plain_cell
from planner.i18n import ntr, tr
from planner.model.edits import SetFields
from planner.model.layout import BOOTH_STATUSES, Layout

MAX_BYTES = 20 * 1024 * 1024     # a list of a few thousand exhibitors is well under 1 MB
TARGETS = ("number", "exhibitor", "category", "status", "cooking")
DELIMITERS = (",", ";", "\t")
ENCODINGS = ("utf-8-sig", "utf-8", "gb18030", "utf-16", "cp1252")
_HEADER_SEARCH = 10              # title rows above the header are skipped, up to this many

# Header words per target, English and Chinese, compared after ``_header_key``.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    # Most specific first: a heading that names the booth beats a bare "No." (often a row count).
    "number": ("boothno", "boothnumber", "booth#", "standno", "standnumber", "展位号", "展位编号", "摊位号",
               "摊位编号", "位置号", "booth", "stand", "展位", "摊位", "编号", "number", "no"),
    "exhibitor": ("exhibitor", "exhibitorname", "exhibitors", "展商", "展商名称", "参展商", "参展商名称",
                  "商户", "商户名称", "商家", "参展单位", "参展企业", "企业名称", "公司名称", "vendor",
                  "company", "brand", "品牌", "公司", "name", "名称"),
    "category": ("category", "productcategory", "categories", "类别", "品类", "类目", "分类",
                 "经营类别", "经营品类", "展品类别"),
    "status": ("status", "boothstatus", "状态", "展位状态", "销售状态"),
    "cooking": ("cooking", "openflame", "flame", "gas", "cookingflameorgas", "明火", "用火", "燃气",
                "明火燃气", "烹饪", "是否明火", "是否用火"),
}

# Words too general to find inside a longer heading ("展区名称" is the zone's name, not the exhibitor's).
_GENERIC = {"名称", "公司", "品牌", "编号", "展位", "摊位", "分类"}

STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "available": ("available", "free", "open", "可租", "空闲", "待售", "未售", "可用", "空"),
    "reserved": ("reserved", "hold", "on hold", "已预订", "预订", "预定", "已预定", "预留", "保留"),
    "sold": ("sold", "booked", "confirmed", "taken", "已售", "售出", "已租", "已确认", "已签约"),
    "blocked": ("blocked", "unavailable", "closed", "不可用", "封锁", "锁定", "停用", "禁用"),
}
YES_WORDS = ("true", "yes", "y", "1", "x", "✓", "✔", "是", "有", "对", "要")
NO_WORDS = ("false", "no", "n", "0", "否", "无", "没有", "不", "不要")


class ExhibitorFileError(ValueError):
    """A file that cannot be read as a list of exhibitors; the message names the file and why."""


class ImportMappingError(ValueError):
    """The columns chosen cannot make an import (no booth number column)."""


def _norm(text: str) -> str:
    """Full-width forms made plain (ＡＮＩ－００１ → ANI-001), case folded, spaces dropped."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def _header_key(text: str) -> str:
    return re.sub(r"[\s_\-.:：()（）\[\]【】/／*]+", "", unicodedata.normalize("NFKC", text)).casefold()


def _lookup(words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_norm(w): key for key, ws in words.items() for w in ws}


_STATUS = _lookup(STATUS_WORDS)
_STATUS.update({k: k for k in BOOTH_STATUSES})
_YES = {_norm(w) for w in YES_WORDS}
_NO = {_norm(w) for w in NO_WORDS}


# -- reading -------------------------------------------------------------------------------------
@dataclass
class CsvTable:
    """A decoded CSV: every record's cells, and how the file was read."""

    records: list[list[str]]
    encoding: str                 # one of ENCODINGS
    delimiter: str
    header_index: int             # index into ``records`` of the header row

    @property
    def header(self) -> list[str]:
        return self.records[self.header_index]

    @property
    def header_row(self) -> int:
        """The header's row number as the spreadsheet shows it (the first row is 1)."""
        return self.header_index + 1

    def body(self) -> list[tuple[int, list[str]]]:
        """The records under the header with their spreadsheet row numbers; blank rows left out."""
        return [(i + 1, r) for i, r in enumerate(self.records) if i > self.header_index and any(r)]

    @property
    def width(self) -> int:
        return max((len(r) for r in self.records), default=0)


def encoding_name(encoding: str) -> str:
    """What the encoding is called in the current language."""
    return {
        "utf-8-sig": tr("UTF-8 with byte-order mark"), "utf-8": tr("UTF-8"),
        "gb18030": tr("GBK (GB18030)"), "utf-16": tr("UTF-16"), "cp1252": tr("Windows-1252 (Western)"),
    }.get(encoding, encoding)


def delimiter_name(delimiter: str) -> str:
    return {",": tr("comma"), ";": tr("semicolon"), "\t": tr("tab")}.get(delimiter, delimiter)


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with (``encoding`` forces one)."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExhibitorFileError(tr(
            "{file} is an Excel workbook, not a CSV file. In the spreadsheet, save it as "
            "“CSV UTF-8” and import that file.", file=name))
    if encoding is None:
        if data.startswith(b"\xef\xbb\xbf"):
            encoding = "utf-8-sig"
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"
    candidates = [encoding] if encoding else ["utf-8", "gb18030", "cp1252"]
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "gb18030" and (re.search("[\ue000-\uf8ff\U00010000-\U0010ffff]", text)
                                   or _western_read_as_gbk(text)):
            continue          # private-use or four-byte characters, or "Cr阷es": not Chinese, a Western file
        if "\x00" in text or _control_share(text) > 0.05:
            raise ExhibitorFileError(tr("{file} is not a CSV file: it holds binary data, not text.",
                                        file=name))
        return text.removeprefix("\ufeff"), codec
    if encoding:
        raise ExhibitorFileError(tr("{file} cannot be read as {encoding}.", file=name,
                                    encoding=encoding_name(encoding)))
    raise ExhibitorFileError(tr("{file} is neither UTF-8 nor GBK text; save it from the spreadsheet "
                                "as “CSV UTF-8” and try again.", file=name))


_CJK = "\u3400-\u4dbf\u4e00-\u9fff"


def _western_read_as_gbk(text: str) -> bool:
    """Accented Western letters read as GBK become one Chinese character inside a Latin word
    ("Crêpes" → "Cr阷es"); in a Chinese list such characters are few among many."""
    sandwiched = len(re.findall(f"[A-Za-z][{_CJK}][A-Za-z]", text))
    return sandwiched > 0 and sandwiched >= 0.3 * len(re.findall(f"[{_CJK}]", text))


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\t\r\n")
    return bad / len(sample)


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the first records into equally many cells.

    ``csv.Sniffer`` guesses from character frequencies and is easily fooled by
    names with commas or semicolons in them; parsing the first records with
    each candidate and preferring the most consistent, widest split is not.
    """
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[:sample.rfind("\n")]
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(c.strip() for c in r)]
        rows = rows[:50]
        if not rows:
            continue
        widths = [len(r) for r in rows]
        mode = max(set(widths), key=lambda w: (widths.count(w), w))
        if mode < 2:
            continue
        score = (widths.count(mode) / len(widths), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_records(text: str, delimiter: str) -> list[list[str]]:
    """Every record's cells, stripped, with the formula guard of the booth list taken off."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [[plain_cell(c.strip()).strip() for c in row] for row in reader]


def guess_header(records: Sequence[Sequence[str]]) -> int:
    """The header's index: the early row naming the most known columns, else the first non-blank one."""
    best, best_count = None, 0
    for i, row in enumerate(records[:_HEADER_SEARCH]):
        count = sum(1 for v in guess_mapping(row).values() if v is not None)
        if count > best_count:
            best, best_count = i, count
    if best is not None:
        return best
    return next((i for i, r in enumerate(records) if any(r)), 0)


def read_table(source: Path | str | bytes, name: str | None = None, *, encoding: str | None = None,
               delimiter: str | None = None, header_index: int | None = None) -> CsvTable:
    """Read a CSV file (or its bytes); raises ExhibitorFileError with a sentence naming the file."""
    if isinstance(source, bytes):
        data, name = source, name or tr("the file")
    else:
        path = Path(source)
        name = name or path.name
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ExhibitorFileError(tr(
                    "{file} is {size:.0f} MB; a list of exhibitors is far smaller, at most {limit} MB.",
                    file=name, size=size / 1e6, limit=MAX_BYTES // (1024 * 1024)))
            data = path.read_bytes()
        except OSError as exc:
            raise ExhibitorFileError(tr("{file} cannot be read: {reason}", file=name,
                                        reason=exc.strerror or str(exc))) from exc
    if len(data) > MAX_BYTES:
        raise ExhibitorFileError(tr("{file} is {size:.0f} MB; a list of exhibitors is far smaller, at most "
                                    "{limit} MB.", file=name, size=len(data) / 1e6,
                                    limit=MAX_BYTES // (1024 * 1024)))
    text, used = decode(data, name, encoding)
    delimiter = delimiter or sniff_delimiter(text)
    try:
        records = parse_records(text, delimiter)
    except csv.Error as exc:
        raise ExhibitorFileError(tr("{file} is not a valid CSV file: {reason}", file=name,
                                    reason=str(exc))) from exc
    if not any(any(r) for r in records):
        raise ExhibitorFileError(tr("{file} has no header row: it is empty.", file=name))
    index = guess_header(records) if header_index is None else header_index
    if not 0 <= index < len(records) or not any(records[index]):
        raise ExhibitorFileError(tr("{file} has no header row at row {row}.", file=name, row=index + 1))
    return CsvTable(records, used, delimiter, index)


def guess_mapping(header: Sequence[str]) -> dict[str, int | None]:
    """For each target field, the column whose heading names it (exact words first, then contained ones)."""
    keys = [_header_key(h) for h in header]
    mapping: dict[str, int | None] = dict.fromkeys(TARGETS)
    used: set[int] = set()
    for partial in (False, True):
        for target in TARGETS:
            words = [_header_key(w) for w in HEADER_WORDS[target]]
            if not partial:
                found = next((i for w in words for i, key in enumerate(keys)     # the best word first
                              if i not in used and key and key == w), None)
            else:
                found = next((i for w in words if not w.isascii() and len(w) >= 2 and w not in _GENERIC
                              for i, key in enumerate(keys) if i not in used and key and w in key), None)
            if mapping[target] is None and found is not None:
                mapping[target] = found
                used.add(found)
    return mapping


# -- planning ------------------------------------------------------------------------------------
ASSIGNED, UNCHANGED = "assigned", "unchanged"
NO_NUMBER, UNKNOWN_NUMBER, AMBIGUOUS_NUMBER, DUPLICATE = "no-number", "unknown-number", "ambiguous", "duplicate"


@dataclass
class RowOutcome:
    """What becomes of one spreadsheet row."""

    row: int                          # as the spreadsheet numbers it
    number: str                       # the booth number as written
    kind: str                         # ASSIGNED, UNCHANGED, NO_NUMBER, UNKNOWN_NUMBER, AMBIGUOUS_NUMBER, DUPLICATE
    booth_id: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)    # values left out of a matched row, and why
    first_row: int | None = None      # DUPLICATE: the row that named the booth first

    @property
    def matched(self) -> bool:
        return self.kind in (ASSIGNED, UNCHANGED)

    @property
    def problem(self) -> bool:
        return not self.matched or bool(self.notes)

    def message(self) -> str:
        """Why the row was or was not used, in the current language."""
        text = {
            ASSIGNED: tr("Assigned to booth {number}."),
            UNCHANGED: tr("Booth {number} already has these details."),
            NO_NUMBER: tr("No booth number in this row."),
            UNKNOWN_NUMBER: tr("No booth is numbered {number}."),
            AMBIGUOUS_NUMBER: tr("Several booths are numbered {number}; renumber them first."),
            DUPLICATE: tr("Booth {number} was already given by row {first}; this row is left out."),
        }[self.kind]
        return " ".join([text.format(number=self.number, first=self.first_row), *self.notes])


@dataclass
class ImportPlan:
    """Every row's outcome and the booth fields to set, ready to become one undoable edit."""

    outcomes: list[RowOutcome]
    changes: dict[str, dict[str, Any]]     # booth id → new field values

    @property
    def assigned(self) -> int:
        return len(self.changes)

    def count(self, kind: str) -> int:
        return sum(1 for o in self.outcomes if o.kind == kind)

    @property
    def unmatched(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if not o.matched]

    def label(self) -> str:
        return ntr("Import {n} exhibitor", "Import {n} exhibitors", self.assigned)

    def edit(self, layout: Layout) -> SetFields | None:
        """One SetFields for every booth that changes (one notification, one undo step), or None."""
        if not self.changes:
            return None
        return SetFields(layout, self.changes, label=self.label())

    def summary(self) -> str:
        parts = [ntr("{n} row read", "{n} rows read", len(self.outcomes)),
                 ntr("{n} booth gets new details", "{n} booths get new details", self.assigned),
                 ntr("{n} booth already had them", "{n} booths already had them", self.count(UNCHANGED)),
                 ntr("{n} row could not be used", "{n} rows could not be used", len(self.unmatched))]
        return tr("{parts}.", parts=tr("; ").join(parts))


def _digits_key(text: str) -> str:
    """A number key that ignores leading zeros (007 and 7), which spreadsheets drop from numbers."""
    return re.sub(r"\d+", lambda m: str(int(m.group())), text)


def _booth_index(layout: Layout) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    exact: dict[str, list[str]] = {}
    loose: dict[str, list[str]] = {}
    for booth in layout.booths:
        if booth.number.strip():
            key = _norm(booth.number)
            exact.setdefault(key, []).append(booth.id)
            loose.setdefault(_digits_key(key), []).append(booth.id)
    return exact, loose


def parse_status(text: str) -> str | None:
    return _STATUS.get(_norm(text))


def parse_cooking(text: str) -> bool | None:
    key = _norm(text)
    return True if key in _YES else False if key in _NO else None


def plan_import(layout: Layout, rows: Sequence[tuple[int, Sequence[str]]],
                mapping: dict[str, int | None]) -> ImportPlan:
    """The outcome of every row (spreadsheet number, cells) under ``mapping`` (target → column).

    Exhibitor and category are taken as written (an empty cell clears them);
    an empty status or cooking cell leaves the booth's own value; a value
    that is not understood is left out with a note. The first row naming a
    booth wins; later ones are reported as duplicates.
    """
    column = mapping.get("number")
    if column is None:
        raise ImportMappingError(tr("Choose the column that holds the booth numbers."))
    exact, loose = _booth_index(layout)
    first_row: dict[str, int] = {}
    outcomes: list[RowOutcome] = []
    changes: dict[str, dict[str, Any]] = {}

    def cell(cells: Sequence[str], target: str) -> str | None:
        index = mapping.get(target)
        if index is None:
            return None
        return cells[index] if index < len(cells) else ""

    for row, cells in rows:
        number = cell(cells, "number") or ""
        if not number:
            outcomes.append(RowOutcome(row, number, NO_NUMBER))
            continue
        key = _norm(number)
        ids = exact.get(key) or loose.get(_digits_key(key), [])
        if not ids:
            outcomes.append(RowOutcome(row, number, UNKNOWN_NUMBER))
            continue
        if len(ids) > 1:
            outcomes.append(RowOutcome(row, number, AMBIGUOUS_NUMBER))
            continue
        booth = layout.get(ids[0])
        assert booth is not None
        shown = booth.number
        if booth.id in first_row:
            outcomes.append(RowOutcome(row, shown, DUPLICATE, booth.id, first_row=first_row[booth.id]))
            continue
        first_row[booth.id] = row
        values: dict[str, Any] = {}
        notes: list[str] = []
        for target in ("exhibitor", "category"):
            text = cell(cells, target)
            if text is not None:
                values[target] = text
        status_text = cell(cells, "status")
        if status_text:
            status = parse_status(status_text)
            if status is None:
                notes.append(tr("Status “{value}” is not one of available, reserved, sold, blocked; "
                                "the booth keeps its status.", value=status_text))
            else:
                values["status"] = status
        cooking_text = cell(cells, "cooking")
        if cooking_text:
            cooking = parse_cooking(cooking_text)
            if cooking is None:
                notes.append(tr("Cooking “{value}” is neither yes nor no; the booth keeps its setting.",
                                value=cooking_text))
            else:
                values["cooking"] = cooking
        new = {k: v for k, v in values.items() if getattr(booth, k) != v}
        if new:
            changes[booth.id] = new
        outcomes.append(RowOutcome(row, shown, ASSIGNED if new else UNCHANGED, booth.id, new, notes))
    return ImportPlan(outcomes, changes)
