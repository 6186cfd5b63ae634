"""Printed forms are official Chinese forms: printed from the English interface they still say
待总经理审批 / 同意 / 银行转账, not "Pending" / "Approve" (issue 15). The services hand the
exporters codes; the exporters label them in Chinese whatever language the window speaks."""

from __future__ import annotations

import re

import pytest

from desktop.exporters import application_form, arrangement_forms, finance_reports, fine_slip
from desktop.i18n import source_language
from desktop.services import applications as apps
from desktop.services import arrangements, auth, expenses, fines, settings

COMPANY = "华夏精工科技有限公司"
# Latin words of three letters or more: the English catalogue's labels (not numbers, codes
# such as JD-2026-0012, units or a company's Latin name, which the demo does not use).
ENGLISH = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def english(qapp):
    from desktop.views.app import install_language

    install_language(qapp, "en")
    assert expenses.status_label(expenses.SUBMITTED) != "待财务审核"  # the catalogue is loaded
    yield  # tests/conftest.py puts Chinese back


def english_words(texts: list[str]) -> list[str]:
    return sorted({w for t in texts for w in ENGLISH.findall(t)})


def test_expense_summary_in_every_state_prints_chinese_labels(demo_db, english):
    finance = auth.actor_by_username("caiwu")
    rows = expenses.list_summaries(finance)
    assert {r.status for r in rows} >= {expenses.REIMBURSED, expenses.APPROVED, expenses.RETURNED}
    for row in rows:
        info = expenses.get(finance, row.application_id)  # read as the English window does
        doc = finance_reports.expense_doc(info, COMPANY, form_no="HX-CW-03")
        texts = doc.texts() + [doc.left, doc.footer]
        assert english_words(texts) == [], (row.status, english_words(texts))
        with source_language():
            chinese = expenses.status_label(row.status)
        assert chinese in doc.left and info.status_label not in doc.left  # the window's label is English


def test_application_and_arrangement_forms_print_chinese_labels(demo_db, english):
    finance = auth.actor_by_username("caiwu")
    admin = auth.actor_by_username("liuyang")
    for info in apps.list_applications(finance, scope="all")[:8]:
        detail = apps.get(finance, info.id)
        doc = application_form.build(detail, COMPANY, "HX-XZ-01")
        assert english_words(doc.texts() + [doc.left]) == [], (info.status, english_words(doc.texts()))
    approved = [a for a in apps.list_applications(finance, scope="all") if a.status == apps.APPROVED]
    for info in approved[:4]:
        try:
            detail = arrangements.get(admin, info.id)
        except Exception:  # noqa: BLE001 - no arrangement yet for this one
            continue
        for doc in (
            arrangement_forms.arrangement_doc(detail, COMPANY),
            arrangement_forms.itinerary_doc(detail, COMPANY),
        ):
            assert english_words(doc.texts() + [doc.left]) == [], english_words(doc.texts())


def test_fine_slip_prints_chinese_labels(demo_db, english):
    auditor = auth.actor_by_username("shenji")
    for row in fines.list_fines(auditor)[:3]:
        slip = fines.get(auditor, row.id)
        doc = fine_slip.build(slip, COMPANY, settings.get("fine_form_no"))
        assert english_words(doc.texts() + [doc.left]) == [], english_words(doc.texts())


def test_reconciliation_report_from_the_english_window_is_chinese(demo_db, english):
    """The 对账报告's rows carry labels of states, flags and match kinds; the window builds them
    (in its own language) before the exporter sees them, so the service labels them in Chinese."""
    import datetime as dt

    from desktop import clock
    from desktop.services import reconcile

    finance = auth.actor_by_username("caiwu")
    today = clock.today()
    start = today.replace(day=1) - dt.timedelta(days=62)
    reconcile.run(finance, start, today)
    data = reconcile.report_data(finance, start, today, COMPANY)
    texts = [str(cell) for rows in (data.matched, data.unmatched, data.flags) for row in rows for cell in row]
    texts += [label for label, _count in data.summary]
    assert data.flags and data.summary
    assert english_words(texts) == []
    # without the decorator the same rows come out in the window's language (English here)
    plain = reconcile.report_data.__wrapped__(finance, start, today, COMPANY)
    assert english_words([label for label, _count in plain.summary]) != []
