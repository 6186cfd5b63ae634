"""The "program" side of test_file_dialog_locks: a process holding the SQLite database open while
a file dialog shows the folder of that database.

Run as ``python sqlite_dialog_child.py FOLDER safe|plain``. It opens the database the way the
program does, writes, shows the dialog (the program's ``filedialogs`` one, or Qt's own widget
dialog for the comparison), prints ``SHOWN`` once the folder is listed, and waits — events
flowing, so the dialog sees the other process's writes — until FOLDER/go-on exists. Then it
closes the dialog, writes again, and prints one JSON line: its POSIX locks on the database files
before and after the dialog, and PRAGMA integrity_check.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop import db, paths

folder, kind = Path(sys.argv[1]), sys.argv[2]
paths.set_data_dir(folder / "data")
database_file = folder / "reception.sqlite3"


def own_locks() -> list[str]:
    """This process's locks on the database files, as 'db:READ:start' / '-shm:READ:128'."""
    names = {}
    for suffix in ("", "-wal", "-shm"):
        try:
            names[os.stat(str(database_file) + suffix).st_ino] = suffix or "db"
        except FileNotFoundError:
            pass
    found = []
    with open("/proc/locks") as handle:
        for line in handle:
            fields = line.split()
            if fields[1] == "->":  # a waiting lock: "1: -> POSIX ..."
                fields = fields[:1] + fields[2:]
            if fields[4] != str(os.getpid()):
                continue
            inode = int(fields[5].split(":")[2])
            if inode in names:
                found.append(f"{names[inode]}:{fields[3]}:{fields[6]}")
    return sorted(found)


db.open_database(f"sqlite:///{database_file}")
db.database.execute_sql("CREATE TABLE IF NOT EXISTS probe (who TEXT, n INTEGER)")
with db.database.atomic():
    for n in range(50):
        db.database.execute_sql("INSERT INTO probe VALUES ('program', ?)", (n,))
before = own_locks()

app = QApplication.instance() or QApplication([])
during: list[str] = []


def watch() -> None:
    """Say the folder is listed, then wait for the other process without blocking events."""
    print("SHOWN", flush=True)
    started = time.monotonic()

    def poll() -> None:
        if (folder / "go-on").exists() or time.monotonic() - started > 60:
            timer.stop()
            # Give the dialog's file watcher time to react to the other process's writes.
            QTimer.singleShot(1500, finish)

    timer = QTimer(app)
    timer.timeout.connect(poll)
    timer.start(50)


def finish() -> None:
    during.extend(own_locks())
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        dialog.reject()


QTimer.singleShot(2000, watch)
suggested = str(folder / "来访登记表.xlsx")
if kind == "safe":
    from desktop.views import filedialogs

    filedialogs.get_save_file_name(None, "导出", suggested, "Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)")
else:
    QFileDialog.getSaveFileName(
        None,
        "导出",
        suggested,
        "Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)",
        options=QFileDialog.Option.DontUseNativeDialog,
    )

with db.database.atomic():
    for n in range(50, 100):
        db.database.execute_sql("INSERT INTO probe VALUES ('program', ?)", (n,))
integrity = db.database.execute_sql("PRAGMA integrity_check").fetchone()[0]
print(json.dumps({"before": before, "during": during, "integrity": integrity}), flush=True)
db.close_database()
