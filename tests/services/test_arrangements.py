"""Arrangements: bookings without clashes, caps from the approved standard, revisions, feedback."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop import clock
from desktop.services import applications as apps
from desktop.services import arrangements as arr
from desktop.services import auth, feedback, notifications, org, resources, visitors
from desktop.services.arrangements import BookingConflict, ItemForm
from desktop.services.errors import PermissionDenied, ValidationError


@pytest.fixture
def office(demo_db):
    admin = auth.actor_by_username("admin")
    lina = auth.actor_by_username("lina")
    approved = [
        a
        for a in apps.list_applications(admin, scope="all")
        if a.status == apps.APPROVED and a.arrival.date() >= clock.today()
    ]
    approved.sort(key=lambda a: a.arrival)
    # Resources of their own, so the demo's arrangements never get in the way.
    room = resources.save(admin, "rooms", {"name": "测试会议室", "capacity": 20, "projector": True})
    small = resources.save(admin, "rooms", {"name": "测试小会议室", "capacity": 6, "projector": False})
    car = resources.save(admin, "vehicles", {"plate": "测A·00001", "seats": 5})
    return admin, lina, approved, room, small, car


TESTER = 0


@pytest.fixture(autouse=True)
def _tester(demo_db):
    """An employee no demo arrangement books."""
    global TESTER
    admin = auth.actor_by_username("admin")
    dep = org.list_departments()[0]
    TESTER = org.save_employee(admin, name="测试员", department_id=dep.id).id


def at(app, hour, minute=0):
    return dt.datetime.combine(app.arrival.date(), dt.time(hour, minute))


def meeting(app, start, end, **kw) -> ItemForm:
    return ItemForm(kind="meeting", start=start, end=end, guests=app.guest_count, **kw)


def test_room_vehicle_and_people_clashes(office):
    admin, _, approved, room, _, car = office
    a, b = approved[0], approved[1]
    same_day_b = dt.datetime.combine(a.arrival.date(), dt.time(10))
    arr.save_item(
        admin,
        a.id,
        meeting(a, at(a, 9), at(a, 10), room_id=room.id, vehicle_id=car.id, attendee_ids=[TESTER]),
    )
    with pytest.raises(BookingConflict) as exc:
        arr.save_item(admin, b.id, meeting(b, at(a, 9, 30), at(a, 11), room_id=room.id))
    assert a.client_company in str(exc.value) and "09:00–10:00" in str(exc.value)
    with pytest.raises(BookingConflict, match="车辆"):
        arr.save_item(
            admin, b.id, ItemForm(kind="pickup", start=at(a, 8), end=at(a, 9, 1), vehicle_id=car.id)
        )
    with pytest.raises(BookingConflict, match="已安排在"):
        arr.save_item(admin, b.id, meeting(b, at(a, 9, 59), at(a, 12), attendee_ids=[TESTER]))
    # Touching intervals are not a clash.
    item, _ = arr.save_item(
        admin,
        b.id,
        meeting(b, same_day_b, at(a, 11), room_id=room.id, vehicle_id=car.id, attendee_ids=[TESTER]),
    )
    assert item.room_id == room.id
    # Editing an item does not clash with itself.
    arr.save_item(admin, b.id, meeting(b, same_day_b, at(a, 11, 30), room_id=room.id), item.id)


def test_small_room_warns_and_validation(office):
    admin, _, approved, _, small, _ = office
    a = approved[0]
    form = meeting(a, at(a, 14), at(a, 15), room_id=small.id, attendee_ids=[1, 2, 3, 4, 5])
    _, warnings = arr.save_item(admin, a.id, form)
    assert any("只能坐 6 人" in w for w in warnings)
    with pytest.raises(ValidationError) as exc:
        arr.save_item(admin, a.id, meeting(a, at(a, 16), at(a, 15)))
    assert "end" in exc.value.errors


def test_item_must_fall_within_the_reception_dates(office):
    admin, _, approved, _, _, _ = office
    a = approved[0]
    first, last = a.arrival.date(), a.departure.date()
    day = dt.timedelta(days=1)

    def on(d: dt.date, hour: int) -> dt.datetime:
        return dt.datetime.combine(d, dt.time(hour))

    with pytest.raises(ValidationError) as exc:
        arr.save_item(admin, a.id, meeting(a, on(first - day, 15), on(first - day, 16)))
    assert "接待日期之内" in exc.value.errors["start"] and f"{first:%Y-%m-%d}" in exc.value.errors["start"]
    with pytest.raises(ValidationError) as exc:
        arr.save_item(admin, a.id, meeting(a, on(last, 16), on(last + day, 10)))
    assert set(exc.value.errors) == {"end"}
    # A pickup the evening before and a send-off the morning after are normal …
    arr.save_item(admin, a.id, ItemForm(kind="pickup", start=on(first - day, 20), end=on(first - day, 21)))
    arr.save_item(admin, a.id, ItemForm(kind="sendoff", start=on(last + day, 8), end=on(last + day, 9)))
    # … two days out is not.
    with pytest.raises(ValidationError) as exc:
        arr.save_item(
            admin, a.id, ItemForm(kind="pickup", start=on(first - 2 * day, 20), end=on(first - 2 * day, 21))
        )
    assert "前后一天" in exc.value.errors["start"]


def test_accompany_limit_and_hotel_cap(office):
    admin, _, approved, _, _, _ = office
    b_level = next(a for a in approved if a.level_code == "B")
    meal = ItemForm(kind="meal", start=at(b_level, 12), end=at(b_level, 13, 30), guests=2, diners=4)
    with pytest.raises(ValidationError) as exc:
        arr.save_item(admin, b_level.id, meal)
    assert "上限 3 人" in exc.value.errors["diners"]
    meal.diners = 3
    arr.save_item(admin, b_level.id, meal)
    hotels = {h.values["name"]: h for h in resources.items("hotels")}
    expensive = ItemForm(
        kind="hotel",
        start=at(b_level, 20),
        end=at(b_level, 21),
        hotel_id=hotels["君悦商务酒店"].id,
        rooms=2,
        nights=1,
    )
    with pytest.raises(ValidationError, match="超过 B 级住宿标准"):
        arr.save_item(admin, b_level.id, expensive)
    expensive.hotel_id = hotels["维也纳国际酒店"].id  # 380 ≤ 400
    arr.save_item(admin, b_level.id, expensive)


def test_only_admin_office_arranges(office):
    _, lina, approved, room, _, _ = office
    with pytest.raises(PermissionDenied):
        arr.save_item(lina, approved[0].id, meeting(approved[0], at(approved[0], 9), at(approved[0], 10)))


def test_revision_after_printing(office):
    admin, _, approved, room, _, _ = office
    a = approved[0]
    detail = arr.get(admin, a.id)
    assert [c.name for c in detail.checklist][:3] == ["欢迎牌", "横幅", "桌牌"]
    arr.ensure(admin, a.id)  # reading alone no longer creates the arrangement (issue 15)
    detail = arr.get(admin, a.id)
    assert [c.name for c in detail.checklist][:3] == ["欢迎牌", "横幅", "桌牌"] and detail.id
    arr.mark_printed(admin, detail.id)
    assert not arr.get(admin, a.id).changed_since_print
    arr.save_item(admin, a.id, meeting(a, at(a, 9), at(a, 10), room_id=room.id))
    changed = arr.get(admin, a.id)
    assert changed.revision == detail.revision + 1 and changed.changed_since_print
    arr.set_checklist(admin, changed.checklist[0].id, done=True)
    assert arr.get(admin, a.id).revision == changed.revision  # one revision per print


def test_lines_deleted_after_printing_are_listed_as_cancelled(office):
    admin, _, approved, room, _, _ = office
    a = approved[0]
    kept, _ = arr.save_item(admin, a.id, meeting(a, at(a, 9), at(a, 10), room_id=room.id))
    dropped, _ = arr.save_item(admin, a.id, meeting(a, at(a, 14), at(a, 15), place="二号车间"))
    detail = arr.get(admin, a.id)
    assert detail.cancelled == ()
    arr.mark_printed(admin, detail.id)
    arr.delete_item(admin, dropped.id)
    revised = arr.get(admin, a.id)
    ids = {i.id for i in revised.items}
    assert kept.id in ids and dropped.id not in ids
    # As the printed copy carried it: time, kind and place.
    assert [(c.id, c.start, c.kind, c.place) for c in revised.cancelled] == [
        (dropped.id, at(a, 14), "meeting", "二号车间")
    ]
    arr.mark_printed(admin, revised.id)  # the new print no longer carries it
    assert arr.get(admin, a.id).cancelled == ()


def test_pickup_meets_an_hour_early(office):
    admin, _, approved, _, _, car = office
    from desktop.models import Application

    a = approved[0]
    form = arr.pickup_form(Application.get_by_id(a.id), at(a, 8, 40), "CA1234", "白云机场 T2")
    form.vehicle_id = car.id
    item, _ = arr.save_item(admin, a.id, form)
    assert item.start == at(a, 7, 40) and "CA1234" in item.summary()


def test_schedule_filters_and_checklist(office):
    admin, _, approved, room, _, car = office
    a = approved[0]
    arr.save_item(admin, a.id, meeting(a, at(a, 9), at(a, 10), room_id=room.id))
    week = arr.schedule(admin, clock.today(), clock.today() + dt.timedelta(days=14))
    assert {e.number for e in week} >= {
        x.number for x in approved if x.arrival.date() <= clock.today() + dt.timedelta(days=14)
    }
    only_room = arr.schedule(admin, a.arrival.date(), a.arrival.date(), arr.ScheduleFilter(room_id=room.id))
    assert [e.item.room_id for e in only_room] == [room.id]
    assert arr.schedule(admin, a.arrival.date(), a.arrival.date(), arr.ScheduleFilter(level_code="Z")) == []
    open_items = arr.open_checklist(admin, a.arrival.date())
    assert "欢迎牌" in [name for _, name, _ in open_items]


def test_tbc_tour_reminder(office):
    admin, _, approved, _, _, _ = office
    a = approved[0]
    tour = ItemForm(kind="tour", start=at(a, 16, 30), end=at(a, 17), route="总装车间", to_be_confirmed=True)
    arr.save_item(admin, a.id, tour)
    assert arr.send_due_reminders(at(a, 15)) == 0
    assert arr.send_due_reminders(at(a, 15, 40)) == 1
    assert arr.send_due_reminders(at(a, 15, 50)) == 0  # once
    host = auth.actor_by_username("lina")
    assert "参观时间待确认" in notifications.recent(host)[0].title


def test_expected_today_from_approved_receptions(office):
    admin, lina, approved, _, _, _ = office
    desk = auth.actor_by_username("qiantai")
    a = approved[0]
    expected = visitors.expected_on(desk, a.arrival.date())
    from_reception = [v for v in expected if v.company == a.client_company and a.number in v.remarks]
    assert len(from_reception) == a.guest_count
    assert len(visitors.expected_on(desk, a.arrival.date())) == len(expected)  # idempotent


def test_feedback_due_across_a_holiday(database):
    # Ends Wednesday 30 September 2026: 1–7 October off, so due Friday 9 October.
    assert feedback.due_date(dt.datetime(2026, 9, 30, 17)) == dt.date(2026, 10, 9)
    assert feedback.due_date(dt.datetime(2026, 11, 20, 17)) == dt.date(2026, 11, 24)


def test_feedback_overdue_and_submit(office):
    admin, lina, approved, _, _, _ = office
    a = approved[0]
    later = feedback.due_date(a.departure) + dt.timedelta(days=1)
    late = feedback.overdue(admin, today=later)
    assert a.number in [s.number for s in late]
    with pytest.raises(ValidationError) as exc:
        feedback.submit(lina, a.id, feedback.FeedbackForm(satisfaction=9))
    assert {"discussed", "satisfaction"} <= set(exc.value.errors)
    form = feedback.FeedbackForm(
        discussed="年度框架协议",
        requirements="降价 3%",
        satisfaction=4,
        followup_owner_id=1,
        actions=[feedback.ActionForm("发送报价", 1, later)],
    )
    feedback.submit(lina, a.id, form)
    assert a.number not in [s.number for s in feedback.overdue(admin, today=later)]
    assert feedback.get(lina, a.id).actions[0].action == "发送报价"
