"""Booth maps out: PDF, PNG and SVG sheets drawn by ``planner.render``; CSV and GeoJSON through ``formats``.

``export_layout`` picks the format from the file's suffix. CSV and GeoJSON
never load Qt (the command line writes them on machines without it); the
map formats import Qt only when asked for.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planner.export.files import ExportError, check_writable, numbered_paths, write_all, write_atomic
from planner.export.options import (
    LIST_FORMATS, MAP_FORMATS, ORIENTATIONS, PAPERS, SHEETS, SUFFIXES, VIEWS, ExportOptions, format_scale,
    output_format, paper_name, parse_scale,
)
from planner.i18n import tr
from planner.model.layout import Layout

if TYPE_CHECKING:
    from planner.solver.report import Report


@dataclass
class ExportResult:
    files: list[Path]
    pages: int = 1
    page_kinds: list[str] = field(default_factory=list)   # "map", "index" or "analysis", page by page
    home_pages: dict[str, int] = field(default_factory=dict)  # booth id → the page its number is read on
    notes: list[str] = field(default_factory=list)     # things the organiser should know, one sentence each
    seconds: float = 0.0


def layout_checksum(layout: Layout, source: Path | None) -> tuple[str, str]:
    """SHA-256 of the layout file as saved (or of the layout as it would be saved), and what was hashed."""
    if source is not None:
        try:
            return hashlib.sha256(source.read_bytes()).hexdigest(), source.name
        except OSError:
            pass
    from planner.formats import dumps_layout

    digest = hashlib.sha256(dumps_layout(layout).encode("utf-8")).hexdigest()
    return digest, tr("the layout as exported (not saved to a file)")


def export_layout(layout: Layout, out: str | Path, options: ExportOptions | None = None, *,
                  source: str | Path | None = None, report: Report | None = None) -> ExportResult:
    """Write ``layout`` to ``out`` in the format its suffix names.

    ``source`` is the layout file (its SHA-256 goes on the analysis sheet);
    ``report`` an analysis already made for this layout (else it is run when
    a sheet needs it). Raises ExportError with one sentence.
    """
    started = time.perf_counter()
    options = options or ExportOptions()
    out = Path(out)
    fmt = output_format(out.suffix)
    if fmt is None:
        raise ExportError(tr("{file}: the file name must end in .pdf, .png, .svg, .csv or .geojson.",
                             file=out.name))
    check_writable(out)
    if fmt == "csv":
        from planner.formats.booth_csv import dumps_booth_csv

        write_atomic(out, dumps_booth_csv(layout).encode("utf-8"))
        return ExportResult([out], seconds=time.perf_counter() - started)
    if fmt == "geojson":
        from planner.formats.geojson import dumps_geojson

        write_atomic(out, dumps_geojson(layout).encode("utf-8"))
        return ExportResult([out], seconds=time.perf_counter() - started)
    result = _export_sheets(layout, out, fmt, options, Path(source) if source else None, report)
    result.seconds = time.perf_counter() - started
    return result


def _export_sheets(layout: Layout, out: Path, fmt: str, options: ExportOptions, source: Path | None,
                   report: Report | None) -> ExportResult:
    from planner.export.writers import qt_app

    qt_app()
    from planner.export.book import Book
    from planner.export.writers import pdf_bytes, png_pages, svg_pages

    sheets = options.sheets_for(fmt)
    needs_report = options.view == "safety" or (sheets == "all" and options.analysis)
    notes: list[str] = []
    if needs_report and report is None:
        from planner.solver import analyse

        try:
            report = analyse(layout)
        except Exception as exc:  # noqa: BLE001 - the map is still worth having; say what is missing
            notes.append(tr("The crowd-flow analysis failed ({reason}), so the export has no analysis sheet "
                            "and no bottlenecks.", reason=exc))
    checksum, hashed = layout_checksum(layout, source)
    book = Book(layout, options, sheets, report=report if needs_report else None, checksum=checksum, source=hashed)
    notes += [_too_small_note(layout, zone_id, asked, legible) for zone_id, asked, legible in book.plan.too_small]
    if not book.pages:
        raise ExportError(tr("There is nothing to put on a sheet: the layout has no booths for --sheets {sheets}.",
                             sheets=sheets))
    if fmt == "pdf":
        write_atomic(out, pdf_bytes(book))
        return ExportResult([out], len(book.pages), [p.kind for p in book.pages], book.home_pages(), notes)
    pages = list(range(len(book.pages)))
    paths = numbered_paths(out, len(pages))
    payloads = png_pages(book, pages) if fmt == "png" else svg_pages(book, pages)
    write_all(paths, payloads)
    return ExportResult(paths, len(pages), [p.kind for p in book.pages], book.home_pages(), notes)


def _too_small_note(layout: Layout, zone_id: str | None, asked: int, legible: int) -> str:
    zone = layout.get(zone_id) if zone_id else None
    name = (zone.name or zone.id) if zone is not None else tr("the booths outside the zones")
    return tr("At {asked} the booth numbers of {zone} are smaller than 6 pt and are left off its sheets; "
              "they can be read at {legible} or larger.", asked=format_scale(asked), zone=name,
              legible=format_scale(legible))


__all__ = [
    "ExportError", "ExportOptions", "ExportResult", "export_layout", "layout_checksum",
    "PAPERS", "ORIENTATIONS", "SHEETS", "VIEWS", "SUFFIXES", "MAP_FORMATS", "LIST_FORMATS",
    "paper_name", "parse_scale", "format_scale",
]
