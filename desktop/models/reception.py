"""Reception standards, resources, budgets, applications and their approvals.

Standards are versioned: editing a level writes a new :class:`LevelStandard` row, and an
application points at the version it was estimated and approved under, so a later change never
alters what was approved. Money is ``DecimalField`` (two places, yuan).
"""

from __future__ import annotations

import peewee as pw

from desktop import clock
from desktop.models.base import BaseModel, VersionedModel
from desktop.models.org import Department, Employee, OptionItem
from desktop.models.users import User
from desktop.models.visitors import Visit


def money(**kwargs) -> pw.DecimalField:
    return pw.DecimalField(max_digits=14, decimal_places=2, auto_round=True, **kwargs)


class ReceptionLevel(VersionedModel):
    code = pw.CharField(max_length=10, unique=True)  # A, B, C, D
    name = pw.CharField(max_length=40)  # 五星 / 一级 …
    sort = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)


class LevelStandard(BaseModel):
    """One version of a level's spending standard."""

    level = pw.ForeignKeyField(ReceptionLevel, backref="standards", on_delete="CASCADE")
    version = pw.IntegerField()
    meal_cap = money()  # per person per meal; 0 = no company-paid meals
    hotel_cap = money()  # per room-night; 0 = guest pays
    transport_cap = money()  # per trip; 0 = none
    gift_cap = money(default=0)  # per guest; 0 = not allowed
    tour_cap = money(default=0)  # per guest; 0 = not allowed
    accompany = pw.CharField(max_length=200, default="")  # who accompanies
    accompany_small_group = pw.IntegerField(default=10)  # guests ≤ this …
    accompany_small_limit = pw.IntegerField(default=3)  # … allow this many diners
    accompany_ratio = pw.IntegerField(default=3)  # else guests // ratio
    gifts_decider = pw.CharField(max_length=60, default="")
    tour_decider = pw.CharField(max_length=60, default="")
    lead_days = pw.IntegerField(default=1)
    created_at = pw.DateTimeField(default=clock.now)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        indexes = ((("level", "version"), True),)


class AgreementHotel(VersionedModel):
    name = pw.CharField(max_length=100)
    star = pw.IntegerField(default=4)
    address = pw.CharField(max_length=200, default="")
    phone = pw.CharField(max_length=40, default="")  # front desk, printed on the arrangement sheet
    room_price = money(default=0)
    active = pw.BooleanField(default=True)


class Restaurant(VersionedModel):
    name = pw.CharField(max_length=100)
    address = pw.CharField(max_length=200, default="")
    phone = pw.CharField(max_length=40, default="")
    price_per_person = money(default=0)
    active = pw.BooleanField(default=True)


class MeetingRoom(VersionedModel):
    name = pw.CharField(max_length=60, unique=True)
    capacity = pw.IntegerField(default=10)
    projector = pw.BooleanField(default=True)
    location = pw.CharField(max_length=100, default="")
    active = pw.BooleanField(default=True)


class Vehicle(VersionedModel):
    plate = pw.CharField(max_length=20, unique=True)
    model = pw.CharField(max_length=60, default="")
    seats = pw.IntegerField(default=5)
    driver = pw.CharField(max_length=40, default="")
    driver_phone = pw.CharField(max_length=40, default="")
    active = pw.BooleanField(default=True)


class DepartmentBudget(VersionedModel):
    """A department's reception budget for a year, split by month (month 1–12)."""

    department = pw.ForeignKeyField(Department, backref="budgets", on_delete="CASCADE")
    year = pw.IntegerField()
    month = pw.IntegerField()
    amount = money(default=0)

    class Meta:
        indexes = ((("department", "year", "month"), True),)


class CalendarOverride(BaseModel):
    """A company-specific day off (is_workday False) or working day (True)."""

    day = pw.DateField(unique=True)
    is_workday = pw.BooleanField()
    note = pw.CharField(max_length=100, default="")


class ApprovalStep(VersionedModel):
    """One step of the configurable approval chain, with the conditions under which it applies."""

    position = pw.IntegerField()
    role = pw.CharField(max_length=40)
    label = pw.CharField(max_length=60, default="")
    levels = pw.CharField(max_length=40, default="")  # "A,B" = only these levels; "" = all
    only_over_standard = pw.BooleanField(default=False)
    min_total = money(null=True)  # only when the total exceeds this
    active = pw.BooleanField(default=True)
    mode = pw.CharField(max_length=10, default="any")  # any = 或签, all = 会签 (migration 0013)


class Application(VersionedModel):
    """客户接待申请表. One row per revision; ``root`` ties the revisions of one reception."""

    root = pw.ForeignKeyField("self", null=True, backref="revisions", on_delete="CASCADE")
    revision = pw.IntegerField(default=1)
    number = pw.CharField(max_length=30, index=True)  # JD-2026-0001, shared by revisions
    status = pw.CharField(max_length=20, default="draft", index=True)
    applicant = pw.ForeignKeyField(User, on_delete="RESTRICT", backref="+")
    department = pw.ForeignKeyField(Department, on_delete="RESTRICT", backref="+")
    client_company = pw.CharField(max_length=200)
    client_location = pw.CharField(max_length=200, default="")
    client_business = pw.CharField(max_length=200, default="")
    venue = pw.CharField(max_length=200, default="")  # 接待地点: where the guests are received
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
    meals = pw.IntegerField(default=0)  # number of meals for the estimate
    nights = pw.IntegerField(default=0)
    rooms = pw.IntegerField(default=0)
    trips = pw.IntegerField(default=0)
    accompany_diners = pw.IntegerField(default=0)
    urgent = pw.BooleanField(default=False)
    urgent_reason = pw.TextField(default="")
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL", backref="+")  # 补填
    total = money(default=0)
    over_standard = pw.BooleanField(default=False)
    step_index = pw.IntegerField(default=0)  # position in the resolved chain while pending
    chain = pw.TextField(default="")  # the resolved chain at submission, "role:label;…"
    route = pw.TextField(default="")  # the chain with people and progress, JSON (services.routing)
    resume_step = pw.IntegerField(null=True)  # where a resubmission continues after a return
    submitted_at = pw.DateTimeField(null=True)
    decided_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=clock.now)
    updated_at = pw.DateTimeField(default=clock.now)


class ApplicationGuest(BaseModel):
    application = pw.ForeignKeyField(Application, backref="guests", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    name = pw.CharField(max_length=60)
    title = pw.CharField(max_length=60, default="")
    gender = pw.CharField(max_length=4, default="")
    phone = pw.CharField(max_length=40, default="")  # for the 领队: on the arrangement sheet
    leader = pw.BooleanField(default=False)  # 领队: the itinerary is sent to them (migration 0011)


class BudgetLine(BaseModel):
    application = pw.ForeignKeyField(Application, backref="budget_lines", on_delete="CASCADE")
    category = pw.CharField(max_length=20)  # meals lodging transport gifts tour materials other
    estimate = money(default=0)  # computed from the caps
    cap = money(null=True)  # the cap the estimate was computed from, None = no cap
    amount = money(default=0)  # what the applicant asks for
    over_cap = pw.BooleanField(default=False)
    reason = pw.TextField(default="")


class ApprovalRecord(BaseModel):
    """Who decided what at which step — kept forever, also for superseded revisions."""

    application = pw.ForeignKeyField(Application, backref="approvals", on_delete="CASCADE")
    step_index = pw.IntegerField()
    role = pw.CharField(max_length=40)
    step_label = pw.CharField(max_length=60, default="")
    user = pw.ForeignKeyField(User, on_delete="RESTRICT", backref="+")
    decision = pw.CharField(max_length=20)  # submit approve reject return withdraw transfer …
    comment = pw.TextField(default="")
    at = pw.DateTimeField(default=clock.now)
    target = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")  # 转交/加签 to
    note = pw.TextField(default="")  # over-standard reason, the step a return went back to


class ApplicationCopy(BaseModel):
    """抄送: someone who may read the application and was told about it."""

    application = pw.ForeignKeyField(Application, on_delete="CASCADE", backref="+")
    user = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    auto = pw.BooleanField(default=False)
    comment = pw.TextField(default="")
    at = pw.DateTimeField(default=clock.now)
    read_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = ((("application", "user"), True),)


class CalendarYear(BaseModel):
    """A year whose public holidays and 调休 days the office entered itself."""

    year = pw.IntegerField(unique=True)
    entered_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    entered_at = pw.DateTimeField(default=clock.now)
