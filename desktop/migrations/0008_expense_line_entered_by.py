"""Expense lines record who entered them (ownership checks, issue 10)."""
import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        pass

    entered_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", field=User.id)
    migrator.migrate(migrator.add_column("expense_line", "entered_by_id", entered_by))
