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

At a million visits a run happens in two parts. :func:`survey` only reads, so the window runs it
beside the one writer thread: through the partial indexes of migration 0022, which hold only
rows still carrying personal data, it finds the due ones — after the first run, the visits of
the days since the last run and the few kept ones: milliseconds at a million visits instead of
seconds (bench/bench_retention.py). It returns the work as steps of at most :data:`CHUNK` rows;
:func:`erase` takes one step in its own short transaction (one UPDATE over a range or a list of
ids, every condition checked again), so another PC's save, or this program's, waits a moment at
most. The new names' pinyin keys are computed once per distinct surname.
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


def _data_left_sql(alias: str) -> str:
    """The row still carries personal data: a phone, an ID number, or a name that is not yet
    '' or surname + 某. The same test as ``name <> reduced`` (see :func:`_reduced_sql`), written
    with literals only and repeated word for word in migration 0022's partial indexes: an index
    ``WHERE`` is used only by a query that states the same condition."""
    c = alias
    compounds = ", ".join(f"'{s}'" for s in COMPOUND_SURNAMES)
    return (
        f"({c}.phone <> '' OR {c}.id_number <> '' OR NOT ({c}.name = '' "
        f"OR (length({c}.name) = 2 AND substr({c}.name, 2, 1) = '{MOU}') "
        f"OR (length({c}.name) = 3 AND substr({c}.name, 3, 1) = '{MOU}' "
        f"AND substr({c}.name, 1, 2) IN ({compounds}))))"
    )


def _open_reception(r: str) -> str:
    """Reception ``r`` (a root application id, an SQL expression) is still open: its expenses
    are not reimbursed, or it was approved and its feedback form never submitted.

    Asked per row (correlated, through the unique indexes on expense_summary.reception_id and
    feedback.reception_id) rather than as ``IN (all open receptions)``: that list is rebuilt by
    every statement, thousands of ids for a handful of candidate visits. The application is
    found by its id (the root) or its root_id (a revision); ``status || ''`` keeps SQLite from
    walking the status index instead, i.e. every approved application, for each row."""
    return (
        f"(EXISTS (SELECT 1 FROM expense_summary es WHERE es.reception_id = {r} "
        f"AND es.status <> 'reimbursed') "
        f"OR ((EXISTS (SELECT 1 FROM application a WHERE a.id = {r} AND a.root_id IS NULL "
        f"AND a.status || '' = 'approved') "
        f"OR EXISTS (SELECT 1 FROM application a WHERE a.root_id = {r} AND a.status || '' = 'approved')) "
        f"AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.reception_id = {r} "
        f"AND f.submitted_at IS NOT NULL)))"
    )


def _due(alias: str = "visit") -> tuple[str, list]:
    """The visit happened before the cutoff (checked in, else expected, else recorded)."""
    v = alias
    return (
        f"(({v}.time_in IS NOT NULL AND {v}.time_in < ?) "
        f"OR ({v}.time_in IS NULL AND {v}.expected_date IS NOT NULL AND {v}.expected_date < ?) "
        f"OR ({v}.time_in IS NULL AND {v}.expected_date IS NULL AND {v}.created_at < ?))"
    ), []


def _exempt(alias: str = "visit") -> str:
    """Linked to an open reception: announced by it (reception_id), or the visit an
    application was made from (application.visit_id)."""
    v = alias
    return (
        f"(({v}.reception_id IS NOT NULL AND {_open_reception(f'{v}.reception_id')}) "
        f"OR EXISTS (SELECT 1 FROM application ap WHERE ap.visit_id = {v}.id "
        f"AND {_open_reception('COALESCE(ap.root_id, ap.id)')}))"
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

    def due_with_data(self) -> tuple[str, list]:
        """Visits due and still carrying data, found through the partial index
        ``visit_personal_data`` (migration 0022): its condition stated, then one index range
        for each way a visit's day is known. Once the first run is done this reads the visits
        of the days since the last run and the ones kept, not the million erased ones."""
        left = _data_left_sql("visit")
        cols = f"visit.id, visit.visitor_id, visit.status, CASE WHEN {_exempt()} THEN 1 ELSE 0 END"
        sql = (
            f"SELECT {cols} FROM visit WHERE {left} AND visit.time_in < ? "
            f"UNION ALL SELECT {cols} FROM visit WHERE {left} AND visit.time_in IS NULL "
            f"AND visit.expected_date < ? "
            f"UNION ALL SELECT {cols} FROM visit WHERE {left} AND visit.time_in IS NULL "
            f"AND visit.expected_date IS NULL AND visit.created_at < ?"
        )  # no ORDER BY: SQLite would walk the table in id order rather than sort the few rows
        return sql, [self.cutoff_dt, self.cutoff, self.cutoff_dt]

    @staticmethod
    def sql(text: str) -> str:
        import peewee

        if isinstance(database.obj, peewee.PostgresqlDatabase):
            return text.replace("?", "%s")
        return text


def _scalar(sql: str, params: list) -> int:
    return database.execute_sql(_Plan.sql(sql), params).fetchone()[0] or 0


# ------------------------------------------------------------------ looking (read-only)


@dataclass(frozen=True)
class Step:
    """One short write: the rows of ``kind`` that are still erasable when it runs, among ids
    ``low``..``high`` — or, when the candidates lie far apart, among ``ids`` only (a range
    would re-check every row between them; for a known visitor that is all their visits).
    ``count`` of them were erasable when they were looked for."""

    kind: str  # visit | visitor | notification
    low: int
    high: int
    count: int
    ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Survey:
    """What a run would do, found without writing: the counts of a dry run and the steps."""

    days: int
    cutoff: dt.date
    visits: int
    visitors: int
    notifications: int
    kept_open: int
    kept_on_site: int
    steps: tuple[Step, ...]

    def result(self, *, dry_run: bool, visits: int = 0, visitors: int = 0, notifications: int = 0):
        if dry_run:
            visits, visitors, notifications = self.visits, self.visitors, self.notifications
        return RetentionResult(
            self.days, self.cutoff, visits, visitors, notifications, self.kept_open, self.kept_on_site,
            dry_run=dry_run,
        )  # fmt: skip


def _batches(kind: str, ids) -> list[Step]:
    """Steps of at most :data:`CHUNK` candidates (sorted ids): a range where they are dense
    (the first run's nine hundred thousand visits: no list of ids kept), else the ids
    themselves, so a write reads only the rows that were candidates."""
    steps: list[Step] = []
    batch: list[int] = []

    def close() -> None:
        low, high = batch[0], batch[-1]
        dense = high - low + 1 <= 2 * len(batch)
        steps.append(Step(kind, low, high, len(batch), () if dense else tuple(batch)))
        batch.clear()

    for i in ids:
        batch.append(i)
        if len(batch) >= CHUNK:
            close()
    if batch:
        close()
    return steps


def survey(today: dt.date | None = None) -> Survey:
    """Find what is due, reading only: runs beside the writer (another thread, another PC).
    When nothing is due this is a few index probes; each step is then taken, and checked
    again, by :func:`erase` in its own short write."""
    days = retention_days()
    plan = _Plan(cutoff_for(days, today))
    kept_open = kept_on_site = 0
    erasable: list[int] = []
    people: set[int] = set()
    sql, params = plan.due_with_data()
    for vid, visitor_id, status, exempt in database.execute_sql(_Plan.sql(sql), params):
        if status == "on_site":
            kept_on_site += 1
        elif exempt:
            kept_open += 1
        else:
            erasable.append(vid)
            if visitor_id is not None:
                people.add(visitor_id)
    erasable.sort()
    visit_steps = _batches("visit", erasable)
    visitor_ids = sorted(
        {
            row[0]
            for sql, params in _visitor_candidates(plan, sorted(people))
            for row in database.execute_sql(_Plan.sql(sql), params)
        }
    )
    visitor_steps = _batches("visitor", visitor_ids)
    notes_where, notes_params = _notification_where(plan)
    notifications = _scalar(f"SELECT count(*) FROM notification WHERE {notes_where}", notes_params) + _scalar(
        f"SELECT count(*) FROM outbox WHERE {_SENT_WHERE}", [plan.cutoff_dt]
    )
    note_steps = [Step("notification", 0, 0, notifications)] if notifications else []
    return Survey(
        days, plan.cutoff, len(erasable), len(visitor_ids), notifications, kept_open, kept_on_site,
        tuple(visit_steps + visitor_steps + note_steps),
    )  # fmt: skip


# ------------------------------------------------------------------ running


def run(actor: Actor, *, dry_run: bool = False, today: dt.date | None = None) -> RetentionResult:
    """立即清理 in 设置 and ``retention`` on the command line; 系统管理员 only."""
    require(actor, "system.retention")
    return _run(actor, dry_run=dry_run, today=today)


def preview(today: dt.date | None = None) -> RetentionResult:
    """Counts only (a dry run): what a run would erase. Shows no personal data, so no role."""
    return survey(today).result(dry_run=True)


def run_automatic(today: dt.date | None = None) -> RetentionResult:
    """The run at start-up (and once a day while the program is open): the office's policy, not
    one person's action, so it asks for no role and signs the audit trail as the program.
    (The window runs the same thing in pieces: :func:`survey` off the writer thread, then each
    step through :func:`erase` on it.)"""
    return _run(None, dry_run=False, today=today)


def _run(actor: Actor | None, *, dry_run: bool, today: dt.date | None) -> RetentionResult:
    found = survey(today)
    if dry_run:
        return found.result(dry_run=True)
    done = {"visit": 0, "visitor": 0, "notification": 0}
    for n, step in enumerate(found.steps):
        if n:
            pause_for_other_writers(database.obj)
        done[step.kind] += erase(found, step, actor)
    return found.result(
        dry_run=False, visits=done["visit"], visitors=done["visitor"], notifications=done["notification"]
    )


def gap_between_steps() -> float:
    """Seconds to leave the database to other writers between two steps: on SQLite another
    PC's save waits for the file lock and must get its turn (db.pause_for_other_writers);
    PostgreSQL locks rows, so no gap."""
    import peewee

    from desktop.db import WRITER_GAP_SECONDS

    return WRITER_GAP_SECONDS if isinstance(database.obj, peewee.SqliteDatabase) else 0.0


def erase(found: Survey, step: Step, actor: Actor | None = None) -> int:
    """Take one step of ``found`` in one transaction; the rows are checked again, so whatever
    changed since the survey (a reception reopened, a visitor back on site) is respected.
    ``actor`` None: the automatic run."""
    if actor is not None:
        require(actor, "system.retention")
    plan = _Plan(found.cutoff)
    if step.kind == "visit":
        where, params = plan.erasable()
        return _erase_range("visit", plan.reduced, plan.reduced_params, where, params, step, actor)
    if step.kind == "visitor":
        where, params = _visitor_where(plan)
        return _erase_range("visitor", plan.vreduced, plan.vreduced_params, where, params, step, actor)
    if step.kind == "notification":
        return _delete_notifications(plan, actor)
    raise ValueError(step.kind)


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


def _erase_range(
    table: str, reduced: str, reduced_params: list, where: str, params: list, step: Step, actor
) -> int:
    """UPDATE the step's range of ``table``: phone and ID number emptied, the name reduced, its
    pinyin keys from a CASE over the range's few distinct new names."""
    if step.ids:
        chunk_where = f"{table}.id IN ({', '.join(['?'] * len(step.ids))}) AND {where}"
        chunk_params = [*step.ids, *params]
    else:
        chunk_where = f"{table}.id >= ? AND {table}.id <= ? AND {where}"
        chunk_params = [step.low, step.high, *params]
    with database.atomic():
        names = [
            r[0]
            for r in database.execute_sql(
                _Plan.sql(f"SELECT DISTINCT {reduced} FROM {table} WHERE {chunk_where}"),
                reduced_params + chunk_params,
            ).fetchall()
        ]
        if not names:
            return 0
        # Which rows this step erases, for the audit trail (ids, as compact ranges).
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
        if changed:
            _audit(actor, table, f"{step.low}-{step.high}", changed, table, ids)
    return changed


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


def _visitor_candidates(plan: _Plan, unseen: list[int] | tuple[int, ...] = ()) -> list[tuple[str, list]]:
    """:func:`_visitor_where` as queries: known visitors not seen since the cutoff, a range of
    the partial index visitor_personal_data (migration 0022); and of those with no last-visit
    time (recorded by an import, not at the desk) only ``unseen``, the people whose visits this
    run erases — each costs a look at all their visits, and asking every such visitor every day
    would read the whole log again. (Until a visit of theirs is erasable, that visit keeps them.)"""
    where, params = _visitor_where(plan)
    left = _data_left_sql("visitor")
    queries = [
        (
            f"SELECT visitor.id FROM visitor WHERE {left} AND visitor.last_visit_at < ? AND {where}",
            [plan.cutoff_dt, *params],
        )
    ]
    for start in range(0, len(unseen), CHUNK):
        part = list(unseen[start : start + CHUNK])
        queries.append(
            (
                f"SELECT visitor.id FROM visitor WHERE visitor.id IN ({', '.join(['?'] * len(part))}) "
                f"AND visitor.last_visit_at IS NULL AND {left} AND {where}",
                [*part, *params],
            )
        )
    return queries


def _notification_where(plan: _Plan) -> tuple[str, list]:
    """Notifications about a visit that is past the period and not kept (their titles carry
    the full name), by the partial index notification_visit_created."""
    due, due_p = plan.due("v")
    where = (
        "notification.visit_id IS NOT NULL AND notification.created_at < ? AND EXISTS "
        f"(SELECT 1 FROM visit v WHERE v.id = notification.visit_id AND {due} "
        f"AND v.status <> 'on_site' AND NOT {_exempt('v')})"
    )
    return where, [plan.cutoff_dt, *due_p]


# Sent (or given-up) messages past the period, by the index outbox_status_created.
_SENT_WHERE = "outbox.status IN ('sent', 'failed') AND outbox.created_at < ?"


def _delete_notifications(plan: _Plan, actor) -> int:
    notes_where, notes_params = _notification_where(plan)
    with database.atomic():
        deleted = database.execute_sql(
            _Plan.sql(f"DELETE FROM notification WHERE {notes_where}"), notes_params
        ).rowcount
        deleted += database.execute_sql(
            _Plan.sql(f"DELETE FROM outbox WHERE {_SENT_WHERE}"), [plan.cutoff_dt]
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
