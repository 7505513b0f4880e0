"""The Qt catalogue (planner_zh_CN.ts → .qm) is complete, and a Chinese export is Chinese.

Completeness covers the contexts of the sources in ``QT_SOURCES``: the
sheets (planner/export, planner/render) and the editor (planner/ui). When a
string is added or changed there, run ``python -m planner.i18n.extract
--update-ts``, translate the new ``<message>`` entries of
planner/i18n/planner_zh_CN.ts (drop their ``type="unfinished"``) and run
``--update-ts`` again to compile the .qm.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from planner import cli
from planner.i18n import extract

ROOT = Path(__file__).resolve().parents[2]
PLANNER = ROOT / "planner"
TS = PLANNER / "i18n" / "planner_zh_CN.ts"
QM = PLANNER / "i18n" / "planner_zh_CN.qm"
WEST_LAKE = ROOT / "layouts" / "west-lake-2018.festival.json"
CJK = re.compile(r"[\u3400-\u9fff]")
CHINESE_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff00-\uffef]")

# The folders of planner/ whose Qt strings must all be translated: the sheets and the editor.
QT_SOURCES = ("export", "render", "ui")
# Messages whose Chinese has no Chinese character to look for: placeholders, symbols and HTML only.
SAME_IN_CHINESE = {("MainWindow", "{name}[*] – {app}"), ("ExportDialog", " dpi"), ("ToolOptions", "°"),
                   ("AnalysisOverlays", "{width} < {limit}"), ("BackgroundPanel", "<b>{name}</b>"),
                   ("BackgroundPanel", "{percent} %"), ("BoothCounts", "{status} {n:,}"),
                   ("ImportDialog", "{heading} → {field}"), ("Status", "“{name}”"),
                   ("BoothCounts", "{n:,}")}
# The editor's contexts, each of which must reach the catalogue.
UI_CONTEXTS = {"Actions", "AnalysisOverlays", "AnalysisStatus", "BackgroundPanel", "BoothCounts", "BoothTable",
               "BoothTablePanel", "Editing", "ExportDialog", "FileActions", "FindingsPanel", "Fonts", "ImportDialog",
               "ImportExhibitors", "Layers", "LayersPanel", "Legend", "LiveAnalysis", "MainWindow", "NumberingDialog",
               "Numbers", "PreferencesDialog", "Properties", "ReportDialog", "ScaleBar", "ScenariosPanel",
               "SiteImage", "Status", "StatusBar", "ToolOptions", "Tools"}
# Qt's own contexts, for the words of Qt's dialogs its catalogue lacks (planner/ui/qt_words.py).
QT_GAP_CONTEXTS = {"QFileDialog", "QAbstractFileIconProvider"}
ACCELERATOR = re.compile(r"&(?!&)(\w)")


def source_files() -> list[Path]:
    return extract.qt_files(PLANNER, QT_SOURCES)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> list[tuple[str, str, str, str]]:
    """The committed .ts brought up to date with the sources by pyside6-lupdate, in a temporary copy."""
    ts = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, ts)
    extract.run_lupdate(ts, source_files())
    return extract.qt_messages(ts)


def noop_aliases(tree: ast.Module) -> set[str]:
    """Names bound to QT_TRANSLATE_NOOP in a module (``_A = QT_TRANSLATE_NOOP``)."""
    return {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Name) and node.value.id == "QT_TRANSLATE_NOOP"
            for target in node.targets if isinstance(target, ast.Name)}


def literal_qt_strings() -> set[tuple[str, str]]:
    """(context, source) of every literal Qt message, by ast.

    translate("Context", "…"), QT_TRANSLATE_NOOP and its aliases with literals, and
    ``self.tr("…")`` in a class (its context is the class's name).
    """
    found = set()
    for path in source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {"translate", "QT_TRANSLATE_NOOP", *noop_aliases(tree)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if func not in names:
                continue
            context, text = (a.value if isinstance(a, ast.Constant) else None for a in node.args[:2])
            if isinstance(context, str) and isinstance(text, str):
                found.add((context, text))
        for cls in ast.walk(tree):
            if not isinstance(cls, ast.ClassDef):
                continue
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                        and isinstance(node.func.value, ast.Name) and node.func.value.id == "self"
                        and node.args and isinstance(node.args[0], ast.Constant)
                        and isinstance(node.args[0].value, str)):
                    found.add((cls.name, node.args[0].value))
    return found


def test_lupdate_is_told_every_alias():
    """lupdate sees QT_TRANSLATE_NOOP under another name only when extract.NOOP_ALIASES names it."""
    assert extract.QT_FOLDERS == QT_SOURCES
    for path in source_files():
        unknown = noop_aliases(ast.parse(path.read_text(encoding="utf-8"))) - set(extract.NOOP_ALIASES)
        assert not unknown, f"{path.relative_to(ROOT)}: add {sorted(unknown)} to extract.NOOP_ALIASES"


def test_lupdate_finds_every_qt_string(regenerated):
    """What lupdate collects is what the code translates (a new alias lupdate cannot see would fail here)."""
    messages = {(ctx, source) for ctx, source, _, _ in regenerated}
    in_code = literal_qt_strings()
    assert len(in_code) > 500
    assert in_code <= messages, sorted(in_code - messages)
    assert {ctx for ctx, _ in messages} == {"Export", "Names"} | UI_CONTEXTS | QT_GAP_CONTEXTS
    assert ("Export", "Legend") in messages
    assert {("Actions", "&File"), ("Actions", "Pre&ferences…"), ("Properties", " m"),
            ("PreferencesDialog", "&Language:"), ("Fonts", "Missing Fonts")} <= messages
    assert sum(1 for ctx, _ in messages if ctx in UI_CONTEXTS | {"Names"}) > 400   # the editor shows the shared names too


def translate_wrappers() -> dict[str, set[str]]:
    """Functions that pass their argument to translate() under a fixed context: name → contexts.

    ``def translate(text): return QCoreApplication.translate("Legend", text)`` hides a literal
    ``translate("Booths by status")`` from lupdate unless the literal is also marked elsewhere.
    """
    wrappers: dict[str, set[str]] = {}
    for path in source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                     and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                     for target in node.targets if isinstance(target, ast.Name)}
        for fn in tree.body:
            if not isinstance(fn, ast.FunctionDef):
                continue
            params = {a.arg for a in fn.args.args}
            for node in ast.walk(fn):
                if (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "translate"
                        and len(node.args) >= 2 and isinstance(node.args[1], ast.Name) and node.args[1].id in params):
                    context = node.args[0]
                    name = (context.value if isinstance(context, ast.Constant)
                            else constants.get(getattr(context, "id", "")))
                    if isinstance(name, str):
                        wrappers.setdefault(fn.name, set()).add(name)
    return wrappers


def test_no_literal_hides_from_lupdate_behind_a_wrapper(regenerated):
    """A literal passed to a one-argument translate wrapper must reach the catalogue some other way."""
    messages = {(ctx, source) for ctx, source, _, _ in regenerated}
    wrappers = translate_wrappers()
    assert "Actions" in wrappers.get("translate", set())     # planner/ui/actions.py's, at least
    hidden = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                continue
            contexts = wrappers.get(node.func.id, set())
            if contexts and not any((ctx, node.args[0].value) in messages for ctx in contexts):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.args[0].value!r}")
    assert not hidden, ("lupdate cannot see these (write QCoreApplication.translate(context, text)):\n"
                        + "\n".join(hidden))


def test_the_editor_does_not_use_the_core_catalogue():
    """planner.i18n's tr()/ntr() in planner/ui would look in core_zh_CN.json, whose extractor skips the editor:
    such a message is never collected, so it stays English. The editor translates through Qt."""
    offenders = []
    for path in extract.qt_files(PLANNER, ("ui",)):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "planner.i18n":
                core = {alias.name for alias in node.names} & set(extract.CORE_FUNCTIONS)
                if core:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {sorted(core)}")
    assert not offenders, offenders


def test_every_qt_string_has_a_finished_chinese_translation(regenerated):
    missing = [f"{ctx}: {source!r}" for ctx, source, text, kind in regenerated if kind or not text.strip()]
    assert not missing, ("unfinished in planner_zh_CN.ts (python -m planner.i18n.extract --update-ts, translate, "
                         "run it again):\n" + "\n".join(missing))


def test_qt_translations_keep_placeholders_and_are_chinese(regenerated):
    for ctx, source, text, _ in regenerated:
        assert extract.placeholders(text) == extract.placeholders(source), (source, text)
        if (ctx, source) not in SAME_IN_CHINESE:
            assert CJK.search(text) or CHINESE_PUNCTUATION.search(text), (source, text)   # "SHA-256：{checksum}"


def test_chinese_accelerators_follow_the_english_in_brackets(regenerated):
    """A menu entry or label with an accelerator keeps one, written the Chinese way: "文件(&F)", "打开(&O)…"."""
    for ctx, source, text, _ in regenerated:
        if ";;" in source:                                      # file dialog filters, no accelerator
            continue
        english = ACCELERATOR.findall(source)
        chinese = ACCELERATOR.findall(text)
        assert len(chinese) == len(english), (ctx, source, text)
        if english:
            assert re.search(r"\(&\w\)(…|：)?$", text), (ctx, source, text)
            assert chinese[0].upper() == english[0].upper(), (ctx, source, text)


def test_units_are_written_in_chinese(regenerated):
    """Metres, square metres, persons per square metre, seconds: 米, 平方米, 人/平方米, 秒."""
    units = {source: text for ctx, source, text, _ in regenerated if ctx in ("Properties", "ToolOptions")}
    assert units[" m"] == " 米"
    assert units[" /m²"] == " 人/平方米"
    assert units[" m/s"] == " 米/秒"
    assert units[" s"] == " 秒"
    for ctx, source, text, _ in regenerated:
        if ctx in UI_CONTEXTS:
            assert not re.search(r"\d\}? ?m\b|m²", text), (ctx, source, text)


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    qm = tmp_path / QM.name
    extract.run_lrelease(TS, qm)
    assert qm.read_bytes() == QM.read_bytes(), "run python -m planner.i18n.extract --update-ts to rebuild the .qm"


def test_no_qt_string_is_translated_at_import_time():
    early = []
    for path in source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        deferred = extract._deferred_nodes(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and id(node) not in deferred and (
                    getattr(node.func, "attr", None) == "translate" or getattr(node.func, "id", None) == "translate"):
                early.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not early, f"translated before the translators are installed (use QT_TRANSLATE_NOOP): {early}"


def test_install_translators_switches_the_export_strings(qapp):
    from PySide6.QtCore import QCoreApplication

    from planner.i18n import language
    from planner.i18n.qt import install_translators, remove_translators

    installed = install_translators(qapp, "zh_CN")
    assert any(Path(p).name == QM.name for p in installed)
    assert any(Path(p).name.startswith(("qt_zh_CN", "qtbase_zh_CN")) for p in installed)
    assert QCoreApplication.translate("Export", "Legend") == "图例"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"   # Qt's own words too
    assert install_translators(qapp, "zh_CN") == installed                    # a second call changes nothing
    assert language() == "zh_CN"                                              # the core follows
    assert install_translators(qapp, "en") == []
    assert QCoreApplication.translate("Export", "Legend") == "Legend"
    remove_translators()


# -- a Chinese PDF -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def chinese_pdf(qapp, tmp_path_factory) -> Path:
    from planner.i18n import set_language
    from planner.i18n.qt import remove_translators

    out = tmp_path_factory.mktemp("pdf") / "west-lake-zh.pdf"
    try:
        assert cli.main(["export", str(WEST_LAKE), "-o", str(out), "--exhibitor-index", "--lang", "zh_CN"]) == 0
    finally:
        set_language("en")
        remove_translators()
    return out


def pdf_pages(pdf: Path) -> list[str]:
    assert shutil.which("pdftotext"), "pdftotext is missing: install poppler-utils"
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=120).stdout
    return [re.sub(r"[ \t]+", " ", page) for page in text.split("\f") if page.strip()]


def test_the_title_block_and_legend_are_chinese(chinese_pdf):
    first = pdf_pages(chinese_pdf)[0]
    for label in ("图例", "展区", "展位", "可租", "已预订", "已售", "出入口", "入口", "出口", "设施", "卫生间",
                  "紧急集合点", "地物", "水域", "总图：整个场地", "参展商平面图", "比例", "版本", "打印日期",
                  "第 1 张，共", "（A3 图纸）", "请勿选择“适合页面”", "北", "米"):
        assert label in first, label
    assert "2018年9月13日至16日" in first                       # the event's dates, written the Chinese way
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", first.split("打印日期", 1)[1])   # and the printing date
    for english in ("Legend", "Revision", "Printed", "Scale", "Sheet", "Zones", "Booths", "Entrance", "Overview",
                    "Assembly point", "September"):
        assert english not in first, english


def test_sheet_titles_index_and_analysis_are_chinese(chinese_pdf):
    pages = pdf_pages(chinese_pdf)
    text = "\n".join(pages)
    assert "图纸 " in pages[0]                                   # the overview's sheet references
    for label in ("展位索引（按编号）", "展位索引（按参展商）", "编号", "参展商", "尺寸"):
        assert label in text, label
    analysis = pages[-1]
    for label in ("人流分析", "布局：Maker Festival 2018 – West Lake，版本 7。", "概要", "没有错误，也没有警告。",
                  "可通行面积", "疏散时间（上限 8 分 0 秒）", "检查结果", "各出口疏散情况", "净宽", "全部撤离用时",
                  "高峰时各展区密度", "服务水平", "设置与方法", "人/平方米", "审核与批准", "签名"):
        assert label in analysis, label
    for english in ("Crowd-flow analysis", "Egress per exit", "Level of service", "Signature", "persons", " min "):
        assert english not in text, english


def test_english_exports_stay_english_afterwards(chinese_pdf, qapp, tmp_path):
    """The translators follow --lang per export: a later English export is English again."""
    out = tmp_path / "west-lake-en.pdf"
    assert cli.main(["export", str(WEST_LAKE), "-o", str(out), "--sheets", "overview", "--lang", "en"]) == 0
    first = pdf_pages(out)[0]
    assert "Legend" in first and "图例" not in first
