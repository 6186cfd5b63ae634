"""An application's own approval route: who may decide each step, and how it is built.

The office's chain (:mod:`desktop.services.approval`) says which *roles* approve what. When an
application is submitted that chain becomes the application's route, and from then on it is
the route that the actions change: 转交 names the colleague who now holds a step, 加签 inserts
a step, 会签 lists everyone who must approve. The route is stored as JSON on the application
(``Application.route``) next to the plain ``role:label`` list (``Application.chain``) that the
forms and lists read.

Why it exists: a chain of roles alone got stuck — a department head's own application waited
for "部门负责人" (himself), and a step whose role nobody holds waited forever. Building the route
replaces such a step by a superior, so every step has somebody who may decide it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from desktop.i18n import translate
from desktop.models import Application, Department, Employee, User, UserRole
from desktop.services.auth import CHAIRMAN, DEPT_MANAGER, GENERAL_MANAGER, Actor

ANY = "any"  # 或签: one of them approves
ALL = "all"  # 会签: all of them approve
MODES = (ANY, ALL)

# Where a step came from.
CHAIN = "chain"
SUPERIOR = "superior"
ADDED_BEFORE = "add_before"
ADDED_AFTER = "add_after"


@dataclass
class RouteStep:
    role: str
    label: str
    mode: str = ANY
    users: list[int] = field(default_factory=list)  # named people; [] = whoever holds the role
    done: list[int] = field(default_factory=list)  # who approved this step
    origin: str = CHAIN
    over: bool = False  # this step also takes the over-standard decision (超标准审批)
    auto: bool = False  # passed automatically (审批人去重)

    def complete(self) -> bool:
        if self.mode == ALL and self.users:
            return set(self.users) <= set(self.done)
        return bool(self.done)


def mode_label(mode: str) -> str:
    return {ANY: translate("routing", "或签"), ALL: translate("routing", "会签")}.get(mode, mode)


# ------------------------------------------------------------------ storing


def load(app: Application) -> list[RouteStep]:
    """The route; an application submitted before routes existed gets one from its chain."""
    if app.route:
        return [RouteStep(**step) for step in json.loads(app.route)]
    steps = []
    for part in filter(None, app.chain.split(";")):
        role, _, label = part.partition(":")
        steps.append(RouteStep(role, label))
    return steps


def store(app: Application, steps: list[RouteStep]) -> None:
    """Put ``steps`` on ``app`` (not saved): the JSON route and the plain chain list."""
    app.route = json.dumps([asdict(s) for s in steps], ensure_ascii=False)
    app.chain = ";".join(f"{s.role}:{s.label}" for s in steps)


# ------------------------------------------------------------------ who


def _department_of(user_id: int) -> int | None:
    row = (
        Employee.select(Employee.department)
        .join(User, on=(User.employee == Employee.id))
        .where(User.id == user_id)
        .first()
    )
    return row.department_id if row else None


def role_holders(role: str, department_id: int | None = None) -> list[int]:
    """Active users with ``role``; for 部门负责人 only the heads of ``department_id``."""
    query = (
        User.select(User.id)
        .join(UserRole)
        .where(UserRole.role == role, User.active == True)  # noqa: E712
        .order_by(User.id)
    )
    ids = [u.id for u in query]
    if role == DEPT_MANAGER:
        ids = [u for u in ids if _department_of(u) == department_id]
    return ids


def candidates(app: Application, step: RouteStep) -> list[int]:
    """Everyone who may still decide ``step`` of ``app`` — never the applicant."""
    if step.users:
        people = [u for u in step.users if u not in step.done]
        active = {u.id for u in User.select(User.id).where(User.id.in_(people), User.active == True)}  # noqa: E712
        people = [u for u in people if u in active]
    else:
        people = [u for u in role_holders(step.role, app.department_id) if u not in step.done]
    return [u for u in people if u != app.applicant_id]


def may_act(actor: Actor, app: Application, step: RouteStep) -> bool:
    if not actor.user_id or actor.user_id == app.applicant_id or actor.user_id in step.done:
        return False
    if step.users:
        return actor.user_id in step.users
    if step.role not in actor.roles:
        return False
    if step.role == DEPT_MANAGER:
        return _department_of(actor.user_id) == app.department_id
    return True


def named_in(app: Application, user_id: int) -> bool:
    """Named in any step of the route (a 加签 or 转交 to them, a 会签 member)."""
    return any(user_id in s.users for s in load(app))


# ------------------------------------------------------------------ building


def _holds(applicant: Actor, app: Application, step: RouteStep) -> bool:
    """The applicant would be (one of) the approver(s) of this step."""
    if step.users:
        return applicant.user_id in step.users
    return may_act_ignoring_self(applicant, app, step)


def may_act_ignoring_self(actor: Actor, app: Application, step: RouteStep) -> bool:
    if step.role not in actor.roles:
        return False
    if step.role == DEPT_MANAGER:
        return _department_of(actor.user_id) == app.department_id
    return True


def over_label(label: str) -> str:
    """总经理 → 总经理（含超标准审批）: stored in Chinese like the chain's own labels."""
    return f"{label}（含超标准审批）"


def superior_label(label: str, by: str) -> str:
    return translate("routing", "{step}（由{by}代批）").format(step=label, by=by)


def build(app: Application, applicant: Actor, chain: list[tuple[str, str, str, bool]]) -> list[RouteStep]:
    """The route for ``app`` from the chain's applicable steps ``(role, label, mode, over_only)``.

    - An over-standard step of a role that already approves earlier is not a second approval by
      the same person: it becomes part of that person's own step (``over``).
    - 会签 steps list their people now, so a later change of who holds the role does not change
      who must sign.
    - A step the applicant would decide goes to a superior: the department's 分管副总 when one is
      set, otherwise the next step's approver (the chairman when there is no next step) — an
      applicant never approves their own application.
    """
    steps: list[RouteStep] = []
    for role, label, mode, over_only in chain:
        earlier = next((s for s in reversed(steps) if s.role == role and not s.users), None)
        if over_only and earlier is not None:
            if not earlier.over:
                earlier.over = True
                earlier.label = over_label(earlier.label)
            continue
        steps.append(RouteStep(role, label, mode if mode in MODES else ANY, over=over_only))
    for step in steps:
        if step.mode == ALL:
            step.users = [u for u in role_holders(step.role, app.department_id) if u != applicant.user_id]
    department = Department.get_or_none(Department.id == app.department_id)
    superior = department.superior_id if department is not None else None
    for i, step in enumerate(steps):
        if step.mode == ALL and step.users:
            continue
        if not _holds(applicant, app, step):
            continue
        if superior and superior != applicant.user_id:
            name = User.get_by_id(superior).display_name
            steps[i] = RouteStep(
                step.role, superior_label(step.label, name), users=[superior], origin=SUPERIOR
            )
            steps[i].over = step.over
            continue
        replacement = None
        for later in steps[i + 1 :]:
            probe = RouteStep(later.role, later.label, later.mode, list(later.users))
            if not _holds(applicant, app, probe) and candidates(app, probe):
                replacement = probe
                break
        if replacement is None:
            for role in (CHAIRMAN, GENERAL_MANAGER):
                probe = RouteStep(role, "")
                if not _holds(applicant, app, probe) and candidates(app, probe):
                    replacement = probe
                    break
        if replacement is None:
            continue  # nobody at all: left as it is, shown as waiting for its role
        from desktop.services.auth import role_label

        by = replacement.label or role_label(replacement.role)
        steps[i] = RouteStep(
            replacement.role,
            superior_label(step.label, by),
            ANY,
            [] if replacement.mode == ANY else list(replacement.users),
            origin=SUPERIOR,
            over=step.over,
        )
    return steps


# ------------------------------------------------------------------ 分管副总


def superiors() -> list[tuple[int, str, int | None]]:
    """(department id, name, superior user id) of every active department."""
    rows = Department.select().where(Department.active == True).order_by(Department.sort, Department.id)  # noqa: E712
    return [(d.id, d.name, d.superior_id) for d in rows]


def set_superior(actor: Actor, department_id: int, user_id: int | None) -> None:
    """Name the 分管副总 who approves the head of ``department_id``'s own application."""
    from desktop.db import database
    from desktop.services.auth import require
    from desktop.services.errors import ValidationError

    require(actor, "chain.manage")
    if user_id is not None and not User.select().where(User.id == user_id, User.active == True).exists():  # noqa: E712
        raise ValidationError({"superior": translate("routing", "所选人员不存在或已停用。")})
    with database.atomic():
        Department.update(superior_id=user_id).where(Department.id == department_id).execute()
