"""The whole booth map as a list of pages: map sheets, booth index, analysis sheet.

``Book`` works everything out once (the view's graphics, the sheet plan,
the index and analysis layout, the page numbers) so that each page only
draws, and every writer (PDF, PNG, SVG) draws the same pages.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from planner import __version__
from planner.export import typeset
from planner.export.analysis_sheet import analysis_blocks
from planner.export.flow import Op, flow_pages
from planner.export.furniture import TitleBlock
from planner.export.index import index_blocks
from planner.export.legend import Section, legend_sections
from planner.export.mapsheet import paint_map_page
from planner.export.options import PT_PER_MM, ExportOptions, format_scale, paper_size_mm
from planner.export.plan import (
    Box, PageGeometry, SheetPlan, overview_sheet, page_geometry, plan_sheets, pt_per_metre,
)
from planner.export.strings import VIEW, named, translate
from planner.export.views import Bottleneck, ExitMark, make_view, safety_marks
from planner.i18n import format_dates
from planner.model.layout import Layout
from planner.render.graphics import gate_label_rect
from planner.render.labels import RectIndex, place_labels
from planner.render.painter import LayoutGraphics, gate_label_height, layout_graphics
from planner.render.style import DEFAULT_SHEET_STYLE, DEFAULT_STYLE, SheetStyle, Style
from planner.solver.report import Report


@dataclass
class Page:
    kind: str                          # "map", "index" or "analysis"
    paint: Callable[[QPainter], None]


def _rect_box(rect: QRectF) -> Box:
    return (rect.left(), -rect.bottom(), rect.right(), -rect.top())


def content_box(graphics: LayoutGraphics, geometry: PageGeometry, style: Style) -> Box:
    """Model bounds of what the overview draws: the site and all on it, and the gates' names.

    A gate's name sits outside the site at a size set on paper, so how far it
    reaches on the ground depends on the overview's scale, which depends on
    the bounds: two rounds settle it.
    """
    rect = graphics.site.bounds
    for group in (graphics.zones, graphics.obstacles, graphics.booths, graphics.amenities):
        for item in group:
            rect = rect.united(item.bounds)
    for gate in graphics.gates:
        rect = rect.united(QRectF(gate.a, gate.b).normalized())
    box = _rect_box(rect)
    for _ in range(2):
        scale = overview_sheet(box, geometry).scale
        height = gate_label_height(style, pt_per_metre(scale))
        labelled = rect
        for gate in graphics.gates:
            if gate.label is not None:
                labelled = labelled.united(gate_label_rect(gate, height, style))
        box = _rect_box(labelled.adjusted(-2, -2, 2, 2))
    return box


class Book:
    def __init__(self, layout: Layout, options: ExportOptions, sheets: str, *, report: Report | None = None,
                 checksum: str = "", source: str = "", style: Style = DEFAULT_STYLE,
                 sheet_style: SheetStyle = DEFAULT_SHEET_STYLE, today: datetime.date | None = None) -> None:
        self.layout, self.options, self.report, self.sheets = layout, options, report, sheets
        self.style, self.sheet_style = style, sheet_style
        self.printed = format_dates((today or datetime.date.today()).isoformat())
        self.geometry = page_geometry(options.paper, options.orientation, sheet_style.margin_mm,
                                      sheet_style.gap_mm)
        self.view = make_view(options.view, style)
        self.graphics = layout_graphics(layout, self.view.render)
        self.content = content_box(self.graphics, self.geometry, style)
        self._at_scale: dict[tuple[int, bool], LayoutGraphics] = {}
        number_m = {b.id: bg.number_m for b, bg in zip(layout.booths, self.graphics.booths)}
        self.plan: SheetPlan = plan_sheets(layout, self.geometry, sheets=sheets, scale=options.scale,
                                           content=self.content, number_m=number_m,
                                           overlap_mm=sheet_style.overlap_mm)
        self.exit_marks: list[ExitMark] = []
        self.bottlenecks: list[Bottleneck] = []
        if self.view.safety:
            egress = report.egress if report is not None else None
            self.exit_marks, self.bottlenecks = safety_marks(layout, self.graphics.gates, egress)
        shown = {a.kind for a in layout.amenities if self.view.render.amenity_kinds is None
                 or a.kind in self.view.render.amenity_kinds}
        self.legend: list[Section] = legend_sections(layout, self.view, style, shown)

        n_maps = len(self.plan.sheets)
        text_area = self._text_area()
        size = 7.5 * self.geometry.k
        columns = max(1, int((text_area.width() + 14) // (125 * PT_PER_MM * self.geometry.k + 14)))
        home = self.home_pages() if any(s.kind != "overview" for s in self.plan.sheets) else {}
        text: list[tuple[str, str, list[Op]]] = []
        if sheets == "all" or not self.plan.sheets:
            for by_exhibitor in (False, True) if options.exhibitor_index else (False,):
                title = (translate("Export", "Booth index by exhibitor") if by_exhibitor
                         else translate("Export", "Booth index"))
                for ops in flow_pages(index_blocks(layout, home, by_exhibitor=by_exhibitor), text_area,
                                      columns, size, sheet_style):
                    text.append(("index", title, ops))
            if report is not None:
                blocks = analysis_blocks(layout, report, checksum, source, sheet_style)
                for ops in flow_pages(blocks, text_area, min(columns, 2), size, sheet_style):
                    text.append(("analysis", translate("Export", "Crowd-flow analysis"), ops))
        self.pages: list[Page] = [Page("map", lambda p, i=i: paint_map_page(p, self, i)) for i in range(n_maps)]
        self._text_titles: dict[int, str] = {}
        for kind, title, ops in text:
            index = len(self.pages)
            self._text_titles[index] = title
            self.pages.append(Page(kind, lambda p, i=index, ops=ops: self._paint_text_page(p, i, ops)))

    def graphics_at(self, scale: int, overview: bool) -> LayoutGraphics:
        """The view's graphics as a sheet at 1:``scale`` draws them.

        Detail sheets name their zone in the title block, so the zones' big names
        (which the frame would cut) are left off. Names give way as on the canvas
        (``labels.place_labels``): an amenity's name that would lie over a booth
        moves beside its badge or is left off (the badge stays, the legend names
        it), so no booth number is hidden under "Extinguisher · 灭火器 1"; a gate's
        name that would run into another's is left off.
        """
        key = (scale, overview)
        if key not in self._at_scale:
            graphics = self.graphics if overview else replace(self.graphics, zone_labels=[])
            plan = place_labels(RectIndex(b.bounds for b in graphics.booths), graphics.gates,
                                graphics.amenities, self.style, pt_per_metre(scale))
            gates = [gate if shown else replace(gate, label=None) for gate, shown in zip(graphics.gates, plan.gates)]
            amenities = [replace(a, label_spot=spot) if spot is not None else replace(a, label=None)
                         for a, spot in zip(graphics.amenities, plan.amenities)]
            self._at_scale[key] = replace(graphics, gates=gates, amenities=amenities)
        return self._at_scale[key]

    # -- sizes and numbering ------------------------------------------------------------
    @property
    def page_size_pt(self) -> tuple[float, float]:
        w, h = paper_size_mm(self.options.paper, self.options.orientation)
        return (w * PT_PER_MM, h * PT_PER_MM)

    def page_of_sheet(self, index: int) -> int:
        return index + 1

    def home_pages(self) -> dict[str, int]:
        """Booth id → the page on which its number is legible (the booth index's sheet column)."""
        return {booth_id: self.page_of_sheet(index) for booth_id, index in self.plan.home.items()}

    def _footer_height(self) -> float:
        return 2 * 7.0 * self.geometry.k * typeset.LINE + 6.0 * self.geometry.k

    def _text_area(self) -> QRectF:
        w, h = self.page_size_pt
        m = self.geometry.margin * PT_PER_MM
        return QRectF(m, m, w - 2 * m, h - 2 * m - self._footer_height() - 8.0)

    # -- titles ---------------------------------------------------------------------------
    def sheet_title(self, index: int) -> str:
        sheet = self.plan.sheets[index]
        if sheet.kind == "overview":
            return translate("Export", "Overview: the whole site")
        if sheet.zone_id is not None:
            zone = self.layout.get(sheet.zone_id)
            name = zone.name or zone.id
        elif self.sheets == "tiles":
            name = translate("Export", "Site")
        else:
            name = translate("Export", "Booths outside the zones")
        if sheet.parts > 1:
            text = translate("Export", "{name} – part {part} of {parts}")
            return text.format(name=name, part=sheet.part, parts=sheet.parts)
        return name

    def title_block(self, index: int) -> TitleBlock:
        e = self.layout.event
        sheet = self.plan.sheets[index] if index < len(self.plan.sheets) else None
        scale = ""
        if sheet is not None:
            scale = translate("Export", "{scale} on {paper}").format(scale=format_scale(sheet.scale),
                                                                     paper=self.options.paper)
        note = ""
        if sheet is not None:
            note = translate("Export", "True to scale when printed at 100 % (actual size) on {paper}; "
                                       "do not fit to page.").format(paper=self.options.paper)
        return TitleBlock(
            event=self.layout.name or translate("Export", "Untitled layout"), venue=e.venue,
            dates=format_dates(e.dates) if e.dates else "", organiser=e.organiser,
            sheet_title=self.sheet_title(index) if sheet is not None else self._text_titles.get(index, ""),
            view=named(VIEW, self.view.name), scale=scale, revision=e.revision, printed=self.printed,
            sheet=translate("Export", "{n} of {total}").format(n=index + 1, total=len(self.pages)),
            note=note)

    # -- text pages ---------------------------------------------------------------------
    def _paint_text_page(self, p: QPainter, index: int, ops: list[Op]) -> None:
        for op in ops:
            op(p)
        self._paint_footer(p, index)

    def _paint_footer(self, p: QPainter, index: int) -> None:
        """The title block of a text page, as a strip along its foot."""
        block = self.title_block(index)
        w, h = self.page_size_pt
        m = self.geometry.margin * PT_PER_MM
        k = self.geometry.k
        s = 7.0 * k
        top = h - m - self._footer_height()
        ss = self.sheet_style
        p.save()
        p.setPen(QPen(QColor(ss.ink), ss.rule_pt * 1.6))
        p.drawLine(QLineF(m, top, w - m, top))
        p.restore()
        y = top + 3.0 * k
        left = " · ".join(v for v in (block.venue, block.dates, block.organiser) if v)
        used = typeset.draw(p, block.event, m, y, s, ss.ink, bold=True, max_width=(w - 2 * m) * 0.45)
        typeset.draw(p, left, m + used + 6, y, s, ss.muted, max_width=(w - 2 * m) * 0.55 - used - 6)
        typeset.draw(p, block.sheet_title, m, y + s * typeset.LINE, s, ss.ink, bold=True,
                     max_width=(w - 2 * m) * 0.45)
        right = " · ".join([translate("Export", "Revision {revision}").format(revision=block.revision or "–"),
                            translate("Export", "Printed {date}").format(date=block.printed),
                            translate("Export", "Sheet {sheet}").format(sheet=block.sheet),
                            f"Festival Floor Planner {__version__}"])
        typeset.draw(p, right, w - m, y + s * typeset.LINE, s, ss.muted, align="right")

