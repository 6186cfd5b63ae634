"""Build the .xlsx templates in forms_templates/ (run after changing a layout).

The templates are what an office may open in Excel to adjust fonts or widths; the exporters
fill them and keep their styles. Layout constants live in the exporter modules.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from desktop.exporters import (
    application_form,
    arrangement_forms,
    finance_reports,
    fine_slip,
    formdoc,
    references,
    visitor_log,
)

FONT = "微软雅黑"
THIN = Side(style="thin", color="333333")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def visitor_log_template() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "来访登记表"
    last = get_column_letter(len(visitor_log.COLUMNS))
    ws.merge_cells(f"A1:{last}1")
    ws["A1"] = "公司名称"
    ws["A1"].font = Font(name=FONT, size=12)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A2:{last}2")
    ws["A2"] = visitor_log.TITLE
    ws["A2"].font = Font(name=FONT, size=18, bold=True)
    ws["A2"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[2].height = 30
    ws.merge_cells("A3:J3")
    ws["A3"] = "日期："
    ws.merge_cells(f"K3:{last}3")
    ws["K3"] = "表单编号："
    ws["K3"].alignment = Alignment(horizontal="right")
    for cell in ("A3", "K3"):
        ws[cell].font = Font(name=FONT, size=10)
    header_fill = PatternFill("solid", fgColor="E8EDF3")
    for c, (header, width) in enumerate(visitor_log.COLUMNS, start=1):
        cell = ws.cell(visitor_log.HEADER_ROW, c, header)
        cell.font = Font(name=FONT, size=10, bold=True)
        cell.fill = header_fill
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = width
        sample = ws.cell(visitor_log.FIRST_ROW, c)
        sample.font = Font(name=FONT, size=9)
        sample.border = BOX
        centered = header in ("序号", "来访时间", "离开时间", "人数", "胸卡号", "茶水")
        sample.alignment = Alignment(
            horizontal="center" if centered else "left", vertical="center", wrap_text=True
        )
    ws.row_dimensions[visitor_log.HEADER_ROW].height = 22
    ws.row_dimensions[visitor_log.FIRST_ROW].height = 20
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{visitor_log.HEADER_ROW}:{visitor_log.HEADER_ROW}"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    ws.print_options.horizontalCentered = True
    ws.freeze_panes = ws.cell(visitor_log.FIRST_ROW, 1)
    return wb


def form_template(title: str, widths: tuple[float, ...], *, landscape: bool = False) -> Workbook:
    """An 8-column form (see desktop/exporters/formdoc.py): title block, page set-up, widths."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    last = get_column_letter(formdoc.COLUMNS)
    total_width = 118 if landscape else 86  # characters across the printable page
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = round(total_width * w / sum(widths), 1)
    for row, size, bold in ((formdoc.COMPANY_ROW, 12, False), (formdoc.TITLE_ROW, 18, True)):
        ws.merge_cells(f"A{row}:{last}{row}")
        ws[f"A{row}"].font = Font(name=FONT, size=size, bold=bold)
        ws[f"A{row}"].alignment = Alignment(horizontal="center", vertical="center")
    ws[f"A{formdoc.TITLE_ROW}"] = title
    ws.row_dimensions[formdoc.TITLE_ROW].height = 30
    half = formdoc.COLUMNS // 2
    ws.merge_cells(start_row=formdoc.META_ROW, start_column=1, end_row=formdoc.META_ROW, end_column=half)
    ws.merge_cells(
        start_row=formdoc.META_ROW,
        start_column=half + 1,
        end_row=formdoc.META_ROW,
        end_column=formdoc.COLUMNS,
    )
    ws.cell(formdoc.META_ROW, 1).font = Font(name=FONT, size=10)
    ws.cell(formdoc.META_ROW, half + 1).font = Font(name=FONT, size=10)
    ws.cell(formdoc.META_ROW, half + 1).alignment = Alignment(horizontal="right")
    ws.cell(formdoc.FIRST_ROW, 1).font = Font(name=FONT, size=10)  # the body font the writer copies
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    ws.print_options.horizontalCentered = True
    return wb


def main() -> None:
    visitor_log.TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    visitor_log_template().save(visitor_log.TEMPLATE)
    print(visitor_log.TEMPLATE)
    form_template(application_form.TITLE, (1.25, 1, 1, 1, 1.25, 1, 1, 1.1)).save(application_form.TEMPLATE)
    print(application_form.TEMPLATE)
    for title, target in (
        (arrangement_forms.ARRANGEMENT_TITLE, arrangement_forms.ARRANGEMENT_TEMPLATE),
        (arrangement_forms.ITINERARY_TITLE, arrangement_forms.ITINERARY_TEMPLATE),
        (arrangement_forms.FEEDBACK_TITLE, arrangement_forms.FEEDBACK_TEMPLATE),
    ):
        form_template(title, arrangement_forms.WIDTHS).save(target)
        print(target)
    form_template(finance_reports.EXPENSE_TITLE, finance_reports.WIDTHS).save(
        finance_reports.EXPENSE_TEMPLATE
    )
    print(finance_reports.EXPENSE_TEMPLATE)
    for title, widths, target in (
        (fine_slip.TITLE, fine_slip.WIDTHS, fine_slip.TEMPLATE),
        (references.STANDARDS_TITLE, references.STANDARDS_WIDTHS, references.STANDARDS_TEMPLATE),
        (references.HOTELS_TITLE, references.HOTELS_WIDTHS, references.HOTELS_TEMPLATE),
    ):
        form_template(title, widths).save(target)
        print(target)


if __name__ == "__main__":
    main()
