"""What reconciliation found: the flags of a period, the three-way state of every claim line
(未对账 / 仅发票 / 仅付款 / 已对账 / 有差异) per reception and per period, and the rows of the
对账报告. Read-only; computed from one load of the period (reconcile_data), not per reception."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

import peewee as pw

from desktop.i18n import translate
from desktop.models import Application, BudgetLine, ExpenseLine, ExpenseSummary, ExpenseVoucher
from desktop.services import reconcile_data as data
from desktop.services import standards
from desktop.services.expenses import check_line
from desktop.services.money import to_money

OPEN, INVOICE_ONLY, PAYMENT_ONLY, RECONCILED, DIFFERS = (
    "open",
    "invoice_only",
    "payment_only",
    "reconciled",
    "differs",
)
STATES = (OPEN, INVOICE_ONLY, PAYMENT_ONLY, RECONCILED, DIFFERS)


def state_label(code: str) -> str:
    return {
        OPEN: translate("reconcile", "未对账"),
        INVOICE_ONLY: translate("reconcile", "仅发票"),
        PAYMENT_ONLY: translate("reconcile", "仅付款"),
        RECONCILED: translate("reconcile", "已对账"),
        DIFFERS: translate("reconcile", "有差异"),
    }.get(code, code)


@dataclass(frozen=True)
class Flag:
    code: str
    message: str
    reception: str = ""
    imported_id: int | None = None
    expense_id: int | None = None
    application_id: int | None = None  # the record a flag links to


def flag_label(code: str) -> str:
    return {
        "over_standard": translate("reconcile", "超标准"),
        "over_budget": translate("reconcile", "超预算未另行审批"),
        "duplicate_invoice": translate("reconcile", "发票重复报销"),
        "no_reception": translate("reconcile", "导入记录无对应接待"),
        "no_evidence": translate("reconcile", "报销无导入记录且无凭证"),
        "outside_dates": translate("reconcile", "日期不在接待期间"),
        "late": translate("reconcile", "费用汇总逾期提交"),
        "amount_differs": translate("reconcile", "报销与导入金额不符"),
        "no_invoice": translate("reconcile", "已付款未见发票"),
        "no_payment": translate("reconcile", "有发票未见付款"),
        "voucher_only": translate("reconcile", "仅有凭证未对账"),
        "invoice_title": translate("reconcile", "发票抬头不符"),
        "accompany": translate("reconcile", "陪餐超标"),
        "drinks": translate("reconcile", "酒水超比例"),
    }.get(code, code)


@dataclass(frozen=True)
class ClaimState:
    """One claim line and what evidences and pays it."""

    expense_id: int
    application_id: int
    reception: str
    date: dt.date
    vendor: str
    invoice_no: str
    total: Decimal
    state: str
    invoice_total: Decimal | None  # the matched invoice's amount, None = no invoice matched
    payment_total: Decimal | None  # the matched payment's amount (absolute)


@dataclass(frozen=True)
class StateCounts:
    """Three-way counts of one reception (or of the whole period: reception "")."""

    reception: str
    application_id: int | None
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _money_of(imported_totals: dict[int, Decimal | None], imported_id: int | None) -> Decimal | None:
    if imported_id is None:
        return None
    value = imported_totals.get(imported_id)
    return abs(to_money(value)) if value is not None else Decimal("0.00")


def _matches_by_claim(decisions: dict[int, data.Decision]) -> dict[int, dict[str, int]]:
    """claim line id → {role: imported line id}."""
    result: dict[int, dict[str, int]] = defaultdict(dict)
    for d in decisions.values():
        if d.expense_id is not None:
            result[d.expense_id][d.role] = d.imported_id
    return result


def _imported_totals(ids: list[int], lines: list[data.Line] | None = None) -> dict[int, Decimal | None]:
    """Amounts of the matched imported lines: from the lines already loaded, the rest (matched
    to a claim of the period but dated outside it) by id."""
    from desktop.models import ImportedLine

    known = {x.id: x.signed for x in lines or ()}
    totals: dict[int, Decimal | None] = {i: known[i] for i in ids if i in known}
    for chunk in data._chunks([i for i in ids if i not in known]):
        for i, amount, total in (
            ImportedLine.select(ImportedLine.id, ImportedLine.amount, ImportedLine.total)
            .where(ImportedLine.id.in_(chunk))
            .tuples()
        ):
            totals[i] = total if total is not None else amount
    return totals


def claim_states(
    claims: list[data.Claim],
    decisions: dict[int, data.Decision],
    date_from: dt.date,
    date_to: dt.date,
    lines: list[data.Line] | None = None,
) -> list[ClaimState]:
    """Every claim line of the period with its three-way state.

    已对账 when an invoice and a payment are matched and both agree with the claimed amount (a
    line paid in cash needs no statement payment); 有差异 when a matched invoice or payment
    disagrees with it."""
    by_claim = _matches_by_claim(decisions)
    wanted = [i for c in claims if c.id in by_claim for i in by_claim[c.id].values()]
    totals = _imported_totals(wanted, lines)
    result = []
    for c in claims:
        if not date_from <= c.date <= date_to:
            continue
        roles = by_claim.get(c.id, {})
        invoice = _money_of(totals, roles.get(data.INVOICE))
        payment = _money_of(totals, roles.get(data.PAYMENT))
        claimed = Decimal(c.fen) / 100
        if any(x is not None and x != claimed for x in (invoice, payment)):
            state = DIFFERS
        elif invoice is not None and (payment is not None or c.cash):
            state = RECONCILED
        elif invoice is not None:
            state = INVOICE_ONLY
        elif payment is not None:
            state = PAYMENT_ONLY
        else:
            state = OPEN
        result.append(
            ClaimState(
                c.id, c.app.id, c.app.label, c.date, c.vendor, c.number, claimed, state, invoice, payment
            )
        )
    return result


def state_summary(states: list[ClaimState]) -> list[StateCounts]:
    """Counts per reception, then the period's total (reception "")."""
    per: dict[int, dict[str, int]] = {}
    labels: dict[int, str] = {}
    total = dict.fromkeys(STATES, 0)
    for s in states:
        counts = per.setdefault(s.application_id, dict.fromkeys(STATES, 0))
        counts[s.state] += 1
        total[s.state] += 1
        labels[s.application_id] = s.reception
    rows = [
        StateCounts(labels[i], i, counts) for i, counts in sorted(per.items(), key=lambda x: labels[x[0]])
    ]
    rows.append(StateCounts("", None, total))
    return rows


def _value(field, value):
    """A raw value as the model would give it (SQLite returns text dates and float money)."""
    if value is None:
        return None
    if isinstance(field, pw.DecimalField):
        return Decimal(data.fen(value)) / 100
    if isinstance(field, pw.DateTimeField) and not isinstance(value, dt.datetime):
        return dt.datetime.fromisoformat(str(value))
    if isinstance(field, pw.DateField) and not isinstance(value, dt.date):
        return dt.date.fromisoformat(str(value)[:10])
    return value


def _rows(query) -> list[SimpleNamespace]:
    """Rows with the attributes check_line and the flags read (``standard_id``, ``summary_id``
    for foreign keys), converted only where needed."""
    fields = query._returning
    names = [f.name + "_id" if isinstance(f, pw.ForeignKeyField) else f.name for f in fields]
    return [
        SimpleNamespace(**{n: _value(f, v) for n, f, v in zip(names, fields, row, strict=True)})
        for row in data._raw(query)
    ]


def flags(
    claims: list[data.Claim],
    decisions: dict[int, data.Decision],
    lines: list[data.Line],
    date_from: dt.date,
    date_to: dt.date,
) -> list[Flag]:
    """Every finding of the period, each with its reason and the records it concerns."""
    result: list[Flag] = []
    in_period = [c for c in claims if date_from <= c.date <= date_to]
    ids = [c.id for c in in_period]
    # Plain rows, not model objects: check_line reads attributes, and building 5,000 ExpenseLine
    # and 1,000 Application objects cost most of the flags' time.
    lines_by_id = {
        r.id: r
        for chunk in data._chunks(ids)
        for r in _rows(
            ExpenseLine.select(
                ExpenseLine.id,
                ExpenseLine.summary,
                ExpenseLine.category,
                ExpenseLine.date,
                ExpenseLine.vendor,
                ExpenseLine.invoice_code,
                ExpenseLine.invoice_no,
                ExpenseLine.total,
                ExpenseLine.guests,
                ExpenseLine.diners,
                ExpenseLine.rooms,
                ExpenseLine.nights,
                ExpenseLine.trips,
                ExpenseLine.drinks,
            ).where(ExpenseLine.id.in_(chunk))
        )
    }
    app_ids = sorted({c.app.id for c in in_period})
    apps = {}
    budgets: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for chunk in data._chunks(app_ids):
        query = Application.select(
            Application.id,
            Application.standard,
            Application.over_standard,
            Application.arrival,
            Application.departure,
        ).where(Application.id.in_(chunk))
        apps.update({r.id: r for r in _rows(query)})
        budget_query = BudgetLine.select(
            BudgetLine.application, BudgetLine.category, BudgetLine.amount
        ).where(BudgetLine.application.in_(chunk))
        for app_id, category, amount in data._raw(budget_query):
            budgets[app_id][category] = Decimal(data.fen(amount)) / 100
    summaries = {
        r.id: r
        for chunk in data._chunks(sorted({c.summary_id for c in in_period}))
        for r in _rows(
            ExpenseSummary.select(ExpenseSummary.id, ExpenseSummary.submitted_at, ExpenseSummary.due).where(
                ExpenseSummary.id.in_(chunk)
            )
        )
    }
    with_voucher: set[int] = set()
    for chunk in data._chunks(ids):
        with_voucher |= {
            v
            for (v,) in ExpenseVoucher.select(ExpenseVoucher.line)
            .where(ExpenseVoucher.line.in_(chunk))
            .tuples()
        }
    by_claim = _matches_by_claim(decisions)
    totals = _imported_totals(
        [i for c in in_period if c.id in by_claim for i in by_claim[c.id].values()], lines
    )
    titles = _title_problems(in_period, by_claim)
    standard_of: dict[int, standards.StandardInfo] = {}
    invoices: dict[tuple[str, str], list[data.Claim]] = defaultdict(list)
    actuals: dict[tuple[int, str], Decimal] = defaultdict(lambda: Decimal("0.00"))
    for claim in in_period:
        line, app = lines_by_id[claim.id], apps[claim.app.id]
        label = claim.app.label
        if app.standard_id not in standard_of:
            standard_of[app.standard_id] = standards.standard(app.standard_id)
        for check in check_line(line, standard_of[app.standard_id], app):
            result.append(Flag(check.code, check.message, label, expense_id=line.id, application_id=app.id))
        if line.invoice_no:
            invoices[(line.invoice_code, line.invoice_no)].append(claim)
        actuals[(claim.summary_id, line.category)] += to_money(line.total)
        roles = by_claim.get(line.id, {})
        if not roles and line.id not in with_voucher:
            result.append(
                Flag(
                    "no_evidence",
                    translate("reconcile", "{date} {vendor} {total} 无导入记录也无凭证").format(
                        date=line.date, vendor=line.vendor, total=f"¥{line.total:,.2f}"
                    ),
                    label,
                    expense_id=line.id,
                    application_id=app.id,
                )
            )
        missing = _missing(roles, claim, line.id in with_voucher)
        if missing:
            code, text = missing
            result.append(
                Flag(
                    code,
                    text.format(date=line.date, vendor=line.vendor, total=f"¥{line.total:,.2f}"),
                    label,
                    expense_id=line.id,
                    application_id=app.id,
                )
            )
        for problem in titles.get(line.id, ()):
            result.append(Flag("invoice_title", problem, label, expense_id=line.id, application_id=app.id))
        for role, imported_id in sorted(roles.items()):
            imported_total = _money_of(totals, imported_id)
            if imported_total != to_money(line.total):
                what = (
                    translate("reconcile", "发票") if role == data.INVOICE else translate("reconcile", "付款")
                )
                result.append(
                    Flag(
                        "amount_differs",
                        translate("reconcile", "报销 {a}，{what} {b}").format(
                            a=f"¥{line.total:,.2f}", what=what, b=f"¥{imported_total:,.2f}"
                        ),
                        label,
                        imported_id=imported_id,
                        expense_id=line.id,
                        application_id=app.id,
                    )
                )
    for (_code, number), group in invoices.items():
        if len(group) > 1:
            where = "、".join(sorted({c.app.number for c in group}))
            result.append(
                Flag(
                    "duplicate_invoice",
                    translate("reconcile", "发票 {no} 被报销 {n} 次（{where}）").format(
                        no=number, n=len(group), where=where
                    ),
                    expense_id=group[-1].id,
                    application_id=group[-1].app.id,
                )
            )
    seen_summaries = {}
    for claim in in_period:
        seen_summaries.setdefault(claim.summary_id, claim.app)
    for summary_id, app_row in seen_summaries.items():
        summary, app = summaries[summary_id], apps[app_row.id]
        label = app_row.label
        if summary.submitted_at and summary.due and summary.submitted_at.date() > summary.due:
            result.append(
                Flag(
                    "late",
                    translate("reconcile", "应于 {due} 前提交，实际 {at:%Y-%m-%d}").format(
                        due=summary.due, at=summary.submitted_at
                    ),
                    label,
                    application_id=app.id,
                )
            )
        budget = budgets.get(app.id, {})
        for category in standards.CATEGORIES:
            actual = actuals[(summary_id, category)]
            if actual > budget.get(category, Decimal("0.00")) and not app.over_standard:
                result.append(
                    Flag(
                        "over_budget",
                        translate("reconcile", "{cat} 实际 {a} 超出批准预算 {b}").format(
                            cat=standards.category_label(category),
                            a=f"¥{actual:,.2f}",
                            b=f"¥{budget.get(category, Decimal('0.00')):,.2f}",
                        ),
                        label,
                        application_id=app.id,
                    )
                )
    for row in lines:
        decision = decisions.get(row.id)
        if row.credit or (decision is not None and decision.kind != data.HELD):
            continue  # money coming in is not a reception expense that lacks its reception
        result.append(no_reception_flag(row))
    return result


def _missing(roles: dict[str, int], claim: data.Claim, has_voucher: bool) -> tuple[str, str] | None:
    """Why a claim line that has something is not 已对账 (a line with nothing is no_evidence):
    the month is closed when every line is reconciled or carries one of these flags."""
    invoice, payment = data.INVOICE in roles, data.PAYMENT in roles
    if payment and not invoice:
        text = translate("reconcile", "{date} {vendor} {total} 已付款，未见发票（发票清单或电子发票）")
        return "no_invoice", text
    if invoice and not payment and not claim.cash:
        text = translate("reconcile", "{date} {vendor} {total} 有发票，未见付款（银行或公务卡流水）")
        return "no_payment", text
    if not roles and has_voucher:
        text = translate("reconcile", "{date} {vendor} {total} 仅有凭证，未见导入的发票或付款")
        return "voucher_only", text
    return None


def _title_problems(claims: list[data.Claim], by_claim: dict[int, dict[str, int]]) -> dict[int, list[str]]:
    """claim line id → how the 抬头 of its invoice (an attached e-invoice file, or the imported
    e-invoice matched to it) differs from the company in 设置 — a common reason to return a claim."""
    from desktop.models import InvoiceRecord
    from desktop.services.invoices import title_problems

    ids = {c.id for c in claims}
    by_imported = {
        roles[data.INVOICE]: c for c, roles in by_claim.items() if c in ids and data.INVOICE in roles
    }
    columns = (InvoiceRecord.expense_line, InvoiceRecord.imported_line, InvoiceRecord.buyer_name)
    found: dict[int, list[str]] = defaultdict(list)
    for field, wanted in (
        (InvoiceRecord.expense_line, sorted(ids)),
        (InvoiceRecord.imported_line, list(by_imported)),
    ):
        for chunk in data._chunks(wanted):
            query = InvoiceRecord.select(*columns, InvoiceRecord.buyer_tax_id).where(field.in_(chunk))
            for line_id, imported_id, buyer, buyer_tax_id in query.tuples():
                claim_id = line_id if field is InvoiceRecord.expense_line else by_imported[imported_id]
                for problem in title_problems(buyer, buyer_tax_id):
                    if problem not in found[claim_id]:
                        found[claim_id].append(problem)
    return found


def no_reception_flag(row: data.Line) -> Flag:
    total = abs(to_money(row.signed or 0))
    return Flag(
        "no_reception",
        translate("reconcile", "{date} {vendor} {total} 未匹配到已批准的接待").format(
            date=row.date, vendor=row.vendor or row.memo, total=f"¥{total:,.2f}"
        ),
        imported_id=row.id,
    )
