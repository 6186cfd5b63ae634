"""接待申请 list: the applicant sees where each application stands; managers, admin and finance
see their department's or all. Opening one shows the editor (or the read-only form)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import applications as apps
from desktop.services import approval_actions as actions
from desktop.services.applications import ApplicationInfo
from desktop.services.auth import Actor
from desktop.services.money import format_money
from desktop.views import changes, ops
from desktop.views.application_editor import ApplicationDialog
from desktop.views.table_model import Column, RowTableModel, make_table

translate = QCoreApplication.translate


def application_columns() -> list[Column]:
    def flags(a: ApplicationInfo) -> str:
        marks = [
            translate("ApplicationColumns", "加急") if a.urgent else "",
            translate("ApplicationColumns", "超标") if a.over_standard else "",
            translate("ApplicationColumns", "补填") if a.backfill else "",
        ]
        return " ".join(m for m in marks if m)

    return [
        Column(
            "number",
            translate("ApplicationColumns", "编号"),
            lambda a: a.number + (f" v{a.revision}" if a.revision > 1 else ""),
        ),
        Column("client", translate("ApplicationColumns", "来宾公司"), lambda a: a.client_company),
        Column("level", translate("ApplicationColumns", "级别"), lambda a: a.level_code),
        Column(
            "arrival",
            translate("ApplicationColumns", "到访"),
            lambda a: a.arrival.strftime("%Y-%m-%d %H:%M"),
            value=lambda a: a.arrival,
        ),
        Column(
            "guests",
            translate("ApplicationColumns", "人数"),
            lambda a: str(a.guest_count),
            align_right=True,
            value=lambda a: a.guest_count,
        ),
        Column(
            "total",
            translate("ApplicationColumns", "预算合计"),
            lambda a: format_money(a.total),
            align_right=True,
            value=lambda a: a.total,
        ),
        Column("department", translate("ApplicationColumns", "部门"), lambda a: a.department_name),
        Column("applicant", translate("ApplicationColumns", "申请人"), lambda a: a.applicant_name),
        Column("flags", translate("ApplicationColumns", "标记"), flags),
        Column("where", translate("ApplicationColumns", "进度"), lambda a: a.where),
    ]


class ApplicationsView(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.scope = QComboBox()
        self.scope.setObjectName("scope")
        self.scope.addItem(self.tr("我的申请"), "mine")
        self.scope.addItem(self.tr("本部门"), "department")
        if actor.can("applications.view_all"):
            self.scope.addItem(self.tr("全部"), "all")
            self.scope.setCurrentIndex(2)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), ())
        for status in (apps.DRAFT, apps.PENDING, apps.RETURNED, apps.APPROVED, apps.REJECTED, apps.WITHDRAWN):
            self.status.addItem(apps.status_label(status), (status,))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("来宾公司或编号"))
        self.count = QLabel()
        new = QPushButton(self.tr("新建申请 (Ctrl+N)"))
        new.setObjectName("newApplication")
        new.setShortcut("Ctrl+N")
        new.clicked.connect(self.new_application)
        new.setEnabled(actor.can("applications.file"))
        open_button = QPushButton(self.tr("打开"))
        open_button.clicked.connect(self.open_selected)
        self.remind_button = QPushButton(self.tr("催办 (Ctrl+Shift+U)"))
        self.remind_button.setObjectName("remind")
        self.remind_button.setShortcut("Ctrl+Shift+U")
        self.remind_button.setToolTip(self.tr("提醒当前审批人尽快审批（每隔几小时只能催办一次）"))
        self.remind_button.clicked.connect(self.remind)
        self.message = QLabel()
        self.message.setObjectName("applicationsMessage")
        bar = QHBoxLayout()
        bar.addWidget(self.scope)
        bar.addWidget(self.status)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.count)
        bar.addWidget(open_button)
        bar.addWidget(self.remind_button)
        bar.addWidget(new)
        self.model = RowTableModel(application_columns(), self)
        self.table = make_table(self.model, name="applicationsTable")
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.text.textChanged.connect(self._debounce.start)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        self.refresh()
        # An editor opened from here or anywhere else announces its save; so does a decision.
        changes.watch(
            self, (changes.APPLICATIONS, changes.APPROVALS, changes.SETTINGS, changes.USERS), self.refresh
        )

    def refresh(self) -> None:
        rows = apps.list_applications(
            self.actor,
            scope=self.scope.currentData(),
            statuses=tuple(self.status.currentData()),
            text=self.text.text(),
        )
        self.model.set_rows(rows)
        self.count.setText(self.tr("{n} 份").format(n=len(rows)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        self.remind_button.setEnabled(
            row is not None and row.status == apps.PENDING and row.applicant_id == self.actor.user_id
        )

    def remind(self) -> None:
        """催办: remind the current approver(s); the service allows it once every few hours."""
        row = self.selected()
        if row is None or not self.remind_button.isEnabled():
            return
        actor, application_id = self.actor, row.id

        def done(count: int) -> None:
            self.message.setStyleSheet("color: #1e8449;")
            self.message.setText(
                self.tr("{number}：已提醒 {n} 位审批人。").format(number=row.number, n=count)
            )

        def failed(exc: BaseException) -> None:
            self.message.setStyleSheet("color: #c0392b;")
            self.message.setText(str(exc))

        ops.run(
            self,
            lambda _p: actions.remind(actor, application_id),
            done,
            failed,
            write=True,
            changes=(changes.APPROVALS, changes.APPLICATIONS, changes.NOTIFICATIONS),
        )

    def selected(self) -> ApplicationInfo | None:
        return self.model.row_at(self.table.currentIndex())

    def open_dialog(self, dialog: ApplicationDialog) -> ApplicationDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def new_application(self, form=None) -> ApplicationDialog:
        return self.open_dialog(ApplicationDialog(self.actor, form=form, parent=self))

    def open_selected(self) -> ApplicationDialog | None:
        row = self.selected()
        if row is None:
            return None
        return self.open_dialog(ApplicationDialog(self.actor, row.id, parent=self))
