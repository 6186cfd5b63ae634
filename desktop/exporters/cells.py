"""The one place where exporters put a value into a spreadsheet cell.

Visitor names, companies, remarks, a bank statement's counterparty: the text in our forms is
typed by people we do not control. openpyxl turns any string that starts with ``=`` into a live
formula, so a visitor called ``=HYPERLINK("http://…","click")`` became a link in the 来访登记表
that finance opened. Every value therefore goes through :func:`write`:

* text is stored as text (cell type ``s``), never as a formula or an error value;
* text that a spreadsheet would read as a formula when someone edits the cell or copies it
  (OWASP "CSV injection": a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets the
  cell's *quote prefix* — exactly what Excel stores when a person types a leading apostrophe.
  The text stays as typed and readable (a phone number ``+86 138…`` prints as ``+86 138…``), and
  Excel and LibreOffice keep it text when the cell is edited;
* characters a workbook cannot hold (NUL and other control characters) are removed, instead of
  openpyxl refusing the whole export;
* numbers, dates and ``None`` are written as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_TEXT = 32767  # Excel's limit for one cell


def safe_text(value: object) -> str:
    """``value`` as text a workbook can hold: control characters (but tab and newlines) removed."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_TEXT]


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def write(cell: Cell, value: object) -> Cell:
    """Put ``value`` into ``cell``: numbers and dates as such, everything else as inert text."""
    if value is None or isinstance(value, (bool, int, float, Decimal, dt.date, dt.time, dt.timedelta)):
        cell.value = value
        return cell
    text = safe_text(value)
    cell.value = text
    cell.data_type = "s"  # openpyxl made "=…" a formula and "#N/A" an error; neither may happen
    cell.quotePrefix = is_formula_like(text)
    return cell


def set_cell(ws, row: int, column: int, value: object) -> Cell:
    """``ws.cell(row, column, value)``, through :func:`write`."""
    return write(ws.cell(row, column), value)


def append_row(ws, values: Iterable[object]) -> None:
    """``ws.append(values)``, through :func:`write`."""
    cells = []
    for value in values:
        cell = Cell(ws)
        write(cell, value)
        cells.append(cell)
    ws.append(cells)
