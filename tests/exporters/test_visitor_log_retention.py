"""The 来访登记表 states how long the personal data on it is kept (个人信息保护法, issue 12)."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from desktop.exporters import visitor_log
from tests.exporters.conftest import make_row, needs_poppler, pdf_text

DAY = dt.date(2026, 11, 20)


def test_xlsx_footer_states_the_retention_period(tmp_path):
    path = visitor_log.export_visitor_log(
        [make_row(1)], DAY, "公司", "XZ-QR-001", tmp_path / "log.xlsx", retention_days=365
    )
    ws = load_workbook(path).active
    footer = ws.oddFooter.left.text
    assert "个人信息保存期限：365 天" in footer and "姓氏" in footer
    assert "&P" in ws.oddFooter.center.text  # the page numbers stay


@needs_poppler
def test_pdf_states_the_retention_period(tmp_path):
    pdf = visitor_log.export_visitor_log(
        [make_row(1)], DAY, "公司", "XZ-QR-001", tmp_path / "log.pdf", retention_days=400
    )
    assert "个人信息保存期限：400天" in pdf_text(pdf).replace(" ", "")


def test_cli_export_states_the_office_setting(demo_db, tmp_path, db_url):
    from desktop import cli
    from desktop.services import auth, settings

    settings.save(auth.actor_by_username("admin"), {"retention_days": "730"})
    out = tmp_path / "cli.xlsx"
    assert cli.main(["--db", db_url, "export", "visitor-log", "--date", "2026-11-20", "-o", str(out)]) == 0
    assert "730 天" in load_workbook(out).active.oddFooter.left.text
