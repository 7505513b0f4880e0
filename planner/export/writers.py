"""Pages to PDF (QPdfWriter), PNG (QImage) and SVG (QSvgGenerator), made in memory.

Pages draw in points. The PDF and SVG devices run at 72 dots per inch, so a
device unit is a point and the map's legibility rules ("a booth number is
drawn when it is 6 units high") read as points on paper. The PNG image
keeps that too: it is painted at a device-pixel ratio of dpi / 72.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize
from PySide6.QtGui import (
    QColor, QFont, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QRawFont,
)
from PySide6.QtSvg import QSvgGenerator

from planner import __version__
from planner.export.book import Book
from planner.export.files import ExportError
from planner.export.options import MAX_PIXELS, PAPERS, paper_size_mm
from planner.export.pdf_text import fix_to_unicode
from planner.i18n import language, tr
from planner.i18n.qt import install_translators
from planner.render.text import label_family

CREATOR = f"Festival Floor Planner {__version__}"

_PAGE_IDS = {
    "A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3, "A2": QPageSize.PageSizeId.A2,
    "A1": QPageSize.PageSizeId.A1, "A0": QPageSize.PageSizeId.A0, "Letter": QPageSize.PageSizeId.Letter,
    "Legal": QPageSize.PageSizeId.Legal, "Tabloid": QPageSize.PageSizeId.Tabloid,
}
assert set(_PAGE_IDS) == set(PAPERS)


def qt_app() -> QGuiApplication:
    """The running Qt application, or a windowless one for exports from the command line.

    Its translators follow the core's language (``--lang``), so the sheets' labels do too.
    """
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["festival-planner"])
    install_translators(app, language())
    return app


@lru_cache(maxsize=1)
def radical_remap() -> dict[int, int]:
    """Kangxi and supplementary radicals → the unified ideograph drawn with the same glyph.

    Worked out from the CJK font in use, so it holds for whichever font the labels use.
    """
    remap: dict[int, int] = {}
    for bold in (False, True):
        font = QFont(label_family())
        font.setBold(bold)
        raw = QRawFont.fromFont(font)
        if not raw.isValid():
            continue
        first: dict[int, int] = {}
        for lo, hi in ((0x4E00, 0xA000), (0x3400, 0x4DC0)):
            text = "".join(map(chr, range(lo, hi)))
            for code, glyph in zip(range(lo, hi), raw.glyphIndexesForString(text)):
                if glyph and glyph not in first:
                    first[glyph] = code
        radicals = range(0x2E80, 0x2FE0)
        for code, glyph in zip(radicals, raw.glyphIndexesForString("".join(map(chr, radicals)))):
            if glyph and glyph in first:
                remap.setdefault(code, first[glyph])
    return remap


def _begin(painter: QPainter, device, what: str) -> None:
    if not painter.begin(device):
        raise ExportError(tr("Qt could not start drawing the {what}.", what=what))


def pdf_bytes(book: Book) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)
    writer.setCreator(CREATOR)
    writer.setTitle(book.layout.name)
    orientation = (QPageLayout.Orientation.Landscape if book.options.orientation == "landscape"
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(QPageSize(_PAGE_IDS[book.options.paper]), orientation, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    _begin(painter, writer, "PDF")
    try:
        for i, page in enumerate(book.pages):
            if i:
                writer.newPage()
            page.paint(painter)
    finally:
        painter.end()
    buffer.close()
    return fix_to_unicode(bytes(data.data()), radical_remap())


def png_size(book: Book) -> tuple[int, int]:
    w, h = paper_size_mm(book.options.paper, book.options.orientation)
    dpi = book.options.dpi
    return (round(w / 25.4 * dpi), round(h / 25.4 * dpi))


def png_pages(book: Book, pages: list[int]) -> list[bytes]:
    w, h = png_size(book)
    if w * h > MAX_PIXELS:
        raise ExportError(tr("A PNG of {paper} at {dpi} dpi would be {w} × {h} pixels, too large to make; "
                             "choose a lower --dpi or a smaller --paper.", paper=book.options.paper,
                             dpi=book.options.dpi, w=f"{w:,}", h=f"{h:,}"))
    out = []
    for index in pages:
        image = QImage(w, h, QImage.Format.Format_RGB32)
        if image.isNull():
            raise ExportError(tr("There is not enough memory for a PNG of {w} × {h} pixels; choose a lower --dpi.",
                                 w=f"{w:,}", h=f"{h:,}"))
        image.setDevicePixelRatio(book.options.dpi / 72.0)
        dots_per_metre = round(book.options.dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        image.fill(QColor("#ffffff"))
        painter = QPainter()
        _begin(painter, image, "PNG")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            book.pages[index].paint(painter)
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise ExportError(tr("Qt could not encode the PNG."))
        out.append(bytes(data.data()))
    return out


_SVG_SIZE = re.compile(rb'<svg width="[0-9.]+mm" height="[0-9.]+mm"')


def svg_pages(book: Book, pages: list[int]) -> list[bytes]:
    wpt, hpt = book.page_size_pt
    wmm, hmm = paper_size_mm(book.options.paper, book.options.orientation)
    out = []
    for index in pages:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setResolution(72)
        generator.setSize(QSize(round(wpt), round(hpt)))
        generator.setViewBox(QRectF(0, 0, wpt, hpt))
        generator.setTitle(book.layout.name)
        generator.setDescription(CREATOR)
        painter = QPainter()
        _begin(painter, generator, "SVG")
        try:
            painter.fillRect(QRectF(0, 0, wpt, hpt), QColor("#ffffff"))
            book.pages[index].paint(painter)
        finally:
            painter.end()
        svg = bytes(data.data())
        # QSvgGenerator rounds the page to whole points; state the paper's exact size, so the SVG prints true.
        svg = _SVG_SIZE.sub(b'<svg width="%smm" height="%smm"' % (f"{wmm:g}".encode(), f"{hmm:g}".encode()),
                            svg, count=1)
        out.append(svg)
    return out
