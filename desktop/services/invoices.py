"""The invoice registry: e-invoice files attached to claims or imported by finance, duplicates
across people and batches, red invoices, and the title (抬头) check.

Finance's worst case is one invoice reimbursed twice — by two people, or once as a PDF and once
typed from a list. So an invoice is one thing wherever it appears:

* on the claim side (expense lines, typed by hand or filled from a file), a second claim of the
  same invoice is refused with who claimed it, where and when;
* on the import side (finance's 导入, a list or files), a second import is a duplicate, as for
  spreadsheets. A claim and an import of the same invoice are not duplicates: that pair is what
  reconciliation matches.

Identity is 发票代码 + 发票号码 (数电票: the 20-digit number alone). A number typed without its code
is an old 8-digit number that repeats across codes, so it counts as the same invoice only when
the date and amount (or the seller's tax id and amount) agree too.

A red invoice (红字发票) names the invoice it cancels; the original can then no longer be claimed,
and a claim already holding it is flagged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import peewee

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.importers import einvoice
from desktop.importers.einvoice import EInvoice
from desktop.importers.tabular import ImportRefused
from desktop.models import (
    Application,
    ExpenseLine,
    ExpenseSummary,
    ExpenseVoucher,
    ImportBatch,
    ImportedLine,
    User,
)
from desktop.models.invoices import InvoiceRecord
from desktop.services import audit, settings
from desktop.services.auth import Actor, require
from desktop.services.errors import NotFound, ServiceError

KIND = "e-invoice"  # ImportBatch.kind and the CLI's JSON "kind"; its lines are ImportedLine kind "invoice"


# ------------------------------------------------------------------ identity


@dataclass(frozen=True)
class Facts:
    """What identifies an invoice, from a file, a registry row or a typed expense line."""

    code: str
    number: str
    date: dt.date | None = None
    total: Decimal | None = None
    seller_tax_id: str = ""

    @classmethod
    def of(cls, invoice: EInvoice) -> Facts:
        return cls(
            invoice.invoice_code, invoice.invoice_no, invoice.date, invoice.total, invoice.seller_tax_id
        )


def same_invoice(a: Facts, b: Facts) -> bool:
    if not a.number or a.number != b.number:
        return False
    if a.code and b.code:
        return a.code == b.code
    if len(a.number) == 20:  # a 数电票 number is unique on its own
        return True
    # An 8-digit number without its code: only with the same amount, and date or seller.
    if a.total is None or b.total is None or a.total != b.total:
        return False
    return (a.date is not None and a.date == b.date) or bool(
        a.seller_tax_id and a.seller_tax_id == b.seller_tax_id
    )


def _norm_name(text: str) -> str:
    return re.sub(r"\s", "", text or "").replace("（", "(").replace("）", ")")


def title_problems(buyer_name: str, buyer_tax_id: str) -> list[str]:
    """How the buyer (抬头) on an invoice differs from the company in 设置; empty when it matches."""
    company, tax_id = settings.company_name(), settings.company_tax_id()
    problems = []
    if not buyer_name and not buyer_tax_id:
        return [translate("invoices", "未读到购买方（抬头），请核对")]
    if buyer_name and _norm_name(buyer_name) != _norm_name(company):
        problems.append(
            translate("invoices", "抬头“{name}”与公司名称“{company}”不符").format(
                name=buyer_name, company=company
            )
        )
    if tax_id and buyer_tax_id and buyer_tax_id.upper() != tax_id.upper():
        problems.append(
            translate("invoices", "购买方纳税人识别号 {id} 与公司的 {ours} 不符").format(
                id=buyer_tax_id, ours=tax_id
            )
        )
    if tax_id and not buyer_tax_id:
        problems.append(translate("invoices", "发票上没有购买方纳税人识别号"))
    return problems


# ------------------------------------------------------------------ who holds an invoice


@dataclass(frozen=True)
class Holder:
    """Where an invoice already is: a claim line or an imported line."""

    side: str  # claim | import
    invoice_no: str
    message: str
    expense_line_id: int | None = None
    imported_line_id: int | None = None


def _day(value) -> str:
    return f"{value:%Y-%m-%d}" if value else "?"


def _claim_message(no: str, line: ExpenseLine, who: str, claimed_at: dt.datetime | None) -> str:
    summary: ExpenseSummary = line.summary
    app = Application.get_or_none(Application.id == summary.reception_id)
    number = app.number if app is not None else "?"
    who = who or translate("invoices", "（未知）")
    if summary.status == "reimbursed":
        return translate(
            "invoices", "发票 {no} 已报销：在 {number} 的费用中，由 {who} 于 {date} 提交"
        ).format(no=no, number=number, who=who, date=_day(summary.submitted_at or claimed_at))
    if summary.submitted_at is not None and summary.status not in ("draft", "returned"):
        return translate("invoices", "发票 {no} 已在 {number} 的费用中，由 {who} 于 {date} 提交").format(
            no=no, number=number, who=who, date=_day(summary.submitted_at)
        )
    return translate(
        "invoices", "发票 {no} 已在 {number} 的费用中，由 {who} 于 {date} 填报（尚未提交）"
    ).format(no=no, number=number, who=who, date=_day(claimed_at))


def claims(facts: Facts, *, exclude_line: int | None = None) -> list[Holder]:
    """Expense lines that already claim this invoice: typed by hand or attached as a file."""
    if not facts.number:
        return []
    found: list[Holder] = []
    seen: set[int] = set()
    records = (
        InvoiceRecord.select(InvoiceRecord, User)
        .join(User, peewee.JOIN.LEFT_OUTER, on=(InvoiceRecord.claimed_by == User.id))
        .where(InvoiceRecord.invoice_no == facts.number, InvoiceRecord.expense_line.is_null(False))
    )
    for rec in records:
        if rec.expense_line_id == exclude_line or rec.expense_line_id in seen:
            continue
        if same_invoice(facts, _record_facts(rec)):
            line = ExpenseLine.get_by_id(rec.expense_line_id)
            who = rec.claimed_by.display_name if rec.claimed_by_id else ""
            seen.add(line.id)
            found.append(
                Holder(
                    "claim", facts.number, _claim_message(facts.number, line, who, rec.claimed_at), line.id
                )
            )
    typed = (
        ExpenseLine.select(ExpenseLine, User)
        .join(User, peewee.JOIN.LEFT_OUTER, on=(ExpenseLine.entered_by == User.id))
        .where(ExpenseLine.invoice_no == facts.number)
    )
    for line in typed:
        if line.id == exclude_line or line.id in seen:
            continue
        other = Facts(line.invoice_code, line.invoice_no, line.date, Decimal(line.total), "")
        if same_invoice(facts, other):
            who = line.entered_by.display_name if line.entered_by_id else ""
            seen.add(line.id)
            found.append(
                Holder(
                    "claim", facts.number, _claim_message(facts.number, line, who, line.updated_at), line.id
                )
            )
    return found


def imported(facts: Facts) -> list[Holder]:
    """Live imported lines (a list or e-invoice files) that carry this invoice."""
    if not facts.number:
        return []
    rows = (
        ImportedLine.select(ImportedLine, ImportBatch, User)
        .join(ImportBatch)
        .join(User, peewee.JOIN.LEFT_OUTER, on=(ImportBatch.imported_by == User.id))
        .where(ImportBatch.live(), ImportedLine.invoice_no == facts.number)
    )
    found = []
    for row in rows:
        other = Facts(row.invoice_code, row.invoice_no, row.date, row.total, "")
        if same_invoice(facts, other):
            batch = row.batch
            who = (
                batch.imported_by.display_name if batch.imported_by_id else translate("invoices", "（未知）")
            )
            found.append(
                Holder(
                    "import",
                    facts.number,
                    translate(
                        "invoices", "发票 {no} 已于 {date} 由 {who} 导入（批次 {batch}，{file}）"
                    ).format(
                        no=facts.number,
                        date=_day(batch.imported_at),
                        who=who,
                        batch=batch.id,
                        file=batch.file_name,
                    ),
                    imported_line_id=row.id,
                )
            )
    return found


def _record_facts(rec: InvoiceRecord) -> Facts:
    return Facts(rec.invoice_code, rec.invoice_no, rec.date, rec.total, rec.seller_tax_id)


def _live_records():
    """Registry rows whose claim line exists or whose imported line is in a live batch."""
    live_batches = ImportBatch.select(ImportBatch.id).where(ImportBatch.live())
    live_imports = ImportedLine.select(ImportedLine.id).where(ImportedLine.batch.in_(live_batches))
    return InvoiceRecord.select().where(
        InvoiceRecord.expense_line.is_null(False) | InvoiceRecord.imported_line.in_(live_imports)
    )


def cancelled_by(code: str, number: str) -> InvoiceRecord | None:
    """The red invoice that cancels invoice ``code``/``number``, if one was attached or imported."""
    if not number:
        return None
    for rec in _live_records().where(InvoiceRecord.red == True, InvoiceRecord.original_no == number):  # noqa: E712
        if not rec.original_code or not code or rec.original_code == code:
            return rec
    return None


def cancelled_keys() -> set[tuple[str, str]]:
    """(code, number) of every invoice a live red invoice cancels — for reconciliation."""
    return {
        (r.original_code, r.original_no)
        for r in _live_records().where(InvoiceRecord.red == True, InvoiceRecord.original_no != "")  # noqa: E712
    }


def _cancelled_text(number: str, red: InvoiceRecord) -> str:
    return translate("invoices", "发票 {no} 已被红字发票 {red} 冲销").format(no=number, red=red.invoice_no)


# ------------------------------------------------------------------ claim side: the expense editor


@dataclass
class Inspection:
    """An e-invoice file read for an expense line, with what finance would query about it."""

    invoice: EInvoice
    notes: list[str] = field(default_factory=list)


def _refuse_for_claim(invoice: EInvoice, exclude_line: int | None) -> None:
    if not invoice.invoice_no:
        raise ServiceError(translate("invoices", "{file} 中没有发票号码。").format(file=invoice.file))
    if invoice.red:
        raise ServiceError(
            translate("invoices", "{file} 是红字发票（冲销 {original}），不能作为报销凭证。").format(
                file=invoice.file, original=invoice.original_no or "?"
            )
        )
    holders = claims(Facts.of(invoice), exclude_line=exclude_line)
    if holders:
        raise ServiceError(holders[0].message + translate("invoices", "，不能重复报销。"))
    red = cancelled_by(invoice.invoice_code, invoice.invoice_no)
    if red is not None:
        raise ServiceError(_cancelled_text(invoice.invoice_no, red) + translate("invoices", "，不能报销。"))


def _notes(invoice: EInvoice) -> list[str]:
    return [*title_problems(invoice.buyer_name, invoice.buyer_tax_id), *invoice.flags]


def inspect(actor: Actor, path: Path, *, line_id: int | None = None) -> Inspection:
    """Read ``path`` for the expense editor (nothing is written): an unreadable file, a red
    invoice, an invoice claimed elsewhere or cancelled is refused with one sentence."""
    require(actor, "expenses.file")
    try:
        invoice = einvoice.read(Path(path))
    except ImportRefused as exc:
        raise ServiceError(str(exc)) from None
    _refuse_for_claim(invoice, line_id)
    return Inspection(invoice, _notes(invoice))


def attach(actor: Actor, line_id: int, path: Path) -> Inspection:
    """Attach an e-invoice file to a saved expense line: the file becomes a voucher, the invoice
    is registered as claimed by this line, and the line's empty invoice fields are filled."""
    from desktop.services import expenses

    require(actor, "expenses.file")
    path = Path(path)
    try:
        invoice = einvoice.read(path)
    except ImportRefused as exc:
        raise ServiceError(str(exc)) from None
    digest = _file_hash(path)
    with database.atomic():
        line = ExpenseLine.get_or_none(ExpenseLine.id == line_id)
        if line is None:
            raise NotFound(translate("expenses", "费用明细不存在。"))
        expenses._editable(actor, line.summary)  # role, relation to the reception, and its state
        existing = InvoiceRecord.get_or_none(InvoiceRecord.expense_line == line_id)
        if existing is not None:
            raise ServiceError(
                translate(
                    "invoices", "这条明细已附有电子发票 {no}；一条明细只对应一张发票，请新建明细。"
                ).format(no=existing.invoice_no)
            )
        if line.invoice_no and line.invoice_no != invoice.invoice_no:
            raise ServiceError(
                translate("invoices", "明细上的发票号码 {typed} 与文件中的 {read} 不一致。").format(
                    typed=line.invoice_no, read=invoice.invoice_no
                )
            )
        _refuse_for_claim(invoice, line_id)
        stored = expenses.attach_voucher(actor, line_id, path)
        voucher = ExpenseVoucher.get_or_none(ExpenseVoucher.stored_name == stored)
        fill = {}
        if not line.invoice_no:
            fill.update(invoice_code=invoice.invoice_code, invoice_no=invoice.invoice_no)
        if not line.vendor and invoice.seller_name:
            fill["vendor"] = invoice.seller_name[: ExpenseLine.vendor.max_length]
        if fill:
            from desktop.services import versioning

            versioning.claim(line, None, actor)
            ExpenseLine.update(**fill).where(ExpenseLine.id == line_id).execute()
        record = InvoiceRecord.create(
            **_record_fields(invoice, digest),
            expense_line=line_id,
            voucher=voucher,
            claimed_by=actor.user_id or None,
        )
        changes = {k: (getattr(line, k), v) for k, v in fill.items()}
        changes["e_invoice"] = (None, f"{invoice.invoice_code}/{invoice.invoice_no}#{record.id}")
        audit.record(actor, "edit", "expense_line", line_id, changes, invoice.file)
    notes = _notes(invoice)
    if invoice.total is not None and Decimal(line.total) != invoice.total:
        notes.append(_amount_note(Decimal(line.total), invoice.total))
    return Inspection(invoice, notes)


def _amount_note(claimed: Decimal, total: Decimal) -> str:
    return translate("invoices", "明细金额 {claimed} 与发票价税合计 {total} 不一致").format(
        claimed=f"{claimed:,.2f}", total=f"{total:,.2f}"
    )


def _record_fields(invoice: EInvoice, digest: str) -> dict:
    return {
        "invoice_code": invoice.invoice_code,
        "invoice_no": invoice.invoice_no,
        "type_code": invoice.type_code[:4],
        "date": invoice.date,
        "seller_name": invoice.seller_name[:200],
        "seller_tax_id": invoice.seller_tax_id[:40],
        "buyer_name": invoice.buyer_name[:200],
        "buyer_tax_id": invoice.buyer_tax_id[:40],
        "amount": invoice.amount,
        "tax": invoice.tax,
        "total": invoice.total,
        "check_code": invoice.check_code[:40],
        "red": invoice.red,
        "original_code": invoice.original_code[:40],
        "original_no": invoice.original_no[:40],
        "source": invoice.source,
        "file_name": invoice.file[:255],
        "file_hash": digest,
        "flags": "；".join(invoice.flags),
    }


def line_checks(line_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """(code, message) findings about the invoices of these expense lines, shown with the line's
    checks: the title (抬头), what reading the file found, a cancelled invoice, a claim elsewhere."""
    found: dict[int, list[tuple[str, str]]] = {}
    if not line_ids:
        return found
    lines = {x.id: x for x in ExpenseLine.select().where(ExpenseLine.id.in_(line_ids))}
    for rec in InvoiceRecord.select().where(InvoiceRecord.expense_line.in_(line_ids)):
        notes = found.setdefault(rec.expense_line_id, [])
        for problem in title_problems(rec.buyer_name, rec.buyer_tax_id):
            notes.append(("invoice_title", problem))
        for flag in filter(None, rec.flags.split("；")):
            notes.append(("invoice_file", translate("invoices", "发票文件：{flag}").format(flag=flag)))
        line = lines.get(rec.expense_line_id)
        if line is not None and rec.total is not None and Decimal(line.total) != Decimal(rec.total):
            notes.append(("invoice_amount", _amount_note(Decimal(line.total), Decimal(rec.total))))
    for line in lines.values():
        if not line.invoice_no:
            continue
        red = cancelled_by(line.invoice_code, line.invoice_no)
        if red is not None:
            found.setdefault(line.id, []).append(("invoice_cancelled", _cancelled_text(line.invoice_no, red)))
        facts = Facts(line.invoice_code, line.invoice_no, line.date, Decimal(line.total), "")
        others = claims(facts, exclude_line=line.id)
        if others:
            found.setdefault(line.id, []).append(("invoice_duplicate", others[0].message))
    return found


# ------------------------------------------------------------------ import side: 导入


@dataclass
class FileLine:
    """One file of an e-invoice import. Reads like :class:`desktop.importers.tabular.Line` (row,
    date, invoice_code, invoice_no, vendor, memo, amount, tax, total, status, reason), so the
    import preview and the CLI's JSON treat both alike."""

    row: int
    file: str
    invoice: EInvoice | None
    status: str = "new"  # new | duplicate | error
    reason: str = ""
    file_hash: str = ""
    notes: list[str] = field(default_factory=list)  # what finance should query
    claim: str = ""  # the expense line that claims it (information, not a problem)

    def _get(self, name: str):
        return getattr(self.invoice, name) if self.invoice is not None else None

    @property
    def date(self) -> dt.date | None:
        return self._get("date")

    @property
    def invoice_code(self) -> str:
        return self._get("invoice_code") or ""

    @property
    def invoice_no(self) -> str:
        return self._get("invoice_no") or ""

    @property
    def vendor(self) -> str:
        return self._get("seller_name") or ""

    @property
    def memo(self) -> str:
        if self.invoice is None:
            return self.file
        return " ".join(x for x in (self.invoice.type_label, self.invoice.items, self.file) if x)[:1000]

    @property
    def amount(self) -> Decimal | None:
        return self._get("amount")

    @property
    def tax(self) -> Decimal | None:
        return self._get("tax")

    @property
    def total(self) -> Decimal | None:
        return self._get("total")

    def content_hash(self) -> str:
        key = f"e-invoice|{self.invoice_code}|{self.invoice_no}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


@dataclass
class FilesPreview:
    files: list[str]
    lines: list[FileLine]
    kind: str = KIND

    @property
    def new_lines(self) -> list[FileLine]:
        return [x for x in self.lines if x.status == "new"]

    @property
    def file(self) -> str:
        if len(self.files) == 1:
            return self.files[0]
        return translate("invoices", "{n} 个电子发票文件").format(n=len(self.files))

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for x in self.lines if x.status == s) for s in ("new", "duplicate", "error")}

    def as_json(self) -> dict:
        """The contract of :meth:`desktop.services.imports.Preview.as_json`, one line per invoice,
        with the file each came from and what was found about it."""

        def money(value) -> str | None:
            return None if value is None else f"{value:.2f}"

        lines = []
        for x in self.lines:
            inv = x.invoice
            lines.append(
                {
                    "row": x.row,
                    "file": x.file,
                    "date": x.date.isoformat() if x.date else None,
                    "invoice_code": x.invoice_code or None,
                    "invoice_no": x.invoice_no or None,
                    "vendor": x.vendor or None,
                    "memo": x.memo or None,
                    "amount": money(x.amount),
                    "tax": money(x.tax),
                    "total": money(x.total),
                    "status": x.status,
                    "reason": x.reason or None,
                    "type": inv.type_code if inv else None,
                    "seller_tax_id": (inv.seller_tax_id or None) if inv else None,
                    "buyer": (inv.buyer_name or None) if inv else None,
                    "buyer_tax_id": (inv.buyer_tax_id or None) if inv else None,
                    "red": inv.red if inv else False,
                    "original_invoice_no": (inv.original_no or None) if inv else None,
                    "flags": list(x.notes),
                    "claimed": x.claim or None,
                }
            )
        return {
            "file": self.file,
            "files": list(self.files),
            "encoding": None,
            "sheet": None,
            "header_row": None,
            "kind": self.kind,
            "profile": None,
            "columns": {},
            "lines": lines,
            "skipped": [],
        }


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def preview_files(actor: Actor, paths: list[Path], *, progress=None) -> FilesPreview:
    """Read e-invoice files (folders searched) for 导入; nothing is written. An unreadable file
    is an error line with one sentence; the others go on. ``progress(done, total)`` may raise
    to cancel."""
    require(actor, "finance.import")
    paths = [Path(p) for p in paths]
    files = einvoice.collect(paths)
    if not files:
        raise ImportRefused(
            translate("invoices", "{names} 中没有电子发票文件（.pdf、.ofd、.xml）。").format(
                names="、".join(Path(p).name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
            )
        )
    lines: list[FileLine] = []
    for n, path in enumerate(files, start=1):
        try:
            invoice = einvoice.read(path)
        except ImportRefused as exc:
            lines.append(FileLine(n, path.name, None, "error", str(exc)))
        else:
            lines.append(FileLine(n, path.name, invoice, file_hash=_file_hash(path)))
        if progress is not None:
            progress(n, len(files))
    _mark(lines)
    return FilesPreview([p.name for p in files], lines)


def _mark(lines: list[FileLine]) -> None:
    """Duplicates (in these files, or imported before), and every note finance should read."""
    seen: list[tuple[Facts, FileLine]] = []
    for line in lines:
        if line.invoice is None:
            continue
        invoice = line.invoice
        line.status, line.notes, line.claim = "new", [], ""
        facts = Facts.of(invoice)
        if not invoice.invoice_no:
            line.status = "error"
            line.reason = translate("invoices", "{file} 中没有发票号码").format(file=line.file)
            continue
        before = imported(facts)  # imported earlier says more (who, when) than "twice in these files"
        first = next((other for f, other in seen if same_invoice(facts, f)), None)
        if before:
            line.status = "duplicate"
            line.notes.append(before[0].message)
        elif first is not None:
            line.status = "duplicate"
            line.notes.append(
                translate("invoices", "与第 {row} 个文件（{file}）是同一张发票").format(
                    row=first.row, file=first.file
                )
            )
        if first is None:
            seen.append((facts, line))
        if invoice.red:
            line.notes.append(
                translate("invoices", "红字发票，冲销发票 {no}").format(no=invoice.original_no or "?")
            )
        else:
            red = cancelled_by(invoice.invoice_code, invoice.invoice_no)
            if red is not None:
                line.notes.append(_cancelled_text(invoice.invoice_no, red))
        line.notes += _notes(invoice)
        # Where it is claimed: what reconciliation will match it to, not a problem.
        holders = claims(facts)
        line.claim = holders[0].message if holders else ""
        line.reason = "；".join(
            [*line.notes, translate("invoices", "报销情况：{what}").format(what=line.claim)]
            if line.claim
            else line.notes
        )


def commit_files(actor: Actor, preview: FilesPreview) -> int:
    """Write the new invoices as one batch (undone as a whole in 导入); returns the batch id.

    Each becomes an imported invoice line (what reconciliation matches) and a registry row (what
    later duplicates and red invoices are checked against). Duplicates are checked again inside
    the transaction: another PC may have imported the same invoice since the preview."""
    require(actor, "finance.import")
    if not preview.new_lines:
        raise ServiceError(translate("invoices", "没有可导入的新发票。"))
    with database.atomic():
        _mark(preview.lines)
        lines = preview.new_lines
        if not lines:
            raise ServiceError(translate("invoices", "这些发票刚已导入，没有可导入的新发票。"))
        digest = hashlib.sha256("".join(sorted(x.file_hash for x in lines)).encode()).hexdigest()
        batch = ImportBatch.create(
            file_name=preview.file[:255],
            file_hash=digest,
            kind=KIND,
            imported_by=actor.user_id or None,
            imported_at=clock.now(),
            line_count=len(lines),
            state="done",
        )
        for line in lines:
            invoice = line.invoice
            row = ImportedLine.create(
                batch=batch,
                row=line.row,
                kind="invoice",
                date=line.date,
                invoice_code=line.invoice_code,
                invoice_no=line.invoice_no,
                vendor=line.vendor[:200],
                memo=line.memo,
                amount=line.amount,
                tax=line.tax,
                total=line.total,
                content_hash=line.content_hash(),
            )
            InvoiceRecord.create(
                **_record_fields(invoice, line.file_hash), imported_line=row, claimed_by=actor.user_id or None
            )
        audit.record(
            actor, "import", "import", batch.id, {"lines": (None, len(lines))}, f"{KIND} {batch.file_name}"
        )
    return batch.id
