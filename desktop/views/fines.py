"""赞助单: the auditor or the admin office records breaches of the reception rules, sees the
totals per person and month, voids a mistaken entry and prints the slip (regulation 001 §4.4)."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import applications as apps
from desktop.services import fines, org, settings
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.money import format_money
from desktop.views import changes, ops, printing, prompts
from desktop.views.fields import FieldErrors
from desktop.views.pickers import fill_combo
from desktop.views.table_model import Column, RowTableModel, make_table

FINES = "fines"  # the change kind this view announces and watches


class FinesView(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.model = RowTableModel(
            [
                Column(
                    "date",
                    self.tr("日期"),
                    lambda f: f"{f.occurred_on:%Y-%m-%d}",
                    value=lambda f: f.occurred_on,
                ),
                Column("person", self.tr("被赞助人"), lambda f: f.person),
                Column("department", self.tr("部门"), lambda f: f.department),
                Column("article", self.tr("条款"), lambda f: f"{f.article} {f.article_title}"),
                Column("kind", self.tr("性质"), lambda f: f.kind_label),
                Column(
                    "amount",
                    self.tr("金额"),
                    lambda f: format_money(f.amount),
                    align_right=True,
                    value=lambda f: f.amount,
                ),
                Column("reception", self.tr("关联接待"), lambda f: f.reception),
                Column("state", self.tr("状态"), lambda f: self.tr("已作废") if f.voided else ""),
            ],
            self,
        )
        self.table = make_table(self.model, name="finesTable")
        self.totals_model = RowTableModel(
            [
                Column("month", self.tr("月份"), lambda t: t.month),
                Column("person", self.tr("姓名"), lambda t: t.person),
                Column("department", self.tr("部门"), lambda t: t.department),
                Column(
                    "count",
                    self.tr("次数"),
                    lambda t: str(t.count),
                    align_right=True,
                    value=lambda t: t.count,
                ),
                Column(
                    "amount",
                    self.tr("合计"),
                    lambda t: format_money(t.amount),
                    align_right=True,
                    value=lambda t: t.amount,
                ),
            ],
            self,
        )
        self.totals = make_table(self.totals_model, name="fineTotals")
        self.summary = QLabel()
        self.summary.setObjectName("finesSummary")

        self.person = QComboBox()
        self.person.setObjectName("finePerson")
        fill_combo(self.person, [(e.label, e.id) for e in org.list_employees()], self.tr("（请选择）"))
        self.article = QComboBox()
        self.article.setObjectName("fineArticle")
        self.multiplier = QSpinBox()
        self.multiplier.setObjectName("fineMultiplier")
        self.multiplier.setRange(1, max(fines.MULTIPLIERS))
        self.multiplier.setSuffix(self.tr(" 倍"))
        self.multiplier.setToolTip(self.tr("1 倍为一般违规；情节严重者 2–5 倍，须写明违规情况"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.reception = QComboBox()
        self.reception.setObjectName("fineReception")
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(60)
        self.amount_label = QLabel()
        for signal in (self.article.currentIndexChanged, self.multiplier.valueChanged):
            signal.connect(lambda *_: self._show_amount())
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("person_id", self.tr("被赞助人 *"), self.person)
        self.errors.add_row("article", self.tr("违反条款 *"), self.article)
        self.errors.add_row("multiplier", self.tr("倍数"), self.multiplier)
        self.errors.add_row("occurred_on", self.tr("违规日期 *"), self.date)
        self.errors.add_row("reception_id", self.tr("关联接待"), self.reception)
        self.errors.add_row("description", self.tr("违规情况"), self.description)
        form.addRow(self.tr("金额"), self.amount_label)
        self.record_button = QPushButton(self.tr("记录"))
        self.record_button.setObjectName("recordFine")
        self.record_button.clicked.connect(self.record)
        self.void_reason = QLineEdit()
        self.void_reason.setObjectName("voidReason")
        self.void_reason.setPlaceholderText(self.tr("作废原因"))
        self.void_button = QPushButton(self.tr("作废所选"))
        self.void_button.setObjectName("voidFine")
        self.void_button.clicked.connect(self.void)
        self.print_button = QPushButton(self.tr("打印 / 导出赞助单…"))
        self.print_button.setObjectName("finePrint")
        self.print_button.clicked.connect(
            lambda: printing.print_or_export(self, self.print_button, self.preview, self.export)
        )
        manage = actor.can("fines.manage")
        for widget in (self.record_button, self.void_button, self.void_reason):
            widget.setEnabled(manage)
        self.message = QLabel()
        self.message.setObjectName("finesMessage")
        self.message.setWordWrap(True)

        box = QGroupBox(self.tr("记录违规（赞助单）"))
        bv = QVBoxLayout(box)
        bv.addWidget(self.errors.make_summary())
        bv.addLayout(form)
        bv.addWidget(self.record_button)
        void_row = QHBoxLayout()
        void_row.addWidget(self.void_reason, 1)
        void_row.addWidget(self.void_button)
        bv.addLayout(void_row)
        bv.addWidget(self.print_button)
        bv.addWidget(self.message)
        bv.addStretch(1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.summary)
        lv.addWidget(self.table, 3)
        lv.addWidget(QLabel(self.tr("按人按月合计")))
        lv.addWidget(self.totals, 2)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(box)
        split.setSizes([700, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        self._fill_choices()
        self.refresh()
        changes.watch(self, (FINES, changes.SETTINGS, changes.APPLICATIONS), self.refresh)

    def _fill_choices(self) -> None:
        try:
            self.articles = fines.articles()
        except ValueError as exc:
            self.articles = []
            self.message.setText(str(exc))
        fill_combo(
            self.article, [(f"{a.label}（{format_money(a.amount)}/次）", a.code) for a in self.articles], None
        )
        receptions = (
            [
                (f"{a.number} {a.client_company} {a.arrival:%Y-%m-%d}", a.id)
                for a in apps.list_applications(self.actor, scope="all")
                if a.status == apps.APPROVED
            ]
            if self.actor.can("applications.view_all")
            else []
        )
        fill_combo(self.reception, receptions, self.tr("（无）"))
        today = clock.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self._show_amount()

    def _show_amount(self) -> None:
        article = next((a for a in self.articles if a.code == self.article.currentData()), None)
        if article is None:
            self.amount_label.setText("")
            return
        amount = article.amount * self.multiplier.value()
        self.amount_label.setText(
            self.tr("{base} × {m} = {amount}；直接领导连带 {p}%").format(
                base=format_money(article.amount),
                m=self.multiplier.value(),
                amount=format_money(amount),
                p=fines.leader_share_percent(),
            )
        )

    def refresh(self) -> None:
        rows = fines.list_fines(self.actor, include_voided=True)
        self.model.set_rows(rows)
        totals = fines.month_totals(rows)
        self.totals_model.set_rows(totals)
        live = [r for r in rows if not r.voided]
        self.summary.setText(
            self.tr("赞助记录 {n} 条，合计 {amount}").format(
                n=len(live), amount=format_money(sum((r.amount for r in live), Decimal("0.00")))
            )
        )

    def value(self) -> fines.FineForm:
        q = self.date.date()
        return fines.FineForm(
            person_id=self.person.currentData(),
            article=self.article.currentData() or "",
            occurred_on=dt.date(q.year(), q.month(), q.day()),
            multiplier=self.multiplier.value(),
            reception_id=self.reception.currentData(),
            description=self.description.toPlainText(),
        )

    def record(self) -> None:
        form, actor = self.value(), self.actor
        self.errors.clear()

        def done(slip: fines.FineSlip) -> None:
            self.description.clear()
            self.multiplier.setValue(1)
            shares = "；".join(
                self.tr("{name} 连带 {amount}").format(name=s.person, amount=format_money(s.amount))
                for s in slip.shares
            )
            self.message.setText(
                self.tr("已记录：{name} {amount}").format(
                    name=slip.fine.person, amount=format_money(slip.fine.amount)
                )
                + (f"；{shares}" if shares else "")
            )
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                unplaced = self.errors.show(exc.errors)
                self.message.setText("；".join(exc.errors[k] for k in unplaced))
            elif isinstance(exc, ServiceError):
                prompts.show_error(self, exc)
            else:
                raise exc

        ops.run(self, lambda _p: fines.record(actor, form), done, failed, write=True, changes=(FINES,))

    def selected(self) -> fines.FineInfo | None:
        return self.model.row_at(self.table.currentIndex())

    def void(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.message.setText(self.tr("请先选择一条赞助记录。"))
            return
        actor, reason = self.actor, self.void_reason.text()

        def done(_result) -> None:
            self.void_reason.clear()
            self.message.setText(self.tr("已作废。"))
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ServiceError):
                self.message.setText(
                    str(exc) if not isinstance(exc, ValidationError) else "；".join(exc.errors.values())
                )
            else:
                raise exc

        ops.run(
            self, lambda _p: fines.void(actor, chosen.id, reason), done, failed, write=True, changes=(FINES,)
        )

    def write(self, fine_id: int, path: Path) -> Path:
        from desktop.exporters import fine_slip

        slip = fines.get(self.actor, fine_id)
        return fine_slip.export_fine(slip, settings.company_name(), settings.get("fine_form_no"), path)

    def preview(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        path = Path(tempfile.mkdtemp(prefix="reception-print-")) / f"fine-{chosen.id}.pdf"
        ops.run(
            self,
            lambda _p: self.write(chosen.id, path),
            lambda result: printing.show_preview(self, Path(result), self.tr("赞助单")),
            label=self.tr("正在生成…"),
        )

    def export(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        path = printing.ask_export_path(
            self, self.tr("导出赞助单"), f"赞助单-{chosen.person}-{chosen.id}.xlsx"
        )
        if path is None:
            return
        ops.run(
            self,
            lambda _p: self.write(chosen.id, path),
            lambda result: self.message.setText(self.tr("已导出：{path}").format(path=result)),
            label=self.tr("正在导出…"),
        )
