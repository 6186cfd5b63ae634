"""Base model bound to the database proxy that :mod:`desktop.db` initialises."""

from __future__ import annotations

import peewee

from desktop.db import database


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


class VersionedModel(BaseModel):
    """A record people edit from a copy they read earlier (migration 0010).

    ``version`` goes up by one on every save; a save states the version its copy was read at and
    is refused when the row moved on (services.versioning), instead of silently reverting the
    other person's edit. ``updated_by_id`` is a plain integer here (the column references
    ``user`` in the database) because this base is shared by models defined before ``User``.
    """

    version = peewee.IntegerField(default=1)
    updated_by_id = peewee.IntegerField(null=True, column_name="updated_by_id")
    updated_at = peewee.DateTimeField(null=True)
