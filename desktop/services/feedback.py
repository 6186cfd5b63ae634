"""客户接待信息反馈表: due within 2 working days after the reception ends (same calendar as the
lead-time rule); what was discussed, requirements, satisfaction, follow-up owner and actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Application, Employee, Feedback, FeedbackAction
from desktop.services import access, audit, validation, versioning, workdays
from desktop.services.arrangements import approved_receptions
from desktop.services.auth import Actor, require, require_any
from desktop.services.errors import NotFound, PermissionDenied, ValidationError

DUE_WORKING_DAYS = 2


def due_date(departure: dt.datetime) -> dt.date:
    return workdays.add_working_days(departure.date(), DUE_WORKING_DAYS)


@dataclass
class ActionForm:
    action: str
    owner_id: int | None = None
    due: dt.date | None = None


@dataclass
class FeedbackForm:
    discussed: str = ""
    requirements: str = ""
    satisfaction: int = 0
    followup_owner_id: int | None = None
    actions: list[ActionForm] = field(default_factory=list)
    # The version read (0: no feedback filed yet; None: not checked). A save from an older copy
    # is refused with StaleRecord instead of overwriting someone's feedback (services.versioning).
    version: int | None = None


@dataclass(frozen=True)
class FeedbackStatus:
    root_id: int
    application_id: int
    number: str
    client: str
    department: str
    responsible: str
    departure: dt.datetime
    due: dt.date
    submitted_at: dt.datetime | None
    overdue: bool
    # The due date reaches into a year whose public holidays nobody entered: counted Monday to
    # Friday, so it may be wrong; shown as 待确认 next to the date.
    due_uncertain: bool = False


def _status(app: Application, today: dt.date) -> FeedbackStatus:
    root = app.root_id or app.id
    fb = Feedback.get_or_none(Feedback.reception == root)
    submitted = fb.submitted_at if fb else None
    due = due_date(app.departure)
    return FeedbackStatus(
        root,
        app.id,
        app.number,
        app.client_company,
        app.department.name,
        app.responsible.name if app.responsible_id else "",
        app.departure,
        due,
        submitted,
        submitted is None and today > due,
        workdays.uncertain(app.departure.date(), due),
    )


def statuses(actor: Actor, *, today: dt.date | None = None, days: int = 60) -> list[FeedbackStatus]:
    """Receptions that have ended in the last ``days`` days, with their feedback state."""
    require_any(actor, "feedback.view", "feedback.file")
    today = today or clock.today()
    now = dt.datetime.combine(today, dt.time.max)
    rows = [a for a in approved_receptions(today - dt.timedelta(days=days), today) if a.departure <= now]
    if not access.covers_all_feedback(actor):
        rows = [a for a in rows if access.can_view_feedback(actor, a)]
    return sorted((_status(a, today) for a in rows), key=lambda s: (s.submitted_at is not None, s.due))


def overdue(actor: Actor, *, today: dt.date | None = None) -> list[FeedbackStatus]:
    return [s for s in statuses(actor, today=today) if s.overdue]


def get(actor: Actor, application_id: int) -> FeedbackForm:
    require_any(actor, "feedback.view", "feedback.file")
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise NotFound(translate("feedback", "接待不存在。"))
    if not access.can_view_feedback(actor, app):
        raise PermissionDenied(translate("feedback", "您无权查看这份信息反馈。"))
    fb = Feedback.get_or_none(Feedback.reception == (app.root_id or app.id))
    if fb is None:
        return FeedbackForm(followup_owner_id=app.responsible_id, version=0)
    actions = [
        ActionForm(a.action, a.owner_id, a.due)
        for a in FeedbackAction.select()
        .where(FeedbackAction.feedback == fb)
        .order_by(FeedbackAction.position)
    ]
    return FeedbackForm(
        fb.discussed, fb.requirements, fb.satisfaction, fb.followup_owner_id, actions, version=fb.version
    )


def submit(
    actor: Actor, application_id: int, form: FeedbackForm, now: dt.datetime | None = None
) -> FeedbackStatus:
    require(actor, "feedback.file")
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise NotFound(translate("feedback", "接待不存在。"))
    if not access.can_file_feedback(actor, app):
        raise PermissionDenied(
            translate("feedback", "只有接待的申请人、接待负责人、部门负责人或行政部可以填写信息反馈。")
        )
    errors: dict[str, str] = {}
    v = validation
    discussed = v.text(
        errors, "discussed", translate("feedback", "洽谈内容"), form.discussed, field=Feedback.discussed
    )
    requirements = v.text(
        errors,
        "requirements",
        translate("feedback", "客户要求"),
        form.requirements,
        field=Feedback.requirements,
    )
    if not discussed and "discussed" not in errors:
        errors["discussed"] = translate("feedback", "请填写洽谈内容。")
    if (
        isinstance(form.satisfaction, bool)
        or not isinstance(form.satisfaction, int)
        or not 1 <= form.satisfaction <= 5
    ):
        errors["satisfaction"] = translate("feedback", "满意度请选 1–5。")
    if form.followup_owner_id is None:
        errors["followup_owner_id"] = translate("feedback", "请指定跟进负责人。")
    elif not Employee.select().where(Employee.id == form.followup_owner_id).exists():
        errors["followup_owner_id"] = translate("feedback", "跟进负责人不存在。")
    actions = []
    for i, action in enumerate(form.actions):
        label = translate("feedback", "第 {n} 项跟进措施").format(n=i + 1)
        text = v.text(errors, f"action{i}", label, action.action, field=FeedbackAction.action)
        if text and action.due is None:
            errors[f"action{i}"] = translate("feedback", "第 {n} 项跟进措施缺少完成日期。").format(n=i + 1)
        v.day(errors, f"action{i}", label, action.due)
        if (
            action.owner_id is not None
            and not Employee.select().where(Employee.id == action.owner_id).exists()
        ):
            errors.setdefault(
                f"action{i}", translate("feedback", "{what}的负责人不存在。").format(what=label)
            )
        if text:
            actions.append(ActionForm(text, action.owner_id, action.due))
    if errors:
        raise ValidationError(errors)
    root = app.root_id or app.id
    with database.atomic():
        fb = Feedback.get_or_none(Feedback.reception == root)
        if fb is not None:
            versioning.claim(fb, form.version, actor)  # filed meanwhile by someone: version 0 fails
        elif form.version:
            raise versioning.stale_error(Feedback, -1)  # the copy's feedback no longer exists
        else:
            fb = Feedback(reception=root, updated_by_id=actor.user_id, updated_at=clock.now())
        before = audit.snapshot(fb)
        fb.discussed, fb.requirements = discussed, requirements
        fb.satisfaction, fb.followup_owner = form.satisfaction, form.followup_owner_id
        fb.submitted_at, fb.submitted_by = now or clock.now(), actor.user_id
        fb.signed_off_at = fb.signed_off_by = None  # changed content needs the head's signature anew
        fb.save()
        FeedbackAction.delete().where(FeedbackAction.feedback == fb).execute()
        for i, action in enumerate(actions):
            FeedbackAction.create(
                feedback=fb, position=i, action=action.action, owner=action.owner_id, due=action.due
            )
        skip = frozenset(
            {"version", "updated_at", "updated_by_id", "submitted_at", "submitted_by", "reception"}
        )
        audit.record(actor, "submit", "feedback", root, audit.row_changes(before, fb, skip=skip), app.number)
    return _status(app, (now or clock.now()).date())


# ------------------------------------------------------------------ sign-off (部门负责人 / 日期)


@dataclass(frozen=True)
class FeedbackSignatures:
    """Who filled the form in and who signed it off, for the 填表人 and 部门负责人 lines."""

    filled_by: str
    submitted_at: dt.datetime | None
    signed_off_by: str
    signed_off_at: dt.datetime | None


def signatures(actor: Actor, application_id: int) -> FeedbackSignatures:
    require_any(actor, "feedback.view", "feedback.file")
    from desktop.models import User

    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise NotFound(translate("feedback", "接待不存在。"))
    if not access.can_view_feedback(actor, app):
        raise PermissionDenied(translate("feedback", "您无权查看这份信息反馈。"))
    fb = Feedback.get_or_none(Feedback.reception == (app.root_id or app.id))
    if fb is None:
        return FeedbackSignatures("", None, "", None)

    def name(user_id: int | None) -> str:
        user = User.get_or_none(User.id == user_id) if user_id else None
        return user.display_name if user else ""

    return FeedbackSignatures(
        name(fb.submitted_by_id), fb.submitted_at, name(fb.signed_off_by_id), fb.signed_off_at
    )


def sign_off_state(actor: Actor, application_id: int) -> tuple[bool, str]:
    """May this user press 部门负责人签认 now, and if not, why (the button's tooltip) — the same
    rules :func:`sign_off` enforces, asked before the click instead of refused after it."""
    if not actor.can("feedback.signoff"):
        return False, translate("feedback", "只有部门负责人可以签认信息反馈。")
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        return False, translate("feedback", "接待不存在。")
    if not access.is_department_head(actor, app.department_id):
        return False, translate("feedback", "只有接待部门的负责人可以签认信息反馈。")
    fb = Feedback.get_or_none(Feedback.reception == (app.root_id or app.id))
    if fb is None or fb.submitted_at is None:
        return False, translate("feedback", "信息反馈尚未提交，不能签认。")
    if fb.signed_off_at is not None:
        return False, translate("feedback", "这份信息反馈已经签认。")
    return True, ""


def sign_off(actor: Actor, application_id: int, now: dt.datetime | None = None) -> FeedbackSignatures:
    """The head of the receiving department signs the submitted feedback (部门负责人 / 日期).

    Only a 部门负责人 of the reception's own department may sign, and only what was submitted:
    the printed form then carries a name and a date instead of an empty line.
    """
    require(actor, "feedback.signoff")
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise NotFound(translate("feedback", "接待不存在。"))
    if not access.is_department_head(actor, app.department_id):
        raise PermissionDenied(translate("feedback", "只有接待部门的负责人可以签认信息反馈。"))
    with database.atomic():
        fb = Feedback.get_or_none(Feedback.reception == (app.root_id or app.id))
        if fb is None or fb.submitted_at is None:
            raise ValidationError({"feedback": translate("feedback", "信息反馈尚未提交，不能签认。")})
        if fb.signed_off_at is not None:
            raise ValidationError({"feedback": translate("feedback", "这份信息反馈已经签认。")})
        at = now or clock.now()
        Feedback.update(
            signed_off_at=at,
            signed_off_by=actor.user_id,
            version=Feedback.version + 1,
            updated_by_id=actor.user_id,
            updated_at=at,
        ).where(Feedback.id == fb.id).execute()
        audit.record(actor, "signoff", "feedback", fb.reception_id, {"signed_off_at": (None, at)}, app.number)
    return signatures(actor, application_id)
