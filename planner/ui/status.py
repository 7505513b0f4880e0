"""The status bar: the cursor in metres (y north), the scale, and what lies under the cursor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from planner.model.layout import Amenity, Booth, Gate, LayoutObject, Obstacle, Zone

INCH_M = 0.0254


def _t(text: str) -> str:
    return QCoreApplication.translate("Status", text)


def _status_word(status: str) -> str:
    words = {"available": _t("available"), "reserved": _t("reserved"), "sold": _t("sold"),
             "blocked": _t("blocked")}
    return words.get(status, status)


def _gate_kind(kind: str) -> str:
    words = {"entrance": _t("entrance"), "exit": _t("exit"), "both": _t("entrance and exit")}
    return words.get(kind, kind)


def _obstacle_kind(kind: str) -> str:
    words = {"water": _t("water"), "building": _t("building"), "stage": _t("stage"),
             "structure": _t("structure"), "vegetation": _t("vegetation"),
             "restricted": _t("restricted area")}
    return words.get(kind, kind)


def _amenity_kind(kind: str) -> str:
    words = {"toilets": _t("toilets"), "first_aid": _t("first aid"), "info": _t("information"),
             "water": _t("drinking water"), "charging": _t("charging"), "security": _t("security"),
             "fire_extinguisher": _t("fire extinguisher"), "fire_hydrant": _t("fire hydrant"),
             "assembly_point": _t("assembly point"), "other": _t("other")}
    return words.get(kind, kind)


def describe(obj: LayoutObject) -> str:
    """One line naming a layout object for the status bar (layout text is never translated)."""
    if isinstance(obj, Booth):
        name = obj.number or obj.id
        if obj.exhibitor:
            return _t("Booth {number} · {exhibitor} ({status})").format(
                number=name, exhibitor=obj.exhibitor, status=_status_word(obj.status))
        return _t("Booth {number} ({status})").format(number=name, status=_status_word(obj.status))
    if isinstance(obj, Zone):
        return _t("Zone {name}").format(name=obj.name or obj.id)
    if isinstance(obj, Gate):
        return _t("Gate {name} ({kind}, {width:.1f} m)").format(
            name=obj.name or obj.id, kind=_gate_kind(obj.kind), width=obj.width)
    if isinstance(obj, Obstacle):
        return _t("{name} ({kind})").format(name=obj.name or obj.id, kind=_obstacle_kind(obj.kind))
    if isinstance(obj, Amenity):
        return _t("{name} ({kind})").format(name=obj.name or obj.id, kind=_amenity_kind(obj.kind))
    return obj.id


def describe_under_cursor(objects: Sequence[LayoutObject]) -> str:
    """The topmost object, and the zone around it when the topmost is not the zone itself."""
    if not objects:
        return ""
    top = objects[0]
    text = describe(top)
    if not isinstance(top, Zone):
        zone = next((o for o in objects if isinstance(o, Zone)), None)
        if zone is not None:
            text = _t("{object} — in {zone}").format(object=text, zone=describe(zone))
    return text


def map_scale(pixels_per_metre: float, dpi: float) -> int:
    """N of a 1:N map scale on a screen of ``dpi``, rounded to two significant figures."""
    if pixels_per_metre <= 0:
        return 0
    n = dpi / INCH_M / pixels_per_metre
    digits = max(len(str(int(n))) - 2, 0)
    return int(round(n, -digits))


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.object_label = QLabel(self)
        self.position_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.position_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("x 00000.0 m  y 00000.0 m") + 12)
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("1:1,000,000") + 12)
        self.addWidget(self.object_label, 1)
        self.addPermanentWidget(self.position_label)
        self.addPermanentWidget(self.zoom_label)

    def show_cursor(self, x: float, y: float, objects: Sequence[LayoutObject]) -> None:
        self.position_label.setText(self.tr("x {x:.1f} m  y {y:.1f} m").format(x=x, y=y))
        self.object_label.setText(describe_under_cursor(objects))

    def clear_cursor(self) -> None:
        self.position_label.setText("")
        self.object_label.setText("")

    def show_zoom(self, pixels_per_metre: float) -> None:
        dpi = self.logicalDpiX() or 96
        self.zoom_label.setText(self.tr("1:{n:,}").format(n=map_scale(pixels_per_metre, dpi)))
        self.zoom_label.setToolTip(self.tr("Scale on this screen; {px:.2f} pixels per metre").format(
            px=pixels_per_metre))
