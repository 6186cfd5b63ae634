"""Build the packaged program: one folder with one executable that runs without Python.

    python tools/build_app.py            # → dist/ReceptionManager/ReceptionManager(.exe)
    python tools/build_app.py --check    # … then start the built program offscreen and prove it runs
    python tools/build_app.py --windowed # Windows office PCs: no console window behind the GUI

Needs the ``build`` extra (``pip install -e '.[build]'``: PyInstaller). The same command builds on
Windows (PyInstaller does not cross-compile: build on the platform you ship to). What goes in:

- the program (``desktop``, every submodule: views are imported lazily by the navigation);
- the data files, laid out as in the source tree under the bundle's root (``sys._MEIPASS``,
  see :mod:`desktop.paths`): ``resources`` (the bundled CJK font, icons, the .qm translations),
  ``forms_templates`` and ``desktop/migrations`` — playhouse's Runner reads migrations as .py
  files from that folder, so they must be files, not only compiled modules;
- Qt: PyInstaller's PySide6 hooks take the modules the program imports (QtCharts, QtPrintSupport,
  …) and the platform plugins (offscreen, xcb on Linux, windows on Windows) and print support;
- the distribution metadata, so ``--version`` and the About dialog read the real version;
- the pieces found at run time rather than by import: psycopg 3's binary implementation (libpq
  comes with it), the keyring backends (entry points: the hook copies keyring's metadata), and
  apprise's notification plugins (listed from its plugin folder: ``pyinstaller_hooks/``).

``--check`` then runs the built program in an empty environment: ``--version``, demo data, two
views rendered offscreen, ``import --dry-run --json`` of a generated e-invoice PDF (pdfium renders
it, zxing-cpp reads its QR code) and 数电票 XML (defusedxml), a PostgreSQL URL whose server is
not there (psycopg's binary libpq must answer "connection refused"), and ``--bundle-check``, a
switch of the built launcher only, which loads the keyring backends and adds one URL of each
notification channel to apprise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "ReceptionManager"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SEP = os.pathsep  # PyInstaller's --add-data separator: ";" on Windows, ":" elsewhere

# Qt modules the program never uses; leaving them out keeps the folder smaller.
EXCLUDES = [
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "tkinter",
    "matplotlib",
    "numpy",
    "pytest",
    "pytestqt",
    "hypothesis",
]


# The frozen program's entry point: the CLI, exactly as ``python -m desktop``, plus
# ``--bundle-check`` for ``check()``. The check imports by name (importlib), so it adds nothing to
# the bundle: what it finds is what the program itself brought along.
LAUNCHER = """\
import sys

from desktop.cli import main


def bundle_check() -> int:
    import importlib
    import importlib.metadata
    import warnings

    warnings.simplefilter("ignore", DeprecationWarning)
    psycopg = importlib.import_module("psycopg")
    importlib.import_module("desktop.drivers").attach_psycopg()
    print("psycopg", psycopg.__version__, psycopg.pq.__impl__, "libpq", psycopg.pq.version())
    if psycopg.pq.__impl__ != "binary":
        raise SystemExit("psycopg runs without its binary implementation (psycopg_binary)")
    for name in ("zxingcpp", "pypdfium2", "defusedxml.ElementTree"):
        importlib.import_module(name)
    points = importlib.metadata.entry_points(group="keyring.backends")
    loaded = []
    for point in points:
        try:
            point.load()
            loaded.append(point.name)
        except Exception as exc:  # noqa: BLE001 - keyring itself skips such a backend
            print("keyring backend", point.name, "does not load:", exc)
    needed = {"win32": ["Windows", "win32ctypes.pywin32.win32cred"], "darwin": ["macOS"]}.get(
        sys.platform, ["SecretService", "secretstorage"]
    )
    if needed[0] not in loaded:
        raise SystemExit(f"keyring: no {needed[0]} backend (entry points found: {sorted(loaded)})")
    for module in needed[1:]:
        importlib.import_module(module)
    usable = importlib.import_module("desktop.connection").keyring_usable()
    print("keyring backends", sorted(loaded), "usable here:", usable)
    apprise = importlib.import_module("apprise")
    outbox = importlib.import_module("desktop.services.outbox")
    sender = apprise.Apprise()
    for kind, config, recipient in (
        (outbox.EMAIL, {"host": "smtp.example.com", "user": "a@example.com"}, "b@example.com"),
        (outbox.DINGTALK, {"webhook": "https://oapi.dingtalk.com/robot/send?access_token=ab12"}, ""),
        (outbox.WECOM, {"webhook": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ab-12"}, ""),
        (outbox.FEISHU, {"webhook": "https://open.feishu.cn/open-apis/bot/v2/hook/ab-12"}, ""),
    ):
        if not sender.add(outbox.apprise_url(kind, config, recipient)):
            raise SystemExit(f"apprise does not know the {kind} URL (its plugins are missing)")
    print("apprise", apprise.__version__, "channels", len(sender))
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--bundle-check"]:
        sys.exit(bundle_check())
    sys.exit(main())
"""


def launcher() -> Path:
    path = WORK / "reception_manager.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LAUNCHER, encoding="utf-8")
    return path


def pyinstaller_args(windowed: bool) -> list[str]:
    data = [
        (ROOT / "resources", "resources"),
        (ROOT / "forms_templates", "forms_templates"),
        (ROOT / "desktop" / "migrations", "desktop/migrations"),
    ]
    args = [
        str(launcher()),
        "--noconfirm",
        "--clean",
        "--onedir",
        f"--name={NAME}",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        f"--specpath={WORK}",
        f"--paths={ROOT}",
        "--collect-submodules=desktop",
        "--hidden-import=playhouse.migrate",
        # psycopg's binary implementation (found by its import in psycopg.pq, with its libpq)
        # imports psycopg's own modules from compiled code, where PyInstaller cannot see them
        "--collect-submodules=psycopg",
        f"--additional-hooks-dir={ROOT / 'tools' / 'pyinstaller_hooks'}",
        "--collect-data=pypinyin",
        "--collect-data=chinese_calendar",
        "--copy-metadata=reception-manager",
        "--log-level=WARN",
    ]
    for source, target in data:
        args.append(f"--add-data={source}{SEP}{target}")
    for module in EXCLUDES:
        args.append(f"--exclude-module={module}")
    if windowed:
        args.append("--windowed")
    return args


def build(windowed: bool = False) -> Path:
    import PyInstaller.__main__

    started = time.monotonic()
    PyInstaller.__main__.run(pyinstaller_args(windowed))
    exe = DIST / NAME / (NAME + (".exe" if sys.platform == "win32" else ""))
    if not exe.exists():
        raise SystemExit(f"build finished but {exe} is missing")
    size = sum(f.lstat().st_size for f in (DIST / NAME).rglob("*") if f.is_file() and not f.is_symlink())
    print(f"built {exe} in {time.monotonic() - started:.0f} s; folder {size / 1e6:.0f} MB")
    return exe


def check(exe: Path) -> None:
    """Start the built program with a clean environment (no PYTHONPATH, offscreen): write the
    demo data, then render the front desk to a PNG. Proves Python, Qt plugins, fonts,
    translations and migrations all came along; then the e-invoice readers, psycopg's binary
    implementation, the keyring backends and apprise's plugins (see the module's docstring)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["RECEPTION_TODAY"] = "2026-11-23"  # the generated invoices are of 2026-11-03
    env["PSYCOPG_IMPL"] = "binary"  # no falling back to a libpq the build machine happens to have
    with tempfile.TemporaryDirectory() as tmp:
        env["RECEPTION_DATA_DIR"] = tmp
        url = f"sqlite:///{Path(tmp) / 'check.db'}"  # absolute: sqlite:////tmp/…
        shot = Path(tmp) / "visitors.png"
        pdf, xml = _einvoices(Path(tmp))

        def run(command: list[str], *, ok: bool = True, **extra: str) -> subprocess.CompletedProcess:
            result = subprocess.run(
                [str(exe), *command],
                env={**env, **extra},
                cwd=tmp,
                capture_output=True,
                text=True,
                timeout=180,
            )
            print("$", " ".join(command), "→", (result.stdout or result.stderr).strip().splitlines()[-1:])
            if ok and result.returncode != 0:
                raise SystemExit(
                    f"the built program failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}"
                )
            return result

        run(["--version"])
        run(["--db", url, "demo"])
        run(["--db", url, "screenshot", "visitors", "-o", str(shot)])
        run(["--db", url, "--lang", "en", "screenshot", "dashboard", "-o", str(Path(tmp) / "d.png")])
        if not shot.exists() or shot.stat().st_size < 10_000:
            raise SystemExit("the built program wrote no screenshot")
        for line in run(["--bundle-check"]).stdout.splitlines()[:-1]:
            print("   ", line)
        found = run(
            ["--db", url, "--user", "caiwu", "import", str(pdf), str(xml), "--dry-run", "--json"],
            RECEPTION_PASSWORD="demo1234",
        )
        lines = {x["file"]: x for x in json.loads(found.stdout)["lines"]}
        # new, and the PDF's QR code read and in agreement with its text (a flag otherwise)
        if [lines[p.name]["status"] for p in (pdf, xml)] != ["new", "new"] or lines[pdf.name]["flags"]:
            raise SystemExit(f"the built program misread the e-invoices: {found.stdout}")
        print("   ", ", ".join(f"{name} {x['status']} {x['invoice_no']}" for name, x in lines.items()))
        refused = run(["--db", "postgresql://check:check@127.0.0.1:1/check", "demo"], ok=False)
        said = refused.stdout + refused.stderr
        if refused.returncode == 0 or not any(
            s in said for s in ("Connection refused", "connection to server", "could not connect")
        ):
            raise SystemExit(f"PostgreSQL through the built program: expected 'connection refused'\n{said}")
    print("the built program starts, renders offscreen, reads e-invoices and has its drivers")


def _einvoices(folder: Path) -> tuple[Path, Path]:
    """An e-invoice PDF with its QR code and a 数电票 XML, made as the tests make them."""
    sys.path.insert(0, str(ROOT))
    from tests.einvoice_files import make_pdf, make_xml

    return make_pdf(folder / "餐费.pdf", number="99900001"), make_xml(
        folder / "住宿.xml", number="26442000000099900002"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="start the built program offscreen afterwards")
    parser.add_argument("--check-only", action="store_true", help="only check an existing build")
    parser.add_argument("--windowed", action="store_true", help="no console window (Windows GUI build)")
    args = parser.parse_args()
    exe = DIST / NAME / (NAME + (".exe" if sys.platform == "win32" else ""))
    if not args.check_only:
        if (DIST / NAME).exists():
            shutil.rmtree(DIST / NAME)
        exe = build(args.windowed)
    if args.check or args.check_only:
        check(exe)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
