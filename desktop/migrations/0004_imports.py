"""Import batches, imported lines and column-mapping profiles."""
import datetime as dt

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    def money(**kwargs):
        return pw.DecimalField(max_digits=14, decimal_places=2, auto_round=True, **kwargs)

    class User(Base):
        pass

    class ImportBatch(Base):
        file_name = pw.CharField(max_length=255)
        file_hash = pw.CharField(max_length=64, index=True)
        kind = pw.CharField(max_length=20)
        sheet = pw.CharField(max_length=100, default="")
        profile = pw.CharField(max_length=60, default="")
        imported_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        imported_at = pw.DateTimeField(default=dt.datetime.now)
        line_count = pw.IntegerField(default=0)
        undone_at = pw.DateTimeField(null=True)
        undone_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    class ImportedLine(Base):
        batch = pw.ForeignKeyField(ImportBatch, on_delete="CASCADE")
        row = pw.IntegerField()
        kind = pw.CharField(max_length=20)
        date = pw.DateField(null=True, index=True)
        invoice_code = pw.CharField(max_length=40, default="", index=True)
        invoice_no = pw.CharField(max_length=40, default="", index=True)
        vendor = pw.CharField(max_length=200, default="")
        memo = pw.TextField(default="")
        amount = money(null=True)
        tax = money(null=True)
        total = money(null=True)
        content_hash = pw.CharField(max_length=64, index=True)

    class ImportProfile(Base):
        name = pw.CharField(max_length=60, unique=True)
        signature = pw.TextField()
        header_row = pw.IntegerField(null=True)
        mapping = pw.TextField()
        created_at = pw.DateTimeField(default=dt.datetime.now)

    db.create_tables([ImportBatch, ImportedLine, ImportProfile])
