"""The home dashboard: the figures each role looks at first, computed by aggregate queries.

Why aggregates only: the dashboard is the first view after login, and at the scale of ``bench/``
(a million visits, 20,000 receptions) fetching rows into Python to count them takes seconds.
Every figure here is one GROUP BY / COUNT / SUM in the database; Python only reshapes the few
result rows into dataclasses for the view.

Which sections an actor gets follows the permission table (:mod:`desktop.services.auth`):
the front desk section for ``visitors.desk``, the admin office section for
``arrangements.manage``, the money section for finance and the general manager
(``expenses.audit`` / ``expenses.approve``). Everyone of those sees the whole company's figures:
their roles cover all visits, receptions and expenses (see :mod:`desktop.services.access`).

Definitions (the tests compute the same figures independently from these):

- A reception is counted once, by its *effective revision*: the newest approved revision of its
  root application (what arrangements and budgets follow).
- Spending is the claimed expense lines of summaries handed in at least once (any status but
  draft), dated by the line's date.
- Feedback is overdue when the reception departed in the last 60 days, its due date (2 working
  days after departure) has passed and no feedback was submitted (as :mod:`feedback`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import peewee as pw
from peewee import JOIN, fn

from desktop import clock
from desktop.models import (
    Application,
    ApplicationGuest,
    Arrangement,
    ChecklistItem,
    Department,
    DepartmentBudget,
    ExpenseLine,
    ExpenseSummary,
    Feedback,
    ImportBatch,
    ImportedLine,
    ItineraryItem,
    LineMatch,
    ReceptionLevel,
    Visit,
)
from desktop.services import feedback as feedback_service
from desktop.services import workdays
from desktop.services.auth import Actor, require_any
from desktop.services.money import to_money

ZERO = Decimal("0.00")
FEEDBACK_WINDOW_DAYS = 60  # as feedback.statuses: older receptions no longer count as overdue


# ------------------------------------------------------------------ who sees what


def shows_front_desk(actor: Actor) -> bool:
    return actor.can("visitors.desk")


def shows_admin_office(actor: Actor) -> bool:
    return actor.can("arrangements.manage")


def shows_finance(actor: Actor) -> bool:
    return actor.can("expenses.audit") or actor.can("expenses.approve")


def may_open(actor: Actor) -> bool:
    return shows_front_desk(actor) or shows_admin_office(actor) or shows_finance(actor)


def _require(actor: Actor) -> None:
    require_any(actor, "visitors.desk", "arrangements.manage", "expenses.audit", "expenses.approve")


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class FrontDesk:
    day: dt.date
    by_hour: dict[int, int]  # hour → visitors (people) checked in today
    on_site: int  # people on site now
    expected: int  # people expected today, not yet arrived
    this_week: list[int]  # people per weekday, Monday first
    last_week: list[int]

    @property
    def today_total(self) -> int:
        return sum(self.by_hour.values())


@dataclass(frozen=True)
class Unprepared:
    root_id: int
    number: str
    client: str
    arrival: dt.datetime
    open_items: int


@dataclass(frozen=True)
class AdminOffice:
    start: dt.date  # Monday of this week; the figures cover 14 days from it
    days: list[dt.date]
    levels: list[str]  # level codes, in order
    receptions: dict[tuple[dt.date, str], int]  # (arrival day, level code) → receptions
    rooms: dict[dt.date, int]  # meeting-room bookings per day
    vehicles: dict[dt.date, int]  # vehicle bookings per day
    prepare_until: dt.date  # "tomorrow": up to the next working day
    unprepared: list[Unprepared]
    overdue_feedback: int

    @property
    def open_preparations(self) -> int:
        return sum(u.open_items for u in self.unprepared)


@dataclass(frozen=True)
class MonthBudgetRow:
    department: str
    month: int
    budget: Decimal
    actual: Decimal

    @property
    def over(self) -> bool:
        return self.actual > self.budget


@dataclass(frozen=True)
class Finance:
    year: int
    month: int
    departments: list[str]
    levels: list[str]
    month_by_department: dict[str, Decimal]
    year_by_department: dict[str, Decimal]
    month_by_level: dict[str, Decimal]
    year_by_level: dict[str, Decimal]
    budget: list[MonthBudgetRow]  # every (department, month) of the year with a budget or spending
    open_flags: int  # imported lines no one has matched or set aside
    summaries_waiting: dict[str, int]  # expense summary status → count (submitted/audited/approved)
    guests_by_level: dict[str, int]  # this year's receptions' guests
    over_standard: int  # approved receptions this year that exceed their standard
    over_standard_cases: list[tuple[int, str, str, Decimal]] = field(default_factory=list)
    # spending of this year's receptions by level: the same receptions whose guests are counted
    level_spending_for_guests: dict[str, Decimal] = field(default_factory=dict)

    def cost_per_guest(self, level: str) -> Decimal:
        guests = self.guests_by_level.get(level, 0)
        return to_money(self.level_spending_for_guests.get(level, ZERO) / guests) if guests else ZERO

    @property
    def over_budget(self) -> list[MonthBudgetRow]:
        return [r for r in self.budget if r.over]


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    front_desk: FrontDesk | None
    admin_office: AdminOffice | None
    finance: Finance | None


# ------------------------------------------------------------------ shared queries


def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min)


def _money(value: object) -> Decimal:
    return to_money(value if value is not None else 0)


def _as_date(value: object) -> dt.date:
    """``date(x)`` comes back as text on SQLite and as a date on PostgreSQL."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def effective_applications(*fields) -> pw.Select:
    """Application rows of effective revisions only: approved, and no newer approved revision of
    the same reception (add fields, joins and conditions). NOT EXISTS on the indexed ``root``
    column: a GROUP BY over every revision joined back cost ~180 ms at 20,000 receptions."""
    newer = Application.alias("newer")
    later_approved = newer.select(newer.id).where(
        newer.status == "approved",
        newer.root == fn.COALESCE(Application.root, Application.id),
        newer.revision > Application.revision,
    )
    return Application.select(*fields).where(Application.status == "approved", ~fn.EXISTS(later_approved))


def level_codes() -> list[str]:
    return [
        r.code
        for r in ReceptionLevel.select(ReceptionLevel.code).order_by(ReceptionLevel.sort, ReceptionLevel.code)
    ]


def department_names() -> list[str]:
    return [d.name for d in Department.select(Department.name).order_by(Department.sort, Department.name)]


def spending_lines() -> pw.Select:
    """Expense lines that count as spending, joined to their reception (the root application)."""
    return (
        ExpenseLine.select()
        .join(ExpenseSummary)
        .join(Application, on=(ExpenseSummary.reception == Application.id))
        .where(ExpenseSummary.status != "draft")
    )


def spending_by(group, start: dt.date, end: dt.date) -> dict[str, Decimal]:
    """Spending between ``start`` and ``end`` (inclusive) grouped by ``group`` (a joined column)."""
    query = (
        spending_lines()
        .select(group.alias("k"), fn.SUM(ExpenseLine.total).alias("s"))
        .switch(Application)
        .join(Department, on=(Application.department == Department.id))
        .switch(Application)
        .join(ReceptionLevel, on=(Application.level == ReceptionLevel.id))
        .where(ExpenseLine.date >= start, ExpenseLine.date <= end)
        .group_by(group)
        .dicts()
    )
    return {r["k"]: _money(r["s"]) for r in query}


def spending_by_department_level_month(start: dt.date, end: dt.date) -> dict[tuple[str, str, int], Decimal]:
    """Spending dated in [start, end] (within one year) by (department, level code, month).

    Grouped by day in SQL and folded into months here (≤ 366 × departments × levels rows):
    extracting the month in SQL runs a Python function per expense line on SQLite."""
    query = (
        spending_lines()
        .select(
            Department.name.alias("dep"),
            ReceptionLevel.code.alias("code"),
            ExpenseLine.date.alias("d"),
            fn.SUM(ExpenseLine.total).alias("s"),
        )
        .switch(Application)
        .join(Department, on=(Application.department == Department.id))
        .switch(Application)
        .join(ReceptionLevel, on=(Application.level == ReceptionLevel.id))
        .where(ExpenseLine.date >= start, ExpenseLine.date <= end)
        .group_by(Department.name, ReceptionLevel.code, ExpenseLine.date)
        .dicts()
    )
    result: dict[tuple[str, str, int], Decimal] = {}
    for r in query:
        key = (r["dep"], r["code"], _as_date(r["d"]).month)
        result[key] = result.get(key, ZERO) + _money(r["s"])
    return result


def overdue_feedback_count(today: dt.date) -> int:
    """Receptions whose feedback is overdue (see the module docstring), in one COUNT."""
    window_start = today - dt.timedelta(days=FEEDBACK_WINDOW_DAYS)
    # The due date grows with the departure day; find the last departure day already overdue.
    last_overdue = today - dt.timedelta(days=1)
    while last_overdue >= window_start and feedback_service.due_date(day_start(last_overdue)) >= today:
        last_overdue -= dt.timedelta(days=1)
    if last_overdue < window_start:
        return 0
    submitted = Feedback.select(Feedback.reception).where(Feedback.submitted_at.is_null(False))
    return (
        effective_applications(Application.id)
        .where(
            Application.departure >= day_start(window_start),
            Application.departure < day_start(last_overdue + dt.timedelta(days=1)),
            fn.COALESCE(Application.root, Application.id).not_in(submitted),
        )
        .count()
    )


# ------------------------------------------------------------------ sections


def front_desk(actor: Actor, today: dt.date | None = None) -> FrontDesk:
    require_any(actor, "visitors.desk")
    today = today or clock.today()
    start, end = day_start(today), day_start(today + dt.timedelta(days=1))
    hour = Visit.time_in.hour
    by_hour = {
        int(r["h"]): int(r["n"] or 0)
        for r in Visit.select(hour.alias("h"), fn.SUM(Visit.people_count).alias("n"))
        .where(Visit.time_in >= start, Visit.time_in < end, Visit.status != "cancelled")
        .group_by(hour)
        .dicts()
    }
    on_site = Visit.select(fn.SUM(Visit.people_count)).where(Visit.status == "on_site").scalar() or 0
    expected = (
        Visit.select(fn.SUM(Visit.people_count))
        .where(Visit.status == "expected", Visit.expected_date == today)
        .scalar()
        or 0
    )
    monday = today - dt.timedelta(days=today.weekday())
    last_monday = monday - dt.timedelta(days=7)
    day = fn.date(Visit.time_in)
    per_day = {
        _as_date(r["d"]): int(r["n"] or 0)
        for r in Visit.select(day.alias("d"), fn.SUM(Visit.people_count).alias("n"))
        .where(
            Visit.time_in >= day_start(last_monday),
            Visit.time_in < day_start(monday + dt.timedelta(days=7)),
            Visit.status != "cancelled",
        )
        .group_by(day)
        .dicts()
    }
    this_week = [per_day.get(monday + dt.timedelta(days=i), 0) for i in range(7)]
    last_week = [per_day.get(last_monday + dt.timedelta(days=i), 0) for i in range(7)]
    return FrontDesk(today, by_hour, int(on_site), int(expected), this_week, last_week)


def next_working_day(today: dt.date) -> dt.date:
    return workdays.add_working_days(today, 1)


def admin_office(actor: Actor, today: dt.date | None = None) -> AdminOffice:
    require_any(actor, "arrangements.manage")
    today = today or clock.today()
    monday = today - dt.timedelta(days=today.weekday())
    end = monday + dt.timedelta(days=14)
    days = [monday + dt.timedelta(days=i) for i in range(14)]
    arrival_day = fn.date(Application.arrival)
    receptions = {
        (_as_date(r["d"]), r["code"]): int(r["n"])
        for r in effective_applications(
            arrival_day.alias("d"), ReceptionLevel.code.alias("code"), fn.COUNT(Application.id).alias("n")
        )
        .switch(Application)
        .join(ReceptionLevel, on=(Application.level == ReceptionLevel.id))
        .where(Application.arrival >= day_start(monday), Application.arrival < day_start(end))
        .group_by(arrival_day, ReceptionLevel.code)
        .dicts()
    }

    def bookings(column) -> dict[dt.date, int]:
        start_day = fn.date(ItineraryItem.start)
        return {
            _as_date(r["d"]): int(r["n"])
            for r in ItineraryItem.select(start_day.alias("d"), fn.COUNT(ItineraryItem.id).alias("n"))
            .where(
                column.is_null(False),
                ItineraryItem.start >= day_start(monday),
                ItineraryItem.start < day_start(end),
            )
            .group_by(start_day)
            .dicts()
        }

    until = next_working_day(today)
    root = fn.COALESCE(Application.root, Application.id)
    unprepared = [
        Unprepared(int(r["root"]), r["number"], r["client"], r["arrival"], int(r["n"]))
        for r in effective_applications(
            root.alias("root"),
            Application.number.alias("number"),
            Application.client_company.alias("client"),
            Application.arrival.alias("arrival"),
            fn.COUNT(ChecklistItem.id).alias("n"),
        )
        .join(Arrangement, on=(Arrangement.reception == root))
        .join(ChecklistItem, on=(ChecklistItem.arrangement == Arrangement.id))
        .where(
            ChecklistItem.done == False,  # noqa: E712 - peewee expression
            Application.arrival >= day_start(today + dt.timedelta(days=1)),
            Application.arrival < day_start(until + dt.timedelta(days=1)),
        )
        .group_by(root, Application.number, Application.client_company, Application.arrival)
        .order_by(Application.arrival)
        .dicts()
    ]
    return AdminOffice(
        start=monday,
        days=days,
        levels=level_codes(),
        receptions=receptions,
        rooms=bookings(ItineraryItem.room),
        vehicles=bookings(ItineraryItem.vehicle),
        prepare_until=until,
        unprepared=unprepared,
        overdue_feedback=overdue_feedback_count(today),
    )


def finance(actor: Actor, today: dt.date | None = None) -> Finance:
    require_any(actor, "expenses.audit", "expenses.approve")
    today = today or clock.today()
    year_start, year_end = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)

    # One pass over the year's spending, by (department, level, month): every spending figure of
    # the section is a sum over these few hundred rows (one scan of the expense lines, not five).
    cells = spending_by_department_level_month(year_start, year_end)
    actual: dict[tuple[str, int], Decimal] = {}
    month_by_department: dict[str, Decimal] = {}
    year_by_department: dict[str, Decimal] = {}
    month_by_level: dict[str, Decimal] = {}
    year_by_level: dict[str, Decimal] = {}
    for (dep, level, month_no), amount in cells.items():
        actual[(dep, month_no)] = actual.get((dep, month_no), ZERO) + amount
        year_by_department[dep] = year_by_department.get(dep, ZERO) + amount
        year_by_level[level] = year_by_level.get(level, ZERO) + amount
        if month_no == today.month:
            month_by_department[dep] = month_by_department.get(dep, ZERO) + amount
            month_by_level[level] = month_by_level.get(level, ZERO) + amount
    budgets = {
        (r["dep"], int(r["m"])): _money(r["s"])
        for r in DepartmentBudget.select(
            Department.name.alias("dep"),
            DepartmentBudget.month.alias("m"),
            fn.SUM(DepartmentBudget.amount).alias("s"),
        )
        .join(Department)
        .where(DepartmentBudget.year == today.year)
        .group_by(Department.name, DepartmentBudget.month)
        .dicts()
    }
    order = {name: i for i, name in enumerate(department_names())}
    keys = sorted(set(actual) | set(budgets), key=lambda k: (order.get(k[0], 1 << 30), k[0], k[1]))
    budget_rows = [MonthBudgetRow(d, m, budgets.get((d, m), ZERO), actual.get((d, m), ZERO)) for d, m in keys]

    open_flags = (
        ImportedLine.select(ImportedLine.id)
        .join(ImportBatch)
        .switch(ImportedLine)
        .join(LineMatch, JOIN.LEFT_OUTER, on=(LineMatch.imported == ImportedLine.id))
        .where(ImportBatch.live(), (LineMatch.id.is_null()) | (LineMatch.kind == "held"))
        .count()
    )
    waiting = {
        r["status"]: int(r["n"])
        for r in ExpenseSummary.select(
            ExpenseSummary.status.alias("status"), fn.COUNT(ExpenseSummary.id).alias("n")
        )
        .where(ExpenseSummary.status.in_(("submitted", "audited", "approved")))
        .group_by(ExpenseSummary.status)
        .dicts()
    }

    # guests of this year's receptions by level: the effective revision's guest list
    guests_by_level = {
        r["code"]: int(r["n"])
        for r in effective_applications(
            ReceptionLevel.code.alias("code"), fn.COUNT(ApplicationGuest.id).alias("n")
        )
        .switch(Application)
        .join(ReceptionLevel, on=(Application.level == ReceptionLevel.id))
        .switch(Application)
        .join(ApplicationGuest, on=(ApplicationGuest.application == Application.id))
        .where(
            Application.arrival >= day_start(year_start),
            Application.arrival < day_start(year_end) + dt.timedelta(days=1),
        )
        .group_by(ReceptionLevel.code)
        .dicts()
    }
    year_by_level_receptions = _level_spending_of_year_receptions(year_start, year_end)
    over = (
        effective_applications(
            Application.id.alias("id"),
            Application.number.alias("number"),
            Application.client_company.alias("client"),
            Application.total.alias("total"),
        )
        .where(
            Application.over_standard == True,  # noqa: E712
            Application.arrival >= day_start(year_start),
            Application.arrival < day_start(year_end) + dt.timedelta(days=1),
        )
        .order_by(Application.arrival.desc())
    )
    cases = [(r["id"], r["number"], r["client"], _money(r["total"])) for r in over.dicts()]
    return Finance(
        year=today.year,
        month=today.month,
        departments=department_names(),
        levels=level_codes(),
        month_by_department=month_by_department,
        year_by_department=year_by_department,
        month_by_level=month_by_level,
        year_by_level=year_by_level,
        budget=budget_rows,
        open_flags=open_flags,
        summaries_waiting=waiting,
        guests_by_level=guests_by_level,
        over_standard=len(cases),
        over_standard_cases=cases[:20],
        level_spending_for_guests=year_by_level_receptions,
    )


def _level_spending_of_year_receptions(year_start: dt.date, year_end: dt.date) -> dict[str, Decimal]:
    """Spending of the receptions arriving this year, by level (the numerator of cost per guest,
    so it matches the guests counted: the same receptions)."""
    root = fn.COALESCE(Application.root, Application.id)
    eff = (
        effective_applications(root.alias("root"), ReceptionLevel.code.alias("code"))
        .switch(Application)
        .join(ReceptionLevel, on=(Application.level == ReceptionLevel.id))
        .where(
            Application.arrival >= day_start(year_start),
            Application.arrival < day_start(year_end) + dt.timedelta(days=1),
        )
        .alias("effy")
    )
    query = (
        ExpenseLine.select(eff.c.code.alias("code"), fn.SUM(ExpenseLine.total).alias("s"))
        .join(ExpenseSummary)
        .join(eff, on=(ExpenseSummary.reception == eff.c.root))
        .where(ExpenseSummary.status != "draft")
        .group_by(eff.c.code)
        .dicts()
    )
    return {r["code"]: _money(r["s"]) for r in query}


def load(actor: Actor, today: dt.date | None = None) -> Dashboard:
    """Every section this actor's roles show (see the module docstring)."""
    _require(actor)
    today = today or clock.today()
    return Dashboard(
        today=today,
        front_desk=front_desk(actor, today) if shows_front_desk(actor) else None,
        admin_office=admin_office(actor, today) if shows_admin_office(actor) else None,
        finance=finance(actor, today) if shows_finance(actor) else None,
    )
