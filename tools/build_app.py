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
- the distribution metadata, so ``--version`` and the About dialog read the real version.
"""

from __future__ import annotations

import argparse
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


def launcher() -> Path:
    """The frozen program's entry point: the CLI, exactly as ``python -m desktop``."""
    path = WORK / "reception_manager.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "import sys\n\nfrom desktop.cli import main\n\nif __name__ == '__main__':\n    sys.exit(main())\n",
        encoding="utf-8",
    )
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
    translations and migrations all came along."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        env["RECEPTION_DATA_DIR"] = tmp
        url = f"sqlite:///{Path(tmp) / 'check.db'}"  # absolute: sqlite:////tmp/…
        shot = Path(tmp) / "visitors.png"
        for command in (
            [str(exe), "--version"],
            [str(exe), "--db", url, "demo"],
            [str(exe), "--db", url, "screenshot", "visitors", "-o", str(shot)],
            [
                str(exe),
                "--db",
                url,
                "--lang",
                "en",
                "screenshot",
                "dashboard",
                "-o",
                str(Path(tmp) / "d.png"),
            ],
        ):
            result = subprocess.run(command, env=env, cwd=tmp, capture_output=True, text=True, timeout=180)
            print(
                "$",
                " ".join(command[1:]) or "",
                "→",
                (result.stdout or result.stderr).strip().splitlines()[-1:],
            )
            if result.returncode != 0:
                raise SystemExit(
                    f"the built program failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}"
                )
        if not shot.exists() or shot.stat().st_size < 10_000:
            raise SystemExit("the built program wrote no screenshot")
    print("the built program starts and renders offscreen")


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
