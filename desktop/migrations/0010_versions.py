"""Every editable record carries a version and who changed it last, when (issue 10, no lost
updates).

A save made from a copy read earlier states the version it read; the UPDATE only matches while
the row still has that version (see services.versioning), so a stale copy can no longer silently
revert another person's edit. ``updated_by``/``updated_at`` let the refusal name who changed it.
"""

import peewee as pw

# table -> has it an updated_at already?
VERSIONED = {
    "application": True,
    "arrangement": True,
    "itinerary_item": False,
    "checklist_item": False,
    "feedback": False,
    "expense_summary": False,
    "expense_line": False,
    "setting": False,
    "reception_level": False,
    "department_budget": False,
    "approval_step": False,
    "option_item": False,
    "deny_entry": False,
    "user": False,
    "agreement_hotel": False,
    "restaurant": False,
    "meeting_room": False,
    "vehicle": False,
    "department": False,
    "employee": False,
}


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        pass

    operations = []
    for table, has_updated_at in VERSIONED.items():
        # DEFAULT in the schema too: rows inserted by plain SQL (a script, an older tool) start at 1.
        version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])
        operations.append(migrator.add_column(table, "version", version))
        updated_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", field=User.id)
        operations.append(migrator.add_column(table, "updated_by_id", updated_by))
        if not has_updated_at:
            operations.append(migrator.add_column(table, "updated_at", pw.DateTimeField(null=True)))
    migrator.migrate(*operations)
