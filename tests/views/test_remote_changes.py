"""Another PC's changes on this PC's screens, and the banner of a lost connection.

A second process (tests/change_feed_worker.py) checks a visitor in at "the other desk"; this
process's host sees the bell and this desk's on-site list change without touching anything.
A remote refresh never overwrites what somebody is typing.
"""

from __future__ import annotations

import re

import pytest

from desktop import db
from desktop.services import auth, connection_health
from desktop.services.errors import ConnectionLost
from desktop.views import changes, connection_banner, remote_changes
from desktop.views.main_window import MainWindow
from desktop.views.visitor_desk import VisitorDeskView
from tests.services.test_change_feed import run_worker


def bell_count(window: MainWindow) -> int:
    found = re.search(r"\d+", window.bell.text())
    return int(found.group()) if found else 0


@pytest.fixture
def fresh_monitor(monkeypatch):
    """A connection monitor of the test's own (the process keeps one otherwise)."""
    monkeypatch.setattr(connection_banner, "_monitor", None)
    yield
    if connection_banner._monitor is not None:
        connection_banner._monitor.close()


@pytest.fixture
def bridge(demo_db, db_url, qtbot):
    running = remote_changes.RemoteChanges(db_url, interval=0.05).start()
    assert running.feed.ready.wait(30), "the feed did not start"
    yield running
    running.stop()


def test_a_check_in_at_another_desk_shows_in_the_bell_and_the_on_site_list(
    qtbot, bridge, db_url, data_dir, scripted, fresh_monitor
):
    host = auth.actor_by_username("zhangwei")
    window = MainWindow(host)
    qtbot.addWidget(window)
    window.show()
    desk = VisitorDeskView(auth.actor_by_username("qiantai"))
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitExposed(desk)
    bell_before = bell_count(window)
    names_before = [r.name for r in desk.onsite_model.rows]
    assert "远方来客" not in names_before

    run_worker("checkin", db_url, data_dir, "zhangwei", "远方来客")

    qtbot.waitUntil(lambda: "远方来客" in [r.name for r in desk.onsite_model.rows], timeout=30_000)
    qtbot.waitUntil(lambda: bell_count(window) == bell_before + 1, timeout=30_000)


def test_a_remote_refresh_keeps_what_is_being_typed(qtbot, bridge, db_url, data_dir, scripted):
    from desktop.views.application_editor import ApplicationDialog
    from desktop.views.feedback import FeedbackView

    admin = auth.actor_by_username("admin")
    view = FeedbackView(admin)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.discussed.setPlainText("谈了价格，下周报价")
    assert view.is_modified()
    lina = auth.actor_by_username("lina")
    editor = ApplicationDialog(lina)
    qtbot.addWidget(editor)
    editor.purpose.setPlainText("尚未保存的目的")

    with qtbot.waitSignal(view.model.modelReset, timeout=30_000):  # the list did refresh
        run_worker("publish", db_url, data_dir, "feedback", "applications")

    assert view.discussed.toPlainText() == "谈了价格，下周报价" and view.is_modified()
    assert editor.purpose.toPlainText() == "尚未保存的目的" and editor.is_modified()
    assert scripted.shown == []  # nobody was asked to save or discard


def test_a_restore_on_another_pc_tells_the_user_and_logs_out(
    qtbot, bridge, db_url, data_dir, scripted, tmp_path, fresh_monitor
):
    """Found with two GUIs and the CLI: after `restore` elsewhere the window went on showing
    (and saving into) data that no longer existed, and on SQLite did not even refresh."""
    from desktop.services import backup

    saved = backup.backup(auth.actor_by_username("admin"), tmp_path / "office.zip").path
    window = MainWindow(auth.actor_by_username("zhangwei"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(bridge.arrived, timeout=30_000):  # the feed reads past the backup
        run_worker("publish", db_url, data_dir, "visits")

    with qtbot.waitSignal(window.logoutRequested, timeout=30_000):
        run_worker("restore", db_url, data_dir, saved)

    assert [shown[:2] for shown in scripted.shown] == [("info", "数据已恢复")]


def test_a_restore_announced_with_everything_still_logs_out(qtbot, bridge, scripted, fresh_monitor):
    """The CLI's restore also says "everything changed"; one batch may carry both."""
    window = MainWindow(auth.actor_by_username("zhangwei"))
    qtbot.addWidget(window)
    window.show()

    with qtbot.waitSignal(window.logoutRequested, timeout=10_000):
        bridge.arrived.emit(frozenset({"*", "restored"}))

    assert [shown[:2] for shown in scripted.shown] == [("info", "数据已恢复")]


def test_remote_news_is_announced_as_remote_and_not_published_again(qtbot, bridge, monkeypatch):
    heard: list[tuple[frozenset, object]] = []
    changes.bus().changed.connect(lambda kinds, initiator: heard.append((kinds, initiator)))
    published: list = []
    monkeypatch.setattr(changes, "_publish", published.append)

    bridge.arrived.emit(frozenset({"visits"}))
    qtbot.waitUntil(lambda: bool(heard))

    assert heard == [(frozenset({"visits"}), changes.REMOTE)]
    assert published == []  # the other PC told everybody already


def test_banner_shows_a_lost_connection_retries_and_goes_when_it_is_back(
    qtbot, demo_db, scripted, monkeypatch, fresh_monitor
):
    window = MainWindow(auth.actor_by_username("admin"))
    qtbot.addWidget(window)
    window.show()
    banner = window.connection_banner
    assert not banner.isVisible()
    answers = [False, True]
    monkeypatch.setattr(connection_health, "probe", lambda _url: answers.pop(0))

    connection_health.report_lost(ConnectionLost("gone"))  # as a failed save reports it

    qtbot.waitUntil(banner.isVisible)
    assert banner.text.text().startswith("与数据库服务器的连接已断开，正在重试…")
    banner.retry_button.click()  # the server is still down
    qtbot.waitUntil(lambda: "上次尝试" in banner.text.text())
    assert banner.isVisible()
    heard: list = []
    changes.bus().changed.connect(lambda kinds, initiator: heard.append((kinds, initiator)))
    banner.retry_button.click()  # now it answers
    qtbot.waitUntil(lambda: not banner.isVisible())
    assert answers == []
    assert heard and heard[-1] == (changes.ALL, changes.REMOTE)  # what was missed is read again
    assert db.current_info() is not None
