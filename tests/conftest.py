"""Fixtures shared by the whole suite.

The database comes from RECEPTION_TEST_DB (default: a fresh SQLite file per test), so the same
suite can run on PostgreSQL: ``RECEPTION_TEST_DB=postgresql://user@localhost/reception_test``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from desktop import clock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RECEPTION_FAST_HASH", "1")  # cheap Argon2id parameters for test accounts

import pytest  # noqa: E402

from desktop import db, paths  # noqa: E402
from desktop.services import auth, demo, setup  # noqa: E402

DEMO_TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    paths.set_data_dir(path)
    yield path
    paths.set_data_dir(None)


def _worker_url(url: str) -> str:
    """With pytest-xdist each worker gets its own PostgreSQL database (``<name>_gw0`` …), created
    on first use, because every test wipes the whole schema of the one it uses."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or not url.startswith(("postgresql:", "postgres:")):
        return url
    import urllib.parse

    import psycopg2

    parsed = urllib.parse.urlparse(url)
    name = f"{parsed.path.strip('/')}_{worker}"
    conn = psycopg2.connect(
        dbname="postgres",
        host=parsed.hostname or None,
        port=parsed.port or None,
        user=urllib.parse.unquote(parsed.username) if parsed.username else None,
        password=urllib.parse.unquote(parsed.password) if parsed.password else None,
    )
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if cur.fetchone() is None:
                cur.execute(f'CREATE DATABASE "{name}"')
    finally:
        conn.close()
    return urllib.parse.urlunparse(parsed._replace(path="/" + name))


@pytest.fixture(scope="session")
def _test_db_url() -> str | None:
    url = os.environ.get("RECEPTION_TEST_DB")
    return _worker_url(url) if url else None


@pytest.fixture
def db_url(tmp_path, data_dir, _test_db_url):
    url = _test_db_url or f"sqlite:///{tmp_path / 'test.sqlite3'}"
    db.wipe(url)
    return url


@pytest.fixture
def database(db_url):
    info = db.open_database(db_url)
    setup.ensure_defaults()
    yield info
    db.close_database()


_demo_templates: dict[dt.date, tuple[Path, Path]] = {}


def _demo_template(tmp_path_factory) -> tuple[Path, Path]:
    """The demo seeded once per day and test process, as an SQLite file plus its data folder.

    Seeding takes about two seconds and some 500 tests start from it; copying the file takes a
    few milliseconds. Keyed by the clock's day, so a test that pins the date still gets a demo
    written for that day."""
    day = clock.today()
    if day not in _demo_templates:
        root = tmp_path_factory.mktemp(f"demo-{day}")
        data, file = root / "data", root / "demo.sqlite3"
        data.mkdir()
        previous = paths._data_dir
        paths.set_data_dir(data)
        try:
            db.open_database(f"sqlite:///{file}")
            setup.ensure_defaults()
            demo.seed_demo(today=day)
            db.database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close_database()
            paths.set_data_dir(previous)
        _demo_templates[day] = (file, data)
    return _demo_templates[day]


@pytest.fixture
def demo_db(database, db_url, data_dir, tmp_path_factory):
    """The demo office. On SQLite a copy of a once-seeded file (same rows, same files); on
    PostgreSQL seeded in place."""
    info = db.current_info()
    if info is None or info.kind != "sqlite" or info.path is None:
        demo.seed_demo(today=clock.today())
        return database
    file, data = _demo_template(tmp_path_factory)
    db.close_database()
    db.wipe(db_url)
    shutil.copyfile(file, info.path)
    shutil.copytree(data, data_dir, dirs_exist_ok=True)
    return db.open_database(db_url)


@pytest.fixture
def admin(database):
    return auth.create_first_admin("root", "管理员", "secret123")


def make_user(admin: auth.Actor, username: str, roles: set[str], employee_id: int | None = None):
    auth.save_user(
        admin,
        user_id=None,
        username=username,
        display_name=username,
        roles=roles,
        employee_id=employee_id,
        password="secret123",
    )
    return auth.actor_by_username(username)


@pytest.fixture
def receptionist(admin):
    return make_user(admin, "desk", {auth.RECEPTIONIST})


@pytest.fixture(scope="session")
def qt_display():
    """Where windows go: offscreen (set above). tests/realwindow overrides this with an X server
    it starts, which must happen before the QApplication exists -- hence this fixture."""
    return None


@pytest.fixture(scope="session", autouse=True)
def _qt_app_setup(request, qt_display):
    """Load the bundled font and the Chinese UI once, as the real program does."""
    from PySide6.QtWidgets import QApplication

    from desktop.views.app import setup_application

    app = QApplication.instance() or QApplication([])
    setup_application(app, "zh_CN")
    yield app
