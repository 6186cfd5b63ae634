"""A server that went away is told apart from every other error, and a dead connection heals.

The real stop-and-start of PostgreSQL is tests/views/test_connection_lost.py; here a
connection is cut with pg_terminate_backend, which disturbs nobody else on the server.
"""

from __future__ import annotations

import sqlite3

import peewee
import pytest

from desktop import db
from desktop.services import connection_health
from desktop.services.errors import ConnectionLost

psycopg = pytest.importorskip("psycopg")


def wrapped(exc: Exception, kind=peewee.OperationalError) -> Exception:
    """What peewee raises around a driver error (it keeps the original as ``orig``)."""
    try:
        try:
            raise exc
        except Exception as inner:
            raise kind(inner, *inner.args) from inner
    except Exception as outer:
        return outer


@pytest.mark.parametrize(
    "exc",
    [
        psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
        psycopg.OperationalError("the connection is closed"),
        psycopg.OperationalError(
            'connection failed: connection to server at "127.0.0.1", port 5432 failed: Connection refused'
        ),
        psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly"),
        psycopg.errors.CannotConnectNow("the database system is starting up"),
    ],
)
def test_a_server_that_went_away_is_a_lost_connection(exc):
    assert connection_health.is_connection_lost(exc)
    assert connection_health.is_connection_lost(wrapped(exc))


@pytest.mark.parametrize(
    "exc",
    [
        psycopg.OperationalError('connection failed: FATAL: password authentication failed for user "x"'),
        psycopg.errors.LockNotAvailable("canceling statement due to lock timeout"),
        psycopg.errors.UniqueViolation("duplicate key value violates unique constraint"),
        sqlite3.OperationalError("database is locked"),
        sqlite3.OperationalError("unable to open database file"),
        ValueError("the connection is closed"),  # not from a database driver
    ],
)
def test_other_errors_are_not_a_lost_connection(exc):
    assert not connection_health.is_connection_lost(exc)
    assert not connection_health.is_connection_lost(wrapped(exc))


@pytest.fixture
def heard():
    events: list[str] = []
    unsubscribe = connection_health.subscribe(lambda event, _exc: events.append(event))
    yield events
    unsubscribe()


def _cut_this_threads_connection(url: str) -> None:
    """Make the server end this thread's session, as a restart would."""
    pid = db.database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    with psycopg.connect(url, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", (pid,))


@pytest.fixture
def pg(database, db_url):
    if database.kind != "postgresql":
        pytest.skip("a connection to lose needs PostgreSQL (RECEPTION_TEST_DB=postgresql://…)")
    return db_url


def test_a_read_after_the_server_dropped_this_connection_reconnects(pg, heard):
    _cut_this_threads_connection(pg)

    assert db.database.execute_sql("SELECT 41 + 1").fetchone() == (42,)
    assert heard == []  # nothing was lost: a new connection answered


def test_a_write_cut_off_in_its_transaction_is_connection_lost_and_the_next_one_works(pg, heard):
    from desktop.models import Setting

    with pytest.raises(ConnectionLost):
        with db.database.atomic():
            Setting.insert(key="feed.test", value="1").execute()
            _cut_this_threads_connection(pg)
            Setting.insert(key="feed.test2", value="2").execute()

    assert heard == [connection_health.LOST]
    assert Setting.select().where(Setting.key.in_(["feed.test", "feed.test2"])).count() == 0
    with db.database.atomic():  # the thread's dead connection was replaced
        Setting.insert(key="feed.test", value="1").execute()
    assert Setting.select().where(Setting.key == "feed.test").count() == 1


def test_probe_says_whether_a_server_answers(database, db_url):
    assert connection_health.probe(db_url)
    if database.kind == "postgresql":
        assert not connection_health.probe(db_url.replace(db_url.split("@")[1].split("/")[0], "127.0.0.1:1"))
