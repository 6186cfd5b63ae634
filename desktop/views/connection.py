"""The connection screen: which database this PC works on.

Shown before the login at the first start (nothing stored yet), when 服务器连接… is chosen on
the login, when the stored database cannot be opened, and as a tab of 设置. Each PC enters the
server once; the fields live in this PC's ``QSettings`` (``connection.ini`` in the user's data
folder, never in the shared database), the password in the system keyring where one exists
(:mod:`desktop.connection`). 测试连接 runs off the UI thread and answers in one sentence.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import connection, db, paths
from desktop.connection import POSTGRESQL, SQLITE, Connection, ProbeResult
from desktop.views import ops
from desktop.views.editor import EditorMixin
from desktop.views.fields import ERROR_COLOR, FieldErrors

OK_COLOR = "#1e7e34"
WARN_COLOR = "#8a5a00"

# -------------------------------------------------------------------------- storage (per PC)

PASSWORD_KEYRING = "keyring"
PASSWORD_FILE = "file"


def settings_path() -> str:
    return str(paths.data_dir() / "connection.ini")


def _settings() -> QSettings:
    return QSettings(settings_path(), QSettings.Format.IniFormat)


def load_stored() -> Connection | None:
    """This PC's stored connection with its password, or None before the first choice."""
    store = _settings()
    kind = store.value("connection/kind", "", str)
    if kind not in (SQLITE, POSTGRESQL):
        return None
    if kind == SQLITE:
        return Connection(kind=SQLITE)
    conn = Connection(
        kind=POSTGRESQL,
        host=store.value("connection/host", "", str),
        port=int(store.value("connection/port", connection.DEFAULT_PORT) or connection.DEFAULT_PORT),
        database=store.value("connection/database", "", str),
        user=store.value("connection/user", "", str),
    )
    where = store.value("connection/password_in", "", str)
    if where == PASSWORD_KEYRING:
        password = connection.load_password(conn) or ""
    elif where == PASSWORD_FILE:
        password = store.value("connection/password", "", str)
    else:
        password = ""
    return replace(conn, password=password)


def save_stored(conn: Connection) -> str:
    """Store ``conn`` for this PC; returns where the password went ("keyring", "file" or "")."""
    store = _settings()
    store.remove("connection")
    store.setValue("connection/kind", conn.kind)
    where = ""
    if conn.kind == POSTGRESQL:
        store.setValue("connection/host", conn.host.strip())
        store.setValue("connection/port", int(conn.port))
        store.setValue("connection/database", conn.database.strip())
        store.setValue("connection/user", conn.user.strip())
        if conn.password:
            if connection.save_password(conn):
                where = PASSWORD_KEYRING
            else:
                where = PASSWORD_FILE
                store.setValue("connection/password", conn.password)
        store.setValue("connection/password_in", where)
    store.sync()
    if where == PASSWORD_FILE:
        try:  # readable by this user only; the screen has said the password sits here
            os.chmod(settings_path(), 0o600)
        except OSError:  # pragma: no cover - a file system without modes
            pass
    return where


def startup_url(db_option: str | None) -> str | None:
    """The database to open: ``--db`` wins, then the stored connection, then the local database
    file when one exists already (a PC that used the program before the connection screen was
    added); None asks the connection screen."""
    if db_option:
        return db_option
    stored = load_stored()
    if stored is not None:
        return stored.url()
    if paths.default_database_path().exists():
        return paths.default_database_url()
    return None


# -------------------------------------------------------------------------- the form


class ConnectionForm(EditorMixin, QWidget):
    """本机数据库 or a PostgreSQL server, with 测试连接. Used by the dialog and the 设置 tab."""

    tested = Signal(object)  # ProbeResult

    def __init__(self, current: Connection | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        current = current or Connection()
        self.local = QRadioButton(self.tr("本机数据库（只有这台电脑使用）"))
        self.local.setObjectName("kind_sqlite")
        self.server = QRadioButton(self.tr("PostgreSQL 服务器（多台电脑共用一个数据库）"))
        self.server.setObjectName("kind_postgresql")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.local_path = QLabel(self.tr("数据库文件：{path}").format(path=paths.default_database_path()))
        self.local_path.setWordWrap(True)
        self.local_path.setIndent(24)

        self.host = QLineEdit(current.host)
        self.host.setObjectName("host")
        self.host.setPlaceholderText(self.tr("例如 192.168.1.10 或 server.local"))
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(int(current.port or connection.DEFAULT_PORT))
        self.database = QLineEdit(current.database)
        self.database.setObjectName("database")
        self.database.setPlaceholderText(self.tr("例如 reception"))
        self.user = QLineEdit(current.user)
        self.user.setObjectName("user")
        self.password = QLineEdit(current.password)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_fields = QWidget()
        form = QFormLayout(self.server_fields)
        form.setContentsMargins(24, 0, 0, 0)
        self.errors = FieldErrors(form)
        self.errors.add_row("host", self.tr("服务器地址"), self.host)
        self.errors.add_row("port", self.tr("端口"), self.port)
        self.errors.add_row("database", self.tr("数据库"), self.database)
        self.errors.add_row("user", self.tr("用户名"), self.user)
        self.errors.add_row("password", self.tr("密码"), self.password)

        self.password_note = QLabel()
        self.password_note.setObjectName("password_note")
        self.password_note.setWordWrap(True)
        if connection.keyring_usable():
            self.password_note.setText(self.tr("密码保存在系统的密钥环中。"))
        else:
            self.password_note.setText(
                self.tr(
                    "注意：此系统没有可用的密钥环，密码将以明文保存在本机用户的设置文件中（{path}）。"
                ).format(path=settings_path())
            )
            self.password_note.setStyleSheet(f"color: {WARN_COLOR};")

        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_button.setObjectName("test_connection")
        self.test_button.clicked.connect(self.test)
        self.result = QLabel()
        self.result.setObjectName("test_result")
        self.result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.local_path)
        layout.addWidget(self.server)
        layout.addWidget(self.server_fields)
        layout.addWidget(self.password_note)
        layout.addLayout(test_row)
        layout.addStretch(1)

        (self.server if current.kind == POSTGRESQL else self.local).setChecked(True)
        self.local.toggled.connect(self._kind_changed)
        self._kind_changed()
        self.track(self.local, self.server, self.host, self.port, self.database, self.user, self.password)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textEdited.connect(lambda _text: self.result.clear())
        self.last_result: ProbeResult | None = None

    def _kind_changed(self, *_args) -> None:
        server = self.server.isChecked()
        self.server_fields.setEnabled(server)
        self.password_note.setEnabled(server)  # always shown: the form does not jump
        self.local_path.setEnabled(not server)
        self.result.clear()

    def value(self) -> Connection:
        if self.local.isChecked():
            return Connection(kind=SQLITE)
        return Connection(
            kind=POSTGRESQL,
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            password=self.password.text(),
        )

    def check(self) -> bool:
        """Field errors under the fields; True when the connection can be tried."""
        self.errors.clear()
        errors = connection.missing_fields(self.value())
        if errors:
            self.errors.show(errors)
            return False
        return True

    def test(self) -> None:
        if not self.check():
            return
        url = self.value().url()
        self.test_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("正在连接…"))

        def work(progress: ops.Progress) -> ProbeResult:
            result = connection.probe(url)
            progress.check()  # Cancel in the progress dialog: nobody wants the answer
            return result

        ops.run(
            self,
            work,
            self.show_result,
            self._probe_failed,
            label=self.tr("正在测试连接…"),
        )

    def _probe_failed(self, exc: BaseException) -> None:
        self.show_result(ProbeResult(connection.FAILED, " ".join(str(exc).split()) or type(exc).__name__))

    def show_result(self, result: ProbeResult) -> None:
        self.last_result = result
        self.test_button.setEnabled(True)
        self.result.setText(result.message)
        color = OK_COLOR if result.state == connection.OK else WARN_COLOR if result.usable else ERROR_COLOR
        self.result.setStyleSheet(f"color: {color};")
        self.tested.emit(result)

    def save_changes(self) -> bool:
        if not self.check():
            return False
        where = save_stored(self.value())
        self.set_modified(False)
        self.saved_where = where
        return True


class ConnectionDialog(QDialog):
    """The connection screen before the login; accepted after the choice is stored."""

    def __init__(
        self,
        current: Connection | None = None,
        parent: QWidget | None = None,
        *,
        problem: str = "",
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("数据库连接 — 接待管理"))
        intro = QLabel(
            self.tr(
                "选择这台电脑使用的数据库。多台电脑（前台、行政部、财务）共用数据时，"
                "请选择 PostgreSQL 服务器，并填写管理员提供的地址、数据库、用户名和密码。"
            )
        )
        intro.setWordWrap(True)
        self.problem = QLabel(problem)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOR};")
        self.problem.setVisible(bool(problem))
        self.form = ConnectionForm(current if current is not None else load_stored())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存并连接"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem)
        layout.addWidget(self.form, 1)
        layout.addWidget(buttons)
        self.connection: Connection | None = None
        self.resize(640, self.sizeHint().height())

    def submit(self) -> None:
        if not self.form.save_changes():
            return
        self.connection = self.form.value()
        self.accept()


class ConnectionTab(QWidget):
    """设置 › 数据库连接: the same form; a change takes effect at the next start of the program,
    since every open window, editor and background task holds the current database."""

    def __init__(self, current_label: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        now = QLabel(self.tr("当前使用：{where}").format(where=current_label or "—"))
        now.setWordWrap(True)
        now.setObjectName("current_database")
        self.form = ConnectionForm(load_stored())
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("save_connection")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("connection_message")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(now)
        layout.addWidget(self.form, 1)
        layout.addLayout(row)

    def save(self) -> bool:
        if not self.form.save_changes():
            return False
        text = self.tr("已保存。重新启动程序后使用新的数据库连接。")
        if getattr(self.form, "saved_where", "") == PASSWORD_FILE:
            text += self.tr("密码保存在本机用户的设置文件中。")
        self.message.setText(text)
        return True


# -------------------------------------------------------------------------- start-up


def _exec(dialog: QDialog) -> bool:
    return bool(dialog.exec())


def explain_open_failure(url: str, exc: Exception) -> str:
    """One sentence for the connection screen: the probe's diagnosis when it has one, else the
    error without the password."""
    result = connection.probe(url)
    if not result.usable:
        return result.message
    return " ".join(str(exc).split())


def connect_and_log_in(
    db_option: str | None,
    open_database: Callable[[str], db.DatabaseInfo],
    *,
    company: Callable[[], str],
    show: Callable[[QDialog], bool] = _exec,
):
    """Open the database and log in; returns ``(info, actor)``, or None when the user gave up.

    ``--db`` wins and fails as before (one line on stderr). Otherwise the stored connection is
    opened; with none stored (first start), or when it cannot be opened (server off, password
    changed), the connection screen comes first, with the reason. An empty database — SQLite or
    PostgreSQL — is migrated by ``open_database`` and then asks for the first administrator.
    ``show`` runs a dialog modally (tests replace it).
    """
    from desktop.services import auth
    from desktop.views.login import FirstRunDialog, LoginDialog

    url = startup_url(db_option)
    problem = ""
    back_to = None  # 服务器连接… then 取消: back to the database that was open
    while True:
        if url is None:
            dialog = ConnectionDialog(load_stored(), problem=problem)
            if show(dialog) and dialog.connection is not None:
                url = dialog.connection.url()
            elif back_to is not None:
                url = back_to
            else:
                return None
        back_to = None
        try:
            info = open_database(url)
        except db.DatabaseOpenError as exc:
            if db_option:
                raise
            problem = explain_open_failure(url, exc)
            url = None
            continue
        if auth.needs_first_admin():
            first = FirstRunDialog()
            if not show(first) or first.actor is None:
                return None
        login = LoginDialog(company=company(), server_button=not db_option)
        if show(login) and login.actor is not None:
            return info, login.actor
        if not login.wants_server:
            return None
        db.close_database()
        back_to, url, problem = url, None, ""
