"""导入 of e-invoice files (issue 13): drop or choose many PDFs, OFDs and 数电票 XMLs — or folders of
them — see one line per invoice with what was found about it (a duplicate and who holds it, a QR
code that disagrees with the page, a wrong 抬头, a red invoice), and import them as one batch that
the 导入 tab lists and can undo like a spreadsheet's.

The 导入 tab keeps its spreadsheet preview; files it is given are routed here by :func:`route`
(spreadsheets back to the tab), whether chosen in the file dialog or dropped on it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.importers import einvoice
from desktop.importers.tabular import CSV_SUFFIXES, WORKBOOK_SUFFIXES, ImportRefused
from desktop.services import invoices
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError
from desktop.views import changes, filedialogs, ops, prompts
from desktop.views.editor import EditorDialog
from desktop.views.table_model import Column, RowTableModel, make_table

SPREADSHEET_SUFFIXES = WORKBOOK_SUFFIXES | CSV_SUFFIXES


def local_paths(mime) -> list[Path]:
    """The local files and folders a drag carries (web links and text are not files)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class FileDrops(QObject):
    """Local files and folders dropped on ``widget`` (or any child that does not take drops
    itself) go to ``callback(paths)``. An event filter, so the widget's class stays as it is."""

    def __init__(self, widget: QWidget, callback):
        super().__init__(widget)
        self.callback = callback
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = local_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.callback(paths)
                return True
        return False


def split(paths: list[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(e-invoice files and folders, spreadsheets, anything else)."""
    found: tuple[list[Path], list[Path], list[Path]] = ([], [], [])
    for path in map(Path, paths):
        if path.is_dir() or einvoice.is_einvoice(path):
            found[0].append(path)
        elif path.suffix.lower() in SPREADSHEET_SUFFIXES:
            found[1].append(path)
        else:
            found[2].append(path)
    return found


def file_filter() -> str:
    return ";;".join(
        (
            QCoreApplication.translate(
                "EInvoiceImport", "电子表格或电子发票 (*.xlsx *.xls *.ods *.csv *.pdf *.ofd *.xml)"
            ),
            QCoreApplication.translate("EInvoiceImport", "电子发票 (*.pdf *.ofd *.xml)"),
            QCoreApplication.translate("EInvoiceImport", "电子表格 (*.xlsx *.xls *.ods *.csv)"),
        )
    )


def route(tab, paths: list[Path]) -> None:
    """Files for the 导入 tab ``tab``: e-invoices to its e-invoice preview, one spreadsheet to the
    tab's own preview (``tab.open_file``); what fits neither is said in a message box."""
    invoices_, sheets, others = split(paths)
    notes = []
    if invoices_:
        dialog = getattr(tab, "einvoice_dialog", None)
        if dialog is None:  # kept on the tab: a dialog held by a local dies with the call
            dialog = tab.einvoice_dialog = EInvoiceImportDialog(tab.actor, tab)
        dialog.show()
        dialog.raise_()
        dialog.add_paths(invoices_)
    if sheets:
        tab.open_file(sheets[0])
        if len(sheets) > 1:
            notes.append(
                QCoreApplication.translate(
                    "EInvoiceImport", "一次导入一个电子表格：已打开 {name}，其余请逐个导入。"
                ).format(name=sheets[0].name)
            )
    if others:
        notes.append(
            QCoreApplication.translate("EInvoiceImport", "{name} 不是电子表格或电子发票，未导入。").format(
                name="、".join(p.name for p in others[:3])
            )
        )
    if notes:  # a box, not the summary line: the spreadsheet's preview would overwrite that
        prompts.warn(tab, QCoreApplication.translate("EInvoiceImport", "导入"), " ".join(notes))


class EInvoiceImportDialog(EditorDialog):
    """The preview of e-invoice files and their import. Nothing typed here, so closing never asks."""

    default_size = QSize(980, 560)

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入电子发票"))
        self.actor = actor
        self.paths: list[Path] = []
        self.preview: invoices.FilesPreview | None = None
        self._loads = 0
        hint = QLabel(
            self.tr("把电子发票（PDF、OFD、数电票 XML）或整个文件夹拖到这里，或点“添加文件…”。每张发票一行。")
        )
        hint.setWordWrap(True)
        status = {"new": self.tr("新"), "duplicate": self.tr("重复"), "error": self.tr("错误")}
        self.model = RowTableModel(
            [
                Column("file", self.tr("文件"), lambda x: x.file, tooltip=lambda x: x.file),
                Column(
                    "type",
                    self.tr("类型"),
                    lambda x: x.invoice.short_label if x.invoice else "",
                    tooltip=lambda x: x.invoice.type_label if x.invoice else None,
                ),
                Column("number", self.tr("发票号码"), lambda x: x.invoice_no),
                Column("date", self.tr("开票日期"), lambda x: str(x.date or ""), value=lambda x: x.date),
                Column("seller", self.tr("销售方"), lambda x: x.vendor, tooltip=lambda x: x.vendor or None),
                Column(
                    "total",
                    self.tr("价税合计"),
                    lambda x: "" if x.total is None else f"{x.total:,.2f}",
                    align_right=True,
                    value=lambda x: x.total,
                ),
                Column(
                    "status",
                    self.tr("状态"),
                    lambda x: (
                        status[x.status] + (self.tr("（有提示）") if x.status == "new" and x.notes else "")
                    ),
                ),
                Column(
                    "reason", self.tr("原因 / 提示"), lambda x: x.reason, tooltip=lambda x: x.reason or None
                ),
            ],
            self,
        )
        self.table = make_table(self.model, name="einvoicePreview")
        # A long file or seller name pushed 状态 and 原因 off the right edge at 1024×768: those
        # two columns keep a width of their own and elide (the whole name is the tooltip).
        header = self.table.horizontalHeader()
        keys = [c.key for c in self.model.columns]
        for key, width in (("file", 220), ("seller", 200)):
            header.setSectionResizeMode(keys.index(key), QHeaderView.ResizeMode.Interactive)
            header.resizeSection(keys.index(key), width)
        self.detail = QLabel()  # the whole reason of the selected invoice, wrapped
        self.detail.setObjectName("einvoiceDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.summary = QLabel()
        self.summary.setObjectName("einvoiceSummary")
        self.summary.setWordWrap(True)
        add_files = QPushButton(self.tr("添加文件…"))
        add_files.clicked.connect(self.choose_files)
        add_folder = QPushButton(self.tr("添加文件夹…"))
        add_folder.clicked.connect(self.choose_folder)
        clear = QPushButton(self.tr("清空"))
        clear.clicked.connect(self.clear)
        self.commit_button = QPushButton(self.tr("导入新发票"))
        self.commit_button.setObjectName("commitEInvoices")
        self.commit_button.setEnabled(False)
        self.commit_button.clicked.connect(self.commit)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (add_files, add_folder, clear):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.commit_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.drops = FileDrops(self, self.add_paths)
        self.set_modified(False)

    # ------------------------------------------------------------------ files

    def choose_files(self) -> None:
        paths, _ = filedialogs.get_open_file_names(
            self, self.tr("选择电子发票"), str(Path.home()), self.tr("电子发票 (*.pdf *.ofd *.xml)")
        )
        if paths:
            self.add_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = filedialogs.get_existing_directory(
            self, self.tr("选择存放电子发票的文件夹"), str(Path.home())
        )
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        invoices_, sheets, others = split(paths)
        known = set(self.paths)
        self.paths += [p for p in invoices_ if p not in known]
        if sheets or others:
            self.summary.setText(
                self.tr("{names} 不是电子发票，请在“导入”页导入电子表格。").format(
                    names="、".join(p.name for p in (sheets + others)[:3])
                )
            )
        if invoices_:
            self.load()

    def clear(self) -> None:
        self.paths = []
        self.preview = None
        self._loads += 1
        self.model.set_rows([])
        self.detail.setText("")
        self.summary.setText("")
        self.commit_button.setEnabled(False)

    def load(self, then=None) -> None:
        """Read every file off the UI thread (a PDF page is rendered for its QR code)."""
        if not self.paths:
            return
        actor, paths = self.actor, list(self.paths)
        self._loads += 1
        generation = self._loads
        self.commit_button.setEnabled(False)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("正在读取 {n} 个文件…").format(n=len(paths)))
        step = self.tr("正在读取 {done}/{total}…")

        def work(progress: ops.Progress):
            def report(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total, step.format(done=done, total=total))

            try:
                return invoices.preview_files(actor, paths, progress=report)
            except ops.Cancelled:
                return None

        def done(preview) -> None:
            if generation != self._loads:
                return
            if preview is None:
                self.summary.setText(self.tr("已取消读取。"))
                return
            self._show(preview)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            if generation != self._loads:
                return
            self.summary.setStyleSheet("color: #c0392b;")
            if isinstance(exc, ImportRefused | ServiceError):
                self.summary.setText(str(exc))
            else:
                self.summary.setText(self.tr("无法读取这些文件。"))
                prompts.show_error(self, exc)

        ops.run(self, work, done, failed, label=self.tr("正在读取电子发票…"))

    def _show(self, preview: invoices.FilesPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.lines)
        self.detail.setText("")
        if preview.lines:
            self.table.selectRow(0)
        counts = preview.counts()
        flagged = sum(1 for x in preview.lines if x.status == "new" and x.notes)
        self.summary.setStyleSheet("")
        self.summary.setText(
            self.tr(
                "{files} 个文件：新 {new} 张（其中 {flagged} 张有提示），重复 {dup} 张，无法读取 {err} 个。"
            ).format(
                files=len(preview.lines),
                new=counts["new"],
                flagged=flagged,
                dup=counts["duplicate"],
                err=counts["error"],
            )
        )
        self.commit_button.setEnabled(counts["new"] > 0)
        self.commit_button.setText(self.tr("导入 {n} 张新发票").format(n=counts["new"]))

    def _show_detail(self) -> None:
        line = self.model.row_at(self.table.currentIndex())
        if line is None:
            self.detail.setText("")
            return
        text = line.reason or self.tr("没有问题。")
        self.detail.setText(self.tr("{file}：{text}").format(file=line.file, text=text))

    def commit(self) -> None:
        if self.preview is None or not self.preview.new_lines:
            return
        preview, actor = self.preview, self.actor

        def done(batch: int) -> None:
            def imported() -> None:
                self.summary.setText(
                    self.tr("已导入，批次 {batch}。").format(batch=batch) + self.summary.text()
                )

            self.load(then=imported)  # the lines now show as imported (duplicates)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ServiceError):
                self.summary.setStyleSheet("color: #c0392b;")
                self.summary.setText(str(exc))
            else:
                prompts.show_error(self, exc)

        ops.run(
            self,
            lambda _p: invoices.commit_files(actor, preview),
            done,
            failed,
            label=self.tr("正在导入…"),
            write=True,
            changes=(changes.IMPORTS, changes.RECONCILIATION),
        )

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Enter must not close the preview
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
