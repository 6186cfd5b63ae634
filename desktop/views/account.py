"""我的账户: the signed-in person's own e-mail address and password.

Approval, return and arrival notices go out by e-mail (设置 → 通知) only to people whose address
is known; before this window only the administrator could enter one. The password is changed
here too, with the current one, so nobody needs the administrator for it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services import auth
from desktop.services.auth import Actor
from desktop.services.errors import ValidationError
from desktop.views import ops, prompts
from desktop.views.editor import EditorDialog, editor_layout
from desktop.views.fields import FieldErrors


class AccountDialog(EditorDialog):
    default_size = QSize(520, 420)

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.setWindowTitle(self.tr("我的账户"))
        self._saving = False
        info = auth.own_account(actor)

        self.username = QLabel(info.username)
        self.username.setObjectName("username")
        self.display_name = QLabel(info.display_name)
        self.roles = QLabel(self.tr("、").join(info.role_labels))
        self.roles.setWordWrap(True)
        self.email = QLineEdit(info.email)
        self.email.setObjectName("email")
        self.email.setMaxLength(200)
        self.email.setPlaceholderText(self.tr("例如：zhangsan@example.com（用于邮件通知）"))
        self.old_password = QLineEdit()
        self.old_password.setObjectName("oldPassword")
        self.new_password = QLineEdit()
        self.new_password.setObjectName("newPassword")
        self.new_password2 = QLineEdit()
        self.new_password2.setObjectName("newPassword2")
        for edit in (self.old_password, self.new_password, self.new_password2):
            edit.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("显示名"), self.display_name)
        form.addRow(self.tr("角色"), self.roles)
        self.errors.add_row("email", self.tr("电子邮件"), self.email)
        hint = QLabel(self.tr("不修改密码时，下面三项留空。"))
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        form.addRow(hint)
        self.errors.add_row("old", self.tr("原密码"), self.old_password)
        self.errors.add_row("new", self.tr("新密码"), self.new_password)
        self.errors.add_row("new2", self.tr("确认新密码"), self.new_password2)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("关闭"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        editor_layout(self, form, self.buttons, top=[self.errors.make_summary()])
        self.track(self.email, self.old_password, self.new_password, self.new_password2)
        self.set_modified(False)
        self.email.setFocus()

    def submit(self) -> None:
        self.save_changes()

    def save_changes(self) -> bool:
        """Saves on the writer thread and closes; every problem (the two new passwords that
        disagree among them) is listed at once, and what was typed stays on screen."""
        if self._saving:
            return False
        self.errors.clear()
        email, old, new = self.email.text(), self.old_password.text(), self.new_password.text()
        confirm = self.new_password2.text()
        actor = self.actor
        self._saving = True
        self.buttons.setEnabled(False)

        def work(_progress):
            return auth.update_own_account(
                actor, email=email, old_password=old, new_password=new, confirm=confirm
            )

        def done(_info) -> None:
            self._saving = False
            self.buttons.setEnabled(True)
            for edit in (self.old_password, self.new_password, self.new_password2):
                edit.clear()
            self.set_modified(False)
            self.accept()

        def failed(exc: BaseException) -> None:
            self._saving = False
            self.buttons.setEnabled(True)
            if isinstance(exc, ValidationError):
                self.errors.show(exc.errors)
            else:
                prompts.show_error(self, exc)

        ops.run(self, work, done, failed, write=True, changes=("users",), progress_dialog=False)
        # Saved later, on the writer thread: "not yet" keeps the dialog open when asked from the
        # close prompt; ``done`` closes it once the save went through.
        return False
