"""The short text summary of a layout printed by ``festival-planner info`` (no Qt)."""

from __future__ import annotations

import unicodedata
from collections import Counter

from planner.i18n import format_dates, format_list, format_number, ntr, tr
from planner.model.layout import BOOTH_STATUSES, Layout


def display_width(text: str) -> int:
    """Terminal columns of ``text``: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _status_name(status: str) -> str:
    return {
        "available": tr("available"), "reserved": tr("reserved"),
        "sold": tr("sold"), "blocked": tr("blocked"),
    }[status]


def _gate_kind_name(kind: str) -> str:
    return {"entrance": tr("entrance"), "exit": tr("exit"), "both": tr("entrance and exit")}[kind]


def _status_counts(counter: Counter[str]) -> str:
    return format_list([tr("{status} {n}", status=_status_name(s), n=counter[s])
                        for s in BOOTH_STATUSES if counter[s]])


def format_summary(layout: Layout) -> str:
    """Name, dates, site area, booths per zone and status, gates, visitors."""
    lines: list[str] = [layout.name or tr("(unnamed layout)")]
    e = layout.event
    if e.venue:
        lines.append(tr("Venue: {venue}", venue=e.venue))
    if e.dates:
        lines.append(tr("Dates: {dates}", dates=format_dates(e.dates)))
    if e.organiser:
        lines.append(tr("Organiser: {organiser}", organiser=e.organiser))
    if e.revision:
        lines.append(tr("Revision: {revision}", revision=e.revision))
    from planner.solver.walkable import build_areas

    lines.append(tr("Site area: {area} m², of which {walkable} m² walkable between obstacles and booths",
                    area=format_number(layout.site.shape().area),
                    walkable=format_number(build_areas(layout).walkable.area)))

    zone_of = layout.zone_of_booths()
    statuses = Counter(b.status for b in layout.booths)
    lines.append("")
    count = format_number(len(layout.booths))
    if layout.booths:
        lines.append(ntr("{count} booth ({statuses})", "{count} booths ({statuses})", len(layout.booths),
                         count=count, statuses=_status_counts(statuses)))
    else:
        lines.append(ntr("{count} booth", "{count} booths", 0, count=count))
    per_zone: dict[str | None, Counter[str]] = {}
    for booth in layout.booths:
        per_zone.setdefault(zone_of[booth.id], Counter())[booth.status] += 1
    names = {z.id: z.name or z.id for z in layout.zones}
    rows = [(names[z.id], per_zone[z.id]) for z in layout.zones if z.id in per_zone]
    if None in per_zone:
        rows.append((tr("(outside every zone)"), per_zone[None]))
    width = max((display_width(name) for name, _ in rows), default=0)
    for name, counter in rows:
        lines.append(f"  {_pad(name, width)}  {sum(counter.values()):>4}  {_status_counts(counter)}")

    lines.append("")
    total_width = sum(g.width for g in layout.gates)
    lines.append(ntr("{n} gate, {width} m clear width in all", "{n} gates, {width} m clear width in all",
                     len(layout.gates), width=format_number(total_width, 1)))
    width = max((display_width(g.name or g.id) for g in layout.gates), default=0)
    for gate in layout.gates:
        lines.append(f"  {_pad(gate.name or gate.id, width)}  "
                     + tr("{kind}, {width} m", kind=_gate_kind_name(gate.kind), width=format_number(gate.width, 1)))

    lines.append("")
    visitors = sum(z.peak_visitors for z in layout.zones)
    lines.append(tr("Visitors at peak: {n}", n=format_number(visitors)))
    width = max((display_width(z.name or z.id) for z in layout.zones), default=0)
    for zone in layout.zones:
        lines.append(f"  {_pad(zone.name or zone.id, width)}  {format_number(zone.peak_visitors):>7}")
    return "\n".join(lines)
