"""Every action of the window as data: text, icon, shortcut, handler, menu.

The window builds its menus and tool bars from this table, so a shortcut is
defined once and a menu entry always has a handler. ``handler`` is a dotted
path from the window (``"editing.delete"``) called with ``args``. Texts are
marked with QT_TRANSLATE_NOOP and translated in the "Actions" context when
built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from planner.ui.icons import icon

CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    handler: str                      # dotted path from the window to what carries it out
    menu: str                         # key into MENUS
    shortcuts: tuple[str, ...] = ()
    icon: str | None = None           # SVG in icons/, without the suffix
    tip: str = ""
    toolbar: str = ""                 # "main", "tools" or "" (menu only)
    separator_before: bool = False
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole
    args: tuple[Any, ...] = ()
    checkable: bool = False
    checked: bool = False
    group: str = ""                   # checkable actions of one group exclude each other
    needs: str = ""                   # "selection": enabled only with something selected


MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit")),
    ("arrange", QT_TRANSLATE_NOOP("Actions", "&Arrange")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    ("tools", QT_TRANSLATE_NOOP("Actions", "&Tools")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)

_A = QT_TRANSLATE_NOOP

ACTIONS: tuple[ActionSpec, ...] = (
    # -- File ---------------------------------------------------------------------------------
    ActionSpec("new", _A("Actions", "&New"), "files.new_blank", "file", ("Ctrl+N",), "new",
               _A("Actions", "Start a new layout on a blank site"), toolbar="main"),
    ActionSpec("new_template", _A("Actions", "New from &West Lake Template"), "files.new_from_template",
               "file", tip=_A("Actions", "Start a new layout from the West Lake festival")),
    ActionSpec("new_window", _A("Actions", "New &Window"), "files.new_window", "file", ("Ctrl+Shift+N",),
               tip=_A("Actions", "Open another window with a new layout")),
    ActionSpec("open", _A("Actions", "&Open…"), "files.open", "file", ("Ctrl+O",), "open",
               _A("Actions", "Open a layout file"), toolbar="main", separator_before=True),
    ActionSpec("save", _A("Actions", "&Save"), "files.save", "file", ("Ctrl+S",), "save",
               _A("Actions", "Save the layout"), toolbar="main", separator_before=True),
    ActionSpec("save_as", _A("Actions", "Save &As…"), "files.save_as", "file", ("Ctrl+Shift+S",),
               tip=_A("Actions", "Save the layout under another name")),
    ActionSpec("import_image", _A("Actions", "&Import Site Plan Image…"), "site_image.import_image", "file",
               icon="image", tip=_A("Actions", "Put a PNG or JPEG of the site under the plan and calibrate it"),
               separator_before=True),
    ActionSpec("import_exhibitors", _A("Actions", "Import E&xhibitors…"), "import_exhibitors", "file",
               tip=_A("Actions", "Assign exhibitors to booths by booth number from a spreadsheet saved as CSV")),
    ActionSpec("export", _A("Actions", "&Export…"), "files.export", "file", ("Ctrl+E",), "export",
               _A("Actions", "Export the booth map as PDF, PNG or SVG, the booth list as CSV, or GeoJSON"),
               toolbar="main", separator_before=True),
    ActionSpec("close_window", _A("Actions", "&Close Window"), "close", "file", ("Ctrl+W",),
               separator_before=True),
    ActionSpec("quit", _A("Actions", "&Quit"), "quit_all", "file", ("Ctrl+Q",),
               role=QAction.MenuRole.QuitRole),
    # -- Edit ---------------------------------------------------------------------------------
    ActionSpec("undo", _A("Actions", "&Undo"), "document.undo", "edit", ("Ctrl+Z",), "undo",
               _A("Actions", "Undo the last change"), toolbar="main", separator_before=True),
    ActionSpec("redo", _A("Actions", "&Redo"), "document.redo", "edit", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo",
               _A("Actions", "Redo the change just undone"), toolbar="main"),
    ActionSpec("cut", _A("Actions", "Cu&t"), "editing.cut", "edit", ("Ctrl+X",), separator_before=True,
               needs="selection"),
    ActionSpec("copy", _A("Actions", "&Copy"), "editing.copy", "edit", ("Ctrl+C",), needs="selection"),
    ActionSpec("paste", _A("Actions", "&Paste"), "editing.paste", "edit", ("Ctrl+V",)),
    ActionSpec("duplicate", _A("Actions", "&Duplicate"), "editing.duplicate", "edit", ("Ctrl+D",),
               "duplicate", _A("Actions", "Copy the selection just east of itself"), needs="selection"),
    ActionSpec("delete", _A("Actions", "De&lete"), "editing.delete", "edit", ("Del",), "delete",
               _A("Actions", "Delete the selection"), needs="selection"),
    ActionSpec("select_all", _A("Actions", "Select &All"), "editing.select_all", "edit", ("Ctrl+A",),
               separator_before=True),
    ActionSpec("select_none", _A("Actions", "Select &None"), "editing.select_none", "edit",
               ("Ctrl+Shift+A",), needs="selection"),
    ActionSpec("rotate_cw", _A("Actions", "Rotate 90° Clock&wise"), "editing.rotate", "edit", ("R",),
               "rotate-cw", _A("Actions", "Turn the selection, or the booth about to be placed, 90° clockwise"),
               separator_before=True, args=(-90.0,)),
    ActionSpec("rotate_ccw", _A("Actions", "Rotate 90° &Counter-clockwise"), "editing.rotate", "edit",
               ("Shift+R",), "rotate-ccw", args=(90.0,)),
    ActionSpec("rotate_cw_15", _A("Actions", "Rotate 15° Clockwise"), "editing.rotate", "edit", ("]",),
               args=(-15.0,)),
    ActionSpec("rotate_ccw_15", _A("Actions", "Rotate 15° Counter-clockwise"), "editing.rotate", "edit",
               ("[",), args=(15.0,)),
    ActionSpec("lock", _A("Actions", "Loc&k"), "editing.set_locked", "edit", ("Ctrl+L",), "lock",
               _A("Actions", "Keep the selection from being moved, turned or deleted"), separator_before=True,
               args=(True,), needs="selection"),
    ActionSpec("unlock", _A("Actions", "U&nlock"), "editing.set_locked", "edit", ("Ctrl+Shift+L",),
               args=(False,), needs="selection"),
    ActionSpec("renumber", _A("Actions", "Renu&mber Booths…"), "renumber", "edit", ("Ctrl+Shift+U",),
               tip=_A("Actions", "Number the selected booths or a zone's booths by the zone's scheme"),
               separator_before=True),
    ActionSpec("preferences", _A("Actions", "Pre&ferences…"), "show_preferences", "edit", ("Ctrl+,",),
               tip=_A("Actions", "Choose the language of the planner"), separator_before=True,
               role=QAction.MenuRole.PreferencesRole),
    # -- Arrange ------------------------------------------------------------------------------
    ActionSpec("align_west", _A("Actions", "Align &West Edges"), "editing.align", "arrange", args=("west",),
               tip=_A("Actions", "Line the selection up on its westernmost edge"), needs="selection"),
    ActionSpec("align_centre", _A("Actions", "Align &Centres (East–West)"), "editing.align", "arrange",
               args=("centre",), needs="selection"),
    ActionSpec("align_east", _A("Actions", "Align &East Edges"), "editing.align", "arrange", args=("east",),
               needs="selection"),
    ActionSpec("align_north", _A("Actions", "Align &North Edges"), "editing.align", "arrange", args=("north",),
               separator_before=True, needs="selection"),
    ActionSpec("align_middle", _A("Actions", "Align &Middles (North–South)"), "editing.align", "arrange",
               args=("middle",), needs="selection"),
    ActionSpec("align_south", _A("Actions", "Align &South Edges"), "editing.align", "arrange", args=("south",),
               needs="selection"),
    ActionSpec("distribute_x", _A("Actions", "Distribute East–&West"), "editing.distribute", "arrange",
               args=("x",), tip=_A("Actions", "Equal gaps between the selected objects from west to east"),
               separator_before=True, needs="selection"),
    ActionSpec("distribute_y", _A("Actions", "Distribute North–S&outh"), "editing.distribute", "arrange",
               args=("y",), needs="selection"),
    ActionSpec("bring_front", _A("Actions", "Bring to &Front"), "host.reorder", "arrange", ("Ctrl+Shift+]",),
               tip=_A("Actions", "Draw the selected zones or obstacles over all others of their kind"),
               separator_before=True, args=("front",), needs="selection"),
    ActionSpec("bring_forward", _A("Actions", "Bring &Forward"), "host.reorder", "arrange", ("Ctrl+]",),
               tip=_A("Actions", "Draw the selected zones or obstacles over the next one they overlap"),
               args=("forward",), needs="selection"),
    ActionSpec("send_backward", _A("Actions", "Send &Backward"), "host.reorder", "arrange", ("Ctrl+[",),
               tip=_A("Actions", "Draw the selected zones or obstacles under the next one they overlap"),
               args=("backward",), needs="selection"),
    ActionSpec("send_back", _A("Actions", "Send to Bac&k"), "host.reorder", "arrange", ("Ctrl+Shift+[",),
               tip=_A("Actions", "Draw the selected zones or obstacles under all others of their kind"),
               args=("back",), needs="selection"),
    # -- View ---------------------------------------------------------------------------------
    ActionSpec("zoom_in", _A("Actions", "Zoom &In"), "view.zoom_in", "view", ("Ctrl++", "Ctrl+="),
               "zoom-in", _A("Actions", "Zoom in"), toolbar="main", separator_before=True),
    ActionSpec("zoom_out", _A("Actions", "Zoom &Out"), "view.zoom_out", "view", ("Ctrl+-",), "zoom-out",
               _A("Actions", "Zoom out"), toolbar="main"),
    ActionSpec("zoom_fit", _A("Actions", "&Fit to Window"), "view.fit", "view", ("Ctrl+0",), "zoom-fit",
               _A("Actions", "Show the whole layout"), toolbar="main"),
    ActionSpec("zoom_paper", _A("Actions", "Zoom to 1:&500"), "view.set_paper_scale", "view", ("Ctrl+1",),
               tip=_A("Actions", "Show the plan at 1:500 on this screen, as it prints on paper"), args=(500,)),
    ActionSpec("show_grid", _A("Actions", "Show &Grid"), "show_grid", "view", ("Ctrl+'",),
               separator_before=True, checkable=True, checked=True),
    ActionSpec("snap", _A("Actions", "&Snap to Grid and Objects"), "set_snapping", "view",
               tip=_A("Actions", "Snap to corners, edges, 15° angles and the grid (hold Ctrl to move freely)"),
               checkable=True, checked=True),
    ActionSpec("booths_by_status", _A("Actions", "Colour Booths by S&tatus"), "set_booth_colours", "view",
               tip=_A("Actions", "Colour booths by status: available, reserved, sold, blocked"),
               separator_before=True, args=("status",), checkable=True, checked=True, group="booth_colours"),
    ActionSpec("booths_by_zone", _A("Actions", "Colour Booths by &Zone"), "set_booth_colours", "view",
               tip=_A("Actions", "Colour booths by the zone they stand in"), args=("zone",), checkable=True,
               group="booth_colours"),
    ActionSpec("show_legend", _A("Actions", "Show Booth &Legend"), "show_legend", "view",
               tip=_A("Actions", "Show the key to the booth colours in the corner of the plan"),
               checkable=True, checked=True),
    ActionSpec("live_analysis", _A("Actions", "&Analyse While Editing"), "analysis.switch", "view",
               tip=_A("Actions", "Check the crowd flow again after every change, in the background"),
               separator_before=True, checkable=True, checked=True),
    ActionSpec("rerun_analysis", _A("Actions", "&Re-run Analysis"), "analysis.rerun", "view", ("F5",),
               tip=_A("Actions", "Analyse the crowd flow of the layout now")),
    # -- Tools --------------------------------------------------------------------------------
    ActionSpec("tool_select", _A("Actions", "&Select"), "host.set_tool", "tools", ("V",), "select",
               _A("Actions", "Select, move and nudge objects"), toolbar="tools", args=("select",),
               checkable=True, checked=True, group="tools"),
    ActionSpec("tool_vertices", _A("Actions", "&Edit Points"), "host.set_tool", "tools", ("A",), "vertices",
               _A("Actions", "Move, add and delete the points of an area or a gate"), toolbar="tools",
               args=("vertices",), checkable=True, group="tools"),
    ActionSpec("tool_site", _A("Actions", "Draw Site &Boundary"), "host.set_tool", "tools", ("S",),
               "draw-site", _A("Actions", "Draw the site boundary"), toolbar="tools", args=("draw_site",),
               checkable=True, group="tools", separator_before=True),
    ActionSpec("tool_obstacle", _A("Actions", "Draw &Obstacle"), "host.set_tool", "tools", ("O",),
               "draw-obstacle", _A("Actions", "Draw water, a building, a stage, trees or a no-go area"),
               toolbar="tools", args=("draw_obstacle",), checkable=True, group="tools"),
    ActionSpec("tool_zone", _A("Actions", "Draw &Zone"), "host.set_tool", "tools", ("Z",), "draw-zone",
               _A("Actions", "Draw a themed zone"), toolbar="tools", args=("draw_zone",), checkable=True,
               group="tools"),
    ActionSpec("tool_gate", _A("Actions", "Place &Gate"), "host.set_tool", "tools", ("G",), "gate",
               _A("Actions", "Place a gate on the site boundary"), toolbar="tools", args=("gate",),
               checkable=True, group="tools", separator_before=True),
    ActionSpec("tool_amenity", _A("Actions", "Place &Amenity"), "host.set_tool", "tools", ("M",), "amenity",
               _A("Actions", "Place toilets, first aid, water, information and other amenities"),
               toolbar="tools", args=("amenity",), checkable=True, group="tools"),
    ActionSpec("tool_booth", _A("Actions", "Place Boot&h"), "host.set_tool", "tools", ("B",), "booth",
               _A("Actions", "Place booths in standard sizes"), toolbar="tools", args=("booth",),
               checkable=True, group="tools"),
    ActionSpec("tool_block", _A("Actions", "Booth Bloc&k"), "host.set_tool", "tools", ("K",), "block",
               _A("Actions", "Fill a rectangle, a zone or a line with rows of booths"), toolbar="tools",
               args=("block",), checkable=True, group="tools"),
    ActionSpec("tool_route", _A("Actions", "Walking &Route"), "host.set_tool", "tools", ("W",), "route",
               _A("Actions", "Click two points, gates, booths or zones to see the walking path and time"),
               toolbar="tools", args=("route",), checkable=True, group="tools", separator_before=True),
    ActionSpec("tool_calibrate", _A("Actions", "&Calibrate Site Plan Image"), "host.set_tool", "tools",
               icon="calibrate", tip=_A("Actions", "Scale the image from two points a known distance apart"),
               separator_before=True, args=("calibrate",), checkable=True, group="tools"),
    ActionSpec("tool_move_image", _A("Actions", "Move Site Plan &Image"), "host.set_tool", "tools",
               tip=_A("Actions", "Drag the site plan image into place; [ and ] turn it"),
               args=("move_image",), checkable=True, group="tools"),
    # -- Help ---------------------------------------------------------------------------------
    ActionSpec("about", _A("Actions", "&About Festival Floor Planner"), "about", "help",
               role=QAction.MenuRole.AboutRole),
)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def resolve(owner: object, path: str) -> Callable[..., object]:
    """``owner.a.b`` for the dotted ``path`` "a.b"."""
    target: Any = owner
    for part in path.split("."):
        target = getattr(target, part)
    return target


def tool_tip(spec: ActionSpec) -> str:
    tip = translate(spec.tip) if spec.tip else translate(spec.text).replace("&", "").rstrip("…")
    if not spec.shortcuts:
        return tip
    shortcut = QKeySequence(spec.shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)
    return QCoreApplication.translate("Actions", "{tip} ({shortcut})").format(tip=tip, shortcut=shortcut)


def build_actions(owner: QWidget, specs: tuple[ActionSpec, ...] = ACTIONS) -> dict[str, QAction]:
    """QActions for ``specs``, each calling its handler on ``owner``."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in specs:
        handler = resolve(owner, spec.handler)
        action = QAction(translate(spec.text), owner)
        action.setObjectName(f"action_{spec.name}")
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        if spec.icon:
            action.setIcon(icon(spec.icon))
        action.setToolTip(tool_tip(spec))
        if spec.tip:
            action.setStatusTip(translate(spec.tip))
        action.setMenuRole(spec.role)
        if spec.checkable:
            action.setCheckable(True)
            action.setChecked(spec.checked)
        if spec.group:
            group = groups.get(spec.group)
            if group is None:
                group = groups[spec.group] = QActionGroup(owner)
                group.setExclusive(True)
            group.addAction(action)
        if spec.checkable and not spec.group:
            action.toggled.connect(lambda checked, h=handler: h(checked))
        else:
            action.triggered.connect(lambda _checked=False, h=handler, a=spec.args: h(*a))
        actions[spec.name] = action
    return actions


def specs_by_name() -> dict[str, ActionSpec]:
    return {spec.name: spec for spec in ACTIONS}


__all__ = ["ACTIONS", "MENUS", "ActionSpec", "build_actions", "resolve", "translate"]
