"""The front desk: known visitors, visits (the 来访登记 log), the deny list, host notifications."""

from __future__ import annotations

import peewee as pw

from desktop import clock
from desktop.models.base import BaseModel, VersionedModel
from desktop.models.org import Department, Employee, OptionItem
from desktop.models.users import User


class Visitor(BaseModel):
    """A person who has visited before; the source of returning-visitor autofill."""

    name = pw.CharField(max_length=60)
    name_pinyin = pw.CharField(max_length=200, default="", index=True)
    name_initials = pw.CharField(max_length=60, default="", index=True)
    company = pw.CharField(max_length=200, default="")
    phone = pw.CharField(max_length=40, default="", index=True)
    id_number = pw.CharField(max_length=40, default="")
    category = pw.ForeignKeyField(OptionItem, null=True, on_delete="SET NULL")
    visit_count = pw.IntegerField(default=0)
    last_visit_at = pw.DateTimeField(null=True)


class Visit(BaseModel):
    """One line of the visitor log. Visitor details are copied so the log never changes later."""

    visitor = pw.ForeignKeyField(Visitor, null=True, backref="visits", on_delete="SET NULL")
    name = pw.CharField(max_length=60)
    name_pinyin = pw.CharField(max_length=200, default="", index=True)
    name_initials = pw.CharField(max_length=60, default="", index=True)
    company = pw.CharField(max_length=200, default="")
    phone = pw.CharField(max_length=40, default="", index=True)
    id_number = pw.CharField(max_length=40, default="")
    people_count = pw.IntegerField(default=1)
    category = pw.ForeignKeyField(OptionItem, null=True, on_delete="SET NULL")
    purpose = pw.ForeignKeyField(OptionItem, null=True, on_delete="SET NULL")
    host = pw.ForeignKeyField(Employee, null=True, on_delete="SET NULL")
    department = pw.ForeignKeyField(Department, null=True, on_delete="SET NULL")
    kind = pw.CharField(max_length=20, default="walk_in")  # walk_in | appointment
    status = pw.CharField(max_length=20, default="on_site", index=True)
    expected_date = pw.DateField(null=True, index=True)
    expected_time = pw.TimeField(null=True)
    time_in = pw.DateTimeField(null=True, index=True)
    time_out = pw.DateTimeField(null=True)
    badge_no = pw.CharField(max_length=20, default="")
    tea_served = pw.BooleanField(default=False)
    wait_location = pw.CharField(max_length=100, default="")
    remarks = pw.TextField(default="")
    # Set when the visit was announced by an approved reception (its root application's id).
    reception_id = pw.IntegerField(null=True, index=True)
    deny_override_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    deny_reason = pw.TextField(default="")
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    checked_in_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    checked_out_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=clock.now)


class DenyEntry(VersionedModel):
    """A person, company or phone the front desk must not let in without a supervisor."""

    name = pw.CharField(max_length=60, default="")
    company = pw.CharField(max_length=200, default="")
    phone = pw.CharField(max_length=40, default="")
    reason = pw.TextField()
    active = pw.BooleanField(default=True)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=clock.now)


class Notification(BaseModel):
    """An in-app message for an employee (the host), shown under the bell."""

    employee = pw.ForeignKeyField(Employee, null=True, backref="notifications", on_delete="CASCADE")
    kind = pw.CharField(max_length=30, default="visitor_arrived")
    title = pw.CharField(max_length=200)
    body = pw.TextField(default="")
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL")
    created_at = pw.DateTimeField(default=clock.now, index=True)
    read_at = pw.DateTimeField(null=True)
    # Approval notices go to a user (an approver need not be an employee) about an application
    # (migration 0013; a plain id because Application is defined after this module).
    user = pw.ForeignKeyField(User, null=True, on_delete="CASCADE", backref="+")
    application_id = pw.IntegerField(null=True, column_name="application_id")
