"""One small editor widget per kind of field; each shows values and reports the user's change.

An editor shows the values of all selected objects: one value plainly,
several in italics (or blank, or half-checked). It calls ``on_change`` only
for the user's own edits, never while being filled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRegularExpression, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox, QCheckBox, QColorDialog, QComboBox, QDoubleSpinBox, QGridLayout, QLineEdit,
    QPushButton, QSpinBox, QWidget,
)

from planner.model.layout import BOOTH_SIDES
from planner.ui.panels.fields import Field, ptr

translate = QCoreApplication.translate   # literal arguments: pyside6-lupdate finds them

MIN_EDITOR_PX = 72
DATES_PATTERN = r"^(\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?)?$"
SIDE_LABELS = {"front": QT_TRANSLATE_NOOP("Properties", "Front"), "left": QT_TRANSLATE_NOOP("Properties", "Left"),
               "right": QT_TRANSLATE_NOOP("Properties", "Right"), "back": QT_TRANSLATE_NOOP("Properties", "Back")}


def _distinct(values: Sequence[Any]) -> list[Any]:
    seen: list[Any] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


class FieldEditor:
    """Base: ``widget`` is what goes into the form."""

    widget: QWidget

    def __init__(self, field: Field, on_change: Callable[[Any], None]) -> None:
        self.field = field
        self.on_change = on_change

    def show_values(self, values: Sequence[Any]) -> None:
        raise NotImplementedError

    def _mark_mixed(self, mixed: bool) -> None:
        font = self.widget.font()
        font.setItalic(mixed)
        self.widget.setFont(font)
        tip = translate("Properties", "The selected objects differ here; a change sets them all.")
        self.widget.setToolTip(tip if mixed else "")


class TextEditor(FieldEditor):
    def __init__(self, field: Field, on_change: Callable[[Any], None]) -> None:
        super().__init__(field, on_change)
        self.widget = edit = QLineEdit()
        if field.kind == "dates":
            edit.setValidator(QRegularExpressionValidator(QRegularExpression(DATES_PATTERN), edit))
            edit.setPlaceholderText("2018-09-13/2018-09-16")
        edit.editingFinished.connect(self._finished)
        self._shown = ""

    def show_values(self, values: Sequence[Any]) -> None:
        distinct = _distinct(values)
        edit = self.widget
        assert isinstance(edit, QLineEdit)
        if edit.hasFocus() and edit.isModified():
            return
        with QSignalBlocker(edit):
            self._shown = str(distinct[0]) if len(distinct) == 1 else ""
            edit.setText(self._shown)
            edit.setCursorPosition(0)        # a long name reads from its start, not its end
            edit.setModified(False)
            if self.field.kind != "dates":
                edit.setPlaceholderText(translate("Properties", "Several values") if len(distinct) > 1 else "")

    def _finished(self) -> None:
        edit = self.widget
        assert isinstance(edit, QLineEdit)
        if not edit.hasAcceptableInput():       # a date that does not read: the file would not open again
            return
        text = edit.text().strip()
        if text != self._shown:
            self._shown = text
            edit.setModified(False)
            self.on_change(text)


class NumberEditor(FieldEditor):
    """Spin boxes: steps and typed values, one change per step (steps of a burst merge)."""

    def __init__(self, field: Field, on_change: Callable[[Any], None]) -> None:
        super().__init__(field, on_change)
        if field.kind == "int":
            box: QAbstractSpinBox = QSpinBox()
            box.setRange(int(field.minimum), int(field.maximum))
            box.setSingleStep(int(field.step) or 1)
            box.setGroupSeparatorShown(True)
        else:
            box = QDoubleSpinBox()
            box.setDecimals(field.decimals)
            box.setRange(field.minimum, field.maximum)
            box.setSingleStep(field.step)
        if field.suffix:
            box.setSuffix(ptr(field.suffix))
        if field.kind == "optional_float":
            box.setSpecialValueText(ptr(field.none_text))
        if field.key == "rotation":
            box.setWrapping(True)
        box.setKeyboardTracking(False)
        box.setAlignment(Qt.AlignmentFlag.AlignRight)
        box.valueChanged.connect(self._changed)
        self.widget = box

    def show_values(self, values: Sequence[Any]) -> None:
        distinct = _distinct(values)
        box = self.widget
        first = distinct[0] if distinct else 0
        with QSignalBlocker(box):
            box.setValue(0 if first is None else first)  # type: ignore[attr-defined]
        self._mark_mixed(len(distinct) > 1)

    def _changed(self, value: float) -> None:
        self._mark_mixed(False)
        if self.field.kind == "optional_float":
            self.on_change(None if value <= self.field.minimum else float(value))
        elif self.field.kind == "int":
            self.on_change(int(value))
        else:
            self.on_change(float(value))


class ChoiceEditor(FieldEditor):
    def __init__(self, field: Field, on_change: Callable[[Any], None]) -> None:
        super().__init__(field, on_change)
        self.widget = combo = QComboBox()
        for value, label in field.choices:
            combo.addItem(QCoreApplication.translate(field.choice_context, label), value)
        if field.free_text:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            line = combo.lineEdit()
            assert line is not None
            line.editingFinished.connect(self._typed)
        combo.activated.connect(self._picked)
        self._shown: Any = None

    def show_values(self, values: Sequence[Any]) -> None:
        distinct = _distinct(values)
        combo = self.widget
        assert isinstance(combo, QComboBox)
        with QSignalBlocker(combo):
            self._shown = distinct[0] if len(distinct) == 1 else None
            index = combo.findData(self._shown) if self._shown is not None else -1
            combo.setCurrentIndex(index)
            if combo.isEditable() and index < 0:
                combo.setEditText(str(self._shown or ""))
        self._mark_mixed(len(distinct) > 1)

    def _picked(self, index: int) -> None:
        combo = self.widget
        assert isinstance(combo, QComboBox)
        value = combo.itemData(index)
        if value is not None and value != self._shown:
            self._shown = value
            self.on_change(value)

    def _typed(self) -> None:
        combo = self.widget
        assert isinstance(combo, QComboBox)
        text = combo.currentText().strip()
        index = combo.findText(text)
        value = combo.itemData(index) if index >= 0 else text
        if value != self._shown and not (self._shown is None and not text):
            self._shown = value
            self.on_change(value)


class BoolEditor(FieldEditor):
    def __init__(self, field: Field, on_change: Callable[[Any], None]) -> None:
        super().__init__(field, on_change)
        self.widget = box = QCheckBox()
        box.clicked.connect(self._clicked)

    def show_values(self, values: Sequence[Any]) -> None:
        distinct = _distinct(values)
        box = self.widget
        assert isinstance(box, QCheckBox)
        with QSignalBlocker(box):
            box.setTristate(len(distinct) > 1)
            if len(distinct) > 1:
                box.setCheckState(Qt.CheckState.PartiallyChecked)
            else:
                box.setChecked(bool(distinct and distinct[0]))

    def _clicked(self) -> None:
        box = self.widget
        assert isinstance(box, QCheckBox)
        checked = box.checkState() != Qt.CheckState.Unchecked
        with QSignalBlocker(box):
            box.setTristate(False)
            box.setChecked(checked)
        self.on_change(checked)


class ColourEditor(FieldEditor):
    def __init__(self, field: Field, on_change: Callable[[Any], None]) -> None:
        super().__init__(field, on_change)
        self.widget = button = QPushButton()
        button.clicked.connect(self._pick)
        self._shown: str | None = None

    def show_values(self, values: Sequence[Any]) -> None:
        distinct = _distinct(values)
        button = self.widget
        assert isinstance(button, QPushButton)
        self._shown = distinct[0] if len(distinct) == 1 else None
        if self._shown is not None:
            swatch = QPixmap(28, 14)
            swatch.fill(QColor(self._shown))
            button.setIcon(QIcon(swatch))
            button.setText(self._shown)
        else:
            button.setIcon(QIcon())
            button.setText(translate("Properties", "Several colours"))

    def _pick(self) -> None:
        start = QColor(self._shown or "#9e9e9e")
        chosen = QColorDialog.getColor(start, self.widget, translate("Properties", "Zone Colour"))
        if chosen.isValid() and chosen.name() != self._shown:
            self.on_change(chosen.name())


class SidesEditor(FieldEditor):
    """Four check boxes; a change reports (side, open)."""

    def __init__(self, field: Field, on_change: Callable[[Any], None]) -> None:
        super().__init__(field, on_change)
        self.widget = QWidget()
        grid = QGridLayout(self.widget)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, side in enumerate(BOOTH_SIDES):
            box = QCheckBox(ptr(SIDE_LABELS[side]))
            box.setObjectName(f"side_{side}")
            box.clicked.connect(lambda _checked=False, s=side: self._clicked(s))
            grid.addWidget(box, i // 2, i % 2)
            self.boxes[side] = box

    def show_values(self, values: Sequence[Any]) -> None:
        for side, box in self.boxes.items():
            has = _distinct([side in v for v in values])
            with QSignalBlocker(box):
                box.setTristate(len(has) > 1)
                if len(has) > 1:
                    box.setCheckState(Qt.CheckState.PartiallyChecked)
                else:
                    box.setChecked(bool(has and has[0]))

    def _clicked(self, side: str) -> None:
        box = self.boxes[side]
        checked = box.checkState() != Qt.CheckState.Unchecked
        with QSignalBlocker(box):
            box.setTristate(False)
            box.setChecked(checked)
        self.on_change((side, checked))


def editor_for(field: Field, on_change: Callable[[Any], None]) -> FieldEditor:
    kinds: dict[str, type[FieldEditor]] = {
        "text": TextEditor, "dates": TextEditor, "float": NumberEditor, "int": NumberEditor,
        "optional_float": NumberEditor, "gate_width": NumberEditor, "choice": ChoiceEditor,
        "bool": BoolEditor, "colour": ColourEditor, "sides": SidesEditor,
    }
    editor = kinds[field.kind](field, on_change)
    editor.widget.setObjectName(editor.widget.objectName() or f"field_{field.key}")
    editor.widget.setMinimumWidth(MIN_EDITOR_PX)    # the panel may be narrow: ranges must not widen it
    return editor
