"""The one place that opens the database.

Everything SQLite- or PostgreSQL-specific lives here: URL parsing, connection pragmas, the
migration runner, the pre-migration backup and the test wipe. The rest of the program talks
peewee through :data:`database` and stays portable.

Times are stored as naive *local* wall-clock datetimes: a front desk and its finance office
share one time zone, and the paper forms show local time. The choice is written here and in the
README so nobody mixes aware and naive values later.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from desktop.drivers import attach_psycopg, import_peewee

import_peewee()  # without its PostgreSQL drivers: they load when a PostgreSQL URL is opened

import peewee  # noqa: E402
from playhouse.migrations import Runner  # noqa: E402

from desktop import clock, paths  # noqa: E402
from desktop.services import connection_health  # noqa: E402
from desktop.services.errors import DatabaseBusy, busy_message  # noqa: E402

database = peewee.DatabaseProxy()

SCHEMA_TABLE = "schema_version"


class DatabaseOpenError(Exception):
    """The database could not be opened or migrated; the message is one line for the user."""


@dataclass(frozen=True)
class DatabaseInfo:
    url: str
    kind: str  # "sqlite" or "postgresql"
    path: Path | None  # the SQLite file, None for in-memory or PostgreSQL
    backup: Path | None = None  # copy taken before migrating, if any
    applied: tuple[str, ...] = ()


_current: DatabaseInfo | None = None


def current_info() -> DatabaseInfo | None:
    return _current


def _make_database(url: str) -> tuple[peewee.Database, str, Path | None]:
    parsed = urllib.parse.urlparse(url)
    scheme = parsed.scheme.lower()
    if scheme == "sqlite":
        # The usual convention (SQLAlchemy's and others'): everything after "sqlite:///" is the
        # path, so sqlite:///office.db is office.db in the working folder and sqlite:////tmp/a.db
        # (four slashes) is /tmp/a.db; f"sqlite:///{absolute_path}" gives the latter by itself.
        if url.lower() in ("sqlite:", "sqlite://", "sqlite:///"):
            raise DatabaseOpenError(f"SQLite URL names no file: {url}")
        if not url.lower().startswith("sqlite:///"):
            raise DatabaseOpenError(
                f"SQLite URL {url!r}: use sqlite:///relative/path.db or sqlite:////absolute/path.db"
            )
        raw = url[len("sqlite:///") :]
        if raw in ("", "/"):
            raise DatabaseOpenError(f"SQLite URL names no file: {url}")
        if raw == ":memory:":
            return SqliteDatabase(":memory:", pragmas=_SQLITE_PRAGMAS), "sqlite", None
        path = Path(raw).expanduser()
        if not path.parent.exists():
            raise DatabaseOpenError(f"folder does not exist for database: {path.parent}")
        if path.is_dir():
            raise DatabaseOpenError(f"database path is a folder, not a file: {path}")
        db = SqliteDatabase(str(path), pragmas=_SQLITE_PRAGMAS, timeout=5)
        return db, "sqlite", path
    if scheme in ("postgresql", "postgres"):
        # The URL is checked before the driver, so a wrong URL says so with or without it.
        if not parsed.path.strip("/"):
            raise DatabaseOpenError(f"PostgreSQL URL names no database: {url}")
        try:
            # psycopg 3: the psycopg2 binary wheel is not meant for production use.
            attach_psycopg()
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise DatabaseOpenError(
                "PostgreSQL needs psycopg 3: pip install 'reception-manager[postgres]'"
            ) from exc
        # A server that does not answer (wrong host, firewall) fails after a few seconds instead
        # of libpq's default of waiting for ever; the URL may set its own connect_timeout.
        kwargs: dict[str, object] = {"connect_timeout": PG_CONNECT_TIMEOUT, "prefer_psycopg3": True}
        if parsed.hostname:
            kwargs["host"] = parsed.hostname
        if parsed.port:
            kwargs["port"] = parsed.port
        if parsed.username:
            kwargs["user"] = urllib.parse.unquote(parsed.username)
        if parsed.password:
            kwargs["password"] = urllib.parse.unquote(parsed.password)
        for key, values in urllib.parse.parse_qs(parsed.query).items():
            kwargs[key] = values[-1]
        db = PostgresqlDatabase(parsed.path.strip("/"), **kwargs)
        return db, "postgresql", None
    raise DatabaseOpenError(
        f"unsupported database URL {url!r}: use sqlite:///PATH or postgresql://USER@HOST/DB"
    )


_SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
}

# PostgreSQL: a statement waiting for another PC's row lock gives up after LOCK_TIMEOUT and the
# user sees 数据库忙 with the input kept, instead of a frozen window; STATEMENT_TIMEOUT bounds any
# runaway statement.
PG_LOCK_TIMEOUT = "5s"
PG_STATEMENT_TIMEOUT = "30s"
PG_CONNECT_TIMEOUT = 5  # seconds


@contextlib.contextmanager
def _busy_as_service_error():
    """Turn "database is locked" / "lock timeout" into :class:`DatabaseBusy`, the one error
    every caller (desk, CLI) already explains as 数据库忙 — with the transaction rolled back by the
    ``atomic()`` block it escapes from."""
    try:
        yield
    except peewee.OperationalError as exc:
        if is_locked_error(exc):
            raise DatabaseBusy(busy_message()) from exc
        raise


class SqliteDatabase(peewee.SqliteDatabase):
    """Every transaction begins ``IMMEDIATE`` (style.md item 18).

    A deferred transaction that reads first holds a read snapshot when it wants to write; if
    another process wrote meanwhile SQLite cannot let it wait (the wait could deadlock) and
    fails at once with "database is locked", ignoring the busy timeout. ``BEGIN IMMEDIATE``
    takes the write lock first, so the busy timeout applies. Mended here, once, so every
    ``database.atomic()`` in the services is immediate.
    """

    def begin(self, lock_type: str | None = None) -> None:
        with _busy_as_service_error():
            super().begin(lock_type or "IMMEDIATE")

    def execute_sql(self, sql, params=None):
        with _busy_as_service_error():
            return super().execute_sql(sql, params)

    def commit(self) -> None:
        with _busy_as_service_error():
            super().commit()


class PostgresqlDatabase(peewee.PostgresqlDatabase):
    """Sets lock and statement timeouts on every connection; a lock wait that times out is
    :class:`DatabaseBusy`."""

    def _initialize_connection(self, conn) -> None:
        super()._initialize_connection(conn)
        with conn.cursor() as cursor:  # the connection is in autocommit: session settings
            # set_config, not "SET x = %s": psycopg 3 binds parameters on the server, and SET
            # takes no parameters.
            cursor.execute("SELECT set_config('lock_timeout', %s, false)", (PG_LOCK_TIMEOUT,))
            cursor.execute("SELECT set_config('statement_timeout', %s, false)", (PG_STATEMENT_TIMEOUT,))

    # Each driver call goes through connection_health.call: a server that went away is
    # ConnectionLost (the banner, the typed work kept), and a dead connection is replaced.
    def begin(self, isolation_level=None) -> None:
        with _busy_as_service_error():
            connection_health.call(
                self, lambda: super(PostgresqlDatabase, self).begin(isolation_level), "BEGIN"
            )

    def execute_sql(self, sql, params=None):
        with _busy_as_service_error():
            return connection_health.call(
                self, lambda: super(PostgresqlDatabase, self).execute_sql(sql, params), sql
            )

    def commit(self) -> None:
        with _busy_as_service_error():
            connection_health.call(self, lambda: super(PostgresqlDatabase, self).commit())

    def rollback(self) -> None:
        connection_health.call(self, lambda: super(PostgresqlDatabase, self).rollback(), "ROLLBACK")


def pause_for_other_writers(db: peewee.Database, spent: float = 0.0) -> None:
    """Between the chunks of a long write, leave the file to a waiting writer.

    SQLite's busy handler polls every 100 ms at most once it has waited a while, so a gap a bit
    longer than that always lets the waiting process in; PostgreSQL locks rows, not the file,
    and needs no gap. ``spent``: seconds since the commit already spent on work outside any
    transaction (an import makes its next rows in the gap), which need not be slept again.
    """
    if isinstance(db, peewee.SqliteDatabase):
        time.sleep(max(0.0, WRITER_GAP_SECONDS - spent))


def writer_gap(db: peewee.Database) -> float:
    """How long :func:`pause_for_other_writers` leaves the file to others (0: no gap needed)."""
    return WRITER_GAP_SECONDS if isinstance(db, peewee.SqliteDatabase) else 0.0


WRITER_GAP_SECONDS = 0.12


def _backup_sqlite(db: peewee.SqliteDatabase, path: Path) -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backups_dir() / f"{path.stem}-before-migration-{stamp}{path.suffix or '.db'}"
    n = 1
    while target.exists():
        target = target.with_name(f"{target.stem}-{n}{target.suffix}")
        n += 1
    dest = sqlite3.connect(str(target))
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    return target


def migration_runner(db: peewee.Database) -> Runner:
    return Runner(db, directory=str(paths.MIGRATIONS), table_name=SCHEMA_TABLE)


def open_database(url: str, *, migrate: bool = True) -> DatabaseInfo:
    """Open ``url``, refuse unreadable or newer-schema databases, migrate, and bind the models."""
    global _current
    close_database()
    db, kind, path = _make_database(url)
    try:
        db.connect()
        if kind == "sqlite":
            # Forces SQLite to read the header: a non-database file fails here, not later.
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        else:
            encoding = non_utf8_encoding(db)
            if encoding:
                db.close()
                raise DatabaseOpenError(
                    f"database {display_url(url)} stores text as {encoding}, not UTF8, so it cannot hold "
                    "Chinese text: create it again with createdb --encoding UTF8 --template template0"
                )
        runner = migration_runner(db)
        status = runner.status()
    except peewee.DatabaseError as exc:
        db.close()
        raise DatabaseOpenError(f"cannot open database {display_url(url)}: {_one_line(exc)}") from exc
    except peewee.InterfaceError as exc:  # pragma: no cover - driver specific
        db.close()
        raise DatabaseOpenError(f"cannot open database {display_url(url)}: {_one_line(exc)}") from exc
    except DatabaseBusy as exc:
        db.close()
        raise DatabaseOpenError(
            f"cannot open database {display_url(url)}: {_one_line(exc.__cause__ or exc)}"
        ) from exc

    unknown = [m.name for m in status if m.path is None]
    if unknown:
        db.close()
        raise DatabaseOpenError(
            f"database {display_url(url)} was written by a newer version of this program "
            f"(unknown schema versions: {', '.join(unknown)}); please upgrade"
        )
    pending = [m for m in status if not m.applied]
    backup = None
    applied: list[str] = []
    if pending and migrate:
        try:
            if kind == "sqlite" and path is not None and any(m.applied for m in status):
                backup = _backup_sqlite(db, path)
            applied = runner.up()
        except Exception as exc:
            db.close()
            raise DatabaseOpenError(f"migrating {display_url(url)} failed: {_one_line(exc)}") from exc
    database.initialize(db)
    _current = DatabaseInfo(url=url, kind=kind, path=path, backup=backup, applied=tuple(applied))
    return _current


def close_database() -> None:
    global _current
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
    _current = None


def wipe(url: str) -> None:
    """Drop everything in a test database (PostgreSQL); SQLite tests use a new file instead."""
    db, kind, path = _make_database(url)
    if kind == "postgresql":
        db.connect()
        db.execute_sql("DROP SCHEMA public CASCADE")
        db.execute_sql("CREATE SCHEMA public")
        db.close()
    elif path is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)


def is_locked_error(exc: BaseException) -> bool:
    text = str(exc).lower()
    return (
        "database is locked" in text
        or "lock timeout" in text
        or "statement timeout" in text
        or "could not obtain lock" in text
    )


def non_utf8_encoding(db: peewee.Database) -> str:
    """A PostgreSQL database's encoding when it is not UTF8, else "".

    ``createdb`` copies the encoding of a cluster set up under ``LANG=C`` (a minimal server, a
    container): SQL_ASCII, in which the first Chinese name failed half-way through creating
    the tables. Such a database is refused before anything is written.
    """
    (encoding,) = db.execute_sql("SHOW server_encoding").fetchone()
    if isinstance(encoding, bytes):  # psycopg 3 hands SQL_ASCII text over undecoded
        encoding = encoding.decode("ascii", "replace")
    return "" if encoding.upper().replace("-", "") == "UTF8" else encoding


def display_url(url: str) -> str:
    """``url`` without its password: for messages, logs and the status bar."""
    parsed = urllib.parse.urlparse(url)
    if parsed.password is None:
        return url
    netloc = parsed.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urllib.parse.urlunparse(parsed._replace(netloc=f"{user}:***@{netloc[1]}"))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or exc.__class__.__name__
