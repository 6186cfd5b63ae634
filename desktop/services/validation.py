"""Checks every service form uses, so SQLite and PostgreSQL hold the same data.

SQLite stores a 10,000-character name in a ``VARCHAR(60)`` column and a 1e12 amount in a
``DECIMAL(14, 2)``; PostgreSQL refuses both with a raw ``DataError`` that means nothing to a
receptionist. Dates far from today (an arrival on 9999-12-30) crash date arithmetic later. So the
service layer checks lengths (taken from the model field, never retyped), ranges and dates here,
once, and names the field in each message. Every helper collects into a ``field → message`` dict
that the caller raises as one :class:`~desktop.services.errors.ValidationError`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

import peewee

from desktop.i18n import translate
from desktop.services.errors import ValidationError
from desktop.services.money import CENT

DATE_MIN = dt.date(2000, 1, 1)
DATE_MAX = dt.date(2099, 12, 31)
MONEY_MAX = Decimal("1000000000")  # exclusive: ¥999,999,999.99 is the largest amount
COUNT_MAX = 9999  # people, rooms, nights, trips: far above any reception, far below INTEGER

Errors = dict[str, str]

# Control characters (C0, DEL, C1), lone surrogates, and the Unicode line/paragraph separators.
# A NUL ends a string in C (PostgreSQL refuses it outright); the rest never belong in a form.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n?|\n|\t")


def max_length(field: peewee.Field) -> int | None:
    """The column's declared length (``CharField(max_length=…)``), None for a ``TextField``."""
    return getattr(field, "max_length", None)


def clean_text(value: object, *, multiline: bool = False) -> str:
    """The text without control characters, stripped. One-line fields also lose line breaks and
    tabs (a pasted name with a newline would print over two lines on a badge)."""
    text = "" if value is None else str(value)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROL.sub("", text)
    else:
        text = _CONTROL.sub("", _LINE_BREAKS.sub(" ", text))
    return text.strip()


def text(
    errors: Errors,
    key: str,
    label: str,
    value: object,
    *,
    field: peewee.Field | None = None,
    limit: int | None = None,
    required: bool = False,
    multiline: bool | None = None,
) -> str:
    """Clean ``value``; note in ``errors[key]`` a missing or too long one. Returns the clean text.

    The length limit comes from ``field`` (the model column) unless ``limit`` is given; a
    ``TextField`` is multi-line and capped at 10,000 characters so a paste cannot fill the disk.
    """
    if multiline is None:
        multiline = isinstance(field, peewee.TextField)
    cleaned = clean_text(value, multiline=multiline)
    if limit is None:
        limit = max_length(field) if field is not None else None
        if limit is None:
            limit = 10000
    if required and not cleaned:
        errors.setdefault(key, translate("validation", "请填写{field}。").format(field=label))
    elif len(cleaned) > limit:
        errors.setdefault(
            key,
            translate("validation", "{field}最多 {limit} 个字（现在 {n} 个）。").format(
                field=label, limit=limit, n=len(cleaned)
            ),
        )
    return cleaned


def money(
    errors: Errors,
    key: str,
    label: str,
    value: object,
    *,
    required: bool = False,
    positive: bool = False,
) -> Decimal | None:
    """A yuan amount, 0 ≤ x < 1,000,000,000 with at most two decimals; None when left empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.setdefault(key, translate("validation", "请填写{field}。").format(field=label))
        return None
    bad = translate("validation", "{field}不是有效的金额。").format(field=label)
    if isinstance(value, bool):
        errors.setdefault(key, bad)
        return None
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    else:
        raw = clean_text(value).replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
        raw = raw.replace("元", "").strip()
        try:
            amount = Decimal(raw)
        except (InvalidOperation, ValueError):
            errors.setdefault(key, bad)
            return None
    if not amount.is_finite():
        errors.setdefault(key, bad)
        return None
    if amount < 0:
        errors.setdefault(key, translate("validation", "{field}不能为负数。").format(field=label))
        return None
    if positive and amount == 0:
        errors.setdefault(key, translate("validation", "{field}必须大于 0。").format(field=label))
        return None
    if amount >= MONEY_MAX:
        errors.setdefault(
            key, translate("validation", "{field}超出范围（须小于 10 亿元）。").format(field=label)
        )
        return None
    if amount != amount.quantize(CENT):
        errors.setdefault(key, translate("validation", "{field}最多两位小数。").format(field=label))
        return None
    return amount.quantize(CENT)


def count(
    errors: Errors,
    key: str,
    label: str,
    value: object,
    *,
    minimum: int = 0,
    maximum: int = COUNT_MAX,
) -> int:
    """A whole number of people, rooms, nights or trips within [minimum, maximum]."""
    if value is None or value == "":
        number = 0
    elif isinstance(value, bool):
        number = -1
    else:
        try:
            number = int(value)
            if isinstance(value, float) and value != number:
                raise ValueError
        except (TypeError, ValueError, OverflowError):
            errors.setdefault(key, translate("validation", "{field}须为整数。").format(field=label))
            return 0
    if number < 0:
        errors.setdefault(key, translate("validation", "{field}不能为负数。").format(field=label))
        return 0
    if number < minimum:
        errors.setdefault(key, translate("validation", "{field}至少为 {n}。").format(field=label, n=minimum))
    elif number > maximum:
        errors.setdefault(
            key, translate("validation", "{field}不能超过 {n}。").format(field=label, n=maximum)
        )
    return number


def day(errors: Errors, key: str, label: str, value: dt.date | dt.datetime | None, *, required=False):
    """A date or date-time between 2000-01-01 and 2099-12-31 (returned unchanged)."""
    if value is None:
        if required:
            errors.setdefault(key, translate("validation", "请填写{field}。").format(field=label))
        return None
    if not isinstance(value, dt.date):
        errors.setdefault(key, translate("validation", "{field}不是有效的日期。").format(field=label))
        return None
    plain = value.date() if isinstance(value, dt.datetime) else value
    if not DATE_MIN <= plain <= DATE_MAX:
        errors.setdefault(
            key,
            translate("validation", "{field}须在 {a} 到 {b} 之间。").format(
                field=label, a=DATE_MIN.isoformat(), b=DATE_MAX.isoformat()
            ),
        )
        return None
    return value


def order(
    errors: Errors,
    key: str,
    start: dt.date | None,
    end: dt.date | None,
    message: str,
    *,
    allow_equal: bool = False,
) -> None:
    """Note ``message`` under ``key`` when ``end`` comes before (or at) ``start``."""
    if start is None or end is None or key in errors:
        return
    if end < start or (end == start and not allow_equal):
        errors[key] = message


def raise_if(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)
