"""Issue 11, working-day rules: lead time counted from the filing day, years the holiday library
does not know, the office entering a year's holidays, stored due dates following the calendar."""

# ruff: noqa: F811 - `office` is the fixture imported from test_applications
from __future__ import annotations

import datetime as dt

import pytest

from desktop import clock
from desktop.models import ExpenseSummary
from desktop.services import applications as apps
from desktop.services import approval, auth, expenses, feedback, workdays
from desktop.services.errors import PermissionDenied, ValidationError
from tests.conftest import make_user
from tests.services.test_applications import form, office  # noqa: F401 - the fixture

D = dt.date


def test_filing_the_working_day_before_is_one_day_ahead(database):
    assert workdays.lead_days_available(D(2026, 12, 1), D(2026, 12, 2)) == 1  # Tuesday → Wednesday
    assert workdays.lead_days_available(D(2026, 11, 27), D(2026, 11, 30)) == 1  # Friday → Monday
    assert workdays.lead_days_available(D(2026, 11, 28), D(2026, 11, 30)) == 0  # Saturday → Monday
    assert workdays.lead_days_available(D(2026, 12, 2), D(2026, 12, 2)) == 0


def test_lead_time_on_the_form_says_working_days(office):
    sales, host, people = office
    f = form(sales, host, days_ahead=1)
    f.arrival = dt.datetime(2026, 12, 2, 9)
    f.departure = dt.datetime(2026, 12, 2, 17)
    est = apps.estimate(f, filed=D(2026, 12, 1))
    assert est.lead_days_available == 1 and est.lead_time_text == "提前 1 个工作日"
    assert "arrival" not in apps._check_lead_time(est, f)  # 提前1天 is met, no 加急 needed


def test_an_unknown_year_is_uncertain_until_the_office_enters_it(admin):
    # chinese-calendar knows 2026, not 2027: New Year's Day 2027 counts as a working day, uncertain.
    assert workdays.year_known(2026) and not workdays.year_known(2027)
    assert workdays.lead_days_available(D(2026, 12, 31), D(2027, 1, 4)) == 2  # Thu 31, Fri 1 (!)
    assert workdays.uncertain(D(2026, 12, 31), D(2027, 1, 4))
    assert not workdays.uncertain(D(2026, 12, 1), D(2026, 12, 31))
    assert workdays.missing_years(D(2026, 12, 31)) == [2027]
    assert workdays.missing_years_message(D(2026, 12, 31)) == "2027 年法定节假日尚未录入"
    clerk = make_user(admin, "clerk", {auth.HOST})
    with pytest.raises(PermissionDenied):
        workdays.set_year(clerk, 2027, [D(2027, 1, 1)], [])
    # Spring Festival 2027 (6 February is 除夕): a week off, two make-up Saturdays.
    holidays = workdays.parse_dates("2027-01-01\n2027-02-06~2027-02-12\n2027/4/5, 2027年5月1日")
    make_up = workdays.parse_dates("2027-01-30 2027-02-20")
    workdays.set_year(admin, 2027, holidays, make_up, "2027 年放假安排")
    assert workdays.year_known(2027) and workdays.missing_years(D(2026, 12, 31)) == []
    assert not workdays.uncertain(D(2026, 12, 31), D(2027, 1, 4))
    assert workdays.lead_days_available(D(2026, 12, 31), D(2027, 1, 4)) == 1  # 1 January off
    assert not workdays.is_workday(D(2027, 2, 8)) and workdays.is_workday(D(2027, 2, 20))
    assert workdays.add_working_days(D(2027, 2, 5), 2) == D(2027, 2, 16)  # over the festival
    with pytest.raises(ValidationError):
        workdays.parse_dates("2027-02-30")
    with pytest.raises(ValidationError):
        workdays.set_year(admin, 2027, [D(2028, 1, 1)], [])


def test_stored_due_dates_follow_the_calendar(office, admin):
    sales, host, people = office
    f = form(sales, host)
    f.arrival, f.departure = dt.datetime(2027, 2, 4, 9), dt.datetime(2027, 2, 5, 17)
    info = apps.save_draft(people["host"], f)
    summary = ExpenseSummary.create(reception=info.id, due=expenses.due_date(f.departure))
    assert summary.due == D(2027, 2, 12)  # Monday–Friday guess: 5 working days after Friday 5th
    workdays.set_year(admin, 2027, workdays.parse_dates("2027-02-06~2027-02-12"), [D(2027, 2, 20)])
    assert ExpenseSummary.get_by_id(summary.id).due == D(2027, 2, 19)


@pytest.fixture
def december_2026():
    clock.set_today(D(2026, 12, 1))
    yield
    clock.set_today(None)


def approved_ending(people, sales, host, departure: dt.datetime) -> int:
    """An application ending at ``departure``, approved by whoever it waits for in turn."""
    f = form(sales, host)
    f.arrival, f.departure = departure - dt.timedelta(days=1), departure
    info = apps.submit(people["host"], apps.save_draft(people["host"], f).id)
    for _ in range(10):
        if apps.get(people["host"], info.id).info.status == apps.APPROVED:
            return info.id
        actor = next(a for a in people.values() if info.id in [i.id for i in approval.inbox(a)])
        approval.decide(actor, info.id, approval.APPROVE, "同意")
    raise AssertionError("not approved")


def test_due_dates_reaching_into_an_unknown_year_are_uncertain(office, admin, december_2026):
    sales, host, people = office
    early = approved_ending(people, sales, host, dt.datetime(2026, 12, 9, 17))
    late = approved_ending(people, sales, host, dt.datetime(2026, 12, 30, 17))
    clock.set_today(D(2027, 1, 4))
    lina = people["host"]
    status = {s.application_id: s for s in feedback.statuses(lina)}
    assert status[late].due == D(2027, 1, 1)  # Monday–Friday guess: New Year's Day counted
    assert status[late].due_uncertain and not status[early].due_uncertain
    assert expenses.get(lina, late).due_uncertain and not expenses.get(lina, early).due_uncertain
    rows = {r.application_id: r for r in expenses.list_summaries(lina)}
    assert rows[late].due_uncertain and not rows[early].due_uncertain
    workdays.set_year(admin, 2027, [D(2027, 1, 1)], [])
    status = {s.application_id: s for s in feedback.statuses(lina)}
    assert status[late].due == D(2027, 1, 4) and not status[late].due_uncertain
    assert not expenses.get(lina, late).due_uncertain
    assert not {r.application_id: r for r in expenses.list_summaries(lina)}[late].due_uncertain
