"""No lost updates: a save from a stale copy is refused instead of reverting someone's edit.

Two people open the same record; the first saves; the second still holds the copy read before
and, without this, would silently write the old values back (issue 10 saw a deactivated account
re-activated that way). Every editable record carries ``version`` (migration 0010). A detail a
service returns carries the version it was read at; the save hands it back here, and the UPDATE
itself compares and increments::

    UPDATE t SET version = version + 1, updated_by_id = ?, updated_at = ? WHERE id = ? AND version = ?

No row matched → :class:`StaleRecord` naming who changed it and when, and the caller's
transaction writes nothing. The compare sits in the UPDATE's WHERE, so two processes (two desks,
desk and CLI, SQLite or PostgreSQL) cannot both pass it: the second UPDATE waits for the first's
row (or file) lock and then finds the version moved on.

``expected=None`` means "no copy was read" (a status change made inside one transaction, the
CLI): the row is still bumped, so any editor holding it sees it moved on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import peewee

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import User
from desktop.models.base import VersionedModel
from desktop.services.errors import NotFound, StaleRecord


def _actor_id(actor: Any) -> int | None:
    return getattr(actor, "user_id", None) if actor is not None else None


def claim(row: VersionedModel, expected: int | None, actor: Any) -> int:
    """Compare-and-increment ``row``'s version before the caller writes its changes.

    Call it after loading ``row`` (and checking permissions) and *before* setting any field on
    it: on success the row is locked until the transaction ends and ``row`` is refreshed from
    the database (new version, ``updated_by``/``updated_at``), so a later ``row.save()`` writes
    the new version, never the old one. Returns the new version.
    """
    model = type(row)
    pk = model._meta.primary_key
    key = row.get_id()
    query = model.update(
        {
            model.version: model.version + 1,
            model.updated_by_id: _actor_id(actor),
            model.updated_at: clock.now(),
        }
    ).where(pk == key)
    if expected is not None:
        query = query.where(model.version == expected)
    if query.execute() == 0:
        raise stale_error(model, key)
    fresh = model.get(pk == key)
    row.__data__.update(fresh.__data__)
    row._dirty.clear()
    return fresh.version


def touch(model: type[VersionedModel], where: peewee.Expression, actor: Any) -> int:
    """Bump every row matching ``where`` without a compare (a write not made from a read copy,
    e.g. a status change): editors holding one of those rows then see it moved on."""
    return (
        model.update(
            {
                model.version: model.version + 1,
                model.updated_by_id: _actor_id(actor),
                model.updated_at: clock.now(),
            }
        )
        .where(where)
        .execute()
    )


def set_version(model: type[VersionedModel], where: peewee.Expression) -> int:
    """The version of a set of rows saved together (a budget year, the approval chain): the
    highest of their versions, 0 for an empty set. Every save of the set raises it."""
    value = model.select(peewee.fn.MAX(model.version)).where(where).scalar()
    return int(value or 0)


def claim_set(model: type[VersionedModel], where: peewee.Expression, expected: int | None, actor: Any) -> int:
    """Compare-and-increment for a set of rows saved as one (see :func:`set_version`).

    The rows are locked first (``FOR UPDATE`` on PostgreSQL; SQLite's write transaction is
    already ``IMMEDIATE``), then their version compared; on success every row of the set gets
    the new version. Rows the caller inserts afterwards should be created with the returned
    version. Returns the new set version.
    """
    rows = model.select(model._meta.primary_key, model.version).where(where)
    if database.obj is not None and database.obj.for_update:
        rows = rows.for_update()
    rows = list(rows)
    current = max((r.version for r in rows), default=0)
    if expected is not None and current != expected:
        latest = max(rows, key=lambda r: r.version, default=None)
        if latest is None:
            raise StaleRecord(_message(None, None))
        raise stale_error(model, latest.get_id())
    new = current + 1
    if rows:
        model.update(
            {model.version: new, model.updated_by_id: _actor_id(actor), model.updated_at: clock.now()}
        ).where(where).execute()
    return new


def stale_error(model: type[VersionedModel], key: Any) -> Exception:
    """The refusal for a save whose copy of ``model``/``key`` is out of date."""
    row = model.get_or_none(model._meta.primary_key == key)
    if row is None:
        return NotFound(translate("services", "这条记录已被删除，请关闭后重新打开。"))
    who = User.get_or_none(User.id == row.updated_by_id) if row.updated_by_id else None
    name = (who.display_name or who.username) if who is not None else None
    return StaleRecord(_message(name, row.updated_at))


def _message(name: str | None, at: dt.datetime | None) -> str:
    when = at.strftime("%m-%d %H:%M") if at is not None else None
    if name and when:
        text = translate("services", "这条记录已被 {name} 于 {when} 修改，请重新打开后再改。")
    elif name:
        text = translate("services", "这条记录已被 {name} 修改，请重新打开后再改。")
    elif when:
        text = translate("services", "这条记录已于 {when} 被他人修改，请重新打开后再改。")
    else:
        text = translate("services", "这条记录已被他人修改，请重新打开后再改。")
    return text.format(name=name, when=when)
