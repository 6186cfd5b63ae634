"""The invoice registry (issue 13): invoices read from e-invoice files (PDF, OFD, 数电票 XML),
attached to an expense line or imported, so a second claim of the same invoice is refused and a
red invoice cancels its original."""

import datetime as dt

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        pass

    class ExpenseLine(Base):
        pass

    class ExpenseVoucher(Base):
        pass

    class ImportedLine(Base):
        pass

    def money(**kwargs):
        return pw.DecimalField(max_digits=14, decimal_places=2, auto_round=True, **kwargs)

    class InvoiceRecord(Base):
        invoice_code = pw.CharField(max_length=40, default="", index=True)
        invoice_no = pw.CharField(max_length=40, index=True)
        type_code = pw.CharField(max_length=4, default="")
        date = pw.DateField(null=True)
        seller_name = pw.CharField(max_length=200, default="")
        seller_tax_id = pw.CharField(max_length=40, default="")
        buyer_name = pw.CharField(max_length=200, default="")
        buyer_tax_id = pw.CharField(max_length=40, default="")
        amount = money(null=True)
        tax = money(null=True)
        total = money(null=True)
        check_code = pw.CharField(max_length=40, default="")
        red = pw.BooleanField(default=False)
        original_code = pw.CharField(max_length=40, default="")
        original_no = pw.CharField(max_length=40, default="", index=True)
        source = pw.CharField(max_length=10)
        file_name = pw.CharField(max_length=255)
        file_hash = pw.CharField(max_length=64, default="")
        flags = pw.TextField(default="")
        expense_line = pw.ForeignKeyField(ExpenseLine, null=True, on_delete="CASCADE", backref="+")
        voucher = pw.ForeignKeyField(ExpenseVoucher, null=True, on_delete="SET NULL", backref="+")
        imported_line = pw.ForeignKeyField(ImportedLine, null=True, on_delete="CASCADE", backref="+")
        claimed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        claimed_at = pw.DateTimeField(default=dt.datetime.now)

    db.create_tables([InvoiceRecord])
