"""The audit trail (审计, issue 12): who changed what, when, which record, old → new.

Every writer calls :func:`record` inside its own transaction, so an entry exists exactly when
the change was committed (a rolled-back save leaves none). Entries form a hash chain: each
stores the hash of the entry before it and a SHA-256 over its own fields plus that hash, so a
row edited or deleted with SQL breaks the chain at that point and :func:`verify` names it.

Two PCs writing at once must not both read the same "last hash" and fork the chain. On SQLite
every transaction begins ``IMMEDIATE`` (desktop/db.py), so writers are already serialised; on
PostgreSQL :func:`record` takes a transaction-level advisory lock before reading the last hash,
held until the caller's transaction ends.

The account id is not part of the hash: deleting an account sets it to NULL (on_delete), which
must not look like tampering. The name written at the time (``user_name``) is hashed instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import hashlib
import json
from dataclasses import dataclass
from typing import Any

import peewee

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import AuditEntry
from desktop.services import audit_labels
from desktop.services.auth import Actor, require

# pg_advisory_xact_lock key for the chain ("audit" in ASCII); any fixed number would do, it
# only has to be the same in every process of this program.
_PG_LOCK_KEY = 0x6175646974

_MAX_LIMIT = 5000


def _json_safe(value: Any) -> Any:
    """Values as JSON can carry them and a reader can compare: money and dates as text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, enum.Enum):
        return _json_safe(value.value)
    if isinstance(value, peewee.Model):
        return value.get_id()
    if isinstance(value, (set, frozenset)):
        return sorted((_json_safe(v) for v in value), key=lambda v: str(v))
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    return str(value)


def _canonical(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _entry_hash(
    *,
    at: dt.datetime,
    user_name: str,
    action: str,
    kind: str,
    record_id: str,
    changes: str,
    note: str,
    prev_hash: str,
) -> str:
    payload = _canonical(
        {
            "at": at.isoformat(sep=" ", timespec="microseconds"),
            "user_name": user_name,
            "action": action,
            "kind": kind,
            "record_id": record_id,
            "changes": changes,
            "note": note,
            "prev_hash": prev_hash,
        }
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _lock_chain() -> None:
    if isinstance(database.obj, peewee.PostgresqlDatabase):
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK_KEY,))


def _last_hash() -> str:
    row = AuditEntry.select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1).scalar()
    return row or ""


def _actor_name(actor: Actor | None, user_name: str) -> str:
    if actor is None:
        return user_name
    if actor.display_name and actor.display_name != actor.username:
        return f"{actor.display_name}（{actor.username}）"
    return actor.username


def record(
    actor: Actor | None,
    action: str,
    kind: str,
    record_id: Any,
    changes: dict[str, Any] | None = None,
    note: str = "",
    *,
    user_name: str = "",
) -> AuditEntry:
    """Append one entry in the caller's transaction (or a transaction of its own).

    ``changes`` maps a field to ``(old, new)``; values are made JSON-safe (Decimal and dates as
    text). ``actor`` is None only where nobody is logged in (a failed login): then ``user_name``
    says who was tried.
    """
    safe_changes = {
        str(field): [_json_safe(pair[0]), _json_safe(pair[1])]
        if isinstance(pair, (list, tuple)) and len(pair) == 2
        else [None, _json_safe(pair)]
        for field, pair in (changes or {}).items()
    }
    changes_text = _canonical(safe_changes)
    name = _actor_name(actor, user_name)[:120]
    rid = "" if record_id is None else str(record_id)[:60]
    with database.atomic():
        _lock_chain()
        # the hashed fields are exactly the stored ones (the account id is not hashed: see _entry_hash)
        fields = dict(
            at=clock.now(),
            user_name=name,
            action=action,
            kind=kind,
            record_id=rid,
            changes=changes_text,
            note=note or "",
            prev_hash=_last_hash(),
        )
        return AuditEntry.create(
            **fields, user=actor.user_id if actor is not None else None, hash=_entry_hash(**fields)
        )


def diff(instance: Any, new_values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """``{field: (old, new)}`` for the fields of ``new_values`` whose value differs on
    ``instance`` (a model row, or any object with those attributes; a dict is read by key).

    A foreign key may be named ``department`` or ``department_id``; both compare by id. Values
    equal once made JSON-safe (``Decimal("10")`` and ``Decimal("10.00")`` are not) count as
    changed only if they differ as numbers too.
    """
    out: dict[str, tuple[Any, Any]] = {}
    for field, new in new_values.items():
        if isinstance(instance, dict):
            old = instance.get(field)
        else:
            old = _attr(instance, field)
        if _same(old, new):
            continue
        out[field] = (old, new)
    return out


# Bookkeeping columns every versioned save moves; the trail records what a person changed.
_SKIP = frozenset({"version", "updated_at", "updated_by_id", "updated_by"})


def snapshot(instance: Any) -> dict[str, Any]:
    """The row's column values now (before a change), for :func:`row_changes` after it.
    A new, unsaved row gives ``{}``: every column it gets is then reported as new."""
    if instance is None or getattr(instance, "get_id", lambda: None)() is None:
        return {}
    return dict(instance.__data__)


def row_changes(
    before: dict[str, Any], after: Any, *, skip: frozenset[str] = _SKIP
) -> dict[str, tuple[Any, Any]]:
    """``{column: (old, new)}`` between a :func:`snapshot` and the row (or a dict) after the
    change; the id and bookkeeping columns are left out."""
    now = dict(after.__data__) if hasattr(after, "__data__") else dict(after)
    out: dict[str, tuple[Any, Any]] = {}
    for key in sorted(set(before) | set(now)):
        if key in skip or key == "id":
            continue
        old, new = before.get(key), now.get(key)
        if not _same(old, new):
            out[key] = (old, new)
    return out


def _attr(instance: Any, field: str) -> Any:
    meta = getattr(instance, "_meta", None)
    if meta is not None:
        fk = meta.fields.get(field)
        if isinstance(fk, peewee.ForeignKeyField):
            return getattr(instance, fk.object_id_name)
    return getattr(instance, field, None)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, peewee.Model):
        old = old.get_id()
    if isinstance(new, peewee.Model):
        new = new.get_id()
    if old == new:
        return True
    if old in (None, "") and new in (None, ""):
        return True
    if isinstance(old, decimal.Decimal) or isinstance(new, decimal.Decimal):
        try:
            return decimal.Decimal(str(old)) == decimal.Decimal(str(new))
        except (decimal.InvalidOperation, ValueError):
            return False
    return _json_safe(old) == _json_safe(new)


# ---------------------------------------------------------------------------------- verify


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int
    first_broken_id: int | None = None
    reason: str = ""

    @property
    def message(self) -> str:
        if self.ok:
            return translate("audit", "审计链完整：共 {n} 条记录，未发现篡改。").format(n=self.count)
        return translate("audit", "审计链在第 {id} 条记录处断开：{reason}").format(
            id=self.first_broken_id, reason=self.reason
        )


_VERIFY_CHUNK = 5000


def _chain_rows():
    """Every entry in id order, read ``_VERIFY_CHUNK`` at a time by id range: psycopg hands a
    whole result over at once, so one query at 100,000 entries held them all in memory (214 MiB);
    in chunks the walk stays at a few MiB on both databases."""
    last_id = 0
    while True:
        chunk = list(
            AuditEntry.select(
                AuditEntry.id,
                AuditEntry.at,
                AuditEntry.user_name,
                AuditEntry.action,
                AuditEntry.kind,
                AuditEntry.record_id,
                AuditEntry.changes,
                AuditEntry.note,
                AuditEntry.prev_hash,
                AuditEntry.hash,
            )
            .where(AuditEntry.id > last_id)
            .order_by(AuditEntry.id)
            .limit(_VERIFY_CHUNK)
            .tuples()
        )
        yield from chunk
        if len(chunk) < _VERIFY_CHUNK:
            return
        last_id = chunk[-1][0]


def verify(actor: Actor | None = None) -> VerifyResult:
    """Walk the chain in id order and recompute every hash.

    An edited row fails its own hash; a deleted row makes the next one's ``prev_hash`` point at
    nothing. ``actor`` is checked when given (the window); the CLI runs it with database access.
    """
    if actor is not None:
        require(actor, "audit.view")
    prev = ""
    count = 0
    for (
        entry_id,
        at,
        user_name,
        action,
        kind,
        record_id,
        changes,
        note,
        prev_hash,
        digest,
    ) in _chain_rows():
        count += 1
        if prev_hash != prev:
            return VerifyResult(
                False,
                count,
                entry_id,
                translate("audit", "上一条记录的哈希不符（之前的记录被删除或改动）。"),
            )
        if isinstance(at, str):  # SQLite hands back text when the column was written by hand
            try:
                at = dt.datetime.fromisoformat(at)
            except ValueError:
                return VerifyResult(False, count, entry_id, translate("audit", "时间无法识别。"))
        expected = _entry_hash(
            at=at,
            user_name=user_name,
            action=action,
            kind=kind,
            record_id=record_id,
            changes=changes,
            note=note,
            prev_hash=prev_hash,
        )
        if expected != digest:
            return VerifyResult(
                False, count, entry_id, translate("audit", "记录内容与其哈希不符（记录被改动）。")
            )
        prev = digest
    return VerifyResult(True, count)


# ----------------------------------------------------------------------------------- query


def kind_label(kind: str) -> str:
    labels = {
        "application": translate("audit", "接待申请"),
        "approval": translate("audit", "审批"),
        "arrangement": translate("audit", "接待安排"),
        "expense_summary": translate("audit", "费用报销"),
        "expense_line": translate("audit", "费用明细"),
        "import": translate("audit", "导入"),
        "reconcile": translate("audit", "对账"),
        "setting": translate("audit", "设置"),
        "standard": translate("audit", "接待标准"),
        "budget": translate("audit", "部门预算"),
        "calendar": translate("audit", "工作日历"),
        "user": translate("audit", "用户与角色"),
        "org": translate("audit", "组织"),
        "deny": translate("audit", "黑名单"),
        "fine": translate("audit", "赞助单"),
        "feedback": translate("audit", "信息反馈"),
        "login": translate("audit", "登录"),
        "visitor": translate("audit", "访客"),
        "resource": translate("audit", "资源"),
        "audit": translate("audit", "审计"),
        "visit": translate("audit", "来访记录"),
        "notification": translate("audit", "通知"),
        "notify_channel": translate("audit", "通知渠道"),
        "import_profile": translate("audit", "导入方案"),
        "reconcile_rule": translate("audit", "对账规则"),
        "database": translate("audit", "数据库"),
    }
    return labels.get(kind, kind)


def action_label(action: str) -> str:
    labels = {
        "create": translate("audit", "新建"),
        "edit": translate("audit", "修改"),
        "delete": translate("audit", "删除"),
        "submit": translate("audit", "提交"),
        "withdraw": translate("audit", "撤回"),
        "approve": translate("audit", "同意"),
        "return": translate("audit", "退回"),
        "reject": translate("audit", "驳回"),
        "transfer": translate("audit", "转交"),
        "add_signer": translate("audit", "加签"),
        "copy": translate("audit", "抄送"),
        "remind": translate("audit", "催办"),
        "import": translate("audit", "导入"),
        "undo": translate("audit", "撤销导入"),
        "match": translate("audit", "匹配"),
        "unmatch": translate("audit", "取消匹配"),
        "decide": translate("audit", "对账决定"),
        "state": translate("audit", "状态变更"),
        "login_failed": translate("audit", "登录失败"),
        "view_id": translate("audit", "查看完整证件号"),
        "void": translate("audit", "作废"),
        "signoff": translate("audit", "签字"),
        "reimburse": translate("audit", "登记报销"),
        "erase": translate("audit", "个人信息清除"),
        "audit": translate("audit", "财务审核"),
        "dept_signoff": translate("audit", "部门负责人签字"),
        "auto": translate("audit", "自动通过"),
        "print": translate("audit", "打印"),
        "apply": translate("audit", "应用规则"),
        "retention": translate("audit", "超期个人信息清除"),
        "restore": translate("audit", "恢复备份"),
    }
    return labels.get(action, action)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    user_name: str
    action: str
    kind: str
    record_id: str
    changes: dict[str, list[Any]]
    note: str
    # Names of the foreign keys in ``changes`` ((field, id) -> name), looked up for a whole page
    # at once by :func:`with_names`; empty: ids show as numbers.
    names: dict[tuple[str, int], str] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    @property
    def action_text(self) -> str:
        return action_label(self.action)

    @property
    def kind_text(self) -> str:
        return kind_label(self.kind)

    @property
    def changes_text(self) -> str:
        return describe_changes(self.changes, self.kind, self.names)


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int
    offset: int
    limit: int


def describe_changes(
    changes: dict[str, list[Any]], kind: str = "", names: dict[tuple[str, int], str] | None = None
) -> str:
    """``金额: ¥100.00 → ¥120.00; 状态: 草稿 → 审批中`` — one readable line, labelled when read
    (the stored JSON keeps column names and raw values: the hash covers them)."""
    return audit_labels.describe(kind, changes, names)


def with_names(rows: list[AuditRow]) -> list[AuditRow]:
    """The rows with their foreign keys' names (one query per referenced table)."""
    names = audit_labels.lookup_names((r.kind, r.changes) for r in rows)
    if not names:
        return rows
    return [dataclasses.replace(r, names=names) for r in rows]


def _row(entry: AuditEntry) -> AuditRow:
    try:
        changes = json.loads(entry.changes or "{}")
        if not isinstance(changes, dict):
            changes = {"?": [None, changes]}
    except ValueError:
        changes = {"?": [None, entry.changes]}
    return AuditRow(
        id=entry.id,
        at=entry.at,
        user_name=entry.user_name,
        action=entry.action,
        kind=entry.kind,
        record_id=entry.record_id,
        changes=changes,
        note=entry.note,
    )


def search(
    actor: Actor,
    *,
    person: str = "",
    kind: str = "",
    record_id: str = "",
    action: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    offset: int = 0,
    limit: int = 500,
) -> AuditPage:
    """The 审计日志 window's query: newest first, ``limit`` rows from ``offset``.

    ``person`` matches the name written at the time (part of it, any case); ``date_to`` is
    inclusive. Only 审计 and 系统管理员 may read the trail.
    """
    require(actor, "audit.view")
    limit = max(1, min(int(limit), _MAX_LIMIT))
    offset = max(0, int(offset))
    query = AuditEntry.select()
    if person.strip():
        query = query.where(AuditEntry.user_name.contains(person.strip()))
    if kind:
        query = query.where(AuditEntry.kind == kind)
    if action:
        query = query.where(AuditEntry.action == action)
    if record_id.strip():
        query = query.where(AuditEntry.record_id == record_id.strip())
    if date_from is not None:
        query = query.where(AuditEntry.at >= dt.datetime.combine(date_from, dt.time.min))
    if date_to is not None:
        query = query.where(AuditEntry.at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    total = query.count()
    rows = with_names([_row(e) for e in query.order_by(AuditEntry.id.desc()).offset(offset).limit(limit)])
    return AuditPage(rows=rows, total=total, offset=offset, limit=limit)


def all_rows(actor: Actor, **filters: Any) -> list[AuditRow]:
    """Every row matching the filters, for the .xlsx export (in pages, newest first)."""
    out: list[AuditRow] = []
    offset = 0
    while True:
        page = search(actor, offset=offset, limit=_MAX_LIMIT, **filters)
        out.extend(page.rows)
        offset += len(page.rows)
        if not page.rows or offset >= page.total:
            return out


def kinds_in_use(actor: Actor) -> list[tuple[str, str]]:
    """(code, label) of the kinds present, for the window's filter."""
    require(actor, "audit.view")
    codes = [k for (k,) in AuditEntry.select(AuditEntry.kind).distinct().order_by(AuditEntry.kind).tuples()]
    return [(c, kind_label(c)) for c in codes]


def actions_in_use(actor: Actor) -> list[tuple[str, str]]:
    require(actor, "audit.view")
    codes = [
        a for (a,) in AuditEntry.select(AuditEntry.action).distinct().order_by(AuditEntry.action).tuples()
    ]
    return [(c, action_label(c)) for c in codes]
