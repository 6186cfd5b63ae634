"""The 审计日志 as .xlsx (issue 12): what the window shows, one row per entry, for an auditor's
working papers. Every cell goes through :mod:`desktop.exporters.cells`, so a changed value that
looks like a formula (a visitor named ``=HYPERLINK(…)``) stays inert text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop.exporters import cells
from desktop.i18n import translate
from desktop.services.audit import AuditRow


def export_audit_log(rows: Sequence[AuditRow], path: Path, *, title: str = "") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = translate("audit", "审计日志")
    headers = [
        translate("audit", "编号"),
        translate("audit", "时间"),
        translate("audit", "操作人"),
        translate("audit", "操作"),
        translate("audit", "记录类型"),
        translate("audit", "记录"),
        translate("audit", "变更（原值 → 新值）"),
        translate("audit", "备注"),
    ]
    start = 1
    if title:
        cells.set_cell(ws, 1, 1, title).font = Font(bold=True, size=13)
        start = 3
    for column, header in enumerate(headers, start=1):
        cells.set_cell(ws, start, column, header).font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(rows, start=start + 1):
        values = [
            row.id,
            row.at.replace(microsecond=0),
            row.user_name,
            row.action_text,
            row.kind_text,
            row.record_id,
            row.changes_text,
            row.note,
        ]
        for column, value in enumerate(values, start=1):
            cell = cells.set_cell(ws, i, column, value)
            if column == 2:
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            elif column == 7:
                cell.alignment = wrap
    for letter, width in zip("ABCDEFGH", (8, 20, 18, 12, 12, 14, 70, 30), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = ws.cell(start + 1, 1)
    ws.print_title_rows = f"{start}:{start}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    path = Path(path)
    wb.save(path)
    return path
