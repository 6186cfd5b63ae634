"""Is the database server still there? Telling a lost connection from every other error.

Several PCs share one PostgreSQL server (issue 12); when it is restarted or the network drops,
every connection of the program breaks at once. Without this module the user would see a raw
driver error on every click, the UI thread would keep using its dead connection until the
program restarted, and a save typed meanwhile could only be retried by luck.

:func:`call` wraps each driver call of :class:`desktop.db.PostgresqlDatabase`: a dead
connection is dropped (this thread's next call opens a new one), a statement that cannot have
written anything is tried once more on a fresh connection, and otherwise
:class:`ConnectionLost` is raised — a ServiceError, so every editor already shows its sentence
and keeps what was typed — and the listeners (the main window's banner) hear of it.

SQLite has no server to lose: a locked file is :class:`DatabaseBusy`, a missing one an open
error, as before. Nothing here imports Qt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

from desktop.drivers import import_peewee
from desktop.services.errors import ConnectionLost, lost_message

peewee = import_peewee()  # as desktop.db does: the drivers load only for a PostgreSQL URL
log = logging.getLogger("reception")

#: SQLSTATEs of a connection that is gone or not yet there: class 08 (connection exception),
#: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up).
_LOST_STATES = ("57P01", "57P02", "57P03")
#: What libpq and the drivers say when there is no code (the socket closed under them).
_LOST_TEXT = (
    "the connection is closed",
    "connection already closed",
    "connection not open",
    "server closed the connection",
    "terminating connection",
    "connection refused",
    "could not connect",
    "connection failed",
    "connection timed out",
    "timeout expired",
    "no route to host",
    "network is unreachable",
    "consuming input failed",
    "sending query failed",
    "ssl syscall error",
    "ssl connection has been closed",
    "the database system is shutting down",
    "the database system is starting up",
    "is the server running",
    "broken pipe",
    "connection reset",
    "lost synchronization with server",
)
#: The server answered and said no: a wrong password is not a lost connection.
_NOT_LOST_TEXT = ("authentication failed", "does not exist", "pg_hba.conf", "permission denied")

_WRAPPED = (peewee.OperationalError, peewee.InterfaceError)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        todo.extend([getattr(item, "orig", None), item.__cause__, item.__context__])


def _from_postgres_driver(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] in ("psycopg", "psycopg2")


def is_connection_lost(exc: BaseException) -> bool:
    """True when ``exc`` (or what it wraps) says the PostgreSQL server is unreachable."""
    for item in _chain(exc):
        if isinstance(item, ConnectionLost):
            return True
        if not _from_postgres_driver(item):
            continue
        code = getattr(item, "sqlstate", None) or getattr(item, "pgcode", None) or ""
        if code.startswith("08") or code in _LOST_STATES:
            return True
        text = str(item).lower()
        if any(t in text for t in _NOT_LOST_TEXT):
            return False
        if any(t in text for t in _LOST_TEXT):
            return True
    return False


# ---------------------------------------------------------------------- listeners

Listener = Callable[[str, BaseException | None], None]
_listeners: list[Listener] = []
_listeners_lock = threading.Lock()
LOST = "lost"
RESTORED = "restored"


def subscribe(listener: Listener) -> Callable[[], None]:
    """``listener(event, exc)`` hears :data:`LOST` / :data:`RESTORED`, on whichever thread
    noticed; returns the function that unsubscribes."""
    with _listeners_lock:
        _listeners.append(listener)

    def unsubscribe() -> None:
        with _listeners_lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return unsubscribe


def _tell(event: str, exc: BaseException | None) -> None:
    with _listeners_lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(event, exc)
        except Exception:  # noqa: BLE001 - a listener must not turn one error into another
            log.exception("connection listener failed")


def report_lost(exc: BaseException | None) -> None:
    log.warning("database connection lost: %s", " ".join(str(exc).split()) if exc else "")
    _tell(LOST, exc)


def report_restored() -> None:
    _tell(RESTORED, None)


# ---------------------------------------------------------------------- connections


def drop_connection(db: peewee.Database) -> None:
    """Forget this thread's connection to ``db`` (dead or not) so its next call opens a new one;
    never inside a transaction, whose statements would be lost silently."""
    if db.is_closed() or db.in_transaction():
        return
    try:
        db.close()
    except Exception:  # noqa: BLE001 - closing a dead socket may fail; forget it anyway
        db.dispose()


def _broken(db: peewee.Database) -> bool:
    conn = getattr(db._state, "conn", None)  # the thread's connection, without connecting
    return conn is not None and bool(getattr(conn, "closed", False) or getattr(conn, "broken", False))


def _harmless(sql: str | None) -> bool:
    """A statement that writes nothing when it runs twice."""
    return sql is not None and sql.lstrip()[:6].upper() in ("SELECT", "BEGIN")


def call(db: peewee.Database, fn: Callable[[], Any], sql: str | None = None) -> Any:
    """Run one driver call of ``db`` (``sql`` says what it sends, for deciding on a retry).

    Outside a transaction a dead connection is replaced first, and a harmless statement that
    fails because the server went away is sent once more on a new connection (the server was
    restarted while this thread sat idle). Otherwise :class:`ConnectionLost` is raised.
    """
    outside = not db.in_transaction()
    if outside and _broken(db):
        drop_connection(db)
        if sql == "ROLLBACK":
            return None  # the server ended that transaction with the connection
    try:
        return fn()
    except _WRAPPED as exc:
        if not is_connection_lost(exc):
            raise
        lost: BaseException = exc
        if not db.in_transaction():
            drop_connection(db)
            if outside and _harmless(sql):
                try:
                    return fn()
                except _WRAPPED as again:
                    if not is_connection_lost(again):
                        raise
                    lost = again
                    drop_connection(db)
        report_lost(lost)
        raise ConnectionLost(lost_message()) from lost


def probe(url: str) -> bool:
    """True when a new connection to ``url`` answers ``SELECT 1`` (tried on the calling thread)."""
    from desktop import db as dbmod

    try:
        candidate, _kind, _path = dbmod._make_database(url)
        candidate.connect()
        try:
            candidate.connection().cursor().execute("SELECT 1")
        finally:
            candidate.close()
    except Exception as exc:  # noqa: BLE001 - any failure means: not back yet
        log.info("database still unreachable: %s", " ".join(str(exc).split()))
        return False
    return True


def drop_this_thread() -> None:
    """Drop the calling thread's connection to the open database (it reconnects on next use)."""
    from desktop.db import database

    if database.obj is not None:
        drop_connection(database.obj)
