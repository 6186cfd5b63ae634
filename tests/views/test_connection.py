"""The connection screen (issue 12, "Several PCs"): stored per PC with the password in a keyring
or (with a warning) the settings file, 测试连接 answers in one sentence for each failure, and the
start-up opens the stored connection or asks, runs the first set-up of an empty database and
logs in."""

from __future__ import annotations

import os
import stat
import urllib.parse

import keyring
import peewee
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtWidgets import QLabel, QPushButton

from desktop import connection, db, paths
from desktop.connection import POSTGRESQL, SQLITE, Connection
from desktop.services import auth
from desktop.views import connection as screen
from desktop.views.connection import ConnectionDialog, ConnectionForm, connect_and_log_in
from desktop.views.login import FirstRunDialog, LoginDialog

on_postgres = (os.environ.get("RECEPTION_TEST_DB") or "").startswith("postgres")
postgres_only = pytest.mark.skipif(not on_postgres, reason="needs the PostgreSQL test server")


class MemoryKeyring(KeyringBackend):
    """A keyring that works, kept in memory (the system's is not touched)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


SERVER = Connection(
    kind=POSTGRESQL, host="192.168.1.10", port=5433, database="reception", user="office", password="p@ss:wörd"
)


def _ini_text() -> str:
    with open(screen.settings_path(), encoding="utf-8") as fh:
        return fh.read()


# ------------------------------------------------------------------------- storage


def test_stored_connection_round_trip_with_a_keyring(data_dir, memory_keyring):
    assert screen.load_stored() is None  # first start: nothing stored, the screen is shown
    assert screen.save_stored(SERVER) == screen.PASSWORD_KEYRING
    assert screen.load_stored() == SERVER
    assert memory_keyring.secrets == {
        (connection.KEYRING_SERVICE, "office@192.168.1.10:5433/reception"): "p@ss:wörd"
    }
    assert "p@ss" not in _ini_text()  # the password is not in the file
    url = SERVER.url()
    parsed = urllib.parse.urlparse(url)
    assert (parsed.hostname, parsed.port, parsed.path, urllib.parse.unquote(parsed.password)) == (
        "192.168.1.10",
        5433,
        "/reception",
        "p@ss:wörd",
    )


def test_without_a_keyring_the_password_goes_to_the_settings_file_with_a_warning(qtbot, data_dir, no_keyring):
    assert not connection.keyring_usable()
    form = ConnectionForm(SERVER)
    qtbot.addWidget(form)
    form.show()
    assert form.password_note.isVisible()
    assert (
        "没有可用的密钥环" in form.password_note.text()
        and screen.settings_path() in form.password_note.text()
    )
    assert screen.save_stored(SERVER) == screen.PASSWORD_FILE
    assert screen.load_stored() == SERVER
    assert "password=" in _ini_text()
    if os.name == "posix":  # readable by this user only
        assert stat.S_IMODE(os.stat(screen.settings_path()).st_mode) == 0o600


def test_the_local_database_is_stored_without_server_fields(data_dir, memory_keyring):
    screen.save_stored(SERVER)
    screen.save_stored(Connection(kind=SQLITE))
    assert screen.load_stored() == Connection(kind=SQLITE)
    assert "192.168.1.10" not in _ini_text()
    assert screen.startup_url(None) == paths.default_database_url()


def test_db_option_wins_over_the_stored_connection(data_dir, memory_keyring):
    screen.save_stored(SERVER)
    assert screen.startup_url("sqlite:////tmp/other.db") == "sqlite:////tmp/other.db"
    assert screen.startup_url(None) == SERVER.url()


def test_an_existing_local_database_needs_no_choice_at_the_first_start(data_dir):
    assert screen.startup_url(None) is None  # a new PC: the connection screen
    paths.default_database_path().write_bytes(b"")
    assert screen.startup_url(None) == paths.default_database_url()  # a PC upgraded from before


def test_display_url_hides_the_password():
    assert db.display_url(SERVER.url()) == "postgresql://office:***@192.168.1.10:5433/reception"


def test_missing_server_fields_are_shown_under_the_fields(qtbot, data_dir, no_keyring):
    form = ConnectionForm(Connection(kind=POSTGRESQL))
    qtbot.addWidget(form)
    assert not form.save_changes()
    assert form.errors.message("host") == "请填写服务器地址。"
    assert form.errors.message("database") == "请填写数据库名称。"
    assert screen.load_stored() is None


# ------------------------------------------------------------------------- 测试连接


class _DriverError(Exception):
    def __init__(self, message: str, sqlstate: str | None):
        super().__init__(message)
        self.sqlstate = sqlstate


def _wrapped(message: str, sqlstate: str | None) -> peewee.OperationalError:
    """What peewee raises: its own error around the driver's."""
    original = _DriverError(message, sqlstate)
    try:
        try:
            raise original
        except _DriverError as exc:
            raise peewee.OperationalError(exc) from exc
    except peewee.OperationalError as wrapped:
        return wrapped


@pytest.mark.parametrize(
    ("message", "sqlstate", "state", "sentence"),
    [
        (
            'connection failed: connection to server at "10.0.0.9", port 5432 failed: Connection refused',
            None,
            connection.UNREACHABLE,
            "无法连接服务器 10.0.0.9:5432：请检查地址和端口，以及服务器是否开启并允许本机连接。",
        ),
        (
            'FATAL: password authentication failed for user "office"',
            "28P01",
            connection.AUTH,
            "用户名或密码错误。",
        ),
        (
            'FATAL: database "reception" does not exist',
            "3D000",
            connection.NO_DATABASE,
            "服务器上没有名为“reception”的数据库：请先在服务器上创建它（见 README“Several PCs”）。",
        ),
        (
            'FATAL: no pg_hba.conf entry for host "10.0.0.7", user "office"',
            "28000",
            connection.REFUSED,
            "服务器不允许这台电脑连接：请在服务器的 pg_hba.conf 中允许本机地址。",
        ),
    ],
)
def test_connection_failures_are_told_in_one_sentence(message, sqlstate, state, sentence):
    result = connection._connect_failure(
        "postgresql://office:x@10.0.0.9/reception", _wrapped(message, sqlstate)
    )
    assert (result.state, result.message) == (state, sentence)
    assert not result.usable


def test_test_button_reports_an_unreachable_server_off_the_ui_thread(
    qtbot, data_dir, no_keyring, monkeypatch
):
    from desktop.views import ops

    calls = []
    real_run = ops.run
    monkeypatch.setattr(ops, "run", lambda *a, **k: calls.append(k) or real_run(*a, **k))
    form = ConnectionForm(
        Connection(kind=POSTGRESQL, host="127.0.0.1", port=1, database="reception", user="office")
    )
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.tested, timeout=15_000):
        form.test_button.click()
    assert calls and not calls[0].get("write")
    assert (
        form.result.text()
        == "无法连接服务器 127.0.0.1:1：请检查地址和端口，以及服务器是否开启并允许本机连接。"
    )
    assert form.last_result.state == connection.UNREACHABLE


def _server_fields(url: str, **changes) -> Connection:
    parsed = urllib.parse.urlparse(url)
    conn = Connection(
        kind=POSTGRESQL,
        host=parsed.hostname or "localhost",
        port=parsed.port or 5432,
        database=parsed.path.strip("/"),
        user=urllib.parse.unquote(parsed.username or ""),
        password=urllib.parse.unquote(parsed.password or ""),
    )
    return Connection(**{**conn.__dict__, **changes})


def _probe_in_form(qtbot, conn: Connection) -> str:
    form = ConnectionForm(conn)
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.tested, timeout=15_000):
        form.test_button.click()
    return form.result.text()


@postgres_only
def test_test_connection_on_the_server_for_each_case(qtbot, db_url, no_keyring):
    base = _server_fields(db_url)
    assert _probe_in_form(qtbot, base) == "连接成功：数据库是空的，连接后将创建数据表并设置管理员账户。"
    assert _probe_in_form(qtbot, _server_fields(db_url, password="wrong-password")) == "用户名或密码错误。"
    assert _probe_in_form(qtbot, _server_fields(db_url, database="no_such_db_h33")).startswith(
        "服务器上没有名为“no_such_db_h33”的数据库"
    )
    db.open_database(db_url)
    db.close_database()
    latest = connection.latest_version()
    assert _probe_in_form(qtbot, base) == f"连接成功：数据库版本 {latest}（最新）。"
    db.open_database(db_url)
    db.database.execute_sql(f"INSERT INTO {db.SCHEMA_TABLE} (name, applied) VALUES ('9999_future', now())")
    db.close_database()
    assert _probe_in_form(qtbot, base) == "数据库由更新版本的本程序创建（数据库版本 9999），请先升级本程序。"
    db.wipe(db_url)
    db.open_database(db_url, migrate=False)
    db.database.execute_sql("CREATE TABLE customers (id integer)")
    db.close_database()
    assert (
        _probe_in_form(qtbot, base)
        == "这个数据库里已有其他程序的表，不是本程序的数据库：请使用一个新的空数据库。"
    )
    db.wipe(db_url)


# ------------------------------------------------------------------------- start-up


class Script:
    """Runs the start-up's dialogs without exec(): each step fills the dialog it is given."""

    def __init__(self, qtbot, *steps):
        self.qtbot = qtbot
        self.steps = list(steps)
        self.seen: list[str] = []

    def __call__(self, dialog) -> bool:
        self.qtbot.addWidget(dialog)
        self.seen.append(type(dialog).__name__)
        step = self.steps.pop(0)
        return bool(step(dialog))


def fill_connection(conn: Connection):
    def step(dialog: ConnectionDialog) -> bool:
        form = dialog.form
        (form.server if conn.kind == POSTGRESQL else form.local).setChecked(True)
        if conn.kind == POSTGRESQL:
            form.host.setText(conn.host)
            form.port.setValue(conn.port)
            form.database.setText(conn.database)
            form.user.setText(conn.user)
            form.password.setText(conn.password)
        dialog.submit()
        return dialog.result() == ConnectionDialog.DialogCode.Accepted

    return step


def first_admin(dialog: FirstRunDialog) -> bool:
    dialog.username.setText("admin")
    dialog.display_name.setText("行政部 刘洋")
    dialog.password.setText("Office-2026!")
    dialog.password2.setText("Office-2026!")
    dialog.submit()
    return dialog.result() == FirstRunDialog.DialogCode.Accepted


def log_in(dialog: LoginDialog) -> bool:
    dialog.username.setText("admin")
    dialog.password.setText("Office-2026!")
    dialog.submit()
    return dialog.result() == LoginDialog.DialogCode.Accepted


def _open(url: str) -> db.DatabaseInfo:
    from desktop.services import setup

    info = db.open_database(url)
    setup.ensure_defaults()
    return info


def test_first_start_asks_for_the_connection_sets_up_the_empty_database_and_logs_in(
    qtbot, db_url, memory_keyring
):
    """On PostgreSQL (RECEPTION_TEST_DB) the screen is filled with the server's fields and the
    empty database gets its tables and first administrator; on SQLite the local file does."""
    choice = _server_fields(db_url) if db_url.startswith("postgres") else Connection(kind=SQLITE)
    script = Script(qtbot, fill_connection(choice), first_admin, log_in)
    try:
        started = connect_and_log_in(None, _open, company=lambda: "华夏精工", show=script)
        assert started is not None
        info, actor = started
        assert script.seen == ["ConnectionDialog", "FirstRunDialog", "LoginDialog"]
        assert info.kind == choice.kind
        assert actor.username == "admin" and auth.SYSADMIN in actor.roles
        latest = connection.latest_version()
        assert any(name.startswith(latest) for name in info.applied)  # the migrations ran
        assert screen.load_stored() == choice  # stored for the next start
    finally:
        db.close_database()
    # The next start opens the stored connection and goes straight to the login.
    again = Script(qtbot, log_in)
    try:
        assert connect_and_log_in(None, _open, company=lambda: "", show=again) is not None
        assert again.seen == ["LoginDialog"]
    finally:
        db.close_database()


def test_a_stored_connection_that_fails_shows_the_screen_with_the_reason(
    qtbot, data_dir, memory_keyring, db_url
):
    screen.save_stored(
        Connection(kind=POSTGRESQL, host="127.0.0.1", port=1, database="reception", user="office")
    )
    shown: list[str] = []

    def cancel(dialog: ConnectionDialog) -> bool:
        shown.append(dialog.problem.text())
        return False

    assert connect_and_log_in(None, _open, company=lambda: "", show=Script(qtbot, cancel)) is None
    assert shown == ["无法连接服务器 127.0.0.1:1：请检查地址和端口，以及服务器是否开启并允许本机连接。"]


def test_db_option_failure_is_not_turned_into_the_screen(qtbot, data_dir):
    with pytest.raises(db.DatabaseOpenError):
        connect_and_log_in("sqlite:////no/such/folder/x.db", _open, company=lambda: "", show=Script(qtbot))


def test_server_button_on_the_login_then_cancel_returns_to_the_open_database(qtbot, data_dir, memory_keyring):
    screen.save_stored(Connection(kind=SQLITE))

    def press_server_button(dialog: LoginDialog) -> bool:
        dialog.findChild(QPushButton, "server_connection").click()
        assert dialog.wants_server
        return dialog.result() == LoginDialog.DialogCode.Accepted

    script = Script(qtbot, first_admin, press_server_button, lambda dialog: False, log_in)
    try:
        started = connect_and_log_in(None, _open, company=lambda: "", show=script)
    finally:
        db.close_database()
    assert script.seen == ["FirstRunDialog", "LoginDialog", "ConnectionDialog", "LoginDialog"]
    assert started is not None and started[0].path == paths.default_database_path()
    assert started[1].username == "admin"


def test_server_button_is_only_on_the_start_up_login(qtbot):
    start = LoginDialog(server_button=True)
    later = LoginDialog()
    qtbot.addWidget(start)
    qtbot.addWidget(later)
    assert start.findChild(QPushButton, "server_connection").text() == "服务器连接…"
    assert later.findChild(QPushButton, "server_connection") is None


def test_settings_has_the_connection_tab_and_saving_takes_effect_next_start(
    qtbot, database, admin, memory_keyring
):
    from desktop.views.settings_window import SettingsDialog

    dialog = SettingsDialog(admin)
    qtbot.addWidget(dialog)
    assert "数据库连接" in dialog.tab_titles()
    tab = dialog.connection
    assert db.display_url(database.url) in tab.findChild(QLabel, "current_database").text()
    tab.form.server.setChecked(True)
    tab.form.host.setText("10.0.0.5")
    tab.form.database.setText("reception")
    tab.form.user.setText("office")
    tab.form.password.setText("secret")
    assert dialog.is_modified()
    assert tab.save()
    assert not dialog.is_modified()
    assert tab.message.text() == "已保存。重新启动程序后使用新的数据库连接。"
    assert screen.load_stored() == Connection(
        kind=POSTGRESQL, host="10.0.0.5", port=5432, database="reception", user="office", password="secret"
    )


@postgres_only
def test_a_database_that_cannot_hold_chinese_is_refused_before_anything_is_written(qtbot, db_url, no_keyring):
    """Found following the README on a server set up under LANG=C: createdb made a SQL_ASCII
    database, and the first start failed half-way through the tables ("'ascii' codec can't
    encode character '某'"), then on every later start with a duplicate key."""
    from tests.conftest import _pg_admin, _pg_name, _pg_with_name

    name = f"{_pg_name(db_url)}_ascii"
    _pg_admin(
        db_url,
        (f'DROP DATABASE IF EXISTS "{name}"', ()),
        (
            f"CREATE DATABASE \"{name}\" ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0",
            (),
        ),
    )
    url = _pg_with_name(db_url, name)
    try:
        shown = _probe_in_form(qtbot, _server_fields(url))
        assert shown.startswith("数据库的编码是 SQL_ASCII，不能保存中文") and "UTF8" in shown
        assert not connection.probe(url).usable
        with pytest.raises(db.DatabaseOpenError, match="SQL_ASCII, not UTF8"):
            db.open_database(url)
        checked, _, _ = db._make_database(url)
        checked.connect()
        assert checked.get_tables() == []  # nothing half-created
        checked.close()
    finally:
        _pg_admin(db_url, (f'DROP DATABASE IF EXISTS "{name}"', ()))
