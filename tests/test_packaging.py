"""A non-editable install carries the bundled layouts and icons and opens West Lake.

Builds the wheel from a copy of the checkout, installs it without
dependencies into a fresh virtual environment that borrows this
environment's third-party packages, and runs it from a folder far from
the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("build")
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"))
    dist = work / "dist"
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist),
                             str(source)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    (found,) = dist.glob("festival_planner-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    result = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                             "-q", str(wheel)], capture_output=True, text=True, timeout=300)
    if "no such option: --python" in result.stderr:  # pip older than 22.3
        result = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q",
                                 "--target", str(purelib), str(wheel)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # PySide6, shapely and networkx come from this environment, after the venv's own packages.
    (purelib / "borrowed.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return venv


def test_the_wheel_carries_layouts_and_icons(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "planner/layouts/west-lake-2018.festival.json" in names
    assert any(n.startswith("planner/layouts/examples/") and n.endswith(".festival.json") for n in names)
    assert any(n.startswith("planner/icons/") and n.endswith(".svg") for n in names)
    assert not any(n.startswith(("tests/", "layouts/", "icons/")) for n in names)
    packages = {str(p.parent.relative_to(ROOT)) for p in (ROOT / "planner").rglob("__init__.py")}
    missing = [p for p in packages if f"{p}/__init__.py" not in names]
    assert not missing, f"add {missing} to [tool.setuptools] packages in pyproject.toml"


def test_the_installed_planner_opens_the_bundled_layout(installed, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    python = installed / "bin" / "python"
    where = subprocess.run(
        [str(python), "-c", "import planner, planner.resources as r; print(planner.__file__); "
                            "print(r.bundled_layout()); print(r.icons_dir())"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert where.returncode == 0, where.stderr
    module, layout, icons = where.stdout.split()
    for path in (module, layout, icons):
        assert Path(path).resolve().is_relative_to(installed.resolve()), path
    assert Path(layout).is_file() and any(Path(icons).glob("*.svg"))

    info = subprocess.run([str(installed / "bin" / "festival-planner"), "info", layout],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert info.returncode == 0, info.stderr
    assert "West Lake" in info.stdout

    shot = tmp_path / "window.png"
    opened = subprocess.run([str(installed / "bin" / "festival-planner"), "--screenshot", str(shot)],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=180)
    assert opened.returncode == 0, opened.stderr
    assert shot.stat().st_size > 20_000  # a real picture of the painted layout, not an empty window
