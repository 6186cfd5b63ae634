"""Property-based checks of the service forms: arbitrary text, amounts, counts and dates never
raise anything but the service errors and never store what the columns cannot hold — on SQLite
(which would store it) and on PostgreSQL (which would crash with a raw DataError).

One database per module; every example runs inside a savepoint that is rolled back.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import clock, db, paths
from desktop.db import database
from desktop.models import Application, ExpenseLine, Feedback, FeedbackAction, ItineraryItem, Visit
from desktop.services import applications as apps
from desktop.services import arrangements, auth, expenses, feedback, org, setup, standards, visitors
from desktop.services.applications import ApplicationForm, GuestForm
from desktop.services.errors import ServiceError
from desktop.services.validation import DATE_MAX, DATE_MIN, MONEY_MAX
from tests.conftest import make_user

FAST = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,  # no .hypothesis folder in the working tree
)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Short text of any kind (control characters included), and now and then a very long one.
texts = st.one_of(
    st.text(max_size=40),
    st.builds(lambda c, n: c * n, st.characters(), st.integers(1, 12000)),
)
amounts = st.one_of(
    st.none(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.integers(-(10**15), 10**15),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(["1e12", "¥1,234.50", "-1", "0.001", "999999999.99", "1000000000"]),
)
counts = st.one_of(st.integers(-(10**12), 10**12), st.integers(0, 20))
dates = st.dates()
datetimes = st.datetimes()


@pytest.fixture(scope="module")
def world(tmp_path_factory, _test_db_url):
    tmp = tmp_path_factory.mktemp("props")
    paths.set_data_dir(tmp)
    url = _test_db_url or f"sqlite:///{tmp / 'props.sqlite3'}"
    db.wipe(url)
    db.open_database(url)
    setup.ensure_defaults()
    admin = auth.create_first_admin("root", "管理员", "secret123")
    sales = org.save_department(admin, "销售一部")
    host = org.save_employee(admin, name="李娜", department_id=sales.id)
    lina = make_user(admin, "lina", {auth.HOST}, host.id)
    desk = make_user(admin, "desk", {auth.RECEPTIONIST})
    arrival = dt.datetime.combine(clock.today() - dt.timedelta(days=3), dt.time(9))
    form = ApplicationForm(
        client_company="华东精密",
        level_id=standards.level_by_code("B").id,
        department_id=sales.id,
        arrival=arrival,
        departure=arrival + dt.timedelta(days=1),
        purpose="商务洽谈",
        responsible_id=host.id,
        guests=[GuestForm("王总")],
    )
    app = apps.save_draft(lina, form).id
    Application.update(status=apps.APPROVED).where(Application.id == app).execute()
    try:
        yield dict(admin=admin, lina=lina, desk=desk, sales=sales.id, host=host.id, app=app, arrival=arrival)
    finally:
        db.close_database()
        paths.set_data_dir(None)


def attempt(fn):
    """Run ``fn`` in a savepoint that is always rolled back; return what it stored, or None when
    a service error refused it. Anything else (DataError, ValueError …) fails the test."""
    with database.atomic() as txn:
        try:
            result = fn()
        except ServiceError:
            result = None
        except peewee.PeeweeException:
            txn.rollback()
            raise
        txn.rollback()
    return result


def _fits(row: peewee.Model) -> None:
    """Every text column of the stored row within its length and free of control characters."""
    for name, field in row._meta.fields.items():
        value = getattr(row, field.attname if hasattr(field, "attname") else name)
        if isinstance(value, str):
            if isinstance(field, peewee.CharField):
                assert len(value) <= field.max_length, (name, len(value))
            assert not CONTROL.search(value.replace("\n", "").replace("\t", "")), (name, value)
        if isinstance(value, Decimal):
            assert Decimal("0") <= value < MONEY_MAX, (name, value)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date) and name not in ("created_at", "time_in", "submitted_at", "updated_at"):
            assert DATE_MIN <= value <= DATE_MAX, (name, value)
        if isinstance(value, int) and not isinstance(value, bool) and isinstance(field, peewee.IntegerField):
            if not isinstance(field, peewee.ForeignKeyField) and not isinstance(field, peewee.AutoField):
                assert 0 <= value <= 9999, (name, value)


# ------------------------------------------------------------------ arbitrary input


@FAST
@given(
    name=texts | st.just("王五"),
    company=texts,
    phone=texts | st.just("13812345678"),
    badge=texts,
    remarks=texts,
    people=counts,
)
def test_check_in_any_text(world, name, company, phone, badge, remarks, people):
    form = visitors.VisitForm(
        name=name,
        company=company,
        phone=phone,
        host_id=world["host"],
        badge_no=badge,
        remarks=remarks,
        people_count=people,
    )

    def run():
        row = visitors.check_in(world["desk"], form)
        stored = Visit.get_by_id(row.id)
        _fits(stored)
        return stored

    attempt(run)


@FAST
@given(name=texts, company=texts, day=dates, wait=texts)
def test_preregister_any_text_and_date(world, name, company, day, wait):
    form = visitors.VisitForm(
        name=name, company=company, host_id=world["host"], expected_date=day, wait_location=wait
    )
    attempt(lambda: _fits(Visit.get_by_id(visitors.preregister(world["lina"], form).id)))


@FAST
@given(
    category=st.sampled_from(["meals", "lodging", "transport", "gifts", "other", "bogus"]),
    day=dates,
    total=amounts,
    tax=amounts,
    drinks=amounts,
    vendor=texts,
    invoice=texts,
    guests=counts,
    nights=counts,
    rooms=counts,
    trips=counts,
)
def test_expense_line_any_input(
    world, category, day, total, tax, drinks, vendor, invoice, guests, nights, rooms, trips
):
    form = expenses.LineForm(
        category,
        day,
        total,
        vendor=vendor,
        invoice_no=invoice,
        tax=tax,
        drinks=drinks,
        guests=guests,
        nights=nights,
        rooms=rooms,
        trips=trips,
        reason="说明",
    )

    def run():
        line = ExpenseLine.get_by_id(expenses.save_line(world["lina"], world["app"], form))
        _fits(line)
        if line.total > 0 and line.category == "lodging":
            assert line.rooms >= 1 and line.nights >= 1
        if line.total > 0 and line.category == "meals":
            assert line.guests >= 1
        if line.total > 0 and line.category == "transport":
            assert line.trips >= 1
        return line

    attempt(run)


@FAST
@given(
    company=texts, purpose=texts, arrival=datetimes, hours=st.integers(-48, 10**6), meals=counts, guest=texts
)
def test_application_any_input(world, company, purpose, arrival, hours, meals, guest):
    try:
        departure = arrival + dt.timedelta(hours=hours)
    except OverflowError:
        departure = dt.datetime.max
    form = ApplicationForm(
        client_company=company,
        level_id=standards.level_by_code("C").id,
        department_id=world["sales"],
        arrival=arrival,
        departure=departure,
        purpose=purpose,
        responsible_id=world["host"],
        meals=meals,
        guests=[GuestForm(guest)],
    )

    def run():
        info = apps.save_draft(world["lina"], form)
        _fits(Application.get_by_id(info.id))

    attempt(run)


@FAST
@given(
    start=datetimes, minutes=st.integers(-600, 10**7), place=texts, notes=texts, guests=counts, diners=counts
)
def test_arrangement_item_any_input(world, start, minutes, place, notes, guests, diners):
    try:
        end = start + dt.timedelta(minutes=minutes)
    except OverflowError:
        end = dt.datetime.max
    form = arrangements.ItemForm(
        kind="meal", start=start, end=end, place=place, notes=notes, guests=guests, diners=diners
    )

    def run():
        info, _ = arrangements.save_item(world["admin"], world["app"], form)
        item = ItineraryItem.get_by_id(info.id)
        _fits(item)
        assert item.end > item.start

    attempt(run)


@FAST
@given(
    discussed=texts, requirements=texts, satisfaction=st.integers(-5, 10), action=texts, due=st.none() | dates
)
def test_feedback_any_input(world, discussed, requirements, satisfaction, action, due):
    form = feedback.FeedbackForm(
        discussed,
        requirements,
        satisfaction,
        world["host"],
        [feedback.ActionForm(action, world["host"], due)],
    )

    def run():
        feedback.submit(world["lina"], world["app"], form)
        fb = Feedback.get(Feedback.reception == world["app"])
        _fits(fb)
        for row in FeedbackAction.select().where(FeedbackAction.feedback == fb):
            _fits(row)

    attempt(run)


# ------------------------------------------------------------------ valid input round-trips

clean_chars = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))


def clean_text(max_size: int):
    return st.text(clean_chars, min_size=1, max_size=max_size).map(str.strip).filter(bool)


@FAST
@given(
    vendor=clean_text(200),
    invoice=st.text("0123456789", min_size=0, max_size=40),
    cents=st.integers(1, 99_999_999_999),
    day=st.dates(DATE_MIN, DATE_MAX),
    guests=st.integers(1, 9999),
)
def test_expense_line_round_trip(world, vendor, invoice, cents, day, guests):
    total = Decimal(cents) / 100
    form = expenses.LineForm(
        "meals", day, str(total), vendor=vendor, invoice_no=invoice, guests=guests, reason="说明"
    )

    def run():
        line = ExpenseLine.get_by_id(expenses.save_line(world["lina"], world["app"], form))
        assert (line.vendor, line.invoice_no, line.date, line.guests) == (vendor, invoice, day, guests)
        assert line.total == total
        return True

    assert attempt(run) is True


@FAST
@given(name=clean_text(60), company=clean_text(200), remarks=clean_text(500), people=st.integers(1, 999))
def test_check_in_round_trip(world, name, company, remarks, people):
    form = visitors.VisitForm(
        name=name,
        company=company,
        phone="13812345678",
        host_id=world["host"],
        remarks=remarks,
        people_count=people,
    )

    def run():
        stored = Visit.get_by_id(visitors.check_in(world["desk"], form).id)
        assert (stored.name, stored.company, stored.remarks, stored.people_count) == (
            name,
            company,
            remarks,
            people,
        )
        return True

    assert attempt(run) is True
