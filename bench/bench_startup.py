"""Benchmark: start-up to a shown main window (prints figures; never fails on timing).

    python bench/bench_startup.py [--runs 5]

Each run is a fresh Python process, so imports count. The app's run goes the GUI's own way —
``desktop.cli`` opens the database (migrations checked, defaults ensured), creates the
application, builds the main window for the demo administrator and shows it — and stops when
the window is exposed and its first searches are answered. The baseline, interleaved in the same
run, is a bare ``QMainWindow`` with a ``QTableView`` shown the same way. Figures: CPU time of
the process (user + system, less noisy than wall time on a shared machine), wall time and peak
memory (VmHWM); medians of ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEASURE = """
import os, resource, time
def report(window, app, busy=lambda: False):
    # busy: the app's background work (its first searches); the bare window has none, and must
    # not import the app's modules to find that out (that made the baseline less bare).
    deadline = time.monotonic() + 20
    while not window.isVisible() or window.windowHandle() is None or not window.windowHandle().isExposed():
        app.processEvents()
        if time.monotonic() > deadline: break
    while busy() and time.monotonic() < deadline:
        app.processEvents(); time.sleep(0.005)
    for _ in range(3): app.processEvents()
    r = resource.getrusage(resource.RUSAGE_SELF)
    hwm = [int(l.split()[1]) / 1024 for l in open('/proc/self/status') if l.startswith('VmHWM')][0]
    print('RESULT', __import__('json').dumps(dict(cpu=r.ru_utime + r.ru_stime, wall=time.perf_counter() - T0, rss=hwm)))
"""

BARE = (
    "import time; T0 = time.perf_counter()\n"
    + MEASURE
    + """
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1024, 700); w.show()
report(w, app)
"""
)

APP = (
    "import time; T0 = time.perf_counter()\n"
    + MEASURE
    + """
import sys
from desktop import cli
from desktop.services import auth, demo, settings
info = cli._open(sys.argv[1])
from desktop.views.app import create_application
app = create_application(settings.get("language"))
from desktop.views.main_window import MainWindow
w = MainWindow(auth.actor_by_username(demo.DEMO_ADMIN), db_label=info.url)
w.resize(1024, 700); w.show()
from desktop.views import ops
report(w, app, ops.busy)
"""
)


def _run(code: str, *args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("RECEPTION_FAST_HASH", None)
    # An installed program runs from cached bytecode; without this every run would compile the
    # whole package from source (~0.25 s CPU) when the shell sets PYTHONDONTWRITEBYTECODE.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(ROOT),
        timeout=120,
    )
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(out.stderr.strip()[-2000:] or "no result")


def demo_database(folder: Path) -> str:
    path = folder / "startup-demo.sqlite3"
    url = f"sqlite:///{path}"
    if not path.exists():
        code = (
            "import sys; from desktop import db, paths; from pathlib import Path;"
            "paths.set_data_dir(Path(sys.argv[2])); db.open_database(sys.argv[1]);"
            "from desktop.services import setup, demo; setup.ensure_defaults(); demo.seed_demo()"
        )
        subprocess.run([sys.executable, "-c", code, url, str(folder)], check=True, cwd=str(ROOT))
    return url


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "reception-bench"
    folder.mkdir(exist_ok=True)
    url = demo_database(folder)
    os.environ["RECEPTION_DATA_DIR"] = str(folder)
    _run(BARE), _run(APP, url)  # warm-up: bytecode caches written, files in the page cache
    bare, app = [], []
    for _ in range(args.runs):  # interleaved, so a busy moment hits both
        bare.append(_run(BARE))
        app.append(_run(APP, url))

    def med(rows: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    print(f"start-up to a shown main window, medians of {args.runs} interleaved runs")
    for key, unit, scale in (("cpu", "s CPU", 1), ("wall", "s wall", 1), ("rss", "MiB peak", 1)):
        a, b = med(app, key) * scale, med(bare, key) * scale
        target = "  (target ≤ 1.5×)" if key == "cpu" else ""
        print(f"  app {a:8.2f} {unit:<9} bare QMainWindow+QTableView {b:8.2f}   {a / b:5.2f}×{target}")


if __name__ == "__main__":
    main()
