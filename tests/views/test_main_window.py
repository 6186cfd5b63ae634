"""Main window: navigation by role, the bell, the demo banner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from desktop.services import auth, visitors
from desktop.views.main_window import MainWindow, NotificationsPopup
from tests.views.conftest import wait_ops


def test_navigation_follows_roles(qtbot, demo_db):
    receptionist = MainWindow(auth.actor_by_username("qiantai"))
    qtbot.addWidget(receptionist)
    assert [s.key for s in receptionist.specs] == ["dashboard", "visitors", "preregister", "schedule", "log"]
    host = MainWindow(auth.actor_by_username("lina"))  # a host: pre-registration, applications
    qtbot.addWidget(host)
    assert [s.key for s in host.specs] == ["preregister", "applications", "schedule", "feedback", "expenses"]
    auditor = MainWindow(auth.actor_by_username("shenji"))
    qtbot.addWidget(auditor)
    assert [s.key for s in auditor.specs] == [
        "applications",
        "schedule",
        "feedback",
        "expenses",
        "fines",
        "log",
        "audit-log",
    ]
    finance = MainWindow(auth.actor_by_username("caiwu"))
    qtbot.addWidget(finance)
    assert [s.key for s in finance.specs] == [
        "dashboard",
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


# ---------------------------------------------------------------------- fit the screen


def _all_views_actor():
    """Every role at once, so every main view can be shown."""
    return auth.Actor(
        user_id=1, username="admin", display_name="全部", roles=frozenset(auth.ROLES), employee_id=None
    )


def test_opens_maximised_then_restores_its_geometry(qtbot, demo_db, scripted):
    first = MainWindow(auth.actor_by_username("zhangwei"))
    qtbot.addWidget(first)
    first.show_restored()
    qtbot.waitExposed(first)
    assert first.isMaximized()  # nothing remembered on this PC yet
    first.showNormal()
    first.setGeometry(30, 40, 700, 480)  # within the offscreen test screen (800×600)
    qtbot.waitUntil(lambda: first.size().width() == 700)
    assert first.request_quit()
    assert not first.isVisible()
    second = MainWindow(auth.actor_by_username("zhangwei"))
    qtbot.addWidget(second)
    second.show_restored()
    qtbot.waitExposed(second)
    assert not second.isMaximized()
    assert (second.width(), second.height()) == (700, 480)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_view_fits_a_1024_screen(qtbot, demo_db, language):
    """Showing a view never raises the window's minimum width (接待日程 raised it to 1,223 px,
    1,318 in English), and at 1024×768 each view fits without sideways scrolling, 审批's 同意
    included, with the status bar on screen."""
    from PySide6.QtWidgets import QApplication

    from desktop.views.app import install_language

    app = QApplication.instance()
    try:
        install_language(app, language)
        window = MainWindow(_all_views_actor(), demo_note="演示模式", db_label="sqlite:///demo.sqlite3")
        qtbot.addWidget(window)
        window.resize(1024, 740)
        window.show()
        qtbot.waitExposed(window)
        for spec in window.specs:
            view = window.show_view(spec.key)
            wait_ops(qtbot)
            QApplication.processEvents()
            assert window.minimumSizeHint().width() <= 1024, spec.key
            assert window.minimumSize().width() <= 1024, spec.key
            holder = window.holders[spec.key]
            assert view.minimumSizeHint().width() <= holder.viewport().width(), spec.key
        window.resize(800, 500)  # smaller than any screen we promise: it still shrinks
        QApplication.processEvents()
        assert window.width() == 800
        window.resize(1024, 740)
        view = window.show_view("approvals")
        QApplication.processEvents()
        right = view.approve_button.mapTo(window, QPoint(view.approve_button.width(), 0)).x()
        assert view.approve_button.isVisible() and right <= window.width()
        assert window.statusBar().isVisible() and window.user_label.isVisible()
        assert window.statusBar().geometry().bottom() <= window.height()
    finally:
        install_language(app, "zh_CN")


# ---------------------------------------------------------------------- what changed


def test_change_bus_refreshes_the_shown_view_and_the_hidden_one_when_shown(qtbot, demo_db, scripted):
    from desktop.services import applications as apps
    from desktop.services import approval
    from desktop.views import changes

    manager = auth.actor_by_username("zhangwei")
    window = MainWindow(manager)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    listing = window.show_view("applications")
    listing.scope.setCurrentIndex(listing.scope.findData("department"))
    inbox = window.show_view("approvals")  # the list is now hidden
    waiting = len(inbox.model.rows)
    listed = {r.id for r in listing.model.rows}
    target = next(r for r in inbox.model.rows if r.id in listed)  # his department's
    status_before = next(r for r in listing.model.rows if r.id == target.id).where
    # Decided elsewhere (another editor, another window): only the announcement tells us.
    approval.decide(manager, target.id, approval.APPROVE, "")
    changes.announce(changes.APPROVALS, changes.APPLICATIONS)
    assert len(inbox.model.rows) == waiting - 1  # the visible view refreshed at once
    row = next(i for i, s in enumerate(window.specs) if s.key == "approvals")
    assert window.nav.item(row).text() == (f"审批 ({waiting - 1})" if waiting > 1 else "审批")
    assert next(r for r in listing.model.rows if r.id == target.id).where == status_before  # hidden: stale
    window.show_view("applications")
    now = apps.get(manager, target.id).info.where
    assert now != status_before
    assert next(r for r in listing.model.rows if r.id == target.id).where == now  # refreshed when shown


def test_a_failing_timer_refresh_goes_to_the_status_bar(qtbot, demo_db, scripted, monkeypatch):
    from desktop.services import notifications

    window = MainWindow(auth.actor_by_username("zhangwei"))
    qtbot.addWidget(window)

    def locked(_actor):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(notifications, "unread_count", locked)
    window._tick()  # what the 30-second timer calls
    assert scripted.shown == []  # no modal box every 30 seconds
    assert "database is locked" in window.statusBar().currentMessage()


def test_the_refresh_failure_goes_once_a_refresh_works_again(qtbot, demo_db, scripted, monkeypatch):
    """Seen with the database server stopped and started again: "刷新失败：…连接已断开" stayed
    in the status bar of a window that had long recovered."""
    from desktop.services import notifications

    window = MainWindow(auth.actor_by_username("zhangwei"))
    qtbot.addWidget(window)
    real = notifications.unread_count

    def gone(_actor):
        raise RuntimeError("server closed the connection unexpectedly")

    monkeypatch.setattr(notifications, "unread_count", gone)
    window._tick()
    assert "server closed" in window.statusBar().currentMessage()
    monkeypatch.setattr(notifications, "unread_count", real)
    window._tick()  # the server is back
    assert window.statusBar().currentMessage() == ""


def test_a_working_refresh_leaves_other_status_messages_alone(qtbot, demo_db, scripted):
    window = MainWindow(auth.actor_by_username("zhangwei"))
    qtbot.addWidget(window)
    window.statusBar().showMessage("正在等待后台工作完成…")
    window._tick()
    assert window.statusBar().currentMessage() == "正在等待后台工作完成…"


# ---------------------------------------------------------------------- closing


def test_switching_views_asks_the_view_with_unsaved_work(qtbot, demo_db, scripted):
    window = MainWindow(auth.actor_by_username("zhangwei"))
    qtbot.addWidget(window)
    first = window.current_key()
    answers = [False, True]
    window.views[first].can_close = lambda: answers.pop(0)
    other = next(s.key for s in window.specs if s.key != first)
    assert window.show_view(other) is window.views[first]  # refused: stays
    assert window.current_key() == first and window.nav.currentRow() == 0
    window.show_view(other)
    assert window.current_key() == other


def test_quit_asks_then_waits_for_background_work(qtbot, demo_db, scripted):
    import threading

    from desktop.views import ops

    window = MainWindow(auth.actor_by_username("zhangwei"))
    qtbot.addWidget(window)
    window.show()
    release = threading.Event()
    delivered: list[str] = []
    ops.run(window, lambda _p: release.wait(10) and "saved", delivered.append, write=True)
    assert ops.busy()

    class Answer(type(scripted)):
        def ask(self, parent, title, text):
            self.shown.append(("ask", title, text))
            return answers.pop(0)

    answers = [False, True]
    from desktop.views import prompts

    previous = prompts.use(Answer())
    try:
        assert not window.request_quit()  # "wait?" — No: the window stays, the work goes on
        assert window.isVisible() and ops.busy()
        answers_hook = prompts.current

        def ask_and_release(parent, title, text):
            answers_hook.shown.append(("ask", title, text))
            release.set()  # the work finishes while we wait
            return answers.pop(0)

        answers_hook.ask = ask_and_release
        assert window.request_quit()
        assert delivered == ["saved"]  # the result was delivered before the window went
        assert not ops.busy() and not window.isVisible()
        assert [s[0] for s in answers_hook.shown] == ["ask", "ask"]
    finally:
        release.set()
        prompts.use(previous)


def test_quit_asks_open_editors_and_views(qtbot, demo_db, scripted):
    from desktop.views.application_editor import ApplicationDialog

    window = MainWindow(auth.actor_by_username("lina"))
    qtbot.addWidget(window)
    window.show()
    listing = window.show_view("applications")
    editor = ApplicationDialog(listing.actor, parent=listing)
    editor.show()
    asked: list[str] = []
    editor.can_close = lambda: asked.append("editor") or False
    assert window.open_editors() == [editor]
    assert not window.request_quit()
    assert asked == ["editor"] and window.isVisible()
    editor.can_close = lambda: asked.append("editor") or True
    listing.can_close = lambda: asked.append("view") or True
    assert window.request_quit()
    assert asked == ["editor", "editor", "view"] and not window.isVisible()
