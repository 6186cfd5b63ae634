"""Run work off the UI thread and hand the result back by signal.

After Anki's ``QueryOp`` and Picard's ``run_task``: ``run(parent, fn, on_done)`` runs ``fn`` in
Qt's thread pool; results and errors come back to the UI thread through a queued signal, so no
worker ever touches a widget. A progress dialog with Cancel appears only if the work takes
longer than half a second. ``fn`` receives a :class:`Progress` it may report to and poll for
cancellation.

Writes (``write=True``) go through one single-thread pool, so two writes of this process never
overlap and a write that waits on another PC's lock never freezes the window; ``changes=`` names
the kinds of record a successful operation changed, announced on :mod:`desktop.views.changes`
before ``on_done`` runs. :func:`wait_all` lets quitting wait for work in flight.
"""

from __future__ import annotations

import gc
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
    def __init__(
        self, fn: Callable[[Progress], Any], emitter: _Emitter, progress: Progress, released: threading.Event
    ):
        super().__init__()
        self.fn, self.emitter, self.progress, self.released = fn, emitter, progress, released

    def run(self) -> None:  # runs in a pool thread
        """Let go of every reference before the result is announced, then say so.

        An object freed on this thread takes its Qt connections down here: freeing ``progress``
        (connected to the dialog's Cancel) disconnects under Qt's connection lock and then waits
        for the GIL, while the UI thread, holding the GIL, closes the dialog and waits for that
        lock — a deadlock. So the UI thread keeps ``fn``, ``progress`` and the emitter until
        ``released`` is set, and frees them itself.
        """
        fn, emitter, progress, released = self.fn, self.emitter, self.progress, self.released
        self.fn = self.emitter = self.progress = self.released = None
        try:
            result = fn(progress)
            signal = emitter.finished
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
            result = exc
            signal = emitter.failed
        finally:
            obj = database.obj
            if obj is not None and not obj.is_closed():
                try:
                    obj.close()  # the pool thread's own connection
                except Exception:  # noqa: BLE001 - a connection the server dropped: forget it
                    obj.dispose()
        del fn, progress, emitter
        signal.emit(result)
        del signal, result
        released.set()


_running: dict[_Emitter, tuple[Any, ...]] = {}
_gc_was_enabled = True


def _hold_gc() -> None:
    """Python's cyclic collector runs on whichever thread happens to allocate. If it runs on a
    pool thread it may destroy a QObject (a closed window still in a reference cycle) on the
    wrong thread, which crashes. So while any operation is in flight it is off; it is switched
    back on, on the UI thread, when the last one has delivered its result."""
    global _gc_was_enabled
    if not _running:
        _gc_was_enabled = gc.isenabled()
        gc.disable()


def _release_gc() -> None:
    if not _running and _gc_was_enabled:
        gc.enable()


def run(
    parent: QWidget | None,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    label: str | None = None,
    progress_dialog: bool = True,
    write: bool = False,
    changes: tuple[str, ...] | frozenset[str] = (),
) -> Progress:
    """Run ``fn(progress)`` in the background; call ``on_done(result)`` on the UI thread.

    ``write``: run on the one database-writer thread (writes never overlap). ``changes``: kinds
    of record to announce (:func:`desktop.views.changes.announce`) when ``fn`` succeeded.
    """
    if write and changes:
        fn = _publishing(fn, frozenset(changes))
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
        # The worker drops its references right after emitting; wait for that (microseconds) so
        # that what it used is freed here, on the UI thread.
        released.wait(5)
        _running.pop(emitter, None)
        _release_gc()
        # The emitter and the closures connected to it form a reference cycle; Python's
        # collector may run on any thread, and a QObject must die on its own thread. Deleting
        # it here, on the UI thread, leaves the collector only an empty wrapper.
        emitter.deleteLater()
        if dialog is not None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        if changes:
            from desktop.views import changes as change_bus

            # a write told the other processes itself (_publishing); anything else asks here
            change_bus.announce(*changes, initiator=parent, publish=not write)
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
    released = threading.Event()
    _hold_gc()
    _running[emitter] = (fn, progress)
    pool = _writer_pool() if write else QThreadPool.globalInstance()
    pool.start(_Task(fn, emitter, progress, released))
    return progress


def _publishing(fn: Callable[[Progress], Any], kinds: frozenset[str]) -> Callable[[Progress], Any]:
    """``fn``, then the change event for the other PCs, on the writer thread right after the
    write committed (services.change_feed); a failure to tell them never fails the write."""

    def work(progress: Progress) -> Any:
        result = fn(progress)
        from desktop.services import change_feed

        change_feed.publish_quietly(kinds)
        return result

    return work


_writer: QThreadPool | None = None


def _writer_pool() -> QThreadPool:
    """One thread for every write of this process (Anki's single collection thread)."""
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        _writer.setMaxThreadCount(1)
    return _writer


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Wait for running operations to finish and deliver their results (quitting calls this)."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    while _running and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return not _running


def busy() -> bool:
    """True while any background operation is running (tests wait on this)."""
    return bool(_running)
