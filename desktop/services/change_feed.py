"""Other processes' changes, delivered to this one (issue 12: several PCs on one database).

Inside one process a write announces the kinds of record it changed (``views/changes.py``);
this module carries those kinds to every other process on the same database — the desk's PC,
the admin office, finance, the CLI:

* :func:`publish` writes one ``change_event`` row per kind, tagged with this process's
  :data:`ORIGIN`, on the thread that wrote (the writer thread, right after the write commits;
  the CLI after its command) — on PostgreSQL with ``pg_notify`` in the same transaction, so the
  notification goes out when, and only if, it commits.
* :class:`ChangeFeed` runs one background thread per process that hears them: on PostgreSQL a
  ``LISTEN`` connection (the server pushes; nothing is polled), on SQLite ``PRAGMA
  data_version`` on a connection of its own once a second — a cheap read that moves only when
  another connection committed — and then the new ``change_event`` rows. Its own rows are
  skipped: they were announced in-process already.

A missed notification (the server restarted, the listener reconnected) is made good by
delivering :data:`EVERYTHING`: every view refreshes once. Rows are kept a day. No Qt here; the
Qt bridge is ``views/remote_changes.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator

from peewee import fn

from desktop import clock
from desktop.db import database
from desktop.services import connection_health

log = logging.getLogger("reception")

#: This process, as written in ``change_event.origin`` and the notification payload.
ORIGIN = f"{socket.gethostname()[:16]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"[:40]
#: The PostgreSQL channel every process listens on.
CHANNEL = "reception_changes"
#: Delivered instead of kinds when changes may have been missed: refresh everything.
EVERYTHING = "*"
#: The whole database was replaced from a backup (services.backup.restore): what the windows
#: show, and any unsaved input, belong to data that no longer exists; they log out.
RESTORED = "restored"
#: change_event rows older than this are deleted; a running process needs minutes at most.
KEEP = dt.timedelta(days=1)
PRUNE_EVERY = dt.timedelta(hours=1)

_last_prune: dt.datetime | None = None


def _is_postgres(db) -> bool:
    import peewee

    return isinstance(db, peewee.PostgresqlDatabase)


def publish(kinds: Iterable[str]) -> None:
    """Tell other processes that records of ``kinds`` changed (in the caller's transaction if
    one is open, else in one of its own). Raises what the database raises."""
    from desktop.models import ChangeEvent

    names = sorted({k for k in kinds if k})
    db = database.obj
    if not names or db is None:
        return
    now = clock.now()
    with database.atomic():
        ChangeEvent.insert_many([{"kind": k, "at": now, "origin": ORIGIN} for k in names]).execute()
        if _is_postgres(db):
            payload = json.dumps({"origin": ORIGIN, "kinds": names})
            database.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, payload))
        _prune(now)


def _prune(now: dt.datetime) -> None:
    global _last_prune
    from desktop.models import ChangeEvent

    if _last_prune is not None and now - _last_prune < PRUNE_EVERY:
        return
    ChangeEvent.delete().where(ChangeEvent.at < now - KEEP).execute()
    _last_prune = now


def last_event_id() -> int:
    """The newest change_event id (0 when there is none); read before a restore."""
    from desktop.models import ChangeEvent

    return ChangeEvent.select(fn.COALESCE(fn.MAX(ChangeEvent.id), 0)).scalar() or 0


def publish_restored(floor: int) -> bool:
    """Tell other processes that the database was just restored; never raises (logged).

    On SQLite the feeds read the rows after the last id they saw, but the restored
    change_event table starts again from the backup's ids — below ``floor``, the newest id
    before the restore, which the running feeds have seen. So this row is written above it.
    """
    from desktop.models import ChangeEvent

    db = database.obj
    if db is None:
        return False
    try:
        if _is_postgres(db):
            publish([RESTORED])
            return True
        with database.atomic():
            next_id = max(floor, last_event_id()) + 1
            ChangeEvent.insert(id=next_id, kind=RESTORED, at=clock.now(), origin=ORIGIN).execute()
    except Exception as exc:  # noqa: BLE001 - the restore itself has succeeded
        log.warning("could not tell other PCs about the restore: %s", exc)
        return False
    return True


def publish_quietly(kinds: Iterable[str]) -> bool:
    """:func:`publish`, but a failure is logged, not raised: the write it follows has
    committed, and telling the other PCs must never turn a saved record into an error."""
    try:
        publish(kinds)
    except Exception as exc:  # noqa: BLE001 - logged; the other PCs catch up on their next change
        log.warning("could not tell other PCs about %s: %s", sorted(kinds), exc)
        return False
    return True


# ---------------------------------------------------------------------- hearing them

Deliver = Callable[[frozenset[str]], None]


class ChangeFeed:
    """Hears other processes' change events on a background thread of its own.

    ``deliver(kinds)`` is called on that thread with the kinds of each batch (or
    ``{EVERYTHING}``); it must hand them on (a queued Qt signal) and return. ``interval`` is how
    often SQLite's data version is read, and how often the listener looks at ``stop()``.
    """

    def __init__(self, url: str, deliver: Deliver, *, interval: float = 1.0):
        self.url = url
        self.deliver = deliver
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.ready = threading.Event()  # set once it listens (tests wait on it)

    def start(self) -> ChangeFeed:
        self._thread = threading.Thread(target=self._run, name="change-feed", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _hand_on(self, kinds: Iterable[str]) -> None:
        kinds = frozenset(kinds)
        if not kinds:
            return
        try:
            self.deliver(kinds)
        except Exception:  # noqa: BLE001 - the feed outlives a receiver that failed
            log.exception("delivering remote changes failed")

    def _run(self) -> None:
        from desktop import db as dbmod

        try:
            _, kind, _ = dbmod._make_database(self.url)
        except Exception:  # noqa: BLE001
            log.exception("change feed: cannot use %s", dbmod.display_url(self.url))
            return
        if kind == "postgresql":
            self._listen()
        else:
            self._poll()

    # -- SQLite ------------------------------------------------------------------------------

    def _poll(self) -> None:
        """Read ``PRAGMA data_version`` every ``interval``; when another connection committed,
        read the change_event rows after the last one seen."""
        from desktop import db as dbmod

        sqlite_db, _, _ = dbmod._make_database(self.url)
        try:
            sqlite_db.connect()
            last = sqlite_db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM change_event").fetchone()[0]
            version = sqlite_db.execute_sql("PRAGMA data_version").fetchone()[0]
        except Exception:  # noqa: BLE001 - no feed is better than a crashed thread
            log.exception("change feed: cannot read the database")
            sqlite_db.close()
            return
        self.ready.set()
        try:
            while not self._stop.wait(self.interval):
                try:
                    now = sqlite_db.execute_sql("PRAGMA data_version").fetchone()[0]
                    if now == version:
                        continue
                    rows = sqlite_db.execute_sql(
                        "SELECT id, kind, origin FROM change_event WHERE id > ? ORDER BY id", (last,)
                    ).fetchall()
                except Exception as exc:  # noqa: BLE001 - busy or locked: try again next round
                    log.debug("change feed: read failed, trying again: %s", exc)
                    continue
                version = now
                if rows:
                    last = rows[-1][0]
                    self._hand_on(k for _id, k, origin in rows if origin != ORIGIN)
        finally:
            sqlite_db.close()

    # -- PostgreSQL --------------------------------------------------------------------------

    def _listen(self) -> None:
        """LISTEN on a connection of its own; reconnect with back-off when the server goes."""
        from desktop import db as dbmod

        delay = 1.0
        connected_once = False
        while not self._stop.is_set():
            pg_db, _, _ = dbmod._make_database(self.url)
            live = False
            try:
                pg_db.connect()
                conn = pg_db.connection()
                conn.cursor().execute(f"LISTEN {CHANNEL}")
                live = True
                delay = 1.0
                if connected_once:
                    # Whatever was committed while nobody listened: refresh everything once.
                    connection_health.report_restored()
                    self._hand_on({EVERYTHING})
                connected_once = True
                self.ready.set()
                while not self._stop.is_set():
                    for payload in _notifications(conn, self.interval):
                        self._payload(payload)
            except Exception as exc:  # noqa: BLE001 - the server went away, or will come back
                if self._stop.is_set():
                    break
                if live and connection_health.is_connection_lost(exc):
                    connection_health.report_lost(exc)
                elif not connection_health.is_connection_lost(exc):
                    log.warning("change feed: %s", " ".join(str(exc).split()))
            finally:
                try:
                    pg_db.close()
                except Exception:  # noqa: BLE001 - a dead socket
                    pg_db.dispose()
            self._stop.wait(delay)
            delay = min(delay * 2, 30.0)

    def _payload(self, payload: str) -> None:
        try:
            data = json.loads(payload)
        except ValueError:
            return
        if data.get("origin") != ORIGIN:
            self._hand_on(str(k) for k in data.get("kinds", ()))


def _notifications(conn, timeout: float) -> Iterator[str]:
    """Payloads that arrive on ``conn`` within ``timeout`` seconds (psycopg 3, or psycopg2)."""
    if type(conn).__module__.split(".")[0] == "psycopg2":  # pragma: no cover - psycopg2 installs
        import select

        if select.select([conn], [], [], timeout) != ([], [], []):
            conn.poll()
            while conn.notifies:
                yield conn.notifies.pop(0).payload
        return
    for note in conn.notifies(timeout=timeout):
        yield note.payload


def can_publish() -> bool:
    """True when a database is open to publish to."""
    return database.obj is not None
