"""Work the program does by itself: the daily backup of an SQLite database and the retention run
for visitors' personal data, at start-up and once a day while it stays open (issue 12).

Neither may hold up the window: the backup reads the database on a pool thread and writes only
files there; its outcome (time of the last good one, or the error) is stored on the one writer
thread. The retention run looks for due data on a pool thread too and asks the writer thread
only for the short steps that erase rows (none, on most days). A failure is logged and shown in 设置 → 备份与数据保留; it is
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
        self.last_result: retention.RetentionResult | None = None

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
        """Look for due personal data on a pool thread (reading only); take the writer thread
        only for the steps that change rows, one short write each, so a save queued meanwhile
        runs between two steps instead of after the whole run. The usual day: nothing is due,
        and the writer is never asked."""
        if self.cleaning:
            return
        self.cleaning = True
        day = clock.today()

        def failed(exc: BaseException) -> None:
            self.cleaning = False
            log.warning("retention run failed: %s", exc)

        def surveyed(found: retention.Survey) -> None:
            erased = {"visit": 0, "visitor": 0, "notification": 0}
            steps = list(found.steps)
            gap = retention.gap_between_steps()

            def next_step(changed: int | None = None, step: retention.Step | None = None) -> None:
                if step is not None:
                    erased[step.kind] += changed or 0
                if steps:
                    following = steps.pop(0)
                    # after a step, the gap in which another PC's save takes the SQLite file
                    delay = 0 if step is None else int(gap * 1000)
                    QTimer.singleShot(delay, self, lambda: ops.run(
                        None,
                        lambda _p: retention.erase(found, following),
                        lambda n: next_step(n, following),
                        failed,
                        progress_dialog=False,
                        write=True,
                    ))  # fmt: skip
                else:
                    finished(found.result(
                        dry_run=False, visits=erased["visit"], visitors=erased["visitor"],
                        notifications=erased["notification"],
                    ))  # fmt: skip

            next_step()

        def finished(result: retention.RetentionResult) -> None:
            self.cleaning = False
            self.retention_day = day
            self.last_result = result
            if result.visits or result.visitors or result.notifications:
                log.info(
                    "retention: %s visits, %s visitors, %s notifications erased (before %s)",
                    result.visits,
                    result.visitors,
                    result.notifications,
                    result.cutoff,
                )
                changes.announce(changes.VISITS, changes.NOTIFICATIONS)

        ops.run(None, lambda _p: retention.survey(day), surveyed, failed, progress_dialog=False)


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
