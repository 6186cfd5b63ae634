"""First-run administrator set-up, the login dialog and the supervisor confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import auth
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.views.fields import FieldErrors


class FirstRunDialog(QDialog):
    """Asks for the first administrator account of a fresh database."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("首次使用：创建管理员账户"))
        self.actor: Actor | None = None
        intro = QLabel(self.tr("这是一个新的数据库。请创建系统管理员账户，之后可在“设置”里添加其他用户。"))
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("例如：行政部 刘洋"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("username", self.tr("用户名"), self.username)
        self.errors.add_row("display_name", self.tr("显示名"), self.display_name)
        self.errors.add_row("password", self.tr("密码"), self.password)
        self.errors.add_row("password2", self.tr("确认密码"), self.password2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.password.setFocus()

    def submit(self) -> None:
        self.errors.clear()
        if self.password.text() != self.password2.text():
            self.errors.show({"password2": self.tr("两次输入的密码不一致。")})
            return
        try:
            self.actor = auth.create_first_admin(
                self.username.text(), self.display_name.text(), self.password.text()
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except ServiceError as exc:
            self.errors.show({"username": str(exc)})
            return
        self.accept()


class LoginDialog(QDialog):
    """``server_button``: offer 服务器连接… (at start-up only, when no --db was given); choosing
    it closes the login with ``wants_server`` set, and the start-up shows the connection screen."""

    def __init__(self, parent: QWidget | None = None, company: str = "", *, server_button: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("登录 — 接待管理"))
        self.actor: Actor | None = None
        self.wants_server = False
        title = QLabel(company or self.tr("接待管理"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b;")
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        if server_button:
            server = buttons.addButton(self.tr("服务器连接…"), QDialogButtonBox.ButtonRole.ResetRole)
            server.setObjectName("server_connection")
            server.setAutoDefault(False)
            server.clicked.connect(self._choose_server)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.username.setFocus()

    def _choose_server(self) -> None:
        self.wants_server = True
        self.reject()

    def submit(self) -> None:
        try:
            self.actor = auth.authenticate(self.username.text(), self.password.text())
        except ServiceError as exc:
            self.message.setText(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()


class CredentialsDialog(QDialog):
    """A supervisor types their own user name and password to confirm an exception."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(text)
        label.setWordWrap(True)
        self._username = QLineEdit()
        self._password = QLineEdit()
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("主管用户名"), self._username)
        form.addRow(self.tr("密码"), self._password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def username(self) -> str:
        return self._username.text()

    def password(self) -> str:
        return self._password.text()
