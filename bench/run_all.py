"""Every benchmark of issue 14 in one run, each figure next to its baseline (never fails on timing).

    python bench/run_all.py [--quick]

Runs, one after the other, as separate processes: start-up (bench_startup.py), the visitor log
at 1,000,000 visits (bench_visitor_log.py; its database is built once and cached in the temp
folder), import (bench_finance.py), three-way reconciliation and single decisions
(bench_reconcile.py), exports (bench_exports.py), the dashboard at the same 1M visits
(bench_dashboard.py), the print preview (bench_preview.py) and the personal-data retention run
at the same 1M visits (bench_retention.py).
``--quick`` uses smaller sizes (a smoke run, not the issue's figures).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    quick = {
        "bench_startup.py": ["--runs", "3"],
        "bench_visitor_log.py": ["--visits", "20000", "--runs", "3"],
        "bench_finance.py": ["--rows", "10000", "--import-runs", "3"],
        "bench_reconcile.py": ["--lines", "2000", "--receptions", "200", "--runs", "3"],
        "bench_exports.py": ["--runs", "3", "--visits", "200", "--sheets", "10"],
        "bench_dashboard.py": ["--visits", "20000", "--runs", "3"],
        "bench_preview.py": ["--pages", "5", "--runs", "3"],
        "bench_retention.py": ["--visits", "20000", "--runs", "3"],
    }
    failed = 0
    for script, small in quick.items():
        print(f"\n=== {script}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / script), *(small if args.quick else [])])
        failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
