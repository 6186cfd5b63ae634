"""Filing and approving, driven through the windows as the applicant and approvers would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDateTime

from desktop import clock
from desktop.services import applications as apps
from desktop.services import approval, auth
from desktop.views.application_editor import ApplicationDialog
from desktop.views.applications import ApplicationsView
from desktop.views.approvals import ApprovalsView


@pytest.fixture
def lina(demo_db):
    return auth.actor_by_username("lina")


def fill_new(dialog: ApplicationDialog, qtbot) -> None:
    dialog.client.setText("Acme 精密")
    dialog.level.setCurrentIndex(dialog.level.findText("B · 四星（二级）"))
    arrival = QDateTime.currentDateTime().addDays(14)
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
    before = len(view.model.rows)
    dialog = view.new_application()
    qtbot.addWidget(dialog)
    assert dialog.responsible.host.name == "李娜"  # defaults to the applicant
    fill_new(dialog, qtbot)
    assert "¥1,040.00" in dialog.total_label.text() and "壹仟零肆拾元整" in dialog.total_label.text()
    assert "陪餐上限 3 人" in dialog.accompany_label.text()
    dialog.budget.item(0, 3).setText("2000")  # meals over the cap
    dialog.refresh_estimate()
    assert dialog.budget.item(0, 4).text() == "超标"
    dialog.submit()
    assert "超出标准" in dialog.errors.message("line_meals") or "超出标准" in dialog.problems.text()
    assert dialog.detail is not None and dialog.detail.info.status == apps.DRAFT  # saved, not sent
    dialog.budget.item(0, 5).setText("客户总经理带队")
    dialog.submit()
    info = dialog.detail.info
    assert info.status == apps.PENDING and info.over_standard
    assert [r for r, _ in info.chain].count(auth.GENERAL_MANAGER) == 2
    assert len(view.model.rows) == before + 1
    assert dialog.withdraw_button.isVisible() is False or dialog.withdraw_button.isVisibleTo(dialog)


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
    assert waiting == approval.inbox_count(manager) > 0
    first = view.current()
    assert first.number in view.detail.toPlainText()
    view.decide(approval.RETURN)  # no comment
    assert "必须填写意见" in view.message.text()
    assert apps.get(manager, first.id).info.status == apps.PENDING
    view.comment.setPlainText("请补充客户背景")
    view.decide(approval.RETURN)
    assert apps.get(manager, first.id).info.status == apps.RETURNED
    assert len(view.model.rows) == waiting - 1
    second = view.current()
    view.decide(approval.APPROVE)
    after = apps.get(manager, second.id).info
    assert after.step_index == 1 or after.status == apps.APPROVED
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
    visit = visitors.search_log(desk, visitors.LogQuery(date_to=clock.today()))[0]
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
    view = window.show_view("approvals")
    view.decide(approval.APPROVE)
    assert window.nav.item(row).text() == (f"审批 ({count - 1})" if count > 1 else "审批")
