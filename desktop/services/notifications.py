"""In-app notifications (the bell in the main window): for employees (a visitor arrived) and for
users (an application waits, was decided, was copied to them). Each one is also queued for the
channels outside the program (:mod:`desktop.services.outbox`) in the same transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop import clock
from desktop.db import database
from desktop.models import Notification, User
from desktop.services import outbox
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
    application_id: int | None = None


def notify_employee(
    employee_id: int,
    title: str,
    body: str = "",
    *,
    kind: str = "visitor_arrived",
    visit_id: int | None = None,
) -> int:
    row = Notification.create(employee=employee_id, kind=kind, title=title, body=body, visit=visit_id)
    if kind in outbox.EVENTS:
        users = [u.id for u in User.select(User.id).where(User.employee == employee_id, User.active == True)]  # noqa: E712
        outbox.queue(kind, users, title, body)
    return row.id


def notify_users(
    user_ids: list[int] | set[int],
    title: str,
    body: str = "",
    *,
    event: str,
    application_id: int | None = None,
) -> None:
    """Tell these users (in the program and on the configured channels). Call inside the
    action's transaction, so the notice exists exactly when the action does."""
    ids = sorted(set(user_ids))
    for user_id in ids:
        Notification.create(
            user=user_id,
            kind=event,
            title=title[:200],
            body=body,
            application_id=application_id,
            created_at=clock.now(),
        )
    outbox.queue(event, ids, title, body)


def _mine(actor: Actor):
    if actor.employee_id is None and not actor.user_id:
        return Notification.select().where(Notification.id == -1)
    mine = Notification.user == actor.user_id
    if actor.employee_id is not None:
        mine = mine | (Notification.employee == actor.employee_id)
    return Notification.select().where(mine)


def unread_count(actor: Actor) -> int:
    return _mine(actor).where(Notification.read_at.is_null()).count()


def recent(actor: Actor, limit: int = 50) -> list[NotificationInfo]:
    rows = _mine(actor).order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)
    return [
        NotificationInfo(
            r.id, r.kind, r.title, r.body, r.visit_id, r.created_at, r.read_at is not None, r.application_id
        )
        for r in rows
    ]


def mark_read(actor: Actor, ids: list[int] | None = None) -> int:
    """Mark the given notifications (or all of the actor's) read; others' are never touched."""
    if actor.employee_id is None and not actor.user_id:
        return 0
    mine = Notification.user == actor.user_id
    if actor.employee_id is not None:
        mine = mine | (Notification.employee == actor.employee_id)
    query = Notification.update(read_at=clock.now()).where(mine, Notification.read_at.is_null())
    if ids is not None:
        query = query.where(Notification.id.in_(ids))
    with database.atomic():
        return query.execute()
