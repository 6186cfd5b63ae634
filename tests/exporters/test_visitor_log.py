"""来访登记表 read back from .xlsx and .pdf: same content, print set-up, embedded font."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from openpyxl import load_workbook

from desktop.exporters import visitor_log
from tests.exporters.conftest import assert_fonts_embedded, make_row, needs_poppler, pdf_text

DAY = dt.date(2026, 11, 20)


def test_xlsx_content_and_print_setup(tmp_path):
    rows = [make_row(i) for i in range(1, 31)]
    path = visitor_log.export_visitor_log(
        rows, DAY, "华夏精工科技有限公司", "XZ-QR-001", tmp_path / "log.xlsx"
    )
    ws = load_workbook(path).active
    assert ws["A1"].value == "华夏精工科技有限公司"
    assert ws["A2"].value == "来访登记表"
    assert "2026 年 11 月 20 日" in ws["A3"].value and "星期五" in ws["A3"].value
    assert "XZ-QR-001" in ws["K3"].value
    headers = [ws.cell(visitor_log.HEADER_ROW, c).value for c in range(1, 17)]
    assert headers == [h for h, _ in visitor_log.COLUMNS]
    first = [ws.cell(visitor_log.FIRST_ROW, c).value for c in range(1, 17)]
    assert first[0] == 1 and first[3] == "访客1" and first[4] == "华东精密机械有限公司"
    assert first[6] == "4401**********1234"  # written as given: masked
    assert first[13] == "1" and first[14] == "×"
    last = visitor_log.FIRST_ROW + 29
    assert ws.cell(last, 4).value == "访客30"
    assert ws.cell(last, 1).border.bottom.style == "thin"
    assert "合计：来访 30 批，共 60 人" == ws.cell(last + 1, 1).value
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows in ("4:4", "$4:$4")
    assert "A2:P2" in {str(r) for r in ws.merged_cells.ranges}


def test_xlsx_empty_day_is_still_a_form(tmp_path):
    path = visitor_log.export_visitor_log([], DAY, "公司", "X-1", tmp_path / "empty.xlsx")
    ws = load_workbook(path).active
    assert ws.cell(visitor_log.FIRST_ROW, 4).value == "当日无来访记录"


@needs_poppler
def test_pdf_matches_xlsx_and_embeds_font(tmp_path):
    rows = [make_row(i) for i in range(1, 41)]
    pdf = visitor_log.export_visitor_log(rows, DAY, "华夏精工科技有限公司", "XZ-QR-001", tmp_path / "log.pdf")
    text = pdf_text(pdf)
    assert "来访登记表" in text and "华夏精工科技有限公司" in text and "XZ-QR-001" in text
    flat = text.replace(" ", "")
    for header, _ in visitor_log.COLUMNS:
        assert header in flat
    for i in (1, 17, 40):
        assert f"访客{i}" in text
    assert "4401**********1234" in text
    assert "合计：来访 40 批，共 80 人" in text
    pages = int(re.search(r"共 ?(\d+) ?页", text).group(1))
    assert pages >= 2 and f"第{pages}页/共{pages}页" in flat
    assert flat.count("接待部门") == pages  # the header row repeats on every page
    assert_fonts_embedded(pdf)


def test_unknown_suffix_is_refused(tmp_path):
    with pytest.raises(ValueError, match=".xlsx or .pdf"):
        visitor_log.export_visitor_log([], DAY, "公司", "X", tmp_path / "log.doc")
