"""What the import preview shows (issue 13): a footer sentence is a skipped row with its
reason, not an error; an invoice code stored as a number keeps every digit and its leading
zero; a number Excel already cut to 15 digits is refused with the reason."""

from __future__ import annotations

from openpyxl import Workbook

from desktop.importers import tabular
from desktop.services import auth, imports
from tests.importers.conftest import STATEMENT

FOOTER = "本对账单仅供参考，以银行记录为准。"


def test_a_footer_sentence_is_a_skipped_row_not_an_error(tmp_path):
    path = tmp_path / "statement.csv"
    path.write_bytes("\r\n".join([*STATEMENT, FOOTER, "打印时间：2026-11-25 10:02"]).encode("gbk"))
    parsed = tabular.parse(path)
    assert [line.status for line in parsed.lines] == ["new"] * 4
    skipped = dict(parsed.skipped)
    assert skipped[9] == f"说明文字，不是数据行：“{FOOTER}”"
    assert "打印时间" in skipped[10]
    assert skipped[8] == "合计行"


def test_a_lone_amount_or_date_is_still_an_error(tmp_path):
    """Only text that cannot be a line is skipped: a row with just an amount lost its cells."""
    path = tmp_path / "statement.csv"
    path.write_text(
        "交易日期,摘要,对方户名,支出金额\n2026-11-03,餐费,粤海酒家,100\n,,,35.00\n", encoding="utf-8"
    )
    parsed = tabular.parse(path)
    assert [line.status for line in parsed.lines] == ["new", "error"]
    assert parsed.skipped == []


def _invoices(tmp_path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["发票代码", "发票号码", "开票日期", "销方名称", "价税合计"])
    for row in rows:
        ws.append(row)
    path = tmp_path / "invoices.xlsx"
    wb.save(path)
    return path


def test_codes_stored_as_numbers_keep_their_digits_and_leading_zero(tmp_path):
    path = _invoices(
        tmp_path,
        [
            [44001900111, 13720588, "2026-11-03", "粤海酒家", 1200],  # 044001900111 as a number
            ["044001900111", "00012345", "2026-11-03", "粤海酒家", 100],  # text: kept exactly
            [4400190011, 12345, "2026-11-03", "维也纳酒店", 760],  # 10-digit code; 00012345
            [144031900111, 13720590, "2026-11-03", "某公司", 10],  # 12 digits: nothing to restore
        ],
    )
    lines = tabular.parse(path).lines
    assert [(x.invoice_code, x.invoice_no) for x in lines] == [
        ("044001900111", "13720588"),
        ("044001900111", "00012345"),
        ("4400190011", "00012345"),
        ("144031900111", "13720590"),
    ]
    assert all(x.status == "new" for x in lines)


def test_a_20_digit_number_excel_cut_to_15_digits_is_refused(tmp_path):
    path = _invoices(tmp_path, [["", 24442000000123456789, "2026-11-03", "滴滴出行", 97]])
    line = tabular.parse(path).lines[0]
    assert line.status == "error" and "只保留 15 位" in line.reason and "发票号码" in line.reason
    csv_path = tmp_path / "invoices.csv"
    csv_path.write_text(
        "发票代码,发票号码,开票日期,价税合计\n4.40019E+11,13720588,2026-11-03,10\n", encoding="utf-8"
    )
    assert "只保留 15 位" in tabular.parse(csv_path).lines[0].reason


def test_the_restored_code_matches_the_claimed_line(demo_db, tmp_path):
    """The expense lines of the demo carry 044001900111: an import of the same invoice with the
    code stored as a number is a duplicate of nothing and matches on code and number."""
    finance = auth.actor_by_username("caiwu")
    path = _invoices(tmp_path, [[44001900111, 99990001, "2026-11-03", "粤海酒家", 1200]])
    preview = imports.preview(finance, path)
    assert preview.parsed.lines[0].invoice_code == "044001900111"
    assert preview.parsed.lines[0].status == "new"
