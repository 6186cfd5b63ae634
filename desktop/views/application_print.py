"""Export and print the 客户接待申请表 (in the background; the form may take a moment)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QWidget

from desktop.services import applications as apps
from desktop.services import settings
from desktop.services.auth import Actor
from desktop.views import filedialogs, ops, printing

translate = QCoreApplication.translate


def write(actor: Actor, application_id: int, path: Path) -> Path:
    from desktop.exporters import application_form

    detail = apps.get(actor, application_id)
    return application_form.export_application(
        detail, settings.company_name(), settings.get("application_form_no"), path
    )


def save_as(parent: QWidget, actor: Actor, application_id: int, then=None) -> None:
    detail = apps.get(actor, application_id)
    suggested = str(Path.home() / f"客户接待申请表-{detail.info.number}.xlsx")
    path, _ = filedialogs.get_save_file_name(
        parent,
        translate("application_print", "导出客户接待申请表"),
        suggested,
        translate("application_print", "Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)"),
    )
    if not path:
        return
    if not path.lower().endswith((".xlsx", ".pdf")):
        path += ".xlsx"
    ops.run(
        parent,
        lambda _p: write(actor, application_id, Path(path)),
        then or (lambda _r: None),
        label=translate("application_print", "正在导出…"),
    )


def preview(parent: QWidget, actor: Actor, application_id: int) -> None:
    target = Path(tempfile.mkdtemp(prefix="reception-print-")) / f"application-{application_id}.pdf"

    def show(result) -> None:
        printing.show_preview(parent, Path(result), translate("application_print", "客户接待申请表"))

    ops.run(
        parent,
        lambda _p: write(actor, application_id, target),
        show,
        label=translate("application_print", "正在生成…"),
    )


def export_or_print(parent: QWidget, actor: Actor, application_id: int) -> None:
    menu = QMenu(parent)
    menu.addAction(
        translate("application_print", "导出为 Excel / PDF…"), lambda: save_as(parent, actor, application_id)
    )
    menu.addAction(
        translate("application_print", "打印预览…"), lambda: preview(parent, actor, application_id)
    )
    menu.exec(QCursor.pos())
    menu.deleteLater()  # one menu per click would otherwise live as long as the window
