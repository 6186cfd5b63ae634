"""The lines of the last printed 客户接待安排表 (issue 15): a revised sheet shows the lines
deleted since that print as 【已取消】, which needs to know what the printed copy carried."""

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Arrangement(Base):
        pass

    class PrintedItem(Base):
        arrangement = pw.ForeignKeyField(Arrangement, backref="+", on_delete="CASCADE")
        item_id = pw.IntegerField()
        snapshot = pw.TextField()

    db.create_tables([PrintedItem])
