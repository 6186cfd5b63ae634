"""Reconciliation speed (issue 14): prints figures next to a bare baseline measured in the same
run; never fails on timing.

    python bench/bench_reconcile.py [--lines 10000] [--receptions 1000] [--runs 5]

The database: R approved receptions with L/(2R) claim lines each; L imported lines — half an
invoice list carrying the claim lines' invoice numbers (one in three without, found by vendor),
half a card statement paying them (vendor, amount, date), and one statement line in ten a
customer receipt (a credit). So every claim line can be reconciled three ways.

Figures (medians of ``--runs`` interleaved runs):
1. the matcher (``reconcile.run``: load, score, auto-match, write) against the bare floor — one
   ``SELECT`` of the same imported and claim rows through the DB-API cursor and a dict join on
   the invoice number;
2. what the window runs when it opens (``reconcile.overview``: the above plus flags, decided
   lines and three-way states);
3. one decision as the window makes it (match / 非接待费用 / unmatch, each a service call that
   returns what the window puts in place) against a bare one-row INSERT + DELETE in one
   transaction.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop import db, paths  # noqa: E402

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def build(lines: int, receptions: int) -> int:
    """Fill the database; returns the bench user's id (decisions are recorded under it)."""
    from desktop.models import (
        Application,
        Department,
        ExpenseLine,
        ExpenseSummary,
        ImportBatch,
        ImportedLine,
        LevelStandard,
        ReceptionLevel,
        User,
    )
    from desktop.services.auth import hash_password

    rng = random.Random(2)
    user = User.create(username="bench", password_hash=hash_password("benchmark"))
    dep = Department.create(name="销售部")
    level = ReceptionLevel.get(ReceptionLevel.code == "C")
    std = LevelStandard.get(LevelStandard.level == level)
    start = dt.date(2026, 1, 5)
    per = max(1, lines // (2 * receptions))
    with db.database.atomic():
        Application.insert_many(
            [
                dict(
                    number=f"JD-B-{i:05d}",
                    status="approved",
                    applicant=user,
                    department=dep,
                    client_company=f"客户{i}",
                    level=level,
                    standard=std,
                    arrival=dt.datetime.combine(start + dt.timedelta(days=i % 300), dt.time(9)),
                    departure=dt.datetime.combine(start + dt.timedelta(days=i % 300), dt.time(17)),
                    total=Decimal("1000"),
                )
                for i in range(receptions)
            ]
        ).execute()
        apps = list(Application.select())
        ExpenseSummary.insert_many([dict(reception=a.id, status="submitted") for a in apps]).execute()
        summaries = {s.reception_id: s.id for s in ExpenseSummary.select()}
        invoices = ImportBatch.create(file_name="发票清单", file_hash="i", kind="invoice")
        card = ImportBatch.create(file_name="公务卡", file_hash="s", kind="statement")
        claimed, imported = [], []
        n = 0
        for a in apps:
            day = a.arrival.date()
            for _ in range(per):
                amount = Decimal(rng.randrange(2000, 300000)) / 100
                vendor = f"供应商{rng.randrange(500)}"
                number = f"{30000000 + n}" if n % 3 else ""
                claimed.append(
                    dict(
                        summary=summaries[a.id],
                        category="meals",
                        date=day,
                        vendor=vendor,
                        invoice_no=number,
                        total=amount,
                    )
                )
                imported.append(
                    dict(
                        batch=invoices,
                        row=n + 2,
                        kind="invoice",
                        date=day,
                        invoice_no=number or f"{90000000 + n}",
                        vendor=vendor + "有限公司",
                        total=amount,
                        amount=amount,
                        content_hash=f"i{n}",
                    )
                )
                receipt = n % 10 == 9
                imported.append(
                    dict(
                        batch=card,
                        row=n + 2,
                        kind="statement",
                        date=day,
                        vendor="某客户回款" if receipt else vendor + "有限公司",
                        memo="货款" if receipt else "消费",
                        total=amount if receipt else -amount,
                        amount=amount if receipt else -amount,
                        content_hash=f"s{n}",
                    )
                )
                n += 1
        for i in range(0, len(claimed), 1000):
            ExpenseLine.insert_many(claimed[i : i + 1000]).execute()
        for i in range(0, len(imported), 1000):
            ImportedLine.insert_many(imported[i : i + 1000]).execute()
    return user.id


def bare_read() -> int:
    """The floor: the same rows through the cursor, joined on the invoice number in a dict."""
    cursor = db.database.obj.cursor()
    cursor.execute(
        "SELECT l.id, l.kind, l.date, l.invoice_code, l.invoice_no, l.vendor, l.memo, l.amount, l.total "
        "FROM imported_line l JOIN import_batch b ON b.id = l.batch_id WHERE l.date BETWEEN ? AND ?",
        (PERIOD[0].isoformat(), PERIOD[1].isoformat()),
    )
    imported = cursor.fetchall()
    cursor.execute(
        "SELECT e.id, e.date, e.vendor, e.invoice_code, e.invoice_no, e.total, a.number, a.arrival "
        "FROM expense_line e JOIN expense_summary s ON s.id = e.summary_id "
        "JOIN application a ON a.id = s.reception_id WHERE e.date BETWEEN ? AND ?",
        ((PERIOD[0] - dt.timedelta(days=3)).isoformat(), (PERIOD[1] + dt.timedelta(days=3)).isoformat()),
    )
    by_number = {}
    for row in cursor.fetchall():
        if row[4]:
            by_number[row[4]] = row
    return sum(1 for row in imported if row[4] in by_number)


def median_of(runs: int, *steps):
    """Run the steps interleaved ``runs`` times; the median seconds of each (a step may return a
    clean-up callable run untimed after it)."""
    times = [[] for _ in steps]
    results = [None] * len(steps)
    for _ in range(runs):
        for i, step in enumerate(steps):
            start = time.perf_counter()
            results[i] = step()
            times[i].append(time.perf_counter() - start)
            if callable(results[i]):
                results[i]()
    return [statistics.median(t) for t in times], results


def line(label: str, seconds: float, baseline: float | None = None, note: str = "") -> None:
    ratio = f"  ({seconds / baseline:5.1f}× the baseline)" if baseline else ""
    print(f"{label:<58} {seconds * 1000:9.1f} ms{ratio} {note}")


def bench(lines: int, receptions: int, folder: Path, runs: int = 5) -> None:
    from desktop.models import LineMatch
    from desktop.services import reconcile, setup
    from desktop.services.auth import FINANCE, Actor

    db.open_database(f"sqlite:///{folder / 'reconcile.sqlite3'}")
    setup.ensure_defaults()
    user_id = build(lines, receptions)
    actor = Actor(user_id=user_id, username="bench", display_name="", roles=frozenset({FINANCE}))
    claims = reconcile.states(actor, *PERIOD)
    print(
        f"{lines:,} imported lines (invoices + card statement) × {len(claims):,} claim lines "
        f"of {receptions:,} receptions; medians of {runs} interleaved runs"
    )
    outcome = {}

    def matcher():
        outcome["run"] = reconcile.run(actor, *PERIOD)
        return lambda: LineMatch.delete().execute()  # the next run starts from nothing decided

    def window():
        outcome["overview"] = reconcile.overview(actor, *PERIOD)
        return lambda: LineMatch.delete().execute()

    (t_bare, t_run, t_window), _ = median_of(runs, bare_read, matcher, window)
    line("bare read of the same rows (cursor + dict join)", t_bare)
    result = outcome["run"]
    line(
        "reconcile.run: load, score, auto-match, write",
        t_run,
        t_bare,
        f"target ≤ 1000 ms; {result.matched:,} matched, {len(result.review):,} review, "
        f"{len(result.credits):,} credits",
    )
    view = outcome["overview"]
    line("reconcile.overview (window opens: + flags, states)", t_window, t_bare, f"{len(view.flags):,} flags")
    reconcile.run(actor, *PERIOD)  # the decisions below act on a reconciled period
    decided = reconcile.matched(actor, *PERIOD)
    victims = [m for m in decided if m.expense_id is not None][: runs * 2]
    cursor = db.database.obj.cursor()
    credits = [c.id for c in result.credits][: runs + 1]
    some_line = credits.pop()  # undecided: the bare write can insert and remove its decision

    def bare_decision():
        with db.database.atomic():
            cursor.execute(
                "INSERT INTO line_match (imported_id, kind, role, score, at) VALUES (?, 'x', 'x', 0, ?)",
                (some_line, dt.datetime(2026, 1, 1).isoformat()),
            )
            cursor.execute("DELETE FROM line_match WHERE imported_id = ?", (some_line,))

    pairs = iter([(m.imported.id, m.expense_id) for m in victims])

    def unmatch_then_match():
        imported_id, expense_id = next(pairs)
        start = time.perf_counter()
        reconcile.unmatch(actor, imported_id)
        middle = time.perf_counter()
        reconcile.match(actor, imported_id, expense_id)
        timings.setdefault("unmatch", []).append(middle - start)
        timings.setdefault("match", []).append(time.perf_counter() - middle)

    timings: dict[str, list[float]] = {}
    (t_bare_decision, _cycle), _ = median_of(runs, bare_decision, unmatch_then_match)
    t_match, t_unmatch = statistics.median(timings["match"]), statistics.median(timings["unmatch"])
    line("bare decision: one-row INSERT + DELETE, one transaction", t_bare_decision)
    line("unmatch (returns the line's candidates)", t_unmatch, t_bare_decision, "target ≤ 100 ms")
    line("match (checked: claim line free in this role)", t_match, t_bare_decision, "target ≤ 100 ms")
    t_aside, _ = median_of(len(credits), lambda: reconcile.not_reception(actor, credits.pop()))
    line("非接待费用 (one line)", t_aside[0], t_bare_decision, "target ≤ 100 ms")
    db.close_database()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--receptions", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths.set_data_dir(folder)
        print(f"Python {sys.version.split()[0]}, SQLite file database in a temporary folder")
        bench(args.lines, args.receptions, folder, args.runs)


if __name__ == "__main__":
    main()
