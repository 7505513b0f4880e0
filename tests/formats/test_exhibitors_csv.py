"""Exhibitors from a spreadsheet: reading CSVs as organisers save them, matching rows to booths.

The CSVs are generated here: 200 Chinese exhibitors for the West Lake
layout's booth numbers, saved the ways spreadsheets save them (UTF-8 with
and without a byte-order mark, GBK, semicolons, tabs, a title row), plus a
few bad rows whose row numbers and reasons are known in advance.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from planner.formats import read_layout
from planner.formats.booth_csv import dumps_booth_csv
from planner.formats.exhibitors_csv import (
    AMBIGUOUS_NUMBER, ASSIGNED, DUPLICATE, NO_NUMBER, UNCHANGED, UNKNOWN_NUMBER, ExhibitorFileError,
    ImportMappingError, decode, guess_mapping, plan_import, read_table, sniff_delimiter,
)
from planner.model.layout import Layout

WEST_LAKE = Path(__file__).resolve().parents[2] / "layouts" / "west-lake-2018.festival.json"
PLACES = ("西湖", "断桥", "苏堤", "白堤", "孤山", "灵隐", "龙井", "雷峰", "钱塘", "湖滨")
TRADES = ("手作工坊", "动漫社", "非遗传习所", "古着铺", "宠物乐园", "小吃铺", "创客空间", "茶社", "文创店", "灯笼坊",
          "剪纸社", "陶艺馆", "咖啡馆", "书局", "花艺室", "木作坊", "刺绣坊", "机器人实验室", "汉服馆", "面塑坊")
CATEGORIES = ("手工艺", "动漫", "非遗", "复古", "宠物", "美食", "科技")
STATUSES = (("已售", "sold"), ("已预订", "reserved"), ("可租", "available"))
HEADER = ("展位号", "展商名称", "品类", "状态", "明火")
GOOD = 200


def west_lake() -> Layout:
    return read_layout(WEST_LAKE)


def good_rows(layout: Layout) -> list[tuple[str, str, str, str, str]]:
    """200 exhibitors with distinct Chinese names on the layout's first 200 booths (file order)."""
    rows = []
    for i, booth in enumerate(layout.booths[:GOOD]):
        name = PLACES[i % 10] + TRADES[i // 10]
        status = STATUSES[i % 3][0]
        rows.append((booth.number, name, CATEGORIES[i % 7], status, "是" if i % 5 == 0 else "否"))
    return rows


def bad_rows(layout: Layout) -> list[tuple[str, ...]]:
    """Rows 202–206 (after the header and the 200 good rows): what each should be reported as."""
    first, spare = layout.booths[0].number, layout.booths[GOOD].number
    return [
        ("ZZZ-999", "查无此号工作室", "手工艺", "已售", "否"),   # 202: no such booth
        ("", "无号商户", "美食", "已售", "否"),                   # 203: no number
        (first, "重复的商户", "美食", "已售", "否"),               # 204: duplicate of row 2
        (spare, "售罄茶社", "美食", "售罄", "否"),                 # 205: unknown status, rest imported
        ("", "", "", "", ""),                                      # blank line: not a row at all
        (spare.lower(), "小写重复", "", "", ""),                   # 207: same booth as 205, lower case
    ]


def exhibitor_csv(layout: Layout, encoding: str = "utf-8-sig", delimiter: str = ",", bad: bool = True,
                  title: str | None = None) -> bytes:
    """The exhibitor list as a spreadsheet would save it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    if title is not None:
        writer.writerow([title])
    writer.writerow(HEADER)
    writer.writerows(good_rows(layout))
    if bad:
        writer.writerows(bad_rows(layout))
    return out.getvalue().encode(encoding)


def test_encodings_are_detected_and_named(tmp_path):
    layout = west_lake()
    for encoding, expected, delimiter in (("utf-8-sig", "utf-8-sig", ","), ("utf-8", "utf-8", ","),
                                          ("gbk", "gb18030", ","), ("utf-16", "utf-16", "\t")):
        path = tmp_path / f"exhibitors-{encoding}.csv"      # utf-16 with tabs: Excel's "Unicode text"
        path.write_bytes(exhibitor_csv(layout, encoding, delimiter))
        table = read_table(path)
        assert table.encoding == expected and table.delimiter == delimiter
        assert table.header == list(HEADER)
        assert table.body()[0][1][1] == "西湖手作工坊"


def test_a_western_spreadsheet_falls_back_to_windows_1252():
    data = "Stand;Exhibitor\r\nANI-001;Café Müller\r\n".encode("cp1252")
    table = read_table(data)
    assert table.encoding == "cp1252" and table.body() == [(2, ["ANI-001", "Café Müller"])]


def test_two_hundred_exhibitors_assigned_and_bad_rows_reported():
    layout = west_lake()
    table = read_table(exhibitor_csv(layout, "gbk"))
    mapping = guess_mapping(table.header)
    assert mapping == {"number": 0, "exhibitor": 1, "category": 2, "status": 3, "cooking": 4}
    plan = plan_import(layout, table.body(), mapping)
    by_row = {o.row: o for o in plan.outcomes}
    assert sorted(by_row) == list(range(2, 206)) + [207]           # the blank line (206) is no row
    assert all(by_row[r].matched for r in range(2, 202))
    assert by_row[202].kind == UNKNOWN_NUMBER and "ZZZ-999" in by_row[202].message()
    assert by_row[203].kind == NO_NUMBER
    assert by_row[204].kind == DUPLICATE and by_row[204].first_row == 2 and "row 2" in by_row[204].message()
    spare = layout.booths[GOOD]
    assert by_row[205].kind == ASSIGNED and by_row[205].booth_id == spare.id
    assert "status" not in by_row[205].fields and "售罄" in by_row[205].message()
    assert by_row[205].fields["exhibitor"] == "售罄茶社"
    assert by_row[207].kind == DUPLICATE and by_row[207].first_row == 205
    assert [o.row for o in plan.unmatched] == [202, 203, 204, 207]
    assert plan.label() == "Import 201 exhibitors"

    before = {b.id: (b.exhibitor, b.category, b.status, b.cooking) for b in layout.booths}
    edit = plan.edit(layout)
    edit.apply(layout)
    for i, booth in enumerate(layout.booths[:GOOD]):
        assert booth.exhibitor == PLACES[i % 10] + TRADES[i // 10]
        assert booth.category == CATEGORIES[i % 7]
        assert booth.status == STATUSES[i % 3][1]
        assert booth.cooking == (i % 5 == 0)
    assert (spare.exhibitor, spare.status) == ("售罄茶社", before[spare.id][2])
    untouched = layout.booths[GOOD + 1:]
    assert all((b.exhibitor, b.category, b.status, b.cooking) == before[b.id] for b in untouched)
    edit.revert(layout)
    assert {b.id: (b.exhibitor, b.category, b.status, b.cooking) for b in layout.booths} == before


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolons_and_tabs_even_with_commas_in_names(delimiter):
    layout = west_lake()
    text = exhibitor_csv(layout, "utf-8", delimiter, bad=False).decode("utf-8")
    text = text.replace("西湖手作工坊", "西湖手作工坊, 分店")       # a comma inside a name
    assert sniff_delimiter(text) == delimiter
    table = read_table(text.encode("utf-8"))
    assert table.delimiter == delimiter
    assert table.body()[0][1][1] == "西湖手作工坊, 分店"
    plan = plan_import(layout, table.body(), guess_mapping(table.header))
    assert plan.assigned == GOOD and not plan.unmatched


def test_title_row_above_the_header_keeps_spreadsheet_row_numbers():
    layout = west_lake()
    table = read_table(exhibitor_csv(layout, title="2018 西湖创客节 展商名单"))
    assert table.header_row == 2
    plan = plan_import(layout, table.body(), guess_mapping(table.header))
    assert [o.row for o in plan.unmatched] == [203, 204, 205, 208]


def test_export_edit_import_round_trip():
    """The booth list export reads back: columns map themselves, the formula guard comes off."""
    layout = west_lake()
    booth, other = layout.booths[3], layout.booths[7]
    booth.exhibitor = "=HYPERLINK(\"http://x\")"
    other.exhibitor = "-50% 折扣商店"
    exported = dumps_booth_csv(layout)
    assert "'=HYPERLINK" in exported and "'-50% 折扣商店" in exported
    rows = list(csv.reader(io.StringIO(exported.removeprefix("\ufeff"))))
    header = rows[0]
    for row in rows[1:]:                     # the organiser edits one name in the spreadsheet
        if row[header.index("number")] == layout.booths[10].number:
            row[header.index("exhibitor")] = "龙井茶社"
    out = io.StringIO()
    out.write("\ufeff")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    table = read_table(out.getvalue().encode("utf-8"))
    mapping = guess_mapping(table.header)
    assert mapping == {"number": header.index("number"), "exhibitor": header.index("exhibitor"),
                       "category": header.index("category"), "status": header.index("status"),
                       "cooking": header.index("cooking")}
    plan = plan_import(layout, table.body(), mapping)
    assert plan.changes == {layout.booths[10].id: {"exhibitor": "龙井茶社"}}
    assert plan.count(UNCHANGED) == len(layout.booths) - 1 and not plan.unmatched


def test_numbers_match_full_width_case_and_lost_leading_zeros(layout_with_numbers):
    layout = layout_with_numbers
    rows = [(2, ["ＡＮＩ－００２", "全角"]), (3, ["ani-3", "小写"]), (4, ["ANI-4", "丢了零"]),
            (5, ["7", "纯数字"]), (6, ["X-1", "重号"])]
    plan = plan_import(layout, rows, {"number": 0, "exhibitor": 1})
    kinds = {o.row: (o.kind, o.booth_id) for o in plan.outcomes}
    assert kinds == {2: (ASSIGNED, "b2"), 3: (ASSIGNED, "b3"), 4: (ASSIGNED, "b4"), 5: (ASSIGNED, "b7"),
                     6: (AMBIGUOUS_NUMBER, None)}


@pytest.fixture
def layout_with_numbers() -> Layout:
    from tests.factories import rect
    from planner.model.layout import Booth, Site

    booths = [Booth(id=f"b{i}", x=4.0 * i, y=5.0, number=f"ANI-{i:03d}") for i in range(1, 5)]
    booths += [Booth(id="b7", x=30, y=5, number="007"), Booth(id="x1", x=40, y=5, number="X-1"),
               Booth(id="x2", x=44, y=5, number="X-1")]
    return Layout(site=Site(boundary=rect(0, 0, 60, 20)), booths=booths)


def test_headings_in_english_and_chinese_are_recognised():
    assert guess_mapping(["序号", "展位号（必填）", "参展企业", "展区名称", "经营品类", "展位状态", "是否明火"]) == {
        "number": 1, "exhibitor": 2, "category": 4, "status": 5, "cooking": 6}
    assert guess_mapping(["Booth No.", "Company", "Type", "Status"]) == {
        "number": 0, "exhibitor": 1, "category": None, "status": 3, "cooking": None}
    assert guess_mapping(["摊位号", "商户", "类别"]) == {
        "number": 0, "exhibitor": 1, "category": 2, "status": None, "cooking": None}


def test_status_and_cooking_words():
    layout = west_lake()
    booth = layout.booths[0]
    words = [("Sold", "sold", "yes", True), ("可租", "available", "否", False),
             ("RESERVED", "reserved", "1", True), ("不可用", "blocked", "0", False)]
    for status_text, status, cooking_text, cooking in words:
        plan = plan_import(layout, [(2, [booth.number, status_text, cooking_text])],
                           {"number": 0, "status": 1, "cooking": 2})
        outcome = plan.outcomes[0]
        assert not outcome.notes
        assert {**{"status": booth.status, "cooking": booth.cooking}, **outcome.fields} == {
            "status": status, "cooking": cooking}
    plan = plan_import(layout, [(2, [booth.number, "", "也许"])], {"number": 0, "status": 1, "cooking": 2})
    assert plan.outcomes[0].kind == UNCHANGED and "也许" in plan.outcomes[0].message()


def test_files_that_are_not_exhibitor_lists_are_refused_by_name(tmp_path, monkeypatch):
    cases = {
        "map.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(200),
        "list.xlsx": b"PK\x03\x04" + bytes(100),
        "empty.csv": b"",
        "blank.csv": b"\r\n,,\r\n",
    }
    messages = {}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ExhibitorFileError) as info:
            read_table(tmp_path / name)
        messages[name] = str(info.value)
        assert name in messages[name]
    assert "binary" in messages["map.png"]
    assert "Excel" in messages["list.xlsx"]
    assert "no header" in messages["empty.csv"] and "no header" in messages["blank.csv"]
    with pytest.raises(ExhibitorFileError, match="missing.csv cannot be read"):
        read_table(tmp_path / "missing.csv")
    from planner.formats import exhibitors_csv

    big = tmp_path / "big.csv"
    big.write_bytes(exhibitor_csv(west_lake()))
    monkeypatch.setattr(exhibitors_csv, "MAX_BYTES", 1000)
    with pytest.raises(ExhibitorFileError, match="big.csv is"):
        read_table(big)


def test_an_import_needs_the_booth_number_column():
    layout = west_lake()
    table = read_table(exhibitor_csv(layout))
    with pytest.raises(ImportMappingError, match="booth numbers"):
        plan_import(layout, table.body(), {"number": None, "exhibitor": 1})


def test_import_runs_without_qt(tmp_path):
    from tests.test_qt_free import run_blocked

    path = tmp_path / "gbk.csv"
    path.write_bytes(exhibitor_csv(west_lake(), "gbk"))
    result = run_blocked(f"""
        from planner.formats import read_layout
        from planner.formats.exhibitors_csv import read_table, guess_mapping, plan_import
        layout = read_layout({str(WEST_LAKE)!r})
        table = read_table({str(path)!r})
        plan = plan_import(layout, table.body(), guess_mapping(table.header))
        print(table.encoding, plan.assigned, len(plan.unmatched))
    """, Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["gb18030", "201", "4"]


@pytest.mark.parametrize("header, number, exhibitor", [
    (["No.", "Booth No.", "Exhibitor"], 1, 2),
    (["Number", "Stand number", "Company"], 1, 2),
    (["序号", "展位号", "参展商"], 1, 2),
])
def test_a_row_count_column_never_takes_the_booth_number(header, number, exhibitor):
    mapping = guess_mapping(header)
    assert mapping["number"] == number and mapping["exhibitor"] == exhibitor


def test_a_western_windows_file_is_not_read_as_gbk():
    data = "Booth No.,Exhibitor\nA-001,Crêpes Sébastien\nA-002,Müller Bäckerei\n".encode("cp1252")
    text, codec = decode(data, "western.csv")
    assert codec == "cp1252" and "Crêpes Sébastien" in text and "Müller Bäckerei" in text


def test_a_chinese_list_with_a_latin_brand_is_still_gbk():
    rows = "".join(f"ANI-{i:03d},动漫周边{i}号店\n" for i in range(1, 60)) + "ANI-060,K记Apple\n"
    data = ("展位号,参展商\n" + rows).encode("gbk")
    text, codec = decode(data, "chinese.csv")
    assert codec == "gb18030" and "K记Apple" in text
