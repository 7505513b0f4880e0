"""Exports of the West Lake layout and of small layouts built here, read back with poppler."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from planner.formats import read_layout  # noqa: E402
from planner.model import Booth, Event, Gate, Georef, Layout, Site, Zone  # noqa: E402
from planner.resources import bundled_layout  # noqa: E402
from tests.factories import rect  # noqa: E402

POPPLER_TOOLS = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm")


def run(*args: str) -> str:
    # Not a skip: without poppler these tests would hide whether the PDFs hold their text and fonts.
    assert shutil.which(args[0]), f"{args[0]} is missing: install poppler-utils (.ci/run does)"
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout


def page_text(pdf: Path, page: int) -> str:
    return run("pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-")


def tokens(pdf: Path, page: int) -> set[str]:
    """Every whitespace-separated piece of text on a page, in the order the PDF draws it.

    ``-raw`` keeps text turned a few degrees (booths on the causeway stand at 7°),
    which poppler's layout analysis sometimes leaves out.
    """
    return set(run("pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-").split())


def words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(text, x0, y0, x1, y1) of every word poppler finds on a page, in points."""
    out = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-")
    found = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out):
        found.append((m.group(5).replace("&amp;", "&"), *map(float, m.group(1, 2, 3, 4))))
    return found


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    out = run("pdfinfo", "-f", "1", "-l", "9999", str(pdf))
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


@pytest.fixture(scope="session", autouse=True)
def _application(qapp):
    """pytest-qt's QApplication, made before any export could make a plain QGuiApplication.

    The canvas tests later in the same run need a QApplication (widgets).
    """
    return qapp


@pytest.fixture(scope="session")
def west_lake() -> Layout:
    return read_layout(bundled_layout())


@pytest.fixture(scope="session")
def west_lake_report(west_lake):
    from planner.solver import analyse

    return analyse(west_lake)


def two_booth_layout(distance: float = 80.0, *, rotation: float = 0.0) -> Layout:
    """One zone, two reserved booths ``distance`` metres apart on a line running east."""
    width = distance + 40
    return Layout(
        name="Scale Test",
        event=Event(venue="Test Park", dates="2018-09-13", organiser="Test Org", revision="1"),
        site=Site(boundary=rect(0, 0, width, 60)),
        georef=Georef(lat=30.0, lon=120.0, rotation_deg=rotation),
        zones=[Zone(id="z", name="Test Zone · 测试区", color="#1e88e5", polygon=rect(15, 25, 25 + distance, 35),
                    peak_visitors=100)],
        gates=[Gate(id="g", name="Gate", kind="both", a=(10, 60), b=(16, 60))],
        booths=[Booth(id="b-a", number="A-1", x=20, y=30, status="reserved"),
                Booth(id="b-b", number="A-2", x=20 + distance, y=30, status="reserved")],
    )
