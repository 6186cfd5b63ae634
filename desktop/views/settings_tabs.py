"""The editors inside the settings window: departments, employees, pick lists, deny list, users."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.services import auth, denylist, org, settings
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError
from desktop.views import prompts
from desktop.views.crud import CrudEditor, combo_select
from desktop.views.table_model import Column


def _active(value: bool) -> str:
    from PySide6.QtCore import QCoreApplication

    return (
        QCoreApplication.translate("settings_tabs", "启用")
        if value
        else QCoreApplication.translate("settings_tabs", "停用")
    )


class DepartmentEditor(CrudEditor):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        self.actor = actor
        columns = [
            Column("name", self.tr("部门"), lambda d: d.name),
            Column(
                "count",
                self.tr("员工数"),
                lambda d: str(d.employee_count),
                align_right=True,
                value=lambda d: d.employee_count,
            ),
            Column("active", self.tr("状态"), lambda d: _active(d.active)),
        ]
        super().__init__(columns, editable=actor.can("org.manage"), title=self.tr("部门"), parent=parent)
        self.name = self.add_field("name", self.tr("名称 *"), QLineEdit())
        self.active = self.add_field("active", "", QCheckBox(self.tr("启用")))
        self.refresh()

    def load_rows(self):
        return org.list_departments(include_inactive=True)

    def fill(self, row) -> None:
        self.name.setText(row.name)
        self.active.setChecked(row.active)

    def clear_form(self) -> None:
        self.name.clear()
        self.active.setChecked(True)
        self.name.setFocus()

    def save(self, row_id):
        return org.save_department(
            self.actor, self.name.text(), row_id, self.active.isChecked(), version=self.current_version
        )

    def delete(self, row) -> None:
        org.delete_department(self.actor, row.id)


class EmployeeEditor(CrudEditor):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        self.actor = actor
        columns = [
            Column("name", self.tr("姓名"), lambda e: e.name),
            Column("department", self.tr("部门"), lambda e: e.department_name),
            Column("title", self.tr("职务"), lambda e: e.title),
            Column("phone", self.tr("电话"), lambda e: e.phone),
            Column("active", self.tr("状态"), lambda e: _active(e.active)),
        ]
        super().__init__(
            columns, editable=actor.can("org.manage"), title=self.tr("员工（接待人）"), parent=parent
        )
        self.filter = QComboBox()
        self.filter.setObjectName("employeeFilter")
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("部门")))
        filter_row.addWidget(self.filter, 1)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("姓名或拼音首字母"))
        filter_row.addWidget(self.search, 1)
        self.extra.addLayout(filter_row)
        self.name = self.add_field("name", self.tr("姓名 *"), QLineEdit())
        self.department = self.add_field("department", self.tr("部门 *"), QComboBox())
        self.title_edit = self.add_field("title", self.tr("职务"), QLineEdit())
        self.phone = self.add_field("phone", self.tr("电话"), QLineEdit())
        self.active = self.add_field("active", "", QCheckBox(self.tr("在职")))
        self.reload_departments()
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.refresh()

    def reload_departments(self) -> None:
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("全部部门"), None)
        self.department.clear()
        for dep in org.list_departments(include_inactive=True):
            self.filter.addItem(dep.name, dep.id)
            self.department.addItem(dep.name, dep.id)
        combo_select(self.filter, current)
        self.filter.blockSignals(False)

    def load_rows(self):
        return org.list_employees(
            department_id=self.filter.currentData(), include_inactive=True, text=self.search.text()
        )

    def fill(self, row) -> None:
        self.name.setText(row.name)
        combo_select(self.department, row.department_id)
        self.title_edit.setText(row.title)
        self.phone.setText(row.phone)
        self.active.setChecked(row.active)

    def clear_form(self) -> None:
        for edit in (self.name, self.title_edit, self.phone):
            edit.clear()
        if self.filter.currentData() is not None:
            combo_select(self.department, self.filter.currentData())
        self.active.setChecked(True)

    def save(self, row_id):
        return org.save_employee(
            self.actor,
            name=self.name.text(),
            department_id=self.department.currentData(),
            title=self.title_edit.text(),
            phone=self.phone.text(),
            active=self.active.isChecked(),
            employee_id=row_id,
            version=self.current_version,
        )

    def delete(self, row) -> None:
        org.delete_employee(self.actor, row.id)


class OptionEditor(CrudEditor):
    """One editable pick list (visitor categories or visit purposes)."""

    def __init__(self, actor: Actor, kind: str, title: str, parent: QWidget | None = None):
        self.actor = actor
        self.kind = kind
        columns = [
            Column("label", self.tr("名称"), lambda o: o.label, sortable=False),
            Column("active", self.tr("状态"), lambda o: _active(o.active), sortable=False),
        ]
        super().__init__(columns, editable=actor.can("settings.manage"), title=title, parent=parent)
        self.table.setSortingEnabled(False)
        self.label = self.add_field("label", self.tr("名称 *"), QLineEdit())
        self.active = self.add_field("active", "", QCheckBox(self.tr("启用")))
        up = QPushButton(self.tr("上移"))
        down = QPushButton(self.tr("下移"))
        up.clicked.connect(lambda: self.move(-1))
        down.clicked.connect(lambda: self.move(1))
        for button in (up, down):
            button.setEnabled(self.editable)
        moves = QHBoxLayout()
        moves.addWidget(up)
        moves.addWidget(down)
        moves.addStretch(1)
        self.extra.addLayout(moves)
        self.refresh()

    def load_rows(self):
        return settings.options(self.kind, include_inactive=True)

    def fill(self, row) -> None:
        self.label.setText(row.label)
        self.active.setChecked(row.active)

    def clear_form(self) -> None:
        self.label.clear()
        self.active.setChecked(True)

    def save(self, row_id):
        return settings.save_option(
            self.actor,
            self.kind,
            self.label.text(),
            row_id,
            self.active.isChecked(),
            version=self.current_version,
        )

    def move(self, delta: int) -> None:
        if self.current_id is None:
            return
        try:
            settings.move_option(self.actor, self.current_id, delta)
        except ServiceError as exc:
            prompts.show_error(self, exc)
        self.refresh()
        self.changed.emit()


class DenyEditor(CrudEditor):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        self.actor = actor
        columns = [
            Column("name", self.tr("姓名"), lambda d: d.name),
            Column("company", self.tr("单位"), lambda d: d.company),
            Column("phone", self.tr("电话"), lambda d: d.phone),
            Column("reason", self.tr("原因"), lambda d: d.reason),
            Column("active", self.tr("状态"), lambda d: _active(d.active)),
            Column(
                "created",
                self.tr("登记时间"),
                lambda d: d.created_at.strftime("%Y-%m-%d"),
                value=lambda d: d.created_at,
            ),
        ]
        super().__init__(
            columns, editable=actor.can("denylist.manage"), title=self.tr("黑名单条目"), parent=parent
        )
        self.name = self.add_field("name", self.tr("姓名"), QLineEdit())
        self.company = self.add_field("company", self.tr("单位"), QLineEdit())
        self.phone = self.add_field("phone", self.tr("电话"), QLineEdit())
        self.reason = self.add_field("reason", self.tr("原因 *"), QLineEdit())
        self.active = self.add_field("active", "", QCheckBox(self.tr("生效")))
        self.refresh()

    def describe(self, row) -> str:
        return row.name or row.company or row.phone

    def load_rows(self):
        return denylist.list_entries(self.actor)

    def fill(self, row) -> None:
        self.name.setText(row.name)
        self.company.setText(row.company)
        self.phone.setText(row.phone)
        self.reason.setText(row.reason)
        self.active.setChecked(row.active)

    def clear_form(self) -> None:
        for edit in (self.name, self.company, self.phone, self.reason):
            edit.clear()
        self.active.setChecked(True)

    def save(self, row_id):
        return denylist.save_entry(
            self.actor,
            name=self.name.text(),
            company=self.company.text(),
            phone=self.phone.text(),
            reason=self.reason.text(),
            active=self.active.isChecked(),
            entry_id=row_id,
            version=self.current_version,
        )

    def delete(self, row) -> None:
        denylist.delete_entry(self.actor, row.id)


class UserEditor(CrudEditor):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        self.actor = actor
        columns = [
            Column("username", self.tr("用户名"), lambda u: u.username),
            Column("display_name", self.tr("显示名"), lambda u: u.display_name),
            Column("roles", self.tr("角色"), lambda u: "、".join(u.role_labels)),
            Column("employee", self.tr("对应员工"), lambda u: u.employee_name),
            Column("email", self.tr("电子邮件"), lambda u: u.email),
            Column("active", self.tr("状态"), lambda u: _active(u.active)),
            Column(
                "last_login",
                self.tr("最后登录"),
                lambda u: u.last_login.strftime("%Y-%m-%d %H:%M") if u.last_login else "",
                value=lambda u: u.last_login,
            ),
        ]
        super().__init__(columns, editable=actor.can("users.manage"), title=self.tr("账户"), parent=parent)
        self.username = self.add_field("username", self.tr("用户名 *"), QLineEdit())
        self.display_name = self.add_field("display_name", self.tr("显示名"), QLineEdit())
        self.email = self.add_field("email", self.tr("电子邮件"), QLineEdit())
        self.email.setObjectName("email")
        # Where e-mail notifications (设置 → 通知) reach this person; without it they get none.
        self.email.setPlaceholderText(self.tr("用于邮件通知，可不填"))
        self.employee = self.add_field("employee", self.tr("对应员工"), QComboBox())
        role_box = QWidget()
        grid = QGridLayout(role_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.role_checks: dict[str, QCheckBox] = {}
        for i, role in enumerate(auth.ROLES):
            check = QCheckBox(auth.role_label(role))
            check.setObjectName(f"role_{role}")
            self.role_checks[role] = check
            grid.addWidget(check, i // 3, i % 3)
        self.add_field("roles", self.tr("角色 *"), role_box)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("新账户必填；修改时留空表示不变"))
        self.add_field("password", self.tr("密码"), self.password)
        self.active = self.add_field("active", "", QCheckBox(self.tr("启用")))
        self.employee.addItem(self.tr("（无）"), None)
        for e in org.list_employees(include_inactive=True):
            self.employee.addItem(e.label, e.id)
        self.refresh()

    def describe(self, row) -> str:
        return row.username

    def load_rows(self):
        return auth.list_users(self.actor)

    def fill(self, row) -> None:
        self.username.setText(row.username)
        self.display_name.setText(row.display_name)
        self.email.setText(row.email)
        combo_select(self.employee, row.employee_id)
        for role, check in self.role_checks.items():
            check.setChecked(role in row.roles)
        self.password.clear()
        self.active.setChecked(row.active)

    def clear_form(self) -> None:
        for edit in (self.username, self.display_name, self.email, self.password):
            edit.clear()
        self.employee.setCurrentIndex(0)
        for check in self.role_checks.values():
            check.setChecked(False)
        self.active.setChecked(True)

    def save(self, row_id):
        roles = {role for role, check in self.role_checks.items() if check.isChecked()}
        return auth.save_user(
            self.actor,
            user_id=row_id,
            username=self.username.text(),
            display_name=self.display_name.text(),
            roles=roles,
            employee_id=self.employee.currentData(),
            active=self.active.isChecked(),
            password=self.password.text() or None,
            version=self.current_version,
            email=self.email.text(),
        )
