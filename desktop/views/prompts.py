"""Every message box goes through here, so tests can replace the answers.

A test sets ``prompts.answers`` (a list of booleans/strings consumed in order) or monkeypatches
the functions; the real implementations show QMessageBox / QInputDialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.errors import ConnectionLost, DatabaseBusy, ServiceError, busy_message

translate = QCoreApplication.translate


class Prompts:
    """The real dialogs. Tests install a :class:`ScriptedPrompts` instead."""

    def ask(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def save_discard_cancel(self, parent: QWidget | None, title: str, text: str) -> str:
        """Unsaved changes: returns "save", "discard" or "cancel" (Esc and × mean cancel)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
        save = box.addButton(translate("prompts", "保存"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(translate("prompts", "放弃"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(translate("prompts", "取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return "save"
        if clicked is discard:
            return "discard"
        return "cancel"

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str, details: str) -> None:
        """An unexpected error: the sentence, and the traceback under "Show Details…"."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setDetailedText(details)
        box.exec()

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def credentials(self, parent: QWidget | None, title: str, text: str) -> tuple[str, str] | None:
        """Ask a supervisor to confirm with their user name and password."""
        from desktop.views.login import CredentialsDialog

        dialog = CredentialsDialog(title, text, parent)
        if dialog.exec():
            return dialog.username(), dialog.password()
        return None


class ScriptedPrompts(Prompts):
    """Answers questions from a list and records everything that was shown."""

    def __init__(
        self, answers: list[bool | str] | None = None, credentials: list[tuple[str, str] | None] | None = None
    ):
        self.answers = list(answers or [])
        self.credential_answers = list(credentials or [])
        self.shown: list[tuple[str, str, str]] = []
        self.details: list[str] = []  # the details section of each error box

    def credentials(self, parent, title, text):  # noqa: D102
        self.shown.append(("credentials", title, text))
        return self.credential_answers.pop(0) if self.credential_answers else None

    def ask(self, parent, title, text):  # noqa: D102
        self.shown.append(("ask", title, text))
        return self.answers.pop(0) if self.answers else False

    def warn(self, parent, title, text):  # noqa: D102
        self.shown.append(("warn", title, text))

    def error(self, parent, title, text, details):  # noqa: D102
        """Recorded as ("error", title, text); the traceback goes to ``details``."""
        self.shown.append(("error", title, text))
        self.details.append(details)

    def save_discard_cancel(self, parent, title, text):  # noqa: D102
        """Answers with the next string in ``answers`` ("save"/"discard"/"cancel"); default cancel."""
        self.shown.append(("save_discard_cancel", title, text))
        answer = self.answers.pop(0) if self.answers else "cancel"
        return answer if isinstance(answer, str) else ("save" if answer else "discard")

    def info(self, parent, title, text):  # noqa: D102
        self.shown.append(("info", title, text))


current: Prompts = Prompts()


def use(prompts: Prompts) -> Prompts:
    global current
    current = prompts
    return prompts


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    return current.ask(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    current.warn(parent, title, text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    current.info(parent, title, text)


def credentials(parent: QWidget | None, title: str, text: str) -> tuple[str, str] | None:
    return current.credentials(parent, title, text)


def save_discard_cancel(parent: QWidget | None, title: str, text: str) -> str:
    return current.save_discard_cancel(parent, title, text)


def error(parent: QWidget | None, title: str, text: str, details: str) -> None:
    current.error(parent, title, text, details)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show a service error as its sentence; anything unexpected with a plain apology."""
    from desktop.db import is_locked_error

    if isinstance(exc, DatabaseBusy) or is_locked_error(exc):
        warn(parent, translate("prompts", "数据库忙"), busy_message())
    elif isinstance(exc, ConnectionLost):
        warn(parent, translate("prompts", "连接已断开"), str(exc))
    elif isinstance(exc, ServiceError):
        warn(parent, translate("prompts", "无法完成"), str(exc))
    else:
        # Unexpected: a bug, not the user's doing. The traceback goes to the log and into the
        # box's details, so whoever is asked to help can see where it happened.
        import logging
        import traceback

        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        logging.getLogger("reception").error("error shown to the user:\n%s", details)
        error(
            parent,
            translate("prompts", "出错了"),
            translate("prompts", "发生了意外错误：{error}").format(error=exc)
            + "\n\n"
            + translate("prompts", "详细信息已记入日志文件。"),
            details,
        )


def offer_reload(parent: QWidget | None, exc: BaseException) -> bool:
    """A save refused because someone else changed the record meanwhile (StaleRecord): say who
    and when, keep what was typed, and offer 重新载入. True: the caller reloads the stored
    record (what was typed is then given up); False: the form stays as typed."""
    return ask(
        parent,
        translate("prompts", "记录已被他人修改"),
        str(exc)
        + "\n\n"
        + translate("prompts", "现在重新载入最新内容吗？选“否”保留您输入的内容，可先复制再重新载入。"),
    )
