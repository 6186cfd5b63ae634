"""The visitor log (来访记录): search, sort, page lazily, export a day's 来访登记表."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import settings, visitors
from desktop.services.auth import Actor
from desktop.services.visitors import LogQuery
from desktop.views import changes, filedialogs, ops, printing
from desktop.views.fields import pydate, qdate
from desktop.views.visit_models import VisitLogModel


class VisitorLogView(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.query = LogQuery()
        self._generation = 0
        self.model = VisitLogModel(self._fetch_page, self)
        self.model.sort_requested = self._sort
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.search)

        self.text = QLineEdit()
        self.text.setObjectName("logSearch")
        self.text.setPlaceholderText(self.tr("姓名 / 单位 / 电话 / 拼音首字母（如 zw）"))
        self.text.setClearButtonEnabled(True)
        today = clock.today()
        self.date_from = QDateEdit(qdate(today - dt.timedelta(days=30)))
        self.date_to = QDateEdit(qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("已签到（全部）"), (visitors.ON_SITE, visitors.LEFT))
        self.status_filter.addItem(self.tr("在访"), (visitors.ON_SITE,))
        self.status_filter.addItem(self.tr("已离开"), (visitors.LEFT,))
        self.count_label = QLabel()
        self.count_label.setObjectName("logCount")
        export_button = QPushButton(self.tr("导出来访登记表…"))
        export_button.clicked.connect(self.export_day)
        preview_button = QPushButton(self.tr("打印预览…"))
        preview_button.clicked.connect(self.preview_day)
        self.export_date = QDateEdit(qdate(today))
        self.export_date.setCalendarPopup(True)
        self.export_date.setDisplayFormat("yyyy-MM-dd")

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("查找")))
        bar.addWidget(self.text, 3)
        bar.addWidget(QLabel(self.tr("日期")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("—"))
        bar.addWidget(self.date_to)
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        export_bar = QHBoxLayout()
        export_bar.addWidget(QLabel(self.tr("来访登记表日期")))
        export_bar.addWidget(self.export_date)
        export_bar.addWidget(export_button)
        export_bar.addWidget(preview_button)
        export_bar.addStretch(1)
        if actor.can("applications.file"):
            backfill = QPushButton(self.tr("为所选来访补填接待申请…"))
            backfill.setObjectName("backfill")
            backfill.clicked.connect(self.backfill_selected)
            export_bar.addWidget(backfill)

        self.table = QTableView()
        self.table.setObjectName("logTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 60, 80, 200, 110, 150, 45, 100, 120, 70, 80, 70, 45)):
            self.table.setColumnWidth(column, width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addLayout(export_bar)

        self.text.textChanged.connect(self._debounce.start)
        self.text.returnPressed.connect(self.search)
        self.date_from.dateChanged.connect(self._debounce.start)
        self.date_to.dateChanged.connect(self._debounce.start)
        self.status_filter.currentIndexChanged.connect(self.search)
        self.search()
        changes.watch(self, (changes.VISITS, changes.APPLICATIONS), self.search)  # a check-in, a 补填

    # ------------------------------------------------------------------ search

    def current_query(self) -> LogQuery:
        return LogQuery(
            text=self.text.text(),
            date_from=pydate(self.date_from.date()),
            date_to=pydate(self.date_to.date()),
            statuses=tuple(self.status_filter.currentData()),
            sort_key=self.query.sort_key,
            descending=self.query.descending,
        )

    def _fetch_page(self, offset: int, limit: int):
        return visitors.search_log(self.actor, self.query, offset, limit)

    def _sort(self, key: str, descending: bool) -> None:
        self.query.sort_key, self.query.descending = key, descending
        self.search()

    def search(self) -> None:
        """Count and first page run in the background; stale answers are dropped."""
        self._debounce.stop()
        self.query = self.current_query()
        self._generation += 1
        generation = self._generation
        query, actor, page = self.query, self.actor, VisitLogModel.PAGE
        self.count_label.setText(self.tr("查找中…"))

        def work(_progress: ops.Progress):
            return visitors.count_log(actor, query), visitors.search_log(actor, query, 0, page)

        def done(result) -> None:
            if generation != self._generation:
                return
            total, rows = result
            self.model.reset_with(total, rows)
            self.count_label.setText(self.tr("共 {n} 条").format(n=total))

        ops.run(self, work, done, progress_dialog=False)

    # ------------------------------------------------------------------ 补填

    def backfill_selected(self):
        """An important walk-in was received without an application: file it afterwards."""
        from desktop.services import applications
        from desktop.services.errors import ServiceError
        from desktop.views import prompts
        from desktop.views.application_editor import ApplicationDialog

        row = self.model.row_at(self.table.currentIndex())
        if row is None:
            return None
        try:
            form = applications.from_visit(self.actor, row.id)
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return None
        dialog = ApplicationDialog(self.actor, form=form, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ export

    def _export(self, path: Path, then=None) -> None:
        from desktop.exporters import visitor_log as log_export  # reportlab loads on first use

        day = pydate(self.export_date.date())
        actor = self.actor
        company, form_no = settings.company_name(), settings.get("visitor_log_form_no")
        from desktop.services import retention

        keep_days = retention.retention_days()

        def work(_progress: ops.Progress) -> Path:
            rows = visitors.day_log(actor, day)
            return log_export.export_visitor_log(rows, day, company, form_no, path, keep_days)

        ops.run(
            self,
            work,
            then or (lambda p: self.count_label.setText(self.tr("已导出：{path}").format(path=p))),
            label=self.tr("正在导出来访登记表…"),
        )

    def export_day(self) -> None:
        day = pydate(self.export_date.date())
        suggested = str(Path.home() / f"来访登记表-{day:%Y%m%d}.xlsx")
        path, _ = filedialogs.get_save_file_name(
            self, self.tr("导出来访登记表"), suggested, self.tr("Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)")
        )
        if path:
            if not path.lower().endswith((".xlsx", ".pdf")):
                path += ".xlsx"
            self._export(Path(path))

    def preview_day(self) -> None:
        import tempfile

        day = pydate(self.export_date.date())
        path = Path(tempfile.mkdtemp(prefix="reception-print-")) / f"visitor-log-{day:%Y%m%d}.pdf"

        def show(result) -> None:
            printing.show_preview(self, Path(result), self.tr("来访登记表"))

        self._export(path, show)
