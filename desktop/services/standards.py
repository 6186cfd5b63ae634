"""Reception levels and their spending standards (接待标准), versioned.

Editing a level's standard writes a new version; applications keep the version they were
estimated and approved under. Defaults come from the company regulations in domain.md and are
only seeds: every number is editable by the admin office.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import peewee

from desktop.db import database
from desktop.i18n import translate
from desktop.models import LevelStandard, ReceptionLevel
from desktop.services import audit, validation, versioning
from desktop.services.auth import Actor, require
from desktop.services.errors import NotFound, ValidationError
from desktop.services.money import to_money

CATEGORIES = ("meals", "lodging", "transport", "gifts", "tour", "materials", "other")


def category_label(category: str) -> str:
    return {
        "meals": translate("standards", "餐费"),
        "lodging": translate("standards", "住宿"),
        "transport": translate("standards", "交通"),
        "gifts": translate("standards", "礼品"),
        "tour": translate("standards", "参观游览"),
        "materials": translate("standards", "资料"),
        "other": translate("standards", "其他"),
    }.get(category, category)


@dataclass(frozen=True)
class StandardInfo:
    id: int
    level_id: int
    level_code: str
    level_name: str
    version: int
    meal_cap: Decimal
    hotel_cap: Decimal
    transport_cap: Decimal
    gift_cap: Decimal
    tour_cap: Decimal
    accompany: str
    accompany_small_group: int
    accompany_small_limit: int
    accompany_ratio: int
    gifts_decider: str
    tour_decider: str
    lead_days: int

    @property
    def label(self) -> str:
        return f"{self.level_code} · {self.level_name}"

    def accompany_limit(self, guests: int) -> int:
        """陪餐人数上限: ≤ small_limit when guests ≤ small_group, else ≤ guests / ratio."""
        if guests <= self.accompany_small_group:
            return self.accompany_small_limit
        return guests // max(1, self.accompany_ratio)


@dataclass(frozen=True)
class LevelInfo:
    id: int
    code: str
    name: str
    active: bool
    standard: StandardInfo
    # The level row's version (not the standard's): hand it back to save_standard, which refuses
    # a save from a copy read before someone else's (services.versioning).
    version: int = 0

    @property
    def label(self) -> str:
        return f"{self.code} · {self.name}"


DEFAULT_LEVELS = [
    # code, name, meal, hotel, transport, gift, tour, accompany, gifts/tour decider, lead days
    (
        "A",
        "五星（一级）",
        "150",
        "600",
        "500",
        "500",
        "300",
        "董事长、总经理、副总经理、部门负责人",
        "副总经理",
        3,
    ),
    ("B", "四星（二级）", "130", "400", "500", "300", "200", "副总经理、部门经理、销售经理", "副总经理", 1),
    ("C", "三星（三级）", "100", "0", "0", "0", "0", "销售经理、业务员", "", 1),
    ("D", "D 级（供应商）", "30", "0", "0", "0", "0", "部门负责人或其指定人员", "", 1),
]


def ensure_default_levels() -> None:
    if ReceptionLevel.select().exists():
        return
    with database.atomic():
        for i, (code, name, meal, hotel, transport, gift, tour, accompany, decider, lead) in enumerate(
            DEFAULT_LEVELS
        ):
            level = ReceptionLevel.create(code=code, name=name, sort=i)
            LevelStandard.create(
                level=level,
                version=1,
                meal_cap=Decimal(meal),
                hotel_cap=Decimal(hotel),
                transport_cap=Decimal(transport),
                gift_cap=Decimal(gift),
                tour_cap=Decimal(tour),
                accompany=accompany,
                gifts_decider=decider,
                tour_decider=decider,
                lead_days=lead,
            )


def _info(s: LevelStandard, level: ReceptionLevel) -> StandardInfo:
    return StandardInfo(
        id=s.id,
        level_id=level.id,
        level_code=level.code,
        level_name=level.name,
        version=s.version,
        meal_cap=to_money(s.meal_cap),
        hotel_cap=to_money(s.hotel_cap),
        transport_cap=to_money(s.transport_cap),
        gift_cap=to_money(s.gift_cap),
        tour_cap=to_money(s.tour_cap),
        accompany=s.accompany,
        accompany_small_group=s.accompany_small_group,
        accompany_small_limit=s.accompany_small_limit,
        accompany_ratio=s.accompany_ratio,
        gifts_decider=s.gifts_decider,
        tour_decider=s.tour_decider,
        lead_days=s.lead_days,
    )


def _latest(level: ReceptionLevel) -> LevelStandard:
    row = (
        LevelStandard.select()
        .where(LevelStandard.level == level)
        .order_by(LevelStandard.version.desc())
        .first()
    )
    if row is None:
        raise NotFound(translate("standards", "级别 {code} 没有标准。").format(code=level.code))
    return row


def levels(*, include_inactive: bool = False) -> list[LevelInfo]:
    query = ReceptionLevel.select().order_by(ReceptionLevel.sort, ReceptionLevel.id)
    if not include_inactive:
        query = query.where(ReceptionLevel.active == True)  # noqa: E712
    latest = LevelStandard.select(
        LevelStandard.level, peewee.fn.MAX(LevelStandard.version).alias("v")
    ).group_by(LevelStandard.level)
    newest = {r.level_id: r.v for r in latest}
    rows = (
        {
            (s.level_id, s.version): s
            for s in LevelStandard.select().where(LevelStandard.level.in_(list(newest)))
        }
        if newest
        else {}
    )
    result = []
    for level in query:
        s = rows.get((level.id, newest.get(level.id)))
        if s is not None:
            result.append(
                LevelInfo(level.id, level.code, level.name, level.active, _info(s, level), level.version)
            )
    return result


def level_by_code(code: str) -> LevelInfo:
    for info in levels(include_inactive=True):
        if info.code == code:
            return info
    raise NotFound(translate("standards", "没有级别 {code}。").format(code=code))


def current_standard(level_id: int) -> StandardInfo:
    level = ReceptionLevel.get_or_none(ReceptionLevel.id == level_id)
    if level is None:
        raise NotFound(translate("standards", "级别不存在。"))
    return _info(_latest(level), level)


def standard(standard_id: int) -> StandardInfo:
    s = LevelStandard.get_or_none(LevelStandard.id == standard_id)
    if s is None:
        raise NotFound(translate("standards", "标准不存在。"))
    return _info(s, s.level)


_MONEY_FIELDS = ("meal_cap", "hotel_cap", "transport_cap", "gift_cap", "tour_cap")
_INT_FIELDS = ("accompany_small_group", "accompany_small_limit", "accompany_ratio", "lead_days")
_TEXT_FIELDS = ("accompany", "gifts_decider", "tour_decider")


def save_standard(
    actor: Actor, level_id: int, *, name: str | None = None, version: int | None = None, **values
) -> StandardInfo:
    """Write a new version of a level's standard (the old one stays for approved applications).

    ``version`` is :attr:`LevelInfo.version` as read; a level changed since is refused.
    """
    require(actor, "standards.manage")
    level = ReceptionLevel.get_or_none(ReceptionLevel.id == level_id)
    if level is None:
        raise NotFound(translate("standards", "级别不存在。"))
    current = _latest(level)
    errors: dict[str, str] = {}
    data = {f: getattr(current, f) for f in (*_MONEY_FIELDS, *_INT_FIELDS, *_TEXT_FIELDS)}
    for key, value in values.items():
        if key in _MONEY_FIELDS:
            try:
                amount = to_money(value)
            except ValueError:
                errors[key] = translate("standards", "请输入金额，例如 150 或 150.00。")
                continue
            if amount < 0:
                errors[key] = translate("standards", "金额不能为负数。")
            elif amount >= validation.MONEY_MAX:
                errors[key] = translate("standards", "金额太大。")
            data[key] = amount
        elif key in _INT_FIELDS:
            try:
                number = int(value)
            except (TypeError, ValueError):
                errors[key] = translate("standards", "请输入整数。")
                continue
            if number < (1 if key == "accompany_ratio" else 0):
                errors[key] = translate("standards", "数值太小。")
            elif number > 9999:
                errors[key] = translate("standards", "数值太大。")
            data[key] = number
        elif key in _TEXT_FIELDS:
            label = {
                "accompany": translate("standards", "陪同人员"),
                "gifts_decider": translate("standards", "礼品决定人"),
                "tour_decider": translate("standards", "参观决定人"),
            }[key]
            data[key] = validation.text(errors, key, label, value, field=getattr(LevelStandard, key, None))
        else:
            errors[key] = translate("standards", "未知字段。")
    if name is not None:
        name = validation.text(
            errors, "name", translate("standards", "级别名称"), name, field=ReceptionLevel.name
        )
        if not name:
            errors.setdefault("name", translate("standards", "级别名称不能为空。"))
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        versioning.claim(level, version, actor)
        changes = audit.diff(level, {"name": name.strip()}) if name is not None else {}
        changes.update(audit.diff(current, data))
        if name is not None:
            level.name = name.strip()
            level.save()
        changed = any(data[f] != getattr(current, f) for f in data)
        row = current
        if changed:
            row = LevelStandard.create(
                level=level, version=current.version + 1, created_by=actor.user_id, **data
            )
        if changes:
            audit.record(actor, "edit", "standard", level.id, changes, level.code)
    return _info(row, level)


def estimate(
    std: StandardInfo,
    *,
    guests: int,
    accompany: int,
    meals: int,
    rooms: int,
    nights: int,
    trips: int,
    gifts: bool,
    tour: bool,
) -> dict[str, tuple[Decimal, Decimal | None]]:
    """Category → (estimate, unit cap) from the level's caps × people × meals/nights/trips."""
    zero = Decimal("0.00")
    return {
        "meals": (to_money(std.meal_cap * (guests + accompany) * meals), std.meal_cap),
        "lodging": (to_money(std.hotel_cap * rooms * nights), std.hotel_cap),
        "transport": (to_money(std.transport_cap * trips), std.transport_cap),
        "gifts": (to_money(std.gift_cap * guests) if gifts else zero, std.gift_cap),
        "tour": (to_money(std.tour_cap * guests) if tour else zero, std.tour_cap),
        "materials": (zero, None),
        "other": (zero, None),
    }
