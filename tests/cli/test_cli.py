from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.formats import layout_to_dict, write_layout
from tests.factories import small_layout

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


@pytest.fixture
def layout_file(tmp_path) -> Path:
    path = tmp_path / "small.festival.json"
    write_layout(small_layout(), path)
    return path


def test_info_summarises_the_layout(layout_file, capsys):
    assert main(["info", str(layout_file), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Test Market\n")
    assert "Venue: Test Park" in out
    assert "Dates: 13–16 September 2018" in out
    # 100 × 50 m, less the 20 × 20 m pond and the booths: 9 + 9 + 18 + 9 m², of which
    # b-2 and b-3 share 4.5 m²: 5,000 − 400 − 40.5 = 4,559.5
    assert "Site area: 5,000 m², of which 4,560 m² walkable" in out
    assert "4 booths (available 2, reserved 1, sold 1)" in out
    assert re.search(r"Anime · 动漫\s+3\s+available 1, reserved 1, sold 1\n", out)
    assert re.search(r"Gourmet · 美食\s+1\s+available 1\n", out)
    assert "2 gates, 14.0 m clear width in all" in out  # 10 m + 4 m
    assert "Visitors at peak: 1,500" in out


@pytest.mark.parametrize("content, expected", [
    (b"{not json", "not valid JSON"),
    (json.dumps({"format": "festival-planner/layout", "version": 1}).encode(), "site: required but missing"),
    (json.dumps({"format": "festival-planner/layout", "version": 9}).encode(), "version 9"),
    (b"\x00\x01\x02", "not text"),
    (b"", "The file is empty."),
])
def test_bad_files_exit_2_with_one_sentence(tmp_path, content, expected):
    path = tmp_path / "bad.festival.json"
    path.write_bytes(content)
    result = cli("info", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0]
    assert "Traceback" not in result.stderr


def test_wrong_types_name_the_path(tmp_path):
    data = layout_to_dict(small_layout())
    data["booths"][1]["width"] = -3
    path = tmp_path / "neg.festival.json"
    path.write_text(json.dumps(data))
    result = cli("info", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == "festival-planner: neg.festival.json: booths[1].width: expected a positive number, got -3"


def test_usage_errors_are_one_sentence():
    result = cli("info")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    result = cli("--no-such-option")
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr


def test_without_a_display_the_editor_points_to_the_headless_commands(layout_file):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = cli(str(layout_file), env=env)
    assert result.returncode == 2
    assert "no display" in result.stderr and "check" in result.stderr and "export" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_broken_file_is_refused_before_any_window(tmp_path):
    path = tmp_path / "broken.festival.json"
    path.write_text("[]")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = cli(str(path), env=env)
    assert result.returncode == 2 and "expected an object" in result.stderr


def test_lang_option_is_accepted_everywhere(layout_file):
    assert cli("info", str(layout_file), "--lang", "zh_CN").returncode == 0
    assert cli("info", str(layout_file), "--lang=en").returncode == 0
    assert cli("info", str(layout_file), "--lang", "fr").returncode == 2


def test_a_mistyped_command_is_named():
    result = cli("chek", "layouts/west-lake-2018.festival.json")
    assert result.returncode == 2
    assert "chek is neither a command nor a layout file; the commands are info, check, route, export" in result.stderr


def test_route_takes_negative_points_names_halves_and_amenities(layout_file):
    # (-1, 25) lies a metre west of the site: moved onto walkable ground, not read as an option.
    result = cli("route", str(layout_file), "-1,25", "wc 1", "--json")
    assert result.returncode == 0, result.stderr
    path = json.loads(result.stdout)
    assert path["from"] == "-1,25" and path["to"] == "wc-1"
    assert path["polyline"][0][0] > 0 and path["polyline"][-1] == pytest.approx([40, 45], abs=0.3)
    # Either half of a bilingual zone name, in any case.
    for name in ("动漫", "ANIME", "Anime · 动漫"):
        result = cli("route", str(layout_file), name, "North Gate", "--json")
        assert result.returncode == 0 and json.loads(result.stdout)["from"] == "anime", result.stderr


def test_argparse_speaks_the_chosen_language():
    result = cli("check", "--lang", "zh_CN")
    assert result.returncode == 2 and "缺少以下必需参数：LAYOUT" in result.stderr
    help_text = cli("route", "--help", "--lang", "zh_CN").stdout
    assert help_text.startswith("用法：") and "选项" in help_text and "显示本帮助并退出" in help_text
    assert cli("check", "--lang", "en").stderr.count("the following arguments are required: LAYOUT") == 1
