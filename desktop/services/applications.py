"""客户接待申请: drafting, estimating against the level's standard, submitting, revising.

"先报批、后接待": an application is filed before the visit with enough working days of lead time
(or marked urgent with a reason), is checked against its level's caps line by line, and walks
the approval chain (:mod:`desktop.services.approval`). Once approved it is locked; a change makes
a new revision that is approved again while the earlier approved revision stays on record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

import peewee

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import (
    Application,
    ApplicationGuest,
    ApprovalRecord,
    BudgetLine,
    Department,
    Employee,
    OptionItem,
    ReceptionLevel,
    User,
    Visit,
)
from desktop.services import access, audit, budgets, settings, standards, validation, versioning, workdays
from desktop.services.auth import Actor, require, require_any
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from desktop.services.money import chinese_capital, to_money

DRAFT = "draft"
PENDING = "pending"
RETURNED = "returned"
REJECTED = "rejected"
APPROVED = "approved"
WITHDRAWN = "withdrawn"
EDITABLE = (DRAFT, RETURNED, WITHDRAWN)
ZERO = Decimal("0.00")


def status_label(status: str) -> str:
    return {
        DRAFT: translate("applications", "草稿"),
        PENDING: translate("applications", "审批中"),
        RETURNED: translate("applications", "已退回修改"),
        REJECTED: translate("applications", "已驳回"),
        APPROVED: translate("applications", "已批准"),
        WITHDRAWN: translate("applications", "已撤回"),
    }.get(status, status)


def step_label(label: str) -> str:
    """An approval step's name as shown. The default chain's names (stored in Chinese in each
    application's fixed chain) appear in the UI language; a name the office typed stays as typed.
    """
    defaults = {
        "部门负责人": translate("approval_steps", "部门负责人"),
        "行政部": translate("approval_steps", "行政部"),
        "财务部（预算审核）": translate("approval_steps", "财务部（预算审核）"),
        "总经理": translate("approval_steps", "总经理"),
        "董事长": translate("approval_steps", "董事长"),
        "总经理（超标准审批）": translate("approval_steps", "总经理（超标准审批）"),
    }
    if label in defaults:
        return defaults[label]
    if label.endswith("（含超标准审批）") and label.removesuffix("（含超标准审批）") in defaults:
        return translate("approval_steps", "{step}（含超标准审批）").format(
            step=defaults[label.removesuffix("（含超标准审批）")]
        )
    head, sep, tail = label.partition("（由")  # 部门负责人（由行政部代批）: a superior approves
    if sep and head in defaults:
        return translate("approval_steps", "{step}（由{by}代批）").format(
            step=defaults[head], by=step_label(tail.removesuffix("代批）"))
        )
    return label


@dataclass
class GuestForm:
    name: str
    title: str = ""
    gender: str = ""
    phone: str = ""
    leader: bool = False  # 领队: the client's team leader, contact on the arrangement sheet


@dataclass
class LineForm:
    category: str
    amount: Decimal | str | None = None  # None = take the estimate
    reason: str = ""


@dataclass
class ApplicationForm:
    """What the application window holds."""

    client_company: str = ""
    client_location: str = ""
    client_business: str = ""
    venue: str = ""
    category_id: int | None = None
    level_id: int | None = None
    department_id: int | None = None
    our_attendees: int = 1
    purpose: str = ""
    background: str = ""
    arrival: dt.datetime | None = None
    departure: dt.datetime | None = None
    needs_pickup: bool = False
    needs_hotel: bool = False
    needs_meals: bool = True
    needs_vehicle: bool = False
    needs_tour: bool = False
    needs_gifts: bool = False
    needs_materials: bool = False
    gm_attends: bool = False
    chairman_attends: bool = False
    responsible_id: int | None = None
    remarks: str = ""
    meals: int = 1
    nights: int = 0
    rooms: int = 0
    trips: int = 0
    accompany_diners: int = 0
    urgent: bool = False
    urgent_reason: str = ""
    visit_id: int | None = None
    guests: list[GuestForm] = field(default_factory=list)
    lines: list[LineForm] = field(default_factory=list)
    # The version the copy was read at (None: a new application); a save from an older copy is
    # refused with StaleRecord instead of reverting someone's edit (services.versioning).
    version: int | None = None


@dataclass(frozen=True)
class LineInfo:
    category: str
    label: str
    estimate: Decimal
    cap: Decimal | None
    amount: Decimal
    over_cap: bool
    reason: str


@dataclass(frozen=True)
class Estimate:
    """The budget table as the rules see it: lines, total, flags, and what the form must fix."""

    standard: standards.StandardInfo
    lines: list[LineInfo]
    total: Decimal
    total_capital: str
    over_standard: bool
    accompany_limit: int
    lead_days_required: int
    lead_days_available: int | None
    budget: budgets.MonthBudget | None
    problems: dict[str, str]
    # The count reaches into a year whose holidays nobody entered (Monday–Friday assumed).
    lead_days_uncertain: bool = False

    @property
    def lead_time_text(self) -> str:
        """提前 1 个工作日 — as the form says it, marked when the calendar is not known."""
        if self.lead_days_available is None:
            return ""
        text = translate("applications", "提前 {n} 个工作日").format(n=self.lead_days_available)
        if self.lead_days_uncertain:
            text += translate("applications", "（节假日未录入，按周一至周五估算）")
        return text


@dataclass(frozen=True)
class ApprovalInfo:
    step_index: int
    role: str
    step_label: str
    user_name: str
    decision: str
    comment: str
    at: dt.datetime
    note: str = ""  # over-standard reason, the step a return went to, whom a 转交/加签/抄送 named


@dataclass(frozen=True)
class ApplicationInfo:
    id: int
    root_id: int
    number: str
    revision: int
    status: str
    applicant_id: int
    applicant_name: str
    department_id: int
    department_name: str
    client_company: str
    level_code: str
    level_name: str
    arrival: dt.datetime
    departure: dt.datetime
    guest_count: int
    total: Decimal
    over_standard: bool
    urgent: bool
    backfill: bool
    step_index: int
    chain: list[tuple[str, str]]  # (role, label) per step
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None
    version: int = 0  # hand back to the next save (services.versioning)

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def current_step(self) -> tuple[str, str] | None:
        if self.status == PENDING and 0 <= self.step_index < len(self.chain):
            return self.chain[self.step_index]
        return None

    @property
    def where(self) -> str:
        """Where it stands, for the applicant's list: 审批中：财务部（预算审核）."""
        step = self.current_step
        if step is not None:
            return translate("applications", "待 {step} 审批").format(step=step_label(step[1]))
        return self.status_label


@dataclass(frozen=True)
class ApplicationDetail:
    info: ApplicationInfo
    form: ApplicationForm
    estimate: Estimate
    approvals: list[ApprovalInfo]
    category: str
    responsible_name: str
    revisions: list[ApplicationInfo]


# ------------------------------------------------------------------ numbers and estimates


def _next_number(year: int) -> str:
    prefix = f"JD-{year}-"
    last = (
        Application.select(Application.number)
        .where(Application.number.startswith(prefix))
        .order_by(Application.number.desc())
        .first()
    )
    n = int(last.number.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def lead_days_required(std: standards.StandardInfo, gm_attends: bool, chairman_attends: bool) -> int:
    """1 working day by default, 2 when the GM (or chairman) attends, 3 for level A (settings)."""
    required = std.lead_days
    if gm_attends or chairman_attends:
        required = max(required, int(settings.get("lead_days_gm")))
    return required


def estimate(
    form: ApplicationForm,
    *,
    standard_id: int | None = None,
    filed: dt.date | None = None,
    exclude_root: int | None = None,
) -> Estimate:
    """Apply the level's standard to the form: estimates, caps, flags and problems."""
    if standard_id is not None:
        std = standards.standard(standard_id)
    elif form.level_id is not None:
        std = standards.current_standard(form.level_id)
    else:
        raise ValidationError({"level_id": translate("applications", "请选择接待级别。")})
    guests = max(len([g for g in form.guests if g.name.strip()]), 0)
    caps = standards.estimate(
        std,
        guests=guests,
        accompany=form.accompany_diners,
        meals=form.meals if form.needs_meals else 0,
        rooms=form.rooms if form.needs_hotel else 0,
        nights=form.nights if form.needs_hotel else 0,
        trips=form.trips if (form.needs_vehicle or form.needs_pickup) else 0,
        gifts=form.needs_gifts,
        tour=form.needs_tour,
    )
    given = {line.category: line for line in form.lines}
    problems: dict[str, str] = {}
    lines: list[LineInfo] = []
    for category in standards.CATEGORIES:
        estimate_amount, unit_cap = caps[category]
        line = given.get(category)
        amount = estimate_amount
        reason = ""
        if line is not None:
            reason = line.reason.strip()
            if line.amount not in (None, ""):
                try:
                    amount = to_money(line.amount)
                except ValueError:
                    problems[f"line_{category}"] = translate("applications", "{cat}：金额无法识别。").format(
                        cat=standards.category_label(category)
                    )
                    amount = ZERO
                if amount < 0:
                    problems[f"line_{category}"] = translate(
                        "applications", "{cat}：金额不能为负数。"
                    ).format(cat=standards.category_label(category))
        over = unit_cap is not None and amount > estimate_amount
        if over and not reason:
            problems[f"line_{category}"] = translate(
                "applications", "{cat} 超出标准（标准 {cap}），请写明原因。"
            ).format(cat=standards.category_label(category), cap=f"¥{estimate_amount:,.2f}")
        lines.append(
            LineInfo(
                category, standards.category_label(category), estimate_amount, unit_cap, amount, over, reason
            )
        )
    total = sum((line.amount for line in lines), ZERO)
    limit = std.accompany_limit(guests)
    over_standard = any(line.over_cap for line in lines)
    if form.accompany_diners > limit:
        over_standard = True
        problems.setdefault(
            "accompany_diners",
            translate("applications", "陪餐人数 {n} 超过标准上限 {limit} 人。").format(
                n=form.accompany_diners, limit=limit
            ),
        )
    required = lead_days_required(std, form.gm_attends, form.chairman_attends)
    available, uncertain = None, False
    if form.arrival is not None:
        available = workdays.lead_days_available(filed or clock.today(), form.arrival.date())
        uncertain = workdays.uncertain(filed or clock.today(), form.arrival.date())
    budget = None
    if form.department_id is not None and form.arrival is not None:
        budget = budgets.month(
            form.department_id, form.arrival.year, form.arrival.month, exclude_root=exclude_root
        )
    return Estimate(
        std,
        lines,
        total,
        chinese_capital(total),
        over_standard,
        limit,
        required,
        available,
        budget,
        problems,
        uncertain,
    )


# ------------------------------------------------------------------ validation


def _text_labels() -> dict[str, str]:
    return {
        "client_company": translate("applications", "来宾公司名称"),
        "client_location": translate("applications", "来宾所在地"),
        "client_business": translate("applications", "来宾主营业务"),
        "venue": translate("applications", "接待地点"),
        "purpose": translate("applications", "来访目的"),
        "background": translate("applications", "客户背景"),
        "remarks": translate("applications", "备注"),
        "urgent_reason": translate("applications", "加急原因"),
    }


def _count_labels() -> dict[str, str]:
    return {
        "our_attendees": translate("applications", "我方人数"),
        "meals": translate("applications", "餐数"),
        "nights": translate("applications", "晚数"),
        "rooms": translate("applications", "房间数"),
        "trips": translate("applications", "趟数"),
        "accompany_diners": translate("applications", "陪餐人数"),
    }


MAX_GUESTS = 999


def _clean(form: ApplicationForm) -> tuple[ApplicationForm, dict[str, str]]:
    """The form with control characters removed, and what is too long or out of range — so
    SQLite and PostgreSQL store (or refuse) the same thing."""
    v = validation
    errors: dict[str, str] = {}
    texts = {
        key: v.text(errors, key, label, getattr(form, key), field=getattr(Application, key))
        for key, label in _text_labels().items()
    }
    counts = {key: v.count(errors, key, label, getattr(form, key)) for key, label in _count_labels().items()}
    guests = []
    for i, g in enumerate(form.guests):
        label = translate("applications", "第 {n} 位来宾").format(n=i + 1)
        guests.append(
            GuestForm(
                v.text(errors, f"guest{i}", label, g.name, field=ApplicationGuest.name),
                v.text(errors, f"guest{i}", label, g.title, field=ApplicationGuest.title),
                v.text(errors, f"guest{i}", label, g.gender, field=ApplicationGuest.gender),
                v.text(errors, f"guest{i}", label, g.phone, field=ApplicationGuest.phone),
                bool(g.leader),
            )
        )
    if sum(1 for g in guests if g.leader) > 1:
        errors["guests"] = translate("applications", "领队只能有一位。")
    if len([g for g in guests if g.name]) > MAX_GUESTS:
        errors["guests"] = translate("applications", "来宾最多 {n} 位。").format(n=MAX_GUESTS)
    lines = []
    for line in form.lines:
        key = f"line_{line.category}"
        if line.category not in standards.CATEGORIES:
            errors[key] = translate("applications", "未知的费用类别。")
            continue
        label = standards.category_label(line.category)
        amount = v.money(errors, key, label, line.amount)
        reason = v.text(errors, key, label, line.reason, field=BudgetLine.reason)
        lines.append(LineForm(line.category, amount, reason))
    return replace(form, guests=guests, lines=lines, **texts, **counts), errors


def _validate(form: ApplicationForm, *, for_submit: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    validation.day(errors, "arrival", translate("applications", "到达时间"), form.arrival)
    validation.day(errors, "departure", translate("applications", "离开时间"), form.departure)
    if not form.client_company.strip():
        errors["client_company"] = translate("applications", "请填写来宾公司名称。")
    if (
        form.level_id is None
        or not ReceptionLevel.select().where(ReceptionLevel.id == form.level_id).exists()
    ):
        errors["level_id"] = translate("applications", "请选择接待级别。")
    if (
        form.department_id is None
        or not Department.select().where(Department.id == form.department_id).exists()
    ):
        errors["department_id"] = translate("applications", "请选择接待部门。")
    if form.arrival is None:
        errors["arrival"] = translate("applications", "请填写到达时间。")
    if form.departure is None:
        errors["departure"] = translate("applications", "请填写离开时间。")
    elif form.arrival is not None and form.departure <= form.arrival:
        errors.setdefault("departure", translate("applications", "离开时间必须晚于到达时间。"))
    for key in ("our_attendees", "meals", "nights", "rooms", "trips", "accompany_diners"):
        if int(getattr(form, key) or 0) < 0:
            errors[key] = translate("applications", "不能为负数。")
    if form.urgent and not form.urgent_reason.strip():
        errors["urgent_reason"] = translate("applications", "加急申请须写明原因。")
    if for_submit:
        if not [g for g in form.guests if g.name.strip()]:
            errors["guests"] = translate("applications", "请至少填写一位来宾。")
        if not form.purpose.strip():
            errors["purpose"] = translate("applications", "请填写来访目的。")
        if form.responsible_id is None:
            errors["responsible_id"] = translate("applications", "请指定接待负责人。")
    return errors


def _check_lead_time(est: Estimate, form: ApplicationForm) -> dict[str, str]:
    if form.visit_id is not None:  # 补填: the visit already happened
        return {}
    if est.lead_days_available is None or est.lead_days_available >= est.lead_days_required:
        return {}
    if form.urgent and form.urgent_reason.strip():
        return {}
    return {
        "arrival": translate(
            "applications",
            "提前量不足：{level} 级须提前 {need} 个工作日报批，现在只有 {have} 个工作日。"
            "请改期，或勾选“加急”并写明原因。",
        ).format(level=est.standard.level_code, need=est.lead_days_required, have=est.lead_days_available)
    }


# ------------------------------------------------------------------ reading


def _chain(app: Application) -> list[tuple[str, str]]:
    from desktop.services import routing

    return [(s.role, s.label) for s in routing.load(app)]


def _info(app: Application) -> ApplicationInfo:
    applicant = User.get_or_none(User.id == app.applicant_id)
    guests = ApplicationGuest.select().where(ApplicationGuest.application == app).count()
    return ApplicationInfo(
        id=app.id,
        root_id=app.root_id or app.id,
        number=app.number,
        revision=app.revision,
        status=app.status,
        applicant_id=app.applicant_id,
        applicant_name=applicant.display_name if applicant else "",
        department_id=app.department_id,
        department_name=app.department.name,
        client_company=app.client_company,
        level_code=app.level.code,
        level_name=app.level.name,
        arrival=app.arrival,
        departure=app.departure,
        guest_count=guests,
        total=to_money(app.total),
        over_standard=app.over_standard,
        urgent=app.urgent,
        backfill=app.visit_id is not None,
        step_index=app.step_index,
        chain=_chain(app),
        submitted_at=app.submitted_at,
        decided_at=app.decided_at,
        version=app.version,
    )


def _form(app: Application) -> ApplicationForm:
    return ApplicationForm(
        client_company=app.client_company,
        client_location=app.client_location,
        client_business=app.client_business,
        venue=app.venue,
        category_id=app.category_id,
        level_id=app.level_id,
        department_id=app.department_id,
        our_attendees=app.our_attendees,
        purpose=app.purpose,
        background=app.background,
        arrival=app.arrival,
        departure=app.departure,
        needs_pickup=app.needs_pickup,
        needs_hotel=app.needs_hotel,
        needs_meals=app.needs_meals,
        needs_vehicle=app.needs_vehicle,
        needs_tour=app.needs_tour,
        needs_gifts=app.needs_gifts,
        needs_materials=app.needs_materials,
        gm_attends=app.gm_attends,
        chairman_attends=app.chairman_attends,
        responsible_id=app.responsible_id,
        remarks=app.remarks,
        meals=app.meals,
        nights=app.nights,
        rooms=app.rooms,
        trips=app.trips,
        accompany_diners=app.accompany_diners,
        urgent=app.urgent,
        urgent_reason=app.urgent_reason,
        visit_id=app.visit_id,
        guests=[
            GuestForm(g.name, g.title, g.gender, g.phone, g.leader)
            for g in app.guests.order_by(ApplicationGuest.position)
        ],
        lines=[LineForm(line.category, to_money(line.amount), line.reason) for line in app.budget_lines],
        version=app.version,
    )


def _may_view(actor: Actor, app: Application) -> bool:
    return access.can_view_application(actor, app)


def _load(actor: Actor, application_id: int) -> Application:
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise NotFound(translate("applications", "申请不存在。"))
    if not _may_view(actor, app):
        raise PermissionDenied(translate("applications", "您无权查看这份申请。"))
    return app


def get(actor: Actor, application_id: int) -> ApplicationDetail:
    app = _load(actor, application_id)
    form = _form(app)
    est = estimate(
        form,
        standard_id=app.standard_id,
        filed=(app.submitted_at or app.created_at).date(),
        exclude_root=app.root_id or app.id,
    )
    records = (
        ApprovalRecord.select(ApprovalRecord, User)
        .join(User)
        .where(ApprovalRecord.application == app)
        .order_by(ApprovalRecord.at, ApprovalRecord.id)
    )
    approvals = [
        ApprovalInfo(
            r.step_index, r.role, r.step_label, r.user.display_name, r.decision, r.comment, r.at, r.note
        )
        for r in records
    ]
    category = OptionItem.get_or_none(OptionItem.id == app.category_id) if app.category_id else None
    responsible = Employee.get_or_none(Employee.id == app.responsible_id) if app.responsible_id else None
    root = app.root_id or app.id
    revisions = [
        _info(a)
        for a in Application.select()
        .where((Application.id == root) | (Application.root == root))
        .order_by(Application.revision)
    ]
    return ApplicationDetail(
        _info(app),
        form,
        est,
        approvals,
        category.label if category else "",
        responsible.name if responsible else "",
        revisions,
    )


def list_applications(
    actor: Actor, *, scope: str = "mine", statuses: tuple[str, ...] = (), text: str = ""
) -> list[ApplicationInfo]:
    """``mine``: what I filed; ``department``: my department's; ``all``: everything I may see.

    Only the newest revision of each reception is listed; older ones are in its detail.
    """
    require_any(actor, "applications.file", "applications.view_all")
    query = Application.select(Application, Department).join(Department)
    if scope == "mine":
        query = query.where(Application.applicant == actor.user_id)
    elif scope == "department" or not actor.can("applications.view_all"):
        emp = Employee.get_or_none(Employee.id == actor.employee_id) if actor.employee_id else None
        dep = emp.department_id if emp else -1
        query = query.where((Application.department == dep) | (Application.applicant == actor.user_id))
    if statuses:
        query = query.where(Application.status.in_(statuses))
    if text.strip():
        query = query.where(
            Application.client_company.contains(text.strip()) | Application.number.contains(text.strip())
        )
    newest = Application.select(
        peewee.fn.COALESCE(Application.root, Application.id).alias("r"),
        peewee.fn.MAX(Application.revision).alias("rev"),
    ).group_by(peewee.fn.COALESCE(Application.root, Application.id))
    latest = {(row.r, row.rev) for row in newest}
    result = [
        _info(a)
        for a in query.order_by(Application.arrival.desc(), Application.id.desc())
        if ((a.root_id or a.id), a.revision) in latest
    ]
    return result


# ------------------------------------------------------------------ writing


def _write(app: Application, form: ApplicationForm, est: Estimate) -> None:
    for key in (
        "client_company",
        "client_location",
        "client_business",
        "venue",
        "purpose",
        "background",
        "remarks",
        "urgent_reason",
    ):
        setattr(app, key, getattr(form, key).strip())
    for key in ("our_attendees", "meals", "nights", "rooms", "trips", "accompany_diners"):
        setattr(app, key, int(getattr(form, key) or 0))
    for key in (
        "needs_pickup",
        "needs_hotel",
        "needs_meals",
        "needs_vehicle",
        "needs_tour",
        "needs_gifts",
        "needs_materials",
        "gm_attends",
        "chairman_attends",
        "urgent",
    ):
        setattr(app, key, bool(getattr(form, key)))
    app.category = form.category_id
    app.level = form.level_id
    app.department = form.department_id
    app.arrival, app.departure = form.arrival, form.departure
    app.responsible = form.responsible_id
    app.visit = form.visit_id
    app.standard = est.standard.id
    app.total = est.total
    app.over_standard = est.over_standard
    app.updated_at = clock.now()
    app.save()
    ApplicationGuest.delete().where(ApplicationGuest.application == app).execute()
    for i, guest in enumerate(g for g in form.guests if g.name.strip()):
        ApplicationGuest.create(
            application=app,
            position=i,
            name=guest.name.strip(),
            title=guest.title.strip(),
            gender=guest.gender.strip(),
            phone=guest.phone.strip(),
            leader=bool(guest.leader),
        )
    BudgetLine.delete().where(BudgetLine.application == app).execute()
    for line in est.lines:
        BudgetLine.create(
            application=app,
            category=line.category,
            estimate=line.estimate,
            cap=line.cap,
            amount=line.amount,
            over_cap=line.over_cap,
            reason=line.reason,
        )


def save_draft(actor: Actor, form: ApplicationForm, application_id: int | None = None) -> ApplicationInfo:
    """Create or update a draft (also a returned or withdrawn one). Nothing is half-written."""
    require(actor, "applications.file")
    form, errors = _clean(form)
    errors.update(_validate(form, for_submit=False))
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        if application_id is None:
            est = estimate(form)
            app = Application(number=_next_number(form.arrival.year), applicant=actor.user_id, status=DRAFT)
        else:
            app = _load(actor, application_id)
            if not access.can_edit_application(actor, app):
                raise PermissionDenied(translate("applications", "只有申请人可以修改申请。"))
            if app.status not in EDITABLE:
                raise ServiceError(
                    translate("applications", "申请{status}，不能修改。").format(
                        status=status_label(app.status)
                    )
                )
            versioning.claim(app, form.version, actor)
            est = estimate(form, exclude_root=app.root_id or app.id)
        before = audit.snapshot(app)
        _write(app, form, est)
        audit.record(
            actor,
            "edit" if before else "create",
            "application",
            app.id,
            audit.row_changes(before, app),
            app.number,
        )
    return _info(app)


def submit(actor: Actor, application_id: int, *, now: dt.datetime | None = None) -> ApplicationInfo:
    """Check everything, fix the approval chain for this application, and send it on."""
    from desktop.services import approval

    require(actor, "applications.file")
    with database.atomic():
        app = _load(actor, application_id)
        if not access.can_edit_application(actor, app):
            raise PermissionDenied(translate("applications", "只有申请人可以提交申请。"))
        if app.status not in EDITABLE:
            raise ServiceError(
                translate("applications", "申请{status}，不能提交。").format(status=status_label(app.status))
            )
        versioning.claim(app, None, actor)
        old_status = app.status
        form = _form(app)
        now = now or clock.now()
        errors = submit_errors(form, now=now, exclude_root=app.root_id or app.id)
        if errors:
            raise ValidationError(errors)
        est = estimate(form, filed=now.date(), exclude_root=app.root_id or app.id)
        _write(app, form, est)  # re-estimated with today's standard
        chain = approval.resolve_steps(app.level.code, est.over_standard, est.total)
        if not chain:
            raise ServiceError(translate("applications", "审批流程为空，请系统管理员设置审批流程。"))
        from desktop.services import routing

        old = routing.load(app) if app.status == RETURNED else []
        steps = routing.build(app, actor, chain)
        app.step_index = _resume_at(app, old, steps)
        routing.store(app, steps)
        app.status = PENDING
        app.submitted_at = now
        app.decided_at = None
        app.resume_step = None
        app.save()
        approval.record(app, actor, "submit", "", now, changes={"status": (old_status, app.status)})
        approval.notify_waiting(app)
    return _info(app)


def _resume_at(app: Application, old: list, new: list) -> int:
    """Where a resubmitted application continues: at the step that returned it, when the office
    wants that (setting ``approval_resume``) and the route up to there is unchanged; the steps
    before it keep their approvals. Otherwise from the beginning."""
    resume = app.resume_step
    if resume is None or settings.get("approval_resume") != "1" or resume >= len(new) or resume >= len(old):
        return 0
    for before, after in zip(old[:resume], new[:resume], strict=True):
        if (before.role, before.label, before.users) != (after.role, after.label, after.users):
            return 0
        after.done, after.auto = list(before.done), before.auto
    return resume


def submit_errors(
    form: ApplicationForm, *, now: dt.datetime | None = None, exclude_root: int | None = None
) -> dict[str, str]:
    """Every reason ``form`` cannot be submitted, all at once (the user fixes them in one go)."""
    errors = _validate(form, for_submit=True)
    now = now or clock.now()
    try:
        est = estimate(form, filed=now.date(), exclude_root=exclude_root)
    except ValidationError as exc:  # no level: nothing to estimate against
        return {**exc.errors, **errors}
    errors.update(est.problems)
    errors.update(_check_lead_time(est, form))
    return errors


def save_and_submit(
    actor: Actor, form: ApplicationForm, application_id: int | None = None, *, now: dt.datetime | None = None
) -> ApplicationInfo:
    """保存并提交 as one transaction, checking everything before writing anything.

    A first submit that fails leaves no numbered draft behind (the user keeps the typed form
    and sees every problem at once); a failing submit of an existing draft leaves it unchanged.
    """
    require(actor, "applications.file")
    now = now or clock.now()
    exclude_root = None
    if application_id is not None:
        current = _load(actor, application_id)
        exclude_root = current.root_id or current.id
    errors = submit_errors(form, now=now, exclude_root=exclude_root)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        info = save_draft(actor, form, application_id)
        return submit(actor, info.id, now=now)


def withdraw(actor: Actor, application_id: int, comment: str = "") -> ApplicationInfo:
    from desktop.services import approval

    with database.atomic():
        app = _load(actor, application_id)
        if not access.can_edit_application(actor, app):
            raise PermissionDenied(translate("applications", "只有申请人可以撤回申请。"))
        if app.status != PENDING:
            raise ServiceError(translate("applications", "只有审批中的申请可以撤回。"))
        versioning.claim(app, None, actor)
        app.status = WITHDRAWN
        app.save()
        approval.record(app, actor, "withdraw", comment, changes={"status": (PENDING, WITHDRAWN)})
    return _info(app)


def revise(actor: Actor, application_id: int) -> ApplicationInfo:
    """Change an approved application: a new draft revision; the approved one stays on record."""
    require(actor, "applications.file")
    with database.atomic():
        app = _load(actor, application_id)
        if not access.can_edit_application(actor, app):
            raise PermissionDenied(translate("applications", "只有申请人可以变更申请。"))
        if app.status != APPROVED:
            raise ServiceError(translate("applications", "只有已批准的申请需要变更；未批准的请直接修改。"))
        root = app.root_id or app.id
        newer = Application.select().where(
            ((Application.root == root) | (Application.id == root)), Application.revision > app.revision
        )
        if newer.exists():
            raise ServiceError(translate("applications", "这份申请已有更新的版本。"))
        form = _form(app)
        copy = Application(
            root=root, revision=app.revision + 1, number=app.number, applicant=app.applicant_id, status=DRAFT
        )
        est = estimate(form, exclude_root=root)
        _write(copy, form, est)
        audit.record(
            actor, "create", "application", copy.id, {"revision": (app.revision, copy.revision)}, copy.number
        )
    return _info(copy)


def from_visit(actor: Actor, visit_id: int) -> ApplicationForm:
    """A 补填 application for a walk-in that already happened, prefilled from the log entry."""
    require(actor, "applications.file")
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None:
        raise NotFound(translate("applications", "来访记录不存在。"))
    if not access.can_view_visit(actor, visit):
        raise PermissionDenied(translate("applications", "只能为自己接待的来访补填申请。"))
    if visit.time_in is None:
        raise ServiceError(translate("applications", "该访客尚未签到，不能补填。"))
    level = standards.levels()
    arrival = visit.time_in
    departure = visit.time_out or arrival + dt.timedelta(hours=2)
    return ApplicationForm(
        client_company=visit.company or visit.name,
        category_id=visit.category_id,
        level_id=next((lv.id for lv in level if lv.code == "C"), level[0].id if level else None),
        department_id=visit.department_id,
        arrival=arrival,
        departure=departure,
        purpose=visit.purpose.label if visit.purpose_id else "",
        responsible_id=visit.host_id,
        remarks=translate("applications", "补填：来访登记 #{id}").format(id=visit.id),
        visit_id=visit.id,
        guests=[GuestForm(visit.name)]
        + [
            GuestForm(translate("applications", "随行人员 {n}").format(n=i))
            for i in range(1, visit.people_count)
        ],
        needs_meals=False,
    )
