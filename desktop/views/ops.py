"""Run work off the UI thread and hand the result back by signal.

After Anki's ``QueryOp`` and Picard's ``run_task``: ``run(parent, fn, on_done)`` runs ``fn`` in
Qt's thread pool; results and errors come back to the UI thread through a queued signal, so no
worker ever touches a widget. A progress dialog with Cancel appears only if the work takes
longer than half a second. ``fn`` receives a :class:`Progress` it may report to and poll for
cancellation.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.db import database


class Cancelled(Exception):
    """Raised inside a worker when the user pressed Cancel."""


class Progress:
    """Thread-safe progress reporting and cancellation flag for one operation."""

    def __init__(self, emitter: _Emitter):
        self._emitter = emitter
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._emitter.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Emitter(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], emitter: _Emitter, progress: Progress):
        super().__init__()
        self.fn, self.emitter, self.progress = fn, emitter, progress

    def run(self) -> None:  # runs in a pool thread
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
            self.emitter.failed.emit(exc)
        else:
            self.emitter.finished.emit(result)
        finally:
            obj = database.obj
            if obj is not None and not obj.is_closed():
                obj.close()  # the pool thread's own connection


_running: set[_Emitter] = set()


def run(
    parent: QWidget | None,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    label: str | None = None,
    progress_dialog: bool = True,
) -> Progress:
    """Run ``fn(progress)`` in the background; call ``on_done(result)`` on the UI thread."""
    emitter = _Emitter()
    progress = Progress(emitter)
    dialog: QProgressDialog | None = None
    if progress_dialog and parent is not None:
        dialog = QProgressDialog(
            label or QCoreApplication.translate("ops", "正在处理…"),
            QCoreApplication.translate("ops", "取消"),
            0,
            0,
            parent,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(progress.cancel)

        def on_progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            if text:
                dialog.setLabelText(text)

        emitter.progress.connect(on_progress)

    def finish() -> None:
        _running.discard(emitter)
        if dialog is not None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        if parent is not None and not shiboken6.isValid(parent):
            return  # the window that asked is gone; nobody wants the answer
        on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if isinstance(exc, Cancelled) or (parent is not None and not shiboken6.isValid(parent)):
            return
        if on_error is not None:
            on_error(exc)
        else:
            from desktop.views import prompts

            prompts.show_error(parent, exc)

    emitter.finished.connect(done, Qt.ConnectionType.QueuedConnection)
    emitter.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    _running.add(emitter)
    QThreadPool.globalInstance().start(_Task(fn, emitter, progress))
    return progress


def busy() -> bool:
    """True while any background operation is running (tests wait on this)."""
    return bool(_running)
