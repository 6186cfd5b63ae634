"""月度接待报告: one month of receptions, money, feedback, overdue items and fines, as sections.

Each :class:`Section` is a table (head + rows) with an optional chart spec, so the two
exporters (xlsx with native Excel charts, PDF with reportlab drawings) render every section the
same way and a new section needs no exporter change. The figures follow the definitions of
:mod:`desktop.services.dashboard` (effective revision, spending = summaries handed in):

- receptions of the month: effective revisions arriving in the month;
- spending vs budget by category: the approved budget lines of those receptions against their
  claimed expense lines;
- over-standard cases: budget lines over their cap (with the applicant's reason) and claimed
  lines carrying a reason (a check asked for one), of those receptions;
- overdue: feedback not submitted (or submitted late) by its due date, expense summaries not
  handed in (or handed in late) by theirs — as of today, for the month's receptions;
- fines: 赞助单 entries dated in the month, voided ones left out.

Readers: those who see every reception (``applications.view_all``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from peewee import JOIN, fn

from desktop import clock
from desktop.i18n import translate
from desktop.models import (
    Application,
    ApplicationGuest,
    BudgetLine,
    Department,
    DepartmentBudget,
    Employee,
    ExpenseLine,
    ExpenseSummary,
    Feedback,
    Fine,
    ReceptionLevel,
)
from desktop.services import dashboard, settings, standards
from desktop.services import expenses as expense_service
from desktop.services import feedback as feedback_service
from desktop.services.auth import Actor, require
from desktop.services.money import to_money

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ChartSpec:
    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]
    kind: str = "bar"  # bar | pie


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    head: list[str]
    rows: list[list[object]]
    chart: ChartSpec | None = None
    note: str = ""


@dataclass(frozen=True)
class MonthlyReport:
    company: str
    year: int
    month: int
    generated: dt.datetime
    summary: list[tuple[str, object]]
    sections: list[Section] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, month, 1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return start, end


def parse_month(text: str) -> tuple[int, int]:
    """``YYYY-MM`` → (year, month); ValueError with a readable message otherwise."""
    try:
        year, month = (int(x) for x in text.strip().split("-"))
        dt.date(year, month, 1)
    except (ValueError, TypeError):
        raise ValueError(f"not a month (YYYY-MM): {text!r}") from None
    return year, month


def _t(text: str) -> str:
    return translate("monthly_report", text)


def _receptions(start: dt.date, end: dt.date):
    """Effective revisions arriving in [start, end]: (app id, root, number, client, dept, level)."""
    root = fn.COALESCE(Application.root, Application.id)
    return list(
        dashboard.effective_applications(
            Application.id.alias("id"),
            root.alias("root"),
            Application.number.alias("number"),
            Application.client_company.alias("client"),
            Application.departure.alias("departure"),
            Application.over_standard.alias("over_standard"),
            Department.name.alias("department"),
            ReceptionLevel.code.alias("level"),
        )
        .switch(Application)
        .join(Department, on=(Application.department == Department.id))
        .switch(Application)
        .join(ReceptionLevel, on=(Application.level == ReceptionLevel.id))
        .where(
            Application.arrival >= dashboard.day_start(start),
            Application.arrival < dashboard.day_start(end + dt.timedelta(days=1)),
        )
        .order_by(Application.arrival)
        .dicts()
    )


def build(actor: Actor, year: int, month: int, today: dt.date | None = None) -> MonthlyReport:
    require(actor, "applications.view_all")
    today = today or clock.today()
    start, end = month_range(year, month)
    receptions = _receptions(start, end)
    app_ids = [r["id"] for r in receptions]
    roots = [r["root"] for r in receptions]
    levels = dashboard.level_codes()
    departments = dashboard.department_names()

    # 1. receptions by department and level, with guests
    guests_of = {
        r["a"]: int(r["n"])
        for r in ApplicationGuest.select(
            ApplicationGuest.application.alias("a"), fn.COUNT(ApplicationGuest.id).alias("n")
        )
        .where(ApplicationGuest.application.in_(app_ids or [0]))
        .group_by(ApplicationGuest.application)
        .dicts()
    }
    counts: dict[tuple[str, str], int] = {}
    guests_by_dep: dict[str, int] = {}
    for r in receptions:
        counts[(r["department"], r["level"])] = counts.get((r["department"], r["level"]), 0) + 1
        guests_by_dep[r["department"]] = guests_by_dep.get(r["department"], 0) + guests_of.get(r["id"], 0)
    deps = [d for d in departments if any(counts.get((d, lv)) for lv in levels)]
    rec_rows = [
        [
            d,
            *[counts.get((d, lv), 0) for lv in levels],
            sum(counts.get((d, lv), 0) for lv in levels),
            guests_by_dep.get(d, 0),
        ]
        for d in deps
    ]
    total_guests = sum(guests_of.values())
    rec_rows.append(
        [
            _t("合计"),
            *[sum(counts.get((d, lv), 0) for d in deps) for lv in levels],
            len(receptions),
            total_guests,
        ]
    )
    receptions_section = Section(
        "receptions",
        _t("接待概况"),
        [_t("部门"), *[_t("{level} 级").format(level=lv) for lv in levels], _t("接待次数"), _t("来宾人数")],
        rec_rows,
        ChartSpec(
            _t("接待次数（按部门、级别）"),
            deps or [_t("无")],
            [
                (_t("{level} 级").format(level=lv), [float(counts.get((d, lv), 0)) for d in deps] or [0.0])
                for lv in levels
            ],
        ),
    )

    # 2. spending vs budget by category
    budget = {
        r["c"]: to_money(r["s"] or 0)
        for r in BudgetLine.select(BudgetLine.category.alias("c"), fn.SUM(BudgetLine.amount).alias("s"))
        .where(BudgetLine.application.in_(app_ids or [0]))
        .group_by(BudgetLine.category)
        .dicts()
    }
    actual = {
        r["c"]: to_money(r["s"] or 0)
        for r in ExpenseLine.select(ExpenseLine.category.alias("c"), fn.SUM(ExpenseLine.total).alias("s"))
        .join(ExpenseSummary)
        .where(ExpenseSummary.reception.in_(roots or [0]), ExpenseSummary.status != "draft")
        .group_by(ExpenseLine.category)
        .dicts()
    }
    # the known categories in their order, then any other a line was filed under (imported data)
    cats = list(standards.CATEGORIES) + sorted((set(budget) | set(actual)) - set(standards.CATEGORIES))
    spend_rows = [
        [
            standards.category_label(c),
            budget.get(c, ZERO),
            actual.get(c, ZERO),
            actual.get(c, ZERO) - budget.get(c, ZERO),
        ]
        for c in cats
    ]
    budget_total = sum(budget.values(), ZERO)
    actual_total = sum(actual.values(), ZERO)
    spend_rows.append([_t("合计"), budget_total, actual_total, actual_total - budget_total])
    spending_section = Section(
        "spending",
        _t("费用与预算（按类别）"),
        [_t("类别"), _t("批准预算"), _t("实际费用"), _t("差额")],
        spend_rows,
        ChartSpec(
            _t("预算与实际（按类别）"),
            [standards.category_label(c) for c in cats],
            [
                (_t("批准预算"), [float(budget.get(c, ZERO)) for c in cats]),
                (_t("实际费用"), [float(actual.get(c, ZERO)) for c in cats]),
            ],
        ),
    )

    # 2b. department budgets of the month against spending dated in the month
    dep_budget = {
        r["d"]: to_money(r["s"] or 0)
        for r in DepartmentBudget.select(
            Department.name.alias("d"), fn.SUM(DepartmentBudget.amount).alias("s")
        )
        .join(Department)
        .where(DepartmentBudget.year == year, DepartmentBudget.month == month)
        .group_by(Department.name)
        .dicts()
    }
    dep_actual = dashboard.spending_by(Department.name, start, end)
    dep_names = [d for d in departments if dep_budget.get(d) or dep_actual.get(d)]
    dep_rows = [
        [
            d,
            dep_budget.get(d, ZERO),
            dep_actual.get(d, ZERO),
            dep_budget.get(d, ZERO) - dep_actual.get(d, ZERO),
            _t("超预算") if dep_actual.get(d, ZERO) > dep_budget.get(d, ZERO) else "",
        ]
        for d in dep_names
    ]
    budget_section = Section(
        "departments",
        _t("部门预算执行"),
        [_t("部门"), _t("本月预算"), _t("本月实际"), _t("结余"), _t("状态")],
        dep_rows,
        ChartSpec(
            _t("部门预算与实际"),
            dep_names or [_t("无")],
            [
                (_t("本月预算"), [float(dep_budget.get(d, ZERO)) for d in dep_names] or [0.0]),
                (_t("本月实际"), [float(dep_actual.get(d, ZERO)) for d in dep_names] or [0.0]),
            ],
        ),
    )

    # 3. over-standard cases with their reasons
    by_app = {r["id"]: r for r in receptions}
    by_root = {r["root"]: r for r in receptions}
    over_rows: list[list[object]] = []
    for line in (
        BudgetLine.select()
        .where(BudgetLine.application.in_(app_ids or [0]), BudgetLine.over_cap == True)  # noqa: E712
        .order_by(BudgetLine.application, BudgetLine.id)
    ):
        r = by_app[line.application_id]
        over_rows.append(
            [
                r["number"],
                r["client"],
                r["department"],
                r["level"],
                _t("申请"),
                standards.category_label(line.category),
                to_money(line.amount),
                line.reason,
            ]
        )
    for line in (
        ExpenseLine.select(ExpenseLine, ExpenseSummary.reception)
        .join(ExpenseSummary)
        .where(
            ExpenseSummary.reception.in_(roots or [0]),
            ExpenseSummary.status != "draft",
            ExpenseLine.reason != "",
        )
        .order_by(ExpenseLine.date, ExpenseLine.id)
    ):
        r = by_root[line.summary.reception_id]
        over_rows.append(
            [
                r["number"],
                r["client"],
                r["department"],
                r["level"],
                _t("报销"),
                standards.category_label(line.category),
                to_money(line.total),
                line.reason,
            ]
        )
    over_section = Section(
        "over_standard",
        _t("超标准情况"),
        [_t("编号"), _t("来宾单位"), _t("部门"), _t("级别"), _t("环节"), _t("类别"), _t("金额"), _t("原因")],
        over_rows,
        note=_t("超标准接待（整单）{n} 次").format(n=sum(1 for r in receptions if r["over_standard"])),
    )

    # 4. feedback satisfaction
    sat = {
        int(r["s"]): int(r["n"])
        for r in Feedback.select(Feedback.satisfaction.alias("s"), fn.COUNT(Feedback.id).alias("n"))
        .where(Feedback.reception.in_(roots or [0]), Feedback.submitted_at.is_null(False))
        .group_by(Feedback.satisfaction)
        .dicts()
    }
    answered = sum(n for s, n in sat.items() if 1 <= s <= 5)
    average = (
        (Decimal(sum(s * n for s, n in sat.items() if 1 <= s <= 5)) / answered).quantize(Decimal("0.01"))
        if answered
        else None
    )
    fb_rows = [[_t("{n} 分").format(n=s), sat.get(s, 0)] for s in range(5, 0, -1)]
    fb_rows.append([_t("平均"), average if average is not None else "—"])
    feedback_section = Section(
        "feedback",
        _t("客户满意度"),
        [_t("满意度"), _t("反馈份数")],
        fb_rows,
        ChartSpec(
            _t("满意度分布"),
            [_t("{n} 分").format(n=s) for s in range(5, 0, -1)],
            [(_t("份数"), [float(sat.get(s, 0)) for s in range(5, 0, -1)])],
        ),
        note=_t("已交反馈 {n} 份 / 本月接待 {m} 次").format(n=sum(sat.values()), m=len(receptions)),
    )

    # 5. overdue items, as of today
    submitted_fb = {
        f.reception_id: f.submitted_at
        for f in Feedback.select(Feedback.reception, Feedback.submitted_at).where(
            Feedback.reception.in_(roots or [0])
        )
    }
    overdue_rows: list[list[object]] = []
    for r in receptions:
        due = feedback_service.due_date(r["departure"])
        at = submitted_fb.get(r["root"])
        if at is None and today > due:
            overdue_rows.append(
                [_t("信息反馈"), r["number"], r["client"], r["department"], due, _t("未提交")]
            )
        elif at is not None and at.date() > due:
            overdue_rows.append(
                [
                    _t("信息反馈"),
                    r["number"],
                    r["client"],
                    r["department"],
                    due,
                    _t("逾期提交 {d}").format(d=at.date()),
                ]
            )
    summaries = {
        s.reception_id: s for s in ExpenseSummary.select().where(ExpenseSummary.reception.in_(roots or [0]))
    }
    for r in receptions:
        due = expense_service.due_date(r["departure"])
        summary = summaries.get(r["root"])
        handed_in = summary.submitted_at if summary is not None else None
        if handed_in is None and today > due:
            overdue_rows.append(
                [_t("费用汇总"), r["number"], r["client"], r["department"], due, _t("未提交")]
            )
        elif handed_in is not None and handed_in.date() > due:
            overdue_rows.append(
                [
                    _t("费用汇总"),
                    r["number"],
                    r["client"],
                    r["department"],
                    due,
                    _t("逾期提交 {d}").format(d=handed_in.date()),
                ]
            )
    kinds = [_t("信息反馈"), _t("费用汇总")]
    overdue_section = Section(
        "overdue",
        _t("逾期事项"),
        [_t("事项"), _t("编号"), _t("来宾单位"), _t("部门"), _t("应交日期"), _t("状态")],
        overdue_rows,
        ChartSpec(
            _t("逾期事项"),
            kinds,
            [(_t("件数"), [float(sum(1 for o in overdue_rows if o[0] == k)) for k in kinds])],
        ),
    )

    # 6. breaches and fines
    fine_rows = [
        [
            f.occurred_on,
            f.person.name,
            f.department.name if f.department_id else "",
            f"{f.article} {f.article_title}".strip(),
            f.multiplier,
            _t("连带 {p}%").format(p=f.share_percent) if f.primary_id else "",
            to_money(f.amount),
            f.description,
        ]
        for f in Fine.select(Fine, Employee, Department)
        .join(Employee, on=(Fine.person == Employee.id))
        .switch(Fine)
        .join(Department, on=(Fine.department == Department.id), join_type=JOIN.LEFT_OUTER)
        .where(Fine.occurred_on >= start, Fine.occurred_on <= end, Fine.voided_at.is_null())
        .order_by(Fine.occurred_on, Fine.id)
    ]
    fine_by_dep: dict[str, Decimal] = {}
    for row in fine_rows:
        fine_by_dep[row[2] or _t("未填部门")] = fine_by_dep.get(row[2] or _t("未填部门"), ZERO) + row[6]
    fine_total = sum(fine_by_dep.values(), ZERO)
    breaches = sum(1 for row in fine_rows if not row[5])
    fines_section = Section(
        "fines",
        _t("违规与罚款（赞助单）"),
        [_t("日期"), _t("人员"), _t("部门"), _t("条款"), _t("倍数"), _t("连带"), _t("金额"), _t("说明")],
        fine_rows,
        ChartSpec(
            _t("罚款金额（按部门）"),
            list(fine_by_dep) or [_t("无")],
            [(_t("金额"), [float(v) for v in fine_by_dep.values()] or [0.0])],
        ),
        note=_t("违规 {n} 次，罚款合计 ¥{total:,.2f}").format(n=breaches, total=fine_total),
    )

    summary = [
        (_t("接待次数"), len(receptions)),
        (_t("来宾人数"), total_guests),
        (_t("批准预算"), budget_total),
        (_t("实际费用"), actual_total),
        (_t("超标准事项"), len(over_rows)),
        (_t("平均满意度"), average if average is not None else "—"),
        (_t("逾期事项"), len(overdue_rows)),
        (_t("违规次数"), breaches),
        (_t("罚款合计"), fine_total),
    ]
    return MonthlyReport(
        company=settings.company_name(),
        year=year,
        month=month,
        generated=clock.now(),
        summary=summary,
        sections=[
            receptions_section,
            spending_section,
            budget_section,
            over_section,
            feedback_section,
            overdue_section,
            fines_section,
        ],
    )
