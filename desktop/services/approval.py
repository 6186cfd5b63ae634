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
from desktop.models import Application, ApprovalRecord, ApprovalStep, Employee
from desktop.services import applications as apps
from desktop.services import validation, versioning
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
STEP_ROLES = (DEPT_MANAGER, ADMIN_OFFICE, FINANCE, GENERAL_MANAGER, CHAIRMAN)


def decision_label(decision: str) -> str:
    return {
        "submit": translate("approval", "提交"),
        APPROVE: translate("approval", "同意"),
        REJECT: translate("approval", "驳回"),
        RETURN: translate("approval", "退回修改"),
        "withdraw": translate("approval", "撤回"),
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
    if not any(s.active for s in steps):
        errors["steps"] = translate("approval", "审批流程至少要有一个启用的步骤。")
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        new_version = versioning.claim_set(ApprovalStep, ApprovalStep.id.is_null(False), version, actor)
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
            )
    return chain_steps()


def resolve_chain(level_code: str, over_standard: bool, total: Decimal) -> list[tuple[str, str]]:
    return [
        (s.role, s.label)
        for s in chain_steps(include_inactive=False)
        if s.applies(level_code, over_standard, total)
    ]


def record(
    app: Application, actor: Actor, decision: str, comment: str, at: dt.datetime | None = None
) -> None:
    role, label = "", ""
    chain = apps._chain(app)
    if 0 <= app.step_index < len(chain) and decision not in ("submit", "withdraw"):
        role, label = chain[app.step_index]
    ApprovalRecord.create(
        application=app,
        step_index=app.step_index,
        role=role,
        step_label=label,
        user=actor.user_id,
        decision=decision,
        comment=validation.clean_text(comment, multiline=True),
        at=at or clock.now(),
    )


def _can_act(actor: Actor, app: Application) -> tuple[bool, str]:
    """(may act, why not). The one place that says who may decide the current step."""
    if app.status != apps.PENDING:
        return False, translate("approval", "申请不在审批中。")
    chain = apps._chain(app)
    if not 0 <= app.step_index < len(chain):
        return False, translate("approval", "审批步骤无效。")
    role, label = chain[app.step_index]
    if app.applicant_id == actor.user_id:
        return False, translate("approval", "不能审批自己的申请。")
    if role not in actor.roles:
        return False, translate("approval", "当前步骤“{step}”需要{role}审批。").format(
            step=label, role=role_label(role)
        )
    if role == DEPT_MANAGER:
        emp = Employee.get_or_none(Employee.id == actor.employee_id) if actor.employee_id else None
        if emp is None or emp.department_id != app.department_id:
            return False, translate("approval", "只有申请部门的负责人可以审批这一步。")
    return True, ""


def decide(
    actor: Actor, application_id: int, decision: str, comment: str = "", *, now: dt.datetime | None = None
) -> apps.ApplicationInfo:
    """Approve, reject (back to the applicant, final) or return for changes at the current step."""
    if decision not in DECISIONS:
        raise ValidationError({"decision": translate("approval", "未知的审批意见。")})
    errors: dict[str, str] = {}
    comment = validation.text(
        errors, "comment", translate("approval", "审批意见"), comment, limit=2000, multiline=True
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
        record(app, actor, decision, comment, now)
        step = app.step_index
        status, next_step, decided_at = apps.PENDING, step, None
        if decision == APPROVE and step + 1 >= len(apps._chain(app)):
            status, decided_at = apps.APPROVED, now
        elif decision == APPROVE:
            next_step = step + 1
        elif decision == REJECT:
            status, decided_at = apps.REJECTED, now
        else:
            status = apps.RETURNED
        # Only if nobody at another PC decided this step meanwhile.
        changed = (
            Application.update(
                status=status,
                step_index=next_step,
                decided_at=decided_at,
                version=Application.version + 1,  # an editor holding the old copy is now stale
                updated_by_id=actor.user_id,
                updated_at=now,
            )
            .where(
                Application.id == app.id, Application.status == apps.PENDING, Application.step_index == step
            )
            .execute()
        )
        if changed != 1:
            raise ServiceError(translate("approval", "这份申请刚刚已被他人处理，请刷新。"))
    return apps._info(Application.get_by_id(app.id))


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
