"""Working days: the Chinese public-holiday calendar with make-up days (调休), plus the company's
own extra days off or on (settings).

``chinese_calendar`` is maintained each year when the State Council publishes the holidays; for
a year it does not know yet we fall back to Monday–Friday and say so, rather than guess.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

from desktop.db import database
from desktop.i18n import translate
from desktop.models import CalendarOverride
from desktop.services.auth import Actor, require
from desktop.services.errors import ValidationError


def official_workday(day: dt.date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def calendar_known(day: dt.date) -> bool:
    """False when the public-holiday calendar for that year is not published in our library."""
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def _overrides(start: dt.date, end: dt.date) -> dict[dt.date, bool]:
    rows = CalendarOverride.select().where(CalendarOverride.day.between(start, end))
    return {r.day: r.is_workday for r in rows}


def is_workday(day: dt.date) -> bool:
    return _overrides(day, day).get(day, official_workday(day))


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days strictly after ``start`` up to and including ``end`` (0 if end ≤ start).

    Filed on Monday for a Wednesday visit: Tuesday and Wednesday → 2 … but the rule "at least N
    days before" counts the days *before* arrival, see :func:`lead_days_available`.
    """
    if end <= start:
        return 0
    overrides = _overrides(start, end)
    count = 0
    day = start + dt.timedelta(days=1)
    while day <= end:
        if overrides.get(day, official_workday(day)):
            count += 1
        day += dt.timedelta(days=1)
    return count


def lead_days_available(filed: dt.date, arrival: dt.date) -> int:
    """Working days between filing and arrival, neither day counted.

    Filed Monday, arriving Wednesday → 1 (Tuesday): a 1-day lead time is met.
    """
    if arrival <= filed:
        return 0
    return working_days_between(filed, arrival - dt.timedelta(days=1))


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (the due date of a 2-working-day form)."""
    day = start
    overrides = _overrides(start, start + dt.timedelta(days=days * 3 + 30))
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if overrides.get(day, official_workday(day)):
            remaining -= 1
    return day


def list_overrides() -> list[tuple[dt.date, bool, str]]:
    return [(r.day, r.is_workday, r.note) for r in CalendarOverride.select().order_by(CalendarOverride.day)]


def set_override(actor: Actor, day: dt.date, is_workday: bool | None, note: str = "") -> None:
    """Mark a company day off or on; ``None`` removes the override."""
    require(actor, "standards.manage")
    if day is None:
        raise ValidationError({"day": translate("services", "请填写日期。")})
    with database.atomic():
        CalendarOverride.delete().where(CalendarOverride.day == day).execute()
        if is_workday is not None:
            CalendarOverride.create(day=day, is_workday=is_workday, note=note.strip())
