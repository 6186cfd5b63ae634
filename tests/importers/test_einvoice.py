"""E-invoice files read directly: PDF (QR code + page text), OFD, 数电票 XML — all generated here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.importers import einvoice
from desktop.importers.tabular import ImportRefused
from tests.einvoice_files import COMPANY, COMPANY_TAX_ID, SELLER, einvoice_xml, make_ofd, make_pdf, make_xml

OLD_TYPES = ("01", "04", "08", "10", "11", "14")
DIGITAL_TYPES = ("31", "32")


@pytest.mark.parametrize("type_code", OLD_TYPES)
def test_pdf_of_each_older_type_reads_qr_and_page(tmp_path, type_code):
    path = make_pdf(tmp_path / f"{type_code}.pdf", type_code=type_code)
    invoice = einvoice.read(path)
    assert (invoice.type_code, invoice.invoice_code, invoice.invoice_no) == (
        type_code,
        "044001900111",
        "12345678",
    )
    assert invoice.date == dt.date(2026, 11, 3)
    assert (invoice.amount, invoice.tax, invoice.total) == (
        Decimal("100.00"),
        Decimal("6.00"),
        Decimal("106.00"),
    )
    assert (invoice.seller_name, invoice.seller_tax_id) == SELLER
    assert (invoice.buyer_name, invoice.buyer_tax_id) == (COMPANY, COMPANY_TAX_ID)
    assert invoice.check_code == "1234567890"
    assert not invoice.digital and not invoice.red
    assert invoice.flags == []
    assert invoice.type_label == einvoice.TYPE_LABELS[type_code]


@pytest.mark.parametrize("type_code", DIGITAL_TYPES)
@pytest.mark.parametrize("qr_amount", ["106.00", "100.00"])  # tax-included or pre-tax, by issuer
def test_digital_invoice_pdf_has_no_code_and_a_20_digit_number(tmp_path, type_code, qr_amount):
    path = make_pdf(
        tmp_path / "sd.pdf", type_code=type_code, code="", number="26442000000012345678", qr_amount=qr_amount
    )
    invoice = einvoice.read(path)
    assert invoice.digital
    assert (invoice.invoice_code, invoice.invoice_no, invoice.type_code) == (
        "",
        "26442000000012345678",
        type_code,
    )
    assert (invoice.amount, invoice.tax, invoice.total) == (
        Decimal("100.00"),
        Decimal("6.00"),
        Decimal("106.00"),
    )
    assert invoice.flags == []


def test_qr_and_page_text_disagree_is_flagged(tmp_path):
    edited = make_pdf(tmp_path / "edited.pdf", amount="90.00", tax="5.40", total="95.40", qr_amount="100.00")
    invoice = einvoice.read(edited)
    assert any("二维码" in f and "100.00" in f and "90.00" in f for f in invoice.flags)
    renumbered = make_pdf(tmp_path / "renumbered.pdf", text_number="87654321")
    flags = einvoice.read(renumbered).flags
    assert any("发票号码" in f and "87654321" in f for f in flags)
    # an old type's QR carries the pre-tax amount: the total there is a disagreement too
    wrong_kind = make_pdf(tmp_path / "total-in-qr.pdf", type_code="10", qr_amount="106.00")
    assert any("二维码" in f for f in einvoice.read(wrong_kind).flags)


def test_amount_tax_and_total_must_add_up(tmp_path):
    path = make_pdf(tmp_path / "sum.pdf", amount="100.00", tax="6.00", total="107.00")
    assert any("≠" in f for f in einvoice.read(path).flags)


def test_pdf_without_qr_is_read_from_its_text_and_says_so(tmp_path):
    invoice = einvoice.read(make_pdf(tmp_path / "noqr.pdf", qr=False))
    assert invoice.invoice_no == "12345678" and invoice.total == Decimal("106.00")
    assert any("二维码" in f for f in invoice.flags)


@pytest.mark.parametrize(
    "name, content",
    [
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf"),
        ("random.ofd", b"PK\x03\x04 not a zip at all"),
        ("notes.xml", b"<notes><note>hello</note></notes>"),
        ("half.xml", b"<EInvoice><TaxSupervisionInfo>"),
        ("sheet.docx", b"whatever"),
    ],
)
def test_an_unreadable_file_is_refused_in_one_sentence(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as refused:
        einvoice.read(path)
    message = str(refused.value)
    assert name in message and "\n" not in message and message.count("。") <= 1


def test_pdf_without_any_invoice_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "letter.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(100, 700, "Dear customer, thank you.")
    c.save()
    with pytest.raises(ImportRefused, match="letter.pdf"):
        einvoice.read(path)


def test_digital_invoice_xml(tmp_path):
    path = make_xml(tmp_path / "sd.xml", amount="200.00", tax="12.00", total="212.00")
    invoice = einvoice.read(path)
    assert invoice.source == "xml" and invoice.digital and invoice.type_code == "32"
    assert invoice.invoice_no == "26442000000012345678" and invoice.date == dt.date(2026, 11, 3)
    assert (invoice.amount, invoice.tax, invoice.total) == (
        Decimal("200.00"),
        Decimal("12.00"),
        Decimal("212.00"),
    )
    assert (invoice.seller_name, invoice.seller_tax_id, invoice.buyer_name) == (*SELLER, COMPANY)
    assert "餐费" in invoice.items and invoice.flags == []
    special = einvoice.read(make_xml(tmp_path / "zp.xml", label="01"))
    assert special.type_code == "31"


def test_xml_header_total_and_item_totals_are_told_apart(tmp_path):
    """TotalTax-includedAmount (header) vs TotaltaxIncludedAmount (each item): a header total the
    items do not add up to is flagged."""
    invoice = einvoice.read(make_xml(tmp_path / "items.xml", item_total="99.00"))
    assert invoice.total == Decimal("106.00")
    assert any("99.00" in f and "106.00" in f for f in invoice.flags)


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE EInvoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE EInvoice [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE EInvoice SYSTEM "http://example.invalid/einvoice.dtd">',
    ],
)
def test_xml_with_a_dtd_or_entity_is_refused(tmp_path, prolog):
    path = tmp_path / "evil.xml"
    path.write_bytes(einvoice_xml(prolog=prolog))
    with pytest.raises(ImportRefused, match="DTD"):
        einvoice.read(path)
    ofd = make_ofd(tmp_path / "evil.ofd", original=einvoice_xml(prolog=prolog))
    with pytest.raises(ImportRefused, match="DTD"):
        einvoice.read(ofd)


def test_ofd_with_the_original_invoice_xml(tmp_path):
    path = make_ofd(
        tmp_path / "sd.ofd",
        {"发票号码": "26442000000012345678", "合计金额": "100.00", "合计税额": "6.00"},
        einvoice_xml(),
    )
    invoice = einvoice.read(path)
    assert invoice.source == "ofd" and invoice.invoice_no == "26442000000012345678"
    assert invoice.total == Decimal("106.00") and invoice.buyer_name == COMPANY
    assert invoice.flags == []
    tampered = make_ofd(tmp_path / "tampered.ofd", {"合计金额": "80.00"}, einvoice_xml())
    assert any("80.00" in f for f in einvoice.read(tampered).flags)


def test_ofd_with_custom_data_only(tmp_path):
    path = make_ofd(
        tmp_path / "old.ofd",
        {
            "发票代码": "044001900111",
            "发票号码": "12345679",
            "开票日期": "2026年11月04日",
            "合计金额": "200.00",
            "合计税额": "12.00",
            "购买方纳税人识别号": COMPANY_TAX_ID,
            "销售方纳税人识别号": SELLER[1],
        },
    )
    invoice = einvoice.read(path)
    assert invoice.key == ("044001900111", "12345679") and invoice.date == dt.date(2026, 11, 4)
    assert (invoice.amount, invoice.tax, invoice.total) == (
        Decimal("200.00"),
        Decimal("6.00") * 2,
        Decimal("212.00"),
    )
    assert invoice.buyer_tax_id == COMPANY_TAX_ID and invoice.seller_tax_id == SELLER[1]
    with pytest.raises(ImportRefused, match="empty.ofd"):
        einvoice.read(make_ofd(tmp_path / "empty.ofd", {"作者": "someone"}))


def test_red_invoices_name_the_invoice_they_cancel(tmp_path):
    pdf = make_pdf(
        tmp_path / "red.pdf",
        number="22345678",
        amount="-100.00",
        tax="-6.00",
        total="-106.00",
        remark="对应正数发票代码:044001900111号码:12345678",
        title="增值税电子普通发票（销项负数）",
    )
    invoice = einvoice.read(pdf)
    assert invoice.red and (invoice.original_code, invoice.original_no) == ("044001900111", "12345678")
    assert invoice.total == Decimal("-106.00") and "红字" in invoice.type_label
    xml = make_xml(
        tmp_path / "red.xml",
        number="26442000000099999999",
        amount="-100.00",
        tax="-6.00",
        total="-106.00",
        remark="被红冲蓝字数电发票号码：26442000000012345678 红字发票信息确认单编号：4403XXXX",
    )
    red = einvoice.read(xml)
    assert red.red and red.original_no == "26442000000012345678" and red.original_code == ""


def test_folders_are_searched_for_invoice_files(tmp_path):
    folder = tmp_path / "十一月"
    (folder / "sub").mkdir(parents=True)
    make_pdf(folder / "a.pdf")
    make_xml(folder / "sub" / "b.xml")
    (folder / "readme.txt").write_text("x")
    (folder / ".hidden.pdf").write_bytes(b"x")
    found = einvoice.collect([folder, folder / "a.pdf"])
    assert [p.name for p in found] == ["a.pdf", "b.xml"]
