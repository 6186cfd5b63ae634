"""Reception standards, estimates, lead times, the approval chain, revisions — without Qt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop import clock
from desktop.services import applications as apps
from desktop.services import approval, auth, budgets, org, standards, workdays
from desktop.services.applications import ApplicationForm, GuestForm, LineForm
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from desktop.services.money import chinese_capital
from tests.conftest import make_user


@pytest.fixture
def office(admin):
    sales = org.save_department(admin, "销售一部")
    other = org.save_department(admin, "技术部")
    host = org.save_employee(admin, name="李娜", department_id=sales.id)
    boss = org.save_employee(admin, name="张伟", department_id=sales.id)
    tech_boss = org.save_employee(admin, name="冯涛", department_id=other.id)
    people = {
        "host": make_user(admin, "lina", {auth.HOST}, host.id),
        "manager": make_user(admin, "zhangwei", {auth.DEPT_MANAGER, auth.HOST}, boss.id),
        "other_manager": make_user(admin, "fengtao", {auth.DEPT_MANAGER}, tech_boss.id),
        "admin_office": make_user(admin, "xingzheng", {auth.ADMIN_OFFICE}),
        "finance": make_user(admin, "caiwu", {auth.FINANCE}),
        "gm": make_user(admin, "zongjingli", {auth.GENERAL_MANAGER}),
        "chairman": make_user(admin, "dongshizhang", {auth.CHAIRMAN}),
    }
    return sales, host, people


def form(sales, host, level="B", days_ahead=14, **kw) -> ApplicationForm:
    arrival = dt.datetime.combine(clock.today() + dt.timedelta(days=days_ahead), dt.time(9))
    values = dict(
        client_company="华东精密机械有限公司",
        level_id=standards.level_by_code(level).id,
        department_id=sales.id,
        arrival=arrival,
        departure=arrival + dt.timedelta(days=1, hours=8),
        purpose="商务洽谈",
        responsible_id=host.id,
        meals=2,
        accompany_diners=2,
        guests=[GuestForm("王总", "总经理", "男"), GuestForm("刘工", "工程师", "女")],
    )
    values.update(kw)
    return ApplicationForm(**values)


def test_capital_numerals():
    assert chinese_capital(Decimal("1234.50")) == "壹仟贰佰叁拾肆元伍角整"
    assert chinese_capital("1001") == "壹仟零壹元整"
    assert chinese_capital("100000") == "壹拾万元整"
    assert chinese_capital("3.07") == "叁元零柒分"
    assert chinese_capital(0) == "零元整"


def test_estimate_from_caps(office):
    sales, host, _ = office
    est = apps.estimate(form(sales, host, needs_hotel=True, rooms=2, nights=1, needs_vehicle=True, trips=2))
    lines = {line.category: line for line in est.lines}
    assert lines["meals"].estimate == Decimal("1040.00")  # 130 × (2 guests + 2 diners) × 2 meals
    assert lines["lodging"].estimate == Decimal("800.00")  # 400 × 2 rooms × 1 night
    assert lines["transport"].estimate == Decimal("1000.00")  # 500 × 2 trips
    assert est.total == Decimal("2840.00") and est.total_capital == "贰仟捌佰肆拾元整"
    assert not est.over_standard and est.problems == {}


def test_over_cap_line_needs_a_reason_and_flags_over_standard(office):
    sales, host, _ = office
    est = apps.estimate(form(sales, host, lines=[LineForm("meals", "1500")]))
    assert est.over_standard
    assert "line_meals" in est.problems
    est = apps.estimate(form(sales, host, lines=[LineForm("meals", "1500", "客户总经理带队")]))
    assert est.over_standard and est.problems == {}


def test_accompany_limit():
    std = standards.StandardInfo(0, 0, "B", "四星", 1, *(Decimal(0),) * 5, "", 10, 3, 3, "", "", 1)
    assert std.accompany_limit(4) == 3
    assert std.accompany_limit(10) == 3
    assert std.accompany_limit(12) == 4
    assert std.accompany_limit(30) == 10


def test_accompany_limit_in_an_application(office):
    sales, host, _ = office
    est = apps.estimate(form(sales, host, accompany_diners=4))
    assert est.accompany_limit == 3 and "accompany_diners" in est.problems and est.over_standard


def test_working_days_across_national_day_and_a_make_up_saturday(database):
    # 2026: 1–7 October off; Saturday 10 October is a make-up working day (调休).
    assert not workdays.is_workday(dt.date(2026, 10, 5))
    assert workdays.is_workday(dt.date(2026, 10, 10))
    # Filed Wednesday 30 September for Monday 12 October: the filing day itself (issue 11:
    # "提前1天" is met by filing the working day before), Thursday 8, Friday 9, Saturday 10.
    assert workdays.lead_days_available(dt.date(2026, 9, 30), dt.date(2026, 10, 12)) == 4
    assert workdays.add_working_days(dt.date(2026, 9, 30), 2) == dt.date(2026, 10, 9)


def test_company_days_off_and_on(admin):
    friday = dt.date(2026, 11, 27)
    workdays.set_override(admin, friday, False, "公司年会")
    assert not workdays.is_workday(friday)
    workdays.set_override(admin, dt.date(2026, 11, 28), True, "补班")
    assert workdays.is_workday(dt.date(2026, 11, 28))
    workdays.set_override(admin, friday, None)
    assert workdays.is_workday(friday)


def test_lead_time_rule_and_urgent(office, monkeypatch):
    sales, host, people = office
    f = form(sales, host, level="A", days_ahead=1)
    info = apps.save_draft(people["host"], f)
    with pytest.raises(ValidationError) as exc:
        apps.submit(people["host"], info.id)
    assert "提前量不足" in exc.value.errors["arrival"]
    f.urgent, f.urgent_reason = True, "客户临时改期"
    apps.save_draft(people["host"], f, info.id)
    assert apps.submit(people["host"], info.id).status == apps.PENDING
    assert apps.get(people["host"], info.id).info.urgent


def test_gm_attending_needs_two_days(office):
    sales, host, _ = office
    std = standards.current_standard(standards.level_by_code("C").id)
    assert apps.lead_days_required(std, False, False) == 1
    assert apps.lead_days_required(std, True, False) == 2
    std_a = standards.current_standard(standards.level_by_code("A").id)
    assert apps.lead_days_required(std_a, True, False) == 3


def test_chain_selection_by_conditions(database):
    plain = approval.resolve_chain("B", False, Decimal("2000"))
    assert [r for r, _ in plain] == [auth.DEPT_MANAGER, auth.ADMIN_OFFICE, auth.FINANCE, auth.GENERAL_MANAGER]
    level_a = approval.resolve_chain("A", False, Decimal("2000"))
    assert [r for r, _ in level_a][-1] == auth.CHAIRMAN
    over = approval.resolve_chain("B", True, Decimal("2000"))
    assert [r for r, _ in over].count(auth.GENERAL_MANAGER) == 2


def test_chain_is_configurable(admin):
    steps = approval.chain_steps()
    extra = approval.StepInfo(0, 9, auth.FINANCE, "财务总监", (), False, Decimal("10000"), True)
    approval.save_chain(admin, [*steps, extra])
    assert len(approval.resolve_chain("C", False, Decimal("20000"))) == 5
    assert len(approval.resolve_chain("C", False, Decimal("5000"))) == 4
    with pytest.raises(PermissionDenied):
        approval.save_chain(make_user(admin, "x", {auth.ADMIN_OFFICE}), steps)


def walk(app_id, people, *keys):
    for key in keys:
        info = approval.decide(people[key], app_id, approval.APPROVE, "同意")
    return info


def test_full_approval_and_roles(office):
    sales, host, people = office
    info = apps.submit(people["host"], apps.save_draft(people["host"], form(sales, host)).id)
    assert approval.inbox_count(people["manager"]) == 1
    assert approval.inbox_count(people["other_manager"]) == 0  # not the applicant's department
    with pytest.raises(PermissionDenied, match="负责人"):
        approval.decide(people["other_manager"], info.id, approval.APPROVE)
    with pytest.raises(PermissionDenied):
        approval.decide(people["finance"], info.id, approval.APPROVE)  # not finance's turn yet
    with pytest.raises(PermissionDenied, match="自己"):
        approval.decide(people["host"], info.id, approval.APPROVE)
    info = walk(info.id, people, "manager", "admin_office", "finance")
    assert info.where == "待 总经理 审批"
    info = walk(info.id, people, "gm")
    assert info.status == apps.APPROVED
    history = apps.get(people["host"], info.id).approvals
    assert [a.decision for a in history] == ["submit", "approve", "approve", "approve", "approve"]
    assert history[1].user_name == "zhangwei" and history[1].step_label == "部门负责人"


def test_nobody_approves_their_own_application(office):
    sales, host, people = office
    manager = people["manager"]
    info = apps.submit(manager, apps.save_draft(manager, form(sales, host)).id)
    assert approval.inbox_count(manager) == 0
    with pytest.raises(PermissionDenied):
        approval.decide(manager, info.id, approval.APPROVE)


def test_reject_and_return_need_a_comment(office):
    sales, host, people = office
    info = apps.submit(people["host"], apps.save_draft(people["host"], form(sales, host)).id)
    with pytest.raises(ValidationError):
        approval.decide(people["manager"], info.id, approval.RETURN, "")
    returned = approval.decide(people["manager"], info.id, approval.RETURN, "请补充客户背景")
    assert returned.status == apps.RETURNED
    f = form(sales, host, background="长期合作客户")
    apps.save_draft(people["host"], f, info.id)
    again = apps.submit(people["host"], info.id)
    assert again.status == apps.PENDING and again.step_index == 0
    rejected = approval.decide(people["manager"], info.id, approval.REJECT, "本月预算不足")
    assert rejected.status == apps.REJECTED
    with pytest.raises(ServiceError):
        apps.save_draft(people["host"], f, info.id)


def test_withdraw_while_pending(office):
    sales, host, people = office
    info = apps.submit(people["host"], apps.save_draft(people["host"], form(sales, host)).id)
    with pytest.raises(PermissionDenied):
        apps.withdraw(people["manager"], info.id)
    assert apps.withdraw(people["host"], info.id).status == apps.WITHDRAWN
    assert approval.inbox_count(people["manager"]) == 0
    assert apps.submit(people["host"], info.id).status == apps.PENDING


def test_approved_is_locked_and_a_change_makes_a_revision(office, admin):
    sales, host, people = office
    f = form(sales, host)
    info = apps.submit(people["host"], apps.save_draft(people["host"], f).id)
    walk(info.id, people, "manager", "admin_office", "finance", "gm")
    with pytest.raises(ServiceError):
        apps.save_draft(people["host"], f, info.id)
    # The standard changes after approval: the approved application keeps its own.
    level = standards.level_by_code("B")
    standards.save_standard(admin, level.id, meal_cap="200")
    approved = apps.get(people["host"], info.id)
    assert approved.estimate.standard.meal_cap == Decimal("130.00")
    assert approved.info.total == Decimal("1040.00")

    rev = apps.revise(people["host"], info.id)
    assert rev.revision == 2 and rev.number == info.number and rev.status == apps.DRAFT
    f.guests.append(GuestForm("陈秘书", "秘书"))
    apps.save_draft(people["host"], f, rev.id)
    pending = apps.submit(people["host"], rev.id)
    assert pending.status == apps.PENDING
    assert apps.get(people["host"], info.id).info.status == apps.APPROVED  # the old one stays
    listed = apps.list_applications(people["host"])
    assert [(a.number, a.revision) for a in listed] == [(info.number, 2)]
    detail = apps.get(people["host"], rev.id)
    assert [r.revision for r in detail.revisions] == [1, 2]
    assert detail.estimate.standard.meal_cap == Decimal("200.00")  # re-estimated, re-approved


def test_standards_are_versioned(admin):
    level = standards.level_by_code("C")
    first = standards.current_standard(level.id)
    second = standards.save_standard(admin, level.id, meal_cap="90", name="三星")
    assert second.version == first.version + 1 and second.meal_cap == Decimal("90.00")
    assert standards.standard(first.id).meal_cap == first.meal_cap
    with pytest.raises(ValidationError):
        standards.save_standard(admin, level.id, meal_cap="abc")
    with pytest.raises(PermissionDenied):
        standards.save_standard(make_user(admin, "fin", {auth.FINANCE}), level.id, meal_cap="1")


def test_department_budget_remaining(office, admin):
    sales, host, people = office
    f = form(sales, host)
    year, month = f.arrival.year, f.arrival.month
    budgets.set_year(admin, sales.id, year, budgets.split_evenly("120000"))
    assert budgets.month(sales.id, year, month).remaining == Decimal("10000.00")
    info = apps.submit(people["host"], apps.save_draft(people["host"], f).id)
    month_budget = budgets.month(sales.id, year, month)
    assert month_budget.pending == Decimal("1040.00") and month_budget.used == 0
    walk(info.id, people, "manager", "admin_office", "finance", "gm")
    assert budgets.month(sales.id, year, month).remaining == Decimal("8960.00")
    assert apps.estimate(f).budget.remaining == Decimal("8960.00")


def test_backfill_from_a_visit(office, admin):
    from desktop.services import visitors

    sales, host, people = office
    desk = make_user(admin, "desk", {auth.RECEPTIONIST})
    visit = visitors.check_in(
        desk,
        visitors.VisitForm(
            name="赵总", company="突然来访集团", phone="13700000000", host_id=host.id, people_count=3
        ),
    )
    f = apps.from_visit(people["host"], visit.id)
    assert f.visit_id == visit.id and len(f.guests) == 3 and f.client_company == "突然来访集团"
    f.purpose = "临时拜访"
    info = apps.save_draft(people["host"], f)
    assert apps.submit(people["host"], info.id).backfill  # no lead-time rule for 补填


def test_viewing_rights(office, admin):
    sales, host, people = office
    info = apps.save_draft(people["host"], form(sales, host))
    stranger = make_user(admin, "stranger", {auth.HOST})
    with pytest.raises(PermissionDenied):
        apps.get(stranger, info.id)
    assert apps.get(people["manager"], info.id).info.id == info.id  # same department
    assert apps.get(people["finance"], info.id).info.id == info.id  # finance sees all
