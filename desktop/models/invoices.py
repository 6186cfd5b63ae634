"""The invoice registry (issue 13): every invoice read from an e-invoice file, attached to a
claimed expense line or imported by finance, so the same invoice is never claimed twice — by two
people, in two batches, or once as a PDF and once in a list — and a red invoice (红字发票) can
cancel its original."""

from __future__ import annotations

import peewee as pw

from desktop import clock
from desktop.models.base import BaseModel
from desktop.models.finance import ExpenseLine, ExpenseVoucher, ImportedLine
from desktop.models.reception import money
from desktop.models.users import User


class InvoiceRecord(BaseModel):
    invoice_code = pw.CharField(max_length=40, default="", index=True)  # empty for 数电票
    invoice_no = pw.CharField(max_length=40, index=True)
    type_code = pw.CharField(max_length=4, default="")  # the QR's type: 01, 04, 08, 10, …, 31, 32
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
    source = pw.CharField(max_length=10)  # pdf | ofd | xml
    file_name = pw.CharField(max_length=255)
    file_hash = pw.CharField(max_length=64, default="")
    flags = pw.TextField(default="")  # what reading found odd, "；"-separated
    # Exactly one of these: the claim the file was attached to, or finance's imported line.
    # Deleting the line (or undoing the batch) frees the invoice again.
    expense_line = pw.ForeignKeyField(ExpenseLine, null=True, on_delete="CASCADE", backref="+")
    voucher = pw.ForeignKeyField(ExpenseVoucher, null=True, on_delete="SET NULL", backref="+")
    imported_line = pw.ForeignKeyField(ImportedLine, null=True, on_delete="CASCADE", backref="+")
    claimed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    claimed_at = pw.DateTimeField(default=clock.now)
