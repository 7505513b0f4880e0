"""The analysis sheet: the page a safety officer signs.

It states what was checked (the layout's revision and the SHA-256 of the
file), the summary, every finding, egress per exit with its bottlenecks,
density and level of service per zone, and the settings and method used.
Finding messages come from the solver, already in the chosen language.
"""

from __future__ import annotations

from planner.export.flow import Block, Column, Heading, Paragraph, Space, Table
from planner.export.strings import SEVERITY, duration, metres, named, number, translate
from planner.model.layout import Layout
from planner.render.style import SheetStyle
from planner.solver.report import Report


def _gate_name(layout: Layout, gate_id: str | None) -> str:
    gate = layout.get(gate_id) if gate_id else None
    return (getattr(gate, "name", "") or gate_id or "–") if gate is not None else (gate_id or "–")


def _column(title: str, weight: float, align: str = "left", wrap: bool = False) -> Column:
    return Column(title, weight, align, wrap)


def _summary(layout: Layout, report: Report, sheet: SheetStyle) -> list[Block]:
    s, e = report.summary, report.egress
    errors, warnings = int(s.get("errors", 0)), int(s.get("warnings", 0))
    colour = sheet.error if errors else sheet.warning if warnings else sheet.ok
    if errors or warnings:
        verdict = translate("Export", "Errors: {errors}, warnings: {warnings}; see the findings.")
        verdict = verdict.format(errors=errors, warnings=warnings)
    else:
        verdict = translate("Export", "No errors and no warnings.")
    limit = duration(layout.settings.max_egress_time)
    per_min = translate("Export", "{value} persons/min")
    per_m2 = translate("Export", "{value} persons/m²")
    rows = [
        [translate("Export", "Booths"), number(s.get("booths", 0))],
        [translate("Export", "Zones"), number(s.get("zones", 0))],
        [translate("Export", "Gates"), number(s.get("gates", 0))],
        [translate("Export", "Walkable area"),
         translate("Export", "{value} m²").format(value=number(s.get("walkable_area_m2") or 0))],
        [translate("Export", "Visitors at peak"), number(s.get("peak_visitors") or 0)],
        [translate("Export", "Egress time (limit {limit})").format(limit=limit), duration(s.get("egress_time_s"))],
        [translate("Export", "Longest walk to an exit"), duration(e.get("walk_s"))],
        [translate("Export", "Flow time through the bottleneck"), duration(e.get("flow_s"))],
        [translate("Export", "Maximum egress flow"),
         per_min.format(value=number(s.get("max_egress_flow_per_min") or 0))],
        [translate("Export", "Worst zone density"),
         per_m2.format(value=number(s.get("worst_zone_density") or 0, 2))],
    ]
    blocks: list[Block] = [
        Heading(translate("Export", "Summary"), 2),
        Paragraph(verdict, colour=colour, bold=True),
        Table([_column(translate("Export", "Measure"), 2.2), _column(translate("Export", "Value"), 1.3, "right")],
              rows),
    ]
    if report.free_flow_estimate:
        blocks.append(Paragraph(translate(
            "Export", "The egress time is a free-flow estimate: queues inside the aisles and before the gates add "
            "time, and aisle-overloaded names the aisles that cannot keep up."), colour=sheet.muted))
    return blocks


def _findings(report: Report, sheet: SheetStyle) -> list[Block]:
    blocks: list[Block] = [Heading(translate("Export", "Findings"), 2)]
    if not report.findings:
        return blocks + [Paragraph(translate("Export", "The analysis found nothing to report."))]
    colours = {"error": sheet.error, "warning": sheet.warning}
    columns = [_column(translate("Export", "Severity"), 0.8), _column(translate("Export", "Rule"), 1.3),
               _column(translate("Export", "Finding"), 3.6, wrap=True)]
    rows = [[named(SEVERITY, f.severity), f.rule, f.message] for f in report.findings]
    return blocks + [Table(columns, rows, colours=[colours.get(f.severity) for f in report.findings])]


def _egress(layout: Layout, report: Report, sheet: SheetStyle) -> list[Block]:
    e = report.egress
    blocks: list[Block] = [Heading(translate("Export", "Egress per exit"), 2)]
    if e.get("exits"):
        rows = []
        for ex in e["exits"]:
            gate = layout.get(ex["gate"])
            width = metres(gate.width) if gate is not None and hasattr(gate, "width") else "–"
            rows.append([_gate_name(layout, ex["gate"]), width, number(ex.get("visitors") or 0),
                         number(ex.get("flow_per_min") or 0), duration(ex.get("time_s"))])
        blocks.append(Table([
            _column(translate("Export", "Exit"), 2.4), _column(translate("Export", "Clear width"), 0.9, "right"),
            _column(translate("Export", "Visitors"), 0.9, "right"),
            _column(translate("Export", "Persons/min"), 0.95, "right"),
            _column(translate("Export", "All out in"), 1.0, "right")], rows))
    else:
        blocks.append(Paragraph(translate("Export", "No exit: nobody can leave the site."), colour=sheet.error))
    rows = []
    for b in e.get("bottlenecks") or []:
        (x1, y1), (x2, y2) = b["segment"]
        if b.get("gate"):
            where = _gate_name(layout, b["gate"])
        else:
            where = translate("Export", "({x1}, {y1}) to ({x2}, {y2})").format(
                x1=number(x1, 1), y1=number(y1, 1), x2=number(x2, 1), y2=number(y2, 1))
        rows.append([where, metres(b["width_m"])])
    if rows:
        blocks.append(Table([_column(translate("Export", "Bottleneck"), 3.2),
                             _column(translate("Export", "Clear width"), 1.0, "right")], rows))
    without = e.get("without_largest_exit")
    if without:
        text = translate("Export", "With {gate} closed (the widest exit), everybody is out in {time}.")
        blocks.append(Paragraph(text.format(gate=_gate_name(layout, without.get("gate")),
                                            time=duration(without.get("time_s")))))
    return blocks


def _density(report: Report) -> list[Block]:
    blocks: list[Block] = [Heading(translate("Export", "Density per zone at peak"), 2)]
    if not report.zones:
        return blocks + [Paragraph(translate("Export", "The layout has no zones."))]
    rows = [[z.get("name") or z["id"], number(z.get("walkable_m2") or 0), number(z.get("peak_visitors") or 0),
             number(z.get("density") or 0, 2), str(z.get("los") or "–")] for z in report.zones]
    return blocks + [Table([
        _column(translate("Export", "Zone"), 2.4), _column(translate("Export", "Walkable m²"), 1.0, "right"),
        _column(translate("Export", "Visitors"), 0.9, "right"),
        _column(translate("Export", "Persons/m²"), 0.9, "right"),
        _column(translate("Export", "Level of service"), 0.9, "right")], rows)]


def _settings(layout: Layout, sheet: SheetStyle) -> list[Block]:
    st = layout.settings
    far = metres(st.max_exit_distance) if st.max_exit_distance is not None else translate("Export", "not set")
    rows = [
        [translate("Export", "Minimum aisle width"), metres(st.min_aisle_width, 2)],
        [translate("Export", "Body radius"), metres(st.body_radius, 2)],
        [translate("Export", "Walking speed"),
         translate("Export", "{value} m/s").format(value=number(st.walking_speed, 2))],
        [translate("Export", "Specific flow"),
         translate("Export", "{value} persons per metre per minute").format(value=number(st.specific_flow, 0))],
        [translate("Export", "Maximum egress time"), duration(st.max_egress_time)],
        [translate("Export", "Maximum density"),
         translate("Export", "{value} persons/m²").format(value=number(st.max_density, 2))],
        [translate("Export", "Maximum distance to an exit"), far],
    ]
    method = translate(
        "Export", "Method: walking paths are the shortest paths through the walkable ground shrunk by the body "
        "radius. Visitors stand on a grid over each zone and walk to the exit nearest on foot. The egress time is "
        "the larger of the queue time at each exit (walking times plus the queue its flow capacity builds) and the "
        "total visitors over the maximum flow through the narrowest cross-sections (max-flow, min-cut). "
        "Capacities use the specific flow per metre of clear width; density uses Fruin's walkway levels of "
        "service (A ≤ 0.31, B ≤ 0.43, C ≤ 0.72, D ≤ 1.08, E ≤ 2.17 persons/m², F above).")
    return [Heading(translate("Export", "Settings and method"), 2),
            Table([_column(translate("Export", "Setting"), 2.0), _column(translate("Export", "Value"), 1.6, "right")],
                  rows),
            Paragraph(method, colour=sheet.muted)]


def analysis_blocks(layout: Layout, report: Report, checksum: str, source: str, sheet: SheetStyle) -> list[Block]:
    """The analysis sheet's blocks: what was checked, the summary, findings, egress, density, settings, sign-off."""
    revision = layout.event.revision or "–"
    blocks: list[Block] = [
        Heading(translate("Export", "Crowd-flow analysis")),
        Paragraph(translate("Export", "Layout: {name}, revision {revision}.").format(name=layout.name or "–",
                                                                                   revision=revision)),
        Paragraph(translate("Export", "Checked file: {file}").format(file=source)),
        Paragraph(translate("Export", "SHA-256: {checksum}").format(checksum=checksum)),
        Space(0.6),
    ]
    blocks += _summary(layout, report, sheet)
    blocks += _findings(report, sheet)
    blocks += _egress(layout, report, sheet)
    blocks += _density(report)
    blocks += _settings(layout, sheet)
    blocks += [
        Space(1.2),
        Heading(translate("Export", "Checked and approved"), 2),
        Table([_column(translate("Export", "Name"), 1.6), _column(translate("Export", "Signature"), 1.6),
               _column(translate("Export", "Date"), 1.0)], [["", "", ""], ["", "", ""]], keep=2, min_row=3.2),
    ]
    return blocks
