"""Benchmarks for finance (prints figures; never fails on timing).

    python bench/bench_finance.py [--rows 100000] [--import-runs 5]

1. Import: a generated N-row invoice list (.xlsx) is imported whole — read, find the header, map,
   parse, dedupe against the database, commit — next to a bare python-calamine read of the same
   file in the same run.
Reconciliation (three-way, with single decisions) is bench_reconcile.py.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--import-runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths.set_data_dir(folder)
        print(f"Python {sys.version.split()[0]}, SQLite file databases in a temporary folder")
        bench_import(args.rows, folder, args.import_runs)


if __name__ == "__main__":
    main()
