"""Base model bound to the database proxy that :mod:`desktop.db` initialises."""

from __future__ import annotations

import peewee

from desktop.db import database


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False
