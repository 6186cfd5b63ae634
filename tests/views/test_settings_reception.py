"""Settings for receptions: standards versions, resources, budgets, calendar, approval chain."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate

from desktop.services import approval, auth, budgets, org, resources, standards, workdays
from desktop.views.settings_reception import ReceptionSettings
from tests.conftest import make_user


@pytest.fixture
def panel(qtbot, admin, scripted):
    p = ReceptionSettings(admin)
    qtbot.addWidget(p)
    return p


def test_standard_edit_makes_a_new_version(panel):
    editor = panel.standards
    row = next(i for i, lv in enumerate(editor.model.rows) if lv.code == "B")
    editor.table.selectRow(row)
    before = standards.level_by_code("B").standard
    editor.inputs["meal_cap"].setText("140")
    editor.submit()
    after = standards.level_by_code("B").standard
    assert after.version == before.version + 1 and after.meal_cap == Decimal("140.00")
    editor.inputs["hotel_cap"].setText("四百")
    editor.submit()
    assert editor.errors.message("hotel_cap")


def test_resources_lists(panel):
    rooms = panel.resources["rooms"]
    rooms.start_new()
    rooms.inputs["name"].setText("三号会议室")
    rooms.inputs["capacity"].setValue(12)
    rooms.inputs["projector"].setChecked(True)
    rooms.submit()
    [room] = resources.items("rooms")
    assert room.values == {"name": "三号会议室", "capacity": 12, "projector": True, "location": ""}
    hotels = panel.resources["hotels"]
    hotels.start_new()
    hotels.inputs["name"].setText("协议酒店甲")
    hotels.inputs["room_price"].setText("abc")
    hotels.submit()
    assert hotels.errors.message("room_price")
    hotels.inputs["room_price"].setText("¥388")
    hotels.submit()
    assert resources.items("hotels")[0].values["room_price"] == Decimal("388.00")


def test_department_budget(panel, admin):
    dep = org.save_department(admin, "市场部")
    editor = panel.budgets
    editor.department.addItem(dep.name, dep.id)
    editor.department.setCurrentIndex(editor.department.findData(dep.id))
    editor.annual.setText("60000")
    editor.split()
    editor.save()
    assert budgets.year_amounts(dep.id, editor.year.value())[0] == Decimal("5000.00")
    assert "已保存" in editor.message.text()


def test_company_calendar(panel):
    editor = panel.calendar
    editor.date.setDate(QDate(2026, 12, 31))
    editor.kind.setCurrentIndex(0)  # day off
    editor.note.setText("年终盘点")
    editor.apply()
    assert not workdays.is_workday(dt.date(2026, 12, 31))
    assert "年终盘点" in editor.list.text()


def test_chain_editor_only_for_sysadmin(panel, admin, qtbot):
    chain = panel.chain
    chain.rows[4]["levels"].setText("A,B")
    chain.save()
    assert [r for r, _ in approval.resolve_chain("B", False, Decimal("100"))][-1] == auth.CHAIRMAN
    office = make_user(admin, "office", {auth.ADMIN_OFFICE})
    other = ReceptionSettings(office)
    qtbot.addWidget(other)
    assert not other.chain.save_button.isEnabled()
    assert other.standards.save_button.isEnabled()
