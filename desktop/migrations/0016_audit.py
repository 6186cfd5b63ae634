"""The audit trail (issue 12): one append-only, hash-chained row per recorded change."""

import datetime as dt

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        pass

    class AuditEntry(Base):
        at = pw.DateTimeField(default=dt.datetime.now, index=True)
        user = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        user_name = pw.CharField(max_length=120, default="")
        action = pw.CharField(max_length=40, index=True)
        kind = pw.CharField(max_length=40, index=True)
        record_id = pw.CharField(max_length=60, default="", index=True)
        changes = pw.TextField(default="{}")
        note = pw.TextField(default="")
        prev_hash = pw.CharField(max_length=64, default="")
        hash = pw.CharField(max_length=64)

    db.create_tables([AuditEntry])
