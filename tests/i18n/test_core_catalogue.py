"""The Qt-free core speaks Chinese: every message has a translation, and the commands print it.

The messages are found by ``planner.i18n.extract`` (the ast of every core
module), so a new ``tr("…")`` without a line in ``core_zh_CN.json`` fails
here; ``python -m planner.i18n.extract --update`` adds it for translation.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from planner import cli
from planner.formats import read_layout
from planner.i18n import extract, ntr, set_language, tr
from planner.solver.rules import RULE_ORDER

ROOT = Path(__file__).resolve().parents[2]
WEST_LAKE = ROOT / "layouts" / "west-lake-2018.festival.json"
CROWDED = ROOT / "layouts" / "examples" / "crowded.festival.json"
CJK = re.compile(r"[\u3400-\u9fff]")
# Words of the planner's own that may stay Latin inside Chinese text: the --json option, argparse's
# LAYOUT metavar, a level of service letter, units Chinese readers write in Latin letters.
LATIN_ALLOWED = {"json", "id", "MB", "dpi", "pt", "PNG", "PDF", "SVG", "CSV", "GeoJSON"}


@pytest.fixture(scope="module")
def scan() -> extract.Scan:
    return extract.scan()


@pytest.fixture(scope="module")
def catalogue() -> dict[str, str]:
    return extract.load_catalogue("zh_CN")


# -- the catalogue ---------------------------------------------------------------------------

def test_the_extractor_finds_the_core_messages(scan):
    texts = set(scan.texts())
    assert len(texts) > 150
    for expected in (
        "Aisle between {a} and {b} is {width} m wide; the minimum is {limit} m.",    # solver
        "{minutes} min {seconds} s",                                                # solver.rules.duration
        "Move {n} booth", "Move {n} booths",                                        # model.edits, both forms
        "{path}: expected a positive number, got {got}",                            # through layout_json._fail
        "Could not write {file}: the disk is full.",                                # export.files
        "print the report as JSON",                                                 # cli help
        "Visitors at peak: {n}",                                                    # summary
    ):
        assert expected in texts, expected
    assert not any(m.file.startswith(("planner/ui/", "planner/i18n/")) for m in scan.messages)


def test_every_core_message_has_a_chinese_translation(scan, catalogue):
    missing = [f"{m.file}:{m.line}: {m.text}" for m in scan.messages if not catalogue.get(m.text)]
    assert not missing, ("untranslated (run python -m planner.i18n.extract --update, then translate "
                         "planner/i18n/core_zh_CN.json):\n" + "\n".join(missing))


def test_translations_keep_every_placeholder(catalogue):
    broken = [f"{source!r} → {text!r}" for source, text in catalogue.items()
              if extract.placeholders(source) != extract.placeholders(text)]
    assert not broken, "\n".join(broken)


# Names written the same way in Chinese: the text encodings a CSV file is read with.
SAME_IN_CHINESE = {"UTF-8", "GBK (GB18030)", "UTF-16", "“{name}”"}   # a name in quotes reads alike


def test_translations_are_chinese(catalogue):
    # A few messages are all placeholders ("{file}: {problem}"); everything else has Chinese in it.
    words = [s for s, t in catalogue.items() if re.sub(r"\{[^}]*\}", "", s).strip(" :,.;()[]") and not CJK.search(t)
             and s not in SAME_IN_CHINESE]
    assert not words, words


def test_the_catalogue_holds_no_obsolete_messages(scan, catalogue):
    stale = sorted(set(catalogue) - set(scan.texts()))
    assert not stale, stale


def test_messages_are_literal_and_built_after_set_language(scan):
    assert not scan.dynamic, f"tr()/ntr() given a non-literal message: {scan.dynamic}"
    assert not scan.import_time, f"messages translated at import time, before set_language: {scan.import_time}"
    assert extract.problems("zh_CN", scan) == []


def test_the_extractor_reports_what_a_catalogue_cannot_cover(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(textwrap.dedent('''
        from planner.i18n import ntr, tr as _t

        TITLE = _t("Built at import")                       # too early for set_language

        def fail(template, value):
            return _t(template, value=value)                 # a wrapper: its callers' literals count

        def use(n):
            fail("Bad value {value}", 3)
            name = str(n)
            _t(name)                                         # nothing to look up
            fail(name, 4)                                    # nor here
            return ntr("{n} cat", "{n} cats", n), (lambda: _t("Later"))()
    '''), encoding="utf-8")
    found = extract.scan([source], root=tmp_path)
    assert found.texts() == ["Built at import", "Bad value {value}", "{n} cat", "{n} cats", "Later"]
    assert [m.plural for m in found.messages if m.text.startswith("{n}")] == [False, True]
    assert sorted((f, fn) for f, _, fn in found.dynamic) == [("sample.py", "_t"), ("sample.py", "fail")]
    assert [t for _, _, t in found.import_time] == ["Built at import"]


def test_placeholders_compare_names_and_formats():
    assert extract.placeholders("{b} and {a:.0f}") == ["a:.0f", "b"]
    assert extract.placeholders("{a} {a}") == ["a", "a"]
    assert extract.placeholders("no fields") == []


def test_the_extraction_tool_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "planner.i18n.extract", "--check"], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problems" in result.stdout


def test_the_catalogue_ships_in_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["planner.i18n"]
    folder = ROOT / "planner" / "i18n"
    for name in ("core_zh_CN.json", "planner_zh_CN.qm", "planner_zh_CN.ts"):
        assert (folder / name).exists(), name
        assert any(Path(name).match(p) for p in patterns), (name, patterns)


# -- the helpers ------------------------------------------------------------------------------

def test_tr_and_ntr_follow_set_language():
    from planner.model.edits import MoveObjects, RemoveObjects
    from tests.factories import small_layout

    layout = small_layout()
    assert set_language("zh_CN") == "zh_CN"
    assert tr("{minutes} min {seconds} s", minutes=4, seconds=35) == "4 分 35 秒"
    assert ntr("{n} booth", "{n} booths", 1) == ntr("{n} booth", "{n} booths", 1) == "1 个展位"
    assert ntr("{n} booth", "{n} booths", 12) == "12 个展位"
    assert MoveObjects(layout, ["b-1", "b-2"], 1, 0).label == "移动 2 个展位"
    assert RemoveObjects(layout, ["b-1"]).label == "删除 1 个展位"
    set_language("en")
    assert MoveObjects(layout, ["b-1"], 1, 0).label == "Move 1 booth"
    assert RemoveObjects(layout, ["b-1", "b-2"]).label == "Delete 2 booths"


def test_a_chinese_locale_is_the_default(monkeypatch):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert set_language(None) == "zh_CN"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert set_language(None) == "en"


def test_layout_file_errors_are_chinese(tmp_path):
    set_language("zh_CN")
    bad = tmp_path / "bad.festival.json"
    bad.write_text('{"format": "festival-planner/layout", "version": 1,}', encoding="utf-8")
    with pytest.raises(Exception) as caught:
        read_layout(bad)
    assert str(caught.value) == "bad.festival.json：文件不是有效的 JSON：请删除第 1 行第 51 列右括号前的逗号。"
    bad.write_text('{"format": "festival-planner/layout" "version": 1}', encoding="utf-8")
    with pytest.raises(Exception) as caught:
        read_layout(bad)
    assert "缺少逗号分隔符" in str(caught.value) and "Expecting" not in str(caught.value)


# -- the commands ------------------------------------------------------------------------------

def layout_words(path: Path) -> list[str]:
    """Every text the organiser wrote in a layout: it stays as written, in whatever language."""
    layout = read_layout(path)
    words = [layout.name, layout.event.venue, layout.event.organiser, layout.event.revision]
    for obj in [*layout.zones, *layout.gates, *layout.obstacles, *layout.amenities, *layout.booths]:
        words += [obj.id, getattr(obj, "name", ""), getattr(obj, "number", ""), getattr(obj, "exhibitor", "")]
    return sorted({w for w in words if w}, key=len, reverse=True)


def leftover_english(text: str, path: Path) -> list[str]:
    """Latin words in ``text`` that are neither the layout's own text nor rule names."""
    for word in [*layout_words(path), *RULE_ORDER]:
        text = text.replace(word, " ")
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in LATIN_ALLOWED]


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path", [WEST_LAKE, CROWDED], ids=["west-lake", "crowded"])
def test_check_reports_in_chinese(capsys, path):
    code, out, err = run_cli(capsys, "check", str(path), "--lang", "zh_CN")
    assert code == (1 if path == CROWDED else 0), err
    assert not leftover_english(out, path), leftover_english(out, path)
    for word in ("Egress", "visitors", "persons", "Errors", "Warnings", "min ", "limit", "bottleneck"):
        assert word not in out, word
    lines = out.splitlines()
    findings = [line for line in lines if line.startswith("  ") and line.split("：")[0].strip() in RULE_ORDER]
    if path == CROWDED:
        assert {f.split("：")[0].strip() for f in findings} == set(RULE_ORDER)
        assert "错误（" in out and "警告（" in out
    for line in lines[1:]:                    # every line after the layout's name, findings included
        if line.strip():
            assert CJK.search(line.replace(read_layout(path).name, "")) or re.fullmatch(r"[\s\d.,:→()-]+", line), line
    assert "疏散：" in out and "分" in out and "秒" in out and "人/平方米" in out


def test_every_rule_fires_in_the_crowded_example(capsys):
    """The crowded example is what makes the line-by-line check above cover every finding message."""
    _, out, _ = run_cli(capsys, "check", str(CROWDED), "--json", "--lang", "en")
    assert {f["rule"] for f in json.loads(out)["findings"]} == set(RULE_ORDER)


def test_check_json_keys_and_rules_stay_english(capsys):
    _, english, _ = run_cli(capsys, "check", str(CROWDED), "--json", "--lang", "en")
    _, chinese, _ = run_cli(capsys, "check", str(CROWDED), "--json", "--lang", "zh_CN")
    en, zh = json.loads(english), json.loads(chinese)

    def keys(value) -> list:
        if isinstance(value, dict):
            return sorted(value) + [k for v in value.values() for k in keys(v)]
        if isinstance(value, list):
            return [k for v in value for k in keys(v)]
        return []

    assert keys(zh) == keys(en)
    assert [f["rule"] for f in zh["findings"]] == [f["rule"] for f in en["findings"]]
    assert [f["severity"] for f in zh["findings"]] == [f["severity"] for f in en["findings"]]
    assert [f["objects"] for f in zh["findings"]] == [f["objects"] for f in en["findings"]]
    assert zh["summary"] == en["summary"] and zh["egress"] == en["egress"]
    for finding in zh["findings"]:
        assert CJK.search(finding["message"]), finding
        assert not leftover_english(finding["message"], CROWDED), finding["message"]


def test_info_is_chinese(capsys):
    code, out, _ = run_cli(capsys, "info", str(WEST_LAKE), "--lang", "zh_CN")
    assert code == 0
    assert "日期：2018年9月13日至16日" in out
    assert "场地面积：182,000 平方米" in out
    assert "241 个展位（" in out and "已售" in out
    assert "8 个出入口，净宽合计 100.0 米" in out
    assert "高峰游客人数：22,000" in out
    assert not leftover_english(out, WEST_LAKE), leftover_english(out, WEST_LAKE)


def test_route_is_chinese_and_its_json_is_not(capsys):
    args = ("route", str(WEST_LAKE), "Broken Bridge Gate", "Anime")
    code, out, _ = run_cli(capsys, *args, "--lang", "zh_CN")
    assert code == 0
    first = out.splitlines()[0]
    assert re.fullmatch(r"[\d,.]+ 米，按 1\.2 米/秒步行需 (\d+ 分 )?\d+ 秒", first), first
    assert not leftover_english(out, WEST_LAKE)
    _, en, _ = run_cli(capsys, *args, "--json", "--lang", "en")
    _, zh, _ = run_cli(capsys, *args, "--json", "--lang", "zh_CN")
    assert json.loads(zh) == json.loads(en)
    code, _, err = run_cli(capsys, "route", str(WEST_LAKE), "nowhere at all", "Anime", "--lang", "zh_CN")
    assert code == 2 and "“nowhere at all”既不是坐标" in err


def test_errors_and_help_are_chinese(capsys, tmp_path):
    code, _, err = run_cli(capsys, "check", str(tmp_path / "missing.festival.json"), "--lang", "zh_CN")
    assert code == 2 and err.strip().endswith("missing.festival.json 不存在。")
    code, _, err = run_cli(capsys, "chek", "x", "--lang", "zh_CN")
    assert code == 2 and "chek 既不是命令，也不是布局文件；可用的命令有 info、check、route、export。" in err
    code, _, err = run_cli(capsys, "export", str(WEST_LAKE), "-o", str(tmp_path / "x.doc"), "--lang", "zh_CN")
    assert code == 2 and "x.doc：文件名必须以 .pdf、.png、.svg、.csv 或 .geojson 结尾。" in err
    with pytest.raises(SystemExit):
        cli.main(["check", "--help", "--lang", "zh_CN"])
    out = capsys.readouterr().out
    assert "分析人流是否通畅" in out and "以 JSON 格式输出报告" in out and "消息所用的语言" in out


def test_a_chinese_system_locale_needs_no_option(tmp_path):
    """No --lang: the locale decides, in a fresh process where nothing was imported before."""
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "PYTHONPATH": str(ROOT)}
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(var, None)
    result = subprocess.run([sys.executable, "-m", "planner", "check", str(CROWDED)], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "展位 FD-102 没有开放面。" in result.stdout
    english = subprocess.run([sys.executable, "-m", "planner", "check", str(CROWDED), "--lang", "en"],
                             capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert "Booth FD-102 has no open side." in english.stdout and "没有开放面" not in english.stdout
