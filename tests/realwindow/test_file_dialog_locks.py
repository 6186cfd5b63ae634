"""A file dialog on the folder of the SQLite database must not cost the program its locks.

SQLite's POSIX locks belong to the process; closing *any* descriptor of the database, its -wal or
its -shm drops them. Qt's own file dialog sniffs every listed file's content to guess its type,
which opened and closed -wal and -shm: the program lost its lock on -shm, a CLI command run
meanwhile believed it was the last user, checkpointed and deleted the WAL under the running
program, and the day ended with "database disk image is malformed".

The program runs in a child process on the layer's X display (``qt_display``); this test is the
second process that writes and checkpoints while the dialog is open. The same test with Qt's
plain dialog is expected to fail: it documents that the plain one loses the lock.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.realwindow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/locks: Linux only"),
]

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("sqlite_dialog_child.py")


def _child_env(display: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        RECEPTION_FAST_HASH="1",
    )
    return env


def _run_program_with_dialog(folder: Path, kind: str, display: str, *, strace: Path | None = None):
    """Start the child, write and checkpoint from here while its dialog is open; its JSON."""
    command = [sys.executable, str(CHILD), str(folder), kind]
    if strace is not None:
        command = ["strace", "-f", "-e", "trace=openat", "-o", str(strace), *command]
    child = subprocess.Popen(
        command,
        cwd=folder,
        env=_child_env(display),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        assert line.strip() == "SHOWN", line + child.stderr.read()
        # The second process: the CLI, or another window, writing while the dialog is open.
        other = sqlite3.connect(str(folder / "reception.sqlite3"), timeout=5, isolation_level=None)
        for n in range(30):
            other.execute("BEGIN IMMEDIATE")
            other.execute("INSERT INTO probe VALUES ('other', ?)", (n,))
            other.execute("COMMIT")
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # Closing the last connection checkpoints and deletes the WAL; SQLite decides it is the
        # last by taking the -shm lock the program should still hold.
        other.close()
        wal_after_other_closed = (folder / "reception.sqlite3-wal").exists()
        (folder / "go-on").touch()
        out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    result["wal_after_other_closed"] = wal_after_other_closed
    return result


def _check_database(folder: Path) -> None:
    con = sqlite3.connect(str(folder / "reception.sqlite3"))
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = dict(con.execute("SELECT who, count(*) FROM probe GROUP BY who").fetchall())
    finally:
        con.close()
    assert counts == {"program": 100, "other": 30}


@pytest.mark.parametrize(
    "kind",
    [
        "safe",
        pytest.param(
            "plain",
            marks=pytest.mark.xfail(
                strict=True,
                reason="Qt's own dialog opens -wal/-shm to sniff their type: the program loses its lock",
            ),
        ),
    ],
)
def test_file_dialog_on_the_database_folder_keeps_the_locks(tmp_path, qt_display, kind):
    folder = tmp_path / "office"
    (folder / "data").mkdir(parents=True)

    result = _run_program_with_dialog(folder, kind, qt_display)

    print(kind, result)
    assert "-shm:READ:128" in result["before"]  # the lock SQLite's last-user check looks at
    assert result["during"] == result["before"], "the dialog cost the program its SQLite locks"
    assert result["wal_after_other_closed"], "the other process took itself for the last user"
    assert result["integrity"] == "ok"
    _check_database(folder)


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_file_dialog_opens_no_database_file(tmp_path, qt_display):
    """Seen with strace: after the dialog is shown, no file of the database is opened again."""
    folder = tmp_path / "office"
    (folder / "data").mkdir(parents=True)
    trace = tmp_path / "strace.txt"

    _run_program_with_dialog(folder, "safe", qt_display, strace=trace)

    opens = [line for line in trace.read_text().splitlines() if "reception.sqlite3" in line]
    # SQLite opens each of its files once, read-write; anything else is someone sniffing.
    foreign = [line for line in opens if not re.search(r"O_RDWR\|O_CREAT", line)]
    assert opens and not foreign, "\n".join(foreign)
    _check_database(folder)
