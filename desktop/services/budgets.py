"""Department reception budgets: an annual amount split by month; used and remaining amounts.

"Used" counts the total of each reception's latest approved revision in its arrival month;
actual expenses (a later issue) will take over from the estimate once they are entered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Application, Department, DepartmentBudget
from desktop.services import audit, validation, versioning
from desktop.services.auth import Actor, require
from desktop.services.errors import ValidationError
from desktop.services.money import to_money

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class MonthBudget:
    department_id: int
    year: int
    month: int
    budget: Decimal
    used: Decimal
    pending: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.used


def year_version(department_id: int, year: int) -> int:
    """The version of a department's budget year (its twelve months are saved together)."""
    return versioning.set_version(DepartmentBudget, _year_rows(department_id, year))


def _year_rows(department_id: int, year: int):
    return (DepartmentBudget.department == department_id) & (DepartmentBudget.year == year)


def set_year(
    actor: Actor, department_id: int, year: int, months: list[Decimal | str], version: int | None = None
) -> None:
    """Set the twelve monthly amounts of a department's year.

    ``version`` is :func:`year_version` as read with the amounts; a year changed since is refused
    (StaleRecord) instead of overwritten.
    """
    require(actor, "budgets.manage")
    if len(months) != 12:
        raise ValidationError({"months": translate("services", "需要 12 个月的金额。")})
    amounts = []
    errors: dict[str, str] = {}
    if not 2000 <= int(year) <= 2099:
        errors["year"] = translate("services", "年份须在 2000 至 2099 之间。")
    for i, value in enumerate(months, start=1):
        # validation.money: the same bounds (0 ≤ x < 1e9, two decimals) and messages everywhere
        amount = validation.money(
            errors, f"month{i}", translate("services", "{m} 月金额").format(m=i), value, required=True
        )
        amounts.append(amount)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        old = {b.month: b.amount for b in DepartmentBudget.select().where(_year_rows(department_id, year))}
        new_version = versioning.claim_set(DepartmentBudget, _year_rows(department_id, year), version, actor)
        audit.record(
            actor,
            "edit",
            "budget",
            f"{department_id}:{year}",
            audit.diff(
                {str(m): old.get(m) for m in range(1, 13)}, {str(m): a for m, a in enumerate(amounts, 1)}
            ),
            str(year),
        )
        for month, amount in enumerate(amounts, start=1):
            DepartmentBudget.insert(
                department=department_id,
                year=year,
                month=month,
                amount=amount,
                version=new_version,
                updated_by_id=actor.user_id,
                updated_at=clock.now(),
            ).on_conflict(
                conflict_target=[DepartmentBudget.department, DepartmentBudget.year, DepartmentBudget.month],
                update={DepartmentBudget.amount: amount},
            ).execute()


def split_evenly(annual: Decimal | str) -> list[Decimal]:
    """An annual amount in twelve months; the cents that do not divide go to December."""
    total = to_money(annual)
    month = (total / 12).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    return [month] * 11 + [total - month * 11]


def year_amounts(department_id: int, year: int) -> list[Decimal]:
    rows = {
        r.month: to_money(r.amount)
        for r in DepartmentBudget.select().where(
            DepartmentBudget.department == department_id, DepartmentBudget.year == year
        )
    }
    return [rows.get(m, ZERO) for m in range(1, 13)]


def _effective_totals(
    department_id: int,
    start: dt.datetime,
    end: dt.datetime,
    statuses: tuple[str, ...],
    exclude_root: int | None,
) -> Decimal:
    """Sum of totals, counting one revision per reception: the newest in the given statuses."""
    rows = Application.select(
        Application.id, Application.root, Application.revision, Application.total, Application.status
    ).where(
        Application.department == department_id,
        Application.arrival >= start,
        Application.arrival < end,
        Application.status.in_(statuses),
    )
    newest: dict[int, Application] = {}
    for row in rows:
        root = row.root_id or row.id
        if exclude_root is not None and root == exclude_root:
            continue
        if root not in newest or row.revision > newest[root].revision:
            newest[root] = row
    return sum((to_money(r.total) for r in newest.values()), ZERO)


def month(department_id: int, year: int, month_no: int, *, exclude_root: int | None = None) -> MonthBudget:
    start = dt.datetime(year, month_no, 1)
    end = dt.datetime(year + (month_no == 12), month_no % 12 + 1, 1)
    row = DepartmentBudget.get_or_none(
        DepartmentBudget.department == department_id,
        DepartmentBudget.year == year,
        DepartmentBudget.month == month_no,
    )
    budget = to_money(row.amount) if row else ZERO
    used = _effective_totals(department_id, start, end, ("approved",), exclude_root)
    pending = _effective_totals(department_id, start, end, ("pending",), exclude_root)
    return MonthBudget(department_id, year, month_no, budget, used, pending)


def department_name(department_id: int) -> str:
    dep = Department.get_or_none(Department.id == department_id)
    return dep.name if dep else ""
