"""Office settings and the editable pick lists (visitor categories, visit purposes).

Each setting is declared once in :data:`SETTINGS` with its default and label, so the settings
window, the defaults and validation come from the same place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop import clock
from desktop.db import database
from desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate
from desktop.models import OptionItem, Setting
from desktop.services import audit, validation, versioning
from desktop.services.auth import Actor, require
from desktop.services.errors import NotFound, ValidationError

CATEGORY = "visitor_category"
PURPOSE = "visit_purpose"
OPTION_KINDS = (CATEGORY, PURPOSE)

DEFAULT_OPTIONS: dict[str, tuple[str, ...]] = {
    CATEGORY: (
        "老客户（技术）",
        "老客户（商务）",
        "新开发客户",
        "自询客户",
        "介绍的客户",
        "供应商",
        "政府部门",
        "应聘人员",
        "其他",
    ),
    PURPOSE: (
        "了解公司运营情况",
        "考察生产体系",
        "考察质量控制体系",
        "考察研发体系",
        "商务洽谈",
        "联络感情",
        "产品审核",
        "体系审核",
        "参观",
        "面试",
        "送货 / 供应商来访",
        "其他",
    ),
}


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: str
    label: str


def setting_specs() -> list[SettingSpec]:
    return [
        SettingSpec("company_name", "示例科技有限公司", translate("settings", "公司名称（印在表单上）")),
        # The buyer tax id on an invoice must be this one (发票抬头, issue 13); empty: not checked.
        SettingSpec("company_tax_id", "", translate("settings", "纳税人识别号（核对发票抬头）")),
        SettingSpec("visitor_log_form_no", "XZ-QR-001", translate("settings", "来访登记表表单编号")),
        SettingSpec("default_wait_location", "一楼会客区", translate("settings", "默认等候地点")),
        SettingSpec("language", DEFAULT_LANGUAGE, translate("settings", "界面语言")),
        SettingSpec("lead_days_gm", "2", translate("settings", "总经理出席时须提前的工作日数")),
        SettingSpec("expense_due_days", "5", translate("settings", "费用汇总须在接待结束后几个工作日内提交")),
        SettingSpec("application_form_no", "XZ-QR-002", translate("settings", "客户接待申请表表单编号")),
        SettingSpec("arrangement_form_no", "XZ-QR-003", translate("settings", "客户接待安排表表单编号")),
        SettingSpec("itinerary_form_no", "XZ-QR-004", translate("settings", "商务考察行程安排表表单编号")),
        SettingSpec("feedback_form_no", "XZ-QR-005", translate("settings", "客户接待信息反馈表表单编号")),
        SettingSpec("expense_form_no", "XZ-QR-006", translate("settings", "接待费用报销汇总表表单编号")),
        SettingSpec("fine_form_no", "XZ-QR-007", translate("settings", "赞助单表单编号")),
        SettingSpec(
            "application_copies",
            "留底,接待负责人",
            translate("settings", "申请表印制份数（各联名称，逗号分隔）"),
        ),
        SettingSpec(
            "expense_signoff_chain",
            "经办人,部门负责人,财务审核,总经理审批,财务付款",
            translate("settings", "费用报销签字顺序（逗号分隔）"),
        ),
        SettingSpec(
            "fine_articles",
            "4.1 来宾到达前的准备=10；4.2 来宾到达公司后的接待=10；4.3 来宾参观时的接待=20",
            translate("settings", "赞助条款及每次金额（条款 名称=元，以；分隔）"),
        ),
        SettingSpec("fine_leader_share", "20", translate("settings", "直接领导连带责任比例（%）")),
        SettingSpec(
            "approval_dedupe", "1", translate("settings", "审批人去重：同一人连续审批时后续步骤自动通过")
        ),
        SettingSpec(
            "approval_resume",
            "1",
            translate("settings", "退回后重新提交时从退回的步骤继续（不勾选：从头开始）"),
        ),
        SettingSpec("remind_hours", "4", translate("settings", "催办间隔（小时）")),
        # 设置 → 备份与数据保留 (desktop/views/settings_backup.py), not the general tab: OWN_TAB
        SettingSpec("backup_keep", "14", translate("settings", "自动备份保留份数")),
        SettingSpec("retention_days", "365", translate("settings", "访客个人信息保存期限（天）")),
        SettingSpec(
            "approval_copy_on_approved",
            "行政部",
            translate("settings", "批准后自动抄送的角色（逗号分隔，如 行政部）"),
        ),
    ]


def _spec(key: str) -> SettingSpec:
    for spec in setting_specs():
        if spec.key == key:
            return spec
    raise KeyError(key)


def get(key: str) -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row is not None else _spec(key).default


def all_settings() -> dict[str, str]:
    stored = {s.key: s.value for s in Setting.select()}
    return {spec.key: stored.get(spec.key, spec.default) for spec in setting_specs()}


# Settings the program computes with, and their largest sensible value (working days).
INT_SETTINGS = {
    "lead_days_gm": 30,
    "expense_due_days": 60,
    "fine_leader_share": 100,
    "approval_dedupe": 1,
    "approval_resume": 1,
    "remind_hours": 72,
    "backup_keep": 365,
    "retention_days": 3650,
}
# Smallest sensible values: a typo of "1" must not keep one backup or wipe last week's visitors.
INT_MINIMUM = {"backup_keep": 1, "retention_days": 30}
# Settings with a tab of their own (备份与数据保留); the general tab leaves them out.
OWN_TAB = frozenset({"backup_keep", "retention_days"})


def split_list(text: str) -> list[str]:
    """ "留底,接待负责人" → ["留底", "接待负责人"] (Chinese or Latin commas, blanks dropped)."""
    return [part.strip() for part in text.replace("，", ",").replace("、", ",").split(",") if part.strip()]


def versions() -> dict[str, int]:
    """The version of each setting as stored (0: never saved); hand them back to :func:`save`."""
    stored = {s.key: s.version for s in Setting.select(Setting.key, Setting.version)}
    return {spec.key: stored.get(spec.key, 0) for spec in setting_specs()}


def save(actor: Actor, values: dict[str, str], versions: dict[str, int] | None = None) -> None:
    """Store ``values``. ``versions`` (from :func:`versions`, read with the values shown) makes a
    setting changed by someone else meanwhile refuse the whole save (StaleRecord)."""
    require(actor, "settings.manage")
    errors: dict[str, str] = {}
    specs = {s.key: s for s in setting_specs()}
    values = dict(values)
    for key in list(values):
        if key not in specs:
            errors[key] = translate("settings", "未知设置项。")
            continue
        limit = INT_SETTINGS.get(key)
        values[key] = validation.text(errors, key, specs[key].label, values[key], limit=200)
        if limit is not None and key not in errors:
            if not values[key].isascii() or not values[key].isdigit():
                errors[key] = translate("settings", "{field}须为整数。").format(field=specs[key].label)
            else:
                validation.count(
                    errors,
                    key,
                    specs[key].label,
                    int(values[key]),
                    minimum=INT_MINIMUM.get(key, 0),
                    maximum=limit,
                )
    if "company_name" in values and not values["company_name"].strip():
        errors["company_name"] = translate("settings", "公司名称不能为空。")
    if "company_tax_id" in values and "company_tax_id" not in errors:
        values["company_tax_id"] = values["company_tax_id"].strip().upper()
        if values["company_tax_id"] and not re.fullmatch(r"[0-9A-Z]{15,20}", values["company_tax_id"]):
            errors["company_tax_id"] = translate(
                "settings", "纳税人识别号应为 15 至 20 位数字或大写字母（统一社会信用代码为 18 位）。"
            )
    if "language" in values and values["language"] not in LANGUAGES:
        errors["language"] = translate("settings", "不支持的语言。")
    for key in ("application_copies", "expense_signoff_chain"):
        if key in values and key not in errors and not split_list(values[key]):
            errors[key] = translate("settings", "{field}至少填写一项。").format(field=specs[key].label)
    if "fine_articles" in values and "fine_articles" not in errors:
        from desktop.services import fines

        try:
            fines.parse_articles(values["fine_articles"])
        except ValueError as exc:
            errors["fine_articles"] = str(exc)
    if errors:
        raise ValidationError(errors)
    versions = versions or {}
    with database.atomic():
        changed: dict[str, tuple[str | None, str]] = {}
        for key, value in values.items():
            row = Setting.get_or_none(Setting.key == key)
            if (row.value if row is not None else None) != value.strip():
                changed[key] = (row.value if row is not None else None, value.strip())
            if row is not None:
                versioning.claim(row, versions.get(key), actor)
                Setting.update(value=value.strip()).where(Setting.key == key).execute()
            elif versions.get(key, 0) not in (0, None):
                raise versioning.stale_error(Setting, key)  # deleted meanwhile: never happens today
            else:
                Setting.insert(
                    key=key, value=value.strip(), updated_by_id=actor.user_id, updated_at=clock.now()
                ).on_conflict(  # two first saves at once: the later one wins, as before
                    conflict_target=[Setting.key], update={Setting.value: value.strip()}
                ).execute()
        if changed:
            audit.record(actor, "edit", "setting", ",".join(sorted(changed))[:60], changed)


def company_name() -> str:
    return get("company_name")


def company_tax_id() -> str:
    return get("company_tax_id")


@dataclass(frozen=True)
class Option:
    id: int
    kind: str
    label: str
    sort: int
    active: bool
    version: int = 0  # hand back to save_option (services.versioning)


def _option(row: OptionItem) -> Option:
    return Option(row.id, row.kind, row.label, row.sort, row.active, row.version)


def options(kind: str, *, include_inactive: bool = False) -> list[Option]:
    query = OptionItem.select().where(OptionItem.kind == kind)
    if not include_inactive:
        query = query.where(OptionItem.active == True)  # noqa: E712
    return [_option(r) for r in query.order_by(OptionItem.sort, OptionItem.id)]


def ensure_default_options() -> None:
    """Seed the pick lists the first time; never touches lists an office has edited."""
    with database.atomic():
        for kind, labels in DEFAULT_OPTIONS.items():
            if OptionItem.select().where(OptionItem.kind == kind).exists():
                continue
            for i, label in enumerate(labels):
                OptionItem.create(kind=kind, label=label, sort=i)


def save_option(
    actor: Actor,
    kind: str,
    label: str,
    option_id: int | None = None,
    active: bool = True,
    version: int | None = None,
) -> Option:
    require(actor, "settings.manage")
    errors: dict[str, str] = {}
    label = validation.text(errors, "label", translate("settings", "名称"), label, field=OptionItem.label)
    validation.raise_if(errors)
    if kind not in OPTION_KINDS:
        raise ValidationError({"kind": translate("settings", "未知列表。")})
    if not label:
        raise ValidationError({"label": translate("settings", "名称不能为空。")})
    clash = OptionItem.select().where(
        OptionItem.kind == kind, OptionItem.label == label, OptionItem.id != (option_id or 0)
    )
    if clash.exists():
        raise ValidationError({"label": translate("settings", "列表里已有“{label}”。").format(label=label)})
    with database.atomic():
        if option_id is None:
            last = OptionItem.select().where(OptionItem.kind == kind).count()
            row = OptionItem.create(kind=kind, label=label, sort=last, active=active)
            audit.record(actor, "create", "setting", f"option:{row.id}", {"label": (None, label)}, kind)
        else:
            row = OptionItem.get_or_none(OptionItem.id == option_id, OptionItem.kind == kind)
            if row is None:
                raise NotFound(translate("settings", "选项不存在。"))
            versioning.claim(row, version, actor)
            changes = audit.diff(row, {"label": label, "active": active})
            row.label = label
            row.active = active
            row.save()
            audit.record(actor, "edit", "setting", f"option:{row.id}", changes, kind)
    return _option(row)


def move_option(actor: Actor, option_id: int, delta: int) -> None:
    """Move an option up (-1) or down (+1) in its list."""
    require(actor, "settings.manage")
    row = OptionItem.get_or_none(OptionItem.id == option_id)
    if row is None:
        raise NotFound(translate("settings", "选项不存在。"))
    items = list(
        OptionItem.select().where(OptionItem.kind == row.kind).order_by(OptionItem.sort, OptionItem.id)
    )
    index = next(i for i, r in enumerate(items) if r.id == option_id)
    target = index + delta
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    with database.atomic():
        for i, item in enumerate(items):
            if item.sort != i:
                OptionItem.update(sort=i).where(OptionItem.id == item.id).execute()
