"""设置 → 备份与数据保留: who sees it, backup, restore (and the log-out after it), the two settings,
立即清理, and the housekeeping that runs at start-up."""

from __future__ import annotations

import datetime as dt
import gc
import zipfile

import pytest
import shiboken6

from desktop import clock, paths
from desktop.models import Department, Visit
from desktop.services import auth, backup, settings
from desktop.views.settings_backup import BackupTab
from desktop.views.settings_window import SettingsDialog
from tests.views.conftest import wait_ops


@pytest.fixture
def sysadmin(demo_db):
    return auth.actor_by_username("admin")


@pytest.fixture
def tab(qtbot, sysadmin, scripted):
    widget = BackupTab(sysadmin)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_only_the_system_administrator_sees_the_tab(qtbot, demo_db, scripted):
    admin = SettingsDialog(auth.actor_by_username("admin"))
    office = SettingsDialog(auth.actor_by_username("liuyang"))  # 行政部: settings, not backups
    qtbot.addWidget(admin)
    qtbot.addWidget(office)
    assert "备份与数据保留" in admin.tab_titles()
    assert "备份与数据保留" not in office.tab_titles()
    # the two numbers live on that tab, not among the general settings
    assert "backup_keep" not in office.general.edits and "retention_days" not in office.general.edits


def test_backup_now_writes_the_file_and_says_where(tab, qtbot, tmp_path):
    target = tmp_path / "manual.zip"
    tab.backup_to(target)
    wait_ops(qtbot)
    assert zipfile.is_zipfile(target)
    assert backup.read_manifest(target).created_by == "admin"
    assert str(target) in tab.result_label.text()


def test_shows_the_last_good_backup_and_the_last_error(tab, monkeypatch, db_url):
    assert tab.last_ok.text() == "—"
    if not db_url.startswith("sqlite"):
        assert backup.run_daily() is None  # PostgreSQL: the server's own backups
        assert "pg_dump" in tab.daily_note.text()
        return
    assert "每天自动备份" in tab.daily_note.text()
    outcome = backup.run_daily()
    tab.refresh()
    assert tab.last_ok.text() == outcome.at.strftime("%Y-%m-%d %H:%M")
    assert tab.last_error.text() == "无"
    assert tab.folder_label.text() == str(backup.daily_folder())

    monkeypatch.setattr(backup, "_sqlite_backup", lambda *a, **k: (_ for _ in ()).throw(OSError("磁盘已满")))
    backup.run_daily(force=True)
    tab.refresh()
    assert "磁盘已满" in tab.last_error.text()
    assert tab.last_ok.text() == outcome.at.strftime("%Y-%m-%d %H:%M")  # the last GOOD one


def test_keep_and_retention_days_are_saved(tab, qtbot, scripted):
    tab.keep.setValue(30)
    tab.days.setValue(730)
    assert tab.is_modified()
    scripted.answers = ["save"]
    assert tab.can_close()  # asks 保存/放弃/取消, saves
    assert scripted.shown[-1][0] == "save_discard_cancel"
    assert settings.get("backup_keep") == "30" and settings.get("retention_days") == "730"
    assert not tab.is_modified()


def test_a_foreign_file_is_refused_before_any_question(tab, qtbot, tmp_path, scripted):
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert not tab.restore_from(other)
    assert scripted.shown == [("warn", "不能恢复", scripted.shown[0][2])]
    assert "不是本程序" in scripted.shown[0][2]


def test_restore_asks_restores_and_logs_out(qtbot, sysadmin, scripted, tmp_path):
    from desktop.views.main_window import MainWindow

    made = backup.backup(sysadmin, tmp_path / "before.zip")
    departments = Department.select().count()
    Department.create(name="恢复后应消失")

    window = MainWindow(sysadmin)
    qtbot.addWidget(window)
    window.open_settings()
    gc.collect()
    dialog = next(d for d in window.open_editors() if isinstance(d, SettingsDialog))
    tab = dialog.backup
    dialog.tabs.setCurrentWidget(tab)

    scripted.answers = [False]
    assert not tab.restore_from(made.path)  # said no: nothing happens
    assert Department.select().count() == departments + 1

    scripted.answers = [True]
    with qtbot.waitSignal(window.logoutRequested, timeout=15_000):
        assert tab.restore_from(made.path)
        wait_ops(qtbot, 15_000)
    asked = [s for s in scripted.shown if s[0] == "ask"][-1]
    assert "before.zip" in asked[2] and "重新登录" in asked[2]
    told = [s for s in scripted.shown if s[0] == "info"][-1]
    assert "重新登录" in told[2] and "before-restore-" in told[2]
    assert Department.select().count() == departments
    assert list(paths.backups_dir().glob("before-restore-*.zip"))
    assert not shiboken6.isValid(dialog)  # the settings window closed (and was deleted)


def test_clean_now_shows_the_counts(tab, qtbot):
    at = dt.datetime.combine(clock.today() - dt.timedelta(days=400), dt.time(10))
    Visit.create(
        name="欧阳娜娜", phone="13800138000", id_number="110101199003071234", status="left", time_in=at
    )
    tab.clean_now()
    wait_ops(qtbot)
    assert "已清理 1 条来访" in tab.clean_label.text()
    assert Visit.get(Visit.time_in == at).name == "欧阳某"


def test_housekeeping_backs_up_and_cleans_at_start(qtbot, sysadmin, db_url):
    from desktop.views import housekeeping

    at = dt.datetime.combine(clock.today() - dt.timedelta(days=400), dt.time(10))
    old = Visit.create(name="诸葛亮", phone="13800138000", status="left", time_in=at)
    keeper = housekeeping.Housekeeping()
    try:
        keeper.start()
        qtbot.waitUntil(lambda: not keeper.backing_up and not keeper.cleaning, timeout=15_000)
        wait_ops(qtbot)
    finally:
        keeper.stop()
    assert Visit.get_by_id(old.id).name == "诸葛某"
    expected = 1 if db_url.startswith("sqlite") else 0  # automatic backups: SQLite only
    assert len(backup.daily_files()) == expected
    assert (backup.status().last_ok is not None) == bool(expected)
    keeper.tick()  # the same day again: nothing more
    wait_ops(qtbot)
    assert len(backup.daily_files()) == expected


def test_housekeeping_takes_the_writer_only_for_the_steps_that_erase(qtbot, sysadmin, monkeypatch):
    """The look for due data reads beside the writer thread; each step that erases is a write
    of its own, so a save queued meanwhile goes in between. Most days: no write at all."""
    from desktop.services import retention
    from desktop.views import changes, housekeeping, ops

    monkeypatch.setattr(retention, "CHUNK", 1)
    writes: list[bool] = []
    real_run = ops.run

    def spy(parent, fn, on_done, on_error=None, **kwargs):
        writes.append(kwargs.get("write", False))
        return real_run(parent, fn, on_done, on_error, **kwargs)

    monkeypatch.setattr(ops, "run", spy)
    announced: list[tuple[str, ...]] = []
    monkeypatch.setattr(housekeeping.changes, "announce", lambda *kinds: announced.append(kinds))
    keeper = housekeeping.Housekeeping()

    def clean() -> retention.RetentionResult:
        writes.clear()
        keeper.run_retention()
        qtbot.waitUntil(lambda: not keeper.cleaning, timeout=15_000)
        wait_ops(qtbot)
        return keeper.last_result

    clean()  # whatever the demo has that is due
    announced.clear()
    assert clean().visits == 0 and writes == [False]  # nothing to do: the writer is not asked
    assert announced == []
    at = dt.datetime.combine(clock.today() - dt.timedelta(days=400), dt.time(10))
    old = [Visit.create(name=n, phone="13800138000", status="left", time_in=at) for n in ("东方朔", "孟浩然")]
    result = clean()
    assert result.visits == 2 and writes == [False, True, True]  # one short write per step
    assert announced == [(changes.VISITS, changes.NOTIFICATIONS)]
    assert [Visit.get_by_id(v.id).name for v in old] == ["东方某", "孟某"]
