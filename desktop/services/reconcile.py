"""对账: match imported invoice and statement lines to claimed expense lines, and flag what does
not fit.

In the spirit of GnuCash's import matcher, each pair gets a score from the invoice number, the
amount (exact or within a tolerance), the date (within the reception's dates plus a window) and
the vendor name's similarity (rapidfuzz). A pair is matched automatically only with an agreeing
invoice number or a strong vendor match — amount and date alone are never enough; everything
else goes to a review queue with its best candidates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import peewee as pw
from rapidfuzz import fuzz

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import (
    Application,
    ExpenseLine,
    ExpenseSummary,
    ExpenseVoucher,
    ImportBatch,
    ImportedLine,
    LineMatch,
)
from desktop.services import standards
from desktop.services.auth import Actor, require
from desktop.services.errors import NotFound
from desktop.services.expenses import check_line
from desktop.services.money import to_money

DATE_WINDOW = dt.timedelta(days=3)
AMOUNT_TOLERANCE = Decimal("1.00")
STRONG_VENDOR = 85


@dataclass(frozen=True)
class Candidate:
    expense_id: int
    reception: str  # number and client
    date: dt.date
    vendor: str
    total: Decimal
    invoice_no: str
    score: float
    why: str


@dataclass(frozen=True)
class ImportedInfo:
    id: int
    batch_id: int
    kind: str
    date: dt.date | None
    invoice_no: str
    vendor: str
    memo: str
    total: Decimal | None


@dataclass(frozen=True)
class ReviewItem:
    imported: ImportedInfo
    candidates: list[Candidate]


@dataclass(frozen=True)
class Flag:
    code: str
    message: str
    reception: str = ""
    imported_id: int | None = None
    expense_id: int | None = None
    application_id: int | None = None  # the record a flag links to


HELD = "held"  # LineMatch.kind of a line a person unmatched: reviewed by hand, never auto-matched


def _reception_label(app: Application) -> str:
    return f"{app.number} {app.client_company}"


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
        "accompany": translate("reconcile", "陪餐超标"),
        "drinks": translate("reconcile", "酒水超比例"),
    }.get(code, code)


@dataclass
class _Claim:
    line: ExpenseLine
    app: Application
    start: dt.date
    end: dt.date


def _claims(date_from: dt.date, date_to: dt.date) -> list[_Claim]:
    """Claimed lines of receptions overlapping the period (plus the window)."""
    rows = (
        ExpenseLine.select(ExpenseLine, ExpenseSummary)
        .join(ExpenseSummary)
        .where(ExpenseLine.date >= date_from - DATE_WINDOW, ExpenseLine.date <= date_to + DATE_WINDOW)
    )
    apps: dict[int, Application] = {}
    claims = []
    for line in rows:
        root = line.summary.reception_id
        if root not in apps:
            from desktop.services.arrangements import approved_revision

            apps[root] = approved_revision(root)
        app = apps[root]
        claims.append(_Claim(line, app, app.arrival.date(), app.departure.date()))
    return claims


_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "分公司",
    "集团",
    "公司",
    "co.,ltd.",
    "co.,ltd",
    "ltd",
)


def _vendor_key(name: str) -> str:
    key = re.sub(r"[\s()（）]", "", name.lower())
    for suffix in _SUFFIXES:
        key = key.replace(suffix, "")
    return key


def vendor_similarity(a: str, b: str) -> float:
    """0–100. Chinese names have no spaces, so a short trade name inside a long registered one
    ("滴滴出行" in "滴滴出行科技有限公司") counts as a strong match; very short names do not."""
    x, y = _vendor_key(a), _vendor_key(b)
    if not x or not y:
        return 0.0
    best = fuzz.token_set_ratio(x, y)
    if min(len(x), len(y)) >= 3:
        best = max(best, fuzz.partial_ratio(x, y))
    return best


def score(imported: ImportedLine, claim: _Claim) -> tuple[float, str, bool]:
    """(score, why, certain) for one pair.

    Certain — safe to match without a person — means the invoice number agrees, or the vendor
    agrees strongly together with the amount and the date. Amount and date alone never are.
    """
    line = claim.line
    points = 0.0
    why = []
    invoice_ok = vendor_ok = amount_ok = date_ok = False
    if (
        imported.invoice_no
        and line.invoice_no
        and imported.invoice_no == line.invoice_no
        and (not imported.invoice_code or not line.invoice_code or imported.invoice_code == line.invoice_code)
    ):
        points += 60
        invoice_ok = True
        why.append(translate("reconcile", "发票号一致"))
    total = abs(to_money(imported.total if imported.total is not None else imported.amount or 0))
    diff = abs(total - to_money(line.total))
    if diff == 0:
        points += 25
        amount_ok = True
        why.append(translate("reconcile", "金额一致"))
    elif diff <= max(AMOUNT_TOLERANCE, to_money(line.total) * Decimal("0.01")):
        points += 15
        amount_ok = True
        why.append(translate("reconcile", "金额相近"))
    if imported.date is not None:
        if imported.date == line.date:
            points += 15
            date_ok = True
            why.append(translate("reconcile", "日期一致"))
        elif claim.start - DATE_WINDOW <= imported.date <= claim.end + DATE_WINDOW:
            points += 8
            date_ok = True
            why.append(translate("reconcile", "日期在接待期间"))
    if imported.vendor and line.vendor:
        similarity = vendor_similarity(imported.vendor, line.vendor)
        if similarity >= STRONG_VENDOR:
            points += 20
            vendor_ok = True
            why.append(translate("reconcile", "商户相似 {n}%").format(n=int(similarity)))
        elif similarity >= 60:
            points += 8
    # Without an invoice number the vendor must agree, the amount too, and the day within one.
    date_close = imported.date is not None and abs((imported.date - line.date).days) <= 1
    certain = invoice_ok or (vendor_ok and amount_ok and date_ok and date_close)
    return points, "、".join(why), certain


def _imported_info(row: ImportedLine) -> ImportedInfo:
    total = row.total if row.total is not None else row.amount
    return ImportedInfo(
        row.id,
        row.batch_id,
        row.kind,
        row.date,
        row.invoice_no,
        row.vendor,
        row.memo,
        to_money(total) if total is not None else None,
    )


@dataclass
class Result:
    matched: int
    review: list[ReviewItem]
    unmatched_no_candidate: list[ImportedInfo]


def run(
    actor: Actor, date_from: dt.date, date_to: dt.date, progress: Callable[[int, int], None] | None = None
) -> Result:
    """Auto-match what is certain; queue the rest for review. Decided lines are left alone."""
    require(actor, "finance.import")
    claims = _claims(date_from, date_to)
    by_invoice: dict[str, list[_Claim]] = defaultdict(list)
    by_amount: dict[int, list[_Claim]] = defaultdict(list)
    for claim in claims:
        if claim.line.invoice_no:
            by_invoice[claim.line.invoice_no].append(claim)
        by_amount[int(to_money(claim.line.total))].append(claim)  # yuan bucket; ±1 checked below
    taken = {
        m.expense_id for m in LineMatch.select(LineMatch.expense).where(LineMatch.expense.is_null(False))
    }
    kinds = {m.imported_id: m.kind for m in LineMatch.select(LineMatch.imported, LineMatch.kind)}
    held = {i for i, kind in kinds.items() if kind == HELD}
    decided = kinds.keys() - held
    imported = [
        r
        for r in ImportedLine.select()
        .join(ImportBatch)
        .where(ImportBatch.live(), ImportedLine.date >= date_from, ImportedLine.date <= date_to)
        if r.id not in decided
    ]
    review: list[ReviewItem] = []
    orphans: list[ImportedInfo] = []
    matched = 0
    new_matches = []
    for i, row in enumerate(imported):
        total = abs(to_money(row.total if row.total is not None else row.amount or 0))
        pool = {id(c): c for c in by_invoice.get(row.invoice_no, [])} if row.invoice_no else {}
        for bucket in (int(total) - 1, int(total), int(total) + 1):
            for c in by_amount.get(bucket, []):
                pool.setdefault(id(c), c)
        scored = []
        for claim in pool.values():
            if claim.line.id in taken:
                continue
            points, why, strong = score(row, claim)
            scored.append((points, strong, why, claim))
        scored.sort(key=lambda s: -s[0])
        # Certain, and no other certain candidate close behind (two equal taxi rides need a person).
        rivals = [x for x in scored[1:] if x[1] and scored[0][0] - x[0] < 10] if scored else []
        if scored and scored[0][1] and not rivals and row.id not in held:
            points, _, _, claim = scored[0]
            new_matches.append(
                {
                    "imported": row.id,
                    "expense": claim.line.id,
                    "kind": "auto",
                    "score": points,
                    "by": actor.user_id or None,
                    "at": clock.now(),
                }
            )
            taken.add(claim.line.id)
            matched += 1
        elif scored:
            review.append(
                ReviewItem(
                    _imported_info(row),
                    [
                        Candidate(
                            c.line.id,
                            _reception_label(c.app),
                            c.line.date,
                            c.line.vendor,
                            to_money(c.line.total),
                            c.line.invoice_no,
                            p,
                            why,
                        )
                        for p, _, why, c in scored[:3]
                    ],
                )
            )
        else:
            orphans.append(_imported_info(row))
        if progress is not None and (i % 200 == 0 or i == len(imported) - 1):
            progress(i + 1, len(imported))
    with database.atomic():
        for start in range(0, len(new_matches), 500):
            LineMatch.insert_many(new_matches[start : start + 500]).execute()
    return Result(matched, review, orphans)


def match(actor: Actor, imported_id: int, expense_id: int) -> None:
    require(actor, "finance.import")
    with database.atomic():
        LineMatch.delete().where(LineMatch.imported == imported_id).execute()
        if not ExpenseLine.select().where(ExpenseLine.id == expense_id).exists():
            raise NotFound(translate("reconcile", "费用明细不存在。"))
        LineMatch.create(
            imported=imported_id, expense=expense_id, kind="manual", score=100, by=actor.user_id or None
        )


def unmatch(actor: Actor, imported_id: int) -> None:
    """Undo a decision. The line goes back to the review queue and is never auto-matched again:
    a person said the automatic answer was wrong."""
    require(actor, "finance.import")
    with database.atomic():
        LineMatch.delete().where(LineMatch.imported == imported_id).execute()
        LineMatch.create(imported=imported_id, expense=None, kind=HELD, by=actor.user_id or None)


def not_reception(actor: Actor, imported_id: int) -> None:
    require(actor, "finance.import")
    with database.atomic():
        LineMatch.delete().where(LineMatch.imported == imported_id).execute()
        LineMatch.create(imported=imported_id, expense=None, kind="not_reception", by=actor.user_id or None)


def flags(actor: Actor, date_from: dt.date, date_to: dt.date) -> list[Flag]:
    """Every finding of the period, each with its reason and the records it concerns."""
    require(actor, "finance.import")
    result: list[Flag] = []
    claims = [c for c in _claims(date_from, date_to) if date_from <= c.line.date <= date_to]
    matches = {m.expense_id: m for m in LineMatch.select().where(LineMatch.expense.is_null(False))}
    imported_by_id = (
        {
            r.id: r
            for r in ImportedLine.select().where(
                ImportedLine.id.in_([m.imported_id for m in matches.values()])
            )
        }
        if matches
        else {}
    )
    standard_of: dict[int, standards.StandardInfo] = {}
    with_voucher = {v.line_id for v in ExpenseVoucher.select(ExpenseVoucher.line)}
    invoices: dict[tuple[str, str], list[_Claim]] = defaultdict(list)
    summaries: dict[int, tuple[ExpenseSummary, Application]] = {}
    for claim in claims:
        line, app = claim.line, claim.app
        label = _reception_label(app)
        if app.standard_id not in standard_of:
            standard_of[app.standard_id] = standards.standard(app.standard_id)
        for check in check_line(line, standard_of[app.standard_id], app):
            result.append(Flag(check.code, check.message, label, expense_id=line.id, application_id=app.id))
        if line.invoice_no:
            invoices[(line.invoice_code, line.invoice_no)].append(claim)
        m = matches.get(line.id)
        if m is None and line.id not in with_voucher:
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
        if m is not None:
            imported = imported_by_id[m.imported_id]
            imported_total = abs(
                to_money(imported.total if imported.total is not None else imported.amount or 0)
            )
            if imported_total != to_money(line.total):
                result.append(
                    Flag(
                        "amount_differs",
                        translate("reconcile", "报销 {a}，导入 {b}").format(
                            a=f"¥{line.total:,.2f}", b=f"¥{imported_total:,.2f}"
                        ),
                        label,
                        imported_id=imported.id,
                        expense_id=line.id,
                        application_id=app.id,
                    )
                )
        summaries[line.summary_id] = (line.summary, app)
    for (_code, number), group in invoices.items():
        if len(group) > 1:
            where = "、".join(sorted({c.app.number for c in group}))
            result.append(
                Flag(
                    "duplicate_invoice",
                    translate("reconcile", "发票 {no} 被报销 {n} 次（{where}）").format(
                        no=number, n=len(group), where=where
                    ),
                    expense_id=group[-1].line.id,
                    application_id=group[-1].app.id,
                )
            )
    actuals: dict[tuple[int, str], Decimal] = defaultdict(lambda: Decimal("0.00"))
    for claim in claims:
        actuals[(claim.line.summary_id, claim.line.category)] += to_money(claim.line.total)
    for summary, app in summaries.values():
        label = _reception_label(app)
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
        budget = {b.category: to_money(b.amount) for b in app.budget_lines}
        for category in standards.CATEGORIES:
            actual = actuals[(summary.id, category)]
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
    decided = {m.imported_id for m in LineMatch.select(LineMatch.imported).where(LineMatch.kind != HELD)}
    for row in (
        ImportedLine.select()
        .join(ImportBatch)
        .where(ImportBatch.live(), ImportedLine.date >= date_from, ImportedLine.date <= date_to)
    ):
        if row.id not in decided:
            result.append(
                Flag(
                    "no_reception",
                    translate("reconcile", "{date} {vendor} {total} 未匹配到已批准的接待").format(
                        date=row.date,
                        vendor=row.vendor or row.memo,
                        total=f"¥{abs(to_money(row.total or row.amount or 0)):,.2f}",
                    ),
                    imported_id=row.id,
                )
            )
    return result


def report_data(actor: Actor, date_from: dt.date, date_to: dt.date, company: str):
    """Everything the 对账报告 shows, as rows (the exporter lays them out)."""
    from desktop.exporters.finance_reports import ReportData

    require(actor, "finance.import")
    flags_found = flags(actor, date_from, date_to)
    rows = (
        ImportedLine.select()
        .join(ImportBatch)
        .where(ImportBatch.live(), ImportedLine.date >= date_from, ImportedLine.date <= date_to)
        .order_by(ImportedLine.date, ImportedLine.id)
    )
    decisions = {m.imported_id: m for m in LineMatch.select().where(LineMatch.kind != HELD)}
    matched, unmatched = [], []
    review = {item.imported.id: item for item in run_preview(actor, date_from, date_to)}
    for row in rows:
        total = to_money(row.total if row.total is not None else row.amount or 0)
        m = decisions.get(row.id)
        if m is not None and m.expense_id is not None:
            line = ExpenseLine.get_by_id(m.expense_id)
            app = Application.get_by_id(line.summary.reception_id)
            matched.append(
                [
                    row.date,
                    row.invoice_no,
                    row.vendor,
                    _direction(row, total),
                    abs(total),
                    _reception_label(app),
                    line.date,
                    to_money(line.total),
                    "自动" if m.kind == "auto" else "手工",
                    round(m.score),
                ]
            )
        elif m is None:
            item = review.get(row.id)
            best = item.candidates[0] if item and item.candidates else None
            unmatched.append(
                [
                    row.date,
                    row.invoice_no,
                    row.vendor,
                    row.memo,
                    _direction(row, total),
                    abs(total),
                    best.reception if best else "",
                    round(best.score) if best else "",
                    best.why if best else "",
                ]
            )
    summary = [
        ("已匹配", len(matched)),
        ("未匹配（待复核）", len(unmatched)),
        ("非接待费用", sum(1 for m in decisions.values() if m.kind == "not_reception")),
        ("问题", len(flags_found)),
    ]
    # No internal row ids on paper: the message and the reception say what the flag is about.
    flag_rows = [[flag_label(f.code), f.message, f.reception] for f in flags_found]
    return ReportData(company, date_from, date_to, matched, unmatched, flag_rows, summary)


def _direction(row: ImportedLine, total) -> str:
    """支出 or 收入 instead of a bare sign: a statement's debit is negative (credit − debit), an
    invoice we received is positive (a red-letter invoice, negative, gives money back)."""
    paid_out = total < 0 if row.kind == "statement" else total >= 0
    return translate("reconcile", "支出") if paid_out else translate("reconcile", "收入")


def run_preview(actor: Actor, date_from: dt.date, date_to: dt.date) -> list[ReviewItem]:
    """The review queue's candidates without writing matches (for reports)."""
    with database.atomic() as transaction:
        result = run(actor, date_from, date_to)
        transaction.rollback()
    return result.review


@dataclass(frozen=True)
class MatchedInfo:
    imported: ImportedInfo
    reception: str
    expense_date: dt.date
    expense_total: Decimal
    kind: str
    score: float


def matched(actor: Actor, date_from: dt.date, date_to: dt.date) -> list[MatchedInfo]:
    """Decided lines of the period (matched or set aside), newest first — for undoing a decision."""
    require(actor, "finance.import")
    rows = (
        LineMatch.select(LineMatch, ImportedLine, ExpenseLine, ExpenseSummary, Application)
        .join(ImportedLine)
        .switch(LineMatch)
        .join(ExpenseLine, pw.JOIN.LEFT_OUTER)
        .join(ExpenseSummary, pw.JOIN.LEFT_OUTER)
        .join(Application, pw.JOIN.LEFT_OUTER)
        .where(ImportedLine.date >= date_from, ImportedLine.date <= date_to, LineMatch.kind != HELD)
        .order_by(ImportedLine.date.desc())
    )
    result = []
    for m in rows:
        if m.expense_id is not None:
            line = m.expense
            label, when, total = _reception_label(line.summary.reception), line.date, to_money(line.total)
        else:
            label, when, total = translate("reconcile", "（非接待费用）"), m.imported.date, Decimal("0.00")
        result.append(MatchedInfo(_imported_info(m.imported), label, when, total, m.kind, m.score))
    return result
