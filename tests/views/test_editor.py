"""The editor base: typed work is never lost, every problem is named at once, every dialog fits.

Each editor is driven as a person does (typing, Esc, the window's ×, another row) with the
close prompt's answers scripted: 取消 keeps the editor open with the text, 放弃 closes it,
保存 saves first.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QScrollArea, QSpinBox

from desktop.models import Application
from desktop.services import applications as apps
from desktop.services import arrangements as arr
from desktop.services import auth, resources
from desktop.views import editor
from desktop.views.application_editor import ApplicationDialog
from desktop.views.arrangement_editor import ArrangementDialog

SMALL = QRect(0, 0, 1024, 768)


@pytest.fixture
def lina(demo_db):
    return auth.actor_by_username("lina")


@pytest.fixture
def admin_actor(demo_db):
    return auth.actor_by_username("admin")


def _asked(scripted) -> int:
    return sum(1 for kind, *_ in scripted.shown if kind == "save_discard_cancel")


def _approved(actor) -> apps.ApplicationInfo:
    approved = [a for a in apps.list_applications(actor, scope="all") if a.status == apps.APPROVED]
    return next(a for a in approved if arr.get(actor, a.id).items)


# ---------------------------------------------------------------------- application editor


def test_application_editor_asks_on_esc_and_close(qtbot, lina, scripted):
    before = Application.select().count()
    dialog = ApplicationDialog(lina)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.is_modified()
    QTest.keyClicks(dialog.client, "Acme")
    assert dialog.is_modified() and dialog.isWindowModified()

    scripted.answers = ["cancel"]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert _asked(scripted) == 1
    assert dialog.isVisible() and dialog.client.text() == "Acme"  # 取消: still there, text kept

    scripted.answers = ["cancel"]
    dialog.close()  # the window's × and Alt+F4
    assert _asked(scripted) == 2 and dialog.isVisible()

    scripted.answers = ["discard"]
    close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "关闭")
    close.click()
    assert _asked(scripted) == 3 and not dialog.isVisible()
    assert Application.select().count() == before  # 放弃 wrote nothing


def test_application_editor_save_answer_keeps_a_draft(qtbot, lina, scripted):
    before = Application.select().count()
    dialog = ApplicationDialog(lina)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.client.setText("保存后关闭公司")
    scripted.answers = ["save"]
    dialog.reject()
    assert not dialog.isVisible()
    assert Application.select().count() == before + 1
    assert Application.select().order_by(Application.id.desc()).first().client_company == "保存后关闭公司"


def test_save_that_fails_keeps_the_editor_open(qtbot, lina, scripted):
    dialog = ApplicationDialog(lina)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.remarks.setText("只写了备注")  # no client company: a draft cannot be saved
    scripted.answers = ["save"]
    dialog.reject()
    assert dialog.isVisible() and dialog.remarks.text() == "只写了备注"
    assert dialog.errors.message("client_company")


def test_loading_is_not_an_edit(qtbot, lina, scripted):
    existing = next(a for a in apps.list_applications(lina) if a.status == apps.APPROVED)
    dialog = ApplicationDialog(lina, existing.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refresh_estimate()  # fills the estimate cells of the budget table
    assert not dialog.is_modified()
    dialog.reject()
    assert _asked(scripted) == 0 and not dialog.isVisible()


def test_failed_first_submit_lists_every_problem_and_leaves_no_draft(qtbot, lina, scripted):
    before = Application.select().count()
    dialog = ApplicationDialog(lina)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.scroll.verticalScrollBar().setValue(dialog.scroll.verticalScrollBar().maximum())
    dialog.submit()
    assert Application.select().count() == before  # no numbered draft left behind
    assert dialog.detail is None
    for key in ("client_company", "purpose", "guests"):
        assert dialog.errors.message(key), key  # all at once, not one per click
    summary = dialog.errors.summary
    assert summary.isVisibleTo(dialog)
    assert "请填写来宾公司名称" in summary.text() and "请至少填写一位来宾" in summary.text()
    assert "请填写来访目的" in summary.text()
    assert not _inside_scroll_area(summary)  # at the top, whatever the scroll position
    assert dialog.scroll.verticalScrollBar().value() == 0  # scrolled back to the first problem
    assert dialog.focusWidget() is dialog.client  # focus goes there when the window is active


def test_service_submit_collects_every_error(lina):
    form = apps.ApplicationForm(level_id=None, arrival=None, departure=None)
    with pytest.raises(apps.ValidationError) as caught:
        apps.save_and_submit(lina, form)
    assert {"client_company", "level_id", "department_id", "arrival", "guests", "purpose"} <= set(
        caught.value.errors
    )


def test_lead_time_problem_is_shown_with_the_others(qtbot, lina, scripted):
    """Arrival tomorrow at level A: the lead-time error and the missing guests come together."""
    from desktop import clock
    from desktop.services import standards

    dialog = ApplicationDialog(lina)
    qtbot.addWidget(dialog)
    dialog.client.setText("急客户")
    dialog.level.setCurrentIndex(
        dialog.level.findData(next(lv.id for lv in standards.levels() if lv.code == "A"))
    )
    dialog.purpose.setPlainText("来访")
    start = dt.datetime.combine(clock.today() + dt.timedelta(days=1), dt.time(9))
    from desktop.views.application_editor import _qdt

    dialog.arrival.setDateTime(_qdt(start))
    dialog.departure.setDateTime(_qdt(start + dt.timedelta(hours=4)))
    dialog.submit()
    assert "提前量不足" in dialog.errors.message("arrival")
    assert dialog.errors.message("guests")
    assert "提前量不足" in dialog.errors.summary.text()


def test_application_tables_keep_their_height(qtbot, lina, scripted):
    """On a tall window the form is shorter than the view: spare height must not go into the
    tables, or they shrink and grow as the problem lines below them come and go."""
    dialog = ApplicationDialog(lina)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 2400)
    dialog.show()
    qtbot.waitExposed(dialog)
    heights = (dialog.guests.height(), dialog.budget.height())
    for i in range(4):
        dialog.add_guest(apps.GuestForm(f"客人{i}"))
        dialog.budget.item(0, 3).setText(str(5000 + i))  # over the cap: problems appear
        dialog.refresh_estimate()
        QApplication.processEvents()
        assert (dialog.guests.height(), dialog.budget.height()) == heights
    assert dialog.problems.text()  # the text below grew, the tables did not move


# ---------------------------------------------------------------------- arrangement editor


def test_arrangement_editor_asks_before_losing_an_item(qtbot, admin_actor, scripted):
    info = _approved(admin_actor)
    dialog = ArrangementDialog(admin_actor, info.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(0)
    first_id = dialog.item_id
    dialog.notes.setText("改为 10 点")
    assert dialog.is_modified()

    scripted.answers = ["cancel"]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.notes.text() == "改为 10 点"

    if len(dialog.items.rows) > 1:  # another item replaces the form: asked first
        scripted.answers = ["cancel"]
        dialog.table.selectRow(1)
        assert dialog.item_id == first_id and dialog.notes.text() == "改为 10 点"
        qtbot.waitUntil(lambda: dialog.table.currentIndex().row() == 0)  # the selection follows

    scripted.answers = ["save"]
    dialog.close()
    assert not dialog.isVisible()
    saved = next(i for i in arr.get(admin_actor, info.id).items if i.id == first_id)
    assert saved.notes == "改为 10 点"


def test_arrangement_warning_stays_after_the_list_reloads(qtbot, admin_actor, scripted):
    info = _approved(admin_actor)
    dialog = ArrangementDialog(admin_actor, info.id)
    qtbot.addWidget(dialog)
    rooms = sorted(resources.items("rooms"), key=lambda r: r.values["capacity"])
    small = rooms[0]
    day = info.arrival.date()
    dialog.new_item()
    dialog.kind.setCurrentIndex(dialog.kind.findData("meeting"))
    from desktop.views.application_editor import _qdt

    dialog.start.setDateTime(_qdt(dt.datetime.combine(day, dt.time(20))))  # the room is free then
    dialog.end.setDateTime(_qdt(dt.datetime.combine(day, dt.time(20, 30))))
    dialog.room.setCurrentIndex(dialog.room.findData(small.id))
    dialog.guests.setValue(int(small.values["capacity"]) + 5)
    dialog.projector.setChecked(True)
    assert dialog.save_item(), (dialog.message.text(), dialog.errors.summary.text())
    assert dialog.item_id is not None and dialog.table.currentIndex().isValid()
    text = dialog.message.text()
    assert text and text != "已保存。", "the room-too-small warning vanished with the reload"
    assert not dialog.is_modified()


# ---------------------------------------------------------------------- settings


def test_crud_editor_asks_before_another_row(qtbot, admin_actor, scripted):
    from desktop.views.settings_tabs import DepartmentEditor

    view = DepartmentEditor(admin_actor)
    qtbot.addWidget(view)
    view.table.selectRow(0)
    view.name.setText("改了名字")
    assert view.is_modified()
    scripted.answers = ["cancel"]
    view.table.selectRow(1)
    assert view.name.text() == "改了名字"
    qtbot.waitUntil(lambda: view.table.currentIndex().row() == 0)  # back on the row being typed
    assert view.table.selectionModel().selectedRows()[0].row() == 0
    scripted.answers = ["discard"]
    view.table.selectRow(1)
    assert view.current_id == view.model.rows[1].id and view.name.text() == view.model.rows[1].name
    assert not view.is_modified()


def test_settings_dialog_asks_on_close_and_shows_the_tab(qtbot, admin_actor, scripted):
    from desktop.services import org
    from desktop.views.settings_window import SettingsDialog

    dialog = SettingsDialog(admin_actor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.departments.table.selectRow(0)
    dialog.departments.name.setText("新的部门名")
    scripted.answers = ["cancel"]
    dialog.reject()
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 1  # 部门与员工 brought to the front before asking
    scripted.answers = ["save"]
    dialog.reject()
    assert not dialog.isVisible()
    assert "新的部门名" in [d.name for d in org.list_departments(include_inactive=True)]


def test_budget_editor_asks_before_another_year(qtbot, admin_actor, scripted):
    from desktop.views.settings_reception import BudgetEditor

    view = BudgetEditor(admin_actor)
    qtbot.addWidget(view)
    year = view.year.value()
    view.months[0].setText("12345")
    scripted.answers = ["cancel"]
    view.year.setValue(year + 1)
    assert view.year.value() == year and view.months[0].text() == "12345"


# ---------------------------------------------------------------------- views in the main window


def test_feedback_view_can_close(qtbot, admin_actor, scripted):
    from desktop.views.feedback import FeedbackView

    view = FeedbackView(admin_actor)
    qtbot.addWidget(view)
    assert view.can_close() and _asked(scripted) == 0
    view.discussed.setPlainText("谈了价格")
    scripted.answers = ["cancel"]
    assert not view.can_close()
    assert view.discussed.toPlainText() == "谈了价格"
    if len(view.model.rows) > 1:
        scripted.answers = ["cancel"]
        shown = view.current.application_id
        view.table.selectRow(1 if view.table.currentIndex().row() != 1 else 0)
        assert view.current.application_id == shown and view.discussed.toPlainText() == "谈了价格"
    scripted.answers = ["discard"]
    assert view.can_close()


def test_expenses_view_can_close(qtbot, demo_db, scripted):
    from desktop.views.expenses import ExpensesView

    host = auth.actor_by_username("lina")
    view = ExpensesView(host)
    qtbot.addWidget(view)
    assert view.can_close()
    view.vendor.setText("某某酒店")
    assert view.is_modified()
    scripted.answers = ["cancel"]
    assert not view.can_close() and view.vendor.text() == "某某酒店"
    scripted.answers = ["discard"]
    assert view.can_close()


# ---------------------------------------------------------------------- the mouse wheel


def _wheel(widget, up: bool = False) -> None:
    pos = QPointF(widget.rect().center())
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 if up else -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_wheel_scrolls_the_editor_not_the_nights(qtbot, lina, scripted):
    dialog = ApplicationDialog(lina)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    nights = dialog.counts["nights"]
    nights.setValue(1)
    dialog.client.setFocus()
    assert nights.focusPolicy() == Qt.FocusPolicy.StrongFocus
    bar = dialog.scroll.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    start = bar.value()
    _wheel(nights)
    _wheel(nights.lineEdit())
    assert nights.value() == 1  # was 0 before the guard
    assert bar.value() > start  # the wheel scrolled the form instead
    _wheel(dialog.level)
    assert dialog.level.currentIndex() == dialog.level.findData(dialog.value().level_id)


def test_a_focused_field_still_takes_the_wheel(qtbot):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    spin = QSpinBox()
    QVBoxLayout(window).addWidget(spin)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    _wheel(spin, up=True)
    assert spin.value() == 1


def test_wheel_guard_is_installed_by_the_application_setup():
    from desktop.views import wheel_guard

    assert wheel_guard._guard is not None
    spin = QSpinBox()
    spin.show()
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    spin.close()


# ---------------------------------------------------------------------- fitting the screen


def _dialogs():
    """Every dialog class of desktop/views, built with the demo data."""
    from desktop.views.connection import ConnectionDialog
    from desktop.views.login import CredentialsDialog, FirstRunDialog, LoginDialog
    from desktop.views.main_window import NotificationsPopup
    from desktop.views.settings_window import SettingsDialog

    admin = auth.actor_by_username("admin")
    lina = auth.actor_by_username("lina")
    existing = next(a for a in apps.list_applications(lina) if a.status == apps.APPROVED)
    return {
        "ApplicationDialog(new)": lambda: ApplicationDialog(lina),
        "ApplicationDialog(approved)": lambda: ApplicationDialog(lina, existing.id),
        "ArrangementDialog": lambda: ArrangementDialog(admin, _approved(admin).id),
        "SettingsDialog": lambda: SettingsDialog(admin),
        "LoginDialog": lambda: LoginDialog(company="示例公司"),
        "FirstRunDialog": lambda: FirstRunDialog(),
        "ConnectionDialog": lambda: ConnectionDialog(problem="无法连接服务器 192.168.1.10:5432。"),
        "CredentialsDialog": lambda: CredentialsDialog("主管确认", "请主管确认。"),
        "NotificationsPopup": lambda: NotificationsPopup(lina),
    }


DIALOGS = [
    "ApplicationDialog(new)",
    "ApplicationDialog(approved)",
    "ArrangementDialog",
    "SettingsDialog",
    "LoginDialog",
    "FirstRunDialog",
    "ConnectionDialog",
    "CredentialsDialog",
    "NotificationsPopup",
]


def _inside_scroll_area(widget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _dialog_buttons(dialog) -> list:
    """The buttons that close or commit the dialog: its QDialogButtonBox, or the bottom row."""
    boxes = [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()]
    row = [
        b
        for b in dialog.findChildren(QPushButton)
        if b.text()
        in ("关闭", "保存草稿", "提交审批", "保存", "登录", "确定", "取消", "Close", "OK", "Cancel")
    ]
    return [b for b in boxes + row if b.isVisibleTo(dialog)]


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_fits_1024x768_with_its_buttons_visible(qtbot, demo_db, scripted, name):
    dialog = _dialogs()[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    placed = editor.fit_to_screen(dialog, SMALL)
    limit = QSize(SMALL.width() - editor.FRAME.width(), SMALL.height() - editor.FRAME.height())
    assert SMALL.contains(placed), f"{name} placed at {placed} outside {SMALL}"
    assert dialog.width() <= limit.width() and dialog.height() <= limit.height()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= limit.width() and hint.height() <= limit.height(), (
        f"{name} cannot shrink below {hint.width()}×{hint.height()}"
    )
    dialog.resize(dialog.size().expandedTo(hint).boundedTo(limit))
    QApplication.processEvents()
    buttons = _dialog_buttons(dialog)
    assert buttons, f"{name} has no closing buttons?"
    for button in buttons:
        assert not _inside_scroll_area(button), f"{name}: “{button.text()}” scrolls away with the form"
        top_left = button.mapTo(dialog, QPoint(0, 0))
        inside = QRect(top_left, button.size())
        assert dialog.rect().contains(inside), (
            f"{name}: “{button.text()}” at {inside} outside {dialog.rect()}"
        )
        assert button.height() >= 8 and button.width() >= 8


def test_the_editors_open_inside_the_screen(qtbot, lina, scripted):
    dialog = ApplicationDialog(lina)
    qtbot.addWidget(dialog)
    assert dialog.size() == QSize(1060, 820)  # what it asks for on a big screen…
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert screen.contains(dialog.geometry())  # …and what it gets on this one


def test_dialog_size_is_remembered_per_pc(qtbot, lina, scripted, data_dir):
    first = ApplicationDialog(lina)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 500)
    first.reject()
    assert (data_dir / "windows.ini").exists()
    again = ApplicationDialog(lina)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == QSize(700, 500)
