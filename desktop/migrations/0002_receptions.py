"""Reception levels and standards, resources, budgets, work calendar, applications, approvals."""
import datetime as dt

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    def money(**kwargs):
        return pw.DecimalField(max_digits=14, decimal_places=2, auto_round=True, **kwargs)

    # Frozen references to tables of 0001 (only the key is needed for foreign keys).
    class Department(Base):
        pass

    class Employee(Base):
        pass

    class OptionItem(Base):
        pass

    class User(Base):
        pass

    class Visit(Base):
        pass

    class ReceptionLevel(Base):
        code = pw.CharField(max_length=10, unique=True)
        name = pw.CharField(max_length=40)
        sort = pw.IntegerField(default=0)
        active = pw.BooleanField(default=True)

    class LevelStandard(Base):
        level = pw.ForeignKeyField(ReceptionLevel, on_delete="CASCADE")
        version = pw.IntegerField()
        meal_cap = money()
        hotel_cap = money()
        transport_cap = money()
        gift_cap = money(default=0)
        tour_cap = money(default=0)
        accompany = pw.CharField(max_length=200, default="")
        accompany_small_group = pw.IntegerField(default=10)
        accompany_small_limit = pw.IntegerField(default=3)
        accompany_ratio = pw.IntegerField(default=3)
        gifts_decider = pw.CharField(max_length=60, default="")
        tour_decider = pw.CharField(max_length=60, default="")
        lead_days = pw.IntegerField(default=1)
        created_at = pw.DateTimeField(default=dt.datetime.now)
        created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

        class Meta:
            indexes = ((("level", "version"), True),)

    class AgreementHotel(Base):
        name = pw.CharField(max_length=100)
        star = pw.IntegerField(default=4)
        address = pw.CharField(max_length=200, default="")
        room_price = money(default=0)
        active = pw.BooleanField(default=True)

    class Restaurant(Base):
        name = pw.CharField(max_length=100)
        address = pw.CharField(max_length=200, default="")
        phone = pw.CharField(max_length=40, default="")
        price_per_person = money(default=0)
        active = pw.BooleanField(default=True)

    class MeetingRoom(Base):
        name = pw.CharField(max_length=60, unique=True)
        capacity = pw.IntegerField(default=10)
        projector = pw.BooleanField(default=True)
        location = pw.CharField(max_length=100, default="")
        active = pw.BooleanField(default=True)

    class Vehicle(Base):
        plate = pw.CharField(max_length=20, unique=True)
        model = pw.CharField(max_length=60, default="")
        seats = pw.IntegerField(default=5)
        driver = pw.CharField(max_length=40, default="")
        driver_phone = pw.CharField(max_length=40, default="")
        active = pw.BooleanField(default=True)

    class DepartmentBudget(Base):
        department = pw.ForeignKeyField(Department, on_delete="CASCADE")
        year = pw.IntegerField()
        month = pw.IntegerField()
        amount = money(default=0)

        class Meta:
            indexes = ((("department", "year", "month"), True),)

    class CalendarOverride(Base):
        day = pw.DateField(unique=True)
        is_workday = pw.BooleanField()
        note = pw.CharField(max_length=100, default="")

    class ApprovalStep(Base):
        position = pw.IntegerField()
        role = pw.CharField(max_length=40)
        label = pw.CharField(max_length=60, default="")
        levels = pw.CharField(max_length=40, default="")
        only_over_standard = pw.BooleanField(default=False)
        min_total = money(null=True)
        active = pw.BooleanField(default=True)

    class Application(Base):
        root = pw.ForeignKeyField("self", null=True, on_delete="CASCADE")
        revision = pw.IntegerField(default=1)
        number = pw.CharField(max_length=30, index=True)
        status = pw.CharField(max_length=20, default="draft", index=True)
        applicant = pw.ForeignKeyField(User, on_delete="RESTRICT", backref="+")
        department = pw.ForeignKeyField(Department, on_delete="RESTRICT", backref="+")
        client_company = pw.CharField(max_length=200)
        client_location = pw.CharField(max_length=200, default="")
        client_business = pw.CharField(max_length=200, default="")
        category = pw.ForeignKeyField(OptionItem, null=True, on_delete="SET NULL", backref="+")
        level = pw.ForeignKeyField(ReceptionLevel, on_delete="RESTRICT", backref="+")
        standard = pw.ForeignKeyField(LevelStandard, on_delete="RESTRICT", backref="+")
        our_attendees = pw.IntegerField(default=1)
        purpose = pw.TextField(default="")
        background = pw.TextField(default="")
        arrival = pw.DateTimeField()
        departure = pw.DateTimeField()
        needs_pickup = pw.BooleanField(default=False)
        needs_hotel = pw.BooleanField(default=False)
        needs_meals = pw.BooleanField(default=False)
        needs_vehicle = pw.BooleanField(default=False)
        needs_tour = pw.BooleanField(default=False)
        needs_gifts = pw.BooleanField(default=False)
        needs_materials = pw.BooleanField(default=False)
        gm_attends = pw.BooleanField(default=False)
        chairman_attends = pw.BooleanField(default=False)
        responsible = pw.ForeignKeyField(Employee, null=True, on_delete="SET NULL", backref="+")
        remarks = pw.TextField(default="")
        meals = pw.IntegerField(default=0)
        nights = pw.IntegerField(default=0)
        rooms = pw.IntegerField(default=0)
        trips = pw.IntegerField(default=0)
        accompany_diners = pw.IntegerField(default=0)
        urgent = pw.BooleanField(default=False)
        urgent_reason = pw.TextField(default="")
        visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL", backref="+")
        total = money(default=0)
        over_standard = pw.BooleanField(default=False)
        step_index = pw.IntegerField(default=0)
        chain = pw.TextField(default="")
        submitted_at = pw.DateTimeField(null=True)
        decided_at = pw.DateTimeField(null=True)
        created_at = pw.DateTimeField(default=dt.datetime.now)
        updated_at = pw.DateTimeField(default=dt.datetime.now)

    class ApplicationGuest(Base):
        application = pw.ForeignKeyField(Application, on_delete="CASCADE")
        position = pw.IntegerField(default=0)
        name = pw.CharField(max_length=60)
        title = pw.CharField(max_length=60, default="")
        gender = pw.CharField(max_length=4, default="")

    class BudgetLine(Base):
        application = pw.ForeignKeyField(Application, on_delete="CASCADE")
        category = pw.CharField(max_length=20)
        estimate = money(default=0)
        cap = money(null=True)
        amount = money(default=0)
        over_cap = pw.BooleanField(default=False)
        reason = pw.TextField(default="")

    class ApprovalRecord(Base):
        application = pw.ForeignKeyField(Application, on_delete="CASCADE")
        step_index = pw.IntegerField()
        role = pw.CharField(max_length=40)
        step_label = pw.CharField(max_length=60, default="")
        user = pw.ForeignKeyField(User, on_delete="RESTRICT", backref="+")
        decision = pw.CharField(max_length=20)
        comment = pw.TextField(default="")
        at = pw.DateTimeField(default=dt.datetime.now)

    db.create_tables([ReceptionLevel, LevelStandard, AgreementHotel, Restaurant, MeetingRoom,
                      Vehicle, DepartmentBudget, CalendarOverride, ApprovalStep, Application,
                      ApplicationGuest, BudgetLine, ApprovalRecord])
