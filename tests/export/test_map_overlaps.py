"""The A3 booth map of West Lake (issue #6): on the overview, no name, badge or tag prints over another.

The sheet is painted by the exporter's own ``paint_map``; what it draws is
read by watching ``paint.draw_label`` (every name), ``paint.paint_amenity``
(every badge) and the safety tags' drawing, in page points. Two badges may
still touch where two amenities stand side by side: that is where they are.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QImage, QPainter

from planner.export import mapsheet, typeset, views
from planner.export.book import Book
from planner.export.options import ExportOptions
from planner.export.writers import qt_app
from planner.formats import read_layout
from planner.render import painter as paint
from planner.render.labels import amenity_size
from planner.render.text import label_rect
from planner.resources import bundled_layout
from planner.solver import analyse


def overlapping(a: list[tuple[str, QRectF]], b: list[tuple[str, QRectF]]) -> list[tuple[str, str]]:
    return [(ta, tb) for i, (ta, ra) in enumerate(a) for j, (tb, rb) in enumerate(b)
            if (a is not b or j > i) and ra.intersects(rb)]


@pytest.fixture(scope="module", params=["exhibitor", "safety"])
def overview(request):
    qt_app()
    layout = read_layout(bundled_layout())
    book = Book(layout, ExportOptions(paper="A3", view=request.param), "all", report=analyse(layout))
    sheet = book.plan.sheets[0]
    assert sheet.kind == "overview"
    names, badges, tags = [], [], []
    real_label, real_amenity, real_tag = paint.draw_label, paint.paint_amenity, views._tag

    def spy_label(painter, text, centre, height_m, *args, **kwargs):
        done = real_label(painter, text, centre, height_m, *args, **kwargs)
        if done:
            names.append((text, painter.worldTransform().mapRect(label_rect(text, centre, height_m,
                                                                            kwargs.get("bold", False)))))
        return done

    def spy_amenity(painter, amenity, style=paint.DEFAULT_STYLE, *args, **kwargs):
        real_amenity(painter, amenity, style, *args, **kwargs)
        r = amenity_size(style, paint._scale(painter)) / 2
        square = QRectF(amenity.pos.x() - r, amenity.pos.y() - r, 2 * r, 2 * r)
        badges.append((amenity.kind, painter.worldTransform().mapRect(square)))

    def spy_tag(painter, text, centre, size, fill, ink):
        real_tag(painter, text, centre, size, fill, ink)
        w, h = typeset.width(text, size, bold=True) + size * 0.8, size * 1.45
        tags.append((text, painter.worldTransform().mapRect(QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h))))

    paint.draw_label, paint.paint_amenity, views._tag = spy_label, spy_amenity, spy_tag
    had_tag = hasattr(mapsheet, "_tag")
    if had_tag:
        mapsheet._tag = spy_tag
    try:
        image = QImage(1200, 850, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        room = mapsheet.paint_map(painter, book, sheet, mapsheet.pt_rect(sheet.frame))
        painter.end()
    finally:
        paint.draw_label, paint.paint_amenity, views._tag = real_label, real_amenity, real_tag
        if had_tag:
            mapsheet._tag = real_tag
    yield {"book": book, "layout": layout, "names": names, "badges": badges, "tags": tags, "room": room,
           "view": request.param}


def test_names_tags_and_badges_keep_clear(overview):
    zone_names = {z.name for z in overview["layout"].zones}
    names = overview["names"]
    zones = [(t, r) for t, r in names if t in zone_names]
    assert len(zones) == len([z for z in overview["layout"].zones if z.name])
    # Gate, zone, water and amenity names; exit and bottleneck widths; the sheets' tags. A gate's
    # name is two lines (Latin, Chinese) set closer than a line's box: they count as one.
    gate_of = {line: gate.id for gate in overview["layout"].gates for line in (gate.name or "").split(" · ")}
    assert [(a, b) for a, b in overlapping(names, names) if not (a in gate_of and gate_of[a] == gate_of.get(b))] == []
    assert not overlapping(names, overview["badges"])
    assert not overlapping(overview["tags"], overview["tags"])
    assert not overlapping(overview["tags"], names + overview["badges"])
    room = overview["room"]
    sheets = [(kind, room_to_page(room, r)) for kind, r in room.placed if kind == "sheet"]
    assert len(sheets) == len(overview["book"].plan.sheets) - 1
    assert not overlapping(sheets, sheets)
    assert not overlapping(sheets, names + overview["badges"] + overview["tags"])


def room_to_page(room, rect: QRectF) -> QRectF:
    return room.to_page.mapRect(rect)


def test_every_exit_is_tagged_and_a_moved_tag_points_back(overview):
    if overview["view"] != "safety":
        assert not overview["tags"]
        return
    book = overview["book"]
    assert len(overview["tags"]) == len(book.exit_marks) + len([b for b in book.bottlenecks if b.width_m > 0])
    tags = overview["room"].tags
    assert [t.text for t in tags] == [t for t, _ in overview["tags"]]
    led = [t for t in tags if t.leader is not None]
    assert led                          # the Bai Causeway West Gate's tag had to move off the sheet tag
    for tag in led:
        line = tag.leader
        assert line.p1() == tag.anchor
        box = tag.box
        end = line.p2()
        assert box.adjusted(-1e-9, -1e-9, 1e-9, 1e-9).contains(end)
        assert min(abs(end.x() - box.left()), abs(end.x() - box.right()),
                   abs(end.y() - box.top()), abs(end.y() - box.bottom())) < 1e-9
        assert QLineF(tag.anchor, end).length() > 0
