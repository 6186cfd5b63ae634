"""月度接待报告: one sheet per section with native charts; the PDF carries the figures and charts."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop import clock
from desktop.exporters.monthly_report import export_monthly_report
from desktop.models import Employee, Fine
from desktop.services import auth, fines, monthly_report
from desktop.services.errors import PermissionDenied
from tests.exporters.conftest import needs_poppler

SHEETS = [
    "概要",
    "接待概况",
    "费用与预算（按类别）",
    "部门预算执行",
    "超标准情况",
    "客户满意度",
    "逾期事项",
    "违规与罚款（赞助单）",
]


@pytest.fixture
def report(demo_db):
    """Today's month of the demo (its receptions, expenses, overdue forms), with a fine recorded."""
    today = clock.today()
    auditor = auth.actor_by_username("shenji")
    person = Employee.select().where(Employee.name == "李娜").first()
    article = fines.articles()[0]
    fines.record(
        auditor,
        fines.FineForm(person_id=person.id, article=article.code, occurred_on=today, description="迟交反馈"),
    )
    return monthly_report.build(auth.actor_by_username("caiwu"), today.year, today.month)


def test_only_readers_of_every_reception_get_the_report(demo_db):
    with pytest.raises(PermissionDenied):
        monthly_report.build(auth.actor_by_username("lina"), 2026, 11)


def test_fines_of_the_month_are_in_the_report(report):
    start, end = monthly_report.month_range(report.year, report.month)
    expected = [f for f in Fine.select() if start <= f.occurred_on <= end and f.voided_at is None]
    section = report.section("fines")
    assert len(section.rows) == len(expected)
    assert any(row[1] == "李娜" and row[7] == "迟交反馈" for row in section.rows)
    total = sum((f.amount for f in expected), Decimal("0.00"))
    assert dict(report.summary)["罚款合计"] == total
    assert dict(report.summary)["违规次数"] == sum(1 for f in expected if f.primary_id is None)


def test_xlsx_has_a_sheet_and_a_chart_per_section(report, tmp_path):
    path = export_monthly_report(report, tmp_path / "month.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == SHEETS
    charted = [s.title for s in report.sections if s.chart is not None]
    for title in charted:
        assert len(workbook[title]._charts) == 1, title
    sheet = workbook["接待概况"]
    total_row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "合计")
    receptions = report.section("receptions").rows[-1]
    assert list(total_row[: len(receptions)]) == receptions
    summary = {r[0]: r[1] for r in workbook["概要"].iter_rows(values_only=True) if r and r[0]}
    assert summary["接待次数"] == dict(report.summary)["接待次数"]


@needs_poppler
def test_pdf_text_has_the_figures(report, tmp_path):
    path = export_monthly_report(report, tmp_path / "month.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "月度接待报告" in text and report.label in text
    for section in report.sections:
        assert section.title in text
    values = dict(report.summary)
    assert f"{values['实际费用']:,.2f}" in text
    assert f"{values['批准预算']:,.2f}" in text
    assert "李娜" in text
    # the charts are drawings with their titles in the bundled font
    for section in report.sections:
        if section.chart is not None:
            assert section.chart.title in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts or "WenQuanYi" in fonts


def test_unknown_format_is_refused(report, tmp_path):
    with pytest.raises(ValueError):
        export_monthly_report(report, tmp_path / "month.docx")
