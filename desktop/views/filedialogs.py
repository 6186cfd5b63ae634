"""File dialogs that never open a file they list (style.md item 18).

SQLite's locks on its database are POSIX advisory locks: they belong to the process, and closing
*any* descriptor of the database file, its ``-wal`` or its ``-shm`` drops them all. Qt's own file
dialog asks ``QMimeDatabase`` for the type and icon of every file it lists, which opens and
closes each file to sniff its content. A dialog showing the folder of the database therefore left
the program without its locks, and a CLI command run meanwhile checkpointed and deleted the WAL
under it ("database disk image is malformed").

The dialogs here use Qt's widget dialog (a native one may sniff files too, and ignores our
provider) with an icon provider that answers type and icon from the file *name* alone, set
before the dialog lists any folder. On Windows the native dialog stays: its locks belong to
the handle, not the process, so another handle closing does not drop them.

The functions mirror ``QFileDialog.getSaveFileName`` and friends (same arguments, same
results), so call sites change one name.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Type and icon from the name and ``stat`` only; never opens the file."""

    def icon(self, what) -> QIcon:  # noqa: D401 - Qt override, two overloads in one
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            if what.isDir():
                return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
            return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        kind = QAbstractFileIconProvider.IconType
        if what in (kind.Folder,):
            return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        if what == kind.Drive:
            return style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        if what == kind.Computer:
            return style.standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
        if what == kind.Desktop:
            return style.standardIcon(QStyle.StandardPixmap.SP_DesktopIcon)
        if what == kind.Trashcan:
            return style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon)
        if what == kind.Network:
            return style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon)
        return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QApplication.translate("filedialogs", "文件夹")
        suffix = info.suffix()
        if suffix:
            return QApplication.translate("filedialogs", "{suffix} 文件").format(suffix=suffix.upper())
        return QApplication.translate("filedialogs", "文件")


def _use_qt_dialog() -> bool:
    return sys.platform != "win32"


def is_database_file(path: str | Path) -> bool:
    """True for the open SQLite database or one of its companion files.

    Writing an export over them, or reading one as an import, would open (and close) the
    file in this process and drop SQLite's locks — or destroy the data.
    """
    from desktop.db import current_info

    info = current_info()
    if info is None or info.path is None:
        return False
    chosen = Path(path)
    for suffix in ("", "-wal", "-shm", "-journal"):
        own = Path(str(info.path) + suffix)
        try:
            if chosen.exists() and own.exists() and os.path.samefile(chosen, own):
                return True
        except OSError:
            pass
        if chosen.resolve() == own.resolve():
            return True
    return False


class FileDialog(QFileDialog):
    """A ``QFileDialog`` whose listing never opens a file.

    The provider is set before any folder is given, because the file system model starts
    reading a folder as soon as it is set; the dialog keeps the provider (Qt does not own it).
    """

    def __init__(self, parent: QWidget | None, caption: str = "", directory: str = "", filter: str = ""):
        super().__init__(parent, caption)
        self._icons = NameOnlyIconProvider()
        if _use_qt_dialog():
            self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setIconProvider(self._icons)
        if filter:
            self.setNameFilter(filter)  # splits "A (*.a);;B (*.b)" itself
        if directory:
            info = QFileInfo(directory)
            if info.isDir():
                self.setDirectory(directory)
            else:
                self.setDirectory(info.absolutePath())
                self.selectFile(info.fileName())

    def accept(self) -> None:
        if any(is_database_file(f) for f in self.selectedFiles()):
            from desktop.views import prompts

            prompts.warn(
                self,
                QApplication.translate("filedialogs", "不能选择此文件"),
                QApplication.translate("filedialogs", "这是本程序正在使用的数据库文件，请选择其他文件。"),
            )
            return
        super().accept()


def _run(dialog: FileDialog) -> tuple[list[str], str]:
    """Show ``dialog`` modally; the chosen files (none if cancelled) and the chosen filter."""
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return [], ""
        return dialog.selectedFiles(), dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def get_save_file_name(
    parent: QWidget | None = None, caption: str = "", dir: str = "", filter: str = ""
) -> tuple[str, str]:
    dialog = FileDialog(parent, caption, dir, filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    files, chosen = _run(dialog)
    return (files[0], chosen) if files else ("", "")


def get_open_file_name(
    parent: QWidget | None = None, caption: str = "", dir: str = "", filter: str = ""
) -> tuple[str, str]:
    dialog = FileDialog(parent, caption, dir, filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    files, chosen = _run(dialog)
    return (files[0], chosen) if files else ("", "")


def get_open_file_names(
    parent: QWidget | None = None, caption: str = "", dir: str = "", filter: str = ""
) -> tuple[list[str], str]:
    dialog = FileDialog(parent, caption, dir, filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def get_existing_directory(parent: QWidget | None = None, caption: str = "", dir: str = "") -> str:
    dialog = FileDialog(parent, caption, dir)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    files, _ = _run(dialog)
    return files[0] if files else ""
