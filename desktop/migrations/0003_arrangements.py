"""Arrangements, itinerary items with bookings, checklists, feedback; visits linked to receptions."""

import datetime as dt

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Application(Base):
        pass

    class Employee(Base):
        pass

    class User(Base):
        pass

    class MeetingRoom(Base):
        pass

    class Vehicle(Base):
        pass

    class Restaurant(Base):
        pass

    class AgreementHotel(Base):
        pass

    class Arrangement(Base):
        reception = pw.ForeignKeyField(Application, unique=True, on_delete="CASCADE", backref="+")
        revision = pw.IntegerField(default=1)
        printed_revision = pw.IntegerField(null=True)
        printed_at = pw.DateTimeField(null=True)
        recipients = pw.CharField(max_length=200, default="总经理,副总经理,部门负责人")
        updated_at = pw.DateTimeField(default=dt.datetime.now)

    class ItineraryItem(Base):
        arrangement = pw.ForeignKeyField(Arrangement, on_delete="CASCADE")
        kind = pw.CharField(max_length=20)
        start = pw.DateTimeField(index=True)
        end = pw.DateTimeField(index=True)
        place = pw.CharField(max_length=200, default="")
        room = pw.ForeignKeyField(MeetingRoom, null=True, on_delete="SET NULL", backref="+")
        projector = pw.BooleanField(default=False)
        vehicle = pw.ForeignKeyField(Vehicle, null=True, on_delete="SET NULL", backref="+")
        transport_no = pw.CharField(max_length=40, default="")
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

    class ItineraryAttendee(Base):
        item = pw.ForeignKeyField(ItineraryItem, on_delete="CASCADE")
        employee = pw.ForeignKeyField(Employee, on_delete="CASCADE", backref="+")

        class Meta:
            indexes = ((("item", "employee"), True),)

    class ChecklistItem(Base):
        arrangement = pw.ForeignKeyField(Arrangement, on_delete="CASCADE")
        position = pw.IntegerField(default=0)
        name = pw.CharField(max_length=60)
        owner = pw.ForeignKeyField(Employee, null=True, on_delete="SET NULL", backref="+")
        done = pw.BooleanField(default=False)
        done_at = pw.DateTimeField(null=True)

    class Feedback(Base):
        reception = pw.ForeignKeyField(Application, unique=True, on_delete="CASCADE", backref="+")
        discussed = pw.TextField(default="")
        requirements = pw.TextField(default="")
        satisfaction = pw.IntegerField(default=0)
        followup_owner = pw.ForeignKeyField(Employee, null=True, on_delete="SET NULL", backref="+")
        submitted_at = pw.DateTimeField(null=True)
        submitted_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    class FeedbackAction(Base):
        feedback = pw.ForeignKeyField(Feedback, on_delete="CASCADE")
        position = pw.IntegerField(default=0)
        action = pw.TextField()
        owner = pw.ForeignKeyField(Employee, null=True, on_delete="SET NULL", backref="+")
        due = pw.DateField(null=True)

    db.create_tables([Arrangement, ItineraryItem, ItineraryAttendee, ChecklistItem, Feedback, FeedbackAction])
    migrator.migrate(
        migrator.add_column("visit", "reception_id", pw.IntegerField(null=True)),
        migrator.add_index("visit", ("reception_id",), False),
    )
