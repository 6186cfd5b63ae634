"""费用汇总: actual expenses of each reception against its budget and standard, vouchers, and the
sign-off from the host through finance and the GM to reimbursement."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import expenses, settings, standards
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, StaleRecord, ValidationError
from desktop.services.expenses import LineForm
from desktop.services.money import format_money
from desktop.views import changes, filedialogs, ops, printing, prompts
from desktop.views.editor import EditorMixin
from desktop.views.einvoice_attach import EInvoiceAttach
from desktop.views.fields import FieldErrors
from desktop.views.table_model import Column, RowTableModel, make_table


class ExpensesView(EditorMixin, QWidget):
    """Also an editor: an expense line typed but not saved is asked about before another line,
    another reception, another view, logging out or quitting replaces it."""

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.info: expenses.SummaryInfo | None = None
        self.line_id: int | None = None
        self.list = RowTableModel(
            [
                Column("number", self.tr("编号"), lambda r: r.number),
                Column("client", self.tr("来宾公司"), lambda r: r.client),
                Column("department", self.tr("部门"), lambda r: r.department),
                Column(
                    "due",
                    self.tr("应交"),
                    lambda r: (
                        f"{r.due:%m-%d}"
                        + (self.tr("（待确认）") if r.due_uncertain else "")
                        + (self.tr(" 逾期") if r.late else "")
                    ),
                    value=lambda r: r.due,
                    tooltip=lambda r: (
                        self.tr("该年法定节假日尚未录入，按周一至周五估算") if r.due_uncertain else None
                    ),
                ),
                Column(
                    "total",
                    self.tr("合计"),
                    lambda r: format_money(r.total),
                    align_right=True,
                    value=lambda r: r.total,
                ),
                Column("status", self.tr("状态"), lambda r: r.status_label),
            ],
            self,
        )
        self.table = make_table(self.list, name="summaries")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.open_current())
        self.header = QLabel()
        self.header.setObjectName("expenseHeader")
        self.header.setWordWrap(True)
        self.lines = RowTableModel(
            [
                Column("date", self.tr("日期"), lambda x: f"{x.date:%m-%d}", value=lambda x: x.date),
                Column("category", self.tr("类别"), lambda x: x.label),
                Column("vendor", self.tr("商户"), lambda x: x.vendor),
                Column("invoice", self.tr("发票号"), lambda x: x.invoice_no),
                Column(
                    "total",
                    self.tr("价税合计"),
                    lambda x: format_money(x.total),
                    align_right=True,
                    value=lambda x: x.total,
                ),
                Column("checks", self.tr("检查"), lambda x: "；".join(c.message for c in x.checks)),
                Column("reason", self.tr("说明"), lambda x: x.reason),
                Column(
                    "vouchers",
                    self.tr("凭证"),
                    lambda x: str(len(x.vouchers)) if x.vouchers else "",
                    value=lambda x: len(x.vouchers),
                ),
            ],
            self,
        )
        self.line_table = make_table(self.lines, name="expenseLines", sortable=False)
        self.line_table.selectionModel().currentRowChanged.connect(lambda *_: self.line_selected())
        self.budget_label = QLabel()
        self.budget_label.setWordWrap(True)

        self.category = QComboBox()
        for c in standards.CATEGORIES:
            self.category.addItem(standards.category_label(c), c)
        self.date = QDateEdit(QDate(*clock.today().timetuple()[:3]))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.vendor = QLineEdit()
        self.invoice_code = QLineEdit()
        self.invoice_no = QLineEdit()
        self.total = QLineEdit()
        self.total.setObjectName("expenseTotal")
        self.tax = QLineEdit()
        self.counts = {k: QSpinBox() for k in ("guests", "diners", "rooms", "nights", "trips")}
        for spin in self.counts.values():
            spin.setRange(0, 999)
        self.drinks = QLineEdit()
        self.payment = QLineEdit()
        self.reason = QLineEdit()
        form = QFormLayout()
        self.errors = FieldErrors(form)
        row1 = QHBoxLayout()
        row1.addWidget(self.category)
        row1.addWidget(self.date)
        self.errors.add_row("category", self.tr("类别 / 日期"), row1)
        self.errors.add_row("vendor", self.tr("商户"), self.vendor)
        inv = QHBoxLayout()
        inv.addWidget(self.invoice_code)
        inv.addWidget(self.invoice_no)
        self.errors.add_row("invoice_no", self.tr("发票代码 / 号码"), inv)
        money = QHBoxLayout()
        money.addWidget(self.total)
        money.addWidget(QLabel(self.tr("税额")))
        money.addWidget(self.tax)
        money.addWidget(QLabel(self.tr("酒水")))
        money.addWidget(self.drinks)
        self.errors.add_row("total", self.tr("价税合计 *"), money)
        people = QHBoxLayout()
        labels = {
            "guests": self.tr("来宾"),
            "diners": self.tr("陪餐"),
            "rooms": self.tr("间"),
            "nights": self.tr("晚"),
            "trips": self.tr("趟"),
        }
        for key, spin in self.counts.items():
            people.addWidget(QLabel(labels[key]))
            people.addWidget(spin)
        self.errors.add_row("guests", self.tr("人数"), people)
        self.errors.add_row("payment_method", self.tr("支付方式"), self.payment)
        self.errors.add_row("reason", self.tr("超标 / 超预算说明"), self.reason)
        self.save_line_button = QPushButton(self.tr("保存明细"))
        self.save_line_button.setObjectName("saveExpenseLine")
        self.save_line_button.clicked.connect(self.save_line)
        new_line = QPushButton(self.tr("新明细"))
        new_line.clicked.connect(lambda: self.can_close() and self.new_line())
        delete = QPushButton(self.tr("删除明细"))
        delete.clicked.connect(self.delete_line)
        attach = QPushButton(self.tr("附加凭证…"))
        attach.clicked.connect(self.attach)
        open_voucher = QPushButton(self.tr("打开凭证"))
        open_voucher.clicked.connect(self.open_voucher)
        self.einvoices = EInvoiceAttach(self)  # issue 13: read the invoice, refuse a duplicate
        add_invoice = QPushButton(self.tr("添加电子发票…"))
        add_invoice.setObjectName("addEInvoice")
        add_invoice.clicked.connect(self.einvoices.choose)
        # Off, with the reason as tooltip, for whoever may not file this summary now (finance
        # reading a host's draft; anyone once it is submitted): the service would refuse.
        self.line_buttons = {"new": new_line, "delete": delete, "einvoice": add_invoice, "attach": attach}
        line_buttons = QHBoxLayout()
        for b in (new_line, delete, add_invoice, attach, open_voucher):
            line_buttons.addWidget(b)
        line_buttons.addStretch(1)
        line_buttons.addWidget(self.save_line_button)
        line_box = QGroupBox(self.tr("费用明细"))
        lv = QVBoxLayout(line_box)
        lv.addWidget(self.errors.make_summary())
        lv.addLayout(form)
        lv.addLayout(line_buttons)

        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("意见（退回时必填）"))
        self.action_buttons = {}
        # Four to a row: seven buttons on one line needed 954 px in English.
        actions = QGridLayout()
        for n, (key, text) in enumerate(
            (
                ("submit", self.tr("提交财务")),
                ("dept_signoff", self.tr("部门负责人签字")),
                ("return", self.tr("退回")),
                ("audit", self.tr("审核通过")),
                ("approve", self.tr("总经理审批")),
                ("reimburse", self.tr("登记报销…")),
                ("print", self.tr("打印 / 导出…")),
            )
        ):
            button = QPushButton(text)
            button.setObjectName(f"expense_{key}")
            button.clicked.connect(lambda _c=False, k=key: self.act(k))
            self.action_buttons[key] = button
            actions.addWidget(button, n // 4, n % 4)
        self.message = QLabel()
        self.message.setWordWrap(True)
        # Why finance cannot audit yet (the department head has not signed), in plain sight.
        self.step_note = QLabel()
        self.step_note.setObjectName("expenseStepNote")
        self.step_note.setWordWrap(True)
        self.step_note.setStyleSheet("color: #8a5a00;")
        self.step_note.hide()
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.header)
        rv.addWidget(self.line_table, 2)
        rv.addWidget(self.budget_label)
        rv.addWidget(line_box)
        rv.addWidget(self.comment)
        rv.addLayout(actions)
        rv.addWidget(self.step_note)
        rv.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([420, 820])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        self.refresh()
        changes.watch(
            self,
            (changes.EXPENSES, changes.APPLICATIONS, changes.RECONCILIATION, changes.SETTINGS),
            self.refresh,
            skip_own=True,
        )
        self.track(line_box)
        self.set_modified(False)

    # ------------------------------------------------------------------ lists

    def refresh(self) -> None:
        current = self.info.application.id if self.info else None
        self.list.set_rows(expenses.list_summaries(self.actor))
        rows = [i for i, r in enumerate(self.list.rows) if r.application_id == current] or (
            [0] if self.list.rows else []
        )
        if rows:
            self.table.selectRow(rows[0])

    def open_current(self) -> None:
        row = self.list.row_at(self.table.currentIndex())
        if row is None:
            return
        shown = self.info.application.id if self.info is not None else None
        # the list refreshed under a line being typed: show the news, keep the typing
        keep_form = self.is_modified() and row.application_id == shown
        if self.is_modified() and not keep_form and not self.can_close():
            # 取消: stay on the line being typed (after the click has finished selecting)
            QTimer.singleShot(
                0, self, lambda: self._select(self.table, self.list.rows, lambda r: r.application_id == shown)
            )
            return
        self._select(self.table, self.list.rows, lambda r: r.application_id == row.application_id)
        if row.application_id != shown:  # "已完成：…" of the previous summary is not about this one
            self.message.clear()
        self.info = expenses.get(self.actor, row.application_id)
        info = self.info
        late = self.tr("（逾期）") if info.late else ""
        if info.due_uncertain:  # holidays of that year not entered: counted Monday–Friday
            late = self.tr("（待确认：节假日未录入，按周一至周五估算）") + late
        self.header.setText(
            self.tr("{number} {client}　{status}　应于 {due} 前提交{late}　合计 {total}（{capital}）").format(
                number=info.application.number,
                client=info.application.client_company,
                status=info.stage_label,
                due=info.due,
                late=late,
                total=format_money(info.total),
                capital=info.total_capital,
            )
        )
        self.lines.set_rows(info.lines)
        self.budget_label.setText(
            "　".join(
                f"{c.label} {format_money(c.actual)}/{format_money(c.budget)}"
                for c in info.categories
                if c.budget or c.actual
            )
        )
        states = self.button_states(info)
        editable, edit_why = states["edit"]
        for button in (self.save_line_button, *self.line_buttons.values()):
            button.setEnabled(editable)
            button.setToolTip(edit_why)
        for key, button in self.action_buttons.items():
            enabled, why = states[key]
            button.setEnabled(enabled)
            button.setToolTip(why)
        gate = (  # shown to everyone: the host, the head and finance see who is to sign
            expenses.waiting_for_head_text(info.dept_signers)
            if info.dept_signoff == expenses.SIGNOFF_WAITING
            else ""
        )
        self.step_note.setText(gate)
        self.step_note.setVisible(bool(gate))
        if keep_form:
            self._select(self.line_table, self.lines.rows, lambda x: x.id == self.line_id)
        else:
            self.new_line()

    def button_states(self, info: expenses.SummaryInfo) -> dict[str, tuple[bool, str]]:
        """Each action: may this user press it now, and if not, why (shown as its tooltip)."""
        can = self.actor.can
        status = info.status
        submitted = status == expenses.SUBMITTED
        not_now = self.tr("费用汇总当前为“{status}”。").format(status=info.stage_label)
        if not submitted:
            sign_why = self.tr("部门负责人只能在提交后、财务审核前签字。")
        elif info.dept_signoff == expenses.SIGNOFF_DONE:
            sign_why = self.tr("部门负责人已经签字。")
        elif info.dept_signoff == expenses.SIGNOFF_NOT_NEEDED:
            sign_why = self.tr("这份费用汇总不需要部门负责人签字。")
        elif self.actor.user_id not in info.dept_signers:
            sign_why = self.tr("只有接待部门的负责人可以签字（提交人本人除外）。")
        else:
            sign_why = ""
        if not submitted:
            audit_why = not_now
        elif not can("expenses.audit"):
            audit_why = self.tr("只有财务可以审核。")
        elif info.dept_signoff == expenses.SIGNOFF_WAITING:
            audit_why = expenses.waiting_for_head_text(info.dept_signers)
        else:
            audit_why = ""
        if status not in expenses.EDITABLE:
            edit_why = not_now
        elif not info.can_edit:
            edit_why = self.tr("只有接待的申请人、接待负责人、部门负责人或行政部可以填写这份费用汇总。")
        else:
            edit_why = ""
        states = {
            "edit": (not edit_why, edit_why),  # the line buttons
            "submit": (not edit_why, edit_why),
            "dept_signoff": (not sign_why, sign_why),
            "return": (
                submitted and can("expenses.audit"),
                not_now
                if not submitted
                else ("" if can("expenses.audit") else self.tr("只有财务可以退回。")),
            ),
            "audit": (not audit_why, audit_why),
            "approve": (
                status == expenses.AUDITED and can("expenses.approve"),
                "" if status == expenses.AUDITED else not_now,
            ),
            "reimburse": (
                status == expenses.APPROVED and can("expenses.reimburse"),
                "" if status == expenses.APPROVED else not_now,
            ),
            "print": (True, ""),
        }
        return states

    @staticmethod
    def _select(table, rows, match) -> None:
        """Select the first row matching ``match`` without treating it as a new choice."""
        selection = table.selectionModel()
        selection.blockSignals(True)
        try:
            found = [i for i, r in enumerate(rows) if match(r)]
            if found:
                table.selectRow(found[0])
            else:
                table.clearSelection()
        finally:
            selection.blockSignals(False)

    def save_changes(self) -> bool:
        return self.save_line()

    def line_selected(self) -> None:
        line = self.lines.row_at(self.line_table.currentIndex())
        if line is None:
            return
        if line.id != self.line_id and not self.can_close():
            QTimer.singleShot(
                0,
                self,
                lambda: self._select(self.line_table, self.lines.rows, lambda x: x.id == self.line_id),
            )
            return
        self._select(self.line_table, self.lines.rows, lambda x: x.id == line.id)
        with self.loading():
            self._show_line(line)
        self.set_modified(False)

    def _show_line(self, line) -> None:
        self.line_id = line.id
        self.line_version = line.version  # handed back on save: a stale line is refused
        self.category.setCurrentIndex(max(self.category.findData(line.category), 0))
        self.date.setDate(QDate(line.date.year, line.date.month, line.date.day))
        self.vendor.setText(line.vendor)
        self.invoice_code.setText(line.invoice_code)
        self.invoice_no.setText(line.invoice_no)
        self.total.setText(str(line.total))
        self.tax.setText(str(line.tax))
        self.drinks.setText("" if line.drinks is None else str(line.drinks))
        for key, spin in self.counts.items():
            spin.setValue(getattr(line, key))
        self.payment.setText(line.payment_method)
        self.reason.setText(line.reason)

    def new_line(self) -> None:
        with self.loading():
            self._clear_line()
        self.set_modified(False)

    def _clear_line(self) -> None:
        self.line_id = None
        self.line_version = None
        self.line_table.clearSelection()
        for edit in (
            self.vendor,
            self.invoice_code,
            self.invoice_no,
            self.total,
            self.tax,
            self.drinks,
            self.payment,
            self.reason,
        ):
            edit.clear()
        for spin in self.counts.values():
            spin.setValue(0)
        if self.info is not None:
            d = self.info.application.arrival.date()
            self.date.setDate(QDate(d.year, d.month, d.day))
        self.errors.clear()

    def value(self) -> LineForm:
        q = self.date.date()
        return LineForm(
            self.category.currentData(),
            dt.date(q.year(), q.month(), q.day()),
            self.total.text(),
            vendor=self.vendor.text(),
            invoice_code=self.invoice_code.text(),
            invoice_no=self.invoice_no.text(),
            tax=self.tax.text() or None,
            drinks=self.drinks.text() or None,
            payment_method=self.payment.text(),
            reason=self.reason.text(),
            version=getattr(self, "line_version", None) if self.line_id is not None else None,
            **{k: s.value() for k, s in self.counts.items()},
        )

    # ------------------------------------------------------------------ actions

    def save_line(self) -> bool:
        """Save the line being typed; every problem is shown at once. True when saved."""
        if self.info is None:
            return False
        try:
            saved_id = expenses.save_line(self.actor, self.info.application.id, self.value(), self.line_id)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)  # e.g. 晚数 / 趟数: no row of their own
            if unplaced:
                self.message.setText("\n".join(exc.errors[k] for k in unplaced))
            return False
        except StaleRecord as exc:  # the line stays as typed unless 重新载入 is chosen
            self.message.setText(str(exc))
            if prompts.offer_reload(self, exc):
                self.set_modified(False)
                self.open_current()
            return False
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.einvoices.saved(saved_id)  # an e-invoice read for this line is attached now
        self.set_modified(False)
        self.message.setText(self.tr("已保存。"))
        self.open_current()
        changes.announce(changes.EXPENSES, initiator=self)
        return True

    def delete_line(self) -> None:
        if self.line_id is None:
            return
        try:
            expenses.delete_line(self.actor, self.line_id)
        except ServiceError as exc:
            prompts.show_error(self, exc)
        self.set_modified(False)
        self.open_current()

    def attach(self) -> None:
        if self.line_id is None:
            self.message.setText(self.tr("请先选择一条费用明细。"))
            return
        path, _ = filedialogs.get_open_file_name(
            self,
            self.tr("选择凭证"),
            str(Path.home()),
            self.tr("图片或 PDF (*.pdf *.png *.jpg *.jpeg *.ofd)"),
        )
        if not path:
            return
        actor, line_id = self.actor, self.line_id

        def failed(exc: BaseException) -> None:
            prompts.show_error(self, exc)
            self.open_current()

        # Up to 20 MB read and written to the shared database: off the UI thread.
        ops.run(
            self,
            lambda _p: expenses.attach_voucher(actor, line_id, Path(path)),
            lambda _name: self.open_current(),
            failed,
            label=self.tr("正在保存凭证…"),
            write=True,
            changes=(changes.EXPENSES,),
        )

    def open_voucher(self) -> None:
        """Copies of the line's vouchers from the database to a temporary folder, then the
        system's viewer: any PC opens them, not only the one that attached them."""
        line = self.lines.row_at(self.line_table.currentIndex())
        if line is None or not line.vouchers:
            return
        actor, line_id = self.actor, line.id

        def fetch(_progress) -> tuple[list[Path], list[str]]:
            opened: list[Path] = []
            problems: list[str] = []
            for voucher in expenses.voucher_files(actor, line_id):
                try:
                    opened.append(expenses.open_voucher(actor, voucher.id))
                except ServiceError as exc:
                    problems.append(f"{voucher.file_name}：{exc}")
            return opened, problems

        def show(result: tuple[list[Path], list[str]]) -> None:
            opened, problems = result
            for path in opened:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            if problems:
                prompts.warn(self, self.tr("打开凭证"), "\n".join(problems))

        ops.run(self, fetch, show, label=self.tr("正在打开凭证…"))

    def act(self, key: str) -> None:
        if self.info is None:
            return
        app_id = self.info.application.id
        try:
            if key == "submit":  # what is shown is what is sent: a summary changed since is refused
                expenses.submit(self.actor, app_id, version=self.info.version)
            elif key == "dept_signoff":
                expenses.sign_as_department_head(self.actor, app_id, self.comment.text())
            elif key == "return":
                expenses.return_to_host(self.actor, app_id, self.comment.text())
            elif key == "audit":
                expenses.audit(self.actor, app_id, self.comment.text())
            elif key == "approve":
                expenses.approve(self.actor, app_id, self.comment.text())
            elif key == "reimburse":  # date, method and 凭证号 as in the books: a dialog
                self.open_reimburse()
                return
            else:
                printing.print_or_export(self, self.action_buttons.get("print"), self.preview, self.export)
                return
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            return
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self._acted(app_id)

    def _acted(self, app_id: int) -> None:
        self.comment.clear()
        self.message.setText(
            self.tr("已完成：{status}").format(status=expenses.get(self.actor, app_id).stage_label)
        )
        self.refresh()
        changes.announce(changes.EXPENSES, changes.NOTIFICATIONS, initiator=self)

    def open_reimburse(self):
        """登记报销 as a window-modal dialog; kept on the view (a local would be collected while
        it is open) and replaced by the next one."""
        from desktop.views.reimburse_dialog import ReimburseDialog

        if self.info is None:
            return None
        app_id = self.info.application.id
        previous = getattr(self, "reimburse_dialog", None)
        if previous is not None:
            previous.deleteLater()
        dialog = ReimburseDialog(self.actor, self.info, self)
        dialog.accepted.connect(lambda: self._acted(app_id))
        self.reimburse_dialog = dialog
        dialog.open()
        return dialog

    def preview(self) -> None:
        from desktop.exporters import finance_reports

        info, company = self.info, settings.company_name()
        path = Path(tempfile.mkdtemp(prefix="reception-print-")) / f"expenses-{info.application.number}.pdf"

        def show(result) -> None:
            printing.show_preview(self, Path(result), self.tr("接待费用报销汇总表"))

        ops.run(
            self,
            lambda _p: finance_reports.export_expenses(info, company, path),
            show,
            label=self.tr("正在生成…"),
        )

    def export(self) -> None:
        """The expense summary as shown, to .xlsx (the office template) or .pdf."""
        from desktop.exporters import finance_reports

        if self.info is None:
            return
        info, company = self.info, settings.company_name()
        path = printing.ask_export_path(
            self, self.tr("导出接待费用报销汇总表"), f"接待费用报销汇总表-{info.application.number}.xlsx"
        )
        if path is None:
            return
        ops.run(
            self,
            lambda _p: finance_reports.export_expenses(info, company, path),
            lambda result: self.message.setText(self.tr("已导出：{path}").format(path=result)),
            label=self.tr("正在导出…"),
        )
