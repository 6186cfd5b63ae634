"""Input the service layer refuses (or cleans) the same way on SQLite and PostgreSQL.

Each finding of issue 10 as it was reproduced: SQLite stored 10,000-character names and a
5,000-character badge while PostgreSQL crashed with a raw DataError; a 1e12 amount likewise; an
arrival on 9999-12-30 crashed with ValueError; 1900 and 2100 receptions were stored; a ¥5,000
lodging line with 0 nights and a ¥3,000 meal with 0 guests skipped the cap check.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop import clock
from desktop.models import ExpenseLine, Feedback, Visit
from desktop.services import applications as apps
from desktop.services import (
    arrangements,
    auth,
    expenses,
    feedback,
    org,
    resources,
    settings,
    validation,
    visitors,
)
from desktop.services.applications import ApplicationForm, GuestForm
from desktop.services.errors import ValidationError
from desktop.services.expenses import LineForm
from desktop.services.visitors import VisitForm
from tests.conftest import make_user


@pytest.fixture
def office(admin):
    sales = org.save_department(admin, "销售一部")
    host = org.save_employee(admin, name="李娜", department_id=sales.id)
    desk = make_user(admin, "desk", {auth.RECEPTIONIST})
    lina = make_user(admin, "lina", {auth.HOST}, host.id)
    return admin, sales, host, desk, lina


def _form(sales, host, **kw) -> ApplicationForm:
    arrival = dt.datetime.combine(clock.today() + dt.timedelta(days=14), dt.time(9))
    values = dict(
        client_company="华东精密机械有限公司",
        level_id=apps.standards.level_by_code("C").id,
        department_id=sales.id,
        arrival=arrival,
        departure=arrival + dt.timedelta(hours=8),
        purpose="商务洽谈",
        responsible_id=host.id,
        guests=[GuestForm("王总")],
    )
    values.update(kw)
    return ApplicationForm(**values)


def _approved(lina, sales, host) -> int:
    arrival = dt.datetime.combine(clock.today() - dt.timedelta(days=5), dt.time(9))
    info = apps.save_draft(
        lina, _form(sales, host, arrival=arrival, departure=arrival + dt.timedelta(hours=8))
    )
    apps.Application.update(status=apps.APPROVED).where(apps.Application.id == info.id).execute()
    return info.id


def test_long_texts_are_refused_with_the_field_named(office):
    _, sales, host, desk, lina = office
    form = VisitForm(
        name="王五", phone="13812345678", host_id=host.id, company="公" * 10000, badge_no="7" * 5000
    )
    with pytest.raises(ValidationError) as exc:
        visitors.check_in(desk, form)
    assert "单位" in exc.value.errors["company"] and "200" in exc.value.errors["company"]
    assert "胸卡号" in exc.value.errors["badge_no"] and "20" in exc.value.errors["badge_no"]
    assert Visit.select().count() == 0
    with pytest.raises(ValidationError) as exc:
        apps.save_draft(lina, _form(sales, host, client_company="公" * 10000, guests=[GuestForm("王" * 61)]))
    assert "来宾公司名称" in exc.value.errors["client_company"]
    assert "guest0" in exc.value.errors


def test_amounts_within_range_with_two_decimals(office):
    _, sales, host, _, lina = office
    app = _approved(lina, sales, host)
    day = clock.today() - dt.timedelta(days=5)
    for total, word in (
        ("1e12", "10 亿"),
        ("1000000000", "10 亿"),
        ("-5", "负数"),
        ("12.345", "两位小数"),
        ("abc", "金额"),
    ):
        with pytest.raises(ValidationError) as exc:
            expenses.save_line(lina, app, LineForm("other", day, total, reason="x"))
        assert "价税合计" in exc.value.errors["total"] and word in exc.value.errors["total"], total
    assert ExpenseLine.select().count() == 0
    line = expenses.save_line(lina, app, LineForm("other", day, "999,999,999.99", reason="x"))
    assert ExpenseLine.get_by_id(line).total == Decimal("999999999.99")


def test_a_claimed_amount_needs_the_quantity_its_standard_is_per(office):
    _, sales, host, _, lina = office
    app = _approved(lina, sales, host)
    day = clock.today() - dt.timedelta(days=5)
    cases = [
        (LineForm("lodging", day, "5000", rooms=1, nights=0), "nights", "晚数"),
        (LineForm("lodging", day, "5000", rooms=0, nights=2), "rooms", "房间数"),
        (LineForm("meals", day, "3000", guests=0, diners=3), "guests", "来宾人数"),
        (LineForm("transport", day, "800", trips=0), "trips", "趟数"),
        (LineForm("meals", day, "300", guests=-2), "guests", "负数"),
    ]
    for form, key, word in cases:
        with pytest.raises(ValidationError) as exc:
            expenses.save_line(lina, app, form)
        assert word in exc.value.errors[key], (form, exc.value.errors)
    assert ExpenseLine.select().count() == 0
    # With the quantity the cap check runs: ¥5,000 for one room-night is over the standard.
    line = expenses.save_line(lina, app, LineForm("lodging", day, "5000", rooms=1, nights=1))
    info = expenses.get(lina, app)
    assert any(c.code == "over_standard" for c in next(x for x in info.lines if x.id == line).checks)


def test_dates_far_from_today_are_refused_not_crashed(office):
    _, sales, host, desk, lina = office
    for arrival in (
        dt.datetime(9999, 12, 30, 9),
        dt.datetime(1900, 1, 1, 9),
        dt.datetime(2100, 1, 1, 9),
    ):
        with pytest.raises(ValidationError) as exc:
            apps.save_draft(
                lina, _form(sales, host, arrival=arrival, departure=arrival + dt.timedelta(hours=1))
            )
        assert "到达时间" in exc.value.errors["arrival"] and "2000-01-01" in exc.value.errors["arrival"]
    start = dt.datetime.combine(clock.today() + dt.timedelta(days=14), dt.time(9))
    with pytest.raises(ValidationError) as exc:
        apps.save_draft(lina, _form(sales, host, arrival=start, departure=start - dt.timedelta(hours=1)))
    assert "departure" in exc.value.errors
    app = _approved(lina, sales, host)
    with pytest.raises(ValidationError) as exc:
        expenses.save_line(lina, app, LineForm("other", dt.date(1900, 1, 1), "10", reason="x"))
    assert "费用日期" in exc.value.errors["date"]
    with pytest.raises(ValidationError) as exc:
        visitors.preregister(lina, VisitForm(name="王五", host_id=host.id, expected_date=dt.date(2100, 1, 1)))
    assert "预约日期" in exc.value.errors["expected_date"]
    admin = office[0]
    when = dt.datetime.combine(clock.today() - dt.timedelta(days=5), dt.time(10))
    with pytest.raises(ValidationError) as exc:
        arrangements.save_item(
            admin, app, arrangements.ItemForm(kind="meeting", start=when, end=when - dt.timedelta(hours=1))
        )
    assert "end" in exc.value.errors
    with pytest.raises(ValidationError) as exc:
        arrangements.save_item(
            admin, app, arrangements.ItemForm(kind="meeting", start=when, end=dt.datetime(9999, 1, 1))
        )
    assert "结束时间" in exc.value.errors["end"]


def test_control_characters_are_removed_from_text(office):
    _, sales, host, desk, lina = office
    row = visitors.check_in(
        desk,
        VisitForm(
            name="张\x00三",
            company="华东\x07精密",
            phone="13812345678",
            host_id=host.id,
            remarks="第一行\n第二行\x00",
        ),
    )
    stored = Visit.get_by_id(row.id)
    assert (stored.name, stored.company, stored.remarks) == ("张三", "华东精密", "第一行\n第二行")
    app = _approved(lina, sales, host)
    feedback.submit(lina, app, feedback.FeedbackForm("谈了\x00订单", "交期\x1b", 4, host.id))
    fb = Feedback.get(Feedback.reception == app)
    assert (fb.discussed, fb.requirements) == ("谈了订单", "交期")
    with pytest.raises(ValidationError) as exc:
        feedback.submit(lina, app, feedback.FeedbackForm("\x00\x01", "", 4, host.id))
    assert "discussed" in exc.value.errors


def test_settings_lists_and_accounts_are_checked(office):
    admin, sales, _, _, _ = office
    with pytest.raises(ValidationError) as exc:
        settings.save(admin, {"expense_due_days": "abc"})
    assert "expense_due_days" in exc.value.errors
    with pytest.raises(ValidationError):
        settings.save(admin, {"expense_due_days": "99999"})
    settings.save(admin, {"expense_due_days": "7", "company_name": "示例\x00公司"})
    assert settings.get("expense_due_days") == "7" and settings.company_name() == "示例公司"
    with pytest.raises(ValidationError) as exc:
        resources.save(admin, "hotels", {"name": "酒" * 101, "room_price": "1e12", "star": -1})
    assert {"name", "room_price", "star"} <= set(exc.value.errors)
    with pytest.raises(ValidationError) as exc:
        org.save_employee(admin, name="员" * 61, department_id=sales.id)
    assert "员工姓名" in exc.value.errors["name"]
    with pytest.raises(ValidationError) as exc:
        org.save_department(admin, "部" * 101)
    assert "部门名称" in exc.value.errors["name"]
    with pytest.raises(ValidationError) as exc:
        make_user(admin, "u" * 61, {auth.HOST})
    assert "用户名" in exc.value.errors["username"]


def test_deny_list_budgets_and_standards_are_checked(office):
    """The three settings forms that took any length or amount before."""
    from desktop.models import DenyEntry, DepartmentBudget, LevelStandard
    from desktop.services import budgets, denylist, standards

    admin, sales, _, _, _ = office
    with pytest.raises(ValidationError) as exc:
        denylist.save_entry(admin, name="张" * 10_000, company="恒" * 5000, reason="\x00")
    assert "姓名" in exc.value.errors["name"] and "单位" in exc.value.errors["company"]
    assert "reason" in exc.value.errors and DenyEntry.select().count() == 0
    denylist.save_entry(admin, company="东莞恒信\x00模具", reason="欠款")
    assert DenyEntry.get().company == "东莞恒信模具"

    months = ["1000"] * 12
    with pytest.raises(ValidationError) as exc:
        budgets.set_year(admin, sales.id, 2026, ["1e12", "-5", *months[2:]])
    assert "1 月金额" in exc.value.errors["month1"] and "month2" in exc.value.errors
    with pytest.raises(ValidationError) as exc:
        budgets.set_year(admin, sales.id, 9999, months)
    assert "year" in exc.value.errors and DepartmentBudget.select().count() == 0

    level = standards.level_by_code("C")
    before = LevelStandard.select().count()
    with pytest.raises(ValidationError) as exc:
        standards.save_standard(
            admin, level.id, name="级" * 500, meal_cap="1e12", accompany_ratio=10**9, accompany="陪" * 500
        )
    assert {"name", "meal_cap", "accompany_ratio", "accompany"} <= set(exc.value.errors)
    assert "陪同人员" in exc.value.errors["accompany"]
    assert LevelStandard.select().count() == before


def test_helpers():
    errors: dict[str, str] = {}
    assert validation.money(errors, "a", "金额", "¥1,234.50") == Decimal("1234.50")
    assert validation.money(errors, "b", "金额", "") is None and not errors
    for bad in ("NaN", "Infinity", "1e12", Decimal("1E+999999"), True, "-0.01"):
        e: dict[str, str] = {}
        assert validation.money(e, "x", "金额", bad) is None and "金额" in e["x"], bad
    assert validation.clean_text(" a\tb\nc\x00 ") == "a b c"
    assert validation.clean_text("a\r\nb\u2028", multiline=True) == "a\nb"
    e = {}
    assert validation.count(e, "n", "人数", "12") == 12 and not e
    validation.count(e, "n", "人数", 10**12)
    assert "人数" in e["n"]
    e = {}
    validation.day(e, "d", "日期", dt.date(1999, 12, 31))
    validation.day(e, "ok", "日期", dt.date(2099, 12, 31))
    assert list(e) == ["d"]
