"""登记报销: finance records a payment as it is in the books — the day paid, how, the real
voucher number (凭证号) of the accounting package, and a note.

Before issue 13 the button took today's date, read the method from the comment box and made
up a "BX…" number that was then printed on the 报销汇总表 as if it were a voucher. The service
checks every rule (date bounds, method, number format, a number once per accounting month); this dialog
only keeps what was typed, shows each problem under its field, and asks before Esc throws a
half-typed entry away.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop import clock
from desktop.services import expenses
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.money import format_money
from desktop.views import prompts
from desktop.views.editor import EditorDialog, editor_layout
from desktop.views.fields import FieldErrors, qdate


class ReimburseDialog(EditorDialog):
    """Modal over the expenses view; ``accepted`` once the payment is recorded (``self.info``)."""

    default_size = QSize(540, 300)

    def __init__(self, actor: Actor, summary: expenses.SummaryInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.summary = summary
        self.info: expenses.SummaryInfo | None = None
        app = summary.application
        self.setWindowTitle(self.tr("登记报销 — {number}").format(number=app.number))

        self.heading = QLabel(
            self.tr("{number} {client}　报销金额 {total}（{capital}）").format(
                number=app.number,
                client=app.client_company,
                total=format_money(summary.total),
                capital=summary.total_capital,
            )
        )
        self.heading.setWordWrap(True)
        today = clock.today()
        self.paid_on = QDateEdit(qdate(today))
        self.paid_on.setObjectName("reimbursePaidOn")
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setDisplayFormat("yyyy-MM-dd")
        # the same bounds the service checks, so the calendar does not offer refused days
        self.paid_on.setMaximumDate(qdate(today + dt.timedelta(days=expenses.PAID_AHEAD_DAYS)))
        if summary.approved_on is not None:
            self.paid_on.setMinimumDate(qdate(min(summary.approved_on, today)))
        self.method = QComboBox()
        self.method.setObjectName("reimburseMethod")
        for code in expenses.METHODS:
            self.method.addItem(expenses.method_label(code), code)
        self.reference = QLineEdit()
        self.reference.setObjectName("reimburseReference")
        self.reference.setMaxLength(expenses.VOUCHER_MAX)
        self.reference.setPlaceholderText(self.tr("会计凭证上的编号，例如 记-0123"))
        self.note = QLineEdit()
        self.note.setObjectName("reimburseNote")
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("可不填"))

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("on", self.tr("付款日期 *"), self.paid_on)
        self.errors.add_row("method", self.tr("报销方式 *"), self.method)
        self.errors.add_row("reference", self.tr("凭证号 *"), self.reference)
        self.errors.add_row("note", self.tr("备注"), self.note)
        self.problems = QLabel()  # messages without a field of their own (state, permission)
        self.problems.setObjectName("reimburseProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c0392b;")
        self.problems.hide()

        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("登记"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("reimburseOk")
        self.ok.setDefault(True)
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.ok.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        editor_layout(self, form, self.buttons, top=[self.heading, self.errors.make_summary(), self.problems])
        self.setTabOrder(self.paid_on, self.method)
        self.setTabOrder(self.method, self.reference)
        self.setTabOrder(self.reference, self.note)
        self.track(self.paid_on, self.method, self.reference, self.note)
        self.set_modified(False)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.reference.setFocus()  # date and method have sensible defaults; the number has none

    def save(self) -> bool:
        """Record the payment; every problem is shown at once and nothing typed is lost."""
        q = self.paid_on.date()
        self.errors.clear()
        self.problems.clear()
        self.problems.hide()
        try:
            self.info = expenses.reimburse(
                self.actor,
                self.summary.application.id,
                on=dt.date(q.year(), q.month(), q.day()),
                method=self.method.currentData(),
                reference=self.reference.text(),
                note=self.note.text(),
            )
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)
            if unplaced:
                self.problems.setText("\n".join(exc.errors[k] for k in unplaced))
                self.problems.show()
            return False
        except ServiceError as exc:  # paid meanwhile from another PC, no longer allowed, busy
            prompts.show_error(self, exc)
            return False
        self.set_modified(False)
        self.accept()
        return True

    def save_changes(self) -> bool:
        return self.save()
