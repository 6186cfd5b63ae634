"""Reimbursement as finance records it (issue 13): a note next to the method and the real
voucher number (凭证号), with its accounting period (YYYYMM of the day paid), so a number is
used once per period — accounting packages (用友, 金蝶) number vouchers per period, 记-1 again
every month, so the same 记-15 in November and December are two different vouchers.

Older rows keep what they hold: their free-text method still prints as written, their
invented "BX…" references stay, and ``reimbursed_period`` stays NULL for them (NULLs never
collide in a unique index on SQLite or PostgreSQL), so no old duplicate can stop the upgrade.
"""

import peewee as pw


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("expense_summary", "reimbursed_note", pw.TextField(default="")),
        migrator.add_column("expense_summary", "reimbursed_period", pw.IntegerField(null=True)),
        migrator.add_index("expense_summary", ("reimbursed_period", "reimbursed_reference"), True),
    )
