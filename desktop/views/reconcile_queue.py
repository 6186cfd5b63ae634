"""对账 tab: run the matcher, clear the review queue — pick any candidate or search for any claim
line, decide many rows at once — and see flags, decided lines and the three-way state.

A decision changes the queue in place (rows leave, the claim line taken leaves the other rows'
candidates, the decided list gains the row): the whole reconciliation is not re-run per click,
which at 10,000 lines took seconds each time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import reconcile, settings
from desktop.services.auth import Actor
from desktop.views import changes, filedialogs, ops, prompts
from desktop.views.table_model import Column, RowTableModel, make_table

# What the queue shows: lines with candidates are the work; the others are one click away.
REVIEW, NO_CANDIDATE, CREDITS, ALL = "review", "none", "credits", "all"


def _money(value) -> str:
    return "" if value is None else f"{value:,.2f}"


class QueueModel(RowTableModel):
    """Rows that can leave or change one at a time (beginRemoveRows / dataChanged), so the
    selection and scroll position survive a decision."""

    def remove_where(self, keep) -> None:
        for row in range(len(self.rows) - 1, -1, -1):
            if not keep(self.rows[row]):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()

    def replace_row(self, row: int, value) -> None:
        self.rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def prepend(self, values: list) -> None:
        if not values:
            return
        self.beginInsertRows(QModelIndex(), 0, len(values) - 1)
        self.rows[0:0] = values
        self.endInsertRows()


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
        self.show_filter = QComboBox()
        self.show_filter.setObjectName("queueFilter")
        for label, value in (
            (self.tr("待复核（有候选）"), REVIEW),
            (self.tr("无候选"), NO_CANDIDATE),
            (self.tr("收入（贷方）"), CREDITS),
            (self.tr("全部未处理"), ALL),
        ):
            self.show_filter.addItem(label, value)
        self.show_filter.currentIndexChanged.connect(self._show_queue)
        top = QHBoxLayout()
        for w in (QLabel(self.tr("期间")), self.date_from, QLabel("—"), self.date_to, run, export):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("显示")))
        top.addWidget(self.show_filter)
        self.status = QLabel()
        self.status.setObjectName("reconcileStatus")
        self.status.setWordWrap(True)
        role_text = {reconcile.INVOICE: self.tr("发票"), reconcile.PAYMENT: self.tr("付款")}
        self.review = QueueModel(
            [
                Column(
                    "date",
                    self.tr("日期"),
                    lambda r: str(r.imported.date or ""),
                    value=lambda r: r.imported.date,
                ),
                Column("role", self.tr("类型"), lambda r: role_text[r.imported.role]),
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
        self.review_table = make_table(self.review, multi=True, name="reviewTable")
        self.review_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_candidates())
        self.not_rec_button = QPushButton(self.tr("非接待费用"))
        self.not_rec_button.setObjectName("notReception")
        self.not_rec_button.setToolTip(self.tr("所选各行均标为非接待费用"))
        self.not_rec_button.clicked.connect(self.not_reception)
        self.best_button = QPushButton(self.tr("匹配最佳候选"))
        self.best_button.setObjectName("matchBest")
        self.best_button.setToolTip(self.tr("所选各行各自匹配其最佳候选"))
        self.best_button.clicked.connect(self.match_best)
        buttons = QHBoxLayout()
        self.selection_label = QLabel()
        buttons.addWidget(self.selection_label, 1)
        buttons.addWidget(self.not_rec_button)
        buttons.addWidget(self.best_button)
        self.review_table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        # Candidates of the current row, or claim lines found by search: pick any of them.
        self.candidates = QueueModel(
            [
                Column("reception", self.tr("接待"), lambda c: c.reception),
                Column("date", self.tr("报销日期"), lambda c: str(c.date), value=lambda c: c.date),
                Column("vendor", self.tr("商户"), lambda c: c.vendor),
                Column("invoice", self.tr("发票号"), lambda c: c.invoice_no),
                Column(
                    "total",
                    self.tr("报销金额"),
                    lambda c: _money(c.total),
                    align_right=True,
                    value=lambda c: c.total,
                ),
                Column("score", self.tr("得分"), lambda c: f"{c.score:.0f}", value=lambda c: c.score),
                Column("why", self.tr("理由"), lambda c: c.why),
            ],
            self,
        )
        self.candidate_table = make_table(self.candidates, name="candidateTable")
        self.candidate_table.doubleClicked.connect(lambda _i: self.match_chosen())
        self.search = QLineEdit()
        self.search.setObjectName("claimSearch")
        self.search.setPlaceholderText(self.tr("按接待编号、客户、商户、金额或发票号查找报销明细"))
        self.search.returnPressed.connect(self.find_claims)
        find = QPushButton(self.tr("查找"))
        find.clicked.connect(self.find_claims)
        self.choose_button = QPushButton(self.tr("匹配所选候选"))
        self.choose_button.setObjectName("matchChosen")
        self.choose_button.clicked.connect(self.match_chosen)
        self.candidate_title = QLabel(self.tr("候选"))
        search_row = QHBoxLayout()
        search_row.addWidget(self.candidate_title)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(find)
        search_row.addWidget(self.choose_button)

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
        self.flag_table.setToolTip(self.tr("双击打开接待申请"))
        kind_labels = {
            "auto": self.tr("自动"),
            "manual": self.tr("手工"),
            "not_reception": self.tr("非接待"),
        }
        self.decided = QueueModel(
            [
                Column(
                    "date",
                    self.tr("日期"),
                    lambda m: str(m.imported.date or ""),
                    value=lambda m: m.imported.date,
                ),
                Column("role", self.tr("类型"), lambda m: role_text[m.role]),
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
        self.state_rows = RowTableModel(
            [
                Column(
                    "reception",
                    self.tr("接待"),
                    lambda s: s.reception or self.tr("期间合计"),
                ),
                *[
                    Column(
                        code,
                        reconcile.state_label(code),
                        lambda s, c=code: str(s.counts[c]),
                        align_right=True,
                        value=lambda s, c=code: s.counts[c],
                    )
                    for code in ("reconciled", "invoice_only", "payment_only", "differs", "open")
                ],
            ],
            self,
        )
        self.state_table = make_table(self.state_rows, name="stateTable")

        decided_page = QWidget()
        dv = QVBoxLayout(decided_page)
        dv.setContentsMargins(0, 0, 0, 0)
        dv.addWidget(self.decided_table)
        dv.addWidget(unmatch, alignment=Qt.AlignmentFlag.AlignRight)
        self.bottom = QTabWidget()
        self.bottom.setObjectName("reconcileBottom")
        self.bottom.addTab(self.state_table, self.tr("三方对账状态"))
        self.bottom.addTab(self.flag_table, self.tr("问题清单"))
        self.bottom.addTab(decided_page, self.tr("已处理"))

        queue_page = QWidget()
        qv = QVBoxLayout(queue_page)
        qv.setContentsMargins(0, 0, 0, 0)
        qv.addWidget(QLabel(self.tr("待处理（不会仅凭金额和日期自动匹配；可多选）")))
        qv.addWidget(self.review_table, 1)
        qv.addLayout(buttons)
        candidate_page = QWidget()
        cv = QVBoxLayout(candidate_page)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addLayout(search_row)
        cv.addWidget(self.candidate_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("reconcileSplitter")
        splitter.addWidget(queue_page)
        splitter.addWidget(candidate_page)
        splitter.addWidget(self.bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.outcome: reconcile.Result | None = None
        self.queues: dict[str, list[reconcile.ReviewItem]] = {REVIEW: [], NO_CANDIDATE: [], CREDITS: []}
        self.run()  # what is waiting, as soon as the window opens
        # New lines, claims, rules or another PC's decisions: match again when this tab is next seen.
        changes.watch(
            self,
            (changes.IMPORTS, changes.EXPENSES, changes.SETTINGS, changes.RECONCILIATION),
            self.run,
            skip_own=True,
        )

    # ---- loading --------------------------------------------------------------------------

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

            return reconcile.overview(actor, start, end, progress=report)

        # Matching writes the matches it is sure of: on the one database-writer thread.
        ops.run(
            self,
            work,
            self._loaded,
            label=self.tr("正在对账…"),
            write=True,
            changes=(changes.RECONCILIATION,),
        )

    def _loaded(self, view: reconcile.Overview) -> None:
        outcome = view.result
        self.outcome = outcome
        self.queues = {
            REVIEW: list(outcome.review),
            NO_CANDIDATE: [reconcile.ReviewItem(o, []) for o in outcome.unmatched_no_candidate],
            CREDITS: [reconcile.ReviewItem(o, []) for o in outcome.credits],
        }
        self.decided.set_rows(view.decided)
        self.flags.set_rows(view.flags)
        self.state_rows.set_rows(view.summary)
        self._show_queue()
        self.status.setText(
            self.tr(
                "本次自动匹配 {m} 条，规则排除 {rules} 条；待复核 {r} 条，无候选 {n} 条，收入 {c} 条；问题 {f} 条。"
            ).format(
                m=outcome.matched,
                rules=outcome.by_rule,
                r=len(outcome.review),
                n=len(outcome.unmatched_no_candidate),
                c=len(outcome.credits),
                f=len(view.flags),
            )
        )

    def _show_queue(self) -> None:
        which = self.show_filter.currentData()
        rows = (
            self.queues[REVIEW] + self.queues[NO_CANDIDATE] + self.queues[CREDITS]
            if which == ALL
            else self.queues[which]
        )
        self.review.set_rows(rows)
        if rows:
            self.review_table.selectRow(0)
        self._show_candidates()
        self._selection_changed()

    def _selected(self) -> list[reconcile.ReviewItem]:
        rows = sorted({i.row() for i in self.review_table.selectionModel().selectedRows()})
        return [self.review.rows[r] for r in rows if r < len(self.review.rows)]

    def _current(self) -> reconcile.ReviewItem | None:
        return self.review.row_at(self.review_table.currentIndex())

    def _selection_changed(self) -> None:
        n = len(self._selected())
        self.selection_label.setText(self.tr("已选 {n} 行").format(n=n) if n > 1 else "")

    def _show_candidates(self) -> None:
        item = self._current()
        self.search.clear()
        if item is None:
            self.candidate_title.setText(self.tr("候选"))
            self.candidates.set_rows([])
            return
        self.candidate_title.setText(self.tr("候选（{n}）").format(n=len(item.candidates)))
        self.candidates.set_rows(item.candidates)
        if item.candidates:
            self.candidate_table.selectRow(0)

    def find_claims(self) -> None:
        """Any claim line, by reception, vendor, amount or invoice number — scored against the
        current row, without claim lines already matched in its role."""
        item = self._current()
        text = self.search.text().strip()
        if not text:
            self._show_candidates()
            return
        try:
            found = reconcile.search_claims(self.actor, text, item.imported.id if item else None)
        except Exception as exc:  # noqa: BLE001 - a refusal (e.g. the batch was undone) is shown
            prompts.show_error(self, exc)
            return
        self.candidate_title.setText(self.tr("查找结果（{n}）").format(n=len(found)))
        self.candidates.set_rows(found)
        if found:
            self.candidate_table.selectRow(0)

    # ---- decisions ------------------------------------------------------------------------

    def match_best(self) -> None:
        items = self._selected() or ([self._current()] if self._current() else [])
        if not items:
            self.status.setText(self.tr("请先在待处理列表中选择一行或多行。"))
            return
        pairs = [(i.imported.id, i.candidates[0].expense_id) for i in items if i.candidates]
        without = len(items) - len(pairs)
        if not pairs:
            self.status.setText(
                self.tr("所选行没有候选：请在下方按接待编号、商户、金额或发票号查找，或标为非接待费用。")
            )
            return
        note = self.tr("；{n} 行没有候选，未处理").format(n=without) if without else ""
        actor = self.actor
        self._decide(lambda: reconcile.match_many(actor, pairs), note)

    def match_chosen(self) -> None:
        item = self._current()
        candidate = self.candidates.row_at(self.candidate_table.currentIndex())
        if item is None or candidate is None:
            self.status.setText(self.tr("请选择待处理的一行和一个候选。"))
            return
        actor, pair = self.actor, (item.imported.id, candidate.expense_id)
        self._decide(lambda: reconcile.match_many(actor, [pair]))

    def not_reception(self) -> None:
        items = self._selected() or ([self._current()] if self._current() else [])
        if not items:
            self.status.setText(self.tr("请先在待处理列表中选择一行或多行。"))
            return
        actor, ids = self.actor, [i.imported.id for i in items]
        self._decide(lambda: reconcile.not_reception_many(actor, ids))

    def _decide(self, write, note: str = "") -> None:
        """Decisions on the writer thread, then the queue changed in place."""
        actor, (start, end) = self.actor, self.period()

        def work(_p):  # the three-way counts follow the decision (not a whole re-run)
            outcome = write()
            return outcome, reconcile.state_counts(actor, start, end)

        def done(result) -> None:
            outcome, counts = result
            self.state_rows.set_rows(counts)
            self.apply_outcome(outcome, note)

        ops.run(self, work, done, progress_dialog=False, write=True, changes=(changes.RECONCILIATION,))

    def apply_outcome(self, outcome: reconcile.BulkOutcome, note: str = "") -> None:
        """Take decided rows out of the queue, drop the claim lines they took from the other
        rows' candidates (one invoice and one payment per claim line), add them to 已处理."""
        done = {m.imported.id for m in outcome.done}
        taken = {(m.expense_id, m.role) for m in outcome.done if m.expense_id is not None}
        for key, rows in self.queues.items():
            kept = []
            for item in rows:
                if item.imported.id in done:
                    continue
                if taken and any((c.expense_id, item.imported.role) in taken for c in item.candidates):
                    item = replace(
                        item,
                        candidates=[
                            c for c in item.candidates if (c.expense_id, item.imported.role) not in taken
                        ],
                    )
                kept.append(item)
            self.queues[key] = kept
        current = self.review_table.currentIndex().row()
        self.review.remove_where(lambda item: item.imported.id not in done)
        for row, item in enumerate(self.review.rows):
            if taken and any((c.expense_id, item.imported.role) in taken for c in item.candidates):
                fresh = next(
                    (x for rows in self.queues.values() for x in rows if x.imported.id == item.imported.id),
                    item,
                )
                self.review.replace_row(row, fresh)
        self.decided.prepend(outcome.done)
        self.flags.set_rows(
            [
                f
                for f in self.flags.rows
                if f.imported_id not in done
                and not (
                    f.code in ("no_evidence", "voucher_only") and any(f.expense_id == e for e, _r in taken)
                )
                and not (f.code == "no_invoice" and (f.expense_id, reconcile.INVOICE) in taken)
                and not (f.code == "no_payment" and (f.expense_id, reconcile.PAYMENT) in taken)
            ]
        )
        if self.review.rows:
            self.review_table.selectRow(min(max(current, 0), len(self.review.rows) - 1))
        self._show_candidates()
        self._selection_changed()
        text = self.tr("已处理 {n} 行").format(n=len(outcome.done))
        if outcome.refused:
            text += self.tr("；{n} 行未处理：{why}").format(n=len(outcome.refused), why=outcome.refused[0][1])
        self.status.setText(text + note + self.tr("。"))

    def unmatch(self) -> None:
        item = self.decided.row_at(self.decided_table.currentIndex())
        if item is None:
            return
        actor, imported_id = self.actor, item.imported.id
        start, end = self.period()

        def work(_p):
            return reconcile.unmatch(actor, imported_id), reconcile.state_counts(actor, start, end)

        def done(result) -> None:
            review_item, counts = result
            self.state_rows.set_rows(counts)
            self.decided.remove_where(lambda m: m.imported.id != imported_id)
            key = REVIEW if review_item.candidates else NO_CANDIDATE
            self.queues[key].insert(0, review_item)
            if self.show_filter.currentData() in (key, ALL):
                self.review.prepend([review_item])
                self.review_table.selectRow(0)
            self.status.setText(self.tr("已取消匹配，该行回到待处理（不会再自动匹配）。"))

        ops.run(
            self,
            work,
            done,
            progress_dialog=False,
            write=True,
            changes=(changes.RECONCILIATION,),
        )

    # ---- links and export -----------------------------------------------------------------

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
