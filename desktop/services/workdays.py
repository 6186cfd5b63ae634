"""Working days: the Chinese public-holiday calendar with make-up days (调休), plus the company's
own extra days off or on (settings).

``chinese_calendar`` is maintained each year when the State Council publishes the holidays; for
a year it does not know yet the office enters that year's holidays and 调休 days itself
(:func:`set_year`). Until it does, counts that reach into that year fall back to Monday–Friday
and are marked uncertain (:func:`uncertain`) wherever they are shown.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import CalendarOverride, CalendarYear
from desktop.services import audit
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


def year_known(year: int) -> bool:
    """The library knows the year's holidays, or the office entered them."""
    if calendar_known(dt.date(year, 6, 30)) and calendar_known(dt.date(year, 1, 2)):
        return True
    return CalendarYear.select().where(CalendarYear.year == year).exists()


def uncertain(start: dt.date, end: dt.date) -> bool:
    """A count over ``start``…``end`` reaches into a year nobody has entered the holidays of."""
    first, last = min(start, end), max(start, end)
    return any(not year_known(y) for y in range(first.year, last.year + 1))


def missing_years(today: dt.date | None = None) -> list[int]:
    """This year and next, when their holidays are not known: what settings warns about."""
    today = today or clock.today()
    return [y for y in (today.year, today.year + 1) if not year_known(y)]


def missing_years_message(today: dt.date | None = None) -> str:
    years = missing_years(today)
    return "；".join(translate("services", "{year} 年法定节假日尚未录入").format(year=y) for y in years)


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
    """Working days from the filing date (counted) to the arrival date (not counted).

    "提前1天申请" means filing on the working day before arrival is in time: filed Tuesday for
    Wednesday, or Friday for Monday → 1.
    """
    if arrival <= filed:
        return 0
    return working_days_between(filed - dt.timedelta(days=1), arrival - dt.timedelta(days=1))


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
        old = CalendarOverride.get_or_none(CalendarOverride.day == day)
        CalendarOverride.delete().where(CalendarOverride.day == day).execute()
        if is_workday is not None:
            CalendarOverride.create(day=day, is_workday=is_workday, note=note.strip())
        audit.record(
            actor,
            "edit",
            "calendar",
            day,
            {"is_workday": (old.is_workday if old else None, is_workday)},
            note.strip(),
        )
        recompute_due_dates()


def parse_dates(text: str) -> list[dt.date]:
    """Pasted lines of dates: 2027-02-06, 2027/2/6, 2027.02.06, 20270206; several per line
    separated by commas or spaces; a range 2027-02-06~2027-02-12 (or 至 / -- )."""
    import re

    days: list[dt.date] = []
    bad: list[str] = []

    def one(token: str) -> dt.date | None:
        token = token.strip()
        m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", token) or re.fullmatch(
            r"(\d{4})(\d{2})(\d{2})", token
        )
        if not m:
            return None
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None

    for raw in re.split(r"[\n,，;；、\s]+", text.replace("--", "~").replace("至", "~")):
        if not raw.strip():
            continue
        if "~" in raw:
            a, _, b = raw.partition("~")
            start, end = one(a), one(b)
            if start is None or end is None or end < start or (end - start).days > 366:
                bad.append(raw)
                continue
            days.extend(start + dt.timedelta(days=i) for i in range((end - start).days + 1))
            continue
        day = one(raw)
        if day is None:
            bad.append(raw)
        else:
            days.append(day)
    if bad:
        raise ValidationError(
            {"dates": translate("services", "无法识别的日期：{dates}").format(dates="、".join(bad[:5]))}
        )
    return sorted(set(days))


def set_year(
    actor: Actor, year: int, holidays: list[dt.date], workdays: list[dt.date], note: str = ""
) -> None:
    """Enter a year's public holidays and 调休 make-up working days in one go.

    Replaces that year's entries; the year then counts as known (no more "uncertain"), and the
    stored due dates are recomputed at once.
    """
    require(actor, "standards.manage")
    errors: dict[str, str] = {}
    outside = [d for d in (*holidays, *workdays) if d.year != year]
    if outside:
        errors["dates"] = translate("services", "日期不在 {year} 年：{day}").format(year=year, day=outside[0])
    both = set(holidays) & set(workdays)
    if both:
        errors["dates"] = translate("services", "{day} 不能既是假日又是调休上班日。").format(day=min(both))
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        in_year = CalendarOverride.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
        old = {str(r.day): r.is_workday for r in CalendarOverride.select().where(in_year)}
        new = {**{str(d): False for d in holidays}, **{str(d): True for d in workdays}}
        audit.record(
            actor,
            "edit",
            "calendar",
            year,
            {
                d: (old.get(d), new.get(d))
                for d in sorted(old.keys() | new.keys())
                if old.get(d) != new.get(d)
            },
        )
        CalendarOverride.delete().where(
            CalendarOverride.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
        ).execute()
        for day in sorted(set(holidays)):
            CalendarOverride.create(
                day=day, is_workday=False, note=note.strip() or translate("services", "法定节假日")
            )
        for day in sorted(set(workdays)):
            CalendarOverride.create(
                day=day, is_workday=True, note=note.strip() or translate("services", "调休上班")
            )
        CalendarYear.delete().where(CalendarYear.year == year).execute()
        CalendarYear.create(year=year, entered_by=actor.user_id, entered_at=clock.now())
        recompute_due_dates()


def recompute_due_dates() -> int:
    """Stored due dates follow the calendar: an expense summary's due date frozen before the
    holidays were entered would mark an on-time claim late. Returns how many changed."""
    from desktop.models import Application, ExpenseSummary
    from desktop.services import expenses

    changed = 0
    for summary in ExpenseSummary.select(ExpenseSummary, Application).join(Application):
        due = expenses.due_date(summary.reception.departure)
        if summary.due != due:
            ExpenseSummary.update(due=due).where(ExpenseSummary.id == summary.id).execute()
            changed += 1
    return changed
