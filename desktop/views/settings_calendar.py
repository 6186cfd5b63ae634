"""A year's public holidays and 调休 make-up working days, entered in one go by pasting dates.

Why: the holiday library knows a year only after the State Council publishes it (and after we
update the library). Until the office enters that year, working-day counts into it are marked
uncertain, and this editor says which years are missing ("2027 年法定节假日尚未录入").
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import workdays
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.views import changes, prompts
from desktop.views.editor import EditorMixin


class YearHolidaysEditor(EditorMixin, QGroupBox):
    changed = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(self.tr("录入一年的法定节假日与调休"), parent)
        self.actor = actor
        self.warning = QLabel()
        self.warning.setObjectName("missingYears")
        self.warning.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.year = QSpinBox()
        self.year.setObjectName("calendarYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today().year + 1)
        self.holidays = QPlainTextEdit()
        self.holidays.setObjectName("holidayDates")
        self.holidays.setPlaceholderText(
            self.tr("每行一个日期或区间，如：\n2027-01-01\n2027-02-06~2027-02-12")
        )
        self.holidays.setFixedHeight(90)
        self.workdays = QPlainTextEdit()
        self.workdays.setObjectName("makeupDates")
        self.workdays.setPlaceholderText(self.tr("调休上班的周末，如：\n2027-02-14"))
        self.workdays.setFixedHeight(70)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存该年"))
        self.save_button.setObjectName("saveYear")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(actor.can("standards.manage"))
        form = QFormLayout()
        form.addRow(self.tr("年份"), self.year)
        form.addRow(self.tr("法定节假日（放假）"), self.holidays)
        form.addRow(self.tr("调休上班日"), self.workdays)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addLayout(row)
        self.track(self.holidays, self.workdays)
        self.show_missing()

    def show_missing(self) -> None:
        text = workdays.missing_years_message(clock.today())
        self.warning.setText(
            self.tr("{missing}：跨入该年的工作日计算按周一至周五估算，并标记为“待确认”。").format(
                missing=text
            )
            if text
            else ""
        )
        self.warning.setVisible(bool(text))

    def save_changes(self) -> bool:
        return self.save()

    def save(self) -> bool:
        self.error.setText("")
        self.error.setStyleSheet("color: #c0392b;")
        try:
            holidays = workdays.parse_dates(self.holidays.toPlainText())
            working = workdays.parse_dates(self.workdays.toPlainText())
            workdays.set_year(self.actor, self.year.value(), holidays, working)
        except ValidationError as exc:
            self.error.setText("；".join(exc.errors.values()))
            return False
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.set_modified(False)
        self.error.setStyleSheet("color: #1e8449;")
        self.error.setText(
            self.tr("已保存 {year} 年：假日 {h} 天，调休上班 {w} 天；已按新日历重算到期日。").format(
                year=self.year.value(), h=len(holidays), w=len(working)
            )
        )
        self.show_missing()
        changes.announce(changes.SETTINGS, changes.FEEDBACK, changes.EXPENSES, initiator=self)
        self.changed.emit()
        return True
