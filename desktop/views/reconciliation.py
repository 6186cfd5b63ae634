"""财务对账: import spreadsheets (preview, mapping, commit with progress and Cancel, undo), run the
matcher, decide the review queue with one click, and see every flag."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.importers.tabular import SYNONYMS, ImportRefused
from desktop.services import imports, reconcile, settings
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError
from desktop.views import changes, filedialogs, ops, prompts
from desktop.views.labels import literal
from desktop.views.table_model import Column, RowTableModel, make_table


def field_labels() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "invoice_code": translate("ImportFields", "发票代码"),
        "invoice_no": translate("ImportFields", "发票号码"),
        "date": translate("ImportFields", "日期"),
        "vendor": translate("ImportFields", "销方 / 对方户名"),
        "memo": translate("ImportFields", "摘要"),
        "amount": translate("ImportFields", "金额（不含税）"),
        "tax": translate("ImportFields", "税额"),
        "total": translate("ImportFields", "价税合计"),
        "debit": translate("ImportFields", "支出 / 借方"),
        "credit": translate("ImportFields", "存入 / 贷方"),
    }


def _money(value) -> str:
    return "" if value is None else f"{value:,.2f}"


class ImportTab(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.path: Path | None = None
        self.preview: imports.Preview | None = None
        choose = QPushButton(self.tr("选择文件…"))
        choose.clicked.connect(self.choose)
        self.file_label = QLabel(self.tr("支持 .xlsx .xls .ods .csv（UTF-8 / GBK）"))
        self.sheet = QComboBox()
        self.encoding = QComboBox()
        for label, value in (
            (self.tr("自动识别编码"), None),
            ("UTF-8", "utf-8"),
            ("GBK / GB18030", "gb18030"),
        ):
            self.encoding.addItem(label, value)
        self.header_row = QSpinBox()
        self.header_row.setRange(0, 999)
        self.header_row.setSpecialValueText(self.tr("自动"))
        reread = QPushButton(self.tr("重新读取"))
        reread.clicked.connect(lambda: self.load(use_mapping=True))
        top = QHBoxLayout()
        for w in (
            choose,
            self.file_label,
            QLabel(self.tr("工作表")),
            self.sheet,
            self.encoding,
            QLabel(self.tr("表头行")),
            self.header_row,
            reread,
        ):
            top.addWidget(w)
        top.addStretch(1)
        self.mapping: dict[str, QComboBox] = {}
        grid = QGridLayout()
        for i, name in enumerate(SYNONYMS):
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            self.mapping[name] = combo
            grid.addWidget(QLabel(field_labels()[name]), i // 5 * 2, i % 5)
            grid.addWidget(combo, i // 5 * 2 + 1, i % 5)
        self.profile = QLineEdit()
        self.profile.setPlaceholderText(self.tr("映射方案名称，如：工行对公流水"))
        save_profile = QPushButton(self.tr("保存映射方案"))
        save_profile.clicked.connect(self.save_profile)
        map_box = QGroupBox(self.tr("列映射（可修改后“重新读取”）"))
        mv = QVBoxLayout(map_box)
        mv.addLayout(grid)
        prof = QHBoxLayout()
        prof.addWidget(self.profile, 1)
        prof.addWidget(save_profile)
        mv.addLayout(prof)
        self.model = RowTableModel(
            [
                Column("row", self.tr("行"), lambda x: str(x.row), value=lambda x: x.row),
                Column("date", self.tr("日期"), lambda x: str(x.date or ""), value=lambda x: x.date),
                Column("invoice", self.tr("发票号"), lambda x: x.invoice_no or ""),
                Column("vendor", self.tr("销方 / 对方"), lambda x: x.vendor or ""),
                Column("memo", self.tr("摘要"), lambda x: x.memo or ""),
                Column(
                    "amount",
                    self.tr("金额"),
                    lambda x: _money(x.amount),
                    align_right=True,
                    value=lambda x: x.amount,
                ),
                Column(
                    "total",
                    self.tr("价税合计"),
                    lambda x: _money(x.total),
                    align_right=True,
                    value=lambda x: x.total,
                ),
                Column(
                    "status",
                    self.tr("状态"),
                    lambda x: {"new": self.tr("新"), "duplicate": self.tr("重复"), "error": self.tr("错误")}[
                        x.status
                    ],
                ),
                Column("reason", self.tr("原因"), lambda x: x.reason),
            ],
            self,
        )
        self.table = make_table(self.model, name="importPreview")
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.commit_button = QPushButton(self.tr("导入新记录"))
        self.commit_button.setObjectName("commitImport")
        self.commit_button.clicked.connect(self.commit)
        self.commit_button.setEnabled(False)
        self.batches = RowTableModel(
            [
                Column("id", self.tr("批次"), lambda b: str(b.id), value=lambda b: b.id),
                Column("file", self.tr("文件"), lambda b: b.file_name),
                Column(
                    "at",
                    self.tr("导入时间"),
                    lambda b: f"{b.imported_at:%Y-%m-%d %H:%M}",
                    value=lambda b: b.imported_at,
                ),
                Column("count", self.tr("条数"), lambda b: str(b.line_count), value=lambda b: b.line_count),
                Column("state", self.tr("状态"), lambda b: self.tr("已撤销") if b.undone else ""),
            ],
            self,
        )
        self.batch_table = make_table(self.batches, name="batches")
        self.batch_table.setMaximumHeight(150)
        undo = QPushButton(self.tr("撤销所选批次"))
        undo.clicked.connect(self.undo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.commit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(map_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(QLabel(self.tr("导入批次")))
        layout.addWidget(self.batch_table)
        layout.addWidget(undo, alignment=Qt.AlignmentFlag.AlignRight)
        self._loads = 0  # the newest file read; an older, slower answer is dropped
        self.refresh_batches()
        changes.watch(self, (changes.IMPORTS,), self.refresh_batches, skip_own=True)

    def refresh_batches(self) -> None:
        self.batches.set_rows(imports.batches(self.actor))

    def choose(self) -> None:
        path, _ = filedialogs.get_open_file_name(
            self,
            self.tr("选择发票清单或银行流水"),
            str(Path.home()),
            self.tr("电子表格 (*.xlsx *.xls *.ods *.csv)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(path.name)
        self.sheet.clear()
        self.header_row.setValue(0)
        self.load(use_mapping=False)

    def _mapping(self) -> dict[str, int]:
        return {
            name: combo.currentData()
            for name, combo in self.mapping.items()
            if combo.currentData() is not None
        }

    def load(self, use_mapping: bool, then=None) -> None:
        """Read the file off the UI thread (a whole spreadsheet can take seconds), with Cancel.

        ``then`` runs after the new preview is on screen. A later load makes an earlier,
        slower answer stale: it is dropped.
        """
        if self.path is None:
            return
        actor, path = self.actor, self.path
        options = {
            "sheet": self.sheet.currentText() or None,
            "encoding": self.encoding.currentData(),
            "header_row": self.header_row.value() or None,
            "mapping": self._mapping() if use_mapping else None,
        }
        want_sheets = self.sheet.count() == 0
        self._loads += 1
        generation = self._loads
        self.commit_button.setEnabled(False)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("正在读取 {name}…").format(name=path.name))

        def work(progress: ops.Progress):
            preview = imports.preview(actor, path, **options)
            if progress.cancelled:
                return None
            sheets: list[str] = []
            if want_sheets and preview.parsed.sheet:
                from python_calamine import CalamineWorkbook

                sheets = CalamineWorkbook.from_path(str(path)).sheet_names
            return preview, sheets

        def done(result) -> None:
            if generation != self._loads:
                return
            if result is None:
                self.summary.setText(self.tr("已取消读取。"))
                return
            self._show_preview(*result)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            if generation != self._loads:
                return
            self.preview = None
            self.model.set_rows([])
            self.commit_button.setEnabled(False)
            self.summary.setStyleSheet("color: #c0392b;")
            if isinstance(exc, ImportRefused | ServiceError):
                self.summary.setText(str(exc))
            else:
                self.summary.setText(self.tr("无法读取这个文件。"))
                prompts.show_error(self, exc)

        ops.run(self, work, done, failed, label=self.tr("正在读取表格…"))

    def _show_preview(self, preview: imports.Preview, sheets: list[str]) -> None:
        self.preview = preview
        parsed = self.preview.parsed
        if self.sheet.count() == 0 and sheets:
            self.sheet.blockSignals(True)
            self.sheet.addItems(sheets)
            self.sheet.setCurrentText(parsed.sheet)
            self.sheet.blockSignals(False)
        self.header_row.setValue(parsed.header_row)
        chosen = {
            name: parsed.headers.index(text)
            for name, text in parsed.columns.items()
            if text in parsed.headers
        }
        for name, combo in self.mapping.items():
            combo.clear()
            combo.addItem(self.tr("（无）"), None)
            for index, header in enumerate(parsed.headers):
                combo.addItem(header or self.tr("第 {n} 列").format(n=index + 1), index)
            combo.setCurrentIndex(max(combo.findData(chosen.get(name)), 0))
        self.model.set_rows(parsed.lines)
        counts = {s: sum(1 for x in parsed.lines if x.status == s) for s in ("new", "duplicate", "error")}
        profile = (
            self.tr("，使用映射方案“{p}”").format(p=self.preview.profile) if self.preview.profile else ""
        )
        self.summary.setStyleSheet("")
        self.summary.setText(
            self.tr(
                "{kind}：表头在第 {row} 行{profile}；新 {new} 条，重复 {dup} 条，错误 {err} 条，跳过 {skip} 行。"
            ).format(
                kind=self.tr("发票清单") if parsed.kind == "invoice" else self.tr("银行 / 公务卡流水"),
                row=parsed.header_row,
                profile=profile,
                new=counts["new"],
                dup=counts["duplicate"],
                err=counts["error"],
                skip=len(parsed.skipped),
            )
        )
        self.commit_button.setEnabled(counts["new"] > 0)
        self.commit_button.setText(self.tr("导入 {n} 条新记录").format(n=counts["new"]))

    def save_profile(self) -> None:
        if self.preview is None:
            return
        try:
            imports.save_profile(self.actor, self.profile.text(), self.preview, self._mapping())
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self.summary.setText(self.tr("已保存映射方案“{name}”。").format(name=self.profile.text().strip()))

    def commit(self) -> None:
        if self.preview is None:
            return
        preview, actor = self.preview, self.actor
        step_text = self.tr("正在导入 {done}/{total}…")  # no widget is touched on the worker thread

        def work(progress: ops.Progress) -> int | None:
            def report(done: int, total: int) -> None:
                progress.check()  # Cancel: raises inside the transaction, so nothing is written
                progress.report(done, total, step_text.format(done=done, total=total))

            try:
                return imports.commit(actor, preview, progress=report)
            except ops.Cancelled:
                return None  # rolled back; say so on screen

        def done(batch: int | None) -> None:
            if batch is None:
                self.summary.setText(self.tr("已取消导入，没有写入任何记录。") + self.summary.text())
                return
            self.refresh_batches()

            def imported() -> None:  # after the preview shows them as imported
                self.summary.setText(
                    self.tr("已导入，批次 {batch}。").format(batch=batch) + self.summary.text()
                )

            self.load(use_mapping=True, then=imported)

        ops.run(
            self,
            work,
            done,
            label=self.tr("正在导入…"),
            write=True,
            changes=(changes.IMPORTS, changes.RECONCILIATION),
        )

    def undo(self) -> None:
        batch = self.batches.row_at(self.batch_table.currentIndex())
        if batch is None:
            return
        if not prompts.ask(
            self,
            self.tr("撤销批次"),
            self.tr("撤销批次 {id}（{n} 条）吗？").format(id=batch.id, n=batch.line_count),
        ):
            return
        actor = self.actor
        ops.run(
            self,
            lambda _p: imports.undo(actor, batch.id),
            lambda _n: self.refresh_batches(),
            lambda exc: (prompts.show_error(self, exc), self.refresh_batches()),
            progress_dialog=False,
            write=True,
            changes=(changes.IMPORTS, changes.RECONCILIATION),
        )


class MatchTab(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        today = clock.today()
        self.date_from = QDateEdit(QDate(today.year, today.month, 1).addMonths(-1))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        run = QPushButton(self.tr("运行对账"))
        run.setObjectName("runReconcile")
        run.clicked.connect(self.run)
        export = QPushButton(self.tr("导出对账报告…"))
        export.clicked.connect(self.export)
        top = QHBoxLayout()
        for w in (QLabel(self.tr("期间")), self.date_from, QLabel("—"), self.date_to, run, export):
            top.addWidget(w)
        top.addStretch(1)
        self.status = QLabel()
        self.review = RowTableModel(
            [
                Column(
                    "date",
                    self.tr("日期"),
                    lambda r: str(r.imported.date or ""),
                    value=lambda r: r.imported.date,
                ),
                Column("vendor", self.tr("销方 / 对方"), lambda r: r.imported.vendor or r.imported.memo),
                Column("invoice", self.tr("发票号"), lambda r: r.imported.invoice_no),
                Column(
                    "total",
                    self.tr("金额"),
                    lambda r: _money(r.imported.total),
                    align_right=True,
                    value=lambda r: r.imported.total,
                ),
                Column(
                    "best", self.tr("最佳候选"), lambda r: r.candidates[0].reception if r.candidates else ""
                ),
                Column(
                    "score",
                    self.tr("得分"),
                    lambda r: f"{r.candidates[0].score:.0f}" if r.candidates else "",
                    value=lambda r: r.candidates[0].score if r.candidates else None,
                ),
                Column(
                    "why",
                    self.tr("理由"),
                    lambda r: r.candidates[0].why if r.candidates else self.tr("无候选"),
                ),
            ],
            self,
        )
        self.review_table = make_table(self.review, name="reviewTable")
        match = QPushButton(self.tr("匹配最佳候选"))
        match.clicked.connect(self.match_best)
        not_rec = QPushButton(self.tr("非接待费用"))
        not_rec.clicked.connect(self.not_reception)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(not_rec)
        buttons.addWidget(match)
        self.flags = RowTableModel(
            [
                Column("code", self.tr("类别"), lambda f: reconcile.flag_label(f.code)),
                Column("message", self.tr("说明"), lambda f: f.message),
                Column("reception", self.tr("接待"), lambda f: f.reception),
            ],
            self,
        )
        self.flag_table = make_table(self.flags, name="flagTable")
        self.flag_table.doubleClicked.connect(self.open_flag)
        kind_labels = {"auto": self.tr("自动"), "manual": self.tr("手工"), "not_reception": self.tr("非接待")}
        self.decided = RowTableModel(
            [
                Column(
                    "date",
                    self.tr("日期"),
                    lambda m: str(m.imported.date or ""),
                    value=lambda m: m.imported.date,
                ),
                Column("vendor", self.tr("销方 / 对方"), lambda m: m.imported.vendor or m.imported.memo),
                Column(
                    "total",
                    self.tr("金额"),
                    lambda m: _money(m.imported.total),
                    align_right=True,
                    value=lambda m: m.imported.total,
                ),
                Column("reception", self.tr("匹配到"), lambda m: m.reception),
                Column("kind", self.tr("方式"), lambda m: kind_labels.get(m.kind, m.kind)),
            ],
            self,
        )
        self.decided_table = make_table(self.decided, name="decidedTable")
        unmatch = QPushButton(self.tr("取消所选匹配"))
        unmatch.clicked.connect(self.unmatch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("待复核（不会仅凭金额和日期自动匹配）")))
        layout.addWidget(self.review_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("问题清单（双击打开接待申请）")))
        layout.addWidget(self.flag_table, 1)
        decided_row = QHBoxLayout()
        decided_row.addWidget(QLabel(self.tr("已处理")))
        decided_row.addStretch(1)
        decided_row.addWidget(unmatch)
        layout.addLayout(decided_row)
        layout.addWidget(self.decided_table, 1)
        self.items: list[reconcile.ReviewItem] = []
        self.run()  # what is waiting, as soon as the window opens
        # New lines, claims or settings elsewhere: match again when this tab is next seen.
        changes.watch(self, (changes.IMPORTS, changes.EXPENSES, changes.SETTINGS), self.run, skip_own=True)

    def period(self) -> tuple[dt.date, dt.date]:
        a, b = self.date_from.date(), self.date_to.date()
        return dt.date(a.year(), a.month(), a.day()), dt.date(b.year(), b.month(), b.day())

    def run(self) -> None:
        start, end = self.period()
        actor = self.actor

        def work(progress: ops.Progress):
            def report(done, total):
                progress.check()  # Cancel: nothing is written, matches are saved at the end
                progress.report(done, total, "")

            result = reconcile.run(actor, start, end, progress=report)
            return result, reconcile.flags(actor, start, end), reconcile.matched(actor, start, end)

        # Matching writes the matches it is sure of: on the one database-writer thread.

        def done(result) -> None:
            outcome, flags, decided = result
            self.decided.set_rows(decided)
            queue = outcome.review + [reconcile.ReviewItem(o, []) for o in outcome.unmatched_no_candidate]
            self.review.set_rows(queue)
            self.flags.set_rows(flags)
            self.status.setText(
                self.tr("本次自动匹配 {m} 条；待复核 {r} 条；问题 {f} 条。").format(
                    m=outcome.matched, r=len(queue), f=len(flags)
                )
            )

        ops.run(self, work, done, label=self.tr("正在对账…"), write=True, changes=(changes.RECONCILIATION,))

    def _current(self):
        return self.review.row_at(self.review_table.currentIndex())

    def match_best(self) -> None:
        item = self._current()
        if item is None or not item.candidates:
            return
        imported_id, expense_id = item.imported.id, item.candidates[0].expense_id
        self._decide(lambda actor: reconcile.match(actor, imported_id, expense_id))

    def not_reception(self) -> None:
        item = self._current()
        if item is None:
            return
        imported_id = item.imported.id
        self._decide(lambda actor: reconcile.not_reception(actor, imported_id))

    def unmatch(self) -> None:
        item = self.decided.row_at(self.decided_table.currentIndex())
        if item is None:
            return
        imported_id = item.imported.id
        self._decide(lambda actor: reconcile.unmatch(actor, imported_id))

    def _decide(self, write) -> None:
        """One review decision on the writer thread, then the lists again."""
        actor = self.actor
        ops.run(
            self,
            lambda _p: write(actor),
            lambda _r: self.run(),
            progress_dialog=False,
            write=True,
            changes=(changes.RECONCILIATION,),
        )

    @staticmethod
    def flag_application_id(flag: reconcile.Flag | None) -> int | None:
        return flag.application_id if flag is not None else None

    def open_flag(self, index) -> None:
        application_id = self.flag_application_id(self.flags.row_at(index))
        if application_id is None:
            return
        from desktop.views.application_editor import ApplicationDialog

        dialog = ApplicationDialog(self.actor, application_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export(self) -> None:
        start, end = self.period()
        path, _ = filedialogs.get_save_file_name(
            self,
            self.tr("导出对账报告"),
            str(Path.home() / f"对账报告-{start}-{end}.xlsx"),
            self.tr("Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)"),
        )
        if not path:
            return
        from desktop.exporters import finance_reports

        actor, company = self.actor, settings.company_name()
        ops.run(
            self,
            lambda _p: finance_reports.write_report(
                reconcile.report_data(actor, start, end, company), Path(path)
            ),
            lambda p: self.status.setText(self.tr("已导出：{path}").format(path=p)),
            label=self.tr("正在导出…"),
        )


class ReconciliationView(QTabWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.importer = ImportTab(actor)
        self.matcher = MatchTab(actor)
        self.addTab(self.matcher, literal(self.tr("对账")))
        self.addTab(self.importer, literal(self.tr("导入")))

    def refresh(self) -> None:
        self.importer.refresh_batches()
        self.matcher.run()
