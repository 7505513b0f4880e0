"""Numbers for booths the editor creates: the next in the zone's scheme, or the next free one.

Only enough for placing, duplicating and pasting without producing
duplicate numbers; renumbering schemes belong to the numbering feature.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from planner.model.layout import Layout, Zone

_TRAILING = re.compile(r"^(.*?)(\d+)$")


def next_in_zone(layout: Layout, zone: Zone | None, taken: Collection[str] = ()) -> str:
    """One past the highest number with the zone's prefix (``ANI-`` → ``ANI-013``)."""
    numbering = zone.numbering if zone is not None else {}
    prefix = str(numbering.get("prefix", ""))
    try:
        start = int(numbering.get("start", 1))
        digits = int(numbering.get("digits", 3))
    except (TypeError, ValueError):
        start, digits = 1, 3
    used = {b.number for b in layout.booths} | set(taken)
    highest = start - 1
    for number in used:
        if number.startswith(prefix) and number[len(prefix):].isdigit():
            highest = max(highest, int(number[len(prefix):]))
    return f"{prefix}{highest + 1:0{digits}d}"


def free_number(number: str, taken: Collection[str]) -> str:
    """``number`` if unused, else the next unused one counting up its trailing digits."""
    if not number or number not in taken:
        return number
    match = _TRAILING.match(number)
    if match is None:
        prefix, n, digits = number + "-", 1, 1
    else:
        prefix, n, digits = match.group(1), int(match.group(2)), len(match.group(2))
    while True:
        n += 1
        candidate = f"{prefix}{n:0{digits}d}"
        if candidate not in taken:
            return candidate
