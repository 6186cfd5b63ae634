"""Issue 11: routing that never gets stuck, 去重, the over-standard decision in the GM's own step,
the DingTalk-style actions, and the notices they leave."""

# ruff: noqa: F811 - `office` is the fixture imported from test_applications
from __future__ import annotations

import datetime as dt

import pytest

from desktop import clock
from desktop.models import Application, Notification, Setting
from desktop.services import applications as apps
from desktop.services import approval, approval_actions, auth, notifications, org, routing
from desktop.services.applications import LineForm
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from tests.conftest import make_user
from tests.services.test_applications import form, office  # noqa: F401 - the fixture


def submit(people, sales, host, who="host", **kw):
    actor = people[who]
    return apps.submit(actor, apps.save_draft(actor, form(sales, host, **kw)).id)


def approve(app_id, *actors, **kw):
    info = None
    for actor in actors:
        info = approval.decide(actor, app_id, approval.APPROVE, "同意", **kw)
    return info


def history(actor, app_id):
    return [(a.decision, a.user_name) for a in apps.get(actor, app_id).approvals]


def set_setting(key, value):
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()


def titles(actor):
    return [n.title for n in notifications.recent(actor)]


def test_chairman_opens_the_level_a_application_waiting_for_him(office):
    sales, host, people = office
    info = submit(people, sales, host, level="A", days_ahead=20)
    approve(info.id, people["manager"], people["admin_office"], people["finance"], people["gm"])
    assert not people["chairman"].can("applications.view_all")
    assert [i.id for i in approval.inbox(people["chairman"])] == [info.id]
    assert apps.get(people["chairman"], info.id).info.where == "待 董事长 审批"
    assert approve(info.id, people["chairman"]).status == apps.APPROVED
    assert apps.get(people["chairman"], info.id).info.status == apps.APPROVED  # a past step still opens


def test_department_heads_own_application_goes_to_the_next_approver_not_to_himself(office):
    sales, host, people = office
    info = submit(people, sales, host, who="manager")
    assert info.chain[0] == (auth.ADMIN_OFFICE, "部门负责人（由行政部代批）")
    assert approval.inbox(people["manager"]) == []
    assert [i.id for i in approval.inbox(people["admin_office"])] == [info.id]
    after = approve(info.id, people["admin_office"])
    # 去重: the same 行政部 person decides the next step too, recorded as automatic.
    assert after.where == "待 财务部（预算审核） 审批"
    decisions = history(people["admin_office"], info.id)
    assert decisions[1:] == [("approve", "xingzheng"), (approval.AUTO, "xingzheng")]


def test_department_heads_own_application_goes_to_the_named_vice_president(office, admin):
    sales, host, people = office
    vp = make_user(admin, "fuzong", {auth.HOST})
    with pytest.raises(PermissionDenied):
        routing.set_superior(people["manager"], sales.id, vp.user_id)
    routing.set_superior(admin, sales.id, vp.user_id)
    info = submit(people, sales, host, who="manager")
    assert info.chain[0][1] == "部门负责人（由fuzong代批）"
    assert [i.id for i in approval.inbox(vp)] == [info.id]
    assert approve(info.id, vp).where == "待 行政部 审批"
    # The applicant's own colleague-heads' applications still go to the head.
    other = submit(people, sales, host)
    assert [i.id for i in approval.inbox(people["manager"])] == [other.id]


def test_one_person_with_several_roles_approves_once(office, admin):
    sales, host, people = office
    both = make_user(admin, "xingzheng2", {auth.ADMIN_OFFICE, auth.FINANCE})
    info = submit(people, sales, host)
    approve(info.id, people["manager"])
    after = approve(info.id, both)
    assert after.where == "待 总经理 审批"
    assert history(both, info.id)[-2:] == [("approve", "xingzheng2"), (approval.AUTO, "xingzheng2")]


def test_dedupe_can_be_switched_off(office, admin):
    sales, host, people = office
    set_setting("approval_dedupe", "0")
    both = make_user(admin, "xingzheng2", {auth.ADMIN_OFFICE, auth.FINANCE})
    info = submit(people, sales, host)
    approve(info.id, people["manager"])
    assert approve(info.id, both).where == "待 财务部（预算审核） 审批"


def test_over_standard_is_part_of_the_gms_own_step_with_its_reason(office):
    sales, host, people = office
    lines = [LineForm("meals", "1800", "客户总经理带队")]
    info = submit(people, sales, host, lines=lines)
    assert [r for r, _ in info.chain].count(auth.GENERAL_MANAGER) == 1
    approve(info.id, people["manager"], people["admin_office"], people["finance"])
    with pytest.raises(ValidationError) as err:
        approval.decide(people["gm"], info.id, approval.APPROVE, "")
    assert "over_reason" in err.value.errors
    done = approval.decide(people["gm"], info.id, approval.APPROVE, "同意", over_reason="重要客户，规格从高")
    assert done.status == apps.APPROVED
    gm_records = [a for a in apps.get(people["gm"], info.id).approvals if a.user_name == "zongjingli"]
    assert len(gm_records) == 1
    from desktop.models import ApprovalRecord

    assert ApprovalRecord.get(
        ApprovalRecord.application == info.id, ApprovalRecord.user == people["gm"].user_id
    ).note == ("同意超标准：重要客户，规格从高")


def test_applicant_is_told_and_each_approver_when_it_reaches_them(office):
    sales, host, people = office
    info = submit(people, sales, host)
    assert titles(people["manager"]) == [f"待您审批：{info.number} 华东精密机械有限公司"]
    approve(info.id, people["manager"])
    assert titles(people["admin_office"])[0].startswith("待您审批")
    approval.decide(people["admin_office"], info.id, approval.RETURN, "请补充客户背景")
    notice = notifications.recent(people["host"])[0]
    assert notice.title.startswith("已退回修改") and "请补充客户背景" in notice.body
    assert notice.application_id == info.id
    assert approval_actions.counts(people["host"]).returned == 1


def test_return_to_an_earlier_step_and_resume_or_restart(office):
    sales, host, people = office
    info = submit(people, sales, host)
    approve(info.id, people["manager"], people["admin_office"])
    assert approval_actions.return_targets(people["finance"], info.id)[1][0] == 0
    back = approval.decide(people["finance"], info.id, approval.RETURN, "请部门确认", return_to=0)
    assert back.status == apps.PENDING and back.where == "待 部门负责人 审批"
    approve(info.id, people["manager"], people["admin_office"])
    # Back to the applicant from finance: resubmission resumes at finance (the default).
    approval.decide(people["finance"], info.id, approval.RETURN, "预算说明不清")
    again = apps.submit(people["host"], info.id)
    assert again.where == "待 财务部（预算审核） 审批"
    # … or restarts, when the office prefers.
    set_setting("approval_resume", "0")
    approval.decide(people["finance"], info.id, approval.RETURN, "再补充")
    assert apps.submit(people["host"], info.id).step_index == 0
    with pytest.raises(ValidationError):
        approval.decide(people["manager"], info.id, approval.RETURN, "x", return_to=0)


def test_transfer_hands_the_step_to_a_colleague(office, admin):
    sales, host, people = office
    deputy = make_user(admin, "deputy", {auth.HOST})
    info = submit(people, sales, host)
    with pytest.raises(PermissionDenied):
        approval_actions.transfer(people["finance"], info.id, deputy.user_id, "你来")
    with pytest.raises(ValidationError):
        approval_actions.transfer(people["manager"], info.id, people["host"].user_id)  # the applicant
    approval_actions.transfer(people["manager"], info.id, deputy.user_id, "出差期间请代批")
    assert approval.inbox(people["manager"]) == []
    assert [i.id for i in approval.inbox(deputy)] == [info.id]
    assert titles(deputy)[0].startswith("待您审批（zhangwei 转交）")
    assert approve(info.id, deputy).where == "待 行政部 审批"
    assert history(deputy, info.id)[1:3] == [("transfer", "zhangwei"), ("approve", "deputy")]


def test_add_approvers_before_and_after(office, admin):
    sales, host, people = office
    expert = make_user(admin, "expert", {auth.HOST})
    info = submit(people, sales, host)
    approval_actions.add_approvers(
        people["manager"], info.id, [expert.user_id], approval_actions.BEFORE, "请技术把关"
    )
    assert [i.id for i in approval.inbox(expert)] == [info.id]
    assert approval.inbox(people["manager"]) == []
    approve(info.id, expert)
    assert [i.id for i in approval.inbox(people["manager"])] == [info.id]  # back to the head
    approval_actions.add_approvers(people["manager"], info.id, [expert.user_id], approval_actions.AFTER)
    after = approve(info.id, people["manager"])
    assert after.where == "待 加签：expert 审批"
    assert approve(info.id, expert).where == "待 行政部 审批"


def test_countersign_all_or_any(office, admin):
    sales, host, people = office
    a = make_user(admin, "a", {auth.HOST})
    b = make_user(admin, "b", {auth.HOST})
    info = submit(people, sales, host)
    approval_actions.add_approvers(
        people["manager"], info.id, [a.user_id, b.user_id], "before", mode=routing.ALL
    )
    assert approve(info.id, a).where.startswith("待 加签")  # 会签: b still has to
    assert approval.inbox(a) == []
    assert approve(info.id, b).where == "待 部门负责人 审批"
    approval_actions.add_approvers(
        people["manager"], info.id, [a.user_id, b.user_id], "before", mode=routing.ANY
    )
    assert approve(info.id, b).where == "待 部门负责人 审批"  # 或签: one is enough


def test_countersign_step_in_the_chain(office, admin):
    sales, host, people = office
    second = make_user(admin, "caiwu2", {auth.FINANCE})
    steps = [
        approval.StepInfo(
            s.id,
            s.position,
            s.role,
            s.label,
            s.levels,
            s.only_over_standard,
            s.min_total,
            s.active,
            routing.ALL if s.role == auth.FINANCE else s.mode,
        )
        for s in approval.chain_steps()
    ]
    approval.save_chain(admin, steps)
    info = submit(people, sales, host)
    approve(info.id, people["manager"], people["admin_office"], people["finance"])
    assert [i.id for i in approval.inbox(second)] == [info.id]
    assert approve(info.id, second).where == "待 总经理 审批"


def test_copy_manual_and_automatic_on_approval(office, admin):
    sales, host, people = office
    stranger = make_user(admin, "stranger", {auth.HOST})
    info = submit(people, sales, host)
    with pytest.raises(PermissionDenied):
        apps.get(stranger, info.id)
    with pytest.raises(PermissionDenied):
        approval_actions.copy_to(stranger, info.id, [stranger.user_id])
    assert approval_actions.copy_to(people["host"], info.id, [stranger.user_id], "请知悉") == 1
    assert apps.get(stranger, info.id).info.id == info.id  # by relation
    assert approval_actions.counts(stranger).copied == 1
    approval_actions.mark_copy_read(stranger, info.id)
    assert approval_actions.counts(stranger).copied == 0
    office_clerk = make_user(admin, "xingzheng3", {auth.ADMIN_OFFICE})
    approve(info.id, people["manager"], people["admin_office"], people["finance"], people["gm"])
    assert [i.id for i in approval_actions.copied_to_me(office_clerk)] == [info.id]
    assert titles(office_clerk)[0].startswith("抄送")


def test_batch_approve_leaves_the_over_standard_one(office):
    sales, host, people = office
    plain = [submit(people, sales, host, days_ahead=14 + i) for i in range(2)]
    over = submit(people, sales, host, lines=[LineForm("meals", "1800", "规格高")])
    for app in (*plain, over):
        approve(app.id, people["manager"], people["admin_office"], people["finance"])
    results = approval_actions.batch_approve(people["gm"], [a.id for a in (*plain, over)], "同意")
    assert [r.ok for r in results] == [True, True, False]
    assert "超标准" in results[2].message
    assert Application.get_by_id(over.id).status == apps.PENDING
    assert approval_actions.batch_approve(people["finance"], [plain[0].id], "同意")[0].ok is False


def test_remind_at_most_once_every_few_hours(office):
    sales, host, people = office
    info = submit(people, sales, host)
    now = dt.datetime.combine(clock.today(), dt.time(9))
    with pytest.raises(PermissionDenied):
        approval_actions.remind(people["manager"], info.id, now=now)
    assert approval_actions.remind(people["host"], info.id, now=now) == 1
    assert titles(people["manager"])[0].startswith("催办")
    with pytest.raises(ServiceError, match="4 小时"):
        approval_actions.remind(people["host"], info.id, now=now + dt.timedelta(hours=3))
    assert approval_actions.remind(people["host"], info.id, now=now + dt.timedelta(hours=4, minutes=1)) == 1


def test_chain_steps_keep_their_mode_and_order(admin):
    steps = approval.chain_steps()
    reordered = [steps[1], steps[0], *steps[2:]]
    saved = approval.save_chain(admin, reordered)
    assert [s.role for s in saved[:2]] == [auth.ADMIN_OFFICE, auth.DEPT_MANAGER]
    assert Notification.select().count() == 0
    org.list_departments()  # the chain editor reads these for the 分管副总 column


def test_printed_form_shows_transfers_added_approvers_and_automatic_passes(office, admin, tmp_path):
    from desktop.exporters import application_form, formdoc

    sales, host, people = office
    deputy = make_user(admin, "deputy", {auth.HOST})
    expert = make_user(admin, "expert", {auth.HOST})
    both = make_user(admin, "xingzheng2", {auth.ADMIN_OFFICE, auth.FINANCE})
    info = submit(people, sales, host)
    approval_actions.transfer(people["manager"], info.id, deputy.user_id, "出差，请代批")
    approval_actions.add_approvers(deputy, info.id, [expert.user_id], approval_actions.BEFORE, "请技术把关")
    approve(info.id, expert, deputy, both)
    detail = apps.get(people["host"], info.id)
    cells = formdoc.read_xlsx_texts(
        application_form.export_application(detail, "公司", "X", tmp_path / "a.xlsx")
    )
    assert "→ deputy：出差，请代批" in cells and "→ expert：请技术把关" in cells
    assert approval.decision_label("transfer") in cells and approval.decision_label("add_before") in cells
    assert approval.decision_label(approval.AUTO) in cells
    assert "总经理" in cells  # the GM's step still to sign
