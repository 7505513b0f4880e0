"""Colours, line widths and label sizes of the plan: the one style source.

Sizes are in metres on the ground, because the canvas and the exports draw to
scale; ``*_px`` values are device pixels, used where something must stay
visible (or be left out) whatever the zoom.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class AreaStyle:
    """Fill and outline of a polygon."""

    fill: str
    outline: str
    outline_m: float = 0.3
    hatch: str | None = None  # colour of diagonal hatching drawn over the fill


@dataclass(frozen=True)
class GateStyle:
    colour: str
    arrows: str  # "in", "out" or "both": which way visitors pass


@dataclass(frozen=True)
class Style:
    # -- ground ------------------------------------------------------------------
    outside: str = "#e6e3dc"          # beyond the site boundary
    site: AreaStyle = AreaStyle(fill="#f7f5ef", outline="#5d5a52", outline_m=0.6)
    grid: str = "#e9e5da"

    # -- obstacles, by kind --------------------------------------------------------
    obstacles: dict[str, AreaStyle] = field(default_factory=lambda: {
        "water": AreaStyle(fill="#b8d8ee", outline="#6fa3c9", outline_m=0.4),
        "building": AreaStyle(fill="#cfcdc8", outline="#7d7a74", outline_m=0.4),
        "stage": AreaStyle(fill="#4b4d5a", outline="#2c2d35", outline_m=0.4),
        "structure": AreaStyle(fill="#ddd2c4", outline="#97866f", outline_m=0.3),
        "vegetation": AreaStyle(fill="#cfe5bd", outline="#8cb872", outline_m=0.3),
        "restricted": AreaStyle(fill="#f6e0dd", outline="#c0392b", outline_m=0.4,
                                hatch="#d9685c"),
    })
    obstacle_label: str = "#555249"
    obstacle_label_on_dark: str = "#f0f0f0"
    obstacle_label_m: float = 2.5     # names fit their obstacle, from 0.4 of this height ...
    obstacle_label_max_m: float = 9.0  # ... up to this (a lake's name may be large)
    obstacle_label_min_px: float = 6.0
    obstacle_label_max_px: float = 36.0

    # -- zones -------------------------------------------------------------------------
    zone_fill_alpha: int = 46         # of 255: the zone colour, translucent
    zone_outline_alpha: int = 200
    zone_outline_m: float = 0.35
    zone_label_max_m: float = 9.0     # zone names fit their zone, up to this height
    zone_label_min_m: float = 2.0
    zone_label_max_px: float = 30.0   # a name that fits its zone, but never louder than this on screen,
    zone_label_min_px: float = 9.0    # nor smaller (up to zone_label_max_m on the ground)
    # Zone names give way to booth numbers: they fade out while a standard
    # booth number grows from this many device pixels to twice that.
    zone_label_fade_px: float = 5.0
    zone_label_darken: int = 160      # QColor.darker factor for the name

    # -- booths ----------------------------------------------------------------------
    booth_status: dict[str, str] = field(default_factory=lambda: {
        "available": "#d7ecd2",
        "reserved": "#fbe3a6",
        "sold": "#bcd5ee",
        "blocked": "#c9c7c3",
    })
    booth_outline: str = "#4a5056"
    booth_outline_m: float = 0.06
    booth_open_side: str = "#2f3a44"
    booth_open_side_m: float = 0.16   # width of the strip marking an open side
    booth_number: str = "#1f262d"
    booth_number_m: float = 0.75      # largest booth-number height
    booth_exhibitor: str = "#3b4650"
    booth_exhibitor_m: float = 0.4
    booth_cooking: str = "#e8641e"
    booth_blocked_hatch: str = "#8d8a85"
    booth_safety_fill: str = "#ebe8e1"   # the safety map: every booth quiet ...
    booth_cooking_fill: str = "#f6b48a"  # ... except those with open flame or gas

    # -- analysis overlays (the safety map) ----------------------------------------------
    bottleneck: str = "#d7191c"         # a cross-section a finding blames (egress too slow, aisle overloaded)
    bottleneck_neutral: str = "#4a5a6a"  # one that is only the narrowest: slate, as red reads as a fault
    bottleneck_m: float = 1.2          # line across the narrowest cross-section
    bottleneck_min_px: float = 2.5
    exit_tag: str = "#17823b"          # clear width written beside each exit, green as exit signs are
    exit_tag_text: str = "#ffffff"
    closed_gate: str = "#263238"       # a gate the scenario closes: crossed out in near-black
    route: str = "#b0177f"             # the route tool's walk: magenta, apart from the blue gate-to-zone paths

    # -- gates -----------------------------------------------------------------------
    gates: dict[str, GateStyle] = field(default_factory=lambda: {
        "entrance": GateStyle(colour="#2e8b57", arrows="in"),
        "exit": GateStyle(colour="#c0392b", arrows="out"),
        "both": GateStyle(colour="#2b6cb0", arrows="both"),
    })
    gate_line_m: float = 1.4
    gate_line_min_px: float = 3.0
    gate_line_max_px: float = 14.0
    gate_label_m: float = 1.8
    gate_label_min_px: float = 9.0    # gate names stay readable on an overview ...
    gate_label_max_m: float = 7.0     # ... up to this height on the ground,
    gate_label_max_px: float = 20.0   # ... and no louder than this when zoomed in

    # -- amenities -------------------------------------------------------------------
    amenity_colours: dict[str, str] = field(default_factory=lambda: {
        "toilets": "#3d5a80",
        "first_aid": "#c62828",
        "info": "#1e88e5",
        "water": "#0097a7",
        "charging": "#f9a825",
        "security": "#37474f",
        "fire_extinguisher": "#d32f2f",
        "fire_hydrant": "#b71c1c",
        "assembly_point": "#2e7d32",
        "other": "#6d4c41",
    })
    amenity_m: float = 2.4            # badge diameter on the ground
    amenity_min_px: float = 11.0      # ... but never smaller than this on screen
    amenity_max_m: float = 12.0       # ... nor larger than this on the ground,
    amenity_max_px: float = 30.0      # ... nor than this on screen (a badge is a sign, not a thing)
    amenity_label_m: float = 1.0
    amenity_label_min_px: float = 7.0  # secondary names wait until they can be read,
    amenity_label_max_px: float = 13.0  # and never shout over the booths

    # -- labels ------------------------------------------------------------------------
    min_label_px: float = 5.0         # labels smaller than this are left out
    booth_number_min_px: float = 6.0  # booth numbers need a little more to be read
    halo: str = "#ffffff"
    halo_fraction: float = 0.16       # halo width as a fraction of the text height
    min_line_px: float = 0.6          # hairlines never vanish
    max_line_px: float = 3.0          # outlines stay lines when zoomed in far

    def obstacle(self, kind: str) -> AreaStyle:
        return self.obstacles.get(kind, self.obstacles["structure"])

    def gate(self, kind: str) -> GateStyle:
        return self.gates.get(kind, self.gates["both"])

    def booth_fill(self, status: str) -> str:
        return self.booth_status.get(status, self.booth_status["available"])

    def amenity_colour(self, kind: str) -> str:
        return self.amenity_colours.get(kind, self.amenity_colours["other"])


DEFAULT_STYLE = Style()


@dataclass(frozen=True)
class SheetStyle:
    """The furniture of a printed sheet (frame, title block, legend, index): sizes in points."""

    ink: str = "#1f262d"
    muted: str = "#5b6670"
    rule: str = "#9aa3aa"
    faint: str = "#e4e7ea"             # table stripes, the overlap band of tiles
    accent: str = "#c0392b"            # this sheet's window on the inset
    other_sheet: str = "#5b6670"       # other sheets' windows on the overview
    error: str = "#c62828"
    warning: str = "#b26a00"
    ok: str = "#2e7d32"
    title_pt: float = 13.0
    heading_pt: float = 9.0
    text_pt: float = 7.5
    small_pt: float = 6.0
    frame_pt: float = 0.8              # the map frame
    rule_pt: float = 0.4               # lines of the title block and tables
    crop_mark_pt: float = 0.5
    crop_mark_mm: float = 6.0
    margin_mm: float = 10.0
    gap_mm: float = 10.0               # between the map and the panel (room for crop marks)
    overlap_mm: float = 12.0           # tiles share this much of the map on paper
    focus_veil_alpha: int = 120        # of 255: white over what lies outside a zone sheet's zone


DEFAULT_SHEET_STYLE = SheetStyle()


def qcolor(value: str, alpha: int | None = None) -> QColor:
    colour = QColor(value)
    if alpha is not None:
        colour.setAlpha(alpha)
    return colour
