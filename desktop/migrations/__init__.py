"""Versioned schema migrations, applied in numeric order by playhouse.migrations.Runner.

Each script declares frozen copies of the tables it creates (never the live models), so an old
database can always be brought forward step by step.
"""
