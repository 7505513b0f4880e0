"""Names that give way on the canvas: gate and amenity names placed once per zoom, as exports place them.

Each gate or amenity item paints itself, but whether its name is drawn (and
where) depends on its neighbours: ``labels.place_labels`` decides for all of
them at once, for the zoom the painter draws at, and the items ask here.
Booths always win; the plan is made again after any change to the layout or
the layers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.render.labels import LabelPlan, RectIndex, place_labels

if TYPE_CHECKING:
    from planner.ui.canvas.scene import FloorScene

_PLANS_KEPT = 8


class LabelRoom:
    def __init__(self, scene: FloorScene) -> None:
        self.scene = scene
        self._booths: RectIndex | None = None
        self._booths_complete = False      # the index holds the booths (built only when amenities need it)
        self._plans: dict[float, tuple[dict[str, bool], dict[str, int | None], LabelPlan]] = {}

    def invalidate(self) -> None:
        """The layout or the layers changed: place the names again when next drawn."""
        from planner.ui.canvas.items import AmenityItem, GateItem

        self._booths = None
        self._plans.clear()
        for item in self.scene.object_items():
            if isinstance(item, (AmenityItem, GateItem)):
                item.update()

    def _plan(self, scale: float) -> tuple[dict[str, bool], dict[str, int | None], LabelPlan]:
        key = round(scale, 9)
        found = self._plans.get(key)
        if found is not None:
            return found
        from planner.ui.canvas.items import AmenityItem, BoothItem, GateItem

        items = self.scene.object_items()
        gates = [i for i in items if isinstance(i, GateItem) and i.isVisible() and i.show_labels]
        amenities = [i for i in items if isinstance(i, AmenityItem) and i.isVisible() and i.show_labels]
        if self._booths is None or (amenities and not self._booths_complete):
            # Only amenity names give way to booths: without any, a few thousand booths need no index
            # (it would be built again after every edit, in the frame the edit is shown in).
            shown = self.scene.booth_layer.isVisible() and bool(amenities)
            self._booths = RectIndex(i.graphic.bounds for i in items if shown and isinstance(i, BoothItem))
            self._booths_complete = bool(amenities)
        plan = place_labels(self._booths, [i.graphic for i in gates], [i.graphic for i in amenities],
                            self.scene.style, scale)
        found = ({i.object_id: shown for i, shown in zip(gates, plan.gates)},
                 {i.object_id: spot for i, spot in zip(amenities, plan.amenities)}, plan)
        if len(self._plans) >= _PLANS_KEPT:
            self._plans.clear()
        self._plans[key] = found
        return found

    def gate_named(self, gate_id: str, scale: float) -> bool:
        """Whether the gate's name is drawn at ``scale`` pixels per metre."""
        return self._plan(scale)[0].get(gate_id, True)

    def amenity_spot(self, amenity_id: str, scale: float) -> int | None:
        """Where the amenity's name goes at ``scale`` (``labels.amenity_label_at``), None to leave it out."""
        return self._plan(scale)[1].get(amenity_id, 0)

    def plan(self, scale: float) -> LabelPlan:
        """Every placed name's rectangle at ``scale``, in scene metres."""
        return self._plan(scale)[2]
