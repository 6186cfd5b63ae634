"""Errors the service layer raises; each carries a message a user can read."""

from __future__ import annotations

from desktop.i18n import translate


class ServiceError(Exception):
    """A rule said no. ``str(exc)`` is the sentence to show."""


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class ValidationError(ServiceError):
    """Field-level problems: ``errors`` maps a field name to the message shown next to it."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))


class DatabaseBusy(ServiceError):
    pass


def busy_message() -> str:
    return translate(
        "services",
        "数据库正被另一台电脑或程序占用，请稍后再试。您输入的内容已保留。",
    )


class StaleRecord(ServiceError):
    """The record changed since the copy being saved was read; nothing was written.

    Raised instead of letting an old copy overwrite another person's edit (issue 10). The editor
    keeps what was typed and shows the sentence, which names who changed the record and when.
    """


class ConnectionLost(ServiceError):
    """The database server went away (stopped, restarted, network down); nothing was written.

    Not :class:`DatabaseBusy`: waiting a moment does not help until the server is back. The main
    window shows a banner and retries in the background (services.connection_health); the editor
    keeps what was typed and the same save succeeds once the connection is back.
    """


def lost_message() -> str:
    return translate(
        "services",
        "与数据库服务器的连接已断开，操作未完成。您输入的内容已保留，连接恢复后请再试一次。",
    )
