"""Issue 11 in the windows: 转交, 加签, 抄送, 退回到…, 批量同意, 催办, the navigation counts, the
return comment on the form, and the 通知 settings tab."""

# ruff: noqa: F811 - `office` is the fixture imported from the service tests
from __future__ import annotations

import datetime as dt
import gc

import pytest

from desktop import clock
from desktop.models import Application
from desktop.services import applications as apps
from desktop.services import approval, approval_actions, auth, outbox, routing, workdays
from desktop.services.applications import LineForm
from desktop.views.application_editor import ApplicationDialog
from desktop.views.applications import ApplicationsView
from desktop.views.approvals import ApprovalsView
from tests.conftest import make_user
from tests.services.test_applications import form, office  # noqa: F401 - the fixture
from tests.services.test_outbox import robots  # noqa: F401 - the fixture
from tests.views.conftest import wait_ops


def submit(people, sales, host, **kw):
    actor = people["host"]
    return apps.submit(actor, apps.save_draft(actor, form(sales, host, **kw)).id)


def approve(app_id, *actors):
    for actor in actors:
        approval.decide(actor, app_id, approval.APPROVE, "同意")


def select(view: ApprovalsView, application_id: int) -> None:
    row = next(i for i, r in enumerate(view.model.rows) if r.id == application_id)
    view.table.selectRow(row)


def test_transfer_from_the_window(qtbot, office, admin):
    sales, host, people = office
    deputy = make_user(admin, "deputy", {auth.HOST})
    info = submit(people, sales, host)
    view = ApprovalsView(people["manager"])
    qtbot.addWidget(view)
    select(view, info.id)
    gc.collect()
    dialog = view.transfer()
    assert dialog.isVisible() and view.transfer_button.shortcut().toString() == "Ctrl+T"
    dialog.person.setCurrentIndex(dialog.person.findData(deputy.user_id))
    dialog.comment.setPlainText("出差期间请代批")
    dialog.accept()
    wait_ops(qtbot)
    assert "已转交" in view.message.text()
    assert info.id not in [r.id for r in view.model.rows]
    assert [i.id for i in approval.inbox(deputy)] == [info.id]
    decisions = [(a.decision, a.comment) for a in apps.get(deputy, info.id).approvals]
    assert ("transfer", "出差期间请代批") in decisions


def test_add_approvers_before_needs_a_person_and_puts_them_first(qtbot, office, admin):
    sales, host, people = office
    expert = make_user(admin, "expert", {auth.HOST})
    info = submit(people, sales, host)
    view = ApprovalsView(people["manager"])
    qtbot.addWidget(view)
    select(view, info.id)
    dialog = view.add_approvers()
    dialog.accept()  # nobody ticked: refused in the dialog, which stays open
    assert dialog.isVisible() and "请选择人员" in dialog.error.text()
    dialog.tick(expert.user_id)
    dialog.where.setCurrentIndex(dialog.where.findData(approval_actions.BEFORE))
    dialog.mode.setCurrentIndex(dialog.mode.findData(routing.ALL))
    dialog.accept()
    wait_ops(qtbot)
    assert "已加签" in view.message.text()
    assert [i.id for i in approval.inbox(expert)] == [info.id]
    assert approval.inbox(people["manager"]) == []  # back to me after the expert


def test_copy_shows_in_the_copied_tab_with_its_count(qtbot, office, admin):
    sales, host, people = office
    info = submit(people, sales, host)
    view = ApprovalsView(people["manager"])
    qtbot.addWidget(view)
    select(view, info.id)
    dialog = view.copy_to()
    dialog.tick(people["finance"].user_id)
    dialog.accept()
    wait_ops(qtbot)
    assert "已抄送" in view.message.text()
    reader = ApprovalsView(people["finance"])
    qtbot.addWidget(reader)
    assert reader.scope.tabText(reader.COPIED) == "抄送我 (1)"
    reader.scope.setCurrentIndex(reader.COPIED)
    assert [r.id for r in reader.model.rows] == [info.id]
    assert not reader.approve_button.isEnabled()  # a copy is read, not decided
    wait_ops(qtbot)  # opening it marks it read
    assert approval_actions.counts(people["finance"]).copied == 0
    assert reader.scope.tabText(reader.COPIED) == "抄送我"


def test_return_to_an_earlier_step(qtbot, office):
    sales, host, people = office
    info = submit(people, sales, host)
    approve(info.id, people["manager"], people["admin_office"])
    view = ApprovalsView(people["finance"])
    qtbot.addWidget(view)
    select(view, info.id)
    dialog = view.return_to()
    assert [dialog.target.itemData(i) for i in range(dialog.target.count())] == [-1, 0, 1]
    dialog.target.setCurrentIndex(dialog.target.findData(0))
    dialog.accept()  # a return needs its comment
    assert dialog.isVisible() and "必须填写意见" in dialog.error.text()
    dialog.comment.setPlainText("部门负责人请再核一下人数")
    dialog.accept()
    wait_ops(qtbot)
    app = Application.get_by_id(info.id)
    assert app.status == apps.PENDING and app.step_index == 0
    assert [i.id for i in approval.inbox(people["manager"])] == [info.id]


def test_batch_approve_shows_the_over_standard_one(qtbot, office):
    sales, host, people = office
    plain = [submit(people, sales, host, days_ahead=14 + i) for i in range(2)]
    over = submit(people, sales, host, lines=[LineForm("meals", "1800", "规格高")])
    for app in (*plain, over):
        approve(app.id, people["manager"], people["admin_office"], people["finance"])
    view = ApprovalsView(people["gm"])
    qtbot.addWidget(view)
    view.table.selectAll()
    assert view.batch_button.isEnabled()
    view.comment.setPlainText("同意")
    view.batch_approve()
    wait_ops(qtbot)
    assert [Application.get_by_id(a.id).status for a in plain] == [apps.APPROVED] * 2
    assert Application.get_by_id(over.id).status == apps.PENDING
    assert "已同意 2 份" in view.message.text() and over.number in view.message.text()
    assert view.current().id == over.id  # shown, for a decision of its own
    assert not view.over_reason.isHidden()
    view.comment.setPlainText("同意")
    view.over_reason.setText("客户为战略客户，规格经董事会确认")
    view.decide(approval.APPROVE)
    wait_ops(qtbot)
    assert Application.get_by_id(over.id).status == apps.APPROVED
    notes = [a.note for a in apps.get(people["gm"], over.id).approvals if a.decision == "approve"]
    assert any("战略客户" in n for n in notes)


def test_returned_application_shows_why_on_top_and_in_the_navigation(qtbot, office):
    from desktop.views.main_window import MainWindow

    sales, host, people = office
    info = submit(people, sales, host)
    approval.decide(people["manager"], info.id, approval.RETURN, "请补充客户背景")
    window = MainWindow(people["host"])
    qtbot.addWidget(window)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert any(t.endswith("(退回 1)") for t in labels)
    dialog = ApplicationDialog(people["host"], info.id)
    qtbot.addWidget(dialog)
    assert not dialog.return_note.isHidden()
    assert "请补充客户背景" in dialog.return_note.text() and "zhangwei" in dialog.return_note.text()
    window.finish(remember=False)


def test_waiting_count_in_the_navigation(qtbot, office):
    from desktop.views.main_window import MainWindow

    sales, host, people = office
    submit(people, sales, host)
    submit(people, sales, host, days_ahead=15)
    window = MainWindow(people["manager"])
    qtbot.addWidget(window)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert any(t.endswith("(2)") and t.startswith("审批") for t in labels), labels
    window.finish(remember=False)


def test_remind_from_the_applications_view(qtbot, office):
    sales, host, people = office
    info = submit(people, sales, host)
    view = ApplicationsView(people["host"])
    qtbot.addWidget(view)
    view.table.selectRow(next(i for i, r in enumerate(view.model.rows) if r.id == info.id))
    assert view.remind_button.isEnabled()
    view.remind()
    wait_ops(qtbot)
    assert "已提醒 1 位审批人" in view.message.text()
    view.remind()  # again at once: refused, said why
    wait_ops(qtbot)
    assert "小时内只能催办一次" in view.message.text()


def test_notify_tab_saves_a_channel_and_sends_a_test(qtbot, admin, robots, scripted):
    from desktop.views.settings_notify import NotifyTab

    received, _state = robots  # a local HTTP server standing in for the robots' webhooks
    tab = NotifyTab(admin)
    qtbot.addWidget(tab)
    tab.new_channel()
    tab.name.setText("行政群")
    tab.kind.setCurrentIndex(tab.kind.findData(outbox.WECOM))
    tab.webhook.setText("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc123")
    tab.events[outbox.APPROVAL_WAITING].setChecked(True)
    assert tab.is_modified()
    assert tab.save()
    assert not tab.is_modified()
    (channel,) = outbox.channels(admin)
    assert channel.kind == outbox.WECOM and channel.events == (outbox.APPROVAL_WAITING,)
    assert channel.config["webhook"].endswith("key=abc123")
    tab.send_test()
    wait_ops(qtbot)
    assert [path for path, _body in received] == ["/cgi-bin/webhook/send?key=abc123"]
    assert "测试消息" in str(received[0][1])
    assert "已发送" in tab.message.text()


@pytest.fixture
def late_2026():
    clock.set_today(dt.date(2026, 11, 20))
    yield
    clock.set_today(None)


def test_year_of_holidays_pasted_in_settings(qtbot, admin, late_2026, scripted):
    from desktop.views.settings_calendar import YearHolidaysEditor

    editor = YearHolidaysEditor(admin)
    qtbot.addWidget(editor)
    assert "2027 年法定节假日尚未录入" in editor.warning.text() and not editor.warning.isHidden()
    editor.year.setValue(2027)
    editor.holidays.setPlainText("2027-01-01\n2027-02-06~2027-02-12\n2027-13-01")
    assert editor.is_modified()
    assert not editor.save()  # the impossible date is named, nothing saved
    assert "2027-13-01" in editor.error.text() and workdays.is_workday(dt.date(2027, 1, 1))
    editor.holidays.setPlainText("2027-01-01\n2027-02-06~2027-02-12")
    editor.workdays.setPlainText("2027-02-14")
    assert editor.save() and not editor.is_modified()
    assert not workdays.is_workday(dt.date(2027, 1, 1)) and workdays.is_workday(dt.date(2027, 2, 14))
    assert editor.warning.isHidden()


def test_approval_settings_are_check_boxes_and_a_spin_box(qtbot, admin, scripted):
    from PySide6.QtWidgets import QCheckBox, QSpinBox

    from desktop.services import settings
    from desktop.views.settings_window import GeneralTab

    tab = GeneralTab(admin)
    qtbot.addWidget(tab)
    dedupe, hours = tab.edits["approval_dedupe"], tab.edits["remind_hours"]
    assert isinstance(dedupe, QCheckBox) and dedupe.isChecked()
    assert isinstance(tab.edits["approval_resume"], QCheckBox) and isinstance(hours, QSpinBox)
    dedupe.setChecked(False)
    hours.setValue(6)
    assert tab.is_modified() and tab.save()
    assert settings.get("approval_dedupe") == "0" and settings.get("remind_hours") == "6"


def test_chain_editor_reorders_steps_and_sets_countersign(qtbot, admin, scripted):
    from desktop.views.settings_reception import ChainEditor

    approval.ensure_default_chain()
    editor = ChainEditor(admin)
    qtbot.addWidget(editor)
    first, second = editor.value()[:2]
    editor.rows[1]["up"].click()  # 行政部 before 部门负责人
    mode = editor.rows[0]["mode"]
    mode.setCurrentIndex(mode.findData(routing.ALL))
    assert editor.is_modified() and editor.save()
    steps = approval.chain_steps()
    assert [(s.role, s.mode) for s in steps[:2]] == [(second.role, routing.ALL), (first.role, routing.ANY)]


def test_vice_president_named_per_department(qtbot, office, admin, scripted):
    from desktop.views.settings_superiors import SuperiorEditor

    sales, host, people = office
    vp = make_user(admin, "fuzong", {auth.HOST})
    editor = SuperiorEditor(admin)
    qtbot.addWidget(editor)
    combo = editor.combos[sales.id]
    combo.setCurrentIndex(combo.findData(vp.user_id))
    assert editor.is_modified() and editor.save()
    assert (sales.id, "销售一部", vp.user_id) in routing.superiors()
    own = apps.save_draft(people["manager"], form(sales, host))
    apps.submit(people["manager"], own.id)
    assert [i.id for i in approval.inbox(vp)] == [own.id]  # the head's own application goes to the VP


def test_pickers_leave_out_the_applicant_and_the_approver(qtbot, office, admin):
    """转交 / 加签 / 抄送 offer neither the applicant (who may not approve their own application)
    nor the approver themselves, nor who already holds the step by name."""
    from PySide6.QtCore import Qt

    sales, host, people = office
    deputy = make_user(admin, "deputy", {auth.HOST})
    info = submit(people, sales, host)
    approval_actions.add_approvers(
        people["manager"], info.id, [deputy.user_id], approval_actions.BEFORE, "请先看"
    )
    view = ApprovalsView(deputy)  # the step is now deputy's, by name
    qtbot.addWidget(view)
    select(view, info.id)
    dialog = view.transfer()
    offered = {"transfer": [dialog.person.itemData(i) for i in range(dialog.person.count())]}
    dialog.reject()
    for kind, opener in (("add", view.add_approvers), ("copy", view.copy_to)):
        dialog = opener()
        offered[kind] = [
            dialog.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.people.count())
        ]
        dialog.reject()
    for kind, ids in offered.items():
        assert ids, kind
        assert people["host"].user_id not in ids, kind  # the applicant
        assert deputy.user_id not in ids, kind  # the approver themselves
        assert people["finance"].user_id in ids and people["manager"].user_id in ids, kind


def test_the_timer_reminds_of_overdue_feedback_off_the_ui_thread(qtbot, office):
    """The main window's 30-second tick runs the overdue scan on the writer thread; the bell
    shows the reminder, and the next tick does not repeat it."""
    from desktop.services import notifications, reminders
    from desktop.views.main_window import MainWindow
    from tests.services.test_working_day_rules import approved_ending

    sales, host, people = office
    clock.set_today(dt.date(2026, 10, 15))
    try:
        approved_ending(people, sales, host, dt.datetime(2026, 11, 4, 17))
        clock.set_today(dt.date(2026, 11, 9))  # feedback was due on Friday the 6th
        lina = people["host"]
        window = MainWindow(lina)
        qtbot.addWidget(window)
        before = notifications.unread_count(lina)
        window._tick()  # what the timer calls
        wait_ops(qtbot)
        assert [n.kind for n in notifications.recent(lina)][0] == reminders.FEEDBACK_OVERDUE
        assert window.bell.text() == f"通知 {before + 1}"
        window._tick()
        wait_ops(qtbot)
        assert notifications.unread_count(lina) == before + 1
    finally:
        clock.set_today(None)


def test_due_dates_in_an_unknown_year_say_so(qtbot, office, scripted):
    """Feedback and expense due dates counted into 2027 (holidays not entered) read 待确认."""
    from desktop.views.expenses import ExpensesView
    from desktop.views.feedback import FeedbackView
    from tests.services.test_working_day_rules import approved_ending

    sales, host, people = office
    clock.set_today(dt.date(2026, 12, 1))
    try:
        app_id = approved_ending(people, sales, host, dt.datetime(2026, 12, 30, 17))
        clock.set_today(dt.date(2027, 1, 4))
        fb = FeedbackView(people["host"])
        qtbot.addWidget(fb)
        row = next(i for i, s in enumerate(fb.model.rows) if s.application_id == app_id)
        column = next(i for i, c in enumerate(fb.model.columns) if c.key == "due")
        assert fb.model.index(row, column).data() == "2027-01-01（待确认）"
        ex = ExpensesView(people["host"])
        qtbot.addWidget(ex)
        row = next(i for i, r in enumerate(ex.list.rows) if r.application_id == app_id)
        column = next(i for i, c in enumerate(ex.list.columns) if c.key == "due")
        assert "（待确认）" in ex.list.index(row, column).data()
        ex.table.selectRow(row)
        assert "待确认" in ex.header.text()
    finally:
        clock.set_today(None)
