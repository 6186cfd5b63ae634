"""The second process of tests/test_concurrency.py: the CLI or another window, writing to the
same database at the same time as the test process.

    python tests/concurrency_worker.py hold SQLITE_FILE SECONDS
    python tests/concurrency_worker.py checkins URL DATA_DIR HOST_ID STOP_FILE
    python tests/concurrency_worker.py import URL DATA_DIR FILE [CRASH_AFTER_ROWS]
    python tests/concurrency_worker.py audit URL DATA_DIR TAG COUNT START_FILE

Each prints "READY" when it has started its work, and one JSON line at the end.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path


def hold(path: str, seconds: float) -> None:
    """Take SQLite's write lock, write, keep the lock ``seconds``, commit."""
    con = sqlite3.connect(path, timeout=10, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("CREATE TABLE IF NOT EXISTS held_by_other (at REAL)")
    con.execute("INSERT INTO held_by_other VALUES (?)", (time.time(),))
    print("READY", flush=True)
    time.sleep(seconds)
    con.execute("COMMIT")
    con.close()
    print(json.dumps({"held": seconds}), flush=True)


def _open(url: str, data_dir: str) -> None:
    from desktop import db, paths

    paths.set_data_dir(Path(data_dir))
    db.open_database(url)


def checkins(url: str, data_dir: str, host_id: int, stop_file: str) -> None:
    """Check visitors in, one after another, until ``stop_file`` exists (at least 5)."""
    from desktop.services import auth, visitors
    from desktop.services.visitors import VisitForm

    _open(url, data_dir)
    desk = auth.actor_by_username("desk")
    waits: list[float] = []
    failures: list[str] = []
    print("READY", flush=True)
    parent = os.getppid()
    n = 0
    while n < 5 or not Path(stop_file).exists():
        if os.getppid() != parent:  # the test died: do not check in forever
            break
        n += 1
        form = VisitForm(name=f"访客{n}", phone=f"139{n:08d}", company="并发测试公司", host_id=host_id)
        started = time.monotonic()
        try:
            visitors.check_in(desk, form, confirm_duplicate=True)
        except Exception as exc:  # every failure is reported, none stops the loop
            failures.append(f"{type(exc).__name__}: {exc}")
        waits.append(time.monotonic() - started)
        time.sleep(0.05)  # a receptionist types between check-ins
    print(json.dumps({"count": n, "waits": waits, "failures": failures}), flush=True)


def import_file(url: str, data_dir: str, file: str, crash_after: int | None) -> None:
    """Import ``file`` as the finance user; with ``crash_after``, die half-way like a power cut."""
    from desktop.services import auth, imports

    _open(url, data_dir)
    finance = auth.actor_by_username("caiwu")
    preview = imports.preview(finance, Path(file))

    if crash_after is not None:
        imports.CHUNK_SECONDS = 0.0  # one chunk per transaction: the crash comes after commits

    def progress(done: int, total: int) -> None:
        if crash_after is not None and done > crash_after:
            os._exit(3)  # no cleanup, no rollback of what was committed: a crash

    print("READY", flush=True)
    started = time.monotonic()
    batch = imports.commit(finance, preview, progress=progress)
    print(json.dumps({"batch": batch, "seconds": time.monotonic() - started}), flush=True)


def audited(url: str, data_dir: str, tag: str, count: int, start_file: str) -> None:
    """``count`` audited changes as fast as possible, from the moment ``start_file`` exists (so
    both processes write at the same time): deny-list entries saved by the administrator, and
    entries recorded directly, each in its own transaction."""
    from desktop.services import audit, auth, denylist

    _open(url, data_dir)
    admin = auth.actor_by_username("root")
    print("READY", flush=True)
    deadline = time.monotonic() + 60
    while not Path(start_file).exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    failures: list[str] = []
    for n in range(count):
        try:
            if n % 2:
                denylist.save_entry(admin, name=f"{tag}{n}", reason=f"并发 {tag} {n}")
            else:
                audit.record(admin, "edit", "setting", f"{tag}:{n}", {"n": (n - 1, n)})
        except Exception as exc:  # every failure is reported, none stops the loop
            failures.append(f"{type(exc).__name__}: {exc}")
    print(json.dumps({"count": count, "failures": failures}), flush=True)


def main(argv: list[str]) -> None:
    command = argv[0]
    if command == "hold":
        hold(argv[1], float(argv[2]))
    elif command == "checkins":
        checkins(argv[1], argv[2], int(argv[3]), argv[4])
    elif command == "import":
        import_file(argv[1], argv[2], argv[3], int(argv[4]) if len(argv) > 4 else None)
    elif command == "audit":
        audited(argv[1], argv[2], argv[3], int(argv[4]), argv[5])
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
