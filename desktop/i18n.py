"""Translation hook for code that must not import Qt.

Services, exporters and the CLI raise messages users read, but the layering rule keeps Qt out of
them. They call :func:`translate` with a context and a Simplified-Chinese source text (the source
language of this program); ``pyside6-lupdate`` finds those calls like any ``tr()``. The GUI
installs ``QCoreApplication.translate`` at start-up so the same strings appear in English when the
English catalogue is loaded; without a GUI the Chinese source text is returned.
"""

from __future__ import annotations

from collections.abc import Callable

_impl: Callable[[str, str], str] | None = None

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


def install(fn: Callable[[str, str], str] | None) -> None:
    global _impl
    _impl = fn


def translate(context: str, text: str) -> str:
    if _impl is None:
        return text
    return _impl(context, text)
