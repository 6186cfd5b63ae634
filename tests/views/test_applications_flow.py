"""Filing and approving, driven through the windows as the applicant and approvers would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QApplication

from desktop import clock
from desktop.services import applications as apps
from desktop.services import approval, auth
from desktop.services.errors import PermissionDenied
from desktop.views.application_editor import ApplicationDialog
from desktop.views.applications import ApplicationsView
from desktop.views.approvals import ApprovalsView
from tests.views.conftest import wait_ops


@pytest.fixture
def lina(demo_db):
    return auth.actor_by_username("lina")


def fill_new(dialog: ApplicationDialog, qtbot) -> None:
    dialog.client.setText("Acme 精密")
    dialog.level.setCurrentIndex(dialog.level.findText("B · 四星（二级）"))
    day = clock.today() + dt.timedelta(days=14)  # the program's clock, not the PC's (dated runs)
    arrival = QDateTime(day.year, day.month, day.day, 9, 0, 0)
    dialog.arrival.setDateTime(arrival)
    dialog.departure.setDateTime(arrival.addSecs(8 * 3600))
    dialog.purpose.setPlainText("技术交流")
    dialog.add_guest(apps.GuestForm("王总", "总经理"))
    dialog.add_guest(apps.GuestForm("刘工", "工程师"))
    dialog.counts["meals"].setValue(2)
    dialog.counts["accompany_diners"].setValue(2)
    dialog.refresh_estimate()


def test_new_application_estimate_and_submit(qtbot, lina, scripted):
    view = ApplicationsView(lina)
    qtbot.addWidget(view)
    view.show()  # the list refreshes itself when the editor announces its save
    qtbot.waitExposed(view)
    before = len(view.model.rows)
    dialog = view.new_application()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)  # opened with open(), as in the program
    assert dialog.responsible.host.name == "李娜"  # defaults to the applicant
    fill_new(dialog, qtbot)
    assert "¥1,040.00" in dialog.total_label.text() and "壹仟零肆拾元整" in dialog.total_label.text()
    assert "陪餐上限 3 人" in dialog.accompany_label.text()
    dialog.budget.item(0, 3).setText("2000")  # meals over the cap
    dialog.refresh_estimate()
    assert dialog.budget.item(0, 4).text() == "超标"
    dialog.submit()
    assert "超出标准" in dialog.errors.message("line_meals") or "超出标准" in dialog.problems.text()
    assert dialog.detail is None  # a failed first submit leaves no numbered draft behind
    assert dialog.client.text() == "Acme 精密" and dialog.is_modified()  # the typed form is kept
    dialog.budget.item(0, 5).setText("客户总经理带队")
    dialog.submit()
    info = dialog.detail.info
    assert info.status == apps.PENDING and info.over_standard
    # The over-standard decision is part of the general manager's own step (issue 11), not a
    # second approval by the same person.
    gm_steps = [label for r, label in info.chain if r == auth.GENERAL_MANAGER]
    assert len(gm_steps) == 1 and "含超标准审批" in gm_steps[0]
    assert len(view.model.rows) == before + 1
    assert info.id in {r.id for r in view.model.rows}
    assert dialog.isVisible() and dialog.withdraw_button.isVisible()  # the applicant may withdraw
    assert not dialog.submit_button.isVisible()  # sent: no second submit


def test_validation_keeps_the_form(qtbot, lina, scripted):
    dialog = ApplicationDialog(lina)
    qtbot.addWidget(dialog)
    dialog.purpose.setPlainText("只填了目的")
    dialog.save()
    assert dialog.errors.message("client_company")
    assert dialog.purpose.toPlainText() == "只填了目的"
    assert dialog.detail is None


def test_approval_inbox_flow(qtbot, lina, scripted):
    manager = auth.actor_by_username("zhangwei")
    view = ApprovalsView(manager)
    qtbot.addWidget(view)
    waiting = len(view.model.rows)
    assert waiting == approval.inbox_count(manager) > 2
    first = view.current()  # on opening, the first one is shown
    assert first.number in view.detail.toPlainText()
    view.decide(approval.RETURN)  # no comment
    wait_ops(qtbot)
    assert "必须填写意见" in view.message.text()
    assert apps.get(manager, first.id).info.status == apps.PENDING
    view.comment.setPlainText("请补充客户背景")
    view.decide(approval.RETURN)
    wait_ops(qtbot)
    assert apps.get(manager, first.id).info.status == apps.RETURNED
    assert len(view.model.rows) == waiting - 1
    assert first.number in view.message.text() and "退回" in view.message.text()  # says what happened
    assert "必须填写意见" not in view.message.text()  # the earlier error is gone
    # nothing is selected behind the approver's back: a second Ctrl+Enter approves nothing
    assert view.current() is None and not view.approve_button.isEnabled()
    assert "已处理" in view.detail.toPlainText() and "请选择下一份" in view.detail.toPlainText()
    view.decide(approval.APPROVE)
    wait_ops(qtbot)
    assert len(view.model.rows) == waiting - 1
    # the approver picks one that has a further step after theirs
    row = next(
        i
        for i, r in enumerate(view.model.rows)
        if apps.get(manager, r.id).info.step_index + 1 < len(apps.get(manager, r.id).info.chain)
    )
    view.table.selectRow(row)
    second = view.current()
    assert view.message.text() == ""  # a new selection: the last outcome no longer shows
    before = apps.get(manager, second.id).info
    view.decide(approval.APPROVE)
    wait_ops(qtbot)
    after = apps.get(manager, second.id).info
    assert after.status == apps.PENDING and after.step_index == before.step_index + 1
    assert second.number in view.message.text() and "同意" in view.message.text()
    history = apps.get(manager, second.id).approvals
    assert history[-1].user_name == "张伟" and history[-1].decision == "approve"


def test_revision_of_an_approved_application(qtbot, lina, scripted):
    approved = next(a for a in apps.list_applications(lina) if a.status == apps.APPROVED)
    dialog = ApplicationDialog(lina, approved.id)
    qtbot.addWidget(dialog)
    assert not dialog.client.isEnabled()  # locked
    assert dialog.revise_button.isVisibleTo(dialog)
    scripted.answers = [True]
    dialog.revise()
    assert dialog.detail.info.revision == 2 and dialog.client.isEnabled()
    dialog.remarks.setText("客户增加一人")
    assert dialog.save()
    assert apps.get(lina, approved.id).info.status == apps.APPROVED
    listed = {(a.number, a.revision) for a in apps.list_applications(lina)}
    assert (approved.number, 2) in listed and (approved.number, 1) not in listed


def test_backfill_from_the_visitor_log(qtbot, lina, scripted):
    from desktop.services import visitors

    desk = auth.actor_by_username("qiantai")
    log = visitors.search_log(desk, visitors.LogQuery(date_to=clock.today()))
    visit = next(v for v in log if v.host_id == lina.employee_id)  # a host backfills their own visits
    someone_elses = next(v for v in log if v.host_id != lina.employee_id)
    with pytest.raises(PermissionDenied):
        apps.from_visit(lina, someone_elses.id)
    form = apps.from_visit(lina, visit.id)
    view = ApplicationsView(lina)
    qtbot.addWidget(view)
    dialog = view.new_application(form)
    qtbot.addWidget(dialog)
    assert "补填" in dialog.header.text()
    assert dialog.client.text() == (visit.company or visit.name)


def test_backfill_button_in_the_log(qtbot, demo_db, scripted):
    from desktop.views.visitor_log import VisitorLogView
    from tests.views.conftest import wait_ops

    admin = auth.actor_by_username("admin")  # admin office: may file and read the log
    view = VisitorLogView(admin)
    qtbot.addWidget(view)
    wait_ops(qtbot)
    view.table.selectRow(0)
    dialog = view.backfill_selected()
    qtbot.addWidget(dialog)
    assert dialog.visit_id == view.model.rows[0].id
    assert "补填" in dialog.header.text()


def test_main_window_counts_approvals(qtbot, demo_db):
    from desktop.views.main_window import MainWindow

    manager = auth.actor_by_username("zhangwei")
    window = MainWindow(manager)
    qtbot.addWidget(window)
    row = next(i for i, s in enumerate(window.specs) if s.key == "approvals")
    count = approval.inbox_count(manager)
    assert window.nav.item(row).text() == f"审批 ({count})"
    assert count > 1
    view = window.show_view("approvals")
    view.decide(approval.APPROVE)
    wait_ops(qtbot)
    assert window.nav.item(row).text() == f"审批 ({count - 1})"  # the count follows the change bus


def test_new_application_starts_with_the_cursor_in_the_client_field(qtbot, lina):
    dialog = ApplicationDialog(lina)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.client)
