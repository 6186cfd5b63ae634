"""客户接待申请表 — the application with its guests, budget against the standard, the total in
figures and capitals (大写), and one signature block per approval step filled from history.

Printed in the copies the regulation names (一份留底，一份交接待负责人; the ``application_copies``
setting), each copy labelled in its top-right corner. A typical application fits one A4 page; a
long guest list runs on to page 2, which repeats the title, number and copy.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desktop import paths
from desktop.exporters.formdoc import HEADER, LABEL, SIGN, Cell, FormDoc, check, write_pdf_many, write_xlsx
from desktop.i18n import chinese_form
from desktop.services.applications import ApplicationDetail, step_label
from desktop.services.approval import decision_label
from desktop.services.money import format_money
from desktop.services.standards import category_label

DEFAULT_COPIES = ("留底", "接待负责人")

TEMPLATE = paths.FORMS_TEMPLATES / "application.xlsx"
TITLE = "客户接待申请表"


def _dt(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


@chinese_form
def build(detail: ApplicationDetail, company: str, form_no: str) -> FormDoc:
    info, form, est = detail.info, detail.form, detail.estimate
    revision = f"（第 {info.revision} 版）" if info.revision > 1 else ""
    submitted = f"提交 {info.submitted_at:%Y-%m-%d}" if info.submitted_at else "未提交"
    doc = FormDoc(
        TITLE,
        company,
        f"编号：{info.number}{revision}　{info.status_label}　{submitted}",
        f"表单编号：{form_no}",
        widths=(1.25, 1, 1, 1, 1.25, 1, 1, 1.1),
    )
    doc.fields(("申请人", info.applicant_name, 3), ("申请部门", info.department_name, 3))
    doc.fields(("来宾公司", form.client_company, 7))
    doc.fields(("所在地", form.client_location, 3), ("主营业务", form.client_business, 3))
    level = f"{est.standard.level_code} · {est.standard.level_name}（标准第 {est.standard.version} 版）"
    doc.fields(("客户类别", detail.category, 3), ("接待级别", level, 3))
    doc.fields(("到达时间", _dt(form.arrival), 3), ("离开时间", _dt(form.departure), 3))
    doc.fields(("来访人数", str(info.guest_count), 3), ("我方出席", str(form.our_attendees), 3))
    attend = "、".join(x for x, on in (("总经理", form.gm_attends), ("董事长", form.chairman_attends)) if on)
    doc.fields(("接待负责人", detail.responsible_name, 3), ("领导出席", attend or "无", 3))
    doc.fields(("接待地点", form.venue or "", 7))
    doc.fields(("来访目的", form.purpose, 7))
    doc.fields(("客户背景", form.background, 7))
    needs = "　".join(
        f"{name} {check(on)}"
        for name, on in (
            ("接机/接站", form.needs_pickup),
            ("住宿", form.needs_hotel),
            ("用餐", form.needs_meals),
            ("用车", form.needs_vehicle),
            ("参观", form.needs_tour),
            ("礼品", form.needs_gifts),
            ("资料", form.needs_materials),
        )
    )
    doc.fields(("接待需求", needs, 7))
    if form.urgent or form.visit_id:  # the exceptions only: a typical application keeps to one page
        urgent = f"是：{form.urgent_reason}" if form.urgent else "否"
        backfill = f"是（来访登记 #{form.visit_id}）" if form.visit_id else "否"
        doc.fields(("加急申请", urgent, 3), ("事后补填", backfill, 3))
    if form.remarks:
        doc.fields(("备注", form.remarks, 7))

    doc.section("来访人员名单")
    doc.row(
        Cell("序号", 1, HEADER), Cell("姓名", 3, HEADER), Cell("职务", 3, HEADER), Cell("性别", 1, HEADER)
    )
    for i, guest in enumerate(form.guests, start=1):
        doc.row(
            Cell(i, 1, align="center"),
            Cell(guest.name, 3),
            Cell(guest.title, 3),
            Cell(guest.gender, 1, align="center"),
        )

    doc.section(
        f"费用预算（餐 {form.meals} 次 · 陪餐 {form.accompany_diners} 人，上限 {est.accompany_limit} 人 · "
        f"{form.rooms} 间 × {form.nights} 晚 · 用车 {form.trips} 趟）"
    )
    doc.row(
        Cell("费用类别", 1, HEADER),
        Cell("标准单价", 1, HEADER),
        Cell("标准估算", 1, HEADER),
        Cell("申请金额", 1, HEADER),
        Cell("是否超标", 1, HEADER),
        Cell("超标说明", 3, HEADER),
    )
    for line in est.lines:
        if not line.estimate and not line.amount and not line.reason:
            continue  # a category this reception does not use
        doc.row(
            Cell(category_label(line.category), 1, align="center"),  # Chinese from the code
            Cell(format_money(line.cap) if line.cap is not None else "—", 1, align="right"),
            Cell(format_money(line.estimate), 1, align="right"),
            Cell(format_money(line.amount), 1, align="right"),
            Cell("超标" if line.over_cap else "", 1, align="center"),
            Cell(line.reason, 3),
        )
    doc.fields(("合计", format_money(est.total), 1), ("大写", est.total_capital, 5))
    if est.budget is not None:
        doc.fields(("部门预算", budget_text(est.budget, est.total), 7))

    doc.section("审批意见（先报批、后接待；超标准费用须另行审批）")
    doc.row(
        Cell("审批环节", 2, HEADER),
        Cell("审批人", 1, HEADER),
        Cell("结论", 1, HEADER),
        Cell("意见", 3, HEADER),
        Cell("日期", 1, HEADER),
    )
    # Only decisions after the latest submission belong to the signature blocks of this round.
    submits = [i for i, a in enumerate(detail.approvals) if a.decision == "submit"]
    current = detail.approvals[submits[-1] + 1 :] if submits else []
    # One signature row per thing someone did at a step — approvals, automatic passes (审批人去重),
    # 转交 and 加签 with whom they named — then blank rows for the steps still to come.
    signed = ("approve", "reject", "return", "auto", "transfer", "add_before", "add_after")
    for record in (a for a in current if a.decision in signed):
        comment = "；".join(part for part in (record.comment, record.note) if part)
        if record.decision in ("transfer", "add_before", "add_after") and record.note:
            comment = f"→ {record.note}" + (f"：{record.comment}" if record.comment else "")
        doc.row(
            Cell(step_label(record.step_label), 2, LABEL),
            Cell(record.user_name, 1, SIGN, "center"),
            Cell(decision_label(record.decision), 1, SIGN, "center"),
            Cell(comment, 3, SIGN),
            Cell(record.at.strftime("%Y-%m-%d"), 1, SIGN, "center"),
        )
    waiting = info.chain[info.step_index :] if info.status == "pending" else []
    if info.status in ("draft", "withdrawn") or not current:
        waiting = info.chain or []
    for _role, label in waiting:
        doc.row(
            Cell(step_label(label), 2, LABEL),
            Cell("", 1, SIGN),
            Cell("", 1, SIGN),
            Cell("", 3, SIGN),
            Cell("", 1, SIGN),
        )
    if not info.chain:
        doc.row(Cell("尚未提交审批", 8, SIGN, "center"))
    return doc


def budget_text(b, own: Decimal) -> str:
    """The month's budget with this form counted in: the line must say when it would go over.

    ``b`` leaves this reception out (its used/pending are the department's other receptions), so
    the form's own amount is added here, once, whatever its status."""
    after = b.budget - b.used - b.pending - own
    head = (
        f"{b.year} 年 {b.month} 月：预算 {format_money(b.budget)}，已批 {format_money(b.used)}，"
        f"审批中 {format_money(b.pending)}，本单 {format_money(own)}"
    )
    if after < 0:
        return f"{head}；计入本单后超出预算 {format_money(-after)}"
    return f"{head}；计入本单后剩余 {format_money(after)}"


def copies_setting() -> tuple[str, ...]:
    from desktop.services import settings

    return tuple(settings.split_list(settings.get("application_copies"))) or DEFAULT_COPIES


@chinese_form
def export_application(
    detail: ApplicationDetail,
    company: str,
    form_no: str,
    path: Path,
    copies: tuple[str, ...] | None = None,
) -> Path:
    """Every copy in one file: one sheet (.xlsx) or one page group (.pdf) per labelled copy."""
    path = Path(path)
    copies = copies if copies is not None else copies_setting()
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(build(detail, company, form_no), TEMPLATE, path, copies=[f"{c}联" for c in copies])
    if suffix == ".pdf":
        docs = []
        for c in copies or ("",):
            doc = build(detail, company, form_no)
            doc.copy_label = f"{c}联" if c else ""
            docs.append(doc)
        return write_pdf_many(docs, path)
    raise ValueError(f"cannot write {suffix or 'a file without extension'}: use .xlsx or .pdf")
