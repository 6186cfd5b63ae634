"""Expense summaries, their lines, vouchers and history; matches of imported lines."""
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

    class Application(Base):
        pass

    class ImportedLine(Base):
        pass

    class ExpenseSummary(Base):
        reception = pw.ForeignKeyField(Application, unique=True, on_delete="CASCADE", backref="+")
        status = pw.CharField(max_length=20, default="draft", index=True)
        submitted_at = pw.DateTimeField(null=True)
        due = pw.DateField(null=True)
        reimbursed_on = pw.DateField(null=True)
        reimbursed_method = pw.CharField(max_length=40, default="")
        reimbursed_reference = pw.CharField(max_length=100, default="")

    class ExpenseLine(Base):
        summary = pw.ForeignKeyField(ExpenseSummary, on_delete="CASCADE")
        category = pw.CharField(max_length=20)
        date = pw.DateField()
        vendor = pw.CharField(max_length=200, default="")
        invoice_code = pw.CharField(max_length=40, default="", index=True)
        invoice_no = pw.CharField(max_length=40, default="", index=True)
        amount = money(default=0)
        tax = money(default=0)
        total = money(default=0)
        guests = pw.IntegerField(default=0)
        diners = pw.IntegerField(default=0)
        rooms = pw.IntegerField(default=0)
        nights = pw.IntegerField(default=0)
        trips = pw.IntegerField(default=0)
        drinks = money(null=True)
        payment_method = pw.CharField(max_length=40, default="")
        reason = pw.TextField(default="")

    class ExpenseVoucher(Base):
        line = pw.ForeignKeyField(ExpenseLine, on_delete="CASCADE")
        file_name = pw.CharField(max_length=255)
        stored_name = pw.CharField(max_length=255)
        uploaded_at = pw.DateTimeField(default=dt.datetime.now)

    class ExpenseRecord(Base):
        summary = pw.ForeignKeyField(ExpenseSummary, on_delete="CASCADE")
        user = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        action = pw.CharField(max_length=20)
        comment = pw.TextField(default="")
        at = pw.DateTimeField(default=dt.datetime.now)

    class LineMatch(Base):
        imported = pw.ForeignKeyField(ImportedLine, unique=True, backref="+", on_delete="CASCADE")
        expense = pw.ForeignKeyField(ExpenseLine, null=True, on_delete="CASCADE")
        kind = pw.CharField(max_length=20)
        score = pw.FloatField(default=0)
        by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        at = pw.DateTimeField(default=dt.datetime.now)

    db.create_tables([ExpenseSummary, ExpenseLine, ExpenseVoucher, ExpenseRecord, LineMatch])
