"""How the 审计日志 shows an entry's changes: Chinese field names and readable values.

The stored JSON keeps column names and raw values (``status: draft``, ``department: 4``),
because the hash chain covers that text and must never change; the labels are put on when
the trail is read, in the reader's language. A field without a label shows its column name;
a value this module does not know how to read shows as stored.

Foreign keys become names with one query per referenced table for a whole page of entries
(:func:`lookup_names`), never one per row.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Callable, Iterable
from typing import Any

from desktop.i18n import translate

_CTX = "audit_fields"


def _common_labels() -> dict[str, str]:
    t = lambda text: translate(_CTX, text)  # noqa: E731
    return {
        # applications
        "number": t("编号"),
        "status": t("状态"),
        "applicant": t("申请人"),
        "department": t("部门"),
        "client_company": t("来宾公司名称"),
        "client_location": t("来宾所在地"),
        "client_business": t("来宾主营业务"),
        "venue": t("接待地点"),
        "category": t("类别"),
        "level": t("接待级别"),
        "standard": t("接待标准"),
        "our_attendees": t("我方人数"),
        "purpose": t("来访目的"),
        "background": t("客户背景"),
        "arrival": t("到达时间"),
        "departure": t("离开时间"),
        "needs_pickup": t("需接机/接站"),
        "needs_hotel": t("需住宿"),
        "needs_meals": t("需用餐"),
        "needs_vehicle": t("需用车"),
        "needs_tour": t("需参观"),
        "needs_gifts": t("需礼品"),
        "needs_materials": t("需资料"),
        "gm_attends": t("总经理出席"),
        "chairman_attends": t("董事长出席"),
        "responsible": t("接待负责人"),
        "remarks": t("备注"),
        "meals": t("餐数"),
        "nights": t("晚数"),
        "rooms": t("房间数"),
        "trips": t("趟数"),
        "accompany_diners": t("陪餐人数"),
        "urgent": t("加急"),
        "urgent_reason": t("加急原因"),
        "visit": t("来访登记"),
        "total": t("合计"),
        "over_standard": t("超标准"),
        "step_index": t("审批步骤"),
        "chain": t("审批流程"),
        "revision": t("版本"),
        "root": t("原申请"),
        "created_at": t("创建时间"),
        "submitted_at": t("提交时间"),
        "decided_at": t("审批时间"),
        "resume_step": t("退回后从第几步继续"),
        "comment": t("意见"),
        # arrangements
        "arrangement": t("接待安排"),
        "kind": t("类型"),
        "start": t("开始"),
        "end": t("结束"),
        "place": t("地点"),
        "room": t("会议室"),
        "projector": t("投影仪"),
        "vehicle": t("车辆"),
        "transport_no": t("航班/车次"),
        "station": t("机场/车站"),
        "route": t("路线"),
        "guide": t("讲解/陪同"),
        "to_be_confirmed": t("待确认"),
        "restaurant": t("餐厅"),
        "hotel": t("酒店"),
        "guests": t("来宾人数"),
        "diners": t("陪餐人数"),
        "notes": t("备注"),
        "done": t("已完成"),
        "owner": t("负责人"),
        "checklist": t("准备事项"),
        "recipients": t("分发对象"),
        "printed_revision": t("打印的版本"),
        "printed_at": t("打印时间"),
        "items": t("行程条数"),
        # expenses
        "date": t("日期"),
        "vendor": t("商户"),
        "invoice_code": t("发票代码"),
        "invoice_no": t("发票号码"),
        "amount": t("金额"),
        "tax": t("税额"),
        "drinks": t("酒水"),
        "payment_method": t("支付方式"),
        "reason": t("原因"),
        "voucher": t("凭证文件"),
        "reimbursed_on": t("付款日期"),
        "reimbursed_method": t("报销方式"),
        "reimbursed_reference": t("凭证号"),
        "reimbursed_note": t("报销备注"),
        "reimbursed_period": t("会计期间"),
        "due": t("提交期限"),
        # fines
        "person": t("被罚人"),
        "article": t("条款"),
        "article_title": t("条款名称"),
        "base_amount": t("基准金额"),
        "multiplier": t("倍数"),
        "share_percent": t("分担比例（%）"),
        "occurred_on": t("发生日期"),
        "description": t("事由"),
        "reception": t("接待"),
        "void_reason": t("作废原因"),
        # feedback
        "discussed": t("洽谈内容"),
        "requirements": t("客户要求"),
        "satisfaction": t("满意度"),
        "followup_owner": t("跟进人"),
        "signed_off_at": t("签字时间"),
        # users, org, deny list, resources
        "username": t("用户名"),
        "display_name": t("显示名称"),
        "employee": t("员工"),
        "active": t("启用"),
        "language": t("语言"),
        "email": t("电子邮箱"),
        "roles": t("角色"),
        "password": t("密码"),
        "last_login": t("上次登录"),
        "failed_logins": t("登录失败次数"),
        "locked_until": t("锁定至"),
        "name": t("名称"),
        "title": t("职务"),
        "phone": t("电话"),
        "sort": t("排序"),
        "superior_id": t("上级部门"),
        "company": t("公司"),
        "created_by": t("创建人"),
        "star": t("星级"),
        "address": t("地址"),
        "room_price": t("房价"),
        "price_per_person": t("人均"),
        "capacity": t("容纳人数"),
        "location": t("位置"),
        "plate": t("车牌"),
        "model": t("车型"),
        "seats": t("座位数"),
        "driver": t("司机"),
        "driver_phone": t("司机电话"),
        "label": t("名称"),
        # standards
        "meal_cap": t("餐费标准"),
        "hotel_cap": t("住宿标准"),
        "transport_cap": t("交通标准"),
        "gift_cap": t("礼品标准"),
        "tour_cap": t("参观标准"),
        "accompany": t("陪餐规定"),
        "accompany_small_group": t("小团人数"),
        "accompany_small_limit": t("小团陪餐上限"),
        "accompany_ratio": t("陪餐比例"),
        "gifts_decider": t("礼品决定人"),
        "tour_decider": t("参观决定人"),
        "lead_days": t("提前工作日数"),
        # calendar
        "is_workday": t("工作日"),
        # imports, reconciliation, rules
        "lines": t("行数"),
        "auto": t("自动匹配条数"),
        "decision": t("对账结果"),
        "text": t("内容"),
        "note": t("备注"),
        "decided": t("处理条数"),
        "file": t("文件"),
        "profile": t("导入方案"),
        "signature": t("表头特征"),
        "header_row": t("表头行"),
        "mapping": t("列对应"),
        # notification channels
        "config": t("配置"),
        "events": t("通知事件"),
        # visitors, retention
        "id_number": t("证件号"),
        "count": t("条数"),
        "ids": t("记录编号"),
    }


def _kind_labels(kind: str) -> dict[str, str]:
    """Where one column name means something else in one kind of record."""
    t = lambda text: translate(_CTX, text)  # noqa: E731
    per_kind = {
        "application": {"category": t("来宾类别"), "total": t("预算合计"), "route": t("审批路线")},
        "expense_line": {"category": t("费用类别"), "total": t("价税合计"), "amount": t("不含税金额")},
        "expense_summary": {"comment": t("备注/意见")},
        "fine": {"amount": t("罚款金额"), "department": t("所在部门")},
        "budget": {str(m): t("{m} 月").format(m=m) for m in range(1, 13)},
        "reconcile_rule": {"kind": t("规则类型")},
        "notify_channel": {"kind": t("渠道类型")},
        "visitor": {"name": t("姓名")},
        "user": {"name": t("姓名")},
    }
    return per_kind.get(kind, {})


def _setting_labels() -> dict[str, str]:
    from desktop.services import settings

    return {spec.key: spec.label for spec in settings.setting_specs()}


def field_label(kind: str, field: str) -> str:
    """The field's name as the reader should see it; the column name when none is known."""
    special = _kind_labels(kind)
    if field in special:
        return special[field]
    if kind == "setting":
        labels = _setting_labels()
        if field in labels:
            return labels[field]
    return _common_labels().get(field, field)


# ------------------------------------------------------------------------------- values

_MONEY = frozenset(
    {
        "total",
        "amount",
        "tax",
        "drinks",
        "base_amount",
        "estimate",
        "cap",
        "room_price",
        "price_per_person",
        "meal_cap",
        "hotel_cap",
        "transport_cap",
        "gift_cap",
        "tour_cap",
        "min_total",
    }
)

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


def _money(value: Any) -> str | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    try:
        amount = decimal.Decimal(str(value))
    except (decimal.InvalidOperation, ValueError):
        return None
    if not amount.is_finite():
        return None
    return f"¥{amount:,.2f}"


def _code_labeller(kind: str, field: str) -> Callable[[str], str] | None:
    """A label function for a column holding codes, or None."""
    if field == "status":
        if kind == "application":
            from desktop.services.applications import status_label

            return status_label
        if kind == "expense_summary":
            from desktop.services.expenses import status_label

            return status_label
        if kind == "visitor":
            from desktop.services.visitors import status_label

            return status_label
    if field == "category" and kind == "expense_line":
        from desktop.services.standards import category_label

        return category_label
    if field == "kind":
        if kind == "arrangement":
            from desktop.services.arrangements import kind_label

            return kind_label
        if kind == "reconcile_rule":
            from desktop.services.reconcile_rules import kind_label

            return kind_label
        if kind == "notify_channel":
            from desktop.services.outbox import kind_label

            return kind_label
        if kind == "visitor":
            from desktop.services.visitors import kind_label

            return kind_label
    if field in ("reimbursed_method", "payment_method"):
        from desktop.services.expenses import method_label

        return method_label
    if field == "roles" or (field == "role" and kind in ("user", "approval")):
        from desktop.services.auth import role_label

        return role_label
    if field == "events":
        from desktop.services.outbox import event_label

        return lambda text: "、".join(event_label(e) for e in str(text).split(",") if e)
    if field == "decision" and kind == "reconcile":
        return _decision_label
    return None


def _decision_label(code: str) -> str:
    """A reconciliation decision as recorded ("manual:12", "not_reception", "held")."""
    text = str(code)
    head, _, tail = text.partition(":")
    with_id = {
        "manual": translate(_CTX, "人工匹配到费用明细 #{id}"),
        "auto": translate(_CTX, "自动匹配到费用明细 #{id}"),
    }
    plain = {
        "manual": translate(_CTX, "人工匹配"),
        "auto": translate(_CTX, "自动匹配"),
        "rule": translate(_CTX, "按规则排除"),
        "not_reception": translate(_CTX, "非接待费用"),
        "held": translate(_CTX, "待处理"),
    }
    if tail and head in with_id:
        return with_id[head].format(id=tail)
    return plain.get(head, text)


# Foreign-key columns: which table and how its rows are named. The same name can mean another
# table in another kind of record (``category`` is an option on an application, a code on an
# expense line), so only integer values are looked up.
def _fk_targets() -> dict[str, tuple[Any, Callable[[Any], str]]]:
    from desktop.models import (
        AgreementHotel,
        Application,
        Department,
        Employee,
        LevelStandard,
        MatchRule,
        MeetingRoom,
        NotifyChannel,
        OptionItem,
        ReceptionLevel,
        Restaurant,
        User,
        Vehicle,
    )

    def user_name(u: Any) -> str:
        return u.display_name or u.username

    return {
        "department": (Department, lambda r: r.name),
        "superior_id": (Department, lambda r: r.name),
        "applicant": (User, user_name),
        "created_by": (User, user_name),
        "entered_by": (User, user_name),
        "submitted_by": (User, user_name),
        "signed_off_by": (User, user_name),
        "recorded_by": (User, user_name),
        "voided_by": (User, user_name),
        "responsible": (Employee, lambda r: r.name),
        "person": (Employee, lambda r: r.name),
        "owner": (Employee, lambda r: r.name),
        "followup_owner": (Employee, lambda r: r.name),
        "employee": (Employee, lambda r: r.name),
        "host": (Employee, lambda r: r.name),
        "level": (ReceptionLevel, lambda r: f"{r.code} {r.name}".strip()),
        "standard": (
            LevelStandard,
            lambda r: translate(_CTX, "{level} 级第 {n} 版").format(level=r.level.code, n=r.version),
        ),
        "category": (OptionItem, lambda r: r.label),
        "purpose": (OptionItem, lambda r: r.label),
        "room": (MeetingRoom, lambda r: r.name),
        "vehicle": (Vehicle, lambda r: r.plate),
        "restaurant": (Restaurant, lambda r: r.name),
        "hotel": (AgreementHotel, lambda r: r.name),
        "reception": (Application, lambda r: r.number),
        "rule": (MatchRule, lambda r: r.text or r.kind),
        "channel": (NotifyChannel, lambda r: r.name),
    }


Names = dict[tuple[str, int], str]


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def lookup_names(entries: Iterable[tuple[str, dict[str, Any]]]) -> Names:
    """``{(field, id): name}`` for the foreign keys in these (kind, changes) pairs: one query
    per referenced table. A row deleted since keeps showing its number."""
    from desktop.models import LevelStandard, ReceptionLevel

    targets = _fk_targets()
    wanted: dict[Any, set[int]] = {}
    fields_of: dict[Any, set[str]] = {}
    for kind, changes in entries:
        for field, pair in changes.items():
            if field not in targets or (field == "category" and kind == "expense_line"):
                continue
            model, _namer = targets[field]
            values = pair if isinstance(pair, list) else [pair]
            for value in values:
                if _is_id(value):
                    wanted.setdefault(model, set()).add(value)
                    fields_of.setdefault(model, set()).add(field)
    names: Names = {}
    for model, ids in wanted.items():
        rows = {}
        ordered = sorted(ids)
        for start in range(0, len(ordered), 500):
            query = model.select()
            if model is LevelStandard:  # named by its level's code: fetched in the same query
                query = model.select(model, ReceptionLevel).join(ReceptionLevel)
            for row in query.where(model.id.in_(ordered[start : start + 500])):
                rows[row.id] = row
        for field in fields_of[model]:
            namer = targets[field][1]
            for row_id, row in rows.items():
                try:
                    names[(field, row_id)] = namer(row)
                except AttributeError:  # pragma: no cover - a namer on the wrong table
                    continue
    return names


def show_value(kind: str, field: str, value: Any, names: Names | None = None) -> str:
    """One old or new value as the reader should see it."""
    empty = translate("audit", "（空）")
    if value is None or value == "":
        return empty
    if isinstance(value, bool):
        return translate("audit", "是") if value else translate("audit", "否")
    if isinstance(value, list):
        if not value:
            return empty
        return "、".join(show_value(kind, field, v, names) for v in value)
    if isinstance(value, dict):
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if names and _is_id(value) and (field, value) in names:
        return names[(field, value)]
    if field == "reimbursed_period" and _is_id(value) and 190001 <= value <= 999912:  # YYYYMM
        return translate(_CTX, "{y} 年 {m} 月").format(y=value // 100, m=value % 100)
    if field in ("step_index", "resume_step") and _is_id(value):  # stored from 0
        return translate(_CTX, "第 {n} 步").format(n=value + 1)
    if field in _MONEY or kind == "budget":
        money = _money(value)
        if money is not None:
            return money
    labeller = _code_labeller(kind, field)
    if labeller is not None and isinstance(value, str):
        return labeller(value)
    if isinstance(value, str) and _DATETIME.match(value):
        try:
            moment = dt.datetime.fromisoformat(value.replace("T", " "))
        except ValueError:
            return value
        return f"{moment:%Y-%m-%d %H:%M}" if moment.second == 0 else f"{moment:%Y-%m-%d %H:%M:%S}"
    return str(value)


def describe(kind: str, changes: dict[str, Any], names: Names | None = None) -> str:
    """``金额: ¥100.00 → ¥120.00; 状态: 草稿 → 审批中`` — one readable line."""
    parts = []
    fields = list(changes)
    if fields and all(f.isdigit() for f in fields):  # months of a budget: 1 … 12, not 1, 10, 11
        fields.sort(key=int)
    for field in fields:
        pair = changes[field]
        old, new = (list(pair) + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        if old in (None, "", []) and new in (None, "", []):  # "（空） → （空）" says nothing
            continue
        parts.append(
            f"{field_label(kind, field)}: {show_value(kind, field, old, names)} → "
            f"{show_value(kind, field, new, names)}"
        )
    return "; ".join(parts)
