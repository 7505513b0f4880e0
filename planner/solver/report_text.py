"""The terminal form of a report, for ``festival-planner check``."""

from __future__ import annotations

import math

from planner.i18n import format_list, format_number, ntr, tr
from planner.model.layout import Layout
from planner.solver.report import Report
from planner.solver.rules import duration


MAX_SECTIONS = 8   # bottleneck cross-sections listed before "and N more"


def format_report(report: Report, layout: Layout) -> str:
    """Findings by severity, egress and its bottleneck, zones, and a summary line."""
    s = report.summary
    limit_s = layout.settings.max_egress_time
    gate_names = {g.id: g.name or g.id for g in layout.gates}
    lines = [report.layout or tr("(unnamed layout)"), ""]
    for severity, items in (("error", report.errors), ("warning", report.warnings)):
        if not items:
            continue
        lines.append(tr("Errors ({n})", n=len(items)) if severity == "error" else tr("Warnings ({n})", n=len(items)))
        for f in items:
            if f.location is None:
                lines.append("  " + tr("{rule}: {message}", rule=f.rule, message=f.message))
            else:
                lines.append("  " + tr("{rule}: {message}  [at {x}, {y}]", rule=f.rule, message=f.message,
                                       x=format_number(f.location[0], 1), y=format_number(f.location[1], 1)))
        lines.append("")
    e = report.egress
    if e["time_s"] is not None:
        slowest = max(e["exits"], key=lambda ex: ex["time_s"] if ex["time_s"] is not None else math.inf,
                      default=None)
        if slowest is not None and (e["flow_s"] is None or slowest["time_s"] >= e["flow_s"]):
            lines.append(ntr("Egress: {time}, set by the {count} visitor nearest to {gate}; the limit is {limit}.",
                             "Egress: {time}, set by the {count} visitors nearest to {gate}; the limit is {limit}.",
                             round(slowest["visitors"]), time=duration(e["time_s"]),
                             count=format_number(slowest["visitors"]),
                             gate=gate_names.get(slowest["gate"], slowest["gate"]), limit=duration(limit_s)))
        else:
            lines.append(tr("Egress: {time}, set by the flow of the whole crowd through the bottleneck; "
                            "the limit is {limit}.", time=duration(e["time_s"]), limit=duration(limit_s)))
        lines.append("  " + tr("everyone through every exit at full flow: {flow}; the longest walk to an exit: {walk}",
                               flow=duration(e["flow_s"]), walk=duration(e["walk_s"])))
        lines.append("  " + tr("maximum egress flow: {flow} persons/min", flow=format_number(e["max_flow_per_min"])))
        gates = [b for b in e["bottlenecks"] if "gate" in b]
        sections = [b for b in e["bottlenecks"] if "gate" not in b]
        if gates:
            listed = format_list([tr("{gate} {width} m", gate=gate_names.get(b["gate"], b["gate"]),
                                     width=format_number(b["width_m"], 1)) for b in gates])
            lines.append("  " + tr("bottleneck at the exits themselves: {gates}", gates=listed))
        for b in sections[:MAX_SECTIONS]:
            (x1, y1), (x2, y2) = b["segment"]
            lines.append("  " + tr("bottleneck {width} m wide from ({x1}, {y1}) to ({x2}, {y2})",
                                   width=format_number(b["width_m"], 1), x1=format_number(x1, 1),
                                   y1=format_number(y1, 1), x2=format_number(x2, 1), y2=format_number(y2, 1)))
        if len(sections) > MAX_SECTIONS:
            lines.append("  " + ntr("and {n} more bottleneck cross-section (see --json)",
                                    "and {n} more bottleneck cross-sections (see --json)",
                                    len(sections) - MAX_SECTIONS))
        for ex in e["exits"]:
            lines.append("  " + ntr("exit {gate}: {count} visitor, {flow} persons/min, out in {time}",
                                    "exit {gate}: {count} visitors, {flow} persons/min, out in {time}",
                                    round(ex["visitors"]), gate=gate_names.get(ex["gate"], ex["gate"]),
                                    count=format_number(ex["visitors"]), flow=format_number(ex["flow_per_min"]),
                                    time=duration(ex["time_s"])))
        w = e.get("without_largest_exit")
        if w:
            lines.append("  " + tr("with {gate} closed: {time}", gate=gate_names.get(w["gate"], w["gate"]),
                                   time=duration(w["time_s"])))
        if report.free_flow_estimate:
            lines.append(tr("The egress time is a free-flow estimate: queues inside the aisles and before "
                            "the gates add time (aisle-overloaded names the aisles that cannot keep up)."))
        lines.append("")
    if report.zones:
        lines.append(tr("Zones at peak:"))
        for z in report.zones:
            lines.append("  " + ntr("{zone}: {count} visitor on {area} m², {density} persons/m², level of service {los}",
                                    "{zone}: {count} visitors on {area} m², {density} persons/m², level of service {los}",
                                    round(z["peak_visitors"]), zone=z["name"] or z["id"],
                                    count=format_number(z["peak_visitors"]), area=format_number(z["walkable_m2"]),
                                    density=format_number(z["density"], 2), los=z["los"]))
        lines.append("")
    # A list of five counts: the frame (order, punctuation) is one message, each count its own plural.
    lines.append(tr("{booths}, {zones}, {gates}; {errors}, {warnings}.",
                    booths=ntr("{count} booth", "{count} booths", s["booths"], count=format_number(s["booths"])),
                    zones=ntr("{n} zone", "{n} zones", s["zones"]),
                    gates=ntr("{n} gate", "{n} gates", s["gates"]),
                    errors=ntr("{n} error", "{n} errors", s["errors"]),
                    warnings=ntr("{n} warning", "{n} warnings", s["warnings"])))
    return "\n".join(lines)
