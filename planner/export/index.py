"""The booth index: every booth by number (and, if asked, by exhibitor), pointing to its sheet."""

from __future__ import annotations

from collections.abc import Mapping

from planner.export.flow import Block, Column, Heading, Paragraph, Table
from planner.export.strings import translate
from planner.formats.booth_csv import booth_rows, natural_key
from planner.model.layout import Booth, Layout


def _size(booth: Booth) -> str:
    return translate("Export", "{width} × {depth} m").format(width=f"{booth.width:g}", depth=f"{booth.depth:g}")


def _columns(with_sheet: bool, by_exhibitor: bool) -> list[Column]:
    number, exhibitor = Column(translate("Export", "No."), 1.05), Column(translate("Export", "Exhibitor"), 2.3)
    columns = [exhibitor, number] if by_exhibitor else [number, exhibitor]
    columns += [Column(translate("Export", "Zone"), 1.85), Column(translate("Export", "Size"), 0.95)]
    if with_sheet:
        columns.append(Column(translate("Export", "Sheet"), 0.55, align="right"))
    return columns


def index_blocks(layout: Layout, home_page: Mapping[str, int], *, by_exhibitor: bool = False) -> list[Block]:
    """Blocks of the index pages; ``home_page`` maps a booth id to the page where its number is legible."""
    zones = {z.id: z.name or z.id for z in layout.zones}
    rows = booth_rows(layout)
    with_sheet = bool(home_page)
    if by_exhibitor:
        rows = sorted((r for r in rows if r[0].exhibitor),
                      key=lambda r: (r[0].exhibitor.casefold(), natural_key(r[0].number)))
    table_rows = []
    for booth, zone_id in rows:
        zone = zones.get(zone_id or "", translate("Export", "(outside every zone)"))
        first, second = (booth.exhibitor, booth.number) if by_exhibitor else (booth.number, booth.exhibitor or "–")
        row = [first, second, zone, _size(booth)]
        if with_sheet:
            row.append(str(home_page.get(booth.id, "")))
        table_rows.append(row)
    title = (translate("Export", "Booth index by exhibitor") if by_exhibitor
             else translate("Export", "Booth index by number"))
    blocks: list[Block] = [Heading(title)]
    if with_sheet:
        blocks.append(Paragraph(translate("Export", "Sheet: the map sheet on which the booth's number can be read.")))
    if not table_rows:
        blocks.append(Paragraph(translate("Export", "The layout has no booths.") if not by_exhibitor
                                else translate("Export", "No booth has an exhibitor yet.")))
        return blocks
    blocks.append(Table(_columns(with_sheet, by_exhibitor), table_rows))
    return blocks
