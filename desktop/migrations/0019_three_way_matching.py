"""Three-way reconciliation (issue 13): a claim line holds one invoice match and one payment
match, decided separately, and finance's standing rules ("all credits are not reception
expenses", "counterparty X is not") live in the database.

Existing matches are kept: the imported line's kind says whether a match evidences (invoice) or
pays (statement) the claim line. Where the old single-match code had matched two lines of the
same role to one claim line (a ¥45 line matched twice in one run), the first match stays and the
later ones go back to the review queue as held — a person decides them, nothing is deleted.
"""

import datetime as dt

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        pass

    class MatchRule(Base):
        kind = pw.CharField(max_length=20)
        text = pw.CharField(max_length=200, default="")
        note = pw.CharField(max_length=200, default="")
        active = pw.BooleanField(default=True)
        created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        created_at = pw.DateTimeField(default=dt.datetime.now)

    db.create_tables([MatchRule])
    role = pw.CharField(max_length=10, default="payment")
    rule = pw.ForeignKeyField(MatchRule, null=True, on_delete="SET NULL", field=MatchRule.id)
    migrator.migrate(
        migrator.add_column("line_match", "role", role),
        migrator.add_column("line_match", "rule_id", rule),
    )
    db.execute_sql(
        "UPDATE line_match SET role = 'invoice' WHERE imported_id IN "
        "(SELECT id FROM imported_line WHERE kind = 'invoice')"
    )
    db.execute_sql(
        "UPDATE line_match SET kind = 'held', expense_id = NULL, score = 0 "
        "WHERE expense_id IS NOT NULL AND id NOT IN "
        "(SELECT min(id) FROM line_match WHERE expense_id IS NOT NULL GROUP BY expense_id, role)"
    )
    db.execute_sql(
        'CREATE UNIQUE INDEX IF NOT EXISTS "line_match_expense_id_role" ON "line_match" ("expense_id", "role")'
    )
