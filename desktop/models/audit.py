"""The audit trail (审计, issue 12): who changed what, when, old → new.

Entries are only ever appended. Each carries the hash of the entry before it, so editing or
deleting a row in the database breaks the chain at that row and ``verify-audit`` can say where.
``user_name`` is written out because the account may be deleted later and the trail must still
say who it was; failed logins have no user at all.
"""

from __future__ import annotations

import peewee as pw

from desktop import clock
from desktop.models.base import BaseModel
from desktop.models.users import User


class AuditEntry(BaseModel):
    at = pw.DateTimeField(default=clock.now, index=True)
    user = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    user_name = pw.CharField(max_length=120, default="")
    action = pw.CharField(max_length=40, index=True)
    kind = pw.CharField(max_length=40, index=True)  # record kind, e.g. "application"
    record_id = pw.CharField(max_length=60, default="", index=True)
    changes = pw.TextField(default="{}")  # JSON {field: [old, new]}
    note = pw.TextField(default="")
    prev_hash = pw.CharField(max_length=64, default="")
    hash = pw.CharField(max_length=64)
