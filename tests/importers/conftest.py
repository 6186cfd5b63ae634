"""Messy fixtures made on the fly, the way other systems export them."""

from __future__ import annotations

import pytest
from openpyxl import Workbook


@pytest.fixture
def messy_invoices(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "发票清单"
    ws.merge_cells("A1:H1")
    ws["A1"] = "华夏精工科技有限公司 2026年11月 进项发票清单"
    ws.append([])
    ws.append(["导出时间：2026-11-20"])
    ws.append(
        [
            "序号",
            "发票代码",
            "发票号码",
            "开票日期（yyyy-mm-dd）",
            "销方名称",
            "金额（元）",
            "税额",
            "价税合计",
        ]
    )
    ws.append([1, "044001900111", "13720588", 46329, "粤海酒家", "¥1,132.08", "67.92", "1,200.00"])
    ws.append([2, "044001900111", 13720589, "2026年11月4日", "维也纳国际酒店", "716.98", "43.02", "760.00元"])
    ws.append([])
    ws.append([3, "", "24412000000012345678", "2026/11/5", "滴滴出行科技有限公司", 97.09, 2.91, None])
    ws.append([4, "044001900111", "13720588", "2026-11-03", "粤海酒家", "1132.08", "67.92", "1200"])
    ws.append([5, "044001900111", "13720590", "2026-13-01", "某公司", "10", "0.6", "10.6"])
    ws.append([6, "044001900111", "13720591", "20261106", "某公司", "十元", "0.6", "10.6"])
    ws.append(["合计", "", "", "", "", "", "", "3,270.60"])
    path = tmp_path / "进项发票.xlsx"
    wb.save(path)
    return path


STATEMENT = [
    "工商银行 对公账户明细",
    "账号：6222****1234",
    "交易日期,摘要,对方户名,支出金额,存入金额,余额",
    '20261103,餐费,粤海酒家,"1,200.00",,98800.00',
    "20261104,出租车,某出租车公司,35.00,,98765.00",
    "20261104,出租车,某出租车公司,35.00,,98730.00",
    "2026-11-05,退款,维也纳国际酒店,,(100.00),98830",
    "本期合计,,,1270.00,100.00,",
]


@pytest.fixture
def gbk_statement(tmp_path):
    path = tmp_path / "statement.csv"
    path.write_bytes("\r\n".join(STATEMENT).encode("gbk"))
    return path


@pytest.fixture
def bom_statement(tmp_path):
    path = tmp_path / "statement-utf8.csv"
    path.write_bytes("\r\n".join(STATEMENT).encode("utf-8-sig"))
    return path
