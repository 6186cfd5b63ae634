"""Settings for receptions: level standards, resource lists, department budgets, the company
work calendar and the approval chain."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import approval, auth, budgets, org, resources, routing, standards, workdays
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.money import format_money
from desktop.views import prompts
from desktop.views.crud import CrudEditor, combo_select
from desktop.views.editor import EditorMixin, scrolled
from desktop.views.labels import literal
from desktop.views.settings_tabs import _active
from desktop.views.table_model import Column


class StandardsEditor(CrudEditor):
    """Edit a level's caps; saving writes a new version (approved applications keep theirs)."""

    MONEY = ("meal_cap", "hotel_cap", "transport_cap", "gift_cap", "tour_cap")
    INTS = ("accompany_small_group", "accompany_small_limit", "accompany_ratio", "lead_days")
    TEXTS = ("accompany", "gifts_decider", "tour_decider")

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        self.actor = actor
        columns = [
            Column("code", self.tr("级别"), lambda lv: lv.code),
            Column("name", self.tr("名称"), lambda lv: lv.name),
            Column(
                "version",
                self.tr("版本"),
                lambda lv: str(lv.standard.version),
                value=lambda lv: lv.standard.version,
            ),
            Column(
                "meal",
                self.tr("餐费/人/餐"),
                lambda lv: format_money(lv.standard.meal_cap),
                value=lambda lv: lv.standard.meal_cap,
            ),
            Column(
                "hotel",
                self.tr("住宿/间夜"),
                lambda lv: format_money(lv.standard.hotel_cap),
                value=lambda lv: lv.standard.hotel_cap,
            ),
            Column(
                "trip",
                self.tr("交通/趟"),
                lambda lv: format_money(lv.standard.transport_cap),
                value=lambda lv: lv.standard.transport_cap,
            ),
            Column(
                "lead",
                self.tr("提前工作日"),
                lambda lv: str(lv.standard.lead_days),
                value=lambda lv: lv.standard.lead_days,
            ),
        ]
        super().__init__(
            columns, editable=actor.can("standards.manage"), title=self.tr("接待标准"), parent=parent
        )
        self.new_button.hide()
        self.delete_button.hide()
        labels = {
            "meal_cap": self.tr("餐费上限（元/人/餐）"),
            "hotel_cap": self.tr("住宿上限（元/间夜）"),
            "transport_cap": self.tr("交通上限（元/趟）"),
            "gift_cap": self.tr("礼品（元/人，0 为不安排）"),
            "tour_cap": self.tr("参观游览（元/人，0 为不安排）"),
            "accompany": self.tr("陪同人员"),
            "accompany_small_group": self.tr("来宾不超过（人）"),
            "accompany_small_limit": self.tr("……时陪餐上限（人）"),
            "accompany_ratio": self.tr("否则陪餐不超过来宾的 1/"),
            "gifts_decider": self.tr("礼品由谁决定"),
            "tour_decider": self.tr("参观由谁决定"),
            "lead_days": self.tr("须提前报批（工作日）"),
        }
        self.name = self.add_field("name", self.tr("名称 *"), QLineEdit())
        self.inputs: dict[str, QWidget] = {}
        for key in (*self.MONEY, *self.TEXTS, *self.INTS):
            widget = QSpinBox() if key in self.INTS else QLineEdit()
            if isinstance(widget, QSpinBox):
                widget.setRange(0, 999)
            self.inputs[key] = self.add_field(key, labels[key], widget)
        note = QLabel(self.tr("保存后生成新版本；已批准的申请仍按批准时的版本执行。"))
        note.setWordWrap(True)
        self.form_layout.addRow(note)
        self.refresh()
        if self.model.rows:
            self.table.selectRow(0)

    def load_rows(self):
        return standards.levels(include_inactive=True)

    def fill(self, row) -> None:
        self.name.setText(row.name)
        for key, widget in self.inputs.items():
            value = getattr(row.standard, key)
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            else:
                widget.setText(str(value))

    def clear_form(self) -> None:
        self.name.clear()

    def save(self, row_id):
        if row_id is None:
            raise ServiceError(self.tr("请先在左侧选择一个级别。"))
        values = {k: (w.value() if isinstance(w, QSpinBox) else w.text()) for k, w in self.inputs.items()}
        info = standards.save_standard(
            self.actor, row_id, name=self.name.text(), version=self.current_version, **values
        )
        return type("Saved", (), {"id": info.level_id})()


class ResourceEditor(CrudEditor):
    """One resource list (hotels, restaurants, rooms, vehicles), its fields from the service."""

    def __init__(self, actor: Actor, kind: str, parent: QWidget | None = None):
        self.actor = actor
        self.kind = kind
        self.spec = resources.specs()[kind]

        def text(f):
            def render(item) -> str:
                value = item.values[f.name]
                if f.kind == "bool":
                    return "√" if value else "×"
                if f.kind == "money":
                    return format_money(value)
                return str(value)

            return render

        columns = [Column(f.name, f.label, text(f)) for f in self.spec.fields]
        columns.append(Column("active", self.tr("状态"), lambda i: _active(i.active)))
        super().__init__(
            columns, editable=actor.can("standards.manage"), title=self.spec.title, parent=parent
        )
        self.inputs: dict[str, QWidget] = {}
        for f in self.spec.fields:
            if f.kind == "bool":
                widget: QWidget = QCheckBox(f.label)
            elif f.kind == "int":
                widget = QSpinBox()
                widget.setRange(0, 9999)
            else:
                widget = QLineEdit()
            self.inputs[f.name] = self.add_field(f.name, f.label + (" *" if f.required else ""), widget)
        self.active = self.add_field("active", "", QCheckBox(self.tr("启用")))
        self.refresh()

    def load_rows(self):
        return resources.items(self.kind, include_inactive=True)

    def fill(self, row) -> None:
        for name, widget in self.inputs.items():
            value = row.values[name]
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            else:
                widget.setText(str(value))
        self.active.setChecked(row.active)

    def clear_form(self) -> None:
        for widget in self.inputs.values():
            if isinstance(widget, QCheckBox):
                widget.setChecked(False)
            elif isinstance(widget, QSpinBox):
                widget.setValue(0)
            else:
                widget.clear()
        self.active.setChecked(True)

    def save(self, row_id):
        values = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QCheckBox):
                values[name] = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                values[name] = widget.value()
            else:
                values[name] = widget.text()
        return resources.save(
            self.actor, self.kind, values, row_id, self.active.isChecked(), version=self.current_version
        )


class BudgetEditor(EditorMixin, QWidget):
    """A department's year: twelve monthly amounts, with what approved receptions have used.

    Amounts typed but not saved are asked about before another department or year replaces
    them, or the window closes."""

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.department = QComboBox()
        self.department.setObjectName("budgetDepartment")
        for dep in org.list_departments():
            self.department.addItem(dep.name, dep.id)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today().year)
        self.annual = QLineEdit()
        self.annual.setPlaceholderText(self.tr("全年金额"))
        split = QPushButton(self.tr("平均分到 12 个月"))
        split.clicked.connect(self.split)
        top = QHBoxLayout()
        for w in (
            QLabel(self.tr("部门")),
            self.department,
            QLabel(self.tr("年度")),
            self.year,
            self.annual,
            split,
        ):
            top.addWidget(w)
        top.addStretch(1)
        grid = QGridLayout()
        self.months: list[QLineEdit] = []
        self.used: list[QLabel] = []
        for m in range(12):
            edit = QLineEdit()
            edit.setObjectName(f"month{m + 1}")
            used = QLabel()
            self.months.append(edit)
            self.used.append(used)
            grid.addWidget(QLabel(self.tr("{m} 月").format(m=m + 1)), m % 6, (m // 6) * 3)
            grid.addWidget(edit, m % 6, (m // 6) * 3 + 1)
            grid.addWidget(used, m % 6, (m // 6) * 3 + 2)
        self.save_button = QPushButton(self.tr("保存预算"))
        self.save_button.clicked.connect(lambda: self.save())
        self.save_button.setEnabled(actor.can("budgets.manage"))
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.department.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.year.valueChanged.connect(lambda _v: self._choice_changed())
        self._shown = (self.department.currentData(), self.year.value())
        self.load()
        self.track(*self.months)

    def _choice_changed(self) -> None:
        if self.is_modified() and not self.can_close():
            dep, year = self._shown  # 取消: back to the year being typed
            for widget in (self.department, self.year):
                widget.blockSignals(True)
            combo_select(self.department, dep)
            self.year.setValue(year)
            for widget in (self.department, self.year):
                widget.blockSignals(False)
            return
        self.load()

    def save_changes(self) -> bool:
        dep, year = self._shown
        return self.save(dep, year)

    def load(self) -> None:
        with self.loading():
            self._load()
        self.set_modified(False)

    def _load(self) -> None:
        dep = self.department.currentData()
        if dep is None:
            return
        year = self.year.value()
        self._shown = (dep, year)
        self._version = budgets.year_version(dep, year)  # handed back on save (stale: refused)
        for m, amount in enumerate(budgets.year_amounts(dep, year)):
            self.months[m].setText(str(amount))
            month = budgets.month(dep, year, m + 1)
            self.used[m].setText(
                self.tr("已批 {used}，剩余 {left}").format(
                    used=format_money(month.used), left=format_money(month.remaining)
                )
            )

    def split(self) -> None:
        try:
            for edit, amount in zip(self.months, budgets.split_evenly(self.annual.text()), strict=True):
                edit.setText(str(amount))
        except ValueError:
            self.message.setText(self.tr("全年金额无法识别。"))

    def save(self, department_id: int | None = None, year: int | None = None) -> bool:
        """Save the twelve months (of the department and year shown); True when saved."""
        dep = department_id if department_id is not None else self.department.currentData()
        year = year if year is not None else self.year.value()
        try:
            version = getattr(self, "_version", None) if (dep, year) == self._shown else None
            budgets.set_year(self.actor, dep, year, [e.text() for e in self.months], version)
        except ValidationError as exc:
            self.message.setText("；".join(exc.errors.values()))
            return False
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.message.setText(self.tr("已保存。"))
        self.set_modified(False)
        self.load()
        return True


class CalendarEditor(QWidget):
    """Company-specific days off and working days on top of the public-holiday calendar."""

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.list = QLabel()
        self.list.setWordWrap(True)
        self.date = QDateEdit(QDate(*clock.today().timetuple()[:3]))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("公司休息日"), False)
        self.kind.addItem(self.tr("公司工作日（补班）"), True)
        self.kind.addItem(self.tr("恢复国家日历"), None)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("说明，如：公司年会"))
        apply = QPushButton(self.tr("设置"))
        apply.clicked.connect(self.apply)
        apply.setEnabled(actor.can("standards.manage"))
        row = QHBoxLayout()
        for w in (self.date, self.kind, self.note, apply):
            row.addWidget(w)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("工作日按国家法定节假日与调休计算（chinese-calendar），再加上公司自己的安排："))
        )
        layout.addLayout(row)
        layout.addWidget(self.status)
        from desktop.views.settings_calendar import YearHolidaysEditor

        self.year_editor = YearHolidaysEditor(actor)
        self.year_editor.changed.connect(self.refresh)
        layout.addWidget(self.year_editor)
        layout.addWidget(self.list)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        rows = workdays.list_overrides()
        on, off = self.tr("工作日"), self.tr("休息日")
        self.list.setText("\n".join(f"{d}  {on if w else off}  {n}" for d, w, n in rows) or self.tr("（无）"))
        day = self.date.date()
        py = dt.date(day.year(), day.month(), day.day())
        self.status.setText(
            self.tr("{day} 是{what}").format(day=py, what=on if workdays.is_workday(py) else off)
        )

    def apply(self) -> None:
        day = self.date.date()
        try:
            workdays.set_override(
                self.actor,
                dt.date(day.year(), day.month(), day.day()),
                self.kind.currentData(),
                self.note.text(),
            )
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self.refresh()


class ChainEditor(EditorMixin, QWidget):
    """The approval chain: ordered steps with their conditions (system administrator)."""

    changed = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.steps = approval.chain_steps()
        self.chain_version = approval.chain_version()  # handed back on save (stale: refused)
        self.rows: list[dict[str, QWidget]] = []
        self.grid = QGridLayout()
        heads = (
            self.tr("顺序"),
            self.tr("角色"),
            self.tr("名称"),
            self.tr("仅限级别（如 A,B）"),
            self.tr("仅超标准时"),
            self.tr("总额超过（元）"),
            self.tr("启用"),
            self.tr("方式"),
            "",
        )
        for c, h in enumerate(heads):
            self.grid.addWidget(QLabel(f"<b>{h}</b>"), 0, c)
        for step in self.steps:
            self._add_row(step)
        add = QPushButton(self.tr("添加步骤"))
        add.clicked.connect(
            lambda: self._add_row(
                approval.StepInfo(0, len(self.rows), auth.GENERAL_MANAGER, "", (), False, None, True)
            )
        )
        self.save_button = QPushButton(self.tr("保存审批流程"))
        self.save_button.clicked.connect(self.save)
        editable = actor.can("chain.manage")
        add.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.message = QLabel()
        self.message.setWordWrap(True)
        note = QLabel(
            self.tr(
                "提交时按条件确定每份申请的审批步骤；已在审批中的申请不受修改影响。"
                "部门负责人一步只能由申请部门的负责人审批；任何人不能审批自己的申请。"
            )
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        from desktop.views.settings_superiors import SuperiorEditor

        self.superiors = SuperiorEditor(actor)
        layout.addWidget(self.superiors)
        layout.addStretch(1)
        for row in self.rows:
            for w in row.values():
                w.setEnabled(editable)
        self.set_modified(False)

    def save_changes(self) -> bool:
        return self.save()

    def _add_row(self, step: approval.StepInfo) -> None:
        r = len(self.rows) + 1
        role = QComboBox()
        for code, label in approval.step_roles():
            role.addItem(label, code)
        combo_select(role, step.role)
        widgets = {
            "role": role,
            "label": QLineEdit(step.label),
            "levels": QLineEdit(",".join(step.levels)),
            "over": QCheckBox(),
            "min_total": QLineEdit("" if step.min_total is None else str(step.min_total)),
            "active": QCheckBox(),
        }
        widgets["over"].setChecked(step.only_over_standard)
        widgets["active"].setChecked(step.active)
        mode = QComboBox()
        mode.setToolTip(self.tr("或签：该角色任一人同意即可；会签：该角色所有人都要同意"))
        for code in routing.MODES:
            mode.addItem(routing.mode_label(code), code)
        combo_select(mode, step.mode)
        widgets["mode"] = mode
        self.grid.addWidget(QLabel(str(r)), r, 0)
        for c, key in enumerate(("role", "label", "levels", "over", "min_total", "active", "mode"), start=1):
            self.grid.addWidget(widgets[key], r, c)
        index = r - 1
        up, down = QToolButton(), QToolButton()
        up.setText("↑")
        up.setToolTip(self.tr("上移"))
        down.setText("↓")
        down.setToolTip(self.tr("下移"))
        up.clicked.connect(lambda: self.move(index, -1))
        down.clicked.connect(lambda: self.move(index, 1))
        arrows = QHBoxLayout()
        arrows.addWidget(up)
        arrows.addWidget(down)
        self.grid.addLayout(arrows, r, 8)
        self.rows.append(widgets)
        self.track(*widgets.values())
        widgets["up"], widgets["down"] = up, down
        self.set_modified(True)  # a new step is unsaved work (the constructor resets this)

    def value(self) -> list[approval.StepInfo]:
        steps = []
        for i, w in enumerate(self.rows):
            text = w["min_total"].text().strip()
            steps.append(
                approval.StepInfo(
                    0,
                    i,
                    w["role"].currentData(),
                    w["label"].text(),
                    tuple(x.strip().upper() for x in w["levels"].text().split(",") if x.strip()),
                    w["over"].isChecked(),
                    Decimal(text) if text else None,
                    w["active"].isChecked(),
                    w["mode"].currentData(),
                )
            )
        return steps

    def move(self, index: int, delta: int) -> None:
        """Swap step ``index`` with its neighbour (the approval order is the chain's order)."""
        other = index + delta
        if not (0 <= index < len(self.rows) and 0 <= other < len(self.rows)):
            return
        a, b = self.rows[index], self.rows[other]
        for key in ("role", "label", "levels", "over", "min_total", "active", "mode"):
            x, y = a[key], b[key]
            if isinstance(x, QComboBox):
                i, j = x.currentIndex(), y.currentIndex()
                x.setCurrentIndex(j)
                y.setCurrentIndex(i)
            elif isinstance(x, QLineEdit):
                t, u = x.text(), y.text()
                x.setText(u)
                y.setText(t)
            else:
                c, d = x.isChecked(), y.isChecked()
                x.setChecked(d)
                y.setChecked(c)
        self.set_modified(True)

    def save(self) -> bool:
        try:
            approval.save_chain(self.actor, self.value(), self.chain_version)
            self.chain_version = approval.chain_version()
        except ValidationError as exc:
            self.message.setText("；".join(exc.errors.values()))
            return False
        except (ServiceError, ArithmeticError) as exc:
            prompts.show_error(self, ServiceError(str(exc)))
            return False
        self.set_modified(False)
        self.message.setText(self.tr("已保存。"))
        self.changed.emit()
        return True


class ReceptionSettings(QTabWidget):
    """Everything about receptions, as one tab of the settings window."""

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.standards = StandardsEditor(actor)
        self.addTab(self.standards, literal(self.tr("接待标准")))
        self.resources = {kind: ResourceEditor(actor, kind) for kind in resources.specs()}
        for editor in self.resources.values():
            self.addTab(editor, literal(editor.spec.title))
        self.budgets = BudgetEditor(actor)
        self.addTab(self.budgets, literal(self.tr("部门预算")))
        self.calendar = CalendarEditor(actor)
        # these two grew with issue 11 (a year's holidays, 分管副总): they scroll on a short screen
        self.addTab(scrolled(self.calendar), literal(self.tr("工作日历")))
        self.chain = ChainEditor(actor)
        self.addTab(scrolled(self.chain), literal(self.tr("审批流程")))
