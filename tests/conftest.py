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


def _pg_admin(url: str, *statements: tuple[str, tuple]) -> list:
    """Run statements on the server's ``postgres`` database (autocommit: CREATE/DROP DATABASE
    cannot run in a transaction); returns the first row of each."""
    import urllib.parse

    import psycopg

    parsed = urllib.parse.urlparse(url)
    conn = psycopg.connect(
        dbname="postgres",
        host=parsed.hostname or None,
        port=parsed.port or None,
        user=urllib.parse.unquote(parsed.username) if parsed.username else None,
        password=urllib.parse.unquote(parsed.password) if parsed.password else None,
    )
    conn.autocommit = True
    rows = []
    try:
        with conn.cursor() as cur:
            for sql, params in statements:
                cur.execute(sql, params or None)
                rows.append(cur.fetchone() if cur.description else None)
    finally:
        conn.close()
    return rows


def _pg_with_name(url: str, name: str) -> str:
    import urllib.parse

    return urllib.parse.urlunparse(urllib.parse.urlparse(url)._replace(path="/" + name))


def _pg_name(url: str) -> str:
    import urllib.parse

    return urllib.parse.urlparse(url).path.strip("/")


def _worker_url(url: str) -> str:
    """With pytest-xdist each worker gets its own PostgreSQL database (``<name>_gw0`` …), created
    on first use, because every test wipes the whole schema of the one it uses."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or not url.startswith(("postgresql:", "postgres:")):
        return url
    name = f"{_pg_name(url)}_{worker}"
    (exists,) = _pg_admin(url, ("SELECT 1 FROM pg_database WHERE datname = %s", (name,)))
    if exists is None:
        _pg_admin(url, (f'CREATE DATABASE "{name}"', ()))
    return _pg_with_name(url, name)


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


_demo_templates: dict[tuple[str, dt.date], tuple[str, Path]] = {}


def _demo_template(tmp_path_factory, url: str | None) -> tuple[str, Path]:
    """The demo seeded once per day and test process: an SQLite file, or on PostgreSQL a template
    database, plus the data folder it wrote (vouchers).

    Seeding takes about two seconds and some 500 tests start from it; copying a file takes a few
    milliseconds, cloning a template database a fraction of a second. Keyed by the clock's day, so
    a test that pins the date still gets a demo written for that day."""
    day = clock.today()
    key = (url or "sqlite", day)
    if key not in _demo_templates:
        root = tmp_path_factory.mktemp(f"demo-{day}")
        data = root / "data"
        data.mkdir()
        if url is None:
            source = str(root / "demo.sqlite3")
            open_url = f"sqlite:///{source}"
        else:
            source = f"{_pg_name(url)}_demo_{day:%Y%m%d}"
            _pg_admin(
                url,
                (f'DROP DATABASE IF EXISTS "{source}" WITH (FORCE)', ()),
                (f'CREATE DATABASE "{source}"', ()),
            )
            open_url = _pg_with_name(url, source)
        previous = paths._data_dir
        paths.set_data_dir(data)
        try:
            db.open_database(open_url)
            setup.ensure_defaults()
            demo.seed_demo(today=day)
            if url is None:
                db.database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close_database()
            paths.set_data_dir(previous)
        _demo_templates[key] = (source, data)
    return _demo_templates[key]


@pytest.fixture
def demo_db(database, db_url, data_dir, tmp_path_factory, _test_db_url):
    """The demo office: a copy of a once-seeded database (same rows, same files)."""
    info = db.current_info()
    source, data = _demo_template(tmp_path_factory, _test_db_url)
    db.close_database()
    if info.kind == "sqlite":
        db.wipe(db_url)
        shutil.copyfile(source, info.path)
    else:
        name = _pg_name(db_url)
        _pg_admin(
            db_url,
            (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', ()),
            (f'CREATE DATABASE "{name}" TEMPLATE "{source}"', ()),
        )
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


@pytest.fixture(autouse=True)
def _chinese_after_each_test():
    """A test that switched the UI to English (the CLI's ``--lang en`` does so for the rest of the
    process) must not leave it so: with two workers the next test in that process could be one
    that reads a form printed in Chinese."""
    yield
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None and QCoreApplication.translate("nav", "来访登记") != "来访登记":
        from desktop.views.app import install_language

        install_language(app, "zh_CN")
