"""Import batches get a state: a long import is written in chunks as 'committing' and becomes
'done' at its end, so a crash half-way leaves no partial batch anyone can see."""
import peewee as pw


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("import_batch", "state", pw.CharField(max_length=20, default="done")),
    )
