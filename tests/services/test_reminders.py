"""Issue 11: "feedback or expense summary overdue → owner" — told once, in the program and by
mail (a local SMTP server), never again for the same item."""

# ruff: noqa: F811 - the fixtures imported from the other service tests
from __future__ import annotations

import datetime as dt

import pytest

from desktop import clock
from desktop.models import Notification, Outbox
from desktop.services import expenses, notifications, outbox, reminders
from desktop.services.expenses import LineForm
from tests.services.test_applications import office  # noqa: F401 - the fixture
from tests.services.test_outbox import smtp  # noqa: F401 - the fixture
from tests.services.test_working_day_rules import approved_ending

D = dt.date


@pytest.fixture
def october_2026():
    clock.set_today(D(2026, 10, 15))
    yield
    clock.set_today(None)


def overdue_titles(actor):
    return [n.title for n in notifications.recent(actor) if "逾期" in n.title]


def test_overdue_feedback_and_expenses_tell_the_owner_once(office, admin, smtp, october_2026):
    sales, host, people = office
    port, mails = smtp
    outbox.save_channel(
        admin,
        channel_id=None,
        name="公司邮箱",
        kind=outbox.EMAIL,
        config={"host": "127.0.0.1", "port": port, "security": "none", "sender": "noreply@example.com"},
        events=[outbox.OVERDUE],
    )
    lina = people["host"]  # the applicant, and the account of the 接待负责人
    outbox.set_email(admin, lina.user_id, "lina@example.com")
    app_id = approved_ending(people, sales, host, dt.datetime(2026, 11, 4, 17))  # a Wednesday
    number = expenses.get(lina, app_id).application.number

    clock.set_today(D(2026, 11, 6))  # feedback due today (2 working days): not overdue yet
    assert reminders.send_overdue() == 0 and overdue_titles(lina) == []

    clock.set_today(D(2026, 11, 9))  # the Monday after: feedback overdue, expenses due 11 Nov
    assert reminders.send_overdue() == 1
    assert overdue_titles(lina) == [f"反馈表逾期：{number} 华东精密机械有限公司"]
    assert outbox.send_due() == 1
    assert mails[0][0] == ["lina@example.com"] and "2026-11-06" in mails[0][1]
    assert reminders.send_overdue() == 0  # remembered: never twice
    assert reminders.send_overdue(D(2026, 11, 10)) == 0
    told = Notification.select().where(Notification.kind.in_(reminders.KINDS))
    assert [n.user_id for n in told] == [lina.user_id]  # the owner only, not the approvers

    # The expense summary: a draft line is not a submission; overdue after 11 November.
    expenses.save_line(lina, app_id, LineForm("meals", D(2026, 11, 3), "200", guests=2))
    clock.set_today(D(2026, 11, 12))
    assert reminders.send_overdue() == 1
    assert overdue_titles(lina)[0] == f"费用汇总逾期：{number} 华东精密机械有限公司"
    assert reminders.send_overdue() == 0
    assert Outbox.select().where(Outbox.event == outbox.OVERDUE).count() == 2


def test_handed_in_on_time_is_never_reminded(office, october_2026):
    from desktop.services import feedback

    sales, host, people = office
    lina = people["host"]
    app_id = approved_ending(people, sales, host, dt.datetime(2026, 11, 4, 17))
    feedback.submit(
        lina,
        app_id,
        feedback.FeedbackForm(discussed="年度框架协议", satisfaction=4, followup_owner_id=host.id),
    )
    expenses.save_line(lina, app_id, LineForm("meals", D(2026, 11, 3), "200", guests=2))
    expenses.submit(lina, app_id, now=dt.datetime(2026, 11, 5, 9))
    assert reminders.send_overdue(D(2026, 11, 20)) == 0
    assert overdue_titles(lina) == []
