"""PNG at a chosen resolution and SVG with vector paths, one file per sheet."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from planner.export import ExportError, ExportOptions, export_layout
from planner.export.options import paper_size_mm
from tests.export.conftest import two_booth_layout

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("paper, orientation, dpi", [("A4", "landscape", 100), ("A3", "portrait", 150)])
def test_png_size_follows_paper_and_dpi(tmp_path, qapp, paper, orientation, dpi):
    out = tmp_path / "map.png"
    result = export_layout(two_booth_layout(), out, ExportOptions(paper=paper, orientation=orientation, dpi=dpi))
    assert result.files == [out]
    image = QImage(str(out))
    w, h = paper_size_mm(paper, orientation)
    assert (image.width(), image.height()) == (round(w / 25.4 * dpi), round(h / 25.4 * dpi))
    assert image.dotsPerMeterX() == round(dpi / 0.0254)
    # Something is drawn: the site's fill and the booths' colours, not a blank page.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
    assert len(colours) > 10


def test_several_png_sheets_are_numbered(tmp_path, qapp):
    out = tmp_path / "map.png"
    result = export_layout(two_booth_layout(), out, ExportOptions(sheets="all", dpi=40, analysis=False))
    assert result.pages >= 3                       # overview, zone sheet, booth index
    assert result.files == [tmp_path / f"map-{i}.png" for i in range(1, result.pages + 1)]
    assert all(p.exists() for p in result.files) and not out.exists()


def test_a_png_too_large_to_make_is_refused_in_one_sentence(tmp_path, qapp):
    with pytest.raises(ExportError, match="too large"):
        export_layout(two_booth_layout(), tmp_path / "huge.png", ExportOptions(paper="A0", dpi=1200))
    assert not list(tmp_path.iterdir())


def test_svg_is_xml_with_vector_paths_and_real_text(tmp_path, qapp):
    out = tmp_path / "map.svg"
    export_layout(two_booth_layout(40.0), out, ExportOptions(paper="A3", sheets="zones"))
    root = ET.parse(out).getroot()
    assert root.tag == SVG + "svg"
    assert root.get("width") == "420mm" and root.get("height") == "297mm"
    shapes = [e for e in root.iter() if e.tag in {SVG + t for t in ("path", "polygon", "polyline", "rect", "line")}]
    assert len(shapes) > 20 and any(e.tag == SVG + "path" for e in shapes)
    text = "".join(t.text or "" for t in root.iter(SVG + "text"))
    # Qt writes one <text> per font: "Test Zone · " in the Latin face, "测试区" in the Chinese one.
    assert "A-1" in text and "A-2" in text and "TestZone·测试区" in text.replace(" ", "")
    assert root.find(f".//{SVG}image") is None     # vectors, not a picture of the map


def test_several_svg_sheets_are_numbered(tmp_path, qapp):
    out = tmp_path / "map.svg"
    result = export_layout(two_booth_layout(40.0), out, ExportOptions(sheets="zones"))
    assert result.files == [out]                   # one zone sheet: no number
    result = export_layout(two_booth_layout(), out, ExportOptions(sheets="all", analysis=False))
    assert [p.name for p in result.files] == [f"map-{i}.svg" for i in range(1, result.pages + 1)]
    for path in result.files:
        ET.parse(path)
