"""Notifications that leave the program: e-mail (SMTP) and DingTalk / WeCom / Feishu group robots,
delivered with ``apprise``.

An action queues its messages (:func:`queue`) inside its own transaction: the outbox row exists
exactly when the action does. A sender (the main window runs :func:`send_due` on a pool thread
every half minute) delivers them, with retries at growing intervals. A failure is kept on the
row and on the channel (设置 shows the last error) and never blocks or undoes the action.
Several PCs may run the sender: a row is claimed with one UPDATE before it is sent.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import urllib.parse
import warnings
from dataclasses import dataclass

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import NotifyChannel, Outbox, User
from desktop.services import audit, validation
from desktop.services.auth import Actor, clean_email, require
from desktop.services.errors import NotFound, ServiceError, ValidationError

EMAIL = "email"
DINGTALK = "dingtalk"
WECOM = "wecom"
FEISHU = "feishu"
KINDS = (EMAIL, DINGTALK, WECOM, FEISHU)

VISITOR_ARRIVED = "visitor_arrived"
APPROVAL_WAITING = "approval_waiting"
APPLICATION_RESULT = "application_result"
COPIED = "copied"
OVERDUE = "overdue"
REMIND = "remind"
EXPENSE_WAITING = "expense_waiting"  # an expense summary reached the next signer (issue 13)
EVENTS = (VISITOR_ARRIVED, APPROVAL_WAITING, APPLICATION_RESULT, COPIED, OVERDUE, REMIND, EXPENSE_WAITING)

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
RETRY_MINUTES = (1, 5, 15, 60, 240)  # after the 1st … 5th failure; then the row is given up
STALE_CLAIM = dt.timedelta(minutes=10)  # a sender that died while sending


def kind_label(kind: str) -> str:
    return {
        EMAIL: translate("outbox", "电子邮件（SMTP）"),
        DINGTALK: translate("outbox", "钉钉群机器人"),
        WECOM: translate("outbox", "企业微信群机器人"),
        FEISHU: translate("outbox", "飞书群机器人"),
    }.get(kind, kind)


def event_label(event: str) -> str:
    return {
        VISITOR_ARRIVED: translate("outbox", "访客到达 → 被访人"),
        APPROVAL_WAITING: translate("outbox", "待审批 → 审批人"),
        APPLICATION_RESULT: translate("outbox", "通过/退回/驳回 → 申请人"),
        COPIED: translate("outbox", "抄送 → 被抄送人"),
        OVERDUE: translate("outbox", "反馈表/费用汇总逾期 → 负责人"),
        REMIND: translate("outbox", "催办 → 当前审批人"),
        EXPENSE_WAITING: translate("outbox", "费用汇总待签字/审核/审批/付款 → 部门负责人、财务、总经理"),
    }.get(event, event)


@dataclass(frozen=True)
class ChannelInfo:
    id: int
    name: str
    kind: str
    config: dict
    events: tuple[str, ...]
    active: bool
    last_error: str
    last_error_at: dt.datetime | None
    last_sent_at: dt.datetime | None
    pending: int

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


def _info(row: NotifyChannel) -> ChannelInfo:
    pending = Outbox.select().where(Outbox.channel == row.id, Outbox.status.in_((PENDING, SENDING))).count()
    return ChannelInfo(
        row.id,
        row.name,
        row.kind,
        json.loads(row.config or "{}"),
        tuple(e for e in row.events.split(",") if e),
        row.active,
        row.last_error,
        row.last_error_at,
        row.last_sent_at,
        pending,
    )


def channels(actor: Actor) -> list[ChannelInfo]:
    require(actor, "settings.manage")
    return [_info(r) for r in NotifyChannel.select().order_by(NotifyChannel.id)]


def _token(webhook: str, key: str) -> str:
    """The robot's token from a pasted webhook address, or the token itself."""
    text = webhook.strip()
    if "://" not in text:
        return text
    parsed = urllib.parse.urlparse(text)
    query = urllib.parse.parse_qs(parsed.query)
    if key in query:
        return query[key][0]
    return parsed.path.rstrip("/").rsplit("/", 1)[-1]


def apprise_url(kind: str, config: dict, recipient: str = "") -> str:
    """The apprise URL of a channel (and, for e-mail, one recipient)."""
    quote = urllib.parse.quote
    if kind == EMAIL:
        security = config.get("security", "starttls")
        scheme = "mailtos" if security in ("starttls", "ssl") else "mailto"
        host = config.get("host", "")
        port = int(
            config.get("port") or (465 if security == "ssl" else 587 if security == "starttls" else 25)
        )
        user, password = config.get("user", ""), config.get("password", "")
        auth = f"{quote(user, safe='')}:{quote(password, safe='')}@" if user else ""
        params = {"smtp": host, "from": config.get("sender") or user, "to": recipient}
        if security == "ssl":
            params["mode"] = "ssl"
        elif security == "none":
            params["mode"] = "insecure"
        return f"{scheme}://{auth}{host}:{port}?{urllib.parse.urlencode(params)}"
    if kind == DINGTALK:
        token = _token(config.get("webhook", ""), "access_token")
        secret = config.get("secret", "").strip()
        return f"dingtalk://{quote(secret, safe='')}@{token}/" if secret else f"dingtalk://{token}/"
    if kind == WECOM:
        return f"wecombot://{_token(config.get('webhook', ''), 'key')}"
    if kind == FEISHU:
        return f"feishu://{_token(config.get('webhook', ''), '')}"
    raise ValidationError({"kind": translate("outbox", "未知的通知方式。")})


def save_channel(
    actor: Actor,
    *,
    channel_id: int | None,
    name: str,
    kind: str,
    config: dict,
    events: list[str] | tuple[str, ...],
    active: bool = True,
) -> ChannelInfo:
    require(actor, "settings.manage")
    errors: dict[str, str] = {}
    name = validation.text(errors, "name", translate("outbox", "名称"), name, field=NotifyChannel.name)
    if not name:
        errors["name"] = translate("outbox", "请填写名称。")
    if kind not in KINDS:
        errors["kind"] = translate("outbox", "未知的通知方式。")
    unknown = [e for e in events if e not in EVENTS]
    if unknown:
        errors["events"] = translate("outbox", "未知的事件：{e}").format(e="、".join(unknown))
    if kind == EMAIL and not str(config.get("host", "")).strip():
        errors["host"] = translate("outbox", "请填写 SMTP 服务器。")
    if kind in (DINGTALK, WECOM, FEISHU) and not str(config.get("webhook", "")).strip():
        errors["webhook"] = translate("outbox", "请填写机器人的 Webhook 地址。")
    validation.raise_if(errors)
    with database.atomic():
        row = (
            NotifyChannel()
            if channel_id is None
            else NotifyChannel.get_or_none(NotifyChannel.id == channel_id)
        )
        if row is None:
            raise NotFound(translate("outbox", "通知方式不存在。"))
        before = _audited(row) if channel_id is not None else {}
        row.name, row.kind, row.active = name, kind, active
        row.config = json.dumps({k: str(v) for k, v in config.items()}, ensure_ascii=False)
        row.events = ",".join(e for e in EVENTS if e in events)
        row.save()
        audit.record(
            actor,
            "edit" if before else "create",
            "notify_channel",
            row.id,
            _audit_changes(before, _audited(row)),
            name,
        )
    return _info(row)


# Config keys holding a password or a robot's token: the audit trail says they changed, never
# what they are (anyone who may read the trail could otherwise send as the company).
_SECRET_KEYS = frozenset({"password", "secret", "webhook"})


def _audited(row: NotifyChannel) -> dict[str, object]:
    """A channel's fields as the audit trail compares them: its config spread into keys."""
    try:
        config = json.loads(row.config or "{}")
    except ValueError:
        config = {}
    return {"name": row.name, "kind": row.kind, "active": row.active, "events": row.events, **config}


def _audit_changes(before: dict[str, object], after: dict[str, object]) -> dict[str, tuple]:
    changed = translate("outbox", "（已修改）")
    out: dict[str, tuple] = {}
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new or (old in (None, "") and new in (None, "")):
            continue
        out[key] = (None, changed) if key in _SECRET_KEYS else (old, new)
    return out


def delete_channel(actor: Actor, channel_id: int) -> None:
    require(actor, "settings.manage")
    with database.atomic():
        row = NotifyChannel.get_or_none(NotifyChannel.id == channel_id)
        if NotifyChannel.delete().where(NotifyChannel.id == channel_id).execute() and row is not None:
            gone = {key: (new, None) for key, (_old, new) in _audit_changes({}, _audited(row)).items()}
            audit.record(actor, "delete", "notify_channel", channel_id, gone, row.name)


def set_email(actor: Actor, user_id: int, email: str) -> None:
    """A user's e-mail address for notifications: their own, or any (system administrator)."""
    if actor.user_id != user_id:
        require(actor, "users.manage")
    errors: dict[str, str] = {}
    email = clean_email(errors, email)  # the same rule as 设置 → 用户与角色
    validation.raise_if(errors)
    with database.atomic():
        User.update(email=email).where(User.id == user_id).execute()


def emails(actor: Actor) -> list[tuple[int, str, str]]:
    """(user id, name, e-mail) of every active account, for the settings table."""
    require(actor, "settings.manage")
    rows = User.select().where(User.active == True).order_by(User.username)  # noqa: E712
    return [(u.id, u.display_name or u.username, u.email) for u in rows]


# ------------------------------------------------------------------ queueing


def queue(event: str, user_ids: list[int], title: str, body: str = "") -> int:
    """Queue ``event`` for ``user_ids`` on every active channel that carries it.

    Call inside the action's transaction. E-mail: one row per recipient with an address; a group
    robot: one row for all of them, naming them (“@张伟”) in the text.
    """
    active = NotifyChannel.select().where(NotifyChannel.active == True)  # noqa: E712
    rows = [c for c in active if event in c.events.split(",")]
    if not rows or not user_ids:
        return 0
    users = list(User.select().where(User.id.in_(user_ids)))
    now = clock.now()
    count = 0
    for channel in rows:
        if channel.kind == EMAIL:
            for user in users:
                if user.email:
                    Outbox.create(
                        channel=channel,
                        event=event,
                        recipient=user.email,
                        title=title[:200],
                        body=body,
                        next_at=now,
                        created_at=now,
                    )
                    count += 1
        else:
            names = " ".join(f"@{u.display_name or u.username}" for u in users)
            Outbox.create(
                channel=channel,
                event=event,
                title=title[:200],
                body=f"{names}\n{body}".strip(),
                next_at=now,
                created_at=now,
            )
            count += 1
    return count


# ------------------------------------------------------------------ sending


def _deliver(kind: str, config: dict, recipient: str, title: str, body: str) -> None:
    """Send one message now; raise ServiceError with the reason when it did not go out."""
    # apprise loads its plugins lazily, and one imports the deprecated imghdr (Python ≤ 3.12).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import apprise

        sender = apprise.Apprise()
        with apprise.LogCapture(level=logging.WARNING) as captured:
            if not sender.add(apprise_url(kind, config, recipient)):
                raise ServiceError(translate("outbox", "通知地址无法识别，请检查设置。"))
            ok = sender.notify(title=title, body=body or title)
            detail = captured.getvalue().strip().splitlines()
    if not ok:
        reason = detail[-1] if detail else translate("outbox", "发送失败。")
        raise ServiceError(reason[:500])


def send_due(now: dt.datetime | None = None, limit: int = 20) -> int:
    """Deliver what is due (on a worker thread). Returns how many were sent."""
    now = now or clock.now()
    with database.atomic():
        Outbox.update(status=PENDING).where(
            Outbox.status == SENDING, Outbox.next_at < now - STALE_CLAIM
        ).execute()
    due = list(
        Outbox.select(Outbox.id)
        .where(Outbox.status == PENDING, Outbox.next_at <= now)
        .order_by(Outbox.next_at, Outbox.id)
        .limit(limit)
    )
    sent = 0
    for row in due:
        with database.atomic():
            claimed = (
                Outbox.update(status=SENDING, next_at=now)
                .where(Outbox.id == row.id, Outbox.status == PENDING)
                .execute()
            )
        if claimed != 1:
            continue  # another PC took it
        message = Outbox.get_by_id(row.id)
        channel = NotifyChannel.get_by_id(message.channel_id)
        try:
            _deliver(
                channel.kind,
                json.loads(channel.config or "{}"),
                message.recipient,
                message.title,
                message.body,
            )
        except Exception as exc:  # noqa: BLE001 - any failure is recorded, never raised
            error = str(exc) or type(exc).__name__
            attempts = message.attempts + 1
            retry = attempts <= len(RETRY_MINUTES)
            with database.atomic():
                Outbox.update(
                    status=PENDING if retry else FAILED,
                    attempts=attempts,
                    last_error=error,
                    next_at=now + dt.timedelta(minutes=RETRY_MINUTES[min(attempts, len(RETRY_MINUTES)) - 1]),
                ).where(Outbox.id == message.id).execute()
                NotifyChannel.update(last_error=error, last_error_at=now).where(
                    NotifyChannel.id == channel.id
                ).execute()
            continue
        with database.atomic():
            Outbox.update(status=SENT, sent_at=now, attempts=message.attempts + 1, last_error="").where(
                Outbox.id == message.id
            ).execute()
            NotifyChannel.update(last_sent_at=now, last_error="").where(
                NotifyChannel.id == channel.id
            ).execute()
        sent += 1
    return sent


def send_test(actor: Actor, channel_id: int, recipient: str = "") -> None:
    """发送测试消息: send at once (call it off the UI thread) and record the outcome."""
    require(actor, "settings.manage")
    channel = NotifyChannel.get_or_none(NotifyChannel.id == channel_id)
    if channel is None:
        raise NotFound(translate("outbox", "通知方式不存在。"))
    if channel.kind == EMAIL and not recipient:
        recipient = User.get_by_id(actor.user_id).email
        if not recipient:
            raise ValidationError({"email": translate("outbox", "请先填写您自己的电子邮件地址。")})
    now = clock.now()
    try:
        _deliver(
            channel.kind,
            json.loads(channel.config or "{}"),
            recipient,
            translate("outbox", "测试消息"),
            translate("outbox", "这是接待管理系统发出的测试消息。"),
        )
    except ServiceError as exc:
        with database.atomic():
            NotifyChannel.update(last_error=str(exc), last_error_at=now).where(
                NotifyChannel.id == channel.id
            ).execute()
        raise
    with database.atomic():
        NotifyChannel.update(last_sent_at=now, last_error="").where(NotifyChannel.id == channel.id).execute()


def failures(actor: Actor, limit: int = 20) -> list[tuple[dt.datetime, str, str, str]]:
    """Messages that are failing: (created, channel name, title, last error)."""
    require(actor, "settings.manage")
    rows = (
        Outbox.select(Outbox, NotifyChannel)
        .join(NotifyChannel)
        .where(Outbox.last_error != "", Outbox.status != SENT)
        .order_by(Outbox.created_at.desc())
        .limit(limit)
    )
    return [(r.created_at, r.channel.name, r.title, r.last_error) for r in rows]
