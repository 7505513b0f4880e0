"""How findings name a zone: a default name ("Zone 1", 展区 1) is not preceded by the word again.

The walled yard of ``test_zone_unreachable`` under different names, in
English and in Chinese (with the Chinese wording of these phrases given
here, so the test reads the sentences the code builds, not the catalogue).
"""

from __future__ import annotations

import pytest

import planner.i18n as i18n
from planner.solver import analyse
from planner.solver.rules import says_zone, zone_name
from tests.solver.kit import gate, layout, wall, zone

YARD = [wall("w1", 40, 10, 41, 30), wall("w2", 41, 29, 55, 30), wall("w3", 54, 10, 55, 29),
        wall("w4", 41, 10, 54, 11)]

CHINESE = {
    "“{name}”": "“{name}”",
    "Zone “{name}”": "展区“{name}”",
    "zone “{name}”": "展区“{name}”",
    "{zone} cannot be reached from any entrance.": "从任何入口都无法到达{zone}。",
    "Visitors in {zone} cannot reach any exit.": "{zone}的游客无法到达任何出口。",
}


def yard_findings(name: str) -> dict[str, str]:
    """The messages about the walled yard named ``name``, by rule."""
    zones = [zone("z", 0, 0, 39, 40, 300, name="Market"), zone("yard", 41, 11, 54, 29, 50, name=name)]
    lay = layout((0, 0, 60, 40), obstacles=YARD, zones=zones,
                 gates=[gate("g-w", (0, 15), (0, 25)), gate("g-e", (60, 15), (60, 25))])
    report = analyse(lay)
    return {f.rule: f.message for f in report.findings if f.objects == ["yard"]}


def test_an_unreachable_default_named_zone_is_named_once():
    found = yard_findings("Zone 1")
    assert found["zone-unreachable"] == "“Zone 1” cannot be reached from any entrance."
    assert found["no-exit"] == "Visitors in “Zone 1” cannot reach any exit."
    assert all("Zone Zone" not in m and "zone Zone" not in m for m in found.values())


def test_a_themed_zone_is_called_a_zone_and_quoted():
    found = yard_findings("Anime · 动漫")
    assert found["zone-unreachable"] == "Zone “Anime · 动漫” cannot be reached from any entrance."
    assert found["no-exit"] == "Visitors in zone “Anime · 动漫” cannot reach any exit."


def test_in_chinese_neither_name_reads_twice(monkeypatch):
    monkeypatch.setattr(i18n, "_catalogue", CHINESE)
    default = yard_findings("展区 1")
    assert default["zone-unreachable"] == "从任何入口都无法到达“展区 1”。"
    assert "展区“展区" not in default["no-exit"] and "“展区 1”" in default["no-exit"]
    themed = yard_findings("Anime · 动漫")
    assert themed["zone-unreachable"] == "从任何入口都无法到达展区“Anime · 动漫”。"
    english_default = yard_findings("Zone 1")                   # made in English, read in Chinese
    assert english_default["zone-unreachable"] == "从任何入口都无法到达“Zone 1”。"


@pytest.mark.parametrize(("name", "says"), [
    ("Zone 1", True), ("zone-3", True), ("Food Zone", True), ("Zones A–C", True), ("展区 2", True),
    ("Anime · 动漫", False), ("Ozone Bar", False), ("Zoned Parking", False), ("动漫区", False), ("", False),
])
def test_which_names_already_say_zone(name, says):
    assert says_zone(name) is says


def test_a_zone_without_a_name_is_named_by_its_id():
    class Unnamed:
        name = ""
        id = "zone-7"

    assert zone_name(Unnamed(), start=True) == "“zone-7”"
