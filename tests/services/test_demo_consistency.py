"""The demo office is one a person could believe (issue 15): no badge on two people at once, no
car in two places back to back, nothing dated after the demo's today, approvals by named people."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from desktop import clock
from desktop.models import (
    ApprovalRecord,
    ExpenseRecord,
    ExpenseSummary,
    Feedback,
    Fine,
    ItineraryItem,
    User,
    Visit,
)


def test_badges_are_never_held_by_two_people_at_once(demo_db):
    held = defaultdict(list)
    for v in Visit.select().where(Visit.badge_no != "", Visit.time_in.is_null(False)):
        held[v.badge_no].append((v.time_in, v.time_out or dt.datetime.max, v.id))
    assert held
    for badge, spans in held.items():
        spans.sort()
        for (_s1, e1, a), (s2, _e2, b) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2, f"badge {badge}: visits {a} and {b} overlap"


def test_a_car_is_not_in_two_places_back_to_back(demo_db):
    used = defaultdict(list)
    for item in ItineraryItem.select().where(ItineraryItem.vehicle.is_null(False)):
        used[item.vehicle_id].append(item)
    for items in used.values():
        items.sort(key=lambda i: i.start)
        for first, second in zip(items, items[1:], strict=False):
            assert first.end < second.start, f"car {first.vehicle_id} at {first.end} and {second.start}"


def test_nothing_is_dated_after_the_demos_today(demo_db):
    now = clock.now() + dt.timedelta(minutes=1)
    checks = [
        (ApprovalRecord, ApprovalRecord.at),
        (ExpenseRecord, ExpenseRecord.at),
        (ExpenseSummary, ExpenseSummary.submitted_at),
        (Feedback, Feedback.submitted_at),
        (Feedback, Feedback.signed_off_at),
        (Fine, Fine.recorded_at),
        (Visit, Visit.created_at),
        (Visit, Visit.time_in),
        (User, User.created_at),
    ]
    for model, column in checks:
        late = model.select().where(column > now).count()
        assert late == 0, f"{model.__name__}.{column.name}: {late} after {now}"
    assert Fine.select().where(Fine.occurred_on > clock.today()).count() == 0


def test_approvals_are_signed_by_the_demos_named_people(demo_db):
    decided = ApprovalRecord.select().where(ApprovalRecord.decision.in_(("approve", "reject", "return")))
    assert decided.count()
    for record in decided:
        user = User.get_by_id(record.user_id)
        assert user.employee_id is not None and user.employee.name == user.display_name, user.display_name
