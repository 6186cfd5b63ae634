"""赞助单 — the fine slip of regulation 001 §4.4: the breach, the article and its amount, the
severity multiplier, the direct leader's joint share, the total in figures and capitals, and
the two signatures the regulation names (行政人事经理, 部门经理)."""

from __future__ import annotations

from pathlib import Path

from desktop import paths
from desktop.exporters.formdoc import HEADER, LABEL, SIGN, Cell, FormDoc, write_pdf, write_xlsx
from desktop.i18n import chinese_form
from desktop.services.fines import FineSlip
from desktop.services.money import chinese_capital, format_money

TEMPLATE = paths.FORMS_TEMPLATES / "fine.xlsx"
TITLE = "赞助单"
WIDTHS = (1.2, 1, 1, 1, 1.2, 1, 1, 1)
SIGNERS = ("行政人事经理", "部门经理")


@chinese_form
def build(slip: FineSlip, company: str, form_no: str) -> FormDoc:
    fine = slip.fine
    state = "（已作废：" + fine.void_reason + "）" if fine.voided else ""
    doc = FormDoc(TITLE, company, f"编号：ZZ-{fine.id:05d}{state}", f"表单编号：{form_no}", widths=WIDTHS)
    doc.fields(("被赞助人", fine.person, 3), ("部门", fine.department, 3))
    doc.fields(("违规日期", f"{fine.occurred_on:%Y-%m-%d}", 3), ("关联接待", fine.reception or "—", 3))
    doc.fields(("违反条款", f"第 {fine.article} 条　{fine.article_title}", 7))
    doc.fields(("违规情况", fine.description or "—", 7))
    doc.section("赞助金额")
    doc.row(
        Cell("承担人", 2, HEADER),
        Cell("责任", 2, HEADER),
        Cell("计算", 3, HEADER),
        Cell("金额", 1, HEADER),
    )
    serious = "（情节严重）" if fine.multiplier > 1 else ""
    doc.row(
        Cell(fine.person, 2, align="center"),
        Cell("违规人" + serious, 2, align="center"),
        Cell(f"{format_money(fine.base_amount)} × {fine.multiplier}", 3, align="center"),
        Cell(format_money(fine.amount), 1, align="right"),
    )
    for share in slip.shares:
        doc.row(
            Cell(share.person, 2, align="center"),
            Cell(f"直接领导连带责任 {share.share_percent}%", 2, align="center"),
            Cell(f"{format_money(fine.amount)} × {share.share_percent}%", 3, align="center"),
            Cell(format_money(share.amount), 1, align="right"),
        )
    doc.fields(("合计", format_money(slip.total), 1), ("大写", chinese_capital(slip.total), 5))
    doc.section("签字")
    doc.row(Cell("签字人", 2, HEADER), Cell("签名", 4, HEADER), Cell("日期", 2, HEADER))
    for signer in SIGNERS:
        doc.row(Cell(signer, 2, LABEL), Cell("", 4, SIGN), Cell("", 2, SIGN))
    doc.row(Cell("被赞助人确认", 2, LABEL), Cell("", 4, SIGN), Cell("", 2, SIGN))
    doc.footer = (
        f"记录：{fine.recorded_by} {fine.recorded_at:%Y-%m-%d %H:%M}　　"
        "依据《赞助管理办法》4.4：情节严重者处规定金额 2–5 倍；直接领导承担连带责任。"
    )
    return doc


@chinese_form
def export_fine(slip: FineSlip, company: str, form_no: str, path: Path) -> Path:
    path = Path(path)
    doc = build(slip, company, form_no)
    if path.suffix.lower() == ".pdf":
        return write_pdf(doc, path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(doc, TEMPLATE, path)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")
