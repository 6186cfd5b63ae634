"""peewee's PostgreSQL drivers load only when a PostgreSQL database is opened (issue 14)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _fresh(code: str) -> str:
    """Run ``code`` in a new interpreter (the test process has long imported everything)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_opening_sqlite_imports_no_postgresql_driver(tmp_path):
    out = _fresh(
        "import sys; from desktop import db;"
        f"db.open_database('sqlite:///{tmp_path / 'a.sqlite3'}');"
        "print(sorted(m for m in ('psycopg', 'psycopg2') if sys.modules.get(m) is not None))"
    )
    assert out == "[]"


def test_the_program_version_is_read_only_when_asked():
    out = _fresh("import sys, desktop; print('importlib.metadata' in sys.modules, bool(desktop.__version__))")
    assert out == "False True"


def test_postgresql_gets_psycopg_after_peewee_was_imported_without_it():
    pytest.importorskip("psycopg")
    out = _fresh(
        "from desktop import db; import peewee;"
        "before = peewee.psycopg is None;"
        "database, kind, _ = db._make_database('postgresql://nobody@localhost:1/none');"
        "print(before, kind, type(database._adapter).__name__, peewee.Psycopg3Adapter.txn_idle is not None)"
    )
    assert out == "True postgresql Psycopg3Adapter True"
