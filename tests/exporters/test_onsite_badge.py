"""Evacuation list and visitor badge PDFs read back."""

from __future__ import annotations

import datetime as dt

import pypdfium2

from desktop.exporters import badge, onsite
from tests.exporters.conftest import assert_fonts_embedded, make_row, needs_poppler, pdf_text


@needs_poppler
def test_evacuation_list_counts_people(tmp_path):
    rows = [make_row(i, status="on_site", time_out=None, people_count=i) for i in range(1, 5)]
    path = onsite.export_onsite_pdf(
        rows, "华夏精工科技有限公司", dt.datetime(2026, 11, 20, 15, 0), tmp_path / "onsite.pdf"
    )
    text = pdf_text(path)
    assert "紧急疏散名单" in text
    assert "现场访客合计：10 人" in text
    assert "在访 4 批" in text
    assert "13900001111" in text  # the host's phone, to call them at the assembly point
    assert all(f"访客{i}" in text for i in range(1, 5))
    assert_fonts_embedded(path)


@needs_poppler
def test_badge_fits_one_label(tmp_path):
    row = make_row(
        7,
        name="欧阳娜娜娜娜娜娜",
        company="一个名字非常非常长的国际贸易与精密制造集团股份有限公司上海浦东新区张江高科技园区分公司第三事业部"
        * 2,
    )
    path = badge.export_badge_pdf(row, "华夏精工科技有限公司", tmp_path / "badge.pdf")
    doc = pypdfium2.PdfDocument(str(path))
    assert len(doc) == 1
    width, height = doc[0].get_size()
    assert round(width / 72 * 25.4) == 90 and round(height / 72 * 25.4) == 54
    doc.close()
    text = pdf_text(path)
    assert "欧阳娜娜娜娜娜娜" in text and "访客 VISITOR" in text and "张伟" in text
    assert "7" in text and "2026-11-20" in text
    assert "…" in text  # the long company name was cut to fit
    assert_fonts_embedded(path)
