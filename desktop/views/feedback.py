"""信息反馈: receptions that ended, their feedback due dates (2 working days), the overdue ones,
and the form the host fills in."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import feedback, org
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, StaleRecord, ValidationError
from desktop.services.feedback import ActionForm, FeedbackForm
from desktop.views import changes, ops, printing, prompts
from desktop.views.editor import EditorMixin
from desktop.views.fields import FieldErrors
from desktop.views.pickers import fill_combo
from desktop.views.table_model import Column, RowTableModel, make_table


def _state(s: feedback.FeedbackStatus) -> str:
    from PySide6.QtCore import QCoreApplication

    if s.submitted_at:
        return QCoreApplication.translate("FeedbackView", "已提交")
    if s.overdue:
        return QCoreApplication.translate("FeedbackView", "逾期")
    return QCoreApplication.translate("FeedbackView", "待填写")


class FeedbackView(EditorMixin, QWidget):
    """An editor inside the main window: a form typed but not submitted is asked about before
    another reception, another view, logging out or quitting replaces it."""

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.current: feedback.FeedbackStatus | None = None
        self.model = RowTableModel(
            [
                Column("number", self.tr("编号"), lambda s: s.number),
                Column("client", self.tr("来宾公司"), lambda s: s.client),
                Column("responsible", self.tr("接待负责人"), lambda s: s.responsible),
                Column(
                    "departure",
                    self.tr("结束"),
                    lambda s: f"{s.departure:%m-%d %H:%M}",
                    value=lambda s: s.departure,
                ),
                Column(
                    "due",
                    self.tr("应交日期"),
                    # holidays of that year not entered: counted Monday–Friday, so say so
                    lambda s: f"{s.due:%Y-%m-%d}" + (self.tr("（待确认）") if s.due_uncertain else ""),
                    value=lambda s: s.due,
                    tooltip=lambda s: (
                        self.tr("该年法定节假日尚未录入，按周一至周五估算") if s.due_uncertain else None
                    ),
                ),
                Column("state", self.tr("状态"), _state),
            ],
            self,
        )
        self.table = make_table(self.model, name="feedbackTable")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.title = QLabel()
        self.title.setObjectName("feedbackTitle")
        self.title.setWordWrap(True)  # a long sentence in English must not widen the window

        self.discussed = QPlainTextEdit()
        self.requirements = QPlainTextEdit()
        for edit in (self.discussed, self.requirements):
            edit.setFixedHeight(80)
        self.satisfaction = QSpinBox()
        self.satisfaction.setRange(0, 5)
        self.satisfaction.setSpecialValueText(self.tr("未评"))
        self.owner = QComboBox()
        employees = [(e.label, e.id) for e in org.list_employees()]
        fill_combo(self.owner, employees, self.tr("（未指定）"))
        self.employees = employees
        self.actions = QTableWidget(0, 3)
        self.actions.setObjectName("actions")
        self.actions.setHorizontalHeaderLabels([self.tr("跟进措施"), self.tr("负责人"), self.tr("完成日期")])
        self.actions.horizontalHeader().setStretchLastSection(True)
        self.actions.setColumnWidth(0, 260)
        add = QPushButton(self.tr("添加措施"))
        add.clicked.connect(
            lambda: self.add_action(ActionForm("", None, clock.today() + dt.timedelta(days=7)))
        )
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("discussed", self.tr("洽谈内容 *"), self.discussed)
        self.errors.add_row("requirements", self.tr("客户需求"), self.requirements)
        self.errors.add_row("satisfaction", self.tr("满意度（1–5）*"), self.satisfaction)
        self.errors.add_row("followup_owner_id", self.tr("跟进负责人 *"), self.owner)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.submit_button = QPushButton(self.tr("提交反馈"))
        self.submit_button.setObjectName("submitFeedback")
        self.submit_button.clicked.connect(self.submit)
        self.submit_button.setEnabled(actor.can("feedback.file"))
        print_button = QPushButton(self.tr("打印 / 导出…"))
        print_button.setObjectName("feedbackPrint")
        print_button.clicked.connect(
            lambda: printing.print_or_export(self, print_button, self.preview, self.export)
        )
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(print_button)
        self.signoff_button = QPushButton(self.tr("部门负责人签认"))
        self.signoff_button.setObjectName("signOffFeedback")
        self.signoff_button.clicked.connect(self.sign_off)
        self.signoff_button.setVisible(actor.can("feedback.signoff"))
        buttons.addWidget(self.signoff_button)
        buttons.addWidget(self.submit_button)
        box = QGroupBox(self.tr("客户接待信息反馈表"))
        bv = QVBoxLayout(box)
        bv.addWidget(self.errors.make_summary())
        bv.addLayout(form)
        bv.addWidget(self.actions)
        bv.addLayout(buttons)
        bv.addWidget(self.message)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.title)
        lv.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(box)
        split.setSizes([600, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        self.refresh()
        changes.watch(
            self, (changes.FEEDBACK, changes.APPLICATIONS, changes.SETTINGS), self.refresh, skip_own=True
        )
        self.track(self.discussed, self.requirements, self.satisfaction, self.owner, self.actions)
        self.set_modified(False)

    def refresh(self) -> None:
        rows = feedback.statuses(self.actor)
        self.model.set_rows(rows)
        late = sum(1 for r in rows if r.overdue)
        self.title.setText(
            self.tr("已结束的接待 {n} 次，逾期未反馈 {late} 次（接待结束后 2 个工作日内提交）").format(
                n=len(rows), late=late
            )
        )
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _selected(self) -> None:
        chosen = self.model.row_at(self.table.currentIndex())
        if chosen is None:
            return
        shown = self.current.application_id if self.current is not None else None
        if chosen.application_id == shown and self.is_modified():
            self.current = chosen  # the list refreshed under the form being typed: keep it
            return
        if chosen.application_id != shown and not self.can_close():
            # 取消: stay on the form being typed (after the click has finished selecting)
            QTimer.singleShot(0, self, lambda: self._select_application(shown))
            return
        self.current = chosen
        self._select_application(chosen.application_id)  # 保存 reselected the submitted one
        with self.loading():
            self._fill(feedback.get(self.actor, chosen.application_id))
        self.set_modified(False)
        self._signoff_state()

    def _signoff_state(self) -> None:
        """部门负责人签认 is on only for the head who may sign this form now; off, it says why."""
        if not self.actor.can("feedback.signoff"):
            return  # the button is not shown at all
        allowed, why = (
            feedback.sign_off_state(self.actor, self.current.application_id)
            if self.current is not None
            else (False, "")
        )
        self.signoff_button.setEnabled(allowed)
        self.signoff_button.setToolTip(why)

    def _select_application(self, application_id: int | None) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            for row, s in enumerate(self.model.rows):
                if s.application_id == application_id:
                    self.table.selectRow(row)
        finally:
            selection.blockSignals(False)

    def save_changes(self) -> bool:
        return self.submit()

    def _fill(self, form: FeedbackForm) -> None:
        self.version = form.version  # handed back on submit: a stale form is refused
        self.discussed.setPlainText(form.discussed)
        self.requirements.setPlainText(form.requirements)
        self.satisfaction.setValue(form.satisfaction)
        self.owner.setCurrentIndex(max(self.owner.findData(form.followup_owner_id), 0))
        self.actions.setRowCount(0)
        for action in form.actions:
            self.add_action(action)
        self.errors.clear()
        self.message.clear()

    def add_action(self, action: ActionForm) -> None:
        r = self.actions.rowCount()
        self.actions.insertRow(r)
        self.actions.setItem(r, 0, QTableWidgetItem(action.action))
        owner = QComboBox()
        fill_combo(owner, self.employees, self.tr("（未指定）"))
        owner.setCurrentIndex(max(owner.findData(action.owner_id), 0))
        self.actions.setCellWidget(r, 1, owner)
        self.track(owner)
        due = QDateEdit()
        due.setCalendarPopup(True)
        due.setDisplayFormat("yyyy-MM-dd")
        if action.due:
            due.setDate(QDate(action.due.year, action.due.month, action.due.day))
        self.actions.setCellWidget(r, 2, due)
        self.track(due)

    def value(self) -> FeedbackForm:
        actions = []
        for r in range(self.actions.rowCount()):
            text = self.actions.item(r, 0).text() if self.actions.item(r, 0) else ""
            q = self.actions.cellWidget(r, 2).date()
            actions.append(
                ActionForm(
                    text, self.actions.cellWidget(r, 1).currentData(), dt.date(q.year(), q.month(), q.day())
                )
            )
        return FeedbackForm(
            self.discussed.toPlainText(),
            self.requirements.toPlainText(),
            self.satisfaction.value(),
            self.owner.currentData(),
            actions,
            version=getattr(self, "version", None),
        )

    def submit(self) -> bool:
        """Submit the form; every problem is shown at once. True when submitted."""
        if self.current is None:
            return False
        try:
            feedback.submit(self.actor, self.current.application_id, self.value())
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)
            self.message.setText("；".join(exc.errors[k] for k in unplaced))
            return False
        except StaleRecord as exc:  # the form stays as typed unless 重新载入 is chosen
            self.message.setText(str(exc))
            if prompts.offer_reload(self, exc):
                with self.loading():
                    self._fill(feedback.get(self.actor, self.current.application_id))
                self.set_modified(False)
            return False
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.set_modified(False)
        selected = self.current.application_id
        self.refresh()
        for row, s in enumerate(self.model.rows):
            if s.application_id == selected:
                self.table.selectRow(row)
        self.message.setText(self.tr("已提交。"))  # after reselecting, which clears the form's message
        changes.announce(changes.FEEDBACK, changes.NOTIFICATIONS, initiator=self)  # the nav count
        return True

    def sign_off(self) -> None:
        """The head of department signs the submitted form (部门负责人 / 日期 on the paper)."""
        if self.current is None:
            return
        actor, app_id = self.actor, self.current.application_id

        def done(signed) -> None:
            self.message.setText(
                self.tr("已签认：{name} {date}").format(
                    name=signed.signed_off_by, date=f"{signed.signed_off_at:%Y-%m-%d}"
                )
            )
            self._signoff_state()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                self.message.setText("；".join(exc.errors.values()))
            elif isinstance(exc, ServiceError):
                prompts.show_error(self, exc)
            else:
                raise exc

        ops.run(
            self,
            lambda _p: feedback.sign_off(actor, app_id),
            done,
            failed,
            write=True,
            changes=(changes.FEEDBACK,),
        )

    def write(self, application_id: int, path: Path) -> Path:
        from desktop.exporters.arrangement_forms import write_feedback

        return write_feedback(self.actor, application_id, path)

    def preview(self) -> None:
        if self.current is None:
            return
        app_id = self.current.application_id
        path = Path(tempfile.mkdtemp(prefix="reception-print-")) / f"feedback-{app_id}.pdf"

        def show(result) -> None:
            printing.show_preview(self, Path(result), self.tr("客户接待信息反馈表"))

        ops.run(self, lambda _p: self.write(app_id, path), show, label=self.tr("正在生成…"))

    def export(self) -> None:
        """The feedback form as saved, to .xlsx (the office template) or .pdf."""
        if self.current is None:
            return
        app_id = self.current.application_id
        path = printing.ask_export_path(
            self, self.tr("导出客户接待信息反馈表"), f"客户接待信息反馈表-{self.current.number}.xlsx"
        )
        if path is None:
            return
        ops.run(
            self,
            lambda _p: self.write(app_id, path),
            lambda result: self.message.setText(self.tr("已导出：{path}").format(path=result)),
            label=self.tr("正在导出…"),
        )
