"""QApplication set-up shared by the GUI, the screenshot command and the tests.

Loads the bundled CJK font (so Chinese renders on a machine with no Chinese fonts) and the
translation catalogues, and routes the service layer's messages through Qt's translator.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop import i18n, paths
from desktop.views import wheel_guard

_translators: list[QTranslator] = []
_font_family: str | None = None


def load_font() -> str:
    """Register the bundled font once and return its family name."""
    global _font_family
    if _font_family is None:
        font_id = QFontDatabase.addApplicationFont(str(paths.CJK_FONT))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _font_family = families[0] if families else paths.CJK_FONT_FAMILY
    return _font_family


def install_language(app: QCoreApplication, language: str) -> str:
    """Load ``language`` (zh_CN is the source language; en loads reception_en.qm)."""
    if language not in i18n.LANGUAGES:
        language = i18n.DEFAULT_LANGUAGE
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_dir)]
    if language != "zh_CN":
        candidates.append((f"reception_{language}", str(paths.TRANSLATIONS)))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English,
            QLocale.Country.China if language == "zh_CN" else QLocale.Country.UnitedStates,
        )
    )
    i18n.install(QCoreApplication.translate)
    return language


def setup_application(app: QApplication, language: str) -> str:
    family = load_font()
    font = QFont(family)
    font.setPointSize(10)
    app.setFont(font)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "接待管理"))
    wheel_guard.install(app)  # the wheel scrolls forms; it never changes an unfocused field
    return install_language(app, language)


def create_application(language: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    setup_application(app, language)
    return app
