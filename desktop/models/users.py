"""Accounts and roles. A user may hold several roles; an account may stand for an employee."""

from __future__ import annotations

import peewee as pw

from desktop import clock
from desktop.models.base import BaseModel, VersionedModel
from desktop.models.org import Employee


class User(VersionedModel):
    username = pw.CharField(max_length=60, unique=True)
    display_name = pw.CharField(max_length=60, default="")
    password_hash = pw.CharField(max_length=255)
    employee = pw.ForeignKeyField(Employee, null=True, backref="users", on_delete="SET NULL")
    active = pw.BooleanField(default=True)
    language = pw.CharField(max_length=10, default="")
    created_at = pw.DateTimeField(default=clock.now)
    last_login = pw.DateTimeField(null=True)
    failed_logins = pw.IntegerField(default=0)  # in a row; a success resets it
    locked_until = pw.DateTimeField(null=True)  # no login attempt is checked before this
    email = pw.CharField(max_length=200, default="")  # for e-mail notifications (migration 0013)


class UserRole(BaseModel):
    user = pw.ForeignKeyField(User, backref="role_rows", on_delete="CASCADE")
    role = pw.CharField(max_length=40)

    class Meta:
        indexes = ((("user", "role"), True),)
