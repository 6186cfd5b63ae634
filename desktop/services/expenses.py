"""费用汇总: a reception's actual expenses against its approved budget and the standard it was
approved under, and the sign-off chain to reimbursement.

draft → submitted → audited (财务审核; may return with comments) → approved (总经理审批) → reimbursed.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import peewee

from desktop import clock, paths
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Application, ExpenseLine, ExpenseRecord, ExpenseSummary, ExpenseVoucher, User
from desktop.services import access, settings, standards, validation, versioning, workdays
from desktop.services import applications as apps
from desktop.services.arrangements import approved_revision
from desktop.services.auth import Actor, require, require_any
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from desktop.services.money import chinese_capital, to_money

DRAFT, SUBMITTED, AUDITED, APPROVED, REIMBURSED, RETURNED = (
    "draft",
    "submitted",
    "audited",
    "approved",
    "reimbursed",
    "returned",
)
EDITABLE = (DRAFT, RETURNED)
ZERO = Decimal("0.00")
DRINKS_SHARE = Decimal("0.40")  # drinks above ~40% of a meal bill are flagged (domain.md)


def status_label(status: str) -> str:
    return {
        DRAFT: translate("expenses", "草稿"),
        SUBMITTED: translate("expenses", "待财务审核"),
        AUDITED: translate("expenses", "待总经理审批"),
        APPROVED: translate("expenses", "待报销"),
        REIMBURSED: translate("expenses", "已报销"),
        RETURNED: translate("expenses", "已退回"),
    }.get(status, status)


@dataclass
class LineForm:
    category: str
    date: dt.date
    total: Decimal | str
    vendor: str = ""
    invoice_code: str = ""
    invoice_no: str = ""
    amount: Decimal | str | None = None
    tax: Decimal | str | None = None
    guests: int = 0
    diners: int = 0
    rooms: int = 0
    nights: int = 0
    trips: int = 0
    drinks: Decimal | str | None = None
    payment_method: str = ""
    reason: str = ""
    # LineInfo.version of the line edited (None: a new line); a save from an older copy is
    # refused with StaleRecord instead of reverting someone's edit (services.versioning).
    version: int | None = None


@dataclass(frozen=True)
class Check:
    """One finding about a claimed line; ``needs_reason`` ones block submission without a reason."""

    code: str
    message: str
    needs_reason: bool = True


@dataclass(frozen=True)
class LineInfo:
    id: int
    category: str
    date: dt.date
    vendor: str
    invoice_code: str
    invoice_no: str
    amount: Decimal
    tax: Decimal
    total: Decimal
    guests: int
    diners: int
    rooms: int
    nights: int
    trips: int
    drinks: Decimal | None
    payment_method: str
    reason: str
    vouchers: tuple[str, ...]
    checks: tuple[Check, ...] = field(default=())
    version: int = 0  # hand back in LineForm.version

    @property
    def label(self) -> str:
        return standards.category_label(self.category)


@dataclass(frozen=True)
class CategoryRow:
    category: str
    label: str
    budget: Decimal
    actual: Decimal

    @property
    def variance(self) -> Decimal:
        return self.actual - self.budget


@dataclass(frozen=True)
class SummaryInfo:
    id: int
    root_id: int
    application: apps.ApplicationInfo
    status: str
    due: dt.date
    submitted_at: dt.datetime | None
    late: bool
    lines: list[LineInfo]
    categories: list[CategoryRow]
    total: Decimal
    budget_total: Decimal
    history: list[tuple[dt.datetime, str, str, str]]  # at, who, action, comment
    reimbursed: tuple[dt.date | None, str, str]
    version: int = 0  # the summary's; goes up with every line saved; hand back to submit
    # The due date reaches into a year whose public holidays nobody entered (counted Monday to
    # Friday): shown as 待确认 next to it.
    due_uncertain: bool = False

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def total_capital(self) -> str:
        return chinese_capital(self.total)


# ------------------------------------------------------------------ rules


def due_date(departure: dt.datetime) -> dt.date:
    return workdays.add_working_days(departure.date(), int(settings.get("expense_due_days")))


def check_line(line: ExpenseLine | LineForm, std: standards.StandardInfo, app: Application) -> list[Check]:
    """Compare one claimed line with the standard the reception was approved under."""
    total = to_money(line.total)
    checks: list[Check] = []
    if line.category == "meals" and std.meal_cap:
        people = (line.guests or 0) + (line.diners or 0)
        if people:
            per_person = to_money(total / people)
            if per_person > std.meal_cap:
                checks.append(
                    Check(
                        "over_standard",
                        translate("expenses", "人均 {pp} 超过 {level} 级餐费标准 {cap}").format(
                            pp=f"¥{per_person:,.2f}", level=std.level_code, cap=f"¥{std.meal_cap:,.2f}"
                        ),
                    )
                )
        limit = std.accompany_limit(line.guests or 0)
        if (line.diners or 0) > limit:
            checks.append(
                Check(
                    "accompany",
                    translate("expenses", "陪餐 {n} 人超过上限 {limit} 人").format(
                        n=line.diners, limit=limit
                    ),
                )
            )
        if line.drinks not in (None, "") and total > 0 and to_money(line.drinks) > total * DRINKS_SHARE:
            checks.append(
                Check(
                    "drinks",
                    translate("expenses", "酒水 {d} 超过餐费的 40%").format(
                        d=f"¥{to_money(line.drinks):,.2f}"
                    ),
                )
            )
    if line.category == "lodging":
        room_nights = (line.rooms or 0) * (line.nights or 0)
        if room_nights and to_money(total / room_nights) > std.hotel_cap:
            checks.append(
                Check(
                    "over_standard",
                    translate("expenses", "每间夜 {p} 超过 {level} 级住宿标准 {cap}").format(
                        p=f"¥{to_money(total / room_nights):,.2f}",
                        level=std.level_code,
                        cap=f"¥{std.hotel_cap:,.2f}",
                    ),
                )
            )
    if line.category == "transport" and line.trips and to_money(total / line.trips) > std.transport_cap:
        checks.append(
            Check(
                "over_standard",
                translate("expenses", "每趟 {p} 超过交通标准 {cap}").format(
                    p=f"¥{to_money(total / line.trips):,.2f}", cap=f"¥{std.transport_cap:,.2f}"
                ),
            )
        )
    start, end = app.arrival.date() - dt.timedelta(days=1), app.departure.date() + dt.timedelta(days=1)
    if not start <= line.date <= end:
        checks.append(
            Check(
                "outside_dates",
                translate("expenses", "日期 {d} 不在接待期间（{a}–{b}）").format(
                    d=line.date, a=app.arrival.date(), b=app.departure.date()
                ),
            )
        )
    return checks


# ------------------------------------------------------------------ reading


def _summary(root: int) -> ExpenseSummary:
    summary = ExpenseSummary.get_or_none(ExpenseSummary.reception == root)
    if summary is None:
        app = approved_revision(root)
        summary = ExpenseSummary.create(reception=root, due=due_date(app.departure))
    return summary


def _root(application_id: int) -> int:
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise NotFound(translate("expenses", "接待不存在。"))
    return app.root_id or app.id


def get(actor: Actor, application_id: int) -> SummaryInfo:
    require_any(actor, "expenses.view", "expenses.file", "expenses.audit", "expenses.approve")
    root = _root(application_id)
    app = approved_revision(root)
    if not access.can_view_expenses(actor, app):
        raise PermissionDenied(_no_view())
    # Reading never writes (an export must leave the database as it was): a reception without
    # a summary yet reads as an empty draft; the first line saved creates the row.
    summary = ExpenseSummary.get_or_none(ExpenseSummary.reception == root) or ExpenseSummary(
        id=0, reception=root, status=DRAFT, due=due_date(app.departure)
    )
    std = standards.standard(app.standard_id)
    lines = []
    for row in (
        ExpenseLine.select().where(ExpenseLine.summary == summary).order_by(ExpenseLine.date, ExpenseLine.id)
    ):
        vouchers = tuple(v.file_name for v in ExpenseVoucher.select().where(ExpenseVoucher.line == row))
        lines.append(
            LineInfo(
                row.id,
                row.category,
                row.date,
                row.vendor,
                row.invoice_code,
                row.invoice_no,
                to_money(row.amount),
                to_money(row.tax),
                to_money(row.total),
                row.guests,
                row.diners,
                row.rooms,
                row.nights,
                row.trips,
                to_money(row.drinks) if row.drinks is not None else None,
                row.payment_method,
                row.reason,
                vouchers,
                tuple(check_line(row, std, app)),
                version=row.version,
            )
        )
    budget = {b.category: to_money(b.amount) for b in app.budget_lines}
    categories = [
        CategoryRow(
            c,
            standards.category_label(c),
            budget.get(c, ZERO),
            sum((x.total for x in lines if x.category == c), ZERO),
        )
        for c in standards.CATEGORIES
    ]
    total = sum((x.total for x in lines), ZERO)
    records = (
        ExpenseRecord.select(ExpenseRecord, User)
        .join(User, peewee.JOIN.LEFT_OUTER, on=(ExpenseRecord.user == User.id))
        .where(ExpenseRecord.summary == summary)
        .order_by(ExpenseRecord.at, ExpenseRecord.id)
    )
    history = [(r.at, r.user.display_name if r.user_id else "", r.action, r.comment) for r in records]
    today = clock.today()
    late = (summary.submitted_at.date() if summary.submitted_at else today) > summary.due
    reader = actor if actor.can("applications.view_all") else _reader()
    return SummaryInfo(
        summary.id,
        root,
        apps.get(reader, app.id).info,
        summary.status,
        summary.due,
        summary.submitted_at,
        late,
        lines,
        categories,
        total,
        to_money(app.total),
        history,
        (summary.reimbursed_on, summary.reimbursed_method, summary.reimbursed_reference),
        version=summary.version,
        due_uncertain=workdays.uncertain(app.departure.date(), summary.due),
    )


def _no_view() -> str:
    return translate("expenses", "您无权查看这份费用汇总。")


def _no_edit() -> str:
    return translate("expenses", "只有接待的申请人、接待负责人、部门负责人或行政部可以填写这份费用汇总。")


def _reader() -> Actor:
    from desktop.services.auth import AUDITOR

    return Actor(user_id=0, username="expenses", display_name="", roles=frozenset({AUDITOR}))


# ------------------------------------------------------------------ writing


def _record(
    summary: ExpenseSummary, actor: Actor, action: str, comment: str = "", at: dt.datetime | None = None
) -> None:
    ExpenseRecord.create(
        summary=summary,
        user=actor.user_id or None,
        action=action,
        comment=comment.strip(),
        at=at or clock.now(),
    )


def _may_edit(actor: Actor, root: int) -> Application:
    """Role and relation, checked before anything (even the summary row) is written."""
    require(actor, "expenses.file")
    app = approved_revision(root)
    if not access.can_edit_expenses(actor, app):
        raise PermissionDenied(_no_edit())
    return app


def _editable(actor: Actor, summary: ExpenseSummary) -> Application:
    app = _may_edit(actor, summary.reception_id)
    if summary.status not in EDITABLE:
        raise ServiceError(
            translate("expenses", "费用汇总{status}，不能修改。").format(status=status_label(summary.status))
        )
    return app


# Quantities the standard is per: a claimed amount without them would skip the cap check
# (a ¥5,000 hotel line with 0 nights, a ¥3,000 meal with 0 guests).
_PER = {"meals": ("guests",), "lodging": ("rooms", "nights"), "transport": ("trips",)}


def _clean_line(form: LineForm) -> dict:
    """The line's columns, or a ValidationError naming each bad field."""
    v = validation
    errors: dict[str, str] = {}
    if form.category not in standards.CATEGORIES:
        errors["category"] = translate("expenses", "请选择费用类别。")
    if form.date is None:
        errors["date"] = translate("expenses", "请填写费用日期。")
    else:
        v.day(errors, "date", translate("expenses", "费用日期"), form.date)
    data: dict = {"category": form.category, "date": form.date}
    for key, label in (
        ("vendor", translate("expenses", "商户")),
        ("invoice_code", translate("expenses", "发票代码")),
        ("invoice_no", translate("expenses", "发票号码")),
        ("payment_method", translate("expenses", "支付方式")),
        ("reason", translate("expenses", "说明")),
    ):
        data[key] = v.text(errors, key, label, getattr(form, key), field=getattr(ExpenseLine, key))
    total = v.money(errors, "total", translate("expenses", "价税合计"), form.total)
    if total is None and "total" not in errors:
        errors["total"] = translate("expenses", "请填写价税合计。")
    amount = v.money(errors, "amount", translate("expenses", "金额"), form.amount)
    tax = v.money(errors, "tax", translate("expenses", "税额"), form.tax)
    drinks = v.money(errors, "drinks", translate("expenses", "酒水"), form.drinks)
    counts = {
        "guests": translate("expenses", "来宾人数"),
        "diners": translate("expenses", "陪餐人数"),
        "rooms": translate("expenses", "房间数"),
        "nights": translate("expenses", "晚数"),
        "trips": translate("expenses", "趟数"),
    }
    for key, label in counts.items():
        data[key] = v.count(errors, key, label, getattr(form, key))
    if total is not None and total > 0:
        for key in _PER.get(form.category, ()):
            if key not in errors and data[key] < 1:
                errors[key] = translate("expenses", "{cat}报销金额时，{field}至少为 1。").format(
                    cat=standards.category_label(form.category), field=counts[key]
                )
    if total is not None:
        tax = tax if tax is not None else ZERO
        if amount is None:
            amount = total - tax
            if amount < 0 and "tax" not in errors:
                errors["tax"] = translate("expenses", "税额不能大于价税合计。")
        if drinks is not None and drinks > total and "drinks" not in errors:
            errors["drinks"] = translate("expenses", "酒水不能大于价税合计。")
    validation.raise_if(errors)
    data.update(amount=amount, tax=tax, total=total, drinks=drinks)
    return data


def save_line(actor: Actor, application_id: int, form: LineForm, line_id: int | None = None) -> int:
    root = _root(application_id)
    _may_edit(actor, root)
    data = _clean_line(form)
    with database.atomic():
        summary = _summary(root)
        _editable(actor, summary)
        versioning.claim(summary, None, actor)  # a submit from a view without this line is stale
        if line_id is None:
            return ExpenseLine.create(
                summary=summary,
                entered_by=actor.user_id or None,
                updated_by_id=actor.user_id or None,
                updated_at=clock.now(),
                **data,
            ).id
        line = ExpenseLine.get_or_none(ExpenseLine.id == line_id, ExpenseLine.summary == summary)
        if line is None:
            raise NotFound(translate("expenses", "费用明细不存在。"))
        versioning.claim(line, form.version, actor)
        ExpenseLine.update(**data).where(ExpenseLine.id == line_id).execute()
        return line_id


def delete_line(actor: Actor, line_id: int) -> None:
    line = ExpenseLine.get_or_none(ExpenseLine.id == line_id)
    if line is None:
        return
    with database.atomic():
        _editable(actor, line.summary)
        versioning.claim(line.summary, None, actor)
        line.delete_instance(recursive=True)


def attach_voucher(actor: Actor, line_id: int, source: Path) -> str:
    """Copy an image or PDF into the data folder and attach it to the line."""
    line = ExpenseLine.get_or_none(ExpenseLine.id == line_id)
    if line is None:
        raise NotFound(translate("expenses", "费用明细不存在。"))
    _may_edit(actor, line.summary.reception_id)
    source = Path(source)
    if source.suffix.lower() not in (
        ".pdf",
        ".png",
        ".jpg",
        ".jpeg",
        ".ofd",
        ".gif",
        ".bmp",
        ".tif",
        ".tiff",
    ):
        raise ValidationError({"voucher": translate("expenses", "凭证请使用图片或 PDF 文件。")})
    name_errors: dict[str, str] = {}
    file_name = validation.text(
        name_errors,
        "voucher",
        translate("expenses", "凭证文件名"),
        source.name,
        field=ExpenseVoucher.file_name,
    )
    validation.raise_if(name_errors)
    folder = paths.data_dir() / "vouchers"
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{uuid.uuid4().hex}{source.suffix.lower()}"
    shutil.copyfile(source, folder / stored)
    ExpenseVoucher.create(line=line, file_name=file_name, stored_name=stored)
    return stored


def voucher_path(stored_name: str) -> Path:
    return paths.data_dir() / "vouchers" / stored_name


def submit(
    actor: Actor, application_id: int, now: dt.datetime | None = None, version: int | None = None
) -> SummaryInfo:
    """Send to finance: every over-standard or out-of-period line needs a written reason.

    ``version`` is :attr:`SummaryInfo.version` as shown; lines changed since are not sent
    unseen (StaleRecord)."""
    root = _root(application_id)
    _may_edit(actor, root)
    with database.atomic():
        summary = _summary(root)
        app = _editable(actor, summary)
        versioning.claim(summary, version, actor)
        std = standards.standard(app.standard_id)
        lines = list(ExpenseLine.select().where(ExpenseLine.summary == summary))
        if not lines:
            raise ValidationError({"lines": translate("expenses", "请先填写费用明细。")})
        errors = {}
        for line in lines:
            if any(c.needs_reason for c in check_line(line, std, app)) and not line.reason.strip():
                errors[f"line{line.id}"] = translate(
                    "expenses", "{date} {cat} {total}：超标或超出接待期间，须写明原因。"
                ).format(
                    date=line.date, cat=standards.category_label(line.category), total=f"¥{line.total:,.2f}"
                )
        budget = {b.category: to_money(b.amount) for b in app.budget_lines}
        for category in standards.CATEGORIES:
            actual = sum((to_money(x.total) for x in lines if x.category == category), ZERO)
            if actual > budget.get(category, ZERO) and not any(
                x.reason.strip() for x in lines if x.category == category
            ):
                errors[f"budget_{category}"] = translate(
                    "expenses", "{cat} 实际 {a} 超出预算 {b}，须写明原因。"
                ).format(
                    cat=standards.category_label(category),
                    a=f"¥{actual:,.2f}",
                    b=f"¥{budget.get(category, ZERO):,.2f}",
                )
        if errors:
            raise ValidationError(errors)
        summary.status = SUBMITTED
        summary.submitted_at = now or clock.now()
        summary.save()
        _record(summary, actor, "submit", "", summary.submitted_at)
    return get(actor, application_id)


def _advance(
    actor: Actor,
    application_id: int,
    permission: str,
    expected: str,
    new: str,
    action: str,
    comment: str = "",
    now: dt.datetime | None = None,
) -> SummaryInfo:
    require(actor, permission)
    root = _root(application_id)
    with database.atomic():
        summary = _summary(root)
        if summary.status != expected:
            raise ServiceError(
                translate("expenses", "费用汇总当前为“{status}”，不能执行此操作。").format(
                    status=status_label(summary.status)
                )
            )
        app = approved_revision(root)
        if app.applicant_id == actor.user_id and actor.user_id:
            raise PermissionDenied(translate("expenses", "不能审核或审批自己报销的费用。"))
        changed = (
            ExpenseSummary.update(
                status=new,
                version=ExpenseSummary.version + 1,
                updated_by_id=actor.user_id or None,
                updated_at=clock.now(),
            )
            .where(ExpenseSummary.id == summary.id, ExpenseSummary.status == expected)
            .execute()
        )
        if changed != 1:
            raise ServiceError(translate("expenses", "这份费用汇总刚刚已被他人处理，请刷新。"))
        _record(summary, actor, action, validation.clean_text(comment, multiline=True), now)
    return get(actor, application_id)


def audit(
    actor: Actor, application_id: int, comment: str = "", now: dt.datetime | None = None
) -> SummaryInfo:
    return _advance(actor, application_id, "expenses.audit", SUBMITTED, AUDITED, "audit", comment, now)


def return_to_host(actor: Actor, application_id: int, comment: str) -> SummaryInfo:
    comment = validation.clean_text(comment, multiline=True)
    if not comment:
        raise ValidationError({"comment": translate("expenses", "退回时必须填写意见。")})
    return _advance(actor, application_id, "expenses.audit", SUBMITTED, RETURNED, "return", comment)


DEPT_SIGNOFF = "dept_signoff"
# The sign-off rows of the 接待费用报销汇总表 and the history action that fills each. The order
# and the rows printed come from the ``expense_signoff_chain`` setting; a label not listed here
# (e.g. 分管领导) prints as an empty row to sign by hand.
SIGNOFF_ACTIONS = {
    "经办人": "submit",
    "部门负责人": DEPT_SIGNOFF,
    "财务审核": "audit",
    "总经理审批": "approve",
    "财务付款": "reimburse",
}


def signoff_chain() -> list[str]:
    return settings.split_list(settings.get("expense_signoff_chain")) or list(SIGNOFF_ACTIONS)


def sign_as_department_head(
    actor: Actor, application_id: int, comment: str = "", now: dt.datetime | None = None
) -> SummaryInfo:
    """部门负责人 signs the submitted summary (the regulation's second signature, before finance).

    Only the head of the reception's own department, only while it waits for finance, once per
    submission, and never for a summary the head filed personally."""
    require(actor, "expenses.dept_signoff")
    root = _root(application_id)
    app = approved_revision(root)
    if not access.is_department_head(actor, app.department_id):
        raise PermissionDenied(translate("expenses", "只有接待部门的负责人可以签字。"))
    with database.atomic():
        summary = _summary(root)
        if summary.status != SUBMITTED:
            raise ServiceError(
                translate("expenses", "费用汇总当前为“{status}”，部门负责人只能在提交后、财务审核前签字。").format(
                    status=status_label(summary.status)
                )
            )
        last_submit = (
            ExpenseRecord.select()
            .where(ExpenseRecord.summary == summary, ExpenseRecord.action == "submit")
            .order_by(ExpenseRecord.at.desc(), ExpenseRecord.id.desc())
            .first()
        )
        if last_submit is not None and last_submit.user_id == actor.user_id:
            raise PermissionDenied(translate("expenses", "不能为自己提交的费用汇总签字。"))
        signed = ExpenseRecord.select().where(
            ExpenseRecord.summary == summary,
            ExpenseRecord.action == DEPT_SIGNOFF,
            ExpenseRecord.id > (last_submit.id if last_submit else 0),
        )
        if signed.exists():
            raise ServiceError(translate("expenses", "部门负责人已经签字。"))
        _record(summary, actor, DEPT_SIGNOFF, validation.clean_text(comment, multiline=True), now)
    return get(actor, application_id)


def approve(
    actor: Actor, application_id: int, comment: str = "", now: dt.datetime | None = None
) -> SummaryInfo:
    return _advance(actor, application_id, "expenses.approve", AUDITED, APPROVED, "approve", comment, now)


def reimburse(actor: Actor, application_id: int, *, on: dt.date, method: str, reference: str) -> SummaryInfo:
    errors: dict[str, str] = {}
    method = validation.text(
        errors,
        "method",
        translate("expenses", "报销方式"),
        method,
        field=ExpenseSummary.reimbursed_method,
        required=True,
    )
    reference = validation.text(
        errors,
        "reference",
        translate("expenses", "凭证号"),
        reference,
        field=ExpenseSummary.reimbursed_reference,
    )
    if on is None:
        errors["on"] = translate("expenses", "请填写报销日期。")
    validation.day(errors, "on", translate("expenses", "报销日期"), on)
    validation.raise_if(errors)
    with database.atomic():
        info = _advance(
            actor,
            application_id,
            "expenses.reimburse",
            APPROVED,
            REIMBURSED,
            "reimburse",
            f"{on} {method} {reference}".strip(),
        )
        ExpenseSummary.update(
            reimbursed_on=on, reimbursed_method=method, reimbursed_reference=reference
        ).where(ExpenseSummary.id == info.id).execute()
    return get(actor, application_id)


@dataclass(frozen=True)
class SummaryRow:
    application_id: int
    number: str
    client: str
    department: str
    departure: dt.datetime
    status: str
    due: dt.date
    total: Decimal
    late: bool
    due_uncertain: bool = False  # see SummaryInfo.due_uncertain

    @property
    def status_label(self) -> str:
        return status_label(self.status)


def list_summaries(actor: Actor, statuses: tuple[str, ...] = ()) -> list[SummaryRow]:
    """Receptions that have ended (or have expenses), with the state of their expense summary."""
    require_any(actor, "expenses.view", "expenses.file", "expenses.audit", "expenses.approve")
    from desktop.services.arrangements import approved_receptions

    today = clock.today()
    summaries = {s.reception_id: s for s in ExpenseSummary.select()}
    rows = []
    for app in approved_receptions(today - dt.timedelta(days=365), today + dt.timedelta(days=30)):
        root = app.root_id or app.id
        summary = summaries.get(root)
        if summary is None and app.departure.date() > today:
            continue
        if not actor.can("expenses.view") and not access.owns_reception(actor, app):
            continue
        status = summary.status if summary else DRAFT
        if statuses and status not in statuses:
            continue
        due = summary.due if summary and summary.due else due_date(app.departure)
        total = (
            sum(
                (
                    to_money(x.total)
                    for x in ExpenseLine.select(ExpenseLine.total).where(ExpenseLine.summary == summary)
                ),
                ZERO,
            )
            if summary
            else ZERO
        )
        submitted = summary.submitted_at.date() if summary and summary.submitted_at else today
        rows.append(
            SummaryRow(
                app.id,
                app.number,
                app.client_company,
                app.department.name,
                app.departure,
                status,
                due,
                total,
                submitted > due,
                workdays.uncertain(app.departure.date(), due),
            )
        )
    return sorted(rows, key=lambda r: r.departure, reverse=True)


def voucher_files(actor: Actor, line_id: int) -> list[str]:
    """Stored names of a line's vouchers (open them with :func:`voucher_path`)."""
    require_any(actor, "expenses.view", "expenses.file", "expenses.audit", "expenses.approve")
    line = ExpenseLine.get_or_none(ExpenseLine.id == line_id)
    if line is None:
        return []
    if not access.can_view_expenses(actor, approved_revision(line.summary.reception_id)):
        raise PermissionDenied(_no_view())
    return [v.stored_name for v in ExpenseVoucher.select().where(ExpenseVoucher.line == line_id)]
