"""The front desk's rules from issue 9: appointments found at check-in, a deny list that sees
through how a name was typed, check-out that can be taken back, badges never handed out twice.

Service level, no Qt; the clock is pinned where minutes matter.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop import clock
from desktop.models import Visit
from desktop.services import auth, denylist, org, visitors
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from desktop.services.text import company_forms, normalize_name, normalize_phone
from desktop.services.visitors import DenyListHit, VisitForm
from tests.conftest import make_user

DAY = dt.date(2026, 11, 27)  # a Friday
MORNING = dt.datetime(2026, 11, 27, 9, 0)


@pytest.fixture
def office(admin):
    clock.set_today(DAY)
    dep = org.save_department(admin, "销售一部")
    host = org.save_employee(admin, name="张伟", department_id=dep.id, phone="13900001111")
    other = org.save_employee(admin, name="黄磊", department_id=dep.id, phone="13900002222")
    host_user = make_user(admin, "zhangwei", {auth.HOST}, employee_id=host.id)
    desk = make_user(admin, "desk", {auth.RECEPTIONIST})
    yield host, other, host_user, desk
    clock.set_today(None)


def form(host_id, **kw) -> VisitForm:
    values = dict(name="王小明", phone="13812345678", company="星河贸易", host_id=host_id)
    values.update(kw)
    return VisitForm(**values)


def visits_named(name: str) -> list[Visit]:
    return list(Visit.select().where(Visit.name == name))


# ---------------------------------------------------------------- appointments at check-in


def test_check_in_by_name_and_phone_takes_todays_preregistered_appointment(office):
    host, _, host_user, desk = office
    booked = visitors.preregister(host_user, form(host.id, expected_date=DAY, expected_time=dt.time(14, 0)))
    row = visitors.check_in(desk, form(host.id, phone="138 1234 5678", badge_no="3"), now=MORNING)
    assert row.id == booked.id  # that appointment, not a second (walk-in) visit
    assert row.status == visitors.ON_SITE and row.kind == visitors.APPOINTMENT
    assert row.time_in == MORNING and row.badge_no == "3"
    assert row.expected_time == dt.time(14, 0)  # what was announced stays on the record
    assert len(visits_named("王小明")) == 1
    assert visitors.expected_on(desk, DAY) == []


def test_same_name_with_another_phone_is_another_person(office):
    host, _, host_user, desk = office
    booked = visitors.preregister(host_user, form(host.id, expected_date=DAY))
    row = visitors.check_in(desk, form(host.id, phone="13700000000"), now=MORNING)
    assert row.id != booked.id and row.kind == visitors.WALK_IN
    assert [r.id for r in visitors.expected_on(desk, DAY)] == [booked.id]


def test_an_appointment_of_another_day_is_not_taken(office):
    host, _, host_user, desk = office
    monday = visitors.preregister(host_user, form(host.id, expected_date=DAY + dt.timedelta(days=3)))
    row = visitors.check_in(desk, form(host.id), now=MORNING)
    assert row.id != monday.id
    assert visitors.get_visit(desk, monday.id).status == visitors.EXPECTED


def _reception_guest(host_id: int, name: str) -> Visit:
    """An expected visit as ``reception_visits.sync_expected`` makes it for a guest of an
    approved reception: no phone, linked to the reception."""
    from desktop.services.text import pinyin_keys

    full, initials = pinyin_keys(name)
    return Visit.create(
        name=name,
        name_pinyin=full,
        name_initials=initials,
        company="东方精工",
        people_count=1,
        host=host_id,
        kind=visitors.APPOINTMENT,
        status=visitors.EXPECTED,
        expected_date=DAY,
        expected_time=dt.time(10, 0),
        remarks="JD-2026-0031 采购总监",
        reception_id=4242,
    )


def test_autofill_offers_todays_reception_guest_and_check_in_takes_it(office):
    host, other, _, desk = office
    guest = _reception_guest(other.id, "赵敏")
    found = visitors.suggest_visitors(desk, "zm")
    assert found and found[0].expected_visit_id == guest.id and found[0].name == "赵敏"
    assert found[0].expected_time == dt.time(10, 0) and found[0].last_host_id == other.id
    picked = form(other.id, name="赵敏", phone="13655556666", company="东方精工", visit_id=guest.id)
    row = visitors.check_in(desk, picked, now=MORNING)
    assert row.id == guest.id and row.status == visitors.ON_SITE
    assert row.phone == "13655556666"  # what the desk learnt is kept
    assert row.remarks == "JD-2026-0031 采购总监"
    assert Visit.get_by_id(guest.id).reception_id == 4242
    assert len(visits_named("赵敏")) == 1


def test_check_in_by_name_finds_a_reception_guest_without_phone(office):
    host, other, _, desk = office
    guest = _reception_guest(other.id, "赵敏")
    row = visitors.check_in(desk, form(other.id, name="赵敏", phone="13655556666"), now=MORNING)
    assert row.id == guest.id


def test_a_picked_appointment_typed_over_with_another_name_is_not_taken(office):
    host, other, _, desk = office
    guest = _reception_guest(other.id, "赵敏")
    row = visitors.check_in(desk, form(host.id, name="钱多多", visit_id=guest.id), now=MORNING)
    assert row.id != guest.id
    assert visitors.get_visit(desk, guest.id).status == visitors.EXPECTED


def test_an_appointment_checked_in_elsewhere_meanwhile_is_refused(office):
    host, _, host_user, desk = office
    booked = visitors.preregister(host_user, form(host.id, expected_date=DAY))
    picked = form(host.id, visit_id=booked.id)
    visitors.check_in_expected(desk, booked.id, now=MORNING)  # the other desk, a moment earlier
    with pytest.raises(visitors.AlreadyOnSite):
        visitors.check_in(desk, picked, now=MORNING)


# ---------------------------------------------------------------- deny list


def test_normalisers():
    assert company_forms("东莞恒信模具有限公司") == {"东莞恒信模具"}
    assert company_forms("东莞恒信模具（集团）股份有限公司") == {"东莞恒信模具"}
    assert company_forms("ＡＢＣ Trading Co., Ltd.") == {"abctrading"}
    assert company_forms("Tesco") == {"tesco"}  # "co" only as a word of its own
    assert normalize_phone("+86 138-1234-5678") == normalize_phone("13812345678") == "13812345678"
    assert normalize_phone("0086 13812345678") == "13812345678"
    assert normalize_phone("(020) 8888 1234") == normalize_phone("+86 20 8888-1234")
    assert normalize_name("王 小明") == normalize_name("王小明")
    assert normalize_name("ＴＯＭ　ＬＩ") == normalize_name("Tom Li")


@pytest.mark.parametrize(
    "typed",
    [
        "东莞恒信模具",
        "东莞恒信模具有限公司",
        "东莞恒信模具 有限公司",
        "东莞恒信模具（集团）股份有限公司",
        "东莞恒信模具有限责任公司",
        "【东莞】恒信模具有限公司",
        "东莞恒信模具有限公司深圳分公司",
    ],
)
def test_deny_list_matches_a_company_however_typed(admin, typed):
    denylist.save_entry(admin, company="东莞恒信模具有限公司", reason="车间拍照")
    assert [e.company for e in denylist.matches("某人", typed, "")] == ["东莞恒信模具有限公司"]


@pytest.mark.parametrize("typed", ["东莞", "恒信地产有限公司", "东莞精密模具有限公司", ""])
def test_deny_list_does_not_match_other_companies(admin, typed):
    denylist.save_entry(admin, company="东莞恒信模具有限公司", reason="车间拍照")
    assert denylist.matches("某人", typed, "") == []


def test_deny_list_matches_names_and_phones_however_typed(admin):
    denylist.save_entry(admin, name="马六", reason="推销")
    denylist.save_entry(admin, name="Tom Li", reason="冒充客户")
    denylist.save_entry(admin, phone="13812345678", reason="骚扰")
    assert [e.reason for e in denylist.matches("马 六", "", "")] == ["推销"]
    assert [e.reason for e in denylist.matches("ＴＯＭ ＬＩ", "", "")] == ["冒充客户"]
    assert [e.reason for e in denylist.matches("张三", "", "+86 138-1234-5678")] == ["骚扰"]
    assert [e.reason for e in denylist.matches("张三", "", "0086 138 1234 5678")] == ["骚扰"]
    assert denylist.matches("马六六", "", "13812345679") == []


def test_check_in_stops_at_a_partially_typed_listed_company(office, admin):
    host, _, _, desk = office
    denylist.save_entry(admin, company="东莞恒信模具有限公司", reason="车间拍照")
    with pytest.raises(DenyListHit, match="车间拍照"):
        visitors.check_in(desk, form(host.id, company="东莞恒信模具"))


# ---------------------------------------------------------------- check-out undo


def test_undo_check_out_within_five_minutes(office):
    host, _, _, desk = office
    row = visitors.check_in(desk, form(host.id, badge_no="5"), now=MORNING)
    out_at = MORNING + dt.timedelta(hours=1)
    visitors.check_out(desk, [row.id], now=out_at)
    back = visitors.undo_check_out(desk, [row.id], now=out_at + dt.timedelta(minutes=4))
    assert [r.status for r in back] == [visitors.ON_SITE]
    assert back[0].time_out is None and back[0].badge_no == "5" and back[0].time_in == MORNING
    assert [r.id for r in visitors.on_site(desk)] == [row.id]


def test_undo_check_out_is_refused_after_five_minutes(office):
    host, _, _, desk = office
    row = visitors.check_in(desk, form(host.id), now=MORNING)
    out_at = MORNING + dt.timedelta(hours=1)
    visitors.check_out(desk, [row.id], now=out_at)
    with pytest.raises(ServiceError, match="超过 5 分钟"):
        visitors.undo_check_out(desk, [row.id], now=out_at + dt.timedelta(minutes=6))
    assert visitors.get_visit(desk, row.id).status == visitors.LEFT


def test_undo_check_out_by_the_clerk_who_did_it_only(office, admin):
    host, _, host_user, desk = office
    colleague = make_user(admin, "desk2", {auth.RECEPTIONIST})
    row = visitors.check_in(desk, form(host.id), now=MORNING)
    out_at = MORNING + dt.timedelta(hours=1)
    visitors.check_out(desk, [row.id], now=out_at)
    with pytest.raises(PermissionDenied):
        visitors.undo_check_out(host_user, [row.id], now=out_at)  # not a desk role
    with pytest.raises(ServiceError, match="不是您办理的签离"):
        visitors.undo_check_out(colleague, [row.id], now=out_at)
    with pytest.raises(ServiceError, match="并未签离"):
        other = visitors.check_in(desk, form(host.id, name="李雷", phone="13600000001"), now=MORNING)
        visitors.undo_check_out(desk, [row.id, other.id], now=out_at)
    assert visitors.get_visit(desk, row.id).status == visitors.LEFT  # all or nothing


def test_undo_check_out_never_hands_a_badge_out_twice(office):
    host, _, _, desk = office
    row = visitors.check_in(desk, form(host.id, badge_no="5"), now=MORNING)
    out_at = MORNING + dt.timedelta(hours=1)
    visitors.check_out(desk, [row.id], now=out_at)
    assert visitors.next_badge_no() == "1"
    newcomer = visitors.check_in(
        desk, form(host.id, name="李雷", phone="13600000001", badge_no="5"), now=out_at
    )
    back = visitors.undo_check_out(desk, [row.id], now=out_at + dt.timedelta(minutes=1))
    assert back[0].status == visitors.ON_SITE and back[0].badge_no == ""
    assert visitors.get_visit(desk, newcomer.id).badge_no == "5"


# ---------------------------------------------------------------- badges


def test_a_badge_on_site_is_refused_however_it_is_typed(office):
    host, _, _, desk = office
    visitors.check_in(desk, form(host.id, badge_no="7"), now=MORNING)
    for typed in ("07", " 7 ", "７"):
        with pytest.raises(ValidationError) as exc:
            visitors.check_in(
                desk, form(host.id, name="李雷", phone="13600000001", badge_no=typed), now=MORNING
            )
        assert "王小明" in exc.value.errors["badge_no"]


def test_next_badge_skips_badges_on_site_however_typed(office):
    host, _, _, desk = office
    visitors.check_in(desk, form(host.id, badge_no="01"), now=MORNING)
    visitors.check_in(desk, form(host.id, name="李雷", phone="13600000001", badge_no="2"), now=MORNING)
    assert visitors.next_badge_no() == "3"
    booked = visitors.preregister(desk, form(host.id, name="韩梅梅", phone="", expected_date=DAY))
    assert visitors.check_in_expected(desk, booked.id, now=MORNING).badge_no == "3"
    assert visitors.next_badge_no() == "4"
