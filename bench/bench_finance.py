"""Benchmarks for finance (prints figures; never fails on timing).

    python bench/bench_finance.py [--rows 100000] [--lines 10000] [--receptions 1000]

1. Import: a generated N-row invoice list (.xlsx) is imported whole — read, find the header, map,
   parse, dedupe against the database, commit — next to a bare python-calamine read of the same
   file in the same run.
2. Reconciliation: L imported lines against L claimed lines of R approved receptions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop import db, paths  # noqa: E402


def make_invoice_list(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("发票清单")
    ws.append(["进项发票清单（基准测试）"])
    ws.append([])
    ws.append(["序号", "发票代码", "发票号码", "开票日期", "销方名称", "金额", "税额", "价税合计"])
    rng = random.Random(1)
    start = dt.date(2026, 1, 1)
    for i in range(rows):
        amount = Decimal(rng.randrange(1000, 500000)) / 100
        tax = (amount * Decimal("0.06")).quantize(Decimal("0.01"))
        ws.append(
            [
                i + 1,
                "044001900111",
                f"{20000000 + i}",
                start + dt.timedelta(days=i % 300),
                f"供应商{i % 977}有限公司",
                f"¥{amount:,.2f}",
                float(tax),
                float(amount + tax),
            ]
        )
    ws.append(["合计"])
    wb.save(path)


def _load() -> str:
    """The machine's load average: on a shared machine the figures are only comparable with it."""
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:  # not on this platform
        return "unknown"


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    print(f"{label:<55} {elapsed:8.2f} s")
    return result, elapsed


def bench_import(rows: int, folder: Path, runs: int = 5) -> None:
    """Import and re-import next to a bare calamine read, medians of ``runs`` interleaved runs
    (each run: bare read, then preview + commit into a fresh database, then the re-import)."""
    import statistics

    from python_calamine import CalamineWorkbook

    from desktop.models import User
    from desktop.services import imports, setup
    from desktop.services.auth import FINANCE, Actor

    path = folder / "invoices.xlsx"
    timed(f"generate {rows:,}-row invoice list (openpyxl)", lambda: make_invoice_list(path, rows))
    print(f"{'file size':<55} {path.stat().st_size / 1e6:8.1f} MB")
    times: dict[str, list[float]] = {"bare": [], "preview": [], "commit": [], "again": []}

    def clocked(key: str, fn, *args):
        # Each step starts from a collected heap: the previous step's objects (or collections
        # it put off) are not charged to the next one, the bare read included.
        gc.collect()
        start = time.perf_counter()
        result = fn(*args)
        times[key].append(time.perf_counter() - start)
        return result

    for run in range(runs):
        clocked("bare", lambda: CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())
        db.open_database(f"sqlite:///{folder / f'bench-{run}.sqlite3'}")
        setup.ensure_defaults()
        # a real user: the audit trail records who imported
        user = User.create(username="bench", password_hash="-")
        actor = Actor(user_id=user.id, username="bench", display_name="", roles=frozenset({FINANCE}))
        preview = clocked("preview", imports.preview, actor, path)
        clocked("commit", imports.commit, actor, preview)
        again = clocked("again", imports.preview, actor, path)
        assert all(line.status == "duplicate" for line in again.parsed.lines)
        del preview, again
        db.close_database()
    med = {k: statistics.median(v) for k, v in times.items()}
    bare, total = med["bare"], med["preview"] + med["commit"]
    print(f"medians of {runs} interleaved runs (load average {_load()})")
    print(f"{'bare python-calamine read of the same file':<55} {bare:8.2f} s")
    print(f"{'preview: read + header + map + parse + dedupe':<55} {med['preview']:8.2f} s")
    print(f"{'commit (chunked transactions)':<55} {med['commit']:8.2f} s")
    print(
        f"{'whole import':<55} {total:8.2f} s  ({rows / total:,.0f} rows/s, "
        f"{total / bare:.1f}× the bare read; target ≤ 3×)"
    )
    print(
        f"{'re-import preview (all duplicates)':<55} {med['again']:8.2f} s  "
        f"({med['again'] / bare:.1f}× the bare read; target ≤ 2×)"
    )


def bench_reconcile(lines: int, receptions: int, folder: Path) -> None:
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
    from desktop.services import reconcile, setup
    from desktop.services.auth import FINANCE, Actor, hash_password

    db.open_database(f"sqlite:///{folder / 'reconcile.sqlite3'}")
    setup.ensure_defaults()
    rng = random.Random(2)
    user = User.create(username="bench", password_hash=hash_password("benchmark"))
    dep = Department.create(name="销售部")
    level = ReceptionLevel.get(ReceptionLevel.code == "C")
    std = LevelStandard.get(LevelStandard.level == level)
    start = dt.date(2026, 1, 5)
    with db.database.atomic():
        apps = []
        for i in range(receptions):
            arrival = dt.datetime.combine(start + dt.timedelta(days=i % 300), dt.time(9))
            apps.append(
                dict(
                    number=f"JD-B-{i:05d}",
                    status="approved",
                    applicant=user,
                    department=dep,
                    client_company=f"客户{i}",
                    level=level,
                    standard=std,
                    arrival=arrival,
                    departure=arrival + dt.timedelta(hours=8),
                    total=Decimal("1000"),
                )
            )
        Application.insert_many(apps).execute()
        app_rows = list(Application.select())
        ExpenseSummary.insert_many([dict(reception=a.id, status="submitted") for a in app_rows]).execute()
        summaries = {s.reception_id: s.id for s in ExpenseSummary.select()}
        per = max(1, lines // receptions)
        claimed, imported = [], []
        batch = ImportBatch.create(file_name="bench", file_hash="x", kind="invoice")
        n = 0
        for a in app_rows:
            for _ in range(per):
                amount = Decimal(rng.randrange(2000, 300000)) / 100
                vendor = f"供应商{rng.randrange(500)}"
                claimed.append(
                    dict(
                        summary=summaries[a.id],
                        category="meals",
                        date=a.arrival.date(),
                        vendor=vendor,
                        invoice_no=f"{30000000 + n}" if n % 3 else "",
                        total=amount,
                    )
                )
                imported.append(
                    dict(
                        batch=batch,
                        row=n + 2,
                        kind="invoice",
                        date=a.arrival.date(),
                        invoice_no=f"{30000000 + n}" if n % 3 else f"{90000000 + n}",
                        vendor=vendor + "有限公司",
                        total=amount,
                        amount=amount,
                        content_hash=str(n),
                    )
                )
                n += 1
        for i in range(0, len(claimed), 1000):
            ExpenseLine.insert_many(claimed[i : i + 1000]).execute()
            ImportedLine.insert_many(imported[i : i + 1000]).execute()
    # a real user: the audit trail records who applied the saved rules
    actor = Actor(user_id=user.id, username="bench", display_name="", roles=frozenset({FINANCE}))
    result, elapsed = timed(
        f"reconcile {n:,} imported vs {n:,} claimed lines of {receptions:,} receptions",
        lambda: reconcile.run(actor, dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    )
    print(
        f"{'  auto-matched / to review / no candidate':<55} {result.matched:,} / {len(result.review):,} / "
        f"{len(result.unmatched_no_candidate):,}  ({n / elapsed:,.0f} lines/s)"
    )
    flags, t_flags = timed(
        "flags for the same period",
        lambda: reconcile.flags(actor, dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    )
    print(f"{'  flags':<55} {len(flags):,}")
    db.close_database()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--receptions", type=int, default=1_000)
    parser.add_argument("--import-runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths.set_data_dir(folder)
        print(f"Python {sys.version.split()[0]}, SQLite file databases in a temporary folder")
        bench_import(args.rows, folder, args.import_runs)
        bench_reconcile(args.lines, args.receptions, folder)


if __name__ == "__main__":
    main()
