from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from desktop.services.visitors import VisitRow

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def make_row(i: int, **overrides) -> VisitRow:
    values = dict(
        id=i,
        name=f"访客{i}",
        company="华东精密机械有限公司",
        phone="13812345678",
        id_number="4401**********1234",
        people_count=2,
        category="老客户（商务）",
        purpose="商务洽谈",
        host_id=1,
        host_name="张伟",
        host_phone="13900001111",
        department="销售一部",
        kind="walk_in",
        status="left",
        expected_date=None,
        expected_time=None,
        time_in=dt.datetime(2026, 11, 20, 9, i % 60),
        time_out=dt.datetime(2026, 11, 20, 11, 5),
        badge_no=str(i),
        tea_served=i % 2 == 0,
        wait_location="一楼会客区",
        remarks="携带样品",
    )
    values.update(overrides)
    return VisitRow(**values)


def pdf_text(path) -> str:
    """The PDF's text in drawing order (``-raw``): a table cell whose text wraps stays together,
    where ``-layout`` interleaves its second line with the label beside it (a longer budget line
    on a Friday's demo data failed the xlsx-vs-pdf comparison that way)."""
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_fonts(path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def assert_fonts_embedded(path) -> None:
    fonts = pdf_fonts(path)
    assert fonts, "the PDF names no font"
    for row in fonts:
        # columns: name type [type2] encoding emb sub uni object id → emb is 5th from the end
        assert row[-5] == "yes", f"font not embedded: {row}"
    assert any("WenQuanYi" in row[0] for row in fonts)
