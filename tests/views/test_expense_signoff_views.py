"""The sign-off buttons in the windows (issue 15) and reimbursement as it is recorded (issue 13):
部门负责人 signs before 财务审核, each button is on only for the person who may press it and says
why otherwise, 登记报销 asks for the real voucher, and the GM and finance see what waits."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop import clock
from desktop.models import Notification
from desktop.services import auth, expenses, feedback
from desktop.views.expenses import ExpensesView
from desktop.views.feedback import FeedbackView
from desktop.views.main_window import MainWindow
from desktop.views.reimburse_dialog import ReimburseDialog
from tests.views.conftest import wait_ops


def _open(qtbot, username: str, application_id: int) -> ExpensesView:
    view = ExpensesView(auth.actor_by_username(username))
    qtbot.addWidget(view)
    row = next(i for i, r in enumerate(view.list.rows) if r.application_id == application_id)
    view.table.selectRow(row)
    assert view.info is not None and view.info.application.id == application_id
    return view


@pytest.fixture
def resubmitted(demo_db):
    """The demo's returned summary, sent to finance again by its host: waits for 张伟 (head of
    销售一部) to sign before finance may audit it."""
    finance = auth.actor_by_username("caiwu")
    returned = next(r for r in expenses.list_summaries(finance) if r.status == expenses.RETURNED)
    expenses.submit(auth.actor_by_username("lina"), returned.application_id)
    return returned.application_id


def test_department_head_signs_before_finance_may_audit(qtbot, resubmitted, scripted):
    head = _open(qtbot, "zhangwei", resubmitted)
    finance = _open(qtbot, "caiwu", resubmitted)
    host = _open(qtbot, "lina", resubmitted)
    sign, audit = finance.action_buttons["dept_signoff"], finance.action_buttons["audit"]
    # finance waits, and the window says for whom
    assert not audit.isEnabled() and "张伟" in audit.toolTip() and "尚未签字" in audit.toolTip()
    assert not finance.step_note.isHidden() and "张伟" in finance.step_note.text()
    assert not sign.isEnabled() and sign.toolTip()
    # the host who submitted may not sign; the head may
    assert not host.action_buttons["dept_signoff"].isEnabled()
    assert head.action_buttons["dept_signoff"].isEnabled()
    assert not head.action_buttons["audit"].isEnabled()  # not finance

    head.comment.setText("情况属实")
    head.action_buttons["dept_signoff"].click()
    info = expenses.get(auth.actor_by_username("caiwu"), resubmitted)
    assert info.history[-1][1:] == ("张伟", expenses.DEPT_SIGNOFF, "情况属实")
    assert not head.action_buttons["dept_signoff"].isEnabled()
    assert "已经签字" in head.action_buttons["dept_signoff"].toolTip()

    finance.refresh()
    assert audit.isEnabled() and audit.toolTip() == "" and finance.step_note.isHidden()
    audit.click()
    assert expenses.get(auth.actor_by_username("caiwu"), resubmitted).status == expenses.AUDITED


def test_feedback_signoff_button_is_for_the_head_of_a_submitted_form(qtbot, demo_db, scripted):
    head, lina = auth.actor_by_username("zhangwei"), auth.actor_by_username("lina")
    rows = feedback.statuses(head)
    done, open_form = [r for r in rows if r.submitted_at is None][:2]
    feedback.submit(
        lina, done.application_id, feedback.FeedbackForm("洽谈了明年的订单", "", 4, lina.employee_id)
    )
    view = FeedbackView(head)
    qtbot.addWidget(view)
    button = view.signoff_button

    def select(application_id: int) -> None:
        view.table.selectRow(
            next(i for i, r in enumerate(view.model.rows) if r.application_id == application_id)
        )

    select(open_form.application_id)
    assert not button.isEnabled() and "尚未提交" in button.toolTip()
    select(done.application_id)
    assert button.isEnabled() and button.toolTip() == ""
    button.click()
    wait_ops(qtbot)
    assert feedback.signatures(head, done.application_id).signed_off_by == "张伟"
    assert not button.isEnabled() and "已经签认" in button.toolTip()

    host = FeedbackView(auth.actor_by_username("lina"))  # not a head: no button at all
    qtbot.addWidget(host)
    assert host.signoff_button.isHidden()


# ---------------------------------------------------------------------- 登记报销


def _active(qtbot, dialog) -> None:
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)


@pytest.fixture
def approved(demo_db):
    finance = auth.actor_by_username("caiwu")
    return next(r for r in expenses.list_summaries(finance) if r.status == expenses.APPROVED).application_id


def test_reimburse_opens_a_dialog_and_records_the_real_voucher(qtbot, approved, scripted, keyboard):
    view = _open(qtbot, "caiwu", approved)
    view.comment.setText("这段文字不是报销方式")  # once read as the method
    view.action_buttons["reimburse"].click()
    dialog = view.reimburse_dialog
    assert isinstance(dialog, ReimburseDialog) and dialog.isVisible()
    _active(qtbot, dialog)
    assert dialog.paid_on.date().toPython() == clock.today()
    assert [dialog.method.itemData(i) for i in range(dialog.method.count())] == list(expenses.METHODS)
    assert dialog.method.currentText() == "银行转账"
    qtbot.waitUntil(dialog.reference.hasFocus)  # the one field without a default

    dialog.ok.click()  # no voucher number: refused, shown under its field, nothing written
    assert dialog.isVisible() and dialog.errors.message("reference")
    assert expenses.get(view.actor, approved).status == expenses.APPROVED

    dialog.method.setFocus()
    keyboard.press(Qt.Key.Key_Down)  # 现金
    keyboard.press(Qt.Key.Key_Tab)
    assert dialog.reference.hasFocus()
    keyboard.type("JI-0458")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("pay")
    keyboard.press(Qt.Key.Key_Return)  # the default button: 登记
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    info = expenses.get(view.actor, approved)
    assert info.status == expenses.REIMBURSED
    assert info.reimbursed == (clock.today(), expenses.CASH, "JI-0458")
    assert info.reimbursed_note == "pay"
    assert "已报销" in view.message.text()
    assert not view.action_buttons["reimburse"].isEnabled()


def test_reimburse_dialog_asks_before_escape_loses_typing(qtbot, approved, scripted, keyboard):
    view = _open(qtbot, "caiwu", approved)
    dialog = view.open_reimburse()
    _active(qtbot, dialog)
    qtbot.waitUntil(dialog.reference.hasFocus)
    keyboard.type("12")
    assert dialog.is_modified()
    scripted.answers = ["cancel"]
    keyboard.press(Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.reference.text() == "12"
    scripted.answers = ["discard"]
    keyboard.press(Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert expenses.get(view.actor, approved).status == expenses.APPROVED


def test_reimburse_dialog_fits_a_small_screen_and_shows_service_errors(qtbot, approved, scripted):
    view = _open(qtbot, "caiwu", approved)
    dialog = view.open_reimburse()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1024 and dialog.height() <= 768
    # the calendar offers no day the service would refuse
    assert dialog.paid_on.maximumDate().toPython() == clock.today() + dt.timedelta(
        days=expenses.PAID_AHEAD_DAYS
    )
    assert dialog.paid_on.minimumDate().toPython() == min(view.info.approved_on, clock.today())
    dialog.reference.setText("记 0001!")
    dialog.save()
    assert "只能由" in dialog.errors.message("reference")
    dialog.reject()


# ---------------------------------------------------------------------- what waits, and who hears


def test_waiting_counts_in_the_navigation(qtbot, resubmitted, scripted):
    def expenses_entry(username: str) -> str:
        window = MainWindow(auth.actor_by_username(username))
        qtbot.addWidget(window)
        row = next(i for i, s in enumerate(window.specs) if s.key == "expenses")
        return window.nav.item(row).text()

    finance, gm, head = (auth.actor_by_username(u) for u in ("caiwu", "zongjingli", "zhangwei"))
    # demo: 'late' (signed) waits for 财务审核, 'approved' for 财务付款; 'audited' for the GM
    assert len(expenses.waiting_for(finance)) == 2
    assert len(expenses.waiting_for(gm)) == 1
    assert expenses.waiting_for(head) == [expenses.get(head, resubmitted).root_id]
    assert expenses_entry("caiwu").endswith("(2)")
    assert expenses_entry("zongjingli").endswith("(1)")
    assert expenses_entry("zhangwei").endswith("(1)")
    assert "(" not in expenses_entry("lina")  # a host decides nothing here
    expenses.sign_as_department_head(head, resubmitted)
    assert len(expenses.waiting_for(finance)) == 3 and expenses.waiting_for(head) == []


def test_each_step_tells_whoever_the_summary_waits_for(resubmitted):
    def notices(username: str) -> list[str]:
        user_id = auth.actor_by_username(username).user_id
        return [n.title for n in Notification.select().where(Notification.user == user_id)]

    number = expenses.get(auth.actor_by_username("caiwu"), resubmitted).application.number
    assert f"费用汇总待部门负责人签字：{number}" in " ".join(notices("zhangwei"))
    assert f"费用汇总待财务审核：{number}" not in " ".join(notices("caiwu"))  # the head signs first
    expenses.sign_as_department_head(auth.actor_by_username("zhangwei"), resubmitted)
    assert f"费用汇总待财务审核：{number}" in " ".join(notices("caiwu"))
    expenses.audit(auth.actor_by_username("caiwu"), resubmitted)
    assert f"费用汇总待总经理审批：{number}" in " ".join(notices("zongjingli"))
    expenses.approve(auth.actor_by_username("zongjingli"), resubmitted)
    assert f"费用汇总待财务付款：{number}" in " ".join(notices("caiwu"))
    assert "费用汇总" not in " ".join(notices("lina"))  # the host is not asked to decide her own


def test_finance_cannot_file_a_hosts_draft_and_the_buttons_say_why(qtbot, demo_db, scripted):
    """Finance (no expenses.file) reads the host's draft: 提交财务, 新明细, 添加电子发票, 附加凭证
    and 保存明细 are off with the reason as tooltip, instead of a refusal after the click."""
    finance = auth.actor_by_username("caiwu")
    draft = next(r for r in expenses.list_summaries(finance) if r.status == expenses.DRAFT)
    view = _open(qtbot, "caiwu", draft.application_id)
    buttons = [view.action_buttons["submit"], view.save_line_button, *view.line_buttons.values()]
    assert len(buttons) == 6
    for button in buttons:
        assert not button.isEnabled(), button.text()
        assert "行政部可以填写" in button.toolTip(), button.text()
    host = _open(qtbot, "lina", draft.application_id)
    for button in [host.action_buttons["submit"], host.save_line_button, *host.line_buttons.values()]:
        assert button.isEnabled() and button.toolTip() == "", button.text()


def test_after_submitting_the_lines_are_closed_and_the_message_says_who_is_next(qtbot, demo_db, scripted):
    lina = auth.actor_by_username("lina")
    draft = next(r for r in expenses.list_summaries(lina) if r.status == expenses.DRAFT)
    host = _open(qtbot, "lina", draft.application_id)
    host.action_buttons["submit"].click()
    # the head of 销售一部 signs first: not "待财务审核" while finance may not audit yet
    assert host.message.text() == "已完成：待部门负责人签字"
    other = next(i for i, r in enumerate(host.list.rows) if r.application_id != draft.application_id)
    host.table.selectRow(other)
    assert host.message.text() == ""  # not shown next to another reception
    host.table.selectRow(
        next(i for i, r in enumerate(host.list.rows) if r.application_id == draft.application_id)
    )
    for button in host.line_buttons.values():
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == "费用汇总当前为“待部门负责人签字”。"
