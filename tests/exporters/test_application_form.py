"""客户接待申请表: .xlsx and .pdf carry the same content; signature blocks follow the history."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from desktop.exporters import application_form, formdoc
from desktop.services import applications as apps
from desktop.services import approval, auth
from tests.exporters.conftest import assert_fonts_embedded, needs_poppler, pdf_text


@pytest.fixture
def over_standard(demo_db):
    finance = auth.actor_by_username("caiwu")
    app = next(a for a in apps.list_applications(finance, scope="all") if a.over_standard)
    return apps.get(finance, app.id)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@needs_poppler
def test_xlsx_and_pdf_match(over_standard, tmp_path):
    xlsx = application_form.export_application(
        over_standard, "华夏精工科技有限公司", "XZ-QR-002", tmp_path / "app.xlsx"
    )
    pdf = application_form.export_application(
        over_standard, "华夏精工科技有限公司", "XZ-QR-002", tmp_path / "app.pdf"
    )
    cells = formdoc.read_xlsx_texts(xlsx)
    text = flat(pdf_text(pdf))
    assert cells, "the workbook is empty"
    for cell in cells:
        assert flat(cell) in text, f"{cell!r} is in the .xlsx but not in the .pdf"
    info = over_standard.info
    for needle in (
        info.number,
        "客户接待申请表",
        "华夏精工科技有限公司",
        over_standard.estimate.total_capital,
        "超标",
        "总经理（含超标准审批）",
        "部门负责人",
        "张伟",
        "同意",
    ):
        assert flat(needle) in text
    for guest in over_standard.form.guests:
        assert guest.name in text
    assert_fonts_embedded(pdf)


def test_signature_blocks(over_standard, tmp_path):
    xlsx = application_form.export_application(over_standard, "公司", "X", tmp_path / "a.xlsx")
    cells = formdoc.read_xlsx_texts(xlsx)
    steps = [label for _, label in over_standard.info.chain]
    for label in steps:
        assert label in cells
    # Three steps decided (dept, admin, finance); the GM's own step, which takes the over-standard
    # decision too (issue 11), still blank.
    decided = [a for a in over_standard.approvals if a.decision == "approve"]
    assert len(decided) == 3
    ws = load_workbook(xlsx).active
    last_step_row = next(
        r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "总经理（含超标准审批）"
    )
    assert all(ws.cell(last_step_row, c).value in (None, "") for c in range(3, 9))
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.fitToWidth == 1


def test_rejected_application_shows_the_reason(demo_db, tmp_path):
    finance = auth.actor_by_username("caiwu")
    app = next(a for a in apps.list_applications(finance, scope="all") if a.status == apps.REJECTED)
    detail = apps.get(finance, app.id)
    cells = formdoc.read_xlsx_texts(
        application_form.export_application(detail, "公司", "X", tmp_path / "r.xlsx")
    )
    assert approval.decision_label("reject") in cells
    assert any("合并申请" in c for c in cells)


def test_unknown_suffix(over_standard, tmp_path):
    with pytest.raises(ValueError):
        application_form.export_application(over_standard, "公司", "X", tmp_path / "a.txt")
