"""设置: the editors save through the services, show field errors and respect roles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services import auth, denylist, org, settings
from desktop.views.settings_window import SettingsDialog
from desktop.views.table_model import Column, RowTableModel
from tests.conftest import make_user


@pytest.fixture
def dialog(qtbot, admin, scripted):
    d = SettingsDialog(admin)
    qtbot.addWidget(d)
    return d


def test_company_name_and_validation(dialog, qtbot):
    edit = dialog.general.edits["company_name"]
    edit.clear()
    dialog.general.save()
    assert dialog.general.errors.message("company_name")
    qtbot.keyClicks(edit, "Acme")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert settings.company_name() == "Acme"
    assert dialog.general.message.text() == "已保存。"


def test_language_is_per_user(dialog, qtbot, admin):
    seen = []
    dialog.languageChanged.connect(seen.append)
    dialog.general.language.setCurrentIndex(dialog.general.language.findData("en"))
    dialog.general.save()
    assert seen == ["en"]
    assert auth.refresh(admin).language == "en"


def test_add_department_then_employee(dialog, qtbot):
    deps = dialog.departments
    deps.start_new()
    deps.name.setText("市场部")
    deps.submit()
    assert "市场部" in [d.name for d in org.list_departments()]
    emps = dialog.employees
    assert emps.department.findText("市场部") >= 0  # the employee editor saw the new department
    emps.start_new()
    emps.name.setText("欧阳明")
    emps.department.setCurrentIndex(emps.department.findText("市场部"))
    emps.phone.setText("abc")
    emps.submit()
    assert "电话号码格式不正确" in emps.errors.message("phone")
    assert emps.name.text() == "欧阳明"  # kept
    emps.phone.setText("13700000000")
    emps.submit()
    found = org.list_employees(text="oym")
    assert [e.name for e in found] == ["欧阳明"] and found[0].department_name == "市场部"


def test_department_in_use_cannot_be_deleted(dialog, scripted):
    deps = dialog.departments
    deps.name.setText("仓库")
    deps.submit()
    dep = next(d for d in org.list_departments() if d.name == "仓库")
    dialog.employees.reload_departments()
    org.save_employee(dialog.actor, name="周一", department_id=dep.id)
    deps.refresh(dep.id)
    scripted.answers = [True]
    deps.remove()
    assert scripted.shown[-1][0] == "warn" and "不能删除" in scripted.shown[-1][2]
    assert "仓库" in [d.name for d in org.list_departments()]


def test_option_lists_add_and_move(dialog):
    cats = dialog.categories
    cats.start_new()
    cats.label.setText("媒体")
    cats.submit()
    labels = [o.label for o in settings.options(settings.CATEGORY)]
    assert labels[-1] == "媒体"
    cats.move(-1)
    labels = [o.label for o in settings.options(settings.CATEGORY)]
    assert labels[-2] == "媒体"
    cats.start_new()
    cats.label.setText("媒体")
    cats.submit()
    assert "已有" in cats.errors.message("label")


def test_deny_list_entry(dialog):
    deny = dialog.deny
    deny.start_new()
    deny.reason.setText("test")
    deny.submit()
    assert deny.errors.message("name")  # one of name/company/phone is needed
    deny.company.setText("某公司")
    deny.submit()
    assert [e.company for e in denylist.matches("", "某公司上海分公司", "")] == ["某公司"]


def test_users_and_the_last_sysadmin(dialog, scripted, admin):
    users = dialog.users
    users.start_new()
    users.username.setText("xiaowang")
    users.role_checks[auth.RECEPTIONIST].setChecked(True)
    users.role_checks[auth.HOST].setChecked(True)
    users.password.setText("pass1234")
    users.submit()
    created = auth.authenticate("xiaowang", "pass1234")
    assert created.roles == {auth.RECEPTIONIST, auth.HOST}

    row = next(i for i, u in enumerate(users.model.rows) if u.username == "root")
    users.table.selectRow(row)
    users.role_checks[auth.SYSADMIN].setChecked(False)
    users.role_checks[auth.AUDITOR].setChecked(True)
    users.submit()
    assert scripted.shown[-1][0] == "warn" and "系统管理员" in scripted.shown[-1][2]
    assert auth.SYSADMIN in auth.refresh(admin).roles  # rolled back


def test_user_email_for_notifications(dialog, admin):
    """用户与角色 carries each person's e-mail address, so mail notifications can reach them."""
    from desktop.models import User

    host = make_user(admin, "lina", {auth.HOST})
    users = dialog.users
    users.refresh()
    users.table.selectRow(next(i for i, u in enumerate(users.model.rows) if u.username == "lina"))
    users.email.setText("li na@example")  # a space: refused under the field, nothing saved
    assert not users.submit()
    assert "格式" in users.errors.message("email")
    assert User.get_by_id(host.user_id).email == ""
    users.email.setText(" lina@example.com ")
    assert users.submit()
    assert User.get_by_id(host.user_id).email == "lina@example.com"
    column = next(i for i, c in enumerate(users.model.columns) if c.key == "email")
    row = next(i for i, u in enumerate(users.model.rows) if u.username == "lina")
    assert users.model.index(row, column).data() == "lina@example.com"
    users.start_new()
    assert users.email.text() == ""


def test_receptionist_sees_no_users_tab_and_cannot_edit(qtbot, admin, scripted):
    desk = make_user(admin, "desk2", {auth.RECEPTIONIST})
    d = SettingsDialog(desk)
    qtbot.addWidget(d)
    assert "用户与角色" not in d.tab_titles()
    assert not d.departments.save_button.isEnabled()
    assert not d.general.edits["company_name"].isEnabled()


def test_row_table_model(qtmodeltester, admin):
    model = RowTableModel([Column("name", "部门", lambda d: d.name)])
    qtmodeltester.check(model)
    org.save_department(admin, "甲")
    model.set_rows(org.list_departments())
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "甲"
