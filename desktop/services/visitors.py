"""The front desk's rules: check-in, expected visitors, check-out, the visitor log.

Every function takes the acting user and checks the role itself. Visitor details are copied
into each visit so a later correction of a returning visitor never rewrites the log.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field, replace

import peewee

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Department, Employee, OptionItem, User, Visit, Visitor
from desktop.services import access, audit, denylist, notifications, settings, validation
from desktop.services.auth import Actor, require, require_any
from desktop.services.denylist import DenyInfo
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from desktop.services.text import (
    digits,
    is_valid_id_number,
    is_valid_phone,
    mask_id_number,
    normalize_name,
    normalize_phone,
    pinyin_keys,
)

WALK_IN = "walk_in"
APPOINTMENT = "appointment"
KINDS = (WALK_IN, APPOINTMENT)

EXPECTED = "expected"
ON_SITE = "on_site"
LEFT = "left"
CANCELLED = "cancelled"
STATUSES = (EXPECTED, ON_SITE, LEFT, CANCELLED)


def kind_label(kind: str) -> str:
    return {WALK_IN: translate("visitors", "临时来访"), APPOINTMENT: translate("visitors", "预约")}.get(
        kind, kind
    )


def status_label(status: str) -> str:
    return {
        EXPECTED: translate("visitors", "预约待到"),
        ON_SITE: translate("visitors", "在访"),
        LEFT: translate("visitors", "已离开"),
        CANCELLED: translate("visitors", "已取消"),
    }.get(status, status)


@dataclass
class VisitForm:
    """What the check-in (or pre-registration) form holds; the view fills it, never a row."""

    name: str = ""
    company: str = ""
    phone: str = ""
    id_number: str = ""
    people_count: int = 1
    category_id: int | None = None
    purpose_id: int | None = None
    host_id: int | None = None
    department_id: int | None = None
    kind: str = WALK_IN
    badge_no: str = ""
    tea_served: bool = False
    wait_location: str = ""
    remarks: str = ""
    visitor_id: int | None = None  # set when autofill picked a returning visitor
    # Set when autofill picked one of today's appointments: checking in checks in that visit.
    visit_id: int | None = None
    expected_date: dt.date | None = None
    expected_time: dt.time | None = None


@dataclass(frozen=True)
class VisitRow:
    id: int
    name: str
    company: str
    phone: str
    id_number: str  # masked unless the actor may see it
    people_count: int
    category: str
    purpose: str
    host_id: int | None
    host_name: str
    host_phone: str
    department: str
    kind: str
    status: str
    expected_date: dt.date | None
    expected_time: dt.time | None
    time_in: dt.datetime | None
    time_out: dt.datetime | None
    badge_no: str
    tea_served: bool
    wait_location: str
    remarks: str
    visitor_id: int | None = None
    deny_reason: str = ""

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def status_label(self) -> str:
        return status_label(self.status)


@dataclass(frozen=True)
class VisitorSuggestion:
    id: int | None  # the returning visitor; None for an appointment of somebody new
    name: str
    company: str
    phone: str
    id_number_masked: str
    has_id_number: bool
    category_id: int | None
    visit_count: int
    last_visit_at: dt.datetime | None
    last_host_id: int | None = None
    last_department_id: int | None = None
    last_purpose_id: int | None = None
    # Today's appointment of this person (pre-registered or announced by a reception), if any.
    expected_visit_id: int | None = None
    expected_time: dt.time | None = None
    people_count: int = 1  # as announced, for an appointment

    @property
    def label(self) -> str:
        parts = [self.name, self.company, self.phone]
        return " · ".join(p for p in parts if p)


class DenyListHit(ServiceError):
    """The visitor matches the deny list; check-in needs a confirming user with the right role."""

    def __init__(self, entries: list[DenyInfo]):
        self.entries = entries
        super().__init__(
            translate("visitors", "该访客在黑名单中：{reasons}").format(
                reasons="；".join(e.describe() for e in entries)
            )
        )


class AlreadyOnSite(ServiceError):
    """The same person is checked in and not out; checking in again needs a yes."""

    def __init__(self, visit: VisitRow):
        self.visit = visit
        when = visit.time_in.strftime("%H:%M") if visit.time_in else ""
        super().__init__(
            translate("visitors", "{name} 已于 {time} 签到且尚未签离（胸卡 {badge}）。").format(
                name=visit.name, time=when, badge=visit.badge_no or "—"
            )
        )


# ---------------------------------------------------------------- queries and row building

_Host = Employee.alias("host")
_Dept = Department.alias("dept")
_Cat = OptionItem.alias("cat")
_Purpose = OptionItem.alias("purpose")


def _base_query() -> peewee.ModelSelect:
    return (
        Visit.select(
            Visit,
            _Host.name.alias("host_name"),
            _Host.phone.alias("host_phone"),
            _Dept.name.alias("dept_name"),
            _Cat.label.alias("cat_label"),
            _Purpose.label.alias("purpose_label"),
        )
        .join_from(Visit, _Host, peewee.JOIN.LEFT_OUTER, on=(Visit.host == _Host.id))
        .join_from(Visit, _Dept, peewee.JOIN.LEFT_OUTER, on=(Visit.department == _Dept.id))
        .join_from(Visit, _Cat, peewee.JOIN.LEFT_OUTER, on=(Visit.category == _Cat.id))
        .join_from(Visit, _Purpose, peewee.JOIN.LEFT_OUTER, on=(Visit.purpose == _Purpose.id))
    )


def _row(v: Visit, unmask: bool) -> VisitRow:
    return VisitRow(
        id=v.id,
        name=v.name,
        company=v.company,
        phone=v.phone,
        id_number=v.id_number if unmask else mask_id_number(v.id_number),
        people_count=v.people_count,
        category=getattr(v, "cat_label", None) or "",
        purpose=getattr(v, "purpose_label", None) or "",
        host_id=v.host_id,
        host_name=getattr(v, "host_name", None) or "",
        host_phone=getattr(v, "host_phone", None) or "",
        department=getattr(v, "dept_name", None) or "",
        kind=v.kind,
        status=v.status,
        expected_date=v.expected_date,
        expected_time=v.expected_time,
        time_in=v.time_in,
        time_out=v.time_out,
        badge_no=v.badge_no,
        tea_served=v.tea_served,
        wait_location=v.wait_location,
        remarks=v.remarks,
        visitor_id=v.visitor_id,
        deny_reason=v.deny_reason,
    )


def _rows(query: peewee.ModelSelect, actor: Actor) -> list[VisitRow]:
    visits = list(query.objects())
    unmask = unmask_logged(actor, [v.id for v in visits if v.id_number], "visits")
    return [_row(v, unmask) for v in visits]


def unmask_logged(actor: Actor, ids: list[int], what: str) -> bool:
    """Whether this read may show full ID numbers: only to 系统管理员 (``id.unmask``), and only
    once the audit trail holds who saw which records' numbers (issue 12, 个人信息保护法).

    One entry per list or page read, naming the ids whose numbers were shown. If the entry
    cannot be written (the database is busy), the numbers stay masked this time rather than
    being shown unrecorded.
    """
    if not actor.can("id.unmask"):
        return False
    if not ids:
        return True
    try:
        audit.record(actor, "view_id", "visitor", ids[0] if len(ids) == 1 else "", {what: (None, ids)})
    except ServiceError:
        return False
    return True


def _visit_for(actor: Actor, visit_id: int) -> Visit:
    """The visit, if this person may see it: the desk and the log's readers see every visit, a
    host only those they pre-registered or were visited by (a visit carries a phone number)."""
    v = Visit.get_or_none(Visit.id == visit_id)
    if v is None:
        raise NotFound(translate("visitors", "来访记录不存在。"))
    if not access.can_view_visit(actor, v):
        raise PermissionDenied(translate("visitors", "只能查看自己登记或自己接待的来访。"))
    return v


def get_visit(actor: Actor, visit_id: int) -> VisitRow:
    require_any(actor, "visitors.desk", "visitors.log", "visitors.preregister")
    _visit_for(actor, visit_id)
    rows = _rows(_base_query().where(Visit.id == visit_id), actor)
    if not rows:
        raise NotFound(translate("visitors", "来访记录不存在。"))
    return rows[0]


# ---------------------------------------------------------------- validation


def clean_form(form: VisitForm) -> VisitForm:
    """The form without control characters (a NUL, a pasted line break) in any text."""
    clean = validation.clean_text
    return replace(
        form,
        name=clean(form.name),
        company=clean(form.company),
        phone=clean(form.phone),
        id_number=clean(form.id_number),
        badge_no=clean(form.badge_no),
        wait_location=clean(form.wait_location),
        remarks=clean(form.remarks, multiline=True),
    )


def _check_lengths(form: VisitForm, errors: dict[str, str]) -> None:
    """Lengths and ranges as the columns hold them, the same on SQLite and PostgreSQL."""
    v = validation
    v.text(errors, "name", translate("visitors", "访客姓名"), form.name, field=Visit.name)
    v.text(errors, "company", translate("visitors", "单位"), form.company, field=Visit.company)
    v.text(errors, "phone", translate("visitors", "联系电话"), form.phone, field=Visit.phone)
    v.text(errors, "id_number", translate("visitors", "证件号码"), form.id_number, field=Visit.id_number)
    v.text(errors, "badge_no", translate("visitors", "胸卡号"), form.badge_no, field=Visit.badge_no)
    v.text(
        errors,
        "wait_location",
        translate("visitors", "等候地点"),
        form.wait_location,
        field=Visit.wait_location,
    )
    v.text(errors, "remarks", translate("visitors", "备注"), form.remarks, field=Visit.remarks)
    v.count(errors, "people_count", translate("visitors", "人数"), form.people_count, minimum=1, maximum=999)
    v.day(errors, "expected_date", translate("visitors", "预约日期"), form.expected_date)
    if form.expected_time is not None and not isinstance(form.expected_time, dt.time):
        errors["expected_time"] = translate("visitors", "预约时间不正确。")


def validate(form: VisitForm, *, expected: bool = False) -> dict[str, str]:
    """Field → message for everything wrong with the form (empty when it may be saved)."""
    form = clean_form(form)
    errors: dict[str, str] = {}
    _check_lengths(form, errors)
    if not form.name.strip():
        errors["name"] = translate("visitors", "请填写访客姓名。")
    phone = form.phone.strip()
    if not phone and not expected:
        errors["phone"] = translate("visitors", "请填写联系电话。")
    elif phone and not is_valid_phone(phone):
        errors["phone"] = translate("visitors", "电话号码格式不正确：“{value}”。").format(value=phone)
    if form.id_number.strip() and not is_valid_id_number(form.id_number):
        errors["id_number"] = translate("visitors", "证件号码不正确（身份证校验位不符或含非法字符）。")
    if "people_count" not in errors and not 1 <= int(form.people_count or 0) <= 999:
        errors["people_count"] = translate("visitors", "人数应在 1 到 999 之间。")
    if form.host_id is None and form.department_id is None:
        errors["host"] = translate("visitors", "请选择接待人或接待部门。")
    elif form.host_id is not None:
        host = Employee.get_or_none(Employee.id == form.host_id)
        if host is None or not host.active:
            errors["host"] = translate("visitors", "接待人不存在或已停用。")
    if form.kind not in KINDS:
        errors["kind"] = translate("visitors", "来访方式不正确。")
    if expected:
        if form.expected_date is None:
            errors["expected_date"] = translate("visitors", "请填写预约日期。")
        elif "expected_date" in errors:
            pass
        elif form.expected_date < clock.today():
            errors["expected_date"] = translate("visitors", "预约日期不能早于今天。")
    badge = form.badge_no.strip()
    if badge and not expected:
        holder = badge_holder(badge)
        if holder is not None:
            errors["badge_no"] = translate("visitors", "胸卡 {badge} 正由 {name} 使用中。").format(
                badge=badge, name=holder.name
            )
    return errors


def _badge_key(badge: str) -> str:
    """One badge however it was typed: " 07 " and "7" are the same card, "a3" and "A3" too."""
    key = unicodedata.normalize("NFKC", badge or "").strip().upper()
    return (key.lstrip("0") or "0") if key.isdigit() else key


def _badges_in_use() -> dict[str, Visit]:
    worn = Visit.select(Visit.id, Visit.name, Visit.badge_no).where(
        Visit.status == ON_SITE, Visit.badge_no != ""
    )
    return {_badge_key(v.badge_no): v for v in worn}


def badge_holder(badge: str, *, exclude_id: int | None = None) -> Visit | None:
    """The visit on site now that wears this badge (a card is never handed out twice)."""
    key = _badge_key(badge)
    holder = _badges_in_use().get(key) if key else None
    return None if holder is None or holder.id == exclude_id else holder


def next_badge_no() -> str:
    """The lowest badge number not worn by anyone on site now."""
    used = set(_badges_in_use())
    n = 1
    while str(n) in used:
        n += 1
    return str(n)


# ---------------------------------------------------------------- check-in


def _upsert_visitor(form: VisitForm, now: dt.datetime) -> Visitor:
    full, initials = pinyin_keys(form.name)
    visitor = None
    if form.visitor_id is not None:
        visitor = Visitor.get_or_none(Visitor.id == form.visitor_id)
        if visitor is not None and visitor.name != form.name.strip():
            visitor = None  # the receptionist typed somebody else over the autofill
    if visitor is None and digits(form.phone):
        visitor = (
            Visitor.select()
            .where(Visitor.name == form.name.strip(), Visitor.phone == form.phone.strip())
            .first()
        )
    if visitor is None:
        visitor = Visitor(name=form.name.strip())
    visitor.name_pinyin, visitor.name_initials = full, initials
    visitor.company = form.company.strip() or visitor.company
    visitor.phone = form.phone.strip() or visitor.phone
    if form.id_number.strip():
        visitor.id_number = form.id_number.strip().upper()
    if form.category_id is not None:
        visitor.category = form.category_id
    visitor.visit_count = (visitor.visit_count or 0) + 1
    visitor.last_visit_at = now
    visitor.save()
    return visitor


def _department_for(form: VisitForm) -> int | None:
    if form.department_id is not None:
        return form.department_id
    if form.host_id is not None:
        host = Employee.get_or_none(Employee.id == form.host_id)
        return host.department_id if host else None
    return None


def _on_site_duplicate(form: VisitForm, exclude_id: int | None) -> Visit | None:
    query = Visit.select().where(Visit.status == ON_SITE, Visit.id != (exclude_id or 0))
    cond = Visit.name == form.name.strip()
    if digits(form.phone):
        cond = cond & (Visit.phone == form.phone.strip())
    if form.visitor_id is not None:
        cond = cond | (Visit.visitor == form.visitor_id)
    return query.where(cond).first()


def _check_gates(
    actor: Actor,
    form: VisitForm,
    *,
    confirm_duplicate: bool,
    deny_override: Actor | None,
    exclude_id: int | None,
) -> str:
    """Deny list and already-on-site checks. Returns the deny reason text to record."""
    hits = denylist.matches(form.name, form.company, form.phone)
    reason = ""
    if hits:
        if deny_override is None:
            raise DenyListHit(hits)
        require(deny_override, "visitors.deny_override")
        reason = "；".join(h.describe() for h in hits)
    if not confirm_duplicate:
        dup = _on_site_duplicate(form, exclude_id)
        if dup is not None:
            raise AlreadyOnSite(get_visit(actor, dup.id))
    return reason


def _notify_host(visit: Visit, actor: Actor) -> None:
    if visit.host_id is None:
        return
    title = translate("visitors", "访客到达：{name}").format(name=visit.name)
    details = [
        translate("visitors", "{name}（{company}）一行 {count} 人已到前台").format(
            name=visit.name,
            company=visit.company or translate("visitors", "未填单位"),
            count=visit.people_count,
        ),
    ]
    if visit.wait_location:
        details.append(translate("visitors", "在 {place} 等候").format(place=visit.wait_location))
    details.append(translate("visitors", "登记人：{who}").format(who=actor.label))
    notifications.notify_employee(visit.host_id, title, "，".join(details) + "。", visit_id=visit.id)


def check_in(
    actor: Actor,
    form: VisitForm,
    *,
    confirm_duplicate: bool = False,
    deny_override: Actor | None = None,
    now: dt.datetime | None = None,
) -> VisitRow:
    """Register a visitor who is at the desk now (walk-in or with an appointment).

    When the visitor has an appointment today (picked from autofill, or the same name — and
    phone, where both are known — as one of today's expected visits), that appointment is
    checked in with what the form says; no second, walk-in visit is made beside it.
    """
    require(actor, "visitors.desk")
    form = clean_form(form)
    errors = validate(form)
    if errors:
        raise ValidationError(errors)
    now = now or clock.now().replace(microsecond=0)
    appointment = find_appointment(form, now.date())
    reason = _check_gates(
        actor,
        form,
        confirm_duplicate=confirm_duplicate,
        deny_override=deny_override,
        exclude_id=appointment.id if appointment else None,
    )
    with database.atomic():
        visitor = _upsert_visitor(form, now)
        full, initials = pinyin_keys(form.name)
        values = dict(
            visitor=visitor,
            name=form.name.strip(),
            name_pinyin=full,
            name_initials=initials,
            company=form.company.strip(),
            phone=form.phone.strip(),
            id_number=(form.id_number.strip().upper() or visitor.id_number),
            people_count=int(form.people_count),
            category=form.category_id,
            purpose=form.purpose_id,
            host=form.host_id,
            department=_department_for(form),
            kind=form.kind,
            status=ON_SITE,
            time_in=now,
            badge_no=form.badge_no.strip(),
            tea_served=form.tea_served,
            wait_location=form.wait_location.strip() or settings.get("default_wait_location"),
            remarks=form.remarks.strip(),
            deny_override_by=deny_override.user_id if (deny_override and reason) else None,
            deny_reason=reason,
            checked_in_by=actor.user_id,
        )
        if appointment is None:
            visit = Visit.create(created_by=actor.user_id, **values)
        else:
            values.update(kind=APPOINTMENT, remarks=values["remarks"] or appointment.remarks)
            changed = (
                Visit.update(**values).where(Visit.id == appointment.id, Visit.status == EXPECTED).execute()
            )
            if changed != 1:  # somebody at another desk was faster
                raise ServiceError(translate("visitors", "该访客刚刚已被签到。"))
            visit = Visit.get_by_id(appointment.id)
        _notify_host(visit, actor)
    return get_visit(actor, visit.id)


def find_appointment(form: VisitForm, day: dt.date) -> Visit | None:
    """The expected visit of ``day`` that this check-in is for, if any.

    The one autofill picked (``form.visit_id``); otherwise one with the same name whose phone,
    where both are known, is the same number (two people of one name are two people). Of
    several, the same host's, then the earliest.
    """
    today = Visit.select().where(Visit.status == EXPECTED, Visit.expected_date == day)
    name = normalize_name(form.name)
    if not name:
        return None
    if form.visit_id is not None:
        picked = today.where(Visit.id == form.visit_id).first()
        if picked is not None and normalize_name(picked.name) == name:  # not typed over
            return picked
    phone = normalize_phone(form.phone)
    candidates = [
        v
        for v in today  # a day's appointments: a short list
        if normalize_name(v.name) == name and not (phone and v.phone and normalize_phone(v.phone) != phone)
    ]
    if not candidates:
        return None

    def rank(v: Visit) -> tuple:
        return (
            v.visitor_id is None or v.visitor_id != form.visitor_id,
            form.host_id is not None and v.host_id != form.host_id,
            v.expected_time is None,
            v.expected_time or dt.time.min,
            v.id,
        )

    return min(candidates, key=rank)


def form_from_visit(actor: Actor, visit_id: int) -> VisitForm:
    """An expected visit as a form, to check it in or edit it."""
    require_any(actor, "visitors.desk", "visitors.preregister")
    v = _visit_for(actor, visit_id)
    return VisitForm(
        name=v.name,
        company=v.company,
        phone=v.phone,
        id_number="",
        people_count=v.people_count,
        category_id=v.category_id,
        purpose_id=v.purpose_id,
        host_id=v.host_id,
        department_id=v.department_id,
        kind=v.kind,
        badge_no=v.badge_no,
        tea_served=v.tea_served,
        wait_location=v.wait_location,
        remarks=v.remarks,
        visitor_id=v.visitor_id,
        expected_date=v.expected_date,
        expected_time=v.expected_time,
    )


def check_in_expected(
    actor: Actor,
    visit_id: int,
    *,
    badge_no: str | None = None,
    confirm_duplicate: bool = False,
    deny_override: Actor | None = None,
    now: dt.datetime | None = None,
) -> VisitRow:
    """One-key check-in of a pre-registered visitor: the stored details are used as they are."""
    require(actor, "visitors.desk")
    v = Visit.get_or_none(Visit.id == visit_id)
    if v is None:
        raise NotFound(translate("visitors", "来访记录不存在。"))
    if v.status != EXPECTED:
        raise ServiceError(
            translate("visitors", "{name} 不在预约待到名单中（当前状态：{status}）。").format(
                name=v.name, status=status_label(v.status)
            )
        )
    form = form_from_visit(actor, visit_id)
    form.badge_no = badge_no if badge_no is not None else (v.badge_no or next_badge_no())
    errors = validate(replace(form, phone=form.phone or "00000"))  # phone optional for pre-registered
    if errors:
        raise ValidationError(errors)
    reason = _check_gates(
        actor, form, confirm_duplicate=confirm_duplicate, deny_override=deny_override, exclude_id=visit_id
    )
    now = now or clock.now().replace(microsecond=0)
    with database.atomic():
        visitor = _upsert_visitor(form, now)
        changed = (
            Visit.update(
                visitor=visitor,
                status=ON_SITE,
                time_in=now,
                badge_no=form.badge_no.strip(),
                checked_in_by=actor.user_id,
                deny_reason=reason,
                deny_override_by=deny_override.user_id if (deny_override and reason) else None,
                id_number=v.id_number or visitor.id_number,
                wait_location=v.wait_location or settings.get("default_wait_location"),
            )
            .where(Visit.id == visit_id, Visit.status == EXPECTED)
            .execute()
        )
        if changed != 1:  # somebody at another desk was faster
            raise ServiceError(translate("visitors", "该访客刚刚已被签到。"))
        _notify_host(Visit.get_by_id(visit_id), actor)
    return get_visit(actor, visit_id)


def preregister(actor: Actor, form: VisitForm) -> VisitRow:
    """A host announces a visitor for a day; the desk sees them under "expected today"."""
    require(actor, "visitors.preregister")
    form = clean_form(form)
    errors = validate(form, expected=True)
    if errors:
        raise ValidationError(errors)
    full, initials = pinyin_keys(form.name)
    with database.atomic():
        visit = Visit.create(
            visitor=form.visitor_id,
            name=form.name.strip(),
            name_pinyin=full,
            name_initials=initials,
            company=form.company.strip(),
            phone=form.phone.strip(),
            id_number=form.id_number.strip().upper(),
            people_count=int(form.people_count),
            category=form.category_id,
            purpose=form.purpose_id,
            host=form.host_id,
            department=_department_for(form),
            kind=APPOINTMENT,
            status=EXPECTED,
            expected_date=form.expected_date,
            expected_time=form.expected_time,
            badge_no="",
            tea_served=form.tea_served,
            wait_location=form.wait_location.strip(),
            remarks=form.remarks.strip(),
            created_by=actor.user_id,
        )
    return get_visit(actor, visit.id)


def cancel_expected(actor: Actor, visit_id: int) -> None:
    require(actor, "visitors.preregister")
    v = Visit.get_or_none(Visit.id == visit_id)
    if v is None:
        raise NotFound(translate("visitors", "来访记录不存在。"))
    if not access.can_edit_visit(actor, v):
        raise PermissionDenied(translate("visitors", "只能取消自己登记或自己接待的预约。"))
    changed = Visit.update(status=CANCELLED).where(Visit.id == visit_id, Visit.status == EXPECTED).execute()
    if changed != 1:
        raise ServiceError(translate("visitors", "只能取消尚未签到的预约。"))


# ---------------------------------------------------------------- check-out


def _visits_by_id(visit_ids: list[int]) -> tuple[list[Visit], list[str]]:
    """The visits, and a problem line naming any id that does not exist (check-out and its undo
    are all-or-none, so a missing one refuses the whole action)."""
    visits = list(Visit.select().where(Visit.id.in_(visit_ids)))
    problems = []
    missing = set(visit_ids) - {v.id for v in visits}
    if missing:
        problems.append(
            translate("visitors", "记录不存在：{ids}").format(ids=", ".join(map(str, sorted(missing))))
        )
    return visits, problems


def check_out(actor: Actor, visit_ids: list[int], *, now: dt.datetime | None = None) -> int:
    """Check out the given visits, all or none: a visit already out or never in is refused."""
    require(actor, "visitors.desk")
    if not visit_ids:
        return 0
    now = now or clock.now().replace(microsecond=0)
    with database.atomic():
        visits, problems = _visits_by_id(visit_ids)
        for v in visits:
            if v.status == LEFT:
                problems.append(
                    translate("visitors", "{name} 已于 {time} 签离").format(
                        name=v.name, time=v.time_out.strftime("%H:%M") if v.time_out else "?"
                    )
                )
            elif v.status != ON_SITE or v.time_in is None:
                problems.append(translate("visitors", "{name} 尚未签到，不能签离").format(name=v.name))
            elif now < v.time_in:
                problems.append(translate("visitors", "{name} 的签离时间早于签到时间").format(name=v.name))
        if problems:
            raise ServiceError("；".join(problems) + "。")
        changed = (
            Visit.update(status=LEFT, time_out=now, checked_out_by=actor.user_id)
            .where(Visit.id.in_(visit_ids), Visit.status == ON_SITE)
            .execute()
        )
        if changed != len(visit_ids):
            raise ServiceError(translate("visitors", "部分访客刚刚已在别处签离，请刷新后重试。"))
    return changed


def check_out_all(actor: Actor, *, now: dt.datetime | None = None) -> int:
    """End of the day: everyone still on site leaves now."""
    require(actor, "visitors.desk")
    ids = [v.id for v in Visit.select(Visit.id).where(Visit.status == ON_SITE)]
    return check_out(actor, ids, now=now)


# How long a check-out can be taken back: Enter on the wrong row is noticed at once, not later.
UNDO_CHECK_OUT = dt.timedelta(minutes=5)


def undo_check_out(actor: Actor, visit_ids: list[int], *, now: dt.datetime | None = None) -> list[VisitRow]:
    """Take back one's own check-out of the last few minutes: the visitors are on site again.

    All or none. A badge handed to somebody else meanwhile is not given back twice: that
    visit returns without a badge number (the desk says so).
    """
    require(actor, "visitors.desk")
    if not visit_ids:
        return []
    now = now or clock.now().replace(microsecond=0)
    with database.atomic():
        visits, problems = _visits_by_id(visit_ids)
        for v in visits:
            if v.status != LEFT or v.time_out is None:
                problems.append(translate("visitors", "{name} 并未签离").format(name=v.name))
            elif v.checked_out_by_id != actor.user_id:
                problems.append(translate("visitors", "{name} 不是您办理的签离").format(name=v.name))
            elif not dt.timedelta(0) <= now - v.time_out <= UNDO_CHECK_OUT:
                problems.append(
                    translate("visitors", "{name} 签离已超过 {minutes} 分钟").format(
                        name=v.name, minutes=int(UNDO_CHECK_OUT.total_seconds() // 60)
                    )
                )
        if problems:
            raise ServiceError(translate("visitors", "无法撤销签离：") + "；".join(problems) + "。")
        for v in visits:
            badge = v.badge_no if v.badge_no and badge_holder(v.badge_no) is None else ""
            changed = (
                Visit.update(status=ON_SITE, time_out=None, checked_out_by=None, badge_no=badge)
                .where(Visit.id == v.id, Visit.status == LEFT)
                .execute()
            )
            if changed != 1:
                raise ServiceError(translate("visitors", "记录刚刚已被他人修改，请刷新后重试。"))
    return [get_visit(actor, i) for i in visit_ids]


# ---------------------------------------------------------------- lists


def on_site(actor: Actor) -> list[VisitRow]:
    require_any(actor, "visitors.desk", "visitors.log")
    return _rows(_base_query().where(Visit.status == ON_SITE).order_by(Visit.time_in), actor)


def expected_on(actor: Actor, day: dt.date | None = None) -> list[VisitRow]:
    require_any(actor, "visitors.desk", "visitors.preregister", "visitors.log")
    day = day or clock.today()
    from desktop.services.reception_visits import sync_expected

    sync_expected(day)  # guests of today's approved receptions
    query = _base_query().where(Visit.status == EXPECTED, Visit.expected_date == day)
    return _rows(query.order_by(Visit.expected_time.asc(nulls="LAST"), Visit.id), actor)


def day_log(actor: Actor, day: dt.date) -> list[VisitRow]:
    """Everyone who checked in on ``day``, in order: the 来访登记表 of that day."""
    require_any(actor, "visitors.log", "visitors.desk")
    start = dt.datetime.combine(day, dt.time.min)
    end = start + dt.timedelta(days=1)
    query = _base_query().where(Visit.time_in >= start, Visit.time_in < end)
    return _rows(query.order_by(Visit.time_in, Visit.id), actor)


def suggest_visitors(actor: Actor, text: str, limit: int = 8) -> list[VisitorSuggestion]:
    """Earlier visitors matching a phone fragment, a name fragment or pinyin (zw, lisi, ls).

    At the desk, today's appointments come first, each as itself (``expected_visit_id``), so
    picking one checks that appointment in instead of making a walk-in visit beside it.
    """
    require_any(actor, "visitors.desk", "visitors.preregister")
    found = _suggest_returning(actor, text, limit)
    if not actor.can("visitors.desk"):
        return found
    appointments = _suggest_appointments(actor, text, found, limit)
    merged = {s.id for s in appointments if s.id is not None}
    return (appointments + [s for s in found if s.id not in merged])[:limit]


def _person_matches(model, text: str):
    """Name contains the text, or pinyin / initials start with it, or the phone contains 3+ of
    its digits — how the desk finds a returning visitor and today's appointments alike."""
    low = text.lower()
    cond = model.name.contains(text)
    if low.isascii() and low.isalpha():
        cond = cond | model.name_initials.startswith(low) | model.name_pinyin.startswith(low)
    if len(digits(text)) >= 3:
        cond = cond | model.phone.contains(digits(text))
    return cond


def _suggest_appointments(
    actor: Actor, text: str, returning: list[VisitorSuggestion], limit: int
) -> list[VisitorSuggestion]:
    text = text.strip()
    if not text:
        return []
    cond = _person_matches(Visit, text)
    query = (
        Visit.select()
        .where(Visit.status == EXPECTED, Visit.expected_date == clock.today(), cond)
        .order_by(Visit.expected_time.asc(nulls="LAST"), Visit.id)
        .limit(limit)
    )
    known = {s.id: s for s in returning if s.id is not None}
    visits = list(query)
    unknown = [v.visitor_id for v in visits if v.visitor_id is not None and v.visitor_id not in known]
    with_id = (
        [
            i
            for (i,) in Visitor.select(Visitor.id)
            .where(Visitor.id.in_(unknown), Visitor.id_number != "")
            .tuples()
        ]
        if unknown and actor.can("id.unmask")
        else []
    )
    unmask = unmask_logged(actor, with_id, "visitors")
    result = []
    for v in visits:
        person = known.get(v.visitor_id) if v.visitor_id is not None else None
        category = v.category_id if v.category_id is not None else (person.category_id if person else None)
        if person is None and v.visitor_id is not None:
            row = Visitor.get_or_none(Visitor.id == v.visitor_id)
            if row is not None:
                person = VisitorSuggestion(
                    id=row.id,
                    name=row.name,
                    company=row.company,
                    phone=row.phone,
                    id_number_masked=row.id_number if unmask else mask_id_number(row.id_number),
                    has_id_number=bool(row.id_number),
                    category_id=row.category_id,
                    visit_count=row.visit_count,
                    last_visit_at=row.last_visit_at,
                )
        result.append(
            VisitorSuggestion(
                id=person.id if person else None,
                name=v.name,
                company=v.company or (person.company if person else ""),
                phone=v.phone or (person.phone if person else ""),
                id_number_masked=person.id_number_masked if person else mask_id_number(v.id_number),
                has_id_number=bool(person.has_id_number if person else v.id_number),
                category_id=category,
                visit_count=person.visit_count if person else 0,
                last_visit_at=person.last_visit_at if person else None,
                last_host_id=v.host_id,
                last_department_id=v.department_id,
                last_purpose_id=v.purpose_id,
                expected_visit_id=v.id,
                expected_time=v.expected_time,
                people_count=v.people_count,
            )
        )
    return result


def _suggest_returning(actor: Actor, text: str, limit: int) -> list[VisitorSuggestion]:
    text = text.strip()
    if not text:
        return []
    cond = _person_matches(Visitor, text)
    query = (
        Visitor.select()
        .where(cond)
        .order_by(Visitor.last_visit_at.desc(nulls="LAST"), Visitor.visit_count.desc())
        .limit(limit)
    )
    visitors = list(query)
    last_visits: dict[int, Visit] = {}
    if visitors:
        ids = [v.id for v in visitors]
        latest = (
            Visit.select(Visit.visitor, peewee.fn.MAX(Visit.id).alias("last_id"))
            .where(Visit.visitor.in_(ids))
            .group_by(Visit.visitor)
        )
        last_ids = [r.last_id for r in latest]
        last_visits = {v.visitor_id: v for v in Visit.select().where(Visit.id.in_(last_ids))}
    unmask = unmask_logged(actor, [v.id for v in visitors if v.id_number], "visitors")
    result = []
    for v in visitors:
        last = last_visits.get(v.id)
        result.append(
            VisitorSuggestion(
                id=v.id,
                name=v.name,
                company=v.company,
                phone=v.phone,
                id_number_masked=v.id_number if unmask else mask_id_number(v.id_number),
                has_id_number=bool(v.id_number),
                category_id=v.category_id,
                visit_count=v.visit_count,
                last_visit_at=v.last_visit_at,
                last_host_id=last.host_id if last else None,
                last_department_id=last.department_id if last else None,
                last_purpose_id=last.purpose_id if last else None,
            )
        )
    return result


# ---------------------------------------------------------------- the log


SORT_KEYS: dict[str, peewee.Node] = {
    "time_in": Visit.time_in,
    "time_out": Visit.time_out,
    "name": Visit.name_pinyin,
    "company": Visit.company,
    "phone": Visit.phone,
    "people_count": Visit.people_count,
    "host": _Host.name_pinyin,
    "department": _Dept.name,
    "category": _Cat.sort,
    "purpose": _Purpose.sort,
    "badge_no": Visit.badge_no,
    "status": Visit.status,
    "kind": Visit.kind,
}


@dataclass
class LogQuery:
    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    statuses: tuple[str, ...] = (ON_SITE, LEFT)
    sort_key: str = "time_in"
    descending: bool = True
    extra: dict[str, str] = field(default_factory=dict)


def _is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def _has_fts() -> bool:
    """Whether migration 0012 could create the trigram table (SQLite with FTS5 ≥ 3.34)."""
    db = database.obj
    known = getattr(db, "_visit_search_fts", None)
    if known is None:
        known = _is_sqlite() and bool(
            db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'visit_search'").fetchone()
        )
        db._visit_search_fts = known
    return known


def _prefix_end(prefix: str) -> str:
    """The least string above every string starting with ``prefix`` (code-point order)."""
    last = ord(prefix[-1])
    return prefix[:-1] + chr(last + 1) if last < 0x10FFFF else prefix + "\U0010ffff"


def _prefix(column: peewee.Field, prefix: str) -> peewee.Expression:
    """``column`` starts with ``prefix``, in a form the column's b-tree index answers.

    SQLite: a range (``name_initials >= 'zw' AND name_initials < 'zx'``; UTF-8 sorts by code point,
    so bumping the last character bounds every string with that prefix). PostgreSQL: a
    case-sensitive LIKE, answered by the text_pattern_ops index of migration 0012.
    """
    if _is_sqlite():
        return (column >= prefix) & (column < _prefix_end(prefix))
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return peewee.Expression(column, peewee.OP.LIKE, escaped + "%")


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _plain(column: peewee.Node) -> peewee.Node:
    """``+column``: the same value, but SQLite's planner may not answer it from an index."""
    return peewee.NodeList((peewee.SQL("+"), column), glue="")


def _text_condition(text: str) -> peewee.Expression:
    """What the log's search box matches, as a plain condition (PostgreSQL, or SQLite without FTS5).

    Three or more characters: a substring of the name or company (or of the phone, by its digits);
    on PostgreSQL the pg_trgm indexes of migration 0012 answer these ILIKEs. One or two characters
    (too short for any trigram index): names and companies that START with them. Letters also
    match pinyin from its start: initials (``zw`` → 张伟) and full pinyin (``zhangw``).
    """
    low, phone = text.lower(), digits(text)
    if len(text) >= 3:
        cond = Visit.name.contains(text) | Visit.company.contains(text)
        if len(phone) >= 3:
            cond = cond | Visit.phone.contains(phone)
    else:
        cond = _prefix(Visit.name, text) | _prefix(Visit.company, text)
    if low.isascii() and low.isalpha():
        cond = cond | _prefix(Visit.name_initials, low) | _prefix(Visit.name_pinyin, low)
    return cond


@dataclass(frozen=True)
class _Matches:
    """The visits a search text matches (any status, any date), as a subquery of ids (SQLite).

    The same rows as ``_text_condition``: 3+ characters through the FTS5 trigram table of
    migration 0012, shorter ones and pinyin through index ranges; both read only indexes.
    """

    ids: peewee.Node  # SELECT of visit ids, parenthesised for IN
    count: peewee.Node  # SELECT count(*) of them (no visit row is read)


def _matches(text: str) -> _Matches | None:
    if not _is_sqlite() or (len(text) >= 3 and not _has_fts()):
        return None
    low, phone = text.lower(), digits(text)
    parts: list[peewee.Node] = []
    if len(text) >= 3:
        match = "{name company}: " + _fts_phrase(text)
        if len(phone) >= 3:
            match = f"({match}) OR (phone: {_fts_phrase(phone)})"
        parts.append(peewee.SQL("SELECT rowid FROM visit_search WHERE visit_search MATCH ?", [match]))
    else:
        parts += [_range_ids("name", text), _range_ids("company", text)]
    if low.isascii() and low.isalpha():
        parts += [_range_ids("name_initials", low), _range_ids("name_pinyin", low)]
    glue = peewee.SQL(" UNION ")  # UNION, not UNION ALL: a count must see each visit once
    union = peewee.NodeList([n for part in parts for n in (part, glue)][:-1])
    return _Matches(
        ids=peewee.NodeList((union,), parens=True),
        count=peewee.NodeList((peewee.SQL("SELECT count(*) FROM ("), union, peewee.SQL(")"))),
    )


def _range_ids(column: str, prefix: str) -> peewee.SQL:
    return peewee.SQL(
        f"SELECT id FROM visit WHERE {column} >= ? AND {column} < ?", [prefix, _prefix_end(prefix)]
    )


# Up to this many matches the page reads them and sorts; above, it walks the log's order
# (the time_in index) and stops after one page — both cost a few milliseconds at 1M visits.
_LIST_PLAN_MAX = 3000


def _status_condition(statuses: tuple[str, ...]) -> peewee.Expression:
    status: peewee.Node = Visit.status
    if _is_sqlite() and LEFT in statuses:
        # Nearly every visit has left: walking the visit_status index then sorting a million rows
        # is the slowest plan there is. ``+status`` keeps SQLite's planner off that index.
        status = _plain(Visit.status)
    return peewee.Expression(status, peewee.OP.IN, list(statuses))


def _date_conditions(q: LogQuery) -> list[peewee.Expression]:
    conds = []
    if q.date_from:
        conds.append(Visit.time_in >= dt.datetime.combine(q.date_from, dt.time.min))
    if q.date_to:
        conds.append(Visit.time_in < dt.datetime.combine(q.date_to + dt.timedelta(days=1), dt.time.min))
    return conds


def _log_conditions(q: LogQuery) -> list[peewee.Expression]:
    conds = [_status_condition(q.statuses)] if q.statuses else []
    conds += _date_conditions(q)
    text = q.text.strip()
    if text:
        found = _matches(text)
        if found is None:
            conds.append(_text_condition(text))
        else:
            few = _scalar(found.count) <= _LIST_PLAN_MAX
            conds.append(peewee.Expression(Visit.id if few else _plain(Visit.id), peewee.OP.IN, found.ids))
    return conds


def _scalar(node: peewee.Node) -> int:
    sql, params = database.get_sql_context().sql(node).query()
    row = database.execute_sql(sql, params).fetchone()
    return int(row[0] or 0) if row else 0


def _log_query(q: LogQuery) -> peewee.ModelSelect:
    query = _base_query()
    for cond in _log_conditions(q):
        query = query.where(cond)
    return query


def _count(conds: list[peewee.Expression]) -> int:
    query = Visit.select(peewee.fn.COUNT(peewee.SQL("*")))
    for cond in conds:
        query = query.where(cond)
    return query.scalar() or 0


def count_log(actor: Actor, q: LogQuery) -> int:
    """How many visits match, exactly; only indexes and the visit table are read, never the joins.

    On SQLite, when the statuses include 已离开 (nearly every visit) the count is "all matching
    visits" minus "those of the other statuses": the first is answered by an index alone (the
    trigram table, the prefix indexes or time_in), the second by the selective status index —
    a full count of a million visits' statuses would cost ~100 ms.
    """
    require(actor, "visitors.log")
    text = q.text.strip()
    found = _matches(text) if text else None
    if not (_is_sqlite() and q.statuses and LEFT in q.statuses) or (text and found is None):
        return _count(_log_conditions(q))
    dates = _date_conditions(q)
    if found is not None and not dates:
        everything = _scalar(found.count)
    elif found is not None:
        everything = _count([*dates, peewee.Expression(Visit.id, peewee.OP.IN, found.ids)])
    else:
        everything = _count(dates)
    others = [s for s in STATUSES if s not in q.statuses]
    excluded = [Visit.status.in_(others), *dates]
    if found is not None:
        excluded.append(peewee.Expression(_plain(Visit.id), peewee.OP.IN, found.ids))
    return everything - (_count(excluded) if others else 0)


def search_log(actor: Actor, q: LogQuery, offset: int = 0, limit: int = 200) -> list[VisitRow]:
    """One page of the log. The view fetches further pages as the user scrolls."""
    require(actor, "visitors.log")
    column = SORT_KEYS.get(q.sort_key, Visit.time_in)
    order = column.desc(nulls="LAST") if q.descending else column.asc(nulls="LAST")
    if column is Visit.time_in and _is_sqlite():
        # SQLite sorts NULL first, so DESC already puts them last; spelled plainly, the order is
        # the time_in index's own (time_in, rowid) and the first page is read straight off it.
        order = column.desc() if q.descending else column.asc(nulls="LAST")
    ordering = (order, Visit.id.desc() if q.descending else Visit.id)
    if getattr(column, "model", None) is not Visit:  # sorted by a joined table's column
        return _rows(_log_query(q).order_by(*ordering).offset(offset).limit(limit), actor)
    # Two steps: the page's ids from the visit table alone (an index walk or a narrow sort),
    # then the page's rows with their joins — so neither the sort nor the walk joins anything.
    ids_query = Visit.select(Visit.id)
    for cond in _log_conditions(q):
        ids_query = ids_query.where(cond)
    ids = [row[0] for row in ids_query.order_by(*ordering).offset(offset).limit(limit).tuples()]
    if not ids:
        return []
    by_id = {row.id: row for row in _page_rows(ids, actor)}
    return [by_id[i] for i in ids if i in by_id]


# The columns a log row shows, in VisitRow's order, and the joined labels after them.
_PAGE_FIELDS = (
    Visit.id, Visit.name, Visit.company, Visit.phone, Visit.id_number, Visit.people_count,
    Visit.host, Visit.kind, Visit.status, Visit.expected_date, Visit.expected_time, Visit.time_in,
    Visit.time_out, Visit.badge_no, Visit.tea_served, Visit.wait_location, Visit.remarks,
    Visit.visitor, Visit.deny_reason,
)  # fmt: skip
_CONVERT = [
    (i, f.python_value)
    for i, f in enumerate(_PAGE_FIELDS)
    if isinstance(f, (peewee.DateTimeField, peewee.DateField, peewee.TimeField, peewee.BooleanField))
]


def _page_rows(ids: list[int], actor: Actor) -> list[VisitRow]:
    """The rows of one page, read with the raw cursor: building 200 model instances through the
    ORM costs more than the whole indexed search (~20 ms), so only dates and flags are converted."""
    query = (
        Visit.select(*_PAGE_FIELDS, _Host.name, _Host.phone, _Dept.name, _Cat.label, _Purpose.label)
        .join_from(Visit, _Host, peewee.JOIN.LEFT_OUTER, on=(Visit.host == _Host.id))
        .join_from(Visit, _Dept, peewee.JOIN.LEFT_OUTER, on=(Visit.department == _Dept.id))
        .join_from(Visit, _Cat, peewee.JOIN.LEFT_OUTER, on=(Visit.category == _Cat.id))
        .join_from(Visit, _Purpose, peewee.JOIN.LEFT_OUTER, on=(Visit.purpose == _Purpose.id))
        .where(Visit.id.in_(ids))
    )
    raws = database.execute(query).fetchall()
    unmask = unmask_logged(actor, [raw[0] for raw in raws if raw[4]], "visits")  # 0: id, 4: id_number
    result = []
    for raw in raws:
        r = list(raw)
        for i, convert in _CONVERT:
            r[i] = convert(r[i])
        (vid, name, company, phone, id_number, people, host_id, kind, status, exp_date, exp_time,
         time_in, time_out, badge, tea, wait, remarks, visitor_id, deny, host_name, host_phone,
         dept, cat, purpose) = r  # fmt: skip
        result.append(
            VisitRow(
                id=vid,
                name=name,
                company=company,
                phone=phone,
                id_number=id_number if unmask else mask_id_number(id_number),
                people_count=people,
                category=cat or "",
                purpose=purpose or "",
                host_id=host_id,
                host_name=host_name or "",
                host_phone=host_phone or "",
                department=dept or "",
                kind=kind,
                status=status,
                expected_date=exp_date,
                expected_time=exp_time,
                time_in=time_in,
                time_out=time_out,
                badge_no=badge,
                tea_served=bool(tea),
                wait_location=wait,
                remarks=remarks,
                visitor_id=visitor_id,
                deny_reason=deny,
            )  # fmt: skip
        )
    return result


def recorded_by(visit_id: int) -> str:
    v = Visit.get_or_none(Visit.id == visit_id)
    if v is None or v.checked_in_by_id is None:
        return ""
    user = User.get_or_none(User.id == v.checked_in_by_id)
    return user.display_name if user else ""


def upcoming_expected(actor: Actor, *, days: int = 30) -> list[VisitRow]:
    """Pre-registered visits from today on: a host sees their own, the desk and admin see all."""
    require(actor, "visitors.preregister")
    today = clock.today()
    query = _base_query().where(
        Visit.status == EXPECTED,
        Visit.expected_date >= today,
        Visit.expected_date <= today + dt.timedelta(days=days),
    )
    if not (actor.can("visitors.desk") or actor.can("visitors.log")):
        mine = Visit.created_by == actor.user_id
        if actor.employee_id is not None:
            mine = mine | (Visit.host == actor.employee_id)
        query = query.where(mine)
    order = (Visit.expected_date, Visit.expected_time.asc(nulls="LAST"), Visit.id)
    return _rows(query.order_by(*order), actor)
