"""The receptionist's flows, driven with the keyboard and mouse as a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import clock
from desktop.services import auth, denylist, notifications, org, visitors
from desktop.views.visitor_desk import VisitorDeskView
from tests.views.conftest import wait_ops


@pytest.fixture
def desk(qtbot, desk_actor, scripted):
    view = VisitorDeskView(desk_actor)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.form.name.setFocus()
    return view


def focused_name() -> str:
    return QApplication.focusWidget().objectName()


def test_walk_in_check_in_by_keyboard_takes_five_keys(desk, keyboard, desk_actor):
    keyboard.type("王小明")
    keyboard.press(Qt.Key.Key_Tab)
    assert focused_name() == "phone"
    keyboard.type("13912345678")
    keyboard.press(Qt.Key.Key_Tab)
    assert focused_name() == "company"
    keyboard.type("星河贸易有限公司")
    keyboard.press(Qt.Key.Key_Tab)
    assert focused_name() == "host"
    keyboard.type("hl")  # 黄磊, by pinyin initials
    keyboard.press(Qt.Key.Key_Return)  # takes the highlighted host
    assert desk.form.host.host is not None and desk.form.host.host.name == "黄磊"
    keyboard.press(Qt.Key.Key_Return)  # checks in
    assert keyboard.presses == 5
    wait_ops(keyboard.qtbot)  # the check-in saves off the UI thread

    row = next(r for r in visitors.on_site(desk_actor) if r.name == "王小明")
    assert row.company == "星河贸易有限公司"
    assert row.host_name == "黄磊" and row.department == "销售一部"
    assert row.phone == "13912345678"
    assert "王小明" in desk.status.text()
    assert any(r.name == "王小明" for r in desk.onsite_model.rows)
    assert desk.form.name.text() == ""  # ready for the next visitor
    assert focused_name() == "name"


def test_host_is_notified_and_sees_the_bell(desk, keyboard, demo_db):
    keyboard.type("赵一")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("13700001111")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("lina")
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Return)
    wait_ops(keyboard.qtbot)
    host = auth.actor_by_username("lina")
    assert notifications.unread_count(host) == 1
    note = notifications.recent(host)[0]
    assert "赵一" in note.title and "一楼会客区" in note.body


def test_validation_keeps_what_was_typed(desk, keyboard, qtbot):
    keyboard.type("钱七")
    keyboard.press(Qt.Key.Key_Return)  # no phone, no host
    wait_ops(qtbot)
    form = desk.form
    assert form.errors.message("phone")
    assert form.errors.message("host")
    assert form.name.text() == "钱七"
    assert focused_name() == "phone"  # the first field to fix
    form.phone.setText("12")
    form.id_number.setText("440106199001011236")  # wrong check digit
    form.submitted.emit()
    wait_ops(qtbot)
    assert "电话号码格式不正确" in form.errors.message("phone")
    assert form.errors.message("id_number")
    assert form.name.text() == "钱七" and form.id_number.text() == "440106199001011236"


def test_unknown_or_ambiguous_host_is_explained(desk, keyboard):
    form = desk.form
    form.name.setText("孙八")
    form.phone.setText("13800138000")
    form.host.setText("不存在的人")
    form.submitted.emit()
    assert "找不到接待人" in form.errors.message("host")


def test_autofill_by_pinyin_initials(desk, keyboard, desk_actor):
    keyboard.type("ls")
    popup = desk.form.name.completer_popup()
    assert popup.isVisible()
    labels = [s.name for s in desk.form.name.suggestions()]
    assert "李四" in labels
    index = labels.index("李四")
    for _ in range(index + 1):
        keyboard.press(Qt.Key.Key_Down)
    keyboard.press(Qt.Key.Key_Return)
    form = desk.form
    assert form.name.text() == "李四"
    assert form.company.text() == "深圳市创新电子科技有限公司"
    assert form.phone.text()
    assert form.visitor_id is not None
    assert form.host.host is not None  # last host prefilled
    # The stored ID number is never put into the field; it is used server-side.
    assert form.id_number.text() == ""


def test_autofill_by_full_pinyin_and_phone(desk, keyboard, desk_actor):
    keyboard.type("lisi")
    assert "李四" in [s.name for s in desk.form.name.suggestions()]
    li = next(s for s in desk.form.name.suggestions() if s.name == "李四")
    desk.form.name.completer_popup().hide()
    desk.form.phone.setFocus()
    keyboard.type(li.phone[:7])
    assert "李四" in [s.name for s in desk.form.phone.suggestions()]


def test_deny_list_needs_a_supervisor(desk, keyboard, scripted, desk_actor, qtbot):
    entry = next(e for e in denylist.list_entries(desk_actor) if e.name == "马六")
    form = desk.form
    form.name.setText("马六")
    form.phone.setText("13800000000")
    form.host.setText("张伟")
    scripted.credential_answers = [("qiantai", "demo1234")]  # a receptionist cannot confirm
    form.submitted.emit()
    wait_ops(qtbot)
    kinds = [s[0] for s in scripted.shown]
    assert "credentials" in kinds
    assert entry.reason in scripted.shown[kinds.index("credentials")][2]
    assert not any(r.name == "马六" for r in visitors.on_site(desk_actor))
    assert form.name.text() == "马六"  # kept for the second try

    scripted.credential_answers = [("admin", "demo1234")]
    form.submitted.emit()
    wait_ops(qtbot)
    row = next(r for r in visitors.on_site(desk_actor) if r.name == "马六")
    assert entry.reason in row.deny_reason


def test_already_on_site_asks_first(desk, desk_actor, scripted, qtbot):
    present = visitors.on_site(desk_actor)[0]
    form = desk.form
    form.name.setText(present.name)
    form.phone.setText(present.phone)
    form.host.setText("张伟")
    scripted.answers = [False]
    form.submitted.emit()
    wait_ops(qtbot)
    assert scripted.shown[-1][0] == "ask"
    assert sum(r.name == present.name for r in visitors.on_site(desk_actor)) == 1
    scripted.answers = [True]
    form.submitted.emit()
    wait_ops(qtbot)
    assert sum(r.name == present.name for r in visitors.on_site(desk_actor)) == 2


def test_expected_visitor_one_key_check_in(desk, keyboard, desk_actor):
    expected = visitors.expected_on(desk_actor, clock.today())
    assert expected
    keyboard.press(Qt.Key.Key_F2)
    assert desk.expected_table.hasFocus()
    keyboard.press(Qt.Key.Key_Return)
    wait_ops(keyboard.qtbot)
    first = expected[0]
    assert visitors.get_visit(desk_actor, first.id).status == visitors.ON_SITE
    assert len(desk.expected_model.rows) == len(expected) - 1
    assert any(r.id == first.id for r in desk.onsite_model.rows)


def test_check_out_selected_several_and_all(desk, desk_actor, scripted, qtbot):
    before = len(visitors.on_site(desk_actor))
    table = desk.onsite_table
    table.selectRow(0)
    table.selectionModel().select(
        desk.onsite_model.index(1, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    desk.checkout_button.click()
    wait_ops(qtbot)
    assert len(visitors.on_site(desk_actor)) == before - 2
    assert desk.onsite_model.rowCount() == before - 2

    scripted.answers = [False]
    desk.check_out_all()
    assert len(visitors.on_site(desk_actor)) == before - 2
    scripted.answers = [True]
    desk.check_out_all()
    wait_ops(qtbot)
    assert visitors.on_site(desk_actor) == []
    assert desk.onsite_model.rowCount() == 0


def test_check_out_twice_is_refused(desk, desk_actor, scripted, qtbot):
    row = desk.onsite_model.rows[0]
    visitors.check_out(desk_actor, [row.id])  # e.g. from another PC, the list is stale now
    desk.onsite_table.selectRow(0)
    desk.check_out_selected()
    wait_ops(qtbot)
    assert scripted.shown[-1][0] == "warn"
    assert "已于" in scripted.shown[-1][2]
    assert all(r.id != row.id for r in desk.onsite_model.rows)  # refreshed


# ---------------------------------------------------------------------- issue 9: the front desk


def _li_si_appointment(actor) -> visitors.VisitRow:
    return next(r for r in visitors.expected_on(actor, clock.today()) if r.name == "李四")


def test_after_login_the_cursor_is_in_the_name_field(qtbot, desk_actor, scripted):
    from desktop.views.main_window import MainWindow

    window = MainWindow(desk_actor)  # what login opens for a receptionist
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    desk = window.views["visitors"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is desk.form.name)


def test_enter_on_a_suggestion_fills_the_form_and_does_not_submit(desk, keyboard, desk_actor, qtbot):
    on_site_before = len(visitors.on_site(desk_actor))
    keyboard.type("ls")
    names = [s.name for s in desk.form.name.suggestions()]
    for _ in range(names.index("李四") + 1):
        keyboard.press(Qt.Key.Key_Down)
    keyboard.press(Qt.Key.Key_Return)
    wait_ops(qtbot)
    form = desk.form
    assert form.name.text() == "李四" and form.phone.text()
    assert not desk.form.name.completer_popup().isVisible()
    # Nothing was submitted: no check-in, and no complaint about the half-typed "ls".
    assert len(visitors.on_site(desk_actor)) == on_site_before
    assert form.errors.message("phone") == "" and form.errors.message("host") == ""
    assert desk.status.text() == ""
    assert focused_name() == "host"  # the next thing to check; Enter there checks in


def test_suggestion_popup_is_wide_enough_for_its_text(desk, keyboard):
    desk.resize(1024, 700)
    keyboard.type("ls")
    popup = desk.form.name.completer_popup()
    assert popup.isVisible()
    model = popup.model()
    labels = [model.index(i, 0).data() for i in range(model.rowCount())]
    widest = max(popup.fontMetrics().horizontalAdvance(label) for label in labels)
    assert widest > desk.form.name.width()  # the case that was cut off
    assert popup.viewport().width() >= widest


def test_appointment_picked_from_autofill_is_checked_in_not_doubled(desk, keyboard, desk_actor, qtbot):
    booked = _li_si_appointment(desk_actor)
    visits_before = visitors.count_log(desk_actor, visitors.LogQuery(text="李四", statuses=()))
    keyboard.type("ls")
    first = desk.form.name.suggestions()[0]
    assert first.expected_visit_id == booked.id  # today's appointment comes first
    assert "今日预约" in desk.form.name.completer_popup().model().index(0, 0).data()
    keyboard.press(Qt.Key.Key_Down)
    keyboard.press(Qt.Key.Key_Return)  # fills from the appointment
    assert desk.form.kind.currentData() == visitors.APPOINTMENT
    assert desk.form.host.host is not None and desk.form.host.host.id == booked.host_id
    keyboard.press(Qt.Key.Key_Return)  # checks in
    wait_ops(qtbot)
    assert visitors.get_visit(desk_actor, booked.id).status == visitors.ON_SITE
    assert visitors.count_log(desk_actor, visitors.LogQuery(text="李四", statuses=())) == visits_before
    assert all(r.id != booked.id for r in desk.expected_model.rows)
    assert any(r.id == booked.id for r in desk.onsite_model.rows)
    assert "按今日预约签到" in desk.status.text()
    assert desk.form.name.text() == "" and focused_name() == "name"  # ready for the next one


def test_appointment_typed_by_name_and_phone_is_checked_in(desk, keyboard, desk_actor, qtbot):
    booked = _li_si_appointment(desk_actor)
    phone = next(s.phone for s in visitors.suggest_visitors(desk_actor, "李四") if s.name == "李四")
    form = desk.form
    form.name.setText("李四")
    form.phone.setText(phone)
    form.host.setText("黄磊")
    form.submitted.emit()
    wait_ops(qtbot)
    row = visitors.get_visit(desk_actor, booked.id)
    assert row.status == visitors.ON_SITE and row.host_name == "黄磊"
    assert sum(r.name == "李四" for r in visitors.on_site(desk_actor)) == 1
    assert focused_name() == "name"


def test_check_in_runs_off_the_ui_thread_and_a_failure_keeps_the_input(
    desk, desk_actor, scripted, qtbot, monkeypatch
):
    import threading

    from desktop.services.errors import ServiceError

    threads = []

    def busy_database(*_args, **_kwargs):
        threads.append(threading.current_thread())
        raise ServiceError("数据库正忙，请稍后重试。")

    monkeypatch.setattr(visitors, "check_in", busy_database)
    form = desk.form
    form.name.setText("孙八")
    form.phone.setText("13800138000")
    form.company.setText("星河贸易")
    form.host.setText("黄磊")
    form.submitted.emit()
    wait_ops(qtbot)
    assert threads and threads[0] is not threading.main_thread()
    assert scripted.shown[-1][0] in ("warn", "error") and "数据库正忙" in scripted.shown[-1][2]
    assert (form.name.text(), form.phone.text(), form.company.text()) == ("孙八", "13800138000", "星河贸易")
    assert form.submit_button.isEnabled()  # ready to try again


def test_enter_on_the_on_site_list_asks_before_checking_out(desk, keyboard, desk_actor, scripted, qtbot):
    before = len(visitors.on_site(desk_actor))
    keyboard.press(Qt.Key.Key_F3)
    chosen = desk.onsite_model.rows[desk.onsite_table.currentIndex().row()]
    scripted.answers = [False]
    keyboard.press(Qt.Key.Key_Return)
    wait_ops(qtbot)
    assert scripted.shown[-1][0] == "ask" and chosen.name in scripted.shown[-1][2]
    assert len(visitors.on_site(desk_actor)) == before
    scripted.answers = [True]
    keyboard.press(Qt.Key.Key_Return)
    wait_ops(qtbot)
    assert visitors.get_visit(desk_actor, chosen.id).status == visitors.LEFT


def test_check_out_can_be_undone_for_five_minutes(desk, desk_actor, scripted, qtbot):
    chosen = desk.onsite_model.rows[0]
    assert desk.undo_button.isHidden()
    desk.onsite_table.selectRow(0)
    desk.checkout_button.click()
    wait_ops(qtbot)
    assert visitors.get_visit(desk_actor, chosen.id).status == visitors.LEFT
    assert desk.undo_button.isVisible()
    assert desk._undo_timer.isActive() and desk._undo_timer.interval() == 5 * 60 * 1000
    desk.undo_button.click()
    wait_ops(qtbot)
    back = visitors.get_visit(desk_actor, chosen.id)
    assert back.status == visitors.ON_SITE and back.badge_no == chosen.badge_no
    assert any(r.id == chosen.id for r in desk.onsite_model.rows)
    assert "已撤销签离" in desk.status.text() and desk.undo_button.isHidden()

    desk.onsite_table.selectRow(0)
    desk.checkout_button.click()
    wait_ops(qtbot)
    desk._undo_timer.timeout.emit()  # five minutes later
    assert desk.undo_button.isHidden()
    desk.undo_check_out()  # Ctrl+Z now does nothing
    wait_ops(qtbot)
    assert visitors.get_visit(desk_actor, desk.onsite_model.rows[0].id).status == visitors.ON_SITE


def test_a_badge_in_use_elsewhere_is_not_proposed_again(desk, keyboard, desk_actor, qtbot):
    from desktop.views import changes

    proposed = desk.form.badge.text()
    host = desk.form.host
    # Another desk hands out the proposed badge meanwhile …
    huang = org.list_employees(text="黄磊")[0].id
    visitors.check_in(
        desk_actor, visitors.VisitForm(name="周五", phone="13600000005", host_id=huang, badge_no=proposed)
    )
    # … and this desk checks in with the proposal it still shows: it is replaced, not refused.
    keyboard.type("吴十")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("13600000010")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("hl")
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Return)
    wait_ops(qtbot)
    row = next(r for r in visitors.on_site(desk_actor) if r.name == "吴十")
    assert row.badge_no and row.badge_no != proposed
    assert host.text() == ""
    # A change announced by another view refreshes the proposal too.
    now_proposed = desk.form.badge.text()
    visitors.check_in(
        desk_actor,
        visitors.VisitForm(name="郑十一", phone="13600000011", host_id=huang, badge_no=now_proposed),
    )
    changes.announce(changes.VISITS, initiator=None)
    assert desk.form.badge.text() != now_proposed
