"""Issue 15: the forms as an office hands them out — one page, labelled copies, signatures to
sign by hand, contacts and dates on the handouts, and the .xlsx and the PDF carrying the same data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess

import pytest
from openpyxl import load_workbook
from reportlab.lib.units import mm
from reportlab.platypus import Table

from desktop import clock
from desktop.exporters import application_form, arrangement_forms, finance_reports, formdoc, visitor_log
from desktop.services import applications as apps
from desktop.services import arrangements as arr
from desktop.services import auth, expenses, feedback, reconcile, settings
from desktop.services.applications import GuestForm
from desktop.services.errors import PermissionDenied, ValidationError
from tests.exporters.conftest import needs_poppler, pdf_text

COMPANY = "华夏精工科技有限公司"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages_of(pdf) -> list[str]:
    return [p for p in pdf_text(pdf).split("\f") if p.strip()]


def assert_same_data(xlsx, pdf, sheet: int = 0) -> None:
    """Every cell of the workbook is in the PDF (start of the cell: pdftotext interleaves the
    wrapped lines of neighbouring cells)."""
    text = flat(pdf_text(pdf))
    cells = formdoc.read_xlsx_texts(xlsx, sheet=sheet)
    assert cells
    for cell in cells:
        for line in cell.split("\n"):
            assert flat(line)[:8] in text, f"{cell!r} is in the .xlsx but not in the .pdf"


def the_table(doc: formdoc.FormDoc) -> Table:
    """The form's grid in the PDF story (the title block has a small table of its own first)."""
    table = [f for f in formdoc._story(doc) if isinstance(f, Table)][-1]
    table.wrap(500, 800)
    return table


def sign_rows_pdf_heights(doc: formdoc.FormDoc) -> list[float]:
    """Heights (pt) of the rows holding a signature cell, as reportlab lays the PDF out."""
    table = the_table(doc)
    rows = [i for i, row in enumerate(doc.rows) if any(c.role == formdoc.SIGN for c in row)]
    assert rows, "the form has no signature rows"
    return [table._rowHeights[i] for i in rows]


def sign_rows_xlsx_heights(xlsx, doc: formdoc.FormDoc) -> list[float]:
    ws = load_workbook(xlsx).active
    rows = [i for i, row in enumerate(doc.rows) if any(c.role == formdoc.SIGN for c in row)]
    return [ws.row_dimensions[formdoc.FIRST_ROW + i].height for i in rows]


@pytest.fixture
def typical(demo_db):
    """An approved level-B application with meals, lodging, transport and tour lines."""
    finance = auth.actor_by_username("caiwu")
    app = next(
        a
        for a in apps.list_applications(finance, scope="all")
        if a.status == apps.APPROVED and a.level_code == "B"
    )
    detail = apps.get(finance, app.id)
    assert len([line for line in detail.estimate.lines if line.amount]) >= 3
    return detail


# ------------------------------------------------------------------ 客户接待申请表


@needs_poppler
def test_application_one_page_per_copy_labelled_with_venue_and_budget(typical, tmp_path):
    pdf = application_form.export_application(typical, COMPANY, "XZ-QR-002", tmp_path / "a.pdf")
    pages = pages_of(pdf)
    assert len(pages) == 2  # one A4 page per copy: 一份留底，一份交接待负责人
    assert "留底联" in pages[0] and "接待负责人联" in pages[1]
    for page in pages:
        assert "第1页/共1页" in flat(page)  # each copy counts its own pages
        assert "行政楼3楼一号会议室" in flat(page)  # the venue (接待地点)
    xlsx = application_form.export_application(typical, COMPANY, "XZ-QR-002", tmp_path / "a.xlsx")
    wb = load_workbook(xlsx)
    assert [ws.title.split("-")[-1] for ws in wb.worksheets] == ["留底联", "接待负责人联"]
    assert_same_data(xlsx, pdf)
    ws = wb.active
    labels = {line.label for line in typical.estimate.lines if line.amount and not line.reason}
    money = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value in labels]
    assert money and all(ws.row_dimensions[r].height == 20 for r in money)  # ¥800.00: one line, not two
    assert ws.print_title_rows and int(ws.page_setup.paperSize) == 9  # A4
    # The budget line counts this form and says whether the month would go over.
    b = typical.estimate.budget
    after = b.budget - b.used - b.pending - typical.estimate.total
    budget_line = application_form.budget_text(b, typical.estimate.total)
    assert "本单" in budget_line and ("超出预算" in budget_line) == (after < 0)
    assert flat(budget_line)[:20] in flat(pages[0])


def test_budget_line_says_when_the_month_goes_over():
    from decimal import Decimal

    from desktop.services.budgets import MonthBudget

    month = MonthBudget(1, 2026, 12, Decimal("10000"), Decimal("5000"), Decimal("1320"))
    assert application_form.budget_text(month, Decimal("4280")).endswith("计入本单后超出预算 ¥600.00")
    assert application_form.budget_text(month, Decimal("1000")).endswith("计入本单后剩余 ¥2,680.00")


@needs_poppler
def test_long_guest_list_continues_with_title_number_and_page(typical, tmp_path):
    many = [GuestForm(f"来宾{i:02d}", "采购经理", "男") for i in range(45)]
    detail = dataclasses.replace(typical, form=dataclasses.replace(typical.form, guests=many))
    pdf = application_form.export_application(
        detail, COMPANY, "XZ-QR-002", tmp_path / "g.pdf", copies=("留底",)
    )
    pages = pages_of(pdf)
    assert len(pages) == 2
    second = flat(pages[1])
    assert "客户接待申请表（续）" in second and "XZ-QR-002" in second and typical.info.number in second
    assert "第2页" in second and "来宾44" in second


def test_signature_rows_tall_enough_to_sign(typical, tmp_path):
    doc = application_form.build(typical, COMPANY, "X")
    assert min(sign_rows_pdf_heights(doc)) >= 12 * mm
    xlsx = application_form.export_application(typical, COMPANY, "X", tmp_path / "s.xlsx")
    assert min(sign_rows_xlsx_heights(xlsx, doc)) >= 12 / 25.4 * 72  # 12 mm in points


# ------------------------------------------------------------------ 安排表 and 行程


@pytest.fixture
def arranged(demo_db):
    office = auth.actor_by_username("liuyang")
    today = clock.today()
    first = next(e for e in arr.schedule(office, today, today + dt.timedelta(days=30)) if e.item is not None)
    return office, arr.get(office, first.application_id)


@needs_poppler
def test_arrangement_sheet_is_a_complete_handout(arranged, tmp_path):
    _, detail = arranged
    pdf = arrangement_forms.export_arrangement(detail, COMPANY, tmp_path / "a.pdf")
    pages = pages_of(pdf)
    assert len(pages) == len(detail.recipients) == 3
    for page in pages:
        assert "第1页/共1页" in flat(page)  # not "第 3 页 / 共 3 页" on the third copy
    text = flat(pages[0])
    form = detail.application.form
    leader = next(g for g in form.guests if g.leader)
    for needle in (
        "客户背景",
        form.background,
        "填表人",
        "刘洋",  # who filled the sheet: a named person of the demo
        "表单编号：XZ-QR-003",
        f"{form.arrival:%Y-%m-%d}",  # dates with the year
        "粤海酒家",  # the restaurant in 地点/资源
        "维也纳国际酒店",  # the hotel
        "020-88886666",  # restaurant phone
        "020-32323838",  # hotel phone
        "王建军",  # the driver by name …
        "13800001234",  # … and phone
        detail.host_phone,
        "来宾领队",
        leader.name,
        leader.phone,
        "入住",
        "退房",
        "1晚",
    ):
        assert flat(needle) in text, needle
    assert "20:00–21:00" not in pages[0]  # a hotel stay is dates and nights
    doc = arrangement_forms.arrangement_doc(detail, COMPANY, "总经理")
    for item in detail.items:  # a car or a room once per schedule line (not again under 说明)
        row = next(
            r
            for r in doc.rows
            if len(r) == 4
            and r[1].text == item.kind_label
            and r[0].text == arrangement_forms._item_when(item)
        )
        line = "".join(str(c.text) for c in row)
        for resource in (item.vehicle_label, item.room_name):
            if resource:
                assert line.count(resource) == 1, line
    xlsx = arrangement_forms.export_arrangement(detail, COMPANY, tmp_path / "a.xlsx")
    assert_same_data(xlsx, pdf)
    wb = load_workbook(xlsx)
    for ws in wb.worksheets:
        assert ws.page_setup.firstPageNumber == 1 and ws.page_setup.useFirstPageNumber
        assert "&P" in ws.oddFooter.center.text and "&N" not in ws.oddFooter.center.text


def test_room_shown_even_when_a_place_is_typed(arranged):
    office, detail = arranged
    meeting = next(i for i in detail.items if i.kind == "meeting" and i.room_id)
    form = meeting.form()
    form.place = "行政楼 3 楼"
    arr.save_item(office, detail.application.info.id, form, meeting.id)
    fresh = arr.get(office, detail.application.info.id)
    doc = arrangement_forms.arrangement_doc(fresh, COMPANY, "总经理")
    row = next(
        r
        for r in doc.rows
        if len(r) == 4 and r[1].text == meeting.kind_label and meeting.room_name in str(r[2].text)
    )
    assert "行政楼 3 楼" in str(row[2].text)


@needs_poppler
def test_itinerary_tbc_tour_keeps_place_and_route_and_level_a_confirmation(arranged, tmp_path):
    _, detail = arranged
    tour = next(i for i in detail.items if i.kind == "tour")
    assert tour.to_be_confirmed and tour.place and tour.route
    pdf = arrangement_forms.export_itinerary(detail, COMPANY, tmp_path / "i.pdf")
    text = flat(pdf_text(pdf))
    assert flat(tour.place) in text and flat(tour.route) in text and "时间待定" in text
    assert "董事长确认" not in text  # level B
    xlsx = arrangement_forms.export_itinerary(detail, COMPANY, tmp_path / "i.xlsx")
    assert_same_data(xlsx, pdf)
    app = detail.application
    std = dataclasses.replace(app.estimate.standard, level_code="A")
    level_a = dataclasses.replace(
        detail, application=dataclasses.replace(app, estimate=dataclasses.replace(app.estimate, standard=std))
    )
    doc = arrangement_forms.itinerary_doc(level_a, COMPANY)
    assert "董事长确认" in doc.texts()
    assert min(sign_rows_pdf_heights(doc)) >= 12 * mm


# ------------------------------------------------------------------ 信息反馈表


def _ended_without_feedback(lina):
    return next(s for s in feedback.statuses(lina, days=60) if s.submitted_at is None)


@needs_poppler
def test_feedback_sign_off_fills_the_form(demo_db, admin_of_other_department, tmp_path):
    lina = auth.actor_by_username("lina")
    head = auth.actor_by_username("zhangwei")
    target = _ended_without_feedback(lina)
    with pytest.raises(ValidationError):
        feedback.sign_off(head, target.application_id)  # nothing submitted yet
    feedback.submit(
        lina,
        target.application_id,
        feedback.FeedbackForm("谈了年度价格", "要样品", 4, head.employee_id, []),
    )
    with pytest.raises(PermissionDenied):
        feedback.sign_off(lina, target.application_id)  # not a head of department
    with pytest.raises(PermissionDenied):
        feedback.sign_off(admin_of_other_department, target.application_id)  # another department
    signed = feedback.sign_off(head, target.application_id)
    assert signed.signed_off_by == "张伟" and signed.filled_by == "李娜"
    with pytest.raises(ValidationError):
        feedback.sign_off(head, target.application_id)  # once
    pdf = arrangement_forms.write_feedback(lina, target.application_id, tmp_path / "f.pdf")
    xlsx = arrangement_forms.write_feedback(lina, target.application_id, tmp_path / "f.xlsx")
    assert_same_data(xlsx, pdf)
    cells = formdoc.read_xlsx_texts(xlsx)
    assert "张伟" in cells and "李娜" in cells and f"{signed.signed_off_at:%Y-%m-%d}" in cells
    # Changed content needs the signature anew.
    feedback.submit(lina, target.application_id, feedback.FeedbackForm("改了", "", 3, head.employee_id, []))
    assert feedback.signatures(lina, target.application_id).signed_off_at is None


def test_blank_feedback_boxes_are_high_enough_to_write_in(demo_db, tmp_path):
    lina = auth.actor_by_username("lina")
    target = _ended_without_feedback(lina)
    xlsx = arrangement_forms.write_feedback(lina, target.application_id, tmp_path / "b.xlsx")
    ws = load_workbook(xlsx).active
    for label in ("洽谈内容", "客户需求"):
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
        assert ws.row_dimensions[row].height >= 80  # six lines, about 3 cm
    office = auth.actor_by_username("liuyang")
    detail = arr.get(office, target.application_id)
    doc = arrangement_forms.feedback_doc(
        detail, feedback.FeedbackForm(), {}, clock.today(), None, COMPANY, form_no="X"
    )
    table = the_table(doc)
    index = next(i for i, r in enumerate(doc.rows) if r[0].text == "洽谈内容")
    assert table._rowHeights[index] >= 25 * mm


@pytest.fixture
def admin_of_other_department(demo_db):
    from desktop.models import Employee
    from tests.conftest import make_user

    root = auth.actor_by_username("admin")
    other = Employee.get(Employee.name == "吴静")  # 销售二部
    return make_user(root, "wujing", {auth.DEPT_MANAGER}, other.id)


# ------------------------------------------------------------------ 报销汇总表 and 对账报告


@needs_poppler
def test_expense_summary_chain_return_reason_and_totals(demo_db, tmp_path):
    finance = auth.actor_by_username("caiwu")
    done = next(r for r in expenses.list_summaries(finance) if r.status == expenses.REIMBURSED)
    info = expenses.get(finance, done.application_id)
    doc = finance_reports.expense_doc(info, COMPANY)
    rows = {str(r[0].text): r for r in doc.rows}
    assert [label for label in expenses.signoff_chain()] == [
        "经办人",
        "部门负责人",
        "财务审核",
        "总经理审批",
        "财务付款",
    ]
    assert rows["部门负责人"][1].text == "张伟"  # filled, by the head's sign-off
    assert rows["财务付款"][1].text == "赵敏"
    assert "合计" in rows and "超支" in str(rows["合计"][3].text) + "节余"  # totals per category and overall
    pdf = finance_reports.export_expenses(info, COMPANY, tmp_path / "e.pdf")
    xlsx = finance_reports.export_expenses(info, COMPANY, tmp_path / "e.xlsx")
    assert_same_data(xlsx, pdf)
    assert min(sign_rows_pdf_heights(doc)) >= 12 * mm

    admin = auth.actor_by_username("admin")
    settings.save(
        admin, {"expense_signoff_chain": "经办人、部门负责人、分管领导、财务审核、总经理审批、财务付款"}
    )
    labels = [str(r[0].text) for r in finance_reports.expense_doc(info, COMPANY).rows]
    assert labels.index("分管领导") == labels.index("部门负责人") + 1

    returned = next(r for r in expenses.list_summaries(finance) if r.status == expenses.RETURNED)
    texts = finance_reports.expense_doc(expenses.get(finance, returned.application_id), COMPANY).texts()
    assert "退回意见" in texts and "文具店发票抬头有误，请重开" in texts


def test_department_head_sign_off_rules(demo_db):
    finance = auth.actor_by_username("caiwu")
    lina = auth.actor_by_username("lina")
    head = auth.actor_by_username("zhangwei")
    returned = next(r for r in expenses.list_summaries(finance) if r.status == expenses.RETURNED)
    with pytest.raises(expenses.ServiceError):
        expenses.sign_as_department_head(head, returned.application_id)  # not submitted
    expenses.submit(lina, returned.application_id)
    waiting = returned
    with pytest.raises(PermissionDenied):
        expenses.sign_as_department_head(lina, waiting.application_id)
    info = expenses.sign_as_department_head(head, waiting.application_id, "情况属实")
    assert info.history[-1][1:3] == ("张伟", expenses.DEPT_SIGNOFF)
    with pytest.raises(expenses.ServiceError):
        expenses.sign_as_department_head(head, waiting.application_id)  # once per submission
    audited = next(r for r in expenses.list_summaries(finance) if r.status == expenses.AUDITED)
    with pytest.raises(expenses.ServiceError):
        expenses.sign_as_department_head(head, audited.application_id)  # finance has it already


def test_a_draft_never_submitted_is_overdue_not_late(demo_db):
    finance = auth.actor_by_username("caiwu")
    draft = next(r for r in expenses.list_summaries(finance) if r.status == expenses.DRAFT)
    info = expenses.get(finance, draft.application_id)
    overdue = dataclasses.replace(info, late=True)
    head = finance_reports.expense_doc(overdue, COMPANY).left
    assert "逾期提交" not in head and "已逾期，尚未提交" in head


@needs_poppler
def test_reconciliation_report_for_paper(demo_db, tmp_path):
    finance = auth.actor_by_username("caiwu")
    start, end = clock.today() - dt.timedelta(days=60), clock.today()
    data = reconcile.report_data(finance, start, end, COMPANY)
    assert data.matched and data.unmatched
    xlsx = finance_reports.write_report(data, tmp_path / "r.xlsx")
    wb = load_workbook(xlsx)
    head = finance_reports.HEAD_ROW
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.print_title_rows
    matched = wb["已匹配"]
    headers = [c.value for c in matched[head]]
    assert "方向" in headers
    first = [c for c in matched[head + 1]]
    assert isinstance(first[0].value, dt.datetime)  # a real date, not text
    amount = first[headers.index("导入金额")]
    assert isinstance(amount.value, (int, float)) and amount.value > 0 and amount.number_format == "#,##0.00"
    assert first[headers.index("方向")].value in ("支出", "收入", "发票", "红字发票")
    assert amount.border.left.style == "thin"
    flags = wb["问题清单"]
    assert [c.value for c in flags[head]] == ["类别", "说明", "接待"]  # no internal row ids
    pdf = finance_reports.write_report(data, tmp_path / "r.pdf")
    text = pdf_text(pdf)
    assert ("支出" in text or "发票" in text) and not re.search(
        r"(?<![\d-])-\d[\d,]*\.\d\d", text
    )  # no bare minus


# ------------------------------------------------------------------ references, 大写, log


@needs_poppler
def test_references_print_on_one_page(demo_db, tmp_path, capsys):
    from desktop.exporters import references
    from desktop.services import resources, standards

    levels = standards.levels()
    pdf = references.export_standards(levels, COMPANY, tmp_path / "s.pdf")
    xlsx = references.export_standards(levels, COMPANY, tmp_path / "s.xlsx")
    assert len(pages_of(pdf)) == 1
    assert_same_data(xlsx, pdf)
    text = flat(pdf_text(pdf))
    for level in levels:
        assert flat(f"{level.standard.level_code}·{level.standard.level_name}") in text
    hotels = resources.items("hotels")
    pdf = references.export_hotels(hotels, COMPANY, tmp_path / "h.pdf")
    xlsx = references.export_hotels(hotels, COMPANY, tmp_path / "h.xlsx")
    assert len(pages_of(pdf)) == 1
    assert_same_data(xlsx, pdf)
    assert "020-88881234" in pdf_text(pdf)


def test_capitals_beyond_the_range_are_refused():
    from decimal import Decimal

    from desktop.services.money import AmountTooLarge, chinese_capital

    assert chinese_capital(Decimal("9999999999999999.99")).startswith("玖仟玖佰玖拾玖万亿")
    for amount in (1e16, Decimal("1e16"), "123456789012345678"):
        with pytest.raises(AmountTooLarge, match="超出大写金额的范围"):
            chinese_capital(amount)


def test_visitor_log_kind_column_fits_a_walk_in_on_one_line():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.exporters import fonts, pdfkit

    width = dict(visitor_log.COLUMNS)["方式"]
    assert width >= formdoc.text_width("临时来访") + 1.5  # .xlsx: characters and cell padding
    total = sum(w for _, w in visitor_log.COLUMNS)
    pdf_width = pdfkit.content_width(landscape_page=True) * width / total
    assert pdf_width >= stringWidth("临时来访", fonts.register(), 8.5) + 6  # PDF: text and padding


# ------------------------------------------------------------------ exporting never writes


def _counts(path) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(path) as con:
        tables = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
        return {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}


@needs_poppler
def test_exporting_forms_writes_nothing(tmp_path, data_dir, capsys):
    from desktop.cli import main

    db_file = tmp_path / "cli.sqlite3"
    url = f"sqlite:///{db_file}"
    assert main(["--db", url, "demo"]) == 0
    import sqlite3

    with sqlite3.connect(db_file) as con:
        arranged = {r[0] for r in con.execute("select reception_id from arrangement")}
        unarranged = con.execute(
            "select id from application where status='approved' and root_id is null"
        ).fetchall()
    target = next(i for (i,) in unarranged if i not in arranged)
    before = _counts(db_file)
    for form in ("arrangement", "itinerary", "feedback", "expenses", "application"):
        for ext in ("xlsx", "pdf"):
            assert (
                main(
                    ["--db", url, "export", form, "--id", str(target), "-o", str(tmp_path / f"{form}.{ext}")]
                )
                == 0
            )
    for form in ("standards", "hotels"):
        assert main(["--db", url, "export", form, "-o", str(tmp_path / f"{form}.pdf")]) == 0
    assert main(["--db", url, "export", "fine", "--id", "1", "-o", str(tmp_path / "fine.xlsx")]) == 0
    capsys.readouterr()
    after = _counts(db_file)
    assert after == before
    out = subprocess.run(["pdfinfo", str(tmp_path / "standards.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\b", out)
