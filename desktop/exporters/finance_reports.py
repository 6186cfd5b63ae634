"""对账报告 (reconciliation report: .xlsx with summary / matched / unmatched / flags sheets, and a
.pdf) and 接待费用报销汇总表 (expense summary with budget vs actual, vouchers, signatures)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from desktop import clock, paths
from desktop.exporters import pdfkit
from desktop.exporters.cells import append_row
from desktop.exporters.formdoc import HEADER, LABEL, SIGN, Cell, FormDoc, write_pdf, write_xlsx
from desktop.services.expenses import SummaryInfo
from desktop.services.money import chinese_capital, format_money

EXPENSE_TEMPLATE = paths.FORMS_TEMPLATES / "expenses.xlsx"
EXPENSE_TITLE = "接待费用报销汇总表"
REPORT_TITLE = "对账报告"
WIDTHS = (1.2, 1, 1.4, 1, 1, 1, 1, 1)


@dataclass(frozen=True)
class ReportData:
    company: str
    date_from: dt.date
    date_to: dt.date
    matched: list[list[object]]  # rows for the sheet
    unmatched: list[list[object]]
    flags: list[list[object]]
    summary: list[tuple[str, object]]


MATCHED_HEAD = [
    "导入日期",
    "发票号",
    "对方/销方",
    "导入金额",
    "接待",
    "报销日期",
    "报销金额",
    "匹配方式",
    "得分",
]
UNMATCHED_HEAD = ["导入日期", "发票号", "对方/销方", "摘要", "金额", "最佳候选", "得分", "理由"]
FLAGS_HEAD = ["类别", "说明", "接待", "导入记录", "报销明细"]


def _sheet(ws, head: list[str], rows: list[list[object]]) -> None:
    thin = Side(style="thin", color="999999")
    append_row(ws, head)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EDF3")
        cell.border = Border(bottom=thin)
        cell.alignment = Alignment(horizontal="center")
    for row in rows:
        append_row(ws, [str(v) if isinstance(v, (dt.date,)) else v for v in row])
    for i, title in enumerate(head, start=1):
        width = max([len(str(title)) * 2] + [len(str(r[i - 1])) * 1.6 for r in rows[:200] if i - 1 < len(r)])
        ws.column_dimensions[get_column_letter(i)].width = min(max(10, width), 48)
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def write_report(data: ReportData, path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        wb = Workbook()
        ws = wb.active
        ws.title = "汇总"
        append_row(ws, [f"{data.company} {REPORT_TITLE}"])
        ws["A1"].font = Font(size=14, bold=True)
        append_row(ws, [f"期间：{data.date_from} 至 {data.date_to}"])
        append_row(ws, [])
        for key, value in data.summary:
            append_row(ws, [key, value])
        ws.column_dimensions["A"].width = 30
        ws.column_dimensions["B"].width = 20
        _sheet(wb.create_sheet("已匹配"), MATCHED_HEAD, data.matched)
        _sheet(wb.create_sheet("未匹配"), UNMATCHED_HEAD, data.unmatched)
        _sheet(wb.create_sheet("问题清单"), FLAGS_HEAD, data.flags)
        wb.save(path)
        return path
    if path.suffix.lower() == ".pdf":
        width = pdfkit.content_width(True)
        st = pdfkit.styles()
        story = pdfkit.title_block(
            REPORT_TITLE,
            data.company,
            f"期间：{data.date_from} 至 {data.date_to}",
            f"生成：{clock.now():%Y-%m-%d %H:%M}",
            width,
        )
        story.append(
            pdfkit.grid([["项目", "数量"]] + [[k, v] for k, v in data.summary], [width * 0.4, width * 0.2])
        )
        for title, head, rows in (
            ("问题清单", FLAGS_HEAD, data.flags),
            ("未匹配", UNMATCHED_HEAD, data.unmatched),
            ("已匹配", MATCHED_HEAD, data.matched),
        ):
            story.append(pdfkit.para(f"{title}（{len(rows)}）", st["big"]))
            if rows:
                widths = [width / len(head)] * len(head)
                story.append(pdfkit.grid([head] + [[str(v) for v in r] for r in rows], widths))
        return pdfkit.build(path, story, landscape_page=True, title=REPORT_TITLE)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")


def expense_doc(info: SummaryInfo, company: str) -> FormDoc:
    app = info.application
    late = "（逾期提交）" if info.late else ""
    doc = FormDoc(
        EXPENSE_TITLE,
        company,
        f"编号：{app.number}　{info.status_label}{late}",
        f"应交：{info.due:%Y-%m-%d}",
        widths=WIDTHS,
    )
    doc.fields(("来宾公司", app.client_company, 3), ("接待级别", f"{app.level_code} · {app.level_name}", 3))
    doc.fields(
        ("接待时间", f"{app.arrival:%Y-%m-%d %H:%M} — {app.departure:%Y-%m-%d %H:%M}", 3),
        ("接待部门", app.department_name, 3),
    )
    doc.section("预算与实际")
    doc.row(
        Cell("费用类别", 2, HEADER),
        Cell("批准预算", 2, HEADER),
        Cell("实际发生", 2, HEADER),
        Cell("差额", 2, HEADER),
    )
    for c in info.categories:
        if c.budget or c.actual:
            doc.row(
                Cell(c.label, 2, align="center"),
                Cell(format_money(c.budget), 2, align="right"),
                Cell(format_money(c.actual), 2, align="right"),
                Cell(format_money(c.variance), 2, align="right"),
            )
    doc.fields(("合计", format_money(info.total), 1), ("大写", chinese_capital(info.total), 5))
    doc.section("凭证清单")
    doc.row(
        Cell("日期", 1, HEADER),
        Cell("类别", 1, HEADER),
        Cell("商户", 2, HEADER),
        Cell("发票号", 1, HEADER),
        Cell("金额", 1, HEADER),
        Cell("说明 / 凭证", 2, HEADER),
    )
    for line in info.lines:
        notes = "；".join(
            [c.message for c in line.checks] + ([line.reason] if line.reason else []) + list(line.vouchers)
        )
        doc.row(
            Cell(f"{line.date:%m-%d}", 1, align="center"),
            Cell(line.label, 1, align="center"),
            Cell(line.vendor, 2),
            Cell(line.invoice_no, 1),
            Cell(format_money(line.total), 1, align="right"),
            Cell(notes, 2),
        )
    doc.section("签字")
    signed = {}
    for at, who, action, comment in info.history:
        signed[
            {"submit": "经办人", "audit": "财务审核", "approve": "总经理审批", "reimburse": "财务付款"}.get(
                action, ""
            )
        ] = (who, at, comment)
    for label in ("经办人", "部门负责人", "财务审核", "总经理审批"):
        who, at, comment = signed.get(label, ("", None, ""))
        doc.row(
            Cell(label, 2, LABEL),
            Cell(who, 2, SIGN, "center"),
            Cell(comment, 2, SIGN),
            Cell(f"{at:%Y-%m-%d}" if at else "", 2, SIGN, "center"),
        )
    on, method, reference = info.reimbursed
    if on:
        doc.footer = f"已于 {on} 以{method}报销，凭证号 {reference}。"
    return doc


def export_expenses(info: SummaryInfo, company: str, path: Path) -> Path:
    path = Path(path)
    doc = expense_doc(info, company)
    if path.suffix.lower() == ".pdf":
        return write_pdf(doc, path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(doc, EXPENSE_TEMPLATE, path)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")
