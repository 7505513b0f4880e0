"""Make Chinese text in Qt's PDFs searchable and copyable as the characters drawn (no Qt).

A PDF maps each glyph back to Unicode through a ToUnicode table. Qt builds
that table by asking which code point a glyph belongs to and keeps the
lowest; Noto Sans CJK (like most CJK fonts) draws 山 (U+5C71) and the Kangxi
radical ⼭ (U+2F2D) with one glyph, so "北山街" comes out of the PDF as
"北⼭街": it looks right, but a search for 山, or for the zone name 非遗, fails.
This rewrites those entries to the unified ideograph that shares the glyph.

The rewrite is done on the bytes Qt produced: only the ToUnicode streams
change; the objects after them move, so the cross-reference table is
rebuilt from the old offsets. Anything unexpected leaves the PDF as it was.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\s*<<(.*?)>>\s*stream\r?\n", re.S)
_LENGTH = re.compile(rb"/Length\s+(\d+)")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_RANGE_LINE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")


def _decode(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be", errors="replace")


def _encode(text: str) -> bytes:
    return b"<" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _mappings(cmap: bytes) -> list[tuple[int, str]] | None:
    """Every (code, text) pair of a ToUnicode CMap."""
    pairs: list[tuple[int, str]] = []
    for block in _BFCHAR.findall(cmap):
        codes = _HEX.findall(block)
        if len(codes) % 2:
            return None
        pairs += [(int(codes[i], 16), _decode(codes[i + 1])) for i in range(0, len(codes), 2)]
    for block in _BFRANGE.findall(cmap):
        for lo, hi, dst in _RANGE_LINE.findall(block):
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                targets = [_decode(h) for h in _HEX.findall(dst)]
                pairs += list(zip(range(lo_i, hi_i + 1), targets))
            else:
                first = _decode(dst[1:-1])
                if not first:
                    continue
                for i in range(hi_i - lo_i + 1):
                    pairs.append((lo_i + i, first[:-1] + chr(ord(first[-1]) + i)))
    return pairs


def _rewrite_cmap(cmap: bytes, remap: Mapping[int, int]) -> bytes | None:
    pairs = _mappings(cmap)
    if not pairs:
        return None
    fixed = [(code, "".join(chr(remap.get(ord(c), ord(c))) for c in text)) for code, text in pairs]
    if fixed == pairs:
        return None
    head = cmap.find(b"endcodespacerange")
    tail = cmap.find(b"endcmap")
    if head < 0 or tail < 0:
        return None
    head += len(b"endcodespacerange")
    body = [b"\n"]
    for i in range(0, len(fixed), 100):
        chunk = fixed[i:i + 100]
        body.append(b"%d beginbfchar\n" % len(chunk))
        body += [b"<%04X> %s\n" % (code, _encode(text)) for code, text in chunk]
        body.append(b"endbfchar\n")
    return cmap[:head] + b"".join(body) + cmap[tail:]


def _xref(data: bytes) -> tuple[int, int, list[int]] | None:
    """(offset of the table, offset of its first entry, object offsets) of a classic xref table."""
    match = _STARTXREF.search(data[-64:])
    if not match:
        return None
    at = int(match.group(1))
    header = re.compile(rb"xref\s+0\s+(\d+)\s*\n").match(data, at)
    if not header:
        return None
    count, first = int(header.group(1)), header.end()
    entries = data[first:first + 20 * count]
    if len(entries) != 20 * count:
        return None
    return at, first, [int(entries[i * 20:i * 20 + 10]) for i in range(count)]


def fix_to_unicode(data: bytes, remap: Mapping[int, int]) -> bytes:
    """``data`` with its ToUnicode tables mapping ``remap``'s keys to its values."""
    if not remap:
        return data
    try:
        return _fix(data, remap)
    except (ValueError, IndexError, zlib.error):
        return data


def _fix(data: bytes, remap: Mapping[int, int]) -> bytes:
    table = _xref(data)
    if table is None:
        return data
    xref_at, first_entry, offsets = table
    edits: list[tuple[int, int, bytes]] = []      # (start, end, replacement)
    for number in sorted({int(n) for n in _TO_UNICODE.findall(data)}):
        if number >= len(offsets):
            continue
        obj = _OBJECT.match(data, offsets[number])
        if not obj or int(obj.group(1)) != number:
            continue
        length = _LENGTH.search(obj.group(2))
        if not length:
            continue
        start, n = obj.end(), int(length.group(1))
        raw = data[start:start + n]
        flate = b"/FlateDecode" in obj.group(2)
        cmap = zlib.decompress(raw) if flate else raw
        new = _rewrite_cmap(cmap, remap)
        if new is None:
            continue
        stream = zlib.compress(new) if flate else new
        dict_start = obj.start(2)
        new_dict = obj.group(2)[:length.start(1)] + str(len(stream)).encode() + obj.group(2)[length.end(1):]
        edits.append((dict_start, obj.end(2), new_dict))
        edits.append((start, start + n, stream))
    if not edits:
        return data
    edits.sort()
    out, last = [], 0
    for a, b, text in edits:
        out.append(data[last:a])
        out.append(text)
        last = b
    out.append(data[last:xref_at])

    def moved(offset: int) -> int:
        return offset + sum(len(text) - (b - a) for a, b, text in edits if a < offset)

    body = b"".join(out)
    entries = bytearray(data[first_entry:first_entry + 20 * len(offsets)])
    for i, offset in enumerate(offsets):
        if entries[i * 20 + 17:i * 20 + 18] == b"n":
            entries[i * 20:i * 20 + 10] = b"%010d" % moved(offset)
    head = data[xref_at:first_entry]
    rest = data[first_entry + 20 * len(offsets):]
    rest = _STARTXREF.sub(b"startxref\n%d\n%%%%EOF\n" % len(body), rest)
    return body + head + bytes(entries) + rest
