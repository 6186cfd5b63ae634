"""A host pre-registers a visitor; the desk sees them under "expected" on that day."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from desktop import clock
from desktop.services import auth, visitors
from desktop.views.preregister import PreregisterView
from desktop.views.registry import allowed, main_views


def test_host_preregisters_for_today_and_desk_sees_it(qtbot, demo_db, scripted):
    host = auth.actor_by_username("lina")
    assert [s.key for s in main_views() if allowed(s, host)] == [
        "preregister",
        "applications",
        "schedule",
        "feedback",
        "expenses",
    ]
    view = PreregisterView(host)
    qtbot.addWidget(view)
    assert view.host.host is not None and view.host.host.name == "李娜"  # defaults to me
    view.name.setText("周末")
    view.company.setText("远方科技")
    today = clock.today()  # the program's today: CI runs on a Friday, a Sunday and a holiday
    view.date.setDate(QDate(today.year, today.month, today.day))
    view.time.setTime(view.time.time().fromString("15:45", "HH:mm"))
    view.save()
    assert "周末" in view.message.text()
    assert [r.name for r in view.model.rows] == ["周末"]  # a host sees only their own

    desk = auth.actor_by_username("qiantai")
    expected = visitors.expected_on(desk, clock.today())
    row = next(r for r in expected if r.name == "周末")
    assert row.expected_time == dt.time(15, 45) and row.host_name == "李娜"


def test_preregister_validation_and_cancel(qtbot, demo_db, scripted):
    host = auth.actor_by_username("lina")
    view = PreregisterView(host)
    qtbot.addWidget(view)
    view.save()
    assert view.errors.message("name")
    view.name.setText("吴九")
    view.save()
    assert view.model.rows and view.model.rows[0].name == "吴九"
    view.table.selectRow(0)
    scripted.answers = [True]
    view.cancel_selected()
    assert view.model.rows == []


@pytest.fixture
def friday():
    clock.set_today(dt.date(2026, 11, 27))  # a Friday
    yield dt.date(2026, 11, 27)
    clock.set_today(None)


def test_date_follows_the_programs_today_and_proposes_the_next_working_day(qtbot, demo_db, friday):
    view = PreregisterView(auth.actor_by_username("lina"))
    qtbot.addWidget(view)
    assert view.date.minimumDate() == QDate(2026, 11, 27)
    assert view.date.date() == QDate(2026, 11, 30)  # Monday, not Saturday
    view.name.setText("周一来客")
    view.save()
    assert [r.expected_date for r in view.model.rows if r.name == "周一来客"] == [dt.date(2026, 11, 30)]
