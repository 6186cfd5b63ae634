"""Translation hook for code that must not import Qt.

Services, exporters and the CLI raise messages users read, but the layering rule keeps Qt out of
them. They call :func:`translate` with a context and a Simplified-Chinese source text (the source
language of this program); ``pyside6-lupdate`` finds those calls like any ``tr()``. The GUI
installs ``QCoreApplication.translate`` at start-up so the same strings appear in English when the
English catalogue is loaded; without a GUI the Chinese source text is returned.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_impl: Callable[[str, str], str] | None = None
# Set while an official form is written: those are Chinese forms whatever language the window
# speaks. A context variable, so an export on a worker thread never turns the window Chinese.
_source_only: contextvars.ContextVar[bool] = contextvars.ContextVar("source_only", default=False)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


def install(fn: Callable[[str, str], str] | None) -> None:
    global _impl
    _impl = fn


def translate(context: str, text: str) -> str:
    if _impl is None or _source_only.get():
        return text
    return _impl(context, text)


@contextmanager
def source_language() -> Iterator[None]:
    """Inside, :func:`translate` returns the Chinese source text (labels of codes on a form)."""
    token = _source_only.set(True)
    try:
        yield
    finally:
        _source_only.reset(token)


def chinese_form(fn):
    """Decorate an exporter's entry point: every label it derives from a code is Chinese."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with source_language():
            return fn(*args, **kwargs)

    return wrapper
