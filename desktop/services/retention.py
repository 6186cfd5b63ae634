"""Personal data kept no longer than needed (个人信息保护法 art. 19, issue 12).

After the retention period (setting ``retention_days``, default 365) a visit's phone and ID
numbers are erased and the name is reduced to the surname + 某 (张伟 → 张某, 欧阳娜娜 → 欧阳某), so
the log still counts visits per company and day but no longer identifies anyone. Kept as they
are:

- visits linked to a reception whose expenses are not yet reimbursed, or whose feedback form
  was not submitted (finance and the host may still need to know who came);
- anyone on site (the evacuation list), and today's visitors — guaranteed by the cutoff, which
  is at least :data:`MIN_DAYS` days back, and checked by status for an old visit never signed out.

A known visitor (the desk's autofill) is reduced the same way once none of their visits keeps
personal data. Notifications about erased visits, and sent notification messages, older than
the period are deleted (their titles carry the full name).

At a million visits this must not walk rows in Python: each step is one UPDATE over a range of
ids (:data:`CHUNK`), in its own short transaction, so another PC's save waits a moment at most.
The new names' pinyin keys are computed once per distinct surname.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop import clock
from desktop.db import database, pause_for_other_writers
from desktop.i18n import translate
from desktop.services.auth import Actor, require
from desktop.services.errors import ServiceError

DEFAULT_DAYS = 365
MIN_DAYS = 30
CHUNK = 5000
MOU = "某"

# Two-character (复姓) surnames; every other name keeps its first character.
COMPOUND_SURNAMES: tuple[str, ...] = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "令狐", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里",
    "呼延", "万俟", "闻人", "澹台", "公冶", "太史", "申屠", "钟离", "宗政", "濮阳",
    "淳于", "单于", "拓跋", "赫连", "东郭", "左丘", "司空", "公羊", "鲜于", "闾丘",
    "第五", "谷梁", "漆雕", "乐正", "梁丘", "羊舌", "微生", "司寇", "巫马", "段干",
)  # fmt: skip


def surname(name: str) -> str:
    name = (name or "").strip()
    if name[:2] in COMPOUND_SURNAMES:
        return name[:2]
    return name[:1]


def reduced_name(name: str) -> str:
    """张伟 → 张某; 欧阳娜娜 → 欧阳某; 张某 stays 张某; Tom Li → T某; '' stays ''."""
    first = surname(name)
    return first + MOU if first else ""


@dataclass(frozen=True)
class RetentionResult:
    days: int
    cutoff: dt.date  # visits before this day were due
    visits: int  # visits erased (or, in a dry run, that would be)
    visitors: int  # known visitors reduced
    notifications: int  # notifications and sent messages deleted
    kept_open: int  # due, but kept: their reception's expenses or feedback are open
    kept_on_site: int  # due, but the person has not signed out
    dry_run: bool = False


def retention_days() -> int:
    from desktop.services import settings

    try:
        return max(MIN_DAYS, int(settings.get("retention_days")))
    except ValueError:
        return DEFAULT_DAYS


def cutoff_for(days: int, today: dt.date | None = None) -> dt.date:
    if days < MIN_DAYS:
        raise ServiceError(translate("retention", "保存期限不能少于 {n} 天。").format(n=MIN_DAYS))
    return (today or clock.today()) - dt.timedelta(days=days)


# ------------------------------------------------------------------ the SQL pieces


def _reduced_sql(column: str) -> tuple[str, list]:
    marks = ", ".join(["?"] * len(COMPOUND_SURNAMES))
    sql = (
        f"(CASE WHEN {column} = '' THEN '' "
        f"WHEN substr({column}, 1, 2) IN ({marks}) THEN substr({column}, 1, 2) || ? "
        f"ELSE substr({column}, 1, 1) || ? END)"
    )
    return sql, [*COMPOUND_SURNAMES, MOU, MOU]


# Receptions (root application ids) still open: expenses not reimbursed, or an approved
# reception whose feedback form was never submitted.
_OPEN_RECEPTIONS = """
    SELECT es.reception_id FROM expense_summary es WHERE es.status <> 'reimbursed'
    UNION
    SELECT COALESCE(a.root_id, a.id) FROM application a
    WHERE a.status = 'approved' AND NOT EXISTS (
        SELECT 1 FROM feedback f
        WHERE f.reception_id = COALESCE(a.root_id, a.id) AND f.submitted_at IS NOT NULL)
"""


def _due(alias: str = "visit") -> tuple[str, list]:
    """The visit happened before the cutoff (checked in, else expected, else recorded)."""
    v = alias
    return (
        f"(({v}.time_in IS NOT NULL AND {v}.time_in < ?) "
        f"OR ({v}.time_in IS NULL AND {v}.expected_date IS NOT NULL AND {v}.expected_date < ?) "
        f"OR ({v}.time_in IS NULL AND {v}.expected_date IS NULL AND {v}.created_at < ?))"
    ), []


def _exempt(alias: str = "visit") -> str:
    v = alias
    return (
        f"(({v}.reception_id IS NOT NULL AND {v}.reception_id IN ({_OPEN_RECEPTIONS})) "
        f"OR {v}.id IN (SELECT ap.visit_id FROM application ap WHERE ap.visit_id IS NOT NULL "
        f"AND COALESCE(ap.root_id, ap.id) IN ({_OPEN_RECEPTIONS})))"
    )


class _Plan:
    """The predicates of one run, with their parameters (``?`` placeholders, converted for
    PostgreSQL by :meth:`sql`)."""

    def __init__(self, cutoff: dt.date):
        self.cutoff = cutoff
        self.cutoff_dt = dt.datetime.combine(cutoff, dt.time.min)
        self.reduced, self.reduced_params = _reduced_sql("visit.name")
        self.vreduced, self.vreduced_params = _reduced_sql("visitor.name")

    def due(self, alias: str = "visit") -> tuple[str, list]:
        sql, _ = _due(alias)
        return sql, [self.cutoff_dt, self.cutoff, self.cutoff_dt]

    def has_data(self) -> tuple[str, list]:
        return (
            f"(visit.phone <> '' OR visit.id_number <> '' OR visit.name <> {self.reduced})",
            list(self.reduced_params),
        )

    def erasable(self) -> tuple[str, list]:
        """Due, signed out (not on the evacuation list), still carrying data, not exempt."""
        due, p1 = self.due()
        data, p2 = self.has_data()
        return f"{due} AND visit.status <> 'on_site' AND {data} AND NOT {_exempt()}", p1 + p2

    @staticmethod
    def sql(text: str) -> str:
        import peewee

        if isinstance(database.obj, peewee.PostgresqlDatabase):
            return text.replace("?", "%s")
        return text


def _scalar(sql: str, params: list) -> int:
    return database.execute_sql(_Plan.sql(sql), params).fetchone()[0] or 0


# ------------------------------------------------------------------ running


def run(actor: Actor, *, dry_run: bool = False, today: dt.date | None = None) -> RetentionResult:
    """立即清理 in 设置 and ``retention`` on the command line; 系统管理员 only."""
    require(actor, "system.retention")
    return _run(actor, dry_run=dry_run, today=today)


def preview(today: dt.date | None = None) -> RetentionResult:
    """Counts only (a dry run): what a run would erase. Shows no personal data, so no role."""
    return _run(None, dry_run=True, today=today)


def run_automatic(today: dt.date | None = None) -> RetentionResult:
    """The run at start-up (and once a day while the program is open): the office's policy, not
    one person's action, so it asks for no role and signs the audit trail as the program."""
    return _run(None, dry_run=False, today=today)


def _run(actor: Actor | None, *, dry_run: bool, today: dt.date | None) -> RetentionResult:
    days = retention_days()
    plan = _Plan(cutoff_for(days, today))
    due, due_p = plan.due()
    data, data_p = plan.has_data()
    kept_open = _scalar(
        f"SELECT count(*) FROM visit WHERE {due} AND visit.status <> 'on_site' AND {data} AND {_exempt()}",
        due_p + data_p,
    )
    kept_on_site = _scalar(f"SELECT count(*) FROM visit WHERE {due} AND visit.status = 'on_site'", due_p)
    if dry_run:
        where, params = plan.erasable()
        visits = _scalar(f"SELECT count(*) FROM visit WHERE {where}", params)
        return RetentionResult(
            days, plan.cutoff, visits, _visitors(plan, dry_run=True), _notifications(plan, dry_run=True),
            kept_open, kept_on_site, dry_run=True,
        )  # fmt: skip
    visits = _erase_visits(plan, actor)
    visitors = _visitors(plan, dry_run=False, actor=actor)
    notifications = _notifications(plan, dry_run=False, actor=actor)
    return RetentionResult(days, plan.cutoff, visits, visitors, notifications, kept_open, kept_on_site)


def _id_range(table: str, where: str, params: list) -> tuple[int, int] | None:
    row = database.execute_sql(
        _Plan.sql(f"SELECT min(id), max(id) FROM {table} WHERE {where}"), params
    ).fetchone()
    return None if row[0] is None else (row[0], row[1])


_pinyin_cache: dict[str, tuple[str, str]] = {}


def _keys(name: str) -> tuple[str, str]:
    if name not in _pinyin_cache:
        from desktop.services.text import pinyin_keys

        _pinyin_cache[name] = pinyin_keys(name)
    return _pinyin_cache[name]


def _case(expr: str, mapping: dict[str, str]) -> tuple[str, list]:
    if not mapping:
        return "''", []
    whens = " ".join("WHEN ? THEN ?" for _ in mapping)
    params: list = []
    for key, value in mapping.items():
        params += [key, value]
    return f"(CASE {expr} {whens} ELSE '' END)", params


def _erase_chunked(
    table: str, reduced: str, reduced_params: list, where: str, params: list, actor, label: str
) -> int:
    """UPDATE ``table`` in ranges of ids: phone and ID number emptied, the name reduced, its
    pinyin keys from a CASE over the chunk's few distinct new names."""
    span = _id_range(table, where, params)
    if span is None:
        return 0
    total = 0
    low, high = span
    while low <= high:
        top = low + CHUNK
        chunk_where = f"{table}.id >= ? AND {table}.id < ? AND {where}"
        chunk_params = [low, top, *params]
        with database.atomic():
            names = [
                r[0]
                for r in database.execute_sql(
                    _Plan.sql(f"SELECT DISTINCT {reduced} FROM {table} WHERE {chunk_where}"),
                    reduced_params + chunk_params,
                ).fetchall()
            ]
            if names:
                # Which rows this chunk erases, for the audit trail (ids, as compact ranges).
                ids = [
                    r[0]
                    for r in database.execute_sql(
                        _Plan.sql(f"SELECT id FROM {table} WHERE {chunk_where} ORDER BY id"), chunk_params
                    ).fetchall()
                ]
                full, full_p = _case(reduced, {n: _keys(n)[0] for n in names})
                initials, init_p = _case(reduced, {n: _keys(n)[1] for n in names})
                cursor = database.execute_sql(
                    _Plan.sql(
                        f"UPDATE {table} SET phone = '', id_number = '', name = {reduced}, "
                        f"name_pinyin = {full}, name_initials = {initials} WHERE {chunk_where}"
                    ),
                    # name = reduced, pinyin = CASE reduced …, initials = CASE reduced …, WHERE …
                    reduced_params + reduced_params + full_p + reduced_params + init_p + chunk_params,
                )
                changed = cursor.rowcount
                total += changed
                if changed:
                    _audit(actor, table, f"{low}-{top - 1}", changed, label, ids)
        low = top
        pause_for_other_writers(database.obj)
    return total


def _erase_visits(plan: _Plan, actor) -> int:
    where, params = plan.erasable()
    return _erase_chunked("visit", plan.reduced, plan.reduced_params, where, params, actor, "visit")


def _visitor_where(plan: _Plan) -> tuple[str, list]:
    """A known visitor not seen since the cutoff, none of whose visits keeps personal data."""
    due, due_p = plan.due("v")
    where = (
        # no last visit and no visit at all: nobody can tell when the person was recorded
        f"(visitor.last_visit_at < ? OR (visitor.last_visit_at IS NULL AND EXISTS "
        f"(SELECT 1 FROM visit w WHERE w.visitor_id = visitor.id))) "
        f"AND (visitor.phone <> '' OR visitor.id_number <> '' OR visitor.name <> {plan.vreduced}) "
        f"AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.visitor_id = visitor.id AND "
        f"(v.status = 'on_site' OR NOT {due} OR {_exempt('v')}))"
    )
    return where, [plan.cutoff_dt, *plan.vreduced_params, *due_p]


def _visitors(plan: _Plan, *, dry_run: bool, actor=None) -> int:
    where, params = _visitor_where(plan)
    if dry_run:
        return _scalar(f"SELECT count(*) FROM visitor WHERE {where}", params)
    return _erase_chunked("visitor", plan.vreduced, plan.vreduced_params, where, params, actor, "visitor")


def _notifications(plan: _Plan, *, dry_run: bool, actor=None) -> int:
    due, due_p = plan.due("v")
    erased = f"SELECT v.id FROM visit v WHERE {due} AND v.status <> 'on_site' AND NOT {_exempt('v')}"
    notes_where = f"notification.created_at < ? AND notification.visit_id IN ({erased})"
    notes_params = [plan.cutoff_dt, *due_p]
    sent_where = "outbox.status IN ('sent', 'failed') AND outbox.created_at < ?"
    if dry_run:
        return _scalar(f"SELECT count(*) FROM notification WHERE {notes_where}", notes_params) + _scalar(
            f"SELECT count(*) FROM outbox WHERE {sent_where}", [plan.cutoff_dt]
        )
    with database.atomic():
        deleted = database.execute_sql(
            _Plan.sql(f"DELETE FROM notification WHERE {notes_where}"), notes_params
        ).rowcount
        deleted += database.execute_sql(
            _Plan.sql(f"DELETE FROM outbox WHERE {sent_where}"), [plan.cutoff_dt]
        ).rowcount
        if deleted:
            _audit(actor, "notification", "", deleted, "notification")
    return deleted


def _id_ranges(ids: list[int]) -> str:
    """``1-3,7,9-12``: the erased rows' ids, short enough for thousands of them."""
    parts: list[str] = []
    start = prev = None
    for i in sorted(ids):
        if start is None:
            start = prev = i
        elif i == prev + 1:
            prev = i
        else:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
            start = prev = i
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}-{prev}")
    return ",".join(parts)


def _audit(actor, kind: str, record_id: str, count: int, label: str, ids: list[int] | None = None) -> None:
    try:
        from desktop.services import audit
    except ImportError:  # pragma: no cover - the audit trail arrives with issue 12 as well
        return
    note = {
        "visit": translate("retention", "超过保存期限：删除电话、身份证号，姓名改为姓氏+某（{n} 条来访）"),
        "visitor": translate("retention", "超过保存期限：删除电话、身份证号，姓名改为姓氏+某（{n} 位访客）"),
        "notification": translate("retention", "超过保存期限：删除含访客姓名的通知和已发送消息（{n} 条）"),
    }[label].format(n=count)
    audit.record(
        actor,
        "retention",
        kind,
        record_id,
        {"count": (None, count), **({"ids": (None, _id_ranges(ids))} if ids else {})},
        note=note,
        user_name="" if actor is not None else translate("retention", "系统（自动清理）"),
    )
