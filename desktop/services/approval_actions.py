"""The approval actions people know from DingTalk / WeCom besides 同意/退回/驳回:
转交, 加签 (前加签 / 后加签), 抄送, 批量审批, 催办 — and the lists behind the navigation counts
(待我审批, 退回给我, 抄送我).

Each action checks the role and the relation to the application before writing, records itself
in the history (:class:`ApprovalRecord`), tells the people concerned, and changes the
application's route only if nobody else acted on it meanwhile (its version).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Application, ApplicationCopy, ApprovalRecord, User
from desktop.services import access, approval, notifications, outbox, routing, settings, validation
from desktop.services import applications as apps
from desktop.services.auth import Actor
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError

BEFORE = "before"
AFTER = "after"


def _load_pending(actor: Actor, application_id: int) -> Application:
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise NotFound(translate("approval", "申请不存在。"))
    ok, why = approval._can_act(actor, app)
    if not ok:
        raise PermissionDenied(why)
    return app


def _comment(comment: str) -> str:
    errors: dict[str, str] = {}
    text = validation.text(
        errors, "comment", translate("approval", "意见"), comment, limit=2000, multiline=True
    )
    validation.raise_if(errors)
    return text


def _people(app: Application, user_ids: list[int], actor: Actor) -> list[User]:
    """Active accounts to hand a step to or add: never the applicant, never the actor."""
    ids = list(dict.fromkeys(user_ids))
    if not ids:
        raise ValidationError({"users": translate("approval", "请选择人员。")})
    users = list(User.select().where(User.id.in_(ids), User.active == True))  # noqa: E712
    if len(users) != len(ids):
        raise ValidationError({"users": translate("approval", "所选人员不存在或已停用。")})
    if app.applicant_id in ids:
        raise ValidationError({"users": translate("approval", "申请人不能审批自己的申请。")})
    if actor.user_id in ids:
        raise ValidationError({"users": translate("approval", "不能选择您自己。")})
    return sorted(users, key=lambda u: ids.index(u.id))


def _save_route(app: Application, steps: list[routing.RouteStep], actor: Actor, now: dt.datetime) -> None:
    version = app.version
    routing.store(app, steps)
    changed = (
        Application.update(
            route=app.route,
            chain=app.chain,
            version=Application.version + 1,
            updated_by_id=actor.user_id,
            updated_at=now,
        )
        .where(Application.id == app.id, Application.version == version, Application.status == apps.PENDING)
        .execute()
    )
    if changed != 1:
        raise ServiceError(translate("approval", "这份申请刚刚已被他人处理，请刷新。"))


def _names(users: list[User]) -> str:
    return "、".join(u.display_name or u.username for u in users)


def transfer(actor: Actor, application_id: int, to_user_id: int, comment: str = "") -> apps.ApplicationInfo:
    """转交: hand my pending step to a colleague, who then decides it instead of me."""
    comment = _comment(comment)
    with database.atomic():
        app = _load_pending(actor, application_id)
        (to,) = _people(app, [to_user_id], actor)
        now = clock.now()
        steps = routing.load(app)
        step = steps[app.step_index]
        if step.users:
            step.users = [to.id if u == actor.user_id else u for u in step.users]
            if to.id not in step.users:
                step.users.append(to.id)
        else:
            step.users = [to.id]
        approval.record(app, actor, "transfer", comment, now, target=to.id, note=_names([to]))
        _save_route(app, steps, actor, now)
        notifications.notify_users(
            [to.id],
            translate("approval", "待您审批（{name} 转交）：{number} {client}").format(
                name=actor.display_name, number=app.number, client=app.client_company
            ),
            comment,
            event=outbox.APPROVAL_WAITING,
            application_id=app.id,
        )
    return apps._info(Application.get_by_id(app.id))


def add_approvers(
    actor: Actor,
    application_id: int,
    user_ids: list[int],
    where: str,
    comment: str = "",
    mode: str = routing.ANY,
) -> apps.ApplicationInfo:
    """加签: 前加签 puts the added people before my step (they decide first, then it comes back to
    me); 后加签 puts them right after my step (they decide after I approve)."""
    if where not in (BEFORE, AFTER):
        raise ValidationError({"where": translate("approval", "请选择前加签或后加签。")})
    if mode not in routing.MODES:
        raise ValidationError({"mode": translate("approval", "未知的审批方式。")})
    comment = _comment(comment)
    with database.atomic():
        app = _load_pending(actor, application_id)
        people = _people(app, user_ids, actor)
        now = clock.now()
        steps = routing.load(app)
        label = translate("approval", "加签：{names}").format(names=_names(people))
        added = routing.RouteStep(
            "",
            label,
            mode,
            [u.id for u in people],
            origin=routing.ADDED_BEFORE if where == BEFORE else routing.ADDED_AFTER,
        )
        index = app.step_index if where == BEFORE else app.step_index + 1
        steps.insert(index, added)
        decision = "add_before" if where == BEFORE else "add_after"
        approval.record(app, actor, decision, comment, now, target=people[0].id, note=_names(people))
        _save_route(app, steps, actor, now)
        if where == BEFORE:
            notifications.notify_users(
                [u.id for u in people],
                translate("approval", "待您审批（{name} 加签）：{number} {client}").format(
                    name=actor.display_name, number=app.number, client=app.client_company
                ),
                comment,
                event=outbox.APPROVAL_WAITING,
                application_id=app.id,
            )
    return apps._info(Application.get_by_id(app.id))


def copy_to(actor: Actor, application_id: int, user_ids: list[int], comment: str = "") -> int:
    """抄送: let these people read the application and tell them. The applicant and anyone who
    approves (or approved) it may copy it. Returns how many were newly copied."""
    comment = _comment(comment)
    with database.atomic():
        app = Application.get_or_none(Application.id == application_id)
        if app is None:
            raise NotFound(translate("approval", "申请不存在。"))
        if not (access.is_applicant(actor, app) or access.is_approver(actor, app)):
            raise PermissionDenied(translate("approval", "只有申请人和审批人可以抄送。"))
        ids = list(dict.fromkeys(user_ids))
        people = list(User.select().where(User.id.in_(ids), User.active == True))  # noqa: E712
        if not ids or len(people) != len(ids):
            raise ValidationError({"users": translate("approval", "请选择人员。")})
        now = clock.now()
        already = {c.user_id for c in ApplicationCopy.select().where(ApplicationCopy.application == app)}
        new = [u for u in people if u.id not in already and u.id != app.applicant_id]
        for user in new:
            ApplicationCopy.create(application=app, user=user.id, by=actor.user_id, comment=comment, at=now)
        if not new:
            return 0
        approval.record(app, actor, "copy", comment, now, target=new[0].id, note=_names(new))
        notifications.notify_users(
            [u.id for u in new],
            translate("approval", "抄送（{name}）：{number} {client}").format(
                name=actor.display_name, number=app.number, client=app.client_company
            ),
            comment,
            event=outbox.COPIED,
            application_id=app.id,
        )
    return len(new)


@dataclass(frozen=True)
class BatchResult:
    application_id: int
    number: str
    ok: bool
    message: str


def batch_approve(actor: Actor, application_ids: list[int], comment: str = "") -> list[BatchResult]:
    """批量审批: approve each one with the same comment, each checked on its own. One whose step
    takes the over-standard decision is left for a decision of its own, with the reason why."""
    results = []
    for application_id in application_ids:
        app = Application.get_or_none(Application.id == application_id)
        number = app.number if app else str(application_id)
        if app is not None and approval.needs_over_standard_decision(app):
            results.append(
                BatchResult(
                    application_id,
                    number,
                    False,
                    translate("approval", "含超标准审批，请单独审批并写明理由。"),
                )
            )
            continue
        try:
            info = approval.decide(actor, application_id, approval.APPROVE, comment)
        except ServiceError as exc:
            message = "；".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
            results.append(BatchResult(application_id, number, False, message))
            continue
        results.append(BatchResult(application_id, number, True, info.where))
    return results


def remind(actor: Actor, application_id: int, comment: str = "", *, now: dt.datetime | None = None) -> int:
    """催办: the applicant reminds the current approver(s), at most once every few hours
    (setting ``remind_hours``). Returns how many people were reminded."""
    comment = _comment(comment)
    now = now or clock.now()
    with database.atomic():
        app = Application.get_or_none(Application.id == application_id)
        if app is None:
            raise NotFound(translate("approval", "申请不存在。"))
        if not access.can_edit_application(actor, app):
            raise PermissionDenied(translate("approval", "只有申请人可以催办。"))
        if app.status != apps.PENDING:
            raise ServiceError(translate("approval", "只有审批中的申请可以催办。"))
        hours = int(settings.get("remind_hours"))
        last = (
            ApprovalRecord.select()
            .where(ApprovalRecord.application == app, ApprovalRecord.decision == "remind")
            .order_by(ApprovalRecord.at.desc())
            .first()
        )
        if last is not None and last.at > now - dt.timedelta(hours=hours):
            raise ServiceError(
                translate("approval", "已于 {at} 催办过，{hours} 小时内只能催办一次。").format(
                    at=f"{last.at:%m-%d %H:%M}", hours=hours
                )
            )
        people = approval.current_approvers(app)
        approval.record(app, actor, "remind", comment, now)
        steps = routing.load(app)
        notifications.notify_users(
            people,
            translate("approval", "催办：{number} {client} 等待您审批").format(
                number=app.number, client=app.client_company
            ),
            comment
            or translate("approval", "{name} 提醒您审批“{step}”。").format(
                name=actor.display_name, step=apps.step_label(steps[app.step_index].label)
            ),
            event=outbox.REMIND,
            application_id=app.id,
        )
    return len(people)


# ------------------------------------------------------------------ lists and counts


def returned_to_me(actor: Actor) -> list[apps.ApplicationInfo]:
    """My applications returned for changes (newest revision of each)."""
    rows = (
        Application.select()
        .where(Application.applicant == actor.user_id, Application.status == apps.RETURNED)
        .order_by(Application.updated_at.desc())
    )
    return [apps._info(a) for a in rows]


def copied_to_me(actor: Actor, *, unread_only: bool = False) -> list[apps.ApplicationInfo]:
    query = (
        Application.select()
        .join(ApplicationCopy, on=(ApplicationCopy.application == Application.id))
        .where(ApplicationCopy.user == actor.user_id)
        .order_by(ApplicationCopy.at.desc())
    )
    if unread_only:
        query = query.where(ApplicationCopy.read_at.is_null())
    return [apps._info(a) for a in query]


def mark_copy_read(actor: Actor, application_id: int) -> None:
    with database.atomic():
        ApplicationCopy.update(read_at=clock.now()).where(
            ApplicationCopy.application == application_id,
            ApplicationCopy.user == actor.user_id,
            ApplicationCopy.read_at.is_null(),
        ).execute()


@dataclass(frozen=True)
class Counts:
    waiting: int  # 待我审批
    returned: int  # 退回给我
    copied: int  # 抄送我 (unread)


def counts(actor: Actor) -> Counts:
    returned = (
        Application.select()
        .where(Application.applicant == actor.user_id, Application.status == apps.RETURNED)
        .count()
    )
    copied = (
        ApplicationCopy.select()
        .where(ApplicationCopy.user == actor.user_id, ApplicationCopy.read_at.is_null())
        .count()
    )
    return Counts(approval.inbox_count(actor), returned, copied)


def colleagues(actor: Actor, application_id: int | None = None) -> list[tuple[int, str]]:
    """Active accounts to choose from for 转交, 加签 and 抄送 (id, name).

    Never the actor; for an application also never its applicant (who may not approve their own
    application, and is told of its progress anyway) nor whoever already holds its current step
    by name (handing the step to them, adding them again or copying them to it changes nothing):
    a picker that offers them only leads to a refusal after 确定."""
    leave_out = {actor.user_id}
    if application_id is not None:
        app = Application.get_or_none(Application.id == application_id)
        if app is not None:
            leave_out.add(app.applicant_id)
            steps = routing.load(app) if app.status == apps.PENDING else []
            if 0 <= app.step_index < len(steps):
                leave_out.update(steps[app.step_index].users)
    rows = User.select().where(User.active == True).order_by(User.display_name)  # noqa: E712
    return [(u.id, u.display_name or u.username) for u in rows if u.id not in leave_out]


def return_targets(actor: Actor, application_id: int) -> list[tuple[int, str]]:
    """Where 退回 may send the application: -1 the applicant, or an earlier step."""
    app = _load_pending(actor, application_id)
    steps = routing.load(app)
    targets = [(-1, translate("approval", "申请人（退回修改）"))]
    for i, step in enumerate(steps[: app.step_index]):
        targets.append(
            (i, translate("approval", "第 {n} 步：{step}").format(n=i + 1, step=apps.step_label(step.label)))
        )
    return targets


def needs_over_reason(actor: Actor, application_id: int) -> bool:
    """The step waiting for ``actor`` also takes the over-standard decision (超标准审批): the
    approver's window then asks for the reason next to the comment."""
    app = Application.get_or_none(Application.id == application_id)
    return app is not None and approval._can_act(actor, app)[0] and approval.needs_over_standard_decision(app)
