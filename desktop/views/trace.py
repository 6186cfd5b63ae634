"""Leave a trace: log files, a crash trace, uncaught exceptions and Qt's own warnings.

After qutebrowser's ``misc/crashsignal.py`` and Anki's ``qt/aqt/errors.py``. Without this an
error a user saw once is gone when the box closes, and a segmentation fault leaves nothing at
all. :func:`install` (called once by the GUI start-up) sends:

- ``logging`` records to ``logs/reception.log`` in the data folder (rotating, a few MB kept);
- a hard crash's Python stacks to ``logs/crash.log`` (``faulthandler``);
- every exception that escapes a slot to the log *and* to an error box with its traceback;
- Qt's warnings (``qWarning``, failed connections…) to the log.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from typing import IO

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from desktop import paths

log = logging.getLogger("reception")

LOG_FILE = "reception.log"
CRASH_FILE = "crash.log"
_MAX_BYTES = 2_000_000
_BACKUPS = 3

_crash_file: IO[str] | None = None  # kept open for faulthandler for the life of the process
_handler: logging.Handler | None = None


def log_path() -> Path:
    return paths.logs_dir() / LOG_FILE


def crash_path() -> Path:
    return paths.logs_dir() / CRASH_FILE


def setup_logging(level: int = logging.INFO) -> Path:
    """Rotating log file in the data folder; returns its path. Safe to call more than once."""
    global _handler
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    path = log_path()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(name)s] %(threadName)s: %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(level)
    _handler = handler
    return path


def stop_logging() -> None:
    """Close the log file (tests; the program keeps it until it exits)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def enable_faulthandler() -> Path:
    """Python stacks of every thread go to crash.log on SIGSEGV/SIGABRT (a print preview did)."""
    global _crash_file
    path = crash_path()
    if path.exists() and path.stat().st_size > _MAX_BYTES:
        path.replace(path.with_suffix(".log.1"))
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - must stay open
    faulthandler.enable(_crash_file, all_threads=True)
    return path


def disable_faulthandler() -> None:
    """Crash stacks back to stderr and crash.log closed (logging out of a test, or a reset)."""
    global _crash_file
    faulthandler.enable(sys.__stderr__, all_threads=True)
    if _crash_file is not None:
        _crash_file.close()
        _crash_file = None


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def excepthook(kind: type[BaseException], exc: BaseException, tb) -> None:
    """An exception escaping a slot: logged with its traceback, and shown (a locked database…)."""
    from desktop.views import prompts

    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    log.error("uncaught exception", exc_info=(kind, exc, tb))
    if os.environ.get("RECEPTION_DEBUG"):
        sys.__excepthook__(kind, exc, tb)
    if issubclass(kind, KeyboardInterrupt):
        return
    try:
        prompts.show_error(None, exc)
    except Exception:  # noqa: BLE001 - an error box that fails must not recurse
        log.exception("could not show the error box")


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_handler(mode: QtMsgType, context, message: str) -> None:
    where = ""
    if context is not None and getattr(context, "file", None):
        where = f" ({context.file}:{context.line})"
    logging.getLogger("qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


def install() -> Path:
    """Everything above, for the GUI; returns the log file's path."""
    path = setup_logging()
    try:
        enable_faulthandler()
    except OSError:
        log.exception("no crash log")
    sys.excepthook = excepthook
    qInstallMessageHandler(qt_message_handler)
    log.info("started; data folder %s", paths.data_dir())
    return path
