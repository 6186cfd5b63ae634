"""The visitor log's indexed search (migration 0012) finds exactly what the plain LIKE search does.

Runs on SQLite (FTS5 trigram + prefix ranges) and, with RECEPTION_TEST_DB, on PostgreSQL
(pg_trgm + text_pattern_ops). The reference is the plain condition (``_text_condition``) run as
one query, and, independently, the rule written out in Python.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop import db
from desktop.models import Visit
from desktop.services import auth, visitors
from desktop.services.text import digits, pinyin_keys
from desktop.services.visitors import LogQuery
from tests.conftest import make_user

PEOPLE = [
    # name, company, phone, status, days ago (None: no time_in)
    ("张伟", "华东精密机械有限公司", "13812345678", "left", 1),
    ("张伟明", "江南物流股份有限公司", "13912340000", "left", 2),
    ("李张伟", "上海张伟贸易有限公司", "13700001234", "on_site", 0),
    ("欧阳娜", "ABC Trading Co.", "021-5555 1234", "left", 30),
    ("Tom Li", "abc trading co.", "15000005555", "left", 3),
    ("王芳", 'Quote "Q" 公司', "18612345678", "expected", None),
    ("赵磊", "华东精密机械有限公司", "13812349999", "cancelled", None),
    ("周杰", "100% 纯净水厂", "13600001111", "left", 400),
    ("钱多多", "华为技术有限公司", "13512345678", "left", 5),
    ("孙华", "中华_精工", "13300003333", "on_site", 0),
]

QUERIES = [
    "张伟", "张", "伟明", "李张", "zw", "zhang", "zhangw", "z", "ZW", "华东精密", "精密机械有",
    "有限公司", "东精", "abc", "ABC Tr", "trading", "Tom", "tom li", "1234", "5678", "138-1234",
    "5555 1234", "0000", '"Q"', "Q", "100%", "%", "_精", "华_精", "纯净水", "ouyang", "oyn", "华",
    "xyz", "公司", "张伟贸易",
]  # fmt: skip


@pytest.fixture
def desk(admin):
    return make_user(admin, "desk2", {auth.RECEPTIONIST})


@pytest.fixture
def log(database, desk):
    now = dt.datetime(2026, 11, 20, 10, 0)
    for name, company, phone, status, ago in PEOPLE:
        full, initials = pinyin_keys(name)
        Visit.create(
            name=name, name_pinyin=full, name_initials=initials, company=company, phone=phone,
            status=status, time_in=None if ago is None else now - dt.timedelta(days=ago, minutes=len(name)),
            expected_date=now.date() if ago is None else None,
        )  # fmt: skip
    return desk


def _expected(text: str, statuses: tuple[str, ...]) -> set[str]:
    """The rule, in Python: 3+ characters a substring (case-insensitive for ASCII) of name or
    company, or of the phone by its digits; 1–2 characters the start of name or company; letters
    the start of the pinyin or its initials."""
    found = set()
    low = text.lower()
    for name, company, phone, status, _ago in PEOPLE:
        if status not in statuses:
            continue
        full, initials = pinyin_keys(name)
        if len(text) >= 3:
            hit = low in name.lower() or low in company.lower()
            hit = hit or (len(digits(text)) >= 3 and digits(text) in phone)
        else:
            hit = name.startswith(text) or company.startswith(text)
        if low.isascii() and low.isalpha():
            hit = hit or initials.startswith(low) or full.startswith(low)
        if hit:
            found.add(name)
    return found


def _plain(text: str, statuses: tuple[str, ...]) -> set[str]:
    query = Visit.select(Visit.name).where(Visit.status.in_(statuses), visitors._text_condition(text))
    return {v.name for v in query}


@pytest.mark.parametrize("statuses", [(visitors.ON_SITE, visitors.LEFT), (visitors.LEFT,), visitors.STATUSES])
def test_indexed_search_equals_the_plain_search(log, statuses):
    for text in QUERIES:
        q = LogQuery(text=text, statuses=statuses)
        rows = visitors.search_log(log, q, 0, 1000)
        names = [r.name for r in rows]
        assert len(names) == len(set(names)), text  # each visit once
        expected = _expected(text.strip(), statuses)
        assert set(names) == expected, text
        assert set(names) == _plain(text.strip(), statuses), text
        assert visitors.count_log(log, q) == len(expected), text


def test_pages_are_in_log_order_and_complete(log):
    q = LogQuery(text="有限公司")
    first = visitors.search_log(log, q, 0, 2)
    rest = visitors.search_log(log, q, 2, 100)
    times = [r.time_in for r in first + rest]
    assert times == sorted(times, reverse=True)
    assert [r.name for r in first + rest] == ["李张伟", "张伟", "张伟明", "钱多多"]
    assert visitors.count_log(log, q) == 4
    assert first[0].company == "上海张伟贸易有限公司" and first[0].id_number == ""


def test_date_range_with_text_and_counts(log):
    day = dt.date(2026, 11, 19)
    q = LogQuery(text="张伟", date_from=day, date_to=day)
    assert [r.name for r in visitors.search_log(log, q, 0, 100)] == ["张伟"]
    assert visitors.count_log(log, q) == 1
    month = LogQuery(date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 11, 30))
    assert visitors.count_log(log, month) == 7
    assert len(visitors.search_log(log, month, 0, 100)) == 7
    assert visitors.count_log(log, LogQuery()) == 8  # on site or left, any date


def test_writes_keep_the_index_in_step(log):
    """Triggers (SQLite) keep the trigram table right for every writer, ORM or raw SQL."""
    visit = Visit.get(Visit.name == "钱多多")
    Visit.update(company="远大新能源有限公司").where(Visit.id == visit.id).execute()
    assert [r.name for r in visitors.search_log(log, LogQuery(text="新能源"), 0, 10)] == ["钱多多"]
    assert visitors.search_log(log, LogQuery(text="华为技术"), 0, 10) == []
    Visit.delete().where(Visit.id == visit.id).execute()
    assert visitors.search_log(log, LogQuery(text="新能源"), 0, 10) == []
    assert visitors.count_log(log, LogQuery(text="新能源")) == 0


def test_migration_backfills_existing_visits(log):
    """A database that already had visits before 0012 finds them after it."""
    database = db.database.obj
    runner = db.migration_runner(database)
    if isinstance(database, db.peewee.PostgresqlDatabase):
        for index in ("visit_name_prefix", "visit_company_prefix", "visit_name_initials_prefix",
                      "visit_name_pinyin_prefix", "visit_time_in_desc", "visit_name_trgm",
                      "visit_company_trgm", "visit_phone_trgm"):  # fmt: skip
            database.execute_sql(f'DROP INDEX IF EXISTS "{index}"')
    else:
        for trigger in ("visit_search_ai", "visit_search_ad", "visit_search_au"):
            database.execute_sql(f"DROP TRIGGER {trigger}")
        database.execute_sql("DROP TABLE visit_search")
        database.execute_sql("DROP INDEX visit_name")
        database.execute_sql("DROP INDEX visit_company")
        database._visit_search_fts = None
    runner.History.delete().where(runner.History.name == "0012_visit_search").execute()
    assert runner.up() == ["0012_visit_search"]
    if not isinstance(database, db.peewee.PostgresqlDatabase):
        database._visit_search_fts = None
        assert visitors._has_fts()
    assert {r.name for r in visitors.search_log(log, LogQuery(text="精密机械"), 0, 10)} == {"张伟"}
    assert visitors.count_log(log, LogQuery(text="1234")) == 5
