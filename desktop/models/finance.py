"""Imported invoice lists and statements: batches (undoable as a whole), their lines, and saved
column-mapping profiles."""

from __future__ import annotations

import peewee as pw

from desktop import clock
from desktop.models.base import BaseModel, VersionedModel
from desktop.models.reception import Application, money
from desktop.models.users import User


class ImportBatch(BaseModel):
    file_name = pw.CharField(max_length=255)
    file_hash = pw.CharField(max_length=64, index=True)
    kind = pw.CharField(max_length=20)  # invoice | statement
    sheet = pw.CharField(max_length=100, default="")
    profile = pw.CharField(max_length=60, default="")
    imported_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    imported_at = pw.DateTimeField(default=clock.now)
    line_count = pw.IntegerField(default=0)
    undone_at = pw.DateTimeField(null=True)
    undone_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    # committing: lines are still being written in chunks (invisible to everyone); done: complete.
    state = pw.CharField(max_length=20, default="done")

    @classmethod
    def live(cls):
        """The batches whose lines count: complete and not undone."""
        return (cls.state == "done") & cls.undone_at.is_null()


class ImportedLine(BaseModel):
    batch = pw.ForeignKeyField(ImportBatch, backref="lines", on_delete="CASCADE")
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


class ImportProfile(BaseModel):
    name = pw.CharField(max_length=60, unique=True)
    signature = pw.TextField(index=False)
    header_row = pw.IntegerField(null=True)
    mapping = pw.TextField()  # JSON: field → column index
    created_at = pw.DateTimeField(default=clock.now)


class ExpenseSummary(VersionedModel):
    """费用汇总 of one reception (its root application)."""

    reception = pw.ForeignKeyField(Application, unique=True, on_delete="CASCADE", backref="+")
    status = pw.CharField(max_length=20, default="draft", index=True)
    submitted_at = pw.DateTimeField(null=True)
    due = pw.DateField(null=True)
    reimbursed_on = pw.DateField(null=True)
    reimbursed_method = pw.CharField(max_length=40, default="")
    reimbursed_reference = pw.CharField(max_length=100, default="")  # 凭证号
    # Migration 0021: a note finance adds when paying, and the voucher's accounting period
    # (YYYYMM of the day paid) — a 凭证号 is used once per period, as the books number them
    # (NULL on rows reimbursed before the rule, so they never collide).
    reimbursed_note = pw.TextField(default="")
    reimbursed_period = pw.IntegerField(null=True)

    class Meta:
        indexes = ((("reimbursed_period", "reimbursed_reference"), True),)


class ExpenseLine(VersionedModel):
    summary = pw.ForeignKeyField(ExpenseSummary, backref="lines", on_delete="CASCADE")
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
    # Who typed the line in: a summary can be filled by the host, their department head or the
    # admin office, and an auditor asks who claimed what (migration 0008).
    entered_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class ExpenseVoucher(BaseModel):
    line = pw.ForeignKeyField(ExpenseLine, backref="vouchers", on_delete="CASCADE")
    file_name = pw.CharField(max_length=255)
    # Before migration 0018 the file sat in the data folder of the PC that attached it, under
    # this name; since then it only names the file (the bytes are in VoucherContent).
    stored_name = pw.CharField(max_length=255)
    uploaded_at = pw.DateTimeField(default=clock.now)
    # Migration 0018: size and SHA-256 of the stored file; NULL while the file is still on the
    # PC that attached it before 0018 (moved when that PC starts the program).
    size = pw.IntegerField(null=True)
    sha256 = pw.CharField(max_length=64, null=True)


class VoucherContent(BaseModel):
    """The voucher's bytes, in the shared database so every PC can open it (issue 12).

    A table of its own, so listing vouchers (or any ``select()`` of them) never drags megabytes
    of scans along."""

    voucher = pw.ForeignKeyField(ExpenseVoucher, unique=True, backref="+", on_delete="CASCADE")
    data = pw.BlobField()


class ExpenseRecord(BaseModel):
    summary = pw.ForeignKeyField(ExpenseSummary, backref="records", on_delete="CASCADE")
    user = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    action = pw.CharField(max_length=20)
    comment = pw.TextField(default="")
    at = pw.DateTimeField(default=clock.now)


class MatchRule(BaseModel):
    """A standing decision of finance (migration 0019): imported lines it covers are not reception
    expenses — all credits (贷方) of a statement, a counterparty, a memo word. Applied on import
    and on demand, so a 20,000-line bank statement does not become 20,000 review items."""

    kind = pw.CharField(max_length=20)  # credit | counterparty | memo
    text = pw.CharField(max_length=200, default="")
    note = pw.CharField(max_length=200, default="")
    active = pw.BooleanField(default=True)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=clock.now)


class LineMatch(BaseModel):
    """What finance decided about an imported line: matched to a claimed line, or not a reception
    expense. Auto matches carry their score.

    Three-way (migration 0019): an invoice line evidences a claim line and a statement line pays
    it, so a claim line holds at most one match of each ``role`` — never two invoices, never two
    payments — while each imported line is decided once."""

    imported = pw.ForeignKeyField(ImportedLine, unique=True, backref="+", on_delete="CASCADE")
    expense = pw.ForeignKeyField(ExpenseLine, null=True, backref="matches", on_delete="CASCADE")
    kind = pw.CharField(max_length=20)  # auto | manual | not_reception | held
    role = pw.CharField(max_length=10, default="payment")  # invoice | payment (the imported kind)
    score = pw.FloatField(default=0)
    rule = pw.ForeignKeyField(MatchRule, null=True, on_delete="SET NULL", backref="+")
    by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    at = pw.DateTimeField(default=clock.now)

    class Meta:
        indexes = ((("expense", "role"), True),)
