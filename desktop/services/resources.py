"""Lists the arrangements use: agreement hotels (协议酒店), restaurants, meeting rooms, vehicles.

One declaration per list (its fields, labels and checks) drives the service and the settings
editor, so adding a field is one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import peewee

from desktop.db import database
from desktop.i18n import translate
from desktop.models import AgreementHotel, MeetingRoom, Restaurant, Vehicle
from desktop.services import audit, validation, versioning
from desktop.services.auth import Actor, require
from desktop.services.errors import NotFound, ValidationError
from desktop.services.money import to_money


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str  # text | int | money | bool
    required: bool = False


@dataclass(frozen=True)
class ListSpec:
    key: str
    title: str
    model: type[peewee.Model]
    fields: tuple[FieldSpec, ...]


def specs() -> dict[str, ListSpec]:
    return {
        "hotels": ListSpec(
            "hotels",
            translate("resources", "协议酒店"),
            AgreementHotel,
            (
                FieldSpec("name", translate("resources", "酒店名称"), "text", True),
                FieldSpec("star", translate("resources", "星级"), "int"),
                FieldSpec("address", translate("resources", "地址"), "text"),
                FieldSpec("phone", translate("resources", "电话"), "text"),
                FieldSpec("room_price", translate("resources", "协议房价（元/间夜）"), "money"),
            ),
        ),
        "restaurants": ListSpec(
            "restaurants",
            translate("resources", "餐厅"),
            Restaurant,
            (
                FieldSpec("name", translate("resources", "餐厅名称"), "text", True),
                FieldSpec("address", translate("resources", "地址"), "text"),
                FieldSpec("phone", translate("resources", "电话"), "text"),
                FieldSpec("price_per_person", translate("resources", "人均（元）"), "money"),
            ),
        ),
        "rooms": ListSpec(
            "rooms",
            translate("resources", "会议室"),
            MeetingRoom,
            (
                FieldSpec("name", translate("resources", "会议室"), "text", True),
                FieldSpec("capacity", translate("resources", "容纳人数"), "int", True),
                FieldSpec("projector", translate("resources", "投影仪"), "bool"),
                FieldSpec("location", translate("resources", "位置"), "text"),
            ),
        ),
        "vehicles": ListSpec(
            "vehicles",
            translate("resources", "车辆"),
            Vehicle,
            (
                FieldSpec("plate", translate("resources", "车牌"), "text", True),
                FieldSpec("model", translate("resources", "车型"), "text"),
                FieldSpec("seats", translate("resources", "座位数"), "int", True),
                FieldSpec("driver", translate("resources", "司机"), "text"),
                FieldSpec("driver_phone", translate("resources", "司机电话"), "text"),
            ),
        ),
    }


@dataclass(frozen=True)
class Item:
    id: int
    kind: str
    values: dict[str, Any]
    active: bool
    version: int = 0  # hand back to save (services.versioning)

    @property
    def name(self) -> str:
        return str(self.values.get("name") or self.values.get("plate") or "")


def _spec(kind: str) -> ListSpec:
    try:
        return specs()[kind]
    except KeyError:
        raise NotFound(translate("resources", "未知列表。")) from None


def _item(kind: str, row: peewee.Model) -> Item:
    spec = _spec(kind)
    values = {}
    for f in spec.fields:
        value = getattr(row, f.name)
        values[f.name] = to_money(value) if f.kind == "money" else value
    return Item(row.id, kind, values, row.active, row.version)


def items(kind: str, *, include_inactive: bool = False) -> list[Item]:
    spec = _spec(kind)
    query = spec.model.select().order_by(spec.model.id)
    if not include_inactive:
        query = query.where(spec.model.active == True)  # noqa: E712
    return [_item(kind, r) for r in query]


def _clean(spec: ListSpec, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for f in spec.fields:
        raw = values.get(f.name)
        column = getattr(spec.model, f.name)
        if f.kind == "text":
            clean[f.name] = validation.text(errors, f.name, f.label, raw, field=column)
            if f.required and not clean[f.name] and f.name not in errors:
                errors[f.name] = translate("resources", "必填。")
        elif f.kind == "int":
            clean[f.name] = validation.count(errors, f.name, f.label, raw, minimum=1 if f.required else 0)
        elif f.kind == "money":
            amount = validation.money(errors, f.name, f.label, raw)
            clean[f.name] = amount if amount is not None else Decimal("0.00")
        else:
            clean[f.name] = bool(raw)
    return clean, errors


def save(
    actor: Actor,
    kind: str,
    values: dict[str, Any],
    item_id: int | None = None,
    active: bool = True,
    version: int | None = None,
) -> Item:
    require(actor, "standards.manage")
    spec = _spec(kind)
    clean, errors = _clean(spec, values)
    unique = "plate" if kind == "vehicles" else "name"
    if unique in clean and not errors.get(unique):
        clash = spec.model.select().where(
            getattr(spec.model, unique) == clean[unique], spec.model.id != (item_id or 0)
        )
        if clash.exists():
            errors[unique] = translate("resources", "已存在同名项。")
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        before: dict = {}
        if item_id is None:
            row = spec.model.create(active=active, **clean)
        else:
            row = spec.model.get_or_none(spec.model.id == item_id)
            if row is None:
                raise NotFound(translate("resources", "记录不存在。"))
            versioning.claim(row, version, actor)
            before = audit.snapshot(row)
            for key, value in clean.items():
                setattr(row, key, value)
            row.active = active
            row.save()
        audit.record(
            actor,
            "edit" if before else "create",
            "resource",
            f"{kind}:{row.id}",
            audit.row_changes(before, row),
        )
    return _item(kind, row)


DEFAULTS: dict[str, list[dict[str, Any]]] = {
    "hotels": [
        {
            "name": "君悦商务酒店",
            "star": 5,
            "address": "市中心大道 88 号",
            "phone": "020-88881234",
            "room_price": "580",
        },
        {
            "name": "锦江之星（高新店）",
            "star": 3,
            "address": "高新区科技路 12 号",
            "phone": "020-66665678",
            "room_price": "260",
        },
        {
            "name": "维也纳国际酒店",
            "star": 4,
            "address": "开发区创业大道 6 号",
            "phone": "020-32323838",
            "room_price": "380",
        },
    ],
    "restaurants": [
        {
            "name": "粤海酒家",
            "address": "市中心大道 90 号",
            "phone": "020-88886666",
            "price_per_person": "130",
        },
        {"name": "公司食堂贵宾厅", "address": "厂区 B 栋一楼", "phone": "", "price_per_person": "60"},
    ],
    "rooms": [
        {"name": "一号会议室", "capacity": 20, "projector": True, "location": "行政楼 3 楼"},
        {"name": "二号会议室", "capacity": 8, "projector": True, "location": "行政楼 3 楼"},
        {"name": "贵宾接待室", "capacity": 6, "projector": False, "location": "行政楼 1 楼"},
    ],
    "vehicles": [
        {
            "plate": "粤A·8K888",
            "model": "别克 GL8 商务车",
            "seats": 7,
            "driver": "王建军",
            "driver_phone": "13800001234",
        },
        {
            "plate": "粤A·6D666",
            "model": "丰田凯美瑞",
            "seats": 5,
            "driver": "陈志刚",
            "driver_phone": "13800005678",
        },
    ],
}


def seed_examples() -> None:
    """Example entries for the demo office (a real office starts with empty lists)."""
    for kind, rows in DEFAULTS.items():
        spec = _spec(kind)
        if spec.model.select().exists():
            continue
        with database.atomic():
            for values in rows:
                clean, _ = _clean(spec, values)
                spec.model.create(**clean)
