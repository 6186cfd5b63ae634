"""Fast visitor-log search at a million visits.

A 2-core office PC must answer a log search in tens of milliseconds after ten years of visits.
``LIKE '%…%'`` reads every row (230 ms at 1M) and the ``visit_status`` index matches nearly every
row, so this adds what the search service (services/visitors.py, ``_text_condition``) uses:

- SQLite: an FTS5 table ``visit_search`` with the trigram tokenizer over name, company and phone
  (external content = the ``visit`` table, kept in sync by triggers, so every writer — the
  services, the demo seeder, a bulk import — keeps it right), answering substrings of 3+
  characters exactly like LIKE does; plain b-tree indexes on name and company for the prefix
  ranges that answer 1–2 character searches (``name >= '张伟' AND name < '张侊'``).
- PostgreSQL: pg_trgm GIN indexes on the same columns (the same ``ILIKE '%…%'`` then uses them)
  when the extension can be created; ``text_pattern_ops`` indexes for the prefix searches; an
  index in the log's default order (time_in DESC NULLS LAST, id DESC).

Both backfill existing rows. A SQLite built without FTS5, or a PostgreSQL role that may not
create pg_trgm, gets the prefix indexes only and the service falls back to LIKE.
"""

import peewee as pw

TRIGGERS = (
    """CREATE TRIGGER visit_search_ai AFTER INSERT ON visit BEGIN
         INSERT INTO visit_search(rowid, name, company, phone)
         VALUES (new.id, new.name, new.company, new.phone);
       END""",
    """CREATE TRIGGER visit_search_ad AFTER DELETE ON visit BEGIN
         INSERT INTO visit_search(visit_search, rowid, name, company, phone)
         VALUES ('delete', old.id, old.name, old.company, old.phone);
       END""",
    """CREATE TRIGGER visit_search_au AFTER UPDATE OF name, company, phone ON visit BEGIN
         INSERT INTO visit_search(visit_search, rowid, name, company, phone)
         VALUES ('delete', old.id, old.name, old.company, old.phone);
         INSERT INTO visit_search(rowid, name, company, phone)
         VALUES (new.id, new.name, new.company, new.phone);
       END""",
)


def _sqlite(db):
    db.execute_sql('CREATE INDEX IF NOT EXISTS "visit_name" ON "visit" ("name")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "visit_company" ON "visit" ("company")')
    try:
        db.execute_sql(
            "CREATE VIRTUAL TABLE visit_search USING fts5("
            "name, company, phone, content='visit', content_rowid='id', tokenize='trigram')"
        )
    except pw.OperationalError:  # no FTS5 or no trigram tokenizer (SQLite < 3.34): LIKE it is
        return
    for sql in TRIGGERS:
        db.execute_sql(sql)
    db.execute_sql("INSERT INTO visit_search(visit_search) VALUES ('rebuild')")  # the backfill


def _postgresql(db):
    for column in ("name", "company", "name_initials", "name_pinyin"):
        db.execute_sql(
            f'CREATE INDEX IF NOT EXISTS "visit_{column}_prefix" ON "visit" ("{column}" text_pattern_ops)'
        )
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "visit_time_in_desc" ON "visit" ("time_in" DESC NULLS LAST, "id" DESC)'
    )
    # CREATE EXTENSION needs a superuser or a trusted extension; without it the log still works.
    try:
        with db.atomic():  # a savepoint: a refusal must not abort the migration's transaction
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except pw.DatabaseError:
        return
    for column in ("name", "company", "phone"):
        db.execute_sql(
            f'CREATE INDEX IF NOT EXISTS "visit_{column}_trgm" ON "visit" USING gin ("{column}" gin_trgm_ops)'
        )


def up(migrator, db):
    if isinstance(db, pw.PostgresqlDatabase):
        _postgresql(db)
        db.execute_sql("ANALYZE visit")  # the planner's row estimates for the new indexes
    else:
        _sqlite(db)
