"""Details of the two interfaces that the catalogue alone does not settle: Qt's own dialogs in
Chinese, "&" in translated tab names, weekday names, approval step names and plurals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from desktop.services import applications as apps
from desktop.views import app as app_module
from desktop.views.app import install_language
from desktop.views.labels import literal
from desktop.views.schedule import weekday_name

QT_TRANSLATIONS = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


@pytest.fixture
def english():
    app = QApplication.instance()
    install_language(app, "en")
    yield app
    install_language(app, "zh_CN")


@pytest.mark.skipif(
    not (QT_TRANSLATIONS / "qtbase_zh_CN.qm").exists(), reason="this Qt ships no qtbase_zh_CN.qm"
)
def test_qt_own_dialogs_speak_chinese_in_the_chinese_interface():
    install_language(QApplication.instance(), "zh_CN")
    assert any(t.language() == "zh_CN" for t in app_module._translators)  # loaded, not only tried
    # Words of the print preview and the file dialog, from Qt's own catalogue.
    assert QCoreApplication.translate("QPrintPreviewDialog", "Print Preview") == "打印预览"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："


def test_chinese_qt_catalogue_is_gone_in_english(english):
    assert QCoreApplication.translate("QPrintPreviewDialog", "Print Preview") == "Print Preview"


def test_ampersand_in_a_translated_tab_name_is_shown(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), literal("Departments & employees"))
    # "&&" is how Qt shows one "&"; a single "&" would make "e" a shortcut and vanish.
    assert tabs.tabText(0) == "Departments && employees"
    assert literal("部门与员工") == "部门与员工"


def test_weekday_names_follow_the_interface_language(english):
    monday = dt.date(2026, 11, 23)
    assert [weekday_name(monday + dt.timedelta(days=i)) for i in (0, 6)] == ["Mon", "Sun"]
    install_language(QApplication.instance(), "zh_CN")
    assert [weekday_name(monday + dt.timedelta(days=i)) for i in (0, 6)] == ["周一", "周日"]


def test_default_step_names_go_through_the_catalogue(monkeypatch):
    seen: list[tuple[str, str]] = []

    def fake_translate(context: str, text: str, *args) -> str:
        seen.append((context, text))
        return {"部门负责人": "Department head"}.get(text, text)

    monkeypatch.setattr(apps, "translate", fake_translate)
    assert apps.step_label("部门负责人") == "Department head"
    assert ("approval_steps", "部门负责人") in seen
    assert apps.step_label("分管副总（自定义）") == "分管副总（自定义）"  # typed by the office: as typed


def test_plural_forms_take_the_number():
    widget = QWidget()
    assert widget.tr("%n 个工作日", None, 3) == "3 个工作日"
