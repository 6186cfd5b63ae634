"""Backup and restore of the whole database, and the daily automatic backup (issue 12).

A backup is one zip file: ``manifest.json`` (which program, which schema, when, which database
kind, how it was made) and the data — an SQLite copy, a ``pg_dump -Fc`` archive, or a logical
export of every table (``backup_pg``). The manifest is what lets :func:`restore` refuse a file
that is not ours or that a newer version of the program wrote, before anything is touched.

SQLite is copied through the online backup API, never by copying the file: a file copy taken
while another connection writes (this program's writer thread, the CLI, a second window) can
catch half a transaction and the ``-wal`` beside it, and opening the database file with
anything but SQLite drops the process's locks (style.md item 18). The backup API reads one
consistent snapshot; in WAL mode writers carry on meanwhile.

Restoring SQLite writes the backup's pages into the open database through the same API, under
SQLite's own locks. Other connections — other windows, the CLI, this program's other threads —
stay open and see the restored data at their next transaction; what they hold in memory (an
open form, a list) is from before the restore. Saving such a form is refused by the version
check when the record's version differs, but not always, so the program that restored logs its
user out and reloads, and the people at other PCs should close the program first (the window
says so before it restores).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop import __version__, clock, db, paths
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Setting, User
from desktop.services import change_feed
from desktop.services.auth import Actor, require
from desktop.services.errors import ServiceError

PROGRAM = paths.APP_NAME
FORMAT = 1  # the layout of the zip; a newer program may write a higher one
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
SUFFIX = ".zip"

SQLITE_API = "sqlite-backup-api"
PG_DUMP = "pg_dump"
LOGICAL = "logical"

# Where the daily backups go, and the status rows in the ``setting`` table (not user settings:
# they are not in settings.setting_specs, so no window edits them).
DAILY_PREFIX = "daily-"
LAST_OK = "backup.last_ok"
LAST_ERROR = "backup.last_error"
LAST_ERROR_AT = "backup.last_error_at"

Report = Callable[[int, int, str], None]


class BackupRefused(ServiceError):
    """The file cannot be restored here; the message says why in one sentence."""


@dataclass(frozen=True)
class Manifest:
    program: str
    format: int
    created_at: dt.datetime
    db_kind: str
    method: str
    schema: tuple[str, ...]  # applied migrations, in order
    app_version: str = ""
    created_by: str = ""
    tables: dict[str, int] = field(default_factory=dict)
    note: str = ""

    @property
    def schema_version(self) -> str:
        return self.schema[-1] if self.schema else ""

    def as_json(self) -> dict:
        return {
            "program": self.program,
            "format": self.format,
            "created_at": self.created_at.isoformat(sep=" ", timespec="seconds"),
            "db_kind": self.db_kind,
            "method": self.method,
            "schema_version": self.schema_version,
            "schema": list(self.schema),
            "app_version": self.app_version,
            "created_by": self.created_by,
            "tables": self.tables,
            "note": self.note,
        }


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    size: int


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    manifest: Manifest
    safety_backup: Path  # the state just before the restore
    migrated: tuple[str, ...] = ()  # migrations run forward after restoring an older backup


def _not_ours() -> BackupRefused:
    return BackupRefused(translate("backup", "此文件不是本程序（接待管理）的备份，未作任何更改。"))


def _newer(version: str) -> BackupRefused:
    return BackupRefused(
        translate(
            "backup", "此备份来自更新版本的程序（数据库结构 {version}），请先升级本程序再恢复。"
        ).format(version=version)
    )


# ------------------------------------------------------------------ helpers


def known_migrations() -> list[str]:
    """The schema versions this program knows (its migration files), in order."""
    return [m.name for m in db.migration_runner(database.obj).migrations()]


def applied_migrations() -> tuple[str, ...]:
    runner = db.migration_runner(database.obj)
    return tuple(m.name for m in runner.status() if m.applied)


def _info() -> db.DatabaseInfo:
    info = db.current_info()
    if info is None or database.obj is None:
        raise ServiceError(translate("backup", "数据库未打开。"))
    return info


def _is_live_file(path: Path, info: db.DatabaseInfo) -> bool:
    if info.path is None:
        return False
    target = Path(path).resolve()
    return any(target == Path(str(info.path) + s).resolve() for s in ("", "-wal", "-shm", "-journal"))


def _part(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def _stamp() -> str:
    return clock.now().strftime("%Y%m%d-%H%M%S")


def default_name() -> str:
    """A file name for a backup taken now: reception-backup-20261123-093000.zip."""
    return f"reception-backup-{_stamp()}{SUFFIX}"


def _unique(path: Path) -> Path:
    n = 1
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


# ------------------------------------------------------------------ backup


def backup(actor: Actor, path: Path | str, report: Report | None = None) -> BackupResult:
    """Write a backup of the whole database to ``path`` (a .zip); 系统管理员 only."""
    require(actor, "system.backup")
    return _write_backup(Path(path), created_by=actor.username, report=report)


def _write_backup(path: Path, *, created_by: str, report: Report | None = None) -> BackupResult:
    info = _info()
    if _is_live_file(path, info):
        raise ServiceError(translate("backup", "不能把备份写在正在使用的数据库文件上，请换一个文件名。"))
    if not path.parent.is_dir():
        raise ServiceError(translate("backup", "文件夹不存在：{folder}").format(folder=path.parent))
    part = _part(path)
    try:
        if info.kind == "sqlite":
            manifest = _sqlite_backup(part, info, created_by, report)
        else:
            from desktop.services import backup_pg

            manifest = backup_pg.backup(part, created_by, report)
        os.replace(part, path)  # a failed or interrupted backup never leaves a half file
    finally:
        part.unlink(missing_ok=True)
    return BackupResult(path, manifest, path.stat().st_size)


def new_manifest(kind: str, method: str, schema: tuple[str, ...], created_by: str, **extra) -> Manifest:
    return Manifest(
        program=PROGRAM,
        format=FORMAT,
        created_at=clock.now().replace(microsecond=0),
        db_kind=kind,
        method=method,
        schema=schema,
        app_version=__version__,
        created_by=created_by,
        **extra,
    )


def write_manifest(zf: zipfile.ZipFile, manifest: Manifest) -> None:
    zf.writestr(MANIFEST, json.dumps(manifest.as_json(), ensure_ascii=False, indent=2))


def _sqlite_source(info: db.DatabaseInfo) -> tuple[sqlite3.Connection, bool]:
    """A connection to read the snapshot from: its own for a file (it may run on any thread and
    never touches a transaction of peewee's), peewee's own for an in-memory database."""
    if info.path is None:
        return database.connection(), False
    conn = sqlite3.connect(str(info.path), timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn, True


def _sqlite_backup(part: Path, info: db.DatabaseInfo, created_by: str, report: Report | None) -> Manifest:
    if report:
        report(0, 0, translate("backup", "正在复制数据库…"))
    with tempfile.TemporaryDirectory(dir=part.parent, prefix=".reception-backup-") as tmp:
        copy = Path(tmp) / SQLITE_MEMBER
        source, own = _sqlite_source(info)
        try:
            out = sqlite3.connect(str(copy))
            try:
                # pages=-1: every page in one step, so one read snapshot; in WAL mode a writer
                # elsewhere neither blocks it nor is blocked by it.
                source.backup(out)
                out.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                schema = tuple(r[0] for r in out.execute(f'SELECT name FROM "{db.SCHEMA_TABLE}" ORDER BY id'))
                tables = _sqlite_counts(out)
            finally:
                out.close()
        finally:
            if own:
                source.close()
        if report:
            report(0, 0, translate("backup", "正在压缩备份…"))
        manifest = new_manifest("sqlite", SQLITE_API, schema, created_by, tables=tables)
        with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            write_manifest(zf, manifest)
            zf.write(copy, SQLITE_MEMBER)
    return manifest


def _sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'visit_search%' ORDER BY name"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


# ------------------------------------------------------------------ reading a backup


def read_manifest(path: Path | str) -> Manifest:
    """The manifest of a backup file; refuses anything that is not a backup of this program."""
    path = Path(path)
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise _not_ours()
    try:
        with zipfile.ZipFile(path) as zf:
            data = json.loads(zf.read(MANIFEST).decode("utf-8"))
            names = set(zf.namelist())
    except (KeyError, ValueError, zipfile.BadZipFile, OSError):
        raise _not_ours() from None
    if not isinstance(data, dict) or data.get("program") != PROGRAM:
        raise _not_ours()
    try:
        manifest = Manifest(
            program=data["program"],
            format=int(data["format"]),
            created_at=dt.datetime.fromisoformat(data["created_at"]),
            db_kind=str(data["db_kind"]),
            method=str(data["method"]),
            schema=tuple(str(n) for n in data["schema"]),
            app_version=str(data.get("app_version", "")),
            created_by=str(data.get("created_by", "")),
            tables={str(k): int(v) for k, v in (data.get("tables") or {}).items()},
            note=str(data.get("note", "")),
        )
    except (KeyError, TypeError, ValueError):
        raise _not_ours() from None
    if manifest.format > FORMAT:
        raise _newer(manifest.schema_version or f"format {manifest.format}")
    needed = {SQLITE_API: SQLITE_MEMBER}.get(manifest.method)
    if needed is not None and needed not in names:
        raise _not_ours()
    return manifest


def check_restorable(manifest: Manifest) -> None:
    """Refuse a backup from a newer schema or of the other kind of database."""
    known = set(known_migrations())
    unknown = [n for n in manifest.schema if n not in known]
    if unknown:
        raise _newer(unknown[-1])
    info = _info()
    if manifest.db_kind != info.kind:
        raise BackupRefused(
            translate("backup", "此备份来自 {kind} 数据库，不能恢复到当前的 {current} 数据库。").format(
                kind=_kind_label(manifest.db_kind), current=_kind_label(info.kind)
            )
        )


def _kind_label(kind: str) -> str:
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(kind, kind)


# ------------------------------------------------------------------ restore


def restore(actor: Actor, path: Path | str, report: Report | None = None) -> RestoreResult:
    """Replace the whole database with the backup at ``path``; 系统管理员 only.

    Checks the file first (ours, not from a newer schema, same kind of database), then takes
    a backup of the current state into the backups folder, restores, and runs the migrations
    forward when the backup is older than this program.
    """
    require(actor, "system.backup")
    path = Path(path)
    manifest = read_manifest(path)
    check_restorable(manifest)
    info = _info()
    feed_floor = change_feed.last_event_id()  # the other PCs' feeds have read up to here
    if info.kind == "sqlite":
        with _extracted_sqlite(path) as source:
            _check_sqlite_copy(source, manifest)
            safety = _safety_backup(actor, report)
            if report:
                report(0, 0, translate("backup", "正在恢复数据库…"))
            _sqlite_restore(source, info)
    else:
        from desktop.services import backup_pg

        backup_pg.check(path, manifest)
        safety = _safety_backup(actor, report)
        if report:
            report(0, 0, translate("backup", "正在恢复数据库…"))
        backup_pg.restore(path, manifest, report)
    migrated = tuple(db.migration_runner(database.obj).up())
    _audit_restore(actor, path, manifest, safety)
    # Windows open on other PCs, or in other processes here, show data that no longer exists:
    # they tell their user and log out (views/main_window.py).
    change_feed.publish_restored(feed_floor)
    return RestoreResult(path, manifest, safety, migrated)


def _safety_backup(actor: Actor, report: Report | None) -> Path:
    if report:
        report(0, 0, translate("backup", "正在备份当前数据…"))
    target = _unique(paths.backups_dir() / f"before-restore-{_stamp()}{SUFFIX}")
    return _write_backup(target, created_by=actor.username).path


@contextlib.contextmanager
def _extracted_sqlite(path: Path):
    with tempfile.TemporaryDirectory(dir=paths.backups_dir(), prefix=".reception-restore-") as tmp:
        with zipfile.ZipFile(path) as zf:
            try:
                extracted = Path(zf.extract(SQLITE_MEMBER, tmp))
            except (KeyError, zipfile.BadZipFile, OSError, EOFError) as exc:
                raise BackupRefused(
                    translate("backup", "备份文件已损坏，无法读取：{error}").format(error=exc)
                ) from None
        yield extracted


def _check_sqlite_copy(source: Path, manifest: Manifest) -> None:
    conn = sqlite3.connect(str(source))
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        schema = tuple(r[0] for r in conn.execute(f'SELECT name FROM "{db.SCHEMA_TABLE}" ORDER BY id'))
    except sqlite3.DatabaseError:
        ok, schema = "unreadable", ()
    finally:
        conn.close()
    if ok != "ok" or schema != manifest.schema:
        raise BackupRefused(translate("backup", "备份文件已损坏（数据库检查未通过），未作任何更改。"))


def _sqlite_restore(source: Path, info: db.DatabaseInfo) -> None:
    """Write the backup's pages into the open database under SQLite's locks (an exclusive lock
    for the length of the copy: other connections wait with their busy timeout, then see the
    restored data)."""
    src = sqlite3.connect(str(source))
    try:
        if info.path is None:
            src.backup(database.connection())
            return
        dest = sqlite3.connect(str(info.path), timeout=30)
        try:
            dest.execute("PRAGMA busy_timeout = 30000")
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


def _audit_restore(actor: Actor, path: Path, manifest: Manifest, safety: Path) -> None:
    """Into the restored database's trail: who restored which backup, and where the state
    before it went. The actor's account may not exist in the restored data: then by name."""
    try:
        from desktop.services import audit
    except ImportError:  # pragma: no cover - the audit trail arrives with issue 12 as well
        return
    known = User.select().where(User.id == actor.user_id).exists()
    audit.record(
        actor if known else None,
        "restore",
        "database",
        None,
        note=translate(
            "backup", "从备份 {file}（{created}，结构 {schema}）恢复；恢复前的数据已备份到 {safety}"
        ).format(
            file=path.name,
            created=manifest.created_at.isoformat(sep=" "),
            schema=manifest.schema_version,
            safety=safety.name,
        ),
        user_name="" if known else actor.username,
    )


# ------------------------------------------------------------------ the daily backup


@dataclass(frozen=True)
class BackupStatus:
    last_ok: dt.datetime | None
    last_error: str
    last_error_at: dt.datetime | None
    folder: Path
    keep: int
    files: tuple[Path, ...]
    automatic: bool  # False on PostgreSQL: the server's own backups are the IT person's job


def daily_folder() -> Path:
    folder = paths.backups_dir() / "daily"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _keep() -> int:
    from desktop.services import settings

    try:
        return max(1, int(settings.get("backup_keep")))
    except ValueError:
        return 14


def _status_value(key: str) -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row is not None else ""


def _parse_time(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def daily_files() -> list[Path]:
    """The automatic backups, oldest first (by when they were written: two in one second get
    the same time in their names)."""
    files = daily_folder().glob(f"{DAILY_PREFIX}*{SUFFIX}")
    return sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name))


def status() -> BackupStatus:
    info = db.current_info()
    return BackupStatus(
        last_ok=_parse_time(_status_value(LAST_OK)),
        last_error=_status_value(LAST_ERROR),
        last_error_at=_parse_time(_status_value(LAST_ERROR_AT)),
        folder=daily_folder(),
        keep=_keep(),
        files=tuple(daily_files()),
        automatic=info is not None and info.kind == "sqlite" and info.path is not None,
    )


def daily_due(now: dt.datetime | None = None) -> bool:
    """True when the SQLite database has no good automatic backup from today."""
    current = status()
    if not current.automatic:
        return False
    now = now or clock.now()
    return current.last_ok is None or current.last_ok.date() != now.date() or not current.files


@dataclass(frozen=True)
class DailyOutcome:
    path: Path | None
    error: str
    at: dt.datetime
    removed: tuple[Path, ...] = ()


def write_daily() -> DailyOutcome:
    """Write today's automatic backup and keep the newest N; reads the database, writes files
    only (the outcome is stored by :func:`record_daily`, on the writer thread)."""
    at = clock.now().replace(microsecond=0)
    target = _unique(daily_folder() / f"{DAILY_PREFIX}{at:%Y%m%d-%H%M%S}{SUFFIX}")
    try:
        result = _write_backup(target, created_by="auto")
    except Exception as exc:  # noqa: BLE001 - recorded and shown in 设置, never raised at start-up
        return DailyOutcome(None, " ".join(str(exc).split()) or exc.__class__.__name__, at)
    files = daily_files()
    removed = tuple(files[: max(0, len(files) - _keep())])
    for old in removed:
        old.unlink(missing_ok=True)
    return DailyOutcome(result.path, "", at, removed)


def record_daily(outcome: DailyOutcome) -> None:
    values = {LAST_OK: outcome.at.isoformat(sep=" ")} if outcome.path else {}
    values[LAST_ERROR] = outcome.error
    if outcome.error:
        values[LAST_ERROR_AT] = outcome.at.isoformat(sep=" ")
    with database.atomic():
        for key, value in values.items():
            Setting.insert(key=key, value=value, updated_at=clock.now()).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: value, Setting.updated_at: clock.now()}
            ).execute()


def run_daily(*, force: bool = False) -> DailyOutcome | None:
    """The daily backup in one call (start-up of the CLI, tests): None when not due."""
    if not force and not daily_due():
        return None
    if not status().automatic:
        return None
    outcome = write_daily()
    record_daily(outcome)
    return outcome
