"""Chinese first, English shipped: the catalogue is complete and the UI switches language."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.services import auth
from desktop.views.app import install_language
from desktop.views.main_window import MainWindow


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="Qt linguist tools missing")
def test_english_catalogue_is_complete_and_current():
    result = subprocess.run(
        [sys.executable, str(paths.SOURCE_ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (paths.TRANSLATIONS / "reception_en.qm").exists()


def test_main_window_in_english_and_back(qtbot, demo_db):
    app = QApplication.instance()
    try:
        install_language(app, "en")
        window = MainWindow(auth.actor_by_username("qiantai"))
        qtbot.addWidget(window)
        labels = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert labels == ["Home", "Visitor desk", "Pre-registration", "Schedule", "Visitor log"]
        desk = window.views["visitors"]
        assert desk.form.submit_button.text() == "Check in (Enter)"
    finally:
        install_language(app, "zh_CN")
    window = MainWindow(auth.actor_by_username("qiantai"))
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "首页" and window.nav.item(1).text() == "来访登记"


def test_bundled_font_covers_what_forms_print():
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop.views.app import load_font

    family = load_font()
    assert family == paths.CJK_FONT_FAMILY
    metrics = QFontMetrics(QFont(family))
    for ch in "张伟来访登记表0123456789ABCxyz¥√×（）：":
        assert metrics.inFontUcs4(ord(ch)), ch
