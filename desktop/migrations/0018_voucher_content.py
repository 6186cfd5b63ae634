"""Vouchers in the database (issue 12): the bytes of each scan or PDF in ``voucher_content`` and
its size and SHA-256 on ``expense_voucher``, so any PC of the office opens it.

Files attached before this version sit in the data folder of the PC that attached them; the
migration cannot reach other PCs' disks, so it only makes room: each PC moves the files it holds
when it starts (``services.vouchers.move_local_files``), and a voucher whose file is elsewhere
keeps NULL size until then.
"""

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class ExpenseVoucher(Base):
        pass

    class VoucherContent(Base):
        voucher = pw.ForeignKeyField(ExpenseVoucher, unique=True, backref="+", on_delete="CASCADE")
        data = pw.BlobField()

    migrator.migrate(
        migrator.add_column("expense_voucher", "size", pw.IntegerField(null=True)),
        migrator.add_column("expense_voucher", "sha256", pw.CharField(max_length=64, null=True)),
    )
    db.create_tables([VoucherContent])
