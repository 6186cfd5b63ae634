"""E-invoice files made on the fly, the way the tax system issues them: a PDF with the QR code
drawn by reportlab and the page text in Chinese (the bundled font), an OFD zip, a 数电票 XML.

Shared by the importer, service, view and CLI tests."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

COMPANY = "华夏精工科技有限公司"  # the demo's company name
COMPANY_TAX_ID = "91440300MA5HXJ8K2P"  # the demo's tax id
SELLER = ("粤海酒家餐饮有限公司", "91440101MA9Y12345B")
DAY = dt.date(2026, 11, 3)


def qr_text(type_code: str, code: str, number: str, amount: str, day: dt.date, check: str = "") -> str:
    return f"01,{type_code},{code},{number},{amount},{day:%Y%m%d},{check},A1B2,"


def make_pdf(
    path: Path,
    *,
    type_code: str = "10",
    code: str = "044001900111",
    number: str = "12345678",
    day: dt.date = DAY,
    amount: str = "100.00",
    tax: str = "6.00",
    total: str = "106.00",
    qr_amount: str | None = None,
    buyer: tuple[str, str] = (COMPANY, COMPANY_TAX_ID),
    seller: tuple[str, str] = SELLER,
    title: str | None = None,
    remark: str = "",
    qr: bool = True,
    text_number: str | None = None,
) -> Path:
    """An invoice PDF: QR code top left, the printed facts beside it. ``qr_amount`` defaults to
    the pre-tax amount (old types) or the total (数电票, as some issuers print it)."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode import qr as qrcode
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from desktop.exporters import fonts

    font = fonts.register()
    digital = type_code in ("31", "32")
    if qr_amount is None:
        qr_amount = total if digital else amount
    if title is None:
        title = {
            "01": "增值税专用发票",
            "04": "增值税普通发票",
            "08": "增值税电子专用发票",
            "10": "增值税电子普通发票",
            "11": "增值税普通发票（卷票）",
            "14": "增值税电子普通发票（通行费）",
            "31": "电子发票（增值税专用发票）",
            "32": "电子发票（普通发票）",
        }[type_code]
    c = canvas.Canvas(str(path), pagesize=(240 * mm, 140 * mm))
    if qr:
        widget = qrcode.QrCodeWidget(
            qr_text(type_code, code, number, qr_amount, day, "" if digital else "1234567890")
        )
        x0, y0, x1, y1 = widget.getBounds()
        size = 24 * mm
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, c, 8 * mm, 108 * mm)
    c.setFont(font, 10)
    lines = [title]
    if code:
        lines.append(f"发票代码：{code}")
    lines += [
        f"发票号码：{text_number or number}",
        f"开票日期：{day.year}年{day.month:02d}月{day.day:02d}日",
        f"购买方 名称：{buyer[0]}",
        f"统一社会信用代码/纳税人识别号：{buyer[1]}",
        "项目名称 *餐饮服务*餐费",
        f"合 计 ¥{amount} ¥{tax}",
        f"价税合计（大写）（小写）¥{total}",
        f"销售方 名称：{seller[0]}",
        f"统一社会信用代码/纳税人识别号：{seller[1]}",
    ]
    if remark:
        lines.append(f"备注：{remark}")
    y = 125 * mm
    for line in lines:
        c.drawString(40 * mm, y, line)
        y -= 8 * mm
    c.showPage()
    c.save()
    return path


def einvoice_xml(
    *,
    number: str = "26442000000012345678",
    day: dt.date = DAY,
    amount: str = "100.00",
    tax: str = "6.00",
    total: str = "106.00",
    item_total: str | None = None,
    buyer: tuple[str, str] = (COMPANY, COMPANY_TAX_ID),
    seller: tuple[str, str] = SELLER,
    label: str = "02",
    remark: str = "",
    prolog: str = "",
) -> bytes:
    """A 数电票 XML as the tax bureau issues it; ``prolog`` goes before the root (a DOCTYPE …)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{prolog}<EInvoice>
  <Header>
    <EIid>{number}</EIid>
    <InherentLabel><EInvoiceType><LabelCode>{label}</LabelCode><LabelName>普通发票</LabelName></EInvoiceType></InherentLabel>
  </Header>
  <EInvoiceData>
    <SellerInformation><SellerIdNum>{seller[1]}</SellerIdNum><SellerName>{seller[0]}</SellerName></SellerInformation>
    <BuyerInformation><BuyerIdNum>{buyer[1]}</BuyerIdNum><BuyerName>{buyer[0]}</BuyerName></BuyerInformation>
    <BasicInformation>
      <TotalAmWithoutTax>{amount}</TotalAmWithoutTax>
      <TotalTaxAm>{tax}</TotalTaxAm>
      <TotalTax-includedAmount>{total}</TotalTax-includedAmount>
      <TotalTax-includedAmountInChinese>壹佰零陆元整</TotalTax-includedAmountInChinese>
    </BasicInformation>
    <IssuItemInformation>
      <ItemName>*餐饮服务*餐费</ItemName>
      <Amount>{amount}</Amount>
      <TaxRate>0.06</TaxRate>
      <ComTaxAm>{tax}</ComTaxAm>
      <TotaltaxIncludedAmount>{item_total or total}</TotaltaxIncludedAmount>
    </IssuItemInformation>
    <AdditionalInformation><Remark>{remark}</Remark></AdditionalInformation>
  </EInvoiceData>
  <TaxSupervisionInfo>
    <InvoiceNumber>{number}</InvoiceNumber>
    <IssueTime>{day:%Y-%m-%d} 10:20:30</IssueTime>
  </TaxSupervisionInfo>
</EInvoice>
""".encode()


def make_xml(path: Path, **kwargs) -> Path:
    path.write_bytes(einvoice_xml(**kwargs))
    return path


def ofd_xml(custom: dict[str, str]) -> bytes:
    data = "".join(f'<ofd:CustomData Name="{k}">{v}</ofd:CustomData>' for k, v in custom.items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1" DocType="OFD">'
        f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>abc</ofd:DocID><ofd:CustomDatas>{data}</ofd:CustomDatas>"
        "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    ).encode()


def make_ofd(path: Path, custom: dict[str, str] | None = None, original: bytes | None = None) -> Path:
    """An OFD zip: OFD.xml with CustomData, and the 数电票 XML as Doc_0/Attachs/original_invoice.xml."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("OFD.xml", ofd_xml(custom or {}))
        archive.writestr("Doc_0/Document.xml", "<ofd:Document xmlns:ofd='http://www.ofdspec.org/2016'/>")
        if original is not None:
            archive.writestr("Doc_0/Attachs/original_invoice.xml", original)
    return path
