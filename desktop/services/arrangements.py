"""接待安排: turn an approved reception into itinerary items with booked rooms, cars and people.

A room, a vehicle or a person booked at an overlapping time for another item is refused with the
other reception's name and times (touching intervals — one ends at 10:00, the next starts at
10:00 — are not a clash). Meals respect the level's accompanying-diner limit and hotels its cap
per room-night, from the standard the reception was approved under. A change after the sheet was
printed raises the sheet's revision number.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, replace

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import (
    AgreementHotel,
    Application,
    Arrangement,
    ChecklistItem,
    Employee,
    ItineraryAttendee,
    ItineraryItem,
    MeetingRoom,
    PrintedItem,
    User,
    Vehicle,
)
from desktop.services import applications as apps
from desktop.services import audit, notifications, standards, validation, versioning
from desktop.services.auth import Actor, require, require_any
from desktop.services.errors import NotFound, ServiceError, ValidationError
from desktop.services.money import format_money

KINDS = ("pickup", "meeting", "tour", "meal", "hotel", "sendoff", "other")
DEFAULT_CHECKLIST = ("欢迎牌", "横幅", "桌牌", "旗帜", "资料", "水果", "茶水", "摄影", "礼品")
PICKUP_EARLY = dt.timedelta(hours=1)
TBC_REMINDER = dt.timedelta(hours=1)


def kind_label(kind: str) -> str:
    return {
        "pickup": translate("arrangements", "接机/接站"),
        "meeting": translate("arrangements", "会议"),
        "tour": translate("arrangements", "参观"),
        "meal": translate("arrangements", "用餐"),
        "hotel": translate("arrangements", "住宿"),
        "sendoff": translate("arrangements", "送行"),
        "other": translate("arrangements", "其他"),
    }.get(kind, kind)


@dataclass
class ItemForm:
    kind: str = "meeting"
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    place: str = ""
    room_id: int | None = None
    projector: bool = False
    vehicle_id: int | None = None
    transport_no: str = ""
    station: str = ""
    route: str = ""
    guide: str = ""
    to_be_confirmed: bool = False
    restaurant_id: int | None = None
    hotel_id: int | None = None
    guests: int = 0
    diners: int = 0
    rooms: int = 0
    nights: int = 0
    notes: str = ""
    attendee_ids: list[int] = field(default_factory=list)
    # ItemInfo.version of the item edited (None: a new item); a save from an older copy is
    # refused with StaleRecord instead of reverting someone's edit (services.versioning).
    version: int | None = None


@dataclass(frozen=True)
class ItemInfo:
    id: int
    kind: str
    start: dt.datetime
    end: dt.datetime
    place: str
    room_id: int | None
    room_name: str
    projector: bool
    vehicle_id: int | None
    vehicle_label: str
    driver: str
    transport_no: str
    station: str
    route: str
    guide: str
    to_be_confirmed: bool
    restaurant_id: int | None
    restaurant_name: str
    hotel_id: int | None
    hotel_name: str
    guests: int
    diners: int
    rooms: int
    nights: int
    notes: str
    attendee_ids: tuple[int, ...]
    attendee_names: tuple[str, ...]
    version: int = 0  # hand back in ItemForm.version
    # For the printed sheet: contacts, and when the line last changed (marks on a revision).
    updated_at: dt.datetime | None = None
    driver_name: str = ""
    driver_phone: str = ""
    hotel_phone: str = ""
    restaurant_phone: str = ""

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    def form(self) -> ItemForm:
        return ItemForm(
            self.kind,
            self.start,
            self.end,
            self.place,
            self.room_id,
            self.projector,
            self.vehicle_id,
            self.transport_no,
            self.station,
            self.route,
            self.guide,
            self.to_be_confirmed,
            self.restaurant_id,
            self.hotel_id,
            self.guests,
            self.diners,
            self.rooms,
            self.nights,
            self.notes,
            list(self.attendee_ids),
            version=self.version,
        )

    def summary(self) -> str:
        """One line for sheets and calendars: what, where, with what."""
        parts = [self.place or self.room_name or self.restaurant_name or self.hotel_name]
        if self.kind == "pickup":
            parts.append(f"{self.transport_no} {self.station}".strip())
        if self.kind == "meeting" and self.room_id:
            parts.append(translate("arrangements", "投影仪 {p}").format(p="√" if self.projector else "×"))
        if self.kind == "tour":
            parts.append(self.route)
            if self.guide:
                parts.append(translate("arrangements", "讲解：{g}").format(g=self.guide))
            if self.to_be_confirmed:
                parts.append(translate("arrangements", "时间待定"))
        if self.kind == "meal":
            parts.append(
                translate("arrangements", "来宾 {g} 人，陪餐 {d} 人").format(g=self.guests, d=self.diners)
            )
        if self.kind == "hotel":
            parts.append(translate("arrangements", "{r} 间 × {n} 晚").format(r=self.rooms, n=self.nights))
        if self.vehicle_label:
            parts.append(self.vehicle_label)
        if self.attendee_names:
            parts.append(
                translate("arrangements", "我方：{names}").format(names="、".join(self.attendee_names))
            )
        if self.notes:
            parts.append(self.notes)
        return "；".join(p for p in parts if p)


@dataclass(frozen=True)
class ChecklistInfo:
    id: int
    name: str
    owner_id: int | None
    owner_name: str
    done: bool


@dataclass(frozen=True)
class ArrangementDetail:
    id: int
    root_id: int
    application: apps.ApplicationDetail  # the approved revision in force
    revision: int
    printed_revision: int | None
    recipients: tuple[str, ...]
    items: list[ItemInfo]
    checklist: list[ChecklistInfo]
    printed_at: dt.datetime | None = None
    updated_by: str = ""  # 填表人 on the sheet: who last changed the arrangement
    updated_at: dt.datetime | None = None
    host_phone: str = ""  # the 接待负责人's phone, a contact on the handout
    # Lines on the last printed revision that were deleted since, as printed (【已取消】 on the
    # revised sheet); empty when nothing changed since printing.
    cancelled: tuple[ItemInfo, ...] = ()

    @property
    def changed_since_print(self) -> bool:
        return self.printed_revision is not None and self.printed_revision != self.revision

    def changed_items(self) -> set[int]:
        """Ids of the lines changed since the last printed revision (marked on the new one)."""
        if not self.changed_since_print or self.printed_at is None:
            return set()
        return {i.id for i in self.items if i.updated_at is not None and i.updated_at > self.printed_at}


class BookingConflict(ServiceError):
    pass


# ------------------------------------------------------------------ receptions


def approved_revision(root_id: int) -> Application:
    """The newest approved revision of a reception (what the arrangement must follow)."""
    row = (
        Application.select()
        .where(
            ((Application.id == root_id) | (Application.root == root_id)), Application.status == apps.APPROVED
        )
        .order_by(Application.revision.desc())
        .first()
    )
    if row is None:
        raise NotFound(translate("arrangements", "这次接待还没有批准的申请。"))
    return row


def approved_receptions(start: dt.date, end: dt.date) -> list[Application]:
    """Receptions with an approved revision overlapping [start, end], newest revision each."""
    rows = Application.select().where(
        Application.status == apps.APPROVED,
        Application.arrival < dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min),
        Application.departure >= dt.datetime.combine(start, dt.time.min),
    )
    newest: dict[int, Application] = {}
    for row in rows:
        root = row.root_id or row.id
        if root not in newest or row.revision > newest[root].revision:
            newest[root] = row
    return sorted(newest.values(), key=lambda a: a.arrival)


def _arrangement(root_id: int) -> Arrangement:
    arrangement = Arrangement.get_or_none(Arrangement.reception == root_id)
    if arrangement is None:
        with database.atomic():
            arrangement = Arrangement.create(reception=root_id)
            for i, name in enumerate(DEFAULT_CHECKLIST):
                ChecklistItem.create(arrangement=arrangement, position=i, name=name)
    return arrangement


def _item_info(item: ItineraryItem) -> ItemInfo:
    attendees = list(
        ItineraryAttendee.select(ItineraryAttendee, Employee)
        .join(Employee)
        .where(ItineraryAttendee.item == item)
        .order_by(Employee.name_pinyin)
    )
    vehicle = item.vehicle if item.vehicle_id else None
    return ItemInfo(
        id=item.id,
        kind=item.kind,
        start=item.start,
        end=item.end,
        place=item.place,
        room_id=item.room_id,
        room_name=item.room.name if item.room_id else "",
        projector=item.projector,
        vehicle_id=item.vehicle_id,
        vehicle_label=f"{vehicle.plate} {vehicle.model}".strip() if vehicle else "",
        driver=f"{vehicle.driver} {vehicle.driver_phone}".strip() if vehicle else "",
        transport_no=item.transport_no,
        station=item.station,
        route=item.route,
        guide=item.guide,
        to_be_confirmed=item.to_be_confirmed,
        restaurant_id=item.restaurant_id,
        restaurant_name=item.restaurant.name if item.restaurant_id else "",
        hotel_id=item.hotel_id,
        hotel_name=item.hotel.name if item.hotel_id else "",
        guests=item.guests,
        diners=item.diners,
        rooms=item.rooms,
        nights=item.nights,
        notes=item.notes,
        attendee_ids=tuple(a.employee_id for a in attendees),
        attendee_names=tuple(a.employee.name for a in attendees),
        version=item.version,
        updated_at=item.updated_at,
        driver_name=vehicle.driver if vehicle else "",
        driver_phone=vehicle.driver_phone if vehicle else "",
        hotel_phone=item.hotel.phone if item.hotel_id else "",
        restaurant_phone=item.restaurant.phone if item.restaurant_id else "",
    )


def ensure(actor: Actor, application_id: int) -> None:
    """Create the arrangement (with the default checklist) before someone edits it."""
    require(actor, "arrangements.manage")
    app = _application(application_id)
    approved_revision(app.root_id or app.id)
    _arrangement(app.root_id or app.id)


def get(actor: Actor, application_id: int) -> ArrangementDetail:
    """The arrangement of the reception ``application_id`` belongs to.

    Reading never writes: a reception nobody arranged yet reads as an empty arrangement with the
    default checklist (ids 0), so exporting or printing it leaves the database as it was. The
    editor calls :func:`ensure` first."""
    require_any(actor, "arrangements.manage", "schedule.view")
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise NotFound(translate("arrangements", "申请不存在。"))
    root = app.root_id or app.id
    approved = approved_revision(root)
    reader = actor if actor.can("applications.view_all") else _viewer()
    arrangement = Arrangement.get_or_none(Arrangement.reception == root)
    if arrangement is None:
        return ArrangementDetail(
            id=0,
            root_id=root,
            application=apps.get(reader, approved.id),
            revision=1,
            printed_revision=None,
            recipients=tuple(r for r in Arrangement.recipients.default.split(",") if r),
            items=[],
            checklist=[ChecklistInfo(0, name, None, "", False) for name in DEFAULT_CHECKLIST],
            host_phone=_host_phone(approved),
        )
    items = [
        _item_info(i)
        for i in ItineraryItem.select()
        .where(ItineraryItem.arrangement == arrangement)
        .order_by(ItineraryItem.start, ItineraryItem.id)
    ]
    checklist = [
        ChecklistInfo(c.id, c.name, c.owner_id, c.owner.name if c.owner_id else "", c.done)
        for c in ChecklistItem.select()
        .where(ChecklistItem.arrangement == arrangement)
        .order_by(ChecklistItem.position, ChecklistItem.id)
    ]
    editor_id = arrangement.updated_by_id
    if editor_id is None:  # _touch knows no actor: the last line saved names who filled the sheet
        last = (
            ItineraryItem.select(ItineraryItem.updated_by_id)
            .where(ItineraryItem.arrangement == arrangement, ItineraryItem.updated_by_id.is_null(False))
            .order_by(ItineraryItem.updated_at.desc(), ItineraryItem.id.desc())
            .first()
        )
        editor_id = last.updated_by_id if last else None
    editor = User.get_or_none(User.id == editor_id) if editor_id else None
    return ArrangementDetail(
        id=arrangement.id,
        root_id=root,
        application=apps.get(reader, approved.id),
        revision=arrangement.revision,
        printed_revision=arrangement.printed_revision,
        recipients=tuple(r for r in arrangement.recipients.split(",") if r),
        items=items,
        checklist=checklist,
        printed_at=arrangement.printed_at,
        updated_by=editor.display_name if editor else "",
        updated_at=arrangement.updated_at,
        host_phone=_host_phone(approved),
        cancelled=_cancelled(arrangement, items),
    )


def _snapshot(info: ItemInfo) -> str:
    return json.dumps(asdict(info), default=lambda v: v.isoformat(), ensure_ascii=False)


def _from_snapshot(text: str) -> ItemInfo:
    data = json.loads(text)
    for key in ("start", "end", "updated_at"):
        if data.get(key):
            data[key] = dt.datetime.fromisoformat(data[key])
    for key in ("attendee_ids", "attendee_names"):
        data[key] = tuple(data.get(key) or ())
    known = ItemInfo.__dataclass_fields__
    return ItemInfo(**{k: v for k, v in data.items() if k in known})


def _cancelled(arrangement: Arrangement, items: list[ItemInfo]) -> tuple[ItemInfo, ...]:
    """Lines of the printed revision that no longer exist, in time order."""
    if arrangement.printed_revision is None or arrangement.printed_revision == arrangement.revision:
        return ()
    present = {i.id for i in items}
    gone = [
        _from_snapshot(p.snapshot)
        for p in PrintedItem.select().where(PrintedItem.arrangement == arrangement).order_by(PrintedItem.id)
        if p.item_id not in present
    ]
    return tuple(sorted(gone, key=lambda i: (i.start, i.id)))


def _host_phone(app: Application) -> str:
    host = Employee.get_or_none(Employee.id == app.responsible_id) if app.responsible_id else None
    return host.phone if host else ""


def _viewer() -> Actor:
    """Schedules are shared: anyone who may see the schedule may read what it shows."""
    from desktop.services.auth import AUDITOR

    return Actor(user_id=0, username="schedule", display_name="", roles=frozenset({AUDITOR}))


def _touch(arrangement: Arrangement) -> None:
    """A change after printing makes the next print a new revision."""
    if arrangement.printed_revision is not None and arrangement.printed_revision == arrangement.revision:
        arrangement.revision += 1
    arrangement.updated_at = clock.now()
    arrangement.save()


# ------------------------------------------------------------------ booking rules


def _label(item: ItineraryItem) -> str:
    app = Application.get_by_id(item.arrangement.reception_id)
    return translate("arrangements", "{client}（{number}）{start:%m-%d %H:%M}–{end:%H:%M}").format(
        client=app.client_company, number=app.number, start=item.start, end=item.end
    )


def _overlapping(start: dt.datetime, end: dt.datetime, exclude: int | None):
    # Touching intervals do not overlap: strictly start < other.end and other.start < end.
    return ItineraryItem.select().where(
        ItineraryItem.start < end, ItineraryItem.end > start, ItineraryItem.id != (exclude or 0)
    )


def check_conflicts(form: ItemForm, exclude_item: int | None = None) -> list[str]:
    """Sentences naming each clash with another booking; empty when the item may be saved."""
    problems = []
    if form.room_id is not None:
        for other in _overlapping(form.start, form.end, exclude_item).where(
            ItineraryItem.room == form.room_id
        ):
            problems.append(
                translate("arrangements", "会议室“{room}”已被 {other} 预订。").format(
                    room=other.room.name, other=_label(other)
                )
            )
    if form.vehicle_id is not None:
        for other in _overlapping(form.start, form.end, exclude_item).where(
            ItineraryItem.vehicle == form.vehicle_id
        ):
            problems.append(
                translate("arrangements", "车辆 {plate} 已被 {other} 使用。").format(
                    plate=other.vehicle.plate, other=_label(other)
                )
            )
    if form.attendee_ids:
        busy = (
            ItineraryAttendee.select(ItineraryAttendee, ItineraryItem, Employee)
            .join(ItineraryItem)
            .switch(ItineraryAttendee)
            .join(Employee)
            .where(
                ItineraryAttendee.employee.in_(form.attendee_ids),
                ItineraryItem.start < form.end,
                ItineraryItem.end > form.start,
                ItineraryItem.id != (exclude_item or 0),
            )
        )
        for row in busy:
            problems.append(
                translate("arrangements", "{name} 已安排在 {other}。").format(
                    name=row.employee.name, other=_label(row.item)
                )
            )
    return problems


def _text_labels() -> dict[str, str]:
    return {
        "place": translate("arrangements", "地点"),
        "transport_no": translate("arrangements", "航班/车次"),
        "station": translate("arrangements", "机场/车站"),
        "route": translate("arrangements", "路线"),
        "guide": translate("arrangements", "讲解/陪同"),
        "notes": translate("arrangements", "备注"),
    }


def _count_labels() -> dict[str, str]:
    return {
        "guests": translate("arrangements", "来宾人数"),
        "diners": translate("arrangements", "陪餐人数"),
        "rooms": translate("arrangements", "房间数"),
        "nights": translate("arrangements", "晚数"),
    }


def _check_fields(form: ItemForm, errors: dict[str, str]) -> None:
    """Lengths, counts and dates the same on SQLite and PostgreSQL; cleans the texts in place."""
    for key, label in _text_labels().items():
        setattr(
            form,
            key,
            validation.text(errors, key, label, getattr(form, key), field=getattr(ItineraryItem, key)),
        )
    for key, label in _count_labels().items():
        setattr(form, key, validation.count(errors, key, label, getattr(form, key)))
    validation.day(errors, "start", translate("arrangements", "开始时间"), form.start)
    validation.day(errors, "end", translate("arrangements", "结束时间"), form.end)
    if form.kind == "hotel" and form.hotel_id is not None:
        for key in ("rooms", "nights"):
            if key not in errors and getattr(form, key) < 1:
                errors[key] = translate("arrangements", "住宿安排的{field}至少为 1。").format(
                    field=_count_labels()[key]
                )


TRANSFER_SLACK = dt.timedelta(days=1)  # guests may be met the evening before or seen off the day after


def _check_within_reception(form: ItemForm, reception: Application, errors: dict[str, str]) -> None:
    """An item belongs to the reception's approved dates; a pickup or send-off may fall one day
    outside. Without this, a typo in the year put a meeting on next year's schedule unnoticed."""
    first, last = reception.arrival.date(), reception.departure.date()
    transfer = form.kind in ("pickup", "sendoff")
    if transfer:
        first, last = first - TRANSFER_SLACK, last + TRANSFER_SLACK
        rule = translate(
            "arrangements", "{field} {when} 不在范围内：接送须在接待日期前后一天之内（{first} 至 {last}）。"
        )
    else:
        rule = translate("arrangements", "{field} {when} 不在范围内：须在接待日期之内（{first} 至 {last}）。")
    for key, label, when in (
        ("start", translate("arrangements", "开始时间"), form.start),
        ("end", translate("arrangements", "结束时间"), form.end),
    ):
        if key not in errors and not first <= when.date() <= last:
            errors[key] = rule.format(
                field=label, when=f"{when:%Y-%m-%d %H:%M}", first=f"{first:%Y-%m-%d}", last=f"{last:%Y-%m-%d}"
            )


def _validate(form: ItemForm, reception: Application) -> tuple[dict[str, str], list[str]]:
    errors: dict[str, str] = {}
    warnings: list[str] = []
    if form.kind not in KINDS:
        errors["kind"] = translate("arrangements", "未知的安排类型。")
    _check_fields(form, errors)
    if form.start is None or form.end is None:
        errors["start"] = translate("arrangements", "请填写开始和结束时间。")
        return errors, warnings
    if "start" in errors or "end" in errors:
        return errors, warnings
    if form.end <= form.start:
        errors["end"] = translate("arrangements", "结束时间必须晚于开始时间。")
    _check_within_reception(form, reception, errors)
    std = standards.standard(reception.standard_id)
    if form.kind == "meal":
        limit = std.accompany_limit(form.guests)
        if form.diners > limit:
            errors["diners"] = translate(
                "arrangements", "陪餐 {n} 人超过 {level} 级标准上限 {limit} 人（来宾 {g} 人）。"
            ).format(n=form.diners, level=std.level_code, limit=limit, g=form.guests)
    if form.kind == "hotel" and form.hotel_id is not None:
        hotel = AgreementHotel.get_or_none(AgreementHotel.id == form.hotel_id)
        if hotel is not None and hotel.room_price > std.hotel_cap:
            errors["hotel_id"] = translate(
                "arrangements", "{hotel} 协议价 {price}/间夜 超过 {level} 级住宿标准 {cap}。"
            ).format(
                hotel=hotel.name,
                price=format_money(hotel.room_price),
                level=std.level_code,
                cap=format_money(std.hotel_cap),
            )
    if form.room_id is not None:
        room = MeetingRoom.get_or_none(MeetingRoom.id == form.room_id)
        people = max(form.guests, 0) + len(form.attendee_ids)
        if room is not None and people > room.capacity:
            warnings.append(
                translate("arrangements", "会议室“{room}”只能坐 {cap} 人，本次 {n} 人。").format(
                    room=room.name, cap=room.capacity, n=people
                )
            )
        if room is not None and form.projector and not room.projector:
            warnings.append(translate("arrangements", "会议室“{room}”没有投影仪。").format(room=room.name))
    if form.vehicle_id is not None:
        car = Vehicle.get_or_none(Vehicle.id == form.vehicle_id)
        if car is not None and form.guests and form.guests > car.seats - 1:
            warnings.append(
                translate("arrangements", "车辆 {plate} 只有 {s} 座。").format(plate=car.plate, s=car.seats)
            )
    return errors, warnings


def save_item(
    actor: Actor, application_id: int, form: ItemForm, item_id: int | None = None
) -> tuple[ItemInfo, list[str]]:
    """Save an itinerary item; returns it and any warnings (e.g. a room too small)."""
    require(actor, "arrangements.manage")
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise NotFound(translate("arrangements", "申请不存在。"))
    root = app.root_id or app.id
    reception = approved_revision(root)
    form = replace(form, attendee_ids=list(form.attendee_ids))  # cleaned below; the caller's stays
    errors, warnings = _validate(form, reception)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        conflicts = check_conflicts(form, item_id)
        if conflicts:
            raise BookingConflict("\n".join(conflicts))
        arrangement = _arrangement(root)
        values = dict(
            kind=form.kind,
            start=form.start,
            end=form.end,
            place=form.place.strip(),
            room=form.room_id,
            projector=form.projector,
            vehicle=form.vehicle_id,
            transport_no=form.transport_no.strip(),
            station=form.station.strip(),
            route=form.route.strip(),
            guide=form.guide.strip(),
            to_be_confirmed=form.to_be_confirmed,
            restaurant=form.restaurant_id,
            hotel=form.hotel_id,
            guests=form.guests,
            diners=form.diners,
            rooms=form.rooms,
            nights=form.nights,
            notes=form.notes.strip(),
        )
        before: dict = {}
        if item_id is None:
            item = ItineraryItem.create(
                arrangement=arrangement, updated_by_id=actor.user_id or None, updated_at=clock.now(), **values
            )
        else:
            item = ItineraryItem.get_or_none(
                ItineraryItem.id == item_id, ItineraryItem.arrangement == arrangement
            )
            if item is None:
                raise NotFound(translate("arrangements", "安排不存在。"))
            versioning.claim(item, form.version, actor)
            before = audit.snapshot(item)
            for key, value in values.items():
                setattr(item, key, value)
            item.reminded = False
            item.save()
        audit.record(
            actor,
            "edit" if before else "create",
            "arrangement",
            root,
            audit.row_changes(
                before, item, skip=frozenset({"version", "updated_at", "updated_by_id", "reminded"})
            ),
            translate("arrangements", "行程 #{id}").format(id=item.id),
        )
        ItineraryAttendee.delete().where(ItineraryAttendee.item == item).execute()
        for employee_id in dict.fromkeys(form.attendee_ids):
            ItineraryAttendee.create(item=item, employee=employee_id)
        _touch(arrangement)
    return _item_info(ItineraryItem.get_by_id(item.id)), warnings


def delete_item(actor: Actor, item_id: int) -> None:
    require(actor, "arrangements.manage")
    with database.atomic():
        item = ItineraryItem.get_or_none(ItineraryItem.id == item_id)
        if item is None:
            return
        arrangement = item.arrangement
        gone = audit.row_changes(audit.snapshot(item), {})
        item.delete_instance(recursive=True)
        audit.record(
            actor,
            "delete",
            "arrangement",
            arrangement.reception_id,
            gone,
            translate("arrangements", "行程 #{id}").format(id=item_id),
        )
        _touch(arrangement)


def pickup_form(reception: Application, arrival: dt.datetime, transport_no: str, station: str) -> ItemForm:
    """A pickup that meets the flight or train one hour early (the regulation's default)."""
    guests = reception.guests.count()
    return ItemForm(
        kind="pickup",
        start=arrival - PICKUP_EARLY,
        end=arrival + dt.timedelta(minutes=30),
        place=station,
        station=station,
        transport_no=transport_no,
        guests=guests,
    )


def set_checklist(
    actor: Actor, checklist_id: int, *, done: bool | None = None, owner_id: int | None = -1
) -> None:
    require(actor, "arrangements.manage")
    with database.atomic():
        row = ChecklistItem.get_or_none(ChecklistItem.id == checklist_id)
        if row is None:
            raise NotFound(translate("arrangements", "准备事项不存在。"))
        if done is not None:
            row.done = done
            row.done_at = clock.now() if done else None
        if owner_id != -1:
            row.owner = owner_id
        changes = audit.diff(ChecklistItem.get_by_id(row.id), {"done": row.done, "owner": row.owner_id})
        row.save()
        audit.record(
            actor,
            "edit",
            "arrangement",
            row.arrangement.reception_id,
            changes,
            translate("arrangements", "准备事项：{name}").format(name=row.name),
        )
        _touch(row.arrangement)


def add_checklist_item(actor: Actor, application_id: int, name: str) -> None:
    require(actor, "arrangements.manage")
    errors: dict[str, str] = {}
    name = validation.text(
        errors, "name", translate("arrangements", "准备事项"), name, field=ChecklistItem.name, required=True
    )
    validation.raise_if(errors)
    app = _application(application_id)
    arrangement = _arrangement(app.root_id or app.id)
    with database.atomic():
        last = ChecklistItem.select().where(ChecklistItem.arrangement == arrangement).count()
        ChecklistItem.create(arrangement=arrangement, position=last, name=name)
        audit.record(actor, "create", "arrangement", app.root_id or app.id, {"checklist": (None, name)})
        _touch(arrangement)


def _application(application_id: int) -> Application:
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise NotFound(translate("arrangements", "申请不存在。"))
    return app


def set_recipients(actor: Actor, application_id: int, recipients: list[str]) -> None:
    require(actor, "arrangements.manage")
    names = [validation.clean_text(r).replace(",", "，") for r in recipients]
    names = [n for n in names if n]
    if not names:
        raise ValidationError({"recipients": translate("arrangements", "至少一位接收人。")})
    errors: dict[str, str] = {}
    validation.text(
        errors,
        "recipients",
        translate("arrangements", "接收人"),
        ",".join(names),
        field=Arrangement.recipients,
    )
    validation.raise_if(errors)
    app = _application(application_id)
    arrangement = _arrangement(app.root_id or app.id)
    with database.atomic():
        changes = audit.diff(arrangement, {"recipients": ",".join(names)})
        arrangement.recipients = ",".join(names)
        arrangement.save()
        audit.record(actor, "edit", "arrangement", app.root_id or app.id, changes)


def mark_printed(actor: Actor, arrangement_id: int, revision: int | None = None) -> None:
    """Remember which revision went out on paper (printed or exported, not merely previewed), so
    later changes are marked. ``revision``: the one the sheet was generated from — if the
    arrangement changed between generating and printing, the paper is already out of date."""
    require(actor, "arrangements.manage")
    with database.atomic():
        arrangement = Arrangement.get_or_none(Arrangement.id == arrangement_id)
        Arrangement.update(
            printed_revision=Arrangement.revision if revision is None else revision, printed_at=clock.now()
        ).where(Arrangement.id == arrangement_id).execute()
        if arrangement is not None:
            audit.record(
                actor,
                "print",
                "arrangement",
                arrangement.reception_id,
                {
                    "printed_revision": (
                        arrangement.printed_revision,
                        arrangement.revision if revision is None else revision,
                    )
                },
                translate("arrangements", "接待安排表 #{id}").format(id=arrangement_id),
            )
        # What the paper carries, so the next revision can show the lines deleted since.
        PrintedItem.delete().where(PrintedItem.arrangement == arrangement_id).execute()
        for item in ItineraryItem.select().where(ItineraryItem.arrangement == arrangement_id):
            PrintedItem.create(
                arrangement=arrangement_id, item_id=item.id, snapshot=_snapshot(_item_info(item))
            )


# ------------------------------------------------------------------ schedule


@dataclass(frozen=True)
class ScheduleEntry:
    root_id: int
    application_id: int
    number: str
    client: str
    level_code: str
    department_id: int
    department: str
    start: dt.datetime
    end: dt.datetime
    item: ItemInfo | None  # None: the reception as a whole (no items yet)
    # The reception's own dates, so a week grid can mark each of its days (items or not).
    arrival: dt.datetime | None = None
    departure: dt.datetime | None = None

    @property
    def title(self) -> str:
        if self.item is None:
            return f"{self.client}（{translate('arrangements', '未安排')}）"
        return f"{self.item.kind_label} · {self.client}"


@dataclass
class ScheduleFilter:
    department_id: int | None = None
    level_code: str | None = None
    room_id: int | None = None
    vehicle_id: int | None = None


def schedule(
    actor: Actor, start: dt.date, end: dt.date, filters: ScheduleFilter | None = None
) -> list[ScheduleEntry]:
    """Approved receptions and their items between two dates (inclusive), filtered."""
    require_any(actor, "schedule.view", "arrangements.manage")
    f = filters or ScheduleFilter()
    entries: list[ScheduleEntry] = []
    for app in approved_receptions(start, end):
        if f.department_id is not None and app.department_id != f.department_id:
            continue
        if f.level_code and app.level.code != f.level_code:
            continue
        root = app.root_id or app.id
        arrangement = Arrangement.get_or_none(Arrangement.reception == root)
        items = []
        if arrangement is not None:
            items = [
                _item_info(i)
                for i in ItineraryItem.select()
                .where(ItineraryItem.arrangement == arrangement)
                .order_by(ItineraryItem.start)
            ]
        if f.room_id is not None:
            items = [i for i in items if i.room_id == f.room_id]
        if f.vehicle_id is not None:
            items = [i for i in items if i.vehicle_id == f.vehicle_id]
        base = dict(
            root_id=root,
            application_id=app.id,
            number=app.number,
            client=app.client_company,
            level_code=app.level.code,
            department_id=app.department_id,
            department=app.department.name,
            arrival=app.arrival,
            departure=app.departure,
        )
        if items:
            entries += [
                ScheduleEntry(start=i.start, end=i.end, item=i, **base)
                for i in items
                if i.start.date() <= end and i.end.date() >= start
            ]
        elif f.room_id is None and f.vehicle_id is None:
            entries.append(ScheduleEntry(start=app.arrival, end=app.departure, item=None, **base))
    return sorted(entries, key=lambda e: (e.start, e.number))


def open_checklist(actor: Actor, day: dt.date) -> list[tuple[str, str, str]]:
    """The day-before view: (reception, item, owner) still not done for receptions on ``day``."""
    require_any(actor, "schedule.view", "arrangements.manage")
    result = []
    for app in approved_receptions(day, day):
        arrangement = Arrangement.get_or_none(Arrangement.reception == (app.root_id or app.id))
        if arrangement is None:
            continue
        not_done = ChecklistItem.done == False  # noqa: E712 - SQL, not Python
        for row in ChecklistItem.select().where(ChecklistItem.arrangement == arrangement, not_done):
            result.append(
                (f"{app.client_company}（{app.number}）", row.name, row.owner.name if row.owner_id else "")
            )
    return result


def send_due_reminders(now: dt.datetime | None = None) -> int:
    """Tours whose time is "to be confirmed": tell the responsible person one hour before."""
    now = now or clock.now()
    due = ItineraryItem.select().where(
        ItineraryItem.to_be_confirmed == True,  # noqa: E712
        ItineraryItem.reminded == False,  # noqa: E712
        ItineraryItem.start > now,
        ItineraryItem.start <= now + TBC_REMINDER,
    )
    count = 0
    with database.atomic():
        for item in due:
            app = Application.get_by_id(item.arrangement.reception_id)
            if app.responsible_id is not None:
                notifications.notify_employee(
                    app.responsible_id,
                    translate("arrangements", "参观时间待确认：{client}").format(client=app.client_company),
                    translate(
                        "arrangements", "{start:%H:%M} 的参观（{route}）时间尚未确认，请通知相关部门。"
                    ).format(start=item.start, route=item.route or item.place),
                    kind="tour_reminder",
                )
                count += 1
            item.reminded = True
            item.save(only=[ItineraryItem.reminded])  # never writes back other fields read earlier
    return count
