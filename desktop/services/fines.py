"""赞助单: fines for breaking the reception rules (regulation 001 §4.4 赞助管理办法).

Each breach costs the amount of the article breached (10 yuan for §4.1 and §4.2, 20 yuan for §4.3
by default — the articles and amounts are a setting), times a severity multiplier of 2–5 for a
serious case. The person's direct leader bears joint liability (连带责任, 20 % by default): that
share is an entry of its own, linked to the breach, so it shows under the leader's name in the
totals and is voided together with the breach. The auditor or the admin office records breaches;
nobody records or voids one against themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Application, Department, Employee, Fine, User, UserRole
from desktop.services import audit, settings, validation
from desktop.services.auth import DEPT_MANAGER, Actor, require, require_any
from desktop.services.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.money import to_money

MULTIPLIERS = (1, 2, 3, 4, 5)  # 1: an ordinary breach; 2–5: a serious one (§4.4.4)
_ARTICLE = re.compile(
    r"^\s*(?P<code>[0-9][0-9.]*)\s*(?P<title>[^=＝]*?)\s*[=＝]\s*(?P<amount>[0-9]+(?:\.[0-9]{1,2})?)\s*元?\s*$"
)


@dataclass(frozen=True)
class Article:
    code: str
    title: str
    amount: Decimal

    @property
    def label(self) -> str:
        return f"{self.code} {self.title}".strip()


def parse_articles(text: str) -> list[Article]:
    """ "4.1 来宾到达前的准备=10；4.2 …=10" → articles; a ValueError names the part it cannot read."""
    articles: list[Article] = []
    for part in re.split(r"[；;\n]", text or ""):
        if not part.strip():
            continue
        match = _ARTICLE.match(part)
        if match is None or Decimal(match["amount"]) <= 0:
            raise ValueError(
                translate("fines", "无法识别的赞助条款“{part}”，应写作“4.1 条款名称=10”。").format(
                    part=part.strip()
                )
            )
        code = match["code"].rstrip(".")
        if any(a.code == code for a in articles):
            raise ValueError(translate("fines", "赞助条款 {code} 重复。").format(code=code))
        articles.append(Article(code, match["title"], to_money(match["amount"])))
    if not articles:
        raise ValueError(translate("fines", "至少要有一条赞助条款。"))
    return articles


def articles() -> list[Article]:
    return parse_articles(settings.get("fine_articles"))


def leader_share_percent() -> int:
    return int(settings.get("fine_leader_share") or 0)


@dataclass
class FineForm:
    person_id: int | None = None
    article: str = ""
    occurred_on: dt.date | None = None
    multiplier: int = 1
    reception_id: int | None = None
    description: str = ""
    leader_id: int | None = None  # None: the head of the person's department, if any


@dataclass(frozen=True)
class FineInfo:
    id: int
    person_id: int
    person: str
    department: str
    article: str
    article_title: str
    base_amount: Decimal
    multiplier: int
    share_percent: int
    amount: Decimal
    primary_id: int | None
    reception_id: int | None
    reception: str  # "JD-2026-0003 华东精密机械有限公司"
    occurred_on: dt.date
    description: str
    recorded_by: str
    recorded_at: dt.datetime
    voided: bool
    void_reason: str

    @property
    def is_share(self) -> bool:
        return self.primary_id is not None

    @property
    def kind_label(self) -> str:
        if self.is_share:
            return translate("fines", "连带责任 {p}%").format(p=self.share_percent)
        if self.multiplier > 1:
            return translate("fines", "情节严重 ×{m}").format(m=self.multiplier)
        return translate("fines", "违规")


@dataclass(frozen=True)
class FineSlip:
    """What the 赞助单 prints: the breach and the shares linked to it."""

    fine: FineInfo
    shares: list[FineInfo]

    @property
    def total(self) -> Decimal:
        return self.fine.amount + sum((s.amount for s in self.shares), Decimal("0.00"))


@dataclass(frozen=True)
class MonthTotal:
    month: str  # "2026-11"
    person: str
    department: str
    count: int
    amount: Decimal


def direct_leader(person: Employee) -> Employee | None:
    """The head of the person's department (an employee there whose account is 部门负责人)."""
    heads = (
        Employee.select()
        .join(User, on=(User.employee == Employee.id))
        .join(UserRole, on=(UserRole.user == User.id))
        .where(
            Employee.department == person.department_id,
            Employee.active == True,  # noqa: E712
            UserRole.role == DEPT_MANAGER,
            Employee.id != person.id,
        )
        .order_by(Employee.id)
    )
    return heads.first()


def _info(row: Fine, names: dict[int, str] | None = None) -> FineInfo:
    reception = ""
    if row.reception_id:
        app = Application.get_or_none(Application.id == row.reception_id)
        reception = f"{app.number} {app.client_company}" if app else ""
    recorder = User.get_or_none(User.id == row.recorded_by_id) if row.recorded_by_id else None
    department = Department.get_or_none(Department.id == row.department_id) if row.department_id else None
    return FineInfo(
        id=row.id,
        person_id=row.person_id,
        person=row.person.name,
        department=department.name if department else "",
        article=row.article,
        article_title=row.article_title,
        base_amount=to_money(row.base_amount),
        multiplier=row.multiplier,
        share_percent=row.share_percent,
        amount=to_money(row.amount),
        primary_id=row.primary_id,
        reception_id=row.reception_id,
        reception=reception,
        occurred_on=row.occurred_on,
        description=row.description,
        recorded_by=recorder.display_name if recorder else "",
        recorded_at=row.recorded_at,
        voided=row.voided_at is not None,
        void_reason=row.void_reason,
    )


def record(actor: Actor, form: FineForm, now: dt.datetime | None = None) -> FineSlip:
    """Record a breach; the leader's joint share follows as a linked entry."""
    require(actor, "fines.manage")
    errors: dict[str, str] = {}
    known = {a.code: a for a in articles()}
    person = Employee.get_or_none(Employee.id == form.person_id) if form.person_id else None
    if person is None:
        errors["person_id"] = translate("fines", "请选择被赞助人。")
    elif actor.employee_id is not None and person.id == actor.employee_id:
        errors["person_id"] = translate("fines", "不能为自己记录赞助。")
    article = known.get((form.article or "").strip())
    if article is None:
        errors["article"] = translate("fines", "请选择违反的条款。")
    if isinstance(form.multiplier, bool) or form.multiplier not in MULTIPLIERS:
        errors["multiplier"] = translate("fines", "倍数只能是 1（一般）或 2–5（情节严重）。")
    validation.day(errors, "occurred_on", translate("fines", "违规日期"), form.occurred_on, required=True)
    if form.occurred_on is not None and "occurred_on" not in errors and form.occurred_on > clock.today():
        errors["occurred_on"] = translate("fines", "违规日期不能晚于今天。")
    description = validation.text(
        errors,
        "description",
        translate("fines", "违规情况"),
        form.description,
        field=Fine.description,
        multiline=True,
    )
    if form.multiplier in MULTIPLIERS and form.multiplier > 1 and not description:
        errors.setdefault("description", translate("fines", "情节严重的赞助须写明违规情况。"))
    if (
        form.reception_id is not None
        and not Application.select().where(Application.id == form.reception_id).exists()
    ):
        errors["reception_id"] = translate("fines", "接待不存在。")
    leader = None
    if person is not None:
        if form.leader_id is not None:
            leader = Employee.get_or_none(Employee.id == form.leader_id)
            if leader is None or leader.id == person.id:
                errors["leader_id"] = translate("fines", "直接领导不存在或与被赞助人相同。")
        else:
            leader = direct_leader(person)
    validation.raise_if(errors)
    at = now or clock.now()
    amount = to_money(article.amount * form.multiplier)
    percent = leader_share_percent()
    reception = form.reception_id
    if reception is not None:
        app = Application.get_by_id(reception)
        reception = app.root_id or app.id
    with database.atomic():
        fine = Fine.create(
            person=person.id,
            department=person.department_id,
            article=article.code,
            article_title=article.title,
            base_amount=article.amount,
            multiplier=form.multiplier,
            share_percent=100,
            amount=amount,
            reception=reception,
            occurred_on=form.occurred_on,
            description=description,
            recorded_by=actor.user_id or None,
            recorded_at=at,
        )
        if leader is not None and percent > 0:
            Fine.create(
                person=leader.id,
                department=leader.department_id,
                article=article.code,
                article_title=article.title,
                base_amount=article.amount,
                multiplier=form.multiplier,
                share_percent=percent,
                amount=to_money(amount * percent / 100),
                primary=fine.id,
                reception=reception,
                occurred_on=form.occurred_on,
                description=description,
                recorded_by=actor.user_id or None,
                recorded_at=at,
            )
        audit.record(
            actor,
            "create",
            "fine",
            fine.id,
            audit.row_changes({}, fine, skip=frozenset({"recorded_at", "recorded_by"})),
            person.name,
        )
    return get(actor, fine.id)


def get(actor: Actor, fine_id: int) -> FineSlip:
    """A breach with its linked shares (a share's id opens the breach it belongs to)."""
    require_any(actor, "fines.view", "fines.manage")
    row = Fine.get_or_none(Fine.id == fine_id)
    if row is None:
        raise NotFound(translate("fines", "赞助记录不存在。"))
    if row.primary_id is not None:
        row = Fine.get_by_id(row.primary_id)
    shares = [_info(s) for s in Fine.select().where(Fine.primary == row.id).order_by(Fine.id)]
    return FineSlip(_info(row), shares)


def void(actor: Actor, fine_id: int, reason: str, now: dt.datetime | None = None) -> None:
    """Cancel a breach recorded in error (with its shares); the row stays, marked, for the audit."""
    require(actor, "fines.manage")
    reason = validation.clean_text(reason, multiline=True)
    if not reason:
        raise ValidationError({"reason": translate("fines", "作废须写明原因。")})
    row = Fine.get_or_none(Fine.id == fine_id)
    if row is None:
        raise NotFound(translate("fines", "赞助记录不存在。"))
    primary = row.primary_id or row.id
    involved = {f.person_id for f in Fine.select().where((Fine.id == primary) | (Fine.primary == primary))}
    if actor.employee_id is not None and actor.employee_id in involved:
        raise PermissionDenied(translate("fines", "不能作废与自己有关的赞助。"))
    with database.atomic():
        voided = (
            Fine.update(voided_at=now or clock.now(), voided_by=actor.user_id or None, void_reason=reason)
            .where(((Fine.id == primary) | (Fine.primary == primary)), Fine.voided_at.is_null())
            .execute()
        )
        if voided:
            audit.record(actor, "void", "fine", primary, {"void_reason": (None, reason)})


def list_fines(
    actor: Actor,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    person_id: int | None = None,
    include_voided: bool = False,
) -> list[FineInfo]:
    require_any(actor, "fines.view", "fines.manage")
    query = Fine.select(Fine, Employee).join(Employee, on=(Fine.person == Employee.id))
    if start is not None:
        query = query.where(Fine.occurred_on >= start)
    if end is not None:
        query = query.where(Fine.occurred_on <= end)
    if person_id is not None:
        query = query.where(Fine.person == person_id)
    if not include_voided:
        query = query.where(Fine.voided_at.is_null())
    return [_info(row) for row in query.order_by(Fine.occurred_on.desc(), Fine.id.desc())]


def month_totals(rows: list[FineInfo]) -> list[MonthTotal]:
    """Totals per person and month (voided entries never count)."""
    sums: dict[tuple[str, str, str], list] = defaultdict(lambda: [0, Decimal("0.00")])
    for row in rows:
        if row.voided:
            continue
        key = (f"{row.occurred_on:%Y-%m}", row.person, row.department)
        sums[key][0] += 1
        sums[key][1] += row.amount
    return [
        MonthTotal(month, person, department, count, amount)
        for (month, person, department), (count, amount) in sorted(
            sums.items(), key=lambda kv: (kv[0][0], -kv[1][1], kv[0][1]), reverse=False
        )
    ]
