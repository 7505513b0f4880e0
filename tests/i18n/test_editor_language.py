"""The editor in Chinese: its menus, the Language preference (QSettings) and the font warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt

from planner.i18n import fonts
from tests.factories import small_layout


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    """Settings in a temporary folder under a test organisation; no autosave in the user's folders."""
    from PySide6.QtCore import QCoreApplication

    from planner.ui import autosave

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    organisation, application = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("Festival Floor Planner Tests")
    QCoreApplication.setApplicationName("language-tests")
    monkeypatch.setattr(autosave, "directory", tmp_path / "autosave")
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    yield tmp_path / "settings"
    QCoreApplication.setOrganizationName(organisation)
    QCoreApplication.setApplicationName(application)
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def chinese_window(qapp, qtbot):
    from planner.ui.app import set_up_language
    from planner.ui.main_window import MainWindow

    assert set_up_language(qapp, "zh_CN") == "zh_CN"
    win = MainWindow(small_layout())
    qtbot.addWidget(win)
    return win


def test_menus_and_actions_are_chinese(chinese_window):
    win = chinese_window
    titles = [win.menus[key].title() for key in ("file", "edit", "arrange", "view", "tools", "help")]
    assert titles == ["文件(&F)", "编辑(&E)", "排列(&A)", "视图(&V)", "工具(&T)", "帮助(&H)"]
    assert win.actions["open"].text() == "打开(&O)…"
    assert win.actions["save_as"].text() == "另存为(&A)…"
    assert win.actions["tool_booth"].text() == "放置展位(&H)"
    assert win.actions["preferences"].text() == "首选项(&F)…"
    assert win.actions["open"].toolTip().startswith("打开布局文件")
    assert win.docks["properties"].windowTitle() == "属性"
    assert win.windowTitle().endswith("节庆市集平面规划")
    assert win.recent_menu.title() == "最近打开(&R)"


def test_layout_text_is_never_translated(chinese_window, qtbot):
    """Zone names, exhibitors and booth numbers are the organiser's: shown as typed."""
    win = chinese_window
    win.selection.set(["anime"])
    from PySide6.QtWidgets import QLineEdit

    names = [e.text() for e in win.properties.findChildren(QLineEdit)]
    assert "Anime · 动漫" in names


def test_units_in_the_properties_panel_are_chinese(chinese_window):
    from PySide6.QtWidgets import QDoubleSpinBox

    win = chinese_window
    win.selection.set(["b-1"])
    suffixes = {box.suffix() for box in win.properties.findChildren(QDoubleSpinBox) if box.isVisibleTo(win.properties)}
    assert " 米" in suffixes and " m" not in suffixes


def test_the_language_setting_persists(qapp, qtbot, private_settings):
    from planner.ui.preferences import LANGUAGE_KEY, PreferencesDialog, saved_language, startup_language

    assert saved_language() is None
    assert startup_language() == "en"                               # the system's (no Chinese locale here)
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == ""                # follows the system until chosen
    assert [dialog.language_combo.itemText(i) for i in (1, 2)] == ["English", "简体中文"]
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.accept()
    assert QSettings().value(LANGUAGE_KEY) == "zh_CN"
    assert list(private_settings.rglob("*.ini"))                    # written to the temporary folder
    assert startup_language() == "zh_CN"                            # applied on the next start
    assert startup_language("en") == "en"                           # --lang wins
    again = PreferencesDialog()
    qtbot.addWidget(again)
    assert again.language_combo.currentData() == "zh_CN"
    again.language_combo.setCurrentIndex(0)
    again.accept()
    assert saved_language() is None and QSettings().value(LANGUAGE_KEY) is None


def test_the_system_locale_is_the_default(qapp, monkeypatch):
    from planner.ui.app import set_up_language

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert set_up_language(qapp) == "zh_CN"
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("Actions", "&File") == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    from planner.ui.preferences import save_language

    save_language("en")
    assert set_up_language(qapp) == "en"
    assert QCoreApplication.translate("Actions", "&File") == "&File"


def test_preferences_dialog_is_chinese_and_says_when_it_applies(qapp, qtbot):
    from PySide6.QtWidgets import QLabel

    from planner.ui.app import set_up_language
    from planner.ui.preferences import PreferencesDialog

    set_up_language(qapp, "zh_CN")
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "首选项"
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "新的语言将在下次启动规划器时生效。" in texts
    assert dialog.language_combo.itemText(0) == "跟随系统"


def test_the_editor_command_takes_lang(qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication

    from planner import cli

    shot = tmp_path / "zh.png"
    assert cli.main(["--lang", "zh_CN", "--screenshot", str(shot)]) == 0
    assert shot.stat().st_size > 10_000
    assert QCoreApplication.translate("Actions", "&File") == "文件(&F)"
    assert qapp.applicationDisplayName() == "节庆市集平面规划"


# -- fonts ---------------------------------------------------------------------------------------------

def test_labels_without_glyphs_are_found():
    assert fonts.missing_characters("Anime · 动漫", families=("A font that does not exist",)) in ("", "动漫")
    assert fonts.unsupported_labels(["abc"]) == []
    labels = fonts.layout_labels(small_layout())
    assert "Anime · 动漫" in labels and "Test Market" in labels


@pytest.fixture
def no_cjk_font(monkeypatch):
    """A system without Chinese fonts, without uninstalling any: the label font lacks every ideograph."""
    monkeypatch.setattr(fonts, "cjk_font_installed", lambda: False)
    monkeypatch.setattr(fonts, "supports_character", lambda char, families=None: ord(char) < 0x2E80)


def test_no_chinese_font_is_said_once_and_names_the_package(qapp, qtbot, no_cjk_font):
    from planner.ui.app import FontCheck
    from planner.ui.main_window import MainWindow

    win = MainWindow(small_layout())
    qtbot.addWidget(win)
    check = FontCheck(qapp)
    told = check.check(win)
    assert len(told) == 2
    assert "fonts-noto-cjk" in told[0]
    assert "Anime · 动漫" in told[1] and "Gourmet · 美食" in told[1] and "Test Market" not in told[1]
    box = check.shown[-1]
    assert box.isVisible() and box.windowModality() == Qt.WindowModality.NonModal    # never blocks
    assert "fonts-noto-cjk" in box.text()
    assert check.check(win) == []                                   # the same layout: not again
    other = MainWindow(small_layout())
    qtbot.addWidget(other)
    told = check.check(other)
    assert len(told) == 1 and "fonts-noto-cjk" not in told[0]       # the missing font is said once
    for b in list(check.shown):
        b.close()


def test_a_layout_the_font_draws_gives_no_warning(qapp, qtbot, monkeypatch):
    from planner.ui.app import FontCheck
    from planner.ui.main_window import MainWindow

    monkeypatch.setattr(fonts, "cjk_font_installed", lambda: True)
    monkeypatch.setattr(fonts, "supports_character", lambda char, families=None: True)
    win = MainWindow(small_layout())
    qtbot.addWidget(win)
    check = FontCheck(qapp)
    assert check.check(win) == [] and check.shown == []


def test_the_chinese_warning_is_chinese(qapp, qtbot, no_cjk_font):
    from planner.ui.app import FontCheck, set_up_language
    from planner.ui.main_window import MainWindow

    set_up_language(qapp, "zh_CN")
    win = MainWindow(small_layout())
    qtbot.addWidget(win)
    told = FontCheck(qapp).check(win)
    assert "sudo apt-get install fonts-noto-cjk" in told[0] and "中文字体" in told[0]
    assert "“Anime · 动漫”（缺少 动 漫）" in told[1]


def test_installed_fonts_draw_the_west_lake_labels(qapp):
    """On this machine (fonts-noto-cjk installed) the real check finds every label drawable."""
    from planner.formats.layout_json import read_layout

    if not fonts.cjk_font_installed():
        pytest.skip("no Chinese font installed here")
    layout = read_layout(Path(__file__).resolve().parents[2] / "layouts" / "west-lake-2018.festival.json")
    assert fonts.unsupported_labels(fonts.layout_labels(layout)) == []


def test_qt_file_dialog_words_missing_from_qts_catalogue_are_chinese(qapp):
    """Qt 6.11's "&Look in:" is not in qtbase_zh_CN.qm; ours supplies it (planner/ui/qt_words.py)."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    from planner.ui.app import set_up_language

    set_up_language(qapp, "zh_CN")
    dialog = QFileDialog(None, "打开布局", str(Path(__file__).parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    dialog.deleteLater()
