"""The PDF booth map, read back with poppler: paper, text, fonts, true scale, legibility."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
import pytest

from planner.export import ExportOptions, export_layout
from planner.export.options import PT_PER_MM, paper_size_mm
from planner.export.plan import page_geometry
from planner.formats import write_layout
from planner.model import Booth
from planner.render.text import FONT_PX, _advance
from planner.resources import bundled_layout
from tests.export.conftest import page_sizes, page_text, run, tokens, two_booth_layout, words


@pytest.fixture(scope="module")
def west_lake_pdf(tmp_path_factory, west_lake, west_lake_report):
    """The default export (A3 landscape, fit, every sheet) with the exhibitor index."""
    path = tmp_path_factory.mktemp("pdf") / "west-lake.pdf"
    result = export_layout(west_lake, path, ExportOptions(exhibitor_index=True), source=bundled_layout(),
                           report=west_lake_report)
    return path, result


def _map_pages(result) -> list[int]:
    return [i + 1 for i, kind in enumerate(result.page_kinds) if kind == "map"]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pages_are_a3_landscape(west_lake_pdf):
    path, result = west_lake_pdf
    sizes = page_sizes(path)
    assert len(sizes) == result.pages > 8
    w, h = paper_size_mm("A3", "landscape")
    for pw, ph in sizes:
        assert pw == pytest.approx(w * PT_PER_MM, abs=1.0) and ph == pytest.approx(h * PT_PER_MM, abs=1.0)
    assert result.page_kinds[0] == "map" and "index" in result.page_kinds
    assert result.page_kinds[-1] == "analysis"


def test_every_booth_number_is_on_a_map_sheet_as_text(west_lake_pdf, west_lake):
    path, result = west_lake_pdf
    on_maps = set()
    for page in _map_pages(result):
        on_maps |= tokens(path, page)
    missing = [b.number for b in west_lake.booths if b.number not in on_maps]
    assert not missing


def test_booth_numbers_are_at_least_6_pt_on_some_sheet(west_lake_pdf, west_lake):
    """The size of an unturned number from its printed width: width = advance × size / FONT_PX."""
    path, result = west_lake_pdf
    largest: dict[str, float] = {}
    for page in _map_pages(result):
        for text, x0, _, x1, _ in words(path, page):
            size = (x1 - x0) * FONT_PX / _advance(text, True)
            largest[text] = max(largest.get(text, 0.0), size)
    unturned = [b.number for b in west_lake.booths if b.rotation % 180 == 0]
    assert len(unturned) > 150
    too_small = {n: round(largest[n], 2) for n in unturned if largest[n] < 6.0}
    assert not too_small


def test_zone_names_and_chinese_text_are_real_text(west_lake_pdf, west_lake):
    path, result = west_lake_pdf
    text = _normal(run("pdftotext", str(path), "-"))
    for zone in west_lake.zones:
        assert zone.name in text, zone.name
    assert "北山街一号门" in text and "非遗" in text and "美食" in text
    # Qt's ToUnicode would give Kangxi radicals (⼭ for 山, ⻔ for 门): they are rewritten.
    assert not [ch for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF]
    assert unicodedata.normalize("NFC", text) == text


def test_fonts_are_embedded(west_lake_pdf):
    path, _ = west_lake_pdf
    lines = run("pdffonts", str(path)).splitlines()[2:]
    assert lines, "the PDF uses no fonts"
    for line in lines:
        emb = line.split()[-5]
        assert emb == "yes", line
    assert any("CJK" in line for line in lines)


def test_title_block_legend_and_index(west_lake_pdf, west_lake):
    path, result = west_lake_pdf
    first = _normal(page_text(path, 1))
    for expected in ("Maker Festival 2018 – West Lake", "West Lake, Hangzhou", "13–16 September 2018",
                     "Revision", "Printed", "Legend", "Zones", "Sold", "Assembly point", "Entrance and exit",
                     "1 of " + str(result.pages), "1:"):
        assert expected in first, expected
    index_pages = [i + 1 for i, k in enumerate(result.page_kinds) if k == "index"]
    index = " ".join(_normal(page_text(path, p)) for p in index_pages)
    assert "Booth index by number" in index and "Booth index by exhibitor" in index
    assert "Voice Actor Booth" in index


def test_each_booth_has_a_home_sheet_that_shows_its_number(west_lake_pdf, west_lake):
    """The index's sheet column points at a map page on which the booth's number is printed."""
    path, result = west_lake_pdf
    assert set(result.home_pages) == {b.id for b in west_lake.booths}
    found: dict[int, set[str]] = {}
    for booth in west_lake.booths:
        page = result.home_pages[booth.id]
        assert result.page_kinds[page - 1] == "map"
        if page not in found:
            found[page] = tokens(path, page)
        assert booth.number in found[page], (booth.number, page)


def test_analysis_sheet_names_revision_and_checksum(west_lake_pdf):
    path, result = west_lake_pdf
    text = _normal(page_text(path, result.pages))
    digest = hashlib.sha256(bundled_layout().read_bytes()).hexdigest()
    assert digest in text.replace(" ", "")
    for expected in ("Crowd-flow analysis", "revision 7", "Egress per exit", "Density per zone",
                     "Settings and method", "Level of service", "Signature"):
        assert expected in text, expected


def _pixels(pdf, page: int, dpi: int, tmp_path) -> np.ndarray:
    stem = tmp_path / f"page{page}"
    run("pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem))
    data = (tmp_path / f"page{page}.ppm").read_bytes()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    w, h = int(header.group(1)), int(header.group(2))
    return np.frombuffer(data[header.end():], dtype=np.uint8).reshape(h, w, 3)


@pytest.mark.parametrize("scale, distance", [(200, 40.0), (500, 120.0), (1000, 250.0)])
def test_a_known_distance_measures_true_on_paper(tmp_path, scale, distance):
    """Two booths ``distance`` metres apart, printed at 1:N, lie distance × 1000 / N mm apart (within 0.5 %)."""
    layout = two_booth_layout(distance)
    pdf = tmp_path / "scale.pdf"
    result = export_layout(layout, pdf, ExportOptions(scale=scale, sheets="zones", paper="A3"))
    assert result.pages == 1
    dpi = 300
    image = _pixels(pdf, 1, dpi, tmp_path)
    reserved = np.array([0xFB, 0xE3, 0xA6])
    x, y, w, h = (v / 25.4 * dpi for v in page_geometry("A3", "landscape").frame)   # the map, not the legend
    mask = np.zeros(image.shape[:2], dtype=bool)
    frame = image[int(y):int(y + h), int(x):int(x + w)].astype(int)
    mask[int(y):int(y + h), int(x):int(x + w)] = np.all(np.abs(frame - reserved) <= 2, axis=2)
    ys, xs = np.nonzero(mask)
    assert len(xs) > 100
    split = (xs.min() + xs.max()) / 2
    centres = [(xs[side].min() + xs[side].max()) / 2 for side in (xs < split, xs > split)]
    measured_mm = (centres[1] - centres[0]) / dpi * 25.4
    assert measured_mm == pytest.approx(distance * 1000 / scale, rel=0.005)
    # The booths are 3 m wide: their printed width is true too.
    left = xs[xs < split]
    assert (left.max() - left.min() + 1) / dpi * 25.4 == pytest.approx(3000 / scale, abs=0.5)


def test_a_fixed_scale_that_does_not_fit_is_tiled_never_cropped(tmp_path):
    layout = two_booth_layout(400.0)
    layout.booths += [Booth(id=f"b-{i}", number=f"R-{i}", x=30.0 + 10 * i, y=30) for i in range(38)]
    pdf = tmp_path / "tiles.pdf"
    result = export_layout(layout, pdf, ExportOptions(scale=200, sheets="zones", paper="A4"))
    assert result.pages >= 5
    texts = [_normal(run("pdftotext", "-raw", "-f", str(p), "-l", str(p), str(pdf), "-"))
             for p in range(1, result.pages + 1)]
    printed = set(" ".join(texts).split())
    assert all(b.number in printed for b in layout.booths)
    assert all(re.search(r"continues on sheet \d+", t) for t in texts)
    assert all(f"part {i} of {result.pages}" in t for i, t in enumerate(texts, start=1))


def test_numbers_too_small_at_a_chosen_scale_are_reported(tmp_path, west_lake):
    result = export_layout(west_lake, tmp_path / "small.pdf",
                           ExportOptions(scale=2000, sheets="zones", analysis=False))
    assert result.notes and "6 pt" in result.notes[0] and "1:2,000" in result.notes[0]


@pytest.mark.parametrize("paper, orientation", [("Letter", "portrait"), ("A4", "portrait"), ("A1", "landscape")])
def test_paper_sizes_and_orientation(tmp_path, paper, orientation):
    layout = two_booth_layout(60.0)
    pdf = tmp_path / "p.pdf"
    export_layout(layout, pdf, ExportOptions(paper=paper, orientation=orientation, analysis=False))
    w, h = paper_size_mm(paper, orientation)
    for pw, ph in page_sizes(pdf):
        assert (pw, ph) == (pytest.approx(w * PT_PER_MM, abs=1.0), pytest.approx(h * PT_PER_MM, abs=1.0))


def test_safety_view_shows_exit_widths_and_bottlenecks(tmp_path, west_lake, west_lake_report):
    pdf = tmp_path / "safety.pdf"
    result = export_layout(west_lake, pdf, ExportOptions(view="safety", sheets="overview"),
                           report=west_lake_report)
    text = _normal(page_text(pdf, 1))
    assert "Safety map" in text
    assert re.search(r"\b1[24]\.0 m\b", text)               # exits' clear widths
    assert "Exit: its clear width" in text and "bottleneck" in text and "Fire extinguisher" in text
    assert "Toilets" not in text                     # not a safety amenity
    assert result.pages == 1


def test_visitor_view_has_no_statuses(tmp_path, west_lake):
    pdf = tmp_path / "visitor.pdf"
    export_layout(west_lake, pdf, ExportOptions(view="visitor", sheets="overview"))
    text = _normal(page_text(pdf, 1))
    assert "Visitor map" in text and "Toilets" in text
    assert "Reserved" not in text and "Sold" not in text


def test_analysis_checksum_is_of_the_file_exported(tmp_path, west_lake, west_lake_report):
    source = tmp_path / "copy.festival.json"
    write_layout(west_lake, source)
    pdf = tmp_path / "a.pdf"
    result = export_layout(west_lake, pdf, ExportOptions(), source=source, report=west_lake_report)
    text = _normal(page_text(pdf, result.pages)).replace(" ", "")
    assert hashlib.sha256(source.read_bytes()).hexdigest() in text


def test_a_failing_analysis_still_gives_the_map_and_says_so(tmp_path, monkeypatch):
    import planner.solver

    def broken(layout):
        raise RuntimeError("no exit graph")
    monkeypatch.setattr(planner.solver, "analyse", broken)
    pdf = tmp_path / "m.pdf"
    result = export_layout(two_booth_layout(40.0), pdf, ExportOptions())
    assert "analysis" not in result.page_kinds and "index" in result.page_kinds
    assert len(result.notes) == 1 and "no exit graph" in result.notes[0]
    assert pdf.read_bytes().startswith(b"%PDF-")
