"""``backup``, ``restore`` and ``retention`` on the command line (issue 12), including a backup
taken by a second process while this one holds a write transaction open."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import zipfile

import pytest

from desktop import cli, clock, db
from desktop.models import Department, Visit
from desktop.services import backup, demo


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("RECEPTION_PASSWORD", demo.DEMO_PASSWORD)


def test_backup_and_restore(demo_db, db_url, tmp_path, capsys, password):
    target = tmp_path / "office.zip"
    assert cli.main(["--db", db_url, "backup", str(target), "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert str(target) in out and "schema" in out
    db.open_database(db_url)
    count = Department.select().count()
    Department.create(name="备份之后")
    db.close_database()

    assert cli.main(["--db", db_url, "restore", str(target), "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"restoring {target}:") and "made" in out and "before-restore-" in out
    db.open_database(db_url)
    assert Department.select().count() == count


def test_backup_into_a_folder_gets_a_dated_name(demo_db, db_url, tmp_path, capsys, password):
    assert cli.main(["--db", db_url, "backup", str(tmp_path), "--user", "admin"]) == 0
    files = list(tmp_path.glob("reception-backup-*.zip"))
    assert len(files) == 1 and zipfile.is_zipfile(files[0])


def test_needs_a_user_and_the_right_role(demo_db, db_url, tmp_path, capsys, password):
    assert cli.main(["--db", db_url, "backup", str(tmp_path / "a.zip")]) == cli.EXIT_USAGE
    assert "--user" in capsys.readouterr().err
    assert (
        cli.main(["--db", db_url, "backup", str(tmp_path / "b.zip"), "--user", "liuyang"]) == cli.EXIT_FAILED
    )
    assert "系统管理员" in capsys.readouterr().err
    assert not (tmp_path / "b.zip").exists()


def test_restore_refuses_a_foreign_file_in_one_line(demo_db, db_url, tmp_path, capsys, password):
    other = tmp_path / "other.zip"
    other.write_text("no", encoding="utf-8")
    assert cli.main(["--db", db_url, "restore", str(other), "--user", "admin"]) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert "不是本程序" in err and len(err.strip().splitlines()) == 1


def test_retention_dry_run_and_run(demo_db, db_url, capsys, password):
    at = dt.datetime.combine(clock.today() - dt.timedelta(days=500), dt.time(9))
    Visit.create(name="司马光", phone="13800138000", status="left", time_in=at)
    db.close_database()
    assert cli.main(["--db", db_url, "retention", "--dry-run"]) == 0
    assert "would erase 1 visits" in capsys.readouterr().out
    assert cli.main(["--db", db_url, "retention", "--user", "admin"]) == 0
    assert "erased 1 visits" in capsys.readouterr().out
    db.open_database(db_url)
    assert Visit.get(Visit.time_in == at).name == "司马某"


def test_a_second_process_backs_up_while_this_one_writes(demo_db, db_url, tmp_path):
    """The CLI's backup beside an open program that keeps saving (short write transactions, as
    the desk does): the backup succeeds, the copy is intact, and it holds a consistent prefix of
    the saves — never half of one. (A write transaction held open inside this process is
    tests/services/test_backup.py's case.)"""
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite's locks between processes")
    import threading

    before = Department.select().count()
    stop = threading.Event()
    saved: list[int] = []

    def keep_saving() -> None:
        conn = sqlite3.connect(str(db.current_info().path), timeout=10)
        try:
            n = 0
            while not stop.is_set():
                n += 1
                with conn:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute(
                        "INSERT INTO department (name, sort, active, version) VALUES (?, 0, 1, 1)",
                        (f"并发{n}",),
                    )
                    conn.execute("UPDATE department SET sort = ? WHERE name = ?", (n, f"并发{n}"))
                saved.append(n)
                stop.wait(0.02)
        finally:
            conn.close()

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        env = dict(os.environ, RECEPTION_PASSWORD=demo.DEMO_PASSWORD)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "--db",
                db_url,
                "backup",
                str(tmp_path / "x.zip"),
                "--user",
                "admin",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    finally:
        stop.set()
        writer.join()
    assert done.returncode == 0, done.stderr
    assert saved  # the program really was writing meanwhile
    with zipfile.ZipFile(tmp_path / "x.zip") as zf:
        zf.extract(backup.SQLITE_MEMBER, tmp_path)
    copy = sqlite3.connect(str(tmp_path / backup.SQLITE_MEMBER))
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = copy.execute("SELECT name, sort FROM department WHERE name LIKE '并发%'").fetchall()
    finally:
        copy.close()
    # every save in the copy is whole (inserted and updated), and they are the first k saves
    assert all(sort == int(name[2:]) for name, sort in rows)
    assert sorted(int(name[2:]) for name, _ in rows) == list(range(1, len(rows) + 1))
    assert Department.select().count() == before + len(saved)
