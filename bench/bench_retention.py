"""Benchmark: the personal-data retention run at 1,000,000 visits (prints figures; never fails on
timing).

    python bench/bench_retention.py [--visits 1000000] [--runs 5] [--keep-copy]

Uses the visitor-log benchmark's cached database (bench_visitor_log.py builds it once, in the
system temp folder: ten years of visits, 60,000 known visitors, 20,000 receptions) and works on
a copy of it, since a run erases rows. Before timing, 2,000 visits past the period are linked to
receptions whose expenses are still open and 20 old visits are left on site, so the exemptions
have work to do. Then, in one run:

- the migrations the copy still needs (0022's partial indexes are built here the first time);
- the dry run (``retention preview``) and the first full run, which erases some 900,000 visits
  (as the program does it: one survey, then the steps with the writer's gap between them);
- the run with nothing to do — the survey the program makes at every start-up and once a day,
  and the whole automatic run — medians of ``--runs``;
- the next day's run, which erases one day of visits;

next to the baseline of a bare ``SELECT count(*) FROM visit`` measured in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from desktop import clock, db, paths  # noqa: E402


def _ms(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def _median_ms(fn, runs: int) -> float:
    return statistics.median(_ms(fn)[0] for _ in range(runs))


def cached_database(visits: int) -> Path:
    """The visitor-log benchmark's database, built (once, minutes) if it is not there yet."""
    folder = Path(tempfile.gettempdir()) / "reception-bench"
    path = folder / f"visitor-log-{visits}.sqlite3"
    if not path.exists():
        import bench_visitor_log

        folder.mkdir(exist_ok=True)
        paths.set_data_dir(folder)
        print(f"building {path} (once; cached for later runs)", flush=True)
        db.open_database(f"sqlite:///{path}")
        try:
            bench_visitor_log.build(f"sqlite:///{path}", visits)
        except BaseException:
            db.close_database()
            path.unlink(missing_ok=True)
            raise
        db.close_database()
    return path


def prepare(cutoff: dt.date) -> tuple[int, int]:
    """Exemptions with something to keep: old visits of open receptions, and old visits nobody
    signed out. Returns how many of each."""
    from desktop.models import Application, ExpenseSummary, Visit

    open_receptions = [
        r.reception_id
        for r in ExpenseSummary.select(ExpenseSummary.reception_id)
        .where(ExpenseSummary.status != "reimbursed")
        .limit(2000)
    ]
    old = dt.datetime.combine(cutoff, dt.time.min)
    linked = [v.id for v in Visit.select(Visit.id).where(Visit.time_in < old).order_by(Visit.id).limit(2000)]
    with db.database.atomic():
        for visit_id, reception in zip(linked, open_receptions, strict=False):
            Visit.update(reception_id=reception).where(Visit.id == visit_id).execute()
        on_site = [
            v.id
            for v in Visit.select(Visit.id).where(Visit.time_in < old).order_by(Visit.id.desc()).limit(20)
        ]
        Visit.update(status="on_site", time_out=None).where(Visit.id.in_(on_site)).execute()
    assert Application.select().count() > 0
    return min(len(linked), len(open_receptions)), len(on_site)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep-copy", action="store_true", help="leave the erased copy for a look")
    args = parser.parse_args()
    source = cached_database(args.visits)
    work = Path(tempfile.mkdtemp(prefix="reception-bench-retention-"))
    paths.set_data_dir(work)
    copy = work / "retention.sqlite3"
    shutil.copyfile(source, copy)
    try:
        run(copy, args.runs)
    finally:
        db.close_database()
        if args.keep_copy:
            print(f"the copy: {copy}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def run(copy: Path, runs: int) -> None:
    from desktop.db import WRITER_GAP_SECONDS, pause_for_other_writers
    from desktop.services import retention

    opened, info = _ms(lambda: db.open_database(f"sqlite:///{copy}"))
    total = db.database.execute_sql("SELECT count(*) FROM visit").fetchone()[0]
    print(f"retention on {total:,} visits ({info.kind}, a copy of the cached database)")
    if info.applied:
        print(f"{'migrations ' + ', '.join(info.applied):<52} {opened:9.0f} ms")
    cutoff = retention.cutoff_for(retention.retention_days())
    linked, on_site = prepare(cutoff)

    def bare_count():
        db.database.execute_sql("SELECT count(*) FROM visit").fetchall()

    def automatic_run():
        found = retention.survey()
        for n, step in enumerate(found.steps):
            if n:
                pause_for_other_writers(db.database.obj)  # as the program leaves other writers a turn
            retention.erase(found, step)
        return found

    baseline = _median_ms(bare_count, runs)
    dry_ms, dry = _ms(retention.preview)
    first_ms, first = _ms(automatic_run)
    steps = len(first.steps)
    survey_ms = _median_ms(retention.survey, runs)
    nothing_ms = _median_ms(retention.run_automatic, runs)
    again = retention.survey()
    with clock.pinned(clock.today() + dt.timedelta(days=1)):
        next_ms, next_day = _ms(automatic_run)

    print(f"{'bare: SELECT count(*) FROM visit':<52} {baseline:9.1f} ms")
    print(f"{'dry run (retention --dry-run)':<52} {dry_ms:9.0f} ms  would erase {dry.visits:,} visits")
    print(
        f"{'first full run':<52} {first_ms:9.0f} ms  {first.visits:,} visits, {first.visitors:,} visitors "
        f"in {steps} steps ({max(0, steps - 1) * WRITER_GAP_SECONDS:.0f} s of it the gaps left to other writers)"
    )
    print(
        f"{'nothing to do: the survey (off the writer thread)':<52} {survey_ms:9.1f} ms  "
        f"kept {again.kept_open:,} of open receptions (linked {linked:,}), {again.kept_on_site} on site "
        f"(left {on_site})"
    )
    print(f"{'nothing to do: the whole automatic run':<52} {nothing_ms:9.1f} ms  (target ≤ 10 ms)")
    print(f"{'the next day: one more day of visits':<52} {next_ms:9.1f} ms  {next_day.visits:,} visits")


if __name__ == "__main__":
    main()
