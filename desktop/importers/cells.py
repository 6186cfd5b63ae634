"""Reading one cell: amounts, dates, invoice codes and plain text as finance's files write them,
one cell at a time (:func:`parse_amount`, :func:`parse_date`, :func:`code_text`) and a whole
column at a time (:func:`amounts`, :func:`dates`, :func:`codes`, :func:`texts`).

The column forms exist for speed: a 100,000-line invoice list has 700,000 cells to read, and a
function call per cell was most of the preview's time. Each returns exactly what the one-cell
function returns for every value — fast paths only for the common types, everything else goes
through the one-cell function — and the row positions whose cell could not be read (or whose
code lost digits), which :mod:`desktop.importers.tabular` then reads again cell by cell to word
the problem.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

_AMOUNT_JUNK = re.compile(r"[¥￥$,，\s]|元|rmb|cny", re.IGNORECASE)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
EXCEL_EPOCH = dt.date(1899, 12, 30)
_CENT = Decimal("0.01")


def parse_amount(value: object) -> Decimal | None:
    """Numbers and text such as "¥1,234.50", "1,234.50元", "(1,234.50)", "-1234.5"; "" and "-" are empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, Decimal)):
        return Decimal(value).quantize(_CENT)
    if isinstance(value, float):
        return Decimal(repr(value)).quantize(_CENT)
    text = str(value).strip().replace("−", "-").replace("－", "-")
    if text in ("-", "--", "—", "/"):
        return None
    negative = text.startswith("(") and text.endswith(")") or text.startswith("（") and text.endswith("）")
    text = _AMOUNT_JUNK.sub("", text.strip("()（）"))
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(value) from None
    return (-amount if negative else amount).quantize(_CENT)


def parse_date(value: object) -> dt.date | None:
    """Real dates, Excel serial numbers (also as plain numbers), and the usual written forms."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = float(value)
        if 19000101 <= number <= 21001231 and number == int(number):
            return parse_date(str(int(number)))
        if 1 <= number < 2958466:
            return EXCEL_EPOCH + dt.timedelta(days=int(number))
        raise ValueError(value)
    text = str(value).strip()
    if re.fullmatch(r"\d+(\.\d+)?", text) and len(text.split(".")[0]) != 8:
        return parse_date(float(text))
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            year, month, day = (int(g) for g in m.groups())
            return dt.date(year, month, day)  # ValueError for 2026-13-01
    raise ValueError(value)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value == int(value):
        value = int(value)  # invoice numbers read as numbers
    text = str(value).strip()
    return text or None


# The lengths an invoice's 发票代码 and 发票号码 have. A spreadsheet that stored the code as a
# number dropped its leading zero ("044001900111" → 44001900111): one digit short of a length
# below is that zero, and it is put back — only in these two columns, for a number cell, and for
# a 发票代码 written as 9 or 11 digits of text (a CSV Excel saved from such a number: no code
# has that length). Text that already has a code's length is kept exactly as written.
CODE_LENGTHS = {"invoice_code": (10, 12), "invoice_no": (8, 20)}
# Excel keeps 15 significant digits of a number: a longer code stored as a number (a 20-digit
# 数电票 number) has already lost its last digits, which no reader can bring back.
EXACT_DIGITS = 15
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")


def code_text(value: object, name: str) -> tuple[str | None, bool]:
    """(the code as text, digits lost). Numbers become their digits, a dropped leading zero is
    restored (see CODE_LENGTHS); text is kept exactly as written."""
    if value is None or isinstance(value, bool):
        return _text(value), False
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float) and value != int(value):
            return _text(value), False
        digits = str(int(value))
        if len(digits) > EXACT_DIGITS:
            return digits, True
        return _pad(digits, name), False
    text = str(value).strip()
    if _SCIENTIFIC.match(text):  # "4.40019E+11": a CSV Excel saved from a number cell
        return text, True
    if name == "invoice_code" and text.isascii() and text.isdigit():
        return _pad(text, name), False
    return text or None, False


def _pad(digits: str, name: str) -> str:
    """Put back one leading zero Excel dropped, when it makes the code a length it can have."""
    lengths = CODE_LENGTHS.get(name, ())
    if len(digits) in lengths:
        return digits
    if name == "invoice_no" and len(digits) < lengths[0]:
        return digits.zfill(lengths[0])  # an 8-digit 发票号码 such as 00012345
    for length in lengths:
        if len(digits) == length - 1:
            return "0" + digits
    return digits


# ------------------------------------------------------------------ whole columns

BAD = object()  # in a column's values: this cell cannot be read (or its code lost digits)
_MISS = object()
_AMOUNT_CHARS = "0123456789.-,，¥￥$"


def _amount(value: object) -> object:
    """parse_amount, with BAD for what it refuses. Text of digits, point, minus, thousands
    separators and currency signs only ("¥1,234.50", the usual case) is read without the general
    clean-up, which it would not change; anything else, or what Decimal refuses ("-", "1.2.3"),
    goes the general way."""
    if value.__class__ is str and value and not value.strip(_AMOUNT_CHARS):
        try:
            # str.replace: five times faster than str.translate on this text
            amount = Decimal(
                value.replace(",", "").replace("¥", "").replace("，", "").replace("￥", "").replace("$", "")
            )
        except InvalidOperation:
            pass
        else:
            return amount.quantize(_CENT)
    try:
        return parse_amount(value)
    except ValueError:
        return BAD


def amounts(column: list[object]) -> list[object]:
    """parse_amount of each cell; BAD where it raises ValueError."""
    return [Decimal(repr(v)).quantize(_CENT) if v.__class__ is float else _amount(v) for v in column]


def dates(column: list[object]) -> list[object]:
    """parse_date of each cell; BAD where it raises. Text and times repeat (a statement has a few
    hundred days), so each distinct one is read once."""
    seen: dict[object, object] = {}
    out: list[object] = []
    append = out.append
    for value in column:
        kind = value.__class__
        if kind is dt.date:
            append(value)
            continue
        cacheable = kind is str or kind is dt.datetime  # never equal to a value of another type
        found = seen.get(value, _MISS) if cacheable else _MISS
        if found is _MISS:
            try:
                found = parse_date(value)
            except (ValueError, OverflowError):
                found = BAD
            if cacheable:
                seen[value] = found
        append(found)
    return out


def codes(column: list[object], name: str) -> list[object]:
    """code_text of each cell (the text); BAD where digits were lost. Text of digits only — the
    usual 发票号码 — cannot be scientific notation and is kept as written; a 发票代码 (one or a few
    per file) is worked out once per distinct text."""
    if name != "invoice_code":
        return [t if v.__class__ is str and (t := v.strip()).isdigit() else _code(v, name) for v in column]
    seen: dict[str, object] = {}
    out: list[object] = []
    append = out.append
    for value in column:
        if value.__class__ is not str:
            append(_code(value, name))
        elif (found := seen.get(value, _MISS)) is not _MISS:
            append(found)
        else:
            append(seen.setdefault(value, _code(value, name)))
    return out


def _code(value: object, name: str) -> object:
    text, lost = code_text(value, name)
    return BAD if lost else text


def texts(column: list[object]) -> list[str | None]:
    """_text of each cell."""
    return [(v.strip() or None) if v.__class__ is str else _text(v) for v in column]
