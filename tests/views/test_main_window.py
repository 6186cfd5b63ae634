"""Main window: navigation by role, the bell, the demo banner."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.services import auth, visitors
from desktop.views.main_window import MainWindow, NotificationsPopup


def test_navigation_follows_roles(qtbot, demo_db):
    receptionist = MainWindow(auth.actor_by_username("qiantai"))
    qtbot.addWidget(receptionist)
    assert [s.key for s in receptionist.specs] == ["visitors", "preregister", "schedule", "log"]
    host = MainWindow(auth.actor_by_username("lina"))  # a host: pre-registration, applications
    qtbot.addWidget(host)
    assert [s.key for s in host.specs] == ["preregister", "applications", "schedule", "feedback", "expenses"]
    auditor = MainWindow(auth.actor_by_username("shenji"))
    qtbot.addWidget(auditor)
    assert [s.key for s in auditor.specs] == ["applications", "schedule", "feedback", "expenses", "log"]
    finance = MainWindow(auth.actor_by_username("caiwu"))
    qtbot.addWidget(finance)
    assert [s.key for s in finance.specs] == [
        "applications",
        "approvals",
        "schedule",
        "expenses",
        "reconciliation",
    ]


def test_bell_counts_the_hosts_unread_notifications(qtbot, demo_db, scripted):
    desk = auth.actor_by_username("qiantai")
    host = auth.actor_by_username("zhangwei")
    window = MainWindow(host, demo_note="演示模式")
    qtbot.addWidget(window)
    assert window.bell.text() == "通知"
    form = visitors.VisitForm(name="测试访客", phone="13600000000", host_id=host.employee_id)
    visitors.check_in(desk, form)
    window.refresh_bell()
    assert window.bell.text() == "通知 1"
    popup = NotificationsPopup(host, window)
    qtbot.addWidget(popup)
    assert "测试访客" in popup.list.item(0).text()
    window.refresh_bell()
    assert window.bell.text() == "通知"
    banner = window.findChild(QLabel, "demoBanner")
    assert banner is not None and banner.text() == "演示模式"
