"""Partial indexes that make the daily retention run cheap when it has nothing to do (issue 12).

The run (services/retention.py) looks for visits past the retention period that still carry
personal data. Without an index it reads all million visits every day (about 3 s at 1M, on the
program's start-up) although, once the first run is done, only the visits of one more day and
those still kept for open expenses or on site are left. These indexes hold only the rows that
still carry personal data, so finding the few due ones is a short index range:

- ``visit_personal_data``: visits whose phone, ID number or full name is still there, by the day
  that decides when they are due (check-in, else expected date, else recorded);
- ``visitor_personal_data``: known visitors not yet reduced, by their last visit;
- ``notification_visit_created``: notifications about a visit, by age (approval notices, which
  never expire, are left out so they are never read again);
- ``outbox_status_created``: messages by status and age (sent or failed ones past the period).

The predicate is a frozen copy of ``retention._data_left_sql``: "not yet erased" written with
literals only, because a partial index can be used only when the query repeats its condition.
A name is erased when it is '' or surname + 某 (2 characters, or 3 for a compound surname). Both
SQLite and PostgreSQL build these; building them is the backfill.
"""

import peewee as pw

COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "令狐", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里",
    "呼延", "万俟", "闻人", "澹台", "公冶", "太史", "申屠", "钟离", "宗政", "濮阳",
    "淳于", "单于", "拓跋", "赫连", "东郭", "左丘", "司空", "公羊", "鲜于", "闾丘",
    "第五", "谷梁", "漆雕", "乐正", "梁丘", "羊舌", "微生", "司寇", "巫马", "段干",
)  # fmt: skip


def data_left(alias: str = "") -> str:
    c = f"{alias}." if alias else ""
    compounds = ", ".join(f"'{s}'" for s in COMPOUND_SURNAMES)
    return (
        f"({c}phone <> '' OR {c}id_number <> '' OR NOT ({c}name = '' "
        f"OR (length({c}name) = 2 AND substr({c}name, 2, 1) = '某') "
        f"OR (length({c}name) = 3 AND substr({c}name, 3, 1) = '某' "
        f"AND substr({c}name, 1, 2) IN ({compounds}))))"
    )


INDEXES = {
    "visit_personal_data": f'"visit" ("time_in", "expected_date", "created_at") WHERE {data_left()}',
    "visitor_personal_data": f'"visitor" ("last_visit_at") WHERE {data_left()}',
    "notification_visit_created": '"notification" ("created_at") WHERE visit_id IS NOT NULL',
    "outbox_status_created": '"outbox" ("status", "created_at")',
}


def up(migrator, db):
    for name, definition in INDEXES.items():
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON {definition}')
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql("ANALYZE visit, visitor, notification, outbox")  # the planner's row counts


def down(migrator, db):
    for name in INDEXES:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
