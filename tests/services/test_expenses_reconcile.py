"""Expense summaries (checks and the sign-off chain) and reconciliation (scores, flags)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook

from desktop import clock
from desktop.models import Application, ExpenseSummary, ImportBatch, ImportedLine, LineMatch
from desktop.services import applications as apps
from desktop.services import auth, expenses, imports, reconcile
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from desktop.services.expenses import LineForm


@pytest.fixture
def past(demo_db):
    """The demo reception that ended last week (level C: meals ¥100, guest pays lodging)."""
    lina = auth.actor_by_username("lina")
    app = min((a for a in apps.list_applications(lina) if a.status == apps.APPROVED), key=lambda a: a.arrival)
    # Start from a clean slate: the demo's own expenses and imports would blur what is tested.
    for model in (LineMatch, ImportedLine, ImportBatch, ExpenseSummary):
        model.delete().execute()
    return lina, Application.get_by_id(app.id)


def day(app: Application, offset: int = 0) -> dt.date:
    return app.arrival.date() + dt.timedelta(days=offset)


def test_checks_against_the_approved_standard(past):
    lina, app = past
    meal = expenses.save_line(
        lina,
        app.id,
        LineForm(
            "meals",
            day(app),
            "900",
            vendor="粤海酒家",
            invoice_no="13720588",
            guests=2,
            diners=4,
            drinks="500",
        ),
    )
    info = expenses.get(lina, app.id)
    codes = {c.code for c in info.lines[0].checks}
    assert codes == {"over_standard", "accompany", "drinks"}  # ¥150/person > ¥100; 4 > 3; drinks > 40%
    with pytest.raises(ValidationError):
        expenses.submit(lina, app.id)
    outside = expenses.save_line(
        lina, app.id, LineForm("other", day(app, 10), "50", vendor="文具店", reason="会议资料")
    )
    assert {c.code for c in expenses.get(lina, app.id).lines[1].checks} == {"outside_dates"}
    expenses.save_line(
        lina,
        app.id,
        LineForm(
            "meals",
            day(app),
            "900",
            vendor="粤海酒家",
            invoice_no="13720588",
            guests=2,
            diners=4,
            drinks="500",
            reason="客户临时加人",
        ),
        meal,
    )
    info = expenses.submit(lina, app.id)
    assert info.status == expenses.SUBMITTED and info.total == Decimal("950.00")
    meals = next(c for c in info.categories if c.category == "meals")
    assert meals.actual == Decimal("900.00") and meals.variance == Decimal("900.00") - meals.budget
    assert outside in {line.id for line in info.lines}


def test_transport_at_a_level_without_a_car_says_so(past):
    """Level C arranges no car (交通标准 0): a taxi claim is over the standard, and the check
    says the level includes no transport rather than "exceeds ¥0.00"."""
    lina, app = past
    expenses.save_line(lina, app.id, LineForm("transport", day(app), "86.50", vendor="滴滴出行", trips=1))
    check = next(c for c in expenses.get(lina, app.id).lines[0].checks if c.code == "over_standard")
    assert check.message == "C 级接待不含交通费用（标准为 0）"


def test_sign_off_chain_and_roles(past):
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    gm = auth.actor_by_username("zongjingli")
    expenses.save_line(
        lina, app.id, LineForm("meals", day(app), "300", vendor="公司食堂", guests=2, diners=1)
    )
    with pytest.raises(PermissionDenied):
        expenses.audit(lina, app.id)
    expenses.submit(lina, app.id)
    with pytest.raises(ServiceError):
        expenses.save_line(lina, app.id, LineForm("other", day(app), "10"))  # locked once submitted
    with pytest.raises(ValidationError):
        expenses.return_to_host(finance, app.id, "")
    expenses.return_to_host(finance, app.id, "缺少发票号码")
    assert expenses.get(lina, app.id).status == expenses.RETURNED
    expenses.submit(lina, app.id)
    with pytest.raises(PermissionDenied):
        expenses.approve(finance, app.id)
    expenses.sign_as_department_head(auth.actor_by_username("zhangwei"), app.id)
    expenses.audit(finance, app.id, "已核对")
    with pytest.raises(ServiceError, match="不能执行"):
        expenses.reimburse(finance, app.id, on=clock.today(), method=expenses.BANK_TRANSFER, reference="记-1")
    expenses.approve(gm, app.id, "同意")
    done = expenses.reimburse(
        finance, app.id, on=clock.today(), method=expenses.BANK_TRANSFER, reference="NO.889"
    )
    assert done.status == expenses.REIMBURSED and done.reimbursed[1:] == (expenses.BANK_TRANSFER, "NO.889")
    assert [h[2] for h in done.history] == [
        "submit",
        "return",
        "submit",
        expenses.DEPT_SIGNOFF,
        "audit",
        "approve",
        "reimburse",
    ]


def test_due_and_late(past):
    lina, app = past
    info = expenses.get(lina, app.id)
    assert info.due > app.departure.date()
    expenses.save_line(lina, app.id, LineForm("meals", day(app), "200", guests=2))
    submitted = expenses.submit(
        lina, app.id, now=dt.datetime.combine(info.due + dt.timedelta(days=3), dt.time(9))
    )
    assert submitted.late


def _invoices(tmp_path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["发票代码", "发票号码", "开票日期", "销方名称", "金额", "税额", "价税合计"])
    for r in rows:
        ws.append(r)
    path = tmp_path / "inv.xlsx"
    wb.save(path)
    return path


def test_matching_is_never_on_amount_and_date_alone(past, tmp_path):
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = day(app)
    by_invoice = expenses.save_line(
        lina, app.id, LineForm("meals", d, "300.00", vendor="粤海酒家", invoice_no="111", guests=2)
    )
    by_vendor = expenses.save_line(
        lina, app.id, LineForm("transport", d, "88.00", vendor="滴滴出行", trips=1)
    )
    lonely = expenses.save_line(lina, app.id, LineForm("other", d, "50.00", vendor="文具店"))
    path = _invoices(
        tmp_path,
        [
            ["", "111", d.isoformat(), "粤海酒家餐饮有限公司", "283.02", "16.98", "300.00"],  # invoice agrees
            ["", "222", d.isoformat(), "滴滴出行科技有限公司", "85.44", "2.56", "88.00"],  # vendor + amount
            ["", "333", d.isoformat(), "某某贸易公司", "48.54", "1.46", "50.00"],  # amount + date only
            ["", "444", d.isoformat(), "完全无关的公司", "1000", "0", "1000"],  # nothing fits
        ],
    )
    imports.commit(finance, imports.preview(finance, path))
    result = reconcile.run(finance, d - dt.timedelta(days=5), d + dt.timedelta(days=5))
    assert result.matched == 2
    assert [item.imported.invoice_no for item in result.review] == ["333"]
    best = result.review[0].candidates[0]
    assert best.expense_id == lonely and "金额一致" in best.why
    assert [o.invoice_no for o in result.unmatched_no_candidate] == ["444"]
    found = reconcile.flags(finance, d - dt.timedelta(days=5), d + dt.timedelta(days=5))
    codes = {f.code for f in found}
    assert "no_reception" in codes and "no_evidence" in codes
    assert not any(f.code == "no_evidence" and f.expense_id in (by_invoice, by_vendor) for f in found)
    # One click each: match, unmatch, not a reception expense.
    reconcile.match(finance, result.review[0].imported.id, lonely)
    reconcile.not_reception(finance, result.unmatched_no_candidate[0].id)
    after = {f.code for f in reconcile.flags(finance, d - dt.timedelta(days=5), d + dt.timedelta(days=5))}
    assert "no_reception" not in after and "no_evidence" not in after
    reconcile.unmatch(finance, result.review[0].imported.id)
    assert any(
        f.code == "no_evidence"
        for f in reconcile.flags(finance, d - dt.timedelta(days=5), d + dt.timedelta(days=5))
    )


def test_flags_duplicate_invoice_amount_and_budget(past, tmp_path):
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = day(app)
    expenses.save_line(
        lina,
        app.id,
        LineForm(
            "meals", d, "2000", vendor="粤海酒家", invoice_no="555", guests=20, diners=3, reason="客户加人"
        ),
    )
    expenses.save_line(
        lina, app.id, LineForm("meals", d, "100", vendor="粤海酒家", invoice_no="555", guests=1)
    )
    path = _invoices(tmp_path, [["", "555", d.isoformat(), "粤海酒家", "1900", "0", "1990"]])
    imports.commit(finance, imports.preview(finance, path))
    reconcile.run(finance, d - dt.timedelta(days=5), d + dt.timedelta(days=5))
    codes = {f.code for f in reconcile.flags(finance, d - dt.timedelta(days=5), d + dt.timedelta(days=5))}
    assert {"duplicate_invoice", "over_budget"} <= codes
    assert "amount_differs" in codes


def test_every_flag_has_its_reason(past, tmp_path):
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = day(app)
    expenses.save_line(
        lina,
        app.id,
        LineForm(
            "meals",
            d,
            "1200",
            vendor="粤海酒家",
            invoice_no="777",
            guests=2,
            diners=5,
            drinks="600",
            reason="客户临时加人",
        ),
    )
    expenses.save_line(
        lina, app.id, LineForm("other", d + dt.timedelta(days=20), "30", vendor="花店", reason="补买")
    )
    info = expenses.get(lina, app.id)
    expenses.submit(lina, app.id, now=dt.datetime.combine(info.due + dt.timedelta(days=4), dt.time(9)))
    path = _invoices(tmp_path, [["", "888", d.isoformat(), "陌生商户", "10", "0", "10"]])
    imports.commit(finance, imports.preview(finance, path))
    window = (d - dt.timedelta(days=5), d + dt.timedelta(days=25))
    reconcile.run(finance, *window)
    found = reconcile.flags(finance, *window)
    codes = {f.code for f in found}
    assert {
        "over_standard",
        "accompany",
        "drinks",
        "outside_dates",
        "late",
        "over_budget",
        "no_evidence",
        "no_reception",
    } <= codes
    for flag in found:
        assert flag.message and reconcile.flag_label(flag.code) != flag.code
