"""The cross-process change feed (issue 12): other PCs' changes appear without restarting."""

import datetime as dt

import peewee as pw


def up(migrator, db):
    class ChangeEvent(pw.Model):
        kind = pw.CharField(max_length=40)
        at = pw.DateTimeField(default=dt.datetime.now, index=True)
        origin = pw.CharField(max_length=40)

        class Meta:
            database = db
            legacy_table_names = False

    db.create_tables([ChangeEvent])
