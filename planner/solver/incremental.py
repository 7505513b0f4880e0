"""Re-analysis that reuses what an edit cannot have changed (SPEC §5).

``Analyser().analyse(layout)`` returns the same report as
``analysis.analyse(layout)``; between calls it keeps the costly pieces of
its last run, each with the exact inputs that produced it, and takes a
piece again only where those inputs are unchanged:

- booth shapes, per booth (position, size, turn), and the obstacles' union;
- the areas W and N, and the narrow passages, when no booth, obstacle or
  the site moved;
- the visibility graph: when N changed, only the corner pairs whose segment
  crosses the part of N that changed (the symmetric difference of old and
  new N, whatever the edit was) are tested again;
- each booth's open-side endpoints, when N did not change within reach of
  the booth;
- the capacity network and the distance fields of the exits, when N, the
  visitor points and the gates are the same (an edit of names, statuses,
  crowd sizes or limits); with them, the router's nearest exits and the
  network's maximum flows, which both keep their answers;
- the walking paths between gates and zones, when N, their end points and
  the walking speed are the same.

Nothing is assumed about what an edit touched: every piece is checked
against the geometry itself, so any change of the layout is handled.
"""

from __future__ import annotations

from typing import Any


import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.model.layout import Booth, Layout
from planner.solver import flow as flowmod
from planner.solver.analysis import ENDPOINT_REACH, Context, Stages, all_side_points, run
from planner.solver.report import Report
from planner.solver.nearest import corner_costs
from planner.solver.nearest_reuse import Answers, nearest_with_reuse
from planner.solver.routes import Router
from planner.solver.beside import Beside
from planner.solver.walkable import Areas, Passage, build_areas, narrow_passages, obstacles_of, open_side_probes

MARGIN = 1e-5    # metres round the changed part of N within which nothing is reused


def _frozen(value: Any) -> Any:
    """A hashable copy of nested lists and tuples of numbers."""
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value


def _booth_key(booth: Booth) -> tuple:
    return (booth.x, booth.y, booth.width, booth.depth, booth.rotation)


def _gates_key(layout: Layout) -> tuple:
    return tuple((g.id, g.kind, _frozen(g.a), _frozen(g.b)) for g in layout.gates)


class Analyser(Stages):
    """The analysis of a layout that is edited step by step, e.g. in the editor.

    Not thread-safe: one Analyser per thread or process.
    """

    beside: Beside | None = None     # the second process for the network and the passages, if any

    def __init__(self) -> None:
        self._shapes: dict[tuple, Any] = {}
        self._blocks: dict[bytes, Any] = {}     # merged booth blocks by their booths' corners
        self._last: dict[str, Any] = {}
        self._now: dict[str, Any] = {}
        self._changed: BaseGeometry | None = None
        self.reuse: dict[str, int] = {}      # what the last run took from the one before, for benchmarks

    def analyse(self, layout: Layout) -> Report:
        self._now = {}
        self._changed = None
        self.reuse = {}
        report = run(layout, self)
        self._last = self._now
        return report

    # -- the stages -------------------------------------------------------------
    def areas(self, layout: Layout) -> Areas:
        key = (_frozen(layout.site.boundary), tuple(_frozen(o.polygon) for o in layout.obstacles),
               tuple(_booth_key(b) for b in layout.booths), layout.settings.body_radius)
        last = self._last.get("areas")
        if last is not None and last[0] == key:
            areas = last[1]
            self.reuse["areas"] = 1
        else:
            shapes = {}
            for booth in layout.booths:
                bk = _booth_key(booth)
                if bk not in shapes:
                    shapes[bk] = self._shapes.get(bk) or booth.shape()
            self.reuse["booth shapes"] = sum(1 for bk in shapes if bk in self._shapes)
            self._shapes = shapes
            obstacles = self._last.get("obstacles")
            if obstacles is not None and obstacles[0] == key[1]:
                self.reuse["obstacles"] = 1
            else:
                obstacles = (key[1], obstacles_of(layout))
            self._now["obstacles"] = obstacles
            areas = build_areas(layout, [shapes[_booth_key(b)] for b in layout.booths], obstacles[1],
                                self._blocks)
        self._now["areas"] = (key, areas)
        if "obstacles" not in self._now and "obstacles" in self._last:
            self._now["obstacles"] = self._last["obstacles"]
        return areas

    def _previous_areas(self) -> Areas | None:
        last = self._last.get("areas")
        return last[1] if last is not None else None

    def _changed_part(self, areas: Areas) -> BaseGeometry | None:
        """Where N differs from the last run's N, grown by MARGIN (None: no last run)."""
        before = self._previous_areas()
        if before is None:
            return None
        if self._changed is None:
            diff = shapely.symmetric_difference(before.navigable, areas.navigable)
            self._changed = diff.buffer(MARGIN, quad_segs=1) if not diff.is_empty else diff
            shapely.prepare(self._changed)
        return self._changed

    def passages(self, areas: Areas, layout: Layout) -> list[Passage]:
        key, passages = self._kept_passages(layout, areas)
        if passages is None:
            passages = narrow_passages(areas, layout)
        self._now["passages"] = (key, areas, passages)
        return passages

    def _kept_passages(self, layout: Layout, areas: Areas) -> tuple[tuple, Any]:
        key = (layout.settings.min_aisle_width,
               tuple((_booth_key(b), tuple(b.open_sides)) for b in layout.booths))
        last = self._last.get("passages")
        if last is not None and last[0] == key and last[1] is areas:
            self.reuse["passages"] = 1
            return key, last[2]
        return key, None

    def router(self, areas: Areas) -> Router:
        last = self._last.get("router")
        if last is not None and last[0] is areas:
            router = last[1]
            self.reuse["router"] = 1
        elif last is not None:
            router = Router(areas, previous=last[1], changed=self._changed_part(areas))
            self.reuse["visibility pairs"] = router.reused
        else:
            router = Router(areas)
        self._now["router"] = (areas, router)
        return router

    def all_side_points(self, booths: list[Booth], areas: Areas,
                        layout: Layout) -> list[list[tuple[float, float] | None]]:
        limit = layout.settings.body_radius + ENDPOINT_REACH
        before = self._last.get("sides", {})
        keys = [(_booth_key(b), b.ordered_open_sides, limit) for b in booths]
        out: list = [None] * len(booths)
        maybe = [k for k, key in enumerate(keys) if key in before]
        if maybe:
            same_areas = all(before[keys[k]][0] is areas for k in maybe)
            changed = None if same_areas else self._changed_part(areas)
            if same_areas or changed is None or changed.is_empty:
                near = np.zeros(len(maybe), dtype=bool)
            else:
                # nearest_navigable looks no further than the limit, plus its last nudge
                # onto N: a booth whose side middles are further from the change keeps its points.
                probes = [(k, booths[k].side_midpoint(s)) for k in maybe for s in booths[k].ordered_open_sides]
                near_probe = shapely.dwithin(changed, shapely.points([p for _, p in probes]), limit + 0.01) \
                    if probes else np.zeros(0, dtype=bool)
                touched = {k for (k, _), hit in zip(probes, near_probe.tolist()) if hit}
                near = np.array([k in touched for k in maybe], dtype=bool)
            for k, hit in zip(maybe, near.tolist()):
                if not hit:
                    out[k] = before[keys[k]][1]
        todo = [k for k in range(len(booths)) if out[k] is None]
        if len(todo) < len(booths):
            self.reuse["booth endpoints"] = len(booths) - len(todo)
        for k, points in zip(todo, all_side_points([booths[k] for k in todo], areas, layout)):
            out[k] = points
        self._now["sides"] = {key: (areas, points) for key, points in zip(keys, out)}
        return out

    def network(self, layout: Layout, areas: Areas, points: np.ndarray) -> flowmod.Network:
        key, network = self._kept_network(layout, areas, points)
        if network is None:
            network = flowmod.build_network(layout, areas, points)
        self._now["network"] = (key, areas, network)
        return network

    def _kept_network(self, layout: Layout, areas: Areas, points: np.ndarray) -> tuple[tuple, Any]:
        """The network's key, and the last run's network when it is the same (else None)."""
        s = layout.settings
        key = (_gates_key(layout), s.specific_flow, s.body_radius, points.tobytes(), points.shape)
        last = self._last.get("network")
        if last is not None and last[0] == key and last[1] is areas:
            self.reuse["network"] = 1
            return key, last[2]
        return key, None

    def beside_jobs(self, layout: Layout, areas: Areas, points: np.ndarray, any_exit: bool) -> tuple[Any, Any]:
        """With a second process (``beside``), the pieces this run cannot keep are made there."""
        beside = self.beside
        if beside is not None and not beside.failed:
            if not self._last:
                beside.start()           # the first run goes on in threads while it starts
            elif beside.ready:
                return self._beside_jobs(beside, layout, areas, points, any_exit)
        return super().beside_jobs(layout, areas, points, any_exit)

    def _beside_jobs(self, beside: Beside, layout: Layout, areas: Areas, points: np.ndarray,
                     any_exit: bool) -> tuple[Any, Any]:
        run = beside.new_run()
        network_job: Any = _Done(None)
        if any_exit:
            key, network = self._kept_network(layout, areas, points)
            if network is not None:
                network_job = _Done(network)
                self._now["network"] = (key, areas, network)
            else:
                def keep_network(network: flowmod.Network, key: tuple = key) -> None:
                    self._now["network"] = (key, areas, network)

                network_job = _Away(beside, beside.network(run, layout, areas.walkable, points), keep_network,
                                    lambda: flowmod.build_network(layout, areas, points))
        key, passages = self._kept_passages(layout, areas)
        if passages is not None:
            self._now["passages"] = (key, areas, passages)
            return network_job, _Done(passages)

        def keep_passages(passages: list[Passage], key: tuple = key) -> None:
            self._now["passages"] = (key, areas, passages)

        fronts = open_side_probes(layout.booths)
        return network_job, _Away(beside, beside.passages(run, layout, areas.walkable, fronts), keep_passages,
                                  lambda: narrow_passages(areas, layout, fronts))

    def distance_field(self, router: Router, targets: list[tuple[float, float]]):
        key = _frozen(targets)
        last = self._last.get("fields")
        if last is not None and last[0] == key and last[1] is router:
            result = last[2]
            self.reuse["distance fields"] = 1
        else:
            result = router.distance_field(targets)
        self._now["fields"] = (key, router, result)
        return result

    def nearest(self, router: Router, points: np.ndarray, targets: list, fields: dict, allowed: list[int],
                ties: dict[int, set[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        key = (tuple(allowed), _frozen(targets))
        now = self._now.setdefault("nearest", {})
        mine = now.get(key)
        if mine is None:
            cost, target = corner_costs(router, fields, allowed)
            mine = now[key] = Answers(router=router, cost=cost, target=target)
        old = self._last.get("nearest", {}).get(key)
        changed = self._changed_part(router.areas) if old is not None and old.router is not router else None
        exits = np.asarray([targets[k] for k in allowed], dtype=float).reshape(-1, 2)
        found: dict[int, set[int]] = {}
        best, which, first, kept = nearest_with_reuse(
            old, mine, exits, changed, points, found,
            lambda pts, t: router.nearest_target(pts, targets, fields, allowed, t))
        self.reuse["nearest exits"] = self.reuse.get("nearest exits", 0) + kept
        mine.add(points, best, which, first, found)
        ties.update(found)
        return best, which, first

    def paths(self, ctx: Context) -> list[dict]:
        layout = ctx.layout
        key = (tuple((g.id, ctx.gate_points[g.id]) for g in layout.gates),
               tuple((z.id, ctx.zone_points[z.id]) for z in layout.zones), layout.settings.walking_speed)
        last = self._last.get("paths")
        if last is not None and last[0] == key and last[1] is ctx.router:
            paths = [_path_copy(p) for p in last[2]]
            self.reuse["paths"] = 1
        elif last is not None and last[0] == key:
            from planner.solver.paths import all_paths

            known = _paths_that_stand(last[2], self._changed_part(ctx.areas))
            paths = all_paths(ctx, known)
            self.reuse["paths"] = len(known)
        else:
            paths = super().paths(ctx)
        self._now["paths"] = (key, ctx.router, [_path_copy(p) for p in paths])
        return paths


class _Done:
    """A piece at hand, as a future gives it."""

    apart = True        # no other thread is reading W for it

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class _Away:
    """A piece made in the second process: its answer, kept by ``keep`` when it comes; made
    here by ``here`` instead if the process could not take the job or died."""

    apart = True        # the process reads a copy of W: this thread may read W meanwhile

    def __init__(self, beside: Beside, future: Any, keep: Any, here: Any) -> None:
        self.beside, self.future, self.keep, self.here = beside, future, keep, here
        self.done = False
        self.value: Any = None

    def result(self) -> Any:
        if not self.done:
            try:
                if self.future is None:
                    raise RuntimeError("no second process")
                value = self.future.result()
            except Exception as exc:  # noqa: BLE001 - only a missing process is handled here
                from planner.solver.beside import Gone, Stale

                if self.future is not None and not isinstance(exc, (Gone, Stale)):
                    raise
                value = self.here()
            self.keep(value)
            self.value, self.done = value, True
        return self.value


def _paths_that_stand(paths: list[dict], changed: BaseGeometry | None) -> dict[tuple[str, str], dict]:
    """The walking paths of the last run that an edit of N inside ``changed`` left as they were.

    A path that keeps clear of the change is still open, and no new way can
    be shorter when every way through the change is longer: at least the
    straight distances from its ends to the change. Equal routes are chosen
    by the corners' places, which the edit did not move, so the route is the
    same one too.
    """
    if changed is None or changed.is_empty:
        return {}
    found = [p for p in paths if p["length_m"] is not None and len(p["polyline"]) >= 2]
    if not found:
        return {}
    lines = np.array([shapely.LineString(p["polyline"]) for p in found], dtype=object)
    starts = shapely.points([p["polyline"][0] for p in found])
    ends = shapely.points([p["polyline"][-1] for p in found])
    clear = ~shapely.intersects(changed, lines)
    detour = shapely.distance(changed, starts) + shapely.distance(changed, ends)
    length = np.asarray([p["length_m"] for p in found], dtype=float)
    stands = clear & (detour > length * (1 + 1e-9) + 1e-9)
    return {(p["from"], p["to"]): _path_copy(p) for p, ok in zip(found, stands.tolist()) if ok}


def _path_copy(path: dict) -> dict:
    """A copy of a report path (numbers, names and a list of [x, y]) that shares nothing with it."""
    return {**path, "polyline": [list(point) for point in path["polyline"]]}
