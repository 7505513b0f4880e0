"""The ToUnicode rewrite: radicals become the ideographs drawn, and the PDF stays well-formed."""

from __future__ import annotations

import re
import zlib

from planner.export.pdf_text import fix_to_unicode

CMAP = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        b"2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<5317> <2F2D> <8857>]\nendbfrange\n"
        b"1 beginbfchar\n<0004> <2ED4>\nendbfchar\n"
        b"1 beginbfrange\n<0005> <0006> <2F00>\nendbfrange\n"
        b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
REMAP = {0x2F2D: 0x5C71, 0x2ED4: 0x95E8, 0x2F00: 0x4E00, 0x2F01: 0x4E28}


def _pdf(cmap: bytes, flate: bool = False) -> bytes:
    """A minimal PDF shaped like Qt's: a font object pointing at its ToUnicode stream, a classic xref."""
    stream = zlib.compress(cmap) if flate else cmap
    objects = [
        b"<< /Type /Catalog >>",
        b"<< /Type /Font /Subtype /Type0 /ToUnicode 3 0 R >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), b" /Filter /FlateDecode" if flate else b"")
        + stream + b"\nendstream",
        b"<< /After (the stream) >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def _check_xref(pdf: bytes) -> None:
    xref = int(re.search(rb"startxref\s+(\d+)", pdf).group(1))
    assert pdf[xref:xref + 4] == b"xref"
    count = int(re.match(rb"xref\s+0\s+(\d+)\s*\n", pdf[xref:]).group(1))
    first = pdf.index(b"\n", pdf.index(b"\n", xref) + 1) + 1
    for number in range(1, count):
        offset = int(pdf[first + 20 * number:first + 20 * number + 10])
        assert pdf[offset:].startswith(b"%d 0 obj" % number)


def _targets(pdf: bytes) -> list[int]:
    return [int(h, 16) for h in re.findall(rb"<[0-9A-F]{4}> <([0-9A-F]{4})>", pdf)]


def test_radicals_are_rewritten_and_offsets_follow():
    fixed = fix_to_unicode(_pdf(CMAP), REMAP)
    _check_xref(fixed)
    targets = _targets(fixed)
    assert 0x5C71 in targets and 0x95E8 in targets and 0x4E00 in targets and 0x4E28 in targets
    assert not [t for t in targets if 0x2E80 <= t <= 0x2FDF]
    assert 0x5317 in targets and 0x8857 in targets
    assert b"<< /After (the stream) >>" in fixed


def test_compressed_tables_too():
    fixed = fix_to_unicode(_pdf(CMAP, flate=True), REMAP)
    _check_xref(fixed)
    length = int(re.search(rb"/Length (\d+)", fixed).group(1))
    start = fixed.index(b"stream\n") + len(b"stream\n")
    cmap = zlib.decompress(fixed[start:start + length])
    assert b"<5C71>" in cmap and b"<2F2D>" not in cmap


def test_nothing_to_do_or_not_a_pdf_leaves_the_bytes_alone():
    plain = _pdf(CMAP.replace(b"<2F2D>", b"<5C71>").replace(b"<2ED4>", b"<95E8>").replace(b"<2F00>", b"<4E00>"))
    assert fix_to_unicode(plain, REMAP) == plain
    assert fix_to_unicode(b"not a pdf", REMAP) == b"not a pdf"
    assert fix_to_unicode(_pdf(CMAP), {}) == _pdf(CMAP)
