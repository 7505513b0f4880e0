"""The properties panel: the fields of the selection, or of the event and its analysis settings.

Every change is one ``SetFields`` pushed on the document (spin-box steps of
one burst merge into one undo step). The panel is rebuilt when the
selection changes and refilled when the layout changes, so undo shows at
once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from planner.model.edits import SetFields, describe
from planner.model.layout import Booth, Change, Gate, Layout, LayoutObject, Obstacle, Zone
from planner.render.names import BOOTH_TYPE, kind_name
from planner.ui.document import Document
from planner.ui.panels.editors import FieldEditor, editor_for
from planner.ui.panels.fields import (
    EVENT_FIELDS, SETTINGS_FIELDS, Field, fields_for, gate_resized, ptr, value_of,
)
from planner.ui.selection import Selection
from planner.ui.status import zone_label

translate = QCoreApplication.translate   # literal arguments: pyside6-lupdate finds them

_NUMERIC = ("float", "int", "optional_float", "gate_width")


def _booth_type(kind: str) -> str:
    return kind_name(BOOTH_TYPE, kind)


class PropertiesPanel(QWidget):
    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.editors: list[FieldEditor] = []
        self._objects: list[LayoutObject] = []
        self._followed: Layout | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel()
        self.title.setObjectName("properties_title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.info)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)
        selection.changed.connect(self.rebuild)
        document.layout_replaced.connect(self._replaced)
        self._follow(document.layout)
        self.rebuild()

    # -- following -------------------------------------------------------------------------
    def _follow(self, layout: Layout) -> None:
        self.detach()
        self._followed = layout
        layout.subscribe(self._on_change)

    def detach(self) -> None:
        if self._followed is not None:
            self._followed.unsubscribe(self._on_change)
            self._followed = None

    def _replaced(self, layout: Layout) -> None:
        self._follow(layout)
        self.rebuild()

    def _on_change(self, change: Change) -> None:
        if self._objects:
            mine = {o.id for o in self._objects}
            if mine & set(change.changed):
                self.refresh()
        elif change.parts:
            self.refresh()

    # -- building ----------------------------------------------------------------------------
    def rebuild(self) -> None:
        layout = self.document.layout
        self._objects = self.selection.objects(layout)
        self.editors = []
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        if self._objects:
            self.title.setText(self._title())
            form = QFormLayout()
            self._add_fields(form, fields_for(self._objects))
            column.addLayout(form)
        else:
            self.title.setText(translate("Properties", "Event and analysis settings"))
            sections = ((translate("Properties", "Event"), EVENT_FIELDS),
                        (translate("Properties", "Analysis settings"), SETTINGS_FIELDS))
            for heading, fields in sections:
                box = QGroupBox(heading)
                form = QFormLayout(box)
                self._add_fields(form, fields)
                column.addWidget(box)
        column.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(body)
        self.refresh()

    def _add_fields(self, form: QFormLayout, fields: tuple[Field, ...]) -> None:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            editor = editor_for(field, lambda value, f=field: self.apply(f, value))
            self.editors.append(editor)
            form.addRow(ptr(field.label), editor.widget)

    def _title(self) -> str:
        objects = self._objects
        if len(objects) == 1:
            obj = objects[0]
            if isinstance(obj, Booth):
                return translate("Properties", "Booth {number}").format(number=obj.number or obj.id)
            if isinstance(obj, Zone):
                return zone_label(obj)
            if isinstance(obj, Gate):
                return translate("Properties", "Gate {name}").format(name=obj.name or obj.id)
            if isinstance(obj, Obstacle):
                return translate("Properties", "Obstacle {name}").format(name=obj.name or obj.id)
            return translate("Properties", "Amenity {name}").format(name=obj.name or obj.id)
        return translate("Properties", "{what} selected").format(what=describe(objects))

    def _info(self) -> str:
        """Facts derived from the layout, not edited here."""
        layout = self.document.layout
        objects = self._objects
        if len(objects) != 1:
            locked = sum(1 for o in objects if o.locked)
            return translate("Properties", "{n} of them locked").format(n=locked) if locked else ""
        obj = objects[0]
        if isinstance(obj, Booth):
            zone = layout.zone_of(obj)
            where = zone_label(zone, start=False) if zone is not None else translate("Properties", "outside every zone")
            return translate("Properties", "{type} booth, {area:.1f} m², in {zone}").format(
                type=_booth_type(obj.booth_type), area=obj.width * obj.depth, zone=where)
        if isinstance(obj, (Zone, Obstacle)):
            return translate("Properties", "Area {area:,.0f} m²").format(area=obj.shape().area)
        return ""

    # -- values -------------------------------------------------------------------------------
    def _values(self, field: Field) -> list[Any]:
        if field.target is not None:
            layout = self.document.layout
            target = layout if field.target == "layout" else getattr(layout, field.target)
            return [getattr(target, field.key)]
        return [value_of(field, o) for o in self._objects]

    def refresh(self) -> None:
        """Show the current values (after an edit, an undo, or another window's change)."""
        layout = self.document.layout
        self._objects = [o for o in (layout.get(o.id) for o in self._objects) if o is not None]
        if self._objects:
            self.title.setText(self._title())
        self.info.setText(self._info())
        self.info.setVisible(bool(self.info.text()))
        for editor in self.editors:
            values = self._values(editor.field)
            if values:
                editor.show_values(values)

    def apply(self, field: Field, value: Any) -> None:
        """The user changed ``field`` to ``value``: one SetFields for every object it applies to."""
        layout = self.document.layout
        if field.target is not None:
            changes: dict[str, dict[str, Any]] = {field.target: {field.key: value}}
        else:
            objects = [o for o in self._objects if not (field.moves and o.locked)]
            changes = {}
            for obj in objects:
                new = self._new_values(field, obj, value)
                if new:
                    changes[obj.id] = new
        if not changes:
            self.refresh()
            return
        merge = ("field", field.key, tuple(changes)) if field.kind in _NUMERIC else None
        self.document.push(SetFields(layout, changes, label=ptr(field.undo)), merge_key=merge)

    @staticmethod
    def _new_values(field: Field, obj: LayoutObject, value: Any) -> dict[str, Any]:
        if field.kind == "gate_width":
            assert isinstance(obj, Gate)
            return gate_resized(obj, value) if abs(obj.width - value) > 1e-9 else {}
        if field.kind == "sides":
            assert isinstance(obj, Booth)
            side, opened = value
            sides = set(obj.open_sides) | {side} if opened else set(obj.open_sides) - {side}
            ordered = tuple(s for s in ("front", "left", "right", "back") if s in sides)
            return {"open_sides": ordered} if set(ordered) != set(obj.open_sides) else {}
        if field.key == "rotation":
            value = value % 360.0
        return {field.key: value} if value_of(field, obj) != value else {}
