"""Fixtures shared by the whole suite.

The database comes from RECEPTION_TEST_DB (default: a fresh SQLite file per test), so the same
suite can run on PostgreSQL: ``RECEPTION_TEST_DB=postgresql://user@localhost/reception_test``.
"""

from __future__ import annotations

import datetime as dt
import os

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


@pytest.fixture
def db_url(tmp_path, data_dir):
    url = os.environ.get("RECEPTION_TEST_DB") or f"sqlite:///{tmp_path / 'test.sqlite3'}"
    db.wipe(url)
    return url


@pytest.fixture
def database(db_url):
    info = db.open_database(db_url)
    setup.ensure_defaults()
    yield info
    db.close_database()


@pytest.fixture
def demo_db(database):
    demo.seed_demo(today=clock.today())
    return database


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
