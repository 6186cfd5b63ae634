"""One desk PC, several people: log out and in as someone else without quitting."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.services import auth, demo
from desktop.views.session import Session


def _session(qtbot) -> tuple[Session, list[str]]:
    quits: list[str] = []
    session = Session(QApplication.instance(), db_label="sqlite:///demo.sqlite3")
    session.quit = lambda: quits.append("quit")
    return session, quits


def _login(qtbot, session: Session, username: str) -> None:
    dialog = session.login
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, demo.DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.submit()


def test_log_out_and_in_as_another_user(qtbot, demo_db, scripted):
    session, quits = _session(qtbot)
    first = session.open_window(auth.actor_by_username("qiantai"))
    qtbot.addWidget(first)
    qtbot.waitExposed(first)
    assert first.logout_action.text() == "注销 / 切换用户"
    first.logout_action.trigger()
    assert session.login is not None and session.login.isVisible()
    assert not first.isVisible() and session.window is None
    _login(qtbot, session, "zhangwei")
    second = session.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    assert second.isVisible() and second.actor.username == "zhangwei"
    assert "张伟" in second.user_label.text()
    assert "approvals" in [s.key for s in second.specs] and "visitors" not in [s.key for s in second.specs]
    assert quits == []


def test_log_out_is_refused_while_a_view_holds_unsaved_work(qtbot, demo_db, scripted):
    session, _quits = _session(qtbot)
    window = session.open_window(auth.actor_by_username("qiantai"))
    qtbot.addWidget(window)
    window.current_view().can_close = lambda: False  # the user chose 取消 in the prompt
    assert not window.request_logout()
    assert session.window is window and window.isVisible() and session.login is None


def test_cancel_at_the_login_ends_the_program(qtbot, demo_db, scripted):
    session, quits = _session(qtbot)
    window = session.open_window(auth.actor_by_username("qiantai"))
    qtbot.addWidget(window)
    window.request_logout()
    dialog = session.login
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.reject()
    assert quits == ["quit"] and session.window is None
