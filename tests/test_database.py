"""The database layer: URLs, migrations with a schema-version table, backups, refusals."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from desktop import db, paths

sqlite_only = pytest.mark.skipif(
    (os.environ.get("RECEPTION_TEST_DB") or "").startswith("postgres"), reason="SQLite behaviour"
)


def test_fresh_database_is_migrated(database):
    rows = db.database.execute_sql(f"SELECT name FROM {db.SCHEMA_TABLE} ORDER BY name").fetchall()
    names = [p.stem for p in sorted(paths.MIGRATIONS.glob("[0-9]*.py"))]
    assert names[:3] == ["0001_initial", "0002_receptions", "0003_arrangements"]
    assert [r[0] for r in rows] == names
    assert database.applied == tuple(names)


@sqlite_only
def test_sqlite_pragmas(database):
    assert db.database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


@sqlite_only
def test_reopen_applies_nothing_and_takes_no_backup(tmp_path, data_dir):
    url = f"sqlite:///{tmp_path / 'a.db'}"
    db.open_database(url)
    db.close_database()
    info = db.open_database(url)
    assert info.applied == () and info.backup is None
    db.close_database()


@sqlite_only
def test_backup_before_a_pending_migration(tmp_path, data_dir, monkeypatch):
    url = f"sqlite:///{tmp_path / 'office.db'}"
    db.open_database(url)
    db.database.execute_sql("INSERT INTO department (name, sort, active) VALUES ('行政部', 0, 1)")
    db.close_database()
    migrations = tmp_path / "migrations"
    shutil.copytree(paths.MIGRATIONS, migrations)
    (migrations / "0099_add_note.py").write_text(
        "import peewee as pw\n\n"
        "def up(migrator, db):\n"
        "    migrator.migrate(migrator.add_column('department', 'note', pw.TextField(default='')))\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(paths, "MIGRATIONS", migrations)
    info = db.open_database(url)
    assert info.applied == ("0099_add_note",)
    assert info.backup is not None and info.backup.parent == paths.backups_dir()
    db.close_database()
    copy = sqlite3.connect(info.backup)
    assert copy.execute("SELECT name FROM department").fetchall() == [("行政部",)]
    columns = [r[1] for r in copy.execute("PRAGMA table_info(department)")]
    assert "note" not in columns  # the copy is from before the migration
    copy.close()


def test_newer_schema_is_refused(db_url):
    db.open_database(db_url)
    db.database.execute_sql(
        f"INSERT INTO {db.SCHEMA_TABLE} (name, applied) VALUES ('9000_future', '2030-01-01 00:00:00')"
    )
    db.close_database()
    with pytest.raises(db.DatabaseOpenError, match="newer version"):
        db.open_database(db_url)


@pytest.mark.parametrize(
    ("url", "needle"),
    [
        ("mysql://localhost/x", "unsupported database URL"),
        ("sqlite://", "names no file"),
        ("sqlite:///", "names no file"),
        ("sqlite://office.db", "use sqlite:///relative"),
        ("sqlite:///no/such/folder/x.db", "folder does not exist for database: no/such/folder$"),
        ("sqlite:////no/such/folder/x.db", "folder does not exist for database: /no/such/folder$"),
        ("postgresql://localhost", "names no database"),
    ],
)
def test_bad_urls(url, needle, data_dir):
    with pytest.raises(db.DatabaseOpenError, match=needle):
        db.open_database(url)


@sqlite_only
def test_sqlite_urls_three_slashes_relative_four_absolute(tmp_path, data_dir, monkeypatch):
    """sqlite:///office.db is office.db in the working folder (not /office.db); four slashes
    name an absolute path, which is what f"sqlite:///{absolute_path}" produces."""
    work = tmp_path / "work"
    (work / "data").mkdir(parents=True)
    monkeypatch.chdir(work)
    info = db.open_database("sqlite:///data/office.db")
    db.close_database()
    assert info.path is not None and info.path.resolve() == work / "data" / "office.db"
    assert (work / "data" / "office.db").exists()
    absolute = tmp_path / "elsewhere.db"
    url = f"sqlite:///{absolute}"
    assert url.startswith("sqlite:////")
    info = db.open_database(url)
    db.close_database()
    assert info.path == absolute and absolute.exists()


@sqlite_only
def test_not_a_database(tmp_path, data_dir):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    with pytest.raises(db.DatabaseOpenError, match="not a database"):
        db.open_database(f"sqlite:///{path}")
