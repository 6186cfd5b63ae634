"""对账报告 (reconciliation report: .xlsx with summary / matched / unmatched / flags sheets, and a
.pdf) and 接待费用报销汇总表 (expense summary with budget vs actual, vouchers, signatures)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from desktop import paths
from desktop.exporters.cells import append_row
from desktop.exporters.formdoc import HEADER, LABEL, SIGN, Cell, FormDoc, text_width, write_pdf, write_xlsx
from desktop.i18n import chinese_form
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
    "方向",
    "导入金额",
    "接待",
    "报销日期",
    "报销金额",
    "匹配方式",
    "得分",
]
UNMATCHED_HEAD = ["导入日期", "发票号", "对方/销方", "摘要", "方向", "金额", "最佳候选", "得分", "理由"]
FLAGS_HEAD = ["类别", "说明", "接待"]
THIN = Side(style="thin", color="333333")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
HEAD_ROW = 3  # rows 1–2: title and period, repeated on every printed page with the header


def _text(value: object) -> str:
    """A cell as the PDF prints it: dates ISO, amounts with two places and thousands."""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def _page(ws, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    ws.print_options.horizontalCentered = True


def _title(ws, data: ReportData, title: str, columns: int) -> None:
    append_row(ws, [f"{data.company} {REPORT_TITLE} — {title}"])
    ws.cell(1, 1).font = Font(size=14, bold=True)
    append_row(ws, [f"期间：{data.date_from:%Y-%m-%d} 至 {data.date_to:%Y-%m-%d}"])
    last = get_column_letter(max(columns, 1))
    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")


def _sheet(ws, data: ReportData, title: str, head: list[str], rows: list[list[object]]) -> None:
    _title(ws, data, title, len(head))
    append_row(ws, head)
    for cell in ws[HEAD_ROW]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EDF3")
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        append_row(ws, row)
        for cell in ws[ws.max_row]:
            cell.border = BOX
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            if isinstance(cell.value, (int, float, Decimal)):
                cell.number_format = MONEY_FORMAT if isinstance(cell.value, Decimal) else "0"
            elif isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
    if not rows:
        append_row(ws, ["无"])
        ws.cell(ws.max_row, 1).border = BOX
    for i, title_text in enumerate(head, start=1):
        width = max(  # measured as the row heights below are (a Chinese character is two units)
            [text_width(str(title_text)) + 2]
            + [text_width(_text(r[i - 1])) + 2 for r in rows[:200] if i - 1 < len(r)]
        )
        ws.column_dimensions[get_column_letter(i)].width = min(max(10, width), 40)
    # A text wider than its (capped) column wraps: the row is made as high as its lines — left
    # at the default height, a long 问题清单 reason printed over the next rows.
    widths = [ws.column_dimensions[get_column_letter(i)].width - 0.8 for i in range(1, len(head) + 1)]
    for r, row in enumerate(rows, start=HEAD_ROW + 1):
        lines = max(
            (-(-int(text_width(_text(v)) * 10) // int(w * 10)) for v, w in zip(row, widths, strict=False)),
            default=1,
        )
        if lines > 1:
            ws.row_dimensions[r].height = 15 * lines
    ws.freeze_panes = f"A{HEAD_ROW + 1}"
    _page(ws)
    ws.print_title_rows = f"1:{HEAD_ROW}"


@chinese_form
def write_report(data: ReportData, path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        wb = Workbook()
        ws = wb.active
        ws.title = "汇总"
        _title(ws, data, "汇总", 2)
        append_row(ws, ["项目", "数量"])
        for cell in ws[HEAD_ROW]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="E8EDF3")
            cell.border = BOX
        for key, value in data.summary:
            append_row(ws, [key, value])
            for cell in ws[ws.max_row]:
                cell.border = BOX
        ws.column_dimensions["A"].width = 30
        ws.column_dimensions["B"].width = 20
        _page(ws, landscape=False)
        ws.print_title_rows = f"1:{HEAD_ROW}"
        _sheet(wb.create_sheet("已匹配"), data, "已匹配", MATCHED_HEAD, data.matched)
        _sheet(wb.create_sheet("未匹配"), data, "未匹配", UNMATCHED_HEAD, data.unmatched)
        _sheet(wb.create_sheet("问题清单"), data, "问题清单", FLAGS_HEAD, data.flags)
        wb.save(path)
        return path
    if path.suffix.lower() == ".pdf":  # compact, fitted columns: see report_pdf
        from desktop.exporters import report_pdf

        sections = (
            ("问题清单", FLAGS_HEAD, data.flags),
            ("未匹配", UNMATCHED_HEAD, data.unmatched),
            ("已匹配", MATCHED_HEAD, data.matched),
        )
        return report_pdf.write(data, sections, path, REPORT_TITLE)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")


def _late_note(info: SummaryInfo) -> str:
    """逾期提交 only for what was submitted late; a draft past its date is overdue, not late."""
    if not info.late:
        return ""
    return "（逾期提交）" if info.submitted_at is not None else "（已逾期，尚未提交）"


def _variance(value: Decimal) -> str:
    if value > 0:
        return f"超支 {format_money(value)}"
    if value < 0:
        return f"节余 {format_money(-value)}"
    return format_money(value)


@chinese_form
def expense_doc(
    info: SummaryInfo, company: str, chain: list[str] | None = None, form_no: str = ""
) -> FormDoc:
    from desktop.services import expenses, standards

    app = info.application
    chain = chain if chain is not None else expenses.signoff_chain()
    doc = FormDoc(
        EXPENSE_TITLE,
        company,
        f"编号：{app.number}　{info.stage_label}{_late_note(info)}　应交：{info.due:%Y-%m-%d}",  # Chinese here
        f"表单编号：{form_no}" if form_no else "　",
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
    zero = Decimal("0.00")
    for c in info.categories:
        if c.budget or c.actual:
            doc.row(
                Cell(standards.category_label(c.category), 2, align="center"),
                Cell(format_money(c.budget), 2, align="right"),
                Cell(format_money(c.actual), 2, align="right"),
                Cell(_variance(c.variance), 2, align="right"),
            )
    budget = sum((c.budget for c in info.categories), zero)
    actual = sum((c.actual for c in info.categories), zero)
    doc.row(
        Cell("合计", 2, LABEL),
        Cell(format_money(budget), 2, align="right"),
        Cell(format_money(actual), 2, align="right"),
        Cell(_variance(actual - budget), 2, align="right"),
    )
    doc.fields(("报销金额", format_money(info.total), 1), ("大写", chinese_capital(info.total), 5))
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
            Cell(f"{line.date:%Y-%m-%d}", 1, align="center"),
            Cell(standards.category_label(line.category), 1, align="center"),
            Cell(line.vendor, 2),
            Cell(line.invoice_no, 1),
            Cell(format_money(line.total), 1, align="right"),
            Cell(notes, 2),
        )
    if not info.lines:
        doc.row(Cell("尚未填写费用明细", 8, align="center"))
    returns = [(at, who, comment) for at, who, action, comment in info.history if action == "return"]
    if returns:
        doc.section("退回意见")
        for at, who, comment in returns:
            doc.row(Cell(f"{at:%Y-%m-%d}", 1, align="center"), Cell(who, 1, align="center"), Cell(comment, 6))
    on, method, reference = info.reimbursed
    method = expenses.method_label(method) if method else ""  # a code; older rows: their text
    doc.section("财务付款")
    doc.fields(
        ("付款日期", f"{on:%Y-%m-%d}" if on else "", 1),
        ("报销方式", method, 1),
        ("凭证号", reference if on else "", 3),
    )
    if on and info.reimbursed_note:
        doc.fields(("备注", info.reimbursed_note, 7))
    doc.section("签字")
    # This round's signatures: what happened since the latest submission (a return starts anew).
    submits = [i for i, h in enumerate(info.history) if h[2] == "submit"]
    current = info.history[submits[-1] :] if submits else []
    signed = {action: (who, at, comment) for at, who, action, comment in current}
    for label in chain:
        action = expenses.SIGNOFF_ACTIONS.get(label, "")
        who, at, comment = signed.get(action, ("", None, ""))
        if action == "reimburse" and on:
            comment, at = f"{method} {reference}".strip(), on  # the day paid, not the day recorded
        doc.row(
            Cell(label, 2, LABEL),
            Cell(who, 2, SIGN, "center"),
            Cell(comment, 2, SIGN),
            Cell(f"{at:%Y-%m-%d}" if at else "", 2, SIGN, "center"),
        )
    if on:
        doc.footer = f"已于 {on:%Y-%m-%d} 以{method}报销，凭证号 {reference}。"
    return doc


@chinese_form
def export_expenses(info: SummaryInfo, company: str, path: Path) -> Path:
    from desktop.services import settings

    path = Path(path)
    doc = expense_doc(info, company, form_no=settings.get("expense_form_no"))
    if path.suffix.lower() == ".pdf":
        return write_pdf(doc, path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(doc, EXPENSE_TEMPLATE, path)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")
