"""月度接待报告 as .xlsx (one sheet per section, native Excel charts) or .pdf (reportlab charts).

Every section of :class:`desktop.services.monthly_report.MonthlyReport` is rendered the same
way: its table, then its chart. In the workbook the chart's data sits in a small block beside
the table, so the chart stays a live Excel chart that finance can restyle or copy into a slide;
in the PDF the chart is a reportlab drawing (vector, bundled CJK font), not a picture.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from desktop.exporters import pdfkit
from desktop.exporters.cells import append_row, set_cell
from desktop.exporters.fonts import register
from desktop.services.monthly_report import ChartSpec, MonthlyReport, Section

TITLE = "月度接待报告"
PALETTE = ["#2e86c1", "#82b74b", "#f0b429", "#c0392b", "#8e44ad", "#16a085"]
MONEY_FORMAT = '"¥"#,##0.00'


def _display(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _text(value: object) -> str:
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(_display(value))


# ------------------------------------------------------------------ xlsx


def _table(ws, section: Section, first_row: int) -> int:
    thin = Side(style="thin", color="999999")
    for column, title in enumerate(section.head, start=1):
        cell = set_cell(ws, first_row, column, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EDF3")
        cell.border = Border(bottom=thin)
        cell.alignment = Alignment(horizontal="center")
    for r, row in enumerate(section.rows, start=first_row + 1):
        for c, value in enumerate(row, start=1):
            cell = set_cell(ws, r, c, _display(value))
            if isinstance(value, Decimal):
                cell.number_format = MONEY_FORMAT
    for column, title in enumerate(section.head, start=1):
        values = [len(_text(r[column - 1])) for r in section.rows[:200] if column - 1 < len(r)]
        width = max([len(str(title)) * 2, *(v * 1.3 for v in values)])
        ws.column_dimensions[get_column_letter(column)].width = min(max(10, width), 48)
    return first_row + len(section.rows)


def _chart(ws, spec: ChartSpec, anchor_row: int, data_column: int) -> None:
    """The chart's data as a block at ``data_column``, and a native chart anchored below the table."""
    set_cell(ws, anchor_row, data_column, "")
    for s, (name, _values) in enumerate(spec.series, start=1):
        set_cell(ws, anchor_row, data_column + s, name)
    for i, category in enumerate(spec.categories, start=1):
        set_cell(ws, anchor_row + i, data_column, category)
        for s, (_name, values) in enumerate(spec.series, start=1):
            set_cell(ws, anchor_row + i, data_column + s, values[i - 1] if i - 1 < len(values) else 0)
    last = anchor_row + len(spec.categories)
    chart = PieChart() if spec.kind == "pie" else BarChart()
    chart.title = spec.title
    if isinstance(chart, BarChart):
        chart.type = "col"
        chart.y_axis.title = None
        chart.y_axis.delete = False
        chart.x_axis.delete = False
    data = Reference(
        ws, min_col=data_column + 1, max_col=data_column + len(spec.series), min_row=anchor_row, max_row=last
    )
    cats = Reference(ws, min_col=data_column, min_row=anchor_row + 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.height, chart.width = 7.5, 16
    ws.add_chart(chart, f"A{ws.max_row + 3}")


def write_xlsx(report: MonthlyReport, path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "概要"
    append_row(ws, [f"{report.company} {TITLE}"])
    ws["A1"].font = Font(size=14, bold=True)
    append_row(ws, [f"月份：{report.label}", f"生成：{report.generated:%Y-%m-%d %H:%M}"])
    append_row(ws, [])
    for key, value in report.summary:
        append_row(ws, [key, _display(value)])
        if isinstance(value, Decimal):
            ws.cell(ws.max_row, 2).number_format = MONEY_FORMAT
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 22
    for section in report.sections:
        sheet = wb.create_sheet(section.title[:31])
        last = _table(sheet, section, 1)
        if section.note:
            set_cell(sheet, last + 2, 1, section.note)
        if section.chart is not None:
            _chart(sheet, section.chart, 1, len(section.head) + 2)
        sheet.freeze_panes = "A2"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(path)
    return path


# ------------------------------------------------------------------ pdf


def chart_drawing(spec: ChartSpec, width: float, height: float = 62 * mm) -> Drawing:
    """A vertical bar chart with a legend, in the bundled CJK font."""
    font = register()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 16 * mm
    chart.width, chart.height = width - 22 * mm, height - 28 * mm
    chart.data = [list(values) or [0.0] for _name, values in spec.series] or [[0.0]]
    chart.categoryAxis.categoryNames = list(spec.categories)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([v for _n, vals in spec.series for v in vals] + [0])
    chart.valueAxis.valueMax = max(1.0, top * 1.15)
    chart.valueAxis.labelTextFormat = "%.0f"
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    drawing.add(String(width / 2, height - 8, spec.title, fontName=font, fontSize=9, textAnchor="middle"))
    if len(spec.series) > 1:
        legend = Legend()
        legend.fontName = font
        legend.fontSize = 7
        legend.x, legend.y = 14 * mm, 5
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dx, legend.dy = 6, 6
        legend.deltax = 60
        legend.colorNamePairs = [
            (colors.HexColor(PALETTE[i % len(PALETTE)]), name) for i, (name, _v) in enumerate(spec.series)
        ]
        legend.boxAnchor = "sw"
        legend.variColumn = 1
        legend.dxTextSpace = 3
        legend.columnMaximum = 1
        legend.subCols.minWidth = 40
        drawing.add(legend)
    return drawing


def write_pdf(report: MonthlyReport, path: Path) -> Path:
    width = pdfkit.content_width(False)
    st = pdfkit.styles()
    story = pdfkit.title_block(
        TITLE, report.company, f"月份：{report.label}", f"生成：{report.generated:%Y-%m-%d %H:%M}", width
    )
    story.append(
        pdfkit.grid(
            [["项目", "数值"]] + [[k, _text(v)] for k, v in report.summary], [width * 0.4, width * 0.3]
        )
    )
    for section in report.sections:
        story.append(Spacer(1, 4 * mm))
        block = [pdfkit.para(section.title, st["big"]), Spacer(1, 2 * mm)]
        if section.rows:
            widths = [width / len(section.head)] * len(section.head)
            block.append(pdfkit.grid([section.head] + [[_text(v) for v in r] for r in section.rows], widths))
        else:
            block.append(pdfkit.para("本月没有记录。", st["body"]))
        if section.note:
            block.append(pdfkit.para(section.note, st["body"]))
        if section.chart is not None:
            block.append(Spacer(1, 2 * mm))
            block.append(chart_drawing(section.chart, width))
        story.append(KeepTogether(block) if len(section.rows) < 25 else block[0])
        if len(section.rows) >= 25:
            story.extend(block[1:])
    return pdfkit.build(path, story, landscape_page=False, title=TITLE)


def export_monthly_report(report: MonthlyReport, path: Path) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(report, path)
    if suffix == ".pdf":
        return write_pdf(report, path)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")
