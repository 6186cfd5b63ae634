"""The deny list (黑名单): people, companies or phones the desk must not admit unasked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.db import database
from desktop.i18n import translate
from desktop.models import DenyEntry
from desktop.services import audit, validation, versioning
from desktop.services.auth import Actor, require, require_any
from desktop.services.errors import NotFound, ValidationError
from desktop.services.text import company_forms, digits, normalize_name, normalize_phone


@dataclass(frozen=True)
class DenyInfo:
    id: int
    name: str
    company: str
    phone: str
    reason: str
    active: bool
    created_at: dt.datetime
    version: int = 0  # hand back to save_entry (services.versioning)

    def describe(self) -> str:
        who = " / ".join(x for x in (self.name, self.company, self.phone) if x)
        return f"{who}：{self.reason}"


def _info(r: DenyEntry) -> DenyInfo:
    return DenyInfo(r.id, r.name, r.company, r.phone, r.reason, r.active, r.created_at, r.version)


def list_entries(actor: Actor, *, include_inactive: bool = True) -> list[DenyInfo]:
    require_any(actor, "denylist.manage", "visitors.desk")
    query = DenyEntry.select().order_by(DenyEntry.created_at.desc())
    if not include_inactive:
        query = query.where(DenyEntry.active == True)  # noqa: E712
    return [_info(r) for r in query]


def save_entry(
    actor: Actor,
    *,
    name: str = "",
    company: str = "",
    phone: str = "",
    reason: str,
    active: bool = True,
    entry_id: int | None = None,
    version: int | None = None,
) -> DenyInfo:
    require(actor, "denylist.manage")
    errors: dict[str, str] = {}
    name = validation.text(errors, "name", translate("services", "姓名"), name, field=DenyEntry.name)
    company = validation.text(
        errors, "company", translate("services", "单位"), company, field=DenyEntry.company
    )
    phone = validation.text(errors, "phone", translate("services", "电话"), phone, field=DenyEntry.phone)
    reason = validation.text(errors, "reason", translate("services", "原因"), reason, field=DenyEntry.reason)
    if not (name or company or digits(phone)):
        errors.setdefault("name", translate("services", "姓名、单位、电话至少填一项。"))
    if not reason:
        errors.setdefault("reason", translate("services", "请填写原因。"))
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        before: dict = {}
        if entry_id is None:
            row = DenyEntry.create(
                name=name.strip(),
                company=company.strip(),
                phone=phone.strip(),
                reason=reason.strip(),
                active=active,
                created_by=actor.user_id,
            )
        else:
            row = DenyEntry.get_or_none(DenyEntry.id == entry_id)
            if row is None:
                raise NotFound(translate("services", "记录不存在。"))
            versioning.claim(row, version, actor)
            before = audit.snapshot(row)
            row.name, row.company, row.phone = name.strip(), company.strip(), phone.strip()
            row.reason, row.active = reason.strip(), active
            row.save()
        audit.record(actor, "edit" if before else "create", "deny", row.id, audit.row_changes(before, row))
    return _info(row)


def delete_entry(actor: Actor, entry_id: int) -> None:
    require(actor, "denylist.manage")
    with database.atomic():
        gone = audit.row_changes(audit.snapshot(DenyEntry.get_or_none(DenyEntry.id == entry_id)), {})
        if DenyEntry.delete().where(DenyEntry.id == entry_id).execute():
            audit.record(actor, "delete", "deny", entry_id, gone)


# A visitor's company shorter than this (after normalising) is not searched for inside listed
# names: "东莞" alone would flag every company of the town.
MIN_PARTIAL_COMPANY = 4


def company_matches(listed: str, typed: str) -> bool:
    """The same company however it was typed: 东莞恒信模具 / 东莞恒信模具有限公司 / 东莞恒信模具（集团）.

    Also when one contains the other: a listed 恒信模具 catches 东莞恒信模具有限公司, and a typed
    东莞恒信模具 catches a listed 东莞恒信模具制造.
    """
    for entry in company_forms(listed):
        for visitor in company_forms(typed):
            if entry in visitor or (len(visitor) >= MIN_PARTIAL_COMPANY and visitor in entry):
                return True
    return False


def matches(name: str, company: str, phone: str) -> list[DenyInfo]:
    """Active entries that match the visitor: the same name, the same or an overlapping company,
    or the same phone number, each compared in normalised form (width, spaces, legal-form
    suffixes, +86). Any one filled field of an entry is enough — a false alarm costs a
    confirmation, a miss costs more."""
    name_key, phone_key = normalize_name(name), normalize_phone(phone)
    found = []
    for r in DenyEntry.select().where(DenyEntry.active == True):  # noqa: E712
        hit = (
            (name_key and normalize_name(r.name) == name_key)
            or (r.company and company.strip() and company_matches(r.company, company))
            or (phone_key and normalize_phone(r.phone) == phone_key)
        )
        if hit:
            found.append(_info(r))
    return found
