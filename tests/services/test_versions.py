"""No lost updates (issue 10): a save made from a stale copy is refused, naming who changed the
record and when, and writes nothing.

Each test reads two copies of one record, saves the first, and shows the second save refused with
:class:`StaleRecord` while the first one's values stay. One test makes the first edit from a
second process (its own connection) on the same database, SQLite file or PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from desktop import clock
from desktop.models import Application, ExpenseSummary, User
from desktop.services import applications as apps
from desktop.services import (
    approval,
    arrangements,
    auth,
    budgets,
    denylist,
    expenses,
    feedback,
    org,
    resources,
    settings,
    standards,
)
from desktop.services.arrangements import ItemForm
from desktop.services.errors import StaleRecord
from desktop.services.expenses import LineForm
from tests.conftest import make_user

ROOT = Path(__file__).resolve().parents[2]


def refused(save, *, by: str) -> str:
    """``save()`` must be refused as stale, naming ``by``; returns the message."""
    with pytest.raises(StaleRecord) as exc:
        save()
    message = str(exc.value)
    assert by in message and "请重新打开后再改" in message, message
    return message


# ------------------------------------------------------------------ the message


def test_refusal_names_who_and_when(admin, monkeypatch):
    zhang = make_user(admin, "zhang", {auth.SYSADMIN})
    User.update(display_name="张伟").where(User.id == zhang.user_id).execute()
    dep = org.save_department(admin, "销售部")
    copy = org.list_departments()[0]
    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2026, 11, 25, 14, 3))
    org.save_department(zhang, "销售一部", dep.id, version=copy.version)
    message = refused(lambda: org.save_department(admin, "市场部", dep.id, version=copy.version), by="张伟")
    assert message == "这条记录已被 张伟 于 11-25 14:03 修改，请重新打开后再改。"
    assert [d.name for d in org.list_departments()] == ["销售一部"]


# ------------------------------------------------------------------ accounts


def test_stale_user_form_cannot_reactivate_a_deactivated_account(admin):
    b = make_user(admin, "admin_b", {auth.SYSADMIN})
    make_user(admin, "clerk", {auth.RECEPTIONIST})
    clerk = next(u for u in auth.list_users(admin) if u.username == "clerk")
    b_copy = next(u for u in auth.list_users(b) if u.username == "clerk")  # B opens the form
    auth.save_user(  # A deactivates the account
        admin,
        user_id=clerk.id,
        username="clerk",
        display_name=clerk.display_name,
        roles=set(clerk.roles),
        employee_id=None,
        active=False,
        version=clerk.version,
    )
    refused(
        lambda: auth.save_user(  # B saves the form still showing 启用 and a new display name
            b,
            user_id=b_copy.id,
            username="clerk",
            display_name="前台小王",
            roles=set(b_copy.roles),
            employee_id=None,
            active=True,
            version=b_copy.version,
        ),
        by="管理员",
    )
    row = User.get_by_id(clerk.id)
    assert row.active is False and row.display_name == clerk.display_name
    with pytest.raises(auth.ServiceError):
        auth.authenticate("clerk", "secret123")


def _worker(url: str, data_dir: Path, code: str) -> dict:
    """Run ``code`` in a second Python process with its own connection to the same database."""
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from desktop import db, paths\n"
        f"paths.set_data_dir(Path({str(data_dir)!r}))\n"
        f"db.open_database({url!r})\n"
        "from desktop.services import auth\n" + code
    )
    env = {**os.environ, "RECEPTION_FAST_HASH": "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_first_edit_from_another_process_on_the_same_database(admin, db_url, data_dir):
    """Admin A works in another program (own connection, SQLite file or PostgreSQL); this
    process is admin B, whose form was opened before A's change."""
    make_user(admin, "admin_a", {auth.SYSADMIN})
    make_user(admin, "clerk", {auth.RECEPTIONIST})
    b_copy = next(u for u in auth.list_users(admin) if u.username == "clerk")
    other = _worker(
        db_url,
        data_dir,
        "a = auth.actor_by_username('admin_a')\n"
        "u = next(u for u in auth.list_users(a) if u.username == 'clerk')\n"
        "auth.save_user(a, user_id=u.id, username='clerk', display_name=u.display_name,\n"
        "               roles=set(u.roles), employee_id=None, active=False, version=u.version)\n"
        "print(json.dumps({'version': next(x for x in auth.list_users(a) if x.username == 'clerk').version}))\n",
    )
    assert other["version"] == b_copy.version + 1
    refused(
        lambda: auth.save_user(
            admin,
            user_id=b_copy.id,
            username="clerk",
            display_name="前台",
            roles=set(b_copy.roles),
            employee_id=None,
            active=True,
            version=b_copy.version,
        ),
        by="admin_a",
    )
    assert User.get_by_id(b_copy.id).active is False


# ------------------------------------------------------------------ settings


def test_company_settings(admin):
    b = make_user(admin, "admin_b", {auth.SYSADMIN})
    first, second = settings.versions(), settings.versions()
    settings.save(admin, {"company_name": "甲公司"}, first)
    refused(lambda: settings.save(b, {"company_name": "乙公司"}, second), by="管理员")
    assert settings.company_name() == "甲公司"
    settings.save(b, {"company_name": "乙公司"}, settings.versions())  # a fresh copy saves
    assert settings.company_name() == "乙公司"


def test_standards(admin):
    b = make_user(admin, "admin_b", {auth.SYSADMIN, auth.ADMIN_OFFICE})
    level = standards.level_by_code("B")
    standards.save_standard(admin, level.id, meal_cap="140", version=level.version)
    refused(lambda: standards.save_standard(b, level.id, meal_cap="90", version=level.version), by="管理员")
    assert standards.current_standard(level.id).meal_cap == Decimal("140.00")


def test_budget_year(admin):
    b = make_user(admin, "admin_b", {auth.SYSADMIN, auth.FINANCE})
    dep = org.save_department(admin, "销售部")
    budgets.set_year(admin, dep.id, 2026, ["100"] * 12)
    copy = budgets.year_version(dep.id, 2026)
    budgets.set_year(admin, dep.id, 2026, ["200"] * 12, copy)
    refused(lambda: budgets.set_year(b, dep.id, 2026, ["300"] * 12, copy), by="管理员")
    assert budgets.year_amounts(dep.id, 2026) == [Decimal("200.00")] * 12


def test_approval_chain(admin):
    b = make_user(admin, "admin_b", {auth.SYSADMIN})
    steps, copy = approval.chain_steps(), approval.chain_version()
    approval.save_chain(admin, steps[:3], copy)
    refused(lambda: approval.save_chain(b, steps, copy), by="管理员")
    assert len(approval.chain_steps()) == 3


def test_pick_list_option(admin):
    b = make_user(admin, "admin_b", {auth.SYSADMIN})
    option = settings.options(settings.CATEGORY)[0]
    settings.save_option(admin, settings.CATEGORY, "老客户", option.id, version=option.version)
    refused(
        lambda: settings.save_option(
            b, settings.CATEGORY, option.label, option.id, active=False, version=option.version
        ),
        by="管理员",
    )
    row = next(o for o in settings.options(settings.CATEGORY, include_inactive=True) if o.id == option.id)
    assert row.label == "老客户" and row.active


def test_deny_list_entry(admin):
    b = make_user(admin, "admin_b", {auth.SYSADMIN, auth.ADMIN_OFFICE})
    entry = denylist.save_entry(admin, name="赵四", reason="曾冒充快递员")
    denylist.save_entry(
        admin, name="赵四", reason="曾冒充快递员", active=False, entry_id=entry.id, version=entry.version
    )
    refused(
        lambda: denylist.save_entry(
            b, name="赵四", reason="改一下原因", active=True, entry_id=entry.id, version=entry.version
        ),
        by="管理员",
    )
    row = denylist.list_entries(admin)[0]
    assert row.active is False and row.reason == "曾冒充快递员"


@pytest.mark.parametrize(
    "kind, values, first, second",
    [
        ("hotels", {"name": "甲酒店", "star": 4}, {"room_price": Decimal("400.00")}, {"room_price": "999"}),
        ("restaurants", {"name": "甲餐厅"}, {"phone": "020-1"}, {"phone": "020-2"}),
        ("rooms", {"name": "甲会议室", "capacity": 10}, {"capacity": 12}, {"capacity": 30}),
        ("vehicles", {"plate": "粤A·12345", "seats": 5}, {"driver": "老王"}, {"driver": "小李"}),
    ],
)
def test_resources(admin, kind, values, first, second):
    b = make_user(admin, "admin_b", {auth.SYSADMIN, auth.ADMIN_OFFICE})
    item = resources.save(admin, kind, values)
    resources.save(admin, kind, {**item.values, **first}, item.id, version=item.version)
    refused(
        lambda: resources.save(
            b, kind, {**item.values, **second}, item.id, active=False, version=item.version
        ),
        by="管理员",
    )
    row = next(i for i in resources.items(kind, include_inactive=True) if i.id == item.id)
    assert row.active and all(row.values[k] == v for k, v in first.items())


def test_department_and_employee(admin):
    b = make_user(admin, "admin_b", {auth.SYSADMIN})
    dep = org.save_department(admin, "销售部")
    emp = org.save_employee(admin, name="王五", department_id=dep.id, phone="13800000000")
    org.save_employee(
        admin, name="王五", department_id=dep.id, phone="13900000000", employee_id=emp.id, version=emp.version
    )
    refused(
        lambda: org.save_employee(
            b,
            name="王五",
            department_id=dep.id,
            phone=emp.phone,
            active=False,
            employee_id=emp.id,
            version=emp.version,
        ),
        by="管理员",
    )
    row = org.get_employee(emp.id)
    assert row.phone == "13900000000" and row.active
    org.save_department(admin, "销售一部", dep.id, version=dep.version)
    refused(
        lambda: org.save_department(b, "销售二部", dep.id, active=False, version=dep.version), by="管理员"
    )
    assert [(d.name, d.active) for d in org.list_departments(include_inactive=True)] == [("销售一部", True)]


# ------------------------------------------------------------------ receptions (demo office)


def test_application_draft_two_windows(demo_db):
    lina = auth.actor_by_username("lina")
    draft = next(a for a in apps.list_applications(lina) if a.status == apps.DRAFT)
    first, second = apps.get(lina, draft.id).form, apps.get(lina, draft.id).form
    apps.save_draft(lina, dataclasses.replace(first, purpose="第一扇窗口"), draft.id)
    refused(
        lambda: apps.save_draft(lina, dataclasses.replace(second, purpose="第二扇窗口"), draft.id), by="李娜"
    )
    assert Application.get_by_id(draft.id).purpose == "第一扇窗口"
    # The version handed back by the first save lets the same window save again.
    again = apps.get(lina, draft.id)
    info = apps.save_draft(lina, dataclasses.replace(again.form, purpose="再改"), draft.id)
    assert info.version == again.form.version + 1


def _item_form(info: arrangements.ItemInfo, **changes) -> ItemForm:
    names = {f.name for f in dataclasses.fields(ItemForm)}
    values = {k: getattr(info, k) for k in names if hasattr(info, k)}
    values["attendee_ids"] = list(info.attendee_ids)
    return dataclasses.replace(ItemForm(**values), **changes)


def test_arrangement_item(demo_db):
    admin = auth.actor_by_username("admin")
    other = make_user(admin, "xingzheng2", {auth.ADMIN_OFFICE})
    detail = next(
        d
        for d in (
            arrangements.get(admin, a.id)
            for a in apps.list_applications(admin, scope="all")
            if a.status == apps.APPROVED
        )
        if d.items
    )
    item = detail.items[0]
    arrangements.save_item(admin, detail.root_id, _item_form(item, notes="第一位"), item.id)
    refused(
        lambda: arrangements.save_item(other, detail.root_id, _item_form(item, notes="第二位"), item.id),
        by="演示管理员",
    )
    now = next(i for i in arrangements.get(admin, detail.root_id).items if i.id == item.id)
    assert now.notes == "第一位" and now.version == item.version + 1


@pytest.fixture
def claim(demo_db):
    """A past reception of lina's with an editable (draft) expense summary and one line."""
    lina = auth.actor_by_username("lina")
    app = min(
        (
            a
            for a in apps.list_applications(lina)
            if a.status == apps.APPROVED and a.departure.date() < clock.today()
        ),
        key=lambda a: a.arrival,
    )
    ExpenseSummary.delete().where(ExpenseSummary.reception == app.root_id).execute()
    day = app.arrival.date()
    expenses.save_line(lina, app.id, LineForm("other", day, "50", vendor="文具店", reason="会议资料"))
    return lina, app


def test_expense_line(claim):
    lina, app = claim
    admin = auth.actor_by_username("admin")
    line = expenses.get(lina, app.id).lines[0]
    form = LineForm("other", line.date, "80", vendor="文具店", reason="会议资料", version=line.version)
    expenses.save_line(admin, app.id, form, line.id)
    refused(
        lambda: expenses.save_line(lina, app.id, dataclasses.replace(form, total="20"), line.id),
        by="演示管理员",
    )
    assert expenses.get(lina, app.id).lines[0].total == Decimal("80.00")


def test_expense_summary_submitted_from_a_stale_view(claim):
    lina, app = claim
    admin = auth.actor_by_username("admin")
    seen = expenses.get(lina, app.id)  # lina looks at one ¥50 line
    expenses.save_line(
        admin, app.id, LineForm("other", app.arrival.date(), "5000", vendor="礼品店", reason="礼品")
    )
    refused(lambda: expenses.submit(lina, app.id, version=seen.version), by="演示管理员")
    assert expenses.get(lina, app.id).status == expenses.DRAFT
    fresh = expenses.get(lina, app.id)
    assert expenses.submit(lina, app.id, version=fresh.version).status == expenses.SUBMITTED


def test_feedback(demo_db):
    admin = auth.actor_by_username("admin")
    lina = auth.actor_by_username("lina")
    ended = [s for s in feedback.statuses(admin) if s.submitted_at is None]
    target = next(s for s in ended if apps.get(admin, s.application_id).info.applicant_id == lina.user_id)
    first, second = feedback.get(admin, target.application_id), feedback.get(lina, target.application_id)
    assert first.version == 0  # nobody filed it yet

    def filled(form, text):
        return dataclasses.replace(
            form, discussed=text, satisfaction=4, followup_owner_id=form.followup_owner_id or 1
        )

    feedback.submit(admin, target.application_id, filled(first, "行政部填的"))
    refused(lambda: feedback.submit(lina, target.application_id, filled(second, "李娜填的")), by="演示管理员")
    assert feedback.get(admin, target.application_id).discussed == "行政部填的"
    again = feedback.get(lina, target.application_id)
    feedback.submit(lina, target.application_id, filled(again, "李娜补充"))
    refused(lambda: feedback.submit(admin, target.application_id, filled(first, "旧的")), by="李娜")
    assert feedback.get(admin, target.application_id).discussed == "李娜补充"
