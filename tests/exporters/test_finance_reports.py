"""对账报告 and 接待费用报销汇总表 read back; the reconcile and import commands."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from desktop import clock
from desktop.exporters import finance_reports, formdoc
from desktop.services import auth, expenses, reconcile
from tests.exporters.conftest import assert_fonts_embedded, needs_poppler, pdf_text
from tests.test_cli import run


@needs_poppler
def test_reconciliation_report(demo_db, tmp_path):
    finance = auth.actor_by_username("caiwu")
    start, end = clock.today() - dt.timedelta(days=60), clock.today()
    data = reconcile.report_data(finance, start, end, "华夏精工科技有限公司")
    assert data.matched and data.flags
    xlsx = finance_reports.write_report(data, tmp_path / "r.xlsx")
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["汇总", "已匹配", "未匹配", "问题清单"]
    head = finance_reports.HEAD_ROW  # title and period above the header, all three print titles
    assert wb["已匹配"].max_row == len(data.matched) + head
    assert wb["问题清单"].cell(head, 1).value == "类别"
    pdf = finance_reports.write_report(data, tmp_path / "r.pdf")
    text = pdf_text(pdf)
    assert "对账报告" in text and "问题清单" in text
    assert_fonts_embedded(pdf)


@needs_poppler
def test_expense_summary_form(demo_db, tmp_path):
    finance = auth.actor_by_username("caiwu")
    done = next(r for r in expenses.list_summaries(finance) if r.status == expenses.REIMBURSED)
    info = expenses.get(finance, done.application_id)
    pdf = finance_reports.export_expenses(info, "华夏精工科技有限公司", tmp_path / "e.pdf")
    text = pdf_text(pdf)
    for needle in (
        "接待费用报销汇总表",
        info.total_capital,
        "财务审核",
        "总经理审批",
        info.reimbursed[2],  # the 凭证号 finance recorded (issue 13), not an invented "BX…"
        "付款日期",
        "银行转账",  # the method, labelled from its code
        "滴滴出行",
    ):
        assert needle in text.replace(" ", "") or needle in text
    xlsx = finance_reports.export_expenses(info, "华夏精工科技有限公司", tmp_path / "e.xlsx")
    cells = formdoc.read_xlsx_texts(xlsx)
    assert info.total_capital in cells and "经办人" in cells
    assert_fonts_embedded(pdf)


def test_reconcile_and_import_commands(capsys, tmp_path, data_dir, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert run(capsys, "--db", url, "demo")[0] == 0
    monkeypatch.setenv("RECEPTION_PASSWORD", "demo1234")
    code, out, err = run(
        capsys,
        "--db",
        url,
        "--user",
        "caiwu",
        "reconcile",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "-o",
        str(tmp_path / "r.xlsx"),
    )
    assert code == 0, err
    assert "matched" in out and (tmp_path / "r.xlsx").exists()
    code, _, err = run(
        capsys,
        "--db",
        url,
        "--user",
        "caiwu",
        "reconcile",
        "--from",
        "2026-12-31",
        "--to",
        "2026-01-01",
        "-o",
        str(tmp_path / "r.xlsx"),
    )
    assert code == 2 and "before" in err
    code, out, err = run(
        capsys, "--db", url, "export", "expenses", "--id", "5", "-o", str(tmp_path / "e.pdf")
    )
    assert code == 0, err


def test_a_long_reason_gets_a_row_as_high_as_its_lines(tmp_path):
    """Rendered with LibreOffice, a wrapped 问题清单 reason printed over the rows below it: the
    row is now as high as its wrapped lines, one-line rows keep the default height."""
    long = "2026-11-13 文具店 ¥45.00 已付款，未见发票（发票清单或电子发票）" * 2
    data = finance_reports.ReportData(
        "华夏精工科技有限公司",
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 30),
        [],
        [],
        [["已付款未见发票", long, "JD-2026-0009 宁波港城进出口贸易公司"], ["超标准", "短", "JD-2026-0010"]],
        [("问题", 2)],
    )
    path = finance_reports.write_report(data, tmp_path / "r.xlsx")
    ws = load_workbook(path)["问题清单"]
    first = finance_reports.HEAD_ROW + 1
    width = ws.column_dimensions["B"].width
    assert width <= 40
    lines = -(-formdoc.text_width(long) // (width - 0.8))
    assert lines >= 3 and ws.row_dimensions[first].height == 15 * lines
    assert ws.row_dimensions[first + 1].height is None
