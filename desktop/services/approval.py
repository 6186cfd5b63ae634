"""The approval chain: configuration, resolution per application, decisions, inboxes.

The chain is a list of steps, each naming a role and the conditions under which it applies
(levels; only when a line is over standard; only above a total). When an application is
submitted the steps that apply are fixed into it, so a later change of the chain never moves an
application that is already under way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Application, ApplicationCopy, ApprovalRecord, ApprovalStep, User
from desktop.services import applications as apps
from desktop.services import audit, notifications, outbox, routing, settings, validation, versioning
from desktop.services.auth import (
    ADMIN_OFFICE,
    CHAIRMAN,
    DEPT_MANAGER,
    FINANCE,
    GENERAL_MANAGER,
    ROLES,
    Actor,
    require,
    role_label,
)
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from desktop.services.money import to_money

APPROVE = "approve"
REJECT = "reject"
RETURN = "return"
DECISIONS = (APPROVE, REJECT, RETURN)
AUTO = "auto"  # passed automatically: the same approver as the step before (审批人去重)
STEP_ROLES = (DEPT_MANAGER, ADMIN_OFFICE, FINANCE, GENERAL_MANAGER, CHAIRMAN)


def decision_label(decision: str) -> str:
    return {
        "submit": translate("approval", "提交"),
        APPROVE: translate("approval", "同意"),
        REJECT: translate("approval", "驳回"),
        RETURN: translate("approval", "退回修改"),
        "withdraw": translate("approval", "撤回"),
        AUTO: translate("approval", "自动通过（审批人去重）"),
        "transfer": translate("approval", "转交"),
        "add_before": translate("approval", "前加签"),
        "add_after": translate("approval", "后加签"),
        "copy": translate("approval", "抄送"),
        "remind": translate("approval", "催办"),
    }.get(decision, decision)


@dataclass(frozen=True)
class StepInfo:
    id: int
    position: int
    role: str
    label: str
    levels: tuple[str, ...]
    only_over_standard: bool
    min_total: Decimal | None
    active: bool
    mode: str = routing.ANY  # 或签 (any one holder) or 会签 (all holders)

    def applies(self, level_code: str, over_standard: bool, total: Decimal) -> bool:
        if not self.active:
            return False
        if self.levels and level_code not in self.levels:
            return False
        if self.only_over_standard and not over_standard:
            return False
        if self.min_total is not None and total <= self.min_total:
            return False
        return True


DEFAULT_CHAIN = [
    # role, label, levels, only over standard
    (DEPT_MANAGER, "部门负责人", "", False),
    (ADMIN_OFFICE, "行政部", "", False),
    (FINANCE, "财务部（预算审核）", "", False),
    (GENERAL_MANAGER, "总经理", "", False),
    (CHAIRMAN, "董事长", "A", False),
    (GENERAL_MANAGER, "总经理（超标准审批）", "", True),
]


def ensure_default_chain() -> None:
    if ApprovalStep.select().exists():
        return
    with database.atomic():
        for i, (role, label, levels, over) in enumerate(DEFAULT_CHAIN):
            ApprovalStep.create(position=i, role=role, label=label, levels=levels, only_over_standard=over)


def _step(row: ApprovalStep) -> StepInfo:
    return StepInfo(
        row.id,
        row.position,
        row.role,
        row.label or role_label(row.role),
        tuple(x for x in row.levels.split(",") if x),
        row.only_over_standard,
        to_money(row.min_total) if row.min_total is not None else None,
        row.active,
        row.mode or routing.ANY,
    )


def chain_steps(*, include_inactive: bool = True) -> list[StepInfo]:
    query = ApprovalStep.select().order_by(ApprovalStep.position, ApprovalStep.id)
    steps = [_step(r) for r in query]
    return steps if include_inactive else [s for s in steps if s.active]


def chain_version() -> int:
    """The version of the chain as a whole; hand it back to :func:`save_chain`."""
    return versioning.set_version(ApprovalStep, ApprovalStep.id.is_null(False))


def save_chain(actor: Actor, steps: list[StepInfo], version: int | None = None) -> list[StepInfo]:
    """Replace the chain (system administrator). Applications under way keep theirs.

    ``version`` is :func:`chain_version` as read with ``steps``; a chain changed since is refused
    (StaleRecord) rather than overwritten.
    """
    require(actor, "chain.manage")
    errors: dict[str, str] = {}
    for i, step in enumerate(steps):
        if step.role not in ROLES:
            errors[f"step{i}"] = translate("approval", "第 {n} 步：未知角色 {role}。").format(
                n=i + 1, role=step.role
            )
    for i, step in enumerate(steps):
        if step.mode not in routing.MODES:
            errors[f"step{i}"] = translate("approval", "第 {n} 步：未知的审批方式。").format(n=i + 1)
    if not any(s.active for s in steps):
        errors["steps"] = translate("approval", "审批流程至少要有一个启用的步骤。")
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        new_version = versioning.claim_set(ApprovalStep, ApprovalStep.id.is_null(False), version, actor)
        old = [f"{s.role}:{s.label}" for s in chain_steps() if s.active]
        new = [f"{s.role}:{s.label.strip()}" for s in steps if s.active]
        audit.record(actor, "edit", "setting", "approval_chain", audit.diff({"chain": old}, {"chain": new}))
        ApprovalStep.delete().execute()
        for i, step in enumerate(steps):
            ApprovalStep.create(
                version=new_version,
                updated_by_id=actor.user_id,
                updated_at=clock.now(),
                position=i,
                role=step.role,
                label=step.label.strip(),
                levels=",".join(step.levels),
                only_over_standard=step.only_over_standard,
                min_total=step.min_total,
                active=step.active,
                mode=step.mode,
            )
    return chain_steps()


def resolve_chain(level_code: str, over_standard: bool, total: Decimal) -> list[tuple[str, str]]:
    return [(role, label) for role, label, _mode, _over in resolve_steps(level_code, over_standard, total)]


def resolve_steps(level_code: str, over_standard: bool, total: Decimal) -> list[tuple[str, str, str, bool]]:
    """(role, label, mode, over-standard only) of each chain step that applies."""
    return [
        (s.role, s.label, s.mode, s.only_over_standard)
        for s in chain_steps(include_inactive=False)
        if s.applies(level_code, over_standard, total)
    ]


def record(
    app: Application,
    actor: Actor,
    decision: str,
    comment: str,
    at: dt.datetime | None = None,
    *,
    step_index: int | None = None,
    target: int | None = None,
    note: str = "",
    audited: bool = True,
    changes: dict | None = None,
) -> None:
    """One line of the approval history; also the audit-trail entry for it unless the caller
    writes a fuller one itself (``audited=False``, as :func:`decide` does with the status)."""
    role, label = "", ""
    index = app.step_index if step_index is None else step_index
    steps = routing.load(app)
    if 0 <= index < len(steps) and decision not in ("submit", "withdraw", "remind"):
        role, label = steps[index].role, steps[index].label
    ApprovalRecord.create(
        application=app,
        step_index=index,
        role=role,
        step_label=label,
        user=actor.user_id,
        decision=decision,
        comment=validation.clean_text(comment, multiline=True),
        at=at or clock.now(),
        target=target,
        note=note,
    )
    if audited:
        audit.record(
            actor,
            _AUDIT_ACTION.get(decision, decision),
            "application",
            app.id,
            {**(changes or {}), **({"comment": (None, comment)} if comment.strip() else {})},
            note=" ".join(x for x in (app.number, label, note) if x),
        )


# approval decision → audit action (the trail's vocabulary; 前/后加签 are both add_signer)
_AUDIT_ACTION = {"add_before": "add_signer", "add_after": "add_signer"}


def _can_act(actor: Actor, app: Application) -> tuple[bool, str]:
    """(may act, why not). The one place that says who may decide the current step."""
    if app.status != apps.PENDING:
        return False, translate("approval", "申请不在审批中。")
    steps = routing.load(app)
    if not 0 <= app.step_index < len(steps):
        return False, translate("approval", "审批步骤无效。")
    step = steps[app.step_index]
    if app.applicant_id == actor.user_id:
        return False, translate("approval", "不能审批自己的申请。")
    if routing.may_act(actor, app, step):
        return True, ""
    if actor.user_id in step.done:
        return False, translate("approval", "您已同意，等待其他会签人。")
    if step.users:
        names = "、".join(u.display_name for u in User.select().where(User.id.in_(step.users)))
        return False, translate("approval", "当前步骤“{step}”由{names}审批。").format(
            step=apps.step_label(step.label), names=names
        )
    if step.role not in actor.roles:
        return False, translate("approval", "当前步骤“{step}”需要{role}审批。").format(
            step=apps.step_label(step.label), role=role_label(step.role)
        )
    return False, translate("approval", "只有申请部门的负责人可以审批这一步。")


def current_approvers(app: Application) -> list[int]:
    """Who may decide the step the application waits at (for notices and reminders)."""
    steps = routing.load(app)
    if app.status != apps.PENDING or not 0 <= app.step_index < len(steps):
        return []
    return routing.candidates(app, steps[app.step_index])


def needs_over_standard_decision(app: Application) -> bool:
    steps = routing.load(app)
    return 0 <= app.step_index < len(steps) and steps[app.step_index].over


def notify_waiting(app: Application) -> None:
    """Tell the people at the application's current step that it waits for them."""
    people = current_approvers(app)
    if people:
        notifications.notify_users(
            people,
            translate("approval", "待您审批：{number} {client}").format(
                number=app.number, client=app.client_company
            ),
            translate("approval", "申请人：{name}").format(
                name=User.get_by_id(app.applicant_id).display_name
            ),
            event=outbox.APPROVAL_WAITING,
            application_id=app.id,
        )


def _notify_applicant(app: Application, status: str, comment: str, by: Actor) -> None:
    titles = {
        apps.APPROVED: translate("approval", "已批准：{number} {client}"),
        apps.RETURNED: translate("approval", "已退回修改：{number} {client}"),
        apps.REJECTED: translate("approval", "已驳回：{number} {client}"),
    }
    body = (
        translate("approval", "{name}：{comment}").format(name=by.display_name, comment=comment)
        if comment
        else ""
    )
    notifications.notify_users(
        [app.applicant_id],
        titles[status].format(number=app.number, client=app.client_company),
        body,
        event=outbox.APPLICATION_RESULT,
        application_id=app.id,
    )


def auto_copy_roles() -> list[str]:
    """Roles always copied on an approved reception (setting, by role name or code)."""
    names = settings.split_list(settings.get("approval_copy_on_approved"))
    return [r for r in ROLES if r in names or role_label(r) in names]


def _auto_copy(app: Application, by: Actor, now: dt.datetime) -> None:
    people: set[int] = set()
    for role in auto_copy_roles():
        people.update(routing.role_holders(role, app.department_id))
    people.discard(app.applicant_id)
    already = {c.user_id for c in ApplicationCopy.select().where(ApplicationCopy.application == app)}
    new = sorted(people - already)
    for user_id in new:
        ApplicationCopy.create(application=app, user=user_id, by=None, auto=True, at=now)
    if new:
        notifications.notify_users(
            new,
            translate("approval", "抄送：{number} {client} 已批准").format(
                number=app.number, client=app.client_company
            ),
            event=outbox.COPIED,
            application_id=app.id,
        )


def decide(
    actor: Actor,
    application_id: int,
    decision: str,
    comment: str = "",
    *,
    now: dt.datetime | None = None,
    over_reason: str = "",
    return_to: int | None = None,
) -> apps.ApplicationInfo:
    """Approve, reject (back to the applicant, final) or return at the current step.

    - A step that also takes the over-standard decision (超标准审批) needs its reason
      (``over_reason``, or the comment); it is recorded with the approval, not as a second one.
    - After an approval, later steps whose approver is the same person pass automatically and
      are recorded as such (审批人去重, setting ``approval_dedupe``).
    - ``return_to``: ``None`` returns to the applicant; a step index before the current one sends
      the application back to that step's approver.
    """
    if decision not in DECISIONS:
        raise ValidationError({"decision": translate("approval", "未知的审批意见。")})
    errors: dict[str, str] = {}
    comment = validation.text(
        errors, "comment", translate("approval", "审批意见"), comment, limit=2000, multiline=True
    )
    over_reason = validation.text(
        errors,
        "over_reason",
        translate("approval", "超标准审批理由"),
        over_reason,
        limit=2000,
        multiline=True,
    )
    validation.raise_if(errors)
    if decision in (REJECT, RETURN) and not comment.strip():
        raise ValidationError({"comment": translate("approval", "驳回或退回时必须填写意见。")})
    with database.atomic():
        app = Application.get_or_none(Application.id == application_id)
        if app is None:
            raise NotFound(translate("approval", "申请不存在。"))
        ok, why = _can_act(actor, app)
        if not ok:
            raise PermissionDenied(why)
        now = now or clock.now()
        steps = routing.load(app)
        step_index = app.step_index
        step = steps[step_index]
        note = ""
        if decision == APPROVE and step.over:
            reason = (over_reason or comment).strip()
            if not reason:
                raise ValidationError(
                    {"over_reason": translate("approval", "这一步含超标准审批，请写明同意超标准的理由。")}
                )
            note = translate("approval", "同意超标准：{reason}").format(reason=reason)
        status, next_step, decided_at, resume = apps.PENDING, step_index, None, app.resume_step
        if decision == RETURN and return_to is not None and return_to >= 0:
            if return_to >= step_index:
                raise ValidationError({"return_to": translate("approval", "只能退回到之前的步骤。")})
            note = translate("approval", "退回到第 {n} 步：{step}").format(
                n=return_to + 1, step=apps.step_label(steps[return_to].label)
            )
        record(app, actor, decision, comment, now, note=note, audited=False)
        if decision == APPROVE:
            step.done.append(actor.user_id)
            if step.complete():
                next_step = step_index + 1
                if settings.get("approval_dedupe") == "1":
                    next_step = _pass_repeated(app, actor, steps, next_step, now)
            if next_step >= len(steps):
                status, decided_at = apps.APPROVED, now
        elif decision == REJECT:
            status, decided_at = apps.REJECTED, now
        elif return_to is not None and return_to >= 0:
            for later in steps[return_to : step_index + 1]:
                later.done, later.auto = [], False
            next_step = return_to
        else:
            status, resume = apps.RETURNED, step_index
        routing.store(app, steps)
        # Only if nobody at another PC acted on it meanwhile.
        changed = (
            Application.update(
                status=status,
                step_index=next_step,
                decided_at=decided_at,
                route=app.route,
                chain=app.chain,
                resume_step=resume,
                version=Application.version + 1,  # an editor holding the old copy is now stale
                updated_by_id=actor.user_id,
                updated_at=now,
            )
            .where(
                Application.id == app.id,
                Application.status == apps.PENDING,
                Application.step_index == step_index,
                Application.version == app.version,
            )
            .execute()
        )
        if changed != 1:
            raise ServiceError(translate("approval", "这份申请刚刚已被他人处理，请刷新。"))
        audit.record(
            actor,
            decision,
            "application",
            app.id,
            audit.diff(
                {"status": app.status, "step_index": step_index, "comment": None},
                {"status": status, "step_index": next_step, "comment": comment or None},
            ),
            note=" ".join(x for x in (app.number, apps.step_label(step.label), note) if x),
        )
        app = Application.get_by_id(app.id)
        if (
            status == apps.PENDING
            and next_step != step_index
            or decision == RETURN
            and status == apps.PENDING
        ):
            notify_waiting(app)
        elif status != apps.PENDING:
            _notify_applicant(app, status, comment, actor)
            if status == apps.APPROVED:
                _auto_copy(app, actor, now)
    return apps._info(app)


def _pass_repeated(
    app: Application, actor: Actor, steps: list[routing.RouteStep], index: int, now: dt.datetime
) -> int:
    """审批人去重: pass the following steps this same person would decide; the first index that
    still waits for somebody else. A step with the over-standard decision is never passed."""
    while index < len(steps) and not steps[index].over and routing.may_act(actor, app, steps[index]):
        later = steps[index]
        later.done.append(actor.user_id)
        later.auto = True
        record(app, actor, AUTO, translate("approval", "与上一步审批人相同，自动通过"), now, step_index=index)
        if not later.complete():
            break
        index += 1
    return index


def inbox(actor: Actor) -> list[apps.ApplicationInfo]:
    """Pending applications whose current step this user may decide ("waiting for me")."""
    result = []
    for app in (
        Application.select().where(Application.status == apps.PENDING).order_by(Application.submitted_at)
    ):
        if _can_act(actor, app)[0]:
            result.append(apps._info(app))
    return result


def inbox_count(actor: Actor) -> int:
    return len(inbox(actor))


def may_decide(actor: Actor, application_id: int) -> bool:
    app = Application.get_or_none(Application.id == application_id)
    return app is not None and _can_act(actor, app)[0]


def step_roles() -> list[tuple[str, str]]:
    return [(r, role_label(r)) for r in STEP_ROLES]
