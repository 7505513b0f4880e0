"""Every action of the window as data: text, icon, shortcut, handler, menu.

The window builds its menus and tool bar from this table, so a shortcut is
defined once and a menu entry always has a handler. Texts are marked with
QT_TRANSLATE_NOOP and translated in the "Actions" context when built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from planner.ui.icons import icon

CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    handler: str                      # name of the window's method that carries it out
    menu: str                         # key into MENUS
    shortcuts: tuple[str, ...] = ()
    icon: str | None = None           # SVG in icons/, without the suffix
    tip: str = ""
    toolbar: bool = False
    separator_before: bool = False
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole


MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", QT_TRANSLATE_NOOP("Actions", "&Open…"), "open_file", "file",
               ("Ctrl+O",), "open", QT_TRANSLATE_NOOP("Actions", "Open a layout file"), toolbar=True),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "close", "file", ("Ctrl+Q",),
               separator_before=True, role=QAction.MenuRole.QuitRole),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &In"), "zoom_in", "view",
               ("Ctrl++", "Ctrl+="), "zoom-in", QT_TRANSLATE_NOOP("Actions", "Zoom in"),
               toolbar=True, separator_before=True),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), "zoom_out", "view",
               ("Ctrl+-",), "zoom-out", QT_TRANSLATE_NOOP("Actions", "Zoom out"), toolbar=True),
    ActionSpec("zoom_fit", QT_TRANSLATE_NOOP("Actions", "&Fit to Window"), "fit", "view",
               ("Ctrl+0",), "zoom-fit", QT_TRANSLATE_NOOP("Actions", "Show the whole layout"),
               toolbar=True),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About Festival Floor Planner"), "about", "help",
               role=QAction.MenuRole.AboutRole),
)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def build_actions(owner: QWidget, specs: tuple[ActionSpec, ...] = ACTIONS) -> dict[str, QAction]:
    """QActions for ``specs``, each triggering ``owner.<handler>()``."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        handler: Callable[[], object] = getattr(owner, spec.handler)
        action = QAction(translate(spec.text), owner)
        action.setObjectName(f"action_{spec.name}")
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        if spec.icon:
            action.setIcon(icon(spec.icon))
        if spec.tip:
            shortcut = QKeySequence(spec.shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText) \
                if spec.shortcuts else ""
            tip = translate(spec.tip)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)
        action.setMenuRole(spec.role)
        action.triggered.connect(lambda _checked=False, h=handler: h())
        actions[spec.name] = action
    return actions
