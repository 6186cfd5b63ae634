"""The check-in form (访客签到): keyboard-first, with returning-visitor autofill.

Tab order follows what a receptionist asks: name, phone, company, host; Enter anywhere checks
in. A walk-in therefore takes: text, Tab, text, Tab, text, Tab, host initials, Enter (takes the
highlighted host), Enter (checks in) — five keys beyond the text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services import org, settings, visitors
from desktop.services.auth import Actor
from desktop.services.visitors import VisitForm, VisitorSuggestion
from desktop.views.fields import FieldErrors
from desktop.views.pickers import CompletingLineEdit, HostPicker, fill_combo, option_items


class CheckInForm(QWidget):
    submitted = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.visitor_id: int | None = None
        self.visit_id: int | None = None  # today's appointment picked from the suggestions
        self._badge_suggested = ""  # the badge number the form proposed, while left untouched

        self.name = CompletingLineEdit(self._suggest, highlight_first=False)
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("姓名，或拼音首字母/电话查找老访客"))
        self.phone = CompletingLineEdit(self._suggest, highlight_first=False, min_chars=3)
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText(self.tr("手机或座机"))
        for edit in (self.name, self.phone):
            edit.picked.connect(self.fill_from_suggestion)
        self.company = QLineEdit()
        self.company.setObjectName("company")
        self.host = HostPicker()
        self.host.setObjectName("host")
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.host.hostChanged.connect(self._host_changed)
        self.people = QSpinBox()
        self.people.setRange(1, 999)
        self.people.setObjectName("people_count")
        self.kind = QComboBox()
        self.kind.addItem(visitors.kind_label(visitors.WALK_IN), visitors.WALK_IN)
        self.kind.addItem(visitors.kind_label(visitors.APPOINTMENT), visitors.APPOINTMENT)
        self.category = QComboBox()
        self.purpose = QComboBox()
        self.id_number = QLineEdit()
        self.id_number.setObjectName("id_number")
        self.id_number.setPlaceholderText(self.tr("选填"))
        self.badge = QLineEdit()
        self.badge.setObjectName("badge_no")
        self.badge.setMaximumWidth(90)
        self.tea = QCheckBox(self.tr("已上茶"))
        self.wait = QLineEdit()
        self.remarks = QLineEdit()
        self.print_badge = QCheckBox(self.tr("签到后打印胸卡"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors(form)
        self.errors.add_row("name", self.tr("姓名 *"), self.name)
        self.errors.add_row("phone", self.tr("电话 *"), self.phone)
        self.errors.add_row("company", self.tr("单位"), self.company)
        host_row = QHBoxLayout()
        host_row.addWidget(self.host, 3)
        host_row.addWidget(self.department, 2)
        self.errors.add_row("host", self.tr("接待人 *"), host_row)
        self.errors.attach("department", self.department)
        people_row = QHBoxLayout()
        people_row.addWidget(self.people)
        people_row.addWidget(QLabel(self.tr("方式")))
        people_row.addWidget(self.kind, 1)
        self.errors.add_row("people_count", self.tr("人数"), people_row)
        self.errors.add_row("category", self.tr("来访类别"), self.category)
        self.errors.add_row("purpose", self.tr("来访事由"), self.purpose)
        self.errors.add_row("id_number", self.tr("证件号码"), self.id_number)
        badge_row = QHBoxLayout()
        badge_row.addWidget(self.badge)
        badge_row.addWidget(self.tea)
        badge_row.addStretch(1)
        self.errors.add_row("badge_no", self.tr("胸卡号"), badge_row)
        self.errors.add_row("wait_location", self.tr("等候地点"), self.wait)
        self.errors.add_row("remarks", self.tr("备注"), self.remarks)

        self.submit_button = QPushButton(self.tr("签到 (Enter)"))
        self.submit_button.setObjectName("checkin")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submitted)
        self.clear_button = QPushButton(self.tr("清空 (Esc)"))
        self.clear_button.clicked.connect(self.clear)
        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #c0392b;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_badge)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        layout.addStretch(1)

        for edit in (
            self.name,
            self.phone,
            self.company,
            self.id_number,
            self.badge,
            self.wait,
            self.remarks,
        ):
            edit.returnPressed.connect(self.submitted)
        self.host.returnPressed.connect(self._host_return)
        order = [
            self.name,
            self.phone,
            self.company,
            self.host,
            self.department,
            self.people,
            self.kind,
            self.category,
            self.purpose,
            self.id_number,
            self.badge,
            self.tea,
            self.wait,
            self.remarks,
            self.print_badge,
            self.clear_button,
            self.submit_button,
        ]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.reload_lists()
        self.clear()

    # ------------------------------------------------------------------ lists

    def reload_lists(self) -> None:
        """Pick lists come from settings (editable by the admin office)."""
        fill_combo(self.category, option_items(settings.CATEGORY))
        fill_combo(self.purpose, option_items(settings.PURPOSE), self.tr("（未填）"))
        fill_combo(self.department, [(d.name, d.id) for d in org.list_departments()], self.tr("（按接待人）"))

    def _default_category_index(self) -> int:
        i = self.category.findText("自询客户")
        return i if i >= 0 else 0

    # ------------------------------------------------------------------ autofill

    def _suggest(self, text: str) -> list[tuple[str, object]]:
        found = visitors.suggest_visitors(self.actor, text)
        return [(self._suggestion_label(s), s) for s in found]

    def _suggestion_label(self, s: VisitorSuggestion) -> str:
        if s.expected_visit_id is not None:
            when = s.expected_time.strftime("%H:%M") if s.expected_time else self.tr("时间未定")
            return self.tr("{label}（今日预约 {time}）").format(label=s.label, time=when)
        count = self.tr("来访 {n} 次").format(n=s.visit_count)
        return f"{s.label}（{count}）"

    def fill_from_suggestion(self, s: VisitorSuggestion) -> None:
        """Fill the form with a returning visitor's details; the ID stays on the server.

        An appointment of today fills the form from the appointment, and checking in then
        checks in that appointment.
        """
        self.visitor_id = s.id
        self.visit_id = s.expected_visit_id
        if s.expected_visit_id is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(visitors.APPOINTMENT)))
            self.people.setValue(s.people_count)
        self.name.setText(s.name)
        self.phone.setText(s.phone)
        self.company.setText(s.company)
        if s.category_id is not None and (i := self.category.findData(s.category_id)) >= 0:
            self.category.setCurrentIndex(i)
        if s.last_purpose_id is not None and (i := self.purpose.findData(s.last_purpose_id)) >= 0:
            self.purpose.setCurrentIndex(i)
        if s.last_host_id is not None:
            try:
                self.host.set_host(org.get_employee(s.last_host_id))
            except Exception:  # noqa: BLE001 - a deleted host simply is not prefilled
                self.host.set_host(None)
        if s.last_department_id is not None and (i := self.department.findData(s.last_department_id)) >= 0:
            self.department.setCurrentIndex(i)
        self.id_number.clear()
        self.id_number.setPlaceholderText(
            self.tr("已登记：{id}（留空沿用）").format(id=s.id_number_masked)
            if s.has_id_number
            else self.tr("选填")
        )
        self.host.setFocus()

    def _host_changed(self, host) -> None:
        if host is not None and (i := self.department.findData(host.department_id)) >= 0:
            self.department.setCurrentIndex(i)

    def _host_return(self) -> None:
        # Enter in the host field: when the completer just picked a host, stop there, so the
        # receptionist sees who was chosen; a second Enter checks in.
        if self.host.completer_popup().isVisible():
            return
        self.submitted.emit()

    # ------------------------------------------------------------------ values

    def value(self) -> VisitForm:
        host, _ = self.host.resolve()
        return VisitForm(
            name=self.name.text(),
            company=self.company.text(),
            phone=self.phone.text(),
            id_number=self.id_number.text(),
            people_count=self.people.value(),
            category_id=self.category.currentData(),
            purpose_id=self.purpose.currentData(),
            host_id=host.id if host else None,
            department_id=self.department.currentData(),
            kind=self.kind.currentData(),
            badge_no=self.badge.text(),
            tea_served=self.tea.isChecked(),
            wait_location=self.wait.text(),
            remarks=self.remarks.text(),
            visitor_id=self.visitor_id,
            visit_id=self.visit_id,
        )

    def host_problem(self) -> str:
        """A message when the typed host text is not one clear employee."""
        host, candidates = self.host.resolve()
        if host is not None or not self.host.text().strip():
            return ""
        if not candidates:
            return self.tr("找不到接待人“{text}”。").format(text=self.host.text().strip())
        names = "、".join(c.label for c in candidates[:5])
        return self.tr("有多位员工匹配：{names}，请从列表中选择。").format(names=names)

    def show_errors(self, errors: dict[str, str]) -> None:
        unplaced = self.errors.show(errors)
        if unplaced:
            self.general_error.setText("；".join(errors[k] for k in unplaced))
            self.general_error.show()
        else:
            self.general_error.hide()

    def refresh_badge(self) -> None:
        """Propose the next free badge again, unless the receptionist typed one.

        Another desk (or a check-out here) changes which cards are out; a proposal made when
        the form was cleared may be on somebody's coat by now.
        """
        if self.badge.text().strip() == self._badge_suggested:
            self._badge_suggested = visitors.next_badge_no()
            self.badge.setText(self._badge_suggested)

    def clear(self) -> None:
        self.visitor_id = None
        self.visit_id = None
        for edit in (self.name, self.phone, self.company, self.id_number, self.remarks):
            edit.clear()
        self.host.set_host(None)
        self.department.setCurrentIndex(0)
        self.people.setValue(1)
        self.kind.setCurrentIndex(0)
        self.category.setCurrentIndex(self._default_category_index())
        self.purpose.setCurrentIndex(0)
        self.id_number.setPlaceholderText(self.tr("选填"))
        self._badge_suggested = visitors.next_badge_no()
        self.badge.setText(self._badge_suggested)
        self.tea.setChecked(False)
        self.wait.setText(settings.get("default_wait_location"))
        self.errors.clear()
        self.general_error.hide()
        self.name.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)
