"""关于: the program's name, version, database and Qt version — what support asks for first."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop import __version__, paths


class AboutDialog(QDialog):
    def __init__(self, db_label: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于接待管理"))
        self.version_label = QLabel(
            self.tr("接待管理 Reception Manager\n版本 {version}").format(version=__version__)
        )
        self.version_label.setObjectName("aboutVersion")
        self.version_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        details = QLabel(
            self.tr("数据库：{db}\n数据文件夹：{data}\nQt {qt} · PySide6 {pyside} · Python {python}").format(
                db=db_label or "—",
                data=paths.data_dir(),
                qt=qVersion(),
                pyside=PySide6.__version__,
                python=platform.python_version(),
            )
        )
        details.setObjectName("aboutDetails")
        details.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.version_label)
        layout.addWidget(details)
        layout.addWidget(buttons)
