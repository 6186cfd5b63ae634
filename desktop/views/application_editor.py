"""客户接待申请 editor: the form, the guests, the budget against the level's standard.

Every change re-runs the service's estimate, so caps, over-standard flags, the total in
figures and capitals, the department's remaining budget and the lead-time check are always what
the rules say — the window computes nothing itself.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDateTime, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import applications as apps
from desktop.services import org, settings, standards
from desktop.services.applications import ApplicationForm, GuestForm, LineForm
from desktop.services.approval import decision_label
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, StaleRecord, ValidationError
from desktop.services.money import format_money
from desktop.views import prompts
from desktop.views.editor import EditorDialog, editor_layout
from desktop.views.fields import FieldErrors
from desktop.views.pickers import HostPicker, fill_combo, option_items


def _qdt(value: dt.datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def _pydt(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class ApplicationDialog(EditorDialog):
    """Open with an id to view/edit, or with a form (new, or 补填 from a visit).

    An :class:`EditorDialog`: asks before unsaved work is lost, fits the screen with its
    buttons outside the scrolling form, and 提交审批 lists every problem at once.
    """

    saved = Signal(int)
    default_size = QSize(1060, 820)

    def __init__(
        self,
        actor: Actor,
        application_id: int | None = None,
        form: ApplicationForm | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.actor = actor
        self.application_id = application_id
        self.detail: apps.ApplicationDetail | None = None
        self.setWindowTitle(self.tr("客户接待申请") + "[*]")
        self._loading = False
        self._estimate_timer = QTimer(self)
        self._estimate_timer.setSingleShot(True)
        self._estimate_timer.setInterval(150)
        self._estimate_timer.timeout.connect(self.refresh_estimate)
        self._build()
        if application_id is not None:
            self.detail = apps.get(actor, application_id)
            self.load(self.detail.form)
        else:
            self.load(form or self._new_form())
        self._apply_state()
        self.refresh_estimate()
        self.track(self.body)
        self.set_modified(False)
        if not self.client.isReadOnly():
            self.client.setFocus()  # a new or editable form starts where the clerk types first

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setObjectName("appHeader")
        self.header.setStyleSheet("font-size: 12pt; font-weight: bold;")
        # Why it came back, above everything: the applicant should not hunt through the history.
        self.return_note = QLabel()
        self.return_note.setObjectName("returnNote")
        self.return_note.setWordWrap(True)
        self.return_note.setStyleSheet("background: #fdecea; color: #a93226; padding: 6px;")
        self.return_note.hide()
        self.client = QLineEdit()
        self.client.setObjectName("client_company")
        self.location = QLineEdit()
        self.business = QLineEdit()
        self.venue = QLineEdit()
        self.venue.setObjectName("venue")
        self.venue.setPlaceholderText(self.tr("例如：总部一号会议室"))
        self.category = QComboBox()
        self.level = QComboBox()
        self.level.setObjectName("level")
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.attendees = QSpinBox()
        self.attendees.setRange(0, 999)
        self.responsible = HostPicker()
        self.arrival = QDateTimeEdit()
        self.departure = QDateTimeEdit()
        for edit in (self.arrival, self.departure):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.gm = QCheckBox(self.tr("总经理出席"))
        self.chairman = QCheckBox(self.tr("董事长出席"))
        self.urgent = QCheckBox(self.tr("加急"))
        self.urgent_reason = QLineEdit()
        self.urgent_reason.setPlaceholderText(self.tr("加急原因（提前量不足时必填）"))
        self.purpose = QPlainTextEdit()
        self.purpose.setFixedHeight(54)
        self.background = QPlainTextEdit()
        self.background.setFixedHeight(54)
        self.remarks = QLineEdit()

        basic = QFormLayout()
        self.errors = FieldErrors(basic)
        self.errors.add_row("client_company", self.tr("来宾公司 *"), self.client)
        place = QHBoxLayout()
        place.addWidget(self.location)
        place.addWidget(QLabel(self.tr("主营业务")))
        place.addWidget(self.business)
        self.errors.add_row("client_location", self.tr("所在地"), place)
        self.errors.add_row("venue", self.tr("接待地点"), self.venue)
        kind = QHBoxLayout()
        kind.addWidget(self.category, 1)
        kind.addWidget(QLabel(self.tr("接待级别 *")))
        kind.addWidget(self.level, 1)
        self.errors.add_row("level_id", self.tr("客户类别"), kind)
        dep = QHBoxLayout()
        dep.addWidget(self.department, 1)
        dep.addWidget(QLabel(self.tr("我方出席人数")))
        dep.addWidget(self.attendees)
        self.errors.add_row("department_id", self.tr("接待部门 *"), dep)
        self.errors.add_row("responsible_id", self.tr("接待负责人 *"), self.responsible)
        when = QHBoxLayout()
        when.addWidget(self.arrival)
        when.addWidget(QLabel(self.tr("至")))
        when.addWidget(self.departure)
        when.addWidget(self.gm)
        when.addWidget(self.chairman)
        self.errors.add_row("arrival", self.tr("到访时间 *"), when)
        self.errors.attach("departure", self.departure)
        urgent = QHBoxLayout()
        urgent.addWidget(self.urgent)
        urgent.addWidget(self.urgent_reason, 1)
        self.errors.add_row("urgent_reason", self.tr("加急"), urgent)
        self.errors.add_row("purpose", self.tr("来访目的 *"), self.purpose)
        self.errors.add_row("background", self.tr("客户背景"), self.background)
        self.errors.add_row("remarks", self.tr("备注"), self.remarks)
        self.lead_label = QLabel()
        self.lead_label.setObjectName("leadInfo")
        basic_box = QGroupBox(self.tr("基本信息"))
        basic_layout = QVBoxLayout(basic_box)
        basic_layout.addLayout(basic)
        basic_layout.addWidget(self.lead_label)

        self.guests = QTableWidget(0, 5)
        self.guests.setObjectName("guests")
        self.guests.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("职务"), self.tr("性别"), self.tr("电话"), self.tr("领队")]
        )
        self.guests.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.guests.setFixedHeight(150)  # a steady size while typing; it scrolls inside
        add_guest = QPushButton(self.tr("添加来宾"))
        add_guest.clicked.connect(lambda: self.add_guest(GuestForm("")))
        remove_guest = QPushButton(self.tr("删除所选"))
        remove_guest.clicked.connect(self.remove_guest)
        self.guest_buttons = (add_guest, remove_guest)
        self.guest_error = QLabel()
        self.guest_error.setStyleSheet("color: #c0392b;")
        self.errors.labels["guests"] = self.guest_error
        self.errors.widgets["guests"] = self.guests
        self.errors.order.append("guests")
        guests_box = QGroupBox(self.tr("来访人员"))
        g = QVBoxLayout(guests_box)
        g.addWidget(self.guests)
        gb = QHBoxLayout()
        gb.addWidget(add_guest)
        gb.addWidget(remove_guest)
        gb.addStretch(1)
        g.addLayout(gb)
        g.addWidget(self.guest_error)

        self.needs = {
            "needs_pickup": QCheckBox(self.tr("接机/接站")),
            "needs_hotel": QCheckBox(self.tr("住宿")),
            "needs_meals": QCheckBox(self.tr("用餐")),
            "needs_vehicle": QCheckBox(self.tr("用车")),
            "needs_tour": QCheckBox(self.tr("参观")),
            "needs_gifts": QCheckBox(self.tr("礼品")),
            "needs_materials": QCheckBox(self.tr("资料")),
        }
        self.counts = {key: QSpinBox() for key in ("meals", "accompany_diners", "rooms", "nights", "trips")}
        for spin in self.counts.values():
            spin.setRange(0, 999)
        needs_grid = QGridLayout()
        for i, box in enumerate(self.needs.values()):
            needs_grid.addWidget(box, 0, i)
        labels = {
            "meals": self.tr("用餐次数"),
            "accompany_diners": self.tr("陪餐人数"),
            "rooms": self.tr("房间数"),
            "nights": self.tr("晚数"),
            "trips": self.tr("用车趟数"),
        }
        for i, (key, spin) in enumerate(self.counts.items()):
            needs_grid.addWidget(QLabel(labels[key]), 1, i)
            needs_grid.addWidget(spin, 2, i)
        self.accompany_label = QLabel()
        self.budget = QTableWidget(len(standards.CATEGORIES), 6)
        self.budget.setObjectName("budget")
        self.budget.setHorizontalHeaderLabels(
            [
                self.tr("类别"),
                self.tr("标准单价"),
                self.tr("标准估算"),
                self.tr("申请金额"),
                self.tr("超标"),
                self.tr("超标说明"),
            ]
        )
        self.budget.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.budget.verticalHeader().hide()
        for r, category in enumerate(standards.CATEGORIES):
            for c in range(6):
                item = QTableWidgetItem("")
                if c not in (3, 5):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.budget.setItem(r, c, item)
            self.budget.item(r, 0).setText(standards.category_label(category))
            self.budget.item(r, 0).setData(Qt.ItemDataRole.UserRole, category)
        self.budget.resizeRowsToContents()
        rows_height = sum(self.budget.rowHeight(r) for r in range(self.budget.rowCount()))
        self.budget.setFixedHeight(rows_height + self.budget.horizontalHeader().sizeHint().height() + 6)
        self.budget.itemChanged.connect(lambda _i: self._changed())
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        self.total_label.setStyleSheet("font-size: 11pt; font-weight: bold;")
        self.budget_label = QLabel()
        self.budget_label.setObjectName("deptBudget")
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c0392b;")
        budget_box = QGroupBox(self.tr("需求与费用预算"))
        bl = QVBoxLayout(budget_box)
        bl.addLayout(needs_grid)
        bl.addWidget(self.accompany_label)
        bl.addWidget(self.budget)
        bl.addWidget(self.total_label)
        bl.addWidget(self.budget_label)
        bl.addWidget(self.problems)

        self.history = QListWidget()
        self.history.setObjectName("history")
        self.history.setMaximumHeight(140)
        history_box = QGroupBox(self.tr("审批记录"))
        QVBoxLayout(history_box).addWidget(self.history)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(basic_box)
        body_layout.addWidget(guests_box)
        body_layout.addWidget(budget_box)
        body_layout.addWidget(history_box)
        body_layout.addStretch(1)  # spare height goes here, not into the tables
        self.body = body
        for key in ("meals", "accompany_diners", "rooms", "nights", "trips"):
            self.errors.attach(key, self.counts[key])
        for category in standards.CATEGORIES:
            self.errors.attach(f"line_{category}", self.budget)

        self.save_button = QPushButton(self.tr("保存草稿"))
        self.save_button.setObjectName("saveDraft")
        self.save_button.clicked.connect(self.save)
        self.submit_button = QPushButton(self.tr("提交审批"))
        self.submit_button.setObjectName("submit")
        self.submit_button.clicked.connect(self.submit)
        self.withdraw_button = QPushButton(self.tr("撤回"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.revise_button = QPushButton(self.tr("申请变更"))
        self.revise_button.clicked.connect(self.revise)
        self.export_button = QPushButton(self.tr("导出 / 打印…"))
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        for b in (self.revise_button, self.withdraw_button, self.save_button, self.submit_button, close):
            buttons.addWidget(b)
        self.scroll = editor_layout(
            self, body, buttons, top=[self.header, self.return_note, self.errors.make_summary()]
        )

        fill_combo(self.category, option_items(settings.CATEGORY), self.tr("（未填）"))
        fill_combo(self.level, [(lv.label, lv.id) for lv in standards.levels()])
        fill_combo(self.department, [(d.name, d.id) for d in org.list_departments()])
        for widget in (self.level, self.department):
            widget.currentIndexChanged.connect(lambda _i: self._changed())
        for widget in (self.arrival, self.departure):
            widget.dateTimeChanged.connect(lambda _v: self._changed())
        for box in (*self.needs.values(), self.gm, self.chairman, self.urgent):
            box.toggled.connect(lambda _v: self._changed())
        for spin in self.counts.values():
            spin.valueChanged.connect(lambda _v: self._changed())
        self.guests.itemChanged.connect(lambda _i: self._changed())

    # ------------------------------------------------------------------ values

    def _new_form(self) -> ApplicationForm:
        start = dt.datetime.combine(clock.today() + dt.timedelta(days=3), dt.time(9, 0))
        department = None
        responsible = None
        if self.actor.employee_id is not None:
            me = org.get_employee(self.actor.employee_id)
            department, responsible = me.department_id, me.id
        level = next((lv.id for lv in standards.levels() if lv.code == "C"), None)
        return ApplicationForm(
            level_id=level,
            department_id=department,
            responsible_id=responsible,
            arrival=start,
            departure=start + dt.timedelta(hours=8),
            meals=1,
            needs_meals=True,
        )

    def load(self, form: ApplicationForm) -> None:
        """Fill the form from ``form``; this is not an edit, so the editor stays unmodified."""
        with self.loading():
            self._fill(form)

    def _fill(self, form: ApplicationForm) -> None:
        self._loading = True
        self.client.setText(form.client_company)
        self.location.setText(form.client_location)
        self.business.setText(form.client_business)
        self.venue.setText(form.venue)
        for combo, value in (
            (self.category, form.category_id),
            (self.level, form.level_id),
            (self.department, form.department_id),
        ):
            i = combo.findData(value)
            combo.setCurrentIndex(max(i, 0))
        self.attendees.setValue(form.our_attendees)
        self.responsible.set_host(org.get_employee(form.responsible_id) if form.responsible_id else None)
        if form.arrival:
            self.arrival.setDateTime(_qdt(form.arrival))
        if form.departure:
            self.departure.setDateTime(_qdt(form.departure))
        self.gm.setChecked(form.gm_attends)
        self.chairman.setChecked(form.chairman_attends)
        self.urgent.setChecked(form.urgent)
        self.urgent_reason.setText(form.urgent_reason)
        self.purpose.setPlainText(form.purpose)
        self.background.setPlainText(form.background)
        self.remarks.setText(form.remarks)
        for key, box in self.needs.items():
            box.setChecked(getattr(form, key))
        for key, spin in self.counts.items():
            spin.setValue(getattr(form, key))
        self.guests.setRowCount(0)
        for guest in form.guests:
            self.add_guest(guest)
        given = {line.category: line for line in form.lines}
        for r, category in enumerate(standards.CATEGORIES):
            line = given.get(category)
            self.budget.item(r, 3).setText(str(line.amount) if line and line.amount is not None else "")
            self.budget.item(r, 5).setText(line.reason if line else "")
        self.visit_id = form.visit_id
        self._loading = False

    def value(self) -> ApplicationForm:
        guests = []
        for r in range(self.guests.rowCount()):
            texts = [(self.guests.item(r, c).text() if self.guests.item(r, c) else "") for c in range(4)]
            leader = self.guests.item(r, 4)
            if texts[0].strip():
                guests.append(
                    GuestForm(*texts, leader=bool(leader and leader.checkState() == Qt.CheckState.Checked))
                )
        lines = []
        for r, category in enumerate(standards.CATEGORIES):
            amount = self.budget.item(r, 3).text().strip()
            reason = self.budget.item(r, 5).text()
            if amount or reason.strip():
                lines.append(LineForm(category, amount or None, reason))
        host, _ = self.responsible.resolve()
        return ApplicationForm(
            client_company=self.client.text(),
            client_location=self.location.text(),
            client_business=self.business.text(),
            venue=self.venue.text(),
            category_id=self.category.currentData(),
            level_id=self.level.currentData(),
            department_id=self.department.currentData(),
            our_attendees=self.attendees.value(),
            purpose=self.purpose.toPlainText(),
            background=self.background.toPlainText(),
            arrival=_pydt(self.arrival.dateTime()),
            departure=_pydt(self.departure.dateTime()),
            gm_attends=self.gm.isChecked(),
            chairman_attends=self.chairman.isChecked(),
            responsible_id=host.id if host else None,
            remarks=self.remarks.text(),
            urgent=self.urgent.isChecked(),
            urgent_reason=self.urgent_reason.text(),
            visit_id=getattr(self, "visit_id", None),
            guests=guests,
            lines=lines,
            # The version this window read: a save over someone else's later edit is refused.
            version=self.detail.form.version if self.detail is not None else None,
            **{key: box.isChecked() for key, box in self.needs.items()},
            **{key: spin.value() for key, spin in self.counts.items()},
        )

    def add_guest(self, guest: GuestForm) -> None:
        r = self.guests.rowCount()
        self.guests.insertRow(r)
        for c, text in enumerate((guest.name, guest.title, guest.gender, guest.phone)):
            self.guests.setItem(r, c, QTableWidgetItem(text))
        leader = QTableWidgetItem()
        leader.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        )
        leader.setCheckState(Qt.CheckState.Checked if guest.leader else Qt.CheckState.Unchecked)
        self.guests.setItem(r, 4, leader)
        if not guest.name:
            self.guests.setCurrentCell(r, 0)
            self.guests.editItem(self.guests.item(r, 0))

    def remove_guest(self) -> None:
        for r in sorted({i.row() for i in self.guests.selectedIndexes()}, reverse=True):
            self.guests.removeRow(r)
        self._changed()

    # ------------------------------------------------------------------ estimate

    def _changed(self) -> None:
        if not self._loading:
            self._estimate_timer.start()

    def refresh_estimate(self) -> None:
        try:
            if self.detail is not None and not self.editable:
                est = self.detail.estimate
            else:
                root = self.detail.info.root_id if self.detail else None
                est = apps.estimate(self.value(), exclude_root=root)
        except (ValidationError, ServiceError) as exc:
            self.total_label.setText(str(exc))
            return
        self._loading = True
        self._loading_depth += 1  # the estimate's own cells are not the user's edits
        for r, line in enumerate(est.lines):
            self.budget.item(r, 1).setText(format_money(line.cap) if line.cap is not None else "—")
            self.budget.item(r, 2).setText(format_money(line.estimate))
            amount_item = self.budget.item(r, 3)
            amount_item.setToolTip(
                self.tr("留空按标准估算：{amount}").format(amount=format_money(line.estimate))
            )
            if not amount_item.text().strip() and not self.editable:
                amount_item.setText(str(line.amount))
            self.budget.item(r, 4).setText(self.tr("超标") if line.over_cap else "")
            color = Qt.GlobalColor.red if line.over_cap else Qt.GlobalColor.black
            self.budget.item(r, 4).setForeground(color)
        self._loading = False
        self._loading_depth -= 1
        self.estimate = est
        self.total_label.setText(
            self.tr("合计 {total}　大写：{capital}").format(
                total=format_money(est.total), capital=est.total_capital
            )
        )
        guests = len(self.value().guests)
        self.accompany_label.setText(
            self.tr(
                "{level} 级标准：餐费 {meal}/人/餐，住宿 {hotel}/间夜，交通 {trip}/趟；"
                "来宾 {guests} 人，陪餐上限 {limit} 人。"
            ).format(
                level=est.standard.level_code,
                meal=format_money(est.standard.meal_cap),
                hotel=format_money(est.standard.hotel_cap),
                trip=format_money(est.standard.transport_cap),
                guests=guests,
                limit=est.accompany_limit,
            )
        )
        if est.budget is not None:
            b = est.budget
            after = b.remaining - est.total
            self.budget_label.setText(
                self.tr("部门 {y} 年 {m} 月预算 {budget}，已批 {used}，本申请后剩余 {left}").format(
                    y=b.year,
                    m=b.month,
                    budget=format_money(b.budget),
                    used=format_money(b.used),
                    left=format_money(after),
                )
            )
            self.budget_label.setStyleSheet("color: #c0392b;" if after < Decimal("0") else "")
        if est.lead_days_available is not None:
            ok = est.lead_days_available >= est.lead_days_required
            self.lead_label.setText(
                # %n: the English catalogue has "1 working day" / "2 working days" forms.
                self.tr("提前量：须提前 {need}，现有 {have}{note}").format(
                    need=self.tr("%n 个工作日", None, est.lead_days_required),
                    have=self.tr("%n 个", None, est.lead_days_available),
                    note="" if ok else self.tr("（不足：请改期或加急）"),
                )
                # A year whose holidays nobody entered: the count assumes Monday–Friday.
                + (self.tr("（节假日未录入，按周一至周五估算）") if est.lead_days_uncertain else "")
            )
            self.lead_label.setStyleSheet("" if ok else "color: #c0392b;")
        self.problems.setText("\n".join(est.problems.values()) if self.editable else "")

    # ------------------------------------------------------------------ state

    @property
    def editable(self) -> bool:
        if self.detail is None:
            return True
        return (
            self.detail.info.status in apps.EDITABLE and self.detail.info.applicant_id == self.actor.user_id
        )

    def _apply_state(self) -> None:
        info = self.detail.info if self.detail else None
        if info is None:
            self.header.setText(
                self.tr("新的客户接待申请") + (self.tr("（补填）") if getattr(self, "visit_id", None) else "")
            )
        else:
            flags = []
            if info.urgent:
                flags.append(self.tr("加急"))
            if info.over_standard:
                flags.append(self.tr("超标准"))
            if info.backfill:
                flags.append(self.tr("补填"))
            revision = self.tr("第 {n} 版").format(n=info.revision)
            self.header.setText(
                f"{info.number}（{revision}）　{info.where}　" + " ".join(f"[{f}]" for f in flags)
            )
        editable = self.editable
        for kind in (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QCheckBox, QDateTimeEdit):
            for widget in self.findChildren(kind):
                widget.setEnabled(editable)
        self.guests.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.budget.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for b in self.guest_buttons:
            b.setEnabled(editable)
        self.save_button.setVisible(editable)
        self.submit_button.setVisible(editable)
        mine = info is not None and info.applicant_id == self.actor.user_id
        self.withdraw_button.setVisible(mine and info.status == apps.PENDING)
        self.revise_button.setVisible(mine and info.status == apps.APPROVED)
        self.export_button.setEnabled(info is not None)
        returned = None
        if info is not None and info.status == apps.RETURNED and self.detail is not None:
            returned = next((a for a in reversed(self.detail.approvals) if a.decision == "return"), None)
        if returned is not None:
            self.return_note.setText(
                self.tr("{name} 于 {at} 退回修改：{comment}").format(
                    name=returned.user_name, at=f"{returned.at:%Y-%m-%d %H:%M}", comment=returned.comment
                )
            )
        self.return_note.setVisible(returned is not None)
        self.history.clear()
        if self.detail is not None:
            for a in self.detail.approvals:
                step = f"［{apps.step_label(a.step_label)}］" if a.step_label else ""
                comment = f"：{a.comment}" if a.comment else ""
                self.history.addItem(
                    f"{a.at:%Y-%m-%d %H:%M}  {a.user_name} {step}{decision_label(a.decision)}{comment}"
                )

    def _reload(self, application_id: int) -> None:
        self.application_id = application_id
        self.detail = apps.get(self.actor, application_id)
        self.load(self.detail.form)
        self._apply_state()
        self.refresh_estimate()
        self.saved.emit(application_id)
        # Whichever window opened this editor (接待申请, 审批, 来访记录 补填, 对账) refreshes.
        from desktop.views import changes

        changes.announce(
            changes.APPLICATIONS, changes.APPROVALS, changes.NOTIFICATIONS, changes.VISITS, initiator=self
        )

    # ------------------------------------------------------------------ actions

    def _show_errors(self, errors: dict[str, str]) -> None:
        """Every problem at once: under its field, in the summary above the form, first in view."""
        unplaced = self.errors.show(errors)
        if unplaced:
            self.problems.setText("\n".join(errors[k] for k in unplaced))

    def save(self) -> bool:
        try:
            info = apps.save_draft(self.actor, self.value(), self.application_id)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except StaleRecord as exc:
            self._stale(exc)
            return False
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.errors.clear()
        self._reload(info.id)
        self.set_modified(False)
        return True

    def _stale(self, exc: StaleRecord) -> None:
        """Someone changed the application since this window read it: the typed form stays
        unless the user asks for the stored one (重新载入)."""
        if prompts.offer_reload(self, exc) and self.application_id is not None:
            self._reload(self.application_id)
            self.set_modified(False)

    def save_changes(self) -> bool:
        """保存 in the close prompt keeps the work as a draft."""
        return self.save() if self.editable else True

    def submit(self) -> None:
        """Save and send in one step; when anything is wrong nothing is written (not even a
        numbered draft) and every problem is listed."""
        try:
            info = apps.save_and_submit(self.actor, self.value(), self.application_id)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except StaleRecord as exc:
            self._stale(exc)
            return
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self.errors.clear()
        self._reload(info.id)
        self.set_modified(False)

    def withdraw(self) -> None:
        if not prompts.ask(self, self.tr("撤回"), self.tr("撤回这份申请吗？撤回后可以修改再提交。")):
            return
        try:
            apps.withdraw(self.actor, self.application_id)
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self._reload(self.application_id)

    def revise(self) -> None:
        if not prompts.ask(
            self,
            self.tr("申请变更"),
            self.tr("已批准的申请不能直接修改。建立一个新版本，修改后重新走审批流程吗？原批准版本会保留。"),
        ):
            return
        try:
            info = apps.revise(self.actor, self.application_id)
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self._reload(info.id)

    def export(self) -> None:
        from desktop.views.application_print import export_or_print

        if self.application_id is not None:
            export_or_print(self, self.actor, self.application_id)
