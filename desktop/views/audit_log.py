"""审计日志 (issue 12): the audit trail for 审计 and 系统管理员, read-only.

Filters by person, record, kind, action and dates; old → new in one readable column (the whole
text in the tooltip); export to .xlsx; and 校验审计链, which walks the hash chain off the UI
thread and says whether it is intact and at which entry it breaks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import audit
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError
from desktop.views import changes, filedialogs, ops, prompts
from desktop.views.fields import pydate, qdate
from desktop.views.table_model import Column, RowTableModel, make_table

PAGE = 500  # rows shown; the export takes every matching row


class AuditLogView(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.setObjectName("auditLog")
        self.model = RowTableModel(
            [
                Column("at", self.tr("时间"), lambda r: f"{r.at:%Y-%m-%d %H:%M:%S}", value=lambda r: r.at),
                Column("user", self.tr("操作人"), lambda r: r.user_name),
                Column("action", self.tr("操作"), lambda r: r.action_text),
                Column("kind", self.tr("记录类型"), lambda r: r.kind_text),
                Column("record", self.tr("记录"), lambda r: r.record_id),
                Column(
                    "changes",
                    self.tr("变更（原值 → 新值）"),
                    lambda r: r.changes_text,
                    tooltip=lambda r: r.changes_text.replace("; ", "\n") or None,
                ),
                Column("note", self.tr("备注"), lambda r: r.note, tooltip=lambda r: r.note or None),
            ],
            self,
        )
        self.table = make_table(self.model, name="auditTable")

        self.person = QLineEdit()
        self.person.setObjectName("auditPerson")
        self.person.setPlaceholderText(self.tr("操作人"))
        self.record = QLineEdit()
        self.record.setObjectName("auditRecord")
        self.record.setPlaceholderText(self.tr("记录编号"))
        self.kind = QComboBox()
        self.kind.setObjectName("auditKind")
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.use_dates = QCheckBox(self.tr("日期"))
        self.use_dates.setObjectName("auditUseDates")
        today = clock.today()
        self.date_from = QDateEdit(qdate(today - dt.timedelta(days=30)))
        self.date_to = QDateEdit(qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.search_button = QPushButton(self.tr("查询"))
        self.search_button.setObjectName("auditSearch")
        self.search_button.clicked.connect(self.refresh)
        for edit in (self.person, self.record):
            edit.returnPressed.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self.ask_export)
        self.verify_button = QPushButton(self.tr("校验审计链"))
        self.verify_button.setObjectName("auditVerify")
        self.verify_button.clicked.connect(self.verify)
        self.summary = QLabel()
        self.summary.setObjectName("auditSummary")
        self.verdict = QLabel()
        self.verdict.setObjectName("auditVerdict")
        self.verdict.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.person, 2)
        filters.addWidget(self.record, 1)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.action, 1)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.date_to)
        filters.addWidget(self.search_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)
        layout.addLayout(bottom)
        self._fill_choices()
        self.refresh()
        # The trail grows with every write anywhere: refresh whenever shown again.
        changes.watch(self, changes.ALL | {"fines"}, self.refresh)

    def _fill_choices(self) -> None:
        for combo, items, everything in (
            (self.kind, audit.kinds_in_use(self.actor), self.tr("全部类型")),
            (self.action, audit.actions_in_use(self.actor), self.tr("全部操作")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for code, label in items:
                combo.addItem(label, code)
            index = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def filters(self) -> dict:
        values: dict = {
            "person": self.person.text().strip(),
            "record_id": self.record.text().strip(),
            "kind": self.kind.currentData() or "",
            "action": self.action.currentData() or "",
        }
        if self.use_dates.isChecked():
            values["date_from"] = pydate(self.date_from.date())
            values["date_to"] = pydate(self.date_to.date())
        return values

    def refresh(self) -> None:
        try:
            page = audit.search(self.actor, limit=PAGE, **self.filters())
        except ServiceError as exc:
            self.summary.setText(str(exc))
            self.model.set_rows([])
            return
        self.model.set_rows(page.rows)
        if page.total > len(page.rows):
            text = self.tr("共 {n} 条，显示最新的 {shown} 条；导出包含全部。").format(
                n=page.total, shown=len(page.rows)
            )
        else:
            text = self.tr("共 {n} 条").format(n=page.total)
        self.summary.setText(text)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._fill_choices()

    # ------------------------------------------------------------------------ verify

    def verify(self) -> None:
        actor = self.actor
        self.verify_button.setEnabled(False)
        self.verdict.setText(self.tr("正在校验审计链…"))

        def done(result: audit.VerifyResult) -> None:
            self.verify_button.setEnabled(True)
            self.verdict.setStyleSheet(
                "color: #1b7f3b;" if result.ok else "color: #b00020; font-weight: bold;"
            )
            self.verdict.setText(result.message)
            if not result.ok and result.first_broken_id is not None:
                self._select_entry(result.first_broken_id)

        def failed(exc: BaseException) -> None:
            self.verify_button.setEnabled(True)
            if isinstance(exc, ServiceError):
                self.verdict.setText(str(exc))
            else:
                raise exc

        ops.run(
            self,
            lambda _p: audit.verify(actor),
            done,
            failed,
            label=self.tr("正在校验审计链…"),
        )

    def _select_entry(self, entry_id: int) -> None:
        for i, row in enumerate(self.model.rows):
            if row.id == entry_id:
                self.table.selectRow(i)
                self.table.scrollTo(self.model.index(i, 0))
                return

    # ------------------------------------------------------------------------ export

    def ask_export(self) -> None:
        path, _ = filedialogs.get_save_file_name(
            self,
            self.tr("导出审计日志"),
            f"audit-log-{clock.today():%Y%m%d}.xlsx",
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export(Path(path))

    def export(self, path: Path) -> None:
        actor, filters = self.actor, self.filters()
        title = self.tr("审计日志（导出于 {at}）").format(at=f"{clock.now():%Y-%m-%d %H:%M}")

        def work(_p) -> Path:
            from desktop.exporters.audit_log import export_audit_log

            return export_audit_log(audit.all_rows(actor, **filters), path, title=title)

        def done(written: Path) -> None:
            self.summary.setText(self.tr("已导出到 {path}").format(path=written))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, (ServiceError, OSError)):
                prompts.warn(self, self.tr("导出审计日志"), str(exc))
            else:
                raise exc

        ops.run(self, work, done, failed, label=self.tr("正在导出…"))
