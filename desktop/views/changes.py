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


def announce(*kinds: str, initiator: object | None = None) -> None:
    """Tell every subscribed view that records of ``kinds`` changed (call on the UI thread)."""
    if kinds:
        bus().changed.emit(frozenset(kinds), initiator)


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
