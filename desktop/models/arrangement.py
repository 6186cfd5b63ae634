"""Arrangements of approved receptions: itinerary items with booked resources and people, the
preparation checklist, the printed sheet's revision, and the feedback form.

Everything hangs on the reception's *root* application, so a later revision of the application
keeps its arrangements.
"""

from __future__ import annotations

import peewee as pw

from desktop import clock
from desktop.models.base import BaseModel, VersionedModel
from desktop.models.org import Employee
from desktop.models.reception import AgreementHotel, Application, MeetingRoom, Restaurant, Vehicle
from desktop.models.users import User


class Arrangement(VersionedModel):
    reception = pw.ForeignKeyField(Application, unique=True, on_delete="CASCADE", backref="+")
    revision = pw.IntegerField(default=1)  # goes up when something changes after printing
    printed_revision = pw.IntegerField(null=True)
    printed_at = pw.DateTimeField(null=True)
    recipients = pw.CharField(max_length=200, default="总经理,副总经理,部门负责人")
    updated_at = pw.DateTimeField(default=clock.now)


class ItineraryItem(VersionedModel):
    arrangement = pw.ForeignKeyField(Arrangement, backref="items", on_delete="CASCADE")
    kind = pw.CharField(max_length=20)  # pickup meeting tour meal hotel sendoff other
    start = pw.DateTimeField(index=True)
    end = pw.DateTimeField(index=True)
    place = pw.CharField(max_length=200, default="")
    room = pw.ForeignKeyField(MeetingRoom, null=True, on_delete="SET NULL", backref="+")
    projector = pw.BooleanField(default=False)
    vehicle = pw.ForeignKeyField(Vehicle, null=True, on_delete="SET NULL", backref="+")
    transport_no = pw.CharField(max_length=40, default="")  # flight or train number
    station = pw.CharField(max_length=100, default="")
    route = pw.CharField(max_length=200, default="")
    guide = pw.CharField(max_length=60, default="")
    to_be_confirmed = pw.BooleanField(default=False)
    reminded = pw.BooleanField(default=False)
    restaurant = pw.ForeignKeyField(Restaurant, null=True, on_delete="SET NULL", backref="+")
    hotel = pw.ForeignKeyField(AgreementHotel, null=True, on_delete="SET NULL", backref="+")
    guests = pw.IntegerField(default=0)
    diners = pw.IntegerField(default=0)
    rooms = pw.IntegerField(default=0)
    nights = pw.IntegerField(default=0)
    notes = pw.TextField(default="")


class PrintedItem(BaseModel):
    """A line as it stood on the last printed sheet (migration 0015).

    A revised sheet shows the lines deleted since that print as 【已取消】, so a driver holding
    the old copy learns the pickup is off; the deleted row itself is gone, hence this copy. Only
    the last print is kept: ``item_id`` is a plain integer because the line may no longer exist.
    """

    arrangement = pw.ForeignKeyField(Arrangement, backref="+", on_delete="CASCADE")
    item_id = pw.IntegerField()
    snapshot = pw.TextField()  # JSON of the line's ItemInfo (services.arrangements)


class ItineraryAttendee(BaseModel):
    item = pw.ForeignKeyField(ItineraryItem, backref="attendees", on_delete="CASCADE")
    employee = pw.ForeignKeyField(Employee, on_delete="CASCADE", backref="+")

    class Meta:
        indexes = ((("item", "employee"), True),)


class ChecklistItem(VersionedModel):
    arrangement = pw.ForeignKeyField(Arrangement, backref="checklist", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    name = pw.CharField(max_length=60)
    owner = pw.ForeignKeyField(Employee, null=True, on_delete="SET NULL", backref="+")
    done = pw.BooleanField(default=False)
    done_at = pw.DateTimeField(null=True)


class Feedback(VersionedModel):
    """客户接待信息反馈表."""

    reception = pw.ForeignKeyField(Application, unique=True, on_delete="CASCADE", backref="+")
    discussed = pw.TextField(default="")
    requirements = pw.TextField(default="")
    satisfaction = pw.IntegerField(default=0)  # 1–5
    followup_owner = pw.ForeignKeyField(Employee, null=True, on_delete="SET NULL", backref="+")
    submitted_at = pw.DateTimeField(null=True)
    submitted_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    # 部门负责人 / 日期 on the form: the head of department's sign-off (migration 0011)
    signed_off_at = pw.DateTimeField(null=True)
    signed_off_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class FeedbackAction(BaseModel):
    feedback = pw.ForeignKeyField(Feedback, backref="actions", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    action = pw.TextField()
    owner = pw.ForeignKeyField(Employee, null=True, on_delete="SET NULL", backref="+")
    due = pw.DateField(null=True)
