"""Who stands in which relation to a record: the one place the services ask before reading or
writing a reception, its expenses and feedback, or a visit.

A role says what kind of work a person does; it does not make every record theirs. A host from
another department could add lines to a colleague's expense summary and read any visit (with the
visitor's phone) by its id, because the services checked only the role. Every function here
answers "may this person do this to *this* record", from the role AND the relation:

- the applicant (申请人) and the 接待负责人 (``responsible``) of a reception,
- the head (部门负责人) of the reception's department,
- an approver who has decided, or may decide, a step of it, or is named in its route (转交,
  加签, 会签), and anyone it was copied to (抄送) — by relation, whatever their role,
- a role that covers all records of the kind (行政部, 财务, 审计, 总经理, 系统管理员 — as the
  permission table in :mod:`desktop.services.auth` says).

Checks run before anything is written, so a refused action changes nothing.
"""

from __future__ import annotations

from desktop.i18n import translate
from desktop.models import Application, ApplicationCopy, ApprovalRecord, Employee, Visit
from desktop.services.auth import DEPT_MANAGER, Actor
from desktop.services.errors import PermissionDenied


def employee_department(actor: Actor) -> int | None:
    if actor.employee_id is None:
        return None
    row = Employee.select(Employee.department).where(Employee.id == actor.employee_id).first()
    return row.department_id if row else None


def is_department_head(actor: Actor, department_id: int | None) -> bool:
    """部门负责人 of ``department_id``: the role, and an employee record in that department."""
    return (
        department_id is not None
        and DEPT_MANAGER in actor.roles
        and employee_department(actor) == department_id
    )


def is_applicant(actor: Actor, app: Application) -> bool:
    return bool(actor.user_id) and app.applicant_id == actor.user_id


def is_responsible(actor: Actor, app: Application) -> bool:
    return actor.employee_id is not None and app.responsible_id == actor.employee_id


def owns_reception(actor: Actor, app: Application) -> bool:
    """Applicant, 接待负责人 or head of the department: the people a reception belongs to."""
    return (
        is_applicant(actor, app) or is_responsible(actor, app) or is_department_head(actor, app.department_id)
    )


def is_approver(actor: Actor, app: Application) -> bool:
    """Has decided a step of this reception (any revision), may decide its current step, or is
    named in its route (a 转交 or 加签 to them, a 会签 member)."""
    if not actor.user_id:
        return False
    root = app.root_id or app.id
    decided = (
        ApprovalRecord.select()
        .join(Application)
        .where(
            ApprovalRecord.user == actor.user_id,
            (Application.id == root) | (Application.root == root),
        )
        .exists()
    )
    if decided:
        return True
    from desktop.services import approval, routing

    return approval._can_act(actor, app)[0] or routing.named_in(app, actor.user_id)


def is_copied(actor: Actor, app: Application) -> bool:
    """抄送: a revision of this reception was copied to them."""
    if not actor.user_id:
        return False
    root = app.root_id or app.id
    return (
        ApplicationCopy.select()
        .join(Application)
        .where(
            ApplicationCopy.user == actor.user_id,
            (Application.id == root) | (Application.root == root),
        )
        .exists()
    )


# ------------------------------------------------------------------ receptions


def can_view_application(actor: Actor, app: Application) -> bool:
    """Everything a reception shows: also colleagues of its department (the 本部门 list)."""
    if actor.can("applications.view_all") or owns_reception(actor, app):
        return True
    if actor.employee_id is not None and employee_department(actor) == app.department_id:
        return True
    return is_approver(actor, app) or is_copied(actor, app)


def can_edit_application(actor: Actor, app: Application) -> bool:
    """Only the applicant changes, submits, withdraws or revises their application."""
    return actor.can("applications.file") and is_applicant(actor, app)


# ------------------------------------------------------------------ expenses


def can_view_expenses(actor: Actor, app: Application) -> bool:
    if actor.can("expenses.view"):
        return True
    if not (actor.can("expenses.file") or actor.can("expenses.audit") or actor.can("expenses.approve")):
        return False
    return owns_reception(actor, app)


def can_edit_expenses(actor: Actor, app: Application) -> bool:
    """Enter lines, attach vouchers, submit: the reception's own people, or 行政部/系统管理员 who
    keep every summary (their role files expenses *and* sees all of them)."""
    if not actor.can("expenses.file"):
        return False
    return actor.can("expenses.view") or owns_reception(actor, app)


# ------------------------------------------------------------------ feedback


def can_view_feedback(actor: Actor, app: Application) -> bool:
    if not (actor.can("feedback.view") or actor.can("feedback.file")):
        return False
    return covers_all_feedback(actor) or owns_reception(actor, app)


def can_file_feedback(actor: Actor, app: Application) -> bool:
    if not actor.can("feedback.file"):
        return False
    return actor.can("arrangements.manage") or owns_reception(actor, app)


def covers_all_feedback(actor: Actor) -> bool:
    """行政部, 总经理, 审计, 系统管理员 read every reception's feedback."""
    return actor.can("applications.view_all") and actor.can("feedback.view")


# ------------------------------------------------------------------ visits


def covers_all_visits(actor: Actor) -> bool:
    """The front desk and those who read the visitor log see every visit."""
    return actor.can("visitors.desk") or actor.can("visitors.log")


def owns_visit(actor: Actor, visit: Visit) -> bool:
    """Whoever pre-registered the visit, or the employee the visitor came to see."""
    if actor.user_id and visit.created_by_id == actor.user_id:
        return True
    return actor.employee_id is not None and visit.host_id == actor.employee_id


def can_view_visit(actor: Actor, visit: Visit) -> bool:
    if covers_all_visits(actor):
        return True
    return actor.can("visitors.preregister") and owns_visit(actor, visit)


def can_edit_visit(actor: Actor, visit: Visit) -> bool:
    """Change or cancel a pre-registration: the desk, or its own host / creator."""
    if actor.can("visitors.desk"):
        return True
    return actor.can("visitors.preregister") and owns_visit(actor, visit)


# ------------------------------------------------------------------ refusing


def deny(message: str | None = None) -> PermissionDenied:
    return PermissionDenied(message or translate("access", "您无权处理这条记录。"))


def require_relation(allowed: bool, message: str | None = None) -> None:
    """Raise :class:`PermissionDenied` unless ``allowed`` — call before any write."""
    if not allowed:
        raise deny(message)
