"""E-invoice files (电子发票 / 数电票) read into one invoice each: PDF, OFD and 数电票 XML.

Hosts hand in invoices as the files the tax system issues, not as lists. Each kind carries the
same facts differently:

* a PDF has a QR code (``version,type,发票代码,发票号码,金额,开票日期,校验码,…``) and the printed page;
* an OFD is a zip whose ``OFD.xml`` names the facts in ``CustomData``, and a 数电票 OFD also carries
  the tax bureau's XML as ``Doc_0/Attachs/original_invoice.xml``;
* a 数电票 ``.xml`` (root ``EInvoice``) is that XML on its own.

The QR amount is pre-tax for the older types and tax-included for some 数电票 issuers, so it is
cross-checked with the page text (or the XML) and a disagreement is flagged, never silently
picked: a PDF whose QR and text disagree has been edited. XML is parsed with defusedxml (no DTDs,
no entities: an invoice from an outside party must not read our files or expand to gigabytes).

No Qt and no database: :mod:`desktop.services.invoices` decides duplicates and writes.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from desktop.i18n import translate
from desktop.importers import limits
from desktop.importers.tabular import ImportRefused

SUFFIXES = (".pdf", ".ofd", ".xml")
MAX_FILES = 2000  # one drop or folder; a month of a large office is a few hundred
MAX_PAGES = 5  # an invoice is one or two pages; a longer PDF is scanned on its first pages
RENDER_SCALE = 2.0  # 144 dpi: the QR's modules are 3-4 px, enough for zxing
MAX_RENDER_PIXELS = 30_000_000  # a poster-sized page is rendered smaller, not into 1 GB
MAX_XML_BYTES = 5 * 1024 * 1024
MAX_OFD_MEMBERS = 5000

TYPE_LABELS = {
    "01": "增值税专用发票",
    "04": "增值税普通发票",
    "08": "增值税电子专用发票",
    "10": "增值税电子普通发票",
    "11": "增值税普通发票（卷票）",
    "14": "增值税电子普通发票（通行费）",
    "31": "电子发票（增值税专用发票）",
    "32": "电子发票（普通发票）",
}
# The names finance uses for them, where a column is narrow.
SHORT_LABELS = {
    "01": "专票",
    "04": "普票",
    "08": "电子专票",
    "10": "电子普票",
    "11": "卷票",
    "14": "通行费",
    "31": "数电专票",
    "32": "数电普票",
}
DIGITAL_TYPES = ("31", "32")  # 数电票: no 发票代码, a 20-digit number
_CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass
class EInvoice:
    file: str
    source: str  # pdf | ofd | xml
    type_code: str = ""
    invoice_code: str = ""
    invoice_no: str = ""
    date: dt.date | None = None
    check_code: str = ""
    seller_name: str = ""
    seller_tax_id: str = ""
    buyer_name: str = ""
    buyer_tax_id: str = ""
    amount: Decimal | None = None  # pre-tax
    tax: Decimal | None = None
    total: Decimal | None = None  # 价税合计
    items: str = ""
    red: bool = False  # 红字发票: cancels the invoice it names
    original_code: str = ""
    original_no: str = ""
    qr: str = ""
    flags: list[str] = field(default_factory=list)

    @property
    def digital(self) -> bool:
        return not self.invoice_code and len(self.invoice_no) == 20

    @property
    def type_label(self) -> str:
        label = TYPE_LABELS.get(self.type_code)
        if label is None:
            label = translate("einvoice", "数电票") if self.digital else translate("einvoice", "电子发票")
        return label + (translate("einvoice", "（红字）") if self.red else "")

    @property
    def short_label(self) -> str:
        label = SHORT_LABELS.get(self.type_code) or (
            translate("einvoice", "数电票") if self.digital else translate("einvoice", "电子发票")
        )
        return label + (translate("einvoice", "（红字）") if self.red else "")

    @property
    def key(self) -> tuple[str, str]:
        return (self.invoice_code, self.invoice_no)


@dataclass(frozen=True)
class QrData:
    type_code: str
    invoice_code: str
    invoice_no: str
    amount: Decimal | None
    date: dt.date | None
    check_code: str


def refused(name: str, why: str) -> ImportRefused:
    return ImportRefused(why.format(name=name))


# ------------------------------------------------------------------ files and folders


def is_einvoice(path: Path) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def collect(paths: list[Path]) -> list[Path]:
    """The e-invoice files among ``paths``, folders searched (sorted, hidden files skipped)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and is_einvoice(p)
                    and not any(part.startswith(".") for part in p.parts[-1:])
                )
            )
        else:
            found.append(path)
        if len(found) > MAX_FILES:
            raise ImportRefused(
                translate("einvoice", "一次最多导入 {n} 个电子发票文件，请分批导入。").format(n=MAX_FILES)
            )
    seen: set[Path] = set()
    unique = []
    for path in found:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            unique.append(path)
    return unique


def read(path: Path) -> EInvoice:
    """One invoice from ``path``, or ImportRefused with one sentence."""
    path = Path(path)
    if not path.exists():
        raise ImportRefused(translate("imports", "文件不存在：{path}").format(path=path))
    try:
        limits.check_file(path)
    except limits.TooBig as exc:
        raise ImportRefused(str(exc)) from None
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        invoice = read_pdf(path)
    elif suffix == ".ofd":
        invoice = read_ofd(path)
    elif suffix == ".xml":
        if path.stat().st_size > MAX_XML_BYTES:
            raise refused(path.name, translate("einvoice", "{name} 太大，不像一张数电票的 XML。"))
        invoice = parse_xml(path.read_bytes(), path.name, "xml")
    else:
        raise refused(path.name, translate("einvoice", "{name} 不是电子发票文件（支持 .pdf、.ofd、.xml）。"))
    _finish(invoice)
    return invoice


# ------------------------------------------------------------------ QR code


def parse_qr(text: str) -> QrData | None:
    """The fields of an invoice QR code, or None when the text is not one."""
    parts = [p.strip() for p in text.strip().split(",")]
    if len(parts) < 6 or not parts[3].isdigit() or not re.fullmatch(r"\d{2}", parts[1] or ""):
        return None
    try:
        amount = _money(parts[4]) if parts[4] else None
    except ValueError:
        amount = None
    try:
        date = dt.datetime.strptime(parts[5], "%Y%m%d").date() if parts[5] else None
    except ValueError:
        date = None
    return QrData(parts[1], parts[2], parts[3], amount, date, parts[6] if len(parts) > 6 else "")


# ------------------------------------------------------------------ PDF


def read_pdf(path: Path) -> EInvoice:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        raise refused(path.name, translate("einvoice", "{name} 不是可读取的 PDF 文件。")) from None
    texts: list[str] = []
    qr: QrData | None = None
    qr_text = ""
    try:
        for index in range(min(len(pdf), MAX_PAGES)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range())
                textpage.close()
                if qr is None:
                    qr_text, qr = _page_qr(page)
            finally:
                page.close()
    except pdfium.PdfiumError:
        raise refused(path.name, translate("einvoice", "{name} 不是可读取的 PDF 文件。")) from None
    finally:
        pdf.close()
    facts = parse_text("\n".join(texts))
    if qr is None and not facts.get("invoice_no"):
        raise refused(path.name, translate("einvoice", "{name} 中找不到发票二维码或发票号码，不像电子发票。"))
    invoice = EInvoice(path.name, "pdf", qr=qr_text)
    _merge(invoice, qr, facts, translate("einvoice", "票面"))
    if qr is None:
        invoice.flags.append(translate("einvoice", "未找到发票二维码，仅按票面文字读取"))
    return invoice


def _page_qr(page) -> tuple[str, QrData | None]:
    import zxingcpp

    width, height = page.get_size()
    scale = RENDER_SCALE
    if width * height * scale * scale > MAX_RENDER_PIXELS:
        scale = (MAX_RENDER_PIXELS / (width * height)) ** 0.5
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil()
    finally:
        bitmap.close()
    for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        data = parse_qr(result.text)
        if data is not None:
            return result.text, data
    return "", None


# ------------------------------------------------------------------ page text

_NUM = r"-?[\d,]+\.\d{1,2}"
_S = r"[ \t\u3000]*"  # spaces inside a label ("合 计", "发 票 号 码")


def _label(word: str) -> str:
    return _S.join(re.escape(ch) for ch in word)


_TEXT_PATTERNS = {
    "invoice_code": re.compile(_label("发票代码") + _S + r"[:：]?" + _S + r"(\d{10,12})"),
    "invoice_no": re.compile(_label("发票号码") + _S + r"[:：]?" + _S + r"(\d{8}(?:\d{12})?)(?!\d)"),
    "check_code": re.compile(_label("校验码") + _S + r"[:：]?" + _S + r"([\d ]{20,27})"),
}
_DATE = re.compile(
    _label("开票日期") + _S + r"[:：]?" + _S + r"(\d{4})" + _S + r"[年\-/.]" + _S + r"(\d{1,2})" + _S
    + r"[月\-/.]" + _S + r"(\d{1,2})"
)  # fmt: skip
_NAME = re.compile(
    r"名"
    + _S
    + r"称"
    + _S
    + r"[:：]"
    + _S
    + r"([^\n\r:：]+?)(?=\s{2,}|[ \t]*[\r\n]|$|\s*(?:纳税人|统一社会))"
)
_TAX_ID = re.compile(
    r"(?:纳税人识别号|统一社会信用代码(?:/纳税人识别号)?)" + _S + r"[:：]" + _S + r"([0-9A-Z]{15,20})?"
)
_ROLE = re.compile(r"(购" + _S + r"买" + _S + r"方|销" + _S + r"售" + _S + r"方|购方|销方)")
_SUM = re.compile(
    _label("合计") + _S + r"[¥￥]?" + _S + "(" + _NUM + r")" + r"\s+[¥￥]?" + _S + r"(" + _NUM + r"|\*+)"
)
_TOTAL = re.compile(
    r"[（(]" + _S + r"小" + _S + r"写" + _S + r"[)）]" + _S + r"[¥￥]?" + _S + "(" + _NUM + ")"
)
_ORIGINAL = (
    re.compile(
        r"(?:被红冲蓝字|蓝字|对应正数|原)(?:数电|全电)?发票号码" + _S + r"[:：]?" + _S + r"(\d{20}|\d{8})"
    ),
    re.compile(
        r"(?:对应正数|原|蓝字)发票代码"
        + _S
        + r"[:：]?"
        + _S
        + r"(\d{10,12})"
        + r"\s*号码"
        + _S
        + r"[:：]?"
        + _S
        + r"(\d{8})"
    ),
)
_TITLES = (  # the longest first: 电子专票 contains 专用发票
    ("电子发票（增值税专用发票）", "31"),
    ("电子发票（普通发票）", "32"),
    ("增值税电子专用发票", "08"),
    ("增值税电子普通发票", "10"),
    ("增值税专用发票", "01"),
    ("增值税普通发票", "04"),
)


def parse_text(text: str) -> dict:
    """The facts printed on an invoice page. Buyer and seller are told apart by the nearest
    购买方 / 销售方 label before each name and tax id, or by order (the buyer is printed first)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("(", "（").replace(")", "）")
    facts: dict = {}
    for key, pattern in _TEXT_PATTERNS.items():
        m = pattern.search(text)
        if m:
            facts[key] = m.group(1).replace(" ", "")
    m = _DATE.search(text)
    if m:
        try:
            facts["date"] = dt.date(*(int(g) for g in m.groups()))
        except ValueError:
            pass
    roles = [(m.start(), "buyer" if "购" in m.group(1) else "seller") for m in _ROLE.finditer(text)]

    def assign(pattern: re.Pattern, suffix: str) -> None:
        found = [(m.start(), (m.group(1) or "").strip()) for m in pattern.finditer(text)]
        unnamed: list[str] = []
        for position, value in found:
            before = [role for at, role in roles if at < position]
            role = before[-1] if before else None
            if role and f"{role}_{suffix}" not in facts:
                facts[f"{role}_{suffix}"] = value
            else:
                unnamed.append(value)
        for role in ("buyer", "seller"):
            if f"{role}_{suffix}" not in facts and unnamed:
                facts[f"{role}_{suffix}"] = unnamed.pop(0)

    assign(_NAME, "name")
    assign(_TAX_ID, "tax_id")
    m = _SUM.search(text)
    if m:
        facts["amount"] = _money(m.group(1))
        facts["tax"] = ZERO if m.group(2).startswith("*") else _money(m.group(2))
    m = _TOTAL.search(text)
    if m:
        facts["total"] = _money(m.group(1))
    for title, code in _TITLES:
        if title in text.replace(" ", ""):
            facts["type_code"] = code
            break
    compact = re.sub(r"\s", "", text)
    facts["red"] = any(word in compact for word in ("红字", "销项负数", "被红冲"))
    m = _ORIGINAL[1].search(text)
    if m:
        facts["original_code"], facts["original_no"] = m.group(1), m.group(2)
    else:
        m = _ORIGINAL[0].search(text)
        if m:
            facts["original_no"] = m.group(1)
    return facts


# ------------------------------------------------------------------ 数电票 XML


def parse_xml(data: bytes, name: str, source: str) -> EInvoice:
    """A 数电票 XML (root ``EInvoice``). A DTD or entity declaration is refused outright."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml import ElementTree as DET

    try:
        root = DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise refused(
            name, translate("einvoice", "{name} 含有 DTD 或实体声明，为安全起见已拒绝读取。")
        ) from None
    except (ParseError, ValueError):
        raise refused(name, translate("einvoice", "{name} 不是格式正确的 XML 文件。")) from None
    if _local(root.tag) != "EInvoice":
        raise refused(name, translate("einvoice", "{name} 不是数电票 XML（根元素应为 EInvoice）。"))

    def first(*path: str) -> str:
        node = _find(root, path)
        return (node.text or "").strip() if node is not None else ""

    invoice = EInvoice(name, source)
    invoice.invoice_no = first("TaxSupervisionInfo", "InvoiceNumber") or first("InvoiceNumber")
    if not invoice.invoice_no:
        raise refused(
            name, translate("einvoice", "{name} 中没有发票号码（TaxSupervisionInfo/InvoiceNumber）。")
        )
    issued = first("TaxSupervisionInfo", "IssueTime") or first("IssueTime") or first("RequestTime")
    m = re.match(r"(\d{4})-?(\d{1,2})-?(\d{1,2})", issued)
    if m:
        try:
            invoice.date = dt.date(*(int(g) for g in m.groups()))
        except ValueError:
            pass
    invoice.seller_name = first("SellerInformation", "SellerName")
    invoice.seller_tax_id = first("SellerInformation", "SellerIdNum")
    invoice.buyer_name = first("BuyerInformation", "BuyerName")
    invoice.buyer_tax_id = first("BuyerInformation", "BuyerIdNum")
    label = first("EInvoiceType", "LabelCode")
    invoice.type_code = {"01": "31", "02": "32"}.get(label, "32" if invoice.digital else "")
    try:
        invoice.amount = _money(first("BasicInformation", "TotalAmWithoutTax")) or None
        invoice.tax = _money(first("BasicInformation", "TotalTaxAm")) or None
        invoice.total = _money(first("BasicInformation", "TotalTax-includedAmount")) or None
    except ValueError:
        raise refused(name, translate("einvoice", "{name} 的金额无法读取。")) from None
    items = [n for n in root.iter() if _local(n.tag) == "IssuItemInformation"]
    invoice.items = "；".join((_child_text(n, "ItemName")) for n in items if _child_text(n, "ItemName"))[:500]
    item_totals = []
    for node in items:  # the per-item total: TotaltaxIncludedAmount (no hyphen, lower-case t)
        try:
            value = _money(_child_text(node, "TotaltaxIncludedAmount"))
        except ValueError:
            value = None
        if value is not None:
            item_totals.append(value)
    if item_totals and invoice.total is not None and sum(item_totals, ZERO) != invoice.total:
        invoice.flags.append(
            translate("einvoice", "各行价税合计之和 {items} 与发票价税合计 {total} 不一致").format(
                items=f"{sum(item_totals, ZERO):.2f}", total=f"{invoice.total:.2f}"
            )
        )
    elif invoice.total is None and item_totals:
        invoice.total = sum(item_totals, ZERO)
    remark = " ".join(
        (n.text or "") for n in root.iter() if _local(n.tag) in ("Remark", "RedInvoiceInformation")
    )
    facts = parse_text(remark)
    invoice.red = (
        facts.get("red", False)
        or any(v is not None and v < 0 for v in (invoice.amount, invoice.total))
        or bool(first("RedInvoiceInformation"))
    )
    invoice.original_code = facts.get("original_code", "")
    invoice.original_no = (
        facts.get("original_no", "") or first("BlueInvoiceNumber") or first("OriginalInvoiceNumber")
    )
    return invoice


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _child_text(node, name: str) -> str:
    for child in node.iter():
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _find(root, path: tuple[str, ...]):
    """The first element whose local names end with ``path`` (namespaces and depth ignored)."""
    for node in root.iter():
        if _local(node.tag) != path[0]:
            continue
        if len(path) == 1:
            return node
        found = _find_below(node, path[1:])
        if found is not None:
            return found
    return None


def _find_below(node, path: tuple[str, ...]):
    for child in node.iter():
        if child is not node and _local(child.tag) == path[0]:
            if len(path) == 1:
                return child
            found = _find_below(child, path[1:])
            if found is not None:
                return found
    return None


# ------------------------------------------------------------------ OFD

_OFD_FIELDS = {
    "发票代码": "invoice_code",
    "发票号码": "invoice_no",
    "开票日期": "date",
    "合计金额": "amount",
    "金额": "amount",
    "不含税金额": "amount",
    "合计税额": "tax",
    "税额": "tax",
    "价税合计": "total",
    "价税合计（小写）": "total",
    "校验码": "check_code",
    "购买方名称": "buyer_name",
    "购买方纳税人识别号": "buyer_tax_id",
    "购方纳税人识别号": "buyer_tax_id",
    "销售方名称": "seller_name",
    "销售方纳税人识别号": "seller_tax_id",
    "销方纳税人识别号": "seller_tax_id",
    "发票类型": "type",
}


def read_ofd(path: Path) -> EInvoice:
    name = path.name
    not_ofd = translate("einvoice", "{name} 不是可读取的 OFD 文件。")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if (
                len(members) > MAX_OFD_MEMBERS
                or sum(m.file_size for m in members) > limits.MAX_UNPACKED_BYTES
            ):
                raise refused(name, translate("einvoice", "{name} 解压后过大，不像一张电子发票。"))
            by_name = {m.filename.lower(): m for m in members}
            original = next(
                (m for n, m in by_name.items() if n.endswith("attachs/original_invoice.xml")), None
            )
            root_doc = by_name.get("ofd.xml")
            if root_doc is None and original is None:
                raise refused(name, not_ofd)
            custom = _ofd_custom_data(_member(archive, root_doc, name)) if root_doc is not None else {}
            invoice = (
                parse_xml(_member(archive, original, name), name, "ofd") if original is not None else None
            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        raise refused(name, not_ofd) from None
    if invoice is None:
        if not custom.get("invoice_no"):
            raise refused(name, translate("einvoice", "{name} 中没有发票号码，不像电子发票 OFD。"))
        invoice = EInvoice(name, "ofd")
        _merge(invoice, None, custom, "OFD")
        return invoice
    # both: the XML is the tax bureau's record; CustomData disagreeing with it is flagged
    for key in ("invoice_no", "amount", "tax", "total", "date"):
        theirs, ours = custom.get(key), getattr(invoice, key)
        if theirs not in (None, "") and ours not in (None, "") and theirs != ours:
            invoice.flags.append(
                translate("einvoice", "OFD 标签与发票 XML 不一致：{what} {a} / {b}").format(
                    what=_what(key), a=theirs, b=ours
                )
            )
    return invoice


def _member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> bytes:
    """A member's bytes, counted as they unpack (the size in the archive may lie)."""
    data = bytearray()
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 16):
            data += chunk
            if len(data) > MAX_XML_BYTES:
                raise refused(name, translate("einvoice", "{name} 解压后过大，不像一张电子发票。"))
    return bytes(data)


def _ofd_custom_data(data: bytes) -> dict:
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml import ElementTree as DET

    try:
        root = DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise ImportRefused(
            translate("einvoice", "OFD.xml 含有 DTD 或实体声明，为安全起见已拒绝读取。")
        ) from None
    except (ParseError, ValueError):
        return {}
    facts: dict = {}
    for node in root.iter():
        if _local(node.tag) != "CustomData":
            continue
        key = _OFD_FIELDS.get(re.sub(r"\s", "", node.get("Name", "")))
        value = (node.text or "").strip()
        if not key or not value or key in facts:
            continue
        if key in ("amount", "tax", "total"):
            try:
                facts[key] = _money(value)
            except ValueError:
                continue
        elif key == "date":
            m = re.match(r"(\d{4})\s*[年\-/.]?\s*(\d{1,2})\s*[月\-/.]?\s*(\d{1,2})", value)
            if m:
                try:
                    facts["date"] = dt.date(*(int(g) for g in m.groups()))
                except ValueError:
                    pass
        elif key == "type":
            for title, code in _TITLES:
                if title in value:
                    facts["type_code"] = code
                    break
        else:
            facts[key] = value
    return facts


# ------------------------------------------------------------------ putting it together


def _money(text: str) -> Decimal | None:
    text = (text or "").strip().replace(",", "").replace("¥", "").replace("￥", "")
    if not text:
        return None
    try:
        return Decimal(text).quantize(_CENT)
    except InvalidOperation:
        raise ValueError(text) from None


def _what(key: str) -> str:
    return {
        "invoice_code": translate("einvoice", "发票代码"),
        "invoice_no": translate("einvoice", "发票号码"),
        "date": translate("einvoice", "开票日期"),
        "amount": translate("einvoice", "金额"),
        "tax": translate("einvoice", "税额"),
        "total": translate("einvoice", "价税合计"),
    }.get(key, key)


def _merge(invoice: EInvoice, qr: QrData | None, facts: dict, where: str) -> None:
    """Fill ``invoice`` from the QR code and the printed facts, flagging where they disagree.

    The QR's identity fields win (the tax system verifies those); the printed amounts decide
    amount, tax and total, since the QR amount's meaning depends on type and issuer."""
    disagree = translate("einvoice", "二维码与{where}不一致：{what} {qr} / {text}")
    for key in ("invoice_code", "invoice_no", "date"):
        value = facts.get(key)
        if qr is not None:
            mine = getattr(qr, key)
            if mine and value and mine != value:
                invoice.flags.append(disagree.format(where=where, what=_what(key), qr=mine, text=value))
            value = mine or (value if key != "invoice_code" or not qr.invoice_no else "")
        setattr(invoice, key, value or ("" if key != "date" else None))
    invoice.type_code = (qr.type_code if qr else "") or facts.get("type_code", "")
    invoice.check_code = (qr.check_code if qr else "") or facts.get("check_code", "")
    for key in ("seller_name", "seller_tax_id", "buyer_name", "buyer_tax_id", "original_code", "original_no"):
        setattr(invoice, key, facts.get(key, "") or "")
    amount, tax, total = facts.get("amount"), facts.get("tax"), facts.get("total")
    if qr is not None and qr.amount is not None:
        q = qr.amount
        digital = invoice.type_code in DIGITAL_TYPES or (
            not invoice.invoice_code and len(invoice.invoice_no) == 20
        )
        printed = [v for v in (amount, total if digital else None) if v is not None]
        if printed and q not in printed:
            invoice.flags.append(
                disagree.format(
                    where=where,
                    what=_what("total" if digital and amount is None else "amount"),
                    qr=f"{q:.2f}",
                    text=" / ".join(f"{v:.2f}" for v in printed),
                )
            )
        elif amount is None and total is None:  # nothing printed could be read: the QR alone
            if digital:
                total = q
            else:
                amount = q
    invoice.amount, invoice.tax, invoice.total = amount, tax, total
    invoice.red = bool(facts.get("red")) or any(
        v is not None and v < 0 for v in (amount, total, qr and qr.amount)
    )


def _finish(invoice: EInvoice) -> None:
    """Amount + tax = total, each found from the other two; flag what cannot agree or is missing."""
    a, t, s = invoice.amount, invoice.tax, invoice.total
    if a is not None and t is not None and s is None:
        s = a + t
    elif a is None and t is not None and s is not None:
        a = s - t
    elif a is not None and t is None and s is not None:
        t = s - a
    elif s is None and a is not None:
        invoice.flags.append(translate("einvoice", "未读到税额和价税合计，按金额计"))
        t, s = ZERO, a
    elif a is None and s is not None:
        invoice.flags.append(translate("einvoice", "未读到金额和税额，按价税合计计"))
        a, t = s, ZERO
    if a is not None and t is not None and s is not None and a + t != s:
        invoice.flags.append(
            translate("einvoice", "金额 {a} + 税额 {t} ≠ 价税合计 {s}").format(
                a=f"{a:.2f}", t=f"{t:.2f}", s=f"{s:.2f}"
            )
        )
    invoice.amount, invoice.tax, invoice.total = a, t, s
    if s is None:
        invoice.flags.append(translate("einvoice", "未读到发票金额"))
    if invoice.date is None:
        invoice.flags.append(translate("einvoice", "未读到开票日期"))
    if invoice.red and not invoice.original_no:
        invoice.flags.append(translate("einvoice", "红字发票未注明所冲销的原发票号码"))
    invoice.invoice_code = invoice.invoice_code.strip()
    invoice.invoice_no = invoice.invoice_no.strip()
    for name in ("seller_name", "buyer_name", "items"):
        setattr(invoice, name, str(limits.clean(getattr(invoice, name))).strip())
