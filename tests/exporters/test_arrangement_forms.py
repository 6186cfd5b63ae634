"""客户接待安排表 (labelled copies), 商务考察行程安排表 and 客户接待信息反馈表 read back."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from openpyxl import load_workbook

from desktop import clock
from desktop.exporters import arrangement_forms, formdoc
from desktop.services import arrangements as arr
from desktop.services import auth, feedback
from tests.exporters.conftest import assert_fonts_embedded, needs_poppler, pdf_text


@pytest.fixture
def arranged(demo_db):
    admin = auth.actor_by_username("admin")
    today = clock.today()
    first = next(e for e in arr.schedule(admin, today, today + dt.timedelta(days=30)) if e.item is not None)
    detail = arr.get(admin, first.application_id)
    assert any(i.kind == "pickup" for i in detail.items)
    return admin, detail


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def head(cell: str) -> str:
    """The start of a cell: pdftotext interleaves the wrapped lines of neighbouring cells."""
    return flat(cell)[:6]


@needs_poppler
def test_arrangement_sheet_in_triplicate(arranged, tmp_path):
    _, detail = arranged
    pdf = arrangement_forms.export_arrangement(detail, "华夏精工科技有限公司", tmp_path / "a.pdf")
    text = pdf_text(pdf)
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) == 3
    for page, recipient in zip(pages, ("总经理", "副总经理", "部门负责人"), strict=False):
        assert f"{recipient}联" in page and "客户接待安排表" in page
    for item in detail.items:
        assert item.kind_label in text
    assert "CZ3521" in text and "一号会议室" in text and "时间待定" in text
    assert_fonts_embedded(pdf)
    xlsx = arrangement_forms.export_arrangement(detail, "华夏精工科技有限公司", tmp_path / "a.xlsx")
    wb = load_workbook(xlsx)
    assert [ws.title.split("-")[-1] for ws in wb.worksheets] == ["总经理联", "副总经理联", "部门负责人联"]
    cells = formdoc.read_xlsx_texts(xlsx, sheet=1)
    for cell in cells:
        assert head(cell) in flat(pages[1]), cell


@needs_poppler
def test_changed_sheet_shows_the_revision(arranged, tmp_path):
    admin, detail = arranged
    arr.mark_printed(admin, detail.id)
    item = detail.items[0]
    form = item.form()
    form.notes = "改为 10 点"
    arr.save_item(admin, detail.application.info.id, form, item.id)
    changed = arr.get(admin, detail.application.info.id)
    text = pdf_text(arrangement_forms.export_arrangement(changed, "公司", tmp_path / "b.pdf"))
    assert f"第 {changed.revision} 版" in text and changed.revision == 2
    assert "打印后有变更" not in text  # the program's own state, not something the handout says
    # Per copy: the one changed line, and the legend under the table that explains the mark.
    assert text.count(arrangement_forms.CHANGED) == 2 * len(detail.recipients)
    assert f"第 {changed.revision - 1} 版发出后的变更" in text


@needs_poppler
def test_revised_sheet_shows_cancelled_lines(arranged, tmp_path):
    admin, detail = arranged
    arr.mark_printed(admin, detail.id)
    gone = next(i for i in detail.items if i.kind == "pickup")
    arr.delete_item(admin, gone.id)
    revised = arr.get(admin, detail.application.info.id)
    assert gone.id not in {i.id for i in revised.items}
    text = pdf_text(arrangement_forms.export_arrangement(revised, "公司", tmp_path / "c.pdf"))
    first = text.split("\f")[0]
    # The deleted pickup is still on the page, marked, with its flight, and explained below.
    assert arrangement_forms.CANCELLED in first and gone.transport_no in first
    assert f"“{arrangement_forms.CANCELLED}”的行是第{revised.printed_revision}版发出后的变更" in flat(first)
    xlsx = arrangement_forms.export_arrangement(revised, "公司", tmp_path / "c.xlsx")
    ws = load_workbook(xlsx).worksheets[0]
    row = next(r for r in ws.iter_rows() if any(arrangement_forms.CANCELLED in str(c.value or "") for c in r))
    when = row[0]
    assert f"{gone.start:%Y-%m-%d %H:%M}" in str(when.value) and when.font.strike
    assert row[2].value == gone.kind_label and row[2].font.strike
    for cell in formdoc.read_xlsx_texts(xlsx):
        assert head(cell) in flat(first), cell


@needs_poppler
def test_itinerary_day_by_day(arranged, tmp_path):
    _, detail = arranged
    pdf = arrangement_forms.export_itinerary(detail, "华夏精工科技有限公司", tmp_path / "i.pdf")
    text = pdf_text(pdf)
    day = detail.items[0].start.date()
    assert "商务考察行程安排表" in text and f"{day:%Y 年 %m 月 %d 日}" in text
    assert "参观" in text and "时间待定" in text
    xlsx = arrangement_forms.export_itinerary(detail, "华夏精工科技有限公司", tmp_path / "i.xlsx")
    for cell in formdoc.read_xlsx_texts(xlsx):
        assert head(cell) in flat(text), cell


@needs_poppler
def test_feedback_form(demo_db, tmp_path):
    lina = auth.actor_by_username("lina")
    done = next(s for s in feedback.statuses(lina) if s.submitted_at)
    pdf = arrangement_forms.write_feedback(lina, done.application_id, tmp_path / "f.pdf")
    text = pdf_text(pdf)
    assert "客户接待信息反馈表" in text and "4 / 5" in text and "寄送样品 3 套" in text
    assert f"应于 {done.due:%Y-%m-%d} 前提交" in text
    xlsx = arrangement_forms.write_feedback(lina, done.application_id, tmp_path / "f.xlsx")
    for cell in formdoc.read_xlsx_texts(xlsx):
        assert head(cell) in flat(text), cell


@needs_poppler
def test_tomorrows_sheets_in_one_pdf(demo_db, tmp_path):
    admin = auth.actor_by_username("admin")
    tomorrow_ids = {
        e.application_id for e in arr.schedule(admin, clock.today(), clock.today() + dt.timedelta(days=30))
    }
    details = [arr.get(admin, i) for i in sorted(tomorrow_ids)][:2]
    pdf = arrangement_forms.export_day_sheets(details, "公司", tmp_path / "day.pdf")
    pages = [p for p in pdf_text(pdf).split("\f") if p.strip()]
    assert len(pages) == sum(len(d.recipients) for d in details)
