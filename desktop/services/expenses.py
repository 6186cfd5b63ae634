"""费用汇总: a reception's actual expenses against its approved budget and the standard it was
approved under, and the sign-off chain to reimbursement.

draft → submitted → audited (财务审核; may return with comments) → approved (总经理审批) → reimbursed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import peewee

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Application, ExpenseLine, ExpenseRecord, ExpenseSummary, ExpenseVoucher, User
from desktop.services import (
    access,
    notifications,
    outbox,
    routing,
    settings,
    standards,
    validation,
    versioning,
    workdays,
)
from desktop.services import applications as apps
from desktop.services import audit as audit_trail
from desktop.services.arrangements import approved_revision
from desktop.services.auth import DEPT_MANAGER, FINANCE, GENERAL_MANAGER, Actor, require, require_any
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


# 报销方式 (stored as these codes; rows recorded before issue 13 hold free text, shown as written)
BANK_TRANSFER, CASH, CARD, LOAN_OFFSET = "bank_transfer", "cash", "card", "loan_offset"
METHODS = (BANK_TRANSFER, CASH, CARD, LOAN_OFFSET)
# A payment is recorded when it was made or has been handed to the bank: a transfer dated a few
# days ahead happens (scheduled with the bank), a date weeks ahead is a typing error.
PAID_AHEAD_DAYS = 7
VOUCHER_MAX = 30
# A 凭证号 as accounting packages print it: 记-0123, 银付2026-11-045, HX-2026-1188. Letters,
# digits, CJK (记/收/付/转/银/现) and - _ / # . between them; at least one digit.
_VOUCHER = re.compile(
    r"^[0-9A-Za-z\u4e00-\u9fff](?:[0-9A-Za-z\u4e00-\u9fff\-_/#.]*[0-9A-Za-z\u4e00-\u9fff])?$"
)

# Whether 财务审核 waits for the department head (SummaryInfo.dept_signoff, while submitted).
SIGNOFF_WAITING, SIGNOFF_DONE, SIGNOFF_NOT_NEEDED = "waiting", "signed", ""


def method_label(method: str) -> str:
    """The printed name of a 报销方式 code; an older row's free text as it was written."""
    return {
        BANK_TRANSFER: translate("expenses", "银行转账"),
        CASH: translate("expenses", "现金"),
        CARD: translate("expenses", "公务卡"),
        LOAN_OFFSET: translate("expenses", "冲借款"),
    }.get(method, method)


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
    """One finding about a claimed line; ``needs_reason`` ones block submission without a reason.

    The sentence is made when it is read, not when the line was checked: the window shows it in
    its own language, a printed form (translated under ``i18n.source_language``) in Chinese."""

    code: str
    text: Callable[[], str] | str = field(compare=False, repr=False)
    needs_reason: bool = True

    @property
    def message(self) -> str:
        return self.text() if callable(self.text) else self.text


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
    reimbursed: tuple[dt.date | None, str, str]  # paid on, method code (see method_label), 凭证号
    version: int = 0  # the summary's; goes up with every line saved; hand back to submit
    # The due date reaches into a year whose public holidays nobody entered (counted Monday to
    # Friday): shown as 待确认 next to it.
    due_uncertain: bool = False
    reimbursed_note: str = ""
    # While submitted: does 财务审核 wait for the department head's signature (SIGNOFF_*), and
    # who may give it (user ids) — the buttons say why they are off without asking again.
    dept_signoff: str = SIGNOFF_NOT_NEEDED
    dept_signers: tuple[int, ...] = ()
    approved_on: dt.date | None = None  # the GM's approval: a payment cannot come before it
    # May this user enter lines, attach files and submit (role and relation, as the writes check):
    # finance reads a host's draft but files nothing; the buttons say so before a refusal.
    can_edit: bool = False

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def stage_label(self) -> str:
        """The status, saying who it waits for: submitted but unsigned is 待部门负责人签字."""
        if self.status == SUBMITTED and self.dept_signoff == SIGNOFF_WAITING:
            return translate("expenses", "待部门负责人签字")
        return status_label(self.status)

    @property
    def reimbursed_method_label(self) -> str:
        return method_label(self.reimbursed[1])

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
                        lambda: translate("expenses", "人均 {pp} 超过 {level} 级餐费标准 {cap}").format(
                            pp=f"¥{per_person:,.2f}", level=std.level_code, cap=f"¥{std.meal_cap:,.2f}"
                        ),
                    )
                )
        limit = std.accompany_limit(line.guests or 0)
        if (line.diners or 0) > limit:
            checks.append(
                Check(
                    "accompany",
                    lambda: translate("expenses", "陪餐 {n} 人超过上限 {limit} 人").format(
                        n=line.diners, limit=limit
                    ),
                )
            )
        if line.drinks not in (None, "") and total > 0 and to_money(line.drinks) > total * DRINKS_SHARE:
            checks.append(
                Check(
                    "drinks",
                    lambda: translate("expenses", "酒水 {d} 超过餐费的 40%").format(
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
                    lambda: translate("expenses", "每间夜 {p} 超过 {level} 级住宿标准 {cap}").format(
                        p=f"¥{to_money(total / room_nights):,.2f}",
                        level=std.level_code,
                        cap=f"¥{std.hotel_cap:,.2f}",
                    ),
                )
            )
    if line.category == "transport" and line.trips and to_money(total / line.trips) > std.transport_cap:
        if std.transport_cap:
            message = lambda: translate("expenses", "每趟 {p} 超过交通标准 {cap}").format(  # noqa: E731
                p=f"¥{to_money(total / line.trips):,.2f}", cap=f"¥{std.transport_cap:,.2f}"
            )
        else:
            # C and D levels arrange no car (交通标准 0): "exceeds ¥0.00" says it poorly
            message = lambda: translate("expenses", "{level} 级接待不含交通费用（标准为 0）").format(  # noqa: E731
                level=std.level_code
            )
        checks.append(Check("over_standard", message))
    start, end = app.arrival.date() - dt.timedelta(days=1), app.departure.date() + dt.timedelta(days=1)
    if not start <= line.date <= end:
        checks.append(
            Check(
                "outside_dates",
                lambda: translate("expenses", "日期 {d} 不在接待期间（{a}–{b}）").format(
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
    rows = list(
        ExpenseLine.select().where(ExpenseLine.summary == summary).order_by(ExpenseLine.date, ExpenseLine.id)
    )
    from desktop.services import invoices  # invoice title, duplicates, red invoices (issue 13)

    invoice_checks = invoices.line_checks([r.id for r in rows])
    for row in rows:
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
                tuple(check_line(row, std, app))
                + tuple(Check(c, m, needs_reason=False) for c, m in invoice_checks.get(row.id, ())),
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
    dept_state, dept_signers = _dept_signoff(summary, app) if summary.id else (SIGNOFF_NOT_NEEDED, ())
    approvals = [at for at, _who, action, _c in history if action == "approve"]
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
        reimbursed_note=summary.reimbursed_note,
        dept_signoff=dept_state,
        dept_signers=dept_signers,
        approved_on=approvals[-1].date() if approvals else None,
        can_edit=access.can_edit_expenses(actor, app),
    )


def _last_submit(summary: ExpenseSummary) -> ExpenseRecord | None:
    return (
        ExpenseRecord.select()
        .where(ExpenseRecord.summary == summary, ExpenseRecord.action == "submit")
        .order_by(ExpenseRecord.at.desc(), ExpenseRecord.id.desc())
        .first()
    )


def _dept_signoff(summary: ExpenseSummary, app: Application) -> tuple[str, tuple[int, ...]]:
    """Does finance wait for the department head's signature on this submission, and who may sign.

    Only while submitted and only when the configured chain has a 部门负责人 row. A department
    with no active head other than the person who submitted has nobody who could sign: then
    finance is not held up (the row stays empty on the form, to be signed by hand)."""
    if summary.status != SUBMITTED or "部门负责人" not in signoff_chain():
        return SIGNOFF_NOT_NEEDED, ()
    last_submit = _last_submit(summary)
    signed = ExpenseRecord.select().where(
        ExpenseRecord.summary == summary,
        ExpenseRecord.action == DEPT_SIGNOFF,
        ExpenseRecord.id > (last_submit.id if last_submit else 0),
    )
    if signed.exists():
        return SIGNOFF_DONE, ()
    submitter = last_submit.user_id if last_submit else None
    heads = tuple(u for u in routing.role_holders(DEPT_MANAGER, app.department_id) if u != submitter)
    return (SIGNOFF_WAITING, heads) if heads else (SIGNOFF_NOT_NEEDED, ())


def _no_view() -> str:
    return translate("expenses", "您无权查看这份费用汇总。")


def _no_edit() -> str:
    return translate("expenses", "只有接待的申请人、接待负责人、部门负责人或行政部可以填写这份费用汇总。")


def _reader() -> Actor:
    from desktop.services.auth import AUDITOR

    return Actor(user_id=0, username="expenses", display_name="", roles=frozenset({AUDITOR}))


# ------------------------------------------------------------------ writing


def _record(
    summary: ExpenseSummary,
    actor: Actor,
    action: str,
    comment: str = "",
    at: dt.datetime | None = None,
    changes: dict | None = None,
) -> None:
    ExpenseRecord.create(
        summary=summary,
        user=actor.user_id or None,
        action=action,
        comment=comment.strip(),
        at=at or clock.now(),
    )
    extra = {"comment": (None, comment.strip())} if comment.strip() else {}
    audit_trail.record(actor, action, "expense_summary", summary.reception_id, {**(changes or {}), **extra})


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
            new_id = ExpenseLine.create(
                summary=summary,
                entered_by=actor.user_id or None,
                updated_by_id=actor.user_id or None,
                updated_at=clock.now(),
                **data,
            ).id
            audit_trail.record(
                actor, "create", "expense_line", new_id, audit_trail.row_changes({}, data), str(root)
            )
            return new_id
        line = ExpenseLine.get_or_none(ExpenseLine.id == line_id, ExpenseLine.summary == summary)
        if line is None:
            raise NotFound(translate("expenses", "费用明细不存在。"))
        versioning.claim(line, form.version, actor)
        ExpenseLine.update(**data).where(ExpenseLine.id == line_id).execute()
        audit_trail.record(actor, "edit", "expense_line", line_id, audit_trail.diff(line, data), str(root))
        return line_id


def delete_line(actor: Actor, line_id: int) -> None:
    line = ExpenseLine.get_or_none(ExpenseLine.id == line_id)
    if line is None:
        return
    with database.atomic():
        _editable(actor, line.summary)
        versioning.claim(line.summary, None, actor)
        gone = audit_trail.row_changes(audit_trail.snapshot(line), {})
        line.delete_instance(recursive=True)
        audit_trail.record(actor, "delete", "expense_line", line_id, gone, str(line.summary.reception_id))


def attach_voucher(actor: Actor, line_id: int, source: Path) -> str:
    """Store an image or PDF in the database (so every PC opens it) and attach it to the line.

    Returns the voucher's file name; a file over :data:`vouchers.MAX_BYTES` is refused."""
    from desktop.services import vouchers

    line = ExpenseLine.get_or_none(ExpenseLine.id == line_id)
    if line is None:
        raise NotFound(translate("expenses", "费用明细不存在。"))
    _may_edit(actor, line.summary.reception_id)
    source = Path(source)
    vouchers.check_file(source)
    name_errors: dict[str, str] = {}
    file_name = validation.text(
        name_errors,
        "voucher",
        translate("expenses", "凭证文件名"),
        source.name,
        field=ExpenseVoucher.file_name,
    )
    validation.raise_if(name_errors)
    with database.atomic():
        voucher = vouchers.store(line, file_name, source)
        audit_trail.record(
            actor,
            "edit",
            "expense_line",
            line.id,
            {"voucher": (None, file_name)},
            note=f"sha256 {voucher.sha256}",
        )
    return voucher.stored_name


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
        old_status, summary.status = summary.status, SUBMITTED
        summary.submitted_at = now or clock.now()
        summary.save()
        _record(
            summary, actor, "submit", "", summary.submitted_at, changes={"status": (old_status, SUBMITTED)}
        )
        _notify_next(actor, app, summary)
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
    fields: dict | None = None,
) -> SummaryInfo:
    """Move the summary one step; ``fields`` are further columns written with it (the payment)."""
    require(actor, permission)
    root = _root(application_id)
    fields = fields or {}
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
                **fields,
            )
            .where(ExpenseSummary.id == summary.id, ExpenseSummary.status == expected)
            .execute()
        )
        if changed != 1:
            raise ServiceError(translate("expenses", "这份费用汇总刚刚已被他人处理，请刷新。"))
        changes = {"status": (expected, new)}
        changes.update({k: (getattr(summary, k), v) for k, v in fields.items()})
        _record(summary, actor, action, validation.clean_text(comment, multiline=True), now, changes)
        summary.status = new
        _notify_next(actor, app, summary)
    return get(actor, application_id)


def audit(
    actor: Actor, application_id: int, comment: str = "", now: dt.datetime | None = None
) -> SummaryInfo:
    """财务审核 — only after the department head signed this submission (when the chain has
    that row and the department has a head who may sign), as the regulations order it."""
    require(actor, "expenses.audit")
    root = _root(application_id)
    with database.atomic():
        summary = _summary(root)
        state, heads = _dept_signoff(summary, approved_revision(root))
        if state == SIGNOFF_WAITING:
            raise ServiceError(waiting_for_head_text(heads))
        return _advance(actor, application_id, "expenses.audit", SUBMITTED, AUDITED, "audit", comment, now)


def waiting_for_head_text(heads: tuple[int, ...] | list[int]) -> str:
    """Why 审核通过 is not possible yet, naming who is to sign."""
    names = [
        u.display_name or u.username for u in User.select().where(User.id.in_(list(heads))).order_by(User.id)
    ]
    return translate("expenses", "部门负责人（{names}）尚未签字：财务须在部门负责人签字后审核。").format(
        names="、".join(names)
    )


def _notify_next(actor: Actor, app: Application, summary: ExpenseSummary) -> None:
    """Tell whoever the summary now waits for — the department head, finance, the general
    manager, finance again to pay — in the bell and on the configured channels, inside the
    transaction that moved it (issue 13). Never the person acting, never the claim's own host."""
    steps = {
        SUBMITTED: (FINANCE, translate("expenses", "财务审核")),
        AUDITED: (GENERAL_MANAGER, translate("expenses", "总经理审批")),
        APPROVED: (FINANCE, translate("expenses", "财务付款")),
    }
    if summary.status not in steps:
        return
    role, step = steps[summary.status]
    users: list[int] | tuple[int, ...] = routing.role_holders(role)
    if summary.status == SUBMITTED:
        state, heads = _dept_signoff(summary, app)
        if state == SIGNOFF_WAITING:
            users, step = heads, translate("expenses", "部门负责人签字")
    users = [u for u in users if u not in (actor.user_id, app.applicant_id)]
    if not users:
        return
    total = sum((to_money(x.total) for x in ExpenseLine.select().where(ExpenseLine.summary == summary)), ZERO)
    notifications.notify_users(
        users,
        translate("expenses", "费用汇总待{step}：{number} {client}").format(
            step=step, number=app.number, client=app.client_company
        ),
        translate("expenses", "合计 ¥{total}；{who} 已处理。").format(
            total=f"{total:,.2f}", who=actor.display_name
        ),
        event=outbox.EXPENSE_WAITING,
        application_id=app.id,
    )


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
                translate(
                    "expenses", "费用汇总当前为“{status}”，部门负责人只能在提交后、财务审核前签字。"
                ).format(status=status_label(summary.status))
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
        _notify_next(actor, app, summary)  # signed: now it waits for finance
    return get(actor, application_id)


def approve(
    actor: Actor, application_id: int, comment: str = "", now: dt.datetime | None = None
) -> SummaryInfo:
    return _advance(actor, application_id, "expenses.approve", AUDITED, APPROVED, "approve", comment, now)


def clean_voucher(value: object) -> str:
    """A 凭证号 as typed, with full-width letters and digits made half-width (an input method
    in full-width mode types ＨＸ－２０２６) so the same number is one number."""
    text = validation.clean_text(value)
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def reimburse(
    actor: Actor,
    application_id: int,
    *,
    on: dt.date | None,
    method: str,
    reference: str,
    note: str = "",
) -> SummaryInfo:
    """财务付款: the summary is paid, as recorded in the books (issue 13).

    ``on`` is the day paid — not after today + PAID_AHEAD_DAYS, not before the general manager
    approved; ``method`` one of METHODS; ``reference`` the real 凭证号 from the accounting
    package, used once per accounting period — the month of the day paid, as 用友/金蝶 number
    vouchers (记-1 again every month) — checked here and by a unique index on period + number."""
    require(actor, "expenses.reimburse")
    root = _root(application_id)
    summary = _summary_or_none(root)
    errors: dict[str, str] = {}
    if method not in METHODS:
        errors["method"] = translate("expenses", "请选择报销方式。")
    reference = clean_voucher(reference)
    label = translate("expenses", "凭证号")
    validation.text(errors, "reference", label, reference, limit=VOUCHER_MAX, required=True)
    if "reference" not in errors and (
        not _VOUCHER.match(reference) or not any(c.isdigit() for c in reference)
    ):
        errors["reference"] = translate(
            "expenses", "凭证号只能由字母、数字、汉字和 - _ / # . 组成，且须含数字（例如 记-0123）。"
        )
    note = validation.text(errors, "note", translate("expenses", "备注"), note, limit=500, multiline=True)
    if on is None:
        errors["on"] = translate("expenses", "请填写付款日期。")
    validation.day(errors, "on", translate("expenses", "付款日期"), on)
    if on is not None and "on" not in errors:
        latest = clock.today() + dt.timedelta(days=PAID_AHEAD_DAYS)
        approved = _approved_on(summary)
        if on > latest:
            errors["on"] = translate("expenses", "付款日期不能晚于 {d}（今天起 {n} 天内）。").format(
                d=latest, n=PAID_AHEAD_DAYS
            )
        elif approved is not None and on < approved:
            errors["on"] = translate("expenses", "付款日期不能早于总经理审批的日期 {d}。").format(d=approved)
    if "reference" not in errors and on is not None and "on" not in errors:
        taken = _voucher_taken(reference, on, summary.id if summary else None)
        if taken:
            errors["reference"] = taken
    validation.raise_if(errors)
    fields = {
        "reimbursed_on": on,
        "reimbursed_method": method,
        "reimbursed_reference": reference,
        "reimbursed_note": note,
        "reimbursed_period": _period(on),
    }
    try:
        return _advance(
            actor,
            application_id,
            "expenses.reimburse",
            APPROVED,
            REIMBURSED,
            "reimburse",
            note,
            fields=fields,
        )
    except peewee.IntegrityError:  # another PC recorded the same number a moment ago
        raise ValidationError(
            {"reference": _voucher_taken(reference, on, summary.id if summary else None) or label}
        ) from None


def _summary_or_none(root: int) -> ExpenseSummary | None:
    return ExpenseSummary.get_or_none(ExpenseSummary.reception == root)


def _approved_on(summary: ExpenseSummary | None) -> dt.date | None:
    if summary is None:
        return None
    row = (
        ExpenseRecord.select(ExpenseRecord.at)
        .where(ExpenseRecord.summary == summary, ExpenseRecord.action == "approve")
        .order_by(ExpenseRecord.at.desc(), ExpenseRecord.id.desc())
        .first()
    )
    return row.at.date() if row else None


def _period(day: dt.date) -> int:
    return day.year * 100 + day.month


def _voucher_taken(reference: str, on: dt.date, own_id: int | None) -> str:
    """The sentence naming the reimbursement that already used this 凭证号 in the accounting
    period (month) of ``on``, or "". Rows recorded before periods were kept count by their date."""
    first = on.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    query = ExpenseSummary.select().where(
        ExpenseSummary.reimbursed_reference == reference,
        (ExpenseSummary.reimbursed_period == _period(on))
        | (ExpenseSummary.reimbursed_period.is_null() & ExpenseSummary.reimbursed_on.between(first, last)),
    )
    if own_id:
        query = query.where(ExpenseSummary.id != own_id)
    other = query.first()
    if other is None:
        return ""
    app = approved_revision(other.reception_id)
    return translate("expenses", "凭证号 {ref} 在 {period} 已用于 {number}（{client}，{on} 付款）。").format(
        ref=reference,
        period=f"{on:%Y-%m}",
        number=app.number,
        client=app.client_company,
        on=other.reimbursed_on,
    )


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


def waiting_for(actor: Actor) -> list[int]:
    """Receptions (root application ids) whose expense summary waits for this user's step:
    部门负责人签字 for the heads who may sign, 财务审核 once signed (or when no signature is
    needed), 总经理审批, and 财务付款 — never one the user filed (they may not decide it).
    The navigation shows the count; the GM and finance see what is theirs at a glance."""
    steps = ("expenses.dept_signoff", "expenses.audit", "expenses.approve", "expenses.reimburse")
    if not any(actor.can(p) for p in steps):
        return []
    rows = (
        ExpenseSummary.select(ExpenseSummary, Application)
        .join(Application, on=(ExpenseSummary.reception == Application.id))
        .where(ExpenseSummary.status.in_((SUBMITTED, AUDITED, APPROVED)))
        .order_by(ExpenseSummary.id)
    )
    mine = []
    for summary in rows:
        if actor.user_id and summary.reception.applicant_id == actor.user_id:
            continue
        if summary.status == SUBMITTED:
            if not (actor.can("expenses.dept_signoff") or actor.can("expenses.audit")):
                continue
            state, heads = _dept_signoff(summary, approved_revision(summary.reception_id))
            waits = (
                actor.user_id in heads and actor.can("expenses.dept_signoff")
                if state == SIGNOFF_WAITING
                else actor.can("expenses.audit")
            )
        elif summary.status == AUDITED:
            waits = actor.can("expenses.approve")
        else:
            waits = actor.can("expenses.reimburse")
        if waits:
            mine.append(summary.reception_id)
    return mine


def voucher_files(actor: Actor, line_id: int) -> list:
    """A line's vouchers (:class:`vouchers.VoucherInfo`, without their bytes)."""
    from desktop.services import vouchers

    require_any(actor, "expenses.view", "expenses.file", "expenses.audit", "expenses.approve")
    line = ExpenseLine.get_or_none(ExpenseLine.id == line_id)
    if line is None:
        return []
    if not access.can_view_expenses(actor, approved_revision(line.summary.reception_id)):
        raise PermissionDenied(_no_view())
    return vouchers.for_line(line_id)


def open_voucher(actor: Actor, voucher_id: int) -> Path:
    """A copy of the voucher in this PC's temporary folder, for the system's viewer; any PC may
    open it. A voucher still on the PC that attached it before 0018 says so."""
    from desktop.services import vouchers

    voucher = ExpenseVoucher.get_or_none(ExpenseVoucher.id == voucher_id)
    if voucher is None:
        raise NotFound(translate("vouchers", "凭证不存在。"))
    voucher_files(actor, voucher.line_id)  # the same right as seeing the line's vouchers
    return vouchers.copy_to_temp(voucher_id)
