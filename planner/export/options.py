"""What an export is asked for: paper, orientation, scale, sheets, view, resolution (no Qt).

The command line and (later) the editor's export dialog fill an
``ExportOptions``; everything here is plain Python so the CLI can check its
arguments, and write CSV and GeoJSON, without loading Qt.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MM_PER_INCH = 25.4
PT_PER_MM = 72.0 / MM_PER_INCH

# Paper sizes in millimetres, portrait (width, height).
PAPERS: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "A2": (420.0, 594.0),
    "A1": (594.0, 841.0),
    "A0": (841.0, 1189.0),
    "Letter": (215.9, 279.4),
    "Legal": (215.9, 355.6),
    "Tabloid": (279.4, 431.8),
}
ORIENTATIONS = ("landscape", "portrait")
SHEETS = ("overview", "zones", "tiles", "all")
VIEWS = ("exhibitor", "visitor", "safety")
MAP_FORMATS = ("pdf", "png", "svg")
LIST_FORMATS = ("csv", "geojson")
SUFFIXES = {".pdf": "pdf", ".png": "png", ".svg": "svg", ".csv": "csv", ".geojson": "geojson"}

MIN_DPI, MAX_DPI = 36, 1200
MAX_PIXELS = 160_000_000          # one PNG sheet; an A0 at 400 dpi is about 120 million
MIN_SCALE, MAX_SCALE = 10, 1_000_000

# Scales a print shop and a fire officer recognise: 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 × 10^k.
_NICE_STEPS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5)


def paper_name(value: str) -> str | None:
    """The paper's canonical name (``a3`` → ``A3``, ``letter`` → ``Letter``), or None."""
    for name in PAPERS:
        if name.lower() == value.strip().lower():
            return name
    return None


def paper_size_mm(paper: str, orientation: str) -> tuple[float, float]:
    """(width, height) of the sheet as it lies, in millimetres."""
    w, h = PAPERS[paper]
    return (max(w, h), min(w, h)) if orientation == "landscape" else (min(w, h), max(w, h))


_SCALE = re.compile(r"^\s*1\s*:\s*([0-9][0-9_,]*)\s*$")


def parse_scale(value: str) -> int | None:
    """``fit`` → None; ``1:500`` → 500. Raises ValueError for anything else."""
    text = value.strip().lower()
    if text == "fit":
        return None
    match = _SCALE.match(text)
    if not match:
        raise ValueError(value)
    n = int(match.group(1).replace(",", "").replace("_", ""))
    if not MIN_SCALE <= n <= MAX_SCALE:
        raise ValueError(value)
    return n


def nice_scale_at_least(n: float) -> int:
    """The smallest recognised scale denominator ≥ ``n`` (a map that fits, as large as can be)."""
    n = max(float(n), 1.0)
    k = 10 ** math.floor(math.log10(n))
    for decade in (k, k * 10):
        for step in _NICE_STEPS:
            if step * decade >= n - 1e-9:
                return int(round(step * decade))
    return int(math.ceil(n))


def nice_scale_at_most(n: float) -> int:
    """The largest recognised scale denominator ≤ ``n`` (a map at least this large)."""
    n = max(float(n), 1.0)
    k = 10 ** math.floor(math.log10(n))
    for decade in (k, k / 10):
        for step in reversed(_NICE_STEPS):
            if step * decade <= n + 1e-9 and step * decade >= 1:
                return int(round(step * decade))
    return 1


def format_scale(n: int) -> str:
    return f"1:{n:,}"


@dataclass(frozen=True)
class ExportOptions:
    """One export. ``scale`` None means fit; ``sheets`` None means the format's default."""

    paper: str = "A3"
    orientation: str = "landscape"
    scale: int | None = None
    sheets: str | None = None
    view: str = "exhibitor"
    dpi: int = 200
    exhibitor_index: bool = False    # a second booth index, by exhibitor name
    analysis: bool = True            # the analysis sheet in ``all`` (PDF)

    def sheets_for(self, fmt: str) -> str:
        """SPEC §3: every sheet for a PDF, the overview for PNG and SVG."""
        if self.sheets:
            return self.sheets
        return "all" if fmt == "pdf" else "overview"


def output_format(suffix: str) -> str | None:
    """The export format a file suffix asks for (``.pdf`` → ``pdf``), or None."""
    return SUFFIXES.get(suffix.lower())
