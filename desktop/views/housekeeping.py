"""Work the program does by itself: the daily backup of an SQLite database and the retention run
for visitors' personal data, at start-up and once a day while it stays open (issue 12).

Neither may hold up the window: the backup reads the database on a pool thread and writes only
files there; its outcome (time of the last good one, or the error) is stored on the one writer
thread, and so is the retention run. A failure is logged and shown in 设置 → 备份与数据保留; it is
never a message box at start-up.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, QTimer

from desktop import clock
from desktop.services import backup, retention
from desktop.views import changes, ops

log = logging.getLogger("reception")


class Housekeeping(QObject):
    #: How often to look whether the day changed (the work itself runs once a day).
    INTERVAL_MS = 30 * 60 * 1000

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.retention_day: dt.date | None = None
        self.backing_up = False
        self.cleaning = False

    def start(self) -> None:
        self.tick()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        self.daily_backup()
        if self.retention_day != clock.today():
            self.run_retention()

    # ------------------------------------------------------------------ the daily backup

    def daily_backup(self) -> None:
        if self.backing_up:
            return
        self.backing_up = True

        def work(_progress) -> backup.DailyOutcome | None:
            return backup.write_daily() if backup.daily_due() else None

        def written(outcome: backup.DailyOutcome | None) -> None:
            if outcome is None:
                self.backing_up = False
                return
            if outcome.error:
                log.warning("daily backup failed: %s", outcome.error)
            ops.run(
                None,
                lambda _p: backup.record_daily(outcome),
                lambda _r: self._backup_done(),
                self._backup_failed,
                progress_dialog=False,
                write=True,
                changes=(changes.SETTINGS,),
            )

        ops.run(None, work, written, self._backup_failed, progress_dialog=False)

    def _backup_done(self) -> None:
        self.backing_up = False

    def _backup_failed(self, exc: BaseException) -> None:
        self.backing_up = False
        log.warning("daily backup failed: %s", exc)

    # ------------------------------------------------------------------ retention

    def run_retention(self) -> None:
        if self.cleaning:
            return
        self.cleaning = True
        day = clock.today()

        def done(result: retention.RetentionResult) -> None:
            self.cleaning = False
            self.retention_day = day
            if result.visits or result.visitors or result.notifications:
                log.info(
                    "retention: %s visits, %s visitors, %s notifications erased (before %s)",
                    result.visits,
                    result.visitors,
                    result.notifications,
                    result.cutoff,
                )
                changes.announce(changes.VISITS, changes.NOTIFICATIONS)

        def failed(exc: BaseException) -> None:
            self.cleaning = False
            log.warning("retention run failed: %s", exc)

        ops.run(None, lambda _p: retention.run_automatic(), done, failed, progress_dialog=False, write=True)


_keeper: Housekeeping | None = None  # lives as long as the program (a local would die at once)


def start() -> Housekeeping:
    global _keeper
    if _keeper is None:
        _keeper = Housekeeping()
    _keeper.start()
    return _keeper


def stop() -> None:
    if _keeper is not None:
        _keeper.stop()
