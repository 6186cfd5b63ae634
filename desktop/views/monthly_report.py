"""The 月度接待报告 dialog: pick a month and a format, save the report (opened from the dashboard)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QWidget

from desktop import clock
from desktop.exporters import monthly_report as monthly_export
from desktop.services import monthly_report
from desktop.services.auth import Actor
from desktop.views import filedialogs, prompts


class MonthlyReportDialog(QDialog):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.setWindowTitle(self.tr("月度接待报告"))
        self.setMinimumWidth(360)
        today = clock.today()
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setObjectName("reportMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.format = QComboBox()
        self.format.setObjectName("reportFormat")
        self.format.addItem(self.tr("Excel 工作簿 (.xlsx)"), ".xlsx")
        self.format.addItem(self.tr("PDF (.pdf)"), ".pdf")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.ask_save)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("月份"), self.month)
        layout.addRow(self.tr("格式"), self.format)
        layout.addRow(buttons)

    def selected_month(self) -> tuple[int, int]:
        day = self.month.date()
        return day.year(), day.month()

    def ask_save(self) -> None:
        year, month = self.selected_month()
        suffix = self.format.currentData()
        path, _ = filedialogs.get_save_file_name(
            self,
            self.tr("保存月度接待报告"),
            f"月度接待报告-{year}-{month:02d}{suffix}",
            self.tr("Excel 工作簿 (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF 文件 (*.pdf)"),
        )
        if path:
            self.save(Path(path if path.lower().endswith(suffix) else path + suffix))

    def save(self, path: Path) -> Path | None:
        year, month = self.selected_month()
        try:
            report = monthly_report.build(self.actor, year, month)
            monthly_export.export_monthly_report(report, path)
        except (OSError, ValueError) as exc:
            prompts.warn(self, self.tr("月度接待报告"), str(exc))
            return None
        self.accept()
        return path
