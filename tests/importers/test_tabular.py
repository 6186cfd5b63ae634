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


def _csv(tmp_path, lines: list[str]) -> Path:
    path = tmp_path / "rows.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_rows_that_are_not_lines_among_many(tmp_path, monkeypatch):
    """Reading in blocks of rows checks only the rows that may be blank, a total or a note one
    by one: those with at most one filled cell, or a text cell starting with a space or a total
    word. Spaces-only cells, a spaced-out 合 计, a note, a short row and a one-cell line among
    ordinary lines, across block boundaries."""
    monkeypatch.setattr(tabular, "BLOCK_ROWS", 3)
    path = _csv(
        tmp_path,
        [
            "交易日期,摘要,对方户名,支出金额",
            "2026-11-03,餐费,粤海酒家,100",
            " , ,\u3000,",  # spaces only: blank
            "2026-11-04, 合 计,,",  # a total word with spaces in it
            "2026-11-05,  出租车,滴滴出行,35",  # a memo starting with spaces: a line
            "本对账单仅供参考，以银行记录为准。",  # a note
            "2026-11-06",  # one cell: a line missing its amount
            '2026-11-07,本金,某银行,"(1,234.50)"',  # 本 starts 本期合计 but 本金 is no total
            "2026-11-08,,,-",  # '-' is an empty amount
        ],
    )
    parsed = tabular.parse(path)
    assert parsed.skipped == [
        (3, "空行"),
        (4, "合计行"),
        (6, "说明文字，不是数据行：“本对账单仅供参考，以银行记录为准。”"),
    ]
    lines = {line.row: line for line in parsed.lines}
    assert (lines[2].amount, lines[5].memo, lines[5].amount) == (
        Decimal("-100.00"),
        "出租车",
        Decimal("-35.00"),
    )
    assert lines[7].status == "error" and "缺少金额" in lines[7].reason
    assert lines[8].amount == Decimal("-1234.50") and lines[8].memo == "本金"  # 支出 in brackets
    assert lines[9].status == "error" and "缺少金额" in lines[9].reason


def test_cells_read_a_column_at_a_time_as_one_by_one():
    """The column readers give what the one-cell readers give, for the values files hold."""
    from desktop.importers import cells

    values = ["¥1,234.50", "1,234.50元", "(1,234.50)", "-", "--", "", None, "¥", "1.2.3", ",,", "-0.00",
              1234.5, -0.0, 0.125, 2.675, 7, True, "十元", "￥ 88", "−12.30", "5-", "."]  # fmt: skip
    for value, got in zip(values, cells.amounts(values), strict=True):
        try:
            want = parse_amount(value)
        except ValueError:
            want = cells.BAD
        assert repr(got) == repr(want), value  # repr: -0.00 is not 0.00
    codes = ["044001900111", "44001900111", 44001900111.0, "4.40019E+11", "00012345", " 12345678 ",
             "１２３", 12345678901234567890.0, "", None, True]  # fmt: skip
    for name in ("invoice_code", "invoice_no"):
        for value, got in zip(codes, cells.codes(codes, name), strict=True):
            text, lost = tabular.code_text(value, name)
            assert got == (cells.BAD if lost else text), (name, value)
    dates = [dt.date(2026, 11, 3), "2026-11-03", "2026-13-01", 46329.0, None, "", "x", "2026-11-03"]
    for value, got in zip(dates, cells.dates(dates), strict=True):
        try:
            want = parse_date(value)
        except ValueError:
            want = cells.BAD
        assert got == want, value


def test_reading_reports_progress_and_can_be_cancelled(tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "BLOCK_ROWS", 2)
    rows = [f"2026-11-0{i % 9 + 1},餐费,粤海酒家,{i}" for i in range(1, 6)]
    path = _csv(tmp_path, ["交易日期,摘要,对方户名,支出金额", *rows])
    seen: list[tuple[int, int]] = []
    tabular.parse(path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 5), (2, 5), (4, 5), (5, 5)]

    def cancel(done: int, total: int) -> None:
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        tabular.parse(path, progress=cancel)
