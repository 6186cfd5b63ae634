"""The retention period for visitors' personal data (个人信息保护法, issue 12)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop import clock
from desktop.models import Application, AuditEntry, ExpenseSummary, Feedback, Visit, Visitor
from desktop.services import auth, retention, settings
from desktop.services.errors import PermissionDenied, ValidationError
from tests.conftest import make_user


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张伟", "张某"),
        ("欧阳娜娜", "欧阳某"),
        ("司马相如", "司马某"),
        ("诸葛亮", "诸葛某"),
        ("欧阳", "欧阳某"),
        ("欧文", "欧某"),  # 欧 alone is a surname too
        ("张某", "张某"),  # already reduced: unchanged
        ("欧阳某", "欧阳某"),
        ("李", "李某"),
        ("Tom Li", "T某"),
        ("", ""),
    ],
)
def test_surname_rules(name, expected):
    assert retention.reduced_name(name) == expected


@pytest.fixture
def sysadmin(demo_db):
    return auth.actor_by_username("admin")


def _old_visit(name: str, *, days: int = 400, status: str = "left", reception_id=None, visitor=None) -> Visit:
    """A visit ``days`` ago with a phone and an ID number."""
    at = dt.datetime.combine(clock.today() - dt.timedelta(days=days), dt.time(9, 30))
    return Visit.create(
        name=name,
        name_pinyin="x",
        name_initials="x",
        company="远方科技",
        phone="13800138000",
        id_number="110101199003071234",
        status=status,
        time_in=at,
        time_out=None if status == "on_site" else at + dt.timedelta(hours=2),
        expected_date=at.date(),
        reception_id=reception_id,
        visitor=visitor,
        created_at=at,
    )


def _erased(visit: Visit) -> bool:
    row = Visit.get_by_id(visit.id)
    return row.phone == "" and row.id_number == "" and row.name == retention.reduced_name(visit.name)


def _untouched(visit: Visit) -> bool:
    row = Visit.get_by_id(visit.id)
    return (row.name, row.phone, row.id_number) == (visit.name, visit.phone, visit.id_number)


def test_erases_phone_and_id_and_reduces_the_name_after_the_period(sysadmin):
    old = _old_visit("欧阳娜娜")
    recent = _old_visit("王小明", days=300)
    result = retention.run(sysadmin)
    assert result.visits == 1 and result.cutoff == clock.today() - dt.timedelta(days=365)
    row = Visit.get_by_id(old.id)
    assert (row.name, row.phone, row.id_number) == ("欧阳某", "", "")
    assert (row.name_pinyin, row.name_initials) == ("ouyangmou", "oym")  # pinyin search stays right
    assert row.company == "远方科技" and row.time_in == old.time_in  # the log still counts visits
    assert _untouched(recent)
    assert retention.run(sysadmin).visits == 0  # nothing left to do the second time


def test_the_period_is_a_setting(sysadmin):
    old = _old_visit("赵六", days=400)
    settings.save(sysadmin, {"retention_days": "500"})
    assert retention.run(sysadmin).visits == 0 and _untouched(old)
    settings.save(sysadmin, {"retention_days": "399"})
    assert retention.run(sysadmin).visits == 1 and _erased(old)
    with pytest.raises(ValidationError):
        settings.save(sysadmin, {"retention_days": "7"})  # a typo must not wipe last week


def test_open_expenses_or_feedback_keep_the_visit(sysadmin):
    open_expenses = ExpenseSummary.get(ExpenseSummary.status != "reimbursed").reception_id
    reimbursed = ExpenseSummary.get(ExpenseSummary.status == "reimbursed").reception_id
    Feedback.delete().where(Feedback.reception == reimbursed).execute()
    by_expenses = _old_visit("钱一", reception_id=open_expenses)
    by_feedback = _old_visit("孙二", reception_id=reimbursed)  # paid, but no feedback form yet
    result = retention.run(sysadmin)
    assert _untouched(by_expenses) and _untouched(by_feedback)
    assert result.kept_open == 2 and result.visits == 0

    Feedback.create(reception=reimbursed, submitted_at=clock.now())
    result = retention.run(sysadmin)
    assert _erased(by_feedback) and _untouched(by_expenses)
    assert result.visits == 1 and result.kept_open == 1


def test_never_today_or_anyone_on_site(sysadmin):
    person = Visitor.create(name="周七", phone="13900139000", id_number="110101199003071234")
    still_here = _old_visit("吴八", status="on_site")  # signed in long ago, never signed out
    old_of_person = _old_visit("周七", visitor=person)
    today_of_person = Visit.create(
        name="周七", phone="13900139000", id_number="110101199003071234", status="on_site",
        time_in=clock.now(), visitor=person,
    )  # fmt: skip
    Visitor.update(last_visit_at=clock.now()).where(Visitor.id == person.id).execute()
    on_site_before = [
        (v.id, v.name, v.phone, v.id_number) for v in Visit.select().where(Visit.status == "on_site")
    ]
    result = retention.run(sysadmin)
    assert result.kept_on_site == 1 and _untouched(still_here)
    assert _erased(old_of_person)  # the old visit goes
    assert _untouched(today_of_person)  # today's stays, and so does the person's record
    assert Visitor.get_by_id(person.id).phone == "13900139000"
    assert on_site_before == [
        (v.id, v.name, v.phone, v.id_number) for v in Visit.select().where(Visit.status == "on_site")
    ]


def test_a_known_visitor_is_reduced_once_all_visits_are(sysadmin):
    person = Visitor.create(name="上官婉儿", phone="13700137000", id_number="110101199003071234")
    visit = _old_visit("上官婉儿", visitor=person)
    Visitor.update(last_visit_at=visit.time_in).where(Visitor.id == person.id).execute()
    result = retention.run(sysadmin)
    row = Visitor.get_by_id(person.id)
    assert (row.name, row.phone, row.id_number, row.name_initials) == ("上官某", "", "", "sgm")
    assert result.visitors == 1


def test_dry_run_counts_and_changes_nothing(sysadmin):
    visits = [_old_visit(n) for n in ("刘一", "陈二", "杨三")]
    dry = retention.run(sysadmin, dry_run=True)
    assert dry.dry_run and dry.visits == 3
    assert all(_untouched(v) for v in visits)
    done = retention.run(sysadmin)
    assert (done.visits, done.visitors, done.notifications) == (dry.visits, dry.visitors, dry.notifications)


def test_works_in_chunks_of_ids(sysadmin, monkeypatch):
    """Chunks smaller than the work: every row is still reached, in several transactions."""
    monkeypatch.setattr(retention, "CHUNK", 2)
    visits = [_old_visit(n) for n in ("甲一", "乙二", "丙三", "丁四", "戊五")]
    kept = _old_visit("己六", days=10)
    assert retention.run(sysadmin).visits == 5
    assert all(_erased(v) for v in visits) and _untouched(kept)
    entries = AuditEntry.select().where(AuditEntry.action == "retention", AuditEntry.kind == "visit")
    assert sum(json.loads(e.changes)["count"][1] for e in entries) == 5
    assert len(entries) >= 2  # one entry per chunk, in that chunk's transaction


def test_recorded_in_the_audit_trail(sysadmin):
    _old_visit("黄九")
    retention.run(sysadmin)
    entry = AuditEntry.select().where(AuditEntry.action == "retention").get()
    assert entry.kind == "visit" and "身份证号" in entry.note and entry.user_id == sysadmin.user_id
    _old_visit("黄十")
    retention.run_automatic()
    automatic = (
        AuditEntry.select().where(AuditEntry.action == "retention").order_by(AuditEntry.id.desc()).get()
    )
    assert automatic.user_id is None and "自动" in automatic.user_name


def test_only_the_system_administrator_runs_it_by_hand(sysadmin):
    office = make_user(sysadmin, "office3", {auth.ADMIN_OFFICE, auth.RECEPTIONIST})
    old = _old_visit("郑十一")
    with pytest.raises(PermissionDenied):
        retention.run(office)
    assert _untouched(old)


# ------------------------------------------------------------------ the incremental run


def test_a_visit_that_becomes_due_later_is_erased_by_the_next_run(sysadmin):
    erased_before = _old_visit("冯一", days=400)
    later = _old_visit("冯二", days=300)
    assert retention.run(sysadmin).visits == 1 and _erased(erased_before) and _untouched(later)
    assert retention.survey().steps == ()  # the next day's look finds nothing to do
    next_run = retention.run(sysadmin, today=clock.today() + dt.timedelta(days=70))
    assert next_run.visits == 1 and _erased(later)


def test_a_visit_kept_for_its_reception_is_erased_once_expenses_and_feedback_close(sysadmin):
    summary = ExpenseSummary.get(ExpenseSummary.status != "reimbursed")
    reception = summary.reception_id
    Feedback.delete().where(Feedback.reception == reception).execute()
    announced = _old_visit("褚三", reception_id=reception)  # the visit the reception announced
    walk_in = _old_visit("卫四")
    Application.update(visit=walk_in.id).where(Application.id == reception).execute()  # 补填 from it
    first = retention.run(sysadmin)
    assert first.kept_open == 2 and _untouched(announced) and _untouched(walk_in)
    assert retention.run(sysadmin).kept_open == 2  # still open: kept, run after run

    ExpenseSummary.update(status="reimbursed").where(ExpenseSummary.id == summary.id).execute()
    assert retention.run(sysadmin).visits == 0  # the feedback form is still missing
    Feedback.create(reception=reception, submitted_at=clock.now())
    closed = retention.run(sysadmin)
    assert closed.visits == 2 and closed.kept_open == 0
    assert _erased(announced) and _erased(walk_in)


def test_each_step_checks_again_what_changed_since_the_survey(sysadmin):
    """The survey runs beside the writer; by the time a step writes, a reception may have
    reopened or the visitor come back through the gate."""
    reopened = _old_visit("蒋五")
    back = _old_visit("沈六")
    plain = _old_visit("韩七")
    found = retention.survey()
    assert found.visits == 3
    open_reception = ExpenseSummary.get(ExpenseSummary.status != "reimbursed").reception_id
    Visit.update(reception_id=open_reception).where(Visit.id == reopened.id).execute()
    Visit.update(status="on_site").where(Visit.id == back.id).execute()
    assert sum(retention.erase(found, step) for step in found.steps) == 1
    assert _untouched(reopened) and _untouched(back) and _erased(plain)


def test_steps_are_ranges_where_dense_and_lists_of_ids_where_not(monkeypatch):
    monkeypatch.setattr(retention, "CHUNK", 3)
    steps = retention._batches("visit", [1, 2, 3, 4, 5, 100, 101])
    assert [(s.low, s.high, s.count, s.ids) for s in steps] == [
        (1, 3, 3, ()),  # a range: nothing between them to re-check
        (4, 100, 3, (4, 5, 100)),  # far apart: only these rows are read again
        (101, 101, 1, ()),
    ]


def test_a_visitor_without_a_last_visit_time_goes_with_their_last_visit(sysadmin):
    """Imported visitors have no last-visit time: they are looked at when a visit of theirs is
    due, not every day."""
    person = Visitor.create(name="慕容复", phone="13600136000", id_number="110101199003071234")
    first = _old_visit("慕容复", days=500, visitor=person)
    second = _old_visit("慕容复", days=300, visitor=person)
    retention.run(sysadmin)
    assert _erased(first) and _untouched(second) and Visitor.get_by_id(person.id).phone == "13600136000"
    result = retention.run(sysadmin, today=clock.today() + dt.timedelta(days=70))
    assert _erased(second) and result.visitors == 1
    assert (Visitor.get_by_id(person.id).name, Visitor.get_by_id(person.id).phone) == ("慕容某", "")


def test_the_survey_only_reads(sysadmin, demo_db):
    """It runs beside a writer that holds the database (another PC's long import)."""
    if demo_db.kind != "sqlite":
        pytest.skip("SQLite's file lock; PostgreSQL readers never wait for writers")
    import sqlite3

    old = _old_visit("杨八")
    other = sqlite3.connect(str(demo_db.path), timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE visit SET remarks = 'x' WHERE id = ?", (old.id,))
        assert retention.survey().visits == 1
    finally:
        other.rollback()
        other.close()


@pytest.mark.parametrize(
    "name",
    [
        "张伟",
        "欧阳娜娜",
        "欧阳",
        "欧文",
        "张某",
        "欧阳某",
        "李某某",
        "张三某",
        "某",
        "某某",
        "李",
        "Tom Li",
        "",
    ],
)
def test_the_indexed_test_for_personal_data_agrees_with_the_surname_rule(sysadmin, name):
    """A row without phone and ID still carries data exactly when its name is not yet
    surname + 某: the literal form the partial index holds says the same as :func:`reduced_name`."""
    visit = Visit.create(name=name, phone="", id_number="", status="left", time_in=clock.now())
    sql = f"SELECT count(*) FROM visit WHERE visit.id = ? AND {retention._data_left_sql('visit')}"
    left = retention._scalar(sql, [visit.id])
    assert bool(left) == (retention.reduced_name(name) != name)


def test_nothing_to_do_is_an_index_probe(sysadmin, demo_db):
    """The daily look must not read every visit: each part of it is a range of migration
    0022's partial indexes, whose condition is the service's own, word for word."""
    import importlib

    frozen = importlib.import_module("desktop.migrations.0022_retention_indexes")
    assert frozen.COMPOUND_SURNAMES == retention.COMPOUND_SURNAMES
    assert frozen.data_left("visit") == retention._data_left_sql("visit")
    plan = retention._Plan(retention.cutoff_for(365))
    notes, notes_p = retention._notification_where(plan)
    queries = {
        ("visit", "visit_personal_data"): plan.due_with_data(),
        ("visitor", "visitor_personal_data"): retention._visitor_candidates(plan)[0],
        ("notification", "notification_visit_created"): (
            f"SELECT id FROM notification WHERE {notes}",
            notes_p,
        ),
        ("outbox", "outbox_status_created"): (
            f"SELECT id FROM outbox WHERE {retention._SENT_WHERE}",
            [plan.cutoff_dt],
        ),
    }
    if demo_db.kind == "sqlite":
        for (table, index), (query, args) in queries.items():
            steps = [r[3] for r in retention.database.execute_sql("EXPLAIN QUERY PLAN " + query, args)]
            outer = [s for s in steps if s.startswith((f"SEARCH {table} ", f"SCAN {table}"))]
            assert outer and all(f"INDEX {index} " in s for s in outer), steps
    else:
        retention.database.execute_sql("ANALYZE visit, visitor, notification, outbox")  # as autovacuum would
        with retention.database.atomic():
            retention.database.execute_sql("SET LOCAL enable_seqscan = off")
            for (_table, index), (query, args) in queries.items():
                rows = retention.database.execute_sql("EXPLAIN " + retention._Plan.sql(query), args)
                text = "\n".join(r[0] for r in rows)
                # outbox: with an empty table PostgreSQL may take the plain status index as well
                assert (index in text) if index != "outbox_status_created" else "Seq Scan" not in text, text
