"""Front-desk rules, tested without Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop import clock
from desktop.services import auth, denylist, notifications, org, visitors
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from desktop.services.text import is_valid_id_number, mask_id_number, pinyin_keys
from desktop.services.visitors import AlreadyOnSite, DenyListHit, VisitForm
from tests.conftest import make_user


@pytest.fixture
def office(admin):
    dep = org.save_department(admin, "销售一部")
    host = org.save_employee(admin, name="张伟", department_id=dep.id, phone="13900001111")
    host_user = make_user(admin, "zhangwei", {auth.HOST}, employee_id=host.id)
    desk = make_user(admin, "desk", {auth.RECEPTIONIST})
    return dep, host, host_user, desk


def form(host_id, **kw) -> VisitForm:
    values = dict(name="李四", phone="13812345678", company="深圳创新电子", host_id=host_id)
    values.update(kw)
    return VisitForm(**values)


def test_text_helpers():
    assert pinyin_keys("张伟") == ("zhangwei", "zw")
    assert pinyin_keys("李四") == ("lisi", "ls")
    assert mask_id_number("440106199001011234") == "4401**********1234"
    assert is_valid_id_number("11010519491231002X")
    assert not is_valid_id_number("110105194912310021")


def test_validation_names_each_field(office):
    _, host, _, desk = office
    with pytest.raises(ValidationError) as exc:
        visitors.check_in(desk, VisitForm(phone="12", id_number="440106199001011236", people_count=0))
    assert set(exc.value.errors) >= {"name", "phone", "id_number", "people_count", "host"}


def test_check_in_notifies_host_and_reuses_visitor(office):
    dep, host, host_user, desk = office
    row = visitors.check_in(desk, form(host.id))
    assert row.status == visitors.ON_SITE and row.time_in is not None
    assert row.department == "销售一部" and row.wait_location == "一楼会客区"
    assert notifications.unread_count(host_user) == 1
    assert "李四" in notifications.recent(host_user)[0].title
    visitors.check_out(desk, [row.id])
    again = visitors.check_in(desk, form(host.id))
    assert again.visitor_id == row.visitor_id
    assert visitors.suggest_visitors(desk, "ls")[0].visit_count == 2
    assert notifications.mark_read(host_user) == 2
    assert notifications.unread_count(host_user) == 0


def test_autofill_by_phone_name_and_pinyin(office):
    _, host, _, desk = office
    visitors.check_in(desk, form(host.id, name="张伟", phone="13700001234", id_number="440106199001011235"))
    for text in ("zw", "zhangwei", "张", "0001234"):
        found = visitors.suggest_visitors(desk, text)
        assert [s.name for s in found] == ["张伟"], text
    suggestion = visitors.suggest_visitors(desk, "zw")[0]
    assert suggestion.id_number_masked == "4401**********1235" and suggestion.has_id_number
    assert suggestion.last_host_id == host.id


def test_id_numbers_unmasked_only_for_sysadmin(office, admin):
    _, host, _, desk = office
    row = visitors.check_in(desk, form(host.id, id_number="440106199001011235"))
    assert row.id_number == "4401**********1235"
    assert visitors.get_visit(admin, row.id).id_number == "440106199001011235"
    auditor = make_user(admin, "audit", {auth.AUDITOR})
    assert visitors.search_log(auditor, visitors.LogQuery())[0].id_number.startswith("4401****")


def test_deny_list_needs_an_authorised_confirmation(office, admin):
    _, host, _, desk = office
    entry = denylist.save_entry(admin, phone="138-1234-5678", reason="冒充客户推销")
    with pytest.raises(DenyListHit) as hit:
        visitors.check_in(desk, form(host.id))
    assert "冒充客户推销" in str(hit.value) and hit.value.entries[0].id == entry.id
    with pytest.raises(PermissionDenied):
        visitors.check_in(desk, form(host.id), deny_override=desk)
    supervisor = make_user(admin, "xingzheng", {auth.ADMIN_OFFICE})
    row = visitors.check_in(desk, form(host.id), deny_override=supervisor)
    assert "冒充客户推销" in row.deny_reason


def test_already_on_site_and_badges(office):
    _, host, _, desk = office
    first = visitors.check_in(desk, form(host.id, badge_no="7"))
    assert visitors.next_badge_no() == "1"
    with pytest.raises(AlreadyOnSite):
        visitors.check_in(desk, form(host.id))
    with pytest.raises(ValidationError) as exc:
        visitors.check_in(desk, form(host.id, name="王五", phone="13600000000", badge_no="7"))
    assert "李四" in exc.value.errors["badge_no"]
    second = visitors.check_in(desk, form(host.id), confirm_duplicate=True)
    assert second.id != first.id


def test_check_out_rules(office):
    _, host, _, desk = office
    a = visitors.check_in(desk, form(host.id, name="甲", phone="13600000001"))
    b = visitors.check_in(desk, form(host.id, name="乙", phone="13600000002"))
    expected = visitors.preregister(desk, form(host.id, name="丙", expected_date=clock.today()))
    with pytest.raises(ServiceError, match="尚未签到"):
        visitors.check_out(desk, [a.id, expected.id])
    assert visitors.get_visit(desk, a.id).status == visitors.ON_SITE  # all or nothing
    with pytest.raises(ServiceError, match="早于签到时间"):
        visitors.check_out(desk, [a.id], now=a.time_in - dt.timedelta(minutes=5))
    assert visitors.check_out(desk, [a.id]) == 1
    with pytest.raises(ServiceError, match="已于"):
        visitors.check_out(desk, [a.id])
    assert visitors.check_out_all(desk) == 1
    assert visitors.get_visit(desk, b.id).status == visitors.LEFT
    assert visitors.on_site(desk) == []


def test_expected_visits(office):
    _, host, host_user, desk = office
    with pytest.raises(ValidationError):
        visitors.preregister(host_user, form(host.id, expected_date=clock.today() - dt.timedelta(days=1)))
    row = visitors.preregister(
        host_user, form(host.id, phone="", expected_date=clock.today(), expected_time=dt.time(14, 0))
    )
    assert [r.id for r in visitors.expected_on(desk)] == [row.id]
    assert [r.id for r in visitors.upcoming_expected(host_user)] == [row.id]
    done = visitors.check_in_expected(desk, row.id)
    assert done.status == visitors.ON_SITE and done.badge_no == "1"
    with pytest.raises(ServiceError):
        visitors.check_in_expected(desk, row.id)
    other = visitors.preregister(host_user, form(host.id, name="赵六", expected_date=clock.today()))
    visitors.cancel_expected(host_user, other.id)
    assert visitors.expected_on(desk) == []


def test_roles_are_enforced_in_the_services(office, admin):
    _, host, host_user, desk = office
    auditor = make_user(admin, "audit", {auth.AUDITOR})
    with pytest.raises(PermissionDenied):
        visitors.check_in(host_user, form(host.id))
    with pytest.raises(PermissionDenied):
        visitors.check_in(auditor, form(host.id))
    with pytest.raises(PermissionDenied):
        visitors.search_log(host_user, visitors.LogQuery())
    with pytest.raises(PermissionDenied):
        org.save_department(desk, "新部门")
    with pytest.raises(PermissionDenied):
        denylist.save_entry(desk, name="x", reason="y")
    with pytest.raises(PermissionDenied):
        auth.list_users(desk)
    assert visitors.count_log(auditor, visitors.LogQuery()) == 0


def test_log_search_sort_and_paging(office):
    _, host, _, desk = office
    base = clock.now().replace(microsecond=0) - dt.timedelta(days=3)
    names = ["王一", "李二", "张三", "赵四", "钱五"]
    for i, name in enumerate(names):
        row = visitors.check_in(
            desk,
            form(host.id, name=name, phone=f"1360000000{i}", company="华东精密" if i % 2 else "广州白云"),
            now=base + dt.timedelta(days=i % 3, hours=i),
        )
        visitors.check_out(desk, [row.id], now=row.time_in + dt.timedelta(hours=1))
    q = visitors.LogQuery
    assert visitors.count_log(desk, q()) == 5
    assert {r.name for r in visitors.search_log(desk, q(text="华东"))} == {"李二", "赵四"}
    assert {r.name for r in visitors.search_log(desk, q(text="zs"))} == {"张三", "赵四"}
    assert [r.name for r in visitors.search_log(desk, q(text="zhangs"))] == ["张三"]
    assert [r.name for r in visitors.search_log(desk, q(text="00000003"))] == ["赵四"]
    day = base.date()
    in_range = visitors.search_log(desk, q(date_from=day, date_to=day))
    assert {r.time_in.date() for r in in_range} == {day}
    by_name = [r.name for r in visitors.search_log(desk, q(sort_key="name", descending=False))]
    assert by_name == sorted(names, key=lambda n: pinyin_keys(n)[0])
    page1 = visitors.search_log(desk, q(), 0, 2)
    page2 = visitors.search_log(desk, q(), 2, 2)
    page3 = visitors.search_log(desk, q(), 4, 2)
    ids = [r.id for r in page1 + page2 + page3]
    assert len(ids) == 5 == len(set(ids))
    assert [r.name for r in visitors.day_log(desk, day)] == [
        r.name for r in sorted(in_range, key=lambda r: r.time_in)
    ]
