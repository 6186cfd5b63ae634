"""The matcher's engine: load a period's claim lines and imported lines as plain rows in a few
queries, score pairs through indexes, and decide what is certain — no model objects, no query
per reception.

Why a separate module: the old matcher built an ``Application`` per reception through
``approved_revision()`` (1,000 queries for 1,000 receptions), scored with Decimal arithmetic and
translated a reason for every pair, and the flags computed the claims a second time; 10,000
lines took 3 s. Here a claim is a slotted row with its amount in fen, pairs come only from the
invoice-number and amount indexes, vendor similarity is cached per name pair, and the reason text
is built only for the candidates shown.

Three-way: an invoice line (``ImportedLine.kind`` "invoice", also e-invoice files) evidences a
claim line, a statement line (bank or card) pays it; each claim line takes one of each, so what
is "taken" is a (claim line, role) pair.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

import peewee as pw
from rapidfuzz import fuzz

from desktop.db import database
from desktop.i18n import translate
from desktop.models import Application, ExpenseLine, ExpenseSummary, ImportBatch, ImportedLine, LineMatch

DATE_WINDOW = dt.timedelta(days=3)
AMOUNT_TOLERANCE_FEN = 100  # ¥1.00, or 1 % of the claim when that is more
STRONG_VENDOR = 85
MAX_CANDIDATES = 5
HELD = "held"  # LineMatch.kind of a line a person unmatched: reviewed by hand, never auto-matched
INVOICE, PAYMENT = "invoice", "payment"

# What agreed, as bits: the reason text is made only for candidates someone will read.
B_INVOICE, B_EXACT, B_NEAR, B_SAME_DAY, B_PERIOD, B_VENDOR = 1, 2, 4, 8, 16, 32


def role_of(kind: str) -> str:
    """An invoice list or e-invoice file evidences a claim; anything else (bank, card) pays it."""
    return INVOICE if kind in (INVOICE, "e-invoice") else PAYMENT


def fen(value) -> int:
    """Fen from what the driver returns: Decimal (PostgreSQL), int or float (SQLite's NUMERIC
    affinity), or text."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value * 100
    if isinstance(value, float):
        return round(value * 100)
    return int((Decimal(value) * 100).to_integral_value())


def _date(value) -> dt.date | None:
    """A date from a raw row: SQLite returns text ("2026-11-03" or with a time), PostgreSQL a date."""
    if value is None or type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def _raw(query) -> list[tuple]:
    """The rows of a query as the driver returns them: peewee's per-value conversion of 10,000
    rows cost more than the matching itself."""
    return database.execute(query).fetchall()


@dataclass(slots=True)
class App:
    id: int  # the approved revision the claims are checked against
    root: int
    number: str
    client: str
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return f"{self.number} {self.client}"


@dataclass(slots=True)
class Claim:
    id: int
    summary_id: int
    app: App
    date: dt.date
    vendor: str
    vkey: str
    code: str
    number: str
    fen: int
    # Paid in cash (支付方式 现金): no bank or card statement will ever show it, so the invoice
    # alone reconciles it (the reimbursement is its payment record).
    cash: bool = False


CASH_WORDS = ("现金", "cash")


def is_cash(method: str) -> bool:
    text = (method or "").strip().lower()
    return any(word in text for word in CASH_WORDS)


@dataclass(slots=True)
class Line:
    """An imported line; ``signed`` keeps the file's sign (a statement's debit is negative)."""

    id: int
    batch_id: int
    kind: str
    role: str
    date: dt.date | None
    code: str
    number: str
    vendor: str
    vkey: str
    memo: str
    signed: Decimal | None
    fen: int  # absolute amount in fen
    credit: bool  # money coming in on a statement: never a reception expense to review


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
_SPACES = re.compile(r"[\s()（）]")


def vendor_key(name: str) -> str:
    key = _SPACES.sub("", (name or "").lower())
    for suffix in _SUFFIXES:
        key = key.replace(suffix, "")
    return key


def key_similarity(x: str, y: str) -> float:
    """0–100 on normalised names. Chinese names have no spaces, so a short trade name inside a
    long registered one ("滴滴出行" in "滴滴出行科技有限公司") counts as a strong match; very short
    names do not."""
    if not x or not y:
        return 0.0
    best = fuzz.token_set_ratio(x, y)
    if min(len(x), len(y)) >= 3:
        best = max(best, fuzz.partial_ratio(x, y))
    return best


def vendor_similarity(a: str, b: str) -> float:
    return key_similarity(vendor_key(a), vendor_key(b))


def _chunks(values: list, size: int = 500):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def load_apps(roots: set[int]) -> dict[int, App]:
    """The newest approved revision of each reception, in one query per 500 receptions (the
    root itself when none is approved, so a claim is never lost)."""
    from desktop.services.applications import APPROVED

    best: dict[int, tuple[bool, int, tuple]] = {}
    for chunk in _chunks(sorted(roots)):
        query = Application.select(
            Application.id,
            Application.root,
            Application.revision,
            Application.status,
            Application.number,
            Application.client_company,
            Application.arrival,
            Application.departure,
        ).where(Application.id.in_(chunk) | Application.root.in_(chunk))
        for row in _raw(query):
            root = row[1] or row[0]
            rank = (row[3] == APPROVED, row[2] or 0)
            if root not in best or rank > best[root][:2]:
                best[root] = (*rank, row)
    return {
        root: App(row[0], root, row[4], row[5], _date(row[6]), _date(row[7]))
        for root, (_ok, _rev, row) in best.items()
    }


def _claim_query():
    return ExpenseLine.select(
        ExpenseLine.id,
        ExpenseLine.summary,
        ExpenseLine.date,
        ExpenseLine.vendor,
        ExpenseLine.invoice_code,
        ExpenseLine.invoice_no,
        ExpenseLine.total,
        ExpenseSummary.reception,
        ExpenseLine.payment_method,
    ).join(ExpenseSummary)


def _claims(rows: list[tuple]) -> list[Claim]:
    apps = load_apps({r[7] for r in rows})
    return [
        Claim(
            r[0],
            r[1],
            apps[r[7]],
            _date(r[2]),
            r[3] or "",
            vendor_key(r[3] or ""),
            r[4] or "",
            r[5] or "",
            fen(r[6]),
            is_cash(r[8]),
        )
        for r in rows
        if r[7] in apps
    ]


def load_claims(date_from: dt.date, date_to: dt.date) -> list[Claim]:
    """Claimed lines dated in the period plus the window, with their reception."""
    query = _claim_query().where(
        ExpenseLine.date >= date_from - DATE_WINDOW, ExpenseLine.date <= date_to + DATE_WINDOW
    )
    return _claims(_raw(query))


def claims_by_ids(ids: list[int]) -> list[Claim]:
    rows = []
    for chunk in _chunks(ids):
        rows += _raw(_claim_query().where(ExpenseLine.id.in_(chunk)))
    return _claims(rows)


_LINE_COLUMNS = (
    ImportedLine.id,
    ImportedLine.batch,
    ImportedLine.kind,
    ImportedLine.date,
    ImportedLine.invoice_code,
    ImportedLine.invoice_no,
    ImportedLine.vendor,
    ImportedLine.memo,
    ImportedLine.amount,
    ImportedLine.total,
)


def _line(r: tuple) -> Line:
    raw = r[9] if r[9] is not None else r[8]
    signed = None if raw is None else Decimal(fen(raw)) / 100
    kind = r[2]
    role = role_of(kind)
    return Line(
        r[0],
        r[1],
        kind,
        role,
        _date(r[3]),
        r[4] or "",
        r[5] or "",
        r[6] or "",
        vendor_key(r[6] or ""),
        r[7] or "",
        signed,
        abs(fen(signed)),
        role == PAYMENT and signed is not None and signed > 0,
    )


def load_lines(date_from: dt.date, date_to: dt.date) -> list[Line]:
    """Live imported lines dated in the period."""
    query = (
        ImportedLine.select(*_LINE_COLUMNS)
        .join(ImportBatch)
        .where(ImportBatch.live(), ImportedLine.date >= date_from, ImportedLine.date <= date_to)
        .order_by(ImportedLine.date, ImportedLine.id)
    )
    return [_line(r) for r in _raw(query)]


def lines_by_ids(ids: list[int]) -> list[Line]:
    rows = []
    for chunk in _chunks(ids):
        query = ImportedLine.select(*_LINE_COLUMNS).join(ImportBatch)
        rows += _raw(query.where(ImportBatch.live(), ImportedLine.id.in_(chunk)))
    return [_line(r) for r in rows]


@dataclass(slots=True)
class Decision:
    imported_id: int
    expense_id: int | None
    kind: str
    role: str
    score: float


def load_decisions() -> dict[int, Decision]:
    """Every decision, by imported line (one each; the table is small next to the lines)."""
    query = LineMatch.select(
        LineMatch.imported, LineMatch.expense, LineMatch.kind, LineMatch.role, LineMatch.score
    )
    return {r[0]: Decision(*r) for r in _raw(query)}


def insert_matches(rows: list[tuple]) -> None:
    """Write (imported, expense, kind, role, score, by, at) rows through the DB-API cursor:
    peewee's insert_many builds a Value node per cell and took longer than finding the matches."""
    if not rows:
        return
    fields = (
        LineMatch.imported,
        LineMatch.expense,
        LineMatch.kind,
        LineMatch.role,
        LineMatch.score,
        LineMatch.by,
        LineMatch.at,
    )
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        f'"{LineMatch._meta.table_name}"',
        ", ".join(f'"{f.column_name}"' for f in fields),
        ", ".join([database.obj.param] * len(fields)),
    )
    at = LineMatch.at.db_value
    cursor = database.obj.cursor()
    with database.atomic(), pw.__exception_wrapper__:  # IntegrityError as peewee raises it
        cursor.executemany(sql, [(*r[:6], at(r[6])) for r in rows])


def taken_pairs(decisions: dict[int, Decision]) -> set[tuple[int, str]]:
    return {(d.expense_id, d.role) for d in decisions.values() if d.expense_id is not None}


@dataclass(slots=True)
class Scored:
    points: float
    bits: int
    similarity: float
    certain: bool
    claim: Claim


class Index:
    """Claims indexed by invoice number and by amount (whole yuan), and a cache of vendor
    similarities: a line is scored only against the few claims that share its number or lie
    within a yuan of its amount."""

    def __init__(self, claims: list[Claim]):
        self.by_number: dict[str, list[Claim]] = {}
        self.by_yuan: dict[int, list[Claim]] = {}
        for c in claims:
            if c.number:
                self.by_number.setdefault(c.number, []).append(c)
            self.by_yuan.setdefault(c.fen // 100, []).append(c)
        self._similar: dict[tuple[str, str], float] = {}

    def similarity(self, a: str, b: str) -> float:
        key = (a, b)
        value = self._similar.get(key)
        if value is None:
            value = self._similar[key] = key_similarity(a, b)
        return value

    def pool(self, line: Line) -> list[Claim]:
        seen: dict[int, Claim] = {}
        if line.number:
            for c in self.by_number.get(line.number, ()):
                seen[c.id] = c
        yuan = line.fen // 100
        for bucket in (yuan - 1, yuan, yuan + 1):
            for c in self.by_yuan.get(bucket, ()):
                seen.setdefault(c.id, c)
        return list(seen.values())

    def score(self, line: Line, claim: Claim) -> Scored | None:
        """The pair's score, or None when nothing but the date would agree (not a candidate:
        a 0-point "best candidate" helps nobody).

        Certain — safe to match without a person — means the invoice number agrees (and the
        code, when both have one), or the vendor agrees strongly together with the amount and a
        date within a day. Amount and date alone never are.
        """
        points = 0.0
        bits = 0
        if (
            line.number
            and line.number == claim.number
            and (not line.code or not claim.code or line.code == claim.code)
        ):
            points += 60
            bits |= B_INVOICE
        diff = abs(line.fen - claim.fen)
        if diff == 0:
            points += 25
            bits |= B_EXACT
        elif diff <= max(AMOUNT_TOLERANCE_FEN, claim.fen // 100):
            points += 15
            bits |= B_NEAR
        similarity = 0.0
        if line.vkey and claim.vkey:
            similarity = self.similarity(line.vkey, claim.vkey)
            if similarity >= STRONG_VENDOR:
                points += 20
                bits |= B_VENDOR
            elif similarity >= 60:
                points += 8
        if not bits:
            return None
        date_close = False
        if line.date is not None:
            if line.date == claim.date:
                points += 15
                bits |= B_SAME_DAY
                date_close = True
            elif claim.app.start - DATE_WINDOW <= line.date <= claim.app.end + DATE_WINDOW:
                points += 8
                bits |= B_PERIOD
                date_close = abs((line.date - claim.date).days) <= 1
        amount_ok = bool(bits & (B_EXACT | B_NEAR))
        certain = bool(bits & B_INVOICE) or (
            bool(bits & B_VENDOR) and amount_ok and bool(bits & (B_SAME_DAY | B_PERIOD)) and date_close
        )
        return Scored(points, bits, similarity, certain, claim)

    def scored(self, line: Line, taken: set[tuple[int, str]]) -> list[Scored]:
        """Candidates of one line, best first, without claim lines already matched in its role."""
        found = []
        for claim in self.pool(line):
            if (claim.id, line.role) in taken:
                continue
            s = self.score(line, claim)
            if s is not None:
                found.append(s)
        found.sort(key=lambda s: (-s.points, s.claim.id))
        return found


def why(s: Scored) -> str:
    parts = []
    if s.bits & B_INVOICE:
        parts.append(translate("reconcile", "发票号一致"))
    if s.bits & B_EXACT:
        parts.append(translate("reconcile", "金额一致"))
    elif s.bits & B_NEAR:
        parts.append(translate("reconcile", "金额相近"))
    if s.bits & B_SAME_DAY:
        parts.append(translate("reconcile", "日期一致"))
    elif s.bits & B_PERIOD:
        parts.append(translate("reconcile", "日期在接待期间"))
    if s.bits & B_VENDOR:
        parts.append(translate("reconcile", "商户相似 {n}%").format(n=int(s.similarity)))
    return "、".join(parts)


@dataclass
class Outcome:
    """What one pass over the lines found; nothing is written here."""

    auto: list[tuple[Line, Scored]] = field(default_factory=list)
    review: list[tuple[Line, list[Scored]]] = field(default_factory=list)
    orphans: list[Line] = field(default_factory=list)
    credits: list[Line] = field(default_factory=list)


def decide(
    lines: list[Line],
    index: Index,
    taken: set[tuple[int, str]],
    held: set[int],
    progress=None,
) -> Outcome:
    """Auto-match what is certain, queue the rest with its candidates.

    Certain proposals are accepted best first, each claim line once per role: two lines that
    both look certain for one claim line cannot both take it (the ¥45 line matched twice in one
    run). A line whose proposal lost goes to review with the candidates still free.
    ``taken`` is updated with the accepted pairs.
    """
    outcome = Outcome()
    proposals: list[tuple[float, int, Line, Scored]] = []
    scored_of: dict[int, list[Scored]] = {}
    pending: list[Line] = []
    total = len(lines)
    for i, line in enumerate(lines):
        if progress is not None and (i % 500 == 0 or i == total - 1):
            progress(i + 1, total)
        if line.credit:
            outcome.credits.append(line)
            continue
        scored = index.scored(line, taken)
        scored_of[line.id] = scored
        pending.append(line)
        if scored and scored[0].certain and line.id not in held:
            # Certain, and no other certain candidate close behind (two equal taxi rides need a person).
            rivals = [s for s in scored[1:] if s.certain and scored[0].points - s.points < 10]
            if not rivals:
                proposals.append((scored[0].points, line.id, line, scored[0]))
    proposals.sort(key=lambda p: (-p[0], p[1]))
    auto_ids = set()
    for _points, _id, line, best in proposals:
        pair = (best.claim.id, line.role)
        if pair in taken:
            continue
        taken.add(pair)
        auto_ids.add(line.id)
        outcome.auto.append((line, best))
    for line in pending:
        if line.id in auto_ids:
            continue
        free = [s for s in scored_of[line.id] if (s.claim.id, line.role) not in taken]
        if free:
            outcome.review.append((line, free[:MAX_CANDIDATES]))
        else:
            outcome.orphans.append(line)
    return outcome
