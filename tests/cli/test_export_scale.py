"""``export --scale`` on an overview-only export: refused in one sentence, not silently ignored (SPEC §3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.formats import write_layout
from tests.factories import small_layout


@pytest.fixture
def layout_file(tmp_path) -> Path:
    path = tmp_path / "small.festival.json"
    write_layout(small_layout(), path)
    return path


@pytest.mark.parametrize("suffix, sheets", [(".png", []), (".svg", []), (".pdf", ["--sheets", "overview"])])
def test_scale_on_an_overview_only_export_is_refused(tmp_path, layout_file, capsys, suffix, sheets):
    out = tmp_path / f"map{suffix}"
    code = main(["export", str(layout_file), "-o", str(out), "--scale", "1:2000", *sheets, "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert not out.exists() and not list(tmp_path.glob("map*"))
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "--scale 1:2,000" in err and "overview, which always fits its sheet" in err
    assert "--sheets zones" in err


# The two exports below draw in this process: the ``qapp`` fixture makes the QApplication first,
# or the export's own QGuiApplication would be the one the later widget tests find (and abort on).
def test_scale_with_zone_sheets_is_honoured(qapp, tmp_path, layout_file, capsys):
    out = tmp_path / "map.png"
    assert main(["export", str(layout_file), "-o", str(out), "--scale", "1:2000", "--sheets", "zones",
                 "--dpi", "40", "--lang", "en"]) == 0
    assert list(tmp_path.glob("map*.png"))


def test_fit_scale_on_a_png_overview_is_accepted(qapp, tmp_path, layout_file):
    out = tmp_path / "map.png"
    assert main(["export", str(layout_file), "-o", str(out), "--scale", "fit", "--dpi", "40", "--lang", "en"]) == 0
    assert out.exists()
