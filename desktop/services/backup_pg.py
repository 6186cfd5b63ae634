"""PostgreSQL backups: ``pg_dump -Fc`` when it is on PATH, else a logical export of every table.

``pg_dump`` writes the server's own consistent archive. Without it (a PC with only the program
installed) every table is exported as JSON lines inside the backup zip, read in one REPEATABLE
READ transaction so all tables come from the same moment.

Restoring is one transaction either way, so a failure leaves the database as it was:

- a ``pg_dump`` archive: ``pg_restore`` turns it into an SQL script, which goes to ``psql
  --single-transaction`` after statements that drop the program's current objects (a newer
  schema may hold tables the archive does not know, which ``--clean`` would leave behind);
- a logical export: drop everything, run the migrations up to the backup's schema version,
  load the rows in foreign-key order, set the id sequences, and commit.

The restore waits at most :data:`LOCK_WAIT` for other PCs' open transactions; people at other
PCs should close the program before a restore (their windows hold data from before it).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import decimal
import graphlib
import json
import os
import shutil
import subprocess
import tempfile
import urllib.parse
import zipfile
from pathlib import Path

from desktop import db
from desktop.db import database
from desktop.i18n import translate
from desktop.services import backup as core
from desktop.services.errors import ServiceError

PG_DUMP_MEMBER = "database.pgdump"
TABLES_DIR = "tables/"
BATCH = 2000
LOCK_WAIT = "30s"


def _tool(name: str) -> str | None:
    """The path of a PostgreSQL client program (tests hide pg_dump through this)."""
    return shutil.which(name)


def _connection_env() -> tuple[str, dict[str, str]]:
    """The database name and libpq's environment for the open URL: the password goes in the
    environment, never on a command line another user could read with ``ps``."""
    info = db.current_info()
    parsed = urllib.parse.urlparse(info.url)
    env = dict(os.environ)
    if parsed.hostname:
        env["PGHOST"] = parsed.hostname
    if parsed.port:
        env["PGPORT"] = str(parsed.port)
    if parsed.username:
        env["PGUSER"] = urllib.parse.unquote(parsed.username)
    if parsed.password:
        env["PGPASSWORD"] = urllib.parse.unquote(parsed.password)
    for key, values in urllib.parse.parse_qs(parsed.query).items():
        if key == "sslmode":
            env["PGSSLMODE"] = values[-1]
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return parsed.path.strip("/"), env


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def _counts() -> dict[str, int]:
    return {
        t: database.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0]
        for t in database.obj.get_tables()
    }


# ------------------------------------------------------------------ backup


def backup(part: Path, created_by: str, report) -> core.Manifest:
    schema = core.applied_migrations()
    dump = _tool("pg_dump")
    note = ""
    if dump is not None:
        if report:
            report(0, 0, translate("backup", "正在用 pg_dump 备份数据库…"))
        name, env = _connection_env()
        with tempfile.TemporaryDirectory(dir=part.parent, prefix=".reception-backup-") as tmp:
            archive = Path(tmp) / PG_DUMP_MEMBER
            done = subprocess.run(
                [dump, "-Fc", "--no-owner", "--no-privileges", "-f", str(archive), name],
                env=env,
                capture_output=True,
                text=True,
            )
            if done.returncode == 0:
                manifest = core.new_manifest("postgresql", core.PG_DUMP, schema, created_by, tables=_counts())
                with zipfile.ZipFile(part, "w", zipfile.ZIP_STORED) as zf:  # already compressed
                    core.write_manifest(zf, manifest)
                    zf.write(archive, PG_DUMP_MEMBER)
                return manifest
            # A pg_dump older than the server refuses; the logical export still makes a backup.
            note = f"pg_dump failed, logical export used: {_one_line(done.stderr)}"
    return _logical_backup(part, schema, created_by, report, note)


def _encode(value):
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$t": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"$dec": str(value)}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, dict):  # a json column comes back as a dict: keep it apart from tags
        return {"$json": value}
    return value


def _decode(value):
    if isinstance(value, dict):
        ((tag, raw),) = value.items()
        return {
            "$dt": dt.datetime.fromisoformat,
            "$d": dt.date.fromisoformat,
            "$t": dt.time.fromisoformat,
            "$dec": decimal.Decimal,
            "$b64": base64.b64decode,
            "$json": json.dumps,
        }[tag](raw)
    return value


def _logical_backup(part: Path, schema: tuple[str, ...], created_by: str, report, note: str) -> core.Manifest:
    tables = database.obj.get_tables()
    counts: dict[str, int] = {}
    with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf, database.atomic():
        # One snapshot for every table: the first statement of the transaction sets it.
        database.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        for i, table in enumerate(tables):
            if report:
                report(i, len(tables), translate("backup", "正在导出 {table}…").format(table=table))
            counts[table] = _export_table(zf, table)
        manifest = core.new_manifest("postgresql", core.LOGICAL, schema, created_by, tables=counts, note=note)
        core.write_manifest(zf, manifest)
    return manifest


def _export_table(zf: zipfile.ZipFile, table: str) -> int:
    columns = [c.name for c in database.obj.get_columns(table)]
    keys = database.obj.get_primary_keys(table)
    quoted = ", ".join(f'"{c}"' for c in columns)
    count = 0
    with zf.open(f"{TABLES_DIR}{table}.jsonl", "w") as out:
        out.write((json.dumps({"table": table, "columns": columns}, ensure_ascii=False) + "\n").encode())
        if len(keys) == 1:
            # Keyset pages: a million visits never sit in memory at once.
            key = keys[0]
            position = columns.index(key)
            last = None
            while True:
                where = f'WHERE "{key}" > %s ' if last is not None else ""
                rows = database.execute_sql(
                    f'SELECT {quoted} FROM "{table}" {where}ORDER BY "{key}" LIMIT {BATCH}',
                    (last,) if last is not None else None,
                ).fetchall()
                for row in rows:
                    out.write((json.dumps([_encode(v) for v in row], ensure_ascii=False) + "\n").encode())
                count += len(rows)
                if len(rows) < BATCH:
                    break
                last = rows[-1][position]
        else:
            order = ", ".join(f'"{k}"' for k in keys) or "1"
            for row in database.execute_sql(f'SELECT {quoted} FROM "{table}" ORDER BY {order}').fetchall():
                out.write((json.dumps([_encode(v) for v in row], ensure_ascii=False) + "\n").encode())
                count += 1
    return count


# ------------------------------------------------------------------ restore


def check(path: Path, manifest: core.Manifest) -> None:
    """What the restore of this file needs, checked before anything is changed."""
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
    if manifest.method == core.PG_DUMP:
        if PG_DUMP_MEMBER not in names:
            raise core.BackupRefused(translate("backup", "备份文件不完整（缺少数据库存档），未作任何更改。"))
        if _tool("pg_restore") is None or _tool("psql") is None:
            raise core.BackupRefused(
                translate(
                    "backup",
                    "此备份由 pg_dump 生成，恢复需要本机安装 PostgreSQL 客户端（pg_restore 和 psql）。",
                )
            )
    elif manifest.method == core.LOGICAL:
        missing = [t for t in manifest.tables if f"{TABLES_DIR}{t}.jsonl" not in names]
        if missing:
            raise core.BackupRefused(
                translate("backup", "备份文件不完整（缺少表 {tables}），未作任何更改。").format(
                    tables="、".join(missing)
                )
            )
    else:
        raise core.BackupRefused(
            translate("backup", "不认识的备份方式：{method}。").format(method=manifest.method)
        )


def restore(path: Path, manifest: core.Manifest, report) -> None:
    if manifest.method == core.PG_DUMP:
        _restore_archive(path)
    else:
        _restore_logical(path, manifest, report)


def _drop_statements() -> list[str]:
    """Drop what the program owns in the current schema: tables (with their sequences, indexes
    and triggers), views, free sequences and functions. Extensions stay (pg_trgm: creating it
    again may need rights the program's role lacks)."""
    rows = database.execute_sql(
        """
        SELECT c.relkind, c.relname FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        """
    ).fetchall()
    kinds = {"r": "TABLE", "p": "TABLE", "v": "VIEW", "m": "MATERIALIZED VIEW", "S": "SEQUENCE"}
    order = {"v": 0, "m": 0, "r": 1, "p": 1, "S": 2}
    statements = [
        f'DROP {kinds[kind]} IF EXISTS "{name}" CASCADE;'
        for kind, name in sorted(rows, key=lambda r: order[r[0]])
    ]
    functions = database.execute_sql(
        """
        SELECT p.oid::regprocedure::text FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        """
    ).fetchall()
    statements += [f"DROP FUNCTION IF EXISTS {sig} CASCADE;" for (sig,) in functions]
    return statements


def _restore_archive(path: Path) -> None:
    """pg_restore → SQL script → psql in one transaction, behind the drop statements."""
    name, env = _connection_env()
    drops = _drop_statements()
    database.close()  # this thread's connection holds no lock the drops would wait for
    with tempfile.TemporaryDirectory(prefix="reception-restore-") as tmp:
        archive = Path(tmp) / PG_DUMP_MEMBER
        with zipfile.ZipFile(path) as zf, zf.open(PG_DUMP_MEMBER) as src, archive.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        errors = Path(tmp) / "errors.txt"
        with errors.open("w") as err:
            script = subprocess.Popen(
                [
                    _tool("pg_restore"),
                    "--no-owner",
                    "--no-privileges",
                    "--no-comments",
                    "-f",
                    "-",
                    str(archive),
                ],
                stdout=subprocess.PIPE,
                stderr=err,
                env=env,
            )
            psql = subprocess.Popen(
                [
                    _tool("psql"),
                    "-X",
                    "-q",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "--single-transaction",
                    "-d",
                    name,
                    "-f",
                    "-",
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env=env,
            )
            head = [f"SET lock_timeout = '{LOCK_WAIT}';", *drops, ""]
            try:
                psql.stdin.write("\n".join(head).encode())
                shutil.copyfileobj(script.stdout, psql.stdin)
            except BrokenPipeError:
                pass  # psql stopped at an error; its message is in errors.txt
            finally:
                with contextlib.suppress(OSError):
                    psql.stdin.close()
                script.stdout.close()
            script.wait()
            psql.wait()
        if script.returncode != 0 or psql.returncode != 0:
            raise ServiceError(
                translate("backup", "恢复失败，数据库保持原样：{error}").format(
                    error=_one_line(errors.read_text(errors="replace")) or "pg_restore/psql"
                )
            )


def _restore_logical(path: Path, manifest: core.Manifest, report) -> None:
    with zipfile.ZipFile(path) as zf, database.atomic():
        database.execute_sql(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
        for statement in _drop_statements():
            database.execute_sql(statement)
        runner = db.migration_runner(database.obj)
        if manifest.schema:
            runner.up(target=manifest.schema_version)  # the tables as the backup knew them
        # every table, the migration history too: its rows (with their dates) are the backup's
        tables = database.obj.get_tables()
        if tables:  # rows a migration seeded are replaced by the backup's
            database.execute_sql(
                "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
            )
        order, deferred = _load_plan(tables)
        fixes: list[tuple[str, list[str], str, list[tuple]]] = []
        for i, table in enumerate(order):
            if table not in manifest.tables:
                continue
            if report:
                report(i, len(order), translate("backup", "正在恢复 {table}…").format(table=table))
            fixes.append(_load_table(zf, table, deferred[table]))
        for table, columns, key, rows in fixes:
            if rows:
                sets = ", ".join(f'"{c}" = %s' for c in columns)
                _executemany(f'UPDATE "{table}" SET {sets} WHERE "{key}" = %s', rows)
        for table in order:
            _reset_sequences(table)


def _load_plan(tables: list[str]) -> tuple[list[str], dict[str, set[str]]]:
    """The order to load tables in, and per table the columns filled in after every table is
    loaded: a nullable reference to its own table (an application's root revision) or to a
    table loaded later (``updated_by_id`` → ``user`` while ``user`` → ``employee`` →
    ``department``: the references go round in a circle, the NOT NULL ones never do)."""
    names = set(tables)
    fks = {t: [fk for fk in database.obj.get_foreign_keys(t) if fk.dest_table in names] for t in tables}
    nullable = {t: {c.name for c in database.obj.get_columns(t) if c.null} for t in tables}
    graph = {
        t: {fk.dest_table for fk in fks[t] if fk.dest_table != t and fk.column not in nullable[t]}
        for t in tables
    }
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:  # pragma: no cover - NOT NULL references never circle
        raise ServiceError(f"cannot order tables for loading: {exc}") from None
    position = {t: i for i, t in enumerate(order)}
    deferred = {
        t: {fk.column for fk in fks[t] if fk.column in nullable[t] and position[fk.dest_table] >= position[t]}
        for t in tables
    }
    return order, deferred


def _load_table(
    zf: zipfile.ZipFile, table: str, deferred: set[str]
) -> tuple[str, list[str], str, list[tuple]]:
    """Insert the rows in batches, with the ``deferred`` columns empty; returns what to fill
    in afterwards: (table, columns, key column, rows of values + key)."""
    with zf.open(f"{TABLES_DIR}{table}.jsonl") as src:
        header = json.loads(src.readline())
        columns: list[str] = header["columns"]
        existing = {c.name for c in database.obj.get_columns(table)}
        unknown = [c for c in columns if c not in existing]
        if unknown:
            raise ServiceError(f"{table}: columns {unknown} are not in the schema of the backup")
        key = database.obj.get_primary_keys(table)
        later = [columns.index(c) for c in columns if c in deferred] if len(key) == 1 else []
        sql = (
            f'INSERT INTO "{table}" ('
            + ", ".join(f'"{c}"' for c in columns)
            + ") VALUES ("
            + ", ".join(["%s"] * len(columns))
            + ")"
        )
        fixes: list[tuple] = []
        batch: list[list] = []
        for line in src:
            row = [_decode(v) for v in json.loads(line)]
            if later and any(row[i] is not None for i in later):
                fixes.append((*(row[i] for i in later), row[columns.index(key[0])]))
                for i in later:
                    row[i] = None
            batch.append(row)
            if len(batch) >= BATCH:
                _executemany(sql, batch)
                batch = []
        if batch:
            _executemany(sql, batch)
    return table, [columns[i] for i in later], key[0] if key else "", fixes


def _executemany(sql: str, rows: list) -> None:
    if not rows:
        return
    cursor = database.cursor()
    cursor.executemany(sql, rows)


def _reset_sequences(table: str) -> None:
    """After loading ids explicitly, the next id continues after the highest one."""
    for column in database.obj.get_columns(table):
        if column.default and "nextval" in str(column.default):
            database.execute_sql(
                f'SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX("{column.name}"), 1), '
                f'MAX("{column.name}") IS NOT NULL) FROM "{table}"',
                (f'"{table}"', column.name),
            )
