"""Parsing without a database: header detection, mapping, amounts, dates, totals, errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.importers import tabular
from desktop.importers.tabular import ImportRefused, parse_amount, parse_date


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("¥1,234.50", "1234.50"),
        ("1,234.50元", "1234.50"),
        ("(1,234.50)", "-1234.50"),
        ("-", None),
        ("", None),
        (1234.5, "1234.50"),
        ("￥ 88", "88.00"),
        ("−12.30", "-12.30"),
        (Decimal("7"), "7.00"),
    ],
)
def test_amounts(text, value):
    assert parse_amount(text) == (Decimal(value) if value else None)


@pytest.mark.parametrize(
    "text",
    [
        dt.date(2026, 11, 3),
        dt.datetime(2026, 11, 3, 10, 1),
        46329,
        46329.0,
        "46329",
        "2026-11-03",
        "2026/11/3",
        "2026年11月3日",
        "20261103",
        20261103,
        "2026-11-03 10:22:01",
        "2026.11.3",
    ],
)
def test_dates(text):
    assert parse_date(text) == dt.date(2026, 11, 3)


def test_bad_values_raise():
    with pytest.raises(ValueError):
        parse_date("2026-13-01")
    with pytest.raises(ValueError):
        parse_amount("十元")


def test_messy_invoice_list(messy_invoices):
    parsed = tabular.parse(messy_invoices)
    assert parsed.header_row == 4 and parsed.kind == "invoice" and parsed.sheet == "发票清单"
    assert parsed.columns["date"] == "开票日期（yyyy-mm-dd）" and parsed.columns["amount"] == "金额（元）"
    by_row = {line.row: line for line in parsed.lines}
    first = by_row[5]
    assert (first.date, first.invoice_no, first.amount, first.tax, first.total) == (
        dt.date(2026, 11, 3),
        "13720588",
        Decimal("1132.08"),
        Decimal("67.92"),
        Decimal("1200.00"),
    )
    assert by_row[6].invoice_no == "13720589"  # a number cell read as text
    assert by_row[8].total == Decimal("100.00")  # 价税合计 missing: amount + tax
    assert by_row[10].status == "error"
    assert "第 10 行，列“开票日期（yyyy-mm-dd）”：无法把“2026-13-01”读作日期" in by_row[10].reason
    assert by_row[11].status == "error" and "金额" in by_row[11].reason
    assert (7, "空行") in parsed.skipped and (12, "合计行") in parsed.skipped


@pytest.mark.parametrize("fixture", ["gbk_statement", "bom_statement"])
def test_statement_encodings_and_signed_amounts(request, fixture):
    parsed = tabular.parse(request.getfixturevalue(fixture))
    assert parsed.encoding in ("gb18030", "utf-8-sig")
    assert parsed.kind == "statement" and parsed.header_row == 3
    amounts = [line.amount for line in parsed.lines]
    assert amounts == [Decimal("-1200.00"), Decimal("-35.00"), Decimal("-35.00"), Decimal("100.00")]
    assert parsed.lines[0].vendor == "粤海酒家" and parsed.lines[0].memo == "餐费"
    assert parsed.skipped == [(8, "合计行")]


def test_encoding_override(gbk_statement):
    with pytest.raises(ImportRefused, match="utf-8"):
        tabular.parse(gbk_statement, encoding="utf-8")


def test_refusals(tmp_path):
    junk = tmp_path / "x.xlsx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(ImportRefused, match="不是可读取的电子表格"):
        tabular.parse(junk)
    doc = tmp_path / "x.docx"
    doc.write_text("x", encoding="utf-8")
    with pytest.raises(ImportRefused, match="不是电子表格"):
        tabular.parse(doc)
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="是空的"):
        tabular.parse(empty)
    noheader = tmp_path / "noheader.csv"
    noheader.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="找不到表头"):
        tabular.parse(noheader)


def test_mapping_override(gbk_statement):
    parsed = tabular.parse(
        gbk_statement, header_row=3, mapping={"date": 0, "memo": 1, "vendor": 2, "amount": 5}
    )
    assert parsed.kind == "statement"
    assert parsed.lines[0].amount == Decimal("98800.00")  # the user chose the balance column


FIXTURES = Path(__file__).parent / "fixtures"  # made by tools/make_legacy_fixtures.py


def test_legacy_xls_statement():
    parsed = tabular.parse(FIXTURES / "statement.xls")
    assert (parsed.kind, parsed.sheet, parsed.header_row, parsed.encoding) == (
        "statement",
        "账户明细",
        4,
        None,
    )
    assert parsed.columns["debit"] == "借方金额" and parsed.columns["credit"] == "贷方金额"
    assert [(line.row, line.date, line.vendor, line.amount) for line in parsed.lines] == [
        (5, dt.date(2026, 11, 3), "粤海酒家", Decimal("-1200.00")),  # a number in 借方
        (6, dt.date(2026, 11, 4), "维也纳国际酒店", Decimal("-760.00")),  # text in 借方
        (7, dt.date(2026, 11, 5), "维也纳国际酒店", Decimal("100.00")),  # 贷方: money in
    ]
    assert parsed.skipped == [(8, "空行"), (9, "合计行")]


def test_ods_invoice_list():
    parsed = tabular.parse(FIXTURES / "invoices.ods")
    assert (parsed.kind, parsed.sheet, parsed.header_row) == ("invoice", "进项发票", 3)
    first, second = parsed.lines
    assert (first.date, first.invoice_no, first.amount, first.tax, first.total) == (
        dt.date(2026, 11, 3),
        "13720701",
        Decimal("1132.08"),
        Decimal("67.92"),
        Decimal("1200.00"),
    )
    assert second.invoice_no == "13720702" and second.total == Decimal("760.00")  # float cells
    assert (7, "合计行") in parsed.skipped  # 小计
