"""Text pages: headings, paragraphs and tables flowed into columns and onto as many pages as they need.

The booth index and the analysis sheet are lists that grow with the layout,
so they are laid out once (to count the pages, which the title blocks and
the index's sheet references need) and drawn from that layout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from planner.export import typeset
from planner.render.style import SheetStyle


@dataclass
class Heading:
    text: str
    level: int = 1          # 1: a section; 2: a sub-heading


@dataclass
class Paragraph:
    text: str
    colour: str | None = None
    bold: bool = False


@dataclass
class Column:
    title: str
    weight: float            # share of the table's width
    align: str = "left"
    wrap: bool = False       # wrap long text (else elide)


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[str]]
    colours: list[str | None] = field(default_factory=list)     # per row, the first cell's colour
    keep: int = 3            # rows kept with the header at a column's foot
    min_row: float = 0.0     # the least row height, in multiples of the text size (room to sign)


@dataclass
class Space:
    height: float            # in multiples of the text size


Block = Heading | Paragraph | Table | Space
Op = Callable[[QPainter], None]


@dataclass
class Flow:
    """Places blocks top to bottom, column after column, page after page."""

    area: QRectF
    columns: int
    size: float
    style: SheetStyle
    gutter: float = 14.0
    pages: list[list[Op]] = field(default_factory=lambda: [[]])
    _col: int = 0
    _y: float = 0.0

    def __post_init__(self) -> None:
        self._y = self.area.top()

    @property
    def col_width(self) -> float:
        return (self.area.width() - (self.columns - 1) * self.gutter) / self.columns

    @property
    def _x(self) -> float:
        return self.area.left() + self._col * (self.col_width + self.gutter)

    def _room(self) -> float:
        return self.area.bottom() - self._y

    def _next_column(self) -> None:
        self._col += 1
        if self._col >= self.columns:
            self._col = 0
            self.pages.append([])
        self._y = self.area.top()

    def _at_top(self) -> bool:
        return self._y <= self.area.top() + 0.01

    def _emit(self, op: Op) -> None:
        self.pages[-1].append(op)

    def least_height(self, block: Block | None) -> float:
        """The room a block needs at the foot of a column to start there (a heading's keep-with-next)."""
        line_h = self.size * typeset.LINE
        if isinstance(block, Table):
            return (line_h + self.size * 0.5) * (1 + min(block.keep, len(block.rows)))
        if isinstance(block, (Paragraph, Heading)):
            return 2 * line_h
        return 0.0

    def add(self, block: Block, following: Block | None = None) -> None:
        if isinstance(block, Heading):
            self._heading(block, self.least_height(following))
        elif isinstance(block, Paragraph):
            self._paragraph(block)
        elif isinstance(block, Table):
            self._table(block)
        else:
            if not self._at_top():
                self._y += block.height * self.size

    def _heading(self, h: Heading, following: float) -> None:
        size = self.size * (1.35 if h.level == 1 else 1.1)
        height = typeset.wrapped_height(h.text, size, self.col_width, bold=True) + self.size * 0.5
        # A heading never ends a column: it needs room for itself and the start of what follows.
        if self._room() < height + max(following, self.size * typeset.LINE * 2) and not self._at_top():
            self._next_column()
        x, y, w = self._x, self._y, self.col_width
        ink = self.style.ink

        def op(p: QPainter, x=x, y=y, w=w, text=h.text) -> None:
            typeset.draw_wrapped(p, text, x, y, size, w, ink, bold=True)
        self._emit(op)
        self._y += height

    def _paragraph(self, para: Paragraph) -> None:
        lines = typeset.wrap(para.text, self.size, self.col_width, para.bold)
        colour = para.colour or self.style.ink
        line_h = self.size * typeset.LINE
        for line in lines:
            if self._room() < line_h:
                self._next_column()
            x, y = self._x, self._y

            def op(p: QPainter, x=x, y=y, line=line) -> None:
                typeset.draw(p, line, x, y, self.size, colour, bold=para.bold)
            self._emit(op)
            self._y += line_h
        self._y += self.size * 0.35

    def _table(self, table: Table) -> None:
        size = self.size
        line_h = size * typeset.LINE
        pad = size * 0.25
        total = sum(c.weight for c in table.columns)
        widths = [self.col_width * c.weight / total for c in table.columns]

        def cells(row: list[str]) -> list[list[str]]:
            out = []
            for text, col, w in zip(row, table.columns, widths):
                if col.wrap:
                    out.append(typeset.wrap(text, size, w - 2 * pad))
                else:
                    out.append([typeset.fit(text, size, w - 2 * pad)])
            return out

        header = [typeset.fit(c.title, size * 0.9, w - 2 * pad, bold=True) for c, w in zip(table.columns, widths)]
        header_h = line_h + 2 * pad
        laid = [cells(r) for r in table.rows]
        heights = [max(max(len(c) for c in cs) * line_h + 2 * pad, table.min_row * size) for cs in laid]
        need_start = header_h + sum(heights[:table.keep])
        if self._room() < need_start and not self._at_top():
            self._next_column()
        self._table_header(header, table.columns, widths, header_h, pad)
        for i, (cs, h) in enumerate(zip(laid, heights)):
            if self._room() < h:
                self._next_column()
                self._table_header(header, table.columns, widths, header_h, pad)
            x, y = self._x, self._y
            stripe = i % 2 == 1
            colour = table.colours[i] if i < len(table.colours) else None

            def op(p: QPainter, x=x, y=y, cs=cs, h=h, stripe=stripe, colour=colour) -> None:
                if stripe:
                    p.fillRect(QRectF(x, y, sum(widths), h), QColor(self.style.faint))
                if table.min_row:
                    p.setPen(QPen(QColor(self.style.rule), self.style.rule_pt))
                    p.drawLine(QLineF(x, y + h, x + sum(widths), y + h))
                left = x
                for j, (lines, col, w) in enumerate(zip(cs, table.columns, widths)):
                    ink = colour if (j == 0 and colour) else self.style.ink
                    for k, line in enumerate(lines):
                        anchor = left + w - pad if col.align == "right" else left + pad
                        typeset.draw(p, line, anchor, y + pad + k * line_h, size, ink,
                                     bold=(j == 0), align=col.align)
                    left += w
            self._emit(op)
            self._y += h
        self._y += size * 0.8

    def _table_header(self, header: list[str], columns: list[Column], widths: list[float], h: float,
                      pad: float) -> None:
        x, y = self._x, self._y
        size, style = self.size, self.style

        def op(p: QPainter) -> None:
            left = x
            for text, col, w in zip(header, columns, widths):
                anchor = left + w - pad if col.align == "right" else left + pad
                typeset.draw(p, text, anchor, y + pad, size * 0.9, style.muted, bold=True, align=col.align)
                left += w
            p.setPen(QPen(QColor(style.ink), style.rule_pt * 1.5))
            p.drawLine(QLineF(x, y + h, x + sum(widths), y + h))
        self._emit(op)
        self._y += h + size * 0.15


def flow_pages(blocks: list[Block], area: QRectF, columns: int, size: float, style: SheetStyle) -> list[list[Op]]:
    """Lay ``blocks`` out; one list of drawing operations per page."""
    f = Flow(area, columns, size, style)
    for i, block in enumerate(blocks):
        f.add(block, blocks[i + 1] if i + 1 < len(blocks) else None)
    return [page for page in f.pages if page] or [[]]
