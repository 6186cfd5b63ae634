"""The 审计日志 reads as an auditor would write it (issue 12): Chinese field names, status codes
as their labels, money as money, 是/否, and names instead of ids — while the stored JSON, which
the hash covers, keeps column names and raw values. Also: verify() walks the chain in chunks."""

from __future__ import annotations

import json
from decimal import Decimal

from openpyxl import load_workbook

from desktop.db import database
from desktop.exporters.audit_log import export_audit_log
from desktop.models import AuditEntry, LevelStandard
from desktop.services import audit, audit_labels, auth, org
from tests.conftest import make_user


def test_fields_values_and_names_are_labelled_when_read(admin):
    dep = org.save_department(admin, "销售一部")
    host = org.save_employee(admin, name="张伟", department_id=dep.id, phone="13900001111")
    std = LevelStandard.select().order_by(LevelStandard.id).first()
    entry = audit.record(
        admin,
        "edit",
        "application",
        4242,
        {
            "status": ("draft", "pending"),
            "total": (Decimal("1200"), Decimal("1350.5")),
            "urgent": (False, True),
            "department": (None, dep.id),
            "responsible": (host.id, None),
            "step_index": (0, 1),
            "arrival": (None, "2026-12-04 09:00:00"),
            "mystery_col": ("a", "b"),
            "standard": (None, std.id),
        },
    )
    # Stored as written: the hash covers these exact values.
    assert json.loads(AuditEntry.get_by_id(entry.id).changes)["status"] == ["draft", "pending"]
    assert json.loads(AuditEntry.get_by_id(entry.id).changes)["department"] == [None, dep.id]
    assert audit.verify().ok

    (row,) = audit.search(admin, record_id="4242").rows
    text = row.changes_text
    assert "状态: 草稿 → 审批中" in text
    assert "预算合计: ¥1,200.00 → ¥1,350.50" in text
    assert "加急: 否 → 是" in text
    assert "部门: （空） → 销售一部" in text
    assert "接待负责人: 张伟 → （空）" in text
    assert "审批步骤: 第 1 步 → 第 2 步" in text
    assert "到达时间: （空） → 2026-12-04 09:00" in text
    assert f"接待标准: （空） → {std.level.code} 级第 {std.version} 版" in text
    assert "mystery_col: a → b" in text  # no label: the column name
    assert "status" not in text and "draft" not in text


def test_expense_states_methods_categories_and_budget_months(admin):
    audit.record(
        admin,
        "reimburse",
        "expense_summary",
        77,
        {
            "status": ("approved", "reimbursed"),
            "reimbursed_method": ("", "bank_transfer"),
            "reimbursed_reference": ("", "记-1189"),
            "reimbursed_period": (None, 202611),
            "reimbursed_note": ("", ""),
        },
    )
    audit.record(admin, "create", "expense_line", 78, {"category": (None, "meals"), "total": (None, "45.00")})
    audit.record(admin, "edit", "budget", "3:2027", {"10": (None, "3000.00"), "2": (None, "1500")})
    audit.record(admin, "edit", "setting", "company_name", {"company_name": ("甲公司", "乙公司")})
    texts = {r.record_id: r.changes_text for r in audit.search(admin).rows}
    assert "状态: 待报销 → 已报销" in texts["77"]
    assert "报销方式: （空） → 银行转账" in texts["77"] and "凭证号: （空） → 记-1189" in texts["77"]
    assert "会计期间: （空） → 2026 年 11 月" in texts["77"]
    assert "报销备注" not in texts["77"]  # empty before and after: nothing to say
    assert texts["78"] == "费用类别: （空） → 餐费; 价税合计: （空） → ¥45.00"
    assert texts["3:2027"] == "2 月: （空） → ¥1,500.00; 10 月: （空） → ¥3,000.00"
    assert texts["company_name"].startswith("公司名称") and "甲公司 → 乙公司" in texts["company_name"]


def test_user_roles_and_reconcile_decisions(admin):
    clerk = make_user(admin, "clerk", {auth.FINANCE})
    audit.record(admin, "edit", "user", clerk.user_id, {"roles": (["finance"], ["auditor", "finance"])})
    audit.record(admin, "match", "reconcile", 9, {"decision": ("held", "manual:12")})
    texts: dict[str, str] = {}
    for r in audit.search(admin).rows:  # newest first
        texts.setdefault(r.kind, r.changes_text)
    assert texts["user"] == "角色: 财务 → 审计、财务"
    assert texts["reconcile"] == "对账结果: 待处理 → 人工匹配到费用明细 #12"


def test_names_of_a_page_take_one_query_per_table(admin):
    deps = [org.save_department(admin, f"部门{i}") for i in range(30)]
    for dep in deps:
        audit.record(
            admin, "edit", "org", f"x:{dep.id}", {"department": (None, dep.id), "applicant": (None, 1)}
        )
    rows = audit.search(admin).rows
    queries: list[str] = []
    real = database.obj.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        queries.append(sql)
        return real(sql, params, *args, **kwargs)

    database.obj.execute_sql = counting
    try:
        names = audit_labels.lookup_names((r.kind, r.changes) for r in rows)
    finally:
        del database.obj.execute_sql
    assert all(names[("department", d.id)] == d.name for d in deps)
    assert len(queries) == 2, queries  # departments, users


def test_export_shows_the_labels(admin, tmp_path):
    audit.record(admin, "submit", "application", 5150, {"status": ("draft", "pending")})
    rows = audit.all_rows(admin, record_id="5150")
    path = export_audit_log(rows, tmp_path / "a.xlsx")
    ws = load_workbook(path).active
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "状态: 草稿 → 审批中" in values


def test_verify_reads_the_chain_in_chunks(admin, monkeypatch):
    """Small chunks: an intact chain is counted whole, and a change in a later chunk is found
    at its entry (one query per chunk, so 100,000 entries never sit in memory at once)."""
    AuditEntry.delete().execute()
    monkeypatch.setattr(audit, "_VERIFY_CHUNK", 3)
    ids = [audit.record(admin, "edit", "setting", f"k{i}", {"v": (i, i + 1)}).id for i in range(10)]
    result = audit.verify()
    assert result.ok and result.count == 10
    database.execute_sql(f"UPDATE audit_entry SET note = 'x' WHERE id = {ids[7]}")
    result = audit.verify()
    assert not result.ok and result.first_broken_id == ids[7] and result.count == 8
