"""The 对账报告 PDF (issue 15): a month of an office's reconciliation on one landscape page when
the content allows, fitted columns, headers repeated when a list runs over."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal

from desktop.exporters import finance_reports, report_pdf
from tests.exporters.conftest import assert_fonts_embedded, needs_poppler, pdf_text

DAY = dt.date(2026, 11, 3)


def _data(flags: int, unmatched: int, matched: int) -> finance_reports.ReportData:
    return finance_reports.ReportData(
        "华夏精工科技有限公司",
        dt.date(2026, 10, 25),
        dt.date(2026, 11, 25),
        [
            [
                DAY,
                "",
                "粤海酒家餐饮有限公司",
                "支出",
                Decimal("360.00"),
                f"JD-2026-{i:04d} 北京中科检测认证中心",
                DAY,
                Decimal("360.00"),
                "自动·付款",
                60,
            ]
            for i in range(matched)
        ],
        [
            [
                DAY,
                "",
                "某某贸易公司",
                "办公用品",
                "支出",
                Decimal("45.00"),
                f"JD-2026-{i:04d} 青岛海湾重工集团",
                40,
                "金额一致、日期一致",
            ]
            for i in range(unmatched)
        ],
        [
            ["超标准", f"每趟 ¥86.50 超过交通标准 ¥80.00（{i}）", "JD-2026-0005 北京中科检测认证中心"]
            for i in range(flags)
        ],
        [("已匹配", matched), ("未匹配（待复核）", unmatched), ("问题", flags), ("报销明细·已对账", 3)],
    )


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@needs_poppler
def test_a_months_report_fits_one_page(tmp_path):
    """20 flags, 6 unmatched and 12 matched lines printed on three pages before."""
    pdf = finance_reports.write_report(_data(20, 6, 12), tmp_path / "r.pdf")
    assert _pages(pdf) == 1
    text = pdf_text(pdf)
    assert "问题清单（20）" in text and "未匹配（6）" in text and "已匹配（12）" in text
    assert "第 1 页 / 共 1 页" in text
    assert_fonts_embedded(pdf)


@needs_poppler
def test_a_long_report_repeats_headers_on_every_page(tmp_path):
    pdf = finance_reports.write_report(_data(300, 80, 150), tmp_path / "r.pdf")
    pages = [p for p in pdf_text(pdf).split("\f") if p.strip()]
    assert len(pages) > 3
    for page in pages[1:]:
        assert "类别" in page or "导入日期" in page  # a list's header row heads each page


def test_columns_are_fitted_to_what_they_hold():
    head = finance_reports.MATCHED_HEAD
    rows = [[report_pdf._text(v) for v in r] for r in _data(0, 0, 5).matched]
    widths = report_pdf.fitted_widths(head, rows, 800)
    assert abs(sum(widths) - 800) < 0.01
    assert widths[head.index("接待")] > 2 * widths[head.index("方向")]
    assert widths[head.index("得分")] < widths[head.index("导入日期")]
