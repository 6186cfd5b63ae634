"""Translated text shown as a literal label.

Qt reads "&" in tab, button and group-box texts as the mark of a keyboard shortcut: the English
"Departments & employees" showed as "Departments  employees" with an underlined e. Text that
comes from a translation (or the database) goes through :func:`literal` wherever Qt would.
"""

from __future__ import annotations


def literal(text: str) -> str:
    """``text`` with every "&" doubled, so Qt shows it instead of making a shortcut."""
    return text.replace("&", "&&")
