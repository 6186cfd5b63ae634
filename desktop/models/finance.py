"""Imported invoice lists and statements: batches (undoable as a whole), their lines, and saved
column-mapping profiles."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from desktop.models.base import BaseModel
from desktop.models.reception import money
from desktop.models.users import User


class ImportBatch(BaseModel):
    file_name = pw.CharField(max_length=255)
    file_hash = pw.CharField(max_length=64, index=True)
    kind = pw.CharField(max_length=20)  # invoice | statement
    sheet = pw.CharField(max_length=100, default="")
    profile = pw.CharField(max_length=60, default="")
    imported_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    imported_at = pw.DateTimeField(default=dt.datetime.now)
    line_count = pw.IntegerField(default=0)
    undone_at = pw.DateTimeField(null=True)
    undone_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


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
    created_at = pw.DateTimeField(default=dt.datetime.now)
