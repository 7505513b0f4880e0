"""Every string the editor shows goes through Qt's translation, so the Chinese interface is complete.

A translator that marks every text it is asked for is installed; then every
menu, action, tool tip, dock, panel label and tool option must carry the mark.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu

from planner.ui.main_window import MainWindow


class Marking(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 (Qt API)
        return f"«{source}»" if source else source

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@pytest.fixture
def marked(qtbot, layout):
    translator = Marking()
    QCoreApplication.installTranslator(translator)
    win = MainWindow(layout)
    qtbot.addWidget(win)
    yield win
    QCoreApplication.removeTranslator(translator)


def visible_texts(win) -> list[str]:
    texts = []
    for menu in win.findChildren(QMenu):
        texts.append(menu.title())
        for action in menu.actions():
            if not action.isSeparator() and menu is not win.recent_menu:
                texts.append(action.text())
    for action in win.actions.values():
        texts += [action.toolTip(), action.statusTip()] if action.statusTip() else [action.toolTip()]
    for dock in win.docks.values():
        texts.append(dock.windowTitle())
    for bar in win.toolbars.values():
        texts.append(bar.windowTitle())
    for widget in (win.properties, win.layers_panel, win.tool_options):
        for label in widget.findChildren(QLabel):
            if label.text() and label is not win.properties.info:
                texts.append(label.text())
        texts += [b.text() for b in widget.findChildren(QAbstractButton) if b.text()]
        texts += [g.title() for g in widget.findChildren(QGroupBox)]
    return texts


def test_every_text_is_translated(marked):
    win = marked
    for selection in ([], ["b-1"], ["anime"], ["g-north"], ["pond"], ["wc-1"], ["b-1", "wc-1"]):
        win.selection.set(selection)
        for name in ("select", "draw_obstacle", "gate", "amenity", "booth"):
            win.host.set_tool(name)
            win.tool_options.show_tool(name)
        texts = visible_texts(win)
        untranslated = [t for t in texts if "«" not in t and not t.startswith("#")]   # a zone's colour is data
        assert not untranslated, untranslated


def test_undo_names_come_whole_from_one_template(marked):
    from planner.model.edits import MoveObjects

    marked.document.push(MoveObjects(marked.layout, ["b-1"], 1, 0))
    assert marked.actions["undo"].text() == "«&Undo {action}»".replace("{action}", "Move 1 booth")
