"""Benchmark: the home dashboard at 1,000,000 visits / 20,000 receptions (prints; never fails).

    python bench/bench_dashboard.py [--visits 1000000] [--runs 5] [--db sqlite:///…] [--no-view]

Reuses the database of ``bench/bench_visitor_log.py`` (built once and cached under the system
temp folder: VISITS visits over ten years, 20,000 approved receptions, 200,000 expense lines);
builds it first when it is missing. "Today" is set to the day of the newest visit, so the front
desk's figures are not empty.

Times, as medians of ``--runs`` interleaved runs: each section's service computation
(:mod:`desktop.services.dashboard`), the whole ``dashboard.load`` for each role, next to a bare
``SELECT count(*) FROM visit`` baseline; then opening the dashboard view offscreen (building the
charts) for a front-desk + admin-office + finance identity. Target: ≤ 300 ms for opening.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop import clock, db, paths  # noqa: E402


def _ms(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def open_bench_database(url: str, visits: int) -> db.DatabaseInfo:
    """The cached bench database of bench_visitor_log.py, built now if it does not exist."""
    import bench_visitor_log

    folder = Path(tempfile.gettempdir()) / "reception-bench"
    folder.mkdir(exist_ok=True)
    paths.set_data_dir(folder)
    default = folder / f"visitor-log-{visits}.sqlite3"
    url = url or f"sqlite:///{default}"
    fresh = url.endswith(str(default)) and not default.exists()
    info = db.open_database(url)
    if fresh:
        print(f"building {url} (once; cached for later runs)")
        bench_visitor_log.build(url, visits)
    return info


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", default="", help="default: bench_visitor_log.py's cached SQLite file")
    parser.add_argument("--no-view", action="store_true", help="services only (no Qt)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    info = open_bench_database(args.db, args.visits)
    from desktop.models import Application, ExpenseLine, Visit
    from desktop.services import dashboard
    from desktop.services.auth import ADMIN_OFFICE, FINANCE, GENERAL_MANAGER, RECEPTIONIST, Actor

    last = Visit.select(Visit.time_in).order_by(Visit.time_in.desc()).limit(1).scalar()
    today = (last or dt.datetime(2026, 11, 20)).date()
    clock.set_today(today)
    print(
        f"dashboard on {Visit.select().count():,} visits, {Application.select().count():,} applications, "
        f"{ExpenseLine.select().count():,} expense lines ({info.kind}); today = {today}; "
        f"medians of {args.runs} interleaved runs"
    )

    def actor(*roles: str) -> Actor:
        return Actor(user_id=0, username="bench", display_name="", roles=frozenset(roles))

    desk, office, money = actor(RECEPTIONIST), actor(ADMIN_OFFICE), actor(FINANCE)
    everyone = actor(RECEPTIONIST, ADMIN_OFFICE, FINANCE, GENERAL_MANAGER)
    cases = {
        "front desk section": lambda: dashboard.front_desk(desk, today),
        "admin office section": lambda: dashboard.admin_office(office, today),
        "finance section": lambda: dashboard.finance(money, today),
        "load() as 前台": lambda: dashboard.load(desk, today),
        "load() as 行政部": lambda: dashboard.load(office, today),
        "load() as 财务": lambda: dashboard.load(money, today),
        "load() with all three sections": lambda: dashboard.load(everyone, today),
        "bare: SELECT count(*) FROM visit": lambda: db.database.execute_sql(
            "SELECT count(*) FROM visit"
        ).fetchall(),
    }
    samples: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(args.runs):
        for label, fn in cases.items():
            samples[label].append(_ms(fn))
    for label, values in samples.items():
        target = "  (target ≤ 300 ms)" if label.startswith("load()") else ""
        print(f"{label:<40} {statistics.median(values):9.1f} ms{target}")
    if args.no_view:
        return

    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.views.app import create_application
    from desktop.views.dashboard import DashboardView

    app = create_application("zh_CN")
    roles = {"前台": desk, "行政部": office, "财务": money, "all three sections": everyone}
    opened: dict[str, list[float]] = {label: [] for label in roles}
    for _ in range(args.runs):
        for label, who in roles.items():
            start = time.perf_counter()
            view = DashboardView(who)
            view.resize(1024, 768)
            view.show()
            app.processEvents()  # laid out and painted once
            opened[label].append((time.perf_counter() - start) * 1000)
            view.close()
            view.deleteLater()
            app.processEvents()
    for label, values in opened.items():
        print(f"{'open the view as ' + label:<40} {statistics.median(values):9.1f} ms  (target ≤ 300 ms)")
    db.close_database()


if __name__ == "__main__":
    main()
