"""Backup and restore (issue 12): the restore drill, refusals, the safety backup, SQLite's online
backup beside a writer, PostgreSQL through pg_dump and through the logical export, and the
daily automatic backup."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from desktop import clock, db, paths
from desktop.db import database
from desktop.models import Department, Setting, Visit
from desktop.services import auth, backup, settings
from desktop.services.errors import PermissionDenied
from tests.conftest import make_user

# Tables whose content the drill compares as a whole. The audit trail gets one entry for the
# restore itself, compared separately.
SKIP = {"audit_entry", "visit_search", "change_event"}


def _snapshot() -> dict[str, list[tuple]]:
    tables = [
        t
        for t in database.obj.get_tables()
        if t not in SKIP and not t.startswith("visit_search") and not t.startswith("sqlite_")
    ]
    out = {}
    for table in tables:
        rows = database.execute_sql(f'SELECT * FROM "{table}"').fetchall()
        out[table] = sorted(tuple(str(v) for v in r) for r in rows)
    return out


def _audit_rows() -> list[tuple]:
    if "audit_entry" not in database.obj.get_tables():
        return []
    return [tuple(r) for r in database.execute_sql("SELECT id, hash FROM audit_entry ORDER BY id").fetchall()]


def _change_things(admin) -> None:
    from desktop.services import org

    org.save_department(admin, "备份后新建的部门", None, True)
    Visit.delete().where(Visit.id == Visit.select().order_by(Visit.id).first().id).execute()
    settings.save(admin, {"company_name": "改过的公司"})


@pytest.fixture
def sysadmin(demo_db):
    return auth.actor_by_username("admin")


@pytest.fixture
def no_pg_dump(monkeypatch):
    from desktop.services import backup_pg

    real = backup_pg._tool
    monkeypatch.setattr(backup_pg, "_tool", lambda name: None if name == "pg_dump" else real(name))


def _drill(sysadmin, tmp_path: Path, expected_method: str) -> None:
    before = _snapshot()
    audit_before = _audit_rows()
    made = backup.backup(sysadmin, tmp_path / "drill.zip")
    assert made.manifest.method == expected_method
    assert made.manifest.program == "ReceptionManager"
    assert made.manifest.schema_version == backup.applied_migrations()[-1]

    _change_things(sysadmin)
    changed = _snapshot()
    assert changed != before

    result = backup.restore(sysadmin, tmp_path / "drill.zip")
    assert _snapshot() == before
    after = _audit_rows()
    assert after[: len(audit_before)] == audit_before  # the trail as it was, plus the restore
    assert settings.company_name() != "改过的公司"

    # the state before the restore was kept, and is itself a restorable backup
    assert result.safety_backup.exists()
    assert result.safety_backup.parent == paths.backups_dir()
    safety = backup.read_manifest(result.safety_backup)
    assert safety.tables["department"] == len(changed["department"])
    backup.restore(sysadmin, result.safety_backup)
    assert any(row for row in _snapshot()["department"] if "备份后新建的部门" in row)


def test_restore_drill(sysadmin, tmp_path, db_url):
    method = backup.SQLITE_API if db_url.startswith("sqlite") else backup.PG_DUMP
    _drill(sysadmin, tmp_path, method)


def test_restore_drill_logical_export_without_pg_dump(sysadmin, tmp_path, db_url, no_pg_dump):
    if db_url.startswith("sqlite"):
        pytest.skip("the logical export is PostgreSQL's fallback")
    _drill(sysadmin, tmp_path, backup.LOGICAL)
    with zipfile.ZipFile(tmp_path / "drill.zip") as zf:
        assert "tables/visit.jsonl" in zf.namelist()


def test_pg_dump_is_installed_where_postgresql_is(db_url):
    if db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL only")
    from desktop.services import backup_pg

    assert backup_pg._tool("pg_dump") and backup_pg._tool("pg_restore") and backup_pg._tool("psql")


def test_refuses_a_file_that_is_not_a_backup(sysadmin, tmp_path):
    before = _snapshot()
    text = tmp_path / "notes.zip"
    text.write_text("not a zip at all", encoding="utf-8")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"program": "SomethingElse", "format": 1}))
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("readme.txt", "hello")
    for path in (text, other, plain, tmp_path / "missing.zip"):
        with pytest.raises(backup.BackupRefused, match="不是本程序"):
            backup.restore(sysadmin, path)
    assert _snapshot() == before
    assert not list(paths.backups_dir().glob("before-restore-*"))


def _rewrite_manifest(source: Path, target: Path, **changes) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == backup.MANIFEST:
                manifest = json.loads(data)
                manifest.update(changes)
                data = json.dumps(manifest).encode()
            zout.writestr(item, data)


def test_refuses_a_backup_from_a_newer_schema(sysadmin, tmp_path):
    made = backup.backup(sysadmin, tmp_path / "now.zip")
    schema = [*made.manifest.schema, "9999_from_the_future"]
    _rewrite_manifest(tmp_path / "now.zip", tmp_path / "future.zip", schema=schema, schema_version=schema[-1])
    settings.save(sysadmin, {"company_name": "恢复前的名字"})
    with pytest.raises(backup.BackupRefused, match="更新版本") as caught:
        backup.restore(sysadmin, tmp_path / "future.zip")
    assert "9999_from_the_future" in str(caught.value)
    assert settings.company_name() == "恢复前的名字"
    assert not list(paths.backups_dir().glob("before-restore-*"))


def test_restore_runs_migrations_forward_from_an_older_backup(tmp_path, db_url, data_dir):
    """A backup written at schema 0015 is restored into today's program and migrated."""
    old_target = "0015_printed_items"
    db.wipe(db_url)
    db.open_database(db_url, migrate=False)
    db.migration_runner(database.obj).up(target=old_target)
    database.execute_sql("INSERT INTO department (name, sort, active) VALUES ('旧版本的部门', 0, %s)" % (
        "1" if db_url.startswith("sqlite") else "true"
    ))  # fmt: skip
    admin = auth.Actor(user_id=1, username="root", display_name="root", roles=frozenset({auth.SYSADMIN}))
    made = backup.backup(admin, tmp_path / "old.zip")
    assert made.manifest.schema_version == old_target
    db.close_database()

    db.wipe(db_url)
    db.open_database(db_url)
    result = backup.restore(admin, tmp_path / "old.zip")
    newer = [m for m in backup.known_migrations() if m > old_target]
    assert list(result.migrated) == newer
    assert backup.applied_migrations() == tuple(backup.known_migrations())
    assert [d.name for d in Department.select()] == ["旧版本的部门"]
    db.close_database()


def test_backup_while_another_connection_holds_a_write_transaction(sysadmin, tmp_path, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite's online backup API")
    count = Department.select().count()
    other = sqlite3.connect(str(db.current_info().path), timeout=1)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO department (name, sort, active, version) VALUES ('未提交', 0, 1, 1)")
        made = backup.backup(sysadmin, tmp_path / "busy.zip")
        other.commit()
    finally:
        other.close()
    assert made.manifest.tables["department"] == count  # the committed state, nothing half-written
    with zipfile.ZipFile(tmp_path / "busy.zip") as zf:
        zf.extract(backup.SQLITE_MEMBER, tmp_path)
    copy = sqlite3.connect(str(tmp_path / backup.SQLITE_MEMBER))
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM department WHERE name = '未提交'").fetchone()[0] == 0
    finally:
        copy.close()
    assert Department.select().where(Department.name == "未提交").count() == 1


def test_pg_restore_needs_the_client_programs(sysadmin, tmp_path, db_url, monkeypatch):
    if db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL only")
    from desktop.services import backup_pg

    backup.backup(sysadmin, tmp_path / "dump.zip")
    monkeypatch.setattr(backup_pg, "_tool", lambda name: None)
    with pytest.raises(backup.BackupRefused, match="pg_restore"):
        backup.restore(sysadmin, tmp_path / "dump.zip")


def test_only_the_system_administrator(demo_db, tmp_path):
    admin = auth.actor_by_username("admin")
    office = make_user(admin, "office2", {auth.ADMIN_OFFICE, auth.GENERAL_MANAGER, auth.AUDITOR})
    with pytest.raises(PermissionDenied):
        backup.backup(office, tmp_path / "x.zip")
    made = backup.backup(admin, tmp_path / "ok.zip")
    with pytest.raises(PermissionDenied):
        backup.restore(office, made.path)
    assert not (tmp_path / "x.zip").exists()


def test_backup_never_overwrites_the_open_database(sysadmin, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite file")
    with pytest.raises(Exception, match="正在使用的数据库"):
        backup.backup(sysadmin, db.current_info().path)


def test_daily_backup_keeps_the_last_n_and_records_its_time(sysadmin, db_url):
    if not db_url.startswith("sqlite"):
        assert backup.run_daily() is None  # the server's backups are the IT person's job
        return
    settings.save(sysadmin, {"backup_keep": "2"})
    first = backup.run_daily()
    assert first is not None and first.path.exists() and not first.error
    assert backup.run_daily() is None  # once a day
    assert backup.status().last_ok == first.at
    day = clock.today()
    for n in (1, 2):
        with clock.pinned(day + dt.timedelta(days=n)):
            assert backup.daily_due()
            backup.run_daily()
    files = backup.daily_files()
    assert len(files) == 2
    assert first.path not in files
    assert all(backup.read_manifest(f).method == backup.SQLITE_API for f in files)


def test_daily_backup_failure_is_recorded(sysadmin, db_url, monkeypatch):
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite only")

    def broken(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(backup, "_sqlite_backup", broken)
    outcome = backup.run_daily()
    assert outcome is not None and outcome.path is None and "disk full" in outcome.error
    state = backup.status()
    assert state.last_ok is None and "disk full" in state.last_error and state.last_error_at is not None
    assert Setting.get_or_none(Setting.key == backup.LAST_ERROR) is not None
    assert not list(backup.daily_folder().glob("*.part"))
