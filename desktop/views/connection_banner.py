"""The banner "与数据库服务器的连接已断开，正在重试…" and the retries behind it.

When the PostgreSQL server goes away (restarted, network down), services.connection_health
tells its listeners — from whichever thread noticed: a save, a list, the change listener.
:class:`ConnectionMonitor` (one per process) then tries a new connection in the background,
after 1, 2, 4 … 30 seconds, or at once when 立即重试 is pressed; each try is shown with its
time. When the server answers, this thread's dead connection is dropped (its next call opens a
new one), the banner goes, and every view refreshes once for what it missed. Editors are not
touched: what was typed stays, and 保存 succeeds now that the server is back.

SQLite has no server to lose: a locked file is still 数据库忙, and the banner never shows.
"""

from __future__ import annotations

import datetime as dt
import threading

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from desktop import clock
from desktop.services import connection_health
from desktop.views import changes


class ConnectionMonitor(QObject):
    """Down or up, the time of the last try, and the retries with back-off."""

    lost = Signal()
    restored = Signal()
    tried = Signal(object)  # the datetime of the try that just failed
    _heard = Signal(str)
    _probed = Signal(bool)

    DELAYS_MS = (1_000, 2_000, 4_000, 8_000, 15_000, 30_000)

    def __init__(self, url_source, parent: QObject | None = None):
        """``url_source()`` returns the URL to probe (the database open now)."""
        super().__init__(parent)
        self.url_source = url_source
        self.down = False
        self.last_try: dt.datetime | None = None
        self._attempt = 0
        self._probing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.retry_now)
        self._heard.connect(self._on_heard, Qt.ConnectionType.QueuedConnection)
        self._probed.connect(self._on_probed, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = connection_health.subscribe(self._listen)

    def _listen(self, event: str, _exc: BaseException | None) -> None:
        """Any thread: hand the news to the UI thread."""
        if shiboken6.isValid(self):
            self._heard.emit(event)

    def close(self) -> None:
        self._unsubscribe()
        self._timer.stop()

    def _on_heard(self, event: str) -> None:
        if event == connection_health.LOST and not self.down:
            self.down = True
            self._attempt = 0
            self.lost.emit()
            self._schedule()
        elif event == connection_health.RESTORED and self.down:
            self._back()

    def _schedule(self) -> None:
        delay = self.DELAYS_MS[min(self._attempt, len(self.DELAYS_MS) - 1)]
        self._attempt += 1
        self._timer.start(delay)

    def retry_now(self) -> None:
        """Try a new connection now, off the UI thread (a dead server may take seconds)."""
        if self._probing or not self.down:
            return
        self._probing = True
        self._timer.stop()
        url = self.url_source()

        def probe() -> None:
            ok = bool(url) and connection_health.probe(url)
            if shiboken6.isValid(self):
                self._probed.emit(ok)

        threading.Thread(target=probe, name="connection-probe", daemon=True).start()

    def _on_probed(self, ok: bool) -> None:
        self._probing = False
        self.last_try = clock.now()
        if not self.down:
            return
        if ok:
            self._back()
        else:
            self.tried.emit(self.last_try)
            self._schedule()

    def _back(self) -> None:
        self.down = False
        self._timer.stop()
        connection_health.drop_this_thread()  # the UI thread's connection died with the server
        self.restored.emit()
        # Whatever the other PCs saved meanwhile was not heard: every view refreshes once.
        changes.announce(*sorted(changes.ALL), initiator=changes.REMOTE, publish=False)


_monitor: ConnectionMonitor | None = None


def monitor() -> ConnectionMonitor:
    """The process's monitor (made on first use, on the UI thread)."""
    global _monitor
    if _monitor is None or not shiboken6.isValid(_monitor):
        from desktop import db

        _monitor = ConnectionMonitor(lambda: db.current_info().url if db.current_info() else "")
    return _monitor


class ConnectionBanner(QFrame):
    """Shown across the main window while the connection is lost; 立即重试 tries at once."""

    def __init__(self, source: ConnectionMonitor | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setStyleSheet(
            "#connectionBanner { background: #fdecea; border-bottom: 1px solid #e0a9a3; }"
            " #connectionBanner QLabel { color: #8a1f11; }"
        )
        self.monitor = source or monitor()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text.setMinimumWidth(0)
        self.retry_button = QPushButton(self.tr("立即重试"))
        self.retry_button.setObjectName("retryConnection")
        self.retry_button.clicked.connect(self.retry)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry_button)
        self.monitor.lost.connect(self._show_lost)
        self.monitor.tried.connect(self._show_lost)
        self.monitor.restored.connect(self.hide)
        self._show_lost() if self.monitor.down else self.hide()

    def retry(self) -> None:
        self.text.setText(self.tr("与数据库服务器的连接已断开，正在重试…（正在连接）"))
        self.monitor.retry_now()

    def _show_lost(self, *_args) -> None:
        last = self.monitor.last_try
        if last is None:
            self.text.setText(self.tr("与数据库服务器的连接已断开，正在重试…"))
        else:
            self.text.setText(
                self.tr("与数据库服务器的连接已断开，正在重试…（上次尝试 {time}）").format(
                    time=f"{last:%H:%M:%S}"
                )
            )
        self.show()
