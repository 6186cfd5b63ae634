"""Accounts count their failed logins in a row and may be locked until a moment, so guessing a
password costs time (see services.auth.authenticate)."""

import peewee as pw


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("user", "failed_logins", pw.IntegerField(default=0)),
        migrator.add_column("user", "locked_until", pw.DateTimeField(null=True)),
    )
