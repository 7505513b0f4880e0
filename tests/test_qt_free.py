"""The model, the formats and the headless commands work with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from planner.formats import write_layout
from tests.factories import small_layout

BLOCK_QT = textwrap.dedent("""
    import importlib.abc, sys

    class BlockQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, BlockQt())
""")


def run_blocked(code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BLOCK_QT + textwrap.dedent(code)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_blocking_works(tmp_path):
    result = run_blocked("import PySide6", tmp_path)
    assert result.returncode != 0 and "blocked in this test" in result.stderr


def test_model_formats_solver_and_commands_run_without_qt(tmp_path):
    path = tmp_path / "m.festival.json"
    write_layout(small_layout(), path)
    result = run_blocked(f"""
        import sys
        import planner.model, planner.model.edits, planner.formats, planner.summary, planner.cli
        import planner.solver
        from planner.formats import read_layout, write_layout
        from planner.model.edits import MoveObjects
        layout = read_layout({str(path)!r})
        MoveObjects(layout, ["b-1"], 1, 0).apply(layout)
        write_layout(layout, {str(path)!r})
        assert read_layout({str(path)!r}).get("b-1").x == 11
        assert planner.cli.main(["info", {str(path)!r}]) == 0
        report = planner.solver.analyse(layout)
        assert report.summary["booths"] == 4 and report.egress["time_s"] > 0
        assert planner.cli.main(["route", {str(path)!r}, "g-north", "anime", "--json"]) == 0
        assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules)
        print("qt-free ok")
    """, Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
    assert "qt-free ok" in result.stdout
    assert "Test Market" in result.stdout

