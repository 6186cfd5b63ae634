"""Two processes on one database: the desk and the CLI, two windows, a long import and the desk.

Each test starts a real second process (tests/concurrency_worker.py) on the same database —
SQLite file or PostgreSQL, from RECEPTION_TEST_DB — and checks that nobody's write fails
because somebody else was writing, and that what a failure leaves behind is nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import clock, db
from desktop.models import ImportBatch, ImportedLine, Visit, Visitor
from desktop.services import auth, imports, org, setup, visitors
from desktop.services.errors import DatabaseBusy
from desktop.services.visitors import VisitForm
from tests.conftest import make_user

ROOT = Path(__file__).resolve().parents[1]
WORKER = Path(__file__).with_name("concurrency_worker.py")


def _sqlite_only(url: str) -> None:
    if not url.startswith("sqlite"):
        pytest.skip("SQLite's file locking")


def _postgres_only(url: str) -> None:
    if not url.startswith("postgres"):
        pytest.skip("PostgreSQL's lock_timeout (set RECEPTION_TEST_DB=postgresql://…)")


def start_worker(*args: object) -> subprocess.Popen:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("RECEPTION_FAST_HASH", "1")
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    if line.strip() != "READY":
        proc.kill()
        pytest.fail(f"worker did not start: {line}{proc.stderr.read()}")
    return proc


def finish_worker(proc: subprocess.Popen, timeout: float = 180) -> dict:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture
def office(admin):
    dep = org.save_department(admin, "销售一部")
    host = org.save_employee(admin, name="张伟", department_id=dep.id, phone="13900001111")
    desk = make_user(admin, "desk", {auth.RECEPTIONIST})
    finance = make_user(admin, "caiwu", {auth.FINANCE})
    return host, desk, finance


def walk_in(host_id: int, n: int) -> VisitForm:
    return VisitForm(name=f"本机访客{n}", phone=f"137{n:08d}", company="深圳创新电子", host_id=host_id)


def statement(path: Path, rows: int) -> Path:
    """A card statement with ``rows`` different lines."""
    start = dt.date(2026, 1, 1)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["交易日期", "摘要", "对方户名", "支出金额"])
        for n in range(rows):
            day = start + dt.timedelta(days=n % 300)
            out.writerow([day.isoformat(), f"第{n}笔", f"商户{n % 97}", f"{10 + n % 5000}.{n % 100:02d}"])
    return path


# ---------------------------------------------------------------- BEGIN IMMEDIATE (SQLite)


def test_write_that_reads_first_waits_for_the_other_writer(database, office, db_url):
    """Another process holds the write lock for a second; a check-in (reads the visitor, then
    writes) waits for it and succeeds. A deferred transaction failed at once with "database is
    locked": it had read first, and SQLite cannot let a reader wait to become a writer."""
    _sqlite_only(db_url)
    host, desk, _ = office
    holder = start_worker("hold", database.path, 1.0)

    row = visitors.check_in(desk, walk_in(host.id, 1))

    finish_worker(holder)
    assert visitors.get_visit(desk, row.id).name == "本机访客1"
    con = sqlite3.connect(str(database.path))
    assert con.execute("SELECT count(*) FROM held_by_other").fetchone()[0] == 1
    con.close()


def test_every_transaction_begins_immediate(database, db_url):
    _sqlite_only(db_url)
    statements: list[str] = []
    connection = db.database.connection()
    connection.set_trace_callback(statements.append)
    try:
        with db.database.atomic():
            db.database.execute_sql("SELECT 1")
    finally:
        connection.set_trace_callback(None)
    assert statements[0] == "BEGIN IMMEDIATE"


# ---------------------------------------------------------------- busy → DatabaseBusy


def test_sqlite_lock_held_too_long_is_database_busy_and_writes_nothing(database, office, db_url):
    _sqlite_only(db_url)
    host, desk, _ = office
    visitors.check_in(desk, walk_in(host.id, 1))  # the visitor exists: the next one updates it
    before = (Visitor.select().count(), Visit.select().count())
    db.database.execute_sql("PRAGMA busy_timeout = 200")  # this connection gives up quickly
    holder = start_worker("hold", database.path, 2.0)

    with pytest.raises(DatabaseBusy) as exc:
        visitors.check_in(desk, walk_in(host.id, 1), confirm_duplicate=True)

    finish_worker(holder)
    assert "请稍后再试" in str(exc.value)
    assert (Visitor.select().count(), Visit.select().count()) == before


def test_postgresql_lock_timeout_is_database_busy_and_writes_nothing(database, office, db_url):
    """Another PC holds a lock on the visit table: the check-in gives up after lock_timeout with
    数据库忙 instead of freezing the desk, and nothing of it is written."""
    _postgres_only(db_url)
    import psycopg

    host, desk, _ = office
    assert db.database.execute_sql("SHOW lock_timeout").fetchone()[0] == db.PG_LOCK_TIMEOUT
    assert db.database.execute_sql("SHOW statement_timeout").fetchone()[0] == db.PG_STATEMENT_TIMEOUT
    before = (Visitor.select().count(), Visit.select().count())
    other = psycopg.connect(db_url)
    try:
        other.cursor().execute("LOCK TABLE visit IN EXCLUSIVE MODE")  # reads pass, writes wait

        with pytest.raises(DatabaseBusy):
            visitors.check_in(desk, walk_in(host.id, 1))
    finally:
        other.rollback()
        other.close()
    assert (Visitor.select().count(), Visit.select().count()) == before
    visitors.check_in(desk, walk_in(host.id, 1))  # and once the lock is gone it works
    assert Visit.select().count() == before[1] + 1


# ---------------------------------------------------------------- two writers at once


def test_two_other_processes_check_in_while_this_one_does(database, office, db_url, tmp_path):
    host, desk, _ = office
    stop = tmp_path / "stop"
    others = [
        start_worker("checkins", db_url, tmp_path / "data", host.id, stop),
        start_worker("checkins", db_url, tmp_path / "data", host.id, stop),
    ]
    try:
        for n in range(20):
            visitors.check_in(desk, walk_in(host.id, n))
    finally:
        stop.touch()
    results = [finish_worker(p) for p in others]

    assert [r["failures"] for r in results] == [[], []]
    assert Visit.select().count() == 20 + sum(r["count"] for r in results)
    if database.kind == "sqlite":
        assert db.database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


# ---------------------------------------------------------------- a long import and the desk


def test_long_import_lets_the_other_process_check_in(database, office, db_url, tmp_path):
    """20,000 lines are committed in chunks: the desk's check-ins in another process all
    succeed meanwhile (each waits at most about one chunk; the waits are printed). The batch is
    still one batch: listed once, complete, and undone whole."""
    host, desk, finance = office
    preview = imports.preview(finance, statement(tmp_path / "card.csv", 20_000))
    assert len(preview.new_lines) == 20_000
    stop = tmp_path / "stop"
    desk_process = start_worker("checkins", db_url, tmp_path / "data", host.id, stop)

    try:
        batch = imports.commit(finance, preview)
    finally:
        stop.touch()
    result = finish_worker(desk_process)
    waits = sorted(result["waits"])
    print(f"{result['count']} check-ins during the import; longest waits (s): {waits[-5:]}")
    assert result["failures"] == []
    assert [(b.id, b.line_count) for b in imports.batches(finance)] == [(batch, 20_000)]
    assert ImportedLine.select().where(ImportedLine.batch == batch).count() == 20_000

    assert imports.undo(finance, batch) == 20_000
    assert ImportedLine.select().count() == 0


def test_crash_half_way_through_an_import_leaves_no_batch(database, office, db_url, tmp_path):
    _, _, finance = office
    file = statement(tmp_path / "card.csv", 5_000)
    crashed = start_worker("import", db_url, tmp_path / "data", file, 2_000)
    crashed.communicate(timeout=120)
    assert crashed.returncode == 3  # died after committing some chunks

    # Half a batch was written, and nobody sees it: not listed, not a duplicate, not matched.
    assert ImportedLine.select().count() > 0
    assert imports.batches(finance) == []
    again = imports.preview(finance, file)
    assert len(again.new_lines) == 5_000
    with pytest.raises(Exception):  # noqa: B017 - NotFound, but any refusal will do: not undoable
        imports.undo(finance, ImportBatch.get().id)

    # A start soon after may be another PC's import still running: left alone.
    setup.ensure_defaults()
    assert ImportBatch.select().count() == 1
    # Once it is old, the next start removes it.
    # (on the program's clock, which imported_at is written with)
    ImportBatch.update(imported_at=clock.now() - imports.ABANDONED_AFTER * 2).execute()
    setup.ensure_defaults()
    assert ImportBatch.select().count() == 0 and ImportedLine.select().count() == 0

    batch = imports.commit(finance, again)
    assert [(b.id, b.line_count) for b in imports.batches(finance)] == [(batch, 5_000)]


def test_cancel_half_way_keeps_nothing(database, office, tmp_path):
    _, _, finance = office
    preview = imports.preview(finance, statement(tmp_path / "card.csv", 3_000))

    def cancel_late(done: int, total: int) -> None:
        if done >= 2_000:
            raise KeyboardInterrupt  # the Cancel button's exception, or anything else

    with pytest.raises(KeyboardInterrupt):
        imports.commit(finance, preview, progress=cancel_late)

    assert ImportBatch.select().count() == 0 and ImportedLine.select().count() == 0


def test_import_commits_in_chunks(database, office, db_url, tmp_path, monkeypatch):
    """More than one transaction for a long import, so another writer gets in between; what
    the others see meanwhile is a 'committing' batch, which nothing lists."""
    _, _, finance = office
    monkeypatch.setattr(imports, "CHUNK_SECONDS", 0.0)  # one chunk per transaction
    monkeypatch.setattr(db, "WRITER_GAP_SECONDS", 0.0)
    preview = imports.preview(finance, statement(tmp_path / "card.csv", 3 * imports.CHUNK_ROWS))
    if database.kind == "sqlite":
        other = sqlite3.connect(str(database.path))
    else:
        import psycopg

        other = psycopg.connect(db_url)
        other.autocommit = True
    seen: list[tuple[int, list[str]]] = []

    def look(done: int, total: int) -> None:
        """What another connection sees while this chunk is being written."""
        cursor = other.cursor()
        cursor.execute("SELECT count(*) FROM imported_line")
        lines = cursor.fetchone()[0]
        cursor.execute("SELECT state FROM import_batch")
        seen.append((lines, [state for (state,) in cursor.fetchall()]))

    try:
        batch = imports.commit(finance, preview, progress=look)
    finally:
        other.close()

    step = imports.CHUNK_ROWS
    assert seen == [(0, ["committing"]), (step, ["committing"]), (2 * step, ["committing"])]
    assert ImportBatch.get_by_id(batch).state == "done"
