"""The dashboard's figures on the demo data equal the same figures counted row by row in Python."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal

import pytest

from desktop import clock
from desktop.models import (
    Application,
    Arrangement,
    ChecklistItem,
    DepartmentBudget,
    ExpenseLine,
    ExpenseSummary,
    ImportedLine,
    ItineraryItem,
    LineMatch,
    Visit,
)
from desktop.services import auth, dashboard, feedback
from desktop.services.errors import PermissionDenied

ZERO = Decimal("0.00")


def actor(name: str) -> auth.Actor:
    return auth.actor_by_username(name)


def effective() -> dict[int, Application]:
    """Newest approved revision per reception, the slow way."""
    newest: dict[int, Application] = {}
    for app in Application.select().where(Application.status == "approved"):
        root = app.root_id or app.id
        if root not in newest or app.revision > newest[root].revision:
            newest[root] = app
    return newest


def test_sections_follow_the_roles(demo_db):
    today = clock.today()
    desk = dashboard.load(actor("qiantai"), today)
    assert desk.front_desk is not None and desk.admin_office is None and desk.finance is None
    office = dashboard.load(actor("admin"), today)  # 系统管理员 + 行政部
    assert office.admin_office is not None and office.finance is None
    for name in ("caiwu", "zongjingli"):
        money = dashboard.load(actor(name), today)
        assert money.finance is not None and money.front_desk is None and money.admin_office is None
    with pytest.raises(PermissionDenied):
        dashboard.load(actor("lina"), today)  # a host has no dashboard
    with pytest.raises(PermissionDenied):
        dashboard.finance(actor("qiantai"), today)  # nor does the front desk see the money


def test_front_desk_figures(demo_db):
    today = clock.today()
    data = dashboard.front_desk(actor("qiantai"), today)
    visits = list(Visit.select())
    by_hour: Counter[int] = Counter()
    per_day: Counter[dt.date] = Counter()
    for v in visits:
        if v.time_in is None or v.status == "cancelled":
            continue
        per_day[v.time_in.date()] += v.people_count
        if v.time_in.date() == today:
            by_hour[v.time_in.hour] += v.people_count
    assert data.by_hour == dict(by_hour)
    assert data.on_site == sum(v.people_count for v in visits if v.status == "on_site")
    assert data.expected == sum(
        v.people_count for v in visits if v.status == "expected" and v.expected_date == today
    )
    assert data.on_site > 0 and data.expected > 0  # the demo has both: the check compares something
    monday = today - dt.timedelta(days=today.weekday())
    assert data.this_week == [per_day[monday + dt.timedelta(days=i)] for i in range(7)]
    assert data.last_week == [per_day[monday - dt.timedelta(days=7 - i)] for i in range(7)]
    assert sum(data.last_week) > 0


def test_admin_office_figures(demo_db):
    today = clock.today()
    office = actor("admin")
    data = dashboard.admin_office(office, today)
    monday = today - dt.timedelta(days=today.weekday())
    days = {monday + dt.timedelta(days=i) for i in range(14)}
    expected: Counter[tuple[dt.date, str]] = Counter()
    for app in effective().values():
        if app.arrival.date() in days:
            expected[(app.arrival.date(), app.level.code)] += 1
    assert data.receptions == dict(expected)
    assert sum(data.receptions.values()) > 0
    rooms: Counter[dt.date] = Counter()
    vehicles: Counter[dt.date] = Counter()
    for item in ItineraryItem.select():
        if item.start.date() in days:
            rooms[item.start.date()] += item.room_id is not None
            vehicles[item.start.date()] += item.vehicle_id is not None
    assert data.rooms == {d: n for d, n in rooms.items() if n}
    assert data.vehicles == {d: n for d, n in vehicles.items() if n}

    until = dashboard.next_working_day(today)
    open_items: dict[int, int] = defaultdict(int)
    for root, app in effective().items():
        if today < app.arrival.date() <= until:
            arrangement = Arrangement.get_or_none(Arrangement.reception == root)
            if arrangement is not None:
                open_items[root] = sum(
                    1 for c in ChecklistItem.select() if c.arrangement_id == arrangement.id and not c.done
                )
    assert {u.root_id: u.open_items for u in data.unprepared} == {r: n for r, n in open_items.items() if n}
    # the feedback service's own list (row by row) names the same number of overdue forms
    assert data.overdue_feedback == len(feedback.overdue(office, today=today))
    assert data.overdue_feedback > 0  # the demo's past receptions lack feedback: a real comparison


def test_finance_figures(demo_db):
    today = clock.today()
    data = dashboard.finance(actor("caiwu"), today)
    year_start = dt.date(today.year, 1, 1)
    month_start = today.replace(day=1)
    by_dep_month: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_dep_year: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_level_year: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_dep_m: dict[tuple[str, int], Decimal] = defaultdict(lambda: ZERO)
    for line in ExpenseLine.select():
        summary = line.summary
        if summary.status == "draft" or line.date.year != today.year:
            continue
        app = summary.reception
        by_dep_year[app.department.name] += line.total
        by_level_year[app.level.code] += line.total
        by_dep_m[(app.department.name, line.date.month)] += line.total
        if line.date >= month_start and line.date.month == today.month:
            by_dep_month[app.department.name] += line.total
    assert data.year_by_department == dict(by_dep_year)
    assert data.year_by_level == dict(by_level_year)
    assert data.month_by_department == dict(by_dep_month)
    budgets = {
        (b.department.name, b.month): b.amount
        for b in DepartmentBudget.select().where(DepartmentBudget.year == today.year)
    }
    rows = {(r.department, r.month): (r.budget, r.actual) for r in data.budget}
    for key in set(budgets) | set(by_dep_m):
        assert rows[key] == (budgets.get(key, ZERO), by_dep_m.get(key, ZERO))
    assert {(r.department, r.month) for r in data.over_budget} == {
        k for k in rows if by_dep_m.get(k, ZERO) > budgets.get(k, ZERO)
    }
    assert data.summaries_waiting == {
        s: n
        for s, n in Counter(x.status for x in ExpenseSummary.select()).items()
        if s in ("submitted", "audited", "approved")
    }
    decided = {m.imported_id for m in LineMatch.select() if m.kind != "held"}
    live = [i for i in ImportedLine.select() if i.batch.state == "done" and i.batch.undone_at is None]
    assert data.open_flags == sum(1 for i in live if i.id not in decided)
    # cost per guest: this year's receptions' spending over their guests, by level
    spend: dict[str, Decimal] = defaultdict(lambda: ZERO)
    guests: Counter[str] = Counter()
    for root, app in effective().items():
        if app.arrival.date() < year_start or app.arrival.year != today.year:
            continue
        guests[app.level.code] += app.guests.count()
        summary = ExpenseSummary.get_or_none(ExpenseSummary.reception == root)
        if summary is not None and summary.status != "draft":
            spend[app.level.code] += sum((x.total for x in summary.lines), ZERO)
    assert data.guests_by_level == {k: v for k, v in guests.items() if v}
    for level, n in guests.items():
        if n:
            assert data.cost_per_guest(level) == (spend[level] / n).quantize(Decimal("0.01"))
    assert data.over_standard == sum(
        1 for a in effective().values() if a.over_standard and a.arrival.year == today.year
    )


def test_spending_moves_with_a_new_line(demo_db):
    """A claimed line added to a handed-in summary shows at once in its department's total."""
    today = clock.today()
    finance = actor("caiwu")
    before = dashboard.finance(finance, today)
    summary = ExpenseSummary.select().where(ExpenseSummary.status == "submitted").first()
    department = summary.reception.department.name
    ExpenseLine.create(summary=summary, category="other", date=today, total=Decimal("123.45"))
    after = dashboard.finance(finance, today)
    assert after.year_by_department.get(department, ZERO) == before.year_by_department.get(
        department, ZERO
    ) + Decimal("123.45")
