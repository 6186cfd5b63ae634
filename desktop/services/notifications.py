"""In-app notifications for employees (the bell in the main window)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop import clock
from desktop.db import database
from desktop.models import Notification
from desktop.services.auth import Actor


@dataclass(frozen=True)
class NotificationInfo:
    id: int
    kind: str
    title: str
    body: str
    visit_id: int | None
    created_at: dt.datetime
    read: bool


def notify_employee(
    employee_id: int,
    title: str,
    body: str = "",
    *,
    kind: str = "visitor_arrived",
    visit_id: int | None = None,
) -> int:
    row = Notification.create(employee=employee_id, kind=kind, title=title, body=body, visit=visit_id)
    return row.id


def _mine(actor: Actor):
    if actor.employee_id is None:
        return Notification.select().where(Notification.id == -1)
    return Notification.select().where(Notification.employee == actor.employee_id)


def unread_count(actor: Actor) -> int:
    return _mine(actor).where(Notification.read_at.is_null()).count()


def recent(actor: Actor, limit: int = 50) -> list[NotificationInfo]:
    rows = _mine(actor).order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)
    return [
        NotificationInfo(r.id, r.kind, r.title, r.body, r.visit_id, r.created_at, r.read_at is not None)
        for r in rows
    ]


def mark_read(actor: Actor, ids: list[int] | None = None) -> int:
    """Mark the given notifications (or all of the actor's) read; others' are never touched."""
    if actor.employee_id is None:
        return 0
    query = Notification.update(read_at=clock.now()).where(
        Notification.employee == actor.employee_id, Notification.read_at.is_null()
    )
    if ids is not None:
        query = query.where(Notification.id.in_(ids))
    with database.atomic():
        return query.execute()
