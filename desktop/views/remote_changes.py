"""Other PCs' changes on this PC's screens: the Qt end of services.change_feed.

The feed hears other processes' change events on a thread of its own; this bridge hands each
batch to the UI thread by a queued signal and announces it on :mod:`desktop.views.changes`
with the initiator :data:`changes.REMOTE` — so a check-in at the desk refreshes the host's bell
and another desk's on-site list within a second or two, exactly as a check-in made here would.
Views decide what a refresh does: lists reload, while an editor holding typed work is never
reloaded under the user (the version check decides when it is saved).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from desktop.services import change_feed
from desktop.views import changes


class RemoteChanges(QObject):
    """One per process, for the database at ``url``; :meth:`stop` before the database closes."""

    arrived = Signal(object)

    def __init__(self, url: str, *, interval: float = 1.0, parent: QObject | None = None):
        super().__init__(parent)
        self.arrived.connect(self._announce, Qt.ConnectionType.QueuedConnection)
        self.feed = change_feed.ChangeFeed(url, self.arrived.emit, interval=interval)

    def start(self) -> RemoteChanges:
        self.feed.start()
        return self

    def stop(self) -> None:
        self.feed.stop()

    def _announce(self, kinds: frozenset[str]) -> None:
        if change_feed.EVERYTHING in kinds:
            # changes may have been missed: every view refreshes once (a restore in the same
            # batch still counts)
            kinds = changes.ALL | (kinds - {change_feed.EVERYTHING})
        changes.announce(*sorted(kinds), initiator=changes.REMOTE, publish=False)


_current: RemoteChanges | None = None


def start(url: str, *, interval: float = 1.0) -> RemoteChanges:
    """Start hearing other processes' changes (stops a feed started before)."""
    global _current
    stop()
    _current = RemoteChanges(url, interval=interval).start()
    return _current


def stop() -> None:
    global _current
    if _current is not None:
        _current.stop()
        _current.deleteLater()
        _current = None
