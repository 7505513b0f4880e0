"""The analysis report (SPEC §4) and its JSON form."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

SEVERITY_ORDER = {"error": 0, "warning": 1}


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    location: tuple[float, float] | None = None
    objects: list[str] = field(default_factory=list)
    value: float | None = None
    limit: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "severity": self.severity, "message": self.message,
            "location": None if self.location is None else [_num(self.location[0]), _num(self.location[1])],
            "objects": list(self.objects), "value": _num(self.value), "limit": _num(self.limit),
        }


@dataclass
class Report:
    layout: str
    summary: dict[str, Any]
    findings: list[Finding]
    paths: list[dict[str, Any]]
    egress: dict[str, Any]
    zones: list[dict[str, Any]]
    timings: dict[str, float] = field(default_factory=dict)
    free_flow_estimate: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def to_json(self) -> dict[str, Any]:
        return {
            "layout": self.layout,
            "summary": _clean(self.summary),
            "findings": [f.to_json() for f in self.findings],
            "paths": _clean(self.paths),
            "egress": _clean(self.egress),
            "zones": _clean(self.zones),
        }


def _num(value: float | None, digits: int = 3) -> float | None:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return round(float(value), digits)


def _clean(value: Any) -> Any:
    """Round floats for the JSON report and turn infinities into null."""
    if isinstance(value, float):
        return _num(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value
