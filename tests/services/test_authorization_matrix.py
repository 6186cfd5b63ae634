"""Every service function that reads or writes one record × every role × owner / non-owner.

A role is not enough: a host from another department could add lines to a colleague's expense
summary, submit it, overwrite their feedback and read any visit (with the phone number) by its
id. Each row of :data:`CASES` says which roles may act as the record's own person ("owner": the
applicant and 接待负责人, the host of the visit, the head of the department for a decision) and
which roles may act on a record that is not theirs ("other": an employee of another department).
Everything else must raise :class:`PermissionDenied` and change nothing: every table is compared
before and after.

The world is built once per module; each case runs inside a savepoint that is rolled back, so the
cases are independent and the 600-odd combinations stay fast on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest

from desktop import clock, db, paths
from desktop.db import database
from desktop.models import (
    ALL_MODELS,
    Application,
    ChecklistItem,
    ExpenseLine,
    ExpenseRecord,
    ExpenseSummary,
    ImportBatch,
    ImportedLine,
    Visit,
)
from desktop.services import applications as apps
from desktop.services import (
    approval,
    arrangements,
    auth,
    expenses,
    feedback,
    imports,
    org,
    reconcile,
    setup,
    standards,
    visitors,
)
from desktop.services.applications import ApplicationForm, GuestForm
from desktop.services.auth import (
    ADMIN_OFFICE,
    AUDITOR,
    DEPT_MANAGER,
    FINANCE,
    GENERAL_MANAGER,
    HOST,
    RECEPTIONIST,
    ROLES,
    SYSADMIN,
    Actor,
)
from desktop.services.errors import PermissionDenied
from tests.conftest import make_user

ALL = frozenset(ROLES)
NONE: frozenset[str] = frozenset()
FILE_APPS = frozenset({HOST, DEPT_MANAGER, ADMIN_OFFICE, SYSADMIN})  # applications.file
VIEW_ALL_APPS = frozenset({ADMIN_OFFICE, FINANCE, GENERAL_MANAGER, AUDITOR, SYSADMIN})
MANAGE = frozenset({ADMIN_OFFICE, SYSADMIN})  # arrangements.manage: every reception
EXPENSE_ROLES = frozenset({HOST, DEPT_MANAGER, ADMIN_OFFICE, SYSADMIN, FINANCE, GENERAL_MANAGER, AUDITOR})
EXPENSE_VIEW_ALL = frozenset({FINANCE, GENERAL_MANAGER, AUDITOR, ADMIN_OFFICE, SYSADMIN})
FEEDBACK_ROLES = frozenset({HOST, DEPT_MANAGER, ADMIN_OFFICE, GENERAL_MANAGER, AUDITOR, SYSADMIN})
FEEDBACK_ALL = frozenset({ADMIN_OFFICE, GENERAL_MANAGER, AUDITOR, SYSADMIN})
DESK = frozenset({RECEPTIONIST, ADMIN_OFFICE, SYSADMIN})
VISITS_ALL = frozenset({RECEPTIONIST, ADMIN_OFFICE, SYSADMIN, AUDITOR, GENERAL_MANAGER, DEPT_MANAGER})
PREREGISTER = frozenset({RECEPTIONIST, HOST, DEPT_MANAGER, ADMIN_OFFICE, GENERAL_MANAGER, SYSADMIN})
FINANCE_IMPORT = frozenset({FINANCE, SYSADMIN})


@dataclass(frozen=True)
class Case:
    name: str
    call: Callable[[dict, Actor], object]
    owner: frozenset[str]  # roles allowed when the actor is the record's own person
    other: frozenset[str]  # roles allowed on somebody else's record


def _draft_form(w: dict) -> ApplicationForm:
    arrival = dt.datetime.combine(clock.today() + dt.timedelta(days=21), dt.time(9))
    return ApplicationForm(
        client_company="华东精密机械有限公司（改）",
        level_id=w["level_c"],
        department_id=w["sales"],
        arrival=arrival,
        departure=arrival + dt.timedelta(hours=8),
        purpose="商务洽谈",
        responsible_id=w["e_mine"],
        meals=1,
        guests=[GuestForm("王总", "总经理", "男")],
    )


def _line(w: dict, app_key: str, total: str = "60") -> expenses.LineForm:
    return expenses.LineForm("other", w[app_key + "_day"], total, vendor="文具店", reason="会议资料")


def _item(w: dict) -> arrangements.ItemForm:
    start = w["approved_start"] + dt.timedelta(hours=3)
    return arrangements.ItemForm(kind="meeting", start=start, end=start + dt.timedelta(hours=1), place="三楼")


CASES: list[Case] = [
    # ---- applications
    Case("applications.get", lambda w, a: apps.get(a, w["approved"]), ALL, VIEW_ALL_APPS),
    Case(
        "applications.save_draft",
        lambda w, a: apps.save_draft(a, _draft_form(w), w["draft"]),
        FILE_APPS,
        NONE,
    ),
    Case("applications.submit", lambda w, a: apps.submit(a, w["draft"]), FILE_APPS, NONE),
    Case("applications.withdraw", lambda w, a: apps.withdraw(a, w["pending"], "不去了"), FILE_APPS, NONE),
    Case("applications.revise", lambda w, a: apps.revise(a, w["approved"]), FILE_APPS, NONE),
    Case(
        "applications.from_visit",
        lambda w, a: apps.from_visit(a, w["visit_on_site"]),
        FILE_APPS,
        FILE_APPS & VISITS_ALL,
    ),
    # ---- approval: the "owner" is a colleague of the applicant's department (its head, by role)
    Case(
        "approval.decide",
        lambda w, a: approval.decide(a, w["dept_pending"], approval.APPROVE, "同意"),
        frozenset({DEPT_MANAGER}),
        NONE,
    ),
    # ---- arrangements: the schedule is shared; only 行政部 / 系统管理员 change it
    Case("arrangements.get", lambda w, a: arrangements.get(a, w["approved"]), ALL, ALL),
    Case(
        "arrangements.save_item",
        lambda w, a: arrangements.save_item(a, w["approved"], _item(w)),
        MANAGE,
        MANAGE,
    ),
    Case("arrangements.delete_item", lambda w, a: arrangements.delete_item(a, w["item"]), MANAGE, MANAGE),
    Case(
        "arrangements.set_checklist",
        lambda w, a: arrangements.set_checklist(a, w["checklist"], done=True),
        MANAGE,
        MANAGE,
    ),
    Case(
        "arrangements.add_checklist_item",
        lambda w, a: arrangements.add_checklist_item(a, w["approved"], "鲜花"),
        MANAGE,
        MANAGE,
    ),
    Case(
        "arrangements.set_recipients",
        lambda w, a: arrangements.set_recipients(a, w["approved"], ["总经理"]),
        MANAGE,
        MANAGE,
    ),
    Case(
        "arrangements.mark_printed",
        lambda w, a: arrangements.mark_printed(a, w["arrangement"]),
        MANAGE,
        MANAGE,
    ),
    # ---- feedback
    Case("feedback.get", lambda w, a: feedback.get(a, w["exp_draft"]), FEEDBACK_ROLES, FEEDBACK_ALL),
    Case(
        "feedback.submit",
        lambda w, a: feedback.submit(
            a, w["exp_draft"], feedback.FeedbackForm("谈了订单", "", 4, w["e_mine"])
        ),
        FILE_APPS,
        MANAGE,
    ),
    # ---- expenses
    Case("expenses.get", lambda w, a: expenses.get(a, w["exp_draft"]), EXPENSE_ROLES, EXPENSE_VIEW_ALL),
    Case(
        "expenses.save_line.new",
        lambda w, a: expenses.save_line(a, w["exp_draft"], _line(w, "exp_draft")),
        FILE_APPS,
        MANAGE,
    ),
    Case(
        "expenses.save_line.edit",
        lambda w, a: expenses.save_line(a, w["exp_draft"], _line(w, "exp_draft", "70"), w["line"]),
        FILE_APPS,
        MANAGE,
    ),
    Case("expenses.delete_line", lambda w, a: expenses.delete_line(a, w["line"]), FILE_APPS, MANAGE),
    Case(
        "expenses.attach_voucher",
        lambda w, a: expenses.attach_voucher(a, w["line"], w["voucher_file"]),
        FILE_APPS,
        MANAGE,
    ),
    Case(
        "expenses.voucher_files",
        lambda w, a: expenses.voucher_files(a, w["line"]),
        EXPENSE_ROLES,
        EXPENSE_VIEW_ALL,
    ),
    Case("expenses.submit", lambda w, a: expenses.submit(a, w["exp_draft"]), FILE_APPS, MANAGE),
    # Finance and the GM never sign off their own claim.
    Case("expenses.audit", lambda w, a: expenses.audit(a, w["exp_submitted"], "齐全"), NONE, {FINANCE}),
    Case(
        "expenses.return_to_host",
        lambda w, a: expenses.return_to_host(a, w["exp_submitted"], "请补发票"),
        NONE,
        {FINANCE},
    ),
    Case(
        "expenses.approve",
        lambda w, a: expenses.approve(a, w["exp_audited"], "同意"),
        NONE,
        {GENERAL_MANAGER},
    ),
    Case(
        "expenses.reimburse",
        lambda w, a: expenses.reimburse(
            a, w["exp_approved"], on=clock.today(), method=expenses.BANK_TRANSFER, reference="R1"
        ),
        NONE,
        {FINANCE},
    ),
    # ---- visits (a visit carries the visitor's phone)
    Case(
        "visitors.get_visit",
        lambda w, a: visitors.get_visit(a, w["visit_expected"]),
        PREREGISTER | VISITS_ALL,
        VISITS_ALL,
    ),
    Case(
        "visitors.form_from_visit",
        lambda w, a: visitors.form_from_visit(a, w["visit_expected"]),
        PREREGISTER,
        PREREGISTER & VISITS_ALL,
    ),
    Case(
        "visitors.cancel_expected",
        lambda w, a: visitors.cancel_expected(a, w["visit_expected"]),
        PREREGISTER,
        DESK,
    ),
    Case(
        "visitors.check_in_expected",
        lambda w, a: visitors.check_in_expected(a, w["visit_expected"]),
        DESK,
        DESK,
    ),
    Case("visitors.check_out", lambda w, a: visitors.check_out(a, [w["visit_on_site"]]), DESK, DESK),
    Case("visitors.on_site", lambda w, a: visitors.on_site(a), VISITS_ALL, VISITS_ALL),
    # ---- finance's imports and reconciliation cover every reception
    Case("imports.undo", lambda w, a: imports.undo(a, w["batch"]), FINANCE_IMPORT, FINANCE_IMPORT),
    Case(
        "reconcile.match",
        lambda w, a: reconcile.match(a, w["imported"], w["line"]),
        FINANCE_IMPORT,
        FINANCE_IMPORT,
    ),
    Case(
        "reconcile.not_reception",
        lambda w, a: reconcile.not_reception(a, w["imported"]),
        FINANCE_IMPORT,
        FINANCE_IMPORT,
    ),
]


# ------------------------------------------------------------------ the world


def _approved(mine: Actor, w: dict, days_ago: int, key: str) -> int:
    """An approved reception filed by ``mine`` that ended ``days_ago`` days ago."""
    arrival = dt.datetime.combine(clock.today() - dt.timedelta(days=days_ago), dt.time(9))
    form = ApplicationForm(
        client_company=f"客户{key}",
        level_id=w["level_c"],
        department_id=w["sales"],
        arrival=arrival,
        departure=arrival + dt.timedelta(hours=8),
        purpose="商务洽谈",
        responsible_id=w["e_mine"],
        meals=1,
        guests=[GuestForm("王总")],
    )
    info = apps.save_draft(mine, form)
    Application.update(status=apps.APPROVED, chain=f"{DEPT_MANAGER}:部门负责人").where(
        Application.id == info.id
    ).execute()
    w[key + "_day"] = arrival.date()
    return info.id


def _build(tmp: str) -> dict:
    admin = auth.create_first_admin("root", "管理员", "secret123")
    w: dict = {}
    sales = org.save_department(admin, "销售一部")
    tech = org.save_department(admin, "技术部")
    e_mine = org.save_employee(admin, name="李娜", department_id=sales.id)
    e_other = org.save_employee(admin, name="何婷", department_id=tech.id)
    e_colleague = org.save_employee(admin, name="黄磊", department_id=sales.id)
    w.update(sales=sales.id, e_mine=e_mine.id, e_other=e_other.id, level_c=standards.level_by_code("C").id)
    mine = make_user(admin, "mine", {HOST}, e_mine.id)
    other = make_user(admin, "other", {HOST}, e_other.id)
    colleague = make_user(admin, "colleague", {HOST}, e_colleague.id)
    finance = make_user(admin, "caiwu", {FINANCE})
    w["mine"], w["other"] = mine, other

    w["draft"] = apps.save_draft(mine, _draft_form(w)).id
    w["pending"] = apps.save_draft(mine, _draft_form(w)).id
    apps.submit(mine, w["pending"])
    w["dept_pending"] = apps.save_draft(colleague, _draft_form(w)).id
    apps.submit(colleague, w["dept_pending"])
    assert apps._chain(Application.get_by_id(w["dept_pending"]))[0][0] == DEPT_MANAGER

    w["approved"] = _approved(mine, w, -7, "approved")  # next week
    w["approved_start"] = Application.get_by_id(w["approved"]).arrival
    arrangements.ensure(admin, w["approved"])  # reading no longer creates it (issue 15)
    detail = arrangements.get(admin, w["approved"])
    w["arrangement"], w["checklist"] = detail.id, detail.checklist[0].id
    start = w["approved_start"] + dt.timedelta(hours=1)
    item, _ = arrangements.save_item(
        admin,
        w["approved"],
        arrangements.ItemForm(kind="meeting", start=start, end=start + dt.timedelta(hours=1)),
    )
    w["item"] = item.id

    for key, days_ago, status in (
        ("exp_draft", 10, expenses.DRAFT),
        ("exp_submitted", 12, expenses.SUBMITTED),
        ("exp_audited", 14, expenses.AUDITED),
        ("exp_approved", 16, expenses.APPROVED),
    ):
        w[key] = _approved(mine, w, days_ago, key)
        line = expenses.save_line(mine, w[key], _line(w, key))
        if key == "exp_draft":
            w["line"] = line
        ExpenseSummary.update(status=status).where(ExpenseSummary.reception == w[key]).execute()
        if key == "exp_submitted":  # the department head has signed: 财务审核 may follow
            ExpenseRecord.create(
                summary=ExpenseSummary.get(ExpenseSummary.reception == w[key]), action=expenses.DEPT_SIGNOFF
            )

    voucher = os.path.join(tmp, "发票.pdf")
    with open(voucher, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
    w["voucher_file"] = voucher

    now = clock.now().replace(microsecond=0)
    w["visit_expected"] = Visit.create(
        name="王五",
        phone="13812345678",
        host=e_mine.id,
        department=sales.id,
        kind=visitors.APPOINTMENT,
        status=visitors.EXPECTED,
        expected_date=clock.today(),
        created_by=mine.user_id,
    ).id
    w["visit_on_site"] = Visit.create(
        name="赵六",
        phone="13987654321",
        host=e_mine.id,
        department=sales.id,
        status=visitors.ON_SITE,
        time_in=now - dt.timedelta(hours=1),
        badge_no="9",
    ).id

    batch = ImportBatch.create(
        file_name="发票.xlsx", file_hash="x" * 64, kind="invoice", imported_by=finance.user_id, line_count=1
    )
    w["batch"] = batch.id
    w["imported"] = ImportedLine.create(
        batch=batch,
        row=2,
        kind="invoice",
        date=w["exp_draft_day"],
        vendor="文具店",
        amount=Decimal("60"),
        total=Decimal("60"),
        content_hash="y" * 64,
    ).id
    assert ChecklistItem.get_by_id(w["checklist"]).done is False
    return w


@pytest.fixture(scope="module")
def world(tmp_path_factory, _test_db_url):
    tmp = tmp_path_factory.mktemp("matrix")
    paths.set_data_dir(tmp)
    url = _test_db_url or f"sqlite:///{tmp / 'matrix.sqlite3'}"
    db.wipe(url)
    db.open_database(url)
    setup.ensure_defaults()
    try:
        yield _build(str(tmp))
    finally:
        db.close_database()
        paths.set_data_dir(None)


def _actor(w: dict, role: str, owner: bool) -> Actor:
    """The same account and employee record in every case; only the role under test differs."""
    base = w["mine"] if owner else w["other"]
    return Actor(
        user_id=base.user_id,
        username=base.username,
        display_name=base.display_name,
        roles=frozenset({role}),
        employee_id=base.employee_id,
    )


def _snapshot() -> dict[str, list[tuple]]:
    return {model._meta.table_name: sorted(map(repr, model.select().tuples())) for model in ALL_MODELS}


@pytest.mark.parametrize("relation", ["owner", "other"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_authorization_matrix(world, case: Case, role: str, relation: str):
    actor = _actor(world, role, relation == "owner")
    allowed = role in (case.owner if relation == "owner" else case.other)
    with database.atomic() as txn:
        before = _snapshot()
        try:
            case.call(world, actor)
            refused = None
        except PermissionDenied as exc:
            refused = exc
        after = _snapshot() if refused is not None else None
        txn.rollback()
    if allowed:
        assert refused is None, f"{case.name}: {role} ({relation}) was refused: {refused}"
    else:
        assert refused is not None, f"{case.name}: {role} ({relation}) was allowed"
        changed = [table for table in before if before[table] != after[table]]
        assert not changed, f"{case.name}: refused but changed {changed}"


def test_the_matrix_covers_every_role_and_both_relations():
    """A case whose owner and other sets are equal must be role-only by design (shared lists,
    finance's imports); the rest really depend on the relation."""
    by_relation = [c.name for c in CASES if c.owner != c.other]
    assert len(by_relation) >= 20
    assert {r for c in CASES for r in c.owner | c.other} <= set(ROLES)


def test_expense_lines_record_who_entered_them(world):
    """行政部 may fill in a host's summary; the line says who typed it."""
    with database.atomic() as txn:
        clerk = _actor(world, ADMIN_OFFICE, owner=False)
        line = expenses.save_line(clerk, world["exp_draft"], _line(world, "exp_draft"))
        assert ExpenseLine.get_by_id(line).entered_by_id == world["other"].user_id
        assert ExpenseLine.get_by_id(world["line"]).entered_by_id == world["mine"].user_id
        txn.rollback()
