"""The home dashboard: first view for each role, charts open their lists, PNG export, refresh."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from desktop import clock
from desktop.services import auth, visitors
from desktop.views import changes, filedialogs
from desktop.views.dashboard import ChartCard, DashboardView
from desktop.views.main_window import MainWindow
from tests.views.conftest import wait_ops

SECTIONS = {
    "qiantai": {"visitorsByHour", "weekCompare"},
    "admin": {"visitorsByHour", "weekCompare", "receptionsByDay", "bookingsByDay"},
    "caiwu": {"spendingByDepartment", "spendingByLevel", "budgetByMonth", "costPerGuest"},
    "zongjingli": {"spendingByDepartment", "spendingByLevel", "budgetByMonth", "costPerGuest"},
}


def _window(qtbot, username: str) -> MainWindow:
    window = MainWindow(auth.actor_by_username(username))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _click(qtbot, card: ChartCard, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(card.viewport(), Qt.MouseButton.LeftButton, pos=pos or card.viewport().rect().center())


@pytest.mark.parametrize("username", sorted(SECTIONS))
def test_first_view_after_login_is_the_roles_dashboard(qtbot, demo_db, username):
    window = _window(qtbot, username)
    if username == "qiantai":
        # A receptionist starts at the desk with the cursor in 姓名 (issue 9); 首页 is one click.
        assert window.current_key() == "visitors"
        window.show_view("dashboard")
    assert window.current_key() == "dashboard"
    view = window.current_view()
    assert isinstance(view, DashboardView)
    assert set(view.charts) == SECTIONS[username]
    assert view.title.text().endswith(clock.today().isoformat())


def test_a_host_has_no_dashboard(qtbot, demo_db):
    window = _window(qtbot, "lina")
    assert "dashboard" not in [s.key for s in window.specs]


def test_front_desk_chart_opens_the_visitor_log_of_that_day(qtbot, demo_db):
    window = _window(qtbot, "qiantai")
    view = window.show_view("dashboard")
    _click(qtbot, view.charts["visitorsByHour"])
    assert window.current_key() == "log"
    log = window.current_view()
    today = clock.today()
    assert log.date_from.date().toPython() == today and log.date_to.date().toPython() == today


def test_admin_chart_opens_the_schedule_and_tiles_open_feedback(qtbot, demo_db):
    window = _window(qtbot, "admin")
    view = window.current_view()
    _click(qtbot, view.charts["receptionsByDay"])
    assert window.current_key() == "schedule"
    window.show_view("dashboard")
    qtbot.mouseClick(view.tiles["overdueFeedback"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "feedback"


def test_bar_click_filters_the_schedule_to_its_day(qtbot, demo_db):
    window = _window(qtbot, "admin")
    view = window.current_view()
    card = view.charts["receptionsByDay"]
    data = view.data.admin_office
    day_index = next(
        i for i, d in enumerate(data.days) if any(data.receptions.get((d, lv)) for lv in data.levels)
    )
    card.activated.emit(day_index)  # what a click on that bar sends (QBarSet.clicked → index)
    schedule = window.current_view()
    assert window.current_key() == "schedule"
    day = data.days[day_index]
    assert schedule.anchor == day - dt.timedelta(days=day.weekday())


def test_finance_charts_open_expenses_and_the_flags_open_reconciliation(qtbot, demo_db):
    window = _window(qtbot, "caiwu")
    view = window.current_view()
    _click(qtbot, view.charts["spendingByDepartment"])
    assert window.current_key() == "expenses"
    window.show_view("dashboard")
    qtbot.mouseClick(view.tiles["openFlags"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "reconciliation"
    wait_ops(qtbot)  # the reconciliation view starts its first search in the background


def test_general_managers_flags_open_expenses_not_a_view_he_lacks(qtbot, demo_db):
    window = _window(qtbot, "zongjingli")
    view = window.current_view()
    qtbot.mouseClick(view.tiles["openFlags"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "expenses"


def test_chart_exports_as_png(qtbot, demo_db, tmp_path, monkeypatch):
    window = _window(qtbot, "caiwu")
    card = window.current_view().charts["budgetByMonth"]
    target = tmp_path / "budget"
    monkeypatch.setattr(filedialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    gc.collect()
    card.ask_export()
    image = QImage(str(target) + ".png")
    assert not image.isNull()
    assert (image.width(), image.height()) == (card.width(), card.height())


def test_dashboard_refreshes_when_a_visitor_checks_in(qtbot, demo_db):
    window = _window(qtbot, "qiantai")
    view = window.show_view("dashboard")
    before = view.data.front_desk.on_site
    desk = auth.actor_by_username("qiantai")
    visitors.check_in(
        desk, visitors.VisitForm(name="新访客", phone="13900000001", people_count=3, host_id=desk.employee_id)
    )
    changes.announce(changes.VISITS)
    assert view.data.front_desk.on_site == before + 3
    assert view.tiles["onSite"].text().startswith(str(before + 3))


def test_monthly_report_dialog_saves_the_report(qtbot, demo_db, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from desktop.views.monthly_report import MonthlyReportDialog

    window = _window(qtbot, "caiwu")
    view = window.current_view()
    monkeypatch.setattr(filedialogs, "get_save_file_name", lambda *a, **k: (str(tmp_path / "report"), ""))
    dialog = MonthlyReportDialog(view.actor, view)
    qtbot.addWidget(dialog)
    dialog.ask_save()
    workbook = load_workbook(tmp_path / "report.xlsx")
    assert "接待概况" in workbook.sheetnames
