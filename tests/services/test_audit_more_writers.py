"""The writers the audit trail did not cover yet (issue 12): printing an arrangement, import
profiles, notification channels (never their passwords or tokens), finance's reconciliation
rules, the reimbursement as recorded, and the retention run's erased ids."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from desktop import clock
from desktop.models import (
    Application,
    AuditEntry,
    ImportBatch,
    ImportedLine,
    LineMatch,
    Visit,
)
from desktop.services import (
    applications,
    arrangements,
    audit,
    auth,
    expenses,
    imports,
    outbox,
    reconcile_rules,
    retention,
)


def last(kind: str, action: str | None = None) -> AuditEntry:
    query = AuditEntry.select().where(AuditEntry.kind == kind)
    if action:
        query = query.where(AuditEntry.action == action)
    entry = query.order_by(AuditEntry.id.desc()).first()
    assert entry is not None, f"no audit entry {kind} {action}"
    return entry


def changes(entry: AuditEntry) -> dict:
    return json.loads(entry.changes)


@pytest.fixture
def demo(demo_db):
    AuditEntry.delete().execute()
    return demo_db


def test_printing_an_arrangement_is_recorded(demo):
    office = auth.actor_by_username("liuyang")
    app = next(a for a in Application.select() if a.status == applications.APPROVED)
    detail = arrangements.get(office, app.id)
    arrangements.mark_printed(office, detail.id, detail.revision)
    entry = last("arrangement", "print")
    assert entry.record_id == str(detail.root_id) and entry.user_id == office.user_id
    assert changes(entry)["printed_revision"] == [detail.printed_revision, detail.revision]
    assert audit.verify().ok


def test_import_profiles_saved_and_changed(demo, tmp_path):
    finance = auth.actor_by_username("caiwu")
    path = tmp_path / "statement.csv"
    path.write_text("交易日期,摘要,对方户名,支出金额\n2026-11-02,餐费,粤海酒家,300.00\n", encoding="utf-8")
    preview = imports.preview(finance, path)
    imports.save_profile(finance, "工行对公", preview, {"date": 0, "memo": 1, "vendor": 2, "debit": 3})
    created = last("import_profile", "create")
    assert created.note == "工行对公" and json.loads(changes(created)["mapping"][1])["vendor"] == 2
    imports.save_profile(finance, "工行对公", preview, {"date": 0, "memo": 2, "vendor": 1, "debit": 3})
    edited = last("import_profile", "edit")
    old, new = changes(edited)["mapping"]
    assert json.loads(old)["memo"] == 1 and json.loads(new)["memo"] == 2


def test_notification_channels_without_their_secrets(demo):
    admin = auth.actor_by_username("admin")
    channel = outbox.save_channel(
        admin,
        channel_id=None,
        name="公司邮箱",
        kind=outbox.EMAIL,
        config={"host": "smtp.example.com", "port": "465", "security": "ssl", "password": "s3cret-pw"},
        events=[outbox.APPROVAL_WAITING],
    )
    created = last("notify_channel", "create")
    assert created.record_id == str(channel.id)
    assert changes(created)["host"] == [None, "smtp.example.com"]
    assert changes(created)["password"][1] != "s3cret-pw"
    outbox.save_channel(
        admin,
        channel_id=channel.id,
        name="公司邮箱",
        kind=outbox.EMAIL,
        config={"host": "smtp.example.com", "port": "465", "security": "ssl", "password": "other-pw"},
        events=[outbox.APPROVAL_WAITING, outbox.APPLICATION_RESULT],
    )
    edited = last("notify_channel", "edit")
    assert set(changes(edited)) == {"events", "password"}
    outbox.delete_channel(admin, channel.id)
    gone = last("notify_channel", "delete")
    assert changes(gone)["name"] == ["公司邮箱", None]
    everything = "".join(e.changes + e.note for e in AuditEntry.select())
    assert "s3cret-pw" not in everything and "other-pw" not in everything
    row = next(r for r in audit.search(admin, kind="notify_channel").rows if r.action == "edit")
    assert "通知事件" in row.changes_text and "待审批 → 审批人" in row.changes_text


def test_reconciliation_rules_saved_deleted_and_applied(demo):
    finance = auth.actor_by_username("caiwu")
    batch = ImportBatch.create(
        file_name="s.csv", file_hash="h", kind="bank", imported_by=finance.user_id, line_count=2, state="done"
    )
    lines = [
        ImportedLine.create(
            batch=batch, row=n, kind="bank", date=dt.date(2026, 11, 2), vendor="华夏精工工资户", memo="工资",
            amount=Decimal("-100"), tax=Decimal(0), total=Decimal("-100"), content_hash=f"c{n}",
        )
        for n in (1, 2)
    ]  # fmt: skip
    rule_id = reconcile_rules.save_rule(finance, "counterparty", "工资户", note="工资不是接待费用")
    created = last("reconcile_rule", "create")
    assert created.record_id == str(rule_id) and changes(created)["text"] == [None, "工资户"]
    reconcile_rules.save_rule(finance, "counterparty", "精工工资户", rule_id=rule_id)
    assert changes(last("reconcile_rule", "edit"))["text"] == ["工资户", "精工工资户"]
    assert reconcile_rules.apply_rules(finance) == 2
    applied = last("reconcile_rule", "apply")
    assert changes(applied)["decided"] == [None, 2] and f"#{rule_id}" in applied.note
    assert LineMatch.select().where(LineMatch.imported.in_([x.id for x in lines])).count() == 2
    reconcile_rules.apply_rules(finance)  # on demand: recorded even when nothing was left
    assert changes(last("reconcile_rule", "apply"))["decided"] == [None, 0]
    reconcile_rules.delete_rule(finance, rule_id)
    assert changes(last("reconcile_rule", "delete"))["active"] == [True, False]
    assert audit.verify().ok


def test_reimbursement_records_paid_date_method_voucher_and_note(demo):
    finance = auth.actor_by_username("caiwu")
    app_id = next(r for r in expenses.list_summaries(finance) if r.status == expenses.APPROVED).application_id
    info = expenses.reimburse(
        finance, app_id, on=clock.today(), method=expenses.LOAN_OFFSET, reference="记-0458", note="冲减借款"
    )
    entry = last("expense_summary", "reimburse")
    got = changes(entry)
    assert entry.record_id == str(info.root_id)
    assert got["status"] == [expenses.APPROVED, expenses.REIMBURSED]
    assert got["reimbursed_on"][1] == clock.today().isoformat()
    assert got["reimbursed_method"][1] == expenses.LOAN_OFFSET
    assert got["reimbursed_reference"][1] == "记-0458"
    assert got["reimbursed_note"][1] == "冲减借款"
    text = next(r for r in audit.search(auth.actor_by_username("shenji")).rows if r.action == "reimburse")
    assert (
        "报销方式: （空） → 冲借款" in text.changes_text and "凭证号: （空） → 记-0458" in text.changes_text
    )


def test_a_retention_run_records_the_erased_ids(demo):
    admin = auth.actor_by_username("admin")
    at = dt.datetime.combine(clock.today() - dt.timedelta(days=400), dt.time(9, 30))
    old = [
        Visit.create(
            name=name, name_pinyin="x", name_initials="x", company="远方科技", phone="13800138000",
            id_number="110101199003071234", status="left", time_in=at, time_out=at + dt.timedelta(hours=2),
            expected_date=at.date(), created_at=at,
        )
        for name in ("欧阳娜娜", "王小明")
    ]  # fmt: skip
    retention.run(admin)
    entry = last("visit", "retention")
    got = changes(entry)
    assert got["count"] == [None, 2]
    expected = f"{old[0].id}-{old[1].id}" if old[1].id == old[0].id + 1 else f"{old[0].id},{old[1].id}"
    assert got["ids"] == [None, expected]
