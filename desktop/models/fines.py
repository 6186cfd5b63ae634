"""赞助单 entries: a fine for a breach of the reception rules (regulation 001 §4.4).

One row per person fined. The direct leader's joint liability (连带责任, 20 % by default) is a
row of its own that points at the breach it shares (``primary``), so the list can total per
person and month and the slip can print both, while voiding the breach voids the share too.
"""

from __future__ import annotations

import peewee as pw

from desktop import clock
from desktop.models.base import BaseModel
from desktop.models.org import Department, Employee
from desktop.models.reception import Application, money
from desktop.models.users import User


class Fine(BaseModel):
    person = pw.ForeignKeyField(Employee, on_delete="RESTRICT", backref="+")
    department = pw.ForeignKeyField(Department, null=True, on_delete="SET NULL", backref="+")
    article = pw.CharField(max_length=20)  # "4.2": the article breached (fine_articles setting)
    article_title = pw.CharField(max_length=100, default="")  # as it read when recorded
    base_amount = money(default=0)  # the article's amount when recorded
    multiplier = pw.IntegerField(default=1)  # 1, or 2–5 for a serious case
    share_percent = pw.IntegerField(default=100)  # 100: the breach; 20: a leader's joint share
    amount = money(default=0)
    primary = pw.ForeignKeyField("self", null=True, on_delete="CASCADE", backref="shares")
    reception = pw.ForeignKeyField(Application, null=True, on_delete="SET NULL", backref="+")
    occurred_on = pw.DateField(index=True)
    description = pw.TextField(default="")
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    recorded_at = pw.DateTimeField(default=clock.now)
    voided_at = pw.DateTimeField(null=True)
    voided_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    void_reason = pw.TextField(default="")
