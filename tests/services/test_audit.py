"""The audit trail (issue 12): the hash chain, tamper detection, who may read it, and that each
writer leaves an entry saying who changed which record, old → new."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest
from openpyxl import Workbook

from desktop import clock
from desktop.db import database
from desktop.models import (
    Application,
    AuditEntry,
    ExpenseSummary,
    ImportBatch,
    ImportedLine,
    LineMatch,
    ReceptionLevel,
)
from desktop.services import (
    applications,
    approval,
    approval_actions,
    arrangements,
    audit,
    auth,
    budgets,
    denylist,
    expenses,
    feedback,
    fines,
    imports,
    org,
    reconcile,
    settings,
    standards,
    visitors,
    workdays,
)
from desktop.services.errors import PermissionDenied, ServiceError
from tests.conftest import make_user


def entries(kind: str | None = None, action: str | None = None) -> list[AuditEntry]:
    query = AuditEntry.select().order_by(AuditEntry.id)
    if kind:
        query = query.where(AuditEntry.kind == kind)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(query)


def last(kind: str, action: str | None = None) -> AuditEntry:
    found = entries(kind, action)
    assert found, f"no audit entry of kind {kind!r} action {action!r}"
    return found[-1]


def changes(entry: AuditEntry) -> dict:
    return json.loads(entry.changes)


# ------------------------------------------------------------------------------- the chain


def test_each_entry_carries_the_hash_of_the_one_before(admin):
    AuditEntry.delete().execute()
    first = audit.record(admin, "edit", "application", 7, {"total": (Decimal("100.00"), Decimal("120.50"))})
    second = audit.record(admin, "edit", "application", 7, {"arrival": (dt.date(2026, 1, 2), None)}, "JD-1")
    assert first.prev_hash == "" and len(first.hash) == 64
    assert second.prev_hash == first.hash
    # Money and dates are stored as text, so JSON carries them exactly.
    assert changes(first) == {"total": ["100.00", "120.50"]}
    assert changes(second) == {"arrival": ["2026-01-02", None]}
    result = audit.verify()
    assert result.ok and result.count == 2 and result.first_broken_id is None


def test_a_row_edited_with_sql_breaks_the_chain_there(admin):
    AuditEntry.delete().execute()
    ids = [audit.record(admin, "edit", "setting", f"k{i}", {"v": (i, i + 1)}).id for i in range(4)]
    assert audit.verify().ok
    database.execute_sql(
        "UPDATE audit_entry SET changes = ? WHERE id = ?".replace("?", _mark()), ('{"v":[1,9]}', ids[1])
    )
    result = audit.verify()
    assert not result.ok and result.first_broken_id == ids[1] and result.count == 2
    assert "改动" in result.reason and str(ids[1]) in result.message


def test_a_deleted_row_breaks_the_chain_at_the_next_one(admin):
    AuditEntry.delete().execute()
    ids = [audit.record(admin, "edit", "setting", f"k{i}").id for i in range(3)]
    database.execute_sql(f"DELETE FROM audit_entry WHERE id = {ids[1]}")
    result = audit.verify()
    assert not result.ok and result.first_broken_id == ids[2]


def test_a_deleted_account_keeps_its_name_and_the_chain(admin):
    AuditEntry.delete().execute()
    clerk = make_user(admin, "clerk", {auth.ADMIN_OFFICE})
    entry = audit.record(clerk, "edit", "setting", "x", {"a": (1, 2)})
    database.execute_sql(f"UPDATE audit_entry SET user_id = NULL WHERE id = {entry.id}")  # as on_delete does
    assert audit.verify().ok
    assert AuditEntry.get_by_id(entry.id).user_name == "clerk"


def _mark() -> str:
    return "?" if database.obj.param == "?" else "%s"


def test_diff_reports_changed_fields_only():
    @dataclasses.dataclass
    class Row:
        name: str
        total: Decimal
        day: dt.date | None

    row = Row("粤海酒家", Decimal("100.00"), dt.date(2026, 3, 1))
    assert audit.diff(row, {"name": "粤海酒家", "total": Decimal("100"), "day": dt.date(2026, 3, 1)}) == {}
    assert audit.diff(row, {"total": Decimal("120"), "day": None}) == {
        "total": (Decimal("100.00"), Decimal("120")),
        "day": (dt.date(2026, 3, 1), None),
    }
    assert audit.diff({"a": ""}, {"a": None}) == {}


def test_failed_login_has_no_actor_but_a_name(admin):
    AuditEntry.delete().execute()
    with pytest.raises(ServiceError):
        auth.authenticate("root", "wrong-password")
    with pytest.raises(ServiceError):
        auth.authenticate("nobody", "whatever1")
    tried = entries("login", "login_failed")
    assert [(e.user_name, e.user_id) for e in tried] == [("root", None), ("nobody", None)]
    assert tried[0].record_id == str(admin.user_id) and tried[0].note
    assert audit.verify().ok


# --------------------------------------------------------------------------- reading it


def test_only_auditor_and_sysadmin_read_the_trail(admin):
    audit.record(admin, "edit", "setting", "x")
    auditor = make_user(admin, "shenji", {auth.AUDITOR})
    finance = make_user(admin, "caiwu", {auth.FINANCE})
    assert audit.search(auditor).total >= 1
    assert audit.search(admin).total >= 1
    with pytest.raises(PermissionDenied):
        audit.search(finance)
    with pytest.raises(PermissionDenied):
        audit.verify(finance)
    with pytest.raises(PermissionDenied):
        audit.kinds_in_use(finance)


def test_search_filters_by_person_kind_record_action_and_dates(admin):
    AuditEntry.delete().execute()
    clerk = make_user(admin, "clerk", {auth.ADMIN_OFFICE})
    AuditEntry.delete().execute()
    audit.record(admin, "edit", "setting", "company_name", {"company_name": ("甲", "乙")})
    audit.record(clerk, "create", "deny", 5)
    audit.record(clerk, "delete", "deny", 6)
    AuditEntry.update(at=dt.datetime(2020, 1, 1, 9, 0)).where(AuditEntry.record_id == "6").execute()
    assert [r.record_id for r in audit.search(admin, person="clerk").rows] == ["6", "5"]
    assert [r.record_id for r in audit.search(admin, kind="deny", action="create").rows] == ["5"]
    assert [r.record_id for r in audit.search(admin, record_id="company_name").rows] == ["company_name"]
    today = clock.today()
    assert {r.record_id for r in audit.search(admin, date_from=today, date_to=today).rows} == {
        "company_name",
        "5",
    }
    assert [r.record_id for r in audit.search(admin, date_to=dt.date(2020, 1, 1)).rows] == ["6"]
    page = audit.search(admin, limit=2)
    assert page.total == 3 and len(page.rows) == 2
    row = audit.search(admin, kind="setting").rows[0]
    assert row.changes_text == "公司名称（印在表单上）: 甲 → 乙" and row.kind_text == "设置"


# ------------------------------------------------------------------- each writer leaves one


@pytest.fixture
def demo(demo_db):
    AuditEntry.delete().execute()
    return demo_db


def test_application_create_edit_submit_and_withdraw(demo):
    lina = auth.actor_by_username("lina")
    draft = next(a for a in applications.list_applications(lina) if a.status == applications.DRAFT)
    detail = applications.get(lina, draft.id)
    form = dataclasses.replace(detail.form, remarks="请备素食")
    applications.save_draft(lina, form, draft.id)
    entry = last("application", "edit")
    assert entry.record_id == str(draft.id) and entry.user_id == lina.user_id
    assert changes(entry)["remarks"][1] == "请备素食"
    created = applications.save_draft(lina, dataclasses.replace(detail.form, version=None))
    assert last("application", "create").record_id == str(created.id)
    applications.submit(lina, created.id)
    assert changes(last("application", "submit"))["status"] == [applications.DRAFT, applications.PENDING]
    applications.withdraw(lina, created.id, "改期")
    assert changes(last("application", "withdraw"))["status"] == [
        applications.PENDING,
        applications.WITHDRAWN,
    ]


def test_approval_decisions_and_actions(demo):
    pending = next(a for a in Application.select() if a.status == applications.PENDING)
    approver_ids = approval.current_approvers(pending)
    from desktop.models import User

    approver = auth.actor_by_username(User.get_by_id(approver_ids[0]).username)
    approval_actions.remind(auth.actor_by_username(pending.applicant.username), pending.id, "请尽快")
    assert last("application", "remind").record_id == str(pending.id)
    approval.decide(approver, pending.id, approval.RETURN, "补充客户背景")
    entry = last("application", "return")
    assert changes(entry)["status"] == [applications.PENDING, applications.RETURNED]
    assert entry.user_id == approver.user_id and "补充客户背景" in entry.changes


def test_arrangement_item(demo):
    admin = auth.actor_by_username("liuyang")
    app = next(a for a in Application.select() if a.status == applications.APPROVED)
    detail = arrangements.get(admin, app.id)
    item = detail.items[0]
    form = arrangements.ItemForm(
        kind=item.kind, start=item.start, end=item.end, place="三楼大会议室", version=item.version
    )
    arrangements.save_item(admin, app.id, form, item.id)
    entry = last("arrangement", "edit")
    assert entry.record_id == str(app.root_id or app.id) and changes(entry)["place"][1] == "三楼大会议室"


@pytest.fixture
def past(demo):
    lina = auth.actor_by_username("lina")
    app = min(
        (a for a in applications.list_applications(lina) if a.status == applications.APPROVED),
        key=lambda a: a.arrival,
    )
    for model in (LineMatch, ImportedLine, ImportBatch, ExpenseSummary):
        model.delete().execute()
    return lina, Application.get_by_id(app.id)


def test_expense_lines_and_states(past):
    lina, app = past
    d = app.arrival.date()
    line = expenses.save_line(
        lina, app.id, expenses.LineForm("meals", d, "300", vendor="公司食堂", guests=2, diners=1)
    )
    assert changes(last("expense_line", "create"))["total"] == [None, "300.00"]  # as validated
    expenses.save_line(
        lina,
        app.id,
        expenses.LineForm("meals", d, "180", vendor="公司食堂", guests=2, diners=1, version=None),
        line,
    )
    old, new = changes(last("expense_line", "edit"))["total"]
    assert (Decimal(old), Decimal(new)) == (Decimal(300), Decimal(180))
    expenses.submit(lina, app.id)
    entry = last("expense_summary", "submit")
    assert changes(entry)["status"] == [expenses.DRAFT, expenses.SUBMITTED]
    assert entry.record_id == str(app.root_id or app.id)


def test_import_undo_and_reconciliation_decisions(past, tmp_path):
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = app.arrival.date()
    wb = Workbook()
    ws = wb.active
    ws.append(["发票代码", "发票号码", "开票日期", "销方名称", "金额", "税额", "价税合计"])
    ws.append(["", "999", d.isoformat(), "完全无关的公司", "1000", "0", "1000"])
    path = tmp_path / "inv.xlsx"
    wb.save(path)
    batch = imports.commit(finance, imports.preview(finance, path))
    assert changes(last("import", "import")) == {"lines": [None, 1]}
    line = ImportedLine.get(ImportedLine.batch == batch)
    reconcile.not_reception(finance, line.id)
    entry = last("reconcile", "decide")
    assert entry.record_id == str(line.id) and changes(entry)["decision"][1] == "not_reception"
    reconcile.unmatch(finance, line.id)
    assert changes(last("reconcile", "unmatch"))["decision"][0] == "not_reception"
    imports.undo(finance, batch)
    assert last("import", "undo").record_id == str(batch)


def test_settings_standards_budgets_and_calendar(demo):
    admin = auth.actor_by_username("admin")
    old = settings.get("company_name")
    settings.save(admin, {"company_name": "东莞恒信模具有限公司"})
    assert changes(last("setting"))["company_name"] == [old, "东莞恒信模具有限公司"]
    level = ReceptionLevel.get(ReceptionLevel.code == "C")
    current = standards.current_standard(level.id)
    standards.save_standard(admin, level.id, meal_cap=str(current.meal_cap + 10))
    entry = last("standard")
    assert entry.record_id == str(level.id) and changes(entry)["meal_cap"][1] == str(current.meal_cap + 10)
    dep = org.list_departments()[0]
    budgets.set_year(admin, dep.id, 2031, ["1000"] * 12)
    assert changes(last("budget"))["1"] == [None, "1000.00"]
    workdays.set_override(admin, dt.date(2031, 5, 6), False, "公司活动")
    assert changes(last("calendar"))["is_workday"] == [None, False]


def test_users_roles_org_deny_list_fines_and_feedback(demo):
    admin = auth.actor_by_username("admin")
    shenji = auth.actor_by_username("shenji")
    user = next(u for u in auth.list_users(admin) if u.username == "lina")
    auth.save_user(
        admin,
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles={auth.HOST, auth.DEPT_MANAGER},
        employee_id=user.employee_id,
        version=user.version,
    )
    assert changes(last("user", "edit"))["roles"] == [[auth.HOST], [auth.DEPT_MANAGER, auth.HOST]]
    dep = org.save_department(admin, "审计部")
    assert last("org", "create").record_id == f"department:{dep.id}"
    entry = denylist.save_entry(admin, phone="13800001111", reason="推销")
    denylist.delete_entry(admin, entry.id)
    assert [e.action for e in entries("deny")] == ["create", "delete"]
    person = next(e for e in org.list_employees() if e.name == "李娜")
    article = fines.articles()[0]
    slip = fines.record(
        shenji, fines.FineForm(person_id=person.id, article=article.code, occurred_on=clock.today())
    )
    assert last("fine", "create").record_id == str(slip.fine.id)
    status = feedback.statuses(admin)[0]
    form = feedback.get(admin, status.application_id)
    feedback.submit(
        admin, status.application_id, dataclasses.replace(form, discussed="价格与交期", satisfaction=4)
    )
    assert changes(last("feedback", "submit"))["discussed"][1] == "价格与交期"


def test_every_unmasked_id_view_is_recorded(admin):
    dep = org.save_department(admin, "销售一部")
    host = org.save_employee(admin, name="张伟", department_id=dep.id, phone="13900001111")
    desk = make_user(admin, "desk", {auth.RECEPTIONIST})
    row = visitors.check_in(
        desk,
        visitors.VisitForm(name="李四", phone="13812345678", host_id=host.id, id_number="440106199001011235"),
    )
    AuditEntry.delete().execute()
    visitors.search_log(desk, visitors.LogQuery())  # masked: nothing to record
    assert entries("visitor") == []
    shown = visitors.search_log(admin, visitors.LogQuery())
    assert shown[0].id_number == "440106199001011235"
    entry = last("visitor", "view_id")
    assert entry.user_id == admin.user_id and changes(entry) == {"visits": [None, [row.id]]}
