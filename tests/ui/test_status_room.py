"""Room in the status bar: the analysis summary's figures show whole at usual window widths.

A newcomer at 1,400 px saw only the egress time and the findings count: the flow,
the worst density and, with a gate closed, the scenario had stepped aside while the
booth counts, the selection and the cursor position kept their room. Here the real
West Lake layout, in English and Chinese, with a selection and a long name under the
cursor as an organiser has them, must show every figure, and the lesser widgets give way.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from planner.formats import read_layout
from planner.resources import bundled_layout
from planner.ui.status_widgets import give_way, total_width

WAIT_MS = 60_000         # the first run starts the worker process; a loaded machine is slow
GATE = "g-w1"            # Bai Causeway West Gate · 白堤西口: the longest gate name of the layout


@pytest.fixture(params=["en", "zh_CN"])
def lake(request, qtbot, qapp):
    from planner.i18n.qt import install_translators
    from planner.ui.main_window import MainWindow

    install_translators(qapp, request.param)
    request.addfinalizer(lambda: install_translators(qapp, "en"))
    win = MainWindow(read_layout(bundled_layout()), bundled_layout())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    finished(qtbot, win)
    lay = win.document.layout
    win.selection.set([b.id for b in lay.booths[:120]])
    win.status.show_cursor(450.0, 145.0, [lay.booths[0], lay.zones[0]])
    return win


def finished(qtbot, win) -> None:
    analysis = win.analysis
    qtbot.waitUntil(lambda: analysis.result is not None and analysis.current and not analysis.busy,
                    timeout=WAIT_MS)


def reads_whole(label) -> bool:
    """Shown, and wide enough for all of its text (a figure has no ellipsis: it is clipped)."""
    text = label.text()
    return (label.isVisible() and bool(text)
            and label.width() >= label.fontMetrics().horizontalAdvance(text))


def check_figures(win) -> None:
    summary, bar = win.analysis_status, win.status
    assert win.width() == 1400
    for label in (summary.egress_label, summary.flow_label, summary.density_label, summary.findings_label):
        assert reads_whole(label), (label.objectName(), label.text(), label.isVisible(), label.width())
    assert summary.x() + summary.width() <= bar.width()
    # Nothing stands on the summary: the lesser widgets that show end left of it.
    for widget in (bar.object_label, bar.booth_counts, bar.selection_label, bar.position_label, bar.zoom_label):
        if widget.isVisible():
            assert widget.x() + widget.width() <= summary.x()


def test_at_1400_px_every_figure_shows_and_the_lesser_widgets_give_way(lake, qtbot):
    win = lake
    qtbot.wait(50)                             # the status bar lays itself out again after the selection
    check_figures(win)
    summary = win.analysis_status
    density = summary.density_label.text()
    assert "LOS" in density or "服务水平" in density
    # The selection and the name under the cursor are elided with their whole text in a tooltip.
    bar = win.status
    for label in (bar.object_label, bar.selection_label):
        if label.isVisible():
            assert label.toolTip() == label.text()
            shown = label.shown()
            assert shown == label.text() or (shown.endswith("…") and label.text().startswith(shown[:-1]))


def test_at_1400_px_a_closed_gate_shows_the_scenario_beside_every_figure_and_leaves_no_gap(lake, qtbot):
    win = lake
    win.docks["analysis"].show()
    win.docks["analysis"].raise_()
    check = win.scenarios.gate_boxes[GATE]
    qtbot.waitExposed(check)
    generation = win.analysis.generation
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert check.isChecked()
    qtbot.waitUntil(lambda: win.analysis.generation > generation)
    finished(qtbot, win)
    qtbot.wait(50)
    summary = win.analysis_status
    scenario = summary.scenario_label
    assert "白堤西口" in scenario.text()
    assert scenario.isVisible() and scenario.toolTip() == scenario.text()
    shown = scenario.shown()
    assert len(shown) > 12 and (shown == scenario.text() or scenario.text().startswith(shown[:-1]))
    check_figures(win)
    # The summary's room is taken by what it shows: no stretch of it stays empty.
    shown_labels = [lb for lb in summary._labels_by_priority() if lb.isVisible()]
    used = sum(lb.width() for lb in shown_labels) + summary._gap() * (len(shown_labels) - 1) + summary._margins()
    assert summary.width() - used <= summary._gap()


# -- sharing out the room, headless ---------------------------------------------------------------

def test_give_way_takes_the_steps_in_turn_only_as_far_as_needed():
    widths = {"counts": 300, "selection": 150, "position": 170, "summary": 800}
    steps = [("counts", 120), ("counts", 0), ("selection", 60), ("position", 0), ("summary", 700)]
    spacing = 6
    assert total_width(widths, spacing) == 1420 + 18
    assert give_way(1500, spacing, widths, steps) == widths                       # room enough: nothing
    # 1,300: the counts shortened (1,240 + 18) is enough.
    assert give_way(1300, spacing, widths, steps) == {**widths, "counts": 120}
    # 1,150: the counts go (1,120 + 12), and the selection needs no eliding.
    assert give_way(1150, spacing, widths, steps) == {**widths, "counts": 0}
    # 1,000: the counts go, the selection is elided, the position goes (860 + 6): then the
    # selection gets its whole width back, since that fits too (950 + 6).
    assert give_way(1000, spacing, widths, steps) == {**widths, "counts": 0, "position": 0}
    # 900: as far as the position (860 + 6 fits); the selection's whole width (950 + 6) does not.
    assert give_way(900, spacing, widths, steps) == {**widths, "counts": 0, "position": 0, "selection": 60}
    # 700: every step, and still short: the summary leaves the rest to the status bar.
    assert give_way(700, spacing, widths, steps) == {"counts": 0, "selection": 60, "position": 0, "summary": 700}


def test_the_booth_counts_shortened_keep_the_numbers_and_name_the_statuses_in_the_tooltip(qtbot):
    from planner.ui.status_widgets import BoothCounts

    counts = BoothCounts()
    qtbot.addWidget(counts)
    counts.show_counts({"available": 14, "reserved": 29, "sold": 1191, "blocked": 7})
    full, short = counts.widths()
    assert short < full
    counts.set_short(True)
    counts.show()
    assert [lb.text() for lb in counts.short_labels.values()] == ["14", "29", "1,191", "7"]
    assert counts.short_row.isVisible() and not counts.full_row.isVisible()
    assert counts.short_row.toolTip().splitlines()[1:] == ["Available 14", "Reserved 29", "Sold 1,191", "Blocked 7"]
    assert counts.sizeHint().width() == short
    counts.set_short(False)
    assert counts.full_row.isVisible() and counts.sizeHint().width() == full
