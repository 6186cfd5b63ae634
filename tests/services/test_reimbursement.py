"""Reimbursement as finance records it (issue 13) and the department head's signature before
财务审核 (issue 15), in the service layer."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop import clock
from desktop.exporters import finance_reports
from desktop.models import ExpenseSummary, UserRole
from desktop.services import auth, expenses, settings
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError


@pytest.fixture
def finance(demo_db):
    return auth.actor_by_username("caiwu")


def _approved(finance) -> int:
    return next(r for r in expenses.list_summaries(finance) if r.status == expenses.APPROVED).application_id


def _pay(finance, app_id, **kw):
    values = dict(on=clock.today(), method=expenses.BANK_TRANSFER, reference="记-0458")
    values.update(kw)
    return expenses.reimburse(finance, app_id, **values)


def test_reimbursement_records_date_method_voucher_and_note(finance):
    app_id = _approved(finance)
    info = _pay(
        finance, app_id, method=expenses.LOAN_OFFSET, reference=" 记－００４５８ ", note="冲减 10 月借款"
    )
    assert info.status == expenses.REIMBURSED
    # full-width typing is the same number; the method is kept as its code
    assert info.reimbursed == (clock.today(), expenses.LOAN_OFFSET, "记-00458")
    assert info.reimbursed_method_label == "冲借款" and info.reimbursed_note == "冲减 10 月借款"
    assert info.history[-1][2:] == ("reimburse", "冲减 10 月借款")
    row = ExpenseSummary.get(ExpenseSummary.reception == info.root_id)
    assert row.reimbursed_period == clock.today().year * 100 + clock.today().month


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"reference": ""}, "reference", "请填写凭证号"),
        ({"reference": "BX"}, "reference", "须含数字"),
        ({"reference": "记 0001!"}, "reference", "只能由"),
        ({"reference": "1" * 31}, "reference", "最多 30"),
        ({"method": "银行转账"}, "method", "请选择报销方式"),  # a label is not a method code
        ({"method": ""}, "method", "请选择报销方式"),
        ({"on": None}, "on", "请填写付款日期"),
        ({"on": "future"}, "on", "不能晚于"),
        ({"on": "before approval"}, "on", "不能早于总经理审批"),
    ],
)
def test_reimbursement_rules(finance, changes, field, words):
    app_id = _approved(finance)
    info = expenses.get(finance, app_id)
    if changes.get("on") == "future":
        changes["on"] = clock.today() + dt.timedelta(days=expenses.PAID_AHEAD_DAYS + 1)
    elif changes.get("on") == "before approval":
        changes["on"] = info.approved_on - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        _pay(finance, app_id, **changes)
    assert words in caught.value.errors[field]
    assert expenses.get(finance, app_id).status == expenses.APPROVED


def test_a_paid_day_a_week_ahead_is_accepted(finance):
    ahead = clock.today() + dt.timedelta(days=expenses.PAID_AHEAD_DAYS)
    assert _pay(finance, _approved(finance), on=ahead).reimbursed[0] == ahead


def test_a_voucher_number_is_used_once_per_accounting_month(finance):
    first = _approved(finance)
    info = _pay(finance, first, reference="记-0458")
    # a second approved summary (the demo's audited one, approved now)
    audited = next(r for r in expenses.list_summaries(finance) if r.status == expenses.AUDITED).application_id
    expenses.approve(auth.actor_by_username("zongjingli"), audited)
    with pytest.raises(ValidationError) as caught:
        _pay(finance, audited, reference="记-0458")
    assert info.application.number in caught.value.errors["reference"]
    assert _pay(finance, audited, reference="记-0459").status == expenses.REIMBURSED
    # 记-0458 of last month is another voucher: packages number vouchers per period
    last_month = clock.today().replace(day=1) - dt.timedelta(days=1)
    ExpenseSummary.update(
        reimbursed_on=last_month, reimbursed_period=last_month.year * 100 + last_month.month
    ).where(ExpenseSummary.id == info.id).execute()
    assert expenses._voucher_taken("记-0458", clock.today(), None) == ""
    assert info.application.number in expenses._voucher_taken("记-0458", last_month, None)
    # rows recorded before periods were kept (NULL) count by their paid date
    ExpenseSummary.update(reimbursed_period=None).where(ExpenseSummary.id == info.id).execute()
    assert info.application.number in expenses._voucher_taken("记-0458", last_month, None)
    assert expenses._voucher_taken("记-0458", clock.today(), None) == ""


def test_the_unique_index_stops_two_pcs_recording_one_voucher(finance):
    """Two PCs pass the check at the same moment: the database keeps one."""
    first = _approved(finance)
    _pay(finance, first, reference="记-0900")
    period = clock.today().year * 100 + clock.today().month
    import peewee

    other = ExpenseSummary.select().where(ExpenseSummary.reimbursed_period.is_null()).first()
    with pytest.raises(peewee.IntegrityError):
        with ExpenseSummary._meta.database.atomic():
            ExpenseSummary.update(reimbursed_period=period, reimbursed_reference="记-0900").where(
                ExpenseSummary.id == other.id
            ).execute()


def test_only_finance_records_a_payment(finance):
    app_id = _approved(finance)
    with pytest.raises(PermissionDenied):
        _pay(auth.actor_by_username("zongjingli"), app_id)


def test_an_older_row_with_free_text_method_still_reads_and_prints(finance, tmp_path):
    app_id = _approved(finance)
    info = _pay(finance, app_id, reference="HX-1")
    ExpenseSummary.update(
        reimbursed_method="网银", reimbursed_reference="BX202611251257", reimbursed_period=None
    ).where(ExpenseSummary.id == info.id).execute()
    old = expenses.get(finance, app_id)
    assert old.reimbursed_method_label == "网银"
    texts = finance_reports.expense_doc(old, "华夏精工科技有限公司").texts()
    assert "网银" in texts and "BX202611251257" in texts


def test_the_form_prints_the_recorded_payment(finance):
    app_id = _approved(finance)
    before = finance_reports.expense_doc(expenses.get(finance, app_id), "公司")
    assert "付款日期" in before.texts() and "BX" not in " ".join(before.texts())
    info = _pay(finance, app_id, method=expenses.CARD, reference="银付-2026-11-045", note="公务卡还款")
    doc = finance_reports.expense_doc(info, "公司")
    texts = doc.texts()
    assert "公务卡" in texts and "银付-2026-11-045" in texts and "公务卡还款" in texts
    assert f"{clock.today():%Y-%m-%d}" in texts
    assert "公务卡 银付-2026-11-045" in texts  # the 财务付款 signature row
    assert doc.footer == f"已于 {clock.today():%Y-%m-%d} 以公务卡报销，凭证号 银付-2026-11-045。"


# ---------------------------------------------------------------------- 部门负责人 before 财务审核


@pytest.fixture
def resubmitted(finance):
    returned = next(r for r in expenses.list_summaries(finance) if r.status == expenses.RETURNED)
    expenses.submit(auth.actor_by_username("lina"), returned.application_id)
    return returned.application_id


def test_finance_cannot_audit_before_the_department_head_signs(finance, resubmitted):
    info = expenses.get(finance, resubmitted)
    head = auth.actor_by_username("zhangwei")
    assert info.dept_signoff == expenses.SIGNOFF_WAITING and info.dept_signers == (head.user_id,)
    assert info.stage_label == "待部门负责人签字"
    assert "待部门负责人签字" in finance_reports.expense_doc(info, "公司").left
    with pytest.raises(ServiceError, match="部门负责人（张伟）尚未签字"):
        expenses.audit(finance, resubmitted)
    assert expenses.get(finance, resubmitted).status == expenses.SUBMITTED
    with pytest.raises(PermissionDenied):
        expenses.audit(auth.actor_by_username("lina"), resubmitted)  # the role is checked first
    expenses.sign_as_department_head(head, resubmitted)
    assert expenses.get(finance, resubmitted).dept_signoff == expenses.SIGNOFF_DONE
    assert expenses.get(finance, resubmitted).stage_label == "待财务审核"
    assert expenses.audit(finance, resubmitted).status == expenses.AUDITED


def test_a_return_and_resubmission_needs_a_new_signature(finance, resubmitted):
    head = auth.actor_by_username("zhangwei")
    expenses.sign_as_department_head(head, resubmitted)
    expenses.return_to_host(finance, resubmitted, "缺发票")
    expenses.submit(auth.actor_by_username("lina"), resubmitted)
    with pytest.raises(ServiceError, match="尚未签字"):
        expenses.audit(finance, resubmitted)


def test_no_gate_without_the_row_or_without_a_head_who_may_sign(finance, resubmitted):
    admin = auth.actor_by_username("admin")
    settings.save(admin, {"expense_signoff_chain": "经办人、财务审核、总经理审批、财务付款"})
    assert expenses.get(finance, resubmitted).dept_signoff == expenses.SIGNOFF_NOT_NEEDED
    settings.save(admin, {"expense_signoff_chain": "经办人、部门负责人、财务审核、总经理审批、财务付款"})
    assert expenses.get(finance, resubmitted).dept_signoff == expenses.SIGNOFF_WAITING
    # the department loses its head: nobody could sign, so finance is not held up for ever
    UserRole.delete().where(
        UserRole.user == auth.actor_by_username("zhangwei").user_id, UserRole.role == auth.DEPT_MANAGER
    ).execute()
    assert expenses.get(finance, resubmitted).dept_signoff == expenses.SIGNOFF_NOT_NEEDED
    assert expenses.audit(finance, resubmitted).status == expenses.AUDITED
