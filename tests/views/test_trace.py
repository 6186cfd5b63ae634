"""Errors leave a trace: a log file in the data folder, and an error box with the traceback."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QtMsgType

from desktop import paths
from desktop.services.errors import ServiceError
from desktop.views import prompts, trace


@pytest.fixture
def log_file(data_dir):
    path = trace.setup_logging()
    yield path
    trace.stop_logging()


def _raise_inside() -> None:
    def deep() -> None:
        raise RuntimeError("boom in a slot")

    deep()


def test_unexpected_error_box_has_the_traceback_in_its_details(scripted, log_file):
    try:
        _raise_inside()
    except RuntimeError as exc:
        prompts.show_error(None, exc)
    kind, title, text = scripted.shown[-1]
    assert kind == "error" and "boom in a slot" in text
    details = scripted.details[-1]
    assert details.startswith("Traceback") and "in deep" in details and "RuntimeError: boom" in details


def test_a_service_error_is_a_plain_sentence(scripted):
    prompts.show_error(None, ServiceError("这份申请已被撤回。"))
    assert scripted.shown[-1] == ("warn", "无法完成", "这份申请已被撤回。")
    assert scripted.details == []


def test_uncaught_exceptions_and_qt_warnings_go_to_the_log_file(scripted, log_file):
    assert log_file.parent == paths.logs_dir() and log_file.parent.parent == paths.data_dir()
    try:
        _raise_inside()
    except RuntimeError:
        trace.excepthook(*sys.exc_info())
    trace.qt_message_handler(QtMsgType.QtWarningMsg, None, "QObject::connect: no such signal")
    logging.getLogger().handlers[-1].flush()
    text = log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in text and "RuntimeError: boom in a slot" in text and "in deep" in text
    assert "QObject::connect: no such signal" in text
    assert scripted.shown[-1][0] == "error"  # and the user saw it


def test_a_hard_crash_has_somewhere_to_write(data_dir):
    import faulthandler

    try:
        path = trace.enable_faulthandler()
        assert faulthandler.is_enabled() and path == paths.logs_dir() / "crash.log" and path.exists()
    finally:
        trace.disable_faulthandler()
