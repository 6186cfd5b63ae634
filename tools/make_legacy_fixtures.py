"""Write the legacy-format import fixtures (.xls, .ods) under tests/importers/fixtures/.

The test suite cannot make these itself: openpyxl writes only .xlsx. They are committed, and this
script (``pip install xlwt odfpy``, then run it) says exactly what is in them. Both reproduce what
other systems export: a merged title banner, a note line, the header, data, a blank row and a
total row.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "importers" / "fixtures"


def write_xls(path: Path) -> None:
    """A bank statement as old online banking exports it: dates as real date cells, debit/credit."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("账户明细")
    sheet.write_merge(0, 0, 0, 5, "招商银行 对公账户交易明细")
    sheet.write(1, 0, "账号：7559****8888  币种：人民币")
    for col, text in enumerate(["交易日期", "摘要", "对方户名", "借方金额", "贷方金额", "余额"]):
        sheet.write(3, col, text)
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    rows = [
        (dt.date(2026, 11, 3), "餐费", "粤海酒家", 1200.0, None, 98800.0),
        (dt.date(2026, 11, 4), "住宿", "维也纳国际酒店", "760.00", None, 98040.0),
        (dt.date(2026, 11, 5), "退款", "维也纳国际酒店", None, 100.0, 98140.0),
    ]
    for offset, (day, memo, party, debit, credit, balance) in enumerate(rows):
        r = 4 + offset
        sheet.write(r, 0, day, date_style)
        sheet.write(r, 1, memo)
        sheet.write(r, 2, party)
        if debit is not None:
            sheet.write(r, 3, debit)
        if credit is not None:
            sheet.write(r, 4, credit)
        sheet.write(r, 5, balance)
    sheet.write(8, 0, "本期合计")
    sheet.write(8, 3, 1960.0)
    sheet.write(8, 4, 100.0)
    book.save(str(path))


def write_ods(path: Path) -> None:
    """An invoice list saved from LibreOffice: date cells, text amounts, a 小计 row."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="进项发票")

    def row(*cells) -> None:
        tr = TableRow()
        for value in cells:
            if value is None:
                tr.addElement(TableCell())
            elif isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
                cell.addElement(P(text=value.isoformat()))
                tr.addElement(cell)
            elif isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
                tr.addElement(cell)
        table.addElement(tr)

    banner = TableRow()
    title = TableCell(valuetype="string", numbercolumnsspanned=6)
    title.addElement(P(text="2026年11月 进项发票清单"))
    banner.addElement(title)
    table.addElement(banner)
    row(None)
    row("发票代码", "发票号码", "开票日期", "销方名称", "金额", "税额", "价税合计")
    row("044001900111", "13720701", dt.date(2026, 11, 3), "粤海酒家", "¥1,132.08", "67.92", "1,200.00")
    row("044001900111", 13720702.0, dt.date(2026, 11, 4), "维也纳国际酒店", 716.98, 43.02, 760.0)
    row(None)
    row("小计", None, None, None, "1,849.06", "110.94", "1,960.00")
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


if __name__ == "__main__":
    FIXTURES.mkdir(parents=True, exist_ok=True)
    write_xls(FIXTURES / "statement.xls")
    write_ods(FIXTURES / "invoices.ods")
    print("written:", *sorted(p.name for p in FIXTURES.iterdir()))
