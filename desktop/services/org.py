"""Departments and employees — the hosts visitors come to see."""

from __future__ import annotations

from dataclasses import dataclass

import peewee

from desktop.db import database
from desktop.i18n import translate
from desktop.models import Department, Employee, User, Visit
from desktop.services import audit, validation, versioning
from desktop.services.auth import Actor, require
from desktop.services.errors import NotFound, ServiceError, ValidationError
from desktop.services.text import is_valid_phone, pinyin_keys


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    name: str
    active: bool
    employee_count: int = 0
    version: int = 0  # hand back to save_department (services.versioning)


@dataclass(frozen=True)
class EmployeeInfo:
    id: int
    name: str
    department_id: int
    department_name: str
    title: str
    phone: str
    active: bool
    initials: str = ""
    version: int = 0  # hand back to save_employee (services.versioning)

    @property
    def label(self) -> str:
        """How a host appears in pickers: 张伟（销售一部）."""
        return f"{self.name}（{self.department_name}）"


def list_departments(*, include_inactive: bool = False) -> list[DepartmentInfo]:
    count = peewee.fn.COUNT(Employee.id)
    query = (
        Department.select(Department, count.alias("n"))
        .join(Employee, peewee.JOIN.LEFT_OUTER, on=(Employee.department == Department.id))
        .group_by(Department.id)
        .order_by(Department.sort, Department.id)
    )
    if not include_inactive:
        query = query.where(Department.active == True)  # noqa: E712
    return [DepartmentInfo(d.id, d.name, d.active, d.n, d.version) for d in query]


def save_department(
    actor: Actor, name: str, department_id: int | None = None, active: bool = True, version: int | None = None
) -> DepartmentInfo:
    require(actor, "org.manage")
    errors: dict[str, str] = {}
    name = validation.text(errors, "name", translate("services", "部门名称"), name, field=Department.name)
    validation.raise_if(errors)
    if not name:
        raise ValidationError({"name": translate("services", "请填写部门名称。")})
    clash = Department.select().where(Department.name == name, Department.id != (department_id or 0))
    if clash.exists():
        raise ValidationError({"name": translate("services", "已有同名部门。")})
    with database.atomic():
        before: dict = {}
        if department_id is None:
            sort = Department.select().count()
            dep = Department.create(name=name, sort=sort, active=active)
        else:
            dep = Department.get_or_none(Department.id == department_id)
            if dep is None:
                raise NotFound(translate("services", "部门不存在。"))
            versioning.claim(dep, version, actor)
            before = audit.snapshot(dep)
            dep.name = name
            dep.active = active
            dep.save()
        audit.record(
            actor,
            "edit" if before else "create",
            "org",
            f"department:{dep.id}",
            audit.row_changes(before, dep),
        )
    return DepartmentInfo(dep.id, dep.name, dep.active, version=dep.version)


def delete_department(actor: Actor, department_id: int) -> None:
    """Only an unused department can be deleted; one with history is deactivated instead."""
    require(actor, "org.manage")
    used = (
        Employee.select().where(Employee.department == department_id).exists()
        or Visit.select().where(Visit.department == department_id).exists()
    )
    if used:
        raise ServiceError(translate("services", "该部门已有员工或来访记录，不能删除；可以将其停用。"))
    with database.atomic():
        gone = audit.row_changes(audit.snapshot(Department.get_or_none(Department.id == department_id)), {})
        if Department.delete().where(Department.id == department_id).execute():
            audit.record(actor, "delete", "org", f"department:{department_id}", gone)


def _employee_info(e: Employee) -> EmployeeInfo:
    return EmployeeInfo(
        id=e.id,
        name=e.name,
        department_id=e.department_id,
        department_name=e.department.name,
        title=e.title,
        phone=e.phone,
        active=e.active,
        initials=e.name_initials,
        version=e.version,
    )


def list_employees(
    *, department_id: int | None = None, include_inactive: bool = False, text: str = ""
) -> list[EmployeeInfo]:
    query = Employee.select(Employee, Department).join(Department)
    if department_id is not None:
        query = query.where(Employee.department == department_id)
    if not include_inactive:
        query = query.where(Employee.active == True)  # noqa: E712
    text = text.strip()
    if text:
        low = text.lower()
        query = query.where(
            Employee.name.contains(text)
            | Employee.name_initials.startswith(low)
            | Employee.name_pinyin.startswith(low)
            | Employee.phone.contains(text)
        )
    return [_employee_info(e) for e in query.order_by(Department.sort, Employee.name_pinyin)]


def get_employee(employee_id: int) -> EmployeeInfo:
    e = Employee.select(Employee, Department).join(Department).where(Employee.id == employee_id).first()
    if e is None:
        raise NotFound(translate("services", "员工不存在。"))
    return _employee_info(e)


def save_employee(
    actor: Actor,
    *,
    name: str,
    department_id: int | None,
    title: str = "",
    phone: str = "",
    active: bool = True,
    employee_id: int | None = None,
    version: int | None = None,
) -> EmployeeInfo:
    require(actor, "org.manage")
    errors: dict[str, str] = {}
    name = validation.text(errors, "name", translate("services", "员工姓名"), name, field=Employee.name)
    title = validation.text(errors, "title", translate("services", "职务"), title, field=Employee.title)
    phone = validation.text(errors, "phone", translate("services", "电话"), phone, field=Employee.phone)
    if not name and "name" not in errors:
        errors["name"] = translate("services", "请填写员工姓名。")
    if department_id is None or not Department.select().where(Department.id == department_id).exists():
        errors["department"] = translate("services", "请选择部门。")
    if phone and "phone" not in errors and not is_valid_phone(phone):
        errors["phone"] = translate("services", "电话号码格式不正确。")
    if errors:
        raise ValidationError(errors)
    full, initials = pinyin_keys(name)
    with database.atomic():
        before: dict = {}
        if employee_id is None:
            e = Employee.create(
                name=name,
                name_pinyin=full,
                name_initials=initials,
                department=department_id,
                title=title.strip(),
                phone=phone.strip(),
                active=active,
            )
        else:
            e = Employee.get_or_none(Employee.id == employee_id)
            if e is None:
                raise NotFound(translate("services", "员工不存在。"))
            versioning.claim(e, version, actor)
            before = audit.snapshot(e)
            e.name, e.name_pinyin, e.name_initials = name, full, initials
            e.department = department_id
            e.title, e.phone, e.active = title.strip(), phone.strip(), active
            e.save()
        audit.record(
            actor,
            "edit" if before else "create",
            "org",
            f"employee:{e.id}",
            audit.row_changes(
                before,
                e,
                skip=frozenset({"version", "updated_at", "updated_by_id", "name_pinyin", "name_initials"}),
            ),
        )
    return get_employee(e.id)


def delete_employee(actor: Actor, employee_id: int) -> None:
    require(actor, "org.manage")
    used = (
        Visit.select().where(Visit.host == employee_id).exists()
        or User.select().where(User.employee == employee_id).exists()
    )
    if used:
        raise ServiceError(translate("services", "该员工已有来访记录或登录账户，不能删除；可以将其停用。"))
    with database.atomic():
        gone = audit.row_changes(
            audit.snapshot(Employee.get_or_none(Employee.id == employee_id)),
            {},
            skip=frozenset({"version", "updated_at", "updated_by_id", "name_pinyin", "name_initials"}),
        )
        if Employee.delete().where(Employee.id == employee_id).execute():
            audit.record(actor, "delete", "org", f"employee:{employee_id}", gone)
