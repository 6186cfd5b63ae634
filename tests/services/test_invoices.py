"""The invoice registry: e-invoice files attached to claims or imported, duplicates across people
and batches, red invoices, and the title (抬头) check — with files the tests generate."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook

from desktop.models import Application, ExpenseLine, ExpenseSummary, ImportBatch, ImportedLine, LineMatch
from desktop.models.invoices import InvoiceRecord
from desktop.services import applications as apps
from desktop.services import auth, expenses, imports, invoices, settings
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from desktop.services.expenses import LineForm
from tests.einvoice_files import COMPANY, COMPANY_TAX_ID, make_pdf, make_xml


@pytest.fixture
def two(demo_db):
    """Two of 李娜's approved receptions, their expenses and finance's imports cleared."""
    lina = auth.actor_by_username("lina")
    mine = sorted(
        (a for a in apps.list_applications(lina) if a.status == apps.APPROVED), key=lambda a: a.arrival
    )
    assert len(mine) >= 2
    for model in (InvoiceRecord, LineMatch, ImportedLine, ImportBatch, ExpenseSummary):
        model.delete().execute()
    return lina, Application.get_by_id(mine[0].id), Application.get_by_id(mine[1].id)


def meal(actor, app: Application, total: str = "106.00", **fields) -> int:
    return expenses.save_line(
        actor,
        app.id,
        LineForm(
            "meals",
            app.arrival.date(),
            total,
            vendor=fields.pop("vendor", ""),
            guests=2,
            reason="客户加餐",
            **fields,
        ),
    )


def test_attaching_fills_the_line_and_stores_the_file(two, tmp_path):
    lina, app, _ = two
    line_id = meal(lina, app)
    result = invoices.attach(lina, line_id, make_pdf(tmp_path / "餐费.pdf"))
    assert result.notes == []  # the demo company's name and tax id are on it
    line = ExpenseLine.get_by_id(line_id)
    assert (line.invoice_code, line.invoice_no, line.vendor) == (
        "044001900111",
        "12345678",
        "粤海酒家餐饮有限公司",
    )
    record = InvoiceRecord.get(InvoiceRecord.expense_line == line_id)
    assert (
        record.voucher is not None
        and record.claimed_by.username == "lina"
        and record.total == Decimal("106.00")
    )
    info = expenses.get(lina, app.id).lines[0]
    assert info.vouchers == ("餐费.pdf",)
    assert not [c for c in info.checks if c.code.startswith("invoice")]


def test_same_invoice_claimed_by_another_person_is_refused_with_who_where_and_when(two, tmp_path):
    lina, first, second = two
    pdf = make_pdf(tmp_path / "餐费.pdf")
    invoices.attach(lina, meal(lina, first), pdf)
    submitted = dt.datetime.combine(first.departure.date(), dt.time(16))
    expenses.submit(lina, first.id, now=submitted)
    admin = auth.actor_by_username("liuyang")  # 行政部 keeps every summary
    other = meal(admin, second)
    with pytest.raises(ServiceError) as refused:
        invoices.attach(admin, other, pdf)
    message = str(refused.value)
    assert first.number in message and "李娜" in message and f"{submitted:%Y-%m-%d}" in message
    assert "提交" in message
    with pytest.raises(ServiceError, match=first.number):  # the editor's check before saving
        invoices.inspect(admin, pdf)
    assert not InvoiceRecord.select().where(InvoiceRecord.expense_line == other).exists()


def test_an_invoice_typed_by_hand_counts_as_claimed(two, tmp_path):
    lina, first, second = two
    typed = meal(lina, first, invoice_code="044001900111", invoice_no="12345678")
    admin = auth.actor_by_username("liuyang")
    with pytest.raises(ServiceError, match="尚未提交"):
        invoices.attach(admin, meal(admin, second), make_pdf(tmp_path / "a.pdf"))
    # and the other way round: a file attached on one claim, the number typed on another
    invoices.attach(admin, meal(admin, second), make_pdf(tmp_path / "b.pdf", number="12345699"))
    again = meal(lina, first, invoice_code="044001900111", invoice_no="12345699")
    checks = {
        c.code: c.message for c in next(x for x in expenses.get(lina, first.id).lines if x.id == again).checks
    }
    assert second.number in checks["invoice_duplicate"] and "刘洋" in checks["invoice_duplicate"]
    assert "invoice_duplicate" not in {
        c.code for c in next(x for x in expenses.get(lina, first.id).lines if x.id == typed).checks
    }
    # an 8-digit number typed without its code is the same invoice only with the same day and total
    assert not invoices.claims(invoices.Facts("", "12345678", first.arrival.date(), Decimal("1.00")))
    assert invoices.claims(invoices.Facts("", "12345678", first.arrival.date(), Decimal("106.00")))


def test_a_reimbursed_invoice_says_so(demo_db, tmp_path):
    paid = ExpenseSummary.get(ExpenseSummary.status == "reimbursed")
    line = ExpenseLine.get(ExpenseLine.summary == paid, ExpenseLine.invoice_no != "")
    admin = auth.actor_by_username("liuyang")
    lina = auth.actor_by_username("lina")
    draft = next(
        a
        for a in apps.list_applications(lina)
        if a.status == apps.APPROVED
        and not ExpenseSummary.select().where(ExpenseSummary.reception == a.id).exists()
    )
    target = meal(admin, Application.get_by_id(draft.id))
    pdf = make_pdf(tmp_path / "paid.pdf", code=line.invoice_code, number=line.invoice_no)
    with pytest.raises(ServiceError, match="已报销"):
        invoices.attach(admin, target, pdf)


def test_import_refuses_the_same_invoice_across_batches_and_formats(two, tmp_path):
    finance = auth.actor_by_username("caiwu")
    pdf = make_pdf(tmp_path / "old.pdf")
    xml = make_xml(tmp_path / "sd.xml")
    sd_pdf = make_pdf(tmp_path / "sd.pdf", type_code="32", code="", number="26442000000012345678")
    preview = invoices.preview_files(finance, [pdf, xml, sd_pdf])
    assert [x.status for x in preview.lines] == ["new", "new", "duplicate"]
    assert "第 2 个文件" in preview.lines[2].reason
    batch = invoices.commit_files(finance, preview)
    rows = list(ImportedLine.select().where(ImportedLine.batch == batch).order_by(ImportedLine.row))
    assert [(r.kind, r.invoice_no, r.total) for r in rows] == [
        ("invoice", "12345678", Decimal("106.00")),
        ("invoice", "26442000000012345678", Decimal("106.00")),
    ]
    assert ImportBatch.get_by_id(batch).kind == "e-invoice"
    again = invoices.preview_files(finance, [tmp_path])
    assert {x.status for x in again.lines} == {"duplicate"}
    assert all("赵敏" in x.reason and f"批次 {batch}" in x.reason for x in again.lines)
    # the same invoice in a spreadsheet list is a duplicate too (once as a PDF, once in a list)
    wb = Workbook()
    wb.active.append(["发票代码", "发票号码", "开票日期", "销方名称", "金额", "税额", "价税合计"])
    wb.active.append(["044001900111", "12345678", "2026-11-03", "粤海酒家", "100", "6", "106"])
    wb.save(tmp_path / "list.xlsx")
    listed = imports.preview(finance, tmp_path / "list.xlsx")
    assert listed.parsed.lines[0].status == "duplicate"
    # undoing the batch frees the invoices
    imports.undo(finance, batch)
    assert {x.status for x in invoices.preview_files(finance, [pdf, xml]).lines} == {"new"}


def test_a_list_imported_first_makes_the_file_a_duplicate(two, tmp_path):
    finance = auth.actor_by_username("caiwu")
    wb = Workbook()
    wb.active.append(["发票代码", "发票号码", "开票日期", "销方名称", "金额", "税额", "价税合计"])
    wb.active.append(["044001900111", "12345678", "2026-11-03", "粤海酒家", "100", "6", "106"])
    wb.save(tmp_path / "list.xlsx")
    imports.commit(finance, imports.preview(finance, tmp_path / "list.xlsx"))
    line = invoices.preview_files(finance, [make_pdf(tmp_path / "a.pdf")]).lines[0]
    assert line.status == "duplicate" and "list.xlsx" in line.reason


def test_an_unreadable_file_is_one_error_line_among_good_ones(two, tmp_path):
    finance = auth.actor_by_username("caiwu")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 garbage")
    preview = invoices.preview_files(finance, [broken, make_pdf(tmp_path / "good.pdf")])
    assert [x.status for x in preview.lines] == ["error", "new"]
    assert "broken.pdf" in preview.lines[0].reason
    data = preview.as_json()
    assert data["kind"] == "e-invoice" and [x["file"] for x in data["lines"]] == ["broken.pdf", "good.pdf"]


def test_a_red_invoice_cancels_its_original(two, tmp_path):
    lina, first, second = two
    finance = auth.actor_by_username("caiwu")
    original = make_pdf(tmp_path / "blue.pdf")
    claimed = meal(lina, first)
    invoices.attach(lina, claimed, original)
    red = make_pdf(
        tmp_path / "red.pdf",
        number="22345678",
        amount="-100.00",
        tax="-6.00",
        total="-106.00",
        remark="对应正数发票代码:044001900111号码:12345678",
    )
    preview = invoices.preview_files(finance, [red])
    assert preview.lines[0].status == "new" and "冲销发票 12345678" in preview.lines[0].reason
    invoices.commit_files(finance, preview)
    assert ("044001900111", "12345678") in invoices.cancelled_keys()
    checks = {c.code: c.message for c in expenses.get(lina, first.id).lines[0].checks}
    assert "22345678" in checks["invoice_cancelled"]
    expenses.delete_line(lina, claimed)  # the claim withdrawn: the original may not be claimed again
    with pytest.raises(ServiceError, match="红字发票 22345678"):
        invoices.attach(lina, meal(lina, second), original)
    with pytest.raises(ServiceError, match="红字"):  # nor is a red invoice itself a voucher
        invoices.attach(lina, meal(lina, second), red)
    note = invoices.preview_files(finance, [original]).lines[0]
    assert note.status == "new" and "已被红字发票 22345678 冲销" in note.reason


def test_title_mismatch_is_flagged_in_the_preview_and_on_the_line(two, tmp_path):
    lina, app, _ = two
    finance = auth.actor_by_username("caiwu")
    wrong = make_pdf(tmp_path / "wrong.pdf", buyer=("华夏精工贸易有限公司", COMPANY_TAX_ID))
    line = invoices.preview_files(finance, [wrong]).lines[0]
    assert line.status == "new" and "华夏精工贸易有限公司" in line.reason and "抬头" in line.reason
    result = invoices.attach(lina, meal(lina, app), wrong)
    assert any("抬头" in n for n in result.notes)
    checks = {c.code: c for c in expenses.get(lina, app.id).lines[0].checks}
    assert "抬头" in checks["invoice_title"].message and not checks["invoice_title"].needs_reason
    other_id = make_pdf(tmp_path / "id.pdf", number="12345680", buyer=(COMPANY, "91110000100000000X"))
    assert "纳税人识别号" in invoices.preview_files(finance, [other_id]).lines[0].reason
    # a fixed title: the name matches once the setting says what the invoice says
    admin = auth.actor_by_username("admin")
    settings.save(admin, {"company_name": "华夏精工贸易有限公司"})
    assert "invoice_title" not in {c.code for c in expenses.get(lina, app.id).lines[0].checks}


def test_company_tax_id_setting_is_checked(admin):
    with pytest.raises(ValidationError) as bad:
        settings.save(admin, {"company_tax_id": "12-34"})
    assert "company_tax_id" in bad.value.errors
    settings.save(admin, {"company_tax_id": "91440300ma5hxj8k2p"})
    assert settings.company_tax_id() == "91440300MA5HXJ8K2P"


def test_who_may_read_and_attach(two, tmp_path):
    lina, app, _ = two
    desk = auth.actor_by_username("qiantai")
    pdf = make_pdf(tmp_path / "a.pdf")
    with pytest.raises(PermissionDenied):
        invoices.preview_files(desk, [pdf])
    with pytest.raises(PermissionDenied):
        invoices.attach(desk, meal(lina, app), pdf)
    line = meal(lina, app)
    expenses.submit(lina, app.id)
    with pytest.raises(ServiceError, match="不能修改"):  # a submitted summary takes no new invoice
        invoices.attach(lina, line, pdf)
    assert not InvoiceRecord.select().exists()


def test_one_line_holds_one_invoice_and_a_typed_number_must_agree(two, tmp_path):
    lina, app, _ = two
    line = meal(lina, app)
    invoices.attach(lina, line, make_pdf(tmp_path / "a.pdf"))
    with pytest.raises(ServiceError, match="一条明细只对应一张发票"):
        invoices.attach(lina, line, make_pdf(tmp_path / "b.pdf", number="12345670"))
    typed = meal(lina, app, invoice_no="99999999")
    with pytest.raises(ServiceError, match="99999999"):
        invoices.attach(lina, typed, make_pdf(tmp_path / "c.pdf", number="12345671"))


def test_a_claimed_invoice_in_finances_import_is_information_not_a_flag(two, tmp_path):
    lina, app, _ = two
    finance = auth.actor_by_username("caiwu")
    pdf = make_pdf(tmp_path / "a.pdf")
    invoices.attach(lina, meal(lina, app), pdf)
    line = invoices.preview_files(finance, [pdf]).lines[0]
    assert line.status == "new" and line.notes == []
    assert app.number in line.claim and "报销情况" in line.reason
    assert invoices.preview_files(finance, [pdf]).as_json()["lines"][0]["flags"] == []
