"""对账: match imported invoice and statement lines to claimed expense lines, and flag what does
not fit.

In the spirit of GnuCash's import matcher, each pair gets a score from the invoice number, the
amount (exact or within a tolerance), the date (within the reception's dates plus a window) and
the vendor name's similarity (rapidfuzz). A pair is matched automatically only with an agreeing
invoice number or a strong vendor match — amount and date alone are never enough; everything
else goes to a review queue with its candidates.

Three-way (issue 13): an invoice (list or e-invoice file) evidences a claim line and a payment
(bank or card statement line) pays it. Each claim line takes one invoice match and one payment
match, decided separately; a claim line already matched in a role is never offered again for
that role nor accepted by :func:`match`. The engine lives in ``reconcile_data``, the findings
and the three-way states in ``reconcile_report``, finance's standing rules in
``reconcile_rules``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from desktop import clock
from desktop.db import database
from desktop.i18n import chinese_form, translate
from desktop.models import Application, ExpenseLine, ExpenseSummary, LineMatch
from desktop.services import audit
from desktop.services import reconcile_data as data
from desktop.services import reconcile_report as report
from desktop.services import reconcile_rules as rules
from desktop.services.auth import Actor, require
from desktop.services.errors import NotFound, ServiceError
from desktop.services.money import to_money
from desktop.services.reconcile_data import DATE_WINDOW, HELD, INVOICE, PAYMENT, vendor_similarity
from desktop.services.reconcile_report import ClaimState, Flag, StateCounts, flag_label, state_label

__all__ = [
    "DATE_WINDOW",
    "HELD",
    "INVOICE",
    "PAYMENT",
    "BulkOutcome",
    "Candidate",
    "ClaimState",
    "Flag",
    "ImportedInfo",
    "MatchedInfo",
    "Overview",
    "Result",
    "ReviewItem",
    "StateCounts",
    "flag_label",
    "flags",
    "match",
    "match_many",
    "matched",
    "not_reception",
    "not_reception_many",
    "overview",
    "report_data",
    "run",
    "search_claims",
    "state_label",
    "state_counts",
    "states",
    "unmatch",
    "vendor_similarity",
]


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
    role: str = PAYMENT  # invoice (evidences a claim) | payment (pays it)
    credit: bool = False  # money in on a statement


@dataclass(frozen=True)
class ReviewItem:
    imported: ImportedInfo
    candidates: list[Candidate]


@dataclass
class Result:
    matched: int
    review: list[ReviewItem]
    unmatched_no_candidate: list[ImportedInfo]
    credits: list[ImportedInfo] = field(default_factory=list)  # not review items: money in
    by_rule: int = 0  # lines the saved rules set aside in this run


@dataclass(frozen=True)
class MatchedInfo:
    imported: ImportedInfo
    reception: str
    expense_date: dt.date
    expense_total: Decimal
    kind: str
    score: float
    role: str = PAYMENT
    expense_id: int | None = None


@dataclass
class BulkOutcome:
    """A bulk decision: what was decided, and what was refused with its one-sentence reason."""

    done: list[MatchedInfo] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (imported id, why)


@dataclass
class Overview:
    """Everything the reconciliation window shows, from one load of the period."""

    result: Result
    flags: list[Flag]
    decided: list[MatchedInfo]
    states: list[ClaimState]
    summary: list[StateCounts]


def role_label(role: str) -> str:
    return translate("reconcile", "发票") if role == INVOICE else translate("reconcile", "付款")


def _info(line: data.Line) -> ImportedInfo:
    total = to_money(line.signed) if line.signed is not None else None
    return ImportedInfo(
        line.id,
        line.batch_id,
        line.kind,
        line.date,
        line.number,
        line.vendor,
        line.memo,
        total,
        line.role,
        line.credit,
    )


def _candidate(s: data.Scored) -> Candidate:
    c = s.claim
    return Candidate(
        c.id, c.app.label, c.date, c.vendor, Decimal(c.fen) / 100, c.number, s.points, data.why(s)
    )


def _review(line: data.Line, scored: list[data.Scored]) -> ReviewItem:
    return ReviewItem(_info(line), [_candidate(s) for s in scored])


def _compute(
    date_from: dt.date, date_to: dt.date, progress=None
) -> tuple[list[data.Claim], list[data.Line], dict[int, data.Decision], data.Outcome]:
    """One load of the period and one pass of the matcher; returns every live line of the
    period (decided ones too) for the flags and the decided list."""
    claims = data.load_claims(date_from, date_to)
    decisions = data.load_decisions()
    held = {i for i, d in decisions.items() if d.kind == HELD}
    lines = data.load_lines(date_from, date_to)
    undecided = [x for x in lines if x.id not in decisions or x.id in held]
    outcome = data.decide(undecided, data.Index(claims), data.taken_pairs(decisions), held, progress)
    return claims, lines, decisions, outcome


def _write_auto(actor: Actor, outcome: data.Outcome, decisions: dict[int, data.Decision]) -> None:
    now, by = clock.now(), actor.user_id or None
    rows = [(line.id, s.claim.id, "auto", line.role, s.points, by, now) for line, s in outcome.auto]
    with database.atomic():
        data.insert_matches(rows)
        if rows:  # one audit entry per run: how many lines the program matched by itself
            audit.record(actor, "match", "reconcile", "", {"auto": (None, len(rows))})
    for line, s in outcome.auto:
        decisions[line.id] = data.Decision(line.id, s.claim.id, "auto", line.role, s.points)


def _result(outcome: data.Outcome, by_rule: int) -> Result:
    return Result(
        len(outcome.auto),
        [_review(line, scored) for line, scored in outcome.review],
        [_info(line) for line in outcome.orphans],
        [_info(line) for line in outcome.credits],
        by_rule,
    )


def run(
    actor: Actor, date_from: dt.date, date_to: dt.date, progress: Callable[[int, int], None] | None = None
) -> Result:
    """Apply the saved rules, auto-match what is certain, queue the rest for review. Decided
    lines are left alone."""
    require(actor, "finance.import")
    by_rule = rules.apply_rules(actor)
    _claims, _lines, decisions, outcome = _compute(date_from, date_to, progress)
    _write_auto(actor, outcome, decisions)
    return _result(outcome, by_rule)


def overview(
    actor: Actor, date_from: dt.date, date_to: dt.date, progress: Callable[[int, int], None] | None = None
) -> Overview:
    """:func:`run`, then the flags, the decided lines and the three-way states of the period —
    all from the one load the matching made (the claims used to be computed twice)."""
    require(actor, "finance.import")
    by_rule = rules.apply_rules(actor)
    claims, lines, decisions, outcome = _compute(date_from, date_to, progress)
    _write_auto(actor, outcome, decisions)
    found = report.flags(claims, decisions, lines, date_from, date_to)
    claim_states = report.claim_states(claims, decisions, date_from, date_to, lines)
    return Overview(
        _result(outcome, by_rule),
        found,
        _decided(lines, decisions, claims),
        claim_states,
        report.state_summary(claim_states),
    )


def flags(actor: Actor, date_from: dt.date, date_to: dt.date) -> list[Flag]:
    """Every finding of the period, each with its reason and the records it concerns."""
    require(actor, "finance.import")
    claims = data.load_claims(date_from, date_to)
    return report.flags(
        claims, data.load_decisions(), data.load_lines(date_from, date_to), date_from, date_to
    )


def states(actor: Actor, date_from: dt.date, date_to: dt.date) -> list[ClaimState]:
    """The three-way state of every claim line of the period."""
    require(actor, "finance.import")
    return report.claim_states(
        data.load_claims(date_from, date_to), data.load_decisions(), date_from, date_to
    )


def state_counts(actor: Actor, date_from: dt.date, date_to: dt.date) -> list[StateCounts]:
    """The three-way counts per reception and for the period, without matching again: after a
    decision in the window the counts follow it (they stayed as before until the next 运行对账)."""
    require(actor, "finance.import")
    claims = data.load_claims(date_from, date_to)
    lines = data.load_lines(date_from, date_to)
    return report.state_summary(report.claim_states(claims, data.load_decisions(), date_from, date_to, lines))


# ---- decisions ---------------------------------------------------------------------------


def _live_line(imported_id: int) -> data.Line:
    found = data.lines_by_ids([imported_id])
    if not found:
        raise NotFound(translate("reconcile", "导入记录不存在或其批次已撤销。"))
    return found[0]


def _taken_message(role: str, other: LineMatch) -> str:
    imported = other.imported
    total = imported.total if imported.total is not None else imported.amount
    return translate(
        "reconcile",
        "这条费用明细已匹配{what}（{date} {vendor} ¥{total}）；一条费用明细只匹配一张发票和一笔付款，"
        "请先取消那条匹配。",
    ).format(
        what=role_label(role),
        date=imported.date or "",
        vendor=imported.vendor or imported.memo,
        total=f"{abs(to_money(total or 0)):,.2f}",
    )


def _matched_info(line: data.Line, claim: data.Claim | None, kind: str, points: float) -> MatchedInfo:
    if claim is None:
        return MatchedInfo(
            _info(line),
            translate("reconcile", "（非接待费用）"),
            line.date,
            Decimal("0.00"),
            kind,
            0,
            line.role,
        )
    return MatchedInfo(
        _info(line), claim.app.label, claim.date, Decimal(claim.fen) / 100, kind, points, line.role, claim.id
    )


def _match_one(actor: Actor, imported_id: int, expense_id: int) -> MatchedInfo:
    line = _live_line(imported_id)
    claims = data.claims_by_ids([expense_id])
    if not claims:
        raise NotFound(translate("reconcile", "费用明细不存在。"))
    claim = claims[0]
    other = (
        LineMatch.select()
        .where(
            LineMatch.expense == expense_id, LineMatch.role == line.role, LineMatch.imported != imported_id
        )
        .first()
    )
    if other is not None:
        raise ServiceError(_taken_message(line.role, other))
    scored = data.Index([]).score(line, claim)
    points = scored.points if scored is not None else 0.0
    before = _decision_text(imported_id)
    LineMatch.delete().where(LineMatch.imported == imported_id).execute()
    LineMatch.create(
        imported=imported_id,
        expense=expense_id,
        kind="manual",
        role=line.role,
        score=points,
        by=actor.user_id or None,
    )
    audit.record(actor, "match", "reconcile", imported_id, {"decision": (before, f"manual:{expense_id}")})
    return _matched_info(line, claim, "manual", points)


def _decision_text(imported_id: int) -> str | None:
    """A line's decision before a change, as the audit trail shows it ("kind:expense id")."""
    row = LineMatch.select().where(LineMatch.imported == imported_id).first()
    return None if row is None else f"{row.kind}:{row.expense_id or ''}".rstrip(":")


def match(actor: Actor, imported_id: int, expense_id: int) -> MatchedInfo:
    """Match an imported line to a claim line by hand. Refused (one sentence) when the claim line
    already has a match of this line's role: an invoice or a payment is never counted twice."""
    require(actor, "finance.import")
    with database.atomic():
        return _match_one(actor, imported_id, expense_id)


def match_many(actor: Actor, pairs: list[tuple[int, int]]) -> BulkOutcome:
    """Several matches at once (每条匹配最佳候选): each is checked like :func:`match`; a pair
    whose claim line was taken — also by an earlier pair of the same call — is refused, the
    others are kept."""
    require(actor, "finance.import")
    outcome = BulkOutcome()
    with database.atomic():
        for imported_id, expense_id in pairs:
            try:
                with database.atomic():
                    outcome.done.append(_match_one(actor, imported_id, expense_id))
            except ServiceError as exc:
                outcome.refused.append((imported_id, str(exc)))
    return outcome


def _set_aside(actor: Actor, line: data.Line) -> MatchedInfo:
    before = _decision_text(line.id)
    LineMatch.delete().where(LineMatch.imported == line.id).execute()
    LineMatch.create(
        imported=line.id, expense=None, kind="not_reception", role=line.role, by=actor.user_id or None
    )
    audit.record(actor, "decide", "reconcile", line.id, {"decision": (before, "not_reception")})
    return _matched_info(line, None, "not_reception", 0)


def not_reception(actor: Actor, imported_id: int) -> MatchedInfo:
    require(actor, "finance.import")
    with database.atomic():
        return _set_aside(actor, _live_line(imported_id))


def not_reception_many(actor: Actor, imported_ids: list[int]) -> BulkOutcome:
    """非接待费用 for every selected line, in one transaction."""
    require(actor, "finance.import")
    outcome = BulkOutcome()
    with database.atomic():
        found = {line.id: line for line in data.lines_by_ids(list(imported_ids))}
        for imported_id in imported_ids:
            line = found.get(imported_id)
            if line is None:
                outcome.refused.append(
                    (imported_id, translate("reconcile", "导入记录不存在或其批次已撤销。"))
                )
                continue
            outcome.done.append(_set_aside(actor, line))
    return outcome


def unmatch(actor: Actor, imported_id: int) -> ReviewItem:
    """Undo a decision. The line goes back to the review queue — returned with its candidates,
    so the window puts it back without re-running everything — and is never auto-matched again:
    a person said the automatic answer was wrong."""
    require(actor, "finance.import")
    with database.atomic():
        line = _live_line(imported_id)
        before = _decision_text(imported_id)
        LineMatch.delete().where(LineMatch.imported == imported_id).execute()
        LineMatch.create(
            imported=imported_id, expense=None, kind=HELD, role=line.role, by=actor.user_id or None
        )
        audit.record(actor, "unmatch", "reconcile", imported_id, {"decision": (before, HELD)})
        return review_item(actor, imported_id)


def _claims_near(line: data.Line) -> list[data.Claim]:
    """The claim lines one imported line could belong to: the same invoice number, or an amount
    within a yuan dated within six weeks (date index), without loading the period."""
    low, high = Decimal(line.fen // 100 - 1), Decimal(line.fen // 100 + 2)
    condition = (
        (ExpenseLine.total >= low)
        & (ExpenseLine.total < high)
        & (ExpenseLine.date >= (line.date or dt.date.min) - dt.timedelta(days=45))
        & (ExpenseLine.date <= (line.date or dt.date.max) + dt.timedelta(days=45))
    )
    if line.number:
        condition = condition | (ExpenseLine.invoice_no == line.number)
    ids = [i for (i,) in ExpenseLine.select(ExpenseLine.id).where(condition).tuples()]
    return data.claims_by_ids(ids)


def review_item(actor: Actor, imported_id: int) -> ReviewItem:
    """One line of the queue with its current candidates."""
    require(actor, "finance.import")
    line = _live_line(imported_id)
    taken = {
        (e, r)
        for e, r in LineMatch.select(LineMatch.expense, LineMatch.role)
        .where(LineMatch.expense.is_null(False), LineMatch.role == line.role)
        .tuples()
    }
    scored = data.Index(_claims_near(line)).scored(line, taken)
    return _review(line, scored[: data.MAX_CANDIDATES])


def search_claims(
    actor: Actor, text: str, imported_id: int | None = None, limit: int = 50
) -> list[Candidate]:
    """Claim lines found by reception number or client, vendor, invoice number or amount — any
    claim line, not only the scored candidates. With ``imported_id`` each is scored against that
    line, and claim lines already matched in its role are left out."""
    require(actor, "finance.import")
    text = (text or "").strip()
    if not text:
        return []
    condition = (
        Application.number.contains(text)
        | Application.client_company.contains(text)
        | ExpenseLine.vendor.contains(text)
        | ExpenseLine.invoice_no.contains(text)
    )
    try:
        amount = to_money(text)
    except (InvalidOperation, ValueError):
        amount = None
    if amount is not None and amount > 0:
        condition = condition | (ExpenseLine.total == amount)
    line = _live_line(imported_id) if imported_id is not None else None
    query = (
        ExpenseLine.select(ExpenseLine.id)
        .join(ExpenseSummary)
        .join(Application, on=(ExpenseSummary.reception == Application.id))
        .where(condition)
    )
    if line is not None:
        taken = LineMatch.select(LineMatch.expense).where(
            LineMatch.expense.is_null(False), LineMatch.role == line.role, LineMatch.imported != line.id
        )
        query = query.where(ExpenseLine.id.not_in(taken))
    ids = [i for (i,) in query.order_by(ExpenseLine.date.desc(), ExpenseLine.id.desc()).limit(limit).tuples()]
    claims = {c.id: c for c in data.claims_by_ids(ids)}
    index = data.Index([])
    found = []
    for i in ids:
        claim = claims.get(i)
        if claim is None:
            continue
        scored = index.score(line, claim) if line is not None else None
        if scored is not None:
            found.append(_candidate(scored))
        else:
            found.append(
                Candidate(
                    claim.id,
                    claim.app.label,
                    claim.date,
                    claim.vendor,
                    Decimal(claim.fen) / 100,
                    claim.number,
                    0,
                    "",
                )
            )
    found.sort(key=lambda c: -c.score)
    return found


def matched(actor: Actor, date_from: dt.date, date_to: dt.date) -> list[MatchedInfo]:
    """Decided lines of the period (matched or set aside), newest first — for undoing a decision."""
    require(actor, "finance.import")
    return _decided(data.load_lines(date_from, date_to), data.load_decisions(), [])


def _decided(
    lines: list[data.Line], decisions: dict[int, data.Decision], claims: list[data.Claim]
) -> list[MatchedInfo]:
    lines = [x for x in lines if x.id in decisions and decisions[x.id].kind != HELD]
    by_id = {c.id: c for c in claims}
    missing = sorted({decisions[x.id].expense_id for x in lines} - {None} - by_id.keys())
    by_id.update({c.id: c for c in data.claims_by_ids(missing)})
    result = []
    for line in sorted(lines, key=lambda x: (x.date, x.id), reverse=True):
        d = decisions[line.id]
        claim = by_id.get(d.expense_id) if d.expense_id else None
        result.append(_matched_info(line, claim, d.kind, d.score))
    return result


@chinese_form
def report_data(actor: Actor, date_from: dt.date, date_to: dt.date, company: str):
    """Everything the 对账报告 shows, as rows (the exporter lays them out). Nothing is written:
    the unmatched lines carry the candidates a run would offer.

    The rows carry labels of codes (states, flags, kinds): they are the printed form's, so they
    are Chinese whatever the window's language (the exporter receives text, not codes)."""
    from desktop.exporters.finance_reports import ReportData

    require(actor, "finance.import")
    claims = data.load_claims(date_from, date_to)
    decisions = data.load_decisions()
    lines = data.load_lines(date_from, date_to)
    held = {i for i, d in decisions.items() if d.kind == HELD}
    undecided = [x for x in lines if x.id not in decisions or x.id in held]
    # Every undecided line counts as held: the report shows what a run would offer, writes nothing.
    outcome = data.decide(
        undecided, data.Index(claims), data.taken_pairs(decisions), {x.id for x in undecided}
    )
    best = {line.id: scored[0] for line, scored in outcome.review}
    claims_by_id = {c.id: c for c in claims}
    missing = sorted(
        {d.expense_id for d in decisions.values() if d.expense_id and d.expense_id not in claims_by_id}
    )
    claims_by_id.update({c.id: c for c in data.claims_by_ids(missing)})
    found = report.flags(claims, decisions, lines, date_from, date_to)
    claim_states = report.claim_states(claims, decisions, date_from, date_to, lines)
    kind_text = {"auto": translate("reconcile", "自动"), "manual": translate("reconcile", "手工")}
    matched_rows, unmatched_rows = [], []
    for row in lines:
        total = to_money(row.signed or 0)
        d = decisions.get(row.id)
        if d is not None and d.expense_id is not None:
            claim = claims_by_id.get(d.expense_id)
            if claim is None:
                continue
            matched_rows.append(
                [
                    row.date,
                    row.number,
                    row.vendor,
                    _direction(row, total),
                    abs(total),
                    claim.app.label,
                    claim.date,
                    Decimal(claim.fen) / 100,
                    f"{kind_text.get(d.kind, d.kind)}·{role_label(d.role)}",
                    round(d.score),
                ]
            )
        elif d is None or d.kind == HELD:
            if row.credit:
                continue  # money in: listed in the summary count, not as a line to explain
            s = best.get(row.id)
            unmatched_rows.append(
                [
                    row.date,
                    row.number,
                    row.vendor,
                    row.memo,
                    _direction(row, total),
                    abs(total),
                    s.claim.app.label if s else "",
                    round(s.points) if s else "",
                    data.why(s) if s else "",
                ]
            )
    counts = report.state_summary(claim_states)[-1].counts
    summary = [
        ("已匹配", len(matched_rows)),
        ("未匹配（待复核）", len(unmatched_rows)),
        (
            "非接待费用",
            sum(1 for x in lines if x.id in decisions and decisions[x.id].kind == "not_reception"),
        ),
        ("收入（贷方，未处理）", sum(1 for x in undecided if x.credit)),
        ("问题", len(found)),
    ]
    summary += [(f"报销明细·{report.state_label(code)}", counts[code]) for code in report.STATES]
    # No internal row ids on paper: the message and the reception say what the flag is about.
    flag_rows = [[flag_label(f.code), f.message, f.reception] for f in found]
    return ReportData(company, date_from, date_to, matched_rows, unmatched_rows, flag_rows, summary)


def _direction(row: data.Line, total) -> str:
    """支出 or 收入 instead of a bare sign for a statement line (its debit is negative: credit −
    debit). An invoice moves no money: it is a 发票, or a 红字发票 when negative (it cancels one)."""
    if row.role == INVOICE:
        return translate("reconcile", "发票") if total >= 0 else translate("reconcile", "红字发票")
    return translate("reconcile", "支出") if total < 0 else translate("reconcile", "收入")


def run_preview(actor: Actor, date_from: dt.date, date_to: dt.date) -> list[ReviewItem]:
    """The review queue's candidates without writing matches (for reports)."""
    require(actor, "finance.import")
    claims = data.load_claims(date_from, date_to)
    decisions = data.load_decisions()
    held = {i for i, d in decisions.items() if d.kind == HELD}
    lines = [x for x in data.load_lines(date_from, date_to) if x.id not in decisions or x.id in held]
    outcome = data.decide(lines, data.Index(claims), data.taken_pairs(decisions), held)
    return [_review(line, scored) for line, scored in outcome.review]
