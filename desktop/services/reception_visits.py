"""The front desk's "expected today" filled from approved receptions' visitor lists.

Idempotent: each guest of a reception arriving on the day gets one expected visit, linked to the
reception, the first time the desk looks; later looks add only guests added since.
"""

from __future__ import annotations

import datetime as dt

from desktop.db import database
from desktop.models import ApplicationGuest, Visit
from desktop.services.arrangements import approved_receptions
from desktop.services.text import pinyin_keys


def sync_expected(day: dt.date) -> int:
    created = 0
    with database.atomic():
        for app in approved_receptions(day, day):
            if app.arrival.date() != day:
                continue
            root = app.root_id or app.id
            known = {v.name for v in Visit.select(Visit.name).where(Visit.reception_id == root)}
            for guest in (
                ApplicationGuest.select()
                .where(ApplicationGuest.application == app)
                .order_by(ApplicationGuest.position)
            ):
                if guest.name in known:
                    continue
                full, initials = pinyin_keys(guest.name)
                Visit.create(
                    name=guest.name,
                    name_pinyin=full,
                    name_initials=initials,
                    company=app.client_company,
                    people_count=1,
                    category=app.category_id,
                    host=app.responsible_id,
                    department=app.department_id,
                    kind="appointment",
                    status="expected",
                    expected_date=day,
                    expected_time=app.arrival.time(),
                    remarks=f"{app.number} {guest.title}".strip(),
                    reception_id=root,
                )
                created += 1
    return created
