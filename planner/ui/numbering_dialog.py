"""Edit → Renumber Booths…: number the selected booths, or a zone's, by a scheme, in one undo step.

The scheme is prefilled from the zone and saved back into the zone's
``numbering`` with the new numbers, so the next booth placed there continues
it. The dialog shows the first and last numbers before anything changes, and
says when the new numbers would clash with booths it does not renumber.
Only booths of the chosen zone are ever renumbered with its scheme: "the
selected booths" means the selected ones inside that zone, and is off when
there are none, so what the preview counts is exactly what OK changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from planner.model.edits import Batch, SetFields
from planner.model.layout import Booth, Layout, Zone
from planner.model.numbering import Scheme, duplicate_numbers, renumber
from planner.ui.selection import Selection


class NumberingDialog(QDialog):
    """Choose a zone's scheme and what to renumber; ``edit()`` is the undoable result."""

    def __init__(self, layout: Layout, selection: Selection | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numbering_dialog")
        self.setWindowTitle(self.tr("Renumber Booths"))
        self.layout_ = layout
        self.zone_of = layout.zone_of_booths()
        selected = selection.objects(layout) if selection is not None else []
        self.selected = [o for o in selected if isinstance(o, Booth)]

        self.zone = QComboBox()
        self.zone.setObjectName("zone")
        for zone in layout.zones:
            self.zone.addItem(zone.name or zone.id, zone.id)
        if any(z is None for z in self.zone_of.values()):
            # Booths outside every zone are numbered too, without a zone scheme to save.
            self.zone.addItem(self.tr("Outside any zone"), "")
        first = self._most_selected_zone()
        if first is None and not self.selected:
            first = next((z for z in self.zone_of.values() if z), None)
        self.zone.setCurrentIndex(max(0, self.zone.findData(first if first is not None else "")))

        self.target_selection = QRadioButton()
        self.target_selection.setObjectName("target_selection")
        self.target_zone = QRadioButton()
        self.target_zone.setObjectName("target_zone")
        group = QButtonGroup(self)
        group.addButton(self.target_selection)
        group.addButton(self.target_zone)
        # What the organiser chose, so coming back to a zone with selected booths picks them again.
        self._prefer_selection = bool(self.selected)
        self.target_selection.clicked.connect(lambda: setattr(self, "_prefer_selection", True))
        self.target_zone.clicked.connect(lambda: setattr(self, "_prefer_selection", False))
        (self.target_selection if self.selected else self.target_zone).setChecked(True)

        self.prefix = QLineEdit()
        self.prefix.setObjectName("prefix")
        self.start = self._spin("start", 0, 999999)
        self.step = self._spin("step", 1, 1000)
        self.digits = self._spin("digits", 0, 12)
        self.order = self._combo("order", [(self.tr("Row by row"), "rows"), (self.tr("Serpentine"), "serpentine")])
        self.direction = self._combo("direction", [(self.tr("Left to right"), "ltr"),
                                                   (self.tr("Right to left"), "rtl")])
        self.rows_from = self._combo("rows_from", [(self.tr("Top row first"), "top"),
                                                   (self.tr("Bottom row first"), "bottom")])
        self.sides = self._combo("sides", [(self.tr("One sequence"), "all"),
                                           (self.tr("Odd on one side of the aisle, even on the other"),
                                            "odd_even")])
        self.skip = QCheckBox(self.tr("Leave a number free at each cross aisle"))
        self.skip.setObjectName("skip_at_cross_aisles")
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Zone:"), self.zone)
        form.addRow(self.tr("Renumber:"), self.target_selection)
        form.addRow("", self.target_zone)
        form.addRow(self.tr("Prefix:"), self.prefix)
        form.addRow(self.tr("Start at:"), self.start)
        form.addRow(self.tr("Step:"), self.step)
        form.addRow(self.tr("Digits:"), self.digits)
        form.addRow(self.tr("Order:"), self.order)
        form.addRow(self.tr("Along the first row:"), self.direction)
        form.addRow(self.tr("Rows:"), self.rows_from)
        form.addRow(self.tr("Sides:"), self.sides)
        form.addRow("", self.skip)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.preview)
        box.addWidget(self.buttons)

        self.zone.currentIndexChanged.connect(self._zone_picked)
        for signal in (self.prefix.textChanged, self.start.valueChanged, self.step.valueChanged,
                       self.digits.valueChanged, self.order.currentIndexChanged,
                       self.direction.currentIndexChanged, self.rows_from.currentIndexChanged,
                       self.sides.currentIndexChanged, self.skip.toggled, self.target_selection.toggled):
            signal.connect(self._update)
        self._zone_picked()

    # -- widgets --------------------------------------------------------------------------------
    def _spin(self, name: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        return spin

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    # -- state ----------------------------------------------------------------------------------
    def current_zone(self) -> Zone | None:
        zone_id = self.zone.currentData()
        found = self.layout_.get(zone_id) if zone_id else None
        return found if isinstance(found, Zone) else None

    def _most_selected_zone(self) -> str | None:
        """The zone holding most of the selected booths (the first such), None when none is in a zone."""
        counts: dict[str, int] = {}
        for booth in self.selected:
            zone_id = self.zone_of.get(booth.id)
            if zone_id:
                counts[zone_id] = counts.get(zone_id, 0) + 1
        return max(counts, key=lambda z: counts[z]) if counts else None

    def _in_zone(self, booths: list[Booth]) -> list[Booth]:
        """Those of ``booths`` in the chosen zone (or outside every zone when that is chosen)."""
        zone = self.current_zone()
        key = zone.id if zone is not None else None
        return [b for b in booths if self.zone_of.get(b.id) == key]

    def selected_in_zone(self) -> list[Booth]:
        return self._in_zone(self.selected)

    def scheme(self) -> Scheme:
        zone = self.current_zone()
        base = Scheme.from_dict(zone.numbering if zone is not None else {})
        return Scheme(prefix=self.prefix.text(), start=self.start.value(), step=self.step.value(),
                      digits=self.digits.value(), order=self.order.currentData(),
                      direction=self.direction.currentData(), rows_from=self.rows_from.currentData(),
                      skip_at_cross_aisles=self.skip.isChecked(), sides=self.sides.currentData(),
                      extra=base.extra)

    def targets(self) -> list[Booth]:
        """The booths OK renumbers: never a booth of another zone than the one whose scheme is used."""
        if self.target_selection.isChecked():
            return self.selected_in_zone()
        return self._in_zone(self.layout_.booths)

    def numbers(self) -> dict[str, str]:
        return renumber(self.targets(), self.scheme())

    def _zone_picked(self, *_args) -> None:
        zone = self.current_zone()
        scheme = Scheme.from_dict(zone.numbering if zone is not None else {})
        widgets = (self.prefix, self.start, self.step, self.digits, self.order, self.direction, self.rows_from,
                   self.sides, self.skip)
        for widget in widgets:
            widget.blockSignals(True)
        self.prefix.setText(scheme.prefix)
        self.start.setValue(scheme.start)
        self.step.setValue(scheme.step)
        self.digits.setValue(scheme.digits)
        for combo, value in ((self.order, scheme.order), (self.direction, scheme.direction),
                             (self.rows_from, scheme.rows_from), (self.sides, scheme.sides)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.skip.setChecked(scheme.skip_at_cross_aisles)
        for widget in widgets:
            widget.blockSignals(False)
        count = len(self._in_zone(self.layout_.booths))
        self.target_zone.setText((self.tr("all {n} booth in the zone") if count == 1
                                  else self.tr("all {n} booths in the zone")).format(n=count))
        n = len(self.selected_in_zone())
        self.target_selection.setText((self.tr("the {n} selected booth in the zone") if n == 1
                                       else self.tr("the {n} selected booths in the zone")).format(n=n))
        self.target_selection.setEnabled(n > 0)
        with QSignalBlocker(self.target_selection), QSignalBlocker(self.target_zone):
            (self.target_selection if n > 0 and self._prefer_selection else self.target_zone).setChecked(True)
        self._update()

    def clashes(self, numbers: dict[str, str]) -> list[str]:
        """Numbers the result would use more than once, counting booths left as they are."""
        renumbered = [Booth(id=b.id, x=0, y=0, number=numbers.get(b.id, b.number)) for b in self.layout_.booths]
        return sorted(duplicate_numbers(renumbered))

    def _update(self, *_args) -> None:
        numbers = self.numbers()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(numbers))
        if not numbers:
            self.preview.setText(self.tr("No booths to renumber."))
            return
        ordered = sorted(numbers.values(), key=lambda n: (len(n), n))
        text = (self.tr("{n} booth: {first} … {last}") if len(numbers) == 1
                else self.tr("{n} booths: {first} … {last}")).format(
            n=len(numbers), first=ordered[0], last=ordered[-1])
        if self.target_selection.isChecked():
            elsewhere = len(self.selected) - len(numbers)
            if elsewhere:
                text += "\n" + (self.tr("{n} selected booth in another zone keeps its number.") if elsewhere == 1
                                 else self.tr("{n} selected booths in other zones keep their numbers.")
                                 ).format(n=elsewhere)
        clashes = self.clashes(numbers)
        if clashes:
            text += "\n" + self.tr("Numbers used twice afterwards: {numbers}").format(
                numbers=", ".join(clashes[:6]) + (" …" if len(clashes) > 6 else ""))
        self.preview.setText(text)

    def edit(self) -> Batch | None:
        """New numbers and the zone's scheme as one undo step, or None when nothing would change."""
        numbers = self.numbers()
        if not numbers:
            return None
        layout = self.layout_
        edits = [SetFields(layout, {i: {"number": n} for i, n in numbers.items()})]
        zone = self.current_zone()
        if zone is not None:
            edits.append(SetFields(layout, {zone.id: {"numbering": self.scheme().to_dict()}}))
        label = self.tr("Renumber {n} booth") if len(numbers) == 1 else self.tr("Renumber {n} booths")
        return Batch(edits, label=label.format(n=len(numbers)))


def renumber_booths(window) -> bool:
    """Edit → Renumber Booths…: ask, then push the result as one undo step; True when it changed the layout."""
    layout = window.document.layout
    if not layout.booths:
        window.status.showMessage(
            QCoreApplication.translate("NumberingDialog", "There are no booths to renumber."), 6000)
        return False
    dialog = NumberingDialog(layout, window.selection, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    edit = dialog.edit()
    if edit is None:
        return False
    window.document.push(edit)
    return True
