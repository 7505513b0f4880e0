"""``festival-planner export``: defaults, formats by suffix, one-sentence errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.formats import write_layout
from tests.factories import small_layout
from tests.test_qt_free import run_blocked

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def layout_file(tmp_path) -> Path:
    path = tmp_path / "small.festival.json"
    write_layout(small_layout(), path)
    return path


def cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)


def test_pdf_with_the_defaults(tmp_path, layout_file, capsys):
    out = tmp_path / "map.pdf"
    assert main(["export", str(layout_file), "-o", str(out), "--lang", "en"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert capsys.readouterr().out.strip() == f"Wrote {out}."


def test_png_writes_the_overview_only_by_default(tmp_path, layout_file, capsys):
    out = tmp_path / "map.png"
    assert main(["export", str(layout_file), "-o", str(out), "--dpi", "50", "--paper", "a4",
                 "--orientation", "portrait", "--view", "visitor", "--lang", "en"]) == 0
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".png"] == ["map.png"]


@pytest.mark.parametrize("args, expected", [
    (["-o", "{tmp}/map.doc"], "must end in .pdf, .png, .svg, .csv or .geojson"),
    (["-o", "{tmp}/map.pdf", "--scale", "500"], "expected fit or a scale such as 1:500"),
    (["-o", "{tmp}/map.pdf", "--paper", "B5"], "unknown paper B5"),
    (["-o", "{tmp}/map.pdf", "--sheets", "some"], "invalid choice"),
    (["-o", "{tmp}/map.png", "--dpi", "5000"], "from 36 to 1200 dpi"),
    (["-o", "{tmp}/no/such/folder/map.pdf"], "does not exist"),
    ([], "required: -o/--output"),
])
def test_bad_arguments_exit_2_with_one_sentence(tmp_path, layout_file, args, expected):
    result = cli("export", str(layout_file), *[a.replace("{tmp}", str(tmp_path)) for a in args], "--lang", "en")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_bad_layout_exits_2(tmp_path):
    bad = tmp_path / "bad.festival.json"
    bad.write_text("{not json", encoding="utf-8")
    result = cli("export", str(bad), "-o", str(tmp_path / "x.csv"))
    assert result.returncode == 2 and "not valid JSON" in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_csv_and_geojson_export_without_qt(tmp_path, layout_file):
    csv_out, geo_out = tmp_path / "b.csv", tmp_path / "s.geojson"
    result = run_blocked(f"""
        import sys
        import planner.cli
        assert planner.cli.main(["export", {str(layout_file)!r}, "-o", {str(csv_out)!r}]) == 0
        assert planner.cli.main(["export", {str(layout_file)!r}, "-o", {str(geo_out)!r}]) == 0
        assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules)
        print("qt-free export ok")
    """, ROOT)
    assert result.returncode == 0, result.stderr
    assert "qt-free export ok" in result.stdout
    assert csv_out.read_text(encoding="utf-8-sig").startswith("number,exhibitor,zone")
    assert json.loads(geo_out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_a_pdf_without_qt_is_refused_in_one_sentence(tmp_path, layout_file):
    result = run_blocked(f"""
        import planner.cli
        raise SystemExit(planner.cli.main(["export", {str(layout_file)!r}, "-o", {str(tmp_path / "m.pdf")!r},
                                           "--lang", "en"]))
    """, ROOT)
    assert result.returncode == 2
    assert "needs Qt, which could not be loaded" in result.stderr and "Traceback" not in result.stderr
