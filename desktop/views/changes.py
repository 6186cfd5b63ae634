"""What changed: one announcement after each write, and views that refresh when shown.

After Anki's ``operation_did_execute``: a write (through :func:`desktop.views.ops.run` with
``changes=…``, or by calling :func:`announce` after a synchronous save) says which kinds of
record it changed. A view subscribes once with :func:`watch`; while it is visible it refreshes at
once, while hidden it only marks itself stale and refreshes the next time it is shown. This
replaces looking for signals by ``hasattr`` and refreshing hidden views from a timer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

# The kinds of record a write can change. Strings, so services and tests can name them freely.
VISITS = "visits"
APPLICATIONS = "applications"
APPROVALS = "approvals"
ARRANGEMENTS = "arrangements"
FEEDBACK = "feedback"
EXPENSES = "expenses"
IMPORTS = "imports"
RECONCILIATION = "reconciliation"
SETTINGS = "settings"
NOTIFICATIONS = "notifications"
USERS = "users"
#: Not a kind of record and not in ALL: another process restored the whole database from a
#: backup (services.change_feed.RESTORED); the main window tells its user and logs out.
RESTORED = "restored"
ALL = frozenset(
    {
        VISITS,
        APPLICATIONS,
        APPROVALS,
        ARRANGEMENTS,
        FEEDBACK,
        EXPENSES,
        IMPORTS,
        RECONCILIATION,
        SETTINGS,
        NOTIFICATIONS,
        USERS,
    }
)


class ChangeBus(QObject):
    """``changed(kinds, initiator)``: kinds is a frozenset of the names above."""

    changed = Signal(object, object)


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    global _bus
    if _bus is None or not shiboken6.isValid(_bus):
        _bus = ChangeBus()
    return _bus


#: The initiator of announcements that came from another process (views/remote_changes.py).
REMOTE = "remote"


def announce(*kinds: str, initiator: object | None = None, publish: bool = True) -> None:
    """Tell every subscribed view that records of ``kinds`` changed (call on the UI thread).

    ``publish``: tell the other processes on the database too (services.change_feed), from the
    writer thread; False when they were told already (ops.run) or the news came from them.
    """
    if kinds:
        bus().changed.emit(frozenset(kinds), initiator)
        if publish:
            _publish(frozenset(kinds))


def _publish(kinds: frozenset[str]) -> None:
    """A write saved on the UI thread: its change event goes out from the writer thread."""
    from desktop.services import change_feed
    from desktop.views import ops

    if not change_feed.can_publish():
        return
    ops.run(
        None,
        lambda _p: change_feed.publish_quietly(kinds),
        lambda _r: None,
        lambda _e: None,
        progress_dialog=False,
        write=True,
    )


class _Watcher(QObject):
    """Refreshes its widget now if visible, or on its next Show event if not."""

    def __init__(self, widget: QWidget, kinds: frozenset[str], refresh: Callable[[], None], skip_own: bool):
        super().__init__(widget)  # dies with the widget
        self.widget, self.kinds, self.refresh, self.skip_own = widget, kinds, refresh, skip_own
        self.stale = False
        widget.installEventFilter(self)
        bus().changed.connect(self._on_changed)

    def _on_changed(self, kinds: frozenset[str], initiator: object) -> None:
        if not shiboken6.isValid(self.widget) or not (kinds & self.kinds):
            return
        if self.skip_own and initiator is self.widget:
            return
        if self.widget.isVisible():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()
        return False


def watch(
    widget: QWidget, kinds: Iterable[str], refresh: Callable[[], None], *, skip_own: bool = False
) -> QObject:
    """Call ``refresh`` when records of ``kinds`` change (now if shown, else when next shown).

    ``skip_own``: ignore announcements whose initiator is ``widget`` itself (it already updated).
    """
    return _Watcher(widget, frozenset(kinds), refresh, skip_own)
