"""Overdue reminders: a feedback form (客户接待信息反馈表) or an expense summary not handed in by
its due date tells its owner once — in the program (the bell) and on the channels that carry the
"反馈表/费用汇总逾期 → 负责人" event (:mod:`desktop.services.outbox`).

The main window runs :func:`send_overdue` on the database-writer thread every half minute. The
notice itself is the memory: an overdue item that already has its notice (same kind, same
reception) is never reminded again, on this PC or another, and the check and the notice are one
transaction, so two PCs scanning at once do not both send it.
"""

from __future__ import annotations

import datetime as dt

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Application, ExpenseSummary, Feedback, Notification, User
from desktop.services import expenses, feedback, outbox

FEEDBACK_OVERDUE = "feedback_overdue"
EXPENSES_OVERDUE = "expenses_overdue"
KINDS = (FEEDBACK_OVERDUE, EXPENSES_OVERDUE)
#: Receptions that ended longer ago than this are not scanned: the first run after an upgrade
#: must not bring a year of old reminders at once.
WINDOW_DAYS = 60


def owners(app: Application) -> list[int]:
    """Whom an overdue item belongs to: the applicant and the 接待负责人's accounts (active)."""
    ids = {app.applicant_id}
    if app.responsible_id is not None:
        ids.update(u.id for u in User.select(User.id).where(User.employee == app.responsible_id))
    active = User.select(User.id).where(User.id.in_(list(ids)), User.active == True)  # noqa: E712
    return sorted(u.id for u in active)


def _feedback_due(app: Application, root: int, today: dt.date) -> dt.date | None:
    """The due date of a feedback form that is overdue today, else None."""
    due = feedback.due_date(app.departure)
    form = Feedback.get_or_none(Feedback.reception == root)
    if today > due and (form is None or form.submitted_at is None):
        return due
    return None


def _expenses_due(app: Application, root: int, today: dt.date) -> dt.date | None:
    """The due date of an expense summary not submitted by it, else None."""
    summary = ExpenseSummary.get_or_none(ExpenseSummary.reception == root)
    due = summary.due if summary is not None and summary.due else expenses.due_date(app.departure)
    if today > due and (summary is None or summary.submitted_at is None):
        return due
    return None


def _tell(kind: str, app: Application, root: int, due: dt.date, user_ids: list[int]) -> None:
    if kind == FEEDBACK_OVERDUE:
        title = translate("reminders", "反馈表逾期：{number} {client}")
        body = translate("reminders", "客户接待信息反馈表应于 {due} 前提交，请尽快填写。")
    else:
        title = translate("reminders", "费用汇总逾期：{number} {client}")
        body = translate("reminders", "接待费用汇总应于 {due} 前提交，请尽快提交。")
    title = title.format(number=app.number, client=app.client_company)[:200]
    body = body.format(due=f"{due:%Y-%m-%d}")
    now = clock.now()
    for user_id in user_ids:
        Notification.create(
            user=user_id, kind=kind, title=title, body=body, application_id=root, created_at=now
        )
    outbox.queue(outbox.OVERDUE, user_ids, title, body)


def send_overdue(today: dt.date | None = None) -> int:
    """Remind the owners of every overdue feedback form and expense summary not reminded of yet.
    Returns how many items were reminded (not how many people)."""
    from desktop.services.arrangements import approved_receptions

    today = today or clock.today()
    ended = dt.datetime.combine(today, dt.time.min)
    count = 0
    with database.atomic():
        receptions = [
            a
            for a in approved_receptions(today - dt.timedelta(days=WINDOW_DAYS), today)
            if a.departure < ended
        ]
        roots = [a.root_id or a.id for a in receptions]
        told = {
            (n.kind, n.application_id)
            for n in Notification.select(Notification.kind, Notification.application_id).where(
                Notification.kind.in_(KINDS), Notification.application_id.in_(roots)
            )
        }
        for app in receptions:
            root = app.root_id or app.id
            for kind, overdue in ((FEEDBACK_OVERDUE, _feedback_due), (EXPENSES_OVERDUE, _expenses_due)):
                if (kind, root) in told:
                    continue
                due = overdue(app, root, today)
                people = owners(app) if due is not None else []
                if people:
                    _tell(kind, app, root, due, people)
                    told.add((kind, root))
                    count += 1
    return count
