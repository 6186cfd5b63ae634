"""来访登记表: the day's visitor log as .xlsx (from the template) and .pdf, with the same columns.

ID numbers arrive already masked (or not) from the service layer, which decided what the
exporting user may see; this module writes what it is given.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from pathlib import Path

from openpyxl import load_workbook

from desktop import paths
from desktop.exporters import pdfkit
from desktop.exporters.cells import set_cell, write
from desktop.i18n import chinese_form
from desktop.services.visitors import VisitRow

TEMPLATE = paths.FORMS_TEMPLATES / "visitor_log.xlsx"

# The template's layout, shared with tools/make_templates.py which builds it.
TITLE = "来访登记表"
COLUMNS: list[tuple[str, float]] = [  # header, width in Excel characters (≈ PDF mm × 0.55)
    ("序号", 5),
    ("来访时间", 9),
    ("离开时间", 9),
    ("姓名", 9),
    ("单位", 17),
    ("电话", 13),
    ("证件号码", 19),
    ("人数", 5),
    ("来访类别", 11),
    ("来访事由", 13),
    ("接待人", 8),
    ("接待部门", 9),
    ("方式", 10),  # 临时来访 on one line (four characters and the padding)
    ("胸卡号", 7),
    ("茶水", 5),
    ("备注", 12),
]
COMPANY_CELL = "A1"
TITLE_CELL = "A2"
DATE_CELL = "A3"
FORM_NO_CELL = "K3"
HEADER_ROW = 4
FIRST_ROW = 5
SIGNATURES = ("前台登记人", "行政部审核")


def _cells(index: int, row: VisitRow) -> list[object]:
    return [
        index,
        row.time_in.strftime("%H:%M") if row.time_in else "",
        row.time_out.strftime("%H:%M") if row.time_out else "",
        row.name,
        row.company,
        row.phone,
        row.id_number,
        row.people_count,
        row.category,
        row.purpose,
        row.host_name,
        row.department,
        row.kind_label,
        row.badge_no,
        "√" if row.tea_served else "×",
        row.remarks,
    ]


def retention_note(days: int) -> str:
    """What the form tells whoever files it about the personal data on it (个人信息保护法)."""
    return f"个人信息保存期限：{days} 天。期满后电话、证件号码将被删除，姓名仅保留姓氏。"


def _date_text(day: dt.date) -> str:
    weekday = "一二三四五六日"[day.weekday()]
    return f"日期：{day.year} 年 {day.month} 月 {day.day} 日（星期{weekday}）"


@chinese_form
def export_visitor_log_xlsx(
    rows: list[VisitRow],
    day: dt.date,
    company: str,
    form_no: str,
    path: Path,
    retention_days: int | None = None,
) -> Path:
    wb = load_workbook(TEMPLATE)
    ws = wb.active
    write(ws[COMPANY_CELL], company)
    write(ws[DATE_CELL], _date_text(day))
    write(ws[FORM_NO_CELL], f"表单编号：{form_no}")
    template_cells = [ws.cell(FIRST_ROW, c + 1) for c in range(len(COLUMNS))]
    styles = [(copy(c.font), copy(c.border), copy(c.alignment), c.number_format) for c in template_cells]
    height = ws.row_dimensions[FIRST_ROW].height
    lines = [_cells(i, r) for i, r in enumerate(rows, start=1)]
    if not lines:
        lines = [["", "", "", "当日无来访记录"] + [""] * (len(COLUMNS) - 4)]
    # The first data row takes the template's styles the slow way (copied objects, registered in
    # the workbook); every later row takes that cell's finished style array in one assignment —
    # the same style ids, so the same file, without 3 object copies per cell (issue 14).
    arrays: list = []
    for offset, values in enumerate(lines):
        r = FIRST_ROW + offset
        for c, value in enumerate(values):
            if offset == 0:
                cell = set_cell(ws, r, c + 1, value)
                font, border, alignment, number_format = styles[c]
                cell.font, cell.border, cell.alignment = copy(font), copy(border), copy(alignment)
                cell.number_format = number_format
                array = copy(cell._style)
                array.quotePrefix = 0  # set per value by write()
                arrays.append(array)
            else:
                cell = ws.cell(r, c + 1)
                cell._style = copy(arrays[c])
                write(cell, value)
        ws.row_dimensions[r].height = height
    total_row = FIRST_ROW + len(lines)
    people = sum(r.people_count for r in rows)
    set_cell(ws, total_row, 1, f"合计：来访 {len(rows)} 批，共 {people} 人").font = copy(styles[3][0])
    sign_row = total_row + 2
    set_cell(ws, sign_row, 1, f"{SIGNATURES[0]}：______________")
    set_cell(ws, sign_row, 9, f"{SIGNATURES[1]}：______________")
    set_cell(ws, sign_row, 14, "日期：__________")
    ws.print_area = f"A1:{ws.cell(sign_row, len(COLUMNS)).coordinate}"
    if retention_days:
        ws.oddFooter.left.text = retention_note(retention_days)  # printed on every page
        ws.oddFooter.left.size = 8
    wb.save(path)
    return path


@chinese_form
def export_visitor_log_pdf(
    rows: list[VisitRow],
    day: dt.date,
    company: str,
    form_no: str,
    path: Path,
    retention_days: int | None = None,
) -> Path:
    width = pdfkit.content_width(landscape_page=True)
    total_chars = sum(w for _, w in COLUMNS)
    widths = [width * w / total_chars for _, w in COLUMNS]
    data: list[list[object]] = [[h for h, _ in COLUMNS]]
    data += [_cells(i, r) for i, r in enumerate(rows, start=1)]
    if not rows:
        data.append(["", "", "", "当日无来访记录"] + [""] * (len(COLUMNS) - 4))
    story = pdfkit.title_block(TITLE, company, _date_text(day), f"表单编号：{form_no}", width)
    story.append(pdfkit.grid(data, widths, center_columns=(0, 1, 2, 7, 13, 14)))
    people = sum(r.people_count for r in rows)
    st = pdfkit.styles()
    story.append(pdfkit.para(f"合计：来访 {len(rows)} 批，共 {people} 人", st["meta"]))
    story.append(pdfkit.signature_line(SIGNATURES, width))
    if retention_days:
        story.append(pdfkit.para(retention_note(retention_days), st["meta"]))
    return pdfkit.build(path, story, landscape_page=True, title=f"{TITLE} {day}")


@chinese_form
def export_visitor_log(
    rows: list[VisitRow],
    day: dt.date,
    company: str,
    form_no: str,
    path: Path,
    retention_days: int | None = None,
) -> Path:
    """``retention_days``: the office's retention period (设置 → 备份与数据保留), stated on the form."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return export_visitor_log_xlsx(rows, day, company, form_no, Path(path), retention_days)
    if suffix == ".pdf":
        return export_visitor_log_pdf(rows, day, company, form_no, Path(path), retention_days)
    raise ValueError(f"cannot write {suffix or 'a file without extension'}: use .xlsx or .pdf")
