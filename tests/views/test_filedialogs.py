"""The program's file dialogs never open the files they list (style.md item 18).

The real-window proof, with a second process and strace, is tests/realwindow/test_file_dialog_locks.py;
these are the quick checks in the ordinary run.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QFileSystemModel

from desktop.views import filedialogs

VIEWS = Path(filedialogs.__file__).parent


def own_locks(database_file: Path) -> list[str]:
    """This process's POSIX locks on the database, its -wal and its -shm."""
    names = {}
    for suffix in ("", "-wal", "-shm"):
        if Path(str(database_file) + suffix).exists():
            names[os.stat(str(database_file) + suffix).st_ino] = suffix or "db"
    found = []
    with open("/proc/locks") as handle:
        for line in handle:
            fields = line.split()
            if fields[1] == "->":
                fields = fields[:1] + fields[2:]
            if fields[4] == str(os.getpid()) and int(fields[5].split(":")[2]) in names:
                found.append(f"{names[int(fields[5].split(':')[2])]}:{fields[3]}:{fields[6]}")
    return sorted(found)


def test_no_view_opens_a_qt_file_dialog_itself():
    """Every file dialog goes through filedialogs, whose listing opens no file."""
    offenders = [
        path.name
        for path in VIEWS.glob("*.py")
        if path.name != "filedialogs.py" and re.search(r"\bQFileDialog\b", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "kind",
    [
        "ours",
        pytest.param(
            "plain",
            marks=pytest.mark.xfail(
                strict=True, reason="Qt's own dialog sniffs -wal/-shm: the process loses its lock"
            ),
        ),
    ],
)
def test_dialog_on_the_database_folder_keeps_the_sqlite_locks(database, qtbot, kind):
    if database.path is None or not sys.platform.startswith("linux"):
        pytest.skip("SQLite file and /proc/locks")
    from desktop import db

    with db.database.atomic():  # the -wal and -shm now exist and hold data
        db.database.execute_sql("CREATE TABLE IF NOT EXISTS probe (x)")
        db.database.execute_sql("INSERT INTO probe VALUES (1)")
    folder = database.path.parent
    before = own_locks(database.path)
    assert "-shm:READ:128" in before

    if kind == "ours":
        dialog = filedialogs.FileDialog(None, "导出", str(folder / "报表.xlsx"), "所有文件 (*)")
    else:
        dialog = QFileDialog(None, "导出", str(folder), "所有文件 (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)  # the type column asks for every file's type
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    qtbot.waitUntil(lambda: model.rowCount(model.index(str(folder))) >= 3, timeout=5000)
    qtbot.wait(500)  # icons and types are gathered after the names

    assert own_locks(database.path) == before
    dialog.reject()


def test_types_come_from_the_name():
    provider = filedialogs.NameOnlyIconProvider()
    assert provider.type(QFileInfo("/tmp/reception.sqlite3-wal")) == "SQLITE3-WAL 文件"
    assert provider.type(QFileInfo("/tmp/无后缀")) == "文件"
    assert provider.type(QFileInfo(str(VIEWS))) == "文件夹"
    assert not provider.icon(QFileInfo("/tmp/a.xlsx")).isNull()


def test_the_database_file_cannot_be_chosen(database, qtbot, scripted, tmp_path):
    """Exporting over the database, or importing it, would open it in this process."""
    if database.path is None:
        pytest.skip("SQLite only")
    for target in (database.path, Path(str(database.path) + "-wal")):
        dialog = filedialogs.FileDialog(None, "导出", str(target))
        qtbot.addWidget(dialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.open()
        dialog.selectFile(str(target))
        dialog.accept()
        assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
        dialog.reject()
    assert [title for _, title, _ in scripted.shown] == ["不能选择此文件", "不能选择此文件"]

    dialog = filedialogs.FileDialog(None, "导出", str(tmp_path / "报表.xlsx"))
    qtbot.addWidget(dialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.open()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
