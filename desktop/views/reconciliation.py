"""财务对账: import spreadsheets (preview, mapping, commit with progress and Cancel, undo), run the
matcher, decide the review queue with one click, and see every flag."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.importers.tabular import SYNONYMS, ImportRefused, Line
from desktop.services import imports
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError
from desktop.views import changes, filedialogs, ops, prompts
from desktop.views.labels import literal
from desktop.views.reconcile_queue import MatchTab
from desktop.views.reconcile_rules_tab import RulesTab
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
        self.file_label = QLabel(self.tr("表格 .xlsx .xls .ods .csv；电子发票 .pdf .ofd .xml"))
        self.file_label.setToolTip(self.tr("电子发票可多选，也可把文件或文件夹拖到这一页"))
        # wraps: a long file name (or translation) in one line widened the whole 财务对账 view
        # past a 1024-pixel screen, and the view scrolled sideways
        self.file_label.setWordWrap(True)
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
                    lambda x: {
                        "new": self.tr("新"),
                        "duplicate": self.tr("重复"),
                        "error": self.tr("错误"),
                        "skipped": self.tr("跳过"),
                    }[x.status],
                ),
                # the whole reason: wrapped in its row, and as the tooltip (issue 13)
                Column("reason", self.tr("原因"), lambda x: x.reason, tooltip=lambda x: x.reason or None),
            ],
            self,
        )
        self.table = make_table(self.model, name="importPreview")
        self._reason_column = len(self.model.columns) - 1
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(
            self._reason_column, QHeaderView.ResizeMode.Stretch
        )
        self.table.horizontalHeader().sectionResized.connect(
            lambda index, *_: index == self._reason_column and self._fit_reason_rows()
        )
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
        from desktop.views import einvoice_import  # files and folders dropped here (issue 13)

        self.drops = einvoice_import.FileDrops(self, lambda paths: einvoice_import.route(self, paths))
        self.refresh_batches()
        changes.watch(self, (changes.IMPORTS,), self.imports_changed, skip_own=True)

    def refresh_batches(self) -> None:
        self.batches.set_rows(imports.batches(self.actor))

    def imports_changed(self) -> None:
        """A batch was imported or undone (here or elsewhere): the list of batches and the
        preview's 新 / 重复 marks are read again — an undone batch's lines are new again."""
        self.refresh_batches()
        if self.path is not None and self.preview is not None:
            self.load(use_mapping=True)

    # Rows fitted to their wrapped reason at most: beyond, the tooltip still shows it whole.
    FIT_ROWS = 2000

    def _fit_reason_rows(self) -> None:
        """Rows whose reason wraps get their height; measuring every row of a 100,000-line
        file would stall the window, and most rows have no reason at all."""
        fitted = 0
        for i, line in enumerate(self.model.rows):
            if line.reason:
                self.table.resizeRowToContents(i)
                fitted += 1
                if fitted >= self.FIT_ROWS:
                    break

    def choose(self) -> None:
        """One spreadsheet, or many e-invoice files (issue 13: they open their own preview)."""
        from desktop.views import einvoice_import

        paths, _ = filedialogs.get_open_file_names(
            self, self.tr("选择发票清单、银行流水或电子发票"), str(Path.home()), einvoice_import.file_filter()
        )
        if paths:
            einvoice_import.route(self, [Path(p) for p in paths])

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

        step_text = self.tr("正在读取 {done}/{total} 行…")  # no widget is touched on the worker thread

        def work(progress: ops.Progress):
            def report(done: int, total: int) -> None:
                progress.check()  # Cancel stops the reading between two blocks of rows
                progress.report(done, total, step_text.format(done=done, total=total))

            try:
                preview = imports.preview(actor, path, progress=report, **options)
            except ops.Cancelled:
                return None
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
        # Skipped rows other than blank ones (a 合计 row, a footer sentence) are listed with their
        # reason, so finance sees what was left out and why.
        blank = QCoreApplication.translate("imports", "空行")  # the reader's reason for a blank row
        skipped = [Line(row, status="skipped", reason=why) for row, why in parsed.skipped if why != blank]
        self.model.set_rows(sorted([*parsed.lines, *skipped], key=lambda x: x.row))
        self._fit_reason_rows()
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
            lambda _n: self.imports_changed(),  # the preview's 重复 marks of that batch are stale
            lambda exc: (prompts.show_error(self, exc), self.refresh_batches()),
            progress_dialog=False,
            write=True,
            changes=(changes.IMPORTS, changes.RECONCILIATION),
        )


class ReconciliationView(QTabWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.importer = ImportTab(actor)
        self.matcher = MatchTab(actor)
        self.rules = RulesTab(actor)
        self.addTab(self.matcher, literal(self.tr("对账")))
        self.addTab(self.importer, literal(self.tr("导入")))
        self.addTab(self.rules, literal(self.tr("对账规则")))

    def refresh(self) -> None:
        self.importer.refresh_batches()
        self.matcher.run()
