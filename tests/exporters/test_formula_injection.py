"""Text typed by visitors, hosts or a bank never becomes a live formula in an exported workbook.

Every .xlsx export is fed text that a spreadsheet would read as a formula (``=``, ``+``, ``-``,
``@``, a leading tab or carriage return) and read back with openpyxl: no cell is a formula, the
text is there as typed, and such cells carry the quote prefix (Excel's typed apostrophe) so
editing them keeps them text. The PDF of the same form still shows the text.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from desktop import clock
from desktop.exporters import application_form, arrangement_forms, finance_reports, visitor_log
from desktop.exporters.cells import append_row, set_cell
from desktop.models import (
    Application,
    ApplicationGuest,
    ExpenseLine,
    FeedbackAction,
    ImportedLine,
    ItineraryItem,
)
from desktop.services import applications as apps
from desktop.services import arrangements, auth, expenses, feedback, reconcile
from tests.exporters.conftest import make_row, needs_poppler, pdf_text

LINK = '=HYPERLINK("http://x","click")'
PLUS = "+86 138 0000 0000"
MINUS = "-2+3"
AT = "@SUM(A1:A9)"
TAB = "\t=1+1"
CR = "\r=2+2"
HOSTILE = (LINK, PLUS, MINUS, AT, TAB, CR)


def cells_of(path) -> list:
    return [cell for ws in load_workbook(path).worksheets for row in ws.iter_rows() for cell in row]


def assert_inert(path, *expected: str) -> None:
    """No formula anywhere; each expected text is a text cell (or inside one), formula-like text
    carries the quote prefix."""
    cells = cells_of(path)
    formulas = [(c.coordinate, c.value) for c in cells if c.data_type == "f"]
    assert not formulas, f"formulas in {path.name}: {formulas}"
    texts = [c for c in cells if isinstance(c.value, str)]
    for text in expected:
        holders = [c for c in texts if text.strip() in c.value]
        assert holders, f"{text!r} is not in {path.name}"
        for c in holders:
            assert c.data_type == "s"
            if c.value.startswith(("=", "+", "-", "@", "\t", "\r", "\n")):
                assert c.quotePrefix, f"{c.coordinate} {c.value!r} has no quote prefix"


def test_cell_helpers_keep_numbers_and_neutralise_text(tmp_path):
    wb = Workbook()
    ws = wb.active
    for row, value in enumerate(HOSTILE, start=1):
        set_cell(ws, row, 1, value)
    set_cell(ws, 7, 1, "#N/A")
    set_cell(ws, 8, 1, "nul\x00 and bell\x07 removed")
    append_row(ws, [12, Decimal("3.50"), dt.date(2026, 11, 20), None, "普通文字", LINK])
    wb.save(tmp_path / "h.xlsx")
    ws = load_workbook(tmp_path / "h.xlsx").active
    for row, value in enumerate(HOSTILE, start=1):
        cell = ws.cell(row, 1)
        # XML reads a stored carriage return back as a newline.
        assert (cell.value, cell.data_type, cell.quotePrefix) == (value.replace("\r", "\n"), "s", True)
    assert (ws["A7"].value, ws["A7"].data_type) == ("#N/A", "s")
    assert ws["A8"].value == "nul and bell removed"
    numbers = [c.value for c in ws[9]]
    assert numbers[:2] == [12, 3.5] and ws["A9"].data_type == "n"
    assert ws["C9"].is_date and ws["C9"].value.date() == dt.date(2026, 11, 20)
    assert ws["D9"].value is None
    assert ws["E9"].value == "普通文字" and not ws["E9"].quotePrefix
    assert ws["F9"].value == LINK and ws["F9"].data_type == "s"


@needs_poppler
def test_visitor_log(tmp_path):
    row = make_row(1, name=LINK, company=AT, phone=PLUS, purpose=MINUS, remarks=TAB, host_name=CR)
    xlsx = visitor_log.export_visitor_log([row], dt.date(2026, 11, 20), LINK, "XZ", tmp_path / "v.xlsx")
    assert_inert(xlsx, *HOSTILE)
    pdf = visitor_log.export_visitor_log([row], dt.date(2026, 11, 20), "公司", "XZ", tmp_path / "v.pdf")
    text = pdf_text(pdf)  # narrow columns wrap: look for the parts that fit on one line
    for part in ("=HYPERLI", "@SUM(A1:A9)", "+86 138", "-2+3", "=1+1", "=2+2"):
        assert part in text


@pytest.fixture
def hostile_db(demo_db):
    """The demo office with hostile text in every free-text column the forms print."""
    Application.update(client_company=LINK, purpose=PLUS, remarks=MINUS).execute()
    ApplicationGuest.update(name=AT).execute()
    ItineraryItem.update(place=LINK, notes=TAB).execute()
    FeedbackAction.update(action=CR).execute()
    ExpenseLine.update(vendor=LINK, reason=AT).execute()
    ImportedLine.update(vendor=LINK, memo=MINUS).execute()
    return demo_db


@needs_poppler
def test_application_form(hostile_db, tmp_path):
    finance = auth.actor_by_username("caiwu")
    app = apps.list_applications(finance, scope="all")[0]
    detail = apps.get(finance, app.id)
    xlsx = application_form.export_application(detail, "公司", "X", tmp_path / "a.xlsx")
    assert_inert(xlsx, LINK, AT)
    pdf = application_form.export_application(detail, "公司", "X", tmp_path / "a.pdf")
    assert "HYPERLINK" in pdf_text(pdf)


def test_arrangement_and_itinerary(hostile_db, tmp_path):
    admin = auth.actor_by_username("admin")
    today = clock.today()
    entry = next(
        e for e in arrangements.schedule(admin, today, today + dt.timedelta(days=30)) if e.item is not None
    )
    detail = arrangements.get(admin, entry.application_id)
    xlsx = arrangement_forms.export_arrangement(detail, "公司", tmp_path / "arr.xlsx")
    assert_inert(xlsx, LINK, TAB)
    xlsx = arrangement_forms.export_itinerary(detail, "公司", tmp_path / "it.xlsx")
    assert_inert(xlsx, LINK)


def test_feedback(hostile_db, tmp_path):
    lina = auth.actor_by_username("lina")
    done = next(s for s in feedback.statuses(lina) if s.submitted_at)
    xlsx = arrangement_forms.write_feedback(lina, done.application_id, tmp_path / "f.xlsx")
    assert_inert(xlsx, LINK, CR)


def test_expense_summary(hostile_db, tmp_path):
    finance = auth.actor_by_username("caiwu")
    summary = next(r for r in expenses.list_summaries(finance) if r.status == expenses.REIMBURSED)
    info = expenses.get(finance, summary.application_id)
    xlsx = finance_reports.export_expenses(info, "公司", tmp_path / "e.xlsx")
    assert_inert(xlsx, LINK, AT)


@needs_poppler
def test_reconciliation_report(hostile_db, tmp_path):
    finance = auth.actor_by_username("caiwu")
    start, end = clock.today() - dt.timedelta(days=60), clock.today()
    data = reconcile.report_data(finance, start, end, LINK)
    assert data.matched or data.unmatched
    xlsx = finance_reports.write_report(data, tmp_path / "r.xlsx")
    assert_inert(xlsx, LINK)
    numbers = [c for c in cells_of(xlsx) if c.data_type == "n" and c.value is not None]
    assert numbers, "amounts must stay numbers"
    pdf = finance_reports.write_report(data, tmp_path / "r.pdf")
    assert "HYPERLINK" in pdf_text(pdf)
