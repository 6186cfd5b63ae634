"""peewee without its PostgreSQL drivers until a PostgreSQL database is opened.

peewee imports psycopg2 and psycopg 3 (with asyncio, ssl and typing_extensions) at its own
import, whether or not the program ever talks to PostgreSQL: ~70 ms CPU of a ~0.4 s start-up
on SQLite, the default (issue 14 asks for start-up ≤ 1.5× a bare window). :func:`import_peewee`
hides the drivers while peewee is imported; :func:`attach_psycopg` imports psycopg 3 when a
PostgreSQL URL is opened and hands it to peewee, with the same module globals and adapter
constants peewee would have set at import.
"""

from __future__ import annotations

import sys
from types import ModuleType

# The drivers peewee probes at import; psycopg 3 is the one this program uses (issue 12).
_DEFERRED = ("psycopg2cffi", "psycopg2", "psycopg")


def import_peewee() -> ModuleType:
    """Import peewee and playhouse's migration runner with the PostgreSQL drivers hidden.

    playhouse.migrations reaches the drivers too (migrate → cockroachdb → postgres_ext). Safe to
    call again; a module already imported is left as it is. Returns peewee.
    """
    hidden = [name for name in _DEFERRED if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import name" raises ImportError
    try:
        import peewee
        import playhouse.migrations  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return peewee


def attach_psycopg() -> None:
    """Import psycopg 3 and give peewee what its own import would have given it.

    Raises ImportError when psycopg is not installed. Does nothing when peewee already has it
    (peewee imported before :func:`import_peewee`, or a second PostgreSQL database).
    """
    import peewee
    import psycopg

    if peewee.psycopg is not None:
        return
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    peewee.psycopg = psycopg
    peewee.TransactionStatus = TransactionStatus
    peewee.Json_pg3 = Json
    peewee.Jsonb_pg3 = Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
