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
