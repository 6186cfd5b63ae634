"""Pre-registration (访客预约): a host announces tomorrow's visitor; the desk sees them.

Later the approved reception applications will fill the same list; until then hosts use this.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import org, settings, visitors, workdays
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.visitors import VisitForm, VisitorSuggestion
from desktop.views import changes, prompts
from desktop.views.fields import FieldErrors
from desktop.views.pickers import CompletingLineEdit, HostPicker, fill_combo, option_items
from desktop.views.table_model import Column, make_table
from desktop.views.visit_models import VisitTableModel, expected_columns


def _upcoming_columns() -> list[Column]:
    date = Column(
        "expected_date",
        QCoreApplication.translate("VisitColumns", "日期"),
        lambda r: r.expected_date.strftime("%m-%d") if r.expected_date else "",
        value=lambda r: r.expected_date,
    )
    return [date, *expected_columns()]


class PreregisterView(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.visitor_id: int | None = None
        self.name = CompletingLineEdit(self._suggest, highlight_first=False)
        self.name.setObjectName("pre_name")
        self.name.picked.connect(self._fill)
        self.company = QLineEdit()
        self.phone = QLineEdit()
        self.people = QSpinBox()
        self.people.setRange(1, 999)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self._set_date_range()
        self.time = QTimeEdit(QTime(9, 30))
        self.time.setDisplayFormat("HH:mm")
        self.all_day = QCheckBox(self.tr("时间未定"))
        self.all_day.toggled.connect(lambda on: self.time.setEnabled(not on))
        self.host = HostPicker()
        self.purpose = QComboBox()
        self.category = QComboBox()
        self.remarks = QLineEdit()
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("name", self.tr("访客姓名 *"), self.name)
        self.errors.add_row("company", self.tr("单位"), self.company)
        self.errors.add_row("phone", self.tr("电话"), self.phone)
        self.errors.add_row("people_count", self.tr("人数"), self.people)
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(self.time)
        when.addWidget(self.all_day)
        self.errors.add_row("expected_date", self.tr("预约日期 *"), when)
        self.errors.add_row("host", self.tr("接待人 *"), self.host)
        self.errors.add_row("category", self.tr("来访类别"), self.category)
        self.errors.add_row("purpose", self.tr("来访事由"), self.purpose)
        self.errors.add_row("remarks", self.tr("备注"), self.remarks)
        self.save_button = QPushButton(self.tr("登记预约"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        for edit in (self.name, self.company, self.phone, self.remarks):
            edit.returnPressed.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        box = QGroupBox(self.tr("登记预约来访"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.save_button)
        box_layout.addWidget(self.message)
        box_layout.addStretch(1)

        self.model = VisitTableModel(_upcoming_columns(), self)
        self.table = make_table(self.model, multi=True)
        self.table.setObjectName("upcomingTable")
        cancel = QPushButton(self.tr("取消所选预约"))
        cancel.clicked.connect(self.cancel_selected)
        right = QGroupBox(self.tr("近期预约（30 天内）"))
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.table)
        right_layout.addWidget(cancel)

        layout = QHBoxLayout(self)
        layout.addWidget(box, 2)
        layout.addWidget(right, 3)
        self.reload_lists()
        self.clear()
        self.refresh()
        changes.watch(self, (changes.VISITS,), self.refresh, skip_own=True)

    def _set_date_range(self) -> None:
        """From the program's today (not the PC's: the dated test runs and the demo set it),
        proposing the next working day: visitors announced on a Friday come on Monday."""
        today = clock.today()
        self.date.setMinimumDate(QDate(today.year, today.month, today.day))
        proposal = workdays.add_working_days(today, 1)
        self.date.setDate(QDate(proposal.year, proposal.month, proposal.day))

    def reload_lists(self) -> None:
        fill_combo(self.category, option_items(settings.CATEGORY))
        fill_combo(self.purpose, option_items(settings.PURPOSE), self.tr("（未填）"))

    def _suggest(self, text: str) -> list[tuple[str, object]]:
        return [(s.label, s) for s in visitors.suggest_visitors(self.actor, text)]

    def _fill(self, s: VisitorSuggestion) -> None:
        self.visitor_id = s.id
        self.name.setText(s.name)
        self.company.setText(s.company)
        self.phone.setText(s.phone)
        if s.category_id is not None and (i := self.category.findData(s.category_id)) >= 0:
            self.category.setCurrentIndex(i)

    def refresh(self) -> None:
        self.model.set_rows(visitors.upcoming_expected(self.actor))

    def clear(self) -> None:
        self.visitor_id = None
        for edit in (self.name, self.company, self.phone, self.remarks):
            edit.clear()
        self.people.setValue(1)
        me = None
        if self.actor.employee_id is not None:
            try:
                me = org.get_employee(self.actor.employee_id)
            except ServiceError:
                me = None
        self.host.set_host(me)
        self.errors.clear()
        self.name.setFocus()

    def value(self) -> VisitForm:
        host, _ = self.host.resolve()
        qdate = self.date.date()
        qtime = self.time.time()
        return VisitForm(
            name=self.name.text(),
            company=self.company.text(),
            phone=self.phone.text(),
            people_count=self.people.value(),
            category_id=self.category.currentData(),
            purpose_id=self.purpose.currentData(),
            host_id=host.id if host else None,
            kind=visitors.APPOINTMENT,
            remarks=self.remarks.text(),
            visitor_id=self.visitor_id,
            expected_date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            expected_time=None if self.all_day.isChecked() else dt.time(qtime.hour(), qtime.minute()),
        )

    def save(self) -> None:
        try:
            row = visitors.preregister(self.actor, self.value())
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self.message.setText(
            self.tr("已登记：{name}，{date} 到访。前台将在当天的“今日预约”中看到。").format(
                name=row.name, date=row.expected_date
            )
        )
        self.clear()
        self.refresh()
        changes.announce(changes.VISITS, initiator=self)  # the desk's 今日预约

    def cancel_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            return
        row = self.model.rows[rows[0]]
        if not prompts.ask(
            self, self.tr("取消预约"), self.tr("取消 {name} 的预约吗？").format(name=row.name)
        ):
            return
        try:
            visitors.cancel_expected(self.actor, row.id)
        except ServiceError as exc:
            prompts.show_error(self, exc)
        self.refresh()
        changes.announce(changes.VISITS, initiator=self)
