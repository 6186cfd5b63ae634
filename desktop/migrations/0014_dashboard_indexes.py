"""Indexes for the dashboard and the monthly report at ten years of data.

The finance figures sum the expense lines of a year and the admin office counts receptions
arriving in a fortnight; without an index on the dates each opening reads all 200,000 expense
lines and every application (services/dashboard.py). Plain b-tree indexes, on SQLite and
PostgreSQL alike; building them is the backfill.
"""


def up(migrator, db):
    db.execute_sql('CREATE INDEX IF NOT EXISTS "expense_line_date" ON "expense_line" ("date")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "application_arrival" ON "application" ("arrival")')


def down(migrator, db):
    db.execute_sql('DROP INDEX IF EXISTS "expense_line_date"')
    db.execute_sql('DROP INDEX IF EXISTS "application_arrival"')
