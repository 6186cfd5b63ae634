"""Change events cross processes: a write in one process reaches another's feed (SQLite's
data-version poller, PostgreSQL's LISTEN), a process never hears itself, old rows go."""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import clock, db
from desktop.models import ChangeEvent
from desktop.services import change_feed

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "change_feed_worker.py"


def worker_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("RECEPTION_FAST_HASH", "1")
    env["RECEPTION_TODAY"] = clock.today().isoformat()  # the same day as this process
    return env


def run_worker(*args: object) -> dict:
    """Run the other process to the end; its last line is JSON."""
    done = subprocess.run(
        [sys.executable, str(WORKER), *map(str, args)],
        cwd=ROOT,
        env=worker_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def start_listener(url: str, data_dir: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), "listen", url, str(data_dir)],
        cwd=ROOT,
        env=worker_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    if line.strip() != "READY":
        proc.kill()
        pytest.fail(f"listener did not start: {line}{proc.stderr.read()}")
    return proc


@pytest.fixture
def feed(database, db_url):
    """This process's feed, polling fast so the test need not wait a second per round."""
    heard: queue.Queue = queue.Queue()
    running = change_feed.ChangeFeed(db_url, heard.put, interval=0.05).start()
    assert running.ready.wait(30), "the feed did not start"
    yield heard
    running.stop()


def test_a_write_in_another_process_reaches_this_feed(feed, db_url, data_dir):
    other = run_worker("publish", db_url, data_dir, "visits", "notifications")

    assert other["origin"] != change_feed.ORIGIN
    assert feed.get(timeout=30) == {"visits", "notifications"}


def test_this_process_never_hears_its_own_writes(feed, db_url, data_dir):
    change_feed.publish(["applications"])  # committed first, so it would come first
    run_worker("publish", db_url, data_dir, "visits")

    assert feed.get(timeout=30) == {"visits"}
    assert ChangeEvent.select().where(ChangeEvent.kind == "applications").count() == 1


def test_a_write_in_this_process_reaches_another_process(database, db_url, data_dir):
    listener = start_listener(db_url, data_dir)
    try:
        change_feed.publish(["approvals", "applications"])
        out, err = listener.communicate(timeout=60)
    finally:
        if listener.poll() is None:
            listener.kill()
    assert listener.returncode == 0, err
    assert json.loads(out.strip().splitlines()[-1]) == {"kinds": ["applications", "approvals"]}


def test_a_desk_check_in_in_another_process_reaches_this_feed(demo_db, db_url, data_dir):
    heard: queue.Queue = queue.Queue()
    running = change_feed.ChangeFeed(db_url, heard.put, interval=0.05).start()
    try:
        assert running.ready.wait(30)
        run_worker("checkin", db_url, data_dir, "zhangwei", "远方来客")
        assert heard.get(timeout=30) == {"visits", "notifications"}
    finally:
        running.stop()


def test_the_cli_tells_open_windows(feed, db_url, data_dir):
    """A command that writes (here `demo`) reaches the windows: everything refreshes."""
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", db_url, "demo"],
        cwd=ROOT,
        env=worker_env() | {"RECEPTION_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert feed.get(timeout=30) == {change_feed.EVERYTHING}


def test_a_restore_in_another_process_reaches_this_feed_although_its_ids_start_lower(
    demo_db, db_url, data_dir, tmp_path
):
    """The restored change_event table starts again from the backup's ids, below those this
    feed has read; the news of the restore must still arrive (issue 12, found with two GUIs)."""
    from desktop.services import auth, backup

    saved = backup.backup(auth.actor_by_username("admin"), tmp_path / "office.zip").path
    heard: queue.Queue = queue.Queue()
    running = change_feed.ChangeFeed(db_url, heard.put, interval=0.05).start()
    try:
        assert running.ready.wait(30)
        for kind in ("visits", "approvals", "expenses"):  # this feed reads past the backup's ids
            run_worker("publish", db_url, data_dir, kind)
            assert heard.get(timeout=30) == {kind}

        run_worker("restore", db_url, data_dir, saved)

        assert heard.get(timeout=30) == {change_feed.RESTORED}
        run_worker("publish", db_url, data_dir, "visits")  # and it keeps hearing afterwards
        assert heard.get(timeout=30) == {"visits"}
    finally:
        running.stop()


def test_a_failed_login_in_another_process_reaches_this_feed(demo_db, db_url, data_dir):
    """A wrong password at the command line (or another PC's login) is in the audit trail; an
    auditor's open 审计日志 must hear of it (found with the CLI beside a GUI)."""
    heard: queue.Queue = queue.Queue()
    running = change_feed.ChangeFeed(db_url, heard.put, interval=0.05).start()
    try:
        assert running.ready.wait(30)
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--db", db_url, "--user", "caiwu", "retention", "--dry-run"],
            cwd=ROOT,
            env=worker_env() | {"RECEPTION_DATA_DIR": str(data_dir), "RECEPTION_PASSWORD": "wrong"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 2 and "caiwu" in done.stderr
        assert heard.get(timeout=30) == {"users"}
    finally:
        running.stop()


def test_events_older_than_a_day_are_pruned(database, monkeypatch):
    old = clock.now() - change_feed.KEEP - dt.timedelta(minutes=5)
    ChangeEvent.create(kind="visits", at=old, origin="another-pc")
    monkeypatch.setattr(change_feed, "_last_prune", None)

    change_feed.publish(["visits"])

    assert [(e.kind, e.origin) for e in ChangeEvent.select()] == [("visits", change_feed.ORIGIN)]


def test_a_rolled_back_write_publishes_nothing(database):
    class Undone(Exception):
        pass

    with pytest.raises(Undone):
        with db.database.atomic():
            change_feed.publish(["visits"])
            raise Undone

    assert ChangeEvent.select().count() == 0


def test_publish_quietly_never_fails_the_write_it_follows(database, monkeypatch):
    def broken(_kinds):
        raise RuntimeError("table gone")

    monkeypatch.setattr(change_feed, "publish", broken)
    assert change_feed.publish_quietly(["visits"]) is False
